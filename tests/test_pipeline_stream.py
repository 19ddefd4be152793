"""`dossier generate` renders everything before it writes anything, keeps the rendered files compressed,
and writes them one at a time, recording each file's digest for the manifest."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from generator import pipeline
from generator.site import render
from generator.site.write import CACHE, page_digest

ARTICLE = "content/articles/kcna-bestaetigt-einsatz-kursk.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    return root


def files_of(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_rendering_error_leaves_dossier_as_it_was(project, monkeypatch):
    pipeline.generate(project, today=TODAY)
    before = files_of(project / "dossier")
    path = project / ARTICLE
    path.write_text(path.read_text(encoding="utf-8").replace("title: KCNA", "title: Neu – KCNA", 1), encoding="utf-8")
    real = render.render_part

    def fail_last(rendering, part):
        if part == len(rendering[1]) - 1:
            raise RuntimeError("the last page")
        return real(rendering, part)

    monkeypatch.setattr("generator.site.render.render_part", fail_last)
    with pytest.raises(RuntimeError, match="the last page"):
        pipeline.generate(project, today=TODAY)
    assert files_of(project / "dossier") == before
    monkeypatch.undo()
    _, report = pipeline.generate(project, today=TODAY)
    assert report.written and files_of(project / "dossier") != before


def test_the_manifest_records_the_digest_of_every_file_written(project):
    _, report = pipeline.generate(project, today=TODAY)
    files = files_of(project / "dossier")
    manifest = json.loads(files.pop(CACHE))
    assert manifest["files"] == {name: page_digest(data) for name, data in files.items()} == report.digests
    assert pipeline.generate(project, today=TODAY)[1].written == []  # found unchanged by the digests


def test_rendered_files_read_the_same_compressed_and_as_they_are(monkeypatch):
    checked = pipeline.check(REPO, TODAY)
    plain = pipeline.render_files(checked)
    monkeypatch.setattr("generator.site.write.KEPT_AS_IS", 0)  # compress the seed dossier's few files too
    compressed = pipeline.render_files(checked)
    assert not plain.compressed and compressed.compressed
    assert sum(len(data) for _, data in compressed.stored.values()) < sum(size for size, _ in plain.stored.values()) / 3
    assert dict(compressed) == dict(plain)
    page = compressed["themen/anerkennung.md"].decode("utf-8")
    assert page.startswith("---\ntitle: ") and "Verweise auf diese Seite" in page
