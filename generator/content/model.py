"""Stage 2: turn schema-checked documents into typed objects and check every reference."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.content.load import ArticleSource, Content, Document, Where
from generator.content.names import lookalike_problems
from generator.content.pages import page_problems
from generator.content.validate import did_you_mean
from generator.problems import Problem

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
DATELINE = re.compile(r"^(Veröffentlicht|Aktualisiert|Stand)\s*:\s*\S.*$")
FINAL_PUNCTUATION = tuple('.!?:;…"“”»«)')
HEADING_MAX_CHARS = 120
ENTITY_KINDS = ("people", "organisations", "places")
RESERVED_PAGES = {"index.md", "zeitleiste.md", "referenz.md", "wer-sagt-was.md", "quellenlage.md"}
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
        if self.precision == "year":
            return str(self.start.year)
        month = f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return month if self.precision == "month" else f"{self.start.day}. {month}"

    def overlaps(self, other: Dating) -> bool:
        """Tell whether the two periods share a day."""
        return self.start <= other.end and other.start <= self.end


@dataclass
class Entity:
    """A person, organisation or place from a registry."""

    kind: str
    id: str
    name: str
    aliases: list[str]
    data: dict[str, Any]

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    def get(self, key: str) -> Any:
        return self.data.get(key)


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
    speaker: str
    role: str
    parts: list[str]
    topic: str | None
    note: str | None
    spans: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " … ".join(self.parts)


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
    source: str = ""  # the independent source: the claimant, or the organisation it speaks for; "" if unnamed
    spans: list[Span] = field(default_factory=list)

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
        """Return the person, organisation or place with this id."""
        for table in self.entities.values():
            if entity_id in table:
                return table[entity_id]
        raise KeyError(entity_id)


def build_model(content: Content, today: date) -> tuple[Dossier, list[Problem]]:
    """Build the model, reporting every broken reference, bad date and inconsistent claim."""
    problems: list[Problem] = []
    entities = {kind: build_entities(content.registries[kind], kind, problems) for kind in ENTITY_KINDS}
    check_shared_ids(content, entities, problems)
    problems += lookalike_problems(registry_names(content))
    topics = build_topics(content.registries["topics"], problems)
    refs = Refs({**entities, "topics": topics}, problems)
    check_registry_refs(content, refs)
    check_pages(content, problems)
    dossier_data = content.dossier.data or {}
    for i, topic_id in enumerate(dossier_data.get("key_topics", [])):
        refs.check(content.dossier, ("key_topics", i), topic_id, ("topics",))
    for i, place_id in enumerate(dossier_data.get("parties", [])):
        refs.check(content.dossier, ("parties", i), place_id, ("places",))
    articles = [build_article(source, refs, today) for source in content.articles]
    dossier = Dossier(
        title=dossier_data.get("title", ""),
        summary=dossier_data.get("summary", ""),
        key_topics=list(dossier_data.get("key_topics", [])),
        entities=entities,
        topics=topics,
        articles={a.id: a for a in sorted(filter(None, articles), key=lambda a: a.id)},
        pages=content.pages,
        parties=list(dossier_data.get("parties", [])),
    )
    resolve_sources(dossier)
    dossier.events = build_events(content.dossier, dossier_data.get("events", []), dossier, today, problems)
    return dossier, problems


def build_events(
    doc: Document, items: list[dict[str, Any]], dossier: Dossier, today: date, problems: list[Problem]
) -> list[Event]:
    """Build the timeline's events, reporting duplicate ids and unknown articles."""
    events = []
    duplicates = report_duplicates(doc, ("events",), items, problems)
    for i, item in enumerate(items):
        where = ("events", i)
        if i in duplicates:
            continue
        if item["article"] not in dossier.articles:
            known = sorted(dossier.articles)
            message = f"unknown article '{item['article']}'{did_you_mean(item['article'], known)}"
            problems.append(doc.problem((*where, "article"), message))
            continue
        dating = build_dating(doc, (*where, "date"), item["date"], today, problems)
        if dating:
            events.append(Event(item["id"], dating, item["title"], item["article"], item["excerpt"], doc, i))
    return sorted(events, key=lambda e: (e.date.start, e.id))


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
        entity = Entity(kind, item["id"], item["name"], list(item.get("aliases", [])), item)
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


def check_pages(content: Content, problems: list[Problem]) -> None:
    """Refuse hand-written pages that would replace generated ones or leave the safe subset of Markdown."""
    for name in sorted(set(content.pages) & RESERVED_PAGES):
        problems.append(Problem(f"content/pages/{name}", 1, 1, f"'{name}' is a generated page; choose another name"))
    for name, text in sorted(content.pages.items()):
        problems += page_problems(name, text)


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


def build_dating(
    doc: Document, where: tuple[Any, ...], data: dict[str, Any], today: date, problems: list[Problem]
) -> Dating | None:
    """Build a date, reporting impossible and future dates and inferred dates without a reason."""
    text = data["date"]
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    month, day = [*parts[1:], None, None][:2]
    try:
        start = date(year, 1 if month is None else month, 1 if day is None else day)
        last_month = 12 if month is None else month
        end = date(year, last_month, calendar.monthrange(year, last_month)[1] if day is None else day)
    except ValueError:
        problems.append(doc.problem((*where, "date"), f"impossible date '{text}'"))
        return None
    if start > today:
        problems.append(doc.problem((*where, "date"), f"date '{text}' is in the future"))
    if data["basis"] == "inferred" and not data.get("reason"):
        problems.append(doc.problem(where, "an inferred date needs a 'reason' naming the evidence"))
    return Dating(text, data["basis"], data.get("reason"), start, end)


def build_article(source: ArticleSource, refs: Refs, today: date) -> Article | None:
    """Build one article, checking its references, dates, quotes and claims."""
    doc, data, problems = source.meta, source.meta.data, refs.problems
    if not isinstance(data, dict):
        return None
    published = build_dating(doc, ("published",), data["published"], today, problems)
    if published is None:
        return None
    mentions = data.get("mentions", {})
    for kind in ENTITY_KINDS:
        for i, ref in enumerate(mentions.get(kind, [])):
            refs.check(doc, ("mentions", kind, i), ref, (kind,))
    quotes = [build_quote(source, i, q, refs) for i, q in enumerate(data.get("quotes", []))]
    claims = [build_claim(source, i, c, published, refs, today) for i, c in enumerate(data.get("claims", []))]
    report_duplicates(doc, ("quotes",), data.get("quotes", []), problems)
    report_duplicates(doc, ("claims",), data.get("claims", []), problems)
    return Article(
        id=source.id,
        title=data["title"],
        source_file=data["source_file"],
        outlet=data["outlet"],
        url=data["url"],
        author=data["author"],
        language=data["language"],
        published=published,
        mentions={kind: list(mentions.get(kind, [])) for kind in ENTITY_KINDS},
        quotes=quotes,
        claims=[c for c in claims if c is not None],
        tags=list(data.get("tags", [])),
        notes=list(data.get("notes", [])),
        paragraphs=split_paragraphs(source.text),
        text_path=source.text_path,
        meta=doc,
    )


def build_quote(source: ArticleSource, index: int, data: dict[str, Any], refs: Refs) -> Quote:
    """Build one quote, checking its speaker and topic."""
    where = ("quotes", index)
    refs.check(source.meta, (*where, "speaker"), data["speaker"], ("people",))
    refs.check(source.meta, (*where, "topic"), data.get("topic"), ("topics",))
    parts = data["text"] if isinstance(data["text"], list) else [data["text"]]
    return Quote(data["id"], source.id, data["speaker"], data["role"], list(parts), data.get("topic"), data.get("note"))


def build_claim(
    source: ArticleSource, index: int, data: dict[str, Any], published: Dating, refs: Refs, today: date
) -> Claim | None:
    """Build one claim, checking its references, value, scope and date."""
    doc, where = source.meta, ("claims", index)
    refs.check(doc, (*where, "claimant"), data["claimant"], ("people", "organisations"))
    if data["claimant"] is not None and "claimant_kind" in data:
        message = (
            f"'claimant_kind' is only for claims without a named claimant; "
            f"the kind of '{data['claimant']}' comes from its registry entry"
        )
        refs.problems.append(doc.problem((*where, "claimant_kind"), message))
    if not refs.check(doc, (*where, "topic"), data["topic"], ("topics",)):
        return None
    topic: Topic = refs.known["topics"][data["topic"]]
    check_claim_value(doc, where, data, topic, refs.problems)
    as_of = build_dating(doc, (*where, "as_of"), data["as_of"], today, refs.problems) if "as_of" in data else published
    if as_of is None:
        return None
    return Claim(
        id=data["id"],
        article=source.id,
        topic=topic.id,
        value=data.get("value"),
        lower=data.get("lower"),
        upper=data.get("upper"),
        qualifier=data.get("qualifier"),
        category=data.get("category"),
        as_of=as_of,
        as_of_inherited="as_of" not in data,
        scope=data["scope"],
        claimant=data["claimant"],
        attribution=data.get("attribution"),
        excerpt=data["excerpt"],
        note=data.get("note"),
        claimant_kind=data.get("claimant_kind"),
        citing=data.get("citing"),
    )


def resolve_sources(dossier: Dossier) -> None:
    """Set each claim's independent source: a spokesperson's claims are their organisation's."""
    people = dossier.entities["people"]
    for article in dossier.articles.values():
        for claim in article.claims:
            person = people.get(claim.claimant or "")
            speaks_for = person.get("speaks_for") if person else None
            claim.source = speaks_for if speaks_for in dossier.entities["organisations"] else (claim.claimant or "")


def check_claim_value(
    doc: Document, where: tuple[Any, ...], data: dict[str, Any], topic: Topic, problems: list[Problem]
) -> None:
    """Check that a claim's value fits its topic's kind, categories, scopes and bounds."""
    if topic.kind == "numeric":
        problems.extend(numeric_problems(doc, where, data, topic))
    else:
        problems.extend(categorical_problems(doc, where, data, topic))
    if data["scope"] not in topic.scopes:
        problems.append(doc.problem((*where, "scope"), unknown_choice("scope", data["scope"], topic, topic.scopes)))


def numeric_problems(doc: Document, where: tuple[Any, ...], data: dict[str, Any], topic: Topic) -> list[Problem]:
    """Report what a claim on a numeric topic gets wrong."""
    found = []
    if "value" not in data:
        found.append(doc.problem(where, f"missing key 'value': topic '{topic.id}' is numeric"))
    if "category" in data:
        message = f"topic '{topic.id}' is numeric; use 'value', not 'category'"
        found.append(doc.problem((*where, "category"), message, key=True))
    value, lower, upper = data.get("value"), data.get("lower"), data.get("upper")
    if lower is not None and upper is not None and lower > upper:
        found.append(doc.problem((*where, "lower"), f"lower bound {lower:g} is above upper bound {upper:g}"))
    if value is not None and ((lower is not None and value < lower) or (upper is not None and value > upper)):
        found.append(doc.problem((*where, "value"), f"value {value:g} lies outside its bounds"))
    return found


def categorical_problems(doc: Document, where: tuple[Any, ...], data: dict[str, Any], topic: Topic) -> list[Problem]:
    """Report what a claim on a categorical topic gets wrong."""
    found = []
    for key in ("value", "lower", "upper"):
        if key in data:
            message = f"topic '{topic.id}' is categorical; use 'category', not '{key}'"
            found.append(doc.problem((*where, key), message, key=True))
    category = data.get("category")
    if category is None:
        found.append(doc.problem(where, f"missing key 'category': topic '{topic.id}' is categorical"))
    elif category not in topic.categories:
        found.append(doc.problem((*where, "category"), unknown_choice("category", category, topic, topic.categories)))
    return found


def unknown_choice(what: str, value: str, topic: Topic, choices: dict[str, Labelled]) -> str:
    """Explain a category or scope the topic does not declare."""
    hint = did_you_mean(value, set(choices))
    return f"unknown {what} '{value}' of topic '{topic.id}'{hint}; expected one of: {', '.join(choices)}"


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
