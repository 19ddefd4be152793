"""Run MkDocs: build into a staging folder swapped in atomically, under the project lock; serve for previews."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from generator.content.files import scan
from generator.problems import DossierError
from generator.site.lock import project_lock


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
