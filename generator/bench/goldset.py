"""A gold set for `dossier new`: article texts with hand-curated YAML, read with the notes in their header comments.

Each gold article is `<id>.txt` with `<id>.yaml` in the article format. The YAML's header comments
say what the format cannot hold:

    # phenomena: dateline, range, floor           what the text is there to test
    # dateline: "SEOUL, 13. Dezember 2024 (Reuters) -" -> 2024-12-13   (or -> none)
    # vague: mehrere tausend                       a vague quantity: no claim, and none to suggest
    # unnamed-speaker: Wir verfolgen die Berichte  a quotation of no registered person (its first words)

A gold project is a temporary `content/` made of a registry folder (people, organisations,
places, topics), the dossier.yaml of the project and some gold articles.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.load import REGISTRY_FILES

HEADER = re.compile(r"^#\s*(?P<key>phenomena|dateline|vague|unnamed-speaker):\s*(?P<value>.*?)\s*$", re.MULTILINE)
EXPECTED_DATE = re.compile(r"->\s*(?P<date>none|\d{4}(?:-\d\d){0,2})$")


@dataclass
class GoldArticle:
    """A gold article: its text, its curated YAML and the notes of its header comments."""

    id: str
    text: str
    meta: dict[str, Any]
    yaml_text: str
    phenomena: list[str] = field(default_factory=list)
    dateline: str | None = None  # the publication date a dateline gives, "none" if it gives none
    vague: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # first words of quotations of no registered person

    @property
    def expected_published(self) -> str | None:
        """Return the publication date a draft should suggest (None: none), or None without a dateline note."""
        if self.dateline is None:
            published = self.meta.get("published") or {}
            return str(published.get("date")) if published.get("basis") == "stated" else None
        return None if self.dateline == "none" else self.dateline


def read_gold(folder: Path) -> list[GoldArticle]:
    """Read every `<id>.txt` with its `<id>.yaml` in a folder, sorted by id."""
    articles = []
    for text_path in sorted(folder.glob("*.txt")):
        yaml_path = text_path.with_suffix(".yaml")
        if yaml_path.is_file():
            articles.append(read_article(text_path.stem, text_path.read_text("utf-8"), yaml_path.read_text("utf-8")))
    return articles


def read_article(article_id: str, text: str, yaml_text: str) -> GoldArticle:
    """Read one gold article and the notes of its header comments."""
    meta = yaml.safe_load(yaml_text) or {}
    article = GoldArticle(article_id, text, meta, yaml_text)
    for found in HEADER.finditer(yaml_text):
        key, value = found.group("key"), found.group("value")
        if key == "phenomena":
            article.phenomena += [p.strip() for p in value.split(",") if p.strip()]
        elif key == "dateline":
            expected = EXPECTED_DATE.search(value)
            article.dateline = expected.group("date") if expected else "none"
        elif key == "vague":
            article.vague.append(value)
        else:
            article.unnamed.append(value)
    return article


def write_project(project: Path, registry: Path, dossier: Path, articles: list[GoldArticle]) -> Path:
    """Write a project whose content is the registry folder, a dossier.yaml and the articles; return it.

    The dossier's timeline events name articles of its own, so they are left out.
    """
    content = project / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    for kind in REGISTRY_FILES:
        shutil.copy(registry / f"{kind}.yaml", content / f"{kind}.yaml")
    data = yaml.safe_load(dossier.read_text("utf-8"))
    data.pop("events", None)
    (content / "dossier.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    for article in articles:
        (content / "articles" / f"{article.id}.txt").write_text(article.text, "utf-8")
        (content / "articles" / f"{article.id}.yaml").write_text(article.yaml_text, "utf-8")
    return project


def numeric_claims(article: GoldArticle) -> list[dict[str, Any]]:
    """Return the gold claims that give a number (a value or a range)."""
    claims = article.meta.get("claims") or []
    return [c for c in claims if c.get("value") is not None or c.get("lower") is not None]


def quote_parts(quote: dict[str, Any]) -> list[str]:
    """Return the parts of a gold quotation (one part unless the narrator interrupts it)."""
    text = quote.get("text")
    return [str(part) for part in text] if isinstance(text, list) else [str(text)]
