"""The bad-input corpus: every case must fail cleanly and leave the published output untouched.

Each folder in tests/bad_inputs/ is a case: files under `content/` replace those of `_base/`,
`remove.txt` lists base files to delete, `generate.json` describes large files made at test
time, and `expected.txt` holds the exact messages `dossier build` prints. After an intended
change of messages, review and refresh them with:

    UPDATE_BAD_INPUTS=1 pytest tests/test_bad_inputs.py
"""

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import REPO

from generator.cli import main
from generator.pipeline import generate
from generator.site.engine import build_site

CORPUS = REPO / "tests" / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))
SECONDS = 5


def tree_digest(root: Path) -> dict[str, str]:
    """Return {relative path: sha256} of every file under `root`."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A project built from the valid base content, with dossier/ and site/."""
    root = tmp_path_factory.mktemp("base")
    shutil.copytree(CORPUS / "_base" / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generate(root)
    build_site(root)
    return root


def apply_case(case: Path, root: Path) -> None:
    """Overlay a case onto a copy of the base project."""
    if (case / "content").is_dir():
        shutil.copytree(case / "content", root / "content", dirs_exist_ok=True)
    if (case / "remove.txt").is_file():
        for name in (case / "remove.txt").read_text(encoding="utf-8").split():
            (root / name).unlink()
    if (case / "generate.json").is_file():
        for name, spec in json.loads((case / "generate.json").read_text(encoding="utf-8")).items():
            unit = spec["repeat"].encode("utf-8")
            (root / name).write_bytes(unit * (spec["bytes"] // len(unit) + 1))


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_bad_input_fails_cleanly_and_writes_nothing(name, published, tmp_path, capsys):
    root = tmp_path / "project"
    shutil.copytree(published, root)
    apply_case(CORPUS / name, root)
    before = tree_digest(root)

    started = time.perf_counter()
    status = main(["--root", str(root), "build"])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()

    expected_file = CORPUS / name / "expected.txt"
    if os.environ.get("UPDATE_BAD_INPUTS"):
        expected_file.write_text(err, encoding="utf-8")
    assert status == 1
    assert err == expected_file.read_text(encoding="utf-8")
    assert out == ""
    assert elapsed < SECONDS
    assert tree_digest(root) == before, "a failed build changed files"
