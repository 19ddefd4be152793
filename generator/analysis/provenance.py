"""Provenance: whom each claim comes from, and how many independent sources carry each value.

Articles are not sources. Five articles that repeat one Pentagon briefing carry one source, so
everything here counts claim sources (`Claim.sources`: each claimant, or the source it relays,
as the organisation at the end of its speaks_for chain). Claims whose text names nobody count
together as one source: whether they go back to one or to several cannot be told.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.content.model import Claim, Dating, Dossier, Entity, Topic
from generator.content.values import ClaimValue
from generator.content.vocabulary import SourceKind


@dataclass(frozen=True, eq=False)
class Source:
    """The independent source behind a claim: a registry entry, or nobody named."""

    key: str  # the registry id; "" when the text names nobody
    entity: Entity | None
    kind: SourceKind | None  # None when not classified
    party: bool  # a state body or official of a party to the conflict


@dataclass
class ValueSources:
    """One value of a topic with the articles and independent sources that carry it."""

    value: ClaimValue  # with the hedge it is counted by ("etwa" aside)
    claims: list[Claim]
    articles: list[str]
    sources: list[Source]  # named ones, distinct, by name
    unnamed: list[Claim]
    first: Dating  # when the value first appeared in the dossier: its earliest article's date
    first_article: str

    @property
    def scopes(self) -> list[str]:
        return sorted({c.scope for c in self.claims})

    @property
    def independent(self) -> int:
        return count_independent(self.sources, self.unnamed)


@dataclass
class Provenance:
    """Where the claims of one topic come from."""

    topic: Topic
    values: list[ValueSources]
    latest: list[tuple[Source, Claim]]  # each named source's latest claim, by name
    sources: list[Source]
    unnamed: list[Claim]
    articles: int
    flags: list[str]  # how thin the sourcing is: "single", "parties", "unnamed" (see thin_flags)

    @property
    def independent(self) -> int:
        return count_independent(self.sources, self.unnamed)


def count_independent(sources: list[Source], unnamed: list[Claim]) -> int:
    """Count independent sources: the named ones, and all claims that name nobody as one more."""
    return len(sources) + (1 if unnamed else 0)


def describe_source(dossier: Dossier, key: str, claimant_kind: str | None = None) -> Source:
    """Return the source with this registry id ("" for nobody named), with its kind and party."""
    if not key:
        return Source("", None, SourceKind.of(claimant_kind), False)
    entity = dossier.entity(key)  # a person who speaks for an organisation is never a source: the organisation is
    kind = SourceKind.of(entity.category)
    party = kind is not None and kind.acts_for_state and entity.country in dossier.parties
    return Source(key, entity, kind, party)


def trace_topic(dossier: Dossier, topic: Topic, claims: list[Claim]) -> Provenance:
    """Trace the sources of one topic's claims, value by value."""
    known = {key: describe_source(dossier, key) for key in sorted({s for c in claims for s in c.sources if s})}
    by_name = sorted(known.values(), key=source_order)
    unnamed = [c for c in claims if "" in c.sources]
    return Provenance(
        topic=topic,
        values=trace_values(dossier, topic, claims, known),
        latest=latest_statements(dossier, claims, known),
        sources=by_name,
        unnamed=unnamed,
        articles=len({c.article for c in claims}),
        flags=thin_flags(claims, by_name, unnamed),
    )


def trace_values(dossier: Dossier, topic: Topic, claims: list[Claim], known: dict[str, Source]) -> list[ValueSources]:
    """Group claims by value (with its hedge, "etwa" and scope aside) and count the sources of each."""
    groups: dict[ClaimValue, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(ClaimValue.of(claim).grouped(), []).append(claim)
    values = []
    for value in sorted(groups, key=lambda v: group_order(topic, v)):
        members = groups[value]
        first = min(members, key=lambda c: (published(dossier, c).end, published(dossier, c).start, c.article))
        values.append(
            ValueSources(
                value=value,
                claims=members,
                articles=sorted({c.article for c in members}),
                sources=sorted({known[s] for c in members for s in c.sources if s}, key=source_order),
                unnamed=[c for c in members if "" in c.sources],
                first=published(dossier, first),
                first_article=first.article,
            )
        )
    return values


def group_order(topic: Topic, value: ClaimValue) -> tuple[object, ...]:
    """Order categories as the topic lists them and numbers by size, unhedged before hedged."""
    hedge = value.qualifier.value if value.qualifier else ""
    if value.category is not None:
        return (list(topic.categories).index(value.category), hedge)
    number, lower, upper = (math.inf if n is None else float(n) for n in (value.number, value.lower, value.upper))
    return (min(number, lower), number, upper, hedge)


def published(dossier: Dossier, claim: Claim) -> Dating:
    return dossier.articles[claim.article].published


def latest_statements(dossier: Dossier, claims: list[Claim], known: dict[str, Source]) -> list[tuple[Source, Claim]]:
    """Return each named source's latest claim per scope, by source name and scope."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        for source in claim.sources:
            if source:
                groups.setdefault((source, claim.scope), []).append(claim)
    scopes = list(dossier.topics[claims[0].topic].scopes) if claims else []
    order = sorted(groups, key=lambda k: (source_order(known[k[0]]), scopes.index(k[1])))
    return [(known[key[0]], latest_claim(dossier, groups[key])) for key in order]


def latest_claim(dossier: Dossier, claims: list[Claim]) -> Claim:
    """Return the claim whose as-of period starts last; a precise date beats a vague one, a later article wins."""
    return max(claims, key=lambda c: (c.as_of.start, -c.as_of.end.toordinal(), published(dossier, c).start, c.id))


def source_order(source: Source) -> tuple[str, str]:
    name = source.entity.name if source.entity else ""
    return (name.casefold(), source.key)


def thin_flags(claims: list[Claim], sources: list[Source], unnamed: list[Claim]) -> list[str]:
    """Say how thin a topic's sourcing is: one named source, only parties to the conflict, only unnamed sources."""
    if not claims:
        return []
    flags = []
    if len(sources) == 1 and not unnamed:
        flags.append("single")
    if sources and not unnamed and all(s.party for s in sources):
        flags.append("parties")
    if not sources:
        flags.append("unnamed")
    return flags


def rank_topics(provenances: list[Provenance]) -> list[Provenance]:
    """Order topics thinnest first: fewest independent sources, then most warning flags, then title."""
    with_claims = [p for p in provenances if p.values]
    ranked = sorted(with_claims, key=lambda p: (p.independent, -len(p.flags), p.topic.title.casefold()))
    return ranked + sorted((p for p in provenances if not p.values), key=lambda p: p.topic.title.casefold())
