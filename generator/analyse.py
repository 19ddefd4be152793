"""Stage 3: locate every quote, claim and mention in its text and compare claims per topic."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import combinations

from .markup import format_number
from .match import Normalised, closest, find_all, normalise
from .model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Entity, Quote, Span, Topic
from .problems import Problem

SENTENCE_END = re.compile(r"(?<=[.!?…“])\s+(?=[A-ZÄÖÜ„\"0-9])")
ABOUT = 0.1  # "etwa" is read as ±10 %
MODALITIES = {"geplant": "Erwartung", "erwartet": "Erwartung", "möglicherweise": "Vermutung"}


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity's name in an article, with the sentence around it."""

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
    """The claims of one topic, in time order, and every classified pair."""

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
        """Count the comparisons of one kind."""
        return sum(1 for c in self.comparisons if c.kind == kind)


@dataclass
class Analysis:
    """What the texts say beyond the curated metadata: mentions and compared claims."""

    dossier: Dossier
    mentions: list[Mention]
    topics: dict[str, TopicAnalysis]
    # Indexes, so that rendering stays linear in the size of the dossier.
    by_entity: dict[str, list[Mention]] = field(init=False, default_factory=dict)
    by_paragraph: dict[tuple[str, int], list[Mention]] = field(init=False, default_factory=dict)
    by_speaker: dict[str, list[Quote]] = field(init=False, default_factory=dict)
    by_claimant: dict[str, list[Claim]] = field(init=False, default_factory=dict)
    by_place: dict[str, list[Claim]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            self.by_entity.setdefault(mention.entity.id, []).append(mention)
            self.by_paragraph.setdefault((mention.article, mention.paragraph), []).append(mention)
        for article in self.dossier.articles.values():
            for quote in article.quotes:
                self.by_speaker.setdefault(quote.speaker, []).append(quote)
            for claim in article.claims:
                self.by_claimant.setdefault(claim.claimant or "", []).append(claim)
                for place in places_of(self.dossier.topics[claim.topic], claim):
                    self.by_place.setdefault(place, []).append(claim)

    def mentions_of(self, entity_id: str) -> list[Mention]:
        return self.by_entity.get(entity_id, [])

    def mentions_in(self, article_id: str, paragraph: int) -> list[Mention]:
        return self.by_paragraph.get((article_id, paragraph), [])

    def quotes_by(self, person_id: str) -> list[Quote]:
        return self.by_speaker.get(person_id, [])

    def claims_by(self, entity_id: str) -> list[Claim]:
        return self.by_claimant.get(entity_id, [])

    def claims_about_place(self, place_id: str) -> list[Claim]:
        """Return claims whose category or scope stands for the place."""
        return self.by_place.get(place_id, [])

    def articles_by_date(self) -> list[Article]:
        """Return the articles, newest first."""
        return sorted(self.dossier.articles.values(), key=lambda a: (a.published.start, a.id), reverse=True)

    def timeline(self) -> list[tuple[Dating, str, Article | Claim]]:
        """Return (dating, kind, item) events: publications and separately dated claims, oldest first."""
        articles = self.dossier.articles.values()
        events: list[tuple[Dating, str, Article | Claim]] = [(a.published, "article", a) for a in articles]
        events += [(c.as_of, "claim", c) for a in articles for c in a.claims if not c.as_of_inherited]
        return sorted(events, key=lambda e: (e[0].start, e[0].end, e[1], e[2].id))


def places_of(topic: Topic, claim: Claim) -> set[str]:
    """Return the places a claim's scope or category stands for."""
    labels = [topic.scopes.get(claim.scope), topic.categories.get(claim.category or "")]
    return {label.place for label in labels if label is not None and label.place}


def analyse(dossier: Dossier) -> tuple[Analysis, list[Problem]]:
    """Locate passages and mentions in every article, then compare the claims of each topic."""
    problems: list[Problem] = []
    mentions: list[Mention] = []
    for article in dossier.articles.values():
        locate_passages(article, problems)
        check_values_in_excerpts(article, problems)
        mentions.extend(find_mentions(article, dossier, problems))
    topics = {topic_id: compare_claims(topic, dossier) for topic_id, topic in dossier.topics.items()}
    return Analysis(dossier, mentions, topics), problems


def locate_passages(article: Article, problems: list[Problem]) -> None:
    """Set the span of every quote part and claim excerpt, reporting those not in the text."""
    texts = [p.text for p in article.paragraphs]
    folded = [normalise(t) for t in texts]
    passages: list[tuple[Quote | Claim, tuple[object, ...], str, list[str]]] = [
        (quote, ("quotes", i, "text"), "quote", quote.parts) for i, quote in enumerate(article.quotes)
    ]
    passages += [
        (claim, ("claims", i, "excerpt"), "claim excerpt", [claim.excerpt]) for i, claim in enumerate(article.claims)
    ]
    for item, where, what, parts in passages:
        candidates = locate_parts(parts, folded)
        if not candidates:
            problems.append(not_found_problem(article, where, what, parts, texts, folded))
            continue
        item.spans = candidates[0]
        if len(candidates) > 1:
            numbers = ", ".join(str(c[0].paragraph) for c in candidates)
            message = f"{what} occurs {len(candidates)} times (paragraphs {numbers}); the first is highlighted"
            problems.append(article.meta.problem(where, message, warning=True))


def locate_parts(parts: list[str], folded: list[Normalised]) -> list[list[Span]]:
    """Return every placement of all parts, in order, within one paragraph."""
    candidates = []
    for number, paragraph in enumerate(folded, start=1):
        for first in find_all(parts[0], paragraph):
            spans = [Span(number, *first)]
            for part in parts[1:]:
                following = find_all(part, paragraph, spans[-1].end)
                if not following:
                    break
                spans.append(Span(number, *following[0]))
            else:
                candidates.append(spans)
    return candidates


def not_found_problem(
    article: Article, where: tuple[object, ...], what: str, parts: list[str], texts: list[str], folded: list[Normalised]
) -> Problem:
    """Explain a passage that is not in the text, naming the closest passage."""
    txt = article.text_path.rsplit("/", 1)[-1]
    missing = next((i for i, p in enumerate(parts) if not any(find_all(p, f) for f in folded)), None)
    if missing is None:
        return article.meta.problem(where, f"{what} parts are not all in one paragraph of {txt}, in order")
    if len(parts) > 1:
        where = (*where, missing)
    if find_all(parts[missing], normalise(" ".join(texts))):
        return article.meta.problem(where, f"{what} spans more than one paragraph of {txt}; it must lie within one")
    index, passage, score = closest(parts[missing], texts)
    message = f'{what} not found in {txt}; closest passage (paragraph {index + 1}, {score:.0f}% similar): "{passage}"'
    return article.meta.problem(where, message)


def check_values_in_excerpts(article: Article, problems: list[Problem]) -> None:
    """Warn when a claim's number does not stand in its excerpt (a typo, or 3.000 read as 3)."""
    for index, claim in enumerate(article.claims):
        if claim.value is None:
            continue
        plain = str(int(claim.value)) if float(claim.value).is_integer() else str(claim.value)
        forms = {format_number(claim.value), plain}
        if not any(re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", claim.excerpt) for form in forms):
            shown = " or ".join(f"'{f}'" for f in sorted(forms))
            message = f"value {format_number(claim.value)} does not appear in the excerpt (looked for {shown})"
            problems.append(article.meta.problem(("claims", index, "value"), message, warning=True))


def find_mentions(article: Article, dossier: Dossier, problems: list[Problem]) -> list[Mention]:
    """Find the article's listed entities in its text (longest name wins), reporting those never found."""
    found: list[Mention] = []
    for entity in (dossier.entity(i) for kind in ENTITY_KINDS for i in article.mentions[kind]):
        pattern = mention_pattern(entity.names)
        for paragraph in article.paragraphs:
            for match in pattern.finditer(paragraph.text):
                sentence = sentence_at(paragraph.text, match.start())
                found.append(Mention(entity, article.id, paragraph.number, match.start(1), match.end(), sentence))
    found = drop_nested_mentions(found)
    seen = {m.entity.id for m in found}
    for kind in ENTITY_KINDS:
        for index, entity_id in enumerate(article.mentions[kind]):
            if entity_id not in seen:
                names = ", ".join(f"'{n}'" for n in dossier.entity(entity_id).names)
                message = (
                    f"'{entity_id}' is listed as mentioned, but none of its names ({names}) is in the text "
                    "(other than inside a longer name); add the spelling the text uses as an alias"
                )
                problems.append(article.meta.problem(("mentions", kind, index), message))
    return found


def drop_nested_mentions(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that lies inside a longer mention of another entity ("Anna Muster" in "Anna Muster AG")."""

    def inside(m: Mention, other: Mention) -> bool:
        same_place = m.paragraph == other.paragraph and other.start <= m.start and m.end <= other.end
        return same_place and other.entity.id != m.entity.id and (other.end - other.start) > (m.end - m.start)

    kept = [m for m in mentions if not any(inside(m, other) for other in mentions)]
    return sorted(kept, key=lambda m: (m.paragraph, m.start, -m.end, m.entity.id))


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
    """Classify every pair of claims of a topic that are not one and the same statement."""
    claims = sorted(
        (c for a in dossier.articles.values() for c in a.claims if c.topic == topic.id),
        key=lambda c: (c.as_of.start, c.as_of.end, c.article, c.id),
    )
    comparisons = [classify(topic, a, b) for a, b in combinations(claims, 2) if not is_same_statement(a, b)]
    return TopicAnalysis(topic, claims, comparisons)


def is_same_statement(a: Claim, b: Claim) -> bool:
    """Two claims of one article by one claimant with one value are one statement."""
    return a.article == b.article and a.claimant == b.claimant and value_key(a) == value_key(b)


def value_key(claim: Claim) -> tuple[object, ...]:
    """Return what a claim asserts, without who, where and when."""
    return (claim.value, claim.lower, claim.upper, claim.qualifier, claim.category, claim.scope)


def read_interval(claim: Claim) -> tuple[float, float]:
    """Read a numeric claim as the interval of values it allows."""
    value = claim.value if claim.value is not None else math.nan
    low, high = value, value
    if claim.qualifier == "mindestens":
        high = math.inf
    elif claim.qualifier == "mehr als":
        low, high = math.nextafter(value, math.inf), math.inf
    elif claim.qualifier == "höchstens" or claim.qualifier == "bis zu":
        low = 0
    elif claim.qualifier == "etwa":
        low, high = value * (1 - ABOUT), value * (1 + ABOUT)
    return (claim.lower if claim.lower is not None else low, claim.upper if claim.upper is not None else high)


def are_compatible(topic: Topic, a: Claim, b: Claim) -> bool:
    """Tell whether two claims can both be true (overlapping ranges, non-exclusive categories)."""
    if topic.kind == "categorical":
        return a.category == b.category or not topic.exclusive
    (a_low, a_high), (b_low, b_high) = read_interval(a), read_interval(b)
    return a_low <= b_high and b_low <= a_high


def classify(topic: Topic, a: Claim, b: Claim) -> Comparison:
    """Classify two claims: same scope and period but incompatible values is a contradiction."""
    if value_key(a) == value_key(b):
        return Comparison(a, b, "agreement", "gleicher Wert")
    if a.scope != b.scope:
        labels = f"{topic.scopes[a.scope].label} / {topic.scopes[b.scope].label}"
        return Comparison(a, b, "scope", f"verschiedener Bezug: {labels}")
    modality_a, modality_b = (MODALITIES.get(c.qualifier or "", "Feststellung") for c in (a, b))
    if modality_a != modality_b:
        return Comparison(a, b, "scope", f"{modality_a} gegenüber {modality_b}")
    if not a.as_of.overlaps(b.as_of):
        return Comparison(a, b, "change", f"verschiedene Zeitpunkte: {a.as_of.german()} / {b.as_of.german()}")
    if are_compatible(topic, a, b):
        reason = "Bereiche überschneiden sich" if topic.kind == "numeric" else "Werte schließen sich nicht aus"
        return Comparison(a, b, "agreement", reason)
    vague = "" if a.as_of.precision == b.as_of.precision == "day" else " (Zeitpunkt nur ungenau bekannt)"
    return Comparison(a, b, "contradiction", f"gleicher Bezug und Zeitraum, unvereinbare Werte{vague}")
