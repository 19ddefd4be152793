"""Long lists moved to sub-pages: the limits, parts by year, month or number, and what an index says of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.language.dates import MONTHS
from generator.language.numbers import format_number

LIST_LIMIT = 100  # a list of more entries than this moves to sub-pages; a shorter one stays whole on its page
SHOWN = 25  # entries a page keeps of a list that moved (the newest), with a link to the rest
CLAIMS_SHOWN = 50  # claims a topic page keeps of its "Alle Angaben" when they moved
PAIRS_SHOWN = 10  # pairs per kind a topic page keeps of its "Unterschiede" when its claims moved
PAGE_ROWS = 200  # at most this many rows on a sub-page: a longer year is split by month, a longer list by number
MATRIX_COLUMNS = 8  # topics per page of a large matrix: the key topics, then the most-claimed ones
MATRIX_ROWS = 100  # sources per page of a large matrix
MATRIX_CELLS = 400  # a matrix with more entries than this (or too many rows or columns) is split and compacted
LIMITS = {  # for the templates
    "SHOWN": SHOWN,
    "PAIRS_SHOWN": PAIRS_SHOWN,
    "PAGE_ROWS": PAGE_ROWS,
    "MATRIX_COLUMNS": MATRIX_COLUMNS,
    "MATRIX_ROWS": MATRIX_ROWS,
}


@dataclass(frozen=True)
class Part:
    """One sub-page of a long list: where it lives, how links name it, and its entries."""

    path: str
    label: str
    items: list[Any] = field(hash=False)


@dataclass(frozen=True)
class Period:
    """A year on an index page: its entries, its sub-page (None when split by month) and its months."""

    year: int
    count: int
    path: str | None
    months: list[tuple[str, int, str | None]]  # month name, entries, the month's sub-page (None: in the year's)


def numbered(items: Sequence[Any], stem: str) -> list[Part]:
    """Split a list into pages of PAGE_ROWS entries, `<stem>.md`, `<stem>-2.md`, …, named by their positions."""
    parts = []
    for number, start in enumerate(range(0, len(items), PAGE_ROWS), 1):
        chunk = list(items[start : start + PAGE_ROWS])
        path = f"{stem}.md" if number == 1 else f"{stem}-{number}.md"
        parts.append(Part(path, f"{format_number(start + 1)}–{format_number(start + len(chunk))}", chunk))
    return parts


def by_period(items: Sequence[Any], day_of: Callable[[Any], date], folder: str) -> list[Part]:
    """Group dated entries by year (`<folder>/2024.md`), a year of more than PAGE_ROWS by month (`2024-03.md`).

    The parts keep the entries' order: newest first if the entries are.
    """
    years: dict[int, list[Any]] = {}
    for item in items:
        years.setdefault(day_of(item).year, []).append(item)
    parts = []
    for year, rows in years.items():
        if len(rows) <= PAGE_ROWS:
            parts.append(Part(f"{folder}/{year}.md", str(year), rows))
            continue
        months: dict[int, list[Any]] = {}
        for item in rows:
            months.setdefault(day_of(item).month, []).append(item)
        parts += [Part(f"{folder}/{year}-{m:02d}.md", f"{MONTHS[m - 1]} {year}", r) for m, r in months.items()]
    return parts


def periods(parts: list[Part], day_of: Callable[[Any], date]) -> list[Period]:
    """Summarise parts made by `by_period` per year, with the entries of each month, for an index page."""
    found: dict[int, dict[int, tuple[int, str | None]]] = {}
    paths: dict[int, str | None] = {}
    for part in parts:
        split = "-" in part.path.rsplit("/", 1)[-1]
        for item in part.items:
            day = day_of(item)
            count, _ = found.setdefault(day.year, {}).get(day.month, (0, None))
            found[day.year][day.month] = (count + 1, part.path if split else None)
            paths[day.year] = None if split else part.path
    return [
        Period(
            year,
            sum(count for count, _ in months.values()),
            paths[year],
            [(MONTHS[m - 1], count, path) for m, (count, path) in sorted(months.items())],
        )
        for year, months in found.items()
    ]


def newest(items: Sequence[Any], day_of: Callable[[Any], tuple[Any, ...]], count: int) -> list[Any]:
    """Return the `count` newest entries, the newest first (ties keep the list's order)."""
    return sorted(items, key=day_of, reverse=True)[:count]


def top(items: Sequence[Any], attribute: str, count: int) -> list[Any]:
    """Return the `count` entries with the largest `attribute`, in their list's order."""
    chosen = set(sorted(range(len(items)), key=lambda i: -getattr(items[i], attribute))[:count])
    return [item for i, item in enumerate(items) if i in chosen]
