"""Stage 1: read `content/` safely, keeping the line and column of every YAML value."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.content.files import MAX_FILE_BYTES, Tree, read_regular, scan
from generator.content.quickcheck import schema_allows
from generator.content.types import ID_PATTERN
from generator.content.validate import validate_document
from generator.content.yamlparse import MAX_DEPTH, compose, too_deep
from generator.parallel import fork_map
from generator.problems import Problem

MAX_NUMBER_CHARACTERS = 4_000  # int() refuses 4,300 digits; longer ones the schema reports as too large
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REGISTRY_FILES = ("people", "organisations", "places", "topics")
YAML_TAG = "tag:yaml.org,2002:"
PLAIN_SCALAR_TAGS = {YAML_TAG + t for t in ("null", "bool", "int", "float", "str", "timestamp")}
TEXT_TAGS = (YAML_TAG + "str", YAML_TAG + "timestamp")  # dates stay texts
STR_TAG, MAP_TAG, SEQ_TAG, MERGE_TAG = (YAML_TAG + t for t in ("str", "map", "seq", "merge"))

ALIAS_MESSAGE = "YAML anchors and aliases are not allowed: this value is reused by an alias; write it out instead"
CONSTRUCTOR = yaml.constructor.SafeConstructor()

Where = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML file with the position of each value and key.

    Positions are only needed to report a problem, and recording them for every value of every
    file would take more memory than the data itself. So the text is kept, and the positions are
    recorded (by parsing the text once more) when the first problem of the file is reported.
    """

    path: str
    data: Any
    marks: dict[Where, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Where, tuple[int, int]] = field(default_factory=dict)
    has_alias: bool = False
    source: str | None = field(default=None, repr=False)  # the text, until the check is done (release_sources)
    marked: bool = False  # whether the positions are recorded

    def record_marks(self) -> None:
        """Record the position of every value and key (once)."""
        self.marked = True
        node = compose(self.source) if self.source is not None else None
        if node is not None:
            to_data(node, (), self, set(), [], record=True)

    def at(self, where: Where, key: bool = False) -> tuple[int, int]:
        """Return (line, col) of a value (or its key), falling back to the nearest parent."""
        if not self.marked:
            self.record_marks()
        table = self.key_marks if key else self.marks
        while where:
            if where in table:
                return table[where]
            if where in self.marks:
                return self.marks[where]
            where = where[:-1]
        return self.marks.get((), (1, 1))

    def problem(self, where: Where, message: str, key: bool = False, warning: bool = False) -> Problem:
        """Build a problem located at a value of this document."""
        line, col = self.at(where, key)
        return Problem(self.path, line, col, message, warning)


@dataclass
class ArticleSource:
    """An article's text and its curated metadata."""

    id: str
    meta: Document
    text: str
    text_path: str


@dataclass
class Content:
    """Everything read from `content/`."""

    dossier: Document
    registries: dict[str, Document]
    articles: list[ArticleSource]
    pages: dict[str, str]


def load_content(root: Path) -> tuple[Content, list[Problem]]:
    """Read and schema-check every content file under `root` (the project directory)."""
    tree = scan(root)
    problems: list[Problem] = list(tree.problems)
    content_dir = root / "content"
    if not tree.is_folder(content_dir) and not tree.is_refused(content_dir):
        problems.append(Problem("content", 1, 1, "content/ is not a folder"))
    dossier = load_yaml(tree, content_dir / "dossier.yaml", "dossier", problems)
    registries = {kind: load_yaml(tree, content_dir / f"{kind}.yaml", kind, problems) for kind in REGISTRY_FILES}
    articles = load_articles(tree, content_dir / "articles", problems)
    pages = load_pages(tree, content_dir / "pages", problems)
    return Content(dossier, registries, articles, pages), sorted(problems)


def load_articles(tree: Tree, folder: Path, problems: list[Problem]) -> list[ArticleSource]:
    """Pair every `<id>.txt` with its `<id>.yaml` and load both (no folder: no articles, as git keeps none empty)."""
    if not tree.is_folder(folder):
        if tree.name(folder) in tree.files:
            problems.append(Problem(tree.name(folder), 1, 1, "content/articles must be a folder"))
        return []
    stems = set()
    for name in tree.children(folder):
        path = folder / name
        if tree.is_file(path) and path.suffix in (".txt", ".yaml"):
            stems.add(path.stem)
        elif not tree.is_refused(path):
            problems.append(Problem(tree.name(path), 1, 1, "unexpected entry: articles are <id>.txt with <id>.yaml"))
    loaded = fork_map(load_article, (tree, folder), sorted(stems))
    for _, found in loaded:
        problems.extend(found)
    return [article for article, _ in loaded if article is not None]


def load_article(place: tuple[Tree, Path], stem: str) -> tuple[ArticleSource | None, list[Problem]]:
    """Load one article's text and metadata; return it (None if unusable) and the problems found."""
    tree, folder = place
    problems: list[Problem] = []
    txt, meta = folder / f"{stem}.txt", folder / f"{stem}.yaml"
    if not re.match(ID_PATTERN, stem):
        message = f"article id '{stem}' is not valid: expected lowercase letters, digits and single hyphens"
        problems.append(Problem(tree.name(txt if tree.is_file(txt) else meta), 1, 1, message))
        return None, problems
    for present, missing, what in ((txt, meta, "text has no metadata"), (meta, txt, "metadata has no text")):
        if not tree.is_file(missing):
            if not tree.is_refused(missing):
                problems.append(
                    Problem(tree.name(present), 1, 1, f"article {what} file: expected {tree.name(missing)}")
                )
            return None, problems
    text = read_text(tree, txt, problems)
    doc = load_yaml(tree, meta, "article", problems)
    if text is not None and not text.strip():
        problems.append(Problem(tree.name(txt), 1, 1, "article text is empty"))
    elif text is not None:
        return ArticleSource(stem, doc, text, tree.name(txt)), problems
    return None, problems


def load_pages(tree: Tree, folder: Path, problems: list[Problem]) -> dict[str, str]:
    """Read the hand-written Markdown pages copied into the site."""
    pages: dict[str, str] = {}
    for name in tree.children(folder) if tree.is_folder(folder) else []:
        path = folder / name
        if tree.is_file(path) and name.endswith(".md"):
            text = read_text(tree, path, problems)
            if text is not None:
                pages[name] = text
    return pages


def read_text(tree: Tree, path: Path, problems: list[Problem]) -> str | None:
    """Read a regular UTF-8 file with `\\n` line endings, normalised to NFC, reporting anything else."""
    name = tree.name(path)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except OSError as exc:
        reason = f"{exc.strerror}" if exc.errno == 0 else f"cannot read file: {exc.strerror}"
        problems.append(Problem(name, 1, 1, reason))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(name, 1, 1, "file starts with a byte-order mark; save it as UTF-8 without BOM"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = position_of(raw[: exc.start].decode("utf-8", errors="replace"))
        problems.append(
            Problem(name, line, col, f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        )
        return None
    if "\r" in text:
        line, col = position_of(text[: text.index("\r")])
        problems.append(Problem(name, line, col, "carriage return found; use \\n line endings"))
        return None
    if control := CONTROL.search(text):
        line, col = position_of(text[: control.start()])
        problems.append(Problem(name, line, col, f"control character U+{ord(control.group()):04X} found"))
        return None
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def position_of(prefix: str) -> tuple[int, int]:
    """Return 1-based (line, col) of the character following `prefix`."""
    lines = prefix.split("\n")
    return len(lines), len(lines[-1]) + 1


def load_yaml(tree: Tree, path: Path, kind: str, problems: list[Problem]) -> Document:
    """Parse one YAML file safely and check it against its schema."""
    doc = Document(tree.name(path), None)
    if not tree.is_file(path):
        if not tree.is_refused(path):
            problems.append(Problem(doc.path, 1, 1, "file not found"))
        return doc
    text = read_text(tree, path, problems)
    if text is None:
        return doc
    if (deep := too_deep(text)) is not None:
        problems.append(Problem(doc.path, deep, 1, f"invalid YAML: nested deeper than {MAX_DEPTH} levels"))
        return doc
    try:
        node = compose(text)
    except RecursionError:
        problems.append(Problem(doc.path, 1, 1, f"invalid YAML: nested deeper than {MAX_DEPTH} levels"))
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        problems.append(Problem(doc.path, line, col, f"invalid YAML: {what}"))
        return doc
    except yaml.reader.ReaderError as exc:
        line, col = position_of(text[: exc.position])
        problems.append(Problem(doc.path, line, col, f"invalid YAML: unprintable character U+{exc.character:04X}"))
        return doc
    if node is None:
        problems.append(Problem(doc.path, 1, 1, "file is empty"))
        return doc
    before = len(problems)
    doc.source = text
    doc.data = to_data(node, (), doc, set(), problems)
    if len(problems) == before and not schema_allows(kind, doc.data):
        problems.extend(validate_document(doc, kind))
    return doc


def to_data(
    node: Node, where: Where, doc: Document, seen: set[int], problems: list[Problem], record: bool = False
) -> Any:
    """Convert a YAML node tree to plain data, refusing unsafe constructs (and recording positions if asked)."""
    if record:
        doc.marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(where) > MAX_DEPTH:
        if not record:
            problems.append(doc.problem(where[:MAX_DEPTH], f"values nested deeper than {MAX_DEPTH} levels"))
        return None
    if id(node) in seen:
        if not doc.has_alias:  # one report per file: an alias bomb reuses values thousands of times
            doc.has_alias = True
            problems.append(doc.problem(where, ALIAS_MESSAGE))
        return None
    seen.add(id(node))
    if isinstance(node, ScalarNode) and node.tag in PLAIN_SCALAR_TAGS:  # most nodes
        return scalar_to_data(node, where, doc, problems)
    if isinstance(node, MappingNode) and node.tag == MAP_TAG:
        return mapping_to_data(node, where, doc, seen, problems, record)
    if isinstance(node, SequenceNode) and node.tag == SEQ_TAG:
        return [to_data(item, (*where, i), doc, seen, problems, record) for i, item in enumerate(node.value)]
    problems.append(doc.problem(where, f"unsupported YAML tag '{node.tag}'; only plain values are allowed"))
    return None


def mapping_to_data(
    node: MappingNode, where: Where, doc: Document, seen: set[int], problems: list[Problem], record: bool
) -> dict[str, Any]:
    """Convert a mapping node, reporting duplicate and non-text keys."""
    out: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key_node.tag == MERGE_TAG:
            problems.append(Problem(doc.path, *key_at, "merge keys (<<) are not allowed; write the keys out"))
            continue
        if not isinstance(key_node, ScalarNode) or key_node.tag != STR_TAG:
            problems.append(Problem(doc.path, *key_at, f"keys must be plain texts, found '{key_node.tag}'"))
            continue
        key = key_node.value
        if key in out:
            problems.append(Problem(doc.path, *key_at, f"duplicate key '{key}' (first at line {first_line[key]})"))
            continue
        first_line[key] = key_at[0]
        if record:
            doc.key_marks[(*where, key)] = key_at
        out[key] = to_data(value_node, (*where, key), doc, seen, problems, record)
    return out


def scalar_to_data(node: ScalarNode, where: Where, doc: Document, problems: list[Problem]) -> Any:
    """Convert a scalar; dates stay texts so that precision and validity are checked later."""
    if node.tag in TEXT_TAGS:
        return node.value
    if len(node.value) > MAX_NUMBER_CHARACTERS:
        problems.append(doc.problem(where, f"expected a number, found a number of {len(node.value):,} characters"))
        return None
    value = CONSTRUCTOR.construct_object(node)
    if isinstance(value, float) and not math.isfinite(value):
        problems.append(doc.problem(where, f"expected a finite number, found '{node.value}'"))
        return None
    return value


def rel(root: Path, path: Path) -> str:
    """Return `path` relative to the project root, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
