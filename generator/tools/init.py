"""`dossier init DIR --title TITLE`: start a new dossier project from the starter files shipped in the package.

The starter (`starter/`, package data) holds the project's `mkdocs.yml` and `requirements.txt` as
templates, an empty but valid `content/` with one example topic, generic hand-written pages, the
GitHub workflows and `.gitignore`. Package data keeps no dot files, so `github/` and `gitignore`
are written as `.github/` and `.gitignore`. Every content YAML file gets a schema line, and the
JSON Schemas it names are written into the project at `schemas/` (where `dossier new` then points
too), so that editors find them.

Nothing is written unless the title is usable and DIR is new or an empty real folder; files are
created exclusively, never overwriting anything.
"""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from importlib import metadata
from pathlib import Path
from string import Template

import generator
from generator.content.reference import SCHEMA_FOLDERS, render_schemas, schema_line
from generator.content.schema import DOSSIER
from generator.problems import UNPRINTABLE, DossierError, UsageError, printable

STARTER = Path(__file__).parent / "starter"
TEMPLATE_SUFFIX = ".tmpl"
HIDDEN = {"github": ".github", "gitignore": ".gitignore"}  # starter name -> name in the project
SCHEMA_FOLDER = SCHEMA_FOLDERS[1]  # where the content files' schema lines point (see schema_line)
EMPTY_FOLDERS = ("content/articles",)
CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class InitError(DossierError):
    """Raised when DIR cannot take a new dossier; nothing was written."""


def init_project(folder: Path, title: str) -> list[str]:
    """Write a new dossier project titled `title` into `folder` (new or empty); return the paths written."""
    title = checked_title(title)
    refuse_target(folder)
    files = starter_files(title)
    write_project(folder, files)
    return sorted(files)


def checked_title(title: str) -> str:
    """Return the title as the dossier will store it; raise UsageError for one it could not."""
    title = title.strip()
    limit = max_title_length()
    if not title:
        raise UsageError('--title is empty: give the dossier\'s title, e.g. --title "Waldbrände in Brandenburg"')
    if UNPRINTABLE.search(title):
        raise UsageError(f"--title '{printable(title)}' holds a line break or an invisible character")
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"--title '{printable(title)}' is not valid text (check the terminal's encoding)") from None
    title = unicodedata.normalize("NFC", title)
    if len(title) > limit:
        raise UsageError(f"--title is {len(title)} characters long; a dossier's title has at most {limit}")
    return title


def max_title_length() -> int:
    """Return the longest title `content/dossier.yaml` accepts."""
    field = next(f for f in DOSSIER.fields if f.name == "title")
    limit: int = getattr(field.type, "max_length", 200)
    return limit


def refuse_target(folder: Path) -> None:
    """Raise InitError unless `folder` does not exist or is an empty real folder."""
    shown = printable(str(folder))
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise InitError(f"{shown} is a symbolic link; give the path of a real folder")
    if not stat.S_ISDIR(mode):
        raise InitError(f"{shown} exists and is not a folder")
    if os.listdir(folder):
        raise InitError(f"{shown} is not empty; dossier init writes only into a new or empty folder")


def starter_files(title: str) -> dict[str, str]:
    """Return {project-relative path: text} of every file a new project starts with."""
    values = {
        "title": yaml_string(title),
        "site_name": yaml_string(f"Dossier: {title}"),
        "site_description": yaml_string(f"Quellenvergleich: {title}"),
        "version": package_version(),
    }
    files: dict[str, str] = {}
    for source in sorted(STARTER.rglob("*")):
        name = source.relative_to(STARTER).as_posix()
        if not source.is_file() or any(part.startswith((".", "__")) for part in name.split("/")):
            continue
        text = source.read_text(encoding="utf-8")
        if name.endswith(TEMPLATE_SUFFIX):
            name, text = name.removesuffix(TEMPLATE_SUFFIX), Template(text).substitute(values)
        name = project_name(name)
        if name.startswith("content/") and name.endswith(".yaml"):
            text = f"{schema_line(name.removeprefix('content/'), SCHEMA_FOLDER)}\n{text}"
        files[name] = text
    files.update({f"{SCHEMA_FOLDER}/{name}": text for name, text in render_schemas().items()})
    return files


def project_name(name: str) -> str:
    """Return the path in the project of a starter file (its first component may become a dot name)."""
    head, _, rest = name.partition("/")
    head = HIDDEN.get(head, head)
    return f"{head}/{rest}" if rest else head


def yaml_string(text: str) -> str:
    """Quote a text as a YAML double-quoted scalar (JSON's string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def package_version() -> str:
    """Return the installed version of this package, for the project's pinned requirement."""
    try:
        return metadata.version("dossier-publisher")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return generator.__version__


def write_project(folder: Path, files: dict[str, str]) -> None:
    """Create the folder and write every file exclusively: an entry that appeared meanwhile is not overwritten."""
    folder.mkdir(parents=True, exist_ok=True)
    refuse_target(folder)  # it may have been replaced or filled since the first look
    for name in EMPTY_FOLDERS:
        (folder / name).mkdir(parents=True)
    for name, text in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, CREATE, 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
