"""Find quoted passages in article text, tolerating only typographic differences.

Tolerated: runs of white space, quotation-mark styles, dash styles and soft hyphens. Anything
else (a changed letter, a missing word) makes the passage "not found"; the closest passage is
then offered through rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from generator.language.lexicon import DOUBLE_QUOTES

SINGLE_QUOTES = "'‚‘’‛‹›`´"
DASHES = "‐‑‒–—―−"
SOFT_HYPHEN = "\u00ad"
FOLD_MAP = {**{c: '"' for c in DOUBLE_QUOTES}, **{c: "'" for c in SINGLE_QUOTES}, **{c: "-" for c in DASHES}}
FOLDABLE = re.compile("[" + re.escape("".join(FOLD_MAP)) + "]")
SPACE = re.compile(r"\s")
GAPS = re.compile(rf"[\s{SOFT_HYPHEN}]+")  # runs of white space and soft hyphens


@dataclass(frozen=True)
class Normalised:
    """A folded text and, for each of its characters, the offset in the original."""

    text: str
    offsets: Sequence[int]  # a range where nothing was dropped or collapsed (most paragraphs)


def normalise(text: str) -> Normalised:
    """Fold quote marks and dashes, drop soft hyphens, collapse white space.

    Works run by run (the text between runs of white space and soft hyphens is copied whole), so
    its cost is a few operations per word, not per character.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # The common case, nothing to drop or collapse (white space other than " " and the soft
        # hyphen are not printable).
        return Normalised(fold_marks(text), range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for gap in GAPS.finditer(text):
        if gap.start() > position:
            chars.append(text[position : gap.start()])
            offsets.extend(range(position, gap.start()))
        space = SPACE.search(gap.group())
        if space and offsets:  # a run with white space becomes one space, except at the start
            chars.append(" ")
            offsets.append(gap.start() + space.start())
        position = gap.end()
    chars.append(text[position:])
    offsets.extend(range(position, len(text)))
    folded = fold_marks("".join(chars))
    if folded.endswith(" "):
        folded = folded[:-1]
        offsets.pop()
    return Normalised(folded, tuple(offsets))


def fold_marks(text: str) -> str:
    """Replace every quotation mark and dash by its plain form (a regex: str.translate is slower here)."""
    return FOLDABLE.sub(lambda m: FOLD_MAP[m.group()], text) if FOLDABLE.search(text) else text


def find_all(needle: str, haystack: Normalised, start: int = 0) -> list[tuple[int, int]]:
    """Return the original (start, end) offsets of every whole-word occurrence of `needle` from `start`.

    Whole-word: a needle that begins (ends) with a letter or digit must not continue a word of the
    text, so "3.000 Soldaten" is not found in "13.000 Soldaten".
    """
    folded = fold(needle)
    text = haystack.text
    if not folded:
        return []
    found = []
    pos = text.find(folded, bisect_left(haystack.offsets, start))
    while pos >= 0:
        end = pos + len(folded)
        clean_start = not (is_word(folded[0]) and pos > 0 and is_word(text[pos - 1]))
        clean_end = not (is_word(folded[-1]) and end < len(text) and is_word(text[end]))
        if clean_start and clean_end:
            found.append((haystack.offsets[pos], haystack.offsets[end - 1] + 1))
        pos = text.find(folded, pos + 1)
    return found


def is_word(char: str) -> bool:
    """Tell whether a character continues a word: a letter, a digit or a combining mark (as in "s\u0301")."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


class Occurrences:
    """Every whole-word occurrence of a passage in a text, found once, to be asked for the first after a position."""

    def __init__(self, needle: str, haystack: Normalised) -> None:
        self.needle, self.haystack = needle, haystack
        self.found: list[tuple[int, int]] | None = None  # found on the first question

    def first_from(self, start: int) -> tuple[int, int] | None:
        """Return what `find_all(needle, haystack, start)` returns first, or None."""
        if self.found is None:
            self.found = find_all(self.needle, self.haystack)
        index = bisect_left(self.found, start, key=lambda span: span[0])
        return self.found[index] if index < len(self.found) else None


@lru_cache(maxsize=4096)
def fold(needle: str) -> str:
    """Return the normalised text of a passage looked for (passages are looked for in many paragraphs)."""
    return normalise(needle).text


def closest(needle: str, paragraphs: list[str]) -> tuple[int, str, float]:
    """Return (paragraph index, original passage, similarity in percent) of the best fuzzy match."""
    folded = normalise(needle).text
    best = (0, "", 0.0)
    for index, paragraph in enumerate(paragraphs):
        haystack = normalise(paragraph)
        alignment = fuzz.partial_ratio_alignment(folded, haystack.text)
        if alignment is not None and alignment.score > best[2] and alignment.dest_end > alignment.dest_start:
            start, end = haystack.offsets[alignment.dest_start], haystack.offsets[alignment.dest_end - 1] + 1
            best = (index, paragraph[start:end], alignment.score)
    return best
