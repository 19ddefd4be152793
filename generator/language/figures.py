"""Figures of a German paragraph: which numbers are figures, their ranges, hedges, modal words and units.

A number is no figure when it is a year, an ordinal or a date's day, a time of day, a duration or
a number that names something (`Artikel 5`). A figure's unit is the phrase after it, or that of
an earlier figure of the same sentence; its qualifier comes from a hedge right before it
("rund" → etwa) or a modal word in its clause ("soll" → erwartet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.language.dates import StatedDate, is_year
from generator.language.lexicon import DOUBLE_QUOTES, words
from generator.language.numerals import find_numbers, number_value, unit_after
from generator.language.passage import Passage
from generator.language.search import SpanIndex, ends_with
from generator.language.sentences import is_ordinal

TIME_UNITS = set(words("Jahr Jahre Jahren Jahres Monat Monate Monaten Woche Wochen Tag Tage Tagen Stunde Stunden"))
IDENTIFIER_CUE = re.compile(r"(?:Artikel|Art\.|Nr\.|Nummer|Paragraf|Paragraph|§|Seite|Kapitel|Absatz|Platz)\s*$")
DOT_AFTER = re.compile(r"\.\s+\S")
TIME_AFTER = re.compile(r"\s*(?:Uhr\b|:\d)")
BETWEEN_CUE = re.compile(r"\b[Zz]wischen\s+$")
RANGE_WORD = re.compile(r"\s*(?:bis|–|-)\s*")
AND_WORD = re.compile(r"\s*und\s*")
QUALIFIERS = (
    (
        re.compile(
            r"\b(?:etwa|rund|ungefähr|circa|ca\.|zirka|knapp|fast|beinahe|schätzungsweise|geschätzte?[nr]?)\s+$",
            re.IGNORECASE,
        ),
        "etwa",
    ),
    (re.compile(r"\b(?:mindestens|wenigstens)\s+$", re.IGNORECASE), "mindestens"),
    (re.compile(r"\b(?:mehr als|über)\s+$", re.IGNORECASE), "mehr als"),
    (re.compile(r"\bbis zu\s+$", re.IGNORECASE), "bis zu"),
    (re.compile(r"\b(?:höchstens|maximal|weniger als)\s+$", re.IGNORECASE), "höchstens"),
)
ANY_HEDGE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in QUALIFIERS), re.IGNORECASE)
HEDGE_WINDOW = 40  # characters before a number that may hold its hedge
MODALITIES = (
    (re.compile(r"\b(?:geplant\w*|plant|planen)\b"), "geplant"),
    (re.compile(r"\b(?:soll|sollen|sollte|sollten|erwartet\w*|bevorstehende?[nr]?)\b"), "erwartet"),
    (re.compile(r"\b(?:könnte|könnten|möglicherweise|vermutlich|wahrscheinlich)\b"), "möglicherweise"),
)
DIGIT = re.compile(r"\d")
MIN_EXCERPT, MAX_EXCERPT = 60, 240


@dataclass(frozen=True)
class Number:
    """A number in a paragraph, with the unit phrase that follows it."""

    start: int
    end: int  # end of the number (and its multiplier)
    value: float
    unit_end: int
    unit: str | None


def read_numbers(passage: Passage, in_dates: list[StatedDate], skipped: list[str]) -> list[Number]:
    """Return the paragraph's figures outside its dates; add why other numbers are no figures to `skipped`."""
    numbers = []
    taken = SpanIndex((d.offset, d.offset + len(d.text)) for d in in_dates)
    for match in find_numbers(passage.text):
        if taken.holds(match.start()):
            continue
        number, why = read_number(passage.text, match)
        if number is None:
            if why:
                skipped.append(f'"{passage.text[match.start() : match.end()]}" (paragraph {passage.number}): {why}')
            continue
        numbers.append(number)
    return numbers


def read_number(text: str, match: re.Match[str]) -> tuple[Number | None, str]:
    """Read a number and its unit; return None (with a reason, or '' for years) when it is no figure.

    The cues looked for before and after the number lie within a few words (`ends_with`): the
    text around it is never copied or searched through.
    """
    unit, unit_end = unit_after(text, match.end())
    if is_year(match, text, unit):
        return None, ""
    dot = DOT_AFTER.match(text, match.end())
    if dot and not match.group("mult") and is_ordinal(text, match.end(), dot.end() - 1):
        return None, "an ordinal number"
    if TIME_AFTER.match(text, match.end()):
        return None, "a time of day"
    if ends_with(IDENTIFIER_CUE, text, match.start()):
        return None, "a number that names something"
    if unit in TIME_UNITS:
        return None, "a duration"
    return Number(match.start(), match.end(), number_value(match), unit_end, unit), ""


def is_range(text: str, low: Number, high: Number) -> bool:
    """Tell whether two numbers form a range ("10.000 bis 12.000", "zwischen 10.000 und 12.000")."""
    between = text[max(low.end, low.unit_end) : high.start]
    if RANGE_WORD.fullmatch(between):
        return True
    return bool(AND_WORD.fullmatch(between) and ends_with(BETWEEN_CUE, text, low.start))


def inherited_unit(numbers: list[Number], index: int, sentence: tuple[int, int]) -> tuple[str | None, str]:
    """Take the unit of an earlier number of the same sentence ("3.000 Soldaten …, auf 10.000")."""
    for number in (numbers[i] for i in range(index - 1, -1, -1)):
        if number.start < sentence[0]:
            break  # the numbers before lie in earlier sentences
        if number.unit:
            return (
                number.unit,
                f'no unit after the number; "{number.unit}" taken from an earlier number of the sentence',
            )
    return None, "no unit after the number"


def find_hedge(text: str, number: Number) -> tuple[str, int, str] | None:
    """Return the qualifier a hedge right before a number suggests ("rund" → etwa), where it starts, and its words."""
    window = max(0, number.start - HEDGE_WINDOW)
    before = text[window : number.start]
    if not ANY_HEDGE.search(before):  # most numbers have none: one search instead of one per qualifier
        return None
    for pattern, qualifier in QUALIFIERS:
        found = pattern.search(before)
        if found:
            return qualifier, window + found.start(), found.group().strip()
    return None


def find_modal(passage: Passage, number: Number, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word in a number's clause suggests ("soll" → erwartet), and the word."""
    clause = passage.clauses(sentence)[passage.clause_index(sentence, number.start)]
    return passage.remember(("modality", clause), lambda: find_modality(passage.text, clause))


def find_modality(text: str, clause: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word of a clause suggests ("soll" → erwartet), and the word."""
    for pattern, qualifier in MODALITIES:
        found = pattern.search(text, *clause)
        if found:
            return qualifier, found.group()
    return None


def excerpt_around(passage: Passage, sentence: tuple[int, int], offset: int) -> str:
    """Cut the clause holding `offset` (with the clause a `dass` clause depends on), widened to a readable length.

    At most MAX_EXCERPT // 2 characters on either side of `offset`, cut at a space if there is one.
    """
    text, clauses = passage.text, passage.clauses(sentence, dashes=False)
    first, last = widen_clauses(passage, sentence, offset)
    low, high, half = clauses[first][0], clauses[last][1], MAX_EXCERPT // 2
    if offset - low > half:
        low = text.find(" ", offset - half, offset) + 1 or offset - half
    if high - offset > half:
        cut = text.rfind(" ", offset, offset + half)
        high = cut if cut > offset else offset + half
    return text[low:high].strip(" ,;:–—.!?" + DOUBLE_QUOTES)


def widen_clauses(passage: Passage, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """Return the first and last clause of an excerpt: the one holding `offset`, widened to MIN_EXCERPT characters.

    A `dass` clause comes with the clause it depends on; the excerpt never widens onto a clause with
    another figure.
    """
    text, clauses = passage.text, passage.clauses(sentence, dashes=False)
    first = last = passage.clause_index(sentence, offset, dashes=False)
    if first > 0 and passage.clause_intro(clauses[first][0]):
        first -= 1
    figure = passage.remember(
        ("figures", sentence), lambda: [DIGIT.search(text, low, high) is not None for low, high in clauses]
    )
    while clauses[last][1] - clauses[first][0] < MIN_EXCERPT:
        if last + 1 < len(clauses) and not figure[last + 1]:
            last += 1
        elif first > 0 and not figure[first - 1]:
            first -= 1
        else:
            break
    return first, last
