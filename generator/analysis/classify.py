"""Classify two claims of one topic: agreement, contradiction, disagreement, change or a difference of scope.

The result is structured (a `Reason`, whose class is its `kind`); the site says it in German and
`dossier diff` in English. The rules, with examples, are on the Methode page (`site/templates/method.md.j2`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.content.model import Claim, Topic
from generator.content.vocabulary import Bound, DiscrepancyKind, Modality, Qualifier, Reason, TopicKind

ABOUT = 0.1  # "etwa" is read as ±10 %
ROUND_FROM = 1000  # a bare number from 1.000 up that ends in 00 or more zeros counts as rounded
ROUND_MAX = 0.1  # ... to half a unit of its last non-zero digit, at most ±10 %


@dataclass(frozen=True)
class Comparison:
    """Two claims on one topic and why their difference is classified as it is."""

    a: Claim
    b: Claim
    reason: Reason

    @property
    def kind(self) -> DiscrepancyKind:
        """Return the class of the difference."""
        return self.reason.kind


def group_of(claim: Claim) -> tuple[str, Modality]:
    """Return what a claim is compared within: its scope and its modality."""
    return (claim.scope, Modality.of_qualifier(claim.qualifier))


def source_key(claim: Claim) -> object:
    """Return who a claim comes from, for telling a source's change from a disagreement of two sources.

    A claim of several sources is the same source only as a claim of the same sources. Claims whose
    text names nobody are never the same source as another claim: that cannot be told.
    """
    sources = tuple(sorted(s for s in (claim.sources or (claim.source,)) if s))
    return sources if sources else ("", claim.article, claim.id)


def party(claim: Claim) -> str:
    """Return the party a claim speaks for in a dispute: its sources joined by "+" ("" for nobody named)."""
    return "+".join(sorted(claim.sources or (claim.source,)))


def is_same_statement(a: Claim, b: Claim) -> bool:
    """Two claims of one article by one claimant with one value are one statement."""
    return a.article == b.article and a.claimant == b.claimant and value_key(a) == value_key(b)


def value_key(claim: Claim) -> tuple[object, ...]:
    """Return what a claim asserts, without who, where and when."""
    return (claim.value, claim.lower, claim.upper, claim.vague, claim.qualifier, claim.category, claim.scope)


def rounding(value: float) -> float:
    """Return how far a bare number may lie from what it rounds: 4.000 ±400, 3.800 ±50, 950 ±0."""
    if value < ROUND_FROM or value != int(value):
        return 0.0
    unit, number = 1, int(value)
    while number % 10 == 0:
        unit, number = unit * 10, number // 10
    return 0.0 if unit < 100 else min(unit / 2, value * ROUND_MAX)


def read_interval(claim: Claim, tolerant: bool = True) -> tuple[float, float]:
    """Read a numeric claim as the interval of values it allows (with rounding tolerance unless not `tolerant`).

    A claim without a number (a vague quantity) allows any value its bounds allow.
    """
    qualifier = Qualifier.of(claim.qualifier)
    bound = qualifier.bound if qualifier else Bound.EXACT
    if claim.value is None:
        low, high = 0.0, math.inf
    else:
        value = claim.value
        slack = rounding(value) if tolerant and bound is Bound.EXACT else 0.0
        low, high = value - slack, value + slack
        if bound is Bound.AT_LEAST:
            low, high = value, math.inf
        elif bound is Bound.ABOVE:
            low, high = math.nextafter(value, math.inf), math.inf
        elif bound is Bound.AT_MOST:
            low, high = 0.0, value
        elif bound is Bound.APPROXIMATE:
            low, high = value * (1 - ABOUT), value * (1 + ABOUT)
    return (claim.lower if claim.lower is not None else low, claim.upper if claim.upper is not None else high)


def are_compatible(topic: Topic, a: Claim, b: Claim, tolerant: bool = True) -> bool:
    """Tell whether two claims can both be true (overlapping ranges, non-exclusive categories)."""
    if topic.kind == TopicKind.CATEGORICAL:
        return a.category == b.category or not topic.exclusive
    return intervals_meet(read_interval(a, tolerant), read_interval(b, tolerant))


def intervals_meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Tell whether two intervals (low, high) share a value."""
    return a[0] <= b[1] and b[0] <= a[1]


def classify(topic: Topic, a: Claim, b: Claim) -> Comparison:
    """Classify two claims; see `differing` for claims of one scope and modality with different values."""
    if value_key(a) == value_key(b):
        return Comparison(a, b, Reason.SAME_VALUE)
    if a.scope != b.scope:
        return Comparison(a, b, Reason.OTHER_SCOPE)
    if Modality.of_qualifier(a.qualifier) != Modality.of_qualifier(b.qualifier):
        return Comparison(a, b, Reason.OTHER_MODALITY)
    return Comparison(a, b, differing(topic, a, b))


def differing(topic: Topic, a: Claim, b: Claim) -> Reason:
    """Say why two different values of one scope and modality differ.

    One source at different times: a change. Otherwise compatible values agree; incompatible ones
    contradict each other when their periods overlap, and are a disagreement of two sources when not.
    """
    overlapping = a.as_of.overlaps(b.as_of)
    if not overlapping and source_key(a) == source_key(b):
        return Reason.OTHER_TIME
    if are_compatible(topic, a, b):
        if topic.kind == TopicKind.CATEGORICAL:
            return Reason.COMPATIBLE_CATEGORIES
        return Reason.OVERLAPPING_RANGES if are_compatible(topic, a, b, tolerant=False) else Reason.ROUNDED
    if not overlapping:
        return Reason.OTHER_SOURCE_OTHER_TIME
    precise = a.as_of.precision == b.as_of.precision == "day"
    return Reason.INCOMPATIBLE if precise else Reason.INCOMPATIBLE_ROUGH_DATE
