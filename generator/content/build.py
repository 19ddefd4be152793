"""Stage 2: turn schema-checked documents into the typed model (`model.py`) and check every reference.

Ids must name registry entries ("did you mean …"), dates must exist and lie in the past, and a
claim's value must fit its topic's kind, categories and scopes.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from generator.content.acknowledge import read_acknowledgements
from generator.content.attribution import check_claimants, check_speaker, resolve_sources, resolve_speaks_for
from generator.content.load import ArticleSource, Content, Document
from generator.content.model import (
    ENTITY_KINDS,
    Article,
    Claim,
    Dating,
    Dossier,
    Event,
    Labelled,
    Quote,
    Topic,
    split_paragraphs,
)
from generator.content.names import lookalike_problems
from generator.content.pages import page_problems
from generator.content.registries import (
    Refs,
    build_entities,
    build_topics,
    check_registry_refs,
    check_shared_ids,
    registry_names,
    report_duplicates,
)
from generator.content.validate import did_you_mean
from generator.problems import Problem

NUMERIC_KEYS = ("value", "lower", "upper", "vague")
RESERVED_PAGES = {"index.md", "zeitleiste.md", "referenz.md", "wer-sagt-was.md", "quellenlage.md"}


def build_model(content: Content, today: date) -> tuple[Dossier, list[Problem]]:
    """Build the model, reporting every broken reference, bad date and inconsistent claim."""
    problems: list[Problem] = []
    entities = {kind: build_entities(content.registries[kind], kind, problems) for kind in ENTITY_KINDS}
    check_shared_ids(content, entities, problems)
    problems += lookalike_problems(registry_names(content))
    topics = build_topics(content.registries["topics"], problems)
    refs = Refs({**entities, "topics": topics}, problems)
    check_registry_refs(content, refs)
    resolve_speaks_for(content, entities, problems)
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


def check_pages(content: Content, problems: list[Problem]) -> None:
    """Refuse hand-written pages that would replace generated ones or leave the safe subset of Markdown."""
    for name in sorted(set(content.pages) & RESERVED_PAGES):
        problems.append(Problem(f"content/pages/{name}", 1, 1, f"'{name}' is a generated page; choose another name"))
    for name, text in sorted(content.pages.items()):
        problems += page_problems(name, text)


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
        acknowledge=read_acknowledgements(doc, (), data.get("acknowledge", []), problems),
    )


def build_quote(source: ArticleSource, index: int, data: dict[str, Any], refs: Refs) -> Quote:
    """Build one quote, checking its speaker and topic."""
    where = ("quotes", index)
    check_speaker(source.meta, where, data, refs)
    refs.check(source.meta, (*where, "topic"), data.get("topic"), ("topics",))
    parts = data["text"] if isinstance(data["text"], list) else [data["text"]]
    return Quote(
        data["id"], source.id, data["speaker"], data.get("role"), list(parts), data.get("topic"), data.get("note"),
        speaker_kind=data.get("speaker_kind"), attribution=data.get("attribution"),
    )  # fmt: skip


def build_claim(
    source: ArticleSource, index: int, data: dict[str, Any], published: Dating, refs: Refs, today: date
) -> Claim | None:
    """Build one claim, checking its references, value, scope and date."""
    doc, where = source.meta, ("claims", index)
    claimants = check_claimants(doc, where, data, refs)
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
        claimant=next(filter(None, claimants), None),
        claimants=claimants,
        attribution=data.get("attribution"),
        excerpt=data["excerpt"],
        note=data.get("note"),
        claimant_kind=data.get("claimant_kind"),
        citing=data.get("citing"),
        vague=data.get("vague"),
        acknowledge=read_acknowledgements(doc, where, data.get("acknowledge", []), refs.problems),
        cites=data.get("cites"),
    )


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
    if not any(key in data for key in NUMERIC_KEYS):
        message = f"missing key 'value': topic '{topic.id}' is numeric (a range gives 'lower' and 'upper' instead)"
        found.append(doc.problem(where, message))
    if "category" in data:
        message = f"topic '{topic.id}' is numeric; use 'value', not 'category'"
        found.append(doc.problem((*where, "category"), message, key=True))
    if "vague" in data and "value" in data:
        message = "a vague quantity has no value: leave 'value' out (give 'lower'/'upper' only if the text states them)"
        found.append(doc.problem((*where, "value"), message, key=True))
    value, lower, upper = data.get("value"), data.get("lower"), data.get("upper")
    if lower is not None and upper is not None and lower > upper:
        found.append(doc.problem((*where, "lower"), f"lower bound {lower:g} is above upper bound {upper:g}"))
    if value is not None and ((lower is not None and value < lower) or (upper is not None and value > upper)):
        found.append(doc.problem((*where, "value"), f"value {value:g} lies outside its bounds"))
    return found


def categorical_problems(doc: Document, where: tuple[Any, ...], data: dict[str, Any], topic: Topic) -> list[Problem]:
    """Report what a claim on a categorical topic gets wrong."""
    found = []
    for key in NUMERIC_KEYS:
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
