"""The who-said-what matrix."""

from conftest import TODAY, write_content

from generator.pipeline import check
from generator.site.matrix import who_said_what


def test_sources_by_topic_with_their_quotes_and_claims(tmp_path, content):
    matrix = who_said_what(check(write_content(tmp_path, content), TODAY).analysis)
    assert [e.id for e in matrix.rows] == ["anna-muster", "amt"]  # people first, then organisations
    assert [t.id if t else None for t in matrix.columns] == ["zahl", None]
    person, org = matrix.rows
    zahl, no_topic = matrix.columns
    assert [item.id for item in matrix.cell(person, zahl)] == ["c1"]
    assert [item.id for item in matrix.cell(person, no_topic)] == ["q1"]
    assert [item.id for item in matrix.cell(org, zahl)] == ["c2"]
    assert matrix.cell(org, no_topic) == []
