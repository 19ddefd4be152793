import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, write_content
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.load import REGISTRY_FILES, load_content
from generator.content.quickcheck import compiled_schema, schema_allows
from generator.content.validate import validator_for


def problems_of(root: Path) -> list[str]:
    _, problems = load_content(root)
    return [str(p) for p in problems]


def test_valid_tree_has_no_problems(tmp_path, content):
    assert problems_of(write_content(tmp_path, content)) == []


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        (
            "people.yaml",
            "- id: a\n\tname: A\n",
            "2:1: invalid YAML: while scanning for the next token found character '\\t' that cannot start any token",
        ),
        (
            "organisations.yaml",
            "- id: amt\n  name: Amt\n  kind: government\n  name: Behörde\n",
            "4:3: duplicate key 'name' (first at line 2)",
        ),
        (
            "dossier.yaml",
            "title: &a [x, x]\nsummary: *a\nkey_topics: [zahl]\n",
            "1:8: YAML anchors and aliases are not allowed: this value is reused by an alias; write it out instead",
        ),
        (
            "dossier.yaml",
            "title: !!python/object/apply:os.system ['echo hi']\nsummary: s\nkey_topics: [zahl]\n",
            "1:8: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
            "only plain values are allowed",
        ),
    ],
    ids=["tab", "duplicate-key", "alias", "python-tag"],
)
def test_unsafe_or_broken_yaml_is_reported_with_position(tmp_path, content, name, raw, message):
    root = write_content(tmp_path, content, raw={name: raw})
    assert problems_of(root) == [f"content/{name}:{message}"]


def test_unknown_key_suggests_the_closest(tmp_path, content):
    content["dossier"]["sumary"] = content["dossier"].pop("summary")
    root = write_content(tmp_path, content)
    assert problems_of(root) == [
        "content/dossier.yaml:1:1: missing key 'summary': expected a text "
        "(What the dossier is about (German), shown on the home page.)",
        "content/dossier.yaml:4:1: unknown key 'sumary' (did you mean 'summary'?); "
        "expected one of: title, summary, key_topics, events, parties",
    ]


def test_wrong_type_says_what_was_expected_and_found(tmp_path, content):
    content["places"][0]["lat"] = "north"
    root = write_content(tmp_path, content)
    assert problems_of(root) == ["content/places.yaml:4:8: expected a latitude, found 'north'"]


def test_number_out_of_range(tmp_path, content):
    content["places"][0]["lat"] = 123
    root = write_content(tmp_path, content)
    assert problems_of(root) == ["content/places.yaml:4:8: expected a latitude (maximum 90), found the number 123"]


def test_unquoted_year_is_explained(tmp_path, content, meta):
    meta["published"]["date"] = 2024
    root = write_content(tmp_path, content)
    assert problems_of(root) == [
        "content/articles/erster-artikel.yaml:8:9: expected a date written YYYY, YYYY-MM or YYYY-MM-DD, "
        "found the number 2024"
    ]


def test_text_without_metadata_and_metadata_without_text(tmp_path, content):
    raw = {"articles/nur-text.txt": "Text.\n", "articles/nur-meta.yaml": "a: 1\n"}
    root = write_content(tmp_path, content, raw=raw)
    assert problems_of(root) == [
        "content/articles/nur-meta.yaml:1:1: article metadata has no text file: expected content/articles/nur-meta.txt",
        "content/articles/nur-text.txt:1:1: article text has no metadata file: expected content/articles/nur-text.yaml",
    ]


def test_bad_article_id(tmp_path, content):
    root = write_content(tmp_path, content, raw={"articles/Bad_Id.txt": "x\n", "articles/Bad_Id.yaml": "a: 1\n"})
    assert problems_of(root) == [
        "content/articles/Bad_Id.txt:1:1: article id 'Bad_Id' is not valid: "
        "expected lowercase letters, digits and single hyphens"
    ]


def test_encoding_problems(tmp_path, content):
    root = write_content(tmp_path, content)
    articles = root / "content" / "articles"
    (articles / "erster-artikel.txt").write_bytes(b"Zeile eins\nGr\xfc\xdfe\n")
    (root / "content" / "people.yaml").write_bytes(b"\xef\xbb\xbf- id: a\n")
    (root / "content" / "places.yaml").write_bytes(b"- id: a\r\n")
    assert problems_of(root) == [
        "content/articles/erster-artikel.txt:2:3: invalid UTF-8 (byte 0xfc); save the file as UTF-8",
        "content/people.yaml:1:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
        "content/places.yaml:1:8: carriage return found; use \\n line endings",
    ]


def test_empty_file(tmp_path, content):
    root = write_content(tmp_path, content, raw={"topics.yaml": ""})
    assert problems_of(root) == ["content/topics.yaml:1:1: file is empty"]


def test_blank_alias_is_refused(tmp_path, content):
    content["people"][0]["aliases"] = [" "]
    assert problems_of(write_content(tmp_path, content)) == [
        "content/people.yaml:4:5: expected a name (no leading or trailing spaces), found ' '"
    ]


SEED_DOCUMENTS = [("dossier", "dossier.yaml")] + [(kind, f"{kind}.yaml") for kind in REGISTRY_FILES]
SEED_DOCUMENTS += [("article", f"articles/{p.name}") for p in sorted((REPO / "content" / "articles").glob("*.yaml"))]
any_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 100)
    | st.floats(-1, 1e6)
    | st.sampled_from(["", "x", "a-b", "<b>", "de"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(["id", "x"]), children, max_size=2)
    ),
    max_leaves=6,
)


def paths_of(data, where=()):
    """Every (path, value) in a document, the root included."""
    yield where, data
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from paths_of(value, (*where, key))


def replace(data, where, value):
    if not where:
        return value
    copied = copy.copy(data)
    copied[where[0]] = replace(data[where[0]], where[1:], value)
    return copied


def test_the_fast_schema_check_compiles_for_every_kind_and_accepts_the_seed():
    for kind, name in SEED_DOCUMENTS:
        data = yaml.safe_load((REPO / "content" / name).read_text(encoding="utf-8"))
        assert compiled_schema(kind) is not None
        assert schema_allows(kind, data), name


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.data())
def test_the_fast_schema_check_never_accepts_what_jsonschema_refuses(data):
    kind, name = data.draw(st.sampled_from(SEED_DOCUMENTS))
    document = yaml.safe_load((REPO / "content" / name).read_text(encoding="utf-8"))
    where, _ = data.draw(st.sampled_from(list(paths_of(document))))
    changed = replace(document, where, data.draw(any_value))
    if schema_allows(kind, changed):
        assert not list(validator_for(kind).iter_errors(changed))


def test_valid_content_is_loaded_without_importing_jsonschema():
    code = (
        "import sys; from pathlib import Path; from generator.content.load import load_content; "
        "content, problems = load_content(Path(sys.argv[1])); assert not problems, problems; "
        "print('jsonschema' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(REPO)], cwd=REPO, capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr  # it is imported only to explain a file's errors
