"""The typed model of a dossier: registries, topics, articles with their paragraphs, quotes and claims, events.

Built and checked by `build.py` (stage 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from generator.content.load import Document
from generator.language.dates import german_date

DATELINE = re.compile(r"^(Veröffentlicht|Aktualisiert|Stand)\s*:\s*\S.*$")
FINAL_PUNCTUATION = tuple('.!?:;…"“”»«)')
HEADING_MAX_CHARS = 120
ENTITY_KINDS = ("people", "organisations", "places")
KIND_NAMES = {"people": "person", "organisations": "organisation", "places": "place", "topics": "claim topic"}


@dataclass(frozen=True)
class Dating:
    """A date with the precision it is known to and how it is known."""

    text: str
    basis: str
    reason: str | None
    start: date
    end: date

    @property
    def precision(self) -> str:
        """Return "year", "month" or "day", from how much of the date is written."""
        return {4: "year", 7: "month"}.get(len(self.text), "day")

    def german(self) -> str:
        """Format the date the German way, at its precision."""
        return german_date(self.start, self.precision)

    def overlaps(self, other: Dating) -> bool:
        """Tell whether the two periods share a day."""
        return self.start <= other.end and other.start <= self.end


@dataclass
class Entity:
    """A person, organisation or place from a registry."""

    kind: str  # people, organisations or places: the registry
    id: str
    name: str
    aliases: list[str]
    data: dict[str, Any]  # the registry entry as written, for the data export
    role: str | None = None
    description: str | None = None
    country: str | None = None  # a place id
    speaks_for: str | None = None  # an organisation id (people and organisations)
    counts_as: str = ""  # the independent source its claims count as: the end of its speaks_for chain, or itself
    category: str | None = None  # the entry's own `kind`: a source kind, or a place kind
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def of(cls, registry: str, item: dict[str, Any]) -> Entity:
        """Build an entity from a validated registry entry."""
        fields = ("role", "description", "country", "speaks_for", "lat", "lon")
        typed: dict[str, Any] = {name: item.get(name) for name in fields}
        return cls(
            registry, item["id"], item["name"], list(item.get("aliases", [])), item, category=item.get("kind"), **typed
        )

    @property
    def names(self) -> list[str]:
        """Return the name and the aliases."""
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class Labelled:
    id: str
    label: str
    place: str | None


@dataclass
class Topic:
    """A question on which sources make claims."""

    id: str
    title: str
    question: str
    kind: str
    unit: str | None
    categories: dict[str, Labelled]
    exclusive: bool
    scopes: dict[str, Labelled]
    description: str | None


@dataclass
class Span:
    """Where a passage stands in an article: paragraph number and character offsets."""

    paragraph: int
    start: int
    end: int


@dataclass
class Quote:
    id: str
    article: str
    speaker: str | None  # a person or organisation id; None when the text names nobody
    role: str | None
    parts: list[str]
    topic: str | None
    note: str | None
    spans: list[Span] = field(default_factory=list)
    speaker_kind: str | None = None  # what kind of source an unnamed speaker is
    attribution: str | None = None  # the words the text uses for the speaker

    @property
    def text(self) -> str:
        """Return the quote's parts joined as one text."""
        return " … ".join(self.parts)


@dataclass(frozen=True)
class Acknowledgement:
    """A finding of `dossier check` the curator keeps on purpose, with the reason."""

    check: str  # a content.vocabulary.Check value
    reason: str
    figure: str | None = None  # for figure-not-claimed: the figure it is about (None: every one)

    def __str__(self) -> str:
        about = f" ({self.figure})" if self.figure else ""
        return f"{self.check}{about}: {self.reason}"

    @classmethod
    def of(cls, items: list[dict[str, Any]]) -> list[Acknowledgement]:
        """Build the acknowledgements of a validated `acknowledge` list."""
        return [cls(item["check"], item["reason"], item.get("figure")) for item in items]


def acknowledgement(
    acknowledgements: list[Acknowledgement], check: str, figure: str | None = None
) -> Acknowledgement | None:
    """Return the acknowledgement of a finding of `check` (about `figure`, if any), or None."""
    for item in acknowledgements:
        if item.check == check and (item.figure is None or item.figure == figure):
            return item
    return None


@dataclass
class Claim:
    id: str
    article: str
    topic: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str | None
    category: str | None
    as_of: Dating
    as_of_inherited: bool
    scope: str
    claimant: str | None
    attribution: str | None
    excerpt: str
    note: str | None
    claimant_kind: str | None = None
    citing: str | None = None
    cites: str | None = None  # the registered source the claim relays (`KCNA zufolge`): it counts as that source's
    claimants: tuple[str | None, ...] = ()  # every claimant as written (None: unnamed); `claimant` is the first named
    source: str = ""  # the first of `sources`
    sources: tuple[str, ...] = ()  # the independent sources, after speaks_for and cites, distinct; "" if unnamed
    spans: list[Span] = field(default_factory=list)
    vague: str | None = None  # a vague quantity in the text's words ("mehrere tausend"), never a number
    acknowledge: list[Acknowledgement] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.claimants = self.claimants or (self.claimant,)

    @property
    def topic_anchor(self) -> str:
        """Anchor of the claim's row on its topic page (ids have single hyphens, so `--` is unambiguous)."""
        return f"c-{self.article}--{self.id}"


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    kind: str  # "text", "heading" or "dateline"

    @property
    def anchor(self) -> str:
        """Return the paragraph's anchor on its article page."""
        return f"p-{self.number}"


@dataclass
class Article:
    id: str
    title: str
    source_file: str
    outlet: str | None
    url: str | None
    author: str | None
    language: str
    published: Dating
    mentions: dict[str, list[str]]
    quotes: list[Quote]
    claims: list[Claim]
    tags: list[str]
    notes: list[str]
    paragraphs: list[Paragraph]
    text_path: str
    meta: Document = field(repr=False)
    acknowledge: list[Acknowledgement] = field(default_factory=list)


@dataclass
class Event:
    """A key event an article names, for the timeline."""

    id: str
    date: Dating
    title: str
    article: str
    excerpt: str
    meta: Document = field(repr=False)  # content/dossier.yaml, for messages
    index: int = 0  # position in its `events` list
    spans: list[Span] = field(default_factory=list)


@dataclass
class Dossier:
    """The whole model: registries, topics and articles, keyed by id."""

    title: str
    summary: str
    key_topics: list[str]
    entities: dict[str, dict[str, Entity]]
    topics: dict[str, Topic]
    articles: dict[str, Article]
    pages: dict[str, str]
    events: list[Event] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)  # place ids of the states party to the conflict

    def entity(self, entity_id: str) -> Entity:
        """Return the person, organisation or place with this id (ids are unique across the three kinds)."""
        found = self.entity_index.get(entity_id)
        if found is not None and self.entities.get(found.kind, {}).get(entity_id) is found:
            return found
        for table in self.entities.values():  # added since the index was made (tests build models by hand)
            if entity_id in table:
                return table[entity_id]
        raise KeyError(entity_id)

    @cached_property
    def entity_index(self) -> dict[str, Entity]:
        """Map every entity id to its entity: pages look up a hundred thousand names."""
        return {entity_id: entity for table in self.entities.values() for entity_id, entity in table.items()}


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split an article text into numbered paragraphs, headings and datelines (one per line)."""
    paragraphs: list[Paragraph] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if DATELINE.match(line):
            kind = "dateline"
        elif len(line) <= HEADING_MAX_CHARS and not line.endswith(FINAL_PUNCTUATION):
            kind = "heading"
        else:
            kind = "text"
        paragraphs.append(Paragraph(len(paragraphs) + 1, line, kind))
    return paragraphs
