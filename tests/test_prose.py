"""Stale numbers in hand-written prose: counts of articles and a topic's figures that the data contradicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, TEXT, TODAY, write_content
from test_hostile_cost import assert_linear

from generator import pipeline
from generator.analysis.compare import analyse
from generator.analysis.prose import ValueCursor, page_blocks, prose_warnings
from generator.analysis.stale_numbers import Facts, Span, find_stale
from generator.content.build import build_model
from generator.content.load import load_content

SOLDATEN = Span(3000.0, 30000.0, frozenset({3000.0, 10000.0, 12000.0, 30000.0}), "Soldaten")
FACTS = Facts(articles=8, outlets=None, sources=6, spans={"zahl": SOLDATEN})
COUNT_ADVICE = "let the home page state the count (it is generated) or update the text"
RANGE_ADVICE = "the topic page states the range (it is generated): leave the figure out or update the text"


def prose_of(root: Path) -> list[str]:
    """Return the prose warnings of a content tree, as `dossier check` prints them."""
    content, _ = load_content(root)
    dossier, _ = build_model(content, TODAY)
    analyse(dossier)
    return [str(p) for p in sorted(prose_warnings(dossier, content.dossier, content.registries))]


def messages(text: str, field: str = "summary", topic: str | None = None, facts: Facts = FACTS) -> list[str]:
    return [message for _, message in find_stale(text, facts, field, topic)]


# --- counts -----------------------------------------------------------------------------------


def test_a_number_word_counting_the_articles_is_checked_in_the_summary(tmp_path: Path, content: dict[str, Any]):
    content["dossier"]["summary"] = "Das Dossier vergleicht fünf Artikel über Soldaten."
    assert prose_of(write_content(tmp_path, content)) == [
        "content/dossier.yaml:2:33: warning: summary says 'fünf Artikel', the dossier has 1 article; " + COUNT_ADVICE
    ]


def test_a_digit_count_stands_where_it_is_in_a_folded_text(tmp_path: Path, content: dict[str, Any]):
    dossier = (
        "title: Testdossier\n"
        "summary: >-\n"
        "  Ein kleines Dossier über Soldaten in Russland.\n"
        "  Es vergleicht 3 Artikel, die das Dossier gesammelt hat.\n"
        "key_topics: [zahl]\n"
    )
    root = write_content(tmp_path, content, raw={"dossier.yaml": dossier})
    assert prose_of(root) == [
        "content/dossier.yaml:4:17: warning: summary says '3 Artikel', the dossier has 1 article; " + COUNT_ADVICE
    ]


def test_counts_of_berichte_and_of_sources_are_read_too():
    assert messages("Das Dossier vergleicht sieben Berichte.") == [
        f"summary says 'sieben Berichte', the dossier has 8 articles; {COUNT_ADVICE}"
    ]
    assert messages("Das Dossier vergleicht Angaben aus neun Quellen.") == [
        f"summary says 'neun Quellen', the dossier has 8 articles and 6 independent sources; {COUNT_ADVICE}"
    ]
    assert messages("Das Dossier vergleicht Angaben aus sechs Quellen.") == []  # the independent sources


def test_a_correct_count_gives_no_warning():
    assert messages("Das Dossier vergleicht acht deutschsprachige Artikel.") == []
    assert messages("Das Dossier vergleicht 8 Artikel aus den Jahren 2024 und 2025.") == []


def test_a_hedged_count_is_a_bound():
    assert messages("Das Dossier vergleicht mehr als fünf Artikel.") == []
    ten = Facts(articles=10, outlets=None, sources=6, spans={})
    assert messages("Das Dossier umfasst etwa elf Artikel.", facts=ten) == []  # "etwa": within a tenth
    assert messages("Das Dossier umfasst etwa zwölf Artikel.", facts=ten) == [
        f"summary says 'etwa zwölf Artikel', the dossier has 10 articles; {COUNT_ADVICE}"
    ]
    assert messages("Das Dossier vergleicht mindestens zehn Artikel.") == [
        f"summary says 'mindestens zehn Artikel', the dossier has 8 articles; {COUNT_ADVICE}"
    ]


def test_outlets_are_counted_only_when_every_outlet_is_known():
    assert messages("Das Dossier vergleicht Artikel aus vier Medien.") == []
    known = Facts(articles=8, outlets=3, sources=6, spans={})
    assert messages("Das Dossier vergleicht Artikel aus vier Medien.", facts=known) == [
        f"summary says 'vier Medien', the dossier has articles from 3 outlets; {COUNT_ADVICE}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wiederholen fünf Artikel dieselbe Angabe des Pentagon, beruht sie auf einem Urheber.",
        "Bei 10.000 Artikeln umfasst der Suchindex des Dossiers 76 MB.",
        "Ein Dossier, das über Jahre wächst, kann 10.000 Artikel umfassen.",
        "Die Agentur vergleicht täglich 200 Artikel.",  # no dossier named: about something else
        "Das Dossier zeigt, dass drei Artikel die Zahl 10.000 nennen.",  # no verb of collecting
        "Ein Leser schrieb: „Das Dossier vergleicht fünf Artikel.“",  # a quotation
        "Im Dossier nennen drei Artikel 10.000 Soldaten, zwei Berichte 3.000.",
    ],
)
def test_numbers_of_articles_about_something_else_are_not_counts(text: str):
    assert messages(text, field="page") == []


def test_a_page_warns_at_the_line_of_the_count_and_leaves_code_alone(tmp_path: Path, content: dict[str, Any]):
    page = (
        "# Über das Dossier\n"
        "\n"
        "Dieses Dossier stellt nebeneinander, was\n"
        "zwei deutschsprachige Artikel berichten.\n"
        "\n"
        "```\n"
        "Das Dossier vergleicht 7 Artikel.\n"
        "```\n"
        "Das Dossier vergleicht `7 Artikel` im Beispiel.\n"
    )
    root = write_content(tmp_path, content, raw={"pages/ueber.md": page})
    assert prose_of(root) == [
        "content/pages/ueber.md:4:1: warning: page says 'zwei deutschsprachige Artikel', the dossier has 1 article; "
        + COUNT_ADVICE
    ]


def test_notes_and_registry_descriptions_are_read(tmp_path: Path, content: dict[str, Any], meta: dict[str, Any]):
    """A note's figure ("mindestens 3.000 Soldaten") is no count; figures are checked in descriptions of topics only."""
    meta["notes"] = ["Das Dossier vergleicht 4 Artikel; dieser ist der erste."]
    meta["claims"][0]["note"] = "Der Text nennt mindestens 3.000 Soldaten; das Dossier vergleicht 2 Berichte."
    content["places"][0]["description"] = "Region in Russland; das Dossier umfasst 6 Artikel darüber."
    assert prose_of(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:32:74: warning: note of claim 'c1' says '2 Berichte', the dossier has "
        "1 article; " + COUNT_ADVICE,
        "content/articles/erster-artikel.yaml:40:26: warning: note says '4 Artikel', the dossier has 1 article; "
        + COUNT_ADVICE,
        "content/places.yaml:6:56: warning: description of 'kursk' says '6 Artikel', the dossier has 1 article; "
        + COUNT_ADVICE,
    ]


# --- figures of a topic -----------------------------------------------------------------------


def test_a_stale_range_in_a_topic_description_is_reported(tmp_path: Path, content: dict[str, Any]):
    description = "Die Artikel nennen Zahlen zwischen mindestens 3.000 und bis zu 12.000 Soldaten."
    content["topics"][0]["description"] = description
    assert prose_of(write_content(tmp_path, content)) == [
        "content/topics.yaml:11:42: warning: description of topic 'zahl' says 'zwischen mindestens 3.000 und bis zu "
        "12.000 Soldaten', but the topic's claims range from 3.000 to 10.000 Soldaten; " + RANGE_ADVICE
    ]


def test_a_range_that_names_the_claims_bounds_gives_no_warning():
    text = "Die Artikel nennen Zahlen zwischen mindestens 3.000 und bis zu 30.000 Soldaten."
    assert messages(text, "description of topic 'zahl'", "zahl") == []
    assert messages("Die Angaben reichen bis zu 12.000.", "description of topic 'zahl'", "zahl") == [
        "description of topic 'zahl' says 'bis zu 12.000', but the topic's claims range from 3.000 to 30.000 "
        f"Soldaten; {RANGE_ADVICE}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ein Geheimdienst nannte mindestens 3.000 Soldaten.",
        "Selenskyj erwartete 10.000 bis 12.000 Soldaten.",
        "Das Pentagon sprach von etwa 31.000 Soldaten.",  # 31.000 within a tenth of 30.000
        "Eine Schätzung lautet bis zu 20.000.",
        "Neun Soldaten sollen getötet worden sein, 40 Tote meldet Kiew.",  # casualties, not troops
        "Der Artikel 5 des Vertrags gilt seit 2024.",
    ],
)
def test_figures_consistent_with_the_claims_or_about_something_else_give_no_warning(text: str):
    assert messages(text, "description of topic 'zahl'", "zahl") == []


def test_a_figure_outside_the_claims_is_reported():
    assert messages("Eine Schätzung nennt mindestens 40.000 Soldaten.", "description of topic 'zahl'", "zahl") == [
        "description of topic 'zahl' says 'mindestens 40.000 Soldaten', but the topic's claims range from 3.000 to "
        f"30.000 Soldaten; {RANGE_ADVICE}"
    ]


def test_the_summary_checks_figures_of_a_unit_only_one_topic_has():
    text = "Die Texte nennen unterschiedliche Zahlen – von mindestens 3.000 bis zu 12.000 Soldaten – und Orte."
    assert messages(text) == [
        "summary says 'von mindestens 3.000 bis zu 12.000 Soldaten', but the claims on topic 'zahl' range from "
        f"3.000 to 30.000 Soldaten; {RANGE_ADVICE}"
    ]
    twins = Facts(8, None, 6, {"zahl": SOLDATEN, "verluste": Span(9.0, 9.0, frozenset({9.0}), "Soldaten")})
    assert messages(text, facts=twins) == []  # two topics count Soldaten: which one is meant cannot be told
    assert messages("Die Artikel nennen bis zu 12.000 Soldaten.", "page") == []  # pages: counts only


# --- the seeds, positions, cost ---------------------------------------------------------------


def test_the_bundled_seed_content_gives_no_prose_warning():
    assert prose_of(REPO) == []


def test_a_stale_count_reaches_dossier_check(tmp_path: Path, content: dict[str, Any]):
    content["dossier"]["summary"] = "Das Dossier vergleicht fünf Artikel über Soldaten."
    warnings = [str(p) for p in pipeline.check(write_content(tmp_path, content), TODAY).warnings]
    assert any("summary says 'fünf Artikel'" in warning for warning in warnings)


def test_a_value_whose_words_cannot_be_followed_falls_back_to_its_start():
    source = 'summary: "Ein \\"Dossier\\" vergleicht 5 Artikel"\n'
    value = 'Ein "Dossier" vergleicht 5 Artikel'
    assert ValueCursor(source, 9, value).seek(0) == 10
    assert ValueCursor(source, 9, value).seek(value.index("5")) is None


def test_prose_costs_time_linear_in_its_length():
    count = "Das Dossier vergleicht fünf Artikel, "
    assert_linear(lambda size: find_stale(count * (size // len(count)), FACTS, "summary"))
    figures = "zwischen mindestens 3.000 und bis zu 12.000 Soldaten, 7 "
    assert_linear(lambda size: find_stale(figures * (size // len(figures)), FACTS, "summary", "zahl"))
    bare = "und dann die Zahl 1234, "  # one sentence of numbers without a unit: none looks back over all the others
    assert_linear(lambda size: find_stale(bare * (size // len(bare)) + "9 Soldaten", FACTS, "x", "zahl"))
    line = "Das Dossier vergleicht 5 Artikel,"

    def follow(size: int) -> None:
        value = " ".join([line] * (size // len(line)))
        cursor = ValueCursor("summary: >-\n" + "".join(f"  {line}\n" for _ in range(size // len(line))), 9, value)
        for offset in range(23, len(value), len(line) + 1):
            assert cursor.seek(offset) is not None

    assert_linear(follow)
    page = "Das Dossier\nvergleicht 5 Artikel.\n\n```\n"
    assert_linear(lambda size: list(page_blocks(page * (size // len(page)))))


def test_a_claim_of_two_claimants_counts_both_as_sources(tmp_path: Path, content: dict[str, Any]):
    claims = content["articles"]["erster-artikel"]["meta"]["claims"]
    claims[0]["claimant"], claims[1]["claimant"] = "amt", ["amt", "anna-muster"]  # Anna Muster only as the second
    content["dossier"]["summary"] = "Das Dossier vergleicht Angaben aus drei Quellen."
    assert prose_of(write_content(tmp_path, content)) == [
        "content/dossier.yaml:2:45: warning: summary says 'drei Quellen', the dossier has 1 article and "
        "2 independent sources; " + COUNT_ADVICE
    ]


def test_a_count_is_placed_exactly_in_a_file_with_another_warning(tmp_path: Path, content: dict[str, Any]):
    """Reporting the quote's warning first records the file's positions; the note's count is still placed exactly."""
    article = content["articles"]["erster-artikel"]
    article["text"] = TEXT + "Noch einmal: „Wir sehen das anders“, und bleiben dabei.\n"
    article["meta"]["notes"] = ["Das Dossier vergleicht 4 Artikel; dieser ist der erste."]
    root = write_content(tmp_path, content)
    expected = [
        "content/articles/erster-artikel.yaml:22:3: warning: quote occurs 2 times (paragraphs 4, 5); the first is"
        " highlighted",
        "content/articles/erster-artikel.yaml:39:26: warning: note says '4 Artikel', the dossier has 1 article; "
        + COUNT_ADVICE,
    ]
    assert [str(p) for p in pipeline.check(root, TODAY).warnings] == expected
    assert [str(p) for p in pipeline.Session(root).generate(today=TODAY)[0].warnings] == expected
