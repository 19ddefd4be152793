"""Shared helpers: build small content trees in tmp_path from plain dicts."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 21)

TEXT = (
    "Veröffentlicht: 28. Oktober 2024\n"
    "Anna Muster sagte, mindestens 3.000 Soldaten seien in Kursk.\n"
    "Zwischentitel ohne Punkt\n"
    "„Wir sehen das anders“, sagte Muster, „und bleiben dabei.“ Das Amt nannte 10.000 Soldaten in Russland.\n"
)

BASE: dict[str, Any] = {
    "dossier": {"title": "Testdossier", "summary": "Ein kleines Dossier.", "key_topics": ["zahl"]},
    "people": [{"id": "anna-muster", "name": "Anna Muster", "aliases": ["Muster"], "role": "Sprecherin"}],
    "organisations": [{"id": "amt", "name": "Amt", "kind": "government"}],
    "places": [{"id": "kursk", "name": "Kursk", "kind": "region", "lat": 51.7, "lon": 36.2}],
    "topics": [
        {
            "id": "zahl",
            "title": "Zahl der Soldaten",
            "question": "Wie viele?",
            "kind": "numeric",
            "unit": "Soldaten",
            "scopes": [{"id": "russland", "label": "in Russland"}, {"id": "kursk", "label": "in Kursk"}],
        },
        {
            "id": "lage",
            "title": "Anerkennung",
            "question": "Wer bestätigt?",
            "kind": "categorical",
            "categories": [{"id": "bestaetigt", "label": "bestätigt"}, {"id": "bestreitet", "label": "bestreitet"}],
            "scopes": [{"id": "einsatz", "label": "Einsatz"}],
        },
    ],
    "articles": {
        "erster-artikel": {
            "text": TEXT,
            "meta": {
                "title": "Erster Artikel",
                "source_file": "000_test.txt",
                "outlet": None,
                "url": None,
                "author": None,
                "language": "de",
                "published": {"date": "2024-10-28", "basis": "stated"},
                "mentions": {"people": ["anna-muster"], "organisations": ["amt"], "places": ["kursk"]},
                "quotes": [
                    {
                        "id": "q1",
                        "speaker": "anna-muster",
                        "role": "Sprecherin",
                        "text": ["Wir sehen das anders", "und bleiben dabei."],
                    }
                ],
                "claims": [
                    {
                        "id": "c1",
                        "topic": "zahl",
                        "value": 3000,
                        "qualifier": "mindestens",
                        "scope": "kursk",
                        "claimant": "anna-muster",
                        "excerpt": "mindestens 3.000 Soldaten seien in Kursk",
                    },
                    {
                        "id": "c2",
                        "topic": "zahl",
                        "value": 10000,
                        "scope": "russland",
                        "claimant": "amt",
                        "excerpt": "Das Amt nannte 10.000 Soldaten in Russland",
                    },
                ],
            },
        }
    },
}


# Markers by test file, or by "file::test function" (without parameters). Registered in pyproject.toml;
# `pytest -m "not browser and not site and not slow"` is the fast local subset (docs/development.md).
# browser: drives Chromium; site: runs a real MkDocs (or Zensical) build; slow: over about 5 s.
MARKERS: dict[str, tuple[str, ...]] = {
    "test_browser.py": ("browser", "site", "slow"),
    "test_search.py": ("browser", "site", "slow"),  # its fixtures build and serve the seed site
    "test_search_scale.py": ("browser", "site", "slow"),  # builds 100 and 1,000 synthetic articles
    "test_site.py": ("site",),
    "test_zensical.py": ("site",),
    "test_serve.py": ("site",),  # the preview builds with MkDocs; its end-to-end tests start `dossier serve`
    "test_scale_pages.py": ("slow",),  # a 150-article synthetic dossier, generated per test module
    "test_bad_inputs.py": ("site",),  # the module fixture builds the base site that each case must keep
    "test_new_article.py::test_new_article_from_text_to_site_and_diff": ("site",),
    "test_untrusted.py::test_two_concurrent_builds_leave_one_complete_site": ("site",),
    "test_untrusted.py::test_a_mkdocs_package_in_the_project_does_not_replace_mkdocs": ("site",),
    "test_untrusted.py::test_article_text_that_looks_like_markup_is_kept_and_shown_literally": ("site",),
    "test_init.py::test_the_new_project_builds_an_empty_but_friendly_site": ("site",),
    "test_init.py::test_the_wheel_works_outside_the_repository": ("site", "slow"),
    "test_atomic.py::test_killed_builds_leave_complete_outputs_and_are_repaired": ("site", "slow"),
    "test_bench.py::test_the_json_report_has_every_figure": ("site", "slow"),
    "test_bench.py::test_a_noop_regenerate_writes_nothing": ("site", "slow"),
    "test_bench.py::test_one_changed_article_rewrites_only_the_pages_that_depend_on_it": ("site", "slow"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        name = getattr(item, "originalname", item.name)
        for key in (item.path.name, f"{item.path.name}::{name}"):
            for marker in MARKERS.get(key, ()):
                item.add_marker(marker)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_content(root: Path, content: dict[str, Any], raw: dict[str, str] | None = None) -> Path:
    """Write a content tree; `raw` maps content-relative paths to exact file text."""
    folder = root / "content"
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for name in ("dossier", "people", "organisations", "places", "topics"):
        (folder / f"{name}.yaml").write_text(dump(content[name]), encoding="utf-8")
    for article_id, article in content["articles"].items():
        (folder / "articles" / f"{article_id}.txt").write_text(article["text"], encoding="utf-8")
        (folder / "articles" / f"{article_id}.yaml").write_text(dump(article["meta"]), encoding="utf-8")
    for rel_path, text in (raw or {}).items():
        path = folder / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def content() -> dict[str, Any]:
    """A fresh, valid content tree as dicts, to be changed by a test."""
    return copy.deepcopy(BASE)


@pytest.fixture
def meta(content: dict[str, Any]) -> dict[str, Any]:
    """The metadata of the one article in `content`."""
    return content["articles"]["erster-artikel"]["meta"]  # type: ignore[no-any-return]


def compare_with_pair_limit(topic: Any, claims: list[Any], limit: int) -> Any:
    """Compare a topic's claims with at most `limit` pairs listed per kind (compare.PAIR_LIMIT)."""
    from generator.analysis import compare

    original, compare.PAIR_LIMIT = compare.PAIR_LIMIT, limit
    try:
        return compare.compare_claims(topic, claims)
    finally:
        compare.PAIR_LIMIT = original


def assert_pairs_match_every_comparison(result: Any, limit: int) -> None:
    """Assert that each kind's count and listed pairs are those of classifying every pair, in order."""
    from generator.analysis import compare

    for kind in compare.KINDS:
        of_kind = [(c.a.id, c.b.id, c.reason) for c in result.comparisons if c.kind == kind]
        assert result.count(kind) == len(of_kind)
        assert [(c.a.id, c.b.id, c.reason) for c in result.listed[kind]] == of_kind[:limit]
