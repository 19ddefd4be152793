"""Classify two claims of one topic: agreement, contradiction, change over time or a difference of scope.

The result is structured (a `Reason`, whose class is its `kind`); the site says it in German and
`dossier diff` in English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.content.model import Claim, Topic
from generator.content.vocabulary import Bound, DiscrepancyKind, Modality, Qualifier, Reason, TopicKind

ABOUT = 0.1  # "etwa" is read as ±10 %


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


def is_same_statement(a: Claim, b: Claim) -> bool:
    """Two claims of one article by one claimant with one value are one statement."""
    return a.article == b.article and a.claimant == b.claimant and value_key(a) == value_key(b)


def value_key(claim: Claim) -> tuple[object, ...]:
    """Return what a claim asserts, without who, where and when."""
    return (claim.value, claim.lower, claim.upper, claim.qualifier, claim.category, claim.scope)


def read_interval(claim: Claim) -> tuple[float, float]:
    """Read a numeric claim as the interval of values it allows."""
    value = claim.value if claim.value is not None else math.nan
    qualifier = Qualifier.of(claim.qualifier)
    bound = qualifier.bound if qualifier else Bound.EXACT
    low, high = value, value
    if bound is Bound.AT_LEAST:
        high = math.inf
    elif bound is Bound.ABOVE:
        low, high = math.nextafter(value, math.inf), math.inf
    elif bound is Bound.AT_MOST:
        low = 0
    elif bound is Bound.APPROXIMATE:
        low, high = value * (1 - ABOUT), value * (1 + ABOUT)
    return (claim.lower if claim.lower is not None else low, claim.upper if claim.upper is not None else high)


def are_compatible(topic: Topic, a: Claim, b: Claim) -> bool:
    """Tell whether two claims can both be true (overlapping ranges, non-exclusive categories)."""
    if topic.kind == TopicKind.CATEGORICAL:
        return a.category == b.category or not topic.exclusive
    (a_low, a_high), (b_low, b_high) = read_interval(a), read_interval(b)
    return a_low <= b_high and b_low <= a_high


def classify(topic: Topic, a: Claim, b: Claim) -> Comparison:
    """Classify two claims: same scope and period but incompatible values is a contradiction."""
    if value_key(a) == value_key(b):
        return Comparison(a, b, Reason.SAME_VALUE)
    if a.scope != b.scope:
        return Comparison(a, b, Reason.OTHER_SCOPE)
    if Modality.of_qualifier(a.qualifier) != Modality.of_qualifier(b.qualifier):
        return Comparison(a, b, Reason.OTHER_MODALITY)
    if not a.as_of.overlaps(b.as_of):
        return Comparison(a, b, Reason.OTHER_TIME)
    if are_compatible(topic, a, b):
        numeric = topic.kind == TopicKind.NUMERIC
        return Comparison(a, b, Reason.OVERLAPPING_RANGES if numeric else Reason.COMPATIBLE_CATEGORIES)
    precise = a.as_of.precision == b.as_of.precision == "day"
    return Comparison(a, b, Reason.INCOMPATIBLE if precise else Reason.INCOMPATIBLE_ROUGH_DATE)
