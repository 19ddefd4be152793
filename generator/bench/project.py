"""The projects `dossier bench` builds: a synthetic dossier, its floor, one curator's change, and what a run rewrote."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import yaml

from generator.bench.corpus import dump, make_corpus, seed_texts
from generator.site.write import CACHE, write_pages

FLOOR_LINKS = ("index.md", "artikel/index.md", "themen/index.md", "personen/index.md", "orte/index.md")


def make_project(root: Path, project: Path, articles: int) -> None:
    """Write a synthetic content tree with the project's hand-written pages and mkdocs.yml."""
    make_corpus(articles, seed_texts(root)).write(project)
    pages = root / "content" / "pages"
    if pages.is_dir():
        shutil.copytree(pages, project / "content" / "pages")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")


Snapshot = dict[str, tuple[int, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Identify every file by inode, modification time and size (a rewrite through a rename changes the inode)."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.name != CACHE:
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return found


def rewritten(before: Snapshot, after: Snapshot) -> list[str]:
    """Return the files written or removed between two snapshots."""
    return sorted({name for name in after if before.get(name) != after[name]} | (set(before) - set(after)))


def change_one_article(project: Path, article_id: str) -> None:
    """Edit an article as a curator would: a new title and a sentence added to its last paragraph."""
    meta = project / "content" / "articles" / f"{article_id}.yaml"
    schema_line, _, yaml_text = meta.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(yaml_text)
    data["title"] += " (überarbeitet)"
    meta.write_text(f"{schema_line}\n{dump(data)}", encoding="utf-8")
    text = project / "content" / "articles" / f"{article_id}.txt"
    body = text.read_text(encoding="utf-8").rstrip("\n")
    text.write_text(body + " Dieser Satz wurde nachträglich ergänzt.\n", encoding="utf-8")


def dependents(pages: Path, article_id: str) -> set[str]:
    """Return the article's page and every page that links to it: all that may show something of it."""
    target = f"{article_id}.md"
    found = {f"artikel/{target}"}
    for path in pages.rglob("*.md"):
        if target in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(pages).as_posix())
    url = f"artikel/{article_id}/"  # data files and feeds link to the article's URL
    for path in [*pages.glob("data/*"), *pages.rglob("feeds/**/*.xml")]:
        if url in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(pages).as_posix())
    return found


def read_write_floor(project: Path, scratch: Path) -> float:
    """Time reading every input file and writing the generated pages again, with no other work."""
    pages = {
        p.relative_to(project / "dossier").as_posix(): p.read_text(encoding="utf-8")
        for p in (project / "dossier").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    started = time.perf_counter()
    for path in sorted((project / "content").rglob("*")):
        if path.is_file():
            path.read_bytes()
    write_pages(scratch, pages)
    return time.perf_counter() - started


def make_floor_project(project: Path, floor: Path, root: Path) -> None:
    """Copy the project's mkdocs.yml and replace every generated page by plain Markdown of the same size."""
    paragraphs = [line for text in seed_texts(root) for line in text.split("\n") if len(line) > 200]
    floor.mkdir(parents=True)
    shutil.copy(project / "mkdocs.yml", floor / "mkdocs.yml")
    pages = project / "dossier"
    for number, path in enumerate(sorted(p for p in pages.rglob("*") if p.is_file() and not p.name.startswith("."))):
        name = path.relative_to(pages).as_posix()
        target = floor / "dossier" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not name.endswith(".md"):
            shutil.copy(path, target)
            continue
        up = "../" * name.count("/")
        links = " ".join(f"[Verweis {i + 1}]({up}{link})" for i, link in enumerate(FLOOR_LINKS))
        parts = [
            f'---\ntitle: "Seite {number}"\nhide:\n  - navigation\n---\n\n# Seite {number}\n\n',
            "| Spalte | Wert |\n| --- | --- |\n| eins | 1 |\n| zwei | 2 |\n| drei | 3 |\n\n",
            links + "\n\n",
        ]
        size, goal = sum(len(p.encode("utf-8")) for p in parts), path.stat().st_size
        while size < goal:
            paragraph = paragraphs[(number + len(parts)) % len(paragraphs)] + "\n\n"
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        target.write_text("".join(parts), encoding="utf-8")


def folder_size(folder: Path) -> int:
    """Return the bytes of all files below a folder."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
