"""Figures read right (issue 14): multipliers, number words, vague quantities, datelines, hearsay,
floors and ranges, casualty figures and topics, unnamed and named speakers. Sentences are fictional."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE, TODAY, write_content
from test_hostile_cost import assert_linear, repeat

from generator.language import figures
from generator.language.dates import find_dateline
from generator.language.figures import find_modality
from generator.language.numerals import find_numbers, number_value
from generator.tools.new import create_article, load_registry
from generator.tools.suggest import Suggestions, suggest


def suggestions(text: str, content: dict[str, Any], tmp_path: Path, today: date = TODAY) -> Suggestions:
    registry = load_registry(write_content(tmp_path, content), [])
    assert registry is not None
    return suggest(text, registry, today)


def values(found: Suggestions) -> list[float | None]:
    return [c.value for c in found.claims]


def draft(text: str, content: dict[str, Any], tmp_path: Path) -> str:
    root = write_content(tmp_path, content)
    _, yml = create_article(root, text.encode("utf-8"), "neu.txt", today=TODAY)
    return yml.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,8 Tausend", 3800),
        ("980 Tausend", 980_000),
        ("1,5 Millionen", 1_500_000),
        ("zwei Dutzend", 24),
        ("drei Millionen", 3_000_000),
        ("zwölf", 12),
        ("dreitausend", 3000),
        ("12 000", 12000),
        ("1\u202f200\u202f000", 1_200_000),
    ],
)
def test_number_values(text, value):
    [match] = find_numbers(f"Es kamen {text} Fischer.")
    assert number_value(match) == value


def test_thousands_are_one_figure_and_tausend_alone_none(tmp_path, content):
    text = "Im Hafen lagen 3,8 Tausend Boote, am Ufer warteten 980 Tausend Gäste. Tausend Dank, riefen Tausende.\n"
    found = suggestions(text, content, tmp_path)
    assert values(found) == [3800, 980_000]
    assert [c.phrase for c in found.claims] == ["3,8 Tausend Boote", "980 Tausend Gäste"]


def test_number_words_are_figures_only_with_a_unit(tmp_path, content):
    text = (
        "Neun Soldaten bewachten die Brücke, zwölf Boote lagen am Steg. Zwei Dutzend Soldaten kamen hinzu, "
        "drei Millionen Besucher sahen zu. Einer ging, zwei blieben, ein Soldat schlief, vor zwei Jahren.\n"
    )
    found = suggestions(text, content, tmp_path)
    assert values(found) == [9, 12, 24, 3_000_000]
    assert [c.topic.id if c.topic else None for c in found.claims] == ["zahl", None, "zahl", None]
    assert found.skipped_numbers == []


def test_vague_quantities_are_comments_not_claims(tmp_path, content):
    text = (
        "Mehrere tausend Minenräumer arbeiten am Fluss. Hunderte Soldaten und Dutzende Boote sind dort.\n"
        "Einige hundert Helfer kamen, Tausende sahen zu; 1,5 Millionen Euro flossen.\n"
    )
    found = suggestions(text, content, tmp_path)
    assert values(found) == [1_500_000]
    takes = "a claim on it takes vague:"
    assert found.vague == [
        f'"Mehrere tausend Minenräumer" (paragraph 1); {takes} "Mehrere tausend"',
        f'"Hunderte Soldaten" (paragraph 1); {takes} "Hunderte"',
        f'"Dutzende Boote" (paragraph 1); {takes} "Dutzende"',
        f'"Einige hundert Helfer" (paragraph 2); {takes} "Einige hundert"',
        f'"Tausende" (paragraph 2); {takes} "Tausende"',
    ]
    assert (
        f'# vague quantity, no number: "Mehrere tausend Minenräumer" (paragraph 1); {takes} "Mehrere tausend"\n'
        in draft(text, content, tmp_path)
    )


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Seoul, 13. Dez (Reuters) - Die Fähre legte mit 300 Fahrgästen ab.", "2025-12-13"),
        ("Washington, 4. November (AP) — Die Fähre legte mit 300 Fahrgästen ab.", "2025-11-04"),
        ("Moskau/Berlin, 2. Jan. (AFP) – Die Fähre legte mit 300 Fahrgästen ab.", "2026-01-02"),
        ("KIEW (dpa) - Die Fähre legte mit 300 Fahrgästen ab.", None),
    ],
)
def test_agency_datelines_give_a_date_and_no_figure(tmp_path, content, line, iso):
    found = suggestions(line + "\n", content, tmp_path, today=date(2026, 1, 10))
    assert values(found) == [300]
    assert found.claims[0].excerpt == "Die Fähre legte mit 300 Fahrgästen ab"
    assert (found.published.iso if found.published else None) == iso
    if iso:
        assert found.published is not None and "Ortsmarke" in (found.published.reason or "")


def test_a_dateline_takes_its_year_from_the_text(tmp_path, content):
    found = find_dateline("Seoul, 13. Dez (Reuters) - Am 1. Mai 2023 war es ruhig.", 1, [2023], date(2026, 1, 1))
    assert found is not None and found.iso == "2023-12-13" and "im Text" in (found.reason or "")
    text = "Seoul, 13. Dez (Reuters) - Die Fähre legte mit 300 Fahrgästen ab.\n"
    yml = draft(text, content, tmp_path)
    assert "  date: '2025-12-13'  # suggestion: from the dateline" in yml
    assert "  basis: inferred\n" in yml and "  reason: Tag und Monat aus der Ortsmarke" in yml


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("SEOUL, 13. Dezember 2024 (Reuters) - Die Fähre legte mit 300 Fahrgästen ab.", "2024-12-13"),
        ("Berlin, 2. März 2025 (dpa) – Die Fähre legte mit 300 Fahrgästen ab.", "2025-03-02"),
    ],
)
def test_a_dateline_with_a_year_states_the_date(tmp_path, content, line, iso):
    found = suggestions(line + "\n", content, tmp_path, today=date(2026, 1, 10))
    assert values(found) == [300]
    assert found.claims[0].excerpt == "Die Fähre legte mit 300 Fahrgästen ab"
    assert found.published is not None and (found.published.iso, found.published.reason) == (iso, None)
    yml = draft(line + "\n", content, tmp_path)
    assert f"  date: '{iso}'  # suggestion: from the dateline" in yml and "  basis: stated\n" in yml


def test_plan_words_make_a_figure_planned_not_expected(tmp_path, content):
    text = (
        "Die Reederei plant, bis zum Sommer 300 bis 400 Fähren zu bauen. Geplant ist, ihre Zahl bis "
        "Jahresende auf 500 Fähren zu erhöhen. Vorgesehen sind 60 Fähren. Es kommen bis Jahresende 70 Fähren.\n"
    )
    found = suggestions(text, content, tmp_path)
    assert [c.qualifier for c in found.claims] == [
        ("geplant", "plant"),
        ("geplant", "Geplant"),
        ("geplant", "Vorgesehen"),
        ("erwartet", "bis Jahresende"),
    ]


def test_hearsay_is_no_expectation(tmp_path, content):
    text = (
        "Nach Angaben aus Seoul sollen 3.000 Soldaten verlegt worden sein. Angeblich warten 400 Soldaten.\n"
        "Medienberichten zufolge sind es 500 Soldaten. Bis zum Jahresende sollen es 6.000 Soldaten werden.\n"
        "Erwartet werden 700 Soldaten, geplant sind 800 Soldaten.\n"
    )
    found = suggestions(text, content, tmp_path)
    assert [(c.value, c.qualifier, c.hearsay) for c in found.claims] == [
        (3000, None, "sollen … worden sein"),
        (400, None, "Angeblich"),
        (500, None, "Medienberichten zufolge"),
        (6000, ("erwartet", "sollen"), None),
        (700, ("erwartet", "Erwartet"), None),
        (800, ("geplant", "geplant"), None),
    ]
    yml = draft(text, content, tmp_path)
    assert '    # hearsay: "sollen … worden sein"\n' in yml
    assert "    citing: Medienberichten zufolge  # suggestion: the text relies on earlier reports\n" in yml


def test_floors_ceilings_approximations_and_ranges(tmp_path, content):
    text = (
        "Die Wache hat bereits identifiziert 3.000 Soldaten. Über 2.000 Soldaten, mehr als 50 Soldaten, "
        "höchstens 90 Soldaten, bis zu 70 Soldaten. Ungefähr 10 Soldaten, circa 20 Soldaten, knapp 30 Soldaten.\n"
        "Es sind 30.000 bis 40.000 Soldaten, dann zwischen 10.000 und 12.000 Soldaten, 3,8 bis 4 Millionen Gäste.\n"
    )
    found = suggestions(text, content, tmp_path)
    assert [(c.value, c.lower, c.upper, c.qualifier[0] if c.qualifier else None) for c in found.claims] == [
        (3000, None, None, "mindestens"),
        (2000, None, None, "mehr als"),
        (50, None, None, "mehr als"),
        (90, None, None, "höchstens"),
        (70, None, None, "bis zu"),
        (10, None, None, "etwa"),
        (20, None, None, "etwa"),
        (30, None, None, "etwa"),
        (None, 30_000, 40_000, None),
        (None, 10_000, 12_000, None),
        (None, 3_800_000, 4_000_000, None),
    ]


@pytest.fixture
def two_soldier_topics(content: dict[str, Any]) -> dict[str, Any]:
    """BASE with a second topic counting soldiers: the killed ones."""
    content["topics"].append(
        {
            "id": "gefallene",
            "title": "Getötete Soldaten",
            "question": "Wie viele Soldaten wurden getötet?",
            "kind": "numeric",
            "unit": "Soldaten",
            "scopes": [{"id": "front", "label": "an der Front"}],
        }
    )
    return content


def test_casualty_figures_never_go_to_a_troop_strength_topic(tmp_path, content, two_soldier_topics):
    text = "Am Fluss wurden 40 Soldaten getötet. Im Lager sind 900 Soldaten stationiert.\n"
    found = suggestions(text, two_soldier_topics, tmp_path / "two")
    assert [c.topic.id if c.topic else None for c in found.claims] == ["gefallene", "zahl"]
    alone = suggestions(text, copy.deepcopy(BASE), tmp_path / "one")
    assert [c.topic.id if c.topic else None for c in alone.claims] == [None, "zahl"]
    assert alone.claims[0].topic_reason.startswith('"getötet": a casualty figure')


def test_a_relative_clause_of_casualties_makes_a_casualty_figure(tmp_path, content, two_soldier_topics):
    text = (
        "Der Admiral sprach von 70 Soldaten, die am Fluss ums Leben gekommen seien. Er nannte auch 80 Soldaten, "
        "die verwundet worden seien. Im Lager sind 900 Soldaten, die Verluste erlitten haben.\n"
    )
    found = suggestions(text, two_soldier_topics, tmp_path)
    assert [c.topic.id if c.topic else None for c in found.claims] == ["gefallene", "gefallene", "zahl"]


def test_a_number_word_before_a_casualty_participle_is_a_figure(tmp_path, content, two_soldier_topics):
    text = "Am Fluss wurden zwölf Soldaten getötet und zwei Dutzend verwundet. Zwei Dutzend kamen später.\n"
    found = suggestions(text, two_soldier_topics, tmp_path)
    assert [(c.value, c.unit, c.topic.id if c.topic else None) for c in found.claims] == [
        (12, "Soldaten", "gefallene"),
        (24, "Soldaten", "gefallene"),
    ]


def test_an_organisation_quoted_is_no_speaker_and_no_earlier_name(tmp_path, content):
    text = (
        "Anna Muster besuchte den Hafen. „Diese Zahlen sind frei erfunden“, erklärte das Amt am Dienstag.\n"
        "Anna Muster reiste ab. Das Außenministerium in Oslo teilte mit: „Wir prüfen jeden Hinweis genau.“\n"
    )
    first, second = suggestions(text, content, tmp_path).quotes
    assert first.speaker.entity is None and "„Amt“ (organisation 'amt')" in first.speaker.reason
    assert second.speaker.entity is None and "„Außenministerium in Oslo“" in second.speaker.reason


def test_an_unnamed_spokesperson_is_the_speaker_not_an_earlier_name(tmp_path, content):
    content["organisations"].append({"id": "hafenbehoerde", "name": "Hafenbehörde", "kind": "government"})
    text = (
        "Anna Muster besuchte den Hafen. Ein Sprecher des Außenministeriums sagte: „Wir prüfen jeden Hinweis genau.“\n"
        "Eine Sprecherin der Hafenbehörde erklärte: „Wir geben dazu nichts weiter bekannt.“\n"
    )
    first, second = suggestions(text, content, tmp_path).quotes
    assert first.speaker.entity is None and first.speaker.reason.startswith(
        "speaker: unnamed spokesperson of „Außenministerium“"
    )
    assert first.role == "Sprecher des Außenministeriums"
    assert second.speaker.entity is None and "„Hafenbehörde“ (organisation 'hafenbehoerde')" in second.speaker.reason


def test_the_speaker_is_the_person_not_the_institute(tmp_path, content):
    text = "Die Forscherin Hanna Kleinert vom Institut Nordlicht sagte: „Das ändert die Lage am Fluss.“\n"
    [quote] = suggestions(text, content, tmp_path).quotes
    assert quote.speaker.named is not None and quote.speaker.named.label == "Hanna Kleinert"
    assert quote.role == "Forscherin"


@pytest.mark.parametrize(
    "unit",
    [
        "mehrere   ",  # a vague cue before a long run of spaces
        "zwei Dutzend Soldaten getötet, ",  # number words and casualty words in one long sentence
        "angeblich sollen Aa-Aa zufolge ",  # hearsay words again and again
        "Ein Sprecher des Aa ",  # unnamed spokespeople before one quotation
        "Aa/",  # a dateline's place that never ends
        "70 Soldaten, die gefallen sind, ",  # relative clauses of casualties
        "Geplant sei, 30 Soldaten zu verlegen, ",  # plans governing infinitive clauses
        "erklärte das Amt in Aa ",  # bodies as speech verbs' subjects
    ],
    ids=["vague", "words", "hearsay", "spokesperson", "dateline", "relative", "plan", "body"],
)
def test_the_new_cues_cost_linear_time(tmp_path, content, unit):
    registry = load_registry(write_content(tmp_path, content), [])
    assert registry is not None
    assert_linear(lambda size: suggest(repeat(unit, size) + "sagte sie: „Das ist so.“", registry, TODAY))


@pytest.mark.parametrize(
    ("clause", "modality"),
    [
        ("Die Truppen sollen bis zum Jahresende verlegt werden", ("erwartet", "sollen")),
        ("Sie sollen verlegt worden sein, erwartet werden 3.000", ("erwartet", "erwartet")),
        ("Geplant sind 15.000, möglicherweise mehr", ("geplant", "Geplant")),
        ("Vermutlich sind es 3.000", None),  # a capital: the pattern takes only "vermutlich"
        ("es sind vermutlich 3.000", ("möglicherweise", "vermutlich")),
        ("Es sind 3.000 Soldaten bis Ende des Jahres", ("erwartet", "bis Ende des Jahres")),
        ("Nach Angaben der Soldaten", None),
    ],
)
def test_one_search_for_any_modal_word_changes_no_clause_s_modality(clause, modality, monkeypatch):
    assert find_modality(clause, (0, len(clause))) == modality
    monkeypatch.setattr(figures, "ANY_MODALITY", re.compile(""))  # every clause goes on to each modality's pattern
    assert find_modality(clause, (0, len(clause))) == modality
