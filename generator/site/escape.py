"""Escape content text for Markdown and HTML, and encode URLs."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup

# Characters with inline meaning in Markdown or in the enabled extensions; written as entities so
# that content text is always shown literally (and never becomes HTML, a link or an attribute).
INLINE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>&|~=^$#!"}
SPECIAL = re.compile("[" + re.escape("".join(INLINE)) + "]")
# Syntax that only counts at the start of a line (lists, quotes, definitions, ordered lists).
LINE_START = re.compile(r"^([>+\-:]|\d+(?=[.)](\s|$)))")
WHITESPACE = re.compile(r"\s+")


def md_escape(value: object) -> Markup:
    """Return `value` as one line of Markdown that renders exactly as the text.

    Line-start syntax (`- `, `> `, `1. `) is neutralised too, since a value may begin a line or a
    list item.
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        raise ValueError("None reached a template; handle missing values explicitly")
    return escape_text(str(value))


@lru_cache(maxsize=1 << 16)
def escape_text(text: str) -> Markup:
    """Escape a text for md_escape, remembered: names, labels, dates and numbers recur on many pages."""
    if not is_plain(text):
        text = inline_escape(WHITESPACE.sub(" ", text).strip())
    match = LINE_START.match(text)
    if match:
        cut = len(match.group(1)) if match.group(1)[0].isdigit() else 0
        text = text[:cut] + f"&#{ord(text[cut])};" + text[cut + 1 :]
    return Markup(text)


def is_plain(text: str) -> bool:
    """Tell whether a text needs neither white space folded nor characters escaped (most values).

    `isprintable` is false for every white space character except the plain space.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " " and not SPECIAL.search(text)


def inline_escape(text: str) -> str:
    """Escape a piece of a one-line text, keeping its surrounding spaces."""
    return SPECIAL.sub(lambda match: INLINE[match.group()], text)  # faster than str.translate on non-ASCII text


def encode_url(value: str) -> Markup:
    """Percent-encode a URL for a Markdown link destination."""
    return Markup(html.escape(quote(value, safe=":/?#@!$&'*+,;=%~.-_"), quote=True))
