"""Count claim pairs that cannot both be true although their periods are separate, and find who disputes whom.

Both in O(n log n) per group of claims, never by building every pair: `separate_incompatible` counts
with two Fenwick trees (a pair counts when the earlier claim ends before the later one starts and
their intervals do not meet), `disputing_sources` checks each pair of sources with prefix minima.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date

Interval = tuple[float, float]
Period = tuple[date, date]


class Fenwick:
    """Counts of items per rank, with prefix sums in O(log n)."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)

    def add(self, rank: int) -> None:
        """Count one more item of this rank."""
        rank += 1
        while rank < len(self.tree):
            self.tree[rank] += 1
            rank += rank & -rank

    def below(self, rank: int) -> int:
        """Return how many items have a rank below `rank`."""
        total = 0
        while rank > 0:
            total += self.tree[rank]
            rank -= rank & -rank
        return total


def separate_incompatible(intervals: Sequence[Interval], periods: Sequence[Period]) -> int:
    """Count pairs whose periods do not overlap and whose intervals do not meet."""
    n = len(intervals)
    if n < 2:
        return 0
    lows, highs = sorted({low for low, _ in intervals}), sorted({high for _, high in intervals})
    low_tree, high_tree = Fenwick(len(lows)), Fenwick(len(highs))
    by_end = sorted(range(n), key=lambda i: periods[i][1])
    count = inserted = 0
    for j in sorted(range(n), key=lambda j: periods[j][0]):
        while inserted < n and periods[by_end[inserted]][1] < periods[j][0]:
            low, high = intervals[by_end[inserted]]
            low_tree.add(bisect_left(lows, low))
            high_tree.add(bisect_left(highs, high))
            inserted += 1
        low, high = intervals[j]
        count += high_tree.below(bisect_left(highs, low))  # earlier claims wholly below this one
        count += inserted - low_tree.below(bisect_right(lows, high))  # earlier claims wholly above it
    return count


class Earlier:
    """One source's claims by end date, with running extremes, to ask: did it say something incompatible before?"""

    def __init__(self, intervals: Sequence[Interval], periods: Sequence[Period]) -> None:
        order = sorted(range(len(intervals)), key=lambda i: periods[i][1])
        self.ends = [periods[i][1] for i in order]
        self.lowest: list[int] = []  # per prefix, the position of the claim with the lowest upper end
        self.highest: list[int] = []  # per prefix, the position of the claim with the highest lower end
        for i in order:
            low_at = self.lowest[-1] if self.lowest else i
            high_at = self.highest[-1] if self.highest else i
            self.lowest.append(i if intervals[i][1] < intervals[low_at][1] else low_at)
            self.highest.append(i if intervals[i][0] > intervals[high_at][0] else high_at)
        self.intervals = intervals

    def contradicting(self, interval: Interval, start: date) -> int | None:
        """Return the position of a claim ending before `start` that allows no value of `interval`, if any."""
        k = bisect_left(self.ends, start)
        if k == 0:
            return None
        if self.intervals[self.lowest[k - 1]][1] < interval[0]:
            return self.lowest[k - 1]
        if self.intervals[self.highest[k - 1]][0] > interval[1]:
            return self.highest[k - 1]
        return None


def disputing_sources(
    sources: Sequence[str], intervals: Sequence[Interval], periods: Sequence[Period]
) -> dict[tuple[str, str], tuple[int, int]]:
    """Return one pair of claims per pair of sources of which one said earlier what the other's value excludes."""
    members: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        members.setdefault(source, []).append(index)
    pairs: dict[tuple[str, str], tuple[int, int]] = {}
    for first, own in members.items():
        history = Earlier([intervals[i] for i in own], [periods[i] for i in own])
        for second, found in members.items():
            key = (min(first, second), max(first, second))
            if first == second or key in pairs:
                continue
            for j in found:
                earlier = history.contradicting(intervals[j], periods[j][0])
                if earlier is not None:
                    pairs[key] = (own[earlier], j)
                    break
    return pairs
