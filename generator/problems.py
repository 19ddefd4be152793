"""Problems found in content, reported as `path:line:col: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One actionable finding about a content file."""

    path: str
    line: int
    col: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = problems


def raise_on_errors(problems: list[Problem]) -> None:
    """Raise ContentError with all problems (warnings included) if any of them is an error."""
    if any(not p.warning for p in problems):
        raise ContentError(sorted(problems))
