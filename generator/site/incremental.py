"""What `dossier serve` keeps of the last render, and the changed articles' own pages rendered ahead of the rest.

After an article's YAML or text is saved, the editor looks at that article's page. `early_pages`
renders just it (with the other pages' backlinks and titles as the last render left them), so it
can be written and shown while every page is rendered again. The complete render that follows is
what `dossier generate` writes, so the dossier ends up byte-identical to a full generate whatever
this shortcut got wrong; a page it got wrong is simply written twice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from generator.analysis.compare import Analysis
from generator.content.model import Article
from generator.site.links import PageContext
from generator.site.render import Renderer
from generator.site.write import Files


@dataclass
class Rendered:
    """What is kept of the last complete render: the digest of every file written, and each page's backlinks."""

    digests: dict[str, str]  # `WriteReport.digests`: what dossier/ holds, the marker included
    backlinks: dict[str, list[str]]


def render_all(analysis: Analysis) -> tuple[Files, dict[str, list[str]]]:
    """Render every file as `dossier generate` does; return them, and the backlinks `early_pages` needs next time."""
    renderer = Renderer(analysis.dossier, analysis)
    files = renderer.render_encoded()
    return files, renderer.incoming


def early_pages(analysis: Analysis, changed: Collection[str], previous: Rendered) -> dict[str, bytes]:
    """Render the pages of the changed articles that existed before, with the backlinks of the last render."""
    renderer = Renderer(analysis.dossier, analysis)
    specs = renderer.page_list()
    titles = {path: title for path, _, title, _ in specs}
    pages = {}
    for spec in specs:
        article = spec[3].get("article")
        if not isinstance(article, Article) or article.id not in changed or spec[0] not in previous.digests:
            continue
        path, title, body, links = renderer.render_page(spec)
        renderer.contexts[path] = PageContext(path, analysis.dossier, links)
        sources = [s for s in previous.backlinks.get(path, []) if s in titles]
        pages[path] = renderer.assemble(path, title, body, sources, titles)
    return pages
