"""Compare the classified pairs of claims for `dossier diff`: disputes between sources first, scope differences counted.

Every pair of claims that does not agree is keyed by both claims' keys; a pair that appears,
disappears, changes its class or its values is a change. The order is the order of weight:
contradictions, disagreements between sources, changes over time, a topic's figures, and scope
differences last, which the report only counts (there are many, and they rarely need a look).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.analysis.compare import Analysis, TopicAnalysis
from generator.content.model import Claim, Dossier
from generator.content.vocabulary import DiscrepancyKind
from generator.language.numbers import format_number
from generator.site.values import format_value, stated_numbers
from generator.tools.diff_cards import claimant_names
from generator.tools.diff_fields import MISSING, Change
from generator.tools.english import DISCREPANCY_NAMES, reason_words

TOPIC = "topic"  # the kind of a change to a topic's range or count of sources
COUNTED = "scope"  # the class of discrepancy that is counted, not listed
# Values of DiscrepancyKind (and TOPIC) in the order a reviewer should read them; a class not named
# here comes after these.
REVIEW_ORDER = ("contradiction", "disagreement", "change", TOPIC, "scope", "agreement")


@dataclass(frozen=True)
class Pair:
    """A pair of claims that does not agree: its class, what it compares (values and claimants), and why."""

    kind: DiscrepancyKind
    sides: str
    reason: str
    topic: str = field(compare=False)  # the topic's title: renaming a topic changes no pair

    @property
    def text(self) -> str:
        """Describe the pair in one line: `Zahl der Soldaten: 10.000 (Amt) vs 12.000 (Anna Muster); reason`."""
        return f"{self.topic}: {self.sides}; {self.reason}"


def diff_discrepancies(base: Analysis | None, head: Analysis) -> list[Change]:
    """List pairs of claims that become, stop being or change as discrepancies, and changed topic figures."""
    old_topics = base.topics if base else {}
    changes = []
    for topic_id in sorted(old_topics.keys() | head.topics.keys()):
        old, new = old_topics.get(topic_id), head.topics.get(topic_id)
        before = pairs_of(old, base.dossier) if old and base else {}
        changes += pair_changes(before, pairs_of(new, head.dossier) if new else {})
        if old and new and base:
            changes += topic_changes(topic_id, (old, base), (new, head))
    return sorted(changes, key=review_rank)


def review_rank(change: Change) -> int:
    """Rank a change by the weight of its kind; sorting keeps topic and key order within a kind."""
    return rank(change.kind)


def rank(kind: str) -> int:
    """Return the place of a class of discrepancy (a value) or TOPIC in REVIEW_ORDER; other classes come last."""
    return REVIEW_ORDER.index(kind) if kind in REVIEW_ORDER else len(REVIEW_ORDER)


def pair_changes(before: dict[str, Pair], after: dict[str, Pair]) -> list[Change]:
    """Compare two topics' pairs: added, removed, and changed in class, in values or claimants, or in reason."""
    changes = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was and now and was != now:
            kind = min(was.kind, now.kind, key=lambda k: rank(k.value))
            details = [f"{DISCREPANCY_NAMES[was.kind]} → {DISCREPANCY_NAMES[now.kind]}"]
            if was.kind == now.kind:
                details = [DISCREPANCY_NAMES[now.kind]]
                details += [f"before: {was.sides}"] if was.sides != now.sides else []
                details += [f"reason before: {was.reason}"] if was.reason != now.reason else []
            changes.append(Change("changed", key, now.text, details, kind.value))
        elif now and not was:
            changes.append(Change("added", key, now.text, [DISCREPANCY_NAMES[now.kind]], now.kind.value))
        elif was and not now:
            changes.append(Change("removed", key, was.text, [DISCREPANCY_NAMES[was.kind]], was.kind.value))
    return changes


def pairs_of(topic: TopicAnalysis, dossier: Dossier) -> dict[str, Pair]:
    """Key every pair of claims that does not agree by both claims' keys."""
    return {
        f"{c.a.article}#c-{c.a.id} ~ {c.b.article}#c-{c.b.id}": Pair(
            c.kind,
            f"{claim_side(c.a, dossier)} vs {claim_side(c.b, dossier)}",
            reason_words(c, topic.topic),
            topic.topic.title,
        )
        for c in topic.comparisons
        if c.kind.is_discrepancy
    }


def claim_side(claim: Claim, dossier: Dossier) -> str:
    """Describe one side of a discrepancy: the value with its hedge and bounds, and who claims it."""
    return f"{format_value(claim, dossier.topics[claim.topic])} ({claimant_names(claim, dossier)})"


def topic_changes(
    topic_id: str, old: tuple[TopicAnalysis, Analysis], new: tuple[TopicAnalysis, Analysis]
) -> list[Change]:
    """Describe a topic whose range of values or number of independent sources changes."""
    (old_topic, base), (new_topic, head) = old, new
    details = []
    if range_of(old_topic) != range_of(new_topic):
        details.append(f"range: {range_of(old_topic)} → {range_of(new_topic)}")
    was, now = base.provenance[topic_id].independent, head.provenance[topic_id].independent
    if was != now:
        details.append(f"independent claimants: {was} → {now}")
    return [Change("changed", f"topics/{topic_id}", new_topic.topic.title, details, TOPIC)] if details else []


def range_of(topic: TopicAnalysis) -> str:
    """Return the span of a topic's numbers and bounds with its unit (`3.000–12.000 Soldaten`), or its categories."""
    numbers = stated_numbers(topic.claims)
    if numbers:
        low, high = format_number(numbers[0]), format_number(numbers[-1])
        span = low if low == high else f"{low}–{high}"
        return f"{span} {topic.topic.unit}" if topic.topic.unit else span
    return ", ".join(topic.categories) or MISSING
