"""The README stays a short front door that tells the truth; the docs' links resolve; markers name real tests."""

import ast
import re
import shlex
from pathlib import Path

import pytest
from conftest import MARKERS, REPO

from generator.cli import make_parser

README = REPO / "README.md"
DOCS = sorted((REPO / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def commands_of_the_cli() -> set[str]:
    parser = make_parser()
    (subparsers,) = [a for a in parser._actions if a.dest == "command"]
    return set(subparsers.choices)


def test_readme_is_short_and_names_the_build_command():
    assert len(README.read_bytes()) <= 5 * 1024, "README.md is the front door: move details into docs/"
    text = README.read_text(encoding="utf-8")
    assert "dossier build" in text and "bash .ci/run" in text


def test_readme_command_table_lists_every_command_of_the_cli():
    text = README.read_text(encoding="utf-8")
    table = re.findall(r"^\| `dossier (\w+)", text, flags=re.M)
    assert sorted(table) == sorted(commands_of_the_cli())


def anchors(path: Path) -> set[str]:
    """GitHub's anchors of a Markdown file's headings."""
    headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.relative_to(REPO).as_posix())
def test_relative_links_resolve(page):
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, fragment = target.partition("#")
        path = (page.parent / file).resolve() if file else page
        assert path.exists(), f"{page.name}: {target}"
        if fragment:
            assert fragment in anchors(path), f"{page.name}: {target}"


def test_every_marker_entry_names_a_test_that_exists():
    for key in MARKERS:
        file, _, function = key.partition("::")
        path = REPO / "tests" / file
        assert path.is_file(), key
        if function:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
            assert function in names, key


def test_ci_runs_every_test():
    """Markers select a fast local subset; CI deselects nothing."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    runs = [shlex.split(line) for line in script.splitlines() if re.match(r"\s*python3? -m pytest\b", line)]
    assert runs == [["python3", "-m", "pytest"]]
