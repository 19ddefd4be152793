"""The record of what `dossier generate` last wrote into dossier/, from which inputs (incremental builds)."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.content.files import MAX_FILE_BYTES, read_regular
from generator.content.stamps import file_stamps
from generator.problems import Problem
from generator.site.write import CACHE, page_digest, write_file


def input_fingerprint(root: Path, code: str | None = None) -> str | None:
    """Digest every file under content/, the generator's own files (`code`, if already digested) and its libraries.

    None when content/ holds anything but regular files and folders (check then reports it) or a
    file cannot be read: such inputs are never taken as unchanged. Plain `os` calls: this runs on
    every `dossier generate`, and with nothing changed it is most of the work.
    """
    digest = hashlib.blake2b(digest_size=16)
    libraries = "|".join(version(name) for name in ("jinja2", "markupsafe", "pyyaml"))
    try:
        digest.update(f"{sys.version}|{libraries}|{code or code_fingerprint()}".encode())
        for name, data in read_inputs(root):
            update(digest, name, data)
    except OSError:
        return None
    return digest.hexdigest()


def code_fingerprint() -> str:
    """Digest the generator's own files (its code, templates and style sheet)."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).parent.parent
    for name in files_below(package):
        if name.endswith((".py", ".j2", ".css")):
            update(digest, name, (package / name).read_bytes())
    return digest.hexdigest()


def read_inputs(root: Path) -> list[tuple[str, bytes]]:
    """Return (name, bytes) of every file under content/, sorted by name; raise OSError for anything but files."""
    stamps = file_stamps(root, "content")
    if stamps is None:
        raise OSError(0, "content/ holds a link or a special file")
    folder = str(root)
    return [(name, read_regular(os.path.join(folder, name), MAX_FILE_BYTES)) for name in sorted(stamps)]


def update(digest: Any, name: str, data: bytes) -> None:
    """Add one named file to a digest, unambiguously."""
    digest.update(f"\0{name}\0{len(data)}\0".encode())
    digest.update(data)


def files_below(folder: Path) -> list[str]:
    """Return the path of every file below `folder`, relative to it, sorted (os.walk: faster than pathlib)."""
    found = []
    for directory, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != "__pycache__"]
        prefix = os.path.relpath(directory, folder).replace(os.sep, "/")
        found += [name if prefix == "." else f"{prefix}/{name}" for name in files]
    return sorted(found)


def generated_files(out_dir: Path) -> Iterator[str]:
    """Yield the dossier-relative path of every file in `out_dir` except the manifest."""
    return (name for name in files_below(out_dir) if name != CACHE)


def write_manifest(out_dir: Path, inputs: str, warnings: list[Problem], digests: Mapping[str, str]) -> None:
    """Record the digests of what was just written; deterministic, so that equal inputs give an equal dossier/."""
    manifest = {
        "inputs": inputs,
        "warnings": [[p.path, p.line, p.col, p.message] for p in warnings],
        "files": dict(sorted(digests.items())),
    }
    write_file(out_dir / CACHE, (json.dumps(manifest, ensure_ascii=False, indent=0) + "\n").encode("utf-8"))


def unchanged_since(out_dir: Path, inputs: str) -> list[Problem] | None:
    """Return the recorded warnings if the inputs and every file of `out_dir` are as recorded, else None."""
    try:
        manifest = json.loads((out_dir / CACHE).read_text(encoding="utf-8"))
        if manifest["inputs"] != inputs or set(generated_files(out_dir)) != set(manifest["files"]):
            return None
        for name, expected in manifest["files"].items():
            with open(os.path.join(out_dir, name), "rb") as file:
                if page_digest(file.read()) != expected:
                    return None
        return [Problem(path, line, col, message, True) for path, line, col, message in manifest["warnings"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
