"""A new user's path end to end: `dossier new` on a text that is not in the repository, fill in what
`dossier check` asks for, build the site, and review the commit with `dossier diff`.

The text is tests/fixtures/testartikel-kursk.txt, a fictional article (see tests/fixtures/README.md).
"""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from test_diff import commit_all, git

from generator.cli import main

FIXTURE = REPO / "tests" / "fixtures" / "testartikel-kursk.txt"
ARTICLE = "content/articles/testartikel-kursk"
MESSAGE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$")


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git clone-like copy of the seed project: content/ and mkdocs.yml, committed."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "seed dossier")
    return root


def fill_in(root: Path) -> None:
    """Do what `dossier check` asked for, as a curator would, using only what the text says."""
    people = root / "content" / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + "- id: erika-beispiel\n  name: Erika Beispiel\n  aliases: [Beispiel]\n  role: Institutsleiterin\n",
        encoding="utf-8",
    )
    orgs = root / "content" / "organisations.yaml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8")
        + "- id: institut-fuer-beispielstudien\n  name: Institut für Beispielstudien\n  kind: group\n",
        encoding="utf-8",
    )
    path = root / f"{ARTICLE}.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["title"] = "Testinstitut meldet 15.000 Soldaten"
    meta["published"] = {"date": "2024-12-12", "basis": "stated"}
    for quote in meta.get("quotes") or []:
        quote["speaker"] = "erika-beispiel"
        quote["role"] = "Institutsleiterin"
    claims = [c for c in meta.get("claims") or [] if c.get("topic") == "soldaten-in-russland"]
    for claim in claims:
        claim["scope"] = "russland"
        claim["claimant"] = "institut-fuer-beispielstudien"
    meta["claims"] = claims
    meta.setdefault("mentions", {}).setdefault("people", []).append("erika-beispiel")
    meta["mentions"].setdefault("organisations", []).append("institut-fuer-beispielstudien")
    path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_new_article_from_text_to_site_and_diff(project, capsys):
    status, out, err = run(project, capsys, "new", str(FIXTURE))
    assert status == 0, err
    assert (project / f"{ARTICLE}.txt").read_text(encoding="utf-8") == FIXTURE.read_text(encoding="utf-8")
    scaffold = (project / f"{ARTICLE}.yaml").read_text(encoding="utf-8")
    assert scaffold.startswith("# yaml-language-server: $schema=../../generator/schemas/article.schema.json\n")
    assert "Erika Beispiel" in scaffold  # a name in no registry is pointed out
    assert "15000" in scaffold and "Unsere Zählung ist vorläufig" in scaffold

    status, _, err = run(project, capsys, "check")
    assert status == 1
    problems = [MESSAGE.match(line) for line in err.splitlines()[:-1]]
    assert all(p and p["path"] == f"{ARTICLE}.yaml" for p in problems), err
    assert any("title" in line for line in err.splitlines()), err

    fill_in(project)
    status, out, err = run(project, capsys, "build")
    assert status == 0, err
    page = project / "site" / "artikel" / "testartikel-kursk" / "index.html"
    assert "Unsere Zählung ist vorläufig" in page.read_text(encoding="utf-8")

    commit_all(project, "add testartikel-kursk")
    status, out, err = run(project, capsys, "diff", "HEAD~1")
    assert (status, err) == (0, "")
    assert "| added | testartikel-kursk | Testinstitut meldet 15.000 Soldaten (12. Dezember 2024) |  |" in out
    assert re.search(r"\| added \| testartikel-kursk&#35;q-[a-z0-9-]+ \| Erika Beispiel: „Unsere Zählung", out)
    claim_row = r"\| added \| testartikel-kursk&#35;c-[a-z0-9-]+ \| Zahl der nordkoreanischen Soldaten: 15.000"
    assert re.search(claim_row, out)
    assert "15.000 (Institut für Beispielstudien)" in out and "| contradiction |" in out
    assert "range: " in out and "→ 3.000–15.000" in out
