"""`dossier diff` as a reviewer judges it: claims in full, disputes first, scope differences counted, text."""

import copy
import json
from typing import Any

import pytest
from conftest import BASE, TODAY, write_content
from test_diff import commit_all, git, run_diff

from generator.content.vocabulary import DiscrepancyKind
from generator.tools.diff import diff_against, render_markdown, render_text
from generator.tools.diff_fields import Change
from generator.tools.diff_pairs import review_rank
from generator.tools.diff_text import WIDTH
from generator.tools.english import DISCREPANCY_NAMES

Content = dict[str, Any]
LATER_TEXT = (
    "Veröffentlicht: 3. März 2025\n"
    "Anna Muster sagte, 12.000 Soldaten seien in Russland. Das Amt nannte nun 20.000 Soldaten in Russland.\n"
    "Kreise in Kiew sprachen von bis zu 15.000 Soldaten in Russland im Februar.\n"
)
LATER_CLAIMS: list[Content] = [
    {
        "id": "muster",
        "topic": "zahl",
        "value": 12000,
        "scope": "russland",
        "claimant": "anna-muster",
        "excerpt": "12.000 Soldaten seien in Russland",
    },
    {
        "id": "amt",
        "topic": "zahl",
        "value": 20000,
        "scope": "russland",
        "claimant": "amt",
        "excerpt": "Das Amt nannte nun 20.000 Soldaten in Russland",
    },
]
KIEW_CLAIM: Content = {
    "id": "kiew",
    "topic": "zahl",
    "value": 15000,
    "qualifier": "bis zu",
    "as_of": {"date": "2025-02", "basis": "stated"},
    "scope": "russland",
    "claimant": None,
    "claimant_kind": "government",
    "attribution": "Kreise in Kiew",
    "excerpt": "Kreise in Kiew sprachen von bis zu 15.000 Soldaten in Russland im Februar",
    "note": "Unbestätigt.",
}


def later_article(claims: list[Content], text: str = LATER_TEXT) -> Content:
    """An article of March 2025 (after the base article of October 2024) with these claims."""
    return {
        "text": text,
        "meta": {
            "title": "Späterer Artikel",
            "source_file": "002_test.txt",
            "outlet": None,
            "url": None,
            "author": None,
            "language": "de",
            "published": {"date": "2025-03-03", "basis": "stated"},
            "mentions": {"people": ["anna-muster"], "organisations": ["amt"]},
            "quotes": [],
            "claims": claims,
        },
    }


@pytest.fixture
def repo(tmp_path):
    """A git repository whose first commit holds the small base content."""
    root = write_content(tmp_path / "repo", copy.deepcopy(BASE))
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "base")
    return root


def with_later(claims: list[Content], text: str = LATER_TEXT) -> Content:
    content = copy.deepcopy(BASE)
    content["articles"]["spaeterer-artikel"] = later_article(copy.deepcopy(claims), text)
    return content


def section(text: str, title: str) -> list[str]:
    """Return the lines of one section of the text report, without its title and the blank line after it."""
    lines = text.split(f"\n{title}:\n")[1].split("\n\n")[0]
    return lines.splitlines()


def test_disputes_come_first_and_scope_differences_are_only_counted(repo, capsys):
    write_content(repo, with_later(LATER_CLAIMS))
    status, out, err = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert (status, err) == (0, "")
    assert section(out, "Discrepancies") == [
        "  added    spaeterer-artikel#c-amt ~ spaeterer-artikel#c-muster",
        "           Zahl der Soldaten: 20.000 (Amt) vs 12.000 (Anna Muster); same scope and period,",
        "           incompatible values",
        "           contradiction",
        "  added    erster-artikel#c-c2 ~ spaeterer-artikel#c-muster",
        "           Zahl der Soldaten: 10.000 (Amt) vs 12.000 (Anna Muster); different sources, incompatible",
        "           values at different dates: 2024-10-28 / 2025-03-03",
        "           disagreement between sources (different times)",
        "  added    erster-artikel#c-c2 ~ spaeterer-artikel#c-amt",
        "           Zahl der Soldaten: 10.000 (Amt) vs 20.000 (Amt); one source at different dates:",
        "           2024-10-28 / 2025-03-03",
        "           change over time",
        "  changed  topics/zahl  Zahl der Soldaten",
        "           range: 3.000–10.000 Soldaten → 3.000–20.000 Soldaten",
        "  Scope differences (counted, not listed): 2 added, 0 changed, 0 removed; --format json lists them",
    ]


def test_contradictions_and_disagreements_lead_whatever_the_classes_are(repo):
    kinds = ["scope", "topic", "change", "agreement", "disagreement", "contradiction", "a-class-added-later"]
    changes = [Change("added", kind, "", kind=kind) for kind in kinds]
    ordered = [c.kind for c in sorted(changes, key=review_rank)]
    assert ordered == ["contradiction", "disagreement", "change", "topic", "scope", "agreement", "a-class-added-later"]
    assert list(DISCREPANCY_NAMES) == list(DiscrepancyKind)  # every class has a name, in the vocabulary's order
    assert DISCREPANCY_NAMES[DiscrepancyKind("disagreement")] == "disagreement between sources (different times)"


def test_the_pairs_report_lists_scope_differences_in_json(repo, capsys):
    write_content(repo, with_later(LATER_CLAIMS))
    status, out, _ = run_diff(repo, capsys, "HEAD", "--format", "json")
    assert status == 0
    pairs = json.loads(out)["sections"]["discrepancies"]
    assert [(p["kind"], p["key"]) for p in pairs if p["kind"] == "scope"] == [
        ("scope", "erster-artikel#c-c1 ~ spaeterer-artikel#c-amt"),
        ("scope", "erster-artikel#c-c1 ~ spaeterer-artikel#c-muster"),
    ]
    assert json.loads(out)["counts"]["discrepancies"] == {"added": 5, "changed": 1, "removed": 0}


def test_a_new_claim_is_shown_in_full_with_hedge_as_of_and_attribution(repo, capsys):
    write_content(repo, with_later([KIEW_CLAIM]))
    status, out, _ = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert status == 0
    assert section(out, "Claims") == [
        "  added    spaeterer-artikel#c-kiew",
        "           Zahl der Soldaten: bis zu 15.000 (claimant: not named („Kreise in Kiew“))",
        "           value: bis zu 15.000 Soldaten",
        "           scope: in Russland",
        "           as_of: 2025-02 (stated)",
        "           claimant: not named („Kreise in Kiew“)",
        "           claimant_kind: government",
        "           attribution: „Kreise in Kiew“",
        "           excerpt: „Kreise in Kiew sprachen von bis zu 15.000 Soldaten in Russland im Februar“",
        "           note: Unbestätigt.",
    ]
    status, out, _ = run_diff(repo, capsys, "HEAD")
    assert (
        "| added | spaeterer-artikel&#35;c-kiew "
        "| Zahl der Soldaten: bis zu 15.000 (claimant: not named („Kreise in Kiew“)) "
        "| value: bis zu 15.000 Soldaten<br>scope: in Russland<br>as&#95;of: 2025-02 (stated)"
        "<br>claimant: not named („Kreise in Kiew“)<br>claimant&#95;kind: government<br>attribution: „Kreise in Kiew“"
        "<br>excerpt: „Kreise in Kiew sprachen von bis zu 15.000 Soldaten in Russland im Februar“"
        "<br>note: Unbestätigt. |\n" in out
    )


def test_a_claim_by_a_spokesperson_says_whom_it_counts_for(repo, capsys):
    content = with_later([LATER_CLAIMS[0]])
    content["people"][0]["speaks_for"] = "amt"
    write_content(repo, content)
    [claim] = diff_against(repo, "HEAD", TODAY).sections["claims"]
    assert claim.details[3:5] == ["claimant: Anna Muster", "counted as: Amt"]


def test_a_removed_claim_is_shown_as_it_was(repo):
    content = copy.deepcopy(BASE)
    del content["articles"]["erster-artikel"]["meta"]["claims"][1]
    write_content(repo, content)
    [claim] = diff_against(repo, "HEAD", TODAY).sections["claims"]
    assert (claim.change, claim.key, claim.text) == (
        "removed",
        "erster-artikel#c-c2",
        "Zahl der Soldaten: 10.000 (claimant: Amt)",
    )
    assert claim.details == [
        "value: 10.000 Soldaten",
        "scope: in Russland",
        "as_of: 2024-10-28 (the article's date)",
        "claimant: Amt",
        "excerpt: „Das Amt nannte 10.000 Soldaten in Russland“",
    ]


NEW_TOPICS: list[Content] = [
    {
        "id": "verluste",
        "title": "Verluste",
        "question": "Wie viele Soldaten fielen?",
        "kind": "numeric",
        "unit": "Tote",
        "scopes": [{"id": "kursk", "label": "in Kursk"}, {"id": "gesamt", "label": "insgesamt"}],
    },
    {
        "id": "ausbildung",
        "title": "Ausbildung",
        "question": "Wo wurden sie ausgebildet?",
        "kind": "categorical",
        "exclusive": False,
        "categories": [{"id": "osten", "label": "im Osten"}, {"id": "westen", "label": "im Westen"}],
        "scopes": [{"id": "alle", "label": "alle Truppen"}],
        "description": "Nach Angaben der Quellen.",
    },
]


def test_a_new_topic_shows_its_question_unit_and_scopes(repo):
    content = copy.deepcopy(BASE)
    content["topics"] += copy.deepcopy(NEW_TOPICS)
    write_content(repo, content)
    changes = diff_against(repo, "HEAD", TODAY).sections["registries"]
    assert [(c.change, c.key, c.text, c.details) for c in changes] == [
        (
            "added",
            "topics/ausbildung",
            "claim topic Ausbildung",
            [
                "question: Wo wurden sie ausgebildet?",
                "kind: categorical",
                "categories: osten: im Osten; westen: im Westen",
                "exclusive: false",
                "scopes: alle: alle Truppen",
                "description: Nach Angaben der Quellen.",
            ],
        ),
        (
            "added",
            "topics/verluste",
            "claim topic Verluste",
            [
                "question: Wie viele Soldaten fielen?",
                "kind: numeric",
                "unit: Tote",
                "scopes: kursk: in Kursk; gesamt: insgesamt",
            ],
        ),
    ]


HOSTILE = "<script>alert(1)</script> | `code` *fett* ~x~ &amp; [a](b) gut\u202eschlecht"


def test_hostile_values_stay_data_in_markdown_and_in_text(repo, capsys):
    content = with_later([{**KIEW_CLAIM, "note": HOSTILE}])
    content["topics"].append({**copy.deepcopy(NEW_TOPICS[0]), "question": HOSTILE})
    write_content(repo, content)
    status, markdown, _ = run_diff(repo, capsys, "HEAD")
    assert status == 0 and "<script>" not in markdown and "\u202e" not in markdown
    shown = (
        "&#60;script&#62;alert(1)&#60;/script&#62; &#124; &#96;code&#96; &#42;fett&#42; &#126;x&#126; "
        "&#38;amp; &#91;a&#93;(b) gut&#92;u202eschlecht"
    )
    assert f"<br>note: {shown} |\n" in markdown
    assert f"| added | topics/verluste | claim topic Verluste | question: {shown}<br>kind: numeric<br>" in markdown
    table = [line for line in markdown.splitlines() if line.startswith("| ") and "---" not in line]
    assert [line for line in table if line.count("|") != 5] == []  # no value adds a column
    status, text, _ = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert status == 0 and "&#" not in text and "\u202e" not in text and "<br>" not in text
    plain = "<script>alert(1)</script> | `code` *fett* ~x~ &amp; [a](b) gut\\u202eschlecht"
    assert f"           note: {plain}" in text.splitlines()
    assert f"           question: {plain}" in text.splitlines()


def test_text_is_wrapped_for_a_terminal_and_keys_are_never_broken(repo, capsys):
    long_note = "Ein sehr langer Vermerk der Redaktion, der erklärt, warum diese Angabe unsicher ist. " * 3
    write_content(repo, with_later([*LATER_CLAIMS, {**KIEW_CLAIM, "note": long_note}]))
    status, text, _ = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert status == 0
    lines = text.splitlines()
    start = lines.index(
        "           note: Ein sehr langer Vermerk der Redaktion, der erklärt, warum diese Angabe unsicher"
    )
    assert lines[start + 1 : start + 5] == [  # continued two spaces further in
        "             ist. Ein sehr langer Vermerk der Redaktion, der erklärt, warum diese Angabe unsicher",
        "             ist. Ein sehr langer Vermerk der Redaktion, der erklärt, warum diese Angabe unsicher",
        "             ist.",
        "  added    spaeterer-artikel#c-muster  Zahl der Soldaten: 12.000 (claimant: Anna Muster)",
    ]
    keys = [line for line in lines if " ~ " in line]
    assert keys and all(line.startswith("  added    ") for line in keys)  # a pair's key stays on one line
    assert all(len(line) <= WIDTH for line in lines if " ~ " not in line and not line.startswith("  content/"))


def test_an_acknowledged_finding_is_shown_with_its_reason(repo, capsys):
    reason = "Der Text nennt die Zahl in Worten."
    claim = {**LATER_CLAIMS[0], "value": 13000, "acknowledge": [{"check": "value-not-in-excerpt", "reason": reason}]}
    write_content(repo, with_later([claim]))
    report = diff_against(repo, "HEAD", TODAY)
    assert report.errors == [] and len(report.new_acknowledged) == 1
    assert report.new_acknowledged[0].endswith(f"[value-not-in-excerpt] (acknowledged: {reason})")
    assert f"acknowledge: value-not-in-excerpt: {reason}" in report.sections["claims"][0].details
    text = render_text(report)
    assert "Findings acknowledged in this change (kept on purpose; judge each reason):\n  content/articles/" in text
    markdown = render_markdown(report)
    assert "### Findings acknowledged in this change\n\n" in markdown
    assert f"&#91;value-not-in-excerpt&#93; (acknowledged: {reason})\n" in markdown


def test_a_topics_range_takes_the_bounds_of_a_range_without_a_value(repo, capsys):
    text = LATER_TEXT + "Das Amt schätzte 30.000 bis 40.000 Soldaten in Russland.\n"
    claim = {"id": "spanne", "topic": "zahl", "lower": 30000, "upper": 40000, "scope": "russland"}
    claim |= {"claimant": "amt", "excerpt": "30.000 bis 40.000 Soldaten in Russland"}
    write_content(repo, with_later([claim], text))
    status, out, err = run_diff(repo, capsys, "HEAD", "--format", "text")
    assert (status, err) == (0, "")
    assert "           range: 3.000–10.000 Soldaten → 3.000–40.000 Soldaten" in section(out, "Discrepancies")
