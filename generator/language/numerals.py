"""Numbers as a German text writes them: where they stand, their value, and the unit phrase after them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.language.morphology import ADJECTIVE, NOT_ADJECTIVES

SMALL_NUMBERS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}  # number words read as figures (only with a unit after them): never "ein", "eine"
WORD_NUMBERS = {**SMALL_NUMBERS, "hundert": 100, "zweihundert": 200, "dreihundert": 300, "fünfhundert": 500}
SMALL_WORDS = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
THOUSANDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER = re.compile(
    r"(?:(?<![\w.,:])(?<![^\W\d_]-)(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
    r"(?:,(?P<frac>\d+))?(?!\w|[.,:]\d)"
    rf"|\b(?i:(?P<word>(?:{THOUSANDS})tausend))\b"
    rf"|\b(?i:(?P<small>{SMALL_WORDS}))(?:\s+(?P<dozens>Dutzend))?\b"
    r"|\b(?P<dozen>Dutzend)\b)"
    r"(?:\s*(?P<mult>(?:Tausend|Millionen|Million|Milliarden|Milliarde)\b|Mio\.|Mrd\.))?"
)
NUMBER_WORDS = (*WORD_NUMBERS, "dutzend")
# Each number word that starts with no other: "zwei", not "zweihundert" (where one starts, the other does).
WORD_STARTS = [w for w in NUMBER_WORDS if not any(w != other and w.startswith(other) for other in NUMBER_WORDS)]
FIRST_LETTERS = "".join(sorted({word[0] for word in WORD_STARTS}))
SECOND_LETTERS = "".join(sorted({word[1] for word in WORD_STARTS}))
# Where a number of NUMBER may start (one search through the text): a digit, or a number word. Both stand at a
# word boundary, which most positions fail at once; the words are tried only where one of their first letters
# is followed by one of their second letters.
NUMBER_START = re.compile(
    rf"\b(?:\d(?<![\w.,:]\d)|(?=(?i:[{FIRST_LETTERS}][{SECOND_LETTERS}]))(?i:{'|'.join(WORD_STARTS)}))"
)
MULTIPLIERS = {
    "Tausend": 1e3,
    "Million": 1e6,
    "Millionen": 1e6,
    "Mio.": 1e6,
    "Milliarde": 1e9,
    "Milliarden": 1e9,
    "Mrd.": 1e9,
}
DOZEN = 12
DIGITS_ONLY = re.compile(r"\D")  # drops the separators of "12.000" and "12 000"
PERCENT = re.compile(r"\s*%")
NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
POSSESSIVES = ("seiner", "ihrer", "deren")  # may stand between a number and its unit: "3.000 seiner Soldaten"
MAX_UNIT_WORDS = 4  # words a unit phrase may have, its noun last
MAX_UNIT_CHARS = 100  # a longer "unit" is no unit, and would be repeated for every number that inherits it


def find_numbers(text: str) -> Iterator[re.Match[str]]:
    """Yield what `NUMBER.finditer(text)` yields, trying NUMBER only where a digit or a number word starts.

    NUMBER has no literal prefix (its lookbehinds come first), so `finditer` would try it at every
    character; where a number may start is found by one fast search.
    """
    end = 0
    for start in NUMBER_START.finditer(text):
        match = NUMBER.match(text, start.start()) if start.start() >= end else None
        if match:
            yield match
            end = match.end()


def is_spelled(match: re.Match[str]) -> bool:
    """Tell whether a number of NUMBER is a word below a thousand ("neun", "zwei Dutzend"), needing a unit."""
    return bool(match.group("small") or match.group("dozen"))


def number_value(match: re.Match[str]) -> float:
    """Return the value of a number NUMBER matched: 3.000 → 3000, 1,5 Millionen → 1500000, zwei Dutzend → 24."""
    if match.group("word"):
        value = WORD_NUMBERS[match.group("word").lower().removesuffix("tausend")] * 1000.0
    elif match.group("small"):
        value = float(SMALL_NUMBERS[match.group("small").lower()] * (DOZEN if match.group("dozens") else 1))
    elif match.group("dozen"):
        value = float(DOZEN)
    else:
        value = float(DIGITS_ONLY.sub("", match.group("num")) + "." + (match.group("frac") or "0"))
    return round(value * multiplier(match), 6)  # 3,8 Tausend is 3800, not 3799.9999999999995


def multiplier(match: re.Match[str]) -> float:
    """Return the factor a multiplier word after a number gives it ("Millionen" → 1000000), else 1."""
    return MULTIPLIERS.get(match.group("mult") or "", 1.0)


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
