"""The German words readers see for the vocabulary: kinds of sources and places, discrepancies, reasons, flags.

Each table is keyed by the vocabulary's enums (content/vocabulary.py), so one word stands for one
value everywhere on the site.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.analysis.classify import Comparison
from generator.analysis.compare import TopicAnalysis
from generator.analysis.provenance import Provenance, Source
from generator.content.model import Claim, Dating, Dossier, Entity, Topic
from generator.content.vocabulary import DiscrepancyKind, EntityKind, Modality, PlaceKind, Reason, SourceKind

SOURCE_KIND_LABELS = {
    SourceKind.GOVERNMENT: "Regierung/Behörde",
    SourceKind.MILITARY: "Militär",
    SourceKind.INTELLIGENCE: "Nachrichtendienst",
    SourceKind.STATE_MEDIA: "Staatsmedium",
    SourceKind.MEDIA: "unabhängiges Medium",
    SourceKind.INTERNATIONAL: "internationale Organisation",
    SourceKind.GROUP: "Gruppe",
    SourceKind.INDIVIDUAL: "Einzelperson",
}
SOURCE_KIND_EXPLANATIONS = {
    SourceKind.GOVERNMENT: "Regierungen, Ministerien, Staatsoberhäupter und ihre Sprecher.",
    SourceKind.MILITARY: "Streitkräfte und ihre Sprecher.",
    SourceKind.INTELLIGENCE: "Geheim- und Nachrichtendienste.",
    SourceKind.STATE_MEDIA: "Medien, die ein Staat lenkt.",
    SourceKind.MEDIA: "Medien, die kein Staat lenkt.",
    SourceKind.INTERNATIONAL: "Bündnisse und Organisationen mehrerer Staaten.",
    SourceKind.GROUP: "Nichtstaatliche Gruppen.",
    SourceKind.INDIVIDUAL: "Menschen, die für sich selbst sprechen.",
}
PLACE_KIND_LABELS = {
    PlaceKind.COUNTRY: "Staat",
    PlaceKind.REGION: "Region",
    PlaceKind.CITY: "Stadt",
    PlaceKind.SITE: "Ort",
}
ENTITY_KIND_TITLES = {
    EntityKind.PEOPLE: "Personen",
    EntityKind.ORGANISATIONS: "Organisationen",
    EntityKind.PLACES: "Orte",
}
DISCREPANCY_LABELS = {
    DiscrepancyKind.CONTRADICTION: "Widerspruch",
    DiscrepancyKind.DISAGREEMENT: "Abweichung zwischen Urhebern",
    DiscrepancyKind.CHANGE: "Wandel über die Zeit",
    DiscrepancyKind.SCOPE: "Unterschiedlicher Bezug",
    DiscrepancyKind.AGREEMENT: "Übereinstimmung",
}
MODALITY_LABELS = {
    Modality.STATEMENT: "Feststellung",
    Modality.EXPECTATION: "Erwartung",
    Modality.SUPPOSITION: "Vermutung",
}
REASON_TEXTS = {
    Reason.SAME_VALUE: "gleicher Wert",
    Reason.OTHER_SCOPE: "verschiedener Bezug: {scope_a} / {scope_b}",
    Reason.OTHER_MODALITY: "{modality_a} gegenüber {modality_b}",
    Reason.OTHER_TIME: "derselbe Urheber zu verschiedenen Zeitpunkten: {date_a} / {date_b}",
    Reason.OTHER_SOURCE_OTHER_TIME: "verschiedene Urheber, unvereinbare Werte zu verschiedenen Zeitpunkten: "
    "{date_a} / {date_b}",
    Reason.OVERLAPPING_RANGES: "Bereiche überschneiden sich",
    Reason.ROUNDED: "vereinbar, wenn runde Zahlen als gerundet gelten",
    Reason.COMPATIBLE_CATEGORIES: "Werte schließen sich nicht aus",
    Reason.INCOMPATIBLE: "gleicher Bezug und Zeitraum, unvereinbare Werte",
    Reason.INCOMPATIBLE_ROUGH_DATE: "gleicher Bezug und Zeitraum, unvereinbare Werte (Zeitpunkt nur ungenau bekannt)",
}
FLAG_LABELS = {
    "single": "ein einziger Urheber",
    "parties": "nur Konfliktparteien",
    "unnamed": "nur Quellen ohne Namen",
}
UNNAMED = "nicht benannt"  # a claim whose text names nobody
UNNAMED_SOURCES = "Urheber ohne Namen"  # the claims whose texts name nobody, as one party of a dispute
WITHOUT_NAME = "ohne Namen"  # a source counted without a name
UNCLASSIFIED = "nicht eingeordnet"  # a named source whose registry entry gives no kind


@dataclass(frozen=True)
class ReasonWords:
    """The words a language says classification reasons with: a text per reason, modalities and dates."""

    texts: Mapping[Reason, str]  # with the fields {scope_a}, {modality_a}, {date_a} and the same for b
    modalities: Mapping[Modality, str]
    date: Callable[[Dating], str]


GERMAN = ReasonWords(REASON_TEXTS, MODALITY_LABELS, Dating.german)


def reason_text(comparison: Comparison, topic: Topic, words: ReasonWords = GERMAN) -> str:
    """Say why two claims were classified as they were, in German unless other words are given."""
    a, b = comparison.a, comparison.b
    return words.texts[comparison.reason].format(
        scope_a=topic.scopes[a.scope].label,
        scope_b=topic.scopes[b.scope].label,
        modality_a=words.modalities[Modality.of_qualifier(a.qualifier)],
        modality_b=words.modalities[Modality.of_qualifier(b.qualifier)],
        date_a=words.date(a.as_of),
        date_b=words.date(b.as_of),
    )


def unnamed_claimant(attribution: str | None, escape: Callable[[str], str] = str) -> str:
    """Say that a text names nobody, in its own words if it gives any: `nicht benannt („Nachrichtendienste“)`."""
    return f"{UNNAMED} („{escape(attribution)}“)" if attribution else UNNAMED


def claimant_name(dossier: Dossier, claim: Claim) -> str:
    """Name who makes a claim (every claimant), or say that the text names nobody."""
    names = [dossier.entity(c).name if c else unnamed_claimant(claim.attribution) for c in claim.claimants]
    return german_list(names)


def german_list(items: list[str]) -> str:
    """Join items the German way: `A`, `A und B`, `A, B und C`."""
    return " und ".join(filter(None, (", ".join(items[:-1]), items[-1]))) if items else ""


def source_label(source: Source) -> str:
    """Name a source's kind, saying whether it is unnamed or a party to the conflict."""
    if not source.key:
        return f"{SOURCE_KIND_LABELS[source.kind]}, {WITHOUT_NAME}" if source.kind else WITHOUT_NAME
    label = SOURCE_KIND_LABELS[source.kind] if source.kind else UNCLASSIFIED
    return f"{label}, Konfliktpartei" if source.party else label


def unnamed_label(claims: list[Claim]) -> str:
    """Describe claims without a named source, with the kinds of source their texts name."""
    kinds = sorted({SOURCE_KIND_LABELS[SourceKind(c.claimant_kind)] for c in claims if c.claimant_kind})
    return f"{WITHOUT_NAME} ({', '.join(kinds)})" if kinds else WITHOUT_NAME


def disputes_of(result: TopicAnalysis) -> list[tuple[str, str, str]]:
    """Return (source, source, German kinds) for each pair of sources whose claims exclude each other."""
    kinds: dict[tuple[str, str], list[str]] = {}
    for dispute in result.disputes:
        kinds.setdefault(dispute.sources, []).append(DISCREPANCY_LABELS[dispute.kind])
    return [(a, b, " und ".join(labels)) for (a, b), labels in sorted(kinds.items())]


def kind_counts(provenance: Provenance) -> list[tuple[str, int]]:
    """Return (kind label, number of independent sources) for the kinds of a topic's sources, most first."""
    counts = Counter(source_label(source) for source in provenance.sources)
    if provenance.unnamed:
        counts[unnamed_label(provenance.unnamed)] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def entity_kind_label(entity: Entity) -> str:
    """Name what kind of place or organisation an entity is ("" for a person without a kind)."""
    kind = entity.category
    if not kind:
        return ""
    return (
        PLACE_KIND_LABELS[PlaceKind(kind)] if entity.kind == EntityKind.PLACES else SOURCE_KIND_LABELS[SourceKind(kind)]
    )
