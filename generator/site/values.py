"""Write a claim's value the one way readers see it: pages, tables, charts, feeds, exports and the review diff.

A hedged value is never written without its hedge: the qualifier belongs to the value, not to a
column beside it.
"""

from __future__ import annotations

from generator.content.model import Claim, Topic
from generator.content.values import ClaimValue
from generator.language.numbers import format_number


def format_value(value: Claim | ClaimValue, topic: Topic, *, unit: bool = False) -> str:
    """Write a value with its qualifier: `bis zu 12.000`, `30.000 bis 40.000 Soldaten` (unit if asked), a label.

    A vague quantity is written in the text's words (`mehrere tausend`), with the bounds the text gives.
    The result is plain text: callers escape it.
    """
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
    """Write a number with the bounds it does not equal: `12.000`, `30.000 bis 40.000`, `3.500 (ab 3.000)`."""
    number, low, high = value.number, value.lower, value.upper
    hedged = number is None and value.qualifier is not None  # "mindestens 3.000" needs no "ab"
    if value.is_range:
        bounds = f"{format_number(low)} bis {format_number(high)}"
    elif low is not None and low != number:
        lower_hedge = hedged and value.qualifier is not None and value.qualifier.is_lower_bound
        bounds = format_number(low) if lower_hedge else f"ab {format_number(low)}"
    elif high is not None and high != number:
        upper_hedge = hedged and value.qualifier is not None and value.qualifier.is_upper_bound
        bounds = format_number(high) if upper_hedge else f"bis {format_number(high)}"
    else:
        bounds = ""
    shown = number is not None and not (value.is_range and number in (low, high))  # "3.000 bis 4.000" holds it
    head = value.vague if value.vague is not None else format_number(number) if shown else ""
    if not bounds:
        return head or format_number(next((n for n in (low, high) if n is not None), None))
    return f"{head} ({bounds})" if head else bounds


def stated_numbers(claims: list[Claim]) -> list[float]:
    """Return every number the claims state, values and bounds alike, in order: the topic's range is its ends."""
    return sorted({number for claim in claims for number in ClaimValue.of(claim).numbers})


def vague_words(claims: list[Claim]) -> list[str]:
    """Return the vague quantities of claims that state no number ("mehrere tausend"), each once, in claim order."""
    return list(dict.fromkeys(c.vague for c in claims if c.vague is not None and not ClaimValue.of(c).numbers))
