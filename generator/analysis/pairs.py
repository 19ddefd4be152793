"""Count and find pairs of a topic's claims by how `classify` would classify them, without building every pair."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

from generator.analysis.classify import group_of, value_key
from generator.content.model import Claim
from generator.content.vocabulary import Modality


def pair_count(size: int) -> int:
    return size * (size - 1) // 2


class PairIndex:
    """Claims in time order, grouped the ways `classify` distinguishes them, to count and find pairs.

    A pair (i, j), i < j, is excluded if both are one statement (`is_same_statement`); otherwise it
    agrees if both values are equal (`value_key`); otherwise it is a difference of scope if the
    claims' groups (scope and modality) differ; otherwise a change if their periods do not overlap,
    and an agreement or a contradiction if they do.
    """

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.group = [group_of(c) for c in claims]
        self.key = [value_key(c) for c in claims]
        self.statement = [(c.article, c.claimant, self.key[i]) for i, c in enumerate(claims)]
        self.groups: dict[tuple[str, Modality], list[int]] = {}
        self.values: dict[tuple[object, ...], list[int]] = {}
        for index in range(len(claims)):
            self.groups.setdefault(self.group[index], []).append(index)
            self.values.setdefault(self.key[index], []).append(index)
        # next_other_group[p]: the first index q >= p whose group differs from that of p (or n).
        self.next_other_group = runs(self.group)

    def cross_group_count(self) -> int:
        """Pairs of claims in different groups: different scopes or modalities."""
        return pair_count(len(self.claims)) - sum(pair_count(len(g)) for g in self.groups.values())

    def equal_value_count(self) -> int:
        """Pairs with equal values that are not one statement."""
        statements: dict[tuple[object, ...], int] = {}
        for statement in self.statement:
            statements[statement] = statements.get(statement, 0) + 1
        same = sum(pair_count(k) for k in statements.values())
        return sum(pair_count(len(v)) for v in self.values.values()) - same

    def separate_count(self) -> int:
        """Pairs in one group with different values whose periods do not overlap."""
        total = sum(separate_pairs([self.claims[i] for i in g]) for g in self.groups.values())
        return total - sum(separate_pairs([self.claims[i] for i in v]) for v in self.values.values())

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

    def first_separate(self, limit: int) -> list[tuple[int, int]]:
        """The first `limit` pairs in one group with different values and separate periods, in pair order."""
        found: list[tuple[int, int]] = []
        starts = {g: [self.claims[i].as_of.start for i in members] for g, members in self.groups.items()}
        skip = {g: runs([self.key[i] for i in members]) for g, members in self.groups.items()}
        for i in range(len(self.claims)):
            group = self.group[i]
            members, after = self.groups[group], skip[group]
            position = bisect_right(starts[group], self.claims[i].as_of.end)
            while position < len(members) and len(found) < limit:
                if self.key[members[position]] == self.key[i]:
                    position = after[position]
                    continue
                found.append((i, members[position]))
                position += 1
            if len(found) >= limit:
                break
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
