"""Stage 2, the registries: people, organisations, places and topics as typed entries, and the ids referring to them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.content.load import Content, Document, Where
from generator.content.model import ENTITY_KINDS, KIND_NAMES, Entity, Labelled, Topic
from generator.content.validate import did_you_mean
from generator.problems import Problem


class Refs:
    """Checks ids against the registries and reports unknown ones with suggestions."""

    def __init__(self, known: dict[str, dict[str, Any]], problems: list[Problem]) -> None:
        self.known = known
        self.problems = problems

    def check(self, doc: Document, where: tuple[Any, ...], ref: str | None, kinds: tuple[str, ...]) -> bool:
        """Report `ref` unless it is null or the id of an entry of one of `kinds`."""
        if ref is None or any(ref in self.known[k] for k in kinds):
            return True
        what = " or ".join(KIND_NAMES[k] for k in kinds)
        self.problems.append(doc.problem(where, f"unknown {what} '{ref}'{self.suggest(ref, kinds)}"))
        return False

    def suggest(self, ref: str, kinds: tuple[str, ...]) -> str:
        """Suggest an id whose name contains the unknown id (`putin` → `wladimir-putin`), else the closest id."""
        words = ref.replace("-", " ")
        for kind in kinds:
            for entry_id, entry in self.known[kind].items():
                names = entry.names if isinstance(entry, Entity) else [entry.title]
                if ref in entry_id.split("-") or any(words in name.lower() for name in names):
                    return f" (did you mean '{entry_id}'?)"
        return did_you_mean(ref, {i for k in kinds for i in self.known[k]})


def report_duplicates(
    doc: Document, where: tuple[Any, ...], items: list[dict[str, Any]], problems: list[Problem]
) -> set[int]:
    """Report every list item whose id was used by an earlier item; return their indexes."""
    first: dict[str, int] = {}
    duplicates = set()
    for index, item in enumerate(items):
        if item["id"] in first:
            line = doc.at((*where, first[item["id"]], "id"))[0]
            problems.append(doc.problem((*where, index, "id"), f"duplicate id '{item['id']}' (first at line {line})"))
            duplicates.add(index)
        first.setdefault(item["id"], index)
    return duplicates


def build_entities(doc: Document, kind: str, problems: list[Problem]) -> dict[str, Entity]:
    """Build one registry, reporting duplicate ids and names shared by two entries."""
    items = doc.data or []
    skip = report_duplicates(doc, (), items, problems)
    table: dict[str, Entity] = {}
    owners: dict[str, str] = {}
    for index, item in enumerate(items):
        if index in skip:
            continue
        entity = Entity.of(kind, item)
        table[entity.id] = entity
        for position, name in enumerate(entity.names):
            if owners.setdefault(name, entity.id) != entity.id:
                where = (index, "name") if position == 0 else (index, "aliases", position - 1)
                message = f"name '{name}' is also used by '{owners[name]}'; mentions would be ambiguous"
                problems.append(doc.problem(where, message, warning=True))
    return dict(sorted(table.items()))


def registry_names(content: Content) -> Iterator[tuple[str, str, Where, Document]]:
    """Yield (id, name, where, document) for every name and alias of every registry entry."""
    for kind in ENTITY_KINDS:
        doc = content.registries[kind]
        for index, item in enumerate(doc.data or []):
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                yield item["id"], item["name"], (index, "name"), doc
                for position, alias in enumerate(item.get("aliases") or []):
                    yield item["id"], alias, (index, "aliases", position), doc


def check_shared_ids(content: Content, entities: dict[str, dict[str, Entity]], problems: list[Problem]) -> None:
    """Refuse an id used in two registries: claimants and links look ids up across all of them."""
    owner: dict[str, str] = {}
    for kind in ENTITY_KINDS:
        doc = content.registries[kind]
        for index, item in enumerate(doc.data or []):
            first = owner.setdefault(item["id"], kind)
            if first != kind:
                message = (
                    f"id '{item['id']}' is also used in content/{first}.yaml; ids must be unique across registries"
                )
                problems.append(doc.problem((index, "id"), message))


def check_registry_refs(content: Content, refs: Refs) -> None:
    """Check the ids that registry entries and topic values refer to, and refuse a kind beside speaks_for."""
    for kind in ENTITY_KINDS:
        doc = content.registries[kind]
        for index, item in enumerate(doc.data or []):
            refs.check(doc, (index, "country"), item.get("country"), ("places",))
            refs.check(doc, (index, "speaks_for"), item.get("speaks_for"), ("organisations",))
            if "kind" in item and "speaks_for" in item and kind == "people":
                message = "a person with 'speaks_for' counts as that organisation, whose kind applies; remove 'kind'"
                refs.problems.append(doc.problem((index, "kind"), message))
    doc = content.registries["topics"]
    for index, item in enumerate(doc.data or []):
        for key in ("categories", "scopes"):
            for position, value in enumerate(item.get(key, [])):
                refs.check(doc, (index, key, position, "place"), value.get("place"), ("places",))


def build_topics(doc: Document, problems: list[Problem]) -> dict[str, Topic]:
    """Build the claim topics, checking that each kind has what it needs."""
    items = doc.data or []
    skip = report_duplicates(doc, (), items, problems)
    topics: dict[str, Topic] = {}
    for index, item in enumerate(items):
        if index in skip:
            continue
        categories = build_labelled(doc, (index, "categories"), item.get("categories", []), problems)
        if item["kind"] == "categorical" and not categories:
            problems.append(doc.problem((index, "kind"), "a categorical topic needs 'categories'"))
        if item["kind"] == "numeric" and categories:
            problems.append(doc.problem((index, "categories"), "a numeric topic takes no 'categories'"))
        topics[item["id"]] = Topic(
            id=item["id"],
            title=item["title"],
            question=item["question"],
            kind=item["kind"],
            unit=item.get("unit"),
            categories=categories,
            exclusive=item.get("exclusive", True),
            scopes=build_labelled(doc, (index, "scopes"), item["scopes"], problems),
            description=item.get("description"),
        )
    return dict(sorted(topics.items()))


def build_labelled(
    doc: Document, where: tuple[Any, ...], items: list[dict[str, Any]], problems: list[Problem]
) -> dict[str, Labelled]:
    """Build a topic's categories or scopes, reporting duplicate ids."""
    skip = report_duplicates(doc, where, items, problems)
    return {
        item["id"]: Labelled(item["id"], item["label"], item.get("place"))
        for index, item in enumerate(items)
        if index not in skip
    }
