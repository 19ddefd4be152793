"""The preview process of `dossier serve`: serve the preview site over HTTP and reload each page when it changes.

`dossier serve` (engine.py) binds the socket, runs `dossier generate`, and starts this module as a
child process with the socket. Here `PreviewSite` builds the site into a temporary folder, and a
small HTTP server serves it on that socket to the browsers on this machine, with a script injected
into every HTML page that waits for that page to be rewritten (a long poll on `/.dossier-preview/`)
and then reloads it. Each request on standard input (one JSON line: the files `dossier generate`
changed and removed in dossier/, and whether more are coming) is answered, once the pages are
rebuilt, with one line on standard output; the search index is written after that, unless more
pages are coming. The process ends when its input closes (its parent ended, however) or on SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import posixpath
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from types import FrameType
from typing import Any

from generator.site.lock import project_lock
from generator.site.preview import Outcome, PreviewSite, quiet_mkdocs_logging

WAIT_PATH = "/.dossier-preview/wait"
WAIT_SECONDS = 25  # a long poll is answered after at most this long, changed or not
SCRIPT = """<script>(function () {
  var path = location.pathname, since = %d;
  function wait() {
    fetch("%s?since=" + since + "&path=" + encodeURIComponent(path), {cache: "no-store"})
      .then(function (response) { return response.text(); })
      .then(function (answer) { if (answer === "reload") { location.reload(); } else { wait(); } })
      .catch(function () { setTimeout(wait, 1000); });
  }
  wait();
})();</script>"""
SITE_WIDE = (".css", ".js")  # a change to one of these reloads every page


class Versions:
    """A counter of writes, the write that last changed each file, and the browsers waiting for one."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.now = 0
        self.everything = 0  # the write after which every page is new (a full build, a style sheet)
        self.files: dict[str, int] = {}
        self.ready = threading.Event()  # cleared while a full build empties and refills the folder
        self.first: float | None = None  # when the current update wrote its first page (perf_counter)

    def touch(self, path: str) -> None:
        """Record that the file at `path` (relative to the site folder) was written."""
        if self.first is None and path.endswith(".html"):
            self.first = time.perf_counter()
        with self.changed:
            self.now += 1
            if path.endswith(SITE_WIDE):
                self.everything = self.now
            self.files[path] = self.now
            self.changed.notify_all()

    def touch_all(self) -> None:
        """Record that every file was written."""
        with self.changed:
            self.now += 1
            self.everything = self.now
            self.changed.notify_all()

    def of(self, path: str) -> int:
        """Return the write that last changed the file at `path`."""
        return max(self.everything, self.files.get(path, 0))

    def wait(self, path: str, since: int) -> bool:
        """Wait until the file at `path` changes after write `since`, at most WAIT_SECONDS; tell whether it did."""
        with self.changed:
            return self.changed.wait_for(lambda: self.of(path) > since, timeout=WAIT_SECONDS)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the preview folder; answer the pages' long polls; add the reload script to HTML pages."""

    server: PreviewServer

    def do_GET(self) -> None:
        """Answer one GET request."""
        url = urllib.parse.urlsplit(self.path)
        if url.path == WAIT_PATH:
            query = urllib.parse.parse_qs(url.query)
            path, since = site_path(query.get("path", ["/"])[0]), int(query.get("since", ["0"])[0] or 0)
            self.reply(b"reload" if self.server.versions.wait(path, since) else b"wait", "text/plain")
            return
        self.server.versions.ready.wait()
        path = site_path(url.path)
        file = Path(self.directory) / path
        if path.endswith(".html") and file.is_file():
            with self.server.versions.changed:
                version = self.server.versions.now
            self.reply(with_script(file.read_bytes(), version), "text/html; charset=utf-8")
        elif not url.path.endswith("/") and (file / "index.html").is_file():
            self.send_response(302)
            self.send_header("Location", url.path + "/")
            self.end_headers()
        elif file.is_file():
            super().do_GET()
        else:
            missing = Path(self.directory) / "404.html"
            self.reply(missing.read_bytes() if missing.is_file() else b"Not found", "text/html; charset=utf-8", 404)

    def reply(self, body: bytes, content_type: str, status: int = 200) -> None:
        """Send a whole response that no browser keeps in its cache."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing: every request would be a line."""


def site_path(url_path: str) -> str:
    """Return the file a URL path names, relative to the site folder (never outside it)."""
    path = posixpath.normpath("/" + urllib.parse.unquote(url_path)).lstrip("/")
    return f"{path}/index.html".lstrip("/") if url_path.endswith("/") or not path else path


def with_script(page: bytes, version: int) -> bytes:
    """Return an HTML page with the reload script before its closing body tag."""
    script = (SCRIPT % (version, WAIT_PATH)).encode()
    end = page.rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


class PreviewServer(http.server.ThreadingHTTPServer):
    """An HTTP server on a socket bound by the parent, serving the preview folder."""

    daemon_threads = True

    def __init__(self, listening: socket.socket, folder: Path, versions: Versions) -> None:
        super().__init__(listening.getsockname()[:2], functools.partial(Handler, directory=str(folder)), False)
        self.socket.close()
        self.socket = listening
        self.versions = versions


class Stop(BaseException):
    """Raised in the main thread by SIGTERM or SIGINT (not an Exception: nothing may catch it by mistake)."""


def stop(signum: int, frame: FrameType | None) -> None:
    """Turn a stop signal into Stop, so that the preview folder is removed."""
    raise Stop


def main(argv: list[str] | None = None) -> int:
    """Run the preview process until its input closes or it is told to stop."""
    parser = argparse.ArgumentParser(prog="python -m generator.site.preview_server")
    parser.add_argument("--root", required=True)
    parser.add_argument("--fd", type=int, required=True, help="the listening socket, inherited")
    parser.add_argument("--url", required=True, help="the address the site is served at")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})  # blocked while we were started
    quiet_mkdocs_logging()
    folder = Path(tempfile.mkdtemp(prefix="dossier-preview-"))
    versions = Versions()
    server = PreviewServer(socket.socket(fileno=args.fd), folder, versions)
    try:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        site = PreviewSite(Path(args.root) / "mkdocs.yml", folder, args.url, versions.touch)
        answer_requests(Path(args.root), site, versions)
    except Stop:
        pass
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def answer_requests(root: Path, site: PreviewSite, versions: Versions) -> None:
    """Build everything, then update the site for each request on standard input, answering each."""
    request: dict[str, Any] = {"full": True}
    while True:
        versions.first = None
        started = time.perf_counter()
        outcome = update(root, site, versions, request)
        if outcome is not None and outcome.kind == "pages":
            first = f" (the first after {versions.first - started:.2f} s)" if versions.first is not None else ""
            shown = f"{outcome.pages} pages and {outcome.files} other files built in {outcome.seconds:.2f} s{first}"
            print(f"preview: {shown}", file=sys.stderr, flush=True)
        elif outcome is not None:
            print(f"preview: site built in {outcome.seconds:.1f} s", file=sys.stderr, flush=True)
        print("done", flush=True)
        if not request.get("more"):
            site.index_pending()  # after answering, outside the lock: the next save need not wait for Pagefind
        line = sys.stdin.readline()
        if not line:
            return
        request = json.loads(line)


def update(root: Path, site: PreviewSite, versions: Versions, request: dict[str, Any]) -> Outcome | None:
    """Carry out one request under the project lock; report a failed build and keep serving."""
    try:
        with project_lock(root):
            if request.get("full") or site.built is None:
                versions.ready.clear()
                try:
                    return site.build_all()
                finally:
                    versions.ready.set()
                    versions.touch_all()
            return site.update(request.get("changed", []), request.get("removed", []), index=False)
    except Exception as exc:  # MkDocs' errors have no common base; the preview goes on, and builds all next time
        print(f"preview: the site could not be built: {exc}", file=sys.stderr, flush=True)
        return None


if __name__ == "__main__":
    sys.exit(main())
