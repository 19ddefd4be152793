"""Density variants of the generated pages: transforms of their Markdown that `dossier bench --variants` builds.

They are measurements of what lighter pages would cost MkDocs, never product changes. Each
transform takes a page's path in dossier/ and its Markdown and returns the variant's Markdown:

- today: unchanged;
- repeat-links-as-text: a link to another page (a target not starting with '#') whose target,
  fragment included, was linked before on the same page becomes its plain text;
- repeat-links-per-table: the same, but "before" means in the same block: each table, paragraph
  and list (the text between two blank lines) starts afresh;
- link-free-tables-as-html: tables without a link to another page become raw HTML tables;
- all-tables-as-html-directory-urls-unportable: every table becomes raw HTML, page links written
  relative to the page's output folder with directory URLs (`../../personen/x/`). MkDocs needs
  that, Zensical resolves raw-HTML links against the source file, so the site breaks there;
- raw-html-flat-urls: with `use_directory_urls: false`, every table, every paragraph with a
  `{: #p-N .dq-... }` attribute list and every list becomes raw HTML, page links written as the
  relative `.md` path with `.md` turned into `.html`, which both engines resolve alike; every URL of
  the site changes.

Raw HTML keeps the cells' inline Markdown as HTML (links, `**strong**`, `*emphasis*`, code spans)
and escapes nothing else: the generator escaped the text already. Every pattern stops at its
closing character (possessive quantifiers), so each transform is linear in the page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.site.paths import url_from

# A link as the generator writes it: [text](target "title"){ attribute list }. Link text has no
# brackets (escaped as entities), tooltips have no quotes (reduced to words and punctuation).
LINK = re.compile(r'(?<!!)\[([^\[\]\n]*+)\]\(([^()\s]*+)(?: "([^"\n]*+)")?\)(?:\{([^{}\n]*+)\})?')
SEPARATOR = re.compile(r"\|(?: *+:?-++:? *+\|)++ *+")  # a table's second line, e.g. | --- | ---: |
ATTRIBUTE = re.compile(r'#([\w-]++)|\.([\w-]++)|([\w-]++)="([^"]*+)"')
PARAGRAPH_ATTRIBUTES = re.compile(r"\{: (#p-\d++ \.dq-[^{}\n]*+)\}")  # the last line of an article's paragraph
STRONG = re.compile(r"\*\*([^*\n]++)\*\*")
EMPHASIS = re.compile(r"\*([^*\n]++)\*")
EXTERNAL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*+:|/")  # a scheme or a path from the root: left as it is
ALIGN = {(True, False): "left", (False, True): "right", (True, True): "center"}

Transform = Callable[[str, str], str]  # (page path in dossier/, Markdown) -> the variant's Markdown
Href = Callable[[str], str]  # a Markdown link's target -> the href of its <a> in raw HTML


@dataclass(frozen=True)
class Variant:
    """One density variant: its transform and how its site differs."""

    name: str
    transform: Transform
    flat_urls: bool = False  # its mkdocs.yml adds `use_directory_urls: false`
    portable: bool = True  # MkDocs and Zensical build the same site from it
    note: str = ""


def split_front_matter(text: str) -> tuple[str, str]:
    """Split a page into its YAML front matter (with both `---` lines) and its body."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[: end + 5], text[end + 5 :]
    return "", text


def is_page_link(target: str) -> bool:
    """Tell whether a link's target is another page (or file), not a fragment of this page."""
    return not target.startswith("#")


def drop_repeated_links(text: str, seen: set[str]) -> str:
    """Write each link to a target already in `seen` as its text; add the other targets to `seen`."""

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if not is_page_link(target):
            return match.group()
        if target in seen:
            return match.group(1)
        seen.add(target)
        return match.group()

    return LINK.sub(replace, text)


def unchanged(page: str, text: str) -> str:
    """Return the page as it is."""
    return text


def repeat_links_as_text(page: str, text: str) -> str:
    """Keep the first link of a page to each target; write the later ones as their text."""
    front, body = split_front_matter(text)
    return front + drop_repeated_links(body, set())


def repeat_links_per_table(page: str, text: str) -> str:
    """Keep the first link of each table, paragraph and list to each target; write the later ones as text."""
    front, body = split_front_matter(text)
    return front + "\n\n".join(drop_repeated_links(block, set()) for block in body.split("\n\n"))


def attributes_html(attribute_list: str) -> str:
    """Return an attribute list (`#id .class key="value"`) as HTML attributes, each after a space."""
    ids, classes, pairs = [], [], []
    for match in ATTRIBUTE.finditer(attribute_list):
        ident, name, key, value = match.groups()
        if ident:
            ids.append(ident)
        elif name:
            classes.append(name)
        else:
            pairs.append(f'{key}="{value}"')
    found = [f'id="{ids[-1]}"'] if ids else []
    found += [f'class="{" ".join(classes)}"'] if classes else []
    return "".join(f" {attribute}" for attribute in found + pairs)


def markup_html(text: str, href: Href) -> str:
    """Return inline Markdown without code spans as HTML: links, then strong, then emphasis."""

    def link(match: re.Match[str]) -> str:
        shown, target, title, attribute_list = match.groups()
        tooltip = f' title="{title}"' if title else ""
        return f'<a href="{href(target)}"{tooltip}{attributes_html(attribute_list or "")}>{shown}</a>'

    return EMPHASIS.sub(r"<em>\1</em>", STRONG.sub(r"<strong>\1</strong>", LINK.sub(link, text)))


def inline_html(text: str, href: Href) -> str:
    """Return a piece of inline Markdown as HTML; a code span's text is escaped, as Markdown does."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick is shown as it is
        parts = [text]
    return "".join(
        f"<code>{html.escape(part, quote=False)}</code>" if index % 2 else markup_html(part, href)
        for index, part in enumerate(parts)
    )


def cells(row: str) -> list[str]:
    """Return the cells of a table row, stripped, without its outer pipes."""
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def cell_html(tag: str, cell: str, align: str | None, href: Href) -> str:
    """Return one table cell as HTML, with Python-Markdown's style for its alignment."""
    style = f' style="text-align: {align};"' if align else ""
    return f"<{tag}{style}>{inline_html(cell, href)}</{tag}>"


def table_html(lines: list[str], href: Href) -> str:
    """Return a Markdown table (header, separator, rows) as an HTML table, aligned as Python-Markdown aligns."""
    aligns = [ALIGN.get((cell.startswith(":"), cell.endswith(":"))) for cell in cells(lines[1])]

    def row(line: str, tag: str) -> str:
        found = cells(line)[: len(aligns)]
        found += [""] * (len(aligns) - len(found))
        return (
            "<tr>"
            + "".join(cell_html(tag, cell, align, href) for cell, align in zip(found, aligns, strict=True))
            + "</tr>"
        )

    body = ["<tbody>", *(row(line, "td") for line in lines[2:]), "</tbody>"] if len(lines) > 2 else []
    return "\n".join(["<table>", "<thead>", row(lines[0], "th"), "</thead>", *body, "</table>"])


def table_end(lines: list[str], start: int) -> int:
    """Return the index after the Markdown table that starts at `start`, or `start` if none starts there."""
    if not (lines[start].startswith("|") and start + 1 < len(lines) and SEPARATOR.fullmatch(lines[start + 1])):
        return start
    end = start + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return end


def replace_tables(body: str, convert: Callable[[list[str]], str | None]) -> str:
    """Replace each Markdown table of a page's body by what `convert` returns for its lines (None keeps it)."""
    lines, out, index = body.split("\n"), [], 0
    while index < len(lines):
        end = table_end(lines, index)
        if end == index:
            out.append(lines[index])
            index += 1
            continue
        converted = convert(lines[index:end])
        out += lines[index:end] if converted is None else [converted]
        index = end
    return "\n".join(out)


def table_rows(text: str) -> int:
    """Count the rows of a page's Markdown tables, header rows included, separators not."""
    lines, rows, index = text.split("\n"), 0, 0
    while index < len(lines):
        end = table_end(lines, index)
        rows += end - index - 1 if end > index else 0
        index = max(end, index + 1)
    return rows


def has_page_link(lines: list[str]) -> bool:
    """Tell whether any of the lines holds a Markdown link to another page."""
    return any(is_page_link(match.group(2)) for line in lines for match in LINK.finditer(line))


def fragment_only(target: str) -> str:
    """Return a target unchanged (for tables whose only links are fragments of the page)."""
    return target


def link_free_tables_as_html(page: str, text: str) -> str:
    """Write every table without a link to another page as raw HTML."""
    front, body = split_front_matter(text)
    return front + replace_tables(
        body, lambda lines: None if has_page_link(lines) else table_html(lines, fragment_only)
    )


def directory_href(page: str) -> Href:
    """Return the href maker of a page's raw HTML for directory URLs: relative to its output folder."""

    def href(target: str) -> str:
        if not is_page_link(target) or EXTERNAL.match(target):
            return target
        path, _, anchor = target.partition("#")
        return url_from(page, posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), anchor or None)

    return href


def flat_href(target: str) -> str:
    """Return the href of a link in raw HTML for flat URLs: the relative path with `.md` turned into `.html`."""
    if not is_page_link(target) or EXTERNAL.match(target):
        return target
    path, mark, anchor = target.partition("#")
    return (path.removesuffix(".md") + ".html" if path.endswith(".md") else path) + mark + anchor


def all_tables_as_html_directory_urls(page: str, text: str) -> str:
    """Write every table as raw HTML, page links relative to the page's output folder (directory URLs)."""
    front, body = split_front_matter(text)
    href = directory_href(page)
    return front + replace_tables(body, lambda lines: table_html(lines, href))


def block_html(block: str, href: Href) -> str:
    """Return a list, or a paragraph with a `{: #p-N .dq-... }` attribute list, as raw HTML; other blocks unchanged."""
    core = block.strip("\n")  # a page's last block ends with its final newline
    if not core:
        return block
    start = len(block) - len(block.lstrip("\n"))
    before, after, lines = block[:start], block[start + len(core) :], core.split("\n")
    if all(line.startswith("- ") for line in lines):
        items = [f"<li>{inline_html(line[2:], href)}</li>" for line in lines]
        return before + "\n".join(["<ul>", *items, "</ul>"]) + after
    match = PARAGRAPH_ATTRIBUTES.fullmatch(lines[-1])
    if match and len(lines) > 1 and not any(line.startswith(("#", "<", "|", "- ", "{:")) for line in lines[:-1]):
        text = "\n".join(lines[:-1])
        return f"{before}<p{attributes_html(match.group(1))}>{inline_html(text, href)}</p>{after}"
    return block


def raw_html_flat_urls(page: str, text: str) -> str:
    """Write every table, article paragraph and list as raw HTML with flat URLs (`x.html`)."""
    front, body = split_front_matter(text)
    body = replace_tables(body, lambda lines: table_html(lines, flat_href))
    return front + "\n\n".join(block_html(block, flat_href) for block in body.split("\n\n"))


def flat_urls_config(config: str) -> str:
    """Return a mkdocs.yml with `use_directory_urls: false` (replacing any setting of it)."""
    setting = re.compile(r"^use_directory_urls:.*$", re.M)
    if setting.search(config):
        return setting.sub("use_directory_urls: false", config)
    return config.rstrip("\n") + "\n\nuse_directory_urls: false\n"


def density(text: str) -> dict[str, int]:
    """Count a page's Markdown links ("]("), raw-HTML links, Markdown table rows and HTML table rows."""
    return {
        "links": text.count("]("),
        "html_links": text.count("<a href="),
        "table_rows": table_rows(text),
        "html_table_rows": text.count("<tr>"),
    }


VARIANTS = (
    Variant("today", unchanged, note="the generated pages as they are"),
    Variant("repeat-links-as-text", repeat_links_as_text, note="a page links each target once"),
    Variant("repeat-links-per-table", repeat_links_per_table, note="each table, paragraph, list links a target once"),
    Variant("link-free-tables-as-html", link_free_tables_as_html, note="tables without page links as raw HTML"),
    Variant(
        "all-tables-as-html-directory-urls-unportable",
        all_tables_as_html_directory_urls,
        portable=False,
        note="every table as raw HTML, links for directory URLs: breaks in Zensical",
    ),
    Variant(
        "raw-html-flat-urls",
        raw_html_flat_urls,
        flat_urls=True,
        note="tables, article paragraphs and lists as raw HTML; use_directory_urls: false changes every URL",
    ),
)
