"""The safe subset of Markdown for hand-written pages (`content/pages/*.md`).

These pages reach the site as Markdown, not as escaped text, so a pull request could put
executable HTML or a script link there. Allowed is Markdown without raw HTML: links and images
to pages of the site, `#fragments`, http(s) and mailto (images only to files of the site), and
attribute lists with `.classes` and `#ids` only. Code spans and fenced code blocks may hold
anything: they are shown literally. Every rule is a single pass over the text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from generator.problems import Problem

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
TICKS = re.compile(r"`+")
TAG = re.compile(r"<[/!?]?[A-Za-z]")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
LINK = re.compile(r"(!?)\[[^\]\n]*\]\([ \t]*<?([^)\s>]*)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*([^\s<>][^\s>]*)")  # <target> is an autolink
ATTRIBUTES = re.compile(r"\{:?([^{}\n]*)\}")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto"}
BROWSER_IGNORES = re.compile(r"[\x00-\x20\x7f]+")


def page_problems(name: str, text: str) -> list[Problem]:
    """Return a problem for every construct of a hand-written page outside the safe subset."""
    path = f"content/pages/{name}"
    return [Problem(path, line, col, message) for line, col, message in scan_page(text)]


def scan_page(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (line, column, message) for each unsafe construct, outside code."""
    fence = ""
    for number, line in enumerate(text.split("\n"), 1):
        if match := FENCE.match(line):
            marker = match.group(1)
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
            continue
        if not fence:
            for col, message in sorted(line_problems(blank_code_spans(line))):
                yield number, col, message


def line_problems(line: str) -> Iterator[tuple[int, str]]:
    """Yield (column, message) for raw HTML, unsafe links and attributes in one line of Markdown."""
    autolinks = {m.start(): m.group(1) for m in AUTOLINK.finditer(line)}
    for tag in TAG.finditer(line):
        if tag.start() not in autolinks:
            shown = line[tag.start() : tag.start() + 20]
            yield tag.start() + 1, f"raw HTML is not allowed in hand-written pages: '{shown}'; write Markdown"
    for start, target in autolinks.items():
        yield from link_problem(start, target, image=False)
    for link in LINK.finditer(line):
        yield from link_problem(link.start(2), link.group(2), image=bool(link.group(1)))
    if definition := DEFINITION.match(line):
        yield from link_problem(definition.start(1), definition.group(1), image=False)
    for attributes in ATTRIBUTES.finditer(line):
        if "=" in attributes.group(1):
            shown = attributes.group()[:40]
            yield attributes.start() + 1, f"attribute lists take only .classes and #ids, found '{shown}'"


def link_problem(start: int, target: str, image: bool) -> Iterator[tuple[int, str]]:
    """Yield a problem if a link or image target may run code or load from another site."""
    target = BROWSER_IGNORES.sub("", html.unescape(target))  # as a browser reads the attribute
    scheme = SCHEME.match(target)
    if "@" in target and not scheme and not image:
        return  # an e-mail autolink
    if scheme and (image or scheme.group(1).lower() not in SAFE_SCHEMES):
        allowed = "files of the site" if image else "pages of the site, http(s) or mailto"
        yield start + 1, f"{'image' if image else 'link'} to '{target[:40]}' is not allowed: only {allowed}"


def blank_code_spans(line: str) -> str:
    """Replace the inside of every code span by spaces, keeping columns (linear: runs are paired by length)."""
    runs = list(TICKS.finditer(line))
    following: dict[int, int] = {}
    partner = [0] * len(runs)
    for index in range(len(runs) - 1, -1, -1):
        length = len(runs[index].group())
        partner[index] = following.get(length, -1)
        following[length] = index
    chars, index = list(line), 0
    while index < len(runs):
        closing = partner[index]
        if closing < 0:
            index += 1
            continue
        for position in range(runs[index].end(), runs[closing].start()):
            chars[position] = " "
        index = closing + 1
    return "".join(chars)
