"""Figures of a German paragraph: which numbers are figures, their ranges, hedges, modal words and units.

A number is no figure when it is a year, an ordinal or a date's day, a time of day, a duration or
a number that names something (`Artikel 5`). A figure's unit is the phrase after it, or that of
an earlier figure of the same sentence; its qualifier comes from a hedge right before it
("rund" → etwa), a modal word in its clause ("soll … werden" → erwartet) or "bereits" (mindestens).
Hearsay ("angeblich", "sollen … worden sein", "Berichten zufolge") is no qualifier but noted apart;
a spelled-out number ("neun") is a figure only with a unit or a casualty participle ("zwei Dutzend
verwundet"), a vague one ("Hunderte") never.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.language.dates import AGENCY_DATELINE, StatedDate, is_year
from generator.language.lexicon import DOUBLE_QUOTES, words
from generator.language.numerals import find_numbers, is_spelled, multiplier, number_value, unit_after
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
    (re.compile(r"\bbereits\s+$", re.IGNORECASE), "mindestens"),
)
ANY_HEDGE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in QUALIFIERS), re.IGNORECASE)
HEDGE_WINDOW = 40  # characters before a number that may hold its hedge
PLAN = re.compile(r"\b(?:[Gg]eplant\w*|plant|planen|Plan|Plans|Pläne|[Vv]orgesehen\w*)\b")
INFINITIVE = re.compile(r"\bzu\s+[a-zäöüß]+en[.!?]?\s*$")  # a clause ending "… zu stationieren."
MODALITIES = (
    (PLAN, "geplant"),
    (re.compile(r"\b(?:soll|sollen|sollte|sollten|[Ee]rwartet\w*|bevorstehende?[nr]?)\b"), "erwartet"),
    (re.compile(r"\b(?:könnte|könnten|möglicherweise|vermutlich|wahrscheinlich)\b"), "möglicherweise"),
    (re.compile(r"\bbis (?:zum )?(?:Jahresende|Ende des Jahres)\b"), "erwartet"),
)
ANY_MODALITY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in MODALITIES))
SHALL = re.compile(r"\b(?:soll|sollen)\b")
# What makes "soll" report hearsay rather than expect: a perfect or present infinitive ("verlegt worden sein").
REPORTED = re.compile(r"\b(?:worden|gewesen)\s+sein\b|\bhaben\b|\bsein\b(?=\s*(?:[,.;:!?–—]|$))")
HEARSAY = re.compile(r"\b(?:[Aa]ngeblich|[Mm]utmaßlich)\w*|(?<![\w-])[\w-]{1,40} zufolge\b")
FLOOR_CUE = re.compile(r"\bbereits\b", re.IGNORECASE)  # "bereits … identifiziert 3.000": at least that many
FLOOR_WINDOW = 80  # characters before a number in its clause that may hold "bereits"
VAGUE = re.compile(
    r"\b(?i:(?:mehrere|einige|etliche|ein\s+paar|viele|wenige)\s+(?:hundert|tausend|dutzend)e?n?"
    r"|(?:zehn|hundert)?tausende?n|(?:zehn|hundert)?tausende|hunderte?n|hunderte|dutzende?n|dutzende"
    r"|millionen|milliarden)\b"
)
DIGIT = re.compile(r"\d")
# A casualty participle right after a spelled number stands in for its unit ("zwölf Soldaten getötet und zwei
# Dutzend verwundet"): the figure then takes the unit of an earlier figure of its sentence.
PARTICIPLE_AFTER = re.compile(r"\s+(?:getötet|verwundet|gefallen|verletzt)\b")
MIN_EXCERPT, MAX_EXCERPT = 60, 240


@dataclass(frozen=True)
class Number:
    """A number in a paragraph, with the unit phrase that follows it."""

    start: int
    end: int  # end of the number (and its multiplier)
    value: float
    unit_end: int
    unit: str | None
    multiplier: float = 1.0  # of a "Millionen" after the number (1 without)


def read_numbers(
    passage: Passage, in_dates: list[StatedDate], skipped: list[str], found: Sequence[re.Match[str]] | None = None
) -> list[Number]:
    """Return the paragraph's figures outside its dates; add why other numbers are no figures to `skipped`.

    `found` are the paragraph's numbers (`find_numbers`), if the caller has read them already.
    """
    numbers = []
    taken = SpanIndex((d.offset, d.offset + len(d.text)) for d in in_dates)
    for match in find_numbers(passage.text) if found is None else found:
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
    if is_spelled(match):  # "neun", "zwei Dutzend": a figure only with a unit ("neun Soldaten")
        bare = (
            (unit is None and not PARTICIPLE_AFTER.match(text, match.end())) or unit in TIME_UNITS or unit == "Prozent"
        )
        return (
            (None, "")
            if bare or ends_with(IDENTIFIER_CUE, text, match.start())
            else (Number(match.start(), match.end(), number_value(match), unit_end, unit), "")
        )
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
    return Number(match.start(), match.end(), number_value(match), unit_end, unit, multiplier(match)), ""


def find_vague(passage: Passage, numbers: list[Number]) -> list[str]:
    """Describe the vague quantities of a paragraph ("mehrere tausend Minenräumer", "Hunderte"), never figures.

    Each description ends with the field a claim on it takes: `vague: "mehrere tausend"`.
    """
    found = []
    read = SpanIndex((n.start, n.end) for n in numbers)
    for match in VAGUE.finditer(passage.text):
        if read.overlaps(*match.span()):
            continue  # the multiplier of a figure ("1,5 Millionen")
        unit, unit_end = unit_after(passage.text, match.end())
        phrase = passage.text[match.start() : unit_end if unit else match.end()]
        found.append(f'"{phrase}" (paragraph {passage.number}); a claim on it takes vague: "{match.group()}"')
    return found


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
    clauses = passage.clauses(sentence)
    own = passage.clause_index(sentence, number.start)
    if own > 0:  # "Geplant sei, ihre Zahl … auf 15.000 zu erhöhen": the plan governs the infinitive clause
        planned = passage.remember(
            ("planned", clauses[own]), lambda: planned_by(passage.text, *clauses[own - 1 : own + 1])
        )
        if planned:
            return "geplant", planned
    return passage.remember(("modality", clauses[own]), lambda: find_modality(passage.text, clauses[own]))


def planned_by(text: str, governing: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """Return the plan word ("plant", "Geplant") of the clause an infinitive clause ("… zu erhöhen") depends on."""
    if ends_with(INFINITIVE, text, clause[1], clause[0]) is None:
        return None
    found = PLAN.search(text, *governing)
    return found.group() if found else None


def find_modality(text: str, clause: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word of a clause suggests ("soll" → erwartet), and the word.

    A "soll" that reports hearsay ("sollen … verlegt worden sein", see `find_hearsay`) expects nothing.
    """
    if not ANY_MODALITY.search(text, *clause):  # most clauses have none: one search instead of one per modality
        return None
    for pattern, qualifier in MODALITIES:
        found = pattern.search(text, *clause)
        if found and SHALL.fullmatch(found.group()) and REPORTED.search(text, *clause):
            found = search_past(pattern, text, found.end(), clause[1])
        if found:
            return qualifier, found.group()
    return None


def search_past(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """Return the first match of `pattern` from `start` on that is no "soll" ("erwartet" after a hearsay "soll")."""
    for found in pattern.finditer(text, start, end):
        if not SHALL.fullmatch(found.group()):
            return found
    return None


def find_hearsay(passage: Passage, number: Number, sentence: tuple[int, int]) -> str | None:
    """Return the words by which a number's clause reports hearsay ("angeblich", "sollen … worden sein"), if any."""
    clause = passage.clauses(sentence)[passage.clause_index(sentence, number.start)]
    return passage.remember(("hearsay", clause), lambda: hearsay_of(passage.text, clause))


def hearsay_of(text: str, clause: tuple[int, int]) -> str | None:
    """Work out `find_hearsay` for one clause."""
    word = HEARSAY.search(text, *clause)
    if word:
        return word.group()
    shall = SHALL.search(text, *clause)
    reported = REPORTED.search(text, *clause) if shall else None
    return f"{shall.group()} … {reported.group()}" if shall and reported else None


def find_floor(passage: Passage, number: Number, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """Return ("mindestens", "bereits") when "bereits" stands before a number in its clause ("bereits … 3.000")."""
    clause = passage.clauses(sentence)[passage.clause_index(sentence, number.start)]
    low = max(clause[0], number.start - FLOOR_WINDOW)
    found = FLOOR_CUE.search(passage.text, low, number.start)
    return ("mindestens", found.group()) if found else None


def excerpt_around(passage: Passage, sentence: tuple[int, int], offset: int) -> str:
    """Cut the clause holding `offset` (with the clause a `dass` clause depends on), widened to a readable length.

    At most MAX_EXCERPT // 2 characters on either side of `offset`, cut at a space if there is one.
    """
    text, clauses = passage.text, passage.clauses(sentence, dashes=False)
    first, last = widen_clauses(passage, sentence, offset)
    low, high, half = clauses[first][0], clauses[last][1], MAX_EXCERPT // 2
    dateline = passage.remember("dateline", lambda: AGENCY_DATELINE.match(text))
    if dateline and low < dateline.end() <= offset:  # "Seoul, 13. Dez (Reuters) -" is no part of a claim
        low = dateline.end()
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
