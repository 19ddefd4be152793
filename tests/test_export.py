"""Data exports: dossier.json against its published schema, and the CSV files."""

import csv
import io
import json

from conftest import REPO, TODAY, write_content
from jsonschema import Draft202012Validator

from generator.pipeline import check
from generator.site.export import EXPORT_SCHEMA, render_exports


def texts(files: dict[str, bytes]) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in files.items()}


def test_seed_export_is_valid_against_its_schema_and_complete():
    checked = check(REPO, TODAY)
    files = texts(render_exports(checked.analysis))
    data = json.loads(files["data/dossier.json"])
    Draft202012Validator.check_schema(EXPORT_SCHEMA)
    assert list(Draft202012Validator(json.loads(files["data/dossier.schema.json"])).iter_errors(data)) == []
    assert len(data["articles"]) == 5 and len(data["quotes"]) == 7 and len(data["claims"]) == 23
    assert {d["kind"] for d in data["discrepancies"]} == {
        "disagreement",
        "scope",
    }  # the seeds after re-curation: no contradiction left
    claim = next(c for c in data["claims"] if c["id"] == "pentagon-10000")
    assert claim["value"] == 10000 and claim["spans"][0]["paragraph"] >= 1


def test_csv_rows_point_to_their_passage(tmp_path, content):
    files = texts(render_exports(check(write_content(tmp_path, content), TODAY).analysis))
    claims = list(csv.DictReader(io.StringIO(files["data/claims.csv"])))
    assert [(c["claim"], c["value"], c["qualifier"], c["paragraph"], c["page"]) for c in claims] == [
        ("c1", "3000", "mindestens", "2", "artikel/erster-artikel/#c-c1"),
        ("c2", "10000", "", "4", "artikel/erster-artikel/#c-c2"),
    ]
    quotes = list(csv.DictReader(io.StringIO(files["data/quotes.csv"])))
    assert quotes == [
        {
            "article": "erster-artikel",
            "quote": "q1",
            "speaker": "anna-muster",
            "speaker_kind": "",
            "attribution": "",
            "role": "Sprecherin",
            "text": "Wir sehen das anders … und bleiben dabei.",
            "topic": "",
            "paragraph": "4",
            "page": "artikel/erster-artikel/#q-q1",
        }
    ]


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path, content):
    content["people"][0]["role"] = "=HYPERLINK(0)"
    content["articles"]["erster-artikel"]["meta"]["quotes"][0]["role"] = "=HYPERLINK(0)"
    files = texts(render_exports(check(write_content(tmp_path, content), TODAY).analysis))
    assert "'=HYPERLINK(0)" in files["data/quotes.csv"] and ",=HYPERLINK" not in files["data/quotes.csv"]
