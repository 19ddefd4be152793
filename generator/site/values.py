"""Write a claim's value the one way readers see it: pages, tables, charts, feeds, exports and the review diff.

A hedged value is never written without its hedge: the qualifier belongs to the value, not to a
column beside it.
"""

from __future__ import annotations

from generator.content.model import Claim, Topic
from generator.content.values import ClaimValue
from generator.language.numbers import format_number

OPEN = "…"  # the open end of a range that has one bound only


def format_value(value: Claim | ClaimValue, topic: Topic, *, unit: bool = False) -> str:
    """Write a value with its qualifier: `bis zu 12.000`, `3.000–4.000 Soldaten` (unit if asked), a category's label."""
    if isinstance(value, Claim):
        value = ClaimValue.of(value)
    if value.category is not None:
        shown = topic.categories[value.category].label
    else:
        shown = number_text(value)
        if unit and topic.unit:
            shown = f"{shown} {topic.unit}"
    return f"{value.qualifier.word} {shown}" if value.qualifier else shown


def number_text(value: ClaimValue) -> str:
    """Write a number with the bounds it does not equal: `12.000`, `3.000–4.000`, `3.500 (3.000–…)`."""
    number, low, high = value.number, value.lower, value.upper
    if low is not None and high is not None and low != high:
        ends: tuple[float | None, float | None] = (low, high)
    elif low is not None and low != number:
        ends = (low, None)
    elif high is not None and high != number:
        ends = (None, high)
    else:
        return format_number(next((n for n in (number, low, high) if n is not None), None))
    bounds = "–".join(OPEN if end is None else format_number(end) for end in ends)
    return bounds if number is None or number in ends else f"{format_number(number)} ({bounds})"
