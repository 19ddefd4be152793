"""One build at a time per project: an advisory lock on `.site.lock` in the project folder."""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".site.lock"


@contextmanager
def project_lock(root: Path) -> Iterator[None]:
    """Hold the project's lock; wait, saying so once, while another build or generate holds it.

    The kernel releases the lock when its holder exits, however it ends, so a killed build never
    leaves it taken. The file is opened without following a link at its name.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(root / LOCK_NAME, flags, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("waiting for another dossier build in this project to finish …", file=sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
