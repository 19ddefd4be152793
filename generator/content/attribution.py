"""Stage 2, who says what: quote speakers, claimants, cited sources, and the speaks_for chains behind them.

A person or organisation that speaks for an organisation counts as that organisation, following
the chain (a spokesperson of a state medium counts as the government it speaks for); the end of
the chain is the independent source (`Entity.counts_as`). A claim that relays a registered source
(`cites`) counts as that source's; a claim credited to several claimants counts each of them.
"""

from __future__ import annotations

from typing import Any

from generator.content.load import Content, Document
from generator.content.model import Claim, Dossier, Entity
from generator.content.registries import Refs
from generator.problems import Problem

SPEAKERS = ("people", "organisations")


def resolve_speaks_for(content: Content, entities: dict[str, dict[str, Entity]], problems: list[Problem]) -> None:
    """Set every person's and organisation's `counts_as`, reporting a speaks_for chain that runs in a circle."""
    organisations, doc = entities["organisations"], content.registries["organisations"]
    order: dict[str, int] = {item["id"]: index for index, item in enumerate(doc.data or [])}
    for kind in SPEAKERS:
        for entity in entities[kind].values():
            if entity.counts_as:
                continue
            path: list[Entity] = []
            seen: set[str] = set()
            node = entity
            while not node.counts_as and node.id not in seen:
                path.append(node)
                seen.add(node.id)
                following = organisations.get(node.speaks_for or "")
                if following is None:
                    node.counts_as = node.id
                    break
                node = following
            root = node.counts_as
            if not root:  # `node` is on the path: a circle
                start = next(i for i, member in enumerate(path) if member.id == node.id)
                report_circle(doc, order, path[start:], problems)
            for member in path:  # in a circle, each counts as itself: its error stops the build
                member.counts_as = member.counts_as or root or member.id


def report_circle(doc: Document, order: dict[str, int], circle: list[Entity], problems: list[Problem]) -> None:
    """Report a speaks_for circle once, at the member that comes first in content/organisations.yaml."""
    first = min(range(len(circle)), key=lambda i: order.get(circle[i].id, len(order)))
    members = [*circle[first:], *circle[:first]]
    chain = " → ".join(m.id for m in [*members, members[0]])
    message = f"'speaks_for' runs in a circle ({chain}); end the chain at an organisation that speaks for itself"
    problems.append(doc.problem((order.get(members[0].id, 0), "speaks_for"), message))


def check_speaker(doc: Document, where: tuple[Any, ...], data: dict[str, Any], refs: Refs) -> None:
    """Check a quote's speaker: a registered person or organisation, or null with its kind and the text's words."""
    speaker = data["speaker"]
    refs.check(doc, (*where, "speaker"), speaker, SPEAKERS)
    if speaker is None:
        for key, what in (("speaker_kind", "what kind of source it is"), ("attribution", "the text's words")):
            if key not in data:
                refs.problems.append(
                    doc.problem(where, f"missing key '{key}': a quote with 'speaker: null' needs {what}")
                )
        return
    if "speaker_kind" in data:
        message = (
            f"'speaker_kind' is only for quotes without a named speaker; "
            f"the kind of '{speaker}' comes from its registry entry"
        )
        refs.problems.append(doc.problem((*where, "speaker_kind"), message))
    if "role" not in data and speaker in refs.known["people"]:
        refs.problems.append(doc.problem(where, "missing key 'role': a quoted person needs their role at the time"))


def check_claimants(doc: Document, where: tuple[Any, ...], data: dict[str, Any], refs: Refs) -> tuple[str | None, ...]:
    """Check a claim's claimants and cited source; return the claimants as written (None for an unnamed one)."""
    written = data["claimant"]
    claimants: tuple[str | None, ...] = tuple(written) if isinstance(written, list) else (written,)
    for index, claimant in enumerate(claimants):
        place = (*where, "claimant", index) if isinstance(written, list) else (*where, "claimant")
        refs.check(doc, place, claimant, SPEAKERS)
    refs.check(doc, (*where, "cites"), data.get("cites"), SPEAKERS)
    if None not in claimants and "claimant_kind" in data:
        named = "', '".join(c for c in claimants if c)
        message = (
            f"'claimant_kind' is only for claims without a named claimant; "
            f"the kind of '{named}' comes from its registry entry"
        )
        refs.problems.append(doc.problem((*where, "claimant_kind"), message))
    return claimants


def resolve_sources(dossier: Dossier) -> None:
    """Set each claim's independent sources: whom it cites, else its claimants, each as the source it counts as."""
    for article in dossier.articles.values():
        for claim in article.claims:
            claim.sources = claim_sources(dossier, claim)
            claim.source = claim.sources[0] if claim.sources else ""


def claim_sources(dossier: Dossier, claim: Claim) -> tuple[str, ...]:
    """Return the distinct sources a claim counts for, in the order written; "" stands for unnamed ones."""
    relayed = (claim.cites,) if claim.cites else claim.claimants
    found: dict[str, None] = {}
    for key in relayed:
        entity = known_entity(dossier, key)
        found[entity.counts_as or entity.id if entity else ""] = None
    return tuple(found)


def known_entity(dossier: Dossier, key: str | None) -> Entity | None:
    """Return the person or organisation with this id, or None for an unnamed or unknown one."""
    if not key:
        return None
    return dossier.entities["people"].get(key) or dossier.entities["organisations"].get(key)
