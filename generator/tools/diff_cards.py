"""Show a claim or a registry entry in full for `dossier diff`: everything a reviewer judges it by.

A claim's card holds its value with hedge, bounds and unit (the site's one formatter), its scope,
the date it describes, who claims it and in whose name it counts, the excerpt and the note; a
topic's card its question, kind, unit or categories, and scopes.
"""

from __future__ import annotations

from typing import Any

from generator.content.model import Claim, Dossier, Labelled, Topic
from generator.content.vocabulary import TopicKind
from generator.site.values import format_value
from generator.tools.diff_fields import MISSING, Fields, name_of, show
from generator.tools.english import NOT_NAMED


def describe_claim(item: tuple[Claim, Dossier]) -> str:
    """Name a claim by its topic, value and claimant: `Zahl der Soldaten: bis zu 12.000 (claimant: Amt)`."""
    claim, dossier = item
    topic = dossier.topics[claim.topic]
    return f"{topic.title}: {format_value(claim, topic)} (claimant: {claimant_names(claim, dossier)})"


def claim_card(item: tuple[Claim, Dossier]) -> Fields:
    """Return a claim as a reviewer judges it: value, scope, as-of, claimant and attribution, excerpt, note."""
    claim, dossier = item
    topic = dossier.topics[claim.topic]
    card = {
        "value": format_value(claim, topic, unit=True),
        "scope": topic.scopes[claim.scope].label,
        "as_of": as_of_text(claim),
        **claimant_fields(claim, dossier),
        "excerpt": f"„{claim.excerpt}“",
    }
    if claim.note:
        card["note"] = claim.note
    if claim.acknowledge:  # findings of `dossier check` kept on purpose, with the reason
        card["acknowledge"] = show(claim.acknowledge)
    return card


def as_of_text(claim: Claim) -> str:
    """Say which date a claim's figure describes, and how that date is known."""
    return f"{claim.as_of.text} (the article's date)" if claim.as_of_inherited else show(claim.as_of)


def claimant_fields(claim: Claim, dossier: Dossier) -> Fields:
    """Say who makes a claim: the claimants, their kind and the text's words, whom it cites, whom it counts as."""
    fields = {"claimant": claimant_names(claim, dossier)}
    if claim.claimant_kind:
        fields["claimant_kind"] = claim.claimant_kind
    if claim.attribution:
        fields["attribution"] = f"„{claim.attribution}“"
    if claim.cites:
        fields["cites"] = name_of(claim.cites, dossier)
    if claim.citing:
        fields["citing"] = f"„{claim.citing}“"
    written = tuple(dict.fromkeys(entity or "" for entity in claimants(claim)))
    if claim.sources not in (written, (claim.cites,)):  # someone speaks for another, or is relayed
        fields["counted as"] = ", ".join(
            name_of(source, dossier) if source else "an unnamed source" for source in claim.sources
        )
    return fields


def claimants(claim: Claim) -> tuple[str | None, ...]:
    """Return every claimant of a claim as written (None where the text names nobody)."""
    return claim.claimants or (claim.claimant,)


def claimant_names(claim: Claim, dossier: Dossier) -> str:
    """Name a claim's claimants; an unnamed one in the text's words: `not named („Kreise“)`."""
    unnamed = f"{NOT_NAMED} („{claim.attribution}“)" if claim.attribution else NOT_NAMED
    return ", ".join(name_of(entity, dossier) if entity else unnamed for entity in claimants(claim))


def entry_card(item: tuple[str, Any]) -> Fields:
    """Return a registry entry in full: a topic's question, unit and scopes, or every key of the entry's YAML."""
    kind, entry = item
    if kind == "topics":
        return topic_card(entry)
    return {key: show(value) for key, value in entry.data.items() if key not in ("id", "name")}


def topic_card(topic: Topic) -> Fields:
    """Return what a new topic asks and allows: question, kind, unit or categories, scopes, description."""
    card = {"question": topic.question, "kind": topic.kind}
    if topic.kind == TopicKind.CATEGORICAL:
        card |= {"categories": labels(topic.categories), "exclusive": show(topic.exclusive)}
    else:
        card["unit"] = topic.unit or MISSING
    card["scopes"] = labels(topic.scopes)
    if topic.description:
        card["description"] = topic.description
    return card


def labels(entries: dict[str, Labelled]) -> str:
    """List labelled values as `id: label`, in their order."""
    return "; ".join(f"{key}: {entry.label}" for key, entry in entries.items()) or MISSING
