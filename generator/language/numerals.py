"""Numbers as a German text writes them: where they stand, their value, and the unit phrase after them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.language.morphology import ADJECTIVE, NOT_ADJECTIVES

NUMBER = re.compile(
    r"(?<![\w.,:])(?<![^\W\d_]-)(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?(?!\w|[.,:]\d)"
    r"(?:\s*(?P<mult>Millionen|Million|Mio\.|Milliarden|Milliarde|Mrd\.))?"
    r"|\b(?i:(?P<word>(?:zehn|zwanzig|dreißig|vierzig|fünfzig|hundert|zweihundert|dreihundert|fünfhundert)?tausend))\b"
)
NUMBER_START = re.compile(r"\d(?<![\w.,:]\d)")  # a digit where a number of NUMBER may start
SPELLED_NUMBER = re.compile(r"(?i:tausend)")  # in every number NUMBER reads as spelled out
MULTIPLIERS = {"Million": 1e6, "Millionen": 1e6, "Mio.": 1e6, "Milliarde": 1e9, "Milliarden": 1e9, "Mrd.": 1e9}
WORD_NUMBERS = {
    "": 1,
    "zehn": 10,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "zweihundert": 200,
    "dreihundert": 300,
    "fünfhundert": 500,
}
PERCENT = re.compile(r"\s*%")
NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
POSSESSIVES = ("seiner", "ihrer", "deren")  # may stand between a number and its unit: "3.000 seiner Soldaten"
MAX_UNIT_WORDS = 4  # words a unit phrase may have, its noun last
MAX_UNIT_CHARS = 100  # a longer "unit" is no unit, and would be repeated for every number that inherits it


def find_numbers(text: str) -> Iterator[re.Match[str]]:
    """Yield what `NUMBER.finditer(text)` yields, trying NUMBER only at digits when no number is spelled out.

    NUMBER has no literal prefix (its lookbehinds come first), so `finditer` tries it at every
    character; a digit that starts a number is found by a fast search.
    """
    if SPELLED_NUMBER.search(text):
        yield from NUMBER.finditer(text)
        return
    end = 0
    for digit in NUMBER_START.finditer(text):
        match = NUMBER.match(text, digit.start()) if digit.start() >= end else None
        if match:
            yield match
            end = match.end()


def number_value(match: re.Match[str]) -> float:
    """Return the value of a number NUMBER matched: 3.000 → 3000, 1,5 Millionen → 1500000, zehntausend → 10000."""
    if match.group("word"):
        prefix = match.group("word").lower().removesuffix("tausend")
        return WORD_NUMBERS[prefix] * 1000.0
    value = float(match.group("num").replace(".", "") + "." + (match.group("frac") or "0"))
    return value * MULTIPLIERS.get(match.group("mult") or "", 1)


def unit_after(text: str, offset: int) -> tuple[str | None, int]:
    """Return the unit phrase after a number ("nordkoreanische Soldaten", "Prozent") and where it ends."""
    percent = PERCENT.match(text, offset)
    if percent:
        return "Prozent", percent.end()
    position = offset
    for _ in range(MAX_UNIT_WORDS):
        word = NEXT_WORD.match(text, position)
        if word is None:
            return None, offset
        token = word.group(1)
        if token[0].isupper():
            unit = text[offset : word.end(1)].strip()
            return (unit, word.end(1)) if len(unit) <= MAX_UNIT_CHARS else (None, offset)
        if token in NOT_ADJECTIVES or not (ADJECTIVE.fullmatch(token) or token in POSSESSIVES):
            return None, offset
        position = word.end()
    return None, offset
