"""The published JSON Schemas: in sync with the declaration, named by every content file, and in
agreement with the validator on the seed content and on the bad-input corpus.

Refresh the published files after changing generator/schema.py with:

    python -m generator.content.reference --update
"""

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO
from jsonschema import Draft202012Validator

from generator.content.reference import SCHEMA_DIR, render_schemas, schema_kind, schema_line
from generator.pipeline import check

CORPUS = REPO / "tests" / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="

# Bad inputs a JSON Schema cannot see, because the mistake is not in one YAML file's structure.
# The validator rejects all of them (tests/test_bad_inputs.py); the published schema accepts them.
SCHEMA_BLIND = {
    "claim-bounds-contradict-value": "compares values of two keys",
    "claim-category-on-numeric-topic": "depends on the topic in topics.yaml",
    "claim-excerpt-spans-paragraphs": "needs the article text",
    "claim-vague-not-in-excerpt": "compares two keys' texts",
    "claim-value-not-in-excerpt": "reads numbers in a key's text",
    "claim-unknown-scope": "depends on the topic in topics.yaml",
    "claim-lower-above-upper": "compares values of two keys",
    "date-future": "depends on today's date",
    "date-impossible": "needs a calendar",
    "date-inferred-without-reason": "a key required only when another key has a certain value",
    "date-month-13": "needs a calendar",
    "file-10-mb-text": "a text file",
    "file-bom": "file encoding, not structure",
    "file-control-character": "a text file",
    "file-crlf": "file encoding, not structure",
    "file-empty-text": "a text file",
    "file-non-utf8": "a text file",
    "file-reserved-page": "a file name",
    "file-txt-without-yaml": "a missing file",
    "file-unexpected": "a file name",
    "file-yaml-without-txt": "a missing file",
    "id-article-file-name": "a file name",
    "id-duplicate-across-registries": "spans files",
    "id-duplicate-person": "uniqueness of a key across list items",
    "id-speaks-for-cycle": "follows references from entry to entry",
    "id-unknown-cites": "refers to another file",
    "id-unknown-speaker": "refers to another file",
    "id-unknown-topic": "refers to another file",
    "mention-not-in-text": "needs the article text",
    "quote-not-in-text": "needs the article text",
    "quote-null-speaker-without-kind": "a key required only when another key has a certain value",
    "schema-nan": "JSON has no NaN, and NaN compares as within any bounds",
    "quote-one-letter-changed": "needs the article text",
    "yaml-duplicate-key": "YAML parsers keep the last value; the loader refuses the file",
    "yaml-merge-key": "YAML parsers merge the keys; the loader refuses the file",
    "yaml-deep-block": "a limit of the parsers, not of the structure",
    "name-bidi-override": "invisible characters are checked by the loader, which names the code point",
    "name-zero-width": "invisible characters are checked by the loader, which names the code point",
    "name-cyrillic-lookalike": "scripts within a word are not a pattern JSON Schema can express",
    "page-onerror-attribute": "a Markdown page",
    "page-raw-html": "a Markdown page",
    "page-remote-image": "a Markdown page",
    "page-script-link": "a Markdown page",
}


class NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases, as an editor's schema check would not expand a bomb."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("alias")
        return super().compose_node(parent, index)


def published_validator(name: str) -> Draft202012Validator:
    """Load a published schema file the way an editor does."""
    return Draft202012Validator(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


def schema_accepts(folder: Path, path: Path) -> bool:
    """Validate a content file against its kind's published schema; YAML errors count as rejection."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = yaml.load(text, Loader=NoAliasLoader)  # a SafeLoader subclass
    except (yaml.YAMLError, ValueError, RecursionError):
        return False
    kind = schema_kind(path.relative_to(folder).as_posix())
    return published_validator(f"{kind}.schema.json").is_valid(data)


def content_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def test_published_schemas_match_the_declaration():
    published = {p.name: p.read_text(encoding="utf-8") for p in SCHEMA_DIR.glob("*.json")}
    refresh = "python -m generator.content.reference --update"
    assert published == render_schemas(), f"generator/schemas/ is out of date; run: {refresh}"


@pytest.mark.parametrize("folder", [REPO / "content", CORPUS / "_base" / "content"], ids=["seed", "base"])
def test_every_content_file_names_its_schema(folder):
    for path in content_files(folder):
        rel = path.relative_to(folder).as_posix()
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == schema_line(rel), rel
        if folder == REPO / "content":
            assert (path.parent / first.removeprefix(SCHEMA_LINE_PREFIX)).resolve().is_file(), rel


@pytest.mark.parametrize("folder", [REPO / "content", CORPUS / "_base" / "content"], ids=["seed", "base"])
def test_schema_and_validator_accept_the_valid_content(folder):
    check(folder.parent)
    rejected = [p.relative_to(folder).as_posix() for p in content_files(folder) if not schema_accepts(folder, p)]
    assert rejected == []


@pytest.mark.parametrize("case", CASES)
def test_schema_rejects_the_bad_inputs_it_can_see(case):
    """The validator rejects every case; the published schema rejects every case but the documented blind ones."""
    overlay = CORPUS / case / "content"
    files = content_files(overlay) if overlay.is_dir() else []
    rejected = [p.relative_to(overlay).as_posix() for p in files if not schema_accepts(overlay, p)]
    if case in SCHEMA_BLIND:
        assert rejected == [], f"the schema now sees this case; remove it from SCHEMA_BLIND: {rejected}"
    else:
        assert rejected, "the published schema accepts a file the validator rejects"
    assert (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip(), "the validator must reject it"
