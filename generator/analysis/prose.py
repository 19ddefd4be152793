"""Hand-written prose readers see, checked for stale counts and figures, as `path:line:col` warnings.

The texts are the dossier's summary, the descriptions of topics and of registry entries, the
curators' notes (`notes`, and the `note` of a quote or claim) and the pages in content/pages/; the
rules are in stale_numbers.py. A warning stands where the stated number does, also inside a
folded YAML text; if that place cannot be told (a file whose positions were recorded by an earlier
problem, an escape in a quoted text), it stands at the start of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from generator.analysis.stale_numbers import Facts, find_stale
from generator.content.load import Document, Where
from generator.content.model import Dossier
from generator.content.pages import FENCE, blank_code_spans
from generator.problems import Problem

REGISTRIES = ("people", "organisations", "places")
WORD = re.compile(r"\S+")
SLACK = 200  # characters of line breaks, indentation and quotation marks a YAML text may put between two words
BLOCK_START = re.compile(r" {0,3}(?:#|\||>|[-*+]\s|\d+[.)]\s)")  # a heading, table row, quote or list item
SINGLE_LINE = re.compile(r" {0,3}(?:#|\|)")  # a heading or a table row: a block of one line

Prose = tuple[Document, Where, str, str, str | None]  # file, value, text, how messages name it, topic described


def prose_warnings(dossier: Dossier, meta: Document, registries: dict[str, Document]) -> list[Problem]:
    """Warn about each count and figure in hand-written prose that the data contradicts."""
    facts = Facts.of(dossier)
    placers: dict[str, Placer] = {}
    problems = []
    for doc, where, text, field, topic in list_prose(dossier, meta, registries):
        found = find_stale(text, facts, field, topic)
        if found:
            placer = placers.setdefault(doc.path, Placer(doc))
            problems += placer.problems(where, text, found)
    for name, page in sorted(dossier.pages.items()):
        problems += page_warnings(name, page, facts)
    return problems


def list_prose(dossier: Dossier, meta: Document, registries: dict[str, Document]) -> Iterator[Prose]:
    """Yield every hand-written YAML text readers see, in file order."""
    yield from texts_at(meta, ("summary",), "summary")
    topics = registries.get("topics", Document("content/topics.yaml", None))
    for index, item in enumerate(items(topics)):
        topic = item.get("id") if isinstance(item.get("id"), str) else None
        yield from texts_at(topics, (index, "description"), f"description of topic '{topic}'", topic)
    for kind in REGISTRIES:
        doc = registries.get(kind, Document(f"content/{kind}.yaml", None))
        for index, item in enumerate(items(doc)):
            yield from texts_at(doc, (index, "description"), f"description of '{item.get('id')}'")
    for article in dossier.articles.values():
        yield from article_prose(article.meta)


def article_prose(doc: Document) -> Iterator[Prose]:
    """Yield an article's curator notes: `notes`, and the `note` of each quote and claim."""
    notes = value_at(doc.data, ("notes",))
    for index in range(len(notes) if isinstance(notes, list) else 0):
        yield from texts_at(doc, ("notes", index), "note")
    for kind, what in (("quotes", "quote"), ("claims", "claim")):
        for index, item in enumerate(items(doc, kind)):
            yield from texts_at(doc, (kind, index, "note"), f"note of {what} '{item.get('id')}'")


def items(doc: Document, key: str | None = None) -> list[dict[str, Any]]:
    """Return the entries of a registry (or of a list under `key`), anything but a mapping as an empty one."""
    data = doc.data if key is None else value_at(doc.data, (key,))
    return [item if isinstance(item, dict) else {} for item in data] if isinstance(data, list) else []


def texts_at(doc: Document, where: Where, field: str, topic: str | None = None) -> Iterator[Prose]:
    """Yield the text at a place of a document, if there is one."""
    value = value_at(doc.data, where)
    if isinstance(value, str) and value:
        yield doc, where, value, field, topic


def value_at(data: Any, where: Where) -> Any:
    """Return the value at a path of keys and indexes, or None."""
    for step in where:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


# --- positions --------------------------------------------------------------------------------


class Lines:
    """The line starts of a text, to turn an offset into a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [found.end() for found in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column) of an offset."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, col: int) -> int:
        """Return the offset of a (line, column)."""
        return self.starts[min(line, len(self.starts)) - 1] + col - 1


class Placer:
    """Where the words of a YAML file's text values stand in the file."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = doc.source  # None once the check is done (pipeline.release_sources)
        self.lines = Lines(self.source) if self.source is not None else None

    def problems(self, where: Where, value: str, found: list[tuple[int, str]]) -> list[Problem]:
        """Return a warning for each (offset in the value, message), at the stated number's place if it is known."""
        line, col = self.doc.at(where)
        cursor = ValueCursor(self.source, self.lines.offset(line, col), value) if self.source and self.lines else None
        problems = []
        for offset, message in found:
            at = cursor.seek(offset) if cursor else None
            place = self.lines.position(at) if at is not None and self.lines else (line, col)
            problems.append(Problem(self.doc.path, *place, message, warning=True))
        return problems


class ValueCursor:
    """The file offsets of a YAML text value's characters, asked in increasing order (one pass over its words).

    The value's words stand in the file in order, separated by white space, line breaks and
    quotation marks only; an escape or a doubled quote loses the trail, and then nothing is told.
    """

    def __init__(self, source: str, start: int, value: str) -> None:
        self.source, self.position = source, start
        self.words = WORD.finditer(value)
        self.word: tuple[re.Match[str], int] | None = None  # the last word placed, and where it stands
        self.lost = False

    def seek(self, offset: int) -> int | None:
        """Return the file offset of the value's character at `offset` (or of the next word), or None."""
        while not self.lost and (self.word is None or self.word[0].end() <= offset):
            word = next(self.words, None)
            found = -1 if word is None else self.source.find(word.group(), self.position, self.position + SLACK)
            if word is None or found < 0:
                self.lost = True
                break
            self.word, self.position = (word, found), found + len(word.group())
        if self.lost or self.word is None:
            return None
        word, found = self.word
        return found + max(0, offset - word.start())


# --- pages ------------------------------------------------------------------------------------


def page_warnings(name: str, page: str, facts: Facts) -> list[Problem]:
    """Warn about each stale count in a hand-written page (outside code)."""
    lines, path = Lines(page), f"content/pages/{name}"
    problems = []
    for start, block in page_blocks(page):
        for offset, message in find_stale(block, facts, "page"):
            problems.append(Problem(path, *lines.position(start + offset), message, warning=True))
    return problems


def page_blocks(page: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) of each paragraph, heading, list item or table row of a page, lines joined by spaces.

    Fenced code is left out and code spans are blanked; offsets within a block are those of the page.
    """
    block: list[str] = []
    start = offset = 0
    fence = ""
    for line in page.split("\n"):
        marker = FENCE.match(line)
        if block and (fence or marker or not line.strip() or BLOCK_START.match(line)):
            yield start, " ".join(block)
            block = []
        if marker:
            opened = marker.group(1)
            fence = "" if fence and opened[0] == fence[0] and len(opened) >= len(fence) else fence or opened
        elif not fence and line.strip():
            start = offset if not block else start
            block.append(blank_code_spans(line))
            if SINGLE_LINE.match(line):
                yield start, block.pop()
        offset += len(line) + 1
    if block:
        yield start, " ".join(block)
