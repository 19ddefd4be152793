"""Build the generated seed dossier with Zensical, MkDocs' successor, which reads mkdocs.yml."""

import shutil
import subprocess

from conftest import REPO, TODAY

from generator.bench.measure import zensical
from generator.pipeline import generate


def test_zensical_builds_the_seed_dossier(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generate(root, today=TODAY)
    result = subprocess.run(zensical(root, "site-zensical"), cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site-zensical"
    pages = sorted((root / "dossier").rglob("*.md"))
    assert len(pages) > 60
    for page in pages:
        name = page.relative_to(root / "dossier").with_suffix("")
        html = site / (name.parent if name.name == "index" else name) / "index.html"
        assert html.is_file(), html
    topic = (site / "themen" / "soldaten-in-russland" / "index.html").read_text(encoding="utf-8")
    assert "12.000" in topic and "Widerspruch" in topic
    assert not list(site.rglob(".dossier-*")), "the generator's own files must not be published"
    assert not (root / "site").exists(), "Zensical must build only where it is told to"
