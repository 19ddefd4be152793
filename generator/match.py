"""Find quoted passages in article text, tolerating only typographic differences.

Tolerated: runs of white space, quotation-mark styles, dash styles and soft hyphens. Anything
else (a changed letter, a missing word) makes the passage "not found"; the closest passage is
then offered through rapidfuzz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

DOUBLE_QUOTES = '"„“”‟«»〝〞＂'
SINGLE_QUOTES = "'‚‘’‛‹›`´"
DASHES = "‐‑‒–—―−"
SOFT_HYPHEN = "\u00ad"
FOLD = str.maketrans({**{c: '"' for c in DOUBLE_QUOTES}, **{c: "'" for c in SINGLE_QUOTES}, **{c: "-" for c in DASHES}})
SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Normalised:
    """A folded text and, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]


def normalise(text: str) -> Normalised:
    """Fold quote marks and dashes, drop soft hyphens, collapse white space."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char == SOFT_HYPHEN:
            continue
        if SPACE.match(char):
            if not chars or chars[-1] == " ":
                continue
            char = " "
        chars.append(char.translate(FOLD))
        offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Normalised("".join(chars), tuple(offsets))


def find(needle: str, haystack: Normalised, start: int = 0) -> tuple[int, int] | None:
    """Return the original (start, end) offsets of `needle` in `haystack`, searching from `start`."""
    folded = normalise(needle).text
    if not folded:
        return None
    begin = next((i for i, offset in enumerate(haystack.offsets) if offset >= start), len(haystack.offsets))
    pos = haystack.text.find(folded, begin)
    if pos < 0:
        return None
    return haystack.offsets[pos], haystack.offsets[pos + len(folded) - 1] + 1


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
