"""Write a `dossier diff` report as plain text for a terminal: no Markdown, no character references, wrapped lines.

Content values are written as they are, only with white space folded and control characters
(bidirectional overrides among them) shown as escapes, so nothing in a value can move the cursor,
reorder the line or pretend to be a line of the report.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from generator.problems import printable
from generator.tools.diff_fields import Change

if TYPE_CHECKING:
    from generator.tools.diff import Report

WIDTH = 100  # characters a line is wrapped at
INDENT = " " * 11  # under the key, after `  changed  `
MORE = "(dossier diff --format json lists all)"


def text_report(report: Report, sections: dict[str, str], limit: int) -> str:
    """Return the report as text: problems, the count of changes per section, then each section's changes."""
    base = plain(report.base)
    lines = [f"Dossier changes against {base}", ""]
    if report.errors:
        count = f"{len(report.errors)} error(s)"
        lines += [f"The content in this change does not pass dossier check ({count}); nothing else is compared:"]
        lines += [*listed(report.errors, limit), ""]
    if report.base_errors:
        count = f"{len(report.base_errors)} error(s)"
        lines += [f"The content at {base} does not pass dossier check ({count}); it is compared as empty:"]
        lines += [*listed(report.base_errors, limit), ""]
    if not report.errors:
        lines += text_sections(report, sections, limit)
    if report.new_warnings:
        lines += ["New warnings:", *listed(report.new_warnings, limit), ""]
    if report.new_acknowledged:
        lines += ["Findings acknowledged in this change (kept on purpose; judge each reason):"]
        lines += [*listed(report.new_acknowledged, limit), ""]
    return "\n".join(lines) + "\n"


def text_sections(report: Report, sections: dict[str, str], limit: int) -> list[str]:
    """Return the count of changes per section, then every section's changes (up to `limit` each)."""
    if not any(report.sections.values()):
        return ["No changes to the dossier's content.", ""]
    width = max(map(len, sections.values()))
    counts = report.counts()
    lines = [f"{'Section':<{width}}  {'Added':>7}  {'Changed':>7}  {'Removed':>7}"]
    for name, title in sections.items():
        added, changed, removed = counts[name].values()
        lines.append(f"{title:<{width}}  {added:>7}  {changed:>7}  {removed:>7}")
    for name, title in sections.items():
        if not report.sections[name]:
            continue
        lines += ["", f"{title}:"]
        changes = report.listed(name)
        for change in changes[:limit]:
            lines += change_lines(change)
        lines += [f"  … and {len(changes) - limit} more {MORE}"] if len(changes) > limit else []
        if counted := report.counted(name):
            numbers = ", ".join(f"{number} {kind}" for kind, number in counted.items())
            lines.append(f"  Scope differences (counted, not listed): {numbers}; --format json lists them")
    return [*lines, ""]


def change_lines(change: Change) -> list[str]:
    """Write one change: its kind and key, what it is (on the next lines if it does not fit), its details."""
    head = f"  {change.change:<8} {plain(change.key)}"
    text = plain(change.text)
    lines = [f"{head}  {text}".rstrip()] if len(head) + 2 + len(text) <= WIDTH else [head, *wrapped(text, INDENT)]
    for detail in change.details:
        lines += wrapped(plain(detail), INDENT, INDENT + "  ")
    return lines


def wrapped(text: str, indent: str, later: str | None = None) -> list[str]:
    """Wrap a one-line text at WIDTH, indented; long words (keys, addresses) are never broken."""
    later = indent if later is None else later
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=later, break_long_words=False, break_on_hyphens=False
    )


def listed(items: list[str], limit: int) -> list[str]:
    """Return items as an indented list, the first `limit` of them and how many more there are."""
    more = [f"  … and {len(items) - limit} more {MORE}"] if len(items) > limit else []
    return [f"  {plain(item)}" for item in items[:limit]] + more


def plain(value: object) -> str:
    """Write a value as one line of plain text: white space folded, control characters escaped."""
    return " ".join(printable(str(value)).split())
