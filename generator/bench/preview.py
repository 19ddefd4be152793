"""The preview figure of `dossier bench`: seconds from saving one article's YAML to its changed page being served.

`dossier serve` runs as a child process on a free port of 127.0.0.1. Once it serves the article's
page (the first build: `preview_start_seconds`), the article's title is changed in its YAML, as an
editor would, and the page is fetched every 20 ms until it shows the new title
(`preview_seconds`: change detection, `dossier generate`, the preview's partial rebuild). The
preview's own log gives how much of it was the rebuild up to that first page
(`preview_first_page_seconds`) and how long the whole partial rebuild took
(`preview_rebuild_seconds`). The server is then stopped with SIGTERM, as a test checks it must be.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.bench.corpus import ARTICLE_ID, dump
from generator.bench.measure import dossier

START_TIMEOUT = 1800.0  # seconds for the first build, at 10,000 articles too
CHANGE_TIMEOUT = 300.0
POLL = 0.02
MARKER = " (Vorschau)"
LOG = "serve.log"  # in the benchmark's project folder, beside content/


class PreviewFailed(Exception):
    """Raised when the preview does not serve the page, or not the change, in time."""


def measure_preview(project: Path, env: dict[str, str], result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Add `preview_start_seconds` and `preview_seconds` of `dossier serve` on the project to `result`."""
    article_id = ARTICLE_ID.format(result["articles"] // 2 + 1)  # not the article measure_rebuilds changed
    port = free_port()
    url = f"http://127.0.0.1:{port}/artikel/{article_id}/"
    log = project / LOG
    with log.open("wb") as output:  # the child writes into its own copy; read back by name
        command = dossier(project, "serve", "--dev-addr", f"127.0.0.1:{port}")
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        first = fetch_until(url, lambda page: True, START_TIMEOUT, process)
        result["preview_start_seconds"] = time.perf_counter() - started
        retitle(project, article_id)
        saved = time.perf_counter()
        fetch_until(url, lambda page: MARKER.strip() in page and page != first, CHANGE_TIMEOUT, process)
        result["preview_seconds"] = time.perf_counter() - saved
        result.update(rebuild_figures(log))
    except PreviewFailed as exc:
        said = log.read_bytes().decode("utf-8", "replace")[-4000:]
        raise PreviewFailed(f"{exc}; dossier serve said:\n{said}") from exc
    finally:
        stop(process)
    say(f"  preview: first build {result['preview_start_seconds']:.1f} s, one change {result['preview_seconds']:.2f} s")


REBUILT = re.compile(rb"preview: \d+ pages and \d+ other files built in ([0-9.]+) s(?: \(the first after ([0-9.]+) s)?")


def rebuild_figures(log: Path, timeout: float = 120) -> dict[str, float | None]:
    """Return the preview's own times for the change, from its log: the whole rebuild, and its first page.

    `preview_seconds` minus the first is what noticing the save and `dossier generate` took.
    """
    deadline = time.perf_counter() + timeout
    while not (found := REBUILT.findall(log.read_bytes())) and time.perf_counter() < deadline:
        time.sleep(POLL)
    rebuild, first = found[-1] if found else (b"", b"")
    return {
        "preview_rebuild_seconds": float(rebuild) if rebuild else None,
        "preview_first_page_seconds": float(first) if first else None,
    }


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def fetch_until(url: str, done: Callable[[str], bool], timeout: float, process: subprocess.Popen[bytes]) -> str:
    """Fetch the page until `done` says so; raise PreviewFailed after `timeout` s or if the server ended."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise PreviewFailed(f"dossier serve ended with exit status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                page: str = response.read().decode("utf-8")
            if done(page):
                return page
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(POLL)
    raise PreviewFailed(f"{url} did not show the change within {timeout:.0f} s")


def retitle(project: Path, article_id: str) -> str:
    """Change an article's title in its YAML as an editor would (written in place); return the new title."""
    meta = project / "content" / "articles" / f"{article_id}.yaml"
    schema_line, _, yaml_text = meta.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(yaml_text)
    data["title"] += MARKER
    meta.write_text(f"{schema_line}\n{dump(data)}", encoding="utf-8")
    return str(data["title"])


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop `dossier serve` with SIGTERM (killing it if it has not ended within 30 s)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def environment(package_parent: Path) -> dict[str, str]:
    """Return the environment `dossier serve` runs in: this package first on the import path."""
    path = os.pathsep.join(filter(None, [str(package_parent), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}
