"""Stage 4: render every page of the dossier to Markdown through the Jinja templates."""

from __future__ import annotations

import html
import json
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .analyse import Analysis, Mention
from .markup import encode_url, format_number, inline_escape, md_escape
from .model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Paragraph, Quote
from .reference import render_reference, render_schemas

TEMPLATES = Path(__file__).parent / "templates"
SECTIONS = {
    "articles": "artikel",
    "people": "personen",
    "organisations": "organisationen",
    "places": "orte",
    "topics": "themen",
}
SECTION_INDEXES = {f"{folder}/index.md" for folder in SECTIONS.values()}
KIND_LABELS = {
    "contradiction": "Widerspruch",
    "change": "Wandel über die Zeit",
    "scope": "Unterschiedlicher Bezug",
    "agreement": "Übereinstimmung",
}
KIND_TITLES = {"people": "Personen", "organisations": "Organisationen", "places": "Orte"}
ENTITY_KIND_LABELS = {
    "government": "Regierung/Behörde",
    "military": "Militär",
    "intelligence": "Nachrichtendienst",
    "state-media": "Staatsmedium",
    "media": "Medium",
    "international": "Internationale Organisation",
    "group": "Gruppe",
    "country": "Staat",
    "region": "Region",
    "city": "Stadt",
    "site": "Ort",
}
LANGUAGES = {
    "de": "Deutsch",
    "en": "Englisch",
    "fr": "Französisch",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "ko": "Koreanisch",
}
PRECISION = {"day": "tagesgenau", "month": "monatsgenau", "year": "jahresgenau"}
BASIS = {"stated": "im Text angegeben", "inferred": "erschlossen"}


def front_matter(title: str) -> str:
    """Return YAML front matter: the page title, HTML-escaped, and no navigation sidebar.

    MkDocs and Material put the page title into <title> and the header without escaping it (and
    `striptags` even unescapes a title taken from the H1), so the title is given here, escaped.
    The navigation is in the header tabs; the sidebar would only narrow the wide tables.
    """
    return f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\nhide:\n  - navigation\n---\n\n"


def page_path(kind: str, item_id: str) -> str:
    """Return the dossier-relative path of an item's page."""
    return f"{SECTIONS[kind]}/{item_id}.md"


@dataclass
class PageContext:
    """Link helpers for one page; records every page it links to (for backlinks)."""

    path: str
    dossier: Dossier
    links: set[str] = field(default_factory=set)

    def href(self, target: str, anchor: str | None = None) -> str:
        """Return the relative link from this page to `target`, recording it for backlinks."""
        if target == self.path:
            return f"#{anchor}" if anchor else posixpath.basename(target)
        self.links.add(target)
        relative = posixpath.relpath(target, posixpath.dirname(self.path) or ".")
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, target: str, text: object, anchor: str | None = None) -> Markup:
        """Return a Markdown link with escaped text."""
        return Markup(f"[{md_escape(text)}]({self.href(target, anchor)})")

    def entity(self, entity_id: str, anchor: str | None = None) -> Markup:
        """Link to an entity's page, named by its name."""
        entity = self.dossier.entity(entity_id)
        return self.link(page_path(entity.kind, entity_id), entity.name, anchor)

    def article(self, article_id: str, anchor: str | None = None, text: object = None) -> Markup:
        """Link to an article's page (or an anchor in it)."""
        return self.link(page_path("articles", article_id), text or self.dossier.articles[article_id].title, anchor)

    def topic(self, topic_id: str, anchor: str | None = None, text: object = None) -> Markup:
        """Link to a topic's page (or an anchor in it)."""
        return self.link(page_path("topics", topic_id), text or self.dossier.topics[topic_id].title, anchor)

    def claimant(self, claim: Claim) -> Markup:
        """Link the claimant, or say in the text's own words that nobody is named."""
        if claim.claimant:
            return self.entity(claim.claimant)
        if claim.attribution:
            return Markup(f"nicht benannt („{md_escape(claim.attribution)}“)")
        return Markup("nicht benannt")

    def passage(self, item: Claim | Quote, text: object) -> Markup:
        """Link to the paragraph of the article where a quote or claim stands."""
        anchor = f"c-{item.id}" if isinstance(item, Claim) else f"q-{item.id}"
        return self.article(item.article, anchor, text or f"¶ {item.spans[0].paragraph}")

    def excerpt(self, item: Claim | Quote) -> Markup:
        """Quote a passage and link it to its paragraph."""
        text = item.excerpt if isinstance(item, Claim) else item.text
        return Markup(f"„{md_escape(text)}“ ({self.passage(item, None)})")

    def source(self, claim: Claim) -> Markup:
        """Quote a claim's excerpt and link it to its paragraph, naming the article."""
        title = self.dossier.articles[claim.article].title
        link = self.passage(claim, f"{title}, ¶ {claim.spans[0].paragraph}")
        return Markup(f"„{md_escape(claim.excerpt)}“ – {link}")


def value_text(claim: Claim, dossier: Dossier) -> str:
    """Return a claim's value as a reader sees it, without the qualifier."""
    topic = dossier.topics[claim.topic]
    if claim.category is not None:
        return topic.categories[claim.category].label
    text = format_number(claim.value)
    bounds = [b for b in (claim.lower, claim.upper) if b is not None and b != claim.value]
    if bounds:
        low = format_number(claim.lower) if claim.lower is not None else "…"
        high = format_number(claim.upper) if claim.upper is not None else "…"
        text += f" ({low}–{high})"
    return text


def dating_text(dating: Dating, inherited: bool = False) -> str:
    """Format a date for a table cell, saying whether it is inherited or inferred."""
    text = dating.german()
    if inherited:
        return f"{text} (Artikeldatum)"
    return text + (" (erschlossen)" if dating.basis == "inferred" else "")


def make_environment() -> Environment:
    """Return the Jinja environment of all templates: strict, and escaping every value it prints."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Renderer:
    """Renders all pages of a dossier with one Jinja environment."""

    def __init__(self, dossier: Dossier, analysis: Analysis) -> None:
        self.dossier = dossier
        self.analysis = analysis
        self.env = make_environment()
        self.env.filters.update(
            num=format_number, url=encode_url, date=dating_text, value=lambda c: value_text(c, dossier)
        )
        self.env.globals.update(
            d=dossier,
            a=analysis,
            KIND_LABELS=KIND_LABELS,
            PRECISION=PRECISION,
            BASIS=BASIS,
            KIND_TITLES=KIND_TITLES,
            LANGUAGES=LANGUAGES,
            ENTITY_KIND_LABELS=ENTITY_KIND_LABELS,
            render_paragraph=self.render_paragraph,
        )
        self.contexts: dict[str, PageContext] = {}

    def render_all(self) -> dict[str, str]:
        """Return {dossier-relative path: Markdown} for every page, backlinks included."""
        bodies: dict[str, tuple[str, str]] = {}
        for path, template, title, params in self.page_list():
            context = PageContext(path, self.dossier)
            self.contexts[path] = context
            body = self.env.get_template(template).render(page=context, **params)
            bodies[path] = (title, body)
        backlinks = self.backlinks(bodies)
        titles = {p: t for p, (t, _) in bodies.items()}
        pages = {}
        for path, (title, body) in bodies.items():
            if backlinks.get(path):
                extra = self.env.get_template("backlinks.md.j2").render(
                    page=self.contexts[path], sources=backlinks[path], titles=titles
                )
                body = body.rstrip("\n") + "\n" + extra
            pages[path] = front_matter(title) + body
        for name, text in self.dossier.pages.items():
            pages[name] = text
        pages["referenz.md"] = render_reference()
        pages["assets/dossier.css"] = (TEMPLATES / "dossier.css").read_text(encoding="utf-8")
        pages.update({f"schemas/{name}": text for name, text in render_schemas().items()})
        return dict(sorted(pages.items()))

    def page_list(self) -> list[tuple[str, str, str, dict[str, Any]]]:
        """List (path, template, title, parameters) of every generated page."""
        d = self.dossier
        pages: list[tuple[str, str, str, dict[str, Any]]] = [
            ("index.md", "home.md.j2", d.title, {}),
            ("zeitleiste.md", "timeline.md.j2", "Zeitleiste", {}),
            ("artikel/index.md", "articles_index.md.j2", "Artikel", {}),
            ("themen/index.md", "topics_index.md.j2", "Themen", {}),
        ]
        for kind in ENTITY_KINDS:
            pages.append((f"{SECTIONS[kind]}/index.md", "entities_index.md.j2", KIND_TITLES[kind], {"kind": kind}))
            for entity in d.entities[kind].values():
                pages.append(
                    (
                        page_path(kind, entity.id),
                        "entity.md.j2",
                        entity.name,
                        {"entity": entity, "mentions": self.analysis.mentions_of(entity.id)},
                    )
                )
        for article in d.articles.values():
            pages.append((page_path("articles", article.id), "article.md.j2", article.title, {"article": article}))
        for topic_id, result in self.analysis.topics.items():
            pages.append(
                (
                    page_path("topics", topic_id),
                    "topic.md.j2",
                    d.topics[topic_id].title,
                    {"topic": d.topics[topic_id], "result": result},
                )
            )
        return pages

    def backlinks(self, bodies: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
        """Map each page to the pages (other than section indexes) that link to it."""
        incoming: dict[str, set[str]] = defaultdict(set)
        for source, context in self.contexts.items():
            if source in SECTION_INDEXES:
                continue
            for target in context.links:
                if target != source:
                    incoming[target].add(source)
        return {target: sorted(sources) for target, sources in incoming.items() if target in bodies}

    def render_paragraph(self, page: PageContext, article: Article, paragraph: Paragraph) -> Markup:
        """Render one paragraph with its quotes and claims highlighted and first mentions linked."""
        return render_paragraph(
            page,
            article,
            paragraph,
            self.analysis.mentions_in(article.id, paragraph.number),
        )


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css: str
    anchor: str | None
    marker: Markup | None


def collect_highlights(page: PageContext, article: Article, number_: int) -> list[Highlight]:
    """Collect the quote and claim spans of one paragraph with their anchors and links."""
    found: list[Highlight] = []
    for quote in article.quotes:
        for i, span in enumerate(quote.spans):
            if span.paragraph == number_:
                last = i == len(quote.spans) - 1
                marker = Markup(f"<sup>{page.entity(quote.speaker)}</sup>") if last else None
                found.append(Highlight(span.start, span.end, "dq-quote", f"q-{quote.id}" if i == 0 else None, marker))
    for claim in article.claims:
        for span in claim.spans:
            if span.paragraph == number_:
                marker = Markup(f"<sup>{page.topic(claim.topic, claim.topic_anchor)}</sup>")
                found.append(Highlight(span.start, span.end, "dq-claim", f"c-{claim.id}", marker))
    return found


def render_paragraph(page: PageContext, article: Article, paragraph: Paragraph, mentions: list[Mention]) -> Markup:
    """Render a paragraph's text with <mark> runs for highlights and links for first mentions."""
    text = paragraph.text
    marks = collect_highlights(page, article, paragraph.number)
    cuts = {0, len(text)} | {h.start for h in marks} | {h.end for h in marks}
    links = {m.start: m for m in select_first_mentions(mentions, cuts)}
    cuts |= set(links) | {m.end for m in links.values()}
    out: list[str] = []
    open_css = ""
    for start, end in pairwise(sorted(cuts)):
        css = " ".join(sorted({h.css for h in marks if h.start <= start and end <= h.end}))
        boundary = [str(h.marker) for h in marks if h.end == start and h.marker]
        boundary += [f'<span id="{h.anchor}"></span>' for h in marks if h.start == start and h.anchor]
        if open_css and (css != open_css or boundary):
            out.append("</mark>")
            open_css = ""
        out += boundary
        if css and not open_css:
            out.append(f'<mark class="{css}">')
            open_css = css
        mention = links.get(start)
        segment = text[start:end]
        out.append(
            str(page.link(page_path(mention.entity.kind, mention.entity.id), segment))
            if mention
            else inline_escape(segment)
        )
    if open_css:
        out.append("</mark>")
    out += [str(h.marker) for h in marks if h.end == len(text) and h.marker]
    return Markup("".join(out))


def select_first_mentions(mentions: list[Mention], cuts: set[int]) -> list[Mention]:
    """Keep the first mention of each entity that does not cross a highlight boundary."""
    chosen: list[Mention] = []
    seen: set[str] = set()
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        crosses = any(mention.start < cut < mention.end for cut in cuts)
        overlaps = any(mention.start < other.end and other.start < mention.end for other in chosen)
        if mention.entity.id in seen or crosses or overlaps:
            continue
        seen.add(mention.entity.id)
        chosen.append(mention)
    return chosen
