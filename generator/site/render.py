"""Stage 4: render every page of the dossier to Markdown through the Jinja templates."""

from __future__ import annotations

import gc
import html
import json
from collections import defaultdict
from collections.abc import Callable, Container, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from sys import intern
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.analysis.compare import Analysis, TopicAnalysis
from generator.analysis.provenance import Source, describe_source, rank_topics
from generator.content.model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Paragraph
from generator.content.reference import render_reference, render_schemas
from generator.content.vocabulary import EntityKind
from generator.language.numbers import format_number
from generator.language.spellings import search_spellings
from generator.parallel import fork_imap
from generator.site.charts import render_timeline, render_topic_chart
from generator.site.escape import encode_url, md_escape
from generator.site.export import render_exports
from generator.site.feeds import render_feeds
from generator.site.jsonld import article_jsonld, topic_jsonld
from generator.site.labels import (
    DISCREPANCY_LABELS,
    ENTITY_KIND_TITLES,
    FLAG_LABELS,
    SOURCE_KIND_EXPLANATIONS,
    SOURCE_KIND_LABELS,
    disputes_of,
    entity_kind_label,
    kind_counts,
    reason_text,
    source_label,
    unnamed_label,
)
from generator.site.links import PageContext, relative_path, url_maker
from generator.site.matrix import views, who_said_what
from generator.site.paging import LIMITS, top
from generator.site.paragraphs import render_paragraph
from generator.site.paths import SECTIONS, page_path
from generator.site.subpages import (
    PageSpec,
    SitePage,
    TimelineRow,
    article_specs,
    entity_specs,
    timeline_lanes,
    timeline_specs,
    topic_specs,
)
from generator.site.values import format_value, stated_numbers, vague_words
from generator.site.write import Files

TEMPLATES = Path(__file__).parent / "templates"
SECTION_INDEXES = {f"{folder}/index.md" for folder in SECTIONS.values()}
UNSEARCHED = SECTION_INDEXES | {"zeitleiste.md"}  # pages that only repeat what item pages say
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


def front_matter(title: str, searchable: bool = True) -> str:
    """Return YAML front matter: the page title, HTML-escaped, and no navigation sidebar.

    MkDocs and Material put the page title into <title> and the header without escaping it (and
    `striptags` even unescapes a title taken from the H1), so the title is given here, escaped.
    The navigation is in the header tabs; the sidebar would only narrow the wide tables.
    Pages that only list what other pages say (section indexes, the timeline) are left out of
    the search index, as are the long tables and lists of item pages (`data-search-exclude` on
    their headings): the index would otherwise hold every passage several times over.
    """
    title_line = f"title: {json.dumps(html.escape(title), ensure_ascii=False)}\n"
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\n{title_line}hide:\n  - navigation\n{search}---\n\n"


def counted(number: int, singular: str, plural: str) -> str:
    """Write a count the German way with the singular or plural noun: `1 Angabe`, `3.000 Angaben`."""
    return f"{format_number(number)} {singular if number == 1 else plural}"


def dating_text(dating: Dating, inherited: bool = False) -> str:
    """Format a date for a table cell, saying whether it is inherited or inferred."""
    text = dating.german()
    if inherited:
        return f"{text} (Artikeldatum)"
    return text + (" (erschlossen)" if dating.basis == "inferred" else "")


def make_environment(finalize: Callable[[Any], str] = md_escape) -> Environment:
    """Return the Jinja environment of all templates: strict, and escaping every value it prints."""
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=template_cache(),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_cache() -> BytecodeCache | None:
    """Return Jinja's cache of compiled templates, or None if it cannot have its private folder.

    Compiling the templates took a fifth of a second of every run, before any page could be
    rendered. Jinja keeps the compiled code in a folder of the temporary directory that only the
    user may use (it refuses any other), and compiles again whenever a template's text changed.
    """
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no writable temporary directory, or an unsafe one
        return None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Let Python's cyclic garbage collector run less often until the block ends (workers forked meanwhile too).

    Rendering makes millions of short-lived objects and few reference cycles; with the default
    thresholds a tenth of the render went to young collections that freed next to nothing.
    Cycles are still collected, only in larger batches.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(RENDER_COLLECTION_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def newest_first(latest: list[tuple[Source, Claim]]) -> list[tuple[Source, Claim]]:
    """Sort sources' latest claims by their as-of date, the newest first."""
    return sorted(latest, key=lambda item: (item[1].as_of.start, item[1].as_of.end), reverse=True)


class Renderer:
    """Renders all pages of a dossier with one Jinja environment."""

    def __init__(self, dossier: Dossier, analysis: Analysis) -> None:
        self.dossier = dossier
        self.analysis = analysis
        self.env = make_environment()
        self.env.filters.update(
            num=format_number,
            article_date=lambda article_id: dossier.articles[article_id].published,
            latest=lambda datings: max(datings, key=lambda dating: (dating.end, dating.start)),
            url=encode_url,
            date=dating_text,
            value=lambda value, topic=None: format_value(value, topic or dossier.topics[value.topic]),
            reason=lambda comparison: reason_text(comparison, dossier.topics[comparison.a.topic]),
            counted=counted,
            most=top,
            newest_first=newest_first,
        )
        self.env.globals.update(
            d=dossier,
            a=analysis,
            DISCREPANCY_LABELS=DISCREPANCY_LABELS,
            PRECISION=PRECISION,
            BASIS=BASIS,
            ENTITY_KIND_TITLES=ENTITY_KIND_TITLES,
            LANGUAGES=LANGUAGES,
            SOURCE_KIND_LABELS=SOURCE_KIND_LABELS,
            SOURCE_KIND_EXPLANATIONS=SOURCE_KIND_EXPLANATIONS,
            FLAG_LABELS=FLAG_LABELS,
            **LIMITS,
            source_of=lambda entity_id: describe_source(dossier, entity_id),
            source_label=source_label,
            entity_kind_label=entity_kind_label,
            search_spellings=search_spellings,  # entity pages' Schreibweisen line (site/search.py)
            kind_counts=kind_counts,
            disputes_of=disputes_of,
            stated_numbers=stated_numbers,
            vague_words=vague_words,
            unnamed_label=unnamed_label,
            ranked_topics=lambda: rank_topics(list(analysis.provenance.values())),
            render_paragraph=self.render_paragraph,
            topic_chart=self.topic_chart,
            timeline_chart=self.timeline_chart,
            article_jsonld=lambda page, article: Markup(article_jsonld(dossier, article, url_maker(page.path))),
            topic_jsonld=lambda page, topic, claims: Markup(topic_jsonld(dossier, topic, claims, url_maker(page.path))),
            file_url=lambda page, target: relative_path(target, page.folder),  # MkDocs resolves it
        )
        self.contexts: dict[str, PageContext] = {}
        self.parents: dict[str, str] = {}  # sub-page → the page it belongs to (for backlinks)
        self.claim_rows: dict[str, str] = {}  # a claim's row anchor → the topic sub-page holding it
        self.incoming: dict[str, list[str]] = {}  # page → the pages listed as its backlinks, by render_encoded

    def render_encoded(self) -> Files:
        """Render every file: UTF-8 by dossier-relative path, each page finished with its backlinks as it is read.

        Everything is rendered before this returns, so no rendering error comes after a file is
        written. The files are kept in `Files`, compressed once they are large: as they are, the
        pages of a large dossier would be the bulk of the generator's memory.
        """
        files, titles = Files(), {}
        with fewer_collections():
            for result in self.render_parts(self.page_list()):
                if isinstance(result, dict):
                    files.add(result)
                    continue
                path, titles[path], body, links = result
                self.contexts[path] = PageContext(path, self.dossier, {intern(t) for t in links})  # one copy each
                files.add({path: body})
        self.incoming = self.backlinks(titles)
        files.add({name: text.encode("utf-8") for name, text in self.dossier.pages.items()})
        files.add({"referenz.md": render_reference().encode("utf-8")})
        files.add({"assets/dossier.css": (TEMPLATES / "dossier.css").read_text(encoding="utf-8").encode("utf-8")})
        files.add({f"schemas/{name}": text.encode("utf-8") for name, text in render_schemas().items()})
        files.finish = partial(self.finish, titles)
        return files

    def finish(self, titles: dict[str, str], path: str, data: bytes) -> bytes:
        """Return a rendered page with its front matter and backlinks, and any other file as it is."""
        if path not in titles:
            return data
        return self.assemble(path, titles[path], data, self.incoming.get(path, []), titles)

    def assemble(self, path: str, title: str, body: bytes, sources: list[str], titles: dict[str, str]) -> bytes:
        """Return a rendered page with its front matter and, if other pages link to it, its backlinks."""
        if sources:
            extra = self.env.get_template("backlinks.md.j2").render(
                page=self.contexts[path], sources=sources, titles=titles
            )
            body = body.rstrip(b"\n") + b"\n" + extra.encode("utf-8")
        searchable = path not in UNSEARCHED and path not in self.parents  # sub-pages repeat their page's lists
        return front_matter(title, searchable).encode("utf-8") + body

    def render_parts(self, specs: list[PageSpec]) -> Iterator[dict[str, bytes] | tuple[str, str, bytes, set[str]]]:
        """Render the data files, then every page, one at a time; in forked workers for up to PARALLEL_ARTICLES.

        The data files come first: in one process they are built while only the model is in
        memory (they need a copy of it). Larger dossiers render in this process, because each
        worker ends up with its own copy of much of the model (at 10,000 articles 1.9 instead of
        1.0 GB). Then the pages of the slow templates, so that no worker is left with one of them
        while the other has nothing more to do.
        """
        for name in self.env.list_templates(extensions=["j2"]):
            self.env.get_template(name)  # compiled once, before forking
        pages = sorted(range(len(specs)), key=lambda index: specs[index][1] not in SLOW_TEMPLATES)
        parts: list[int | str] = ["exports", "feeds", *pages]
        parallel = len(self.dossier.articles) <= PARALLEL_ARTICLES
        return fork_imap(render_part, (self, specs), parts, parallel=parallel)

    def topic_chart(self, page: PageContext, result: TopicAnalysis) -> Markup:
        """Return the SVG chart of a numeric topic (raw HTML without links: the table below links the claims)."""
        return Markup(render_topic_chart(self.dossier, result.topic, result.claims) or "")

    def timeline_chart(self, page: PageContext, rows: list[TimelineRow] | None = None) -> Markup:
        """Return the SVG timeline: key events, publications and separately dated claims (of `rows` if given)."""
        return Markup(render_timeline(timeline_lanes(self.dossier, rows)) or "")

    def render_page(self, spec: PageSpec) -> tuple[str, str, bytes, set[str]]:
        path, template, title, params = spec
        context = SitePage(path, self.dossier, claim_rows=self.claim_rows)
        body = self.env.get_template(template).render(page=context, **params)
        return path, title, body.encode("utf-8"), context.links

    def page_list(self) -> list[PageSpec]:
        """List (path, template, title, parameters) of every generated page, sub-pages of long lists included.

        Records which page each sub-page belongs to, and on which topic sub-page each claim's row is.
        """
        d, a = self.dossier, self.analysis
        matrix = who_said_what(a)
        pages: list[PageSpec] = [("index.md", "home.md.j2", d.title, {}), *timeline_specs(a), *article_specs(a)]
        pages.append(("themen/index.md", "topics_index.md.j2", "Themen", {}))
        pieces = views(matrix, d.key_topics)
        for view in pieces:
            params = {"matrix": matrix, "view": view, "views": pieces}
            title = "Wer sagt was" + (f": Themen {view.group + 1}" if view.path != "wer-sagt-was.md" else "")
            title += f" ({view.label})" if view.path != "wer-sagt-was.md" and view.label else ""
            pages.append((view.path, "matrix.md.j2", title, params | {"parent": "wer-sagt-was.md", "heading": title}))
        pages.append(("quellenlage.md", "sources.md.j2", "Quellenlage", {}))
        for kind in ENTITY_KINDS:
            title = ENTITY_KIND_TITLES[EntityKind(kind)]
            pages.append((f"{SECTIONS[kind]}/index.md", "entities_index.md.j2", title, {"kind": kind}))
            for entity in d.entities[kind].values():
                pages += entity_specs(a, entity)
        for article in d.articles.values():
            pages.append((page_path("articles", article.id), "article.md.j2", article.title, {"article": article}))
        for topic_id, result in a.topics.items():
            specs, rows = topic_specs(a, topic_id, result)
            pages += specs
            self.claim_rows.update(rows)
        self.parents = {path: params["parent"] for path, _, _, params in pages if params.get("parent", path) != path}
        return pages

    def backlinks(self, pages: Container[str]) -> dict[str, list[str]]:
        """Map each page to the pages that link to it and that it does not link to itself.

        Section indexes are left out, and so are pages the target already links to: an article's
        page links to the people it mentions, and their pages link back to it in their list of
        mentions; listing such pages again under "Verweise" would double every page's links.
        A page and its sub-pages count as one: their links are joined, and only the page gets
        backlinks.
        """
        family: dict[str, set[str]] = defaultdict(set)
        for source, context in self.contexts.items():
            family[self.parents.get(source, source)].update(self.parents.get(t, t) for t in context.links)
        incoming: dict[str, set[str]] = defaultdict(set)
        for source, targets in family.items():
            if source in SECTION_INDEXES:
                continue
            for target in targets:
                if target != source and target in pages and source not in family[target]:
                    incoming[target].add(source)
        return {target: sorted(sources) for target, sources in incoming.items()}

    def render_paragraph(self, page: PageContext, article: Article, paragraph: Paragraph) -> Markup:
        """Render one paragraph with its quotes and claims highlighted and each entity linked at its first mention."""
        return render_paragraph(
            page,
            article,
            paragraph,
            self.analysis.mentions_in(article.id, paragraph.number),
        )


RENDER_COLLECTION_THRESHOLD = 50_000  # new objects between young collections while rendering (default 700)
# Templates whose pages take several milliseconds each (topic pages, their parts, the home page),
# against about one for an article's or an entity's page (1,000 articles).
SLOW_TEMPLATES = {
    "home.md.j2",
    "topics_index.md.j2",
    "topic.md.j2",
    "matrix.md.j2",
    "topic_part.md.j2",
    "entity_part.md.j2",
}
PARALLEL_ARTICLES = 3000  # up to this many articles, pages are rendered in forked workers


def render_part(
    rendering: tuple[Renderer, list[PageSpec]], part: int | str
) -> dict[str, bytes] | tuple[str, str, bytes, set[str]]:
    """Render the data files ("exports", "feeds") or the page with this index (workers get only this key)."""
    renderer, specs = rendering
    if part == "exports":
        return render_exports(renderer.analysis)
    if part == "feeds":
        return {path: text.encode("utf-8") for path, text in render_feeds(renderer.dossier).items()}
    return renderer.render_page(specs[int(part)])
