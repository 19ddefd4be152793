"""The orchestrator: load → model → analyse → render → write, then MkDocs."""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .analyse import Analysis, analyse
from .curate import curator_warnings
from .files import read_regular, scan
from .load import MAX_FILE_BYTES, load_content
from .lock import project_lock
from .model import Dossier, build_model
from .problems import DossierError, Problem, raise_on_errors
from .render import Renderer
from .write import CACHE, MARKER, WriteReport, marker_text, write_file, write_pages


@dataclass
class Checked:
    """A dossier that passed every check, its analysis, and the warnings found on the way."""

    dossier: Dossier
    analysis: Analysis
    warnings: list[Problem]


def check(root: Path, today: date | None = None) -> Checked:
    """Load, model and analyse the content; raise ContentError listing every error."""
    content, problems = load_content(root)
    raise_on_errors(problems)
    dossier, model_problems = build_model(content, today or date.today())
    raise_on_errors(problems := problems + model_problems)
    analysis, analysis_problems = analyse(dossier)
    raise_on_errors(problems := problems + analysis_problems)
    return Checked(dossier, analysis, sorted(problems + curator_warnings(analysis, content.registries)))


def render(checked: Checked) -> dict[str, str]:
    """Render every page of a checked dossier."""
    return Renderer(checked.dossier, checked.analysis).render_all()


def render_encoded(checked: Checked) -> dict[str, bytes]:
    """Render every page of a checked dossier as UTF-8 (what is written; half the memory of texts)."""
    return Renderer(checked.dossier, checked.analysis).render_encoded()


@dataclass
class Unchanged:
    """A generate that found nothing to do, with the warnings found when the pages were written."""

    warnings: list[Problem]


def generate(
    root: Path, out_dir: Path | None = None, today: date | None = None
) -> tuple[Checked | Unchanged, WriteReport]:
    """Check everything, render everything, and only then write the pages (into `dossier/` by default).

    Writing `dossier/` (the default) is incremental: a manifest there records a fingerprint of
    the inputs (every file under content/ and the generator itself), the warnings, and a digest
    of every page written. When the inputs and every page are as recorded, nothing is checked,
    rendered or written. Otherwise everything is checked and rendered, and only pages whose bytes
    change are written, so a changed article rewrites only the pages that show something of it.
    """
    if out_dir is None:
        out_dir = root / "dossier"
        inputs = input_fingerprint(root)
        if inputs is not None and (warnings := unchanged_since(out_dir, inputs)) is not None:
            return Unchanged(warnings), WriteReport(unchanged=len(list(generated_files(out_dir))))
    else:
        inputs = None
    checked = check(root, today)
    release_sources(checked.dossier)
    pages = render_encoded(checked)
    with project_lock(root):
        report = write_pages(out_dir, pages, root)
    if inputs is not None:
        write_manifest(out_dir, inputs, checked.warnings, pages)
    return checked, report


def release_sources(dossier: Dossier) -> None:
    """Drop what only checking needed: the articles' YAML texts (kept to place problems) and parsed metadata.

    The model holds everything the pages show; at 10,000 articles this is a sixth of the memory.
    """
    for article in dossier.articles.values():
        article.meta.source = None
        article.meta.data = None


def input_fingerprint(root: Path) -> str | None:
    """Digest every file under content/, the generator's own files and the libraries that shape its output.

    None when content/ holds anything but regular files and folders (check then reports it) or a
    file cannot be read: such inputs are never taken as unchanged.
    """
    tree = scan(root)
    if tree.problems:
        return None
    digest = hashlib.blake2b(digest_size=16)
    libraries = "|".join(version(name) for name in ("jinja2", "markupsafe", "pyyaml"))
    digest.update(f"{sys.version}|{libraries}".encode())
    package = Path(__file__).parent
    sources = [f for f in files_below(package) if f.endswith((".py", ".j2", ".css"))]
    try:
        for name in sorted(tree.files):
            update(digest, name, read_regular(root / name, MAX_FILE_BYTES))
        for name in sources:
            update(digest, f"generator/{name}", (package / name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


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


def page_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def generated_files(out_dir: Path) -> Iterator[str]:
    """Yield the dossier-relative path of every file in `out_dir` except the manifest."""
    return (name for name in files_below(out_dir) if name != CACHE)


def write_manifest(out_dir: Path, inputs: str, warnings: list[Problem], pages: dict[str, bytes]) -> None:
    """Record what was just written; deterministic, so that equal inputs give an equal dossier/."""
    files = {name: page_digest(data) for name, data in pages.items()}
    files[MARKER] = page_digest(marker_text(set(pages)).encode("utf-8"))
    manifest = {
        "inputs": inputs,
        "warnings": [[p.path, p.line, p.col, p.message] for p in warnings],
        "files": dict(sorted(files.items())),
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


def mkdocs_command(root: Path, *args: str) -> list[str]:
    """Return the command line running MkDocs on the project's mkdocs.yml.

    `-P` keeps the project folder off Python's import path: a `mkdocs/` folder committed there
    must not replace MkDocs.
    """
    return [sys.executable, "-P", "-m", "mkdocs", *args, "--config-file", str(root / "mkdocs.yml")]


def mkdocs_env() -> dict[str, str]:
    """Return the environment for MkDocs, without Material's end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(root: Path) -> None:
    """Run `mkdocs build --strict` into a staging folder and swap it in as `site/` only on success.

    A failed or killed build leaves the previous `site/` complete; leftovers of a killed build are
    cleaned up (or, if it died between two renames, the previous site is restored) by the next one.
    """
    with project_lock(root):
        refuse_links(root)
        recover_site(root)
        run_mkdocs_build(root)


def run_mkdocs_build(root: Path) -> None:
    """Build into a staging folder and swap it in; the caller holds the project lock."""
    site = root / "site"
    staging = root / f"{STAGING_PREFIX}{os.getpid()}.tmp"
    # Not --quiet: MkDocs 1.6 then drops warnings before --strict counts them, and never fails.
    command = mkdocs_command(root, "build", "--strict", "--site-dir", str(staging))
    try:
        result = subprocess.run(command, cwd=root, env=mkdocs_env(), check=False, capture_output=True, text=True)
        sys.stderr.writelines(line + "\n" for line in result.stderr.splitlines() if not line.startswith("INFO"))
        if result.returncode != 0:
            raise SiteBuildError(f"mkdocs build failed with exit status {result.returncode}; site/ was left as it was")
        swap_in(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


STAGING_PREFIX = ".site."


def swap_in(staging: Path, site: Path) -> None:
    """Make `staging` the new `site/` in one atomic step; the old site ends up in `staging`."""
    if not site.exists():
        staging.rename(site)
    elif not exchange(staging, site):
        previous = site.with_name(f"{STAGING_PREFIX}{os.getpid()}.old")
        site.rename(previous)  # recover_site() restores it if we die before the next line
        staging.rename(site)
        previous.rename(staging)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    status: int = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return status == 0


def refuse_links(root: Path) -> None:
    """Refuse a `site/` or staging name that is a link: renaming or deleting through it reaches outside."""
    for path in [root / "site", *sorted(root.glob(f"{STAGING_PREFIX}*"))]:
        if path.is_symlink():
            raise SiteBuildError(f"{path} is a symbolic link; delete it, the build writes a real folder")


def recover_site(root: Path) -> None:
    """Undo what a killed build left behind: restore a moved-away site, delete staging folders."""
    site = root / "site"
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*.old")):
        if not site.exists():
            leftover.rename(site)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*.tmp")):
        shutil.rmtree(leftover, ignore_errors=True)


class SiteBuildError(DossierError):
    """Raised when MkDocs fails; the previous site is kept."""


def serve(root: Path, dev_addr: str, regenerate: Callable[[], None]) -> None:
    """Run `mkdocs serve` (which reloads on dossier/ changes); call `regenerate` when content/ changes."""
    server = subprocess.Popen(mkdocs_command(root, "serve", "--dev-addr", dev_addr), cwd=root, env=mkdocs_env())
    stamp = content_stamp(root)
    try:
        while server.poll() is None:
            time.sleep(1)
            if (new := content_stamp(root)) != stamp:
                stamp = new
                regenerate()
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()


def content_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Return (path, size, mtime) of every content file, to notice changes."""
    stamps = []
    tree = scan(root)
    for name in sorted(tree.files | tree.refused):
        try:
            info = os.lstat(root / name)
        except FileNotFoundError:  # removed while we looked (an editor's swap file)
            continue
        stamps.append((name, info.st_size, info.st_mtime_ns))
    return tuple(stamps)
