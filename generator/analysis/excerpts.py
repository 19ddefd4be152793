"""Check that a claim's value, bounds and vague words stand in its own excerpt.

The excerpt is read with the figure reader of `dossier new` (`language/numerals.py`,
`language/figures.py`): "3,8 Tausend" is 3800, "zwölf" 12, "zwei Dutzend" 24, "12.000" and
"12 000" are 12000. A value or bound the excerpt does not state is an error (a typo, 3.000 read as
3, or a number from elsewhere), unless the claim acknowledges it with a reason.
"""

from __future__ import annotations

from generator.analysis.match import find_all, normalise
from generator.content.acknowledge import finding
from generator.content.model import Article, Claim
from generator.content.vocabulary import Check
from generator.language.figures import read_number
from generator.language.numbers import format_number
from generator.language.numerals import find_numbers, number_value
from generator.problems import Problem

BOUND_NAMES = {"value": "value", "lower": "lower bound", "upper": "upper bound"}
FIGURE_REASONS = ("", "a duration")  # what `read_number` says of numbers that still state a quantity


def check_values_in_excerpts(article: Article, problems: list[Problem]) -> None:
    """Report each claim whose value, bounds or vague words cannot be read from its excerpt.

    Runs after the excerpts are located: a claim whose excerpt is not in the text is reported for that alone.
    """
    for index, claim in enumerate(article.claims):
        if not claim.spans:
            continue
        problems += number_problems(article, index, claim)
        if claim.vague is not None:
            problems += vague_problems(article, index, claim)


def read_excerpt(text: str) -> tuple[dict[float, str], dict[float, str]]:
    """Return the quantities a text states and its other numbers, each {value: how the text writes it and why}."""
    stated: dict[float, str] = {}
    other: dict[float, str] = {}
    for match in find_numbers(text):
        value, (_, why) = number_value(match), read_number(text, match)
        if why in FIGURE_REASONS:
            stated.setdefault(value, match.group())
        else:
            other.setdefault(value, f'"{match.group()}", which is {why}')
    return stated, other


def number_problems(article: Article, index: int, claim: Claim) -> list[Problem]:
    """Report each of a claim's value and bounds that its excerpt does not state."""
    numbers = {"value": claim.value, "lower": claim.lower, "upper": claim.upper}
    if all(n is None for n in numbers.values()):
        return []
    stated, other = read_excerpt(claim.excerpt)
    found = []
    for key, number in numbers.items():
        if number is None or round(number, 6) in stated:
            continue
        name = f"{BOUND_NAMES[key]} {format_number(number)}"
        if number in other:
            message = f"{name} stands in the excerpt only as {other[number]}, not a figure"
        else:
            states = ", ".join(format_number(n) for n in sorted(stated)) or "no number"
            message = f"{name} cannot be read from the excerpt, which states {states}"
        message += "; correct the number or the excerpt, or acknowledge it with a reason"
        where = ("claims", index, key)
        found.append(finding(article.meta, where, message, Check.VALUE_NOT_IN_EXCERPT, claim.acknowledge))
    return found


def vague_problems(article: Article, index: int, claim: Claim) -> list[Problem]:
    """Report vague words that are not in the excerpt as written, or that state a number."""
    assert claim.vague is not None
    where = ("claims", index, "vague")
    numbers = [match.group() for match in find_numbers(claim.vague)]
    if numbers:
        message = f'vague words "{claim.vague}" state a number ("{numbers[0]}"): give it as value, lower or upper'
        return [article.meta.problem(where, message)]
    if find_all(claim.vague, normalise(claim.excerpt)):
        return []
    message = f'vague words "{claim.vague}" do not stand in the excerpt; copy them exactly as the text writes them'
    return [article.meta.problem(where, message)]
