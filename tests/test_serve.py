"""`dossier serve`: a clean stop with its children, a clear busy-port error, a preview that rebuilds what changed."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO

from generator.cli import main
from generator.problems import UsageError
from generator.site.engine import changes, parse_address, tree_stamp
from generator.site.preview import PreviewSite
from generator.site.preview_server import WAIT_PATH, site_path, with_script

TITLE = "Vorschau im Test"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A new project from `dossier init`, generated."""
    folder = tmp_path / "neu"
    assert main(["init", str(folder), "--title", TITLE]) == 0
    assert main(["--root", str(folder), "generate"]) == 0
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_serve(project: Path, port: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", "--root", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    with (project / "serve.log").open("w") as log:  # the child writes into its own copy
        return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)


def get(url: str, timeout: float = 60) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        text: str = response.read().decode("utf-8")
        return text


def wait_until_served(url: str, process: subprocess.Popen[str], timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, "dossier serve ended early"
        try:
            return get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux /proc)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        try:
            children = [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            children = []
        found += children
        queue += children
    return found


def alive(pid: int) -> bool:
    """Tell whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds child processes through Linux's /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_serve_and_every_child(project, signum):
    port = free_port()
    process = start_serve(project, port)
    try:
        assert TITLE in wait_until_served(f"http://127.0.0.1:{port}/", process)
        children = descendants(process.pid)
        assert children, "the preview runs in a child process"
        process.send_signal(signum)
        assert process.wait(timeout=30) == 0
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in children if alive(pid)], "a child of dossier serve outlived it"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log = (project / "serve.log").read_text()
    assert "Traceback" not in log
    with socket.socket() as again:  # nothing listens on the port any more
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))


def test_a_busy_port_gives_one_clear_line(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "generator", "--root", str(project), "serve"]
        command += ["--dev-addr", f"127.0.0.1:{port}"]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: cannot serve on 127.0.0.1:{port}: the port is in use (another `dossier serve`?); "
        f"stop that program or choose another port with --dev-addr, such as 127.0.0.1:{port + 1}"
    ]
    assert result.stdout == ""  # refused before generating anything


def test_a_save_rebuilds_the_changed_page_once_and_reloads_it(project):
    port = free_port()
    process = start_serve(project, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        page = wait_until_served(f"{base}ueber/", process)
        since = int(page.rsplit("since = ", 1)[1].split(";", 1)[0])
        with (project / "content" / "pages" / "ueber.md").open("a", encoding="utf-8") as file:
            file.write("\nEin Satz, der erst beim Speichern dazukam.\n")
        assert get(f"{base}{WAIT_PATH.lstrip('/')}?since={since}&path=/ueber/") == "reload"
        assert "Ein Satz, der erst beim Speichern dazukam." in get(f"{base}ueber/")
        time.sleep(1)  # time for a second, unwanted rebuild
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    log = (project / "serve.log").read_text()
    assert log.count("preview: site built") == 1, log
    assert log.count("preview: 1 pages and 0 other files built in") == 1, log


def with_search_plugin(project: Path) -> None:
    """Switch MkDocs' (Material's) search plugin on, whatever the project's search: its index is kept per page."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("enabled: false", "enabled: true")
    config.write_text(text if "plugins:" in text else text + "\nplugins:\n  - search\n", encoding="utf-8")


def test_an_update_gives_the_pages_and_search_index_of_a_full_build(project, tmp_path):
    with_search_plugin(project)
    docs = project / "dossier"
    preview = PreviewSite(project / "mkdocs.yml", tmp_path / "preview", "http://127.0.0.1:8000/")
    assert preview.build_all().kind == "full"
    before = tree_stamp(docs)
    page = docs / "ueber.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Neuer Abschnitt\n\nMit Text.\n", encoding="utf-8")
    request = changes(before, tree_stamp(docs))
    assert request == {"changed": ["ueber.md"], "removed": []}
    outcome = preview.update(request["changed"])
    assert (outcome.kind, outcome.pages, outcome.files) == ("pages", 1, 0)
    full = PreviewSite(project / "mkdocs.yml", tmp_path / "full", "http://127.0.0.1:8000/")
    full.build_all()
    index = json.loads((tmp_path / "preview" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index == json.loads((tmp_path / "full" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert len(locations) == len(set(locations))
    assert "ueber/#neuer-abschnitt" in locations
    for name in ("ueber/index.html", "index.html", "methode/index.html"):
        assert (tmp_path / "preview" / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name


def test_an_added_or_removed_page_builds_everything(project, tmp_path):
    preview = PreviewSite(project / "mkdocs.yml", tmp_path / "preview", "http://127.0.0.1:8000/")
    preview.build_all()
    (project / "dossier" / "neu.md").write_text("# Neu\n", encoding="utf-8")
    assert preview.update(["neu.md", ".dossier-generated"]).kind == "full"
    assert preview.update([".dossier-cache.json"]).kind == "pages"  # files MkDocs leaves out change nothing
    assert preview.update([], ["neu.md"]).kind == "full"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("127.0.0.1:8000", ("127.0.0.1", 8000)), ("localhost:1", ("localhost", 1)), ("[::1]:8080", ("::1", 8080))],
)
def test_dev_addr_is_host_and_port(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["8000", "127.0.0.1", "127.0.0.1:http", "127.0.0.1:0", "127.0.0.1:70000", ":80"])
def test_a_dev_addr_without_host_and_port_is_a_usage_error(text):
    with pytest.raises(UsageError, match="is not HOST:PORT"):
        parse_address(text)


def test_urls_name_files_inside_the_site_only():
    assert site_path("/") == "index.html"
    assert site_path("/artikel/x/") == "artikel/x/index.html"
    assert site_path("/assets/dossier.css") == "assets/dossier.css"
    assert site_path("/../../etc/passwd") == "etc/passwd"
    assert site_path("/a/%2e%2e/%2e%2e/b/") == "b/index.html"


def test_the_reload_script_goes_before_the_closing_body_tag():
    page = with_script(b"<html><body><p>x</p></body></html>", 7)
    assert page.startswith(b"<html><body><p>x</p><script>") and page.endswith(b"</script></body></html>")
    assert b"since = 7;" in page


def test_the_preview_is_indexed_for_search_like_a_build(project, tmp_path):
    preview = PreviewSite(project / "mkdocs.yml", tmp_path / "preview", "http://127.0.0.1:8000/")
    preview.build_all()
    bundle = tmp_path / "preview" / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (tmp_path / "preview" / "assets" / "search.js").is_file()
    stamp = (bundle / "pagefind-entry.json").stat().st_mtime_ns
    page = project / "dossier" / "ueber.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEin neuer Satz.\n", encoding="utf-8")
    preview.update(["ueber.md"])
    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns > stamp  # indexed again after the update
