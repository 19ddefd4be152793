import pytest

from generator.analysis.match import closest, find_all, normalise

TEXT = "Er sagte: „Das ist  eine\u00a0schwere Eskalation“ – und ging. Die Zahl: 3.000."


@pytest.mark.parametrize(
    "needle",
    [
        "Das ist eine schwere Eskalation",  # runs of white space and a non-breaking space
        '"Das ist  eine schwere Eskalation"',  # straight quotes for „ “
        "Eskalation“ - und ging",  # hyphen for an en dash
        "schwe\u00adre Eskalation",  # soft hyphen in the needle
    ],
)
def test_typographic_differences_are_tolerated(needle):
    assert find_all(needle, normalise(TEXT))


@pytest.mark.parametrize("needle", ["Das ist eine schwere Eskalatio n", "das ist eine", "3.001", "Eskalation, und"])
def test_other_differences_are_not(needle):
    assert find_all(needle, normalise(TEXT)) == []


def test_offsets_point_into_the_original_text():
    [(start, end)] = find_all("eine schwere", normalise(TEXT))
    assert TEXT[start:end] == "eine\u00a0schwere"


def test_search_starts_after_an_offset():
    text = "Kim sagte dies. Kim sagte das."
    assert find_all("Kim", normalise(text), start=1) == [(16, 19)]


def test_whole_words_only():
    text = normalise("Es sind 13.000 Soldaten, nicht 3.000 Soldaten.")
    assert find_all("3.000 Soldaten", text) == [(31, 45)]
    assert find_all("Soldat", text) == []


def test_closest_passage_names_paragraph_and_similarity():
    index, passage, score = closest("eine schwere Eskalazion", ["Anderer Absatz.", TEXT])
    assert (index, passage) == (1, "eine\u00a0schwere Eskalation")  # the original text, not the folded one
    assert 90 < score < 100
