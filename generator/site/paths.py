"""Where pages live: the dossier's Markdown paths and the site's directory-style URLs."""

from __future__ import annotations

import re
from functools import lru_cache

ID_MAX_CHARS = 80
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

SECTIONS = {
    "articles": "artikel",
    "people": "personen",
    "organisations": "organisationen",
    "places": "orte",
    "topics": "themen",
}


def slugify(text: str) -> str:
    """Make an id: lowercase, ä→ae ö→oe ü→ue ß→ss, other runs of characters → one hyphen, at most 80 characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(GERMAN_LETTERS)).strip("-")
    return slug[:ID_MAX_CHARS].rstrip("-")


def page_path(kind: str, item_id: str) -> str:
    """Return the dossier-relative path of an item's page (one string per page: pages keep sets of links)."""
    return f"{SECTIONS[kind]}/{item_id}.md"


@lru_cache(maxsize=1 << 16)
def page_url(path: str) -> str:
    """Return the site URL (directory style) of a dossier page or file, relative to the site root."""
    if path == "index.md" or path.endswith("/index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/" if path.endswith(".md") else path


def url_from(page: str, target: str, anchor: str | None = None) -> str:
    """Return a link from a page's (or file's) URL to a target, for text MkDocs does not rewrite.

    The link climbs to the site root and descends again (`../../artikel/x/`): not always the
    shortest, but computed without `relpath`, which is slow for the tens of thousands of links
    in the charts and JSON-LD of a large dossier.
    """
    start, end = page_url(page), page_url(target)
    link = "./" if start == end else ("../" * start.count("/") + end) or "./"
    return link + (f"#{anchor}" if anchor else "")
