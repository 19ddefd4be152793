"""Compare files for `dossier diff`: every generated page and data file, and the hand-written pages."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping

from generator.tools.diff_fields import Change, shorten

ATTRIBUTES = re.compile(r"\s*\{[^}]*\}\s*$")  # `## Zitate { data-search-exclude }`


def diff_files(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> list[Change]:
    """List every file that is added, removed or whose bytes change, by path, with its lines and first change."""
    changes = []
    for path in sorted(old.keys() | new.keys()):
        before, after = old.get(path), new.get(path)
        if before == after:
            continue
        if before is not None and after is not None:
            changes.append(changed_file(path, text_lines(before), text_lines(after)))
        else:
            lines = text_lines(before or after or b"")
            kind = "removed" if after is None else "added"
            changes.append(Change(kind, path, counted(len(lines), "line"), first_heading(path, lines)))
    return changes


def diff_pages(old: Mapping[str, str], new: Mapping[str, str]) -> list[Change]:
    """List the hand-written pages (content/pages/*.md) that are added, removed or changed, by file name."""
    encoded = [{name: text.encode("utf-8") for name, text in pages.items()} for pages in (old, new)]
    return diff_files(*encoded)


def changed_file(path: str, old: list[str], new: list[str]) -> Change:
    """Describe a changed file: lines added and removed, and where the first change is."""
    added, removed = line_changes(old, new)
    if old == new:
        return Change("changed", path, "only line breaks change", [])
    summary = f"+{added} −{removed} lines" if added or removed else "the same lines in another order"
    first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    return Change("changed", path, summary, [where(path, new if first < len(new) else old, first)])


def text_lines(data: bytes) -> list[str]:
    """Split a file's bytes into lines of text."""
    return data.decode("utf-8", "replace").splitlines()


def line_changes(old: list[str], new: list[str]) -> tuple[int, int]:
    """Count the lines only in `new` and only in `old` (as multisets: a moved line counts as neither)."""
    before, after = Counter(old), Counter(new)
    return sum((after - before).values()), sum((before - after).values())


def counted(number: int, noun: str) -> str:
    """Write a count with its noun: `1 line`, `3 lines`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def first_heading(path: str, lines: list[str]) -> list[str]:
    """Return the first heading of a Markdown page, as a detail (nothing for data files)."""
    if not path.endswith(".md"):
        return []
    heading = next((line for line in lines if line.startswith("#")), None)
    return [f"first heading: {heading_text(heading)}"] if heading else []


def where(path: str, lines: list[str], index: int) -> str:
    """Say where line `index` of a file is: its line number, and in Markdown the heading it stands under."""
    if not path.endswith(".md"):
        return f"first change in line {index + 1}"
    if lines[:1] == ["---"] and "---" in lines[1:] and index <= lines.index("---", 1):
        return f"first change in line {index + 1}, in the front matter (page title)"
    heading = next((line for line in reversed(lines[: index + 1]) if line.startswith("#")), None)
    under = f", under „{heading_text(heading)}“" if heading else ""
    return f"first change in line {index + 1}{under}"


def heading_text(line: str) -> str:
    """Return a Markdown heading's text as it reads: without `#`, attributes and character references."""
    return shorten(html.unescape(ATTRIBUTES.sub("", line.lstrip("#").strip())), 80)
