"""The developers' content reference, docs/reference.md, is generated from the schema and kept up to date."""

from conftest import REPO

from generator.content.reference import REFERENCE_DOC, REFRESH, render_reference_doc


def test_the_reference_is_written_into_docs():
    assert REFERENCE_DOC == REPO / "docs" / "reference.md"


def test_docs_reference_matches_the_schema():
    written = REFERENCE_DOC.read_text(encoding="utf-8") if REFERENCE_DOC.is_file() else ""
    assert written == render_reference_doc(), f"docs/reference.md is out of date; refresh with: {REFRESH}"


def test_the_reference_describes_every_field_once():
    text = render_reference_doc()
    assert text.count("### `content/articles/<id>.yaml`") == 1
    assert "| `claimant` |" in text and "| `speaks_for` |" in text
    assert text.endswith("|\n")  # one final newline, as the end-of-file hook wants
