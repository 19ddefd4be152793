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


def errors_in(problems: list[Problem]) -> list[Problem]:
    """Return the problems that are errors, not warnings."""
    return [p for p in problems if not p.warning]
