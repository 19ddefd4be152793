"""Compare the dossier at a git ref with the working tree, for reviewers of a pull request."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .analyse import Analysis, TopicAnalysis
from .build import check
from .markup import format_number
from .model import ENTITY_KINDS, KIND_NAMES, Article, Claim, Dossier, Quote
from .problems import ContentError, Problem
from .render import make_environment, value_text

Fields = dict[str, str]
SECTIONS = {
    "articles": "Articles",
    "quotes": "Quotes",
    "claims": "Claims",
    "discrepancies": "Discrepancies",
    "registries": "People, organisations, places and topics",
}
# In the order a reviewer should read them: contradictions matter most.
DISCREPANCY_KINDS = {"contradiction": "contradiction", "change": "change over time", "scope": "scope difference"}


class GitError(Exception):
    """The base ref cannot be read from git."""


@dataclass
class State:
    """One side of the comparison: the checked dossier, or the problems that stopped it."""

    dossier: Dossier | None = None
    analysis: Analysis | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Change:
    """One added, removed or changed item, described for a reviewer."""

    change: str  # added, removed, changed
    key: str
    text: str
    details: list[str] = field(default_factory=list)


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
    """Build the model at `ref` and from the working tree, and compare them."""
    with tempfile.TemporaryDirectory(prefix="dossier-diff-") as tmp:
        export_content(root, ref, Path(tmp))
        base = load_state(Path(tmp), today)
    return compare(ref, base, load_state(root, today))


def export_content(root: Path, ref: str, dest: Path) -> None:
    """Extract `content/` as of `ref` into `dest` (an empty content/ if the ref has none)."""
    git = ["git", "-C", str(root)]
    verify = subprocess.run([*git, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True)
    if verify.returncode != 0:
        raise GitError(f"'{ref}' is not a commit of the git repository at {root}")
    commit = verify.stdout.decode().strip()
    (dest / "content").mkdir()
    listing = subprocess.run([*git, "ls-tree", "--name-only", commit, "content"], capture_output=True, check=True)
    if listing.stdout.strip():
        archive = subprocess.run([*git, "archive", "--format=tar", commit, "content"], capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(dest, filter="data")


def load_state(root: Path, today: date | None) -> State:
    """Check the content under `root`; keep its problems instead of raising."""
    if not any((root / "content").iterdir()):
        return State()
    try:
        checked = check(root, today)
    except ContentError as exc:
        return State(problems=exc.problems)
    return State(checked.dossier, checked.analysis, checked.warnings)


def compare(ref: str, base: State, head: State) -> Report:
    """Compare two states section by section; with errors in the working tree, report only those."""
    sections: dict[str, list[Change]] = {name: [] for name in SECTIONS}
    if head.dossier and head.analysis:
        old, new = base.dossier, head.dossier
        sections["articles"] = diff_items(articles_of(old), articles_of(new), describe_article, article_fields)
        sections["quotes"] = diff_items(quotes_of(old), quotes_of(new), describe_quote, quote_fields)
        sections["claims"] = diff_items(claims_of(old), claims_of(new), describe_claim, claim_fields)
        sections["discrepancies"] = diff_discrepancies(base.analysis, head.analysis)
        sections["registries"] = diff_items(entries_of(old), entries_of(new), describe_entry, entry_fields)
    seen = {p.message for p in base.problems if p.warning}
    return Report(
        base=ref,
        sections=sections,
        new_warnings=[str(p) for p in head.problems if p.warning and p.message not in seen],
        errors=[str(p) for p in head.problems if not p.warning],
        base_errors=[str(p) for p in base.problems if not p.warning],
    )


def diff_items(
    old: Mapping[str, Any], new: Mapping[str, Any], describe: Callable[[Any], str], fields: Callable[[Any], Fields]
) -> list[Change]:
    """List items added, removed and changed (in their reviewable fields), in key order."""
    changes = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            changes.append(Change("added", key, describe(new[key])))
        elif key not in new:
            changes.append(Change("removed", key, describe(old[key])))
        else:
            before, after = fields(old[key]), fields(new[key])
            names = [name for name in dict.fromkeys([*before, *after]) if before.get(name) != after.get(name)]
            if names:
                details = [f"{name}: {before.get(name, '–')} → {after.get(name, '–')}" for name in names]
                changes.append(Change("changed", key, describe(new[key]), details))
    return changes


def articles_of(dossier: Dossier | None) -> dict[str, Article]:
    return dossier.articles if dossier else {}


def quotes_of(dossier: Dossier | None) -> dict[str, tuple[Quote, Dossier]]:
    """Key every quote by `article#q-id`, with its dossier to name its speaker."""
    if not dossier:
        return {}
    return {f"{a.id}#q-{q.id}": (q, dossier) for a in dossier.articles.values() for q in a.quotes}


def claims_of(dossier: Dossier | None) -> dict[str, tuple[Claim, Dossier]]:
    """Key every claim by `article#c-id`, with its dossier to name its topic and value."""
    if not dossier:
        return {}
    return {f"{a.id}#c-{c.id}": (c, dossier) for a in dossier.articles.values() for c in a.claims}


def entries_of(dossier: Dossier | None) -> dict[str, tuple[str, Any]]:
    """Key every registry entry (people, organisations, places, topics) by `kind/id`."""
    if not dossier:
        return {}
    entries = {f"{kind}/{e.id}": (kind, e) for kind in ENTITY_KINDS for e in dossier.entities[kind].values()}
    return entries | {f"topics/{t.id}": ("topics", t) for t in dossier.topics.values()}


def describe_article(article: Article) -> str:
    return f"{article.title} ({article.published.german()})"


def article_fields(article: Article) -> Fields:
    text = "\n".join(p.text for p in article.paragraphs)
    return {
        "title": article.title,
        "outlet": str(article.outlet),
        "url": str(article.url),
        "author": str(article.author),
        "published": f"{article.published.text} ({article.published.basis})",
        "text": f"{len(article.paragraphs)} paragraphs, sha256 {hashlib.sha256(text.encode()).hexdigest()[:12]}",
        "mentions": "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in sorted(article.mentions.items()) if ids),
        "tags": ", ".join(article.tags),
        "notes": "\n".join(article.notes),
    }


def describe_quote(item: tuple[Quote, Dossier]) -> str:
    quote, dossier = item
    return f"{name_of(quote.speaker, dossier)}: „{shorten(quote.text)}“"


def quote_fields(item: tuple[Quote, Dossier]) -> Fields:
    quote, _ = item
    return {"speaker": quote.speaker, "role": quote.role, "text": f"„{shorten(quote.text)}“", "topic": str(quote.topic)}


def name_of(entity_id: str | None, dossier: Dossier) -> str:
    """Return the name of a person or organisation, or say that the text names nobody."""
    return dossier.entity(entity_id).name if entity_id else "not named"


def describe_claim(item: tuple[Claim, Dossier]) -> str:
    claim, dossier = item
    return f"{dossier.topics[claim.topic].title}: {claim_value(item)} (claimant: {name_of(claim.claimant, dossier)})"


def claim_value(item: tuple[Claim, Dossier]) -> str:
    claim, dossier = item
    return " ".join(filter(None, (claim.qualifier, value_text(claim, dossier))))


def claim_fields(item: tuple[Claim, Dossier]) -> Fields:
    claim, _ = item
    return {
        "topic": claim.topic,
        "value": claim_value(item),
        "scope": claim.scope,
        "claimant": str(claim.claimant),
        "claimant kind": str(claim.claimant_kind),
        "citing": str(claim.citing),
        "as of": claim.as_of.text,
        "excerpt": f"„{shorten(claim.excerpt)}“",
    }


def describe_entry(item: tuple[str, Any]) -> str:
    kind, entry = item
    return f"{KIND_NAMES[kind]} {getattr(entry, 'name', None) or entry.title}"


def entry_fields(item: tuple[str, Any]) -> Fields:
    kind, entry = item
    if kind != "topics":
        return {key: str(value) for key, value in sorted(entry.data.items())}
    return {
        "title": entry.title,
        "question": entry.question,
        "unit": str(entry.unit),
        "categories": ", ".join(entry.categories),
        "scopes": ", ".join(entry.scopes),
        "exclusive": str(entry.exclusive),
    }


def shorten(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    kinds = list(DISCREPANCY_KINDS.values())
    return next((kinds.index(kind) + 1 for kind in change.details if kind in kinds), 0)


def pairs_of(topic: TopicAnalysis, dossier: Dossier) -> dict[str, tuple[str, str]]:
    """Key every pair of claims that does not agree by both claims' keys: (kind, description)."""
    return {
        f"{c.a.article}#c-{c.a.id} ~ {c.b.article}#c-{c.b.id}": (
            DISCREPANCY_KINDS.get(c.kind, c.kind),
            f"{claim_side(c.a, dossier)} vs {claim_side(c.b, dossier)}: {c.reason}",
        )
        for c in topic.comparisons
        if c.kind != "agreement"
    }


def claim_side(claim: Claim, dossier: Dossier) -> str:
    return f"{claim_value((claim, dossier))} ({name_of(claim.claimant, dossier)})"


def range_of(topic: TopicAnalysis) -> str:
    """Return the values a topic's claims span: `3.000–12.000`, or its categories."""
    numbers = topic.numbers
    if numbers:
        low, high = format_number(numbers[0]), format_number(numbers[-1])
        return low if low == high else f"{low}–{high}"
    return ", ".join(topic.categories) or "–"


def render_markdown(report: Report) -> str:
    """Return the report as Markdown for a pull request's summary; every content value is escaped."""
    template = make_environment().get_template("diff.md.j2")
    return template.render(report=report, sections=SECTIONS, counts=report.counts())


def render_json(report: Report) -> str:
    """Return the report as JSON."""
    return json.dumps({**asdict(report), "counts": report.counts()}, ensure_ascii=False, indent=2) + "\n"
