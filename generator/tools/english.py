"""The English words `dossier diff` uses for the vocabulary: classes of discrepancies, modalities, reasons."""

from __future__ import annotations

from generator.analysis.classify import Comparison
from generator.content.model import Topic
from generator.content.vocabulary import DiscrepancyKind, Modality, Reason
from generator.site.labels import ReasonWords, reason_text

# Keyed by the vocabulary's values and read by iterating it, so that a new class or reason has a
# name here before it has its own words (its value, hyphens as spaces).
KIND_WORDS = {
    "contradiction": "contradiction",
    "disagreement": "disagreement between sources (different times)",
    "change": "change over time",
    "scope": "scope difference",
    "agreement": "agreement",
}
DISCREPANCY_NAMES = {kind: KIND_WORDS.get(kind.value, kind.value.replace("-", " ")) for kind in DiscrepancyKind}
MODALITY_NAMES = {modality: modality.value for modality in Modality}  # the values are English words
REASON_WORDS = {
    "same-value": "same value",
    "other-scope": "different scopes: {scope_a} / {scope_b}",
    "other-modality": "{modality_a} vs {modality_b}",
    "other-time": "one source at different dates: {date_a} / {date_b}",
    "other-source-other-time": "different sources, incompatible values at different dates: {date_a} / {date_b}",
    "overlapping-ranges": "ranges overlap",
    "rounded": "compatible once round numbers are read as rounded",
    "compatible-categories": "values do not exclude each other",
    "incompatible": "same scope and period, incompatible values",
    "incompatible-rough-date": "same scope and period, incompatible values (a date is known only roughly)",
}
REASON_TEXTS = {reason: REASON_WORDS.get(reason.value, reason.value.replace("-", " ")) for reason in Reason}
ENGLISH = ReasonWords(REASON_TEXTS, MODALITY_NAMES, lambda dating: dating.text)
NOT_NAMED = "not named"  # a claim whose text names nobody


def reason_words(comparison: Comparison, topic: Topic) -> str:
    """Say in English why two claims were classified as they were (scopes keep their German labels)."""
    return reason_text(comparison, topic, ENGLISH)
