"""Provenance: whom each claim comes from, and how many independent sources carry each value.

Articles are not sources. Five articles that repeat one Pentagon briefing carry one source, so
everything here counts claim sources (`Claim.source`: the claimant, or the organisation a
spokesperson speaks for). Claims whose text names nobody count together as one source: whether
they go back to one or to several cannot be told.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .markup import format_number
from .model import Claim, Dating, Dossier, Entity, Topic

SOURCE_KIND_LABELS = {
    "government": "Regierung/Behörde",
    "military": "Militär",
    "intelligence": "Nachrichtendienst",
    "state-media": "Staatsmedium",
    "media": "unabhängiges Medium",
    "international": "internationale Organisation",
    "group": "Gruppe",
    "individual": "Einzelperson",
}
KIND_EXPLANATIONS = {
    "government": "Regierungen, Ministerien, Staatsoberhäupter und ihre Sprecher.",
    "military": "Streitkräfte und ihre Sprecher.",
    "intelligence": "Geheim- und Nachrichtendienste.",
    "state-media": "Medien, die ein Staat lenkt.",
    "media": "Medien, die kein Staat lenkt.",
    "international": "Bündnisse und Organisationen mehrerer Staaten.",
    "group": "nichtstaatliche Gruppen.",
    "individual": "Menschen, die für sich selbst sprechen.",
}
STATE_KINDS = {"government", "military", "intelligence", "state-media"}  # bodies that act for a state
FLAG_LABELS = {
    "single": "eine einzige Quelle",
    "parties": "nur Konfliktparteien",
    "unnamed": "nur Quellen ohne Namen",
}


@dataclass(frozen=True, eq=False)
class Source:
    """The independent source behind a claim: a registry entry, or nobody named."""

    key: str  # the registry id; "" when the text names nobody
    entity: Entity | None
    kind: str | None  # a key of SOURCE_KIND_LABELS, None when not classified
    party: bool  # a state body or official of a party to the conflict

    @property
    def kind_label(self) -> str:
        """Return the German label of the source's kind, saying whether it is unnamed or a party."""
        if not self.key:
            return f"{SOURCE_KIND_LABELS[self.kind]}, ohne Namen" if self.kind else "ohne Namen"
        label = SOURCE_KIND_LABELS.get(self.kind or "", "nicht eingeordnet")
        return f"{label}, Konfliktpartei" if self.party else label


@dataclass
class ValueSources:
    """One value of a topic with the articles and independent sources that carry it."""

    label: str
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
        return len(self.sources) + (1 if self.unnamed else 0)


@dataclass
class Provenance:
    """Where the claims of one topic come from."""

    topic: Topic
    values: list[ValueSources]
    latest: list[tuple[Source, Claim]]  # each named source's latest claim, by name
    sources: list[Source]
    unnamed: list[Claim]
    articles: int
    flags: list[str]  # keys of FLAG_LABELS

    @property
    def independent(self) -> int:
        return len(self.sources) + (1 if self.unnamed else 0)

    @property
    def kinds(self) -> list[tuple[str, int]]:
        """Return (kind label, number of independent sources) for the kinds present, most first."""
        counts = Counter(source.kind_label for source in self.sources)
        if self.unnamed:
            counts[unnamed_label(self.unnamed)] += 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def unnamed_label(claims: list[Claim]) -> str:
    """Describe claims without a named source, with the kinds of source their texts name."""
    kinds = sorted({SOURCE_KIND_LABELS[c.claimant_kind] for c in claims if c.claimant_kind})
    return f"ohne Namen ({', '.join(kinds)})" if kinds else "ohne Namen"


def describe_source(dossier: Dossier, key: str, claimant_kind: str | None = None) -> Source:
    """Return the source with this registry id ("" for nobody named), with its kind and party."""
    if not key:
        return Source("", None, claimant_kind, False)
    entity = dossier.entity(key)
    kind = entity.get("kind")
    if kind is None and entity.get("speaks_for"):
        kind = dossier.entities["organisations"][entity.get("speaks_for")].get("kind")
    party = kind in STATE_KINDS and entity.get("country") in dossier.parties
    return Source(key, entity, kind, party)


def trace_topic(dossier: Dossier, topic: Topic, claims: list[Claim]) -> Provenance:
    """Trace the sources of one topic's claims, value by value."""
    known = {key: describe_source(dossier, key) for key in sorted({c.source for c in claims if c.source})}
    by_name = sorted(known.values(), key=source_order)
    unnamed = [c for c in claims if not c.source]
    return Provenance(
        topic=topic,
        values=trace_values(dossier, topic, claims, known),
        latest=[(source, latest_claim([c for c in claims if c.source == source.key])) for source in by_name],
        sources=by_name,
        unnamed=unnamed,
        articles=len({c.article for c in claims}),
        flags=thin_flags(claims, by_name, unnamed),
    )


def trace_values(dossier: Dossier, topic: Topic, claims: list[Claim], known: dict[str, Source]) -> list[ValueSources]:
    """Group claims by value (qualifier and scope aside) and count the sources of each."""
    groups: dict[tuple[float, float] | str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(value_group(claim), []).append(claim)
    order = list(topic.categories)
    values = []
    for key in sorted(groups, key=lambda k: (order.index(k), 0.0) if isinstance(k, str) else (-1, k[0], k[1])):
        members = groups[key]
        first = min(members, key=lambda c: (published(dossier, c).start, published(dossier, c).end, c.article))
        values.append(
            ValueSources(
                label=group_label(topic, key),
                claims=members,
                articles=sorted({c.article for c in members}),
                sources=sorted({c.source: known[c.source] for c in members if c.source}.values(), key=source_order),
                unnamed=[c for c in members if not c.source],
                first=published(dossier, first),
                first_article=first.article,
            )
        )
    return values


def value_group(claim: Claim) -> tuple[float, float] | str:
    """Return what a claim's value is grouped by: the category, or the number or range."""
    if claim.category is not None:
        return claim.category
    low = claim.lower if claim.lower is not None else claim.value
    high = claim.upper if claim.upper is not None else claim.value
    return (float(low or 0), float(high or 0))


def group_label(topic: Topic, key: tuple[float, float] | str) -> str:
    """Return the German label of a value group."""
    if isinstance(key, str):
        return topic.categories[key].label
    low, high = key
    return format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"


def published(dossier: Dossier, claim: Claim) -> Dating:
    return dossier.articles[claim.article].published


def latest_claim(claims: list[Claim]) -> Claim:
    """Return the claim whose as-of period starts last (a precise date beats a vague one starting earlier)."""
    return max(claims, key=lambda c: (c.as_of.start, -c.as_of.end.toordinal(), c.article, c.id))


def source_order(source: Source) -> tuple[str, str]:
    name = source.entity.name if source.entity else ""
    return (name.casefold(), source.key)


def thin_flags(claims: list[Claim], sources: list[Source], unnamed: list[Claim]) -> list[str]:
    """Say how thin a topic's sourcing is: one source, only parties to the conflict, only unnamed sources."""
    if not claims:
        return []
    flags = []
    if len(sources) + (1 if unnamed else 0) == 1:
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
