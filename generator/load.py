"""Stage 1: read `content/` safely, keeping the line and column of every YAML value."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem
from .schema import ID_PATTERN
from .validate import text_markup_problems, validate_document

MAX_FILE_BYTES = 2_000_000
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REGISTRY_FILES = ("people", "organisations", "places", "topics")
YAML_TAG = "tag:yaml.org,2002:"
PLAIN_SCALAR_TAGS = {YAML_TAG + t for t in ("null", "bool", "int", "float", "str", "timestamp")}

ALIAS_MESSAGE = "YAML anchors and aliases are not allowed: this value is reused by an alias; write it out instead"
CONSTRUCTOR = yaml.constructor.SafeConstructor()

Where = tuple[Any, ...]


@dataclass
class Document:
    """A parsed YAML file with the position of each value and key."""

    path: str
    data: Any
    marks: dict[Where, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Where, tuple[int, int]] = field(default_factory=dict)
    has_alias: bool = False

    def at(self, where: Where, key: bool = False) -> tuple[int, int]:
        """Return (line, col) of a value (or its key), falling back to the nearest parent."""
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
    problems: list[Problem] = []
    content_dir = root / "content"
    dossier = load_yaml(root, content_dir / "dossier.yaml", "dossier", problems)
    registries = {kind: load_yaml(root, content_dir / f"{kind}.yaml", kind, problems) for kind in REGISTRY_FILES}
    articles = load_articles(root, content_dir / "articles", problems)
    pages = load_pages(root, content_dir / "pages", problems)
    return Content(dossier, registries, articles, pages), sorted(problems)


def load_articles(root: Path, folder: Path, problems: list[Problem]) -> list[ArticleSource]:
    """Pair every `<id>.txt` with its `<id>.yaml` and load both."""
    if not folder.is_dir():
        problems.append(Problem(rel(root, folder), 1, 1, "articles directory not found"))
        return []
    stems = set()
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix in (".txt", ".yaml"):
            stems.add(path.stem)
        else:
            problems.append(Problem(rel(root, path), 1, 1, "unexpected entry: articles are <id>.txt with <id>.yaml"))
    articles = []
    for stem in sorted(stems):
        txt, meta = folder / f"{stem}.txt", folder / f"{stem}.yaml"
        if not re.match(ID_PATTERN, stem):
            problems.append(
                Problem(
                    rel(root, txt if txt.exists() else meta),
                    1,
                    1,
                    f"article id '{stem}' is not valid: expected lowercase letters, digits and single hyphens",
                )
            )
            continue
        if not meta.exists():
            problems.append(
                Problem(rel(root, txt), 1, 1, f"article text has no metadata file: expected {rel(root, meta)}")
            )
            continue
        if not txt.exists():
            problems.append(
                Problem(rel(root, meta), 1, 1, f"article metadata has no text file: expected {rel(root, txt)}")
            )
            continue
        text = read_text(root, txt, problems)
        doc = load_yaml(root, meta, "article", problems)
        if text is not None and not text.strip():
            problems.append(Problem(rel(root, txt), 1, 1, "article text is empty"))
        elif text is not None:
            problems.extend(text_markup_problems(rel(root, txt), text))
            articles.append(ArticleSource(stem, doc, text, rel(root, txt)))
    return articles


def load_pages(root: Path, folder: Path, problems: list[Problem]) -> dict[str, str]:
    """Read the hand-written Markdown pages copied into the site."""
    pages: dict[str, str] = {}
    if folder.is_dir():
        for path in sorted(p for p in folder.glob("*.md") if p.is_file()):
            text = read_text(root, path, problems)
            if text is not None:
                pages[path.name] = text
    return pages


def read_text(root: Path, path: Path, problems: list[Problem]) -> str | None:
    """Read a UTF-8 file with `\\n` line endings, reporting anything else."""
    name = rel(root, path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, 1, f"file is larger than {MAX_FILE_BYTES:,} bytes"))
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 1, 1, f"cannot read file: {exc.strerror}"))
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
    return text


def position_of(prefix: str) -> tuple[int, int]:
    """Return 1-based (line, col) of the character following `prefix`."""
    lines = prefix.split("\n")
    return len(lines), len(lines[-1]) + 1


def load_yaml(root: Path, path: Path, kind: str, problems: list[Problem]) -> Document:
    """Parse one YAML file safely and check it against its schema."""
    doc = Document(rel(root, path), None)
    if not path.is_file():
        problems.append(Problem(doc.path, 1, 1, "file not found"))
        return doc
    text = read_text(root, path, problems)
    if text is None:
        return doc
    try:
        node = compose(text)
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
    doc.data = to_data(node, (), doc, set(), problems)
    if len(problems) == before:
        problems.extend(validate_document(doc, kind))
    return doc


def compose(text: str) -> Node | None:
    """Parse YAML into a node tree with the safe loader (no tags are constructed here)."""
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def to_data(node: Node, where: Where, doc: Document, seen: set[int], problems: list[Problem]) -> Any:
    """Convert a YAML node tree to plain data, recording marks and refusing unsafe constructs."""
    doc.marks[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:
        if not doc.has_alias:  # one report per file: an alias bomb reuses values thousands of times
            doc.has_alias = True
            problems.append(doc.problem(where, ALIAS_MESSAGE))
        return None
    seen.add(id(node))
    if isinstance(node, MappingNode) and node.tag == YAML_TAG + "map":
        return mapping_to_data(node, where, doc, seen, problems)
    if isinstance(node, SequenceNode) and node.tag == YAML_TAG + "seq":
        return [to_data(item, (*where, i), doc, seen, problems) for i, item in enumerate(node.value)]
    if isinstance(node, ScalarNode) and node.tag in PLAIN_SCALAR_TAGS:
        return scalar_to_data(node, where, doc, problems)
    problems.append(doc.problem(where, f"unsupported YAML tag '{node.tag}'; only plain values are allowed"))
    return None


def mapping_to_data(
    node: MappingNode, where: Where, doc: Document, seen: set[int], problems: list[Problem]
) -> dict[str, Any]:
    """Convert a mapping node, reporting duplicate and non-text keys."""
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key_node.tag == YAML_TAG + "merge":
            problems.append(Problem(doc.path, *key_at, "merge keys (<<) are not allowed; write the keys out"))
            continue
        if not isinstance(key_node, ScalarNode) or key_node.tag != YAML_TAG + "str":
            problems.append(Problem(doc.path, *key_at, f"keys must be plain texts, found '{key_node.tag}'"))
            continue
        key = key_node.value
        if key in out:
            first = doc.key_marks[(*where, key)]
            problems.append(Problem(doc.path, *key_at, f"duplicate key '{key}' (first at line {first[0]})"))
            continue
        doc.key_marks[(*where, key)] = key_at
        out[key] = to_data(value_node, (*where, key), doc, seen, problems)
    return out


def scalar_to_data(node: ScalarNode, where: Where, doc: Document, problems: list[Problem]) -> Any:
    """Convert a scalar; dates stay texts so that precision and validity are checked later."""
    if node.tag in (YAML_TAG + "str", YAML_TAG + "timestamp"):
        return node.value
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
