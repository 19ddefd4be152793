"""Run MkDocs: build into a staging folder swapped in atomically, under the project lock; serve for previews."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from generator.problems import DossierError, UsageError
from generator.site.lock import project_lock
from generator.site.search import index_site


def mkdocs_command(root: Path, *args: str) -> list[str]:
    """Return the command line running MkDocs on the project's mkdocs.yml.

    `-P` keeps the project folder off Python's import path: a `mkdocs/` folder committed there
    must not replace MkDocs.
    """
    return [sys.executable, "-P", "-m", "mkdocs", *args, "--config-file", str(root / "mkdocs.yml")]


def mkdocs_env() -> dict[str, str]:
    """Return the environment for MkDocs, without Material's end-of-life banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(root: Path) -> None:
    """Run `mkdocs build --strict` into a staging folder and swap it in as `site/` only on success.

    A failed or killed build leaves the previous `site/` complete; leftovers of a killed build are
    cleaned up (or, if it died between two renames, the previous site is restored) by the next one.
    """
    with project_lock(root):
        refuse_links(root)
        recover_site(root)
        run_mkdocs_build(root, after=index_site)  # search: Pagefind indexes the staging folder (site/search.py)


def run_mkdocs_build(root: Path, after: Callable[[Path], None] | None = None) -> None:
    """Build into a staging folder, run `after` on it (the search index), and swap it in; the caller holds the lock."""
    site = root / "site"
    staging = root / f"{STAGING_PREFIX}{os.getpid()}.tmp"
    # Not --quiet: MkDocs 1.6 then drops warnings before --strict counts them, and never fails.
    command = mkdocs_command(root, "build", "--strict", "--site-dir", str(staging))
    try:
        result = subprocess.run(command, cwd=root, env=mkdocs_env(), check=False, capture_output=True, text=True)
        sys.stderr.writelines(line + "\n" for line in result.stderr.splitlines() if not line.startswith("INFO"))
        if result.returncode != 0:
            raise SiteBuildError(f"mkdocs build failed with exit status {result.returncode}; site/ was left as it was")
        if after is not None:
            after(staging)
        swap_in(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


STAGING_PREFIX = ".site."


def swap_in(staging: Path, site: Path) -> None:
    """Make `staging` the new `site/` in one atomic step; the old site ends up in `staging`."""
    if not site.exists():
        staging.rename(site)
    elif not exchange(staging, site):
        previous = site.with_name(f"{STAGING_PREFIX}{os.getpid()}.old")
        site.rename(previous)  # recover_site() restores it if we die before the next line
        staging.rename(site)
        previous.rename(staging)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    status: int = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return status == 0


def refuse_links(root: Path) -> None:
    """Refuse a `site/` or staging name that is a link: renaming or deleting through it reaches outside."""
    for path in [root / "site", *sorted(root.glob(f"{STAGING_PREFIX}*"))]:
        if path.is_symlink():
            raise SiteBuildError(f"{path} is a symbolic link; delete it, the build writes a real folder")


def recover_site(root: Path) -> None:
    """Undo what a killed build left behind: restore a moved-away site, delete staging folders."""
    site = root / "site"
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*.old")):
        if not site.exists():
            leftover.rename(site)
        else:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in sorted(root.glob(f"{STAGING_PREFIX}*.tmp")):
        shutil.rmtree(leftover, ignore_errors=True)


class SiteBuildError(DossierError):
    """Raised when MkDocs fails; the previous site is kept."""


class ServeError(DossierError):
    """Raised when the preview cannot start (a busy port) or its process ends on its own."""


class Stopped(BaseException):
    """Raised in `dossier serve` by SIGTERM or SIGINT (not an Exception: nothing may catch it by mistake)."""


POLL_SECONDS = 0.2  # how often content/ is looked at (less often when looking takes long)
SETTLE_SECONDS = 0.05  # a change is acted on once content/ has been still this long (an editor writes in steps)


Regenerate = Callable[[Callable[[], None]], None]  # regenerate(early): early() once the first pages are written


def serve(root: Path, dev_addr: str, generate: Callable[[], None], regenerate: Regenerate) -> None:
    """Preview the site at `dev_addr`, regenerating when content/ changes and rebuilding only the pages that did.

    The socket is bound first (a busy port is reported before any work), `generate` writes
    dossier/ (its errors end the command; `regenerate`, called after each change, reports them),
    and a preview process (`preview_server.py`) builds and serves the site; after each change it
    gets the files `regenerate` changed, once it has finished: one rebuild per save, except that
    the pages `regenerate` writes ahead of the others (the edited article's, when it calls
    `early`) are sent at once, and the rest when it has finished. SIGTERM and
    SIGINT end both processes; the preview process also ends when this one dies, as its input closes.
    """
    host, port = parse_address(dev_addr)
    stop = stopper(os.getpid())
    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    preview = None
    try:
        with listen(host, port, dev_addr) as listening:
            seen = stamps(root)  # before generating: a change from now on is acted on
            generate()
            url = f"http://{f'[{host}]' if ':' in host else host}:{port}/"
            with blocked_signals():  # a stop now would lose the child: it comes once `preview` is set
                preview = start_preview(root, listening, url)
        print(f"serving the preview at {url}; it is built now, then updated when content/ changes", flush=True)
        watch(root, preview, regenerate, seen)
    except Stopped:
        pass
    finally:
        for number in previous:
            signal.signal(number, signal.SIG_IGN)
        if preview is not None:
            end_process(preview)
        for number, handler in previous.items():
            signal.signal(number, handler)


def stopper(pid: int) -> Callable[[int, FrameType | None], None]:
    """Return the handler that turns SIGTERM or SIGINT into Stopped in process `pid`, so the preview is ended too.

    `dossier generate` forks workers, which inherit the handler: there the signal does what it does
    by default (Pool.terminate() ends them with SIGTERM; an exception there can hang the pool).
    """

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != pid:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise Stopped

    return stop


@contextlib.contextmanager
def blocked_signals() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back while in the block (the child unblocks them for itself)."""
    signals = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)


def parse_address(text: str) -> tuple[str, int]:
    """Split HOST:PORT (an IPv6 host in brackets); raise UsageError for anything else."""
    host, _, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--dev-addr {text!r} is not HOST:PORT, such as 127.0.0.1:8000")
    return host, int(port)


def listen(host: str, port: int, shown: str) -> socket.socket:
    """Return a socket listening on host:port; raise ServeError saying what to do if it cannot."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"cannot serve on {shown}: {host} is not a known host name or address ({exc})") from exc
    listening = socket.socket(family, kind)
    try:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(64)
    except OSError as exc:
        listening.close()
        raise ServeError(f"cannot serve on {shown}: {busy_reason(exc, port)}") from exc
    return listening


def busy_reason(exc: OSError, port: int) -> str:
    """Say why a socket could not be bound, and what to do about it."""
    other = f"choose another port with --dev-addr, such as 127.0.0.1:{port + 1 if port < 65535 else 8000}"
    if exc.errno == errno.EADDRINUSE:
        return f"the port is in use (another `dossier serve`?); stop that program or {other}"
    if exc.errno == errno.EACCES:
        return f"no permission to use port {port}; {other}"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "the address is not one of this machine's; use 127.0.0.1"
    return f"{exc.strerror or exc}; {other}"


def start_preview(root: Path, listening: socket.socket, url: str) -> subprocess.Popen[str]:
    """Start the preview process on the listening socket; it builds the whole site first."""
    package_parent = str(Path(__file__).resolve().parent.parent.parent)
    path = os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))
    command = [sys.executable, "-P", "-m", "generator.site.preview_server"]
    command += ["--root", str(root), "--fd", str(listening.fileno()), "--url", url]
    return subprocess.Popen(
        command,
        cwd=root,
        env={**mkdocs_env(), "PYTHONPATH": path},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        pass_fds=(listening.fileno(),),
        text=True,
    )


def watch(root: Path, preview: subprocess.Popen[str], regenerate: Regenerate, seen: tuple[Stamp, Stamp]) -> None:
    """Regenerate after each change to content/ or mkdocs.yml since `seen`; have the preview rebuild what changed."""
    answered(preview)
    pause = POLL_SECONDS
    while True:
        time.sleep(pause)
        if preview.poll() is not None:
            raise ServeError(f"the preview process ended with exit status {preview.returncode}; see the messages above")
        started = time.perf_counter()
        now = stamps(root)
        pause = max(POLL_SECONDS, 3 * (time.perf_counter() - started))  # looking takes at most a quarter of a CPU
        if now == seen:
            continue
        while (settled := stamps(root)) != now:  # wait until the editor has written everything
            now = settled
            time.sleep(SETTLE_SECONDS)
        update_preview(root, preview, regenerate, full=now[1] != seen[1])
        seen = now


def update_preview(root: Path, preview: subprocess.Popen[str], regenerate: Regenerate, full: bool) -> None:
    """Regenerate, sending the preview the files written early at once (more to come), then the rest."""
    before = tree_stamp(root / "dossier")
    sent = 0

    def early() -> None:
        nonlocal before, sent
        after = tree_stamp(root / "dossier")
        request = changes(before, after)
        if any(request.values()) and not full:
            send(preview, {**request, "more": True})
            before, sent = after, sent + 1

    regenerate(early)
    request = changes(before, tree_stamp(root / "dossier"))
    if full:
        request["full"] = True
    if any(request.values()) or sent:  # after an early request the preview indexes only on the last one
        send(preview, request)
        sent += 1
    for _ in range(sent):
        answered(preview)


def send(preview: subprocess.Popen[str], request: dict[str, Any]) -> None:
    """Send the preview one request: the files changed and removed in dossier/."""
    assert preview.stdin is not None
    preview.stdin.write(json.dumps(request) + "\n")
    preview.stdin.flush()


Stamp = dict[str, tuple[int, int, int]]


def stamps(root: Path) -> tuple[Stamp, Stamp]:
    """Return the stamps of content/ and of mkdocs.yml: what, when changed, needs a rebuild."""
    return tree_stamp(root / "content"), tree_stamp(root, "mkdocs.yml")


def tree_stamp(folder: Path, only: str | None = None) -> Stamp:
    """Return (inode, size, mtime) of every file below `folder` (or of `only` in it), following no link."""
    found: Stamp = {}
    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            entries = list(os.scandir(folder / prefix if prefix else folder))
        except OSError:  # gone, or not a folder: nothing to stamp
            continue
        for entry in entries:
            if only is not None and entry.name != only:
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:  # removed while we looked (an editor's swap file)
                continue
            name = f"{prefix}{entry.name}"
            if only is None and entry.is_dir(follow_symlinks=False):
                pending.append(f"{name}/")  # a folder's own times change with every file written in it
            else:
                found[name] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def changes(before: Stamp, after: Stamp) -> dict[str, Any]:
    """Return the files written and removed between two stamps of dossier/, as the preview wants them."""
    changed = sorted(name for name, stamp in after.items() if before.get(name) != stamp)
    return {"changed": changed, "removed": sorted(set(before) - set(after))}


def answered(preview: subprocess.Popen[str]) -> None:
    """Wait until the preview process has finished its build; raise ServeError if it ended instead."""
    assert preview.stdout is not None
    if not preview.stdout.readline():
        preview.wait()
        raise ServeError(f"the preview process ended with exit status {preview.returncode}; see the messages above")


def end_process(process: subprocess.Popen[str]) -> None:
    """Ask a child process to stop (SIGTERM), and kill it if it has not within 5 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
