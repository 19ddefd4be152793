"""Stage 3: locate every quote, claim and mention in its text and compare claims per topic."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations

from .match import Normalised, closest, find, normalise
from .model import Article, Claim, Dossier, Entity, Span, Topic
from .problems import Problem

SENTENCE_END = re.compile(r"(?<=[.!?…“])\s+(?=[A-ZÄÖÜ„\"0-9])")
ABOUT = 0.1  # "etwa" is read as ±10 %
PROJECTIONS = {"geplant", "erwartet"}


@dataclass(frozen=True)
class Mention:
    entity: Entity
    article: str
    paragraph: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Comparison:
    """Two claims on one topic and how their difference is classified."""

    a: Claim
    b: Claim
    kind: str  # contradiction, change, scope, agreement
    reason: str


@dataclass
class TopicAnalysis:
    topic: Topic
    claims: list[Claim]
    comparisons: list[Comparison]

    @property
    def numbers(self) -> list[float]:
        return sorted({c.value for c in self.claims if c.value is not None})

    @property
    def categories(self) -> list[str]:
        return sorted({c.category for c in self.claims if c.category is not None})

    @property
    def claimants(self) -> list[str]:
        return sorted({c.claimant for c in self.claims if c.claimant})

    @property
    def unnamed(self) -> int:
        return sum(1 for c in self.claims if not c.claimant)

    def count(self, kind: str) -> int:
        return sum(1 for c in self.comparisons if c.kind == kind)


@dataclass
class Analysis:
    mentions: list[Mention]
    topics: dict[str, TopicAnalysis]

    def mentions_of(self, entity_id: str) -> list[Mention]:
        return [m for m in self.mentions if m.entity.id == entity_id]


def analyse(dossier: Dossier) -> tuple[Analysis, list[Problem]]:
    """Locate passages and mentions in every article, then compare the claims of each topic."""
    problems: list[Problem] = []
    mentions: list[Mention] = []
    for article in dossier.articles.values():
        locate_passages(article, problems)
        mentions.extend(find_mentions(article, dossier, problems))
    topics = {topic_id: compare_claims(topic, dossier) for topic_id, topic in dossier.topics.items()}
    return Analysis(mentions, topics), problems


def locate_passages(article: Article, problems: list[Problem]) -> None:
    """Set the span of every quote part and claim excerpt, reporting those not in the text."""
    texts = [p.text for p in article.paragraphs]
    folded = [normalise(t) for t in texts]
    for index, quote in enumerate(article.quotes):
        spans = locate_parts(quote.parts, folded)
        if spans is None:
            problems.append(not_found_problem(article, ("quotes", index, "text"), "quote", quote.parts, texts, folded))
        else:
            quote.spans = spans
    for index, claim in enumerate(article.claims):
        spans = locate_parts([claim.excerpt], folded)
        if spans is None:
            problems.append(
                not_found_problem(
                    article, ("claims", index, "excerpt"), "claim excerpt", [claim.excerpt], texts, folded
                )
            )
        else:
            claim.spans = spans


def locate_parts(parts: list[str], folded: list[Normalised]) -> list[Span] | None:
    """Find all parts in order within one paragraph."""
    for number, paragraph in enumerate(folded, start=1):
        spans: list[Span] = []
        start = 0
        for part in parts:
            found = find(part, paragraph, start)
            if found is None:
                break
            spans.append(Span(number, *found))
            start = found[1]
        else:
            return spans
    return None


def not_found_problem(
    article: Article, where: tuple[object, ...], what: str, parts: list[str], texts: list[str], folded: list[Normalised]
) -> Problem:
    """Explain a passage that is not in the text, naming the closest passage."""
    doc = article.meta
    txt = article.text_path.rsplit("/", 1)[-1]
    joined = normalise(" ".join(texts))
    missing = next((p for p in parts if not any(find(p, f) for f in folded)), parts[0])
    if len(parts) == 1 and find(missing, joined):
        return doc.problem(where, f"{what} spans more than one paragraph of {txt}; it must lie within one paragraph")
    if all(any(find(p, f) for f in folded) for p in parts):
        return doc.problem(where, f"{what} parts are not all in one paragraph of {txt}, in order")
    index, passage, score = closest(missing, texts)
    return doc.problem(
        where, f'{what} not found in {txt}; closest passage (paragraph {index + 1}, {score:.0f}% similar): "{passage}"'
    )


def find_mentions(article: Article, dossier: Dossier, problems: list[Problem]) -> list[Mention]:
    """Find every occurrence of the article's listed entities, reporting those never found."""
    listed = [
        dossier.entity(i)
        for kind in ("people", "organisations", "places")
        for i in article.mentions[kind]
        if entity_exists(dossier, i)
    ]
    if not listed:
        return []
    found: list[Mention] = []
    for entity in listed:
        pattern = mention_pattern(entity.names)
        for paragraph in article.paragraphs:
            for match in pattern.finditer(paragraph.text):
                sentence = sentence_at(paragraph.text, match.start())
                found.append(Mention(entity, article.id, paragraph.number, match.start(1), match.end(), sentence))
    found.sort(key=lambda m: (m.paragraph, m.start, -m.end, m.entity.id))
    seen = {m.entity.id for m in found}
    for kind in ("people", "organisations", "places"):
        for index, entity_id in enumerate(article.mentions[kind]):
            if entity_exists(dossier, entity_id) and entity_id not in seen:
                names = ", ".join(f"'{n}'" for n in dossier.entity(entity_id).names)
                message = (
                    f"'{entity_id}' is listed as mentioned, but none of its names ({names}) is in the text; "
                    "add the spelling the text uses as an alias"
                )
                problems.append(article.meta.problem(("mentions", kind, index), message))
    return found


def entity_exists(dossier: Dossier, entity_id: str) -> bool:
    return any(entity_id in table for table in dossier.entities.values())


def mention_pattern(names: list[str]) -> re.Pattern[str]:
    """Match any name as a whole word, also with a German genitive -s, longest name first."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)({alternatives})(?:s|’s|'s)?(?!\w)")


def sentence_at(text: str, offset: int) -> str:
    """Return the sentence of `text` that contains `offset`."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() >= offset:
            return text[start : match.start()]
        start = match.end()
    return text[start:]


def compare_claims(topic: Topic, dossier: Dossier) -> TopicAnalysis:
    """Classify every pair of differing claims of a topic."""
    claims = sorted(
        (c for a in dossier.articles.values() for c in a.claims if c.topic == topic.id),
        key=lambda c: (c.as_of.start, c.as_of.end, c.article, c.id),
    )
    comparisons = [classify(topic, a, b) for a, b in combinations(claims, 2) if not same_statement(a, b)]
    return TopicAnalysis(topic, claims, comparisons)


def same_statement(a: Claim, b: Claim) -> bool:
    """Two claims of one article by one claimant with one value are one statement."""
    return a.article == b.article and a.claimant == b.claimant and value_key(a) == value_key(b)


def value_key(claim: Claim) -> tuple[object, ...]:
    return (claim.value, claim.lower, claim.upper, claim.qualifier, claim.category, claim.scope)


def interval(claim: Claim) -> tuple[float, float]:
    """Read a numeric claim as the interval of values it allows."""
    value = claim.value if claim.value is not None else math.nan
    low, high = value, value
    if claim.qualifier in ("mindestens", "mehr als"):
        high = math.inf
    elif claim.qualifier in ("bis zu", "höchstens"):
        low = 0
    elif claim.qualifier == "etwa":
        low, high = value * (1 - ABOUT), value * (1 + ABOUT)
    return (claim.lower if claim.lower is not None else low, claim.upper if claim.upper is not None else high)


def compatible(topic: Topic, a: Claim, b: Claim) -> bool:
    if topic.kind == "categorical":
        return a.category == b.category or not topic.exclusive
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    return a_low <= b_high and b_low <= a_high


def classify(topic: Topic, a: Claim, b: Claim) -> Comparison:
    """Classify two claims: same scope and period but incompatible values is a contradiction."""
    if value_key(a)[:-1] == value_key(b)[:-1] and a.scope == b.scope:
        return Comparison(a, b, "agreement", "gleicher Wert")
    if a.scope != b.scope:
        return Comparison(
            a, b, "scope", f"verschiedener Bezug: {topic.scopes[a.scope].label} / {topic.scopes[b.scope].label}"
        )
    if (a.qualifier in PROJECTIONS) != (b.qualifier in PROJECTIONS):
        return Comparison(a, b, "scope", "Erwartung gegenüber Feststellung")
    if not a.as_of.overlaps(b.as_of):
        return Comparison(a, b, "change", f"verschiedene Zeitpunkte: {a.as_of.german()} / {b.as_of.german()}")
    if compatible(topic, a, b):
        reason = "Bereiche überschneiden sich" if topic.kind == "numeric" else "Werte schließen sich nicht aus"
        return Comparison(a, b, "agreement", reason)
    vague = " (Zeitpunkt nur ungenau bekannt)" if "day" not in {a.as_of.precision} & {b.as_of.precision} else ""
    return Comparison(a, b, "contradiction", f"gleicher Bezug und Zeitraum, unvereinbare Werte{vague}")
