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


def find_all(needle: str, haystack: Normalised, start: int = 0) -> list[tuple[int, int]]:
    """Return the original (start, end) offsets of every whole-word occurrence of `needle` from `start`.

    Whole-word: a needle that begins (ends) with a letter or digit must not continue a word of the
    text, so "3.000 Soldaten" is not found in "13.000 Soldaten".
    """
    folded = normalise(needle).text
    text = haystack.text
    if not folded:
        return []
    found = []
    pos = text.find(folded, next((i for i, o in enumerate(haystack.offsets) if o >= start), len(text)))
    while pos >= 0:
        end = pos + len(folded)
        clean_start = not (folded[0].isalnum() and pos > 0 and text[pos - 1].isalnum())
        clean_end = not (folded[-1].isalnum() and end < len(text) and text[end].isalnum())
        if clean_start and clean_end:
            found.append((haystack.offsets[pos], haystack.offsets[end - 1] + 1))
        pos = text.find(folded, pos + 1)
    return found


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
