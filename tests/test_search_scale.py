"""Search at scale: the bytes a reader's browser loads before its first result, and how long that takes.

Builds the synthetic dossier (generator/bench/) at 100 and at 1,000 articles with `dossier build`'s
own steps (MkDocs, then the Pagefind index), serves each, and in Chromium with a throttled phone
profile (4x slower CPU, 9 Mbit/s, 40 ms latency) opens the search box of a fresh, uncached page
(the same hand-written page at each size), types a query and waits for the first result.
Recorded per size (printed, and written to test-output/search-scale.json): the bytes of the
search's files (the script, Pagefind's code and the parts of the index the query needed), all
bytes the page loaded until the first result, and the time from the query to the first result.
Asserted: the search's bytes do not grow with the number of articles. The times are recorded,
not asserted (docs/performance.md).
"""

from __future__ import annotations

import functools
import http.server
import json
import statistics
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO
from playwright.sync_api import Browser, Request
from test_browser import OUTPUT, OVERFLOWING, browser  # noqa: F401 (fixture: Debian's Chromium through Playwright)

from generator.bench.project import make_project
from generator.pipeline import generate
from generator.site.engine import build_site

SIZES = (100, 1000)
QUERIES = ("Soldaten", "Russland", "Truppen")  # words of the seed texts the synthetic ones are made from
THROTTLE = {"cpu": 4, "download_bytes_per_s": 9_000_000 / 8, "latency_ms": 40}
NETWORK = {"offline": False, "latency": THROTTLE["latency_ms"], "uploadThroughput": -1}
RECORD = """
window.__search = {input: null, result: null};
document.addEventListener("input", () => { window.__search.input ??= performance.now(); }, true);
new MutationObserver(() => {
  if (window.__search.input !== null && window.__search.result === null && document.querySelector("a.pf-result-link")) {
    window.__search.result = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, float]]:
    """Build the synthetic dossier at each size; return its site and the seconds `dossier build` took."""
    built = {}
    for size in SIZES:
        root = tmp_path_factory.mktemp(f"scale{size}")
        make_project(REPO, root, size)
        generate(root, today=date(2026, 11, 21))
        start = time.perf_counter()
        build_site(root)
        built[size] = (root / "site", time.perf_counter() - start)
    return built


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Serve a site on a free local port, in a thread."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def first_search(chromium: Browser, url: str, query: str) -> dict[str, float]:
    """Load a page cold on the throttled profile, search once; return the bytes and the time to the first result."""
    context = chromium.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE["cpu"]})
        cdp.send("Network.emulateNetworkConditions", NETWORK | {"downloadThroughput": THROTTLE["download_bytes_per_s"]})
        loaded: list[tuple[str, int]] = []  # Playwright also sees the requests of Pagefind's web worker
        page.on("requestfinished", lambda request: loaded.append((request.url, transferred(request))))
        page.add_init_script(RECORD)
        page.goto(url, wait_until="networkidle")
        page.locator("pagefind-modal-trigger button").click()
        page.locator("pagefind-modal input[type=search]").fill(query)
        page.wait_for_function("window.__search.result !== null", timeout=30_000)
        seconds = page.evaluate("(window.__search.result - window.__search.input) / 1000")
        page.wait_for_timeout(200)  # the last responses' events
    finally:
        context.close()
    search_bytes = sum(size for link, size in loaded if "/pagefind/" in link or link.endswith("/search.js"))
    return {"seconds": seconds, "search_bytes": search_bytes, "page_bytes": sum(size for _, size in loaded)}


def transferred(request: Request) -> int:
    """Return the bytes a response took on the wire: headers and body."""
    sizes = request.sizes()
    return int(sizes["responseHeadersSize"] + sizes["responseBodySize"])


def test_search_bytes_stay_flat_and_the_first_result_comes_fast(sites, browser):  # noqa: F811
    report = {}
    for size, (site, build_seconds) in sites.items():
        server = serve(site)
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/methode/"  # a page of the same size at each
            runs = [first_search(browser, url, query) for query in QUERIES]
        finally:
            server.shutdown()
            server.server_close()
        index_bytes = sum(path.stat().st_size for path in (site / "pagefind").rglob("*") if path.is_file())
        report[size] = {
            "dossier_build_seconds": round(build_seconds, 1),
            "index_bytes_on_disk": index_bytes,
            "search_bytes_before_first_result": [int(run["search_bytes"]) for run in runs],
            "page_bytes_until_first_result": [int(run["page_bytes"]) for run in runs],
            "seconds_to_first_result": [round(run["seconds"], 3) for run in runs],
        }
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "search-scale.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print("\n" + json.dumps(report, indent=2))
    small, large = (statistics.median(report[size]["search_bytes_before_first_result"]) for size in SIZES)
    assert large <= 1.25 * small, f"the search loads {large:.0f} bytes at {SIZES[1]} articles, {small:.0f} at 100"


def sample_pages(site: Path) -> list[str]:
    """Return a page of every kind of the large site: indexes, year pages, the largest item pages, sub-pages."""
    pages = sorted(site.rglob("index.html"), key=lambda path: path.stat().st_size, reverse=True)
    paths = [str(path.parent.relative_to(site)) for path in pages]
    by_kind: dict[str, str] = {}
    for path in paths:  # largest first: per first folder and depth, the largest page
        by_kind.setdefault(f"{path.split('/')[0]}:{path.count('/')}", path)
    return sorted({"", *(p for p in by_kind.values() if p != ".")})


def test_no_page_of_the_large_site_is_heavy_or_overflows(sites, browser):  # noqa: F811
    site = sites[SIZES[1]][0]
    sizes = {str(path.relative_to(site)): path.stat().st_size for path in site.rglob("*.html")}
    assert max(sizes.values()) <= 300_000, max(sizes, key=sizes.__getitem__)  # issue 15: ~300 KB of HTML at most
    server = serve(site)
    found = {}
    try:
        for width in (390, 1280):
            context = browser.new_context(viewport={"width": width, "height": 844}, locale="de-DE")
            page = context.new_page()
            for path in sample_pages(site):
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/" + (f"{path}/" if path else ""))
                found[f"{width} {path}"] = [f for f in page.evaluate(OVERFLOWING) if not f.startswith("scrolls: ")]
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    print("\n" + "\n".join(f"{key}: {value or 'ok'}" for key, value in found.items()))
    assert {key: value for key, value in found.items() if value} == {}
