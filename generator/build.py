"""The orchestrator: load → model → analyse → render → write, then MkDocs."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .analyse import Analysis, analyse
from .load import load_content
from .model import Dossier, build_model
from .problems import Problem, raise_on_errors
from .render import Renderer
from .write import WriteReport, write_pages


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
    return Checked(dossier, analysis, sorted(problems))


def render(checked: Checked) -> dict[str, str]:
    """Render every page of a checked dossier."""
    return Renderer(checked.dossier, checked.analysis).render_all()


def generate(root: Path, out_dir: Path | None = None, today: date | None = None) -> tuple[Checked, WriteReport]:
    """Check everything, render everything, and only then write `dossier/`."""
    checked = check(root, today)
    pages = render(checked)
    return checked, write_pages(out_dir or root / "dossier", pages)


def mkdocs_command(root: Path, *args: str) -> list[str]:
    """Return the command line running MkDocs on the project's mkdocs.yml."""
    return [sys.executable, "-m", "mkdocs", *args, "--config-file", str(root / "mkdocs.yml")]


def mkdocs_env() -> dict[str, str]:
    """Return the environment for MkDocs, without Material's end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(root: Path) -> None:
    """Run `mkdocs build --strict` into a staging folder and swap it in as `site/` only on success.

    A failed or killed build leaves the previous `site/` complete; leftovers of a killed build are
    cleaned up (or, if it died between two renames, the previous site is restored) by the next one.
    """
    site = root / "site"
    recover_site(root)
    staging = root / f"{STAGING_PREFIX}{os.getpid()}.tmp"
    command = mkdocs_command(root, "build", "--strict", "--quiet", "--site-dir", str(staging))
    try:
        result = subprocess.run(command, cwd=root, env=mkdocs_env(), check=False)
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


class SiteBuildError(Exception):
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
    for path in sorted((root / "content").rglob("*")):
        try:
            info = path.stat()
        except FileNotFoundError:  # removed while we looked (an editor's swap file)
            continue
        stamps.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamps)
