"""`dossier diff` on a real temporary git repository."""

import copy
import io
import json
import os
import subprocess
import tarfile
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from conftest import BASE, TODAY, write_content

from generator.cli import main
from generator.content.model import Article, Claim, Dossier, Event, Quote, Topic
from generator.tools.diff import diff_against, load_state, render_markdown
from generator.tools.diff_fields import SKIP, article_fields, claim_fields, entry_fields, quote_fields, setting_fields
from generator.tools.diff_git import extract

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
        "| Discrepancies | 2 | 1 | 0 |",
        "| Claims | 1 | 0 | 0 |",
        "| Dossier and events (content/dossier.yaml) | 0 | 0 | 0 |",
        "| Articles | 1 | 0 | 0 |",
        "| Quotes | 1 | 0 | 0 |",
        "| People, organisations, places and topics | 0 | 0 | 0 |",
        "| Hand-written pages (content/pages) | 0 | 0 | 0 |",
        "| Generated pages and data files | 1 | 15 | 0 |",
        "| Files outside content/ (code, config) | 0 | 0 | 0 |",
        "| Change | Key | What | Details |",
        "| added | erster-artikel&#35;c-c2 &#126; zweiter-artikel&#35;c-c1 | Zahl der Soldaten: 10.000 (Amt) vs 12.000 "
        "(Anna Muster); same scope and period, incompatible values | contradiction |",
        "| changed | topics/zahl | Zahl der Soldaten | range: 3.000–10.000 Soldaten → 3.000–12.000 Soldaten |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel&#35;c-c1 | Zahl der Soldaten: 12.000 (claimant: Anna Muster) "
        "| value: 12.000 Soldaten<br>scope: in Russland<br>as&#95;of: 2024-10-28 (the article's date)"
        "<br>claimant: Anna Muster<br>excerpt: „Es sind 12.000 Soldaten in Russland.“ |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel | Zweiter Artikel (28. Oktober 2024) |  |",
        "| Change | Key | What | Details |",
        "| added | zweiter-artikel&#35;q-q1 | Anna Muster: „Es sind 12.000 Soldaten in Russland.“ |  |",
        "| Change | Key | What | Details |",
        "| changed | artikel/index.md | &#43;1 −0 lines | first change in line 13, under „Artikel“ |",
        "| added | artikel/zweiter-artikel.md | 67 lines | first heading: Zweiter Artikel |",
        "| changed | data/claims.csv | &#43;1 −0 lines | first change in line 4 |",
        "| changed | data/dossier.json | &#43;14 −7 lines | first change in line 5 |",
        "| changed | data/quotes.csv | &#43;1 −0 lines | first change in line 3 |",
        "| changed | feeds/artikel.xml | &#43;8 −0 lines | first change in line 17 |",
        "| changed | feeds/themen/zahl.xml | &#43;7 −0 lines | first change in line 23 |",
        "| changed | index.md | &#43;4 −3 lines | first change in line 11, under „Testdossier“ |",
        "| changed | organisationen/amt.md | &#43;1 −0 lines | first change in line 40, "
        "under „Verweise auf diese Seite“ |",
        "| changed | personen/anna-muster.md | &#43;4 −0 lines | first change in line 31, under „Aussagen“ |",
        "| changed | personen/index.md | &#43;1 −1 lines | first change in line 13, under „Personen“ |",
        "| changed | quellenlage.md | &#43;2 −1 lines | first change in line 17, "
        "under „Themen, die dünnste Quellenlage zuerst“ |",
        "| changed | themen/index.md | &#43;1 −1 lines | first change in line 16, under „Themen“ |",
        "| changed | themen/zahl.md | &#43;27 −10 lines | first change in line 20, under „Kurz gesagt“ |",
        "| changed | wer-sagt-was.md | &#43;1 −1 lines | first change in line 13, under „Wer sagt was“ |",
        "| changed | zeitleiste.md | &#43;2 −1 lines | first change in line 13, under „Zeitleiste“ |",
    ]
    scope = (
        "*Scope differences (counted, not listed): 1 added, 0 changed, 0 removed; "
        "`dossier diff --format json` lists them.*"
    )
    assert out.split("### Discrepancies\n")[1].split("### Claims")[0].endswith(f"\n\n{scope}\n\n")


FIRST_CLAIM = {  # the card of the base content's first claim
    "value": "value: mindestens 3.000 Soldaten",
    "scope": "scope: in Kursk",
    "as_of": "as_of: 2024-10-28 (the article's date)",
    "claimant": "claimant: Anna Muster",
    "excerpt": "excerpt: „mindestens 3.000 Soldaten seien in Kursk“",
}


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
        ("removed", "erster-artikel#c-c1", [*FIRST_CLAIM.values()]),
        (
            "changed",
            "erster-artikel#c-c2",
            [
                "value: 10.000 → etwa 10.000",  # what changes, then the rest of the claim
                "scope: in Russland",
                "as_of: 2024-10-28 (the article's date)",
                "claimant: Das Amt",
                "excerpt: „Das Amt nannte 10.000 Soldaten in Russland“",
            ],
        ),
    ]
    assert changes["registries"] == [
        ("changed", "organisations/amt", ["name: Amt → Das Amt"]),
        ("added", "people/neue-person", ["role: Ministerin"]),
    ]
    assert changes["discrepancies"] == [
        ("changed", "topics/zahl", ["range: 3.000–10.000 Soldaten → 10.000 Soldaten", "independent claimants: 2 → 1"]),
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
        "- content/articles/zweiter-artikel.yaml:15:12: unknown person or organisation 'anna-mustre' "
        "(did you mean 'anna-muster'?)\n" in out
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


Content = dict[str, Any]
EVENT = {
    "id": "amt-nennt-zahl",
    "date": {"date": "2024-10-28", "basis": "stated"},
    "title": "Das Amt nennt eine Zahl",
    "article": "erster-artikel",
    "excerpt": "Das Amt nannte 10.000 Soldaten in Russland",
}


def article(content: Content) -> Content:
    return content["articles"]["erster-artikel"]["meta"]  # type: ignore[no-any-return]


def set_in(content: Content, path: tuple[Any, ...], value: Any) -> None:
    """Set the value at `path` (keys and list indexes) in a content tree."""
    for step in path[:-1]:
        content = content[step]
    content[path[-1]] = value


def changes_of(report: Any) -> dict[str, list[tuple[str, str, list[str]]]]:
    return {name: [(c.change, c.key, c.details) for c in items] for name, items in report.sections.items()}


QUOTE = ("articles", "erster-artikel", "meta", "quotes", 0)
CLAIM = ("articles", "erster-artikel", "meta", "claims", 0)


FIELD_CHANGES: list[tuple[tuple[Any, ...], Any, str, tuple[str, str]]] = [
    (("dossier", "title"), "Neues Dossier", "dossier", ("dossier.yaml", "title: Testdossier → Neues Dossier")),
    (("dossier", "summary"), "Anders.", "dossier", ("dossier.yaml", "summary: Ein kleines Dossier. → Anders.")),
    (("dossier", "key_topics"), ["zahl", "lage"], "dossier", ("dossier.yaml", "key_topics: zahl → zahl, lage")),
    (("dossier", "parties"), ["kursk"], "dossier", ("dossier.yaml", "parties: – → kursk")),
    (
        ("topics", 0, "scopes", 1, "label"),
        "in der Ukraine",
        "registries",
        ("topics/zahl", "scopes.kursk: in Kursk → in der Ukraine"),
    ),
    (("topics", 0, "description"), "Wie viele?", "registries", ("topics/zahl", "description: – → Wie viele?")),
    (("topics", 0, "unit"), "Personen", "registries", ("topics/zahl", "unit: Soldaten → Personen")),
    (("topics", 1, "exclusive"), False, "registries", ("topics/lage", "exclusive: true → false")),
    ((*QUOTE, "note"), "Übersetzt.", "quotes", ("erster-artikel#q-q1", "note: – → Übersetzt.")),
    ((*QUOTE, "role"), "Ministerin", "quotes", ("erster-artikel#q-q1", "role: Sprecherin → Ministerin")),
    ((*CLAIM, "note"), "Unsicher.", "claims", ("erster-artikel#c-c1", "note: – → Unsicher.")),
    ((*CLAIM, "attribution"), "Kreise", "claims", ("erster-artikel#c-c1", "attribution: – → Kreise")),
    ((*CLAIM, "citing"), "Berichten zufolge", "claims", ("erster-artikel#c-c1", "citing: – → Berichten zufolge")),
    (
        (*CLAIM, "as_of"),
        {"date": "2024-10", "basis": "stated"},
        "claims",
        ("erster-artikel#c-c1", "as_of: the article's date → 2024-10 (stated)"),
    ),
    (
        ("articles", "erster-artikel", "meta", "source_file"),
        "001_neu.txt",
        "articles",
        ("erster-artikel", "source_file: 000_test.txt → 001_neu.txt"),
    ),
    (
        ("articles", "erster-artikel", "meta", "notes"),
        ["Maschinell übersetzt."],
        "articles",
        ("erster-artikel", "notes: – → Maschinell übersetzt."),
    ),
    (
        ("articles", "erster-artikel", "meta", "language"),
        "en",
        "articles",
        ("erster-artikel", "language: de → en"),
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "section", "expected"),
    FIELD_CHANGES,
    ids=[".".join(str(step) for step in path if step not in ("articles", "meta")) for path, *_ in FIELD_CHANGES],
)
def test_every_field_change_appears_by_name_with_the_pages_it_changes(repo, path, value, section, expected):
    content = copy.deepcopy(BASE)
    set_in(content, path, value)
    write_content(repo, content)
    report = diff_against(repo, "HEAD", TODAY)
    assert report.errors == []
    key, detail = expected
    assert [(c.change, c.key) for c in report.sections[section]] == [("changed", key)]
    name = detail.split(":")[0]
    rest = [line for field, line in FIRST_CLAIM.items() if field != name] if section == "claims" else []
    assert report.sections[section][0].details == [detail, *rest]  # a claim with the rest of its card
    assert report.sections["generated"], "a change readers see changes a generated page or data file"


def test_a_scope_label_lists_exactly_the_pages_and_data_files_it_changes(repo):
    content = copy.deepcopy(BASE)
    content["topics"][0]["scopes"][1]["label"] = "in der Ukraine"
    write_content(repo, content)
    report = diff_against(repo, "HEAD", TODAY)
    assert changes_of(report)["registries"] == [("changed", "topics/zahl", ["scopes.kursk: in Kursk → in der Ukraine"])]
    assert [(c.change, c.key, c.text, c.details) for c in report.sections["generated"]] == [
        ("changed", "artikel/erster-artikel.md", "+1 −1 lines", ["first change in line 57, under „Angaben“"]),
        ("changed", "data/dossier.json", "+2 −2 lines", ["first change in line 14"]),
        ("changed", "personen/anna-muster.md", "+1 −1 lines", ["first change in line 29, under „Aussagen“"]),
        ("changed", "themen/zahl.md", "+5 −5 lines", ["first change in line 20, under „Kurz gesagt“"]),
    ]


def test_events_are_listed_added_changed_and_removed(repo):
    content = copy.deepcopy(BASE)
    content["dossier"]["events"] = [copy.deepcopy(EVENT)]
    write_content(repo, content)
    assert changes_of(diff_against(repo, "HEAD", TODAY))["dossier"] == [("added", "events/amt-nennt-zahl", [])]
    commit_all(repo, "event")
    content["dossier"]["events"][0]["title"] = "Das Amt nennt 10.000"
    write_content(repo, content)
    report = diff_against(repo, "HEAD", TODAY)
    assert changes_of(report)["dossier"] == [
        ("changed", "events/amt-nennt-zahl", ["title: Das Amt nennt eine Zahl → Das Amt nennt 10.000"])
    ]
    assert "zeitleiste.md" in [c.key for c in report.sections["generated"]]
    del content["dossier"]["events"]
    write_content(repo, content)
    assert changes_of(diff_against(repo, "HEAD", TODAY))["dossier"] == [("removed", "events/amt-nennt-zahl", [])]


def test_hand_written_pages_are_listed_by_file_name_with_their_lines(repo):
    page = "# Über das Dossier\n\nErster Absatz.\n\n## Quellen\n\nZweiter Absatz.\n"
    write_content(repo, copy.deepcopy(BASE), raw={"pages/ueber.md": page, "pages/alt.md": "# Alt\n"})
    commit_all(repo, "pages")
    (repo / "content" / "pages" / "alt.md").unlink()
    raw = {"pages/ueber.md": page.replace("Zweiter", "Dritter"), "pages/neu.md": "# Neu\n\nText.\n"}
    write_content(repo, copy.deepcopy(BASE), raw=raw)
    report = diff_against(repo, "HEAD", TODAY)
    assert [(c.change, c.key, c.text, c.details) for c in report.sections["pages"]] == [
        ("removed", "alt.md", "1 line", ["first heading: Alt"]),
        ("added", "neu.md", "3 lines", ["first heading: Neu"]),
        ("changed", "ueber.md", "+1 −1 lines", ["first change in line 7, under „Quellen“"]),
    ]
    assert [(c.change, c.key) for c in report.sections["generated"]] == [
        ("removed", "alt.md"),
        ("added", "neu.md"),
        ("changed", "ueber.md"),
    ]


def test_a_long_field_is_cut_around_its_first_difference(repo):
    content = copy.deepcopy(BASE)
    summary = "Ein langer Satz über das Dossier. " * 6
    content["dossier"]["summary"] = summary
    write_content(repo, content)
    commit_all(repo, "long summary")
    content["dossier"]["summary"] = summary.replace("Dossier. Ein langer Satz über das Dossier. ", "Dossier. Neu! ", 1)
    write_content(repo, content)
    [change] = diff_against(repo, "HEAD", TODAY).sections["dossier"]
    assert change.details == [
        "summary: …z über das Dossier. Ein langer Satz über das Dossier. Ein langer Satz über das D…"
        " → …z über das Dossier. Neu! Ein langer Satz über das Dossier. Ein langer Satz über …"
    ]


def test_values_and_file_names_cannot_inject_markdown_or_html(repo, capsys):
    content = copy.deepcopy(BASE)
    article(content)["quotes"][0]["note"] = "A | B *fett* [x](y) `code` ![b](u)"
    raw = {"pages/a|b [x](y).md": "# T\n"}
    write_content(repo, content, raw=raw)
    status, out, _ = run_diff(repo, capsys, "HEAD")
    assert status == 0
    assert "note: – → A &#124; B &#42;fett&#42; &#91;x&#93;(y) &#96;code&#96; &#33;&#91;b&#93;(u) |" in out
    assert "| added | a&#124;b &#91;x&#93;(y).md | 1 line | first heading: T |" in out
    assert all(line.count("|") == 5 for line in rows(out))  # no value adds a column


def test_bidirectional_controls_are_shown_as_escapes(repo, capsys):
    content = copy.deepcopy(BASE)
    article(content)["claims"][0]["note"] = "gut\u202eschlecht"
    write_content(repo, content)
    for fmt, shown in (("markdown", "gut&#92;u202eschlecht"), ("text", "gut\\u202eschlecht")):
        status, out, _ = run_diff(repo, capsys, "HEAD", "--format", fmt)
        assert status == 0 and "\u202e" not in out
        assert f"note: – → {shown}" in out


def test_text_format_is_plain(repo, capsys):
    content = copy.deepcopy(BASE)
    content["dossier"]["title"] = "Neu ~ *fett* | x"
    write_content(repo, content)
    status, out, _ = run_diff(repo, capsys, "HEAD~0", "--format", "text")
    assert status == 0 and "&#" not in out
    assert out.startswith("Dossier changes against HEAD~0\n\nSection ")
    assert (
        "  changed  dossier.yaml  dossier: Neu ~ *fett* | x\n           title: Testdossier → Neu ~ *fett* | x\n" in out
    )
    assert "Dossier and events (content/dossier.yaml)        0        1        0\n" in out


def test_an_unchanged_tree_says_so_in_text(repo, capsys):
    status, out, _ = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert (status, out) == (0, "Dossier changes against HEAD\n\nNo changes to the dossier's content.\n\n")


def test_long_listings_are_capped_but_counted(repo, capsys, monkeypatch):
    monkeypatch.setattr("generator.tools.diff.LIMIT", 2)
    write_content(repo, with_second_article(copy.deepcopy(BASE)))
    status, out, _ = run_diff(repo, capsys, "HEAD")
    assert status == 0
    assert "| Generated pages and data files | 1 | 15 | 0 |" in out
    section = out.split("### Generated pages and data files\n")[1]
    assert len(rows(section)) == 3  # the header and two rows
    assert "*… and 14 more, not listed here (`dossier diff --format json` lists all).*" in section
    status, out, _ = run_diff(repo, capsys, "HEAD", "--format", "json")
    assert len(json.loads(out)["sections"]["generated"]) == 16


LINK_MESSAGE = "a symbolic link is not allowed in content/: only regular files and folders are read"


def test_links_in_the_base_are_problems_of_the_base_and_never_followed(repo, capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIMNIS-123\n", encoding="utf-8")
    pages = repo / "content" / "pages"
    pages.mkdir()
    os.symlink("/etc/passwd", pages / "passwd.md")
    os.symlink(str(secret), repo / "content" / "people.yaml.link")
    os.symlink("../../../../x", pages / "escape.md")
    os.symlink("../../secret.txt", repo / "content" / "articles" / "zweiter.txt")
    commit_all(repo, "links")
    for link in (pages / "passwd.md", pages / "escape.md", repo / "content" / "people.yaml.link"):
        link.unlink()
    (repo / "content" / "articles" / "zweiter.txt").unlink()
    for fmt in ("markdown", "text", "json"):
        status, out, err = run_diff(repo, capsys, "HEAD", "--format", fmt)
        assert (status, err) == (0, "")
        for leaked in ("GEHEIMNIS", "root:", "/etc/passwd", "../../", str(secret)):
            assert leaked not in out
    report = diff_against(repo, "HEAD", TODAY)
    assert report.base_errors == [
        f"content/articles/zweiter.txt:1:1: {LINK_MESSAGE}",
        f"content/pages/escape.md:1:1: {LINK_MESSAGE}",
        f"content/pages/passwd.md:1:1: {LINK_MESSAGE}",
        f"content/people.yaml.link:1:1: {LINK_MESSAGE}",
    ]
    assert report.errors == [] and [c.change for c in report.sections["articles"]] == ["added"]


def test_only_regular_files_and_folders_are_extracted(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, kind in [
            ("content/", tarfile.DIRTYPE),
            ("content/ok.yaml", tarfile.REGTYPE),
            ("content/hard", tarfile.LNKTYPE),
            ("content/fifo", tarfile.FIFOTYPE),
            ("content/tty", tarfile.CHRTYPE),
            ("content/disk", tarfile.BLKTYPE),
            ("/etc/evil", tarfile.REGTYPE),
            ("content/../../evil", tarfile.REGTYPE),
            ("elsewhere/evil", tarfile.REGTYPE),
        ]:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd" if kind == tarfile.LNKTYPE else ""
            data = b"ok: 1\n" if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    dest = tmp_path / "dest"
    dest.mkdir()
    problems = [str(p) for p in extract(buffer.getvalue(), dest)]
    outside = "1:1: a path outside content/ is not allowed in an export of content/"
    assert problems == [
        f"/etc/evil:{outside}",
        "content/../../evil:" + outside,
        "content/disk:1:1: a block device is not allowed in content/: only regular files and folders are read",
        "content/fifo:1:1: a named pipe (FIFO) is not allowed in content/: only regular files and folders are read",
        "content/hard:1:1: a hard link is not allowed in content/: only regular files and folders are read",
        "content/tty:1:1: a character device is not allowed in content/: only regular files and folders are read",
        f"elsewhere/evil:{outside}",
    ]
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*")) == ["content", "content/ok.yaml"]
    assert not (tmp_path / "evil").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--", "--help"], "'--help' is not a git ref: BASE_REF may not start with '-'"),
        (["--", "-x"], "'-x' is not a git ref: BASE_REF may not start with '-'"),
        (["HEAD:content"], "'HEAD:content' is not a commit: a ':' names a file or folder; BASE_REF must name a commit"),
        ([""], "BASE_REF is empty: name a commit, branch or tag, e.g. origin/main"),
        (["HEAD^{tree}"], "'HEAD^{tree}' names a tree, not a commit: BASE_REF must name a commit, branch or tag"),
        (["-x"], "the following arguments are required: BASE_REF"),
    ],
    ids=["help", "option", "path", "empty", "tree", "option-without-dashes"],
)
def test_odd_refs_are_usage_errors(repo, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        run_diff(repo, capsys, *args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith(f"error: {message}\n") and "Traceback" not in err


def test_a_tree_named_by_its_id_is_a_usage_error(repo, capsys):
    tree = git(repo, "rev-parse", "HEAD^{tree}").strip()
    with pytest.raises(SystemExit) as exit_info:
        run_diff(repo, capsys, tree)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: '{tree}' names a tree, not a commit: BASE_REF must name a commit, branch or tag\n"
    )


def test_every_field_of_the_model_is_compared_unless_skipped_on_purpose(repo):
    content = copy.deepcopy(BASE)
    content["dossier"]["events"] = [copy.deepcopy(EVENT)]
    write_content(repo, content)
    dossier = load_state(repo, TODAY).dossier
    assert dossier is not None
    first = dossier.articles["erster-artikel"]
    compared = {
        Article: article_fields(first),
        Quote: quote_fields((first.quotes[0], dossier)),
        Claim: claim_fields((first.claims[0], dossier)),
        Topic: entry_fields(("topics", dossier.topics["lage"])),
        Event: setting_fields(dossier.events[0]),
        Dossier: setting_fields(dossier),
    }
    for model, names in compared.items():
        shown = {name.split(".")[0] for name in names}
        assert {f.name for f in fields(model)} - SKIP[model] <= shown, model
    assert set(compared[Claim]) >= {"value", "as_of"}  # stand for the skipped value, qualifier and as_of


def test_files_outside_content_are_named_and_code_is_marked(repo, capsys):
    (repo / "mkdocs.yml").write_text("hooks: [evil.py]\n", encoding="utf-8")
    (repo / "evil.py").write_text("import os\n", encoding="utf-8")
    commit_all(repo, "a change to the build")
    (repo / "README.md").write_text("neu\n", encoding="utf-8")
    status, out, _ = run_diff(repo, capsys, "HEAD~1")
    assert status == 0
    assert "| Files outside content/ (code, config) | 3 | 0 | 0 |" in out
    section = out.split("### Files outside content/ (code, config)\n")[1]
    assert rows(section) == [
        "| Change | Key | What | Details |",
        "| added | README.md |  |  |",
        "| added | evil.py | runs when the dossier is built or tested |  |",
        "| added | mkdocs.yml | runs when the dossier is built or tested |  |",
    ]
