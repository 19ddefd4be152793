"""Property-based tests: the loader, validator and quote matcher on arbitrary input."""

import re
from pathlib import Path

import yaml
from conftest import BASE, REPO, write_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analysis.match import find_all, normalise
from generator.content.load import load_content
from generator.content.model import split_paragraphs

SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ARTICLES = sorted((REPO / "content" / "articles").glob("*.txt"))
PARAGRAPHS = [p.text for path in ARTICLES for p in split_paragraphs(path.read_text(encoding="utf-8"))]
TYPOGRAPHIC = {'"': "„“”«»", "'": "‚‘’", "-": "–—‑"}

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def load_with(tmp_path: Path, name: str, text: str) -> list[str]:
    """Write one content file with `text` into a valid tree and load it."""
    root = write_content(tmp_path, BASE, raw={name: text})
    _, problems = load_content(root)
    return [str(p) for p in problems]


@SETTINGS
@given(text=st.text(max_size=300))
def test_loader_reports_problems_for_any_text(tmp_path, text):
    for problem in load_with(tmp_path, "people.yaml", text):
        assert re.match(r"^content/people\.yaml:\d+:\d+: ", problem)


@SETTINGS
@given(data=yaml_values)
def test_validator_reports_problems_for_any_yaml_structure(tmp_path, data):
    text = yaml.safe_dump(data, allow_unicode=True)
    for name in ("articles/erster-artikel.yaml", "topics.yaml", "dossier.yaml"):
        for problem in load_with(tmp_path, name, text):
            assert re.match(rf"^content/{re.escape(name)}:\d+:\d+: ", problem)


def word_cut(data: st.DataObject) -> tuple[str, str]:
    """Draw a paragraph and a passage of it that starts and ends at word boundaries."""
    paragraph = data.draw(st.sampled_from(PARAGRAPHS))
    bounds = sorted({0, len(paragraph), *(m.start() for m in re.finditer(r"\b", paragraph))})
    start = data.draw(st.sampled_from(bounds[:-1]))
    end = data.draw(st.sampled_from([b for b in bounds if b > start]))
    return paragraph, paragraph[start:end]


@SETTINGS
@given(data=st.data())
def test_a_passage_cut_from_an_article_is_always_found(data):
    paragraph, passage = word_cut(data)
    if passage.strip():
        found = find_all(passage, normalise(paragraph))
        assert found, passage
        assert any(normalise(paragraph[s:e]).text == normalise(passage).text for s, e in found)


@SETTINGS
@given(data=st.data(), replacement=st.characters(codec="utf-8"))
def test_a_changed_character_is_tolerated_only_by_the_rules(data, replacement):
    paragraph, passage = word_cut(data)
    if not passage.strip():
        return
    index = data.draw(st.integers(0, len(passage) - 1))
    original = passage[index]
    changed = passage[:index] + replacement + passage[index + 1 :]
    typographic = any(original in group + key and replacement in group + key for key, group in TYPOGRAPHIC.items())
    if replacement == original or typographic or (original.isspace() and replacement.isspace()):
        assert find_all(changed, normalise(paragraph)), (passage, changed)
    elif normalise(changed).text not in normalise(paragraph).text:
        assert not find_all(changed, normalise(paragraph)), (passage, changed)
