"""Count and find pairs of a topic's claims by how `classify` would classify them, without building every pair."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from heapq import heappush, heapreplace
from typing import Any

from generator.analysis.classify import (
    group_of,
    intervals_meet,
    party,
    read_interval,
    source_key,
    value_key,
)
from generator.analysis.disputes import Interval, disputing_sources, separate_incompatible
from generator.content.model import Claim, Topic
from generator.content.vocabulary import DiscrepancyKind, TopicKind

SCAN_LIMIT = 100_000  # pairs of separate periods looked at one by one for the lists; counts stay complete


def pair_count(size: int) -> int:
    return size * (size - 1) // 2


def interval_of(topic: Topic, claim: Claim, ranks: dict[str, int]) -> Interval:
    """Read a claim as an interval: its numbers, or its category as a point (one point if none excludes another)."""
    if topic.kind == TopicKind.NUMERIC:
        return read_interval(claim)
    rank = ranks.setdefault(claim.category or "", len(ranks)) if topic.exclusive else 0
    return (rank, rank)


class PairIndex:
    """Claims in time order, grouped the ways `classify` distinguishes them, to count and find pairs.

    A pair (i, j), i < j, is excluded if both are one statement (`is_same_statement`); otherwise it
    agrees if both values are equal (`value_key`); otherwise it is a difference of scope if the
    claims' groups (scope and modality) differ; otherwise `differing` decides, by whether their
    periods overlap, whether they come from one source and whether their values are compatible.
    """

    def __init__(self, topic: Topic, claims: list[Claim]) -> None:
        self.topic = topic
        self.claims = claims
        self.group = [group_of(c) for c in claims]
        self.key = [value_key(c) for c in claims]
        self.source = [source_key(c) for c in claims]
        ranks: dict[str, int] = {}
        self.interval = [interval_of(topic, c, ranks) for c in claims]
        self.statement = [(c.article, c.claimant, self.key[i]) for i, c in enumerate(claims)]
        self.groups = index_by(self.group)
        self.values = index_by(self.key)
        # next_other_group[p]: the first index q >= p whose group differs from that of p (or n).
        self.next_other_group = runs(self.group)

    def meet(self, i: int, j: int) -> bool:
        """Tell whether the values of two claims are compatible (`are_compatible`, from the intervals read once)."""
        return intervals_meet(self.interval[i], self.interval[j])

    def separate_kind(self, i: int, j: int) -> DiscrepancyKind:
        """Classify two claims of one group with different values and separate periods, as `differing` does."""
        if self.source[i] == self.source[j]:
            return DiscrepancyKind.CHANGE  # one source at different times
        return DiscrepancyKind.AGREEMENT if self.meet(i, j) else DiscrepancyKind.DISAGREEMENT

    def cross_group_count(self) -> int:
        """Pairs of claims in different groups: different scopes or modalities."""
        return pair_count(len(self.claims)) - sum(pair_count(len(g)) for g in self.groups.values())

    def equal_value_count(self) -> int:
        """Pairs with equal values that are not one statement."""
        same = sum(pair_count(len(k)) for k in index_by(self.statement).values())
        return sum(pair_count(len(v)) for v in self.values.values()) - same

    def separate_counts(self) -> dict[DiscrepancyKind, int]:
        """Count the pairs in one group with different values and separate periods, by kind."""
        by_source = index_by([(g, s) for g, s in zip(self.group, self.source, strict=True)])
        by_key = index_by([(g, s, k) for g, s, k in zip(self.group, self.source, self.key, strict=True)])
        changes = self.separate(by_source.values()) - self.separate(by_key.values())
        disputes = self.incompatible(self.groups.values()) - self.incompatible(by_source.values())
        different = self.separate(self.groups.values()) - self.separate(self.values.values())
        return {
            DiscrepancyKind.CHANGE: changes,
            DiscrepancyKind.DISAGREEMENT: disputes,
            DiscrepancyKind.AGREEMENT: different - changes - disputes,
        }

    def separate(self, subsets: Any) -> int:
        """Count the pairs within each subset whose periods do not overlap."""
        return sum(separate_pairs([self.claims[i] for i in members]) for members in subsets)

    def incompatible(self, subsets: Any) -> int:
        """Count the pairs within each subset whose periods do not overlap and whose values do not meet."""
        total = 0
        for members in subsets:
            periods = [(self.claims[i].as_of.start, self.claims[i].as_of.end) for i in members]
            total += separate_incompatible([self.interval[i] for i in members], periods)
        return total

    def disputing(self) -> dict[tuple[str, str], tuple[int, int]]:
        """Return, per pair of sources of which one said earlier what the other's value excludes, one pair of claims.

        Sources are parties (`party`): claims whose text names nobody count as one here ("").
        """
        found: dict[tuple[str, str], tuple[int, int]] = {}
        for members in self.groups.values():
            claims = [self.claims[i] for i in members]
            periods = [(c.as_of.start, c.as_of.end) for c in claims]
            pairs = disputing_sources([party(c) for c in claims], [self.interval[i] for i in members], periods)
            for key, (i, j) in pairs.items():
                found.setdefault(key, (members[i], members[j]))
        return found

    def overlapping_different_values(self) -> Iterator[tuple[int, int]]:
        """Yield the pairs in one group with different values whose periods overlap (a sweep in time)."""
        for members in self.groups.values():
            active: list[int] = []
            for j in members:  # in time order: a claim overlaps an earlier one iff it starts before that ends
                start = self.claims[j].as_of.start
                active = [i for i in active if self.claims[i].as_of.end >= start]
                for i in active:
                    if self.key[i] != self.key[j]:
                        yield i, j
                active.append(j)

    def first_cross_group(self, limit: int) -> list[tuple[int, int]]:
        """The first `limit` pairs of claims in different groups, in pair order."""
        found: list[tuple[int, int]] = []
        n = len(self.claims)
        for i in range(n):
            j = i + 1
            while j < n and len(found) < limit:
                if self.group[j] == self.group[i]:
                    j = self.next_other_group[j]
                    continue
                found.append((i, j))
                j += 1
            if len(found) >= limit:
                break
        return found

    def first_equal_value(self, limit: int) -> list[tuple[int, int]]:
        """The first `limit` pairs with equal values that are not one statement, in pair order."""
        found: list[tuple[int, int]] = []
        for i in range(len(self.claims)):
            members = self.values[self.key[i]]
            for j in members[bisect_right(members, i) :]:
                if self.statement[j] != self.statement[i]:
                    found.append((i, j))
                    if len(found) >= limit:
                        return found
        return found

    def first_separate(self, wanted: dict[DiscrepancyKind, int]) -> dict[DiscrepancyKind, list[tuple[int, int]]]:
        """The first pairs of each kind in one group with different values and separate periods, in pair order.

        Stops when every kind has its `wanted` number, or after SCAN_LIMIT pairs.
        """
        found: dict[DiscrepancyKind, list[tuple[int, int]]] = {kind: [] for kind in wanted}
        missing = sum(wanted.values())
        for scanned, (i, j) in enumerate(self.separate_pairs()):
            if missing == 0 or scanned >= SCAN_LIMIT:
                break
            kind = self.separate_kind(i, j)
            if len(found[kind]) < wanted[kind]:
                found[kind].append((i, j))
                missing -= 1
        return found

    def separate_pairs(self) -> Iterator[tuple[int, int]]:
        """Yield the pairs in one group with different values and separate periods, in pair order."""
        starts = {g: [self.claims[i].as_of.start for i in members] for g, members in self.groups.items()}
        skip = {g: runs([self.key[i] for i in members]) for g, members in self.groups.items()}
        for i in range(len(self.claims)):
            members, after = self.groups[self.group[i]], skip[self.group[i]]
            position = bisect_right(starts[self.group[i]], self.claims[i].as_of.end)
            while position < len(members):
                if self.key[members[position]] == self.key[i]:
                    position = after[position]
                    continue
                yield i, members[position]
                position += 1


class Smallest:
    """The `limit` smallest pairs added, kept in a heap: memory stays bounded however many pairs are added."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.heap: list[tuple[int, int]] = []  # negated, so that the root is the largest pair kept

    def add(self, i: int, j: int) -> None:
        """Keep the pair if it is among the smallest so far."""
        item = (-i, -j)
        if len(self.heap) < self.limit:
            heappush(self.heap, item)
        elif self.heap and item > self.heap[0]:
            heapreplace(self.heap, item)

    def pairs(self) -> list[tuple[int, int]]:
        """Return the pairs kept, in pair order."""
        return sorted((-i, -j) for i, j in self.heap)


def index_by(keys: list[Any]) -> dict[Any, list[int]]:
    """Return the positions of each key, in order."""
    found: dict[Any, list[int]] = {}
    for index, key in enumerate(keys):
        found.setdefault(key, []).append(index)
    return found


def runs(items: list[Any]) -> list[int]:
    """For each position p, the first position q >= p whose item differs from items[p] (or the length)."""
    following = [len(items)] * len(items)
    for p in range(len(items) - 2, -1, -1):
        following[p] = p + 1 if items[p + 1] != items[p] else following[p + 1]
    return following


def separate_pairs(claims: list[Claim]) -> int:
    """Count the pairs whose periods do not overlap: one ends before the other starts."""
    ends = sorted(c.as_of.end for c in claims)
    return sum(bisect_left(ends, c.as_of.start) for c in claims)
