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
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
