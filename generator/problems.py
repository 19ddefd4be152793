"""Problems found in content, reported as `path:line:col: message`, and the one error base class."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Anything that could end or forge a log line, or reorder it on screen (line breaks, other
# controls, bidi and zero-width characters), is shown as an escape: a file name or value from a
# pull request must not be able to write a second, fake message.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    """Return `text` on one line, with invisible and line-breaking characters written as escapes."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if m.group() != "\n" else "\\n", text)


class DossierError(Exception):
    """Base of every error the command line reports without a traceback; `exit_code` is its status."""

    exit_code = 1


class UsageError(DossierError):
    """Raised for a command line that cannot be carried out as given."""

    exit_code = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One actionable finding about a content file."""

    path: str
    line: int
    col: int
    message: str
    warning: bool = False
    check: str = ""  # the stable code of an acknowledgeable check (content.vocabulary.Check), printed after it
    acknowledged: str | None = None  # the curator's reason, when the finding is acknowledged (then not reported)

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        code = f" [{self.check}]" if self.check else ""
        return printable(f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}{code}")


class ContentError(DossierError):
    """Raised when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = problems


def raise_on_errors(problems: list[Problem]) -> None:
    """Raise ContentError with all problems not acknowledged (warnings included) if any of them is an error."""
    reported = [p for p in problems if p.acknowledged is None]
    if any(not p.warning for p in reported):
        raise ContentError(sorted(reported))
