"""A claim's value, bounds and vague words must stand in its own excerpt (analysis/excerpts.py), unless acknowledged."""

from __future__ import annotations

import pytest
from conftest import TODAY, write_content

from generator.analysis.excerpts import read_excerpt
from generator.pipeline import check
from generator.problems import ContentError

YAML = "content/articles/erster-artikel.yaml"
EXTRA = (
    "Das Amt schätzte 30.000 bis 40.000 Soldaten in Russland.\n"
    "Mehrere tausend Soldaten seien bereits in Kursk, sagte Muster.\n"
    "Um 13 Uhr meldete das Amt zwölf Verwundete.\n"
)


def errors(root) -> list[str]:
    with pytest.raises(ContentError) as info:
        check(root, TODAY)
    return [str(p) for p in info.value.problems if not p.warning]


def add_claim(content, **fields) -> dict:
    content["articles"]["erster-artikel"]["text"] += EXTRA
    claim = {"id": "neu", "topic": "zahl", "scope": "russland", "claimant": "amt", **fields}
    content["articles"]["erster-artikel"]["meta"]["claims"].append(claim)
    return claim


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,8 Tausend Soldaten", 3800),
        ("zwölf Soldaten", 12),
        ("zwei Dutzend Offiziere", 24),
        ("12.000 Soldaten", 12000),
        ("12 000 Soldaten", 12000),
        ("12\u202f000 Soldaten", 12000),
        ("1,5 Millionen Granaten", 1_500_000),
    ],
)
def test_the_excerpt_is_read_as_dossier_new_reads_figures(text, value):
    stated, other = read_excerpt(text)
    assert list(stated) == [value]
    assert other == {}


def test_an_ordinal_or_a_time_of_day_is_no_figure():
    assert read_excerpt("am 13. Dezember um 9 Uhr") == (
        {},
        {13: '"13", which is an ordinal number', 9: '"9", which is a time of day'},
    )


def test_a_value_the_excerpt_does_not_state_is_an_error(tmp_path, content, meta):
    meta["claims"][1]["value"] = 50000
    assert errors(write_content(tmp_path, content)) == [
        f"{YAML}:34:10: value 50.000 cannot be read from the excerpt, which states 10.000; correct the number or "
        "the excerpt, or acknowledge it with a reason [value-not-in-excerpt]"
    ]


def test_a_bound_the_excerpt_does_not_state_is_an_error(tmp_path, content):
    add_claim(content, lower=30000, upper=45000, excerpt="30.000 bis 40.000 Soldaten in Russland")
    assert errors(write_content(tmp_path, content)) == [
        f"{YAML}:43:10: upper bound 45.000 cannot be read from the excerpt, which states 30.000, 40.000; correct "
        "the number or the excerpt, or acknowledge it with a reason [value-not-in-excerpt]"
    ]


def test_a_value_that_stands_only_as_a_time_of_day_is_an_error(tmp_path, content):
    add_claim(content, value=13, excerpt="Um 13 Uhr meldete das Amt zwölf Verwundete")
    assert errors(write_content(tmp_path, content)) == [
        f'{YAML}:42:10: value 13 stands in the excerpt only as "13", which is a time of day, not a figure; correct '
        "the number or the excerpt, or acknowledge it with a reason [value-not-in-excerpt]"
    ]


def test_a_range_needs_no_value_and_a_bound_may_stand_alone(tmp_path, content):
    add_claim(content, lower=30000, upper=40000, excerpt="30.000 bis 40.000 Soldaten in Russland")
    content["articles"]["erster-artikel"]["meta"]["claims"][0].pop("value")
    content["articles"]["erster-artikel"]["meta"]["claims"][0]["lower"] = 3000
    checked = check(write_content(tmp_path, content), TODAY)
    claims = checked.dossier.articles["erster-artikel"].claims
    assert [(c.value, c.lower, c.upper, c.qualifier) for c in claims] == [
        (None, 3000, None, "mindestens"),
        (10000, None, None, None),
        (None, 30000, 40000, None),
    ]
    assert checked.warnings == []


def test_a_numeric_claim_needs_a_value_bounds_or_vague_words(tmp_path, content, meta):
    meta["claims"][1].pop("value")
    assert errors(write_content(tmp_path, content)) == [
        f"{YAML}:32:3: missing key 'value': topic 'zahl' is numeric (a range gives 'lower' and 'upper' instead)"
    ]


def test_vague_words_are_kept_as_written(tmp_path, content):
    add_claim(
        content, vague="Mehrere tausend", scope="kursk", excerpt="Mehrere tausend Soldaten seien bereits in Kursk"
    )
    checked = check(write_content(tmp_path, content), TODAY)
    claim = checked.dossier.articles["erster-artikel"].claims[-1]
    assert (claim.value, claim.vague) == (None, "Mehrere tausend")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"vague": "mehrere tausend"},
            ':43:10: vague words "mehrere tausend" do not stand in the excerpt; copy them exactly as the text writes '
            "them",
        ),
        (
            {"vague": "3.000"},
            ':43:10: vague words "3.000" state a number ("3.000"): give it as value, lower or upper',
        ),
        (
            {"vague": "Mehrere tausend", "value": 2000},
            ":44:3: a vague quantity has no value: leave 'value' out (give 'lower'/'upper' only if the text states "
            "them)",
        ),
    ],
)
def test_vague_words_must_stand_in_the_excerpt_and_state_no_number(tmp_path, content, fields, message):
    add_claim(content, scope="kursk", excerpt="Mehrere tausend Soldaten seien bereits in Kursk", **fields)
    found = errors(write_content(tmp_path, content))
    assert [f"{YAML}{message}"] == [p for p in found if "vague" in p]


def test_an_acknowledged_finding_is_counted_not_reported(tmp_path, content, meta):
    meta["claims"][1]["value"] = 50000
    reason = "Die Zahl steht im Vorsatz des Absatzes"
    meta["claims"][1]["acknowledge"] = [{"check": "value-not-in-excerpt", "reason": reason}]
    checked = check(write_content(tmp_path, content), TODAY)
    assert checked.warnings == []
    assert [(p.check, p.acknowledged, p.line) for p in checked.acknowledged] == [("value-not-in-excerpt", reason, 34)]


def test_an_acknowledgement_that_matches_nothing_is_a_warning(tmp_path, content, meta):
    meta["claims"][1]["acknowledge"] = [{"check": "value-not-in-excerpt", "reason": "alt"}]
    checked = check(write_content(tmp_path, content), TODAY)
    assert [str(p) for p in checked.warnings] == [
        f"{YAML}:39:5: warning: acknowledged 'value-not-in-excerpt', but check finds nothing of it here any "
        "more; remove it"
    ]


def test_an_acknowledgement_in_the_wrong_place_is_an_error(tmp_path, content, meta):
    meta["claims"][1]["acknowledge"] = [{"check": "figure-not-claimed", "reason": "Nebensache"}]
    meta["acknowledge"] = [{"check": "as-of-after-published", "reason": "x", "figure": "neun"}]
    assert errors(write_content(tmp_path, content)) == [
        f"{YAML}:39:12: 'figure-not-claimed' is acknowledged in the article's own 'acknowledge' list",
        f"{YAML}:42:10: 'as-of-after-published' is acknowledged on the claim it is about",
    ]


def test_an_unclaimed_figure_is_acknowledged_by_its_words(tmp_path, content, meta):
    content["articles"]["erster-artikel"]["text"] += "Das Amt zählte neun Soldaten in Kursk.\n"
    checked = check(write_content(tmp_path, content), TODAY)
    assert [p.check for p in checked.warnings] == ["figure-not-claimed"]
    assert str(checked.warnings[0]).endswith("[figure-not-claimed]")
    meta["acknowledge"] = [{"check": "figure-not-claimed", "figure": "neun Soldaten", "reason": "Nur ein Beispiel"}]
    checked = check(write_content(tmp_path, content), TODAY)
    assert (checked.warnings, [p.acknowledged for p in checked.acknowledged]) == ([], ["Nur ein Beispiel"])
    meta["acknowledge"][0]["figure"] = "zehn Soldaten"
    checked = check(write_content(tmp_path, content), TODAY)
    assert [p.check for p in checked.warnings] == ["figure-not-claimed", ""]
