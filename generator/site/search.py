"""Index the built site for search with Pagefind, as a step after the engine's build (MkDocs or Zensical).

Pagefind (the `pagefind_bin` package: a binary, nothing downloaded) reads the built HTML and writes a
static index into `pagefind/` in the site; the theme's search box (`site/theme/`) loads from it only
the parts a query needs, so what a reader downloads before the first result does not grow with the
dossier. German stemming comes from the pages' `<html lang="de">`.

What is left out: the page chrome (only the article element is read), table headers, charts (their
table is the text alternative), permalink and paragraph signs, and every section whose heading carries
`data-search-exclude` (the tables and lists that repeat what other pages say). Those sections are
wrapped here in `<div data-pagefind-ignore>`, because Pagefind ignores elements, not the run of
siblings that follows a heading; readers see no difference.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from generator.problems import DossierError

ROOT_SELECTOR = "article.md-content__inner"  # the page's content in Material's and Zensical's themes
EXCLUDED = ("thead", "figure.dq-figure", ".headerlink", ".dq-pilcrow", "script", "[data-search-exclude]")
BUNDLE = "pagefind"  # the index folder inside the site
SCRIPT = Path(__file__).parent / "templates" / "search.js"  # the search box; mkdocs.yml's extra_javascript
SCRIPT_PATH = "assets/search.js"
EXCLUDED_HEADING = re.compile(rb"<h([1-6])\b[^>]*\sdata-search-exclude\b[^>]*>")
HEADING = re.compile(rb"<h([1-6])\b")
CONTENT_END = b"</article>"
IGNORE_OPEN = b'<div data-pagefind-ignore class="dq-search-excluded">'
IGNORE_CLOSE = b"</div>"
CONTAINERS = (b"div", b"table", b"ul", b"ol", b"details", b"figure", b"section", b"blockquote")


class SearchIndexError(DossierError):
    """Raised when Pagefind fails or cannot be found; the site being built is not swapped in."""


def pagefind_executable() -> Path:
    """Return the Pagefind binary shipped by the `pagefind_bin` package."""
    try:
        import pagefind_bin
    except ImportError as exc:
        raise SearchIndexError("Pagefind is missing: pip install -e . installs pagefind_bin") from exc
    executable: Path = pagefind_bin.get_executable()
    return executable


def index_site(site: Path) -> None:
    """Mark the excluded sections of every page in `site`; write Pagefind's index and the search box's script."""
    for page in pages(site):
        html = page.read_bytes()
        marked = mark_excluded_sections(html)
        if marked != html:
            page.write_bytes(marked)
    command = [str(pagefind_executable()), "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    command += ["--root-selector", ROOT_SELECTOR, "--exclude-selectors", ", ".join(EXCLUDED)]
    result = subprocess.run(command, check=False, capture_output=True, text=True, env=pagefind_env())
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"pagefind failed with exit status {result.returncode}: {message}")
    (site / SCRIPT_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site / SCRIPT_PATH).write_bytes(SCRIPT.read_bytes())


def pagefind_env() -> dict[str, str]:
    """Return the environment for Pagefind: no colours, no configuration file from the environment."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")} | {"NO_COLOR": "1"}


def pages(site: Path) -> Iterator[Path]:
    """Yield every HTML page of the site, in a stable order, following no link."""
    for folder, folders, files in os.walk(site):
        folders.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if name.endswith(".html") and not path.is_symlink():
                yield path


def mark_excluded_sections(html: bytes) -> bytes:
    """Wrap each section whose heading has `data-search-exclude` in a `data-pagefind-ignore` block.

    A section runs from its heading to the next heading of the same or a higher rank, or to the end
    of the page's content. A section whose HTML is not self-contained (it would close an element
    it did not open) is left as it is, so the markup stays valid; its heading alone is excluded.
    Marking twice changes nothing.
    """
    end_of_content = html.find(CONTENT_END)
    if end_of_content < 0:
        return html
    inserts: list[tuple[int, bytes]] = []
    for match in EXCLUDED_HEADING.finditer(html, 0, end_of_content):
        start = match.start()
        if html[max(0, start - len(IGNORE_OPEN)) : start] == IGNORE_OPEN:
            continue  # marked before
        end = section_end(html, match.end(), int(match.group(1)), end_of_content)
        if self_contained(html[start:end]):
            inserts += [(start, IGNORE_OPEN), (end, IGNORE_CLOSE)]
    if not inserts:
        return html
    parts, position = [], 0
    for offset, text in sorted(inserts, key=lambda insert: (insert[0], insert[1] == IGNORE_OPEN)):
        parts += [html[position:offset], text]
        position = offset
    return b"".join([*parts, html[position:]])


def section_end(html: bytes, start: int, rank: int, limit: int) -> int:
    """Return where the section of a heading of `rank` ends: at the next heading of that rank or higher."""
    for match in HEADING.finditer(html, start, limit):
        if int(match.group(1)) <= rank:
            return match.start()
    return limit


def self_contained(section: bytes) -> bool:
    """Tell whether a stretch of HTML closes every container element it opens, and no other."""
    for tag in CONTAINERS:
        opened = len(re.findall(rb"<" + tag + rb"[\s>]", section))
        if opened != section.count(b"</" + tag + b">"):
            return False
    return True
