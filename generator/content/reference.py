"""Render the content reference (site page, README section, JSON Schemas) from the schema declaration."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.content.schema import (
    ARTICLE,
    CLAIM,
    DATING,
    DOSSIER,
    EVENT,
    FILE_KINDS,
    LABELLED,
    MENTIONS,
    ORGANISATION,
    PERSON,
    PLACE,
    QUOTE,
    TOPIC,
    Record,
    json_schema,
)

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"

RECORDS: tuple[tuple[str, Record], ...] = (
    ("content/dossier.yaml", DOSSIER),
    ("events[]", EVENT),
    ("content/articles/<id>.yaml", ARTICLE),
    ("published, as_of", DATING),
    ("mentions", MENTIONS),
    ("quotes[]", QUOTE),
    ("claims[]", CLAIM),
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
        "Diese Seite wird aus der Schema-Deklaration des Generators (`generator/schema.py`) erzeugt; "
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


def schema_line(content_path: str) -> str:
    """Return the `# yaml-language-server` line a content YAML file starts with."""
    up = "../" * (content_path.count("/") + 1)
    return f"# yaml-language-server: $schema={up}generator/schemas/{schema_kind(content_path)}.schema.json"


def write_schemas(folder: Path) -> None:
    """Write the JSON Schemas into `folder`."""
    folder.mkdir(exist_ok=True)
    for name, text in render_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")


START, END = "<!-- reference:start -->", "<!-- reference:end -->"


def update_readme(path: Path) -> None:
    """Rewrite the generated reference block of the README."""
    text = path.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    path.write_text(f"{before}{START}\n\n{render_reference_tables()}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(
            "usage: python -m generator.content.reference --update  (rewrites the reference and generator/schemas/)"
        )
    update_readme(Path("README.md"))
    write_schemas(SCHEMA_DIR)
