"""The sub-pages of long pages: which lists move off a page, where their parts live, and the specs to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from generator.analysis.compare import Analysis, TopicAnalysis
from generator.analysis.mentions import Mention
from generator.content.model import Claim, Dossier, Entity
from generator.site.charts import Mark
from generator.site.links import PageContext
from generator.site.paging import CLAIMS_SHOWN, LIST_LIMIT, SHOWN, Part, by_period, newest, numbered, periods
from generator.site.paths import SECTIONS, page_path

PageSpec = tuple[str, str, str, dict[str, Any]]  # path, template, title, template parameters ("parent": main page)
TimelineRow = tuple[Any, str, Any]  # dating, kind ("event", "article", "claim"), item: `Analysis.timeline`
ENTITY_LISTS = {  # an entity page's lists that may move: section id, heading, the noun a count takes
    "aussagen": ("Aussagen", "Aussagen"),
    "widersprueche": ("Widersprüche", "Einträgen"),
    "angaben": ("Angaben zu diesem Ort", "Angaben"),
    "erwaehnungen": ("Erwähnungen", "Erwähnungen"),
}


@dataclass
class SitePage(PageContext):
    """A page's link helpers, with links to a claim's row sent to the topic sub-page that holds it."""

    claim_rows: dict[str, str] = field(default_factory=dict)  # `Claim.topic_anchor` → sub-page (large topics)

    def topic(self, topic_id: str, anchor: str | None = None, text: object = None) -> Markup:
        """Link to a topic's page, or to the sub-page holding the claim row `anchor` names."""
        holder = self.claim_rows.get(anchor) if anchor else None
        if holder is None:
            return super().topic(topic_id, anchor, text)
        return self.link(holder, text or self.dossier.topics[topic_id].title, anchor)


@dataclass(frozen=True)
class Moved:
    """A list that moved off its page: the newest entries the page keeps, and the parts that hold all of it."""

    shown: list[Any] = field(hash=False)
    parts: list[Part] = field(hash=False)
    total: int
    noun: str


@dataclass(frozen=True)
class TopicPaging:
    """Where a large topic's lists live: the claims its page keeps, all claims in parts, and two more sub-pages."""

    claims: list[Claim] = field(hash=False)  # the newest CLAIMS_SHOWN, newest first
    parts: list[Part] = field(hash=False)  # all claims, oldest first
    sources: str  # "Herkunft der Werte" and the latest claim of every source
    pairs: str  # the listed pairs of every kind


def claim_order(analysis: Analysis, claim: Claim) -> tuple[Any, ...]:
    """Order claims by their as-of date, then by their article's date and id: oldest first."""
    return (claim.as_of.start, claim.as_of.end, analysis.dossier.articles[claim.article].published.start, claim.id)


def article_specs(analysis: Analysis) -> list[PageSpec]:
    """Return the articles' index, and above LIST_LIMIT articles its short form and a page per year or month."""
    articles = analysis.articles_by_date()
    base: dict[str, Any] = {"parts": [], "part": None, "periods": []}
    if len(articles) <= LIST_LIMIT:
        return [("artikel/index.md", "articles_index.md.j2", "Artikel", {**base, "rows": articles})]
    parts = by_period(articles, lambda a: a.published.start, "artikel/jahre")
    found = periods(parts, lambda a: a.published.start)
    index = {**base, "rows": articles[:SHOWN], "periods": found}
    specs = [("artikel/index.md", "articles_index.md.j2", "Artikel", index)]
    for part in parts:
        params = {**base, "rows": part.items, "parts": parts, "part": part, "parent": "artikel/index.md"}
        specs.append((part.path, "articles_index.md.j2", f"Artikel: {part.label}", params))
    return specs


def timeline_specs(analysis: Analysis) -> list[PageSpec]:
    """Return the timeline, and above LIST_LIMIT entries its key events with a page per year or month."""
    rows = analysis.timeline()
    base: dict[str, Any] = {"parts": [], "part": None, "periods": []}
    if len(rows) <= LIST_LIMIT:
        return [("zeitleiste.md", "timeline.md.j2", "Zeitleiste", {**base, "rows": rows})]
    parts = by_period(rows, lambda row: row[0].start, "zeitleiste")
    events = [row for row in rows if row[1] == "event"]
    found = periods(parts, lambda row: row[0].start)
    specs = [("zeitleiste.md", "timeline.md.j2", "Zeitleiste", {**base, "rows": events, "periods": found})]
    for part in parts:
        params = {**base, "rows": part.items, "parts": parts, "part": part, "parent": "zeitleiste.md"}
        specs.append((part.path, "timeline.md.j2", f"Zeitleiste: {part.label}", params))
    return specs


def topic_specs(analysis: Analysis, topic_id: str, result: TopicAnalysis) -> tuple[list[PageSpec], dict[str, str]]:
    """Return a topic's page and, above LIST_LIMIT claims or listed pairs, its sub-pages; and {row anchor: its page}."""
    path, topic = page_path("topics", topic_id), result.topic
    if len(result.claims) <= LIST_LIMIT and sum(len(rows) for rows in result.listed.values()) <= LIST_LIMIT:
        return [(path, "topic.md.j2", topic.title, {"topic": topic, "result": result, "paged": None})], {}
    folder = f"{SECTIONS['topics']}/{topic_id}"
    ordered = sorted(result.claims, key=lambda c: claim_order(analysis, c))
    parts = numbered(ordered, f"{folder}/angaben")
    shown = newest(result.claims, lambda c: claim_order(analysis, c)[:3], CLAIMS_SHOWN)
    paged = TopicPaging(shown, parts, f"{folder}/urheber.md", f"{folder}/unterschiede.md")
    common = {"topic": topic, "result": result, "paged": paged, "parent": path}
    specs = [(path, "topic.md.j2", topic.title, {"topic": topic, "result": result, "paged": paged})]
    for part in parts:
        label = f" ({part.label})" if len(parts) > 1 else ""
        specs.append((part.path, "topic_part.md.j2", f"{topic.title}: Alle Angaben{label}", {**common, "part": part}))
    specs.append((paged.sources, "topic_part.md.j2", f"{topic.title}: Herkunft der Werte", {**common, "part": None}))
    specs.append((paged.pairs, "topic_part.md.j2", f"{topic.title}: Unterschiede", {**common, "part": None}))
    return specs, {claim.topic_anchor: part.path for part in parts for claim in part.items}


def entity_lists(analysis: Analysis, entity: Entity) -> dict[str, list[Any]]:
    """Return an entity page's long lists by section id, oldest first."""
    dossier = analysis.dossier

    def mention_order(m: Mention) -> tuple[Any, ...]:
        return (dossier.articles[m.article].published.start, m.article, m.paragraph, m.start)

    found: dict[str, list[Any]] = {}
    if entity.kind == "places":
        found["angaben"] = sorted(analysis.claims_about_place(entity.id), key=lambda c: claim_order(analysis, c))
    elif statements := analysis.statements_of(entity.id):
        found["aussagen"] = statements
        found["widersprueche"] = analysis.shifts_of(entity.id)
    found["erwaehnungen"] = sorted(analysis.mentions_of(entity.id), key=mention_order)
    return found


def entity_specs(analysis: Analysis, entity: Entity) -> list[PageSpec]:
    """Return an entity's page and, for each list of more than LIST_LIMIT entries, the sub-pages holding all of it."""
    path = page_path(entity.kind, entity.id)
    moved = {}
    for section, items in entity_lists(analysis, entity).items():
        if len(items) > LIST_LIMIT:
            parts = numbered(items, f"{SECTIONS[entity.kind]}/{entity.id}/{section}")
            moved[section] = Moved(items[-SHOWN:], parts, len(items), ENTITY_LISTS[section][1])
    mentions = analysis.mentions_of(entity.id)
    specs = [(path, "entity.md.j2", entity.name, {"entity": entity, "mentions": mentions, "moved": moved})]
    for section, move in moved.items():
        for part in move.parts:
            label = f" ({part.label})" if len(move.parts) > 1 else ""
            params = {"entity": entity, "section": section, "part": part, "move": move, "parent": path}
            specs.append((part.path, "entity_part.md.j2", f"{entity.name}: {ENTITY_LISTS[section][0]}{label}", params))
    return specs


def timeline_lanes(dossier: Dossier, rows: list[TimelineRow] | None) -> list[tuple[str, list[Mark]]]:
    """Return the timeline chart's lanes: key events, publications, separately dated claims (of `rows` if given)."""
    keep = {id(item) for _, _, item in rows} if rows is not None else None
    events = [e for e in dossier.events if keep is None or id(e) in keep]
    articles = [a for a in dossier.articles.values() if keep is None or id(a) in keep]
    claims = [
        c
        for a in dossier.articles.values()
        for c in a.claims
        if not c.as_of_inherited and (keep is None or id(c) in keep)
    ]
    lanes = [
        ("Ereignisse", [Mark(e.date.start, e.date.end, f"{e.title} ({e.date.german()})", True) for e in events]),
        ("Artikel", [Mark(a.published.start, a.published.end, f"Artikel: {a.title}") for a in articles]),
        ("Angaben", [claim_mark(dossier, c) for c in claims]),
    ]
    return [(name, marks) for name, marks in lanes if marks]


def claim_mark(dossier: Dossier, claim: Claim) -> Mark:
    """Place a separately dated claim on the timeline."""
    label = f"{dossier.topics[claim.topic].title}: {claim.excerpt}"
    return Mark(claim.as_of.start, claim.as_of.end, label)
