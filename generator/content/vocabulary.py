"""The dossier's closed vocabularies, each an enum that knows what its values mean.

Qualifiers, kinds of sources, entities, places and topics, and the classes of discrepancies: the
schema takes its value lists from here and every other layer asks these enums, so that no module
spells a value or its meaning out again. The values are the content files' own words (the
qualifiers are German because curators write them so); what readers see of them lives in the site
layer (`site/labels.py`), what reviewers see in the tools layer (`tools/english.py`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Term(StrEnum):
    """A closed vocabulary: the values one field of the content or the analysis takes."""

    @classmethod
    def of(cls, text: str | None) -> Self | None:
        """Return the term a field names, or None where the field is empty."""
        return None if text is None else cls(text)


def values(vocabulary: type[Term]) -> tuple[str, ...]:
    """Return the values of a vocabulary as plain strings, in their declared order."""
    return tuple(member.value for member in vocabulary)


class Modality(Term):
    """How a claim asserts its value: claims of different modalities are never contradictions."""

    STATEMENT = "statement"
    EXPECTATION = "expectation"
    SUPPOSITION = "supposition"

    @classmethod
    def of_qualifier(cls, qualifier: str | None) -> Modality:
        """Return the modality of a value with this qualifier; an unhedged value is a statement."""
        hedge = Qualifier.of(qualifier)
        return hedge.modality if hedge else cls.STATEMENT


class Bound(Term):
    """What a qualifier says about the number it hedges."""

    EXACT = "exact"  # the number itself, hedged only in its modality
    APPROXIMATE = "approximate"
    AT_LEAST = "at-least"
    ABOVE = "above"  # more than the number, not the number itself
    AT_MOST = "at-most"


class Qualifier(Term):
    """How a text hedges a claim's value; each value is the German word the text uses."""

    MINDESTENS = "mindestens"
    MEHR_ALS = "mehr als"
    BIS_ZU = "bis zu"
    HOECHSTENS = "höchstens"
    ETWA = "etwa"
    GEPLANT = "geplant"
    ERWARTET = "erwartet"
    MOEGLICHERWEISE = "möglicherweise"

    @property
    def word(self) -> str:
        """Return the German word, as the text and readers write it."""
        return self.value

    @property
    def bound(self) -> Bound:
        """Return what the qualifier says about the number."""
        return QUALIFIER_BOUNDS.get(self, Bound.EXACT)

    @property
    def modality(self) -> Modality:
        """Return how a claim with this qualifier asserts its value."""
        return QUALIFIER_MODALITIES.get(self, Modality.STATEMENT)

    @property
    def is_lower_bound(self) -> bool:
        """Tell whether the number is the least the claim allows ("mindestens", "mehr als")."""
        return self.bound in (Bound.AT_LEAST, Bound.ABOVE)

    @property
    def is_upper_bound(self) -> bool:
        """Tell whether the number is the most the claim allows ("bis zu", "höchstens")."""
        return self.bound is Bound.AT_MOST

    @property
    def is_approximation(self) -> bool:
        """Tell whether the qualifier only rounds the number ("etwa"): it counts as the same value."""
        return self.bound is Bound.APPROXIMATE


QUALIFIER_BOUNDS = {
    Qualifier.MINDESTENS: Bound.AT_LEAST,
    Qualifier.MEHR_ALS: Bound.ABOVE,
    Qualifier.BIS_ZU: Bound.AT_MOST,
    Qualifier.HOECHSTENS: Bound.AT_MOST,
    Qualifier.ETWA: Bound.APPROXIMATE,
}
QUALIFIER_MODALITIES = {
    Qualifier.GEPLANT: Modality.EXPECTATION,
    Qualifier.ERWARTET: Modality.EXPECTATION,
    Qualifier.MOEGLICHERWEISE: Modality.SUPPOSITION,
}


class SourceKind(Term):
    """What kind of source a claimant is: an organisation's or person's `kind`, an unnamed claim's `claimant_kind`."""

    GOVERNMENT = "government"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    STATE_MEDIA = "state-media"
    MEDIA = "media"
    INTERNATIONAL = "international"
    GROUP = "group"
    INDIVIDUAL = "individual"

    @property
    def acts_for_state(self) -> bool:
        """Tell whether a source of this kind acts for a state, and so is a party if its state is one."""
        return self in (SourceKind.GOVERNMENT, SourceKind.MILITARY, SourceKind.INTELLIGENCE, SourceKind.STATE_MEDIA)

    @property
    def is_body(self) -> bool:
        """Tell whether an organisation can be of this kind (a private person cannot be one)."""
        return self is not SourceKind.INDIVIDUAL


ORGANISATION_KINDS = tuple(kind.value for kind in SourceKind if kind.is_body)


class EntityKind(Term):
    """The registries of named entities; each value is also the name of its file in content/."""

    PEOPLE = "people"
    ORGANISATIONS = "organisations"
    PLACES = "places"


class PlaceKind(Term):
    """What kind of place a place is."""

    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    SITE = "site"


class TopicKind(Term):
    """Whether the claims of a topic give a number or a category."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"


class DiscrepancyKind(Term):
    """How two claims of a topic relate, in the order readers should weigh them."""

    CONTRADICTION = "contradiction"
    DISAGREEMENT = "disagreement"  # incompatible values of different sources at different times
    CHANGE = "change"  # one source's value at different times
    SCOPE = "scope"
    AGREEMENT = "agreement"

    @property
    def is_discrepancy(self) -> bool:
        """Tell whether the two claims differ (anything but an agreement)."""
        return self is not DiscrepancyKind.AGREEMENT

    @property
    def is_shift(self) -> bool:
        """Tell whether one source's successive claims differ in value (a contradiction or a change)."""
        return self in (DiscrepancyKind.CONTRADICTION, DiscrepancyKind.CHANGE)

    @property
    def is_dispute(self) -> bool:
        """Tell whether the two claims cannot both be true (a contradiction or a disagreement of sources)."""
        return self in (DiscrepancyKind.CONTRADICTION, DiscrepancyKind.DISAGREEMENT)


class Reason(Term):
    """Why two claims were classified as they were; the claims themselves hold the details."""

    SAME_VALUE = "same-value"
    OTHER_SCOPE = "other-scope"
    OTHER_MODALITY = "other-modality"
    OTHER_TIME = "other-time"  # one source, different values at different times
    OTHER_SOURCE_OTHER_TIME = "other-source-other-time"  # incompatible values of two sources at different times
    OVERLAPPING_RANGES = "overlapping-ranges"
    ROUNDED = "rounded"  # compatible once round numbers are read as rounded
    COMPATIBLE_CATEGORIES = "compatible-categories"
    INCOMPATIBLE = "incompatible"
    INCOMPATIBLE_ROUGH_DATE = "incompatible-rough-date"  # incompatible, but a date is known only to the month or year

    @property
    def kind(self) -> DiscrepancyKind:
        """Return the class of discrepancy this reason makes."""
        return REASON_KINDS[self]


REASON_KINDS = {
    Reason.SAME_VALUE: DiscrepancyKind.AGREEMENT,
    Reason.OTHER_SCOPE: DiscrepancyKind.SCOPE,
    Reason.OTHER_MODALITY: DiscrepancyKind.SCOPE,
    Reason.OTHER_TIME: DiscrepancyKind.CHANGE,
    Reason.OTHER_SOURCE_OTHER_TIME: DiscrepancyKind.DISAGREEMENT,
    Reason.OVERLAPPING_RANGES: DiscrepancyKind.AGREEMENT,
    Reason.ROUNDED: DiscrepancyKind.AGREEMENT,
    Reason.COMPATIBLE_CATEGORIES: DiscrepancyKind.AGREEMENT,
    Reason.INCOMPATIBLE: DiscrepancyKind.CONTRADICTION,
    Reason.INCOMPATIBLE_ROUGH_DATE: DiscrepancyKind.CONTRADICTION,
}


class Check(Term):
    """A check whose findings a curator may acknowledge with a reason (`acknowledge`); each value is its stable code.

    `check` prints the code after each finding, so that the curator can name it.
    """

    VALUE_NOT_IN_EXCERPT = "value-not-in-excerpt"  # a claim's value or bound cannot be read from its excerpt
    FIGURE_NOT_CLAIMED = "figure-not-claimed"  # the text states a figure on a topic that no claim covers
    CLAIMANT_IN_ATTRIBUTION = "claimant-in-attribution"  # claimant null, but the attribution names a registered one
    AS_OF_AFTER_PUBLISHED = "as-of-after-published"  # a claim's as_of lies after its article's publication

    @property
    def on_claim(self) -> bool:
        """Tell whether the check finds something about one claim (else about the article's text)."""
        return self is not Check.FIGURE_NOT_CLAIMED
