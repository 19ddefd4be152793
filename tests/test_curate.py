"""Curators' consistency warnings: unlisted speakers, figures without a claim, claimants under two names, late as_of."""

import pytest
from conftest import TODAY, write_content

from generator.analysis.warnings import fold_words
from generator.cli import main
from generator.pipeline import check

YAML = "content/articles/erster-artikel.yaml"
MERGE = "if both are one claimant, merge them into one entry with every spelling as an alias"


def warnings(tmp_path, content) -> list[str]:
    return [str(p) for p in check(write_content(tmp_path, content), TODAY).warnings]


def add_text(content, *paragraphs: str) -> None:
    content["articles"]["erster-artikel"]["text"] += "".join(f"{p}\n" for p in paragraphs)


def test_the_base_content_is_consistent(tmp_path, content):
    assert warnings(tmp_path, content) == []


# --- a quoted person missing from mentions.people ---------------------------------------------


@pytest.fixture
def bert(content, meta):
    """A second speaker, quoted twice, not listed in mentions.people."""
    content["people"].append({"id": "bert-beispiel", "name": "Bert Beispiel", "role": "Analyst"})
    for number, said in ((2, "Das stimmt so nicht ganz"), (3, "Wir warten die Zahlen ab")):
        meta["quotes"].append({"id": f"q{number}", "speaker": "bert-beispiel", "role": "Analyst", "text": said})
    return content


def test_a_quoted_person_not_in_mentions_is_named_once(tmp_path, bert):
    add_text(bert, "„Das stimmt so nicht ganz“, sagte Bert Beispiel. „Wir warten die Zahlen ab“, fügte er an.")
    assert warnings(tmp_path, bert) == [
        f"{YAML}:25:12: warning: speaker 'bert-beispiel' is not listed in mentions.people; add it there"
    ]


def test_a_quoted_person_the_text_does_not_name_needs_an_alias_first(tmp_path, bert):
    add_text(bert, "„Das stimmt so nicht ganz“, sagte der Analyst. „Wir warten die Zahlen ab“, fügte er an.")
    assert warnings(tmp_path, bert) == [
        f"{YAML}:25:12: warning: speaker 'bert-beispiel' is not listed in mentions.people, and none of its names "
        "('Bert Beispiel') is in the text; add the spelling the text uses as an alias, then list it"
    ]


def test_a_listed_speaker_gives_no_warning(tmp_path, bert, meta):
    add_text(bert, "„Das stimmt so nicht ganz“, sagte Bert Beispiel. „Wir warten die Zahlen ab“, fügte er an.")
    meta["mentions"]["people"].append("bert-beispiel")
    assert warnings(tmp_path, bert) == []


# --- a figure no claim covers -----------------------------------------------------------------


def test_figures_on_a_topic_without_a_claim_are_quoted_with_a_suggested_claim(tmp_path, content):
    add_text(
        content, "Später war von rund 12.000 Soldaten die Rede.", "Die Schätzungen reichten von 0 bis 12.000 Soldaten."
    )
    figure = "but no claim's excerpt covers it; add a claim"
    assert warnings(tmp_path, content) == [
        f"{YAML}:24:1: warning: paragraph 5 of erster-artikel.txt states \"rund 12.000 Soldaten\" (topic 'zahl'), "
        f'{figure} (value: 12000, qualifier: etwa) with excerpt: "Später war von rund 12.000 Soldaten die Rede" '
        "[figure-not-claimed]",
        f'{YAML}:24:1: warning: paragraph 6 of erster-artikel.txt states "0 bis 12.000 Soldaten" '
        f"(topic 'zahl'), {figure} (lower: 0, upper: 12000) with excerpt: "
        '"Die Schätzungen reichten von 0 bis 12.000 Soldaten" [figure-not-claimed]',
    ]


def test_years_dates_ordinals_durations_other_units_and_headings_are_no_figures(tmp_path, content):
    add_text(
        content,
        "Im Jahr 2024 kamen am 3. November weitere hinzu, die 2. Division seit 3 Monaten mit 40 Panzern.",
        "Seit 2023 und bis Ende 2025 bleibt es beim 28.10.2024 genannten Stand.",
        "12.000 Soldaten für Russland",  # a heading
    )
    assert warnings(tmp_path, content) == []


def test_a_figure_in_a_claims_excerpt_or_in_a_repetition_of_it_is_covered(tmp_path, content, meta):
    add_text(content, "Noch einmal: Das Amt nannte 10.000 Soldaten in Russland.", "Zuvor waren es 8.000 Soldaten.")
    meta["claims"].append(
        {
            "id": "c3",
            "topic": "zahl",
            "value": 8000,
            "scope": "russland",
            "claimant": None,
            "excerpt": "Zuvor waren es 8.000 Soldaten",
        }
    )
    assert warnings(tmp_path, content) == [
        f"{YAML}:37:12: warning: claim excerpt occurs 2 times (paragraphs 4, 5); the first is highlighted"
    ]


# --- one claimant under two names -------------------------------------------------------------


def test_a_claim_without_claimant_whose_attribution_names_a_registered_one(tmp_path, content, meta):
    meta["claims"][1].update(claimant=None, attribution="Sprecher des Amtes")
    assert warnings(tmp_path, content) == [
        f"{YAML}:36:13: warning: claimant is null, but the attribution 'Sprecher des Amtes' names 'Amt' ('amt'); "
        "set claimant: amt [claimant-in-attribution]"
    ]
    meta["claims"][1]["attribution"] = "Anna Musters Amt"
    assert warnings(tmp_path, content) == [
        f"{YAML}:36:13: warning: claimant is null, but the attribution 'Anna Musters Amt' names "
        "'Anna Muster' ('anna-muster') and 'Amt' ('amt'); set claimant to the one that asserts it "
        "[claimant-in-attribution]"
    ]
    for unnamed in ("westliche Geheimdienste", "Amt-Kritiker"):
        meta["claims"][1]["attribution"] = unnamed
        assert warnings(tmp_path, content) == []


def test_registry_entries_whose_names_differ_only_by_case_inflection_or_a_letter(tmp_path, content):
    content["people"] += [
        {"id": "wladimir-putin", "name": "Wladimir Putin", "role": "Präsident"},
        {"id": "vladimir-putin", "name": "Vladimir Putin", "role": "Präsident"},
        {"id": "praesident", "name": "Präsident Russlands", "aliases": ["Wladimir Putins"], "role": "Präsident"},
        {"id": "kim", "name": "Kim Jong-un", "role": "Staatschef"},
        {"id": "kim-jong-un", "name": "Kim Jong Un", "role": "Staatschef"},
    ]
    content["organisations"] += [
        {"id": "sicherheitsrat", "name": "Nationaler Sicherheitsrat", "kind": "government"},
        {
            "id": "sicherheitsrat-usa",
            "name": "Sicherheitsrat",
            "aliases": ["nationalen Sicherheitsrats"],
            "kind": "government",
        },
    ]
    assert warnings(tmp_path, content) == [
        "content/organisations.yaml:10:5: warning: name 'nationalen Sicherheitsrats' of 'sicherheitsrat-usa' "
        "matches 'Nationaler Sicherheitsrat' of 'sicherheitsrat' (content/organisations.yaml:5:9) once case and "
        f"inflection are ignored; {MERGE}",
        "content/people.yaml:10:9: warning: name 'Vladimir Putin' of 'vladimir-putin' nearly matches "
        "'Wladimir Putin' of 'wladimir-putin' (content/people.yaml:7:9, 93% similar once case and inflection are "
        f"ignored); {MERGE}",
        "content/people.yaml:15:5: warning: name 'Wladimir Putins' of 'praesident' matches 'Wladimir Putin' of "
        f"'wladimir-putin' (content/people.yaml:7:9) once case and inflection are ignored; {MERGE}",
        "content/people.yaml:15:5: warning: name 'Wladimir Putins' of 'praesident' nearly matches 'Vladimir Putin' "
        "of 'vladimir-putin' (content/people.yaml:10:9, 93% similar once case and inflection are ignored); "
        f"{MERGE}",
        "content/people.yaml:21:9: warning: name 'Kim Jong Un' of 'kim-jong-un' matches 'Kim Jong-un' of 'kim' "
        f"(content/people.yaml:18:9) once case and inflection are ignored; {MERGE}",
    ]


def test_distinct_names_and_names_the_model_reports_give_no_twin_warning(tmp_path, content):
    content["people"] += [
        {"id": "kim-jong-un", "name": "Kim Jong Un", "role": "Staatschef"},
        {"id": "kim-jong-il", "name": "Kim Jong Il", "role": "Staatschef"},
        {"id": "max-muster", "name": "Max Muster", "aliases": ["Muster"], "role": "Sprecher"},
    ]
    content["organisations"] += [
        {"id": "schosaitz", "name": "Nachrichtendienst Schosaitz", "kind": "intelligence"},
        {"id": "rischaitz", "name": "Nachrichtendienst Rischaitz", "kind": "intelligence"},
    ]
    assert warnings(tmp_path, content) == [
        "content/people.yaml:15:5: warning: name 'Muster' is also used by 'anna-muster'; mentions would be ambiguous"
    ]


def test_names_are_folded_without_case_umlauts_and_inflection():
    assert fold_words("südkoreanischen Geheimdienstes") == fold_words("Südkoreanischer Geheimdienst")
    assert fold_words("Kims Streitkräften") == ("kim", "streitkraeft")
    assert fold_words("Peters") == fold_words("Peter")
    assert fold_words("Putins Pentagons") == fold_words("Putin Pentagon") == ("putin", "pentagon")


# --- as_of after the publication --------------------------------------------------------------


def test_an_as_of_after_the_publication_is_named(tmp_path, content, meta):
    meta["claims"][0]["as_of"] = {"date": "2024-11", "basis": "stated"}
    late = f"{YAML}:33:11: warning: as_of 2024-11 lies after the article's published date 2024-10-28; "
    assert warnings(tmp_path, content) == [
        late + "a text reports what held by then: correct one of the two dates [as-of-after-published]"
    ]
    meta["claims"][0]["qualifier"] = "erwartet"
    assert warnings(tmp_path, content) == [
        late + "a text reports what held by then: correct one of the two dates (a figure 'erwartet' is dated "
        "when it was expected; its target belongs in the scope) [as-of-after-published]"
    ]


@pytest.mark.parametrize(
    ("published", "as_of"),
    [("2024-10-28", "2024-10"), ("2024-10-28", "2024"), ("2024-10", "2024-10-31"), ("2024-10-28", "2024-10-28")],
)
def test_an_as_of_that_may_lie_before_the_publication_is_fine(tmp_path, content, meta, published, as_of):
    meta["published"]["date"] = published
    meta["claims"][0]["as_of"] = {"date": as_of, "basis": "stated"}
    assert warnings(tmp_path, content) == []


def test_check_prints_curator_warnings_and_still_passes(tmp_path, content, meta, capsys):
    meta["claims"][0]["as_of"] = {"date": "2024-11", "basis": "stated"}
    assert main(["--root", str(write_content(tmp_path, content)), "check"]) == 0
    assert capsys.readouterr().err == (
        f"{YAML}:33:11: warning: as_of 2024-11 lies after the article's published date 2024-10-28; a text reports "
        "what held by then: correct one of the two dates [as-of-after-published]\n0 error(s), 1 warning(s)\n"
    )


def test_check_counts_acknowledged_findings_apart(tmp_path, content, meta, capsys):
    meta["claims"][0]["as_of"] = {"date": "2024-11", "basis": "stated"}
    reason = "Der Text datiert die Zahl auf Anfang November"
    meta["claims"][0]["acknowledge"] = [{"check": "as-of-after-published", "reason": reason}]
    assert main(["--root", str(write_content(tmp_path, content)), "check"]) == 0
    assert capsys.readouterr().err == "0 error(s), 0 warning(s), 1 acknowledged\n"
