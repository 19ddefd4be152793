"""The articles of `dossier bench --hostile`: inputs that once took quadratic time, and plain prose of the same size."""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

import yaml

from generator.bench.corpus import SCHEMA_LINE, dump, seed_texts
from generator.pipeline import check
from generator.problems import ContentError

HOSTILE_PERSON_ID = "anna-muster"
HOSTILE_PERSON = {"id": HOSTILE_PERSON_ID, "name": "Anna Muster", "aliases": ["Muster"], "role": "Sprecherin"}


def repeat(unit: str, size: int) -> str:
    """Return `unit` repeated to about `size` bytes (UTF-8)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def hostile_text(size: int) -> str:
    """Return an article of about `size` bytes made of four inputs that once took quadratic time, a quarter each.

    One paragraph each: a registered name said again and again; `Laut` before one long hyphen chain;
    a speaker after one long chain of genitives; many figures on a topic's unit.
    """
    quarter = size // 4
    return "\n".join(
        (
            repeat("Anna Muster sagte etwas. ", quarter),
            "Laut " + repeat("Aa-", quarter - 40) + "Aa sind es 5.000 Soldaten.",
            "Der Sprecher" + repeat(" des Aa", quarter - 90) + " (Anna Muster) sagte: „Wir sehen das anders.“",
            repeat(
                "Laut Pentagon sind rund 5.000 nordkoreanische Soldaten in Kursk, nicht 3.000 Soldaten wie gemeldet. ",
                quarter,
            ),
        )
    )


def plain_text(root: Path, size: int) -> str:
    """Return ordinary German prose of about `size` bytes (UTF-8): the seed articles' paragraphs, repeated."""
    lines = [line for text in seed_texts(root) for line in text.splitlines() if line.strip()]
    chosen, total = [], 0
    for line in itertools.cycle(lines):
        total += len(line.encode("utf-8")) + 1
        if total > size:
            break
        chosen.append(line)
    return "\n".join(chosen or lines[:1])


def write_bench_article(project: Path, root: Path, text: str, people: list[str]) -> None:
    """Copy the seed content into `project`, register Anna Muster and add the article `bench` with `text`."""
    shutil.copytree(root / "content", project / "content")
    registry = project / "content" / "people.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + dump([HOSTILE_PERSON]), encoding="utf-8")
    meta = {
        "title": "Prüfartikel",
        "source_file": "bench.txt",
        "outlet": None,
        "url": None,
        "author": None,
        "language": "de",
        "published": {"date": "2024-10-28", "basis": "stated"},
        "mentions": {"people": people},
    }
    articles = project / "content" / "articles"
    (articles / "bench.txt").write_text(text + "\n", encoding="utf-8")
    (articles / "bench.yaml").write_text(SCHEMA_LINE.format("../../", "article") + dump(meta), encoding="utf-8")


def time_check(project: Path) -> tuple[float, int]:
    """Run `dossier check` on a project in this process, its output discarded; return seconds and exit status."""
    started = time.perf_counter()
    try:
        check(project)
        status = 0
    except ContentError:
        status = 1
    return time.perf_counter() - started, status


def seed_people(root: Path) -> list[str]:
    """Return the ids of the people the seed articles list as mentioned (all named in their texts)."""
    found: set[str] = set()
    for path in (root / "content" / "articles").glob("*.yaml"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found.update((meta.get("mentions") or {}).get("people") or [])
    return sorted(found)
