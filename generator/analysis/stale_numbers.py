"""Numbers in hand-written prose that the data contradicts: counts of articles, and the figures of a topic.

Readers see the dossier's summary, the descriptions of topics and registry entries, the curators'
notes and the hand-written pages beside counts and ranges the site generates. Numbers are read as
`dossier new` reads them (language/numerals.py, language/figures.py); two statements are checked,
and only where the text clearly makes them (a doubtful number gives no warning):

- a count of articles ("vergleicht fünf Artikel", "8 Berichte"), outlets ("Medien") or sources
  ("Quellen") in a clause with a verb of collecting ("vergleicht", "umfasst", "enthält", …) of a
  sentence that names the dossier; not after "bei", "ab", "mit" … nor with "kann", "soll", "wenn" …;
- in a numeric topic's description (and in the summary, for a unit only one topic has), a figure
  with the topic's unit, or without a unit but hedged ("mindestens 3.000") or in a range: it must
  be one of the claims' values or bounds or lie between their lowest and highest, and in a
  sentence about the figures as a whole ("Die Artikel nennen Zahlen zwischen … und …") a range's
  ends, a lone "bis zu" or "mindestens" must be the claims' highest and lowest.

A hedge makes a number a bound ("mehr als fünf Artikel"); "etwa" allows a tenth either way.
Numbers in quotations, code spans and fenced code are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, partial

from generator.analysis.figures import casualty_word, is_about_casualties
from generator.content.model import Dossier
from generator.language.figures import Number, find_hedge, read_number
from generator.language.lexicon import words
from generator.language.morphology import stem
from generator.language.numbers import format_number
from generator.language.numerals import find_numbers
from generator.language.passage import Passage
from generator.language.search import ends_with

ARTICLE_NOUNS = frozenset(words("artikel artikeln berichte berichten texte texten beiträge beiträgen"))
OUTLET_NOUNS = frozenset(words("medien"))
SOURCE_NOUNS = frozenset(words("quellen"))
COLLECTING = re.compile(
    r"\b(?:vergleicht|vergleichen|verglichen|umfasst|umfassen|enthält|sammelt|versammelt|gesammelt"
    r"|zusammengetragen|ausgewertet|wertet|nebeneinander)\b",
    re.IGNORECASE,
)
NAMES_DOSSIER = re.compile(r"\bDossiers?\b", re.IGNORECASE)
HYPOTHETICAL = re.compile(
    r"\b(?:kann|könnte|können|könnten|soll|sollen|sollte|sollten|würde|würden|wäre|wären|dürfte|wenn|falls)\b",
    re.IGNORECASE,
)
PREPOSITION_BEFORE = re.compile(r"\b(?:bei|ab|bis|je|pro|mit|für|ohne|unter|nach)\s+$", re.IGNORECASE)
WHAT_CLAUSE = re.compile(r"\W*was\b")  # "stellt nebeneinander, was fünf Artikel berichten"
WHOLE = re.compile(
    r"\b(?:Zahlen|Angaben|Werte|Schätzungen|Spanne|reichen|reicht|schwanken|schwankt)\b"
)  # a sentence about the figures as a whole
RANGE_START = re.compile(r"\b(?:[Zz]wischen|[Vv]on)\s+$")  # the word that opens a range
BETWEEN = re.compile(r"\b[Zz]wischen\s+(?:\w+\s+)?$")  # "zwischen (mindestens) 3.000 und …"
JOIN = re.compile(r"\s*(bis|und|–|-)\s*")
APPROXIMATION = 0.1  # "etwa 10.000" is 9.000 to 11.000, as the Methode page says
STRICT = ("mehr als", "über", "weniger als")
CEILINGS = ("bis zu", "höchstens")
COUNTED = ARTICLE_NOUNS | OUTLET_NOUNS | SOURCE_NOUNS
COUNT_ADVICE = "let the home page state the count (it is generated) or update the text"
RANGE_ADVICE = "the topic page states the range (it is generated): leave the figure out or update the text"


@dataclass(frozen=True)
class Span:
    """The figures of a numeric topic's claims: lowest, highest, and every value and bound."""

    low: float
    high: float
    known: frozenset[float]
    unit: str
    casualties: bool = False  # the topic is about casualties ("Verluste", "getötet")


@dataclass(frozen=True)
class Facts:
    """What the data says that prose may state: counts, and the range of each numeric topic."""

    articles: int
    outlets: int | None  # None when an article's outlet is unknown
    sources: int
    spans: dict[str, Span]  # numeric topic id → its claims' figures

    @cached_property
    def by_unit(self) -> dict[str, list[str]]:
        """Return the numeric topics by the stemmed noun of their unit ("soldat" → the topics counting Soldaten)."""
        found: dict[str, list[str]] = {}
        for topic_id, span in self.spans.items():
            found.setdefault(unit_noun(span.unit), []).append(topic_id)
        return found

    @classmethod
    def of(cls, dossier: Dossier) -> Facts:
        """Work out the facts of a dossier."""
        outlets = [article.outlet for article in dossier.articles.values()]
        claims = [claim for article in dossier.articles.values() for claim in article.claims]
        figures: dict[str, set[float]] = {}
        for claim in claims:
            bounds = (claim.value, claim.lower, claim.upper)
            figures.setdefault(claim.topic, set()).update(float(v) for v in bounds if v is not None)
        spans = {
            topic.id: Span(min(found), max(found), frozenset(found), topic.unit or "", is_about_casualties(topic))
            for topic, found in ((dossier.topics.get(t), found) for t, found in figures.items())
            if found and topic is not None and topic.kind == "numeric"
        }
        known = None if None in outlets else len(set(outlets))
        return cls(len(dossier.articles), known, len({source for claim in claims for source in claim.sources}), spans)


@dataclass(frozen=True)
class Hedge:
    """The hedge before a number: its qualifier ("mindestens"), its words ("mehr als") and where it starts."""

    qualifier: str | None
    words: str
    start: int

    @classmethod
    def of(cls, passage: Passage, number: Number) -> Hedge:
        """Return the hedge right before a number (none: qualifier None, starting at the number), read once."""
        return passage.remember(("hedge", number.start), partial(cls.read, passage.text, number))

    @classmethod
    def read(cls, text: str, number: Number) -> Hedge:
        """Read the hedge right before a number; only after a word (every hedge ends with one) is it looked for."""
        before = number.start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        after_word = before > 0 and (text[before - 1].isalpha() or text[before - 1] == ".")
        found = find_hedge(text, number) if after_word else None
        return cls(found[0], found[2].lower(), found[1]) if found else cls(None, "", number.start)


def read_prose(text: str) -> tuple[Passage, list[Number]]:
    """Return a text's passage and its numbers that may be counts or figures (outside quotations)."""
    passage = Passage(text)
    numbers = []
    for match in find_numbers(text):
        if not passage.in_quote(match.start()):
            number, _ = read_number(text, match)
            if number is not None:
                numbers.append(number)
    return passage, numbers


def find_stale(text: str, facts: Facts, field: str, topic: str | None = None) -> list[tuple[int, str]]:
    """Return (offset, message) for each count and figure of a text that the data contradicts.

    `field` names the text in messages ("summary", "page"); `topic` is the topic it describes.
    Figures are checked in topic descriptions and in the summary only.
    """
    passage, numbers = read_prose(text)
    found = [stale_count(passage, number, facts, field) for number in numbers]
    if topic is not None or field == "summary":
        found += stale_figures(passage, numbers, facts, field, topic)
    return sorted(item for item in found if item is not None)


# --- counts -----------------------------------------------------------------------------------


def head_noun(unit: str | None) -> str:
    """Return the last word of a unit phrase, case-folded ("deutschsprachige Artikel" → "artikel")."""
    return unit.rsplit(None, 1)[-1].casefold() if unit else ""


def stale_count(passage: Passage, number: Number, facts: Facts, field: str) -> tuple[int, str] | None:
    """Return (offset, message) if a number counts the dossier's articles, outlets or sources wrongly."""
    noun = head_noun(number.unit)
    if noun not in COUNTED or not counts_the_dossier(passage, number):
        return None
    hedge = Hedge.of(passage, number)
    if noun in ARTICLE_NOUNS:
        truths, has = [facts.articles], plural(facts.articles, "article")
    elif noun in OUTLET_NOUNS:
        if facts.outlets is None:
            return None  # an article's outlet is unknown: the count cannot be told
        truths, has = [facts.outlets], f"articles from {plural(facts.outlets, 'outlet')}"
    else:
        known = [] if facts.outlets is None else [facts.outlets]
        truths = [facts.articles, facts.sources, *known]
        has = f"{plural(facts.articles, 'article')} and {plural(facts.sources, 'independent source')}"
    if any(fits_count(truth, number.value, hedge) for truth in truths):
        return None
    phrase = passage.text[hedge.start : number.unit_end]
    return hedge.start, f"{field} says '{phrase}', the dossier has {has}; {COUNT_ADVICE}"


def plural(count: int, noun: str) -> str:
    """Write an English count: `1 article`, `8 articles`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def counts_the_dossier(passage: Passage, number: Number) -> bool:
    """Tell whether a counted noun counts the whole dossier: a verb of collecting, the dossier named, no "if"."""
    text = passage.text
    sentence = passage.sentences[passage.sentence_of(number.start)]
    if not passage.remember(("names dossier", sentence), lambda: bool(NAMES_DOSSIER.search(text, *sentence))):
        return False
    if ends_with(PREPOSITION_BEFORE, text, Hedge.of(passage, number).start, sentence[0]):
        return False  # "bei 10.000 Artikeln", "ab 400 Artikeln": a condition, not a count
    clauses = passage.clauses(sentence, dashes=False)
    index = passage.clause_index(sentence, number.start, dashes=False)
    first = index - 1 if index > 0 and WHAT_CLAUSE.match(text, clauses[index][0]) else index
    cues = [passage.remember(("count cues", c), partial(clause_cues, text, c)) for c in clauses[first : index + 1]]
    return any(collecting for collecting, _ in cues) and not any(hypothetical for _, hypothetical in cues)


def clause_cues(text: str, clause: tuple[int, int]) -> tuple[bool, bool]:
    """Tell whether a clause has a verb of collecting, and whether it speaks of a possibility or a condition."""
    return COLLECTING.search(text, *clause) is not None, HYPOTHETICAL.search(text, *clause) is not None


def fits_count(count: int, stated: float, hedge: Hedge) -> bool:
    """Tell whether a count agrees with a stated number and its hedge ("mehr als fünf": more than 5)."""
    if hedge.qualifier == "etwa":
        return abs(stated - count) <= APPROXIMATION * count
    if hedge.qualifier in ("mindestens", "mehr als"):
        return count > stated if hedge.words in STRICT else count >= stated
    if hedge.qualifier in CEILINGS:
        return count < stated if hedge.words in STRICT else count <= stated
    return count == stated


# --- figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number of a text as a figure: its value, hedge and unit, and the range it ends (low, high) if any."""

    number: Number
    hedge: Hedge
    unit: str | None
    partner: Figure | None = None  # the upper end of a range whose lower end this is
    start: int = -1  # where its phrase starts: its hedge, or a range's "zwischen" or "von"
    between: bool = False  # a range opened by "zwischen"

    @property
    def phrase(self) -> tuple[int, int]:
        """Return where the figure's words start and end, a range's "zwischen" or "von" and its unit included."""
        last = (self.partner or self).number
        return (self.hedge.start if self.start < 0 else self.start), max(last.end, last.unit_end)


def read_figures(passage: Passage, numbers: list[Number]) -> list[Figure]:
    """Pair numbers into ranges ("zwischen 3.000 und bis zu 12.000 Soldaten") and give each its unit.

    A number without a unit takes that of the last number before it in its sentence that has one.
    """
    figures: list[Figure] = []
    index, sentence, last_unit = 0, -1, None
    while index < len(numbers):
        number = numbers[index]
        if passage.sentence_of(number.start) != sentence:
            sentence, last_unit = passage.sentence_of(number.start), None
        hedge = Hedge.of(passage, number)
        following = numbers[index + 1] if index + 1 < len(numbers) else None
        if following is not None and is_joined(passage, number, following):
            high = Figure(following, Hedge.of(passage, following), following.unit or last_unit)
            opening = ends_with(RANGE_START, passage.text, hedge.start)
            start = hedge.start if opening is None else opening.start()
            between = opening is not None and opening.group().lower().startswith("zwischen")
            figures.append(Figure(number, hedge, number.unit or high.unit, high, start, between))
            index += 2
        else:
            figures.append(Figure(number, hedge, number.unit or last_unit))
            index += 1
        last_unit = figures[-1].unit
    return figures


def is_joined(passage: Passage, low: Number, high: Number) -> bool:
    """Tell whether two numbers form a range: "3.000 bis 12.000", "zwischen mindestens 3.000 und bis zu 12.000"."""
    text, end = passage.text, max(low.end, low.unit_end)
    hedge = Hedge.of(passage, high)
    if high.start - end > JOIN_LIMIT or hedge.start < end:
        return False
    join = JOIN.fullmatch(text, end, hedge.start)
    if join is None:  # "3.000 bis zu 12.000": the hedge's "bis" joins the two
        return hedge.words == "bis zu" and not text[end : hedge.start].strip()
    return join.group(1) != "und" or ends_with(BETWEEN, text, Hedge.of(passage, low).start) is not None


JOIN_LIMIT = 40  # characters between the two numbers of a range, its hedge included


def unit_noun(unit: str | None) -> str:
    """Return a unit's noun, stemmed, to compare units: "nordkoreanische Soldaten" → "soldat"; "" for none."""
    return stem(head_noun(unit)) if unit else ""


def topic_of(figure: Figure, facts: Facts, topic: str | None) -> str | None:
    """Return the topic a figure is about: the described topic (its unit, or none but a hedge), else the one unit's."""
    noun = unit_noun(figure.unit)
    if topic is None:
        owners = facts.by_unit.get(noun, []) if noun else []
        return owners[0] if len(owners) == 1 else None
    span = facts.spans.get(topic)
    if span is None:
        return None
    if noun:
        return topic if noun == unit_noun(span.unit) else None
    return topic if is_hedged(figure) else None


def is_hedged(figure: Figure) -> bool:
    """Tell whether a figure is hedged, or a range "zwischen X und Y", or one whose upper end is hedged."""
    ends = [figure] if figure.partner is None else [figure, figure.partner]
    return any(end.hedge.qualifier is not None for end in ends) or figure.between


def stale_figures(
    passage: Passage, numbers: list[Number], facts: Facts, field: str, topic: str | None
) -> list[tuple[int, str] | None]:
    """Return (offset, message) for each figure of a topic that its claims' range contradicts."""
    found: list[tuple[int, str] | None] = []
    for figure in read_figures(passage, numbers):
        about = topic_of(figure, facts, topic)
        if about is None:
            continue
        span = facts.spans[about]
        sentence = passage.sentences[passage.sentence_of(figure.number.start)]
        if not span.casualties and casualty_word(passage, sentence, figure.number.start, figure.number.unit_end):
            continue  # "neun Soldaten getötet": casualties, not the figure a troop topic counts
        whole = passage.remember(("whole", sentence), partial(speaks_of_all, passage.text, sentence))
        if not (figure_fits_whole(figure, span) if whole else figure_fits(figure, span)):
            start, end = figure.phrase
            claims = "the topic's claims" if topic is not None else f"the claims on topic '{about}'"
            shown = f"{format_number(span.low)} to {format_number(span.high)} {span.unit}".rstrip()
            message = f"{field} says '{passage.text[start:end]}', but {claims} range from {shown}; {RANGE_ADVICE}"
            found.append((start, message))
    return found


def speaks_of_all(text: str, sentence: tuple[int, int]) -> bool:
    """Tell whether a sentence speaks of the figures as a whole ("Die Artikel nennen Zahlen zwischen …")."""
    return WHOLE.search(text, *sentence) is not None


def figure_fits(figure: Figure, span: Span) -> bool:
    """Tell whether a figure (or both ends of a range) lies within the range of the claims, hedges considered."""
    ends = [figure] if figure.partner is None else [figure, figure.partner]
    return all(value_fits(end.number.value, end.hedge, span) for end in ends)


def value_fits(value: float, hedge: Hedge, span: Span) -> bool:
    """Tell whether a stated value is one of the claims' figures or lies between them ("etwa": within a tenth)."""
    if value in span.known:
        return True
    slack = APPROXIMATION if hedge.qualifier == "etwa" else 0.0
    return value * (1 - slack) <= span.high and value * (1 + slack) >= span.low


def figure_fits_whole(figure: Figure, span: Span) -> bool:
    """Tell whether a figure said of the figures as a whole names their bounds: a range the lowest and highest."""
    if figure.partner is not None:
        return is_bound(figure.number.value, figure.hedge, span.low) and is_bound(
            figure.partner.number.value, figure.partner.hedge, span.high
        )
    if figure.hedge.qualifier in CEILINGS:
        strict = figure.hedge.words in STRICT
        return figure.number.value > span.high if strict else figure.number.value == span.high
    if figure.hedge.qualifier in ("mindestens", "mehr als"):
        strict = figure.hedge.words in STRICT
        return figure.number.value < span.low if strict else figure.number.value == span.low
    return figure_fits(figure, span)


def is_bound(value: float, hedge: Hedge, bound: float) -> bool:
    """Tell whether a stated end of a range is the data's bound ("etwa" within a tenth)."""
    if hedge.qualifier == "etwa":
        return abs(value - bound) <= APPROXIMATION * bound
    return value == bound
