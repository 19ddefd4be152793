"""A paragraph's figures as candidate claims: value or range, qualifier, unit, excerpt, and the topic its unit fits.

`dossier new` suggests each as a claim (with a guessed claimant); `dossier check` warns about each
on a registered topic that no claim's excerpt covers. The German is read by `generator.language`;
the topic is the numeric topic of the registry whose unit the figure's unit names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from generator.content.model import Topic
from generator.language.figures import (
    Number,
    excerpt_around,
    find_hedge,
    find_modal,
    inherited_unit,
    is_range,
)
from generator.language.lexicon import TOKEN
from generator.language.morphology import stem
from generator.language.passage import Passage


@dataclass(frozen=True)
class Figure:
    """A figure of the text as a candidate claim (a range has lower and upper, no value)."""

    phrase: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: tuple[str, str] | None  # (qualifier, the words that suggest it)
    unit: str | None
    unit_reason: str
    topic: Topic | None
    topic_reason: str
    excerpt: str
    paragraph: int


def figure_at(passage: Passage, numbers: list[Number], index: int, topics: dict[str, Topic]) -> Figure | None:
    """Read number `index` of a paragraph (or the range it starts) as a figure; None for a range's upper end."""
    number, text = numbers[index], passage.text
    if index > 0 and is_range(text, numbers[index - 1], number):
        return None  # the upper end of a range, read with its lower end
    upper = numbers[index + 1] if index + 1 < len(numbers) and is_range(text, number, numbers[index + 1]) else None
    last = upper or number
    sentence = passage.sentences[passage.sentence_of(number.start)]
    unit, unit_reason = last.unit, ""
    if unit is None:
        unit, unit_reason = inherited_unit(numbers, index, sentence)
    topic, topic_reason = topic_for(unit, lambda: sentence_stems(passage, sentence), topics, passage)
    hedge = find_hedge(text, number)
    return Figure(
        phrase=text[hedge[1] if hedge else number.start : max(last.unit_end, last.end)],
        value=None if upper else number.value,
        lower=number.value if upper else None,
        upper=upper.value if upper else None,
        qualifier=(hedge[0], hedge[2]) if hedge else find_modal(passage, number, sentence),
        unit=unit,
        unit_reason=unit_reason,
        topic=topic,
        topic_reason=topic_reason,
        excerpt=excerpt_around(passage, sentence, number.start),
        paragraph=passage.number,
    )


def topic_for(
    unit: str | None, sentence_words: Callable[[], set[str]], topics: dict[str, Topic], passage: Passage
) -> tuple[Topic | None, str]:
    """Return the numeric topic whose unit matches the number's unit (keywords decide a tie).

    `sentence_words` returns the stems of the sentence's words (see `sentence_stems`), asked for only on a tie.
    """
    if unit is None:
        return None, "no unit, so no topic: choose one from content/topics.yaml, or delete the claim"
    fitting = list(passage.remember(("fitting", id(topics), unit), lambda: fitting_topics(unit, topics)))
    if not fitting:
        return None, f'no topic has the unit "{unit}": choose one from content/topics.yaml, or delete the claim'
    words = sentence_words() if len(fitting) > 1 else set()
    fitting.sort(key=lambda t: -len(words & topic_words(f"{t.title} {t.question}")))
    others = ", ".join(t.id for t in fitting[1:])
    return fitting[0], f'unit "{unit}" fits the topic\'s unit "{fitting[0].unit}"' + (
        f" (also: {others})" if others else ""
    )


def fitting_topics(unit: str, topics: dict[str, Topic]) -> list[Topic]:
    """Return the numeric topics whose unit has the last word of `unit`, stemmed ("Soldaten", "Soldat")."""
    noun = stem(TOKEN.findall(unit)[-1])
    return [
        t for t in topics.values() if t.kind == "numeric" and noun in {stem(w) for w in TOKEN.findall(t.unit or "")}
    ]


@lru_cache(maxsize=1024)
def topic_words(text: str) -> frozenset[str]:
    """Return the stems of the words of a topic's title and question."""
    return frozenset(stem(w) for w in TOKEN.findall(text))


def sentence_stems(passage: Passage, sentence: tuple[int, int]) -> set[str]:
    """Return the stems of a sentence's words (once per sentence)."""
    return passage.remember(
        ("stems", sentence), lambda: {stem(w) for w in TOKEN.findall(passage.text, sentence[0], sentence[1])}
    )
