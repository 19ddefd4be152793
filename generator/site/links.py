"""Links from one page: relative paths, Markdown links with safe tooltips, and a page's link helpers."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup

from generator.analysis.provenance import describe_source
from generator.content.model import Claim, Dossier, Quote
from generator.content.vocabulary import SourceKind
from generator.site.escape import inline_escape, md_escape
from generator.site.jsonld import Href
from generator.site.labels import (
    SOURCE_KIND_LABELS,
    UNNAMED_SOURCES,
    entity_kind_label,
    german_list,
    source_label,
    unnamed_claimant,
)
from generator.site.paths import page_path, url_from

TITLE_UNSAFE = re.compile(r"[^\w\s.,;'’/–-]")  # tooltips keep words and plain punctuation only


def url_maker(page: str) -> Href:
    """Return a (kind, id, anchor) → URL function for links in raw HTML and JSON-LD on a page."""
    return lambda kind, item_id, anchor: url_from(page, page_path(kind, item_id), anchor)


@lru_cache(maxsize=1 << 17)
def relative_path(target: str, start: str) -> str:
    """Return posixpath.relpath(target, start) for dossier-relative paths without `..`, remembered.

    Both are paths inside the dossier (`start` a folder or "."), so the common folders are found
    by splitting; posixpath.relpath would make both absolute first, through the working directory.
    """
    source = [] if start == "." else start.split("/")
    parts = target.split("/")
    common = 0
    while common < len(source) and common < len(parts) - 1 and source[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + parts[common:])


@lru_cache(maxsize=1 << 16)
def tooltip_text(text: str) -> str:
    """Reduce a text for a tooltip or label to words and plain punctuation, on one line (remembered)."""
    return " ".join(TITLE_UNSAFE.sub("", text).split())


@lru_cache(maxsize=1 << 16)
def link_markup(folder: str, target: str, anchor: str | None, text: str, is_markup: bool, title: str = "") -> Markup:
    """Return a link from a page in `folder`, remembered: many pages of a folder link to the same target.

    A title becomes the link's tooltip, reduced to words and plain punctuation: nothing in it can
    end the title or look like markup, even if content markup got past validation.
    """
    shown = Markup(text) if is_markup else md_escape(text)
    tooltip = f' "{tooltip_text(title)}"' if title else ""
    return Markup(f"[{shown}]({relative_path(target, folder)}{'#' + anchor if anchor else ''}{tooltip})")


@dataclass
class PageContext:
    """Link helpers for one page; records every page it links to (for backlinks)."""

    path: str
    dossier: Dossier
    links: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)  # entities already linked in the article text
    table_linked: set[str] | None = None  # entities linked in the table being rendered; None outside tables

    def __post_init__(self) -> None:
        self.folder = posixpath.dirname(self.path) or "."

    def href(self, target: str, anchor: str | None = None) -> str:
        """Return the relative link from this page to `target`, recording it for backlinks."""
        if target == self.path:
            return f"#{anchor}" if anchor else posixpath.basename(target)
        self.links.add(target)
        return relative_path(target, self.folder) + (f"#{anchor}" if anchor else "")

    def link(self, target: str, text: object, anchor: str | None = None) -> Markup:
        """Return a Markdown link with escaped text."""
        if target == self.path or text is None:
            return Markup(f"[{md_escape(text)}]({self.href(target, anchor)})")
        self.links.add(target)
        return link_markup(self.folder, target, anchor, str(text), isinstance(text, Markup))

    def mention(self, entity_id: str, text: str) -> Markup:
        """Name an entity in an article's text: a link the first time on this page, then text with the same tooltip.

        Readers who tab through a text meet each name once; a repeated name keeps its tooltip
        through a `title` on a plain span.
        """
        if entity_id not in self.mentioned:
            self.mentioned.add(entity_id)
            return self.entity(entity_id, text=text)
        return self.named_again(entity_id, inline_escape(text))

    def named_again(self, entity_id: str, shown: str) -> Markup:
        """Name an entity already linked nearby: its escaped name with the link's tooltip on a plain span."""
        entity = self.dossier.entity(entity_id)
        tooltip = tooltip_text(entity.role or entity_kind_label(entity))
        return Markup(f'<span title="{html.escape(tooltip)}">{shown}</span>' if tooltip else shown)

    def table(self, css: str) -> Markup:
        """Open a table's wrapper; until `end_table`, each entity is linked in the first row that names it.

        Readers who tab through a table meet each name once, and every link is Markdown the
        engine has to process: a long table naming the same few people would repeat them all.
        """
        self.table_linked = set()
        return Markup(f'<div class="dq-table {css}" markdown>')

    def end_table(self) -> Markup:
        """Close a table's wrapper opened by `table`."""
        self.table_linked = None
        return Markup("</div>")

    def entity(self, entity_id: str, anchor: str | None = None, text: str | None = None) -> Markup:
        """Link to an entity's page (named by its name unless `text` is given), its role or kind as tooltip."""
        entity = self.dossier.entity(entity_id)
        target = page_path(entity.kind, entity_id)
        if target == self.path:
            return self.link(target, text or entity.name, anchor)
        if self.table_linked is not None and anchor is None:
            if entity_id in self.table_linked:
                return self.named_again(entity_id, md_escape(text or entity.name))
            self.table_linked.add(entity_id)
        self.links.add(target)
        tooltip = entity.role or entity_kind_label(entity)
        return link_markup(self.folder, target, anchor, text or entity.name, False, tooltip)

    def article(self, article_id: str, anchor: str | None = None, text: object = None) -> Markup:
        """Link to an article's page (or an anchor in it)."""
        return self.link(page_path("articles", article_id), text or self.dossier.articles[article_id].title, anchor)

    def topic(self, topic_id: str, anchor: str | None = None, text: object = None) -> Markup:
        """Link to a topic's page (or an anchor in it)."""
        return self.link(page_path("topics", topic_id), text or self.dossier.topics[topic_id].title, anchor)

    def claimant(self, claim: Claim) -> Markup:
        """Link every claimant, or say in the text's own words that nobody is named."""
        return Markup(german_list([self.named(key, claim.attribution) for key in claim.claimants]))

    def party(self, key: str) -> Markup:
        """Name one side of a dispute: its sources joined by "+" (`analysis.classify.party`), "" for the unnamed."""
        return Markup(german_list([str(self.entity(k)) if k else UNNAMED_SOURCES for k in key.split("+")]))

    def named(self, key: str | None, attribution: str | None) -> str:
        """Link a person or organisation, or say in the text's own words that nobody is named."""
        return str(self.entity(key)) if key else unnamed_claimant(attribution, md_escape)

    def origin(self, claim: Claim) -> Markup:
        """Name a claim's sources with their kinds: each claimant, whom it speaks for, and any report it relays."""
        text = german_list([self.counted(key, claim) for key in claim.claimants])
        if claim.cites:
            text += f", gestützt auf {self.entity(claim.cites)}"
            counts_as = self.dossier.entity(claim.cites).counts_as
            text += f" für {self.entity(counts_as)}" if counts_as and counts_as != claim.cites else ""
            text += f" („{md_escape(claim.citing)}“)" if claim.citing else ""
        elif claim.citing:
            text += f", gestützt auf „{md_escape(claim.citing)}“"
        return Markup(text)

    def counted(self, key: str | None, claim: Claim) -> str:
        """Name one claimant with whom it speaks for and the kind of source it counts as."""
        counts_as = (self.dossier.entity(key).counts_as or key) if key else ""
        source = describe_source(self.dossier, counts_as, claim.claimant_kind)
        text = self.named(key, claim.attribution)
        if key and counts_as != key:
            text += f" für {self.entity(counts_as)}"
        if source.kind or source.key:  # an unnamed claim without a kind is already "nicht benannt"
            label = SOURCE_KIND_LABELS[source.kind] if not source.key and source.kind else source_label(source)
            text += f" ({md_escape(label)})"
        return text

    def speaker(self, quote: Quote) -> Markup:
        """Link a quote's speaker, or name an unnamed one in the text's words with its kind."""
        if quote.speaker:
            return self.entity(quote.speaker)
        kind = SourceKind.of(quote.speaker_kind)
        label = f" ({md_escape(SOURCE_KIND_LABELS[kind])})" if kind else ""
        return Markup(unnamed_claimant(quote.attribution, md_escape) + label)

    def speaker_name(self, quote: Quote) -> str:
        """Name a quote's speaker as plain text: the registry's name, or the text's words."""
        return self.dossier.entity(quote.speaker).name if quote.speaker else unnamed_claimant(quote.attribution)

    def passage(self, item: Claim | Quote, text: object) -> Markup:
        """Link to the paragraph of the article where a quote or claim stands.

        A link shown only as "¶ 4" or "Beleg" is named for assistive technology by where it goes
        ("Beleg: <Artikel>, ¶ 4"), in an `aria-label` that keeps the words shown.
        """
        anchor = f"c-{item.id}" if isinstance(item, Claim) else f"q-{item.id}"
        paragraph = f"¶ {item.spans[0].paragraph}"
        link = self.article(item.article, anchor, text or paragraph)
        if text not in (None, "Beleg"):
            return link
        if page_path("articles", item.article) == self.path:
            name = f"{paragraph} dieses Artikels"
        else:  # the title reduced like a tooltip: nothing in it can end the attribute or the attribute list
            name = f"{tooltip_text(self.dossier.articles[item.article].title)}, {paragraph}"
        return Markup(f'{link}{{ aria-label="Beleg: {name}" }}')

    def excerpt(self, item: Claim | Quote) -> Markup:
        """Quote a passage and link it to its paragraph."""
        text = item.excerpt if isinstance(item, Claim) else item.text
        return Markup(f"„{md_escape(text)}“ ({self.passage(item, None)})")

    def source(self, claim: Claim) -> Markup:
        """Quote a claim's excerpt and link it to its paragraph, naming the article."""
        title = self.dossier.articles[claim.article].title
        link = self.passage(claim, f"{title}, ¶ {claim.spans[0].paragraph}")
        return Markup(f"„{md_escape(claim.excerpt)}“ – {link}")
