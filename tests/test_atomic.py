"""Kill `dossier build` at random points: site/ stays complete, dossier/ never holds a torn page,
the next run repairs everything, and nothing outside dossier/, site/ and the build's own
temporary folders is touched."""

import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

from generator.site.engine import STAGING_PREFIX, recover_site, swap_in
from generator.site.lock import LOCK_NAME

KILLS = 16
VARIANTS = ("Erster Artikel", "Erster Artikel, überarbeitet")
ARTICLE_YAML = "content/articles/erster-artikel.yaml"


def digest(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Return {relative path: sha256} of the files under `root`, leaving out names in `skip`."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def set_variant(root: Path, title: str) -> None:
    path = root / ARTICLE_YAML
    text = re.sub(r"(?m)^title: .*$", f"title: {title}", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")


def run_build(root: Path) -> None:
    command = [sys.executable, "-m", "generator", "--root", str(root), "build"]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})


# The gzip header of the sitemap carries the build time: the only part of site/ that differs by build.
SITE_SKIP = ("sitemap.xml.gz",)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """A base project, and the complete dossier/ and site/ of each content variant."""
    root = tmp_path_factory.mktemp("atomic")
    shutil.copytree(REPO / "tests" / "bad_inputs" / "_base" / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    dossiers, sites = {}, {}
    for title in VARIANTS:
        set_variant(root, title)
        run_build(root)
        dossiers[title] = digest(root / "dossier")
        sites[title] = digest(root / "site", SITE_SKIP)
    assert sites[VARIANTS[0]] != sites[VARIANTS[1]]
    return root, dossiers, sites


def outside_outputs(root: Path) -> dict[str, str]:
    """Digest of everything that a build must not write."""
    return {
        name: value
        for name, value in digest(root).items()
        if not name.startswith(("dossier/", "site/", STAGING_PREFIX))
    }


def test_killed_builds_leave_complete_outputs_and_are_repaired(project):
    root, dossiers, sites = project
    rng = random.Random(20241028)
    for round_ in range(KILLS):
        title = VARIANTS[round_ % 2]
        set_variant(root, title)
        untouched = outside_outputs(root)
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "generator", "--root", str(root), "build"]
        process = subprocess.Popen(command, env=env, start_new_session=True, stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 1.5))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

        site = digest(root / "site", SITE_SKIP)
        assert site in (sites[VARIANTS[0]], sites[VARIANTS[1]]), f"round {round_}: site/ is not a complete build"
        for name, value in digest(root / "dossier").items():
            if name.startswith(".") or "/." in name:
                continue  # a temporary file the killed run left; the next run removes it
            assert value in (dossiers[VARIANTS[0]].get(name), dossiers[VARIANTS[1]].get(name)), name
        assert outside_outputs(root) == untouched

    run_build(root)
    final = VARIANTS[(KILLS - 1) % 2]
    assert digest(root / "dossier") == dossiers[final]
    assert digest(root / "site", SITE_SKIP) == sites[final]
    leftovers = [p.name for p in root.glob(f"{STAGING_PREFIX}*") if p.name != LOCK_NAME]
    assert not leftovers, "temporary folders were left behind"


def test_fallback_swap_is_recovered_after_a_kill_between_renames(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / f"{STAGING_PREFIX}1.tmp"
    site.mkdir()
    (site / "index.html").write_text("alt", encoding="utf-8")
    # Simulate a build killed after moving the old site away, before moving the new one in.
    site.rename(tmp_path / f"{STAGING_PREFIX}1.old")
    staging.mkdir()
    recover_site(tmp_path)
    assert (site / "index.html").read_text(encoding="utf-8") == "alt"
    assert not staging.exists()
    # Without renameat2 the swap still ends with the new site in place.
    monkeypatch.setattr("generator.site.engine.exchange", lambda a, b: False)
    staging.mkdir()
    (staging / "index.html").write_text("neu", encoding="utf-8")
    swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "neu"
    assert (staging / "index.html").read_text(encoding="utf-8") == "alt"
