"""Sentences and clauses: the fast searches split a paragraph exactly where the plain definitions do."""

import re

from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.language.lexicon import UPPER
from generator.language.passage import Passage
from generator.language.search import ends_with
from generator.language.sentences import ABBREVIATION, DIGIT_DOT, clause_spans, is_ordinal

# The plain definitions: white space after the end of a sentence, looked for at every character; an
# abbreviation or a date's day looked for in the whole stretch before the dot that `ends_with` searches.
PLAIN_BREAK = re.compile(r"(?<=[.!?…“])\s+(?=[A-ZÄÖÜ„\"0-9])" + rf"|(?<=[.!?…][”\"»«])\s+(?=[{UPPER}„\"»«0-9])")
PLAIN_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—]\s")
PIECES = [
    "Er ", "sagte ", "am ", "im ", "der ", "3. ", "12. ", "2024. ", "Mai ", "Mai. ", "z. B. ", "z.B. ", "u. a. ",
    "Dr. ", "Prof. ", "ca. ", "bzw. ", "Nr. ", "Kim. ", "Ärger. ", "Über ", "Ende! ", "Ende? ", "Ende… ", "„Wir ",
    "gehen.“ ", "gehen“, ", "» ", "« ", '"Ja." ', ", ", "; ", ": ", " – ", " — ", "-", " ", "  ", "\n", "\t",
    "\u00a0", "(", "x", ".", "Öl.",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def plain_sentences(text: str, in_quote) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in PLAIN_BREAK.finditer(text):
        end, after = match.span()
        if in_quote(end - 1) and in_quote(after):
            continue
        if ends_with(ABBREVIATION, text, end) or (ends_with(DIGIT_DOT, text, end) and is_ordinal(text, end - 1, after)):
            continue
        bounds.append((start, end))
        start = after
    bounds.append((start, len(text)))
    return bounds


def plain_clauses(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    spans, start = [], sentence[0]
    for match in PLAIN_CLAUSE_BREAK.finditer(text, *sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, sentence[1]))
    return spans


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(texts)
def test_sentences_and_clauses_are_those_of_the_plain_definitions(text):
    passage = Passage(text)
    assert passage.sentences == plain_sentences(text, passage.in_quote)
    for sentence in passage.sentences:
        assert clause_spans(text, sentence) == plain_clauses(text, sentence)


def test_the_seed_paragraphs_split_as_by_the_plain_definitions():
    for path in sorted((REPO / "content" / "articles").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            passage = Passage(paragraph)
            assert passage.sentences == plain_sentences(paragraph, passage.in_quote), paragraph
            for sentence in passage.sentences:
                assert clause_spans(paragraph, sentence) == plain_clauses(paragraph, sentence)


def test_abbreviations_dates_and_quotations_end_no_sentence():
    text = "Er kam am 3. Mai mit Dr. Kim. „Wir gehen. Sofort“, sagte er. Dann ging er."
    assert [text[a:b] for a, b in Passage(text).sentences] == [
        "Er kam am 3. Mai mit Dr. Kim.",
        "„Wir gehen. Sofort“, sagte er.",
        "Dann ging er.",
    ]
