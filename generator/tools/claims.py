"""Candidate claims: every figure of the text, with who asserts it and the dates of its sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from generator.analysis.figures import Figure, figure_at
from generator.content.model import Topic
from generator.language.dates import StatedDate
from generator.language.figures import Number, find_vague, read_numbers
from generator.language.search import ends_with, nearest_pair
from generator.tools.context import Context, Guess
from generator.tools.sources import find_sources, nearest_source
from generator.tools.speakers import SPEECH

CLAIMANT_KINDS = ("people", "organisations")
ATTRIBUTION_VERB = re.compile(
    r"\b(?:bestätig|berichte|meldete|meldet|schätz|bezifferte|beziffert|identifiziert|kündigt|teilt|zählt)\w*"
    r"|\b(?:gibt|gab|nennt|spricht|sprach|geht|gehen)\b|" + SPEECH.pattern
)
STRONG_BEFORE = re.compile(r"\b(?:[Ll]aut|[Nn]ach Angaben(?:\s+(?:des|der|von|vom))?|[Gg]emäß)\s+$")
STRONG_AFTER = re.compile(r"\s+zufolge\b")  # matched right after a name
MAX_AS_OF_CANDIDATES = 20  # dates of a sentence listed with each of its claims
MAX_SAID_CHARS = 80  # of the words up to an attribution verb, shown as a source that may be named there


@dataclass(frozen=True)
class ClaimSuggestion(Figure):
    """A figure of the text as a candidate claim, with its likely claimant and the dates of its sentence."""

    claimant: Guess
    dates: tuple[StatedDate, ...]


def find_claims(
    contexts: list[Context], topics: dict[str, Topic], dates: list[StatedDate], vague: list[str] | None = None
) -> tuple[list[ClaimSuggestion], list[str]]:
    """Suggest a claim for every number that is not a year, a date, an ordinal, a time or a duration.

    The vague quantities ("Hunderte", "mehrere tausend Soldaten") are described in `vague`, if given.
    """
    claims: list[ClaimSuggestion | None] = []
    skipped: list[str] = []
    by_paragraph = dates_by_paragraph(dates)
    for context in contexts:
        in_dates = by_paragraph.get(context.number, [])
        numbers = read_numbers(context, in_dates, skipped)
        claims.extend(claim_of(context, numbers, i, topics, in_dates) for i in range(len(numbers)))
        if vague is not None:
            vague += find_vague(context, numbers)
    return [c for c in claims if c is not None], skipped


def dates_by_paragraph(dates: list[StatedDate]) -> dict[int, list[StatedDate]]:
    """Group dates by their paragraph, keeping their order."""
    grouped: dict[int, list[StatedDate]] = {}
    for found in dates:
        grouped.setdefault(found.paragraph, []).append(found)
    return grouped


def claim_of(
    context: Context, numbers: list[Number], index: int, topics: dict[str, Topic], dates: list[StatedDate]
) -> ClaimSuggestion | None:
    """Build the claim suggestion for one number (or a range of two); `dates` are the paragraph's, in text order."""
    figure = figure_at(context, numbers, index, topics)
    if figure is None:
        return None
    number = numbers[index]
    sentence = context.sentences[context.sentence_of(number.start)]
    claimant = guess_claimant(context, number, sentence)
    return ClaimSuggestion(**vars(figure), claimant=claimant, dates=dates_within(dates, sentence))


def dates_within(dates: list[StatedDate], sentence: tuple[int, int]) -> tuple[StatedDate, ...]:
    """Return the first MAX_AS_OF_CANDIDATES dates of a sentence (dates in text order)."""
    low = bisect_left(dates, sentence[0], key=lambda d: d.offset)
    high = bisect_left(dates, sentence[1], lo=low, key=lambda d: d.offset)
    return tuple(dates[low : min(high, low + MAX_AS_OF_CANDIDATES)])


def guess_claimant(context: Context, number: Number, sentence: tuple[int, int]) -> Guess:
    """Guess who asserts a number: a name after `laut`, or bound to a verb like `bestätigt` in its clause.

    All but the nearest unnamed source depend on the number's sentence or clause only, and are
    worked out once for all the numbers there.
    """
    strong = context.remember(("strong", sentence), lambda: strong_claimant(context, sentence))
    if strong is not None:
        return strong
    own = context.clause_index(sentence, number.start)
    bound, said = context.remember(("bound", sentence, own), lambda: bound_claimant(context, sentence, own))
    if bound is not None:
        return bound
    sources = context.remember(("sources", sentence), lambda: find_sources(context.text, *sentence))
    if sources:
        source = nearest_source(sources, number.start)
        return Guess(None, f'the text names no registered source, only "{source}"', source)
    if said is not None:
        return Guess(None, f'"{said}" may name the source, which is in no registry: add it, then put its id here')
    return context.remember(("unbound", sentence), lambda: unbound_claimant(context, sentence))


def strong_claimant(context: Context, sentence: tuple[int, int]) -> Guess | None:
    """Return the first person or organisation of a sentence named after `laut` or before `zufolge`."""
    text = context.text
    for mention in context.named(sentence, CLAIMANT_KINDS):
        if ends_with(STRONG_BEFORE, text, mention.start, sentence[0]) or STRONG_AFTER.match(text, mention.end):
            reason = f'claimant guessed from "{context.spelling(mention)}" after an attribution word'
            return Guess(mention.entity, reason, strong=True)
    return None


def bound_claimant(context: Context, sentence: tuple[int, int], own: int) -> tuple[Guess | None, str | None]:
    """Return the name nearest an attribution verb in clause `own` (and the clause a `dass` clause depends on).

    Without such a name, return the words up to the first verb, which may name a source (None without a verb).
    """
    text, clauses = context.text, context.clauses(sentence)
    intro = own > 0 and context.clause_intro(clauses[own][0])
    binding = clauses[own - 1 : own + 1] if intro else [clauses[own]]
    verbs = [v for low, high in binding for v in ATTRIBUTION_VERB.finditer(text, low, high)]
    named = context.named(sentence, CLAIMANT_KINDS)
    bound = [m for m in named if any(low <= m.start < high for low, high in binding)]
    if verbs and bound:
        verb, mention = nearest_pair(verbs, bound)
        reason = (
            f'claimant guessed from "{context.spelling(bound[mention])}" and "{verbs[verb].group()}" in the same clause'
        )
        return Guess(bound[mention].entity, reason, strong=True), None
    return None, tail(text[binding[0][0] : verbs[0].end()], MAX_SAID_CHARS) if verbs else None


def unbound_claimant(context: Context, sentence: tuple[int, int]) -> Guess:
    """Return the guess for a number with no attribution word near it, naming the sentence's names."""
    names = ", ".join(dict.fromkeys(m.entity.id for m in context.named(sentence, CLAIMANT_KINDS)))
    hint = f" (names in the sentence: {names})" if names else ""
    return Guess(None, f"no attribution word near the number{hint}; null if the text names nobody")


def tail(text: str, limit: int) -> str:
    """Return the end of a text, at most `limit` characters, starting at a word."""
    return text if len(text) <= limit else text[-limit:].split(" ", 1)[-1]
