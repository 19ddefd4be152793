"""Where numbers start: the fast search finds exactly the places the plain pattern finds."""

import re
import sys

from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.language.numerals import (
    FIRST_LETTERS,
    NUMBER_START,
    SECOND_LETTERS,
    THOUSANDS,
    WORD_STARTS,
    find_numbers,
)

# Where a number may start, written plainly: a digit not after a word character, a dot, a comma or a colon, or a
# number word (any case) at a word boundary. NUMBER_START must find the same places, faster.
PLAIN_START = re.compile(rf"\d(?<![\w.,:]\d)|\b(?i:{THOUSANDS}|dutzend)")
PIECES = [
    "zwei", "Zwei", "ZWEIHUNDERT", "zweitausend", "Dreißig", "dreiẞig", "ſechs", "ſieben", "Achtzig", "acht",
    "Elfmeter", "NEUN", "neunzig", "zehn", "zwölf", "Zwanzig", "hundert", "Dutzend", "dutzende", "Aa", "de", "sa",
    "3", "12.000", "3,8", "1.", "A1", "x-3", ":5", " ", "-", ".", ",", "\n", "„", "“", "ı", "İ", "K", "ü",
]  # fmt: skip


def starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [found.start() for found in pattern.finditer(text)]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_number_starts_are_those_of_the_plain_pattern(pieces):
    text = "".join(pieces)
    assert starts(NUMBER_START, text) == starts(PLAIN_START, text)


def test_number_starts_in_the_seed_texts_are_those_of_the_plain_pattern():
    for path in sorted((REPO / "content" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert starts(NUMBER_START, text) == starts(PLAIN_START, text), path.name


def test_the_letter_classes_take_every_character_that_matches_a_letter_of_a_word_in_any_case():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for position, letters in ((0, FIRST_LETTERS), (1, SECOND_LETTERS)):
        wanted = {c for word in WORD_STARTS for c in re.findall(f"(?i){re.escape(word[position])}", every)}
        assert wanted <= set(re.findall(f"(?i)[{letters}]", every))
        assert {"ſ", "S", "Ü"} & wanted  # the long s (for "sechs") and capitals are among them


def test_only_the_shortest_of_words_that_start_alike_is_looked_for():
    assert "zwei" in WORD_STARTS and "zweihundert" not in WORD_STARTS and "dreißig" not in WORD_STARTS
    text = "Zweihunderttausend Soldaten und zwei Dutzend Panzer"
    assert [m.group() for m in find_numbers(text)] == ["Zweihunderttausend", "zwei Dutzend"]
