"""`dossier bench --variants`: the density variants' transforms on tiny pages, and their sites built with MkDocs."""

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from generator.bench.bench import add_ratios, to_text
from generator.bench.density import build, make_variant
from generator.bench.project import make_project
from generator.bench.variants import (
    VARIANTS,
    all_tables_as_html_directory_urls,
    density,
    flat_urls_config,
    link_free_tables_as_html,
    raw_html_flat_urls,
    repeat_links_as_text,
    repeat_links_per_table,
)
from generator.cli import main
from generator.site.paths import page_url

FRONT = '---\ntitle: "Seite"\n---\n\n# Seite\n\n'
LINKS = (
    '[A](a.md "Rolle") und [A noch einmal](a.md){ aria-label="x" }, [¶ 1](#p-1) [¶ 1](#p-1), '
    "[B](b.md#c-1) [B](b.md#c-2)"
)


def test_repeated_links_to_a_target_become_text_after_the_first_on_the_page():
    page = FRONT + LINKS + "\n\n| Wer |\n| --- |\n| [A](a.md) |\n"
    expected = (
        FRONT + '[A](a.md "Rolle") und A noch einmal, [¶ 1](#p-1) [¶ 1](#p-1), [B](b.md#c-1) [B](b.md#c-2)'
        "\n\n| Wer |\n| --- |\n| A |\n"
    )
    assert repeat_links_as_text("x.md", page) == expected


def test_repeated_links_per_table_start_afresh_in_each_table_and_paragraph():
    page = FRONT + LINKS + "\n\n| Wer |\n| --- |\n| [A](a.md) |\n| [A](a.md) |\n"
    expected = (
        FRONT + '[A](a.md "Rolle") und A noch einmal, [¶ 1](#p-1) [¶ 1](#p-1), [B](b.md#c-1) [B](b.md#c-2)'
        "\n\n| Wer |\n| --- |\n| [A](a.md) |\n| A |\n"
    )
    assert repeat_links_per_table("x.md", page) == expected


def test_tables_without_page_links_become_html_with_their_inline_markdown():
    free = '| Wert | Beleg |\n| --- | ---: |\n| **3.000** | [¶ 2](#c-1){ aria-label="Beleg: ¶ 2" } |\n'
    linked = "| Wer |\n| --- |\n| [A](../personen/a.md) |\n"
    page = FRONT + '<div class="dq-table" markdown>\n\n' + free + "\n</div>\n\n" + linked
    expected = (
        FRONT + '<div class="dq-table" markdown>\n\n'
        "<table>\n<thead>\n"
        '<tr><th>Wert</th><th style="text-align: right;">Beleg</th></tr>\n'
        "</thead>\n<tbody>\n"
        '<tr><td><strong>3.000</strong></td><td style="text-align: right;">'
        '<a href="#c-1" aria-label="Beleg: ¶ 2">¶ 2</a></td></tr>\n'
        "</tbody>\n</table>\n\n</div>\n\n" + linked
    )
    assert link_free_tables_as_html("themen/t.md", page) == expected


def test_all_tables_become_html_with_links_for_directory_urls():
    row = (
        '| [Anna](../personen/anna.md "Sprecherin") | [Start](../index.md) | [CSV](../data/claims.csv) '
        "| [hier](t.md#x) | [OSM](https://osm.org/?a=1&amp;b=2) | *kursiv* |\n"
    )
    page = FRONT + "| 1 | 2 | 3 | 4 | 5 | 6 |\n| --- | --- | --- | --- | --- | --- |\n" + row
    expected = (
        FRONT + "<table>\n<thead>\n<tr><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>6</th></tr>\n"
        "</thead>\n<tbody>\n<tr>"
        '<td><a href="../../personen/anna/" title="Sprecherin">Anna</a></td>'
        '<td><a href="../../">Start</a></td>'
        '<td><a href="../../data/claims.csv">CSV</a></td>'
        '<td><a href="./#x">hier</a></td>'
        '<td><a href="https://osm.org/?a=1&amp;b=2">OSM</a></td>'
        "<td><em>kursiv</em></td></tr>\n</tbody>\n</table>\n"
    )
    assert all_tables_as_html_directory_urls("themen/t.md", page) == expected


def test_flat_urls_turn_article_paragraphs_lists_and_tables_into_html():
    paragraph = (
        '[¶ 1](#p-1){ .dq-pilcrow } Text von [Anna](../personen/anna.md "Sprecherin") *kursiv*\n{: #p-1 .dq-text }'
    )
    items = "- **Widerspruch:** [Start](../index.md), [T](../themen/t.md#c-1)\n- `code <x>` [Feed](../feeds/a.xml)"
    plain = "Ein Absatz mit [Start](../index.md)."
    table = "| Wer |\n| --- |\n| [Anna](../personen/anna.md) |"
    page = FRONT + "\n\n".join([paragraph, items, plain, table]) + "\n"
    expected = FRONT + "\n\n".join(
        [
            '<p id="p-1" class="dq-text"><a href="#p-1" class="dq-pilcrow">¶ 1</a> Text von '
            '<a href="../personen/anna.html" title="Sprecherin">Anna</a> <em>kursiv</em></p>',
            '<ul>\n<li><strong>Widerspruch:</strong> <a href="../index.html">Start</a>, '
            '<a href="../themen/t.html#c-1">T</a></li>\n'
            '<li><code>code &lt;x&gt;</code> <a href="../feeds/a.xml">Feed</a></li>\n</ul>',
            plain,
            "<table>\n<thead>\n<tr><th>Wer</th></tr>\n</thead>\n<tbody>\n"
            '<tr><td><a href="../personen/anna.html">Anna</a></td></tr>\n</tbody>\n</table>',
        ]
    )
    assert raw_html_flat_urls("artikel/a.md", page) == expected + "\n"


def test_a_paragraph_without_the_article_attribute_list_stays_markdown():
    page = FRONT + "[Zu den Zitaten](#zitate)\n{: .dq-skip }\n"
    assert raw_html_flat_urls("artikel/a.md", page) == page


def test_the_flat_variant_sets_use_directory_urls_false_once():
    assert flat_urls_config("site_name: x\n") == "site_name: x\n\nuse_directory_urls: false\n"
    assert flat_urls_config("use_directory_urls: true\nstrict: true\n") == "use_directory_urls: false\nstrict: true\n"


def test_density_counts_links_and_table_rows():
    page = FRONT + '[A](a.md) [B](#b)\n\n| h |\n| --- |\n| 1 |\n| 2 |\n\n<table><tr><td><a href="x">x</a></td></tr>'
    assert density(page) == {"links": 2, "html_links": 1, "table_rows": 3, "html_table_rows": 1}


def test_the_variants_are_named_once_and_today_comes_first():
    names = [variant.name for variant in VARIANTS]
    assert names[0] == "today" and len(set(names)) == len(names) == 6
    assert [v.name for v in VARIANTS if not v.portable] == ["all-tables-as-html-directory-urls-unportable"]
    assert [v.name for v in VARIANTS if v.flat_urls] == ["raw-html-flat-urls"]


def test_the_floor_counts_the_search_step_and_the_old_ratio_is_kept():
    result = {
        "articles": 2,
        "pages": 4,
        "generate_seconds": 2.0,
        "mkdocs_seconds": 5.0,
        "search_seconds": 1.0,
        "mkdocs_floor_seconds": 3.0,
        "search_floor_seconds": 1.0,
        "search_index_mb": 0.004,
    }
    add_ratios(result)
    assert result["total_seconds"] == 8.0 and result["floor_seconds"] == 4.0
    assert result["total_over_floor"] == pytest.approx(8 / 3)  # the target: MkDocs' floor alone
    assert result["total_over_floor_with_search"] == 2.0


def test_the_text_report_shows_both_floors_and_the_variants():
    variant = {"mkdocs_seconds": 1.5, "today_seconds": 2.0, "ratio": 0.75, "cpu_ratio": 0.8, "markdown_mb": 1.25}
    variant |= {
        "links": 7,
        "html_links": 3,
        "table_rows": 5,
        "html_table_rows": 2,
        "portable": False,
        "use_directory_urls": True,
    }
    figures = {"articles": 2, "pages": 4, "markdown_mb": 1.0, "generate_seconds": 2.0, "mkdocs_seconds": 5.0}
    figures |= {"search_seconds": 1.0, "mkdocs_floor_seconds": 3.0, "search_floor_seconds": 1.0, "search_index_mb": 0}
    add_ratios(figures)
    text = to_text({"runs": {"2": figures | {"variants": {"x": variant}}}, "targets": {}})
    assert "total over MkDocs' floor 2.67 (3.0 s); over it plus the floor's search step 2.00 (1.0 s)" in text
    assert re.search(r"^    x +1\.50 +2\.00 +0\.75 +0\.80 +1\.2 +7 +3 +5 +2  \(unportable", text, flags=re.M)
    assert "{'mkdocs_seconds'" not in text


def test_variants_need_the_site_builds():
    with pytest.raises(SystemExit) as exit_info:
        main(["--root", str(REPO), "bench", "--generator-only", "--variants"])
    assert exit_info.value.code == 2


# --- the variants' sites, built with mkdocs build --strict -------------------------------------------

HREF = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')
ID = re.compile(r'\sid="([^"]*)"')
TAG = re.compile(r"<[^>]*>")


def broken_links(site: Path) -> tuple[int, list[str]]:
    """Return how many relative links the site's pages hold, and those whose file or fragment is missing."""
    ids: dict[Path, set[str]] = {}
    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        for href in map(html.unescape, HREF.findall(page.read_text(encoding="utf-8"))):
            if re.match(r"[a-z]+:|/", href):
                continue
            checked += 1
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            target = target / "index.html" if target.is_dir() else target
            if target.suffix == ".html" and target.is_file() and target not in ids:
                ids[target] = set(ID.findall(target.read_text(encoding="utf-8")))
            if not target.is_file() or (fragment and target.suffix == ".html" and fragment not in ids[target]):
                broken.append(f"{page.relative_to(site)}: {href}")
    return checked, broken


def visible(page: Path) -> str:
    """Return the characters a reader sees in a page's article, without white space."""
    text = page.read_text(encoding="utf-8")
    article = text[text.index("<article") : text.index("</article>")]
    return "".join(html.unescape(TAG.sub("", article)).split())


def test_the_link_check_finds_a_missing_page_and_a_missing_fragment(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"></p><a href="../b.html">b</a> <a href="./#y">y</a>')
    (tmp_path / "b.html").write_text('<a href="a/#x">a</a> <a href="https://example.org/">e</a>')
    assert broken_links(tmp_path) == (3, ["a/index.html: ./#y"])


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Build a small synthetic dossier's every variant; return the site folder of each."""
    work = tmp_path_factory.mktemp("variants")
    project = work / "project"
    make_project(REPO, project, 12)
    command = [sys.executable, "-m", "generator", "--root", str(project), "generate"]
    subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    handwritten = {path.name for path in (project / "content" / "pages").glob("*.md")}
    found = {}
    for variant in VARIANTS:
        make_variant(project, work / variant.name, variant, handwritten)
        build(work / variant.name, variant.name)  # raises BenchError unless mkdocs build --strict passes
        found[variant.name] = work / variant.name / "site"
    return found


@pytest.mark.site
@pytest.mark.slow
@pytest.mark.parametrize("name", [variant.name for variant in VARIANTS])
def test_every_link_of_a_variant_site_resolves(sites, name):
    checked, broken = broken_links(sites[name])
    assert checked > 1000 and broken == []


@pytest.mark.site
@pytest.mark.slow
@pytest.mark.parametrize("name", [variant.name for variant in VARIANTS[1:]])
def test_a_variant_shows_readers_the_same_text_as_today(sites, name):
    today, flat = sites["today"], next(v for v in VARIANTS if v.name == name).flat_urls
    sources = sorted(
        p.relative_to(today.parent / "dossier").as_posix() for p in (today.parent / "dossier").rglob("*.md")
    )
    assert len(sources) > 50
    for source in sources:
        shown = source.removesuffix(".md") + ".html" if flat else page_url(source) + "index.html"
        assert visible(sites[name] / shown) == visible(today / page_url(source) / "index.html"), source
