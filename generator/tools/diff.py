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

from generator.analysis.compare import Analysis, TopicAnalysis
from generator.content.model import Claim, Dossier
from generator.language.numbers import format_number
from generator.pipeline import check, render_encoded
from generator.problems import ContentError, Problem, printable
from generator.site.escape import md_escape
from generator.site.render import make_environment
from generator.site.values import format_value
from generator.tools.diff_fields import (
    Change,
    article_fields,
    articles_of,
    claim_fields,
    claims_of,
    describe_article,
    describe_claim,
    describe_entry,
    describe_quote,
    describe_setting,
    diff_items,
    entries_of,
    entry_fields,
    name_of,
    quote_fields,
    quotes_of,
    setting_fields,
    settings_of,
)
from generator.tools.diff_git import GitError, changed_outside_content, export_content, runs_as_code
from generator.tools.diff_pages import diff_files, diff_pages
from generator.tools.english import DISCREPANCY_NAMES, reason_words

__all__ = ["Change", "GitError", "Report", "diff_against", "render_json", "render_markdown", "render_text"]

REPORT_SECTIONS = {
    "dossier": "Dossier and events (content/dossier.yaml)",
    "articles": "Articles",
    "quotes": "Quotes",
    "claims": "Claims",
    "discrepancies": "Discrepancies",
    "registries": "People, organisations, places and topics",
    "pages": "Hand-written pages (content/pages)",
    "generated": "Generated pages and data files",
    "code": "Files outside content/ (code, config)",
}
LIMIT = 100  # rows listed per section and problems per list; the counts always give the total


@dataclass
class State:
    """One side of the comparison: the checked dossier and its rendered files, or the problems that stopped it."""

    dossier: Dossier | None = None
    analysis: Analysis | None = None
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Report:
    """Everything that differs between the base and the working tree."""

    base: str
    sections: dict[str, list[Change]]
    new_warnings: list[str]
    errors: list[str]
    base_errors: list[str]

    def counts(self) -> dict[str, dict[str, int]]:
        """Count the changes of each section by kind of change."""
        return {
            name: {kind: sum(1 for c in changes if c.change == kind) for kind in ("added", "changed", "removed")}
            for name, changes in self.sections.items()
        }


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
    return State(checked.dossier, checked.analysis, checked.warnings, render_encoded(checked))


def compare(ref: str, base: State, head: State) -> Report:
    """Compare two states section by section; with errors in the working tree, report only those."""
    sections: dict[str, list[Change]] = {name: [] for name in REPORT_SECTIONS}
    if head.dossier and head.analysis:
        old, new = base.dossier, head.dossier
        sections["dossier"] = diff_items(settings_of(old), settings_of(new), describe_setting, setting_fields)
        sections["articles"] = diff_items(articles_of(old), articles_of(new), describe_article, article_fields)
        sections["quotes"] = diff_items(quotes_of(old), quotes_of(new), describe_quote, quote_fields)
        sections["claims"] = diff_items(claims_of(old), claims_of(new), describe_claim, claim_fields)
        sections["discrepancies"] = diff_discrepancies(base.analysis, head.analysis)
        sections["registries"] = diff_items(entries_of(old), entries_of(new), describe_entry, entry_fields)
        sections["pages"] = diff_pages(old.pages if old else {}, new.pages)
        sections["generated"] = diff_files(base.files, head.files)
    seen = {p.message for p in base.problems if p.warning}
    return Report(
        base=ref,
        sections=sections,
        new_warnings=[str(p) for p in head.problems if p.warning and p.message not in seen],
        errors=[str(p) for p in head.problems if not p.warning],
        base_errors=[str(p) for p in base.problems if not p.warning],
    )


def diff_discrepancies(base: Analysis | None, head: Analysis) -> list[Change]:
    """List discrepancies that appear, disappear or change their classification, and changed ranges."""
    old_topics = base.topics if base else {}
    changes = []
    for topic_id, topic in sorted(head.topics.items()):
        old = old_topics.get(topic_id)
        before = pairs_of(old, base.dossier) if old and base else {}
        after = pairs_of(topic, head.dossier)
        for key in sorted(before.keys() | after.keys()):
            was, now = before.get(key), after.get(key)
            if was and now and was[0] != now[0]:
                changes.append(Change("changed", key, now[1], [f"{was[0]} → {now[0]}"]))
            elif now and not was:
                changes.append(Change("added", key, now[1], [now[0]]))
            elif was and not now:
                changes.append(Change("removed", key, was[1], [was[0]]))
        details = []
        if old and range_of(old) != range_of(topic):
            details.append(f"range: {range_of(old)} → {range_of(topic)}")
        was_sources = base.provenance[topic_id].independent if old and base else 0
        if old and was_sources != head.provenance[topic_id].independent:
            details.append(f"independent claimants: {was_sources} → {head.provenance[topic_id].independent}")
        if details:
            changes.append(Change("changed", f"topics/{topic_id}", topic.topic.title, details))
    return sorted(changes, key=severity)


def severity(change: Change) -> int:
    """Order discrepancy changes: ranges, then contradictions, changes over time, scope differences."""
    kinds = list(DISCREPANCY_NAMES.values())
    return next((kinds.index(kind) + 1 for kind in change.details if kind in kinds), 0)


def pairs_of(topic: TopicAnalysis, dossier: Dossier) -> dict[str, tuple[str, str]]:
    """Key every pair of claims that does not agree by both claims' keys: (kind, description)."""
    return {
        f"{c.a.article}#c-{c.a.id} ~ {c.b.article}#c-{c.b.id}": (
            DISCREPANCY_NAMES[c.kind],
            f"{claim_side(c.a, dossier)} vs {claim_side(c.b, dossier)}: {reason_words(c, topic.topic)}",
        )
        for c in topic.comparisons
        if c.kind.is_discrepancy
    }


def claim_side(claim: Claim, dossier: Dossier) -> str:
    """Describe one side of a discrepancy: the claim's value and claimant."""
    return f"{format_value(claim, dossier.topics[claim.topic])} ({name_of(claim.claimant, dossier)})"


def range_of(topic: TopicAnalysis) -> str:
    """Return the values a topic's claims span: `3.000–12.000`, or its categories."""
    numbers = topic.numbers
    if numbers:
        low, high = format_number(numbers[0]), format_number(numbers[-1])
        return low if low == high else f"{low}–{high}"
    return ", ".join(topic.categories) or "–"


def render_markdown(report: Report) -> str:
    """Return the report as Markdown for a pull request's summary; every content value is escaped."""
    template = make_environment(lambda value: md_escape(printable(str(value)))).get_template("diff.md.j2")
    return template.render(report=report, sections=REPORT_SECTIONS, counts=report.counts(), limit=LIMIT)


def render_text(report: Report) -> str:
    """Return the report as plain text for a terminal: each value on one line, control characters escaped."""
    base = plain(report.base)
    lines = [f"Dossier changes against {base}", ""]
    if report.errors:
        count = f"{len(report.errors)} error(s)"
        lines += [f"The content in this change does not pass `dossier check` ({count}); nothing else is compared:"]
        lines += [*listed(report.errors), ""]
    if report.base_errors:
        count = f"{len(report.base_errors)} error(s)"
        lines += [f"The content at {base} does not pass `dossier check` ({count}); it is compared as empty:"]
        lines += [*listed(report.base_errors), ""]
    if not report.errors:
        lines += text_sections(report)
    if report.new_warnings:
        lines += ["New warnings:", *listed(report.new_warnings), ""]
    return "\n".join(lines) + "\n"


def text_sections(report: Report) -> list[str]:
    """Return the count of changes per section, then every section's changes (up to LIMIT each)."""
    if not any(report.sections.values()):
        return ["No changes to the dossier's content.", ""]
    width = max(map(len, REPORT_SECTIONS.values()))
    counts = report.counts()
    lines = [f"{'Section':<{width}}  {'Added':>7}  {'Changed':>7}  {'Removed':>7}"]
    for name, title in REPORT_SECTIONS.items():
        added, changed, removed = counts[name].values()
        lines.append(f"{title:<{width}}  {added:>7}  {changed:>7}  {removed:>7}")
    for name, title in REPORT_SECTIONS.items():
        if changes := report.sections[name]:
            lines += ["", f"{title}:"]
            for change in changes[:LIMIT]:
                lines.append(f"  {change.change:<8} {plain(change.key)}  {plain(change.text)}")
                lines += [f"           {plain(detail)}" for detail in change.details]
            lines += [f"  … and {len(changes) - LIMIT} more (--format json lists all)"] if len(changes) > LIMIT else []
    return [*lines, ""]


def listed(items: list[str]) -> list[str]:
    """Return items as an indented list, the first LIMIT of them and how many more there are."""
    more = [f"  … and {len(items) - LIMIT} more (--format json lists all)"] if len(items) > LIMIT else []
    return [f"  {plain(item)}" for item in items[:LIMIT]] + more


def plain(value: object) -> str:
    """Write a value as one line of plain text: white space folded, control characters escaped."""
    return " ".join(printable(str(value)).split())


def render_json(report: Report) -> str:
    """Return the report as JSON, every change listed."""
    data = {**asdict(report), "counts": report.counts()}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: write it with \u escapes
        text = json.dumps(data, indent=2)
    return text + "\n"
