"""Consistency warnings for curators: what an article's YAML leaves out, dates too late or says twice.

Runs after the analyse stage, which locates every claim's excerpt and finds the paragraphs with a
number no excerpt covers. Each warning names the YAML value to change. Figures are read with the
heuristics of `dossier new` (analysis/figures.py): a number it would suggest as a claim on a
registered topic, and that no claim's excerpt covers, is reported.
Claimant names are compared case-folded and without German inflection endings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from generator.analysis.compare import Analysis
from generator.analysis.figures import excerpt_spans, figure_at
from generator.analysis.match import find_all, normalise
from generator.analysis.mentions import find_mentions
from generator.content.acknowledge import finding
from generator.content.load import Document
from generator.content.model import Article, Dossier, Entity, Paragraph, Span, Topic
from generator.content.vocabulary import Check
from generator.language.dates import find_dates
from generator.language.figures import read_numbers
from generator.language.morphology import stem
from generator.language.numbers import format_plain
from generator.language.numerals import find_numbers
from generator.language.passage import Passage
from generator.language.search import SpanIndex
from generator.problems import Problem

CLAIMANT_KINDS = ("people", "organisations")
# Case, plural and adjective endings, longest first; not a lone -n, which ends many names (Putin, Pentagon).
INFLECTIONS = ("ern", "ers", "ens", "en", "em", "er", "es", "e", "s")
SHORTEST_STEM = 3
TWIN_SIMILARITY = 90  # rapidfuzz ratio of two folded names from which they may be one spelled twice
WORD_SIMILARITY = 85  # ... and of each word: one letter more or less, or one changed in seven or more
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
WORD = re.compile(r"\w+(?:-\w+)*")  # a hyphenated compound is one word: "Kreml-Kritiker"
EXPECTATIONS = ("geplant", "erwartet")
MERGE = "if both are one claimant, merge them into one entry with every spelling as an alias"


def curator_warnings(analysis: Analysis, registries: dict[str, Document]) -> list[Problem]:
    """Return the curators' consistency warnings on every article and on the claimant registries."""
    dossier = analysis.dossier
    names = NameIndex(dossier)
    problems: list[Problem] = []
    for article in dossier.articles.values():
        problems += warn_unlisted_speakers(article, dossier)
        problems += warn_uncovered_figures(article, dossier.topics, analysis.open_numbers[article.id])
        problems += warn_unnamed_claimants(article, names)
        problems += warn_late_claims(article)
    problems += warn_twin_claimants(dossier, registries)
    return problems


# --- quotes -----------------------------------------------------------------------------------


def warn_unlisted_speakers(article: Article, dossier: Dossier) -> list[Problem]:
    """Warn about each quoted person or organisation that the article's mentions leave out."""
    listed = {*article.mentions["people"], *article.mentions["organisations"]}
    found = []
    for index, quote in enumerate(article.quotes):
        if quote.speaker is None or quote.speaker in listed:
            continue
        listed.add(quote.speaker)  # one warning per speaker
        person = dossier.entity(quote.speaker)
        message = f"speaker '{person.id}' is not listed in mentions.{person.kind}; add it there"
        if not is_named(person, article.paragraphs):
            shown = ", ".join(f"'{n}'" for n in person.names)
            message = (
                f"speaker '{person.id}' is not listed in mentions.{person.kind}, and none of its names ({shown}) is "
                "in the text; add the spelling the text uses as an alias, then list it"
            )
        found.append(article.meta.problem(("quotes", index, "speaker"), message, warning=True))
    return found


def is_named(entity: Entity, paragraphs: list[Paragraph]) -> bool:
    """Tell whether the analyse stage would find the entity in the text, were it listed."""
    return bool(find_mentions([entity], paragraphs))


# --- figures ----------------------------------------------------------------------------------


def warn_uncovered_figures(article: Article, topics: dict[str, Topic], paragraphs: list[int]) -> list[Problem]:
    """Warn about figures on a registered topic that the text states and no claim's excerpt covers.

    `paragraphs` are those with a number outside every excerpt that may be a figure (`open_paragraphs`).
    """
    meta, unclaimed, open_ones = article.meta, Check.FIGURE_NOT_CLAIMED, set(paragraphs)
    covered = excerpt_spans(article)
    found = []
    for paragraph in article.paragraphs:
        if paragraph.number in open_ones:
            spans = covered.get(paragraph.number, []) + locate_repeated_excerpts(article, paragraph)
            covering = SpanIndex((s.start, s.end) for s in spans)
            found += [
                finding(meta, ("claims",), m, unclaimed, article.acknowledge, figure=phrase, key=True, warning=True)
                for phrase, m in describe_open_figures(article, paragraph, covering, topics)
            ]
    return found


def locate_repeated_excerpts(article: Article, paragraph: Paragraph) -> list[Span]:
    """Return every place of a paragraph where a claim's excerpt stands (the analyse stage keeps only the first)."""
    folded = normalise(paragraph.text)
    return [Span(paragraph.number, *found) for claim in article.claims for found in find_all(claim.excerpt, folded)]


def describe_open_figures(
    article: Article, paragraph: Paragraph, covering: SpanIndex, topics: dict[str, Topic]
) -> list[tuple[str, str]]:
    """Describe each figure of a paragraph that `dossier new` would suggest for a topic and no claim covers.

    Returns (the figure as the text writes it, the message).
    """
    context = Passage(paragraph.text, paragraph.number)
    found = tuple(find_numbers(context.text))  # read once, for the dates and the figures
    dates = find_dates(context.text, context.number, date.max, found)  # every date, however late: no figures
    numbers = read_numbers(context, dates, [], found)
    txt = article.text_path.rsplit("/", 1)[-1]
    messages = []
    for index, number in enumerate(numbers):
        if covering.overlaps(number.start, number.end):
            continue  # covered, whatever its range or topic
        figure = figure_at(context, numbers, index, topics)
        last = numbers[index + 1] if figure is not None and figure.upper is not None else number
        if figure is None or figure.topic is None or covering.overlaps(number.start, last.end):
            continue
        bounds = {"value": figure.value, "lower": figure.lower, "upper": figure.upper}
        values = [f"{key}: {format_plain(v)}" for key, v in bounds.items() if v is not None]
        values += [f"qualifier: {figure.qualifier[0]}"] if figure.qualifier else []
        message = (
            f"paragraph {paragraph.number} of {txt} states \"{figure.phrase}\" (topic '{figure.topic.id}'), "
            f'but no claim\'s excerpt covers it; add a claim ({", ".join(values)}) with excerpt: "{figure.excerpt}"'
        )
        messages.append((figure.phrase, message))
    return messages


# --- claimants --------------------------------------------------------------------------------


def fold_words(name: str) -> tuple[str, ...]:
    """Return the words of a name case-folded, with umlauts spelled out and without German inflection endings."""
    words = WORD.findall(name.casefold().translate(UMLAUTS))
    return tuple(stem(word, INFLECTIONS, SHORTEST_STEM) for word in words)


class NameIndex:
    """The folded names of every person and organisation, to find them in a claim's attribution."""

    def __init__(self, dossier: Dossier) -> None:
        self.owners: dict[tuple[str, ...], dict[str, str]] = {}  # folded words → {entity id: name}
        for kind in CLAIMANT_KINDS:
            for entity in dossier.entities[kind].values():
                for name in entity.names:
                    self.owners.setdefault(fold_words(name), {}).setdefault(entity.id, name)
        self.longest = max((len(words) for words in self.owners), default=0)

    def find_named(self, text: str) -> dict[str, str]:
        """Return {entity id: name} of every registered claimant the text names, longest names first."""
        words = fold_words(text)
        found: dict[str, str] = {}
        for size in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                for entity_id, name in self.owners.get(words[start : start + size], {}).items():
                    found.setdefault(entity_id, name)
        return found


def warn_unnamed_claimants(article: Article, names: NameIndex) -> list[Problem]:
    """Warn about claims without a claimant whose attribution names a registered person or organisation."""
    found = []
    for index, claim in enumerate(article.claims):
        if claim.claimant is not None or not claim.attribution:
            continue
        named = names.find_named(claim.attribution)
        if not named:
            continue
        shown = " and ".join(f"'{name}' ('{entity_id}')" for entity_id, name in named.items())
        advice = f"set claimant: {next(iter(named))}" if len(named) == 1 else "set claimant to the one that asserts it"
        message = f"claimant is null, but the attribution '{claim.attribution}' names {shown}; {advice}"
        where, check = ("claims", index, "claimant"), Check.CLAIMANT_IN_ATTRIBUTION
        found.append(finding(article.meta, where, message, check, claim.acknowledge, warning=True))
    return found


class Spelling:
    """One name of a registry entry, where it stands and its folded form."""

    def __init__(self, entity: Entity, doc: Document, where: tuple[Any, ...], name: str) -> None:
        self.entity = entity
        self.doc = doc
        self.where = where
        self.name = name
        self.folded = " ".join(fold_words(name)).replace("-", " ")  # "Kim Jong-un", "Kim Jong Un"

    def locate(self) -> str:
        """Return `path:line:col` of the name."""
        line, col = self.doc.at(self.where)
        return f"{self.doc.path}:{line}:{col}"


def list_spellings(dossier: Dossier, registries: dict[str, Document]) -> list[Spelling]:
    """Return every name of every person and organisation, in file order (the first entry of an id only)."""
    spellings = []
    for kind in CLAIMANT_KINDS:
        doc, seen = registries[kind], set()
        for index, item in enumerate(doc.data or []):
            entity = dossier.entities[kind].get(item["id"])
            if entity is None or entity.id in seen:
                continue
            seen.add(entity.id)
            spellings.append(Spelling(entity, doc, (index, "name"), entity.name))
            spellings += [Spelling(entity, doc, (index, "aliases", i), a) for i, a in enumerate(entity.aliases)]
    return [spelling for spelling in spellings if spelling.folded]


def warn_twin_claimants(dossier: Dossier, registries: dict[str, Document]) -> list[Problem]:
    """Warn about two people or organisations with the same or nearly the same name: one claimant entered twice.

    Names are compared folded (`fold_words`); nearly the same means as many words, each with one
    letter more or less, or one letter changed in a word of seven letters or more (Wladimir,
    Vladimir). Two entries of one registry with an identical name are left to the model stage,
    which reports them already.
    """
    by_words: dict[int, list[Spelling]] = {}  # only names of as many words can be alike
    for spelling in list_spellings(dossier, registries):
        by_words.setdefault(spelling.folded.count(" "), []).append(spelling)
    pairs: dict[tuple[str, str], tuple[float, Spelling, Spelling]] = {}
    for group in by_words.values():
        for score, first, second in find_twins(group):
            key = (first.entity.id, second.entity.id)
            if score > pairs.get(key, (0.0,))[0]:
                pairs[key] = (score, first, second)
    return [report_twin(score, first, second) for score, first, second in pairs.values()]


def find_twins(group: list[Spelling]) -> Iterator[tuple[float, Spelling, Spelling]]:
    """Yield (similarity, earlier, later) for each two spellings in `group` that look like one claimant's."""
    folded = [s.folded for s in group]
    for i, first in enumerate(group):
        found = process.extract(
            first.folded, folded[i + 1 :], scorer=fuzz.ratio, score_cutoff=TWIN_SIMILARITY, limit=None
        )
        yield from ((score, first, group[i + 1 + j]) for _, score, j in found if are_twins(first, group[i + 1 + j]))


def are_twins(first: Spelling, second: Spelling) -> bool:
    """Tell whether two spellings of different entries are alike, unless the model stage reports them already.

    It does for one name in two entries of one registry.
    """
    if first.entity.id == second.entity.id or (first.name == second.name and first.doc is second.doc):
        return False
    words, others = first.folded.split(), second.folded.split()
    return len(words) == len(others) and all(
        fuzz.ratio(a, b) >= WORD_SIMILARITY for a, b in zip(words, others, strict=True)
    )


def report_twin(score: float, first: Spelling, second: Spelling) -> Problem:
    """Report the later of two spellings that look like one claimant's."""
    name = f"name '{second.name}' of '{second.entity.id}'"
    other = f"'{first.name}' of '{first.entity.id}' ({first.locate()}"
    if score == 100:
        message = f"{name} matches {other}) once case and inflection are ignored; {MERGE}"
    else:
        message = f"{name} nearly matches {other}, {score:.0f}% similar once case and inflection are ignored); {MERGE}"
    return second.doc.problem(second.where, message, warning=True)


# --- dates ------------------------------------------------------------------------------------


def warn_late_claims(article: Article) -> list[Problem]:
    """Warn about claims whose as_of period begins after the article's published period ends."""
    found = []
    for index, claim in enumerate(article.claims):
        if claim.as_of_inherited or claim.as_of.start <= article.published.end:
            continue
        message = (
            f"as_of {claim.as_of.text} lies after the article's published date {article.published.text}; "
            "a text reports what held by then: correct one of the two dates"
        )
        if claim.qualifier in EXPECTATIONS:
            message += f" (a figure '{claim.qualifier}' is dated when it was expected; its target belongs in the scope)"
        where, check = ("claims", index, "as_of", "date"), Check.AS_OF_AFTER_PUBLISHED
        found.append(finding(article.meta, where, message, check, claim.acknowledge, warning=True))
    return found
