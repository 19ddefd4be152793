"""An article's paragraph as Markdown: its quotes and claims highlighted, its people, organisations and places named."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

from generator.analysis.mentions import Mention
from generator.content.model import Article, Paragraph
from generator.site.escape import inline_escape
from generator.site.links import PageContext


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    css: str
    anchor: str | None
    marker: Markup | None
    speaker: str | None = None  # a quote's speaker: the marker links them, the quoted words do not


def collect_highlights(page: PageContext, article: Article, number_: int) -> list[Highlight]:
    """Collect the quote and claim spans of one paragraph with their anchors and links."""
    found: list[Highlight] = []
    for quote in article.quotes:
        for i, span in enumerate(quote.spans):
            if span.paragraph == number_:
                last = i == len(quote.spans) - 1
                marker = Markup(f"<sup>{page.entity(quote.speaker)}</sup>") if last and quote.speaker else None
                anchor = f"q-{quote.id}" if i == 0 else None
                found.append(Highlight(span.start, span.end, "dq-quote", anchor, marker, quote.speaker))
    for claim in article.claims:
        for span in claim.spans:
            if span.paragraph == number_:
                marker = Markup(f"<sup>{page.topic(claim.topic, claim.topic_anchor)}</sup>")
                found.append(Highlight(span.start, span.end, "dq-claim", f"c-{claim.id}", marker))
    return found


def render_paragraph(page: PageContext, article: Article, paragraph: Paragraph, mentions: list[Mention]) -> Markup:
    """Render a paragraph's text with <mark> runs for highlights and its entities named (`PageContext.mention`)."""
    text = paragraph.text
    marks = collect_highlights(page, article, paragraph.number)
    cuts = {0, len(text)} | {h.start for h in marks} | {h.end for h in marks}
    names = {m.start: m for m in select_mentions(mentions, cuts, marks)}
    cuts |= set(names) | {m.end for m in names.values()}
    out: list[str] = []
    open_css = ""
    for start, end in pairwise(sorted(cuts)):
        css, boundary = ("", []) if not marks else highlight_at(marks, start, end)
        if open_css and (css != open_css or boundary):
            out.append("</mark>")
            open_css = ""
        out += boundary
        if css and not open_css:
            out.append(f'<mark class="{css}">')
            open_css = css
        mention = names.get(start)
        segment = text[start:end]
        out.append(str(page.mention(mention.entity.id, segment)) if mention else inline_escape(segment))
    if open_css:
        out.append("</mark>")
    out += [str(h.marker) for h in marks if h.end == len(text) and h.marker]
    return Markup("".join(out))


def highlight_at(marks: list[Highlight], start: int, end: int) -> tuple[str, list[str]]:
    """Return the classes of the highlights covering a segment, and the markers and anchors at its start."""
    css = " ".join(sorted({h.css for h in marks if h.start <= start and end <= h.end}))
    boundary = [str(h.marker) for h in marks if h.end == start and h.marker]
    boundary += [f'<span id="{h.anchor}"></span>' for h in marks if h.start == start and h.anchor]
    return css, boundary


def select_mentions(mentions: list[Mention], cuts: set[int], marks: list[Highlight]) -> list[Mention]:
    """Keep the mentions that cross no highlight boundary, overlap no other and do not name a speaker in their quote.

    Of these, `PageContext.mention` links the first of each entity on the page; with the same
    entity twice in a paragraph only the first is kept (the rest stay plain text).
    """
    chosen: list[Mention] = []
    seen: set[str] = set()
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        crosses = any(mention.start < cut < mention.end for cut in cuts)
        overlaps = any(mention.start < other.end and other.start < mention.end for other in chosen)
        if mention.entity.id in seen or crosses or overlaps or is_in_own_quote(mention, marks):
            continue
        seen.add(mention.entity.id)
        chosen.append(mention)
    return chosen


def is_in_own_quote(mention: Mention, marks: list[Highlight]) -> bool:
    """Tell whether a mention names the speaker inside their own quote."""
    return any(h.speaker == mention.entity.id and h.start <= mention.start and mention.end <= h.end for h in marks)
