"""Build the preview in-process with MkDocs, then rebuild only the pages whose Markdown changed.

`mkdocs serve` rebuilds every page on every change, and `--dirty` leaves duplicate search entries
and a navigation MkDocs warns about. The preview instead keeps MkDocs' own objects of the last
build (configuration, files, navigation, pages, theme environment) in memory and, when only the
bytes of existing files changed, runs MkDocs' own page steps (`_populate_page`, `_build_page`,
every plugin event they fire) for the changed pages alone. The search index is rewritten from
each page's entries, kept per page, in the order of a full build, so it equals a full build's.
When files were added or removed, or `mkdocs.yml` changed, it builds everything again. After each
build Pagefind indexes the preview, as `dossier build` does (`site/search.py`).

The navigation holds only section index pages at fixed titles from `mkdocs.yml`, so a page that
did not change renders the same HTML after its neighbours changed; pages that show something of
a changed page are rewritten by `dossier generate`, and so rebuilt here too.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from generator.site.search import SearchIndexError, index_site

INCLUSION = InclusionLevel.is_in_serve


@dataclass
class Built:
    """MkDocs' objects of the last full build, reused by the next partial one."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # jinja2.Environment
    pages: Sequence[File]
    entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # page URL: its search entries


@dataclass
class Outcome:
    """What one update did: 'full' or 'pages', the pages and other files it wrote, and how long it took."""

    kind: str
    pages: int
    files: int
    seconds: float


class PreviewSite:
    """The preview's site folder, built in this process by MkDocs and updated page by page."""

    def __init__(
        self, config_file: Path, site_dir: Path, site_url: str, written: Callable[[str], None] = lambda path: None
    ) -> None:
        self.config_file, self.site_dir, self.site_url = config_file, site_dir, site_url
        self.written = written  # told the output path of every page and file an update writes
        self.built: Built | None = None
        self.started = False
        self.unindexed = False  # pages were rebuilt since the search index was last written

    def build_all(self) -> Outcome:
        """Build every page, as `mkdocs serve` does, and keep what the next partial build needs."""
        started = time.perf_counter()
        self.built = None  # a failure below leaves no half-updated state to build on
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.site_url
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=False)
            self.started = True
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files, nav, env = gather(config)
        pages = files.documentation_pages(inclusion=INCLUSION)
        files.copy_static_files(inclusion=INCLUSION)
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)
        built = Built(config, files, nav, env, pages)
        build_pages(built, pages)
        for file in pages:
            page_of(file).validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)
        self.built = built
        self.index()
        return Outcome("full", len(pages), len(files) - len(pages), time.perf_counter() - started)

    def update(self, changed: Iterable[str], removed: Iterable[str] = (), index: bool = True) -> Outcome:
        """Rebuild after `dossier generate` wrote `changed` and deleted `removed` (paths in docs_dir).

        Only the changed pages are built and the changed other files copied, unless files were
        added or removed, or nothing was built yet: then everything is built. Unless `index`, the
        search index is left for `index_pending` (more pages are on their way, or they should be
        shown first).
        """
        started = time.perf_counter()
        names = sorted({name for name in changed if not hidden(name)})
        built = self.built
        if built is None or any(not hidden(name) for name in removed):
            return self.build_all()
        found = [built.files.get_file_from_path(name) for name in names]
        if any(file is None for file in found):
            return self.build_all()
        files = [file for file in found if file is not None]
        pages = [file for file in files if file.is_documentation_page() and included(file)]
        for file in files:
            if not file.is_documentation_page():
                file.copy_file()
                self.written(file.dest_uri)
        try:
            rebuild_pages(built, pages, self.written)
        except Exception:
            self.built = None  # the next update builds everything
            raise
        self.unindexed = self.unindexed or bool(pages)
        if index:
            self.index_pending()
        return Outcome("pages", len(pages), len(files) - len(pages), time.perf_counter() - started)

    def index_pending(self) -> None:
        """Index the preview for search if pages were rebuilt since it was last indexed."""
        if self.unindexed:
            self.index()

    def index(self) -> None:
        """Index the preview for search with Pagefind, as `dossier build` does, after the pages are served.

        Pagefind has no incremental mode: the whole index is written again (about 1 s for the seed
        dossier, 4-5 s at 1,000 articles), after the changed pages reached the browser.
        """
        self.unindexed = False
        try:
            index_site(self.site_dir)
        except (SearchIndexError, OSError) as exc:
            logging.getLogger("mkdocs").warning("the preview has no search: %s", exc)


def gather(config: MkDocsConfig) -> tuple[Files, Navigation, Any]:
    """Collect the files, the navigation and every page's Markdown rendered, as `mkdocs build` does first."""
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages(inclusion=INCLUSION):
        if file.page is None and file.inclusion.value <= InclusionLevel.NOT_IN_NAV.value:  # not in nav, or a draft
            Page(None, file, config)
        mkdocs_build._populate_page(page_of(file), config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    return files, nav, env


def rebuild_pages(built: Built, pages: list[File], written: Callable[[str], None]) -> None:
    """Render and write the given pages again, smallest first, check their links, and rewrite the search index.

    Each page is read, rendered and written before the next one is read, and `written` is told its
    output path at once: an edited article's page (small) is shown before the long section indexes.
    """
    config = built.config
    index = search_entries(config)
    if index is not None:
        index.clear()
    for file in sorted(pages, key=source_size):
        mkdocs_build._populate_page(page_of(file), config, built.files)
        build_page(built, file)
        written(file.dest_uri)
    keep_entries(built, pages, index)
    for file in pages:
        page_of(file).validate_anchor_links(files=built.files, log_level=config.validation.links.anchors)
    if index is not None:
        index[:] = [entry for file in built.pages for entry in built.entries.get(page_of(file).url, [])]
        config.plugins.on_post_build(config=config)


def build_pages(built: Built, pages: Sequence[File]) -> None:
    """Write the pages through the theme and record their search entries."""
    index = search_entries(built.config)
    if index is not None:
        index.clear()
    for file in pages:
        build_page(built, file)
    keep_entries(built, pages, index)


def build_page(built: Built, file: File) -> None:
    """Write one page through the theme, then drop its text from memory (the title stays known)."""
    page = page_of(file)
    mkdocs_build._build_page(page, built.config, built.pages, built.nav, built.env, False, False)
    page.markdown, page.content = "", None


def keep_entries(built: Built, pages: Sequence[File], index: list[dict[str, Any]] | None) -> None:
    """Record the search entries the pages just built added, by page URL."""
    for file in pages:
        built.entries[page_of(file).url] = []
    for entry in index or []:
        built.entries.setdefault(str(entry["location"]).partition("#")[0], []).append(entry)


def source_size(file: File) -> int:
    """Return the size of a page's Markdown file (0 if it cannot be read)."""
    try:
        return os.path.getsize(file.abs_src_path or "")
    except OSError:
        return 0


def search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """Return the list the search plugin collects its entries in (Material's or MkDocs' own), if any."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        for name in ("entries", "_entries"):
            entries = getattr(index, name, None)
            if isinstance(entries, list):
                return entries
    return None


def included(file: File) -> bool:
    """Tell whether the preview shows a file (MkDocs' test is not typed)."""
    return bool(INCLUSION(file.inclusion))  # type: ignore[no-untyped-call]


def page_of(file: File) -> Page:
    """Return the page of a documentation file (MkDocs sets it while gathering)."""
    assert file.page is not None
    return file.page


def hidden(name: str) -> bool:
    """Tell whether a path in docs_dir is one MkDocs leaves out (a dot file or folder, such as the marker)."""
    return any(part.startswith(".") for part in name.split("/"))


def quiet_mkdocs_logging() -> None:
    """Show MkDocs' warnings and errors on standard error, without its progress messages."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
