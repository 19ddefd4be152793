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
from .markup import attr, inline_escape, md_escape, number, url
from .model import Article, Claim, Dating, Dossier, Paragraph, Quote
from .reference import render_reference

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
PRECISION = {"day": "tagesgenau", "month": "monatsgenau", "year": "jahresgenau"}
BASIS = {"stated": "im Text angegeben", "inferred": "erschlossen"}


def front_matter(title: str) -> str:
    """Return YAML front matter setting the page title, HTML-escaped.

    MkDocs and Material put the page title into <title> and the header without escaping it (and
    `striptags` even unescapes a title taken from the H1), so the title is given here, escaped.
    """
    return f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n---\n\n"


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
        if target == self.path:
            return f"#{anchor}" if anchor else posixpath.basename(target)
        self.links.add(target)
        relative = posixpath.relpath(target, posixpath.dirname(self.path) or ".")
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, target: str, text: object, anchor: str | None = None) -> Markup:
        return Markup(f"[{md_escape(text)}]({self.href(target, anchor)})")

    def entity(self, entity_id: str, anchor: str | None = None) -> Markup:
        entity = self.dossier.entity(entity_id)
        return self.link(page_path(entity.kind, entity_id), entity.name, anchor)

    def article(self, article_id: str, anchor: str | None = None, text: object = None) -> Markup:
        return self.link(page_path("articles", article_id), text or self.dossier.articles[article_id].title, anchor)

    def topic(self, topic_id: str, anchor: str | None = None, text: object = None) -> Markup:
        return self.link(page_path("topics", topic_id), text or self.dossier.topics[topic_id].title, anchor)

    def claimant(self, claim: Claim) -> Markup:
        """Link the claimant, or say in the text's own words that nobody is named."""
        if claim.claimant:
            return self.entity(claim.claimant)
        if claim.attribution:
            return Markup(f"nicht benannt („{md_escape(claim.attribution)}“)")
        return Markup("nicht benannt")

    def excerpt(self, claim_or_quote: Claim | Quote) -> Markup:
        """Link a passage to its paragraph in the article page."""
        kind = "c" if isinstance(claim_or_quote, Claim) else "q"
        text = claim_or_quote.excerpt if isinstance(claim_or_quote, Claim) else claim_or_quote.text
        paragraph = claim_or_quote.spans[0].paragraph if claim_or_quote.spans else 0
        quoted = Markup(f"„{md_escape(text)}“")
        anchor = f"{kind}-{claim_or_quote.id}"
        return Markup(f"{quoted} ({self.article(claim_or_quote.article, anchor, f'¶ {paragraph}')})")

    def source(self, claim: Claim) -> Markup:
        """Quote a claim's excerpt and link it to its paragraph, naming the article."""
        title = self.dossier.articles[claim.article].title
        paragraph = claim.spans[0].paragraph if claim.spans else 0
        link = self.article(claim.article, f"c-{claim.id}", f"{title}, ¶ {paragraph}")
        return Markup(f"„{md_escape(claim.excerpt)}“ – {link}")


def value_text(claim: Claim, dossier: Dossier) -> str:
    """Return a claim's value as a reader sees it, without the qualifier."""
    topic = dossier.topics[claim.topic]
    if claim.category is not None:
        return topic.categories[claim.category].label
    text = number(claim.value)
    bounds = [b for b in (claim.lower, claim.upper) if b is not None and b != claim.value]
    if bounds:
        low = number(claim.lower) if claim.lower is not None else "…"
        high = number(claim.upper) if claim.upper is not None else "…"
        text += f" ({low}–{high})"
    return text


def dating_text(dating: Dating, inherited: bool = False) -> str:
    text = dating.german()
    if inherited:
        return f"{text} (Artikeldatum)"
    return text + (" (erschlossen)" if dating.basis == "inferred" else "")


class Renderer:
    """Renders all pages of a dossier with one Jinja environment."""

    def __init__(self, dossier: Dossier, analysis: Analysis) -> None:
        self.dossier = dossier
        self.analysis = analysis
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            finalize=md_escape,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            num=number, attr=attr, url=url, date=dating_text, value=lambda c: value_text(c, dossier)
        )
        self.env.globals.update(
            d=dossier,
            a=analysis,
            KIND_LABELS=KIND_LABELS,
            PRECISION=PRECISION,
            BASIS=BASIS,
            SECTIONS=SECTIONS,
            page_path=page_path,
            quotes_by=self.quotes_by,
            claims_by=self.claims_by,
            claims_about_place=self.claims_about_place,
            render_paragraph=self.render_paragraph,
            articles_by_date=self.articles_by_date,
            timeline=self.timeline,
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
        for kind in ("people", "organisations", "places"):
            pages.append((f"{SECTIONS[kind]}/index.md", "entities_index.md.j2", INDEX_TITLES[kind], {"kind": kind}))
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

    def quotes_by(self, person_id: str) -> list[Quote]:
        return [q for a in self.dossier.articles.values() for q in a.quotes if q.speaker == person_id]

    def claims_by(self, entity_id: str) -> list[Claim]:
        return [c for a in self.dossier.articles.values() for c in a.claims if c.claimant == entity_id]

    def claims_about_place(self, place_id: str) -> list[Claim]:
        out = []
        for article in self.dossier.articles.values():
            for claim in article.claims:
                topic = self.dossier.topics[claim.topic]
                labels = [topic.scopes.get(claim.scope), topic.categories.get(claim.category or "")]
                if any(label is not None and label.place == place_id for label in labels):
                    out.append(claim)
        return out

    def articles_by_date(self) -> list[Article]:
        return sorted(self.dossier.articles.values(), key=lambda a: (a.published.start, a.id), reverse=True)

    def timeline(self) -> list[tuple[Any, str, Any]]:
        """Return (dating, kind, item) events: publications and dated claims, oldest first."""
        events: list[tuple[Any, str, Any]] = [(a.published, "article", a) for a in self.dossier.articles.values()]
        events += [
            (c.as_of, "claim", c) for a in self.dossier.articles.values() for c in a.claims if not c.as_of_inherited
        ]
        return sorted(events, key=lambda e: (e[0].start, e[0].end, e[1], e[2].id))

    def render_paragraph(self, page: PageContext, article: Article, paragraph: Paragraph) -> Markup:
        """Render one paragraph with its quotes and claims highlighted and first mentions linked."""
        return render_paragraph(
            page,
            article,
            paragraph,
            [m for m in self.analysis.mentions if m.article == article.id and m.paragraph == paragraph.number],
        )


INDEX_TITLES = {"people": "Personen", "organisations": "Organisationen", "places": "Orte"}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css: str
    anchor: str | None
    marker: Markup | None


def highlights_in(page: PageContext, article: Article, number_: int) -> list[Highlight]:
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
    marks = highlights_in(page, article, paragraph.number)
    cuts = {0, len(text)} | {h.start for h in marks} | {h.end for h in marks}
    links = {m.start: m for m in first_mentions(mentions, cuts)}
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


def first_mentions(mentions: list[Mention], cuts: set[int]) -> list[Mention]:
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
