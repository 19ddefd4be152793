"""The child processes of `dossier bench`: running them (`run`), the commands it runs, and their peak memory.

Peak memory of each child comes from two measures, and the report takes the larger:

- `os.wait4` returns the kernel's exact peak resident set of the process it reaps (and of its
  own reaped children), per stage; `resource.getrusage(RUSAGE_CHILDREN)` would only give the
  maximum over all children so far, and polling alone (psutil, a dependency) can miss peaks.
- The generator forks workers for large dossiers, and a peak resident set ignores all processes
  but the largest, so `TreeMemory` also samples the summed proportional set size of the process
  tree (Linux), which counts each shared page once.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ZENSICAL_CONFIG = "zensical-bench.yml"
PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent  # on the children's PYTHONPATH


class BenchError(Exception):
    """Raised when a step of the benchmark fails (a build error, not a slow build)."""


@dataclass
class Measured:
    """One child process: its wall-clock and CPU time, peak memory and output."""

    seconds: float
    peak_rss_mb: float  # the largest resident set of any one process of the tree (exact, from the kernel)
    peak_pss_mb: float | None  # the largest sum over the tree of proportional set sizes (sampled; Linux)
    stdout: str
    stderr: str
    cpu_seconds: float = 0.0  # user plus system time of the process and its children (less sensitive to load)

    @property
    def peak_mb(self) -> float:
        """Peak memory: the larger of the two measures (they differ when the generator forks workers)."""
        return max(self.peak_rss_mb, self.peak_pss_mb or 0.0)


class TreeMemory(threading.Thread):
    """Sample the summed proportional set size (PSS) of a process and its descendants, every 50 ms.

    `os.wait4` gives the exact peak resident set of the largest single process, but the generator
    forks workers for large dossiers: they share most pages with their parent, so adding their
    resident sets would count shared pages twice, and taking the largest ignores the rest. PSS
    splits each shared page among the processes sharing it, so its sum over the tree is the
    memory the tree uses. Linux only (/proc/PID/smaps_rollup); a short peak between two samples
    can be missed, which is why the report takes the larger of both measures.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.available = Path(f"/proc/{pid}/smaps_rollup").exists()
        self.done = threading.Event()

    @property
    def peak_mb(self) -> float | None:
        """Return the largest summed PSS sampled, in MB (None where it cannot be sampled)."""
        return self.peak_kb / 1024 if self.available else None

    def run(self) -> None:
        """Sample the tree's PSS until stopped."""
        while self.available and not self.done.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(pss_kb(pid) for pid in descendants(self.pid)))

    def stop(self) -> None:
        """Stop sampling and wait for the last sample."""
        self.done.set()
        self.join()


def descendants(pid: int) -> list[int]:
    """Return the pid and those of all its descendants (Linux)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        with contextlib.suppress(OSError):
            queue += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
    return found


def pss_kb(pid: int) -> int:
    """Return a process's proportional set size in kB, or 0 if it has ended."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run(command: Sequence[str], cwd: Path, what: str) -> Measured:
    """Run a command to completion and measure it; raise BenchError if it fails."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_PARENT), os.environ.get("PYTHONPATH")])),
        "NO_MKDOCS_2_WARNING": "1",
    }
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=out, stderr=err)
        sampler = TreeMemory(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise BenchError(f"{what} failed with exit status {process.returncode}:\n{stderr[-4000:]}")
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak_rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Measured(seconds, peak_rss_mb, sampler.peak_mb, stdout, stderr, usage.ru_utime + usage.ru_stime)


def dossier(project: Path, *args: str) -> list[str]:
    """Return the command running `dossier ARGS` on a project with this interpreter."""
    return [sys.executable, "-m", "generator", "--root", str(project), *args]


def mkdocs(config: Path, site: Path) -> list[str]:
    """Return the command building a MkDocs configuration into `site`, failing on any warning."""
    # Not --quiet: MkDocs 1.6 then drops warnings before --strict counts them, and never fails.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]


def zensical_available() -> bool:
    """Tell whether Zensical (optional) is installed."""
    try:
        import zensical  # noqa: F401
    except ImportError:
        return False
    return True


def zensical(project: Path, site_dir: str) -> list[str]:
    """Return the command building `project` with Zensical into `project/site_dir`.

    Zensical reads mkdocs.yml but has no --site-dir option and wants site_dir inside the project,
    so a small configuration beside mkdocs.yml inherits it and sets site_dir.
    """
    (project / ZENSICAL_CONFIG).write_text(f"INHERIT: mkdocs.yml\nsite_dir: {site_dir}\n", encoding="utf-8")
    return [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(project / ZENSICAL_CONFIG)]
