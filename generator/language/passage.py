"""One paragraph of a text, read once: its quotations, sentences and clauses, and what was worked out on them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from generator.language.sentences import CLAUSE_INTRO, Quotation, clause_spans, find_quotations, split_sentences

T = TypeVar("T")


@dataclass
class Passage:
    """A paragraph with its quotations and sentences.

    What many numbers or quotations of one sentence ask (its clauses, verbs, names) is worked out
    once and remembered (`remember`), so that a long sentence with many figures costs its length
    once, not once per figure.
    """

    text: str
    number: int = 0  # the paragraph's number in its text
    memo: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)
    quotations: list[Quotation] = field(init=False)  # in text order, none inside another
    sentences: list[tuple[int, int]] = field(init=False)
    sentence_ends: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Find the quotations, then the sentences (which never end inside a quotation)."""
        self.quotations = find_quotations(self.text)
        self.sentences = split_sentences(self.text, self.in_quote if self.quotations else None)
        self.sentence_ends = [end for _, end in self.sentences]

    def remember(self, key: Hashable, work_out: Callable[[], T]) -> T:
        """Return what `work_out` returns, working it out only the first time `key` is asked for."""
        try:
            found: T = self.memo[key]
        except KeyError:
            found = self.memo[key] = work_out()
        return found

    def in_quote(self, offset: int) -> bool:
        """Tell whether an offset lies within a quotation (marks included)."""
        opens = self.remember("quote opens", lambda: [q.open for q in self.quotations])
        index = bisect_right(opens, offset) - 1  # the last quotation opened at or before the offset
        return index >= 0 and offset <= self.quotations[index].close

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding `offset`."""
        return min(bisect_right(self.sentence_ends, offset), len(self.sentences) - 1)

    def clauses(self, sentence: tuple[int, int], dashes: bool = True) -> list[tuple[int, int]]:
        """Return the clauses of a sentence (see `clause_spans`)."""
        return self.remember(("clauses", sentence, dashes), lambda: clause_spans(self.text, sentence, dashes))

    def clause_index(self, sentence: tuple[int, int], offset: int, dashes: bool = True) -> int:
        """Return the index of the clause of a sentence holding `offset` (the first that ends at or after it)."""
        ends = self.remember(("clause ends", sentence, dashes), lambda: [c[1] for c in self.clauses(sentence, dashes)])
        return bisect_left(ends, offset)

    def clause_intro(self, start: int) -> bool:
        """Tell whether the clause starting at `start` opens with `dass`, `wie` or the like."""
        return self.remember(("intro", start), lambda: CLAUSE_INTRO.match(self.text, start) is not None)


def sentence_at(text: str, offset: int) -> str:
    """Return the sentence of `text` that contains `offset` (one string for all the mentions in a sentence)."""
    passage = passage_of(text)
    index = passage.sentence_of(offset)
    low, high = passage.sentences[index]
    return passage.remember(("sentence", index), lambda: text[low:high])


@lru_cache(maxsize=64)
def passage_of(text: str) -> Passage:
    """Return the passage of a paragraph's text (a paragraph has several mentions)."""
    return Passage(text)
