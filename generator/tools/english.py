"""The English words `dossier diff` uses for the vocabulary: classes of discrepancies, modalities, reasons."""

from __future__ import annotations

from generator.analysis.classify import Comparison
from generator.content.model import Topic
from generator.content.vocabulary import DiscrepancyKind, Modality, Reason
from generator.site.labels import ReasonWords, reason_text

# In the order a reviewer should read them: contradictions matter most.
DISCREPANCY_NAMES = {
    DiscrepancyKind.CONTRADICTION: "contradiction",
    DiscrepancyKind.CHANGE: "change over time",
    DiscrepancyKind.SCOPE: "scope difference",
    DiscrepancyKind.AGREEMENT: "agreement",
}
MODALITY_NAMES = {modality: modality.value for modality in Modality}  # the values are English words
REASON_TEXTS = {
    Reason.SAME_VALUE: "same value",
    Reason.OTHER_SCOPE: "different scopes: {scope_a} / {scope_b}",
    Reason.OTHER_MODALITY: "{modality_a} vs {modality_b}",
    Reason.OTHER_TIME: "different dates: {date_a} / {date_b}",
    Reason.OVERLAPPING_RANGES: "ranges overlap",
    Reason.COMPATIBLE_CATEGORIES: "values do not exclude each other",
    Reason.INCOMPATIBLE: "same scope and period, incompatible values",
    Reason.INCOMPATIBLE_ROUGH_DATE: "same scope and period, incompatible values (a date is known only roughly)",
}
ENGLISH = ReasonWords(REASON_TEXTS, MODALITY_NAMES, lambda dating: dating.text)
NOT_NAMED = "not named"  # a claim whose text names nobody


def reason_words(comparison: Comparison, topic: Topic) -> str:
    """Say in English why two claims were classified as they were (scopes keep their German labels)."""
    return reason_text(comparison, topic, ENGLISH)
