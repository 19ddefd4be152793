"""A claim's value as one typed record: what it asserts, without who, where and when."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.content.model import Claim
from generator.content.vocabulary import Qualifier


@dataclass(frozen=True)
class ClaimValue:
    """A number with its bounds, a vague quantity, or a category, and the qualifier that hedges it."""

    number: float | None = None
    lower: float | None = None
    upper: float | None = None
    category: str | None = None
    qualifier: Qualifier | None = None
    vague: str | None = None  # the text's words for a vague quantity ("mehrere tausend"), never a number

    @classmethod
    def of(cls, claim: Claim) -> ClaimValue:
        """Return the value a claim asserts."""
        qualifier = Qualifier.of(claim.qualifier)
        return cls(claim.value, claim.lower, claim.upper, claim.category, qualifier, claim.vague)

    def grouped(self) -> ClaimValue:
        """Return the value as sources are counted: "etwa 10.000" is the value "10.000", other hedges stay."""
        if self.qualifier is not None and self.qualifier.is_approximation:
            return replace(self, qualifier=None)
        return self

    @property
    def numbers(self) -> tuple[float, ...]:
        """Return the numbers the claim states: its value and bounds, without the ones it leaves out."""
        return tuple(n for n in (self.lower, self.number, self.upper) if n is not None)

    @property
    def is_range(self) -> bool:
        """Tell whether the claim gives two different bounds ("30.000 bis 40.000")."""
        return self.lower is not None and self.upper is not None and self.lower != self.upper

    @property
    def open_end(self) -> str | None:
        """Return "up" for a value that allows more ("mindestens", a lower bound alone), "down" for less, else None."""
        if self.is_range:
            return None
        if (self.qualifier and self.qualifier.is_lower_bound) or (self.number is None and self.upper is None):
            return "up" if self.numbers else None
        if (self.qualifier and self.qualifier.is_upper_bound) or (self.number is None and self.lower is None):
            return "down" if self.numbers else None
        return None
