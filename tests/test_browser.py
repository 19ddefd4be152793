"""The built seed site in a real browser: Playwright driving Debian's /usr/bin/chromium.

Also axe-core (accessibility) in the browser and the Nu Html Checker (vnu.jar) over the HTML. The
tools come from `.ci/run`: pip's playwright (never `playwright install`), apt's chromium, and
npm's axe-core and vnu-jar in `.ci/node_modules`. Screenshots and the axe and vnu reports are
written to `test-output/` for reviewers.
"""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from conftest import REPO, TODAY
from playwright.sync_api import Browser, Page, sync_playwright

from generator.pipeline import generate
from generator.site.engine import build_site

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))  # Debian's chromium by default
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NODE_MODULES = REPO / ".ci" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUTPUT = REPO / "test-output"
INSTALL_HINT = "run `bash .ci/run`, which installs chromium (apt), playwright (pip), axe-core and vnu-jar (npm)"

# (query, page that must be among the results)
SEARCHES = [
    ("Kursk", "orte/kursk/"),
    ("Pjöngjang", "orte/pjoengjang/"),
    ("Selenskyj", "personen/wolodymyr-selenskyj/"),
    ("Zelensky", "personen/wolodymyr-selenskyj/"),  # an alias, in no article text
    ("Annäherung", "artikel/annaeherung-moskau-pjoengjang/"),
]
ARTICLE = "artikel/kim-entsendet-10000-soldaten/"
PERSON = "personen/wolodymyr-selenskyj/"
TOPIC = "themen/soldaten-in-russland/"
AXE_PAGES = ["", ARTICLE, PERSON, TOPIC, "quellenlage/"]
SCREENSHOT_PAGES = {"home": "", "artikel": ARTICLE, "thema": TOPIC}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
# Violations in Material's own page chrome, not in anything we generate: (rule, the only element allowed).
THEME_A11Y: set[tuple[str, str]] = set()  # none since Pagefind's search box replaced the theme's unnamed dialog
# Errors vnu reports in Material's own page chrome (its header's toggles and the labels of navigation
# sections, which it gives an empty tabindex), not in anything we generate.
THEME_MARKUP_ERRORS = (
    "Attribute “autocomplete” is only allowed when the input type is",
    "Bad value “” for attribute “tabindex” on element “label”",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
)


def require(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing: {INSTALL_HINT}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generate(root, today=TODAY)
    build_site(root)
    return root / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """Serve the site on a free local port."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    require(CHROMIUM)
    with sync_playwright() as playwright:
        # Scrollbars as readers see them (Playwright hides them by default): the layout tests measure them.
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, ignore_default_args=["--hide-scrollbars"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="de-DE")
    yield context.new_page()
    context.close()


def pages_of(site: Path) -> list[str]:
    """Return the URL path of every HTML page, relative to the site root."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p.removesuffix("index.html") for p in paths if p != "404.html"]


@dataclass
class Crawl:
    """What the browser saw on every page."""

    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    links: dict[str, set[str]] = field(default_factory=dict)  # page → absolute link URLs
    ids: dict[str, set[str]] = field(default_factory=dict)  # page → element ids


@pytest.fixture(scope="module")
def crawl(browser: Browser, base_url: str, site: Path) -> Crawl:
    """Load every page once, recording console errors, requests to other hosts, links and ids."""
    result = Crawl()
    context = browser.new_context()
    page = context.new_page()
    local = urlsplit(base_url).netloc
    current = [""]
    page.on("console", lambda m: m.type == "error" and result.console_errors.append(f"{current[0]}: {m.text}"))
    page.on("pageerror", lambda e: result.console_errors.append(f"{current[0]}: {e}"))

    def check_request(request) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(request.url).scheme not in ("data", "blob") and urlsplit(request.url).netloc != local:
            result.foreign_requests.append(f"{current[0]}: {request.url}")

    page.on("request", check_request)
    for path in pages_of(site):
        current[0] = path
        page.goto(base_url + path, wait_until="networkidle")
        # getAttribute: an SVG link's `href` property is not a string
        links = "els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
        result.links[path] = set(page.eval_on_selector_all("a[href]", links))
        result.ids[path] = set(page.eval_on_selector_all("[id], a[name]", "els => els.map(e => e.id || e.name)"))
    context.close()
    return result


def test_the_crawl_covers_every_page(crawl, site):
    assert len(crawl.links) == len(pages_of(site)) > 60


def test_no_console_errors_on_any_page(crawl):
    assert crawl.console_errors == []


def test_no_request_leaves_the_local_server(crawl):
    assert crawl.foreign_requests == []


def test_every_internal_link_and_anchor_resolves(crawl, base_url, site):
    broken = []
    checked = 0
    for source, links in sorted(crawl.links.items()):
        for link in sorted(links):
            url, anchor = urldefrag(link)
            if not url.startswith(base_url):
                continue
            target = unquote(urlsplit(url).path).removeprefix("/")
            checked += 1
            if target.endswith((".json", ".xml", ".csv")):
                assert (site / target).is_file(), f"{source}: {link}"  # a download
                continue
            if target not in crawl.ids:
                broken.append(f"{source}: {link} (no such page)")
            elif anchor and unquote(anchor) not in crawl.ids[target]:
                broken.append(f"{source}: {link} (no such anchor)")
    assert broken == []
    assert checked > 1000


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_search_finds_the_page(page, base_url, query, expected):
    """Pagefind's search box (generator/site/search.py); tests/test_search.py asks many more queries."""
    page.goto(base_url, wait_until="networkidle")
    page.locator("pagefind-modal-trigger button").click()
    page.locator("pagefind-modal input[type=search]").press_sequentially(query)
    summary = "document.querySelector('pagefind-modal .pf-summary')"
    page.wait_for_function(f"q => ({summary}?.textContent || '').trim().endsWith('für ' + q)", arg=query)
    page.wait_for_selector("pagefind-modal a.pf-result-link", timeout=10_000)
    found = page.eval_on_selector_all("pagefind-modal a.pf-result-link", "els => els.map(a => a.href)")
    paths = [urlsplit(url).path.removeprefix("/") for url in found]
    assert expected in paths


def axe_report(page, base_url) -> dict[str, list[dict]]:
    """Run axe-core on every page of AXE_PAGES; return its violations by path."""
    report = {}
    for path in AXE_PAGES:
        page.goto(base_url + path, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("async () => await axe.run(document)")
        report[path or "/"] = [
            {"id": v["id"], "impact": v["impact"], "targets": [n["target"][0] for n in v["nodes"]], "help": v["help"]}
            for v in results["violations"]
        ]
    return report


def serious_violations(report: dict[str, list[dict]]) -> dict[str, list[tuple[str, str]]]:
    """Return the serious and critical violations that are not the theme's known ones."""
    return {
        path: [
            (v["id"], target)
            for v in found
            if v["impact"] in ("serious", "critical")
            for target in v["targets"]
            if (v["id"], target) not in THEME_A11Y
        ]
        for path, found in report.items()
    }


def test_axe_finds_no_serious_or_critical_violations(page, base_url):
    require(AXE)
    report = axe_report(page, base_url)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert serious_violations(report) == {path: [] for path in report}


def test_axe_finds_no_serious_violations_in_the_dark_palette(browser, base_url):
    require(AXE)
    context = browser.new_context(color_scheme="dark", locale="de-DE")
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        report = axe_report(page, base_url)
    finally:
        context.close()
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe-dark.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert serious_violations(report) == {path: [] for path in report}


def test_collapsed_comparisons_are_printed(page, base_url):
    page.goto(base_url + TOPIC, wait_until="networkidle")
    hidden = page.locator("details:not([open]) table").first
    assert hidden.count() == 1 and not hidden.is_visible()
    page.emulate_media(media="print")
    assert hidden.is_visible()
    assert not page.locator(".md-header").is_visible()
    page.emulate_media(media="screen")


def test_screenshots_at_desktop_and_phone_width(browser, base_url):
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    for width_name, (width, height) in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
        page = context.new_page()
        for name, path in SCREENSHOT_PAGES.items():
            page.goto(base_url + path, wait_until="networkidle")
            target = folder / f"{name}-{width_name}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.read_bytes().startswith(b"\x89PNG") and target.stat().st_size > 10_000
        context.close()


def content_lines(html: str) -> range:
    """Return the lines of a page's content area, where our Markdown and templates end up."""
    start = html.find('<article class="md-content__inner')
    end = html.find("</article>", start)
    return range(html.count("\n", 0, start) + 1, html.count("\n", 0, end) + 2)


def test_nu_html_checker_finds_no_errors_of_ours(site):
    require(VNU)
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "vnu.json").write_text(json.dumps(messages, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ours = []
    for message in messages:
        path = Path(unquote(urlsplit(message["url"]).path))
        line = message.get("lastLine", 0)
        in_content = line in content_lines(path.read_text(encoding="utf-8"))
        if in_content or not message["message"].startswith(THEME_MARKUP_ERRORS):
            ours.append(f"{path.relative_to(site)}:{line}: {message['message']}")
    assert ours == []
    assert re.search(r"<article class=\"md-content__inner", (site / "index.html").read_text(encoding="utf-8"))


# Layout on phones and desktops (issue 15): nothing wider than the screen except tables that scroll
# with a visible scrollbar; tables in a `dq-table` wrapper are stacked on phones with every cell on
# screen and labelled with its column's name (dossier.css repeats the templates' headers).
OVERFLOWING = """() => {
  const found = [];
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth > width) found.push(`page ${root.scrollWidth} > ${width}`);
  const clips = el => getComputedStyle(el).overflowX !== 'visible';
  for (const el of document.querySelectorAll('article *')) {
    if (el instanceof SVGElement && el.tagName !== 'svg') continue;  // a chart scales as a whole
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // hidden, or visually hidden (a stacked table's header row)
    const name = `${el.tagName.toLowerCase()}.${el.className}`;
    if (clips(el) && el.scrollWidth > el.clientWidth + 1) {
      // it scrolls or clips: only a scrollbar that takes room and has a visible thumb will do
      const style = getComputedStyle(el);
      const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      const bar = el.offsetHeight - el.clientHeight - borders;
      const thumb = style.scrollbarColor === 'auto' ? '' : style.scrollbarColor;
      const seen = !/^(transparent|rgba\\([^)]*, 0\\))/.test(thumb) && style.scrollbarWidth !== 'none';
      const scrolls = ['auto', 'scroll'].includes(style.overflowX) && bar > 0 && seen;
      const head = el.querySelector('th, td')?.textContent.trim().slice(0, 30);
      found.push(scrolls ? `scrolls: ${name} ${head}` : `${name} ${el.scrollWidth} > ${el.clientWidth}`);
    } else if (box.left < -1 || box.right > width + 1) {
      let parent = el.parentElement;
      while (parent && parent !== document.body && !clips(parent)) parent = parent.parentElement;
      if (!parent || parent === document.body) found.push(`${name} at ${box.left}–${box.right} of ${width}`);
    }
  }
  return found;
}"""
STACKED_CELLS = """() => [...document.querySelectorAll('.dq-table table')].flatMap(table => {
  const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const width = document.documentElement.clientWidth;
  return [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.cells].map((td, i) => {
    const box = td.getBoundingClientRect();
    const hidden = td.closest('details:not([open])') !== null;
    return {
      table: table.closest('.dq-table').className, column: i, head: heads[i], hidden,
      text: td.textContent.trim(),
      label: getComputedStyle(td, '::before').content.replace(/^"(.*)"$/, '$1'),
      onScreen: box.width > 0 && box.left >= 0 && box.right <= width + 0.5,
    };
  }));
})"""


def layout_report(browser: Browser, base_url: str, site: Path, width: int) -> tuple[list[str], list[str], list[dict]]:
    """Load every page at this width; return overflowing elements, tables that scroll, and stacked cells."""
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="de-DE")
    page = context.new_page()
    overflowing, scrolling, cells = [], [], []
    for path in pages_of(site):
        page.goto(base_url + path, wait_until="load")
        for found in page.evaluate(OVERFLOWING):
            (scrolling if found.startswith("scrolls: ") else overflowing).append(f"{path}: {found}")
        cells += [{**cell, "page": path} for cell in page.evaluate(STACKED_CELLS)]
    context.close()
    return overflowing, scrolling, cells


def unlabelled(cells: list[dict]) -> list[str]:
    """Stacked cells whose label is not their column's name.

    The first cell of a row, its title, may have none, and so may a cell whose words begin with its column's name.
    """
    wrong = []
    for cell in cells:
        unlabelled = cell["column"] == 0 or cell["text"].startswith(f"{cell['head']}: ")
        expected = {f"{cell['head']}: "} | ({"none", "normal"} if unlabelled else set())
        if "dq-facts" not in cell["table"] and cell["label"] not in expected:
            where = f"{cell['page']} {cell['table']} column {cell['column']}"
            wrong.append(f"{where}: {cell['label']!r} for {cell['head']!r}")
    return wrong


@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_overflows_outside_tables_that_scroll_with_a_scrollbar(browser, base_url, site, width):
    overflowing, scrolling, cells = layout_report(browser, base_url, site, width)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"layout-{width}.txt").write_text("\n".join(overflowing + scrolling) + "\n", encoding="utf-8")
    assert overflowing == []
    shown = [cell for cell in cells if not cell["hidden"]]
    assert len(shown) > 500
    assert [c for c in shown if not c["onScreen"]] == []  # every column of a wrapped table, at any width
    if width == 1280:
        assert [s for s in scrolling if "code." not in s] == []  # at desktop width no table scrolls (code may)
        assert {c["label"] for c in cells} <= {"none", "normal"}  # tables as tables, with their header row
    else:
        assert unlabelled(cells) == []
        assert [s for s in scrolling if s.split(": ")[0].count("/") >= 2] == []  # item pages stack every table


def test_key_columns_of_an_article_are_on_screen_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    page = context.new_page()
    page.goto(base_url + ARTICLE, wait_until="load")
    cells = page.evaluate(STACKED_CELLS)
    context.close()
    claims = [c for c in cells if "dq-claims" in c["table"]]
    quotes = [c for c in cells if "dq-quotes" in c["table"]]
    assert {c["head"] for c in claims if c["onScreen"] and c["label"] == c["head"] + ": "} >= {"Urheber", "Beleg"}
    assert {c["head"] for c in quotes if c["onScreen"]} >= {"Sprecher", "Zitat"}
    assert all(c["onScreen"] for c in claims + quotes)


def test_axe_finds_no_serious_violations_on_a_phone(browser, base_url):
    require(AXE)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE")
    try:
        report = axe_report(context.new_page(), base_url)
    finally:
        context.close()
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe-phone.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert serious_violations(report) == {path: [] for path in report}


FOCUS_AFTER_QUOTES = """() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  return (document.getElementById('zitate').compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}"""


def tabs_to_quotes(page: Page, limit: int = 300) -> int:
    """Press Tab until the focus is past the heading "Zitate"; return the number of presses."""
    for presses in range(1, limit):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS_AFTER_QUOTES):
            return presses
    raise AssertionError("the focus never reached the quotes")


def test_an_article_has_a_skip_link_and_few_tab_stops_before_its_quotes(page, base_url):
    page.goto(base_url + ARTICLE, wait_until="load")
    assert tabs_to_quotes(page) <= 65  # 86 before issue 15: every entity was linked in every paragraph
    page.goto(base_url + ARTICLE, wait_until="load")
    skip = page.get_by_role("link", name="Zu den Zitaten und Angaben")
    assert skip.get_attribute("href") == "#zitate"
    presses = 0
    while not page.evaluate("() => document.activeElement.textContent === 'Zu den Zitaten und Angaben'"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 25  # past the header, the tabs, the table of contents and the article's facts
    page.keyboard.press("Enter")
    assert tabs_to_quotes(page) == 1


LINK_NAMES = """() => [...document.querySelectorAll('article table a[href]')]
  .filter(a => /^(¶ \\d+|Beleg)$/.test(a.textContent.trim()))
  .map(a => [a.textContent.trim(), a.getAttribute('aria-label') || ''])"""


@pytest.mark.parametrize("path", [ARTICLE, PERSON, TOPIC])
def test_passage_links_say_where_they_go(page, base_url, path):
    page.goto(base_url + path, wait_until="load")
    names = page.evaluate(LINK_NAMES)
    assert names
    assert [(text, name) for text, name in names if not (name.startswith("Beleg: ") and text in name)] == []


def test_highlights_are_told_apart_without_colour(page, base_url):
    page.goto(base_url + ARTICLE, wait_until="load")
    style = "el => getComputedStyle(el).borderBottomStyle"
    quote = page.locator("article p mark.dq-quote").first.evaluate(style)
    claim = page.locator("article p mark.dq-claim").first.evaluate(style)
    assert "none" not in (quote, claim) and quote != claim
    key = page.locator("article p", has=page.locator("mark.dq-quote")).first.text_content() or ""
    assert "gepunktet" in key and "doppelt" in key
