"""The orchestrator: load → model → analyse → render → write, then MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.analysis.compare import Analysis, analyse
from generator.analysis.prose import prose_warnings
from generator.analysis.warnings import curator_warnings
from generator.content.acknowledge import unused_acknowledgements
from generator.content.build import build_model
from generator.content.load import load_content
from generator.content.model import Dossier
from generator.problems import Problem, raise_on_errors
from generator.site.cache import generated_files, input_fingerprint, unchanged_since, write_manifest
from generator.site.lock import project_lock
from generator.site.render import Renderer
from generator.site.write import WriteReport, write_pages


@dataclass
class Checked:
    """A dossier that passed every check, its analysis, and the warnings found on the way."""

    dossier: Dossier
    analysis: Analysis
    warnings: list[Problem]
    acknowledged: list[Problem] = field(default_factory=list)  # findings the curators acknowledged with a reason


def check(root: Path, today: date | None = None) -> Checked:
    """Load, model and analyse the content; raise ContentError listing every error."""
    content, problems = load_content(root)
    raise_on_errors(problems)
    dossier, model_problems = build_model(content, today or date.today())
    raise_on_errors(problems := problems + model_problems)
    analysis, analysis_problems = analyse(dossier)
    raise_on_errors(problems := problems + analysis_problems)
    problems += prose_warnings(dossier, content.dossier, content.registries)  # first: it reads the YAML sources
    problems += curator_warnings(analysis, content.registries)
    problems += unused_acknowledgements(list(dossier.articles.values()), problems)
    acknowledged = sorted(p for p in problems if p.acknowledged is not None)
    return Checked(dossier, analysis, sorted(p for p in problems if p.acknowledged is None), acknowledged)


def render_encoded(checked: Checked) -> dict[str, bytes]:
    """Render every page of a checked dossier as UTF-8 (what is written; half the memory of texts)."""
    return Renderer(checked.dossier, checked.analysis).render_encoded()


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
    pages = render_encoded(checked)
    with project_lock(root):
        report = write_pages(out_dir, pages, root)
    if inputs is not None:
        write_manifest(out_dir, inputs, checked.warnings, pages)
    return checked, report


def release_sources(dossier: Dossier) -> None:
    """Drop what only checking needed: the articles' YAML texts (kept to place problems) and parsed metadata.

    The model holds everything the pages show; at 10,000 articles this is a sixth of the memory.
    """
    for article in dossier.articles.values():
        article.meta.source = None
        article.meta.data = None
