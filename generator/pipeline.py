"""The orchestrator: load → model → analyse → render → write, then MkDocs; and the session `dossier serve` keeps.

The stages' modules are imported where they are used: a `dossier generate` with nothing to do
needs none of them, and importing them takes longer than finding that out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.stamps import Stamp, file_stamps
from generator.problems import Problem
from generator.site.cache import (
    code_fingerprint,
    generated_files,
    input_fingerprint,
    unchanged_since,
    write_manifest,
)
from generator.site.lock import project_lock
from generator.site.write import WriteReport, page_digest, write_file, write_files, write_pages

if TYPE_CHECKING:
    from generator.analysis.compare import Analysis
    from generator.analysis.incremental import Snapshot
    from generator.content.model import Dossier
    from generator.site.incremental import Rendered


@dataclass
class Checked:
    """A dossier that passed every check, its analysis, and the warnings found on the way."""

    dossier: Dossier
    analysis: Analysis
    warnings: list[Problem]
    acknowledged: list[Problem] = field(default_factory=list)  # findings the curators acknowledged with a reason


def check(root: Path, today: date | None = None) -> Checked:
    """Load, model and analyse the content; raise ContentError listing every error."""
    from generator.analysis.incremental import check_all

    return finish(check_all(root, today or date.today()))


def finish(snapshot: Snapshot) -> Checked:
    """Add the warnings about prose, curation and acknowledgements to what loading, modelling and analysing found."""
    from generator.analysis.prose import prose_warnings
    from generator.analysis.warnings import curator_warnings
    from generator.content.acknowledge import unused_acknowledgements

    content, dossier, analysis = snapshot.content, snapshot.dossier, snapshot.analysis
    problems = list(snapshot.problems)
    problems += prose_warnings(dossier, content.dossier, content.registries)  # first: it reads the YAML sources
    problems += curator_warnings(analysis, content.registries)
    problems += unused_acknowledgements(list(dossier.articles.values()), problems)
    acknowledged = sorted(p for p in problems if p.acknowledged is not None)
    return Checked(dossier, analysis, sorted(p for p in problems if p.acknowledged is None), acknowledged)


def render_files(checked: Checked) -> Mapping[str, bytes]:
    """Render every file of a checked dossier: UTF-8, compressed if large, each page finished as it is read."""
    from generator.site.render import Renderer

    return Renderer(checked.dossier, checked.analysis).render_encoded()


def render_encoded(checked: Checked) -> dict[str, bytes]:
    """Render every file of a checked dossier as UTF-8, all in memory at once (to compare two renders)."""
    return dict(render_files(checked))


@dataclass
class Unchanged:
    """A generate that found nothing to do, with the warnings found when the pages were written."""

    warnings: list[Problem]


def generate(
    root: Path, out_dir: Path | None = None, today: date | None = None
) -> tuple[Checked | Unchanged, WriteReport]:
    """Check everything, render everything, and only then write the pages (into `dossier/` by default).

    Writing `dossier/` (the default) is incremental: a manifest there records a fingerprint of
    the inputs (every file under content/ and the generator itself), the warnings, and a digest
    of every page written. When the inputs and every page are as recorded, nothing is checked,
    rendered or written. Otherwise everything is checked and rendered, and only pages whose bytes
    change are written, so a changed article rewrites only the pages that show something of it.
    """
    if out_dir is None:
        out_dir = root / "dossier"
        inputs = input_fingerprint(root)
        if inputs is not None and (warnings := unchanged_since(out_dir, inputs)) is not None:
            return Unchanged(warnings), WriteReport(unchanged=len(list(generated_files(out_dir))))
    else:
        inputs = None
    checked = check(root, today)
    release_sources(checked.dossier)
    files = render_files(checked)
    with project_lock(root):
        report = write_pages(out_dir, files, root, digest=inputs is not None)
    if inputs is not None:
        write_manifest(out_dir, inputs, checked.warnings, report.digests)
    return checked, report


def release_sources(dossier: Dossier) -> None:
    """Drop what only checking needed: the articles' YAML texts (kept to place problems) and parsed metadata.

    The model holds everything the pages show; at 10,000 articles this is a sixth of the memory.
    """
    for article in dossier.articles.values():
        article.meta.source = None
        article.meta.data = None


class Session:
    """`dossier generate` for `dossier serve`, kept in memory: after a save it checks only the changed articles.

    The first run checks and renders everything. Later, when only article files changed, the check
    reuses what it found for everything else (`analysis/incremental.py`), the changed articles' own
    pages are written at once and `early` is called (the preview shows them to the editor), and then
    every page is rendered and the files whose bytes changed are written, with the manifest: the same
    dossier/ as `dossier generate` writes (tested). Anything else changed (a registry, a page, the
    generator's code) means a full run; dossier/ changed by someone else, a full comparison.
    """

    def __init__(self, root: Path) -> None:
        self.root, self.out_dir = root, root / "dossier"
        self.snapshot: Snapshot | None = None
        self.rendered: Rendered | None = None
        self.checked: Checked | None = None
        self.code: str | None = None  # the generator's code the snapshot was made with
        self.written: dict[str, Stamp] | None = None  # dossier/ as this session left it

    def generate(
        self, early: Callable[[], None] | None = None, today: date | None = None
    ) -> tuple[Checked, WriteReport]:
        """Bring dossier/ up to date with content/, calling `early` once the changed articles' pages are written."""
        from generator.analysis.incremental import check_all, recheck
        from generator.site.incremental import Rendered, early_pages, render_all

        today = today or date.today()
        code = code_fingerprint()
        found = None
        if self.snapshot is not None and self.rendered is not None and self.checked is not None and code == self.code:
            found = recheck(self.snapshot, self.root, today)
            if found is not None and not found[1] and file_stamps(self.root, "dossier") == self.written:
                return self.checked, WriteReport(unchanged=len(self.rendered.digests))
        if found is None:
            snapshot = check_all(self.root, today)
        else:
            snapshot, changed = found
            assert self.rendered is not None
            pages = early_pages(snapshot.analysis, changed, self.rendered)
            if pages and self.write_early(pages) and early is not None:
                early()
        inputs = input_fingerprint(self.root, code)  # not before the early pages: it reads all of content/
        if file_stamps(self.root, "content") != snapshot.stamps:
            inputs = None  # changed since it was read: keep the old manifest, which a later generate finds stale
        checked = finish(snapshot)
        files, backlinks = render_all(snapshot.analysis)
        report = self.write_all(files, inputs, checked.warnings)
        self.rendered = Rendered(report.digests, backlinks)
        self.snapshot, self.checked, self.code = snapshot, checked, code
        return checked, report

    def write_early(self, pages: dict[str, bytes]) -> bool:
        """Write pages ahead of the others if dossier/ is as this session left it; tell whether they were written."""
        assert self.rendered is not None
        with project_lock(self.root):
            if self.written is None or file_stamps(self.root, "dossier") != self.written:
                return False
            for name, data in sorted(pages.items()):
                write_file(self.out_dir / name, data)
                self.rendered.digests[name] = page_digest(data)
            self.written = file_stamps(self.root, "dossier")
        return True

    def write_all(self, files: Mapping[str, bytes], inputs: str | None, warnings: list[Problem]) -> WriteReport:
        """Write what changed since the last run (everything that differs on disk if someone else changed dossier/)."""
        with project_lock(self.root):
            untouched = self.written is not None and file_stamps(self.root, "dossier") == self.written
            if self.rendered is not None and untouched:
                before = self.rendered.digests
                report = write_files(self.out_dir, files, set(before), before, digest=True)
            else:
                report = write_pages(self.out_dir, files, self.root, digest=True)
            if inputs is not None:
                write_manifest(self.out_dir, inputs, warnings, report.digests)
            self.written = file_stamps(self.root, "dossier")
        return report
