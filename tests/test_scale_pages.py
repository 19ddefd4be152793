"""Pages that survive scale: long lists move to sub-pages, every claim stays reachable, small dossiers are unchanged."""

import posixpath
import re
from collections import Counter
from datetime import date

import pathspec.gitignore
import pytest
import yaml
from conftest import REPO, TODAY

from generator.bench.project import change_one_article, dependents, make_project
from generator.pipeline import check, render_encoded
from generator.site.matrix import who_said_what
from generator.site.paging import (
    CLAIMS_SHOWN,
    LIST_LIMIT,
    MATRIX_COLUMNS,
    MATRIX_ROWS,
    PAGE_ROWS,
    SHOWN,
    by_period,
    numbered,
    periods,
    top,
)

ARTICLES = 150  # above LIST_LIMIT: the articles' index, the timeline, the matrix and the largest topics are paged
LINK = re.compile(r"\]\(([^)\s#]*)(?:#([^)\s]+))?(?: \"[^\"]*\")?\)")
SUB_PAGE = re.compile(r"^(artikel/jahre/|zeitleiste/|wer-sagt-was/|(themen|personen|organisationen|orte)/[^/]+/)")


def texts(pages: dict[str, bytes]) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in pages.items() if path.endswith(".md")}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("scale")
    make_project(REPO, root, ARTICLES)
    return root


@pytest.fixture(scope="module")
def rendered(project):
    checked = check(project, TODAY)
    return checked, texts(render_encoded(checked))


@pytest.fixture(scope="module")
def seed_pages():
    return texts(render_encoded(check(REPO, TODAY)))


def target_of(page: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link)) if link else page


def test_every_claim_row_is_on_one_page_and_every_link_to_it_finds_it(rendered):
    checked, pages = rendered
    claims = [c for a in checked.dossier.articles.values() for c in a.claims]
    rows = Counter(m for text in pages.values() for m in re.findall(r'<span id="(c-[a-z0-9-]+--[a-z0-9-]+)">', text))
    assert sorted(rows) == sorted(c.topic_anchor for c in claims)
    on_topic_sub_pages = Counter(
        m
        for path, text in pages.items()
        if path.startswith("themen/") and path.count("/") == 2
        for m in re.findall(r'<span id="(c-[a-z0-9-]+--[a-z0-9-]+)">', text)
    )
    assert on_topic_sub_pages and set(on_topic_sub_pages.values()) == {1}  # a large topic's page keeps the newest too
    anchors = {path: set(re.findall(r'id="([^"]+)"', text)) for path, text in pages.items()}
    links = 0
    for path, text in pages.items():
        for link, anchor in LINK.findall(text):
            if anchor and "--" in anchor and anchor.startswith("c-"):
                links += 1
                assert anchor in anchors[target_of(path, link)], (path, link, anchor)
    assert links > len(claims)


def test_a_large_topic_keeps_a_summary_and_puts_its_claims_on_numbered_sub_pages(rendered):
    checked, pages = rendered
    topic_id, result = max(checked.analysis.topics.items(), key=lambda item: len(item[1].claims))
    assert len(result.claims) > LIST_LIMIT
    text = pages[f"themen/{topic_id}.md"]
    assert "## Kurz gesagt" in text and "## Überblick" in text and "<svg" in text
    assert text.count('<span id="c-') == CLAIMS_SHOWN
    parts = sorted(p for p in pages if p.startswith(f"themen/{topic_id}/angaben"))
    assert len(parts) == -(-len(result.claims) // PAGE_ROWS)
    for sub in ("urheber", "unterschiede"):
        assert f"({topic_id}/{sub}.md)" in text
    listed = sum(len(rows) for rows in result.listed.values())
    assert pages[f"themen/{topic_id}/unterschiede.md"].count("\n| ") - 2 * len(result.listed) < listed + 1


def test_small_topics_and_the_seed_dossier_get_no_sub_pages(seed_pages):
    assert [path for path in seed_pages if SUB_PAGE.match(path)] == []
    assert "Hier die neuesten" not in "".join(seed_pages.values())


def test_the_articles_index_is_short_and_every_article_is_on_one_period_page(rendered):
    checked, pages = rendered
    index = pages["artikel/index.md"]
    assert index.count("\n| ") == SHOWN + 2  # header, rule and the newest entries
    found = Counter(
        link for path, text in pages.items() if path.startswith("artikel/jahre/") for link, _ in LINK.findall(text)
    )
    assert {f"../{a}.md" for a in checked.dossier.articles} <= set(found)
    assert all(found[f"../{a}.md"] == 1 for a in checked.dossier.articles)


def test_the_timeline_is_split_by_period_and_keeps_every_entry(rendered):
    checked, pages = rendered
    rows = checked.analysis.timeline()
    subs = [path for path in pages if path.startswith("zeitleiste/")]
    assert subs and all(pages[p].count("\n| ") - 2 <= PAGE_ROWS for p in subs)
    assert sum(pages[p].count("\n| ") - 2 for p in subs) == len(rows)
    assert "<svg" not in pages["zeitleiste.md"] or "Ereignisse" in pages["zeitleiste.md"]


def test_who_said_what_is_bounded_and_every_cell_is_on_some_page(rendered):
    checked, pages = rendered
    matrix_pages = {p: t for p, t in pages.items() if p == "wer-sagt-was.md" or p.startswith("wer-sagt-was/")}
    assert len(matrix_pages) > 1
    cells = set()
    for text in matrix_pages.values():
        table = [line for line in text.splitlines() if line.startswith("| ")]
        columns = [cell.strip() for cell in table[0].split(" | ")[1:-1]]
        assert len(columns) <= MATRIX_COLUMNS and len(table) - 1 <= MATRIX_ROWS
        for line in table[2:]:
            row = line.split(" | ")
            cells |= {(row[0], columns[i]) for i, cell in enumerate(row[1:-1]) if cell.strip()}
    matrix = who_said_what(checked.analysis)
    assert len(cells) == sum(1 for e in matrix.rows for t in matrix.columns if matrix.cell(e, t))


def test_long_entity_lists_keep_the_newest_and_move_all_to_sub_pages(rendered):
    checked, pages = rendered
    moved = [p for p in pages if re.match(r"(personen|organisationen|orte)/[^/]+/erwaehnungen\.md$", p)]
    assert moved
    for path in moved:
        entity_id = path.split("/")[1]
        mentions = checked.analysis.mentions_of(entity_id)
        main = pages[path.split("/erwaehnungen")[0] + ".md"]
        assert f"Hier die neuesten {SHOWN} von {len(mentions)} Erwähnungen" in main
        parts = [p for p in pages if p.startswith(path.removesuffix(".md"))]
        assert sum(pages[p].count("\n- [") for p in parts) == len(mentions)


def test_counts_are_written_the_german_way(rendered):
    _, pages = rendered
    for path, text in pages.items():
        if path.startswith(("themen/", "wer-sagt-was", "artikel/index", "zeitleiste")):
            assert not re.search(r"\(\d{4,}\)|\b\d{4,} (Paare|Angaben|Artikel\b|Einträge|Quellen|weitere)", text), path


def test_sub_pages_stay_out_of_navigation_search_and_backlinks(rendered):
    _, pages = rendered
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    hidden = pathspec.gitignore.GitIgnoreSpec.from_lines(settings["not_in_nav"].splitlines())  # as MkDocs reads it
    subs = [path for path in pages if SUB_PAGE.match(path)]
    assert subs and [p for p in subs if not hidden.match_file(p)] == []
    for path in subs:
        assert "search:\n  exclude: true" in pages[path] and "## Verweise auf diese Seite" not in pages[path]
    for path, text in pages.items():
        backlinks = text.partition("## Verweise auf diese Seite")[2]
        assert not any(SUB_PAGE.match(target_of(path, link)) for link, _ in LINK.findall(backlinks)), path


def test_one_changed_article_rewrites_only_pages_that_link_to_it(project, rendered, tmp_path):
    _, before = rendered
    for path, text in before.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    article_id = sorted(rendered[0].dossier.articles)[ARTICLES // 2]
    depending = dependents(tmp_path, article_id)
    change_one_article(project, article_id)
    after = texts(render_encoded(check(project, TODAY)))
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    assert changed and changed <= depending


def test_parts_group_by_year_then_month_and_summarise_per_year():
    days = [f"2024-{m:02d}-01" for m in (1, 1, 2)] + ["2023-05-01"] * (PAGE_ROWS + 1)
    items = [date.fromisoformat(d) for d in days]
    parts = by_period(items, lambda d: d, "x")
    assert [p.path for p in parts] == ["x/2024.md", "x/2023-05.md"]
    summary = periods(parts, lambda d: d)
    assert [(p.year, p.count, p.path) for p in summary] == [(2024, 3, "x/2024.md"), (2023, PAGE_ROWS + 1, None)]
    assert summary[0].months == [("Januar", 2, None), ("Februar", 1, None)]
    assert summary[1].months == [("Mai", PAGE_ROWS + 1, "x/2023-05.md")]
    numbers = numbered(list(range(2 * PAGE_ROWS + 1)), "y/z")
    assert [p.path for p in numbers] == ["y/z.md", "y/z-2.md", "y/z-3.md"]
    assert numbers[-1].label == f"{2 * PAGE_ROWS + 1}–{2 * PAGE_ROWS + 1}"


def test_top_keeps_the_largest_in_list_order():
    class Value:
        def __init__(self, n):
            self.n = n

    values = [Value(n) for n in (3, 9, 1, 7)]
    assert [v.n for v in top(values, "n", 2)] == [9, 7]
