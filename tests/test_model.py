import pytest
from conftest import TODAY, write_content

from generator.content.model import split_paragraphs
from generator.pipeline import check
from generator.problems import ContentError


def errors(root) -> list[str]:
    with pytest.raises(ContentError) as info:
        check(root, TODAY)
    return [str(p) for p in info.value.problems]


def test_unknown_speaker_gets_a_suggestion(tmp_path, content, meta):
    meta["quotes"][0]["speaker"] = "muster"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:19:12: unknown person or organisation 'muster' "
        "(did you mean 'anna-muster'?)"
    ]


def test_unknown_topic_gets_a_close_match(tmp_path, content, meta):
    meta["claims"][1]["topic"] = "zahll"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:33:10: unknown claim topic 'zahll' (did you mean 'zahl'?)"
    ]


def test_impossible_and_future_dates(tmp_path, content, meta):
    meta["published"]["date"] = "2024-02-30"
    meta["claims"][0]["as_of"] = {"date": "2027-01", "basis": "stated"}
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:8:9: impossible date '2024-02-30'"
    ]
    meta["published"]["date"] = "2024-02-29"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:33:11: date '2027-01' is in the future"
    ]


def test_inferred_date_needs_a_reason(tmp_path, content, meta):
    meta["published"]["basis"] = "inferred"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:8:3: an inferred date needs a 'reason' naming the evidence"
    ]


def test_claim_value_must_fit_its_topic(tmp_path, content, meta):
    meta["claims"][0].update(category="bestaetigt", lower=5000, upper=4000, scope="kurks")
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:27:10: value 3000 lies outside its bounds",
        "content/articles/erster-artikel.yaml:29:10: unknown scope 'kurks' of topic 'zahl' "
        "(did you mean 'kursk'?); expected one of: russland, kursk",
        "content/articles/erster-artikel.yaml:32:3: topic 'zahl' is numeric; use 'value', not 'category'",
        "content/articles/erster-artikel.yaml:33:10: lower bound 5000 is above upper bound 4000",
    ]


def test_categorical_claim_needs_a_known_category(tmp_path, content, meta):
    meta["claims"][1].update(topic="lage", scope="einsatz", category="bestritten")
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:34:3: topic 'lage' is categorical; use 'category', not 'value'",
        "content/articles/erster-artikel.yaml:38:13: unknown category 'bestritten' of topic 'lage' "
        "(did you mean 'bestreitet'?); expected one of: bestaetigt, bestreitet",
    ]


def test_duplicate_ids(tmp_path, content, meta):
    content["people"].append({"id": "anna-muster", "name": "Anna Zwei", "role": "x"})
    meta["claims"][1]["id"] = "c1"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:32:7: duplicate id 'c1' (first at line 25)",
        "content/people.yaml:6:7: duplicate id 'anna-muster' (first at line 1)",
    ]


def test_split_paragraphs_recognises_headings_and_datelines():
    paragraphs = split_paragraphs("Veröffentlicht: 1. Mai 2024\nKurzer Titel\n\nEin Satz mit Punkt.\n")
    assert [(p.number, p.kind, p.anchor) for p in paragraphs] == [
        (1, "dateline", "p-1"),
        (2, "heading", "p-2"),
        (3, "text", "p-3"),
    ]
