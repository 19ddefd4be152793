"""Compare the dossier at a git ref with the working tree, for reviewers of a pull request.

The review is meant to be complete: every field of the model is compared by name, and every
generated page and data file is rendered for both sides and compared byte by byte, so nothing
readers see can change without the report saying so.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from generator.analysis.compare import Analysis
from generator.content.model import Dossier
from generator.pipeline import check, render_encoded
from generator.problems import ContentError, Problem, printable
from generator.site.escape import md_escape
from generator.site.render import make_environment
from generator.tools.diff_cards import claim_card, describe_claim, entry_card
from generator.tools.diff_fields import (
    Change,
    article_fields,
    articles_of,
    claim_fields,
    claims_of,
    describe_article,
    describe_entry,
    describe_quote,
    describe_setting,
    diff_items,
    entries_of,
    entry_fields,
    quote_fields,
    quotes_of,
    setting_fields,
    settings_of,
)
from generator.tools.diff_git import GitError, changed_outside_content, export_content, runs_as_code
from generator.tools.diff_pages import diff_files, diff_pages
from generator.tools.diff_pairs import COUNTED, diff_discrepancies
from generator.tools.diff_text import text_report

__all__ = ["Change", "GitError", "Report", "diff_against", "render_json", "render_markdown", "render_text"]

# Discrepancies first: a new contradiction or disagreement between sources is what a reviewer must judge.
REPORT_SECTIONS = {
    "discrepancies": "Discrepancies",
    "claims": "Claims",
    "dossier": "Dossier and events (content/dossier.yaml)",
    "articles": "Articles",
    "quotes": "Quotes",
    "registries": "People, organisations, places and topics",
    "pages": "Hand-written pages (content/pages)",
    "generated": "Generated pages and data files",
    "code": "Files outside content/ (code, config)",
}
LIMIT = 100  # rows listed per section and problems per list; the counts always give the total
CHANGE_KINDS = ("added", "changed", "removed")


@dataclass
class State:
    """One side of the comparison: the checked dossier and its rendered files, or the problems that stopped it."""

    dossier: Dossier | None = None
    analysis: Analysis | None = None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    acknowledged: list[Problem] = field(default_factory=list)  # findings kept on purpose, each with its reason


@dataclass
class Report:
    """Everything that differs between the base and the working tree."""

    base: str
    sections: dict[str, list[Change]]
    new_warnings: list[str]
    errors: list[str]
    base_errors: list[str]
    new_acknowledged: list[str] = field(default_factory=list)  # findings acknowledged here, with the reason

    def counts(self) -> dict[str, dict[str, int]]:
        """Count the changes of each section by kind of change."""
        return {name: count_changes(changes) for name, changes in self.sections.items()}

    def listed(self, name: str) -> list[Change]:
        """Return the changes of a section that are listed one by one: all but the counted scope differences."""
        return [c for c in self.sections[name] if c.kind != COUNTED]

    def counted(self, name: str) -> dict[str, int]:
        """Count the changes of a section that are only counted (scope differences), by kind; empty if none."""
        counted = [c for c in self.sections[name] if c.kind == COUNTED]
        return count_changes(counted) if counted else {}


def count_changes(changes: list[Change]) -> dict[str, int]:
    """Count changes by kind of change: added, changed, removed."""
    return {kind: sum(1 for c in changes if c.change == kind) for kind in CHANGE_KINDS}


def diff_against(root: Path, ref: str, today: date | None = None) -> Report:
    """Build and render the dossier at `ref` and from the working tree, and compare them."""
    with tempfile.TemporaryDirectory(prefix="dossier-diff-") as tmp:
        refused = export_content(root, ref, Path(tmp))
        base = State(problems=refused) if refused else load_state(Path(tmp), today)
    report = compare(ref, base, load_state(root, today))
    report.sections["code"] = [
        Change(change, path, "runs when the dossier is built or tested" if runs_as_code(path) else "")
        for change, path in changed_outside_content(root, ref)
    ]
    return report


def load_state(root: Path, today: date | None) -> State:
    """Check and render the content under `root` in memory; keep its problems instead of raising."""
    if not any((root / "content").iterdir()):
        return State()
    try:
        checked = check(root, today)
    except ContentError as exc:
        return State(problems=exc.problems)
    return State(checked.dossier, checked.analysis, checked.warnings, render_encoded(checked), checked.acknowledged)


def compare(ref: str, base: State, head: State) -> Report:
    """Compare two states section by section; with errors in the working tree, report only those."""
    sections: dict[str, list[Change]] = {name: [] for name in REPORT_SECTIONS}
    if head.dossier and head.analysis:
        old, new = base.dossier, head.dossier
        sections["dossier"] = diff_items(settings_of(old), settings_of(new), describe_setting, setting_fields)
        sections["articles"] = diff_items(articles_of(old), articles_of(new), describe_article, article_fields)
        sections["quotes"] = diff_items(quotes_of(old), quotes_of(new), describe_quote, quote_fields)
        sections["claims"] = diff_items(claims_of(old), claims_of(new), describe_claim, claim_fields, claim_card, True)
        sections["discrepancies"] = diff_discrepancies(base.analysis, head.analysis)
        sections["registries"] = diff_items(entries_of(old), entries_of(new), describe_entry, entry_fields, entry_card)
        sections["pages"] = diff_pages(old.pages if old else {}, new.pages)
        sections["generated"] = diff_files(base.files, head.files)
    seen = {p.message for p in base.problems if p.warning}
    kept = {(p.message, p.acknowledged) for p in base.acknowledged}
    return Report(
        base=ref,
        sections=sections,
        new_warnings=[str(p) for p in head.problems if p.warning and p.message not in seen],
        errors=[str(p) for p in head.problems if not p.warning],
        base_errors=[str(p) for p in base.problems if not p.warning],
        new_acknowledged=[
            f"{p} (acknowledged: {p.acknowledged})"
            for p in head.acknowledged
            if (p.message, p.acknowledged) not in kept
        ],
    )


def render_markdown(report: Report) -> str:
    """Return the report as Markdown for a pull request's summary; every content value is escaped."""
    template = make_environment(lambda value: md_escape(printable(str(value)))).get_template("diff.md.j2")
    return template.render(report=report, sections=REPORT_SECTIONS, counts=report.counts(), limit=LIMIT)


def render_text(report: Report) -> str:
    """Return the report as plain text for a terminal: no Markdown, no character references, wrapped lines."""
    return text_report(report, REPORT_SECTIONS, LIMIT)


def render_json(report: Report) -> str:
    """Return the report as JSON, every change listed."""
    data = {**asdict(report), "counts": report.counts()}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: write it with \u escapes
        text = json.dumps(data, indent=2)
    return text + "\n"
