"""Who says what: quotes by organisations and unnamed speakers, speaks_for chains, several claimants, cited sources."""

from __future__ import annotations

import copy
import csv
import io
import re
from typing import Any

import pytest
from conftest import TODAY, write_content

from generator.pipeline import check, render_encoded
from generator.problems import ContentError
from generator.tools.new import create_article

TEXT = (
    "Veröffentlicht: 28. Oktober 2024\n"
    "Kim Jong Un sagte, 3.000 Soldaten seien in Kursk. Die KCNA meldete 3.000 Soldaten in Kursk.\n"
    "Geheimdiensten aus Seoul und Kiew zufolge sind 3.000 Soldaten in Kursk.\n"
    "Ein Sprecher des Amtes sagte: „Wir prüfen jeden Hinweis genau.“ Das Amt erklärte: „Wir bleiben dabei.“\n"
)
EXCERPTS = {
    "kim": "Kim Jong Un sagte, 3.000 Soldaten seien in Kursk",
    "kcna": "Die KCNA meldete 3.000 Soldaten in Kursk",
    "dienste": "Geheimdiensten aus Seoul und Kiew zufolge sind 3.000 Soldaten in Kursk",
}


def claim(claim_id: str, claimant: Any, **extra: Any) -> dict[str, Any]:
    data = {"id": claim_id, "topic": "zahl", "value": 3000, "scope": "kursk", "claimant": claimant}
    return {**data, **extra, "excerpt": EXCERPTS[claim_id]}


@pytest.fixture
def dossier(content: dict[str, Any]) -> dict[str, Any]:
    """A leader and his state medium, a spokesperson of that medium, two services, one article."""
    content = copy.deepcopy(content)
    content["people"] += [
        {"id": "kim-jong-un", "name": "Kim Jong Un", "role": "Staatschef", "speaks_for": "fuehrung"},
        {"id": "sprecherin", "name": "Sina Sprecherin", "role": "Sprecherin der KCNA", "speaks_for": "kcna"},
    ]
    content["organisations"] += [
        {"id": "kcna", "name": "KCNA", "kind": "state-media", "speaks_for": "fuehrung"},
        {"id": "fuehrung", "name": "Staatsführung", "kind": "government"},
        {"id": "dienst-seoul", "name": "Dienst Seoul", "kind": "intelligence"},
        {"id": "dienst-kiew", "name": "Dienst Kiew", "kind": "intelligence"},
    ]
    meta = content["articles"]["erster-artikel"]["meta"]
    meta["mentions"] = {"people": ["kim-jong-un"], "organisations": ["kcna", "amt"]}
    meta["quotes"] = []
    meta["claims"] = [claim("kim", "kim-jong-un"), claim("kcna", "kcna")]
    content["articles"]["erster-artikel"]["text"] = TEXT
    return content


def errors(root: Any) -> list[str]:
    with pytest.raises(ContentError) as info:
        check(root, TODAY)
    return [str(p) for p in info.value.problems if not p.warning]


def test_a_leader_and_his_state_medium_count_as_one_source(tmp_path, dossier):
    checked = check(write_content(tmp_path, dossier), TODAY)
    claims = checked.dossier.articles["erster-artikel"].claims
    assert [(c.claimant, c.source, c.sources) for c in claims] == [
        ("kim-jong-un", "fuehrung", ("fuehrung",)),
        ("kcna", "fuehrung", ("fuehrung",)),
    ]
    [value] = checked.analysis.provenance["zahl"].values
    assert ([s.key for s in value.sources], value.independent) == (["fuehrung"], 1)


def test_a_chain_from_a_person_through_two_organisations_ends_at_the_last(tmp_path, dossier):
    dossier["articles"]["erster-artikel"]["meta"]["claims"] = [claim("kcna", "sprecherin")]
    checked = check(write_content(tmp_path, dossier), TODAY)
    [found] = checked.dossier.articles["erster-artikel"].claims
    assert (found.source, checked.dossier.entities["people"]["sprecherin"].counts_as) == ("fuehrung", "fuehrung")
    page = render_encoded(checked)["organisationen/kcna.md"].decode("utf-8")
    assert "Angaben dieser Organisation zählen als Angaben des Urhebers „Staatsführung“ |" in page


def test_a_speaks_for_circle_is_an_error_at_its_first_member(tmp_path, dossier):
    dossier["organisations"][2]["speaks_for"] = "kcna"  # fuehrung → kcna → fuehrung
    assert errors(write_content(tmp_path, dossier)) == [
        "content/organisations.yaml:7:15: 'speaks_for' runs in a circle (kcna → fuehrung → kcna); "
        "end the chain at an organisation that speaks for itself"
    ]


def test_several_claimants_each_count_and_an_unnamed_one_counts_as_unnamed(tmp_path, dossier):
    several = claim("dienste", ["dienst-seoul", "dienst-kiew", None], claimant_kind="intelligence")
    dossier["articles"]["erster-artikel"]["meta"]["claims"] = [several]
    checked = check(write_content(tmp_path, dossier), TODAY)
    [found] = checked.dossier.articles["erster-artikel"].claims
    assert (found.claimant, found.source, found.sources) == (
        "dienst-seoul",
        "dienst-seoul",
        ("dienst-seoul", "dienst-kiew", ""),
    )
    [value] = checked.analysis.provenance["zahl"].values
    assert ([s.key for s in value.sources], len(value.unnamed), value.independent) == (
        ["dienst-kiew", "dienst-seoul"],
        1,
        3,
    )
    article = render_encoded(checked)["artikel/erster-artikel.md"].decode("utf-8")
    assert "(Nachrichtendienst) und nicht benannt (Nachrichtendienst) |" in article
    assert "[Dienst Seoul](" in article and "[Dienst Kiew](" in article
    assert "3.000" in render_encoded(checked)["organisationen/dienst-kiew.md"].decode("utf-8")


def test_claimant_kind_beside_named_claimants_only_is_refused(tmp_path, dossier):
    several = claim("dienste", ["dienst-seoul", "dienst-kiew"], claimant_kind="intelligence")
    dossier["articles"]["erster-artikel"]["meta"]["claims"] = [several]
    assert errors(write_content(tmp_path, dossier)) == [
        "content/articles/erster-artikel.yaml:25:18: 'claimant_kind' is only for claims without a named claimant; "
        "the kind of 'dienst-seoul', 'dienst-kiew' comes from its registry entry"
    ]


def test_a_claim_relaying_a_registered_source_counts_as_that_source(tmp_path, dossier):
    relayed = claim("dienste", "dienst-seoul", cites="kcna", citing="KCNA zufolge")
    dossier["articles"]["erster-artikel"]["meta"]["claims"] = [claim("kcna", "kcna"), relayed]
    checked = check(write_content(tmp_path, dossier), TODAY)
    assert [c.sources for c in checked.dossier.articles["erster-artikel"].claims] == [("fuehrung",), ("fuehrung",)]
    [value] = checked.analysis.provenance["zahl"].values
    assert value.independent == 1
    article = render_encoded(checked)["artikel/erster-artikel.md"].decode("utf-8")
    # the first row links both; the relaying row names them again with the links' tooltips
    assert "[KCNA](../organisationen/kcna.md " in article and "für [Staatsführung](" in article
    assert re.search(
        r', gestützt auf <span title="[^"]+">KCNA</span> für <span title="[^"]+">Staatsführung</span>', article
    )
    assert "(„KCNA zufolge“)" in article


def test_an_unknown_cited_id_is_reported_with_a_suggestion(tmp_path, dossier):
    dossier["articles"]["erster-artikel"]["meta"]["claims"][0]["cites"] = "kcan"
    assert errors(write_content(tmp_path, dossier)) == [
        "content/articles/erster-artikel.yaml:24:10: unknown person or organisation 'kcan' (did you mean 'kcna'?)"
    ]


def quote(speaker: str | None, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"q{len(text)}", "speaker": speaker, **extra, "text": text}


def test_a_quote_without_a_speaker_needs_its_kind_and_the_texts_words(tmp_path, dossier):
    dossier["articles"]["erster-artikel"]["meta"]["quotes"] = [quote(None, "Wir prüfen jeden Hinweis genau.")]
    assert errors(write_content(tmp_path, dossier)) == [
        "content/articles/erster-artikel.yaml:17:3: missing key 'attribution': a quote with 'speaker: null' needs "
        "the text's words",
        "content/articles/erster-artikel.yaml:17:3: missing key 'speaker_kind': a quote with 'speaker: null' needs "
        "what kind of source it is",
    ]


def test_a_named_speaker_takes_no_kind_and_a_quoted_person_needs_a_role(tmp_path, dossier):
    dossier["articles"]["erster-artikel"]["meta"]["quotes"] = [
        quote("amt", "Wir bleiben dabei.", speaker_kind="government"),
        quote("kim-jong-un", "Wir prüfen jeden Hinweis genau."),
    ]
    assert errors(write_content(tmp_path, dossier)) == [
        "content/articles/erster-artikel.yaml:19:17: 'speaker_kind' is only for quotes without a named speaker; "
        "the kind of 'amt' comes from its registry entry",
        "content/articles/erster-artikel.yaml:21:3: missing key 'role': a quoted person needs their role at the time",
    ]


def test_quotes_by_an_unnamed_spokesperson_and_an_organisation_are_shown_escaped(tmp_path, dossier):
    hostile = "<script>alert(1)</script> | Ein Sprecher"
    dossier["articles"]["erster-artikel"]["meta"]["quotes"] = [
        quote(None, "Wir prüfen jeden Hinweis genau.", speaker_kind="government", attribution=hostile),
        quote("amt", "Wir bleiben dabei.", note="Erklärung des Amtes"),
    ]
    checked = check(write_content(tmp_path, dossier), TODAY)
    pages = {path: data.decode("utf-8") for path, data in render_encoded(checked).items()}
    article = pages["artikel/erster-artikel.md"]
    assert "<script>" not in article and "| Ein Sprecher" not in article
    row = "nicht benannt („&#60;script&#62;alert(1)&#60;/script&#62; &#124; Ein Sprecher“) (Regierung/Behörde) | – |"
    assert row in article
    assert "| Zitat | – | „Wir bleiben dabei.“ | – |" in pages["organisationen/amt.md"]
    assert "Wir prüfen jeden Hinweis genau" not in pages["organisationen/amt.md"]
    [unnamed, _] = csv.DictReader(io.StringIO(pages["data/quotes.csv"]))
    assert (unnamed["speaker"], unnamed["speaker_kind"], unnamed["attribution"]) == ("", "government", hostile)


def test_dossier_new_proposes_the_kind_and_words_of_an_unnamed_speaker(tmp_path, content):
    text = (
        "Ein Sprecher des Außenministeriums sagte: „Wir prüfen jeden Hinweis genau.“\n"
        "Das Amt erklärte: „Wir bleiben dabei, ganz genau.“\n"
    )
    root = write_content(tmp_path, content)
    _, yml = create_article(root, text.encode("utf-8"), "neu.txt", today=TODAY)
    draft = yml.read_text(encoding="utf-8")
    assert "    speaker_kind: government  # suggestion: what kind of source the words name\n" in draft
    assert "    attribution: Ein Sprecher des Außenministeriums  # suggestion: the words the text uses" in draft
    assert "    attribution: Das Amt  # suggestion:" in draft
    assert "set speaker: amt, or leave null with speaker_kind and attribution" in draft
