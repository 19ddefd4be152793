"""Search as readers use it: queries typed into the site's own search box (Pagefind), in Chromium.

The queries are the kinds a reader review found failing with MkDocs' lunr search (issue 15):
umlauts written out (ae, oe, ue, ss) or dropped, genitives, numbers without their thousands
separator, exonyms and English spellings of registered names, and the section index pages. At least
95 % must list the expected page among the first results; the table of every query is printed
(`pytest -s tests/test_search.py`). The unit tests check the HTML the index is built from.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page
from test_browser import base_url, browser, site  # noqa: F401 (fixtures: the built seed site, served)

from generator.language.spellings import genitive, search_spellings, transliterate
from generator.site.search import mark_excluded_sections

SHOWN = 5  # a result counts when it is among the first this many
QUERIES = [  # (what a reader types, the page it must find)
    ("Kursk", "orte/kursk/"),
    ("Pjöngjang", "orte/pjoengjang/"),
    ("Pjoengjang", "orte/pjoengjang/"),
    ("Pjongjang", "orte/pjoengjang/"),
    ("Pyongyang", "orte/pjoengjang/"),
    ("Pjöngjangs", "orte/pjoengjang/"),
    ("Suedkorea", "orte/suedkorea/"),
    ("South Korea", "orte/suedkorea/"),
    ("Bruessel", "orte/bruessel/"),
    ("Brussels", "orte/bruessel/"),
    ("Vladivostok", "orte/wladiwostok/"),
    ("Wladiwostok", "orte/wladiwostok/"),
    ("Kyiv", "orte/kiew/"),
    ("Moscow", "orte/moskau/"),
    ("Pokrovsk", "orte/pokrowsk/"),
    ("Roter Platz", "orte/roter-platz/"),
    ("Russlands", "orte/russland/"),
    ("Selenskyj", "personen/wolodymyr-selenskyj/"),
    ("Selenskyjs", "personen/wolodymyr-selenskyj/"),
    ("Zelensky", "personen/wolodymyr-selenskyj/"),
    ("Zelenskyy", "personen/wolodymyr-selenskyj/"),
    ("Kims", "personen/kim-jong-un/"),
    ("Kim Jong-un", "personen/kim-jong-un/"),
    ("Putins", "personen/wladimir-putin/"),
    ("Vladimir Putin", "personen/wladimir-putin/"),
    ("Pistorius", "personen/boris-pistorius/"),
    ("Kirby", "personen/john-kirby/"),
    ("Sybiha", "personen/andrii-sybiha/"),
    ("Kremls", "organisationen/kreml/"),
    ("Kremlin", "organisationen/kreml/"),
    ("Streitkraefte", "organisationen/russische-streitkraefte/"),
    ("südkoreanischen Geheimdienstes", "organisationen/suedkoreanischer-geheimdienst/"),
    ("Pentagon", "organisationen/pentagon/"),
    ("KCNA", "organisationen/kcna/"),
    ("Sturmkorps", "organisationen/sturmkorps/"),
    ("Verluste", "themen/russische-verluste/"),
    ("Waffenlieferungen", "themen/waffenlieferungen/"),
    ("Deserteure", "themen/deserteure-hilfe/"),
    ("12000", "themen/soldaten-in-russland/"),
    ("12.000", "themen/soldaten-in-russland/"),
    ("10000 Soldaten", "artikel/pentagon-10000-soldaten/"),
    ("Annaeherung", "artikel/annaeherung-moskau-pjoengjang/"),
    ("Annäherung", "artikel/annaeherung-moskau-pjoengjang/"),
    ("Flaggenfoto", "artikel/nordkorea-sturmkorps-pokrowsk/"),
    ("Zeitleiste", "zeitleiste/"),
    ("Artikel", "artikel/"),
    ("Personen", "personen/"),
    ("Organisationen", "organisationen/"),
    ("Orte", "orte/"),
    ("Themen", "themen/"),
    ("Quellenlage", "quellenlage/"),
    ("Wer sagt was", "wer-sagt-was/"),
    ("Methode", "methode/"),
]


def search(page: Page, query: str) -> list[str]:
    """Type a query into the open search box; return the paths of the results shown, in order."""
    box = page.locator("pagefind-modal input[type=search]")
    box.fill("")
    box.press_sequentially(query)
    summary = "document.querySelector('pagefind-modal .pf-summary')"
    page.wait_for_function(f"q => ({summary}?.textContent || '').trim().endsWith('für ' + q)", arg=query)
    links, previous = None, []
    while links != previous:  # the result cards fill in after the summary: wait until they stand still
        previous = links
        page.wait_for_timeout(150)
        links = page.eval_on_selector_all("pagefind-modal a.pf-result-link", "els => els.map(a => a.href)")
    return [urlsplit(link).path.removeprefix("/") for link in links or []]


def open_search(page: Page, url: str) -> None:
    """Load a page and open its search box."""
    page.goto(url, wait_until="networkidle")
    page.locator("pagefind-modal-trigger button").click()
    page.locator("pagefind-modal input[type=search]").wait_for(state="visible")


def ranks(page: Page, queries: list[tuple[str, str]]) -> list[tuple[str, str, int | None, str]]:
    """Return (query, expected, rank of the expected page or None, first result) for every query."""
    rows = []
    for query, expected in queries:
        found = search(page, query)
        rank = found.index(expected) + 1 if expected in found else None
        rows.append((query, expected, rank, found[0] if found else "–"))
    return rows


def table(rows: list[tuple[str, str, int | None, str]]) -> str:
    """Return the rows as a Markdown table."""
    lines = ["| query | expected page | rank | first result |", "| --- | --- | ---: | --- |"]
    lines += [f"| {q} | {e} | {r if r else '–'} | {f} |" for q, e, r, f in rows]
    return "\n".join(lines)


def test_readers_queries_find_the_right_page(browser, base_url):  # noqa: F811
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        open_search(page, base_url)
        rows = ranks(page, QUERIES)
    finally:
        context.close()
    found = [row for row in rows if row[2] is not None and row[2] <= SHOWN]
    print(f"\n{len(found)} of {len(rows)} queries find the expected page among the first {SHOWN} results\n")
    print(table(rows))
    assert len(QUERIES) >= 40
    assert len(found) >= 0.95 * len(rows), table([row for row in rows if row not in found])


def test_a_result_opens_its_page_from_any_page(browser, base_url):  # noqa: F811
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        open_search(page, base_url + "orte/kursk/")  # result links must not be relative to this page
        assert search(page, "Vladivostok")[0] == "orte/wladiwostok/"
        page.locator("pagefind-modal a.pf-result-link").first.click()
        page.wait_for_url(base_url + "orte/wladiwostok/")
        assert page.locator("h1").first.text_content().startswith("Wladiwostok")
    finally:
        context.close()


def test_result_snippets_hold_no_table_headers_or_chart_text(browser, base_url):  # noqa: F811
    context = browser.new_context(locale="de-DE")
    try:
        page = context.new_page()
        open_search(page, base_url)
        search(page, "Soldaten")
        excerpts = page.eval_on_selector_all("pagefind-modal .pf-result-excerpt", "els => els.map(e => e.textContent)")
    finally:
        context.close()
    assert excerpts
    for excerpt in excerpts:
        assert "Angabe Wert" not in excerpt and "Werte im Zeitverlauf" not in excerpt and "¶" not in excerpt, excerpt


def test_excluded_sections_are_wrapped_and_left_out_of_the_index(site):  # noqa: F811
    html = (site / "personen" / "wolodymyr-selenskyj" / "index.html").read_text(encoding="utf-8")
    assert html.count('<div data-pagefind-ignore class="dq-search-excluded"><h2 data-search-exclude') >= 2
    assert "Schreibweisen für die Suche: Wolodymyr Selenskyjs, Selenskyjs" in html
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "assets" / "search.js").is_file()


def test_marking_sections_keeps_the_markup_whole():
    html = (
        b"<article><h1>T</h1><p>a</p><h2 data-search-exclude id='x'>X</h2><table><tr><td>1</td></tr></table>"
        b"<h3 data-search-exclude>Y</h3><ul><li>y</li></ul><h2>Z</h2><p>z</p>"
        b"<div><h2 data-search-exclude>W</h2></div><p>w</p></article>"
    )
    marked = mark_excluded_sections(html)
    ignore = b'<div data-pagefind-ignore class="dq-search-excluded">'
    assert marked.count(ignore) == 2  # X with Y inside; W would close a div it did not open
    assert marked.index(ignore) == html.index(b"<h2 data-search-exclude")
    assert b"</ul></div></div><h2>Z</h2>" in marked
    assert mark_excluded_sections(marked) == marked  # marking twice changes nothing
    assert mark_excluded_sections(b"<p>no article</p>") == b"<p>no article</p>"


def test_spellings_write_out_umlauts_and_add_genitives():
    assert transliterate("Pjöngjang, Brüssel, Streitkräfte, Straße") == "Pjoengjang, Bruessel, Streitkraefte, Strasse"
    assert [genitive(n) for n in ("Putin", "Kreml", "Boris Pistorius", "NATO", "Ukraine", "Moskau")] == [
        "Putins",
        "Kremls",
        None,
        None,
        None,
        "Moskaus",
    ]
    assert search_spellings(["Pjöngjang", "Pyongyang"], person=False) == [
        "Pjöngjangs",
        "Pjoengjang",
        "Pjoengjangs",
        "Pyongyangs",
    ]
    assert search_spellings(["Wolodymyr Selenskyj", "Selenskyj"], person=True) == ["Wolodymyr Selenskyjs", "Selenskyjs"]
    assert search_spellings(["Russische Streitkräfte"], person=False) == ["Russische Streitkraefte"]
