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
