"""A paragraph's figures as candidate claims: value or range, qualifier, unit, excerpt, and the topic its unit fits.

`dossier new` suggests each as a claim (with a guessed claimant); `dossier check` warns about each
on a registered topic that no claim's excerpt covers. The German is read by `generator.language`;
the topic is the numeric topic of the registry whose unit the figure's unit names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from generator.content.model import Article, Span, Topic
from generator.language.figures import (
    Number,
    excerpt_around,
    find_floor,
    find_hearsay,
    find_hedge,
    find_modal,
    inherited_unit,
    is_range,
    read_number,
)
from generator.language.lexicon import TOKEN
from generator.language.morphology import stem
from generator.language.numerals import NUMBER, NUMBER_START
from generator.language.passage import Passage
from generator.language.search import SpanIndex

CASUALTY = re.compile(
    r"\b(?:getötet\w*|verwundet\w*|gefallen\w*|tot|toten?|Tote[nr]?|Todesopfer\w*|Verlust\w*|ums Leben"
    r"|verletzt\w*|Verletzte[nr]?|Opfer\w*|Gefallene[nr]?)\b",
    re.IGNORECASE,
)

RELATIVE = re.compile(r"(?:die|der|das|denen|deren|dessen|welche[nrs]?)\b")  # matched at a clause's start
RELATIVE_WINDOW = 150  # characters of a relative clause after a figure's noun searched for casualty words
# What a relative clause says of the figure's noun to make it casualties: a participle, never a noun
# ("Soldaten, die … Verluste erlitten haben" counts troops).
CASUALTY_PARTICIPLE = re.compile(r"\b(?:getötet|verwundet|gefallen|verletzt|ums Leben)\b")
CUE_WINDOW, UNIT_WINDOW = 100, 200  # characters around a number that read_number looks at


@dataclass(frozen=True)
class Figure:
    """A figure of the text as a candidate claim (a range has lower and upper, no value)."""

    phrase: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: tuple[str, str] | None  # (qualifier, the words that suggest it)
    hearsay: str | None  # the words that report the figure as hearsay ("angeblich"), no qualifier
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
    casualty = casualty_word(passage, sentence, number.start, last.unit_end)
    topic, topic_reason = topic_for(unit, lambda: sentence_stems(passage, sentence), topics, passage, casualty)
    hedge = find_hedge(text, number)
    lower = number.value * upper.multiplier if upper and number.multiplier == 1 and number.unit is None else None
    return Figure(
        phrase=text[hedge[1] if hedge else number.start : max(last.unit_end, last.end)],
        value=None if upper else number.value,
        lower=(lower or number.value) if upper else None,  # "3,8 bis 4 Millionen": 3800000
        upper=upper.value if upper else None,
        qualifier=(hedge[0], hedge[2]) if hedge else qualifier_of(passage, number, sentence),
        hearsay=find_hearsay(passage, number, sentence),
        unit=unit,
        unit_reason=unit_reason,
        topic=topic,
        topic_reason=topic_reason,
        excerpt=excerpt_around(passage, sentence, number.start),
        paragraph=passage.number,
    )


def qualifier_of(passage: Passage, number: Number, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word suggests ("soll … werden" → erwartet), else a floor's ("bereits")."""
    return find_modal(passage, number, sentence) or find_floor(passage, number, sentence)


def casualty_word(passage: Passage, sentence: tuple[int, int], offset: int, noun_end: int = -1) -> str | None:
    """Return a word of casualties ("getötet", "Verluste") in the clause holding `offset`, if there is one.

    When the figure's noun (ending at `noun_end`) ends its clause and a relative clause follows
    ("1.270 Soldaten, die … ums Leben gekommen seien"), the first RELATIVE_WINDOW characters of
    that relative clause count too, if a participle there makes the noun casualties ("gefallen").
    """
    clauses = passage.clauses(sentence)
    own = passage.clause_index(sentence, offset)
    clause = clauses[own]
    found = passage.remember(("casualty", clause), lambda: CASUALTY.search(passage.text, *clause))
    if found is None and own + 1 < len(clauses) and 0 <= clause[1] - noun_end <= 1:
        relative = clauses[own + 1]
        found = passage.remember(("casualty after", relative), lambda: relative_casualty(passage.text, relative))
    return found.group() if found else None


def relative_casualty(text: str, relative: tuple[int, int]) -> re.Match[str] | None:
    """Return a word of casualties in the first RELATIVE_WINDOW characters of a relative clause ("die … gefallen")."""
    if RELATIVE.match(text, *relative) is None:
        return None
    return CASUALTY_PARTICIPLE.search(text, relative[0], min(relative[1], relative[0] + RELATIVE_WINDOW))


def topic_for(
    unit: str | None,
    sentence_words: Callable[[], set[str]],
    topics: dict[str, Topic],
    passage: Passage,
    casualty: str | None = None,
) -> tuple[Topic | None, str]:
    """Return the numeric topic whose unit matches the number's unit (keywords decide a tie, casualties first).

    `sentence_words` returns the stems of the sentence's words (see `sentence_stems`), asked for only on a tie.
    A figure whose clause speaks of casualties (`casualty`) goes only to a topic about casualties, and a
    figure that does not, to one about them only when no other fits; a tie of equals gives no topic.
    """
    if unit is None:
        return None, "no unit, so no topic: choose one from content/topics.yaml, or delete the claim"
    fitting = list(passage.remember(("fitting", id(topics), unit), lambda: fitting_topics(unit, topics)))
    if not fitting:
        return None, f'no topic has the unit "{unit}": choose one from content/topics.yaml, or delete the claim'
    suited = [t for t in fitting if is_about_casualties(t) == bool(casualty)] or ([] if casualty else fitting)
    if not suited:
        candidates = ", ".join(t.id for t in fitting)
        return None, f'"{casualty}": a casualty figure, and no topic with its unit is about casualties ({candidates})'
    best = suited[0]
    if len(suited) > 1:  # the words around the figure decide
        words = sentence_words()
        ranked = sorted(((len(words & topic_words(describe(t))), i) for i, t in enumerate(suited)), key=lambda p: -p[0])
        if ranked[0][0] == ranked[1][0]:
            tied = ", ".join(suited[i].id for score, i in ranked if score == ranked[0][0])
            return None, f'unit "{unit}" fits several topics and the words around it decide none: choose one of {tied}'
        best = suited[ranked[0][1]]
    others = ", ".join(t.id for t in fitting if t is not best)
    return best, f'unit "{unit}" fits the topic\'s unit "{best.unit}"' + (f" (also: {others})" if others else "")


def describe(topic: Topic) -> str:
    """Return a topic's title, question and description as one text."""
    return f"{topic.title} {topic.question} {topic.description or ''}"


def is_about_casualties(topic: Topic) -> bool:
    """Tell whether a topic's title, question or description speaks of casualties ("Verluste", "getötet")."""
    return casualty_topic(describe(topic))


@lru_cache(maxsize=1024)
def casualty_topic(text: str) -> bool:
    """Tell whether a text has a word of casualties (cached: a topic is asked about for every figure)."""
    return CASUALTY.search(text) is not None


def fitting_topics(unit: str, topics: dict[str, Topic]) -> list[Topic]:
    """Return the numeric topics whose unit has the last word of `unit`, stemmed ("Soldaten", "Soldat")."""
    noun = stem(TOKEN.findall(unit)[-1])
    return [
        t for t in topics.values() if t.kind == "numeric" and noun in {stem(w) for w in TOKEN.findall(t.unit or "")}
    ]


@lru_cache(maxsize=1024)
def topic_words(text: str) -> frozenset[str]:
    """Return the stems of the words of a topic's title, question and description."""
    return frozenset(stem(w) for w in TOKEN.findall(text))


def sentence_stems(passage: Passage, sentence: tuple[int, int]) -> set[str]:
    """Return the stems of a sentence's words (once per sentence)."""
    return passage.remember(
        ("stems", sentence), lambda: {stem(w) for w in TOKEN.findall(passage.text, sentence[0], sentence[1])}
    )


# --- numbers no claim covers ------------------------------------------------------------------


def excerpt_spans(article: Article) -> dict[int, list[Span]]:
    """Return where the claims' excerpts stand, by paragraph number."""
    covered: dict[int, list[Span]] = {}
    for claim in article.claims:
        for span in claim.spans:
            covered.setdefault(span.paragraph, []).append(span)
    return covered


def open_paragraphs(article: Article) -> list[int]:
    """Return the numbers of the text paragraphs with a number outside every claim's excerpt that may be a figure.

    Found with the rest of an article's analysis, once its excerpts are located (so in the worker that
    analyses it); the curators' warnings then read the figures of these paragraphs only.
    """
    covered = excerpt_spans(article)
    return [
        p.number for p in article.paragraphs if p.kind == "text" and has_open_number(p.text, covered.get(p.number, []))
    ]


def has_open_number(text: str, spans: list[Span]) -> bool:
    """Tell quickly whether a paragraph has a number outside every claim's excerpt that may be a figure."""
    covering = SpanIndex((s.start, s.end) for s in spans)
    return any(may_be_figure(text, match) for match in find_open_numbers(text, covering))


def find_open_numbers(text: str, covering: SpanIndex) -> Iterator[re.Match[str]]:
    """Yield the matches of NUMBER that start outside every claim's excerpt, trying it only where digits start.

    NUMBER's lookbehinds make the regex engine stop at every character; where a digit or a number
    word ("zehntausend", "neun") may start one is found by a fast search (NUMBER_START).
    """
    for start in (found.start() for found in NUMBER_START.finditer(text)):
        if not covering.overlaps(start, start + 1):
            match = NUMBER.match(text, start)  # its lookbehinds still see the text before `start`
            if match:
                yield match


def may_be_figure(text: str, match: re.Match[str]) -> bool:
    """Tell whether `read_number` takes a number for a figure, showing it only the words around the number.

    Its cues (a year's "im", an ordinal's "der", the unit) lie within a few words; the whole text
    before and after a number would cost a copy and a regex search of a long paragraph each.
    """
    low = max(0, match.start() - CUE_WINDOW)
    window = text[low : match.end() + UNIT_WINDOW]
    near = NUMBER.match(window, match.start() - low)
    return near is not None and read_number(window, near)[0] is not None
