"""`dossier init`: a new project builds at once, refusals write nothing, and the package works from a wheel."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from generator import pipeline
from generator.cli import main
from generator.content.reference import schema_line
from generator.tools.init import InitError, init_project, starter_files

TITLE = "Waldbrände in Brandenburg"
CONTENT_YAML = ["dossier.yaml", "organisations.yaml", "people.yaml", "places.yaml", "topics.yaml"]
SCHEMAS = ["article", "dossier", "organisations", "people", "places", "topics"]
FILES = sorted(
    [
        ".github/workflows/ci.yml",
        ".github/workflows/pages.yml",
        ".gitignore",
        "mkdocs.yml",
        "requirements.txt",
        *(f"content/{name}" for name in CONTENT_YAML),
        *(f"content/pages/{name}" for name in ("methode.md", "mitmachen.md", "ueber.md")),
        *(f"schemas/{kind}.schema.json" for kind in SCHEMAS),
    ]
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Initialise one project and build it with `dossier build`, in this process."""
    project = tmp_path_factory.mktemp("init") / "neu"
    assert main(["init", str(project), "--title", TITLE]) == 0
    assert main(["--root", str(project), "build"]) == 0
    return project


def files_below(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --- what init writes --------------------------------------------------------------------------


def test_init_writes_the_starter_and_nothing_else(tmp_path):
    project = tmp_path / "a" / "neu"
    assert init_project(project, TITLE) == FILES
    assert files_below(project) == FILES
    assert (project / "content" / "articles").is_dir()
    assert list((project / "content" / "articles").iterdir()) == []


def test_content_is_valid_and_every_yaml_names_a_schema_that_is_there(tmp_path):
    init_project(tmp_path, TITLE)
    checked = pipeline.check(tmp_path)
    assert (len(checked.dossier.articles), checked.warnings) == (0, [])
    assert checked.dossier.title == TITLE
    assert list(checked.dossier.topics) == ["beispielthema"]
    for name in CONTENT_YAML:
        path = tmp_path / "content" / name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_line(name, "schemas")
        assert (path.parent / first.split("$schema=")[1]).resolve().is_file(), first
    dossier = yaml.safe_load((tmp_path / "content" / "dossier.yaml").read_text(encoding="utf-8"))
    assert dossier["key_topics"] == [] and "parties" not in dossier
    for kind in ("people", "organisations", "places"):
        assert yaml.safe_load((tmp_path / "content" / f"{kind}.yaml").read_text(encoding="utf-8")) == []


def test_mkdocs_yml_keeps_the_repository_settings_and_comments(tmp_path):
    init_project(tmp_path, TITLE)
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    theirs = yaml.safe_load(text)
    assert theirs["site_name"] == f"Dossier: {TITLE}"
    assert (theirs["docs_dir"], theirs["theme"]["font"], theirs["strict"]) == ("dossier", False, True)
    keys = ("theme", "plugins", "markdown_extensions", "not_in_nav", "validation", "extra", "extra_css", "site_dir")
    keys += ("extra_javascript",)
    for key in keys:
        assert theirs[key] == ours[key], key
    redaktion = {"Redaktion": [{"Mitmachen": "mitmachen.md"}, {"Referenz": "referenz.md"}]}
    assert theirs["nav"] == [entry if "Redaktion" not in entry else redaktion for entry in ours["nav"]]
    for comment in ("no Google Fonts", "indexes the built site with Pagefind", "Only section index pages"):
        assert comment in text


def test_workflows_install_the_pinned_requirement(tmp_path):
    init_project(tmp_path, TITLE)
    requirement = (tmp_path / "requirements.txt").read_text(encoding="utf-8")
    assert [line for line in requirement.splitlines() if not line.startswith("#")] == ["dossier-publisher==0.1.0"]
    for name in ("ci.yml", "pages.yml"):
        workflow = yaml.safe_load((tmp_path / ".github" / "workflows" / name).read_text(encoding="utf-8"))
        runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
        assert "python3 -m pip install -r requirements.txt" in runs
        assert any("dossier build" in run for run in runs)
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"/dossier/", "/site/", "/.site.*", "/.venv/"} <= set(ignored)


def test_the_starter_workflows_pass_actionlint(tmp_path):
    from test_workflows import actionlint

    init_project(tmp_path, TITLE)
    result = actionlint(*sorted((tmp_path / ".github" / "workflows").glob("*.yml")))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize(
    "title", ['„Zitat“ & <b>fett</b>: "ja"/nein #1', "yes", "null", "- a: b", "Backslash \\ und $dollar {{ x }}"]
)
def test_any_usable_title_gives_valid_files(tmp_path, title):
    init_project(tmp_path, title)
    assert pipeline.check(tmp_path).dossier.title == title
    assert yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == f"Dossier: {title}"


def test_dossier_new_works_in_a_new_project(tmp_path, capsys):
    init_project(tmp_path, TITLE)
    text = tmp_path / "bericht.txt"
    text.write_text("Die Feuerwehr meldete, etwa 300 Menschen seien evakuiert worden.\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "new", str(text), "--id", "erster-bericht"]) == 0
    meta = tmp_path / "content" / "articles" / "erster-bericht.yaml"
    first = meta.read_text(encoding="utf-8").splitlines()[0]
    assert (meta.parent / first.split("$schema=")[1]).resolve().is_file(), first


# --- refusals ------------------------------------------------------------------------------------


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    return status, capsys.readouterr().err


def test_a_non_empty_folder_is_refused(tmp_path, capsys):
    (tmp_path / "notizen.txt").write_text("meins", encoding="utf-8")
    status, err = refused(["init", str(tmp_path), "--title", TITLE], capsys)
    message = f"{tmp_path} is not empty; dossier init writes only into a new or empty folder"
    assert (status, err) == (1, f"error: {message}\n")
    assert files_below(tmp_path) == ["notizen.txt"]


def test_a_link_is_refused_even_to_an_empty_folder(tmp_path, capsys):
    (tmp_path / "leer").mkdir()
    for name, target in (("link", tmp_path / "leer"), ("dangling", tmp_path / "nirgends")):
        (tmp_path / name).symlink_to(target)
        status, err = refused(["init", str(tmp_path / name), "--title", TITLE], capsys)
        assert (status, err) == (1, f"error: {tmp_path / name} is a symbolic link; give the path of a real folder\n")
    assert list((tmp_path / "leer").iterdir()) == []
    assert not (tmp_path / "nirgends").exists()


def test_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "datei").write_text("", encoding="utf-8")
    status, err = refused(["init", str(tmp_path / "datei"), "--title", TITLE], capsys)
    assert (status, err) == (1, f"error: {tmp_path / 'datei'} exists and is not a folder\n")


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("  ", '--title is empty: give the dossier\'s title, e.g. --title "Waldbrände in Brandenburg"'),
        ("Zwei\nZeilen", "--title 'Zwei\\nZeilen' holds a line break or an invisible character"),
        ("x" * 201, "--title is 201 characters long; a dossier's title has at most 200"),
    ],
)
def test_an_unusable_title_is_a_usage_error(tmp_path, capsys, title, message):
    with pytest.raises(SystemExit) as info:  # usage errors print the usage line, as argparse does
        main(["init", str(tmp_path / "neu"), "--title", title])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(f"dossier: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_title_is_required_and_init_needs_no_content_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["init", "neu"])
    assert info.value.code == 2
    assert "the following arguments are required: --title" in capsys.readouterr().err
    assert main(["init", "neu", "--title", TITLE]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {len(FILES)} files into {tmp_path / 'neu'}\n")
    with pytest.raises(InitError):
        init_project(tmp_path / "neu", TITLE)


def test_starter_files_come_from_the_package_only():
    files = starter_files(TITLE)
    assert sorted(files) == FILES
    assert all("Nordkorea" not in text and "Pentagon" not in text for text in files.values())


# --- the built site -------------------------------------------------------------------------------


def test_the_new_project_builds_an_empty_but_friendly_site(built):
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<h1[^>]*>{re.escape(TITLE)}<", home)
    assert "Das Dossier enthält noch keine Artikel" in home and "dossier new" in home
    empty = {
        "artikel/index.html": "Noch keine Artikel.",
        "personen/index.html": "Noch keine Einträge.",
        "organisationen/index.html": "Noch keine Einträge.",
        "orte/index.html": "Noch keine Einträge.",
        "zeitleiste/index.html": "Noch keine Einträge.",
        "wer-sagt-was/index.html": "Noch keine Zitate oder Angaben",
        "themen/beispielthema/index.html": "Noch keine Angaben.",
    }
    for page, words in empty.items():
        html = (built / "site" / page).read_text(encoding="utf-8")
        assert words in html, page
        assert "<td></td>" not in html, page  # no table left with an empty row
    for page in ("methode", "mitmachen", "ueber", "referenz", "quellenlage", "themen"):
        assert (built / "site" / page / "index.html").is_file()
    assert not (built / "site" / "leistung").exists()


# --- from a wheel, outside the repository -----------------------------------------------------------


def can_build_wheels_offline() -> bool:
    """Tell whether this Python's setuptools builds wheels itself (>= 70.1) or has the `wheel` package."""
    return any(importlib.util.find_spec(name) for name in ("wheel", "setuptools.command.bdist_wheel"))


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def build_wheel(tmp_path: Path, env: dict[str, str]) -> Path:
    """Build the package's wheel from a copy of its sources (a stale build/ in the repository cannot leak in).

    Without build isolation when this Python's setuptools can build wheels: offline. Otherwise pip
    fetches the build requirements (setuptools) from the package index.
    """
    source = tmp_path / "source"
    shutil.copytree(REPO / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    isolation = ["--no-build-isolation"] if can_build_wheels_offline() else []
    command = [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", *isolation, "-w", str(tmp_path / "dist")]
    run(command, tmp_path, env)
    (wheel,) = (tmp_path / "dist").glob("dossier_publisher-*.whl")
    return wheel


def share_packages(venv: Path) -> None:
    """Let a new venv see this Python's packages too (from a venv, --system-site-packages gives the base's)."""
    (found,) = venv.glob("lib/python*/site-packages")
    (found / "_running_python.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")


def test_the_wheel_works_outside_the_repository(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(NO_MKDOCS_2_WARNING="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    wheel = build_wheel(tmp_path, env)
    venv = tmp_path / "venv"
    # --system-site-packages: MkDocs and the other dependencies come from this Python, without a download.
    run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], tmp_path, env)
    share_packages(venv)
    python, dossier = venv / "bin" / "python", venv / "bin" / "dossier"
    run([str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", str(wheel)], tmp_path, env)
    work = tmp_path / "work"
    work.mkdir()
    where = run([str(python), "-c", "import generator; print(generator.__file__)"], work, env).stdout.strip()
    assert Path(where).is_relative_to(venv) and not Path(where).is_relative_to(REPO), where
    run([str(dossier), "init", "x", "--title", "Test"], work, env)
    built = run([str(dossier), "build"], work / "x", env)
    assert "built site/" in built.stdout
    home = (work / "x" / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Test" in home and "noch keine Artikel" in home
    schema = json.loads((work / "x" / "schemas" / "dossier.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "dossier.schema.json"
