"""`dossier diff` on a real temporary git repository."""

import copy
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE, TODAY, write_content

from generator.cli import main
from generator.diff import diff_against, render_markdown

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

SECOND_TEXT = "Veröffentlicht: 28. Oktober 2024\nAnna Muster sagte: „Es sind 12.000 Soldaten in Russland.“\n"
SECOND_META: dict[str, Any] = {
    "title": "Zweiter Artikel",
    "source_file": "001_test.txt",
    "outlet": None,
    "url": None,
    "author": None,
    "language": "de",
    "published": {"date": "2024-10-28", "basis": "stated"},
    "mentions": {"people": ["anna-muster"]},
    "quotes": [
        {"id": "q1", "speaker": "anna-muster", "role": "Sprecherin", "text": "Es sind 12.000 Soldaten in Russland."}
    ],
    "claims": [
        {
            "id": "c1",
            "topic": "zahl",
            "value": 12000,
            "scope": "russland",
            "claimant": "anna-muster",
            "excerpt": "Es sind 12.000 Soldaten in Russland.",
        }
    ],
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the small base content."""
    root = write_content(tmp_path / "repo", copy.deepcopy(BASE))
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "base")
    return root


def with_second_article(content: dict[str, Any]) -> dict[str, Any]:
    content["articles"]["zweiter-artikel"] = {"text": SECOND_TEXT, "meta": copy.deepcopy(SECOND_META)}
    return content


def run_diff(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(root), "diff", *args])
    out, err = capsys.readouterr()
    return status, out, err


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| ---")]


def test_a_new_article_lists_its_quote_claim_and_the_contradiction_it_opens(repo, capsys):
    write_content(repo, with_second_article(copy.deepcopy(BASE)))
    commit_all(repo, "add an article")
    status, out, err = run_diff(repo, capsys, "HEAD~1")
    assert (status, err) == (0, "")
    assert out.startswith("## Dossier changes against HEAD&#126;1\n")
    assert rows(out) == [
        "| Section | Added | Changed | Removed |",
        "| Articles | 1 | 0 | 0 |",
        "| Quotes | 1 | 0 | 0 |",
        "| Claims | 1 | 0 | 0 |",
        "| Discrepancies | 2 | 1 | 0 |",
        "| People, organisations, places and topics | 0 | 0 | 0 |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel | Zweiter Artikel (28. Oktober 2024) |  |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel&#35;q-q1 | Anna Muster: „Es sind 12.000 Soldaten in Russland.“ |  |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel&#35;c-c1 | Zahl der Soldaten: 12.000 (claimant: Anna Muster) |  |",
        "| Change | Key | What | Details |",
        "| changed | topics/zahl | Zahl der Soldaten | range: 3.000–10.000 → 3.000–12.000 |",
        "| added | erster-artikel&#35;c-c2 &#126; zweiter-artikel&#35;c-c1 | 10.000 (Amt) vs 12.000 (Anna Muster): "
        "gleicher Bezug und Zeitraum, unvereinbare Werte | contradiction |",
        "| added | erster-artikel&#35;c-c1 &#126; zweiter-artikel&#35;c-c1 | mindestens 3.000 (Anna Muster) vs 12.000 "
        "(Anna Muster): verschiedener Bezug: in Kursk / in Russland | scope difference |",
    ]


def test_changed_and_removed_items_show_what_changed(repo, capsys):
    content = copy.deepcopy(BASE)
    claims = content["articles"]["erster-artikel"]["meta"]["claims"]
    claims[1]["qualifier"] = "etwa"
    del claims[0]
    content["people"].append({"id": "neue-person", "name": "Neue Person", "role": "Ministerin"})
    content["organisations"][0]["name"] = "Das Amt"
    write_content(repo, content)
    report = diff_against(repo, "HEAD", TODAY)
    changes = {name: [(c.change, c.key, c.details) for c in items] for name, items in report.sections.items()}
    assert changes["claims"] == [
        ("removed", "erster-artikel#c-c1", []),
        ("changed", "erster-artikel#c-c2", ["value: 10.000 → etwa 10.000"]),
    ]
    assert changes["registries"] == [
        ("changed", "organisations/amt", ["name: Amt → Das Amt"]),
        ("added", "people/neue-person", []),
    ]
    assert changes["discrepancies"] == [
        ("changed", "topics/zahl", ["range: 3.000–10.000 → 10.000", "independent claimants: 2 → 1"]),
        ("removed", "erster-artikel#c-c1 ~ erster-artikel#c-c2", ["scope difference"]),
    ]
    assert changes["articles"] == []  # claims are listed on their own, not as a change of the article


def test_json_format_has_the_same_changes_and_counts(repo, capsys):
    write_content(repo, with_second_article(copy.deepcopy(BASE)))
    status, out, _ = run_diff(repo, capsys, "HEAD", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["counts"]["articles"] == {"added": 1, "changed": 0, "removed": 0}
    assert [c["key"] for c in data["sections"]["claims"]] == ["zweiter-artikel#c-c1"]
    assert data["errors"] == [] and data["base"] == "HEAD"


def test_an_unchanged_tree_says_so(repo, capsys):
    status, out, _ = run_diff(repo, capsys, "HEAD")
    assert (status, out) == (0, "## Dossier changes against HEAD\n\nNo changes to the dossier's content.\n\n")


def test_content_errors_are_reported_and_fail(repo, capsys):
    content = with_second_article(copy.deepcopy(BASE))
    content["articles"]["zweiter-artikel"]["meta"]["quotes"][0]["speaker"] = "anna-mustre"
    write_content(repo, content)
    status, out, _ = run_diff(repo, capsys, "HEAD")
    assert status == 1
    assert (
        "- content/articles/zweiter-artikel.yaml:15:12: unknown person 'anna-mustre' (did you mean 'anna-muster'?)\n"
        in out
    )
    assert "| Section |" not in out


def test_a_base_without_content_compares_with_an_empty_dossier(tmp_path, capsys):
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("x\n", encoding="utf-8")
    commit_all(root, "empty")
    write_content(root, copy.deepcopy(BASE))
    status, out, _ = run_diff(root, capsys, "HEAD")
    assert status == 0
    assert "| Articles | 1 | 0 | 0 |" in out and "| People, organisations, places and topics | 5 | 0 | 0 |" in out


def test_an_unknown_ref_is_a_usage_error(repo, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run_diff(repo, capsys, "no-such-branch")
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: 'no-such-branch' is not a commit of the git repository at {repo}\n"
    )


def test_content_values_are_escaped_in_the_report(repo):
    content = copy.deepcopy(BASE)
    content["articles"]["erster-artikel"]["meta"]["title"] = "A | B *fett* [x](y)"
    write_content(repo, content)
    out = render_markdown(diff_against(repo, "HEAD", TODAY))
    assert "A &#124; B &#42;fett&#42; &#91;x&#93;(y)" in out
