"""Render the content reference (site page, docs/reference.md, JSON Schemas) from the schema declaration."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.content.schema import (
    ACKNOWLEDGEMENT,
    ARTICLE,
    CLAIM,
    DATING,
    DOSSIER,
    EVENT,
    FILE_KINDS,
    MENTIONS,
    QUOTE,
    json_schema,
)
from generator.content.schema_registries import LABELLED, ORGANISATION, PERSON, PLACE, TOPIC
from generator.content.types import Record

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
REFERENCE_DOC = Path(__file__).resolve().parents[2] / "docs" / "reference.md"
REFRESH = "python3 -m generator.content.reference --update"

RECORDS: tuple[tuple[str, Record], ...] = (
    ("content/dossier.yaml", DOSSIER),
    ("events[]", EVENT),
    ("content/articles/<id>.yaml", ARTICLE),
    ("published, as_of", DATING),
    ("mentions", MENTIONS),
    ("quotes[]", QUOTE),
    ("claims[]", CLAIM),
    ("acknowledge[]", ACKNOWLEDGEMENT),
    ("content/people.yaml (list)", PERSON),
    ("content/organisations.yaml (list)", ORGANISATION),
    ("content/places.yaml (list)", PLACE),
    ("content/topics.yaml (list)", TOPIC),
    ("categories[], scopes[]", LABELLED),
)


def render_reference_tables() -> str:
    """Return one Markdown table per record kind."""
    blocks = []
    for where, record in RECORDS:
        rows = [
            f"### `{where}`",
            "",
            record.doc,
            "",
            "| Key | Type | Required | Meaning |",
            "| --- | --- | --- | --- |",
        ]
        for f in record.fields:
            words = f.type.words.replace("|", "\\|")
            doc = f.doc.replace("|", "\\|")
            rows.append(f"| `{f.name}` | {words} | {'yes' if f.required else 'no'} | {doc} |")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def render_reference() -> str:
    """Return the site's reference page."""
    return (
        "# Referenz: Inhaltsformat\n\n"
        "Diese Seite wird aus der Schema-Deklaration des Generators (`generator/content/schema.py`) erzeugt; "
        "die Feldbeschreibungen sind, wie der Code, auf Englisch.\n\n"
        "Jeder Artikel besteht aus `content/articles/<id>.txt` (Text, UTF-8, ein Absatz pro Zeile) und "
        "`content/articles/<id>.yaml` (kuratierte Angaben). `dossier check` prüft alles; jede Meldung "
        "nennt Datei, Zeile und Spalte. Editoren prüfen schon beim Tippen mit den JSON Schemas unter "
        "`schemas/` (siehe die Seite „Mitmachen“).\n\n## Felder je Datei\n\n" + render_reference_tables()
    )


def render_schemas() -> dict[str, str]:
    """Return the published JSON Schema file of every content file kind, by file name."""
    return {
        f"{kind}.schema.json": json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n" for kind in FILE_KINDS
    }


def schema_kind(content_path: str) -> str:
    """Return the file kind of a content YAML file given relative to content/ (e.g. `articles/x.yaml`)."""
    if content_path.startswith("articles/"):
        return "article"
    return content_path.removesuffix(".yaml")


SCHEMA_FOLDERS = ("generator/schemas", "schemas")  # in this repository; in a project made by `dossier init`


def schema_line(content_path: str, folder: str = SCHEMA_FOLDERS[0]) -> str:
    """Return the `# yaml-language-server` line a content YAML file starts with (schemas in `folder` of the project)."""
    up = "../" * (content_path.count("/") + 1)
    return f"# yaml-language-server: $schema={up}{folder}/{schema_kind(content_path)}.schema.json"


def schema_folder(root: Path) -> str:
    """Return the project's folder of JSON Schemas: this repository's, or the one `dossier init` writes."""
    return next((f for f in SCHEMA_FOLDERS if (root / f).is_dir()), SCHEMA_FOLDERS[0])


def write_schemas(folder: Path) -> None:
    """Write the JSON Schemas into `folder`."""
    folder.mkdir(exist_ok=True)
    for name, text in render_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")


def render_reference_doc() -> str:
    """Return `docs/reference.md`, the developers' (English) content reference: the whole file, generated."""
    return (
        "# Content reference\n\n"
        f"<!-- Generated from generator/content/schema.py; do not edit. Refresh with: {REFRESH} -->\n\n"
        "Every field of every content file, generated from the schema declaration\n"
        "(`generator/content/schema.py`), which also drives validation, the JSON Schemas in\n"
        "`generator/schemas/` and the site's German page *Referenz*. A test fails when this file is out\n"
        f"of date; refresh it (and the JSON Schemas) with `{REFRESH}`.\n\n"
        "Files: `content/dossier.yaml`, `content/people.yaml`, `content/organisations.yaml`,\n"
        "`content/places.yaml`, `content/topics.yaml` (each registry is a list of entries),\n"
        "`content/articles/<id>.txt` + `<id>.yaml`, and hand-written pages in `content/pages/*.md`\n"
        "(copied into the site as they are, in a safe subset of Markdown: see [security](security.md)).\n\n"
        "## Fields per file\n\n" + render_reference_tables()
    )


def write_reference_doc(path: Path = REFERENCE_DOC) -> None:
    """Write the developers' content reference."""
    path.parent.mkdir(exist_ok=True)
    path.write_text(render_reference_doc(), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {REFRESH}  (rewrites docs/reference.md and generator/schemas/)")
    write_reference_doc()
    write_schemas(SCHEMA_DIR)
