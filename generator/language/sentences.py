"""Sentences and clauses of a German paragraph, and the quotations a sentence never ends inside."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.language.dates import MONTH_ABBREVIATIONS, MONTH_NAMES
from generator.language.lexicon import DOUBLE_QUOTES, LOWER, UPPER
from generator.language.search import ends_with

# A sentence ends after . ! ? … or a closing quotation mark, before a capital, an opening mark or a
# digit; also after a quotation closed by » « " ” after its final punctuation. The white space between
# comes first in the pattern (a character class), so that the search skips to white space at once.
SENTENCE_BREAK = re.compile(
    r"\s(?:(?<=[.!?…“]\s)\s*(?=[A-ZÄÖÜ„\"0-9])"
    rf"|(?<=[.!?…][”\"»«]\s)\s*(?=[{UPPER}„\"»«0-9]))"
)
ABBREVIATION = re.compile(r"\b(?:ca|bzw|vgl|ggf|inkl|evtl|sog|Dr|Prof|Nr|St|Mio|Mrd|Abs|Art|z\. ?B|u\. ?a|d\. ?h)\.$")
ABBREVIATION_WIDTH = 5  # its longest match ("z. B."): a match that ends at a dot starts no further back
DIGIT_DOT = re.compile(r"\d\.$")
DIGITS_AT_END = re.compile(r"(\d+)$")
ORDINAL_CUE = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$", re.IGNORECASE)
ORDINAL_AFTER = re.compile(rf"(?:{MONTH_NAMES}|(?:{'|'.join(MONTH_ABBREVIATIONS)})t?\.?)\b|[{LOWER}]")
QUOTE_MARK = re.compile(f"[{DOUBLE_QUOTES}]")
# A comma, semicolon or colon before white space, or a dash with white space around it; the first character is
# matched first (a character class), so that the search skips to the next one at once.
CLAUSE_BREAK = re.compile(r"[,;:\s](?:(?<=[,;:])\s|(?<=\s)[–—]\s)")
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


def split_sentences(text: str, in_quote: Callable[[int], bool] | None) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, never inside a quotation, after an abbreviation or a date's day.

    `in_quote` tells whether an offset lies within a quotation; None for a paragraph without one.
    """
    bounds, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        end, after = match.span()
        if in_quote is not None and in_quote(end - 1) and in_quote(after):
            continue
        if text[end - 1] == "." and no_full_stop(text, end, after):
            continue
        bounds.append((start, end))
        start = after
    bounds.append((start, len(text)))
    return bounds


def no_full_stop(text: str, end: int, after: int) -> bool:
    """Tell whether the dot before `end` ends no sentence: an abbreviation's, an ordinal's or a date's day's.

    Both patterns end with the dot, so only the few characters before it are searched.
    """
    if ABBREVIATION.search(text, max(0, end - ABBREVIATION_WIDTH), end):
        return True
    return DIGIT_DOT.search(text, max(0, end - 2), end) is not None and is_ordinal(text, end - 1, after)


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
