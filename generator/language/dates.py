"""German dates: month and weekday names, the dates a text states, years, and a date written the German way."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from generator.language.numerals import find_numbers, unit_after
from generator.language.search import SpanIndex, ends_with

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTH_WORDS = (*MONTHS, "Jänner")  # what a text may call a month (Jänner: January in Austria)
MONTH_NAMES = "|".join(MONTH_WORDS)  # for patterns
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")
# A news agency's dateline opening a paragraph: "Seoul, 13. Dez (Reuters) -", "BERLIN, 2. März 2025 (dpa) –",
# "KIEW (dpa) -", "Moskau/Berlin (AFP) –".
AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-ZÄÖÜ][\w.-]{0,30}(?:[ /][A-ZÄÖÜ][\w.-]{0,30}){0,3})"
    rf"(?:,\s{{0,3}}(?P<d>\d{{1,2}})\.\s{{0,3}}(?P<m>{MONTH_NAMES}|(?:{'|'.join(MONTH_ABBREVIATIONS)})(?:t|\.)?)"
    r"(?:\s{1,3}(?P<y>(?:19|20)\d\d))?)?"
    r"\s{0,3}\((?P<agency>[A-Za-z][\w/ .-]{0,20})\)\s{0,3}[-–—]"
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
YEAR_CUE = re.compile(
    rf"(?:\b[Jj]ahr(?:e|es)?|\b[Ii]m|\b[Ss]eit|\b[Bb]is|\b[Aa]b|\b[Vv]on|\b[Aa]nfang|\b[Mm]itte|\b[Ee]nde|"
    rf"\b[Ss]ommer|\b[Hh]erbst|\b[Ww]inter|\b[Ff]rühjahr|\b(?:{MONTH_NAMES}))\s+$"
)
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d|2100")
DIGIT = re.compile(r"\d")
DATE_FORMS = (  # most precise first
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_NAMES})\s+(?P<y>\d{{4}})\b")),
    ("day", re.compile(r"\b(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})\b")),
    ("month", re.compile(rf"\b(?P<m>{MONTH_NAMES})\s+(?P<y>\d{{4}})\b")),
    ("day-no-year", re.compile(rf"\b(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_NAMES})\b")),
    (
        "month-no-year",
        re.compile(rf"\b(?:[Ii]m|[Ss]eit|[Aa]nfang|[Mm]itte|[Ee]nde|[Bb]is|[Aa]b)\s+(?P<m>{MONTH_NAMES})\b"),
    ),
    (
        "year",
        re.compile(
            r"\b(?:[Jj]ahr(?:e|es)?|[Ss]eit|[Aa]nfang|[Mm]itte|[Ee]nde|[Ss]ommer|[Hh]erbst|[Ww]inter|[Ff]rühjahr)"
            r"\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?:[Aa]m|[Ss]eit|[Vv]ergangenen|[Ll]etzten)\s+)?(?:{'|'.join(WEEKDAYS)})\b")),
    (
        "relative",
        re.compile(
            r"\b(?:vorgestern|gestern|heute|bis zum Jahresende|Jahresende|Jahresbeginn"
            r"|(?:vergangene|letzte|diese)[nrs]? (?:Woche|Monat|Jahr))\b"
        ),
    ),
)
# What the text must hold for each of DATE_FORMS to match: one of these words, or (None) a digit.
DATE_FORM_NEEDS = (
    MONTH_WORDS,
    None,
    MONTH_WORDS,
    MONTH_WORDS,
    MONTH_WORDS,
    None,
    WEEKDAYS,
    ("gestern", "heute", "Jahr", "Woche", "Monat"),
)


@dataclass(frozen=True)
class StatedDate:
    """A date a text states, as written and (if it has a year) as YYYY[-MM[-DD]]."""

    text: str
    iso: str | None
    paragraph: int
    offset: int
    kind: str  # day, month, year, day-no-year, month-no-year, weekday, relative, dateline
    reason: str | None = None  # how a year the text does not state was worked out (kind "dateline")


def german_date(day: date, precision: str = "day") -> str:
    """Write a date the German way, at its precision: 2024, Oktober 2024, 28. Oktober 2024."""
    if precision == "year":
        return str(day.year)
    month = f"{MONTHS[day.month - 1]} {day.year}"
    return month if precision == "month" else f"{day.day}. {month}"


def find_dates(
    text: str, paragraph: int, today: date, numbers: Sequence[re.Match[str]] | None = None
) -> list[StatedDate]:
    """Find the dates paragraph number `paragraph` states, in text order; drop dates after `today`.

    `numbers` are the text's numbers (`find_numbers`), if the caller has read them already.
    """
    found: list[StatedDate] = []
    taken: list[tuple[int, int]] = []
    possible = {needs: may_match(text, needs) for needs in set(DATE_FORM_NEEDS)}  # several forms need the same words
    for (kind, pattern), needs in zip(DATE_FORMS, DATE_FORM_NEEDS, strict=True):
        if not possible[needs]:
            continue
        earlier = SpanIndex(taken)  # the matches of one form never overlap each other
        for match in pattern.finditer(text):
            if earlier.overlaps(*match.span()):
                continue
            taken.append(match.span())
            try:
                iso = iso_date(match)
            except ValueError:  # 31. Februar
                continue
            if not is_future(iso, today):
                found.append(StatedDate(match.group(), iso, paragraph, match.start(), kind))
    found.extend(bare_years(text, paragraph, taken, today, numbers))
    return sorted(found, key=lambda d: d.offset)


def find_dateline(text: str, paragraph: int, years: list[int], today: date) -> StatedDate | None:
    """Return the date of an agency dateline opening a paragraph ("Seoul, 13. Dez (Reuters) -"), its year worked out.

    A dateline with a year ("Seoul, 13. Dezember 2024 (Reuters) -") states its date (no reason). Otherwise
    the year is the latest of `years` (those the text states) that puts the day on or before `today`,
    else the year of `today` (or the one before, if the day is still to come).
    """
    found = AGENCY_DATELINE.match(text)
    if found is None or found.group("d") is None:
        return None
    name = found.group("m")
    if found.group("y") is not None:
        return stated_dateline(found, paragraph, today)
    month = next((i for i, short in enumerate(MONTH_ABBREVIATIONS, 1) if name.startswith(short)), 1)  # or Jänner
    for year in [*sorted(set(years), reverse=True), today.year, today.year - 1]:
        try:
            day = date(year, month, int(found.group("d")))
        except ValueError:  # 30. Feb
            return None
        if day <= today:
            break
    stated = year in years
    why = "aus einer Datumsangabe im Text" if stated else "aus dem Eingangsdatum des Textes"
    reason = f"Tag und Monat aus der Ortsmarke „{found.group().rstrip(' -–—')}“, das Jahr {why} erschlossen"
    return StatedDate(found.group(), day.isoformat(), paragraph, 0, "dateline", reason)


def stated_dateline(found: re.Match[str], paragraph: int, today: date) -> StatedDate | None:
    """Return the date a dateline states with its year ("13. Dezember 2024"), None if impossible or still to come."""
    name = found.group("m")
    month = next((i for i, short in enumerate(MONTH_ABBREVIATIONS, 1) if name.startswith(short)), 1)
    try:
        day = date(int(found.group("y")), month, int(found.group("d")))
    except ValueError:
        return None
    return None if day > today else StatedDate(found.group(), day.isoformat(), paragraph, 0, "dateline")


def may_match(text: str, needs: tuple[str, ...] | None) -> bool:
    """Tell whether a text holds one of the words a date form needs (None: a digit); if not, the form cannot match."""
    return DIGIT.search(text) is not None if needs is None else any(word in text for word in needs)


def bare_years(
    text: str, paragraph: int, taken: list[tuple[int, int]], today: date, numbers: Sequence[re.Match[str]] | None
) -> list[StatedDate]:
    """Return the numbers that read as years ("2024" without a unit after it) outside other dates."""
    found = []
    dated = SpanIndex(taken)
    for match in find_numbers(text) if numbers is None else numbers:
        inside = dated.holds(match.start())
        year = not inside and has_year_digits(match) and is_year(match, text, unit_after(text, match.end())[0])
        if year and not is_future(match.group(), today):
            found.append(StatedDate(match.group(), match.group(), paragraph, match.start(), "year"))
    return found


def is_year(match: re.Match[str], text: str, unit: str | None) -> bool:
    """Tell whether a number of `text` is a year: four digits 1900–2100 after a year cue or without a unit."""
    return has_year_digits(match) and (bool(ends_with(YEAR_CUE, text, match.start())) or unit is None)


def has_year_digits(match: re.Match[str]) -> bool:
    """Tell whether a number is written as a year: four digits 1900–2100, no fraction, no multiplier."""
    digits = match.group("num") or ""
    return (
        len(digits) == 4 and bool(YEAR_DIGITS.fullmatch(digits)) and not match.group("frac") and not match.group("mult")
    )


def iso_date(match: re.Match[str]) -> str | None:
    """Write a matched date as YYYY, YYYY-MM or YYYY-MM-DD (None without a year); raise ValueError if impossible."""
    groups = {key: value for key, value in match.groupdict().items() if value}
    if "y" not in groups:
        return None
    year, month = int(groups["y"]), month_number(groups)
    if "d" in groups:
        return date(year, month or 1, int(groups["d"])).isoformat()
    if month is not None:
        return date(year, month, 1).isoformat()[:7]
    return f"{year:04d}"


def month_number(groups: dict[str, str]) -> int | None:
    """Return the month of a matched date, written as a name or a number."""
    if "mn" in groups:
        return int(groups["mn"])
    if "m" in groups:
        return 1 if groups["m"] == "Jänner" else MONTHS.index(groups["m"]) + 1
    return None


def is_future(iso: str | None, today: date) -> bool:
    """Tell whether a date (at its precision) starts after `today`."""
    if iso is None:
        return False
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], *[*parts[1:], 1, 1][:2]) > today
