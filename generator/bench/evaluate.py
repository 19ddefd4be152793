"""How well `dossier new` drafts an article: its suggestions compared with a gold set (see `goldset`).

For each gold article the text goes through the same machinery as `dossier new` (the registry
loaded as `new.load_registry` loads it, then `suggest`), and the suggestions are scored:

- figures: a suggested figure is *right* when its value (or its range) and its qualifier match a
  gold claim of the same paragraph; *hedge* when only the value (or range) matches; *wrong* when
  no gold claim has its value (phantom numbers: dates, datelines, a lone "Tausend", vague
  quantities); a gold claim no suggestion has the value of is *missed*;
- topics of the figures whose value matched: right, wrong or left null; `cas>troops` counts
  casualty figures suggested under the troop-strength topic;
- speakers of the gold quotations: right, wrong or none (also when the quotation was not
  suggested); quotations of no registered person (`# unnamed-speaker:`) are right when left null;
- the publication date a dateline gives: suggested right, wrong or not at all.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from generator.bench.goldset import GoldArticle, numeric_claims, quote_parts, read_gold, write_project
from generator.content.model import split_paragraphs
from generator.problems import ContentError, Problem
from generator.tools.claims import ClaimSuggestion
from generator.tools.new import load_registry, tidy
from generator.tools.speakers import QuoteSuggestion
from generator.tools.suggest import Registry, Suggestions, suggest

CASUALTY_TOPIC, TROOP_TOPIC = "verluste-nordkorea", "soldaten-in-russland"


@dataclass
class Score:
    """The counts of one article (or the sum of several)."""

    label: str
    figures: int = 0  # gold claims with a number
    right: int = 0
    hedge: int = 0
    wrong: int = 0
    missed: int = 0
    topic_right: int = 0
    topic_wrong: int = 0
    topic_null: int = 0
    casualty_as_troops: int = 0
    quotes: int = 0
    speaker_right: int = 0
    speaker_wrong: int = 0
    speaker_none: int = 0
    unnamed: int = 0
    unnamed_right: int = 0
    datelines: int = 0
    date_right: int = 0
    date_wrong: int = 0
    date_none: int = 0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        for item in fields(self):
            if item.type in (int, "int"):
                setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


@dataclass
class Finding:
    """What went wrong on one article, for the curious reader of the table."""

    article: str
    kind: str  # wrong, hedge, missed, topic, speaker, unnamed, date
    detail: str


# --- running ----------------------------------------------------------------------------------


def evaluate_gold(gold: Path, registry: Path, dossier: Path, today: date) -> tuple[list[Score], list[Finding]]:
    """Score `dossier new` on every gold article of a folder, with the registry of `registry`."""
    return evaluate(read_gold(gold), registry, dossier, today)


def evaluate_seeds(root: Path, today: date) -> tuple[list[Score], list[Finding]]:
    """Score `dossier new` on the project's own articles (content/articles/*.txt, their YAML as gold)."""
    content = root / "content"
    return evaluate(read_gold(content / "articles"), content, content / "dossier.yaml", today)


def evaluate(
    articles: list[GoldArticle], registry: Path, dossier: Path, today: date
) -> tuple[list[Score], list[Finding]]:
    """Load the registry in a temporary project, then draft and score every article."""
    with tempfile.TemporaryDirectory() as folder:
        project = write_project(Path(folder), registry, dossier, [])
        problems: list[Problem] = []
        loaded = load_registry(project, problems)
        if loaded is None:
            raise ContentError(problems)
    scores, findings = [], []
    for article in articles:
        score, found = score_article(article, draft(article.text, loaded, today))
        scores.append(score)
        findings += found
    return scores, findings


def draft(text: str, registry: Registry, today: date) -> Suggestions:
    """Return what `dossier new` suggests for a text (the text tidied as `dossier new` tidies it)."""
    return suggest(tidy(text), registry, today)


def total(scores: list[Score], label: str) -> Score:
    """Return the sum of several scores."""
    summed = Score(label)
    for score in scores:
        summed.add(score)
    return summed


def score_article(article: GoldArticle, found: Suggestions) -> tuple[Score, list[Finding]]:
    """Score the suggestions for one article against its gold YAML."""
    score, findings = Score(article.id), []
    findings += score_figures(article, found.claims, score)
    findings += score_quotes(article, found.quotes, score)
    findings += score_dateline(article, found, score)
    return score, findings


# --- figures ----------------------------------------------------------------------------------


def same(a: float | None, b: Any) -> bool:
    """Tell whether two numbers are equal (None equals None)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, float(b), rel_tol=1e-9)


def value_matches(suggested: ClaimSuggestion, claim: dict[str, Any]) -> bool:
    """Tell whether a suggested figure has a gold claim's value, or its range (a range's value is the curator's)."""
    lower, upper = claim.get("lower"), claim.get("upper")
    if suggested.upper is not None or (lower is not None and upper is not None and lower != upper):
        return same(suggested.lower, lower) and same(suggested.upper, upper)
    return suggested.value is not None and same(suggested.value, claim.get("value"))


def qualifier_of(suggested: ClaimSuggestion) -> str | None:
    """Return the qualifier suggested for a figure."""
    return suggested.qualifier[0] if suggested.qualifier else None


def paragraph_of(article: GoldArticle, excerpt: str) -> int | None:
    """Return the number of the paragraph holding a gold excerpt."""
    return next((p.number for p in split_paragraphs(article.text) if excerpt in p.text), None)


def match_figures(
    article: GoldArticle, suggested: list[ClaimSuggestion]
) -> tuple[list[tuple[ClaimSuggestion, dict[str, Any]]], list[ClaimSuggestion], list[dict[str, Any]]]:
    """Pair suggestions with gold claims of the same paragraph (exact matches first); return pairs and leftovers."""
    gold = numeric_claims(article)
    where = [paragraph_of(article, str(c.get("excerpt", ""))) for c in gold]
    pairs: list[tuple[ClaimSuggestion, dict[str, Any]]] = []
    free, left = list(range(len(gold))), list(suggested)
    for exact in (True, False):
        for claim in list(left):
            for index in free:
                fits = where[index] == claim.paragraph and value_matches(claim, gold[index])
                if fits and (not exact or qualifier_of(claim) == gold[index].get("qualifier")):
                    pairs.append((claim, gold[index]))
                    free.remove(index)
                    left.remove(claim)
                    break
    return pairs, left, [gold[i] for i in free]


def score_figures(article: GoldArticle, suggested: list[ClaimSuggestion], score: Score) -> list[Finding]:
    """Count right, hedged, wrong and missed figures and the topics of the matched ones."""
    pairs, wrong, missed = match_figures(article, suggested)
    findings = [Finding(article.id, "wrong", f'"{c.phrase}" (paragraph {c.paragraph})') for c in wrong]
    findings += [Finding(article.id, "missed", f"{describe(c)}: {c.get('excerpt')}") for c in missed]
    score.figures += len(numeric_claims(article))
    score.wrong += len(wrong)
    score.missed += len(missed)
    for claim, gold in pairs:
        if qualifier_of(claim) == gold.get("qualifier"):
            score.right += 1
        else:
            score.hedge += 1
            detail = f'"{claim.phrase}": qualifier {qualifier_of(claim)}, gold {gold.get("qualifier")}'
            findings.append(Finding(article.id, "hedge", detail))
        findings += score_topic(article.id, claim, gold, score)
    return findings


def describe(claim: dict[str, Any]) -> str:
    """Describe a gold claim's number in a few words."""
    if claim.get("lower") is not None and claim.get("value") is None:
        number = f"{claim['lower']:g}–{claim['upper']:g}"
    else:
        number = f"{claim['value']:g}"
    return f"{claim.get('qualifier') or ''} {number} ({claim.get('topic')})".strip()


def score_topic(article_id: str, claim: ClaimSuggestion, gold: dict[str, Any], score: Score) -> list[Finding]:
    """Count whether a matched figure got the gold claim's topic."""
    topic = claim.topic.id if claim.topic else None
    if topic == gold.get("topic"):
        score.topic_right += 1
        return []
    if topic is None:
        score.topic_null += 1
    else:
        score.topic_wrong += 1
        score.casualty_as_troops += gold.get("topic") == CASUALTY_TOPIC and topic == TROOP_TOPIC
    return [Finding(article_id, "topic", f'"{claim.phrase}": topic {topic}, gold {gold.get("topic")}')]


# --- quotes and dates -------------------------------------------------------------------------


def flat(text: str) -> str:
    """Return a quotation's words, lower case, for comparing."""
    return " ".join(text.lower().split())


def quote_for(parts: list[str], quotes: list[QuoteSuggestion]) -> QuoteSuggestion | None:
    """Return the suggested quotation (not a short one) that holds the gold quotation's first part, or is in it."""
    wanted = flat(" ".join(parts))
    first = flat(parts[0])
    for quote in quotes:
        joined = flat(" ".join(quote.parts))
        if not quote.short and (first in joined or (joined and joined in wanted)):
            return quote
    return None


def score_quotes(article: GoldArticle, quotes: list[QuoteSuggestion], score: Score) -> list[Finding]:
    """Count the speakers suggested for the gold quotations, and the unnamed ones left null."""
    findings = []
    for gold in article.meta.get("quotes") or []:
        score.quotes += 1
        found = quote_for(quote_parts(gold), quotes)
        speaker = found.speaker.entity.id if found and found.speaker.entity else None
        if speaker == gold.get("speaker"):
            score.speaker_right += 1
            continue
        if speaker is None:
            score.speaker_none += 1
        else:
            score.speaker_wrong += 1
        findings.append(Finding(article.id, "speaker", f"„{quote_parts(gold)[0]}“: {speaker}, gold {gold['speaker']}"))
    for words in article.unnamed:
        score.unnamed += 1
        found = quote_for([words], quotes)
        if found is not None and found.speaker.entity is not None:
            findings.append(Finding(article.id, "unnamed", f"„{words} …“ given to {found.speaker.entity.id}"))
        else:
            score.unnamed_right += 1
    return findings


def score_dateline(article: GoldArticle, found: Suggestions, score: Score) -> list[Finding]:
    """Count whether the publication date a dateline gives (or none) was suggested."""
    expected = article.expected_published
    suggested = found.published.iso if found.published else None
    if article.dateline is None and expected is None:
        return []  # no dateline and no date stated: nothing to read
    score.datelines += 1
    if suggested == expected:
        score.date_right += 1
        return []
    if suggested is None:
        score.date_none += 1
    else:
        score.date_wrong += 1
    return [Finding(article.id, "date", f"published {suggested}, gold {expected}")]


# --- the table --------------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, Callable[[Score], str]], ...] = (  # heading, what it shows
    ("figs", lambda s: str(s.figures)),
    ("right", lambda s: str(s.right)),
    ("hedge", lambda s: str(s.hedge)),
    ("wrong", lambda s: str(s.wrong)),
    ("missed", lambda s: str(s.missed)),
    ("topic r/w/null", lambda s: f"{s.topic_right}/{s.topic_wrong}/{s.topic_null}"),
    ("cas>troops", lambda s: str(s.casualty_as_troops)),
    ("speaker r/w/none", lambda s: f"{s.speaker_right}/{s.speaker_wrong}/{s.speaker_none} of {s.quotes}"),
    ("unnamed null", lambda s: f"{s.unnamed_right} of {s.unnamed}"),
    ("dateline r/w/none", lambda s: f"{s.date_right}/{s.date_wrong}/{s.date_none} of {s.datelines}"),
)


def table(rows: list[Score | None]) -> str:
    """Write scores as a plain-text table, one row each (None: a separating line)."""
    cells = [["article", *(heading for heading, _ in COLUMNS)]]
    cells += [[row.label, *(show(row) for _, show in COLUMNS)] if row else [] for row in rows]
    widths = [max(len(line[i]) for line in cells if line) for i in range(len(cells[0]))]
    rule = "  ".join("-" * width for width in widths)
    lines = []
    for line in cells:
        lines.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True))
            )
            if line
            else rule
        )
    return "\n".join([lines[0], rule, *lines[1:]])


def findings_text(findings: list[Finding]) -> str:
    """List what went wrong, one line each."""
    return "\n".join(f"{f.article}: {f.kind}: {f.detail}" for f in findings)
