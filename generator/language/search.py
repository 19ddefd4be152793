"""Indexes and bounded searches that keep the text heuristics linear in the length of a text.

A heuristic asks many small questions of one long text: is there a cue right before this number,
does this word overlap a mention, which verb is nearest to which name. Asked naively, each
question costs the length of the text (a slice, a regex search over everything before a
position, a loop over every mention), and a hostile text with many numbers or names makes the
whole quadratic. Here each question costs a logarithm or a bounded window instead:

- `ends_with` looks for a cue that must end right before a position only in the last characters;
- `SpanIndex` tells whether any of many spans overlaps a range (by bisection);
- `Cursor` finds the next match of a pattern after a position, searching each stretch of text once
  when the positions asked about only grow;
- `nearest_pair` finds the closest of many verbs and names without trying every pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Protocol

CUE_WIDTH = 60  # characters before the closing white space that a cue ("im Jahr", "laut", "Nr.") may take


def ends_with(pattern: re.Pattern[str], text: str, end: int, low: int = 0) -> re.Match[str] | None:
    """Return `pattern.search(text[low:end])` (with offsets in `text`) for a pattern anchored at its end (`$`).

    Only the trailing white space and the CUE_WIDTH characters before it are searched, so the cost
    does not grow with `end`; a cue that takes more characters than that is not found. A lookbehind
    or `\\b` at the window's start sees the character before it, as it would in the slice (at `low`
    itself the slice has none: callers pass a `low` after white space or at 0).
    """
    start = end
    while start > low and text[start - 1].isspace():
        start -= 1
    return pattern.search(text, max(low, start - CUE_WIDTH), end)


class SpanIndex:
    """Spans (start, end), sorted by start with the furthest end so far, to be asked what overlaps a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether a span shares a character with the range from `start` to `end`."""
        index = bisect_left(self.starts, end)  # the spans that start before `end`
        return index > 0 and self.reach[index - 1] > start

    def holds(self, offset: int) -> bool:
        """Tell whether a span holds the character at `offset`."""
        index = bisect_right(self.starts, offset)  # the spans that start at or before `offset`
        return index > 0 and self.reach[index - 1] > offset


class Cursor:
    """The next match of a pattern at or after a position, between asked positions searched for only once.

    Equals `pattern.search(text, position, high)`; when the positions asked about never decrease,
    the text is searched through once in all.
    """

    def __init__(self, pattern: re.Pattern[str], text: str, high: int) -> None:
        self.pattern, self.text, self.high = pattern, text, high
        self.searched_from = high + 1  # nothing searched yet
        self.found: re.Match[str] | None = None

    def next(self, position: int) -> re.Match[str] | None:
        """Return the first match that starts at `position` or later."""
        known = self.searched_from <= position and (self.found is None or self.found.start() >= position)
        if not known:
            self.searched_from, self.found = position, self.pattern.search(self.text, position, self.high)
        return self.found


class Located(Protocol):
    """Something that stands in a text from `start` to `end` (a mention, a name)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def gap(span: tuple[int, int], named: Located) -> int:
    """Return the number of characters between a verb and a name."""
    return max(span[0] - named.end, named.start - span[1], 0)


def nearest_pair(verbs: Sequence[re.Match[str]], names: Sequence[Located]) -> tuple[int, int]:
    """Return the indexes of the verb and name closest together (`gap`), the first such pair in verb order.

    Equals `min(((v, n) for v in verbs for n in names), key=gap)` without trying every pair: for
    each verb, the closest name before it, the first after it and any overlapping one are found by
    bisection. `names` must be sorted by start; neither sequence may be empty.
    """
    starts = [n.start for n in names]
    reach = list(accumulate((n.end for n in names), max))  # the furthest end of the names so far
    ends = sorted(n.end for n in names)
    gaps = [closest_gap(v.span(), starts, reach, ends) for v in verbs]
    best = min(gaps)
    verb = gaps.index(best)
    name = next(i for i, n in enumerate(names) if gap(verbs[verb].span(), n) == best)
    return verb, name


def closest_gap(span: tuple[int, int], starts: list[int], reach: list[int], ends: list[int]) -> int:
    """Return the smallest gap between a span and any name (see `nearest_pair`)."""
    low, high = span
    overlapping = bisect_left(starts, high)  # the names that start before the span ends
    if overlapping and reach[overlapping - 1] > low:
        return 0
    gaps = [starts[overlapping] - high] if overlapping < len(starts) else []
    before = bisect_right(ends, low)  # the names that end before the span starts
    if before:
        gaps.append(low - ends[before - 1])
    return min(gaps)
