"""Sentences and clauses of a German paragraph, and the quotations a sentence never ends inside."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.language.dates import MONTH_ABBREVIATIONS, MONTH_NAMES
from generator.language.lexicon import DOUBLE_QUOTES, LOWER, UPPER
from generator.language.search import ends_with

# A sentence ends after . ! ? … or a closing quotation mark, before a capital, an opening mark or a
# digit; also after a quotation closed by » « " ” after its final punctuation.
SENTENCE_END = re.compile(r"(?<=[.!?…“])\s+(?=[A-ZÄÖÜ„\"0-9])")
SENTENCE_BREAK = re.compile(SENTENCE_END.pattern + rf"|(?<=[.!?…][”\"»«])\s+(?=[{UPPER}„\"»«0-9])")
ABBREVIATION = re.compile(r"\b(?:ca|bzw|vgl|ggf|inkl|evtl|sog|Dr|Prof|Nr|St|Mio|Mrd|Abs|Art|z\. ?B|u\. ?a|d\. ?h)\.$")
DIGIT_DOT = re.compile(r"\d\.$")
DIGITS_AT_END = re.compile(r"(\d+)$")
ORDINAL_CUE = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$", re.IGNORECASE)
ORDINAL_AFTER = re.compile(rf"(?:{MONTH_NAMES}|(?:{'|'.join(MONTH_ABBREVIATIONS)})t?\.?)\b|[{LOWER}]")
QUOTE_MARK = re.compile(f"[{DOUBLE_QUOTES}]")
CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—]\s")
COMMA_BREAK = re.compile(r"[,;:]\s")
CLAUSE_INTRO = re.compile(r"\W*(?:dass|wonach|demnach|demzufolge|wie)\b")  # matched at a clause's start


@dataclass(frozen=True)
class Quotation:
    """One pair of quotation marks in a paragraph (offsets of the two marks)."""

    open: int
    close: int


def find_quotations(text: str) -> list[Quotation]:
    """Pair opening and closing double quotation marks of any style, judging each by its neighbours."""
    found, opened = [], None
    for mark in QUOTE_MARK.finditer(text):
        index = mark.start()
        role = mark_role(text, index)
        if role == "open":
            opened = index
        elif role == "close" and opened is not None:
            found.append(Quotation(opened, index))
            opened = None
    return found


def mark_role(text: str, index: int) -> str | None:
    """Tell whether the quotation mark at `index` opens or closes a quotation."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if text[index] == "„" or ((before.isspace() or before in "([{–—/:") and not after.isspace()):
        return "open"
    if not before.isspace():
        return "close"
    return None


def split_sentences(text: str, in_quote: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, never inside a quotation, after an abbreviation or a date's day."""
    bounds, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if in_quote(match.start() - 1) and in_quote(match.end()):
            continue
        if ends_with(ABBREVIATION, text, match.start()) or (
            ends_with(DIGIT_DOT, text, match.start()) and is_ordinal(text, match.start() - 1, match.end())
        ):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def is_ordinal(text: str, end: int, after: int) -> bool:
    """Tell whether the number ending at `end`, followed by a dot, is an ordinal or a date's day, not a sentence's end.

    `after` is where the text goes on after the dot and the white space.
    """
    number = ends_with(DIGITS_AT_END, text, end)
    if number is None or len(number.group(1)) > 3:
        return False
    return bool(ends_with(ORDINAL_CUE, text, number.start()) or ORDINAL_AFTER.match(text, after))


def clause_spans(text: str, sentence: tuple[int, int], dashes: bool = True) -> list[tuple[int, int]]:
    """Split a sentence at commas, semicolons, colons and (unless `dashes` is false) spaced dashes."""
    spans, start = [], sentence[0]
    for match in (CLAUSE_BREAK if dashes else COMMA_BREAK).finditer(text, sentence[0], sentence[1]):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, sentence[1]))
    return spans
