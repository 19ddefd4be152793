"""A claim's value as one typed record: what it asserts, without who, where and when."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.content.model import Claim
from generator.content.vocabulary import Qualifier


@dataclass(frozen=True)
class ClaimValue:
    """A number with its bounds, or a category, and the qualifier that hedges it."""

    number: float | None = None
    lower: float | None = None
    upper: float | None = None
    category: str | None = None
    qualifier: Qualifier | None = None

    @classmethod
    def of(cls, claim: Claim) -> ClaimValue:
        """Return the value a claim asserts."""
        return cls(claim.value, claim.lower, claim.upper, claim.category, Qualifier.of(claim.qualifier))

    def grouped(self) -> ClaimValue:
        """Return the value as sources are counted: "etwa 10.000" is the value "10.000", other hedges stay."""
        if self.qualifier is not None and self.qualifier.is_approximation:
            return replace(self, qualifier=None)
        return self
