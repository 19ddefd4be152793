"""Provenance: independent sources per value, kinds, thin-sourcing flags, and a source's changes over time."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from conftest import TODAY, write_content

from generator.analysis.provenance import Provenance
from generator.pipeline import Checked, check, render_encoded
from generator.problems import ContentError
from generator.site.labels import kind_counts
from generator.site.values import format_value

TEXT = (
    "Veröffentlicht: 28. Oktober 2024\n"
    "Das Amt nannte 10.000 Soldaten in Russland. Anna Muster sagte, 12.000 Soldaten seien in Russland.\n"
    "Nachrichtendienste sprechen von 3.000 Soldaten in Russland.\n"
)
EXCERPTS = {
    10000: "Das Amt nannte 10.000 Soldaten in Russland",
    12000: "Anna Muster sagte, 12.000 Soldaten seien in Russland",
    3000: "Nachrichtendienste sprechen von 3.000 Soldaten in Russland",
}


def claim(claim_id: str, value: int, claimant: str | None, **extra: Any) -> dict[str, Any]:
    data = {"id": claim_id, "topic": "zahl", "value": value, "scope": "russland", "claimant": claimant}
    return {**data, **extra, "excerpt": EXCERPTS[value]}


def article(published: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "text": TEXT,
        "meta": {
            "title": f"Artikel vom {published}",
            "source_file": "x.txt",
            "outlet": None,
            "url": None,
            "author": None,
            "language": "de",
            "published": {"date": published, "basis": "stated"},
            "mentions": {"people": ["anna-muster"], "organisations": ["amt"]},
            "claims": claims,
        },
    }


def labels(provenance: Provenance) -> list[str]:
    return [format_value(v.value, provenance.topic) for v in provenance.values]


@pytest.fixture
def dossier(content: dict[str, Any]) -> dict[str, Any]:
    """Three articles repeating the Amt's 10.000, one spokesperson for the Amt, one person, unnamed services."""
    content = copy.deepcopy(content)
    content["people"] += [
        {"id": "sprecher", "name": "Sam Sprecher", "role": "Sprecher des Amts", "speaks_for": "amt"},
    ]
    content["articles"] = {
        "a1": article("2024-10-01", [claim("amt", 10000, "amt")]),
        "a2": article("2024-10-05", [claim("amt", 10000, "amt"), claim("muster", 12000, "anna-muster")]),
        "a3": article("2024-10-09", [claim("sprecher", 10000, "sprecher"), claim("dienste", 3000, None)]),
        "a4": article(
            "2024-11",
            [claim("dienste", 3000, None, claimant_kind="intelligence", attribution="Nachrichtendienste")],
        ),
    }
    return content


def test_articles_repeating_one_source_count_as_one_independent_source(tmp_path, dossier):
    provenance = check(write_content(tmp_path, dossier), TODAY).analysis.provenance["zahl"]
    by_value = dict(zip(labels(provenance), provenance.values, strict=True))
    ten = by_value["10.000"]
    assert ten.articles == ["a1", "a2", "a3"]
    assert [s.key for s in ten.sources] == ["amt"]  # the spokesperson counts as the Amt
    assert ten.independent == 1
    assert (ten.first.text, ten.first_article) == ("2024-10-01", "a1")
    three = by_value["3.000"]
    assert (three.articles, three.sources, len(three.unnamed), three.independent) == (["a3", "a4"], [], 2, 1)
    assert labels(provenance) == ["3.000", "10.000", "12.000"]
    assert (provenance.articles, provenance.independent) == (4, 3)


def test_source_kinds_parties_and_unnamed_kinds(tmp_path, dossier):
    dossier["dossier"]["parties"] = ["kursk"]
    dossier["organisations"][0]["country"] = "kursk"
    provenance = check(write_content(tmp_path, dossier), TODAY).analysis.provenance["zahl"]
    assert kind_counts(provenance) == [
        ("Regierung/Behörde, Konfliktpartei", 1),
        ("nicht eingeordnet", 1),
        ("ohne Namen (Nachrichtendienst)", 1),
    ]
    assert provenance.flags == []


@pytest.mark.parametrize(
    ("keep", "flags"),
    [
        ({"a1"}, ["single", "parties"]),
        ({"a1", "a2"}, []),
        ({"a4"}, ["unnamed"]),  # unnamed claims are never shown to be a single source
        ({"a1", "a4"}, []),
    ],
)
def test_thin_sourcing_flags(tmp_path, dossier, keep, flags):
    dossier["dossier"]["parties"] = ["kursk"]
    dossier["organisations"][0]["country"] = "kursk"
    dossier["articles"] = {k: v for k, v in dossier["articles"].items() if k in keep}
    assert check(write_content(tmp_path, dossier), TODAY).analysis.provenance["zahl"].flags == flags


def test_contradictions_are_also_counted_between_sources(tmp_path, dossier):
    for item in dossier["articles"].values():
        item["meta"]["published"]["date"] = "2024-10"  # one period: every pair of values contradicts
    result = check(write_content(tmp_path, dossier), TODAY).analysis.topics["zahl"]
    # Claims: 10.000 ×3 (one source), 12.000, 3.000 ×2 (unnamed): the 10.000 claims contradict the
    # 12.000 claim three times, but that is one pair of sources.
    assert result.count("contradiction") == 3 * 1 + 3 * 2 + 1 * 2
    assert result.source_pairs == 3


def test_a_source_that_changes_its_figure_shows_the_shift(tmp_path, dossier):
    dossier["articles"]["a5"] = article("2025-01-15", [claim("amt-neu", 12000, "amt")])
    analysis = check(write_content(tmp_path, dossier), TODAY).analysis
    shifts = analysis.shifts_of("amt")
    assert [(c.a.article, c.b.article, c.kind) for c in shifts] == [("a3", "a5", "change")]
    assert analysis.shifts_of("anna-muster") == []


def test_statements_list_quotes_and_claims_in_time_order(tmp_path, dossier, content):
    dossier["articles"]["erster-artikel"] = content["articles"]["erster-artikel"]
    analysis = check(write_content(tmp_path, dossier), TODAY).analysis
    items = [(dating.text, item.article, item.id) for dating, item in analysis.statements_of("anna-muster")]
    assert items == [("2024-10-05", "a2", "muster"), ("2024-10-28", "erster-artikel", "c1"),
                     ("2024-10-28", "erster-artikel", "q1")]  # fmt: skip
    assert [c.id for _, c in analysis.statements_of("amt")] == ["amt", "amt", "sprecher", "c2"]


def render(checked: Checked) -> dict[str, str]:
    """Render every page of a checked dossier as text (the pipeline keeps them as UTF-8)."""
    return {path: data.decode("utf-8") for path, data in render_encoded(checked).items()}


def test_pages_show_sources_per_value_and_the_ranking(tmp_path, dossier):
    dossier["topics"][1]["id"] = "lage"
    pages = render(check(write_content(tmp_path, dossier), TODAY))
    topic = pages["themen/zahl.md"]
    assert (
        '| 10.000 | 3 | 1 | [Amt](../organisationen/amt.md "Regierung/Behörde") (Regierung/Behörde) '
        "| in Russland | [1&#46; Oktober 2024](../artikel/a1.md) |"
    ) in topic
    assert "von **3 unabhängigen Urhebern** (2 benannt, dazu 2 Angaben ohne Namen" in topic
    assert '[Sam Sprecher](../personen/sprecher.md "Sprecher des Amts") für [Amt]' in pages["artikel/a3.md"]
    ranking = pages["quellenlage.md"]
    assert ranking.index("[Anerkennung](themen/lage.md)") > ranking.index("[Zahl der Soldaten](themen/zahl.md)")
    assert "| 1 | [Zahl der Soldaten](themen/zahl.md) | 6 | 4 | 3 |" in ranking


def test_claimant_kind_is_refused_beside_a_named_claimant(tmp_path, dossier):
    dossier["articles"]["a1"]["meta"]["claims"][0]["claimant_kind"] = "government"
    with pytest.raises(ContentError) as info:
        check(write_content(tmp_path, dossier), TODAY)
    assert [str(p) for p in info.value.problems if not p.warning] == [
        "content/articles/a1.yaml:22:18: 'claimant_kind' is only for claims without a named claimant; "
        "the kind of 'amt' comes from its registry entry"
    ]


def test_unknown_speaks_for_and_party_are_reported(tmp_path, dossier):
    dossier["people"][1]["speaks_for"] = "amtt"
    dossier["dossier"]["parties"] = ["russland"]
    with pytest.raises(ContentError) as info:
        check(write_content(tmp_path, dossier), TODAY)
    assert [str(p) for p in info.value.problems if not p.warning] == [
        "content/dossier.yaml:6:3: unknown place 'russland'",
        "content/people.yaml:9:15: unknown organisation 'amtt' (did you mean 'amt'?)",
    ]


def test_a_spokesperson_contradicting_their_organisation_is_no_pair_of_sources(tmp_path, dossier):
    for item in dossier["articles"].values():
        item["meta"]["published"]["date"] = "2024-10"
    dossier["articles"] = {"a1": dossier["articles"]["a1"], "a3": dossier["articles"]["a3"]}
    dossier["articles"]["a3"]["meta"]["claims"] = [claim("sprecher", 12000, "sprecher", excerpt=None)]
    dossier["articles"]["a3"]["meta"]["claims"][0]["excerpt"] = EXCERPTS[12000]
    result = check(write_content(tmp_path, dossier), TODAY).analysis.topics["zahl"]
    assert (result.count("contradiction"), result.source_pairs) == (1, 0)


def test_hedges_make_their_own_values_but_etwa_does_not(tmp_path, dossier):
    claims = dossier["articles"]["a2"]["meta"]["claims"]
    claims[0]["qualifier"] = "etwa"
    claims[1]["qualifier"] = "erwartet"
    provenance = check(write_content(tmp_path, dossier), TODAY).analysis.provenance["zahl"]
    assert [(label, v.articles) for label, v in zip(labels(provenance), provenance.values, strict=True)] == [
        ("3.000", ["a3", "a4"]),
        ("10.000", ["a1", "a2", "a3"]),
        ("erwartet 12.000", ["a2"]),
    ]


def test_latest_and_first_dates_prefer_what_is_certain(tmp_path, dossier):
    dossier["articles"]["a1"]["meta"]["published"]["date"] = "2024"  # vague: may be before or after a2
    dossier["articles"]["a5"] = article(
        "2024-12-20", [claim("amt", 10000, "amt", as_of={"date": "2024-11", "basis": "stated"})]
    )
    dossier["articles"]["a6"] = article(
        "2024-11-02", [claim("amt", 10000, "amt", as_of={"date": "2024-11", "basis": "stated"})]
    )
    provenance = check(write_content(tmp_path, dossier), TODAY).analysis.provenance["zahl"]
    ten = provenance.values[labels(provenance).index("10.000")]
    assert (ten.first.text, ten.first_article) == ("2024-10-05", "a2")  # "2024" ends later
    latest = {(s.key, c.scope): c.article for s, c in provenance.latest}
    assert latest[("amt", "russland")] == "a5"  # same as-of month: the later article wins


def test_a_person_speaking_for_an_organisation_takes_its_kind(tmp_path, dossier):
    dossier["people"][1]["kind"] = "government"
    with pytest.raises(ContentError) as info:
        check(write_content(tmp_path, dossier), TODAY)
    assert [str(p) for p in info.value.problems if not p.warning] == [
        "content/people.yaml:10:9: a person with 'speaks_for' counts as that organisation, whose kind applies; "
        "remove 'kind'"
    ]
