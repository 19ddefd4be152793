"""Stage 3: locate every quote, claim and mention in its text and compare claims per topic."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, combinations, islice

from generator.analysis.classify import Comparison, classify, group_of, is_same_statement, party
from generator.analysis.excerpts import check_values_in_excerpts
from generator.analysis.figures import open_paragraphs
from generator.analysis.mentions import Mention, find_mentions
from generator.analysis.pairs import PairIndex, Smallest
from generator.analysis.passages import locate_events, locate_passages
from generator.analysis.provenance import Provenance, trace_topic
from generator.content.model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Event, Quote, Span, Topic
from generator.content.vocabulary import DiscrepancyKind, Modality
from generator.parallel import fork_imap
from generator.problems import Problem

KINDS = tuple(DiscrepancyKind)
PAIR_LIMIT = 50  # pairs of each kind listed on a topic page; the counts are always complete


@dataclass(frozen=True)
class Dispute:
    """Two sources whose claims exclude each other, with one such pair of claims, the earlier first."""

    kind: DiscrepancyKind  # a contradiction or a disagreement
    sources: tuple[str, str]  # the two parties (`party`), sorted; "" stands for the claims whose texts name nobody
    earlier: Claim
    later: Claim


@dataclass
class TopicAnalysis:
    """The claims of one topic, in time order, how many pairs of each kind they form, and the first pairs.

    Every pair of claims is classified, but only counted: a topic with n claims has about n²/2 pairs,
    so pages list at most PAIR_LIMIT pairs of each kind (`listed`, in pair order) and give the
    complete counts. `comparisons` builds the full list for small dossiers (`dossier diff`, tests).
    """

    topic: Topic
    claims: list[Claim]
    counts: dict[DiscrepancyKind, int]
    listed: dict[DiscrepancyKind, list[Comparison]]
    disputes: list[Dispute] = field(default_factory=list)  # who disputes whom, by sources and kind

    @property
    def categories(self) -> list[str]:
        return sorted({c.category for c in self.claims if c.category is not None})

    def count(self, kind: DiscrepancyKind | str) -> int:
        """Count the comparisons of one kind."""
        return self.counts.get(DiscrepancyKind(kind), 0)

    @cached_property
    def comparisons(self) -> list[Comparison]:
        """Every classified pair, in pair order: quadratic in the number of claims."""
        pairs = combinations(self.claims, 2)
        return [classify(self.topic, a, b) for a, b in pairs if not is_same_statement(a, b)]

    @property
    def source_pairs(self) -> int:
        """Count the pairs of sources whose claims contradict each other (same period); unnamed ones count as one."""
        return sum(1 for dispute in self.disputes if dispute.kind is DiscrepancyKind.CONTRADICTION)

    @property
    def disputing_pairs(self) -> list[tuple[str, str]]:
        """Return the pairs of parties in a contradiction or a disagreement, each once, sorted ("": unnamed)."""
        return sorted({dispute.sources for dispute in self.disputes})

    @property
    def disputing_sources(self) -> list[str]:
        """Return the sources that take part in a contradiction or a disagreement ("": the unnamed ones)."""
        return sorted({source for pair in self.disputing_pairs for party in pair for source in party.split("+")})


@dataclass
class Analysis:
    """What the texts say beyond the curated metadata: mentions and compared claims."""

    dossier: Dossier
    mentions: list[Mention]
    topics: dict[str, TopicAnalysis]
    provenance: dict[str, Provenance] = field(default_factory=dict)
    # Per article, its text paragraphs with a number no claim's excerpt covers that may be a figure (the
    # curators' warnings read these); found with the article's analysis, in the worker that analyses it.
    open_numbers: dict[str, list[int]] = field(default_factory=dict)
    # Indexes, so that rendering stays linear in the size of the dossier.
    by_entity: dict[str, list[Mention]] = field(init=False, default_factory=dict)
    by_paragraph: dict[tuple[str, int], list[Mention]] = field(init=False, default_factory=dict)
    by_speaker: dict[str, list[Quote]] = field(init=False, default_factory=dict)
    by_claimant: dict[str, list[Claim]] = field(init=False, default_factory=dict)
    by_source: dict[str, list[Claim]] = field(init=False, default_factory=dict)
    by_quote_topic: dict[str, list[Quote]] = field(init=False, default_factory=dict)
    by_place: dict[str, list[Claim]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for mention in self.mentions:
            self.by_entity.setdefault(mention.entity.id, []).append(mention)
            self.by_paragraph.setdefault((mention.article, mention.paragraph), []).append(mention)
        for article in self.dossier.articles.values():
            for quote in article.quotes:
                self.by_speaker.setdefault(quote.speaker or "", []).append(quote)
                self.by_quote_topic.setdefault(quote.topic or "", []).append(quote)
            for claim in article.claims:
                claimants = {key or "" for key in claim.claimants}
                for key in sorted(claimants):
                    self.by_claimant.setdefault(key, []).append(claim)
                for source in sorted(set(claim.sources) - claimants):
                    self.by_source.setdefault(source, []).append(claim)
                for place in places_of(self.dossier.topics[claim.topic], claim):
                    self.by_place.setdefault(place, []).append(claim)

    def mentions_of(self, entity_id: str) -> list[Mention]:
        return self.by_entity.get(entity_id, [])

    def mentions_in(self, article_id: str, paragraph: int) -> list[Mention]:
        return self.by_paragraph.get((article_id, paragraph), [])

    def quotes_by(self, entity_id: str) -> list[Quote]:
        return self.by_speaker.get(entity_id, []) if entity_id else []

    def statements_by(self, entity_id: str) -> list[Claim]:
        """Return the claims of an entity and of the people who speak for it, oldest first."""
        claims = self.by_claimant.get(entity_id, []) + self.by_source.get(entity_id, [])
        articles = self.dossier.articles
        return sorted(claims, key=lambda c: (c.as_of.start, c.as_of.end, articles[c.article].published.start, c.id))

    def statements_of(self, entity_id: str) -> list[tuple[Dating, Quote | Claim]]:
        """Return an entity's quotes (dated by their article) and claims (by their as-of date), oldest first."""
        published = self.dossier.articles
        items: list[tuple[Dating, Quote | Claim]] = [
            (published[q.article].published, q) for q in self.quotes_by(entity_id)
        ]
        items += [(c.as_of, c) for c in self.statements_by(entity_id)]
        return sorted(items, key=lambda item: (item[0].start, item[0].end, item[1].article, item[1].id))

    def speakers_on(self, topic_id: str) -> list[tuple[str, int]]:
        """Return (person or organisation id, number of quotes) of everyone named who is quoted on a topic, by id."""
        counts: dict[str, int] = {}
        for quote in self.by_quote_topic.get(topic_id, []):
            if quote.speaker:
                counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
        return sorted(counts.items())

    def shifts_of(self, entity_id: str) -> list[Comparison]:
        """Return where one source's successive claims on a topic differ: contradictions and changes."""
        return source_shifts(self.dossier, self.statements_by(entity_id))

    def claims_about_place(self, place_id: str) -> list[Claim]:
        """Return claims whose category or scope stands for the place."""
        return self.by_place.get(place_id, [])

    def articles_by_date(self) -> list[Article]:
        """Return the articles, newest first."""
        return sorted(self.dossier.articles.values(), key=lambda a: (a.published.start, a.id), reverse=True)

    def timeline(self) -> list[tuple[Dating, str, Article | Claim | Event]]:
        """Return (dating, kind, item): key events, publications and separately dated claims, oldest first."""
        articles = self.dossier.articles.values()
        events: list[tuple[Dating, str, Article | Claim | Event]] = [(a.published, "article", a) for a in articles]
        events += [(c.as_of, "claim", c) for a in articles for c in a.claims if not c.as_of_inherited]
        events += [(e.date, "event", e) for e in self.dossier.events]
        return sorted(events, key=lambda e: (e[0].start, e[0].end, e[1], e[2].id))


def places_of(topic: Topic, claim: Claim) -> set[str]:
    """Return the places a claim's scope or category stands for."""
    labels = [topic.scopes.get(claim.scope), topic.categories.get(claim.category or "")]
    return {label.place for label in labels if label is not None and label.place}


def analyse(dossier: Dossier) -> tuple[Analysis, list[Problem]]:
    """Locate passages and mentions in every article, and compare the claims of each topic.

    Comparing reads no passage, so this process compares the topics while the workers locate
    the passages, once the first of their results has come back.
    """
    problems: list[Problem] = []
    mentions: list[Mention] = []
    open_numbers: dict[str, list[int]] = {}
    results = fork_imap(analyse_article, dossier, list(dossier.articles))
    first = list(islice(results, 1))
    topics, provenance = compare_topics(dossier, list(dossier.topics))
    for article, result in zip(dossier.articles.values(), chain(first, results), strict=True):
        found, open_numbers[article.id] = place_article(dossier, article, result, problems)
        mentions += found
    locate_events(dossier, problems)
    return Analysis(dossier, mentions, topics, provenance, open_numbers), problems


def place_article(
    dossier: Dossier, article: Article, result: ArticleAnalysis, problems: list[Problem]
) -> tuple[list[Mention], list[int]]:
    """Give an article the passages `analyse_article` found; return its mentions and its open paragraphs."""
    quote_spans, claim_spans, found, article_problems, paragraphs = result
    for quote, spans in zip(article.quotes, quote_spans, strict=True):
        quote.spans = spans
    for claim, spans in zip(article.claims, claim_spans, strict=True):
        claim.spans = spans
    problems += article_problems
    mentions = [Mention(dossier.entity(e), article.id, n, start, end, s) for e, n, start, end, s in found]
    return mentions, paragraphs


def compare_topics(dossier: Dossier, topic_ids: list[str]) -> tuple[dict[str, TopicAnalysis], dict[str, Provenance]]:
    """Compare the claims of each of these topics, in the articles' order, and trace their sources."""
    claims: dict[str, list[Claim]] = {topic_id: [] for topic_id in topic_ids}
    for article in dossier.articles.values():
        for claim in article.claims:
            if claim.topic in claims:
                claims[claim.topic].append(claim)
    topics = {topic_id: compare_claims(dossier.topics[topic_id], found) for topic_id, found in claims.items()}
    return topics, {topic_id: trace_topic(dossier, r.topic, r.claims) for topic_id, r in topics.items()}


ArticleAnalysis = tuple[
    list[list[Span]], list[list[Span]], list[tuple[str, int, int, int, str]], list[Problem], list[int]
]  # spans of the quotes and claims, mentions as (entity id, paragraph, start, end, sentence), problems,
# the paragraphs with a number no excerpt covers (`open_paragraphs`)


def analyse_article(dossier: Dossier, article_id: str) -> ArticleAnalysis:
    """Locate one article's passages and mentions (articles are independent: fork_map may run this in workers)."""
    article = dossier.articles[article_id]
    problems: list[Problem] = []
    locate_passages(article, problems)
    check_values_in_excerpts(article, problems)
    found = locate_mentions(article, dossier, problems)
    return (
        [quote.spans for quote in article.quotes],
        [claim.spans for claim in article.claims],
        [(m.entity.id, m.paragraph, m.start, m.end, m.sentence) for m in found],
        problems,
        open_paragraphs(article),
    )


def locate_mentions(article: Article, dossier: Dossier, problems: list[Problem]) -> list[Mention]:
    """Find the article's listed entities in its text, reporting those never found."""
    listed = [dossier.entity(i) for kind in ENTITY_KINDS for i in article.mentions[kind]]
    found = find_mentions(listed, article.paragraphs, article.id)
    seen = {m.entity.id for m in found}
    for kind in ENTITY_KINDS:
        for index, entity_id in enumerate(article.mentions[kind]):
            if entity_id not in seen:
                shown = ", ".join(f"'{n}'" for n in dossier.entity(entity_id).names)
                message = (
                    f"'{entity_id}' is listed as mentioned, but none of its names ({shown}) is in the text "
                    "(other than inside a longer name); add the spelling the text uses as an alias"
                )
                problems.append(article.meta.problem(("mentions", kind, index), message))
    return found


def compare_claims(topic: Topic, claims: list[Claim]) -> TopicAnalysis:
    """Count every pair of a topic's claims by kind and list the first PAIR_LIMIT pairs of each kind.

    Pairs are never all built: pairs across scopes and modalities are counted from group sizes,
    pairs of equal values from the sizes of their groups, pairs of separate periods by sorting
    (`PairIndex.separate_counts`), and only pairs within one scope and modality whose periods
    overlap are looked at one by one (a sweep over the claims in time order). The result equals
    classifying every pair with `classify` (tested against it).
    """
    claims = sorted(claims, key=lambda c: (c.as_of.start, c.as_of.end, c.article, c.id))
    pairs = PairIndex(topic, claims)
    contradiction, agreement = DiscrepancyKind.CONTRADICTION, DiscrepancyKind.AGREEMENT
    counts = {kind: 0 for kind in KINDS}
    counts[DiscrepancyKind.SCOPE] = pairs.cross_group_count()
    counts[agreement] = pairs.equal_value_count()
    for kind, count in pairs.separate_counts().items():
        counts[kind] += count
    overlapping = {agreement: Smallest(PAIR_LIMIT), contradiction: Smallest(PAIR_LIMIT)}
    contradicting: dict[tuple[str, str], tuple[int, int]] = {}
    for i, j in pairs.overlapping_different_values():
        kind = agreement if pairs.meet(i, j) else contradiction
        counts[kind] += 1
        overlapping[kind].add(i, j)
        a, b = party(claims[i]), party(claims[j])
        if kind is contradiction and a != b:
            contradicting.setdefault((a, b) if a < b else (b, a), (i, j))
    first = first_pairs(pairs, counts, overlapping)
    listed = {kind: [classify(topic, claims[i], claims[j]) for i, j in first[kind]] for kind in KINDS}
    found = [(contradiction, contradicting), (DiscrepancyKind.DISAGREEMENT, pairs.disputing())]
    disputes = [
        Dispute(kind, key, claims[i], claims[j]) for kind, by_pair in found for key, (i, j) in sorted(by_pair.items())
    ]
    return TopicAnalysis(topic, claims, counts, listed, disputes)


def first_pairs(
    pairs: PairIndex, counts: dict[DiscrepancyKind, int], overlapping: dict[DiscrepancyKind, Smallest]
) -> dict[DiscrepancyKind, list[tuple[int, int]]]:
    """Return the first PAIR_LIMIT pairs of each kind, in pair order."""
    change, disagreement, agreement = DiscrepancyKind.CHANGE, DiscrepancyKind.DISAGREEMENT, DiscrepancyKind.AGREEMENT
    separate = pairs.first_separate({kind: min(PAIR_LIMIT, counts[kind]) for kind in (change, disagreement, agreement)})
    agreeing = pairs.first_equal_value(PAIR_LIMIT) + overlapping[agreement].pairs() + separate[agreement]
    return {
        DiscrepancyKind.CONTRADICTION: overlapping[DiscrepancyKind.CONTRADICTION].pairs(),
        disagreement: separate[disagreement],
        change: separate[change],
        DiscrepancyKind.SCOPE: pairs.first_cross_group(PAIR_LIMIT),
        agreement: sorted(agreeing)[:PAIR_LIMIT],
    }


def source_shifts(dossier: Dossier, claims: list[Claim]) -> list[Comparison]:
    """Compare each claim of one source with its predecessor on the same topic, scope and modality.

    Only successive claims are compared, so the list reads as a history and stays linear in size.
    """
    previous: dict[tuple[str, tuple[str, Modality]], Claim] = {}
    found = []
    for claim in claims:  # oldest first
        key = (claim.topic, group_of(claim))
        if key in previous:
            comparison = classify(dossier.topics[claim.topic], previous[key], claim)
            if comparison.kind.is_shift:
                found.append(comparison)
        previous[key] = claim
    return found
