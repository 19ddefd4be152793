"""Stamp files without reading them: inode, size, and modification and change times, to tell what changed.

A stamp equal to the one recorded earlier means the file was not written since, with one exception
git also knows ("racily clean" files): a file written again within the file system's clock tick
after it was stamped keeps its stamp. So a stamp is trusted only when the file's change time lies
at least RACY_NS before a reference time (the system clock, read before the file was stamped); a
younger one is read again the next time. A file system that keeps whole seconds (or two, FAT)
shows it in the stamp itself, and then the margin is COARSE_RACY_NS.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

Stamp = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns
RACY_NS = 100_000_000  # file systems with nanosecond times advance their clock at least every 10 ms
COARSE_RACY_NS = 2_000_000_000  # file systems with whole seconds (or two, FAT)


def file_stamps(root: Path, folder: str) -> dict[str, Stamp] | None:
    """Return the stamp of every regular file below `root/folder`, by root-relative name, following no link.

    None when the folder holds anything but regular files and folders (links, pipes, devices):
    the caller then reads everything the slow way, which reports them.
    """
    found: dict[str, Stamp] = {}
    pending = [folder]
    while pending:
        name = pending.pop()
        try:
            entries = list(os.scandir(root / name))
        except FileNotFoundError:
            continue  # removed while we looked, or never there: the loaders say what is missing
        except OSError:
            return None
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError:
                continue
            child = f"{name}/{entry.name}"
            if stat.S_ISDIR(info.st_mode):
                pending.append(child)
            elif stat.S_ISREG(info.st_mode):
                found[child] = stamp_of(info)
            else:
                return None
    return found


def stamp_of(info: os.stat_result) -> Stamp:
    """Return the stamp of a file from its stat result."""
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def trusted(stamp: Stamp, reference_ns: int) -> bool:
    """Tell whether a stamp taken after `reference_ns` (the system clock) identifies its file's bytes."""
    coarse = stamp[2] % 1_000_000_000 == 0 and stamp[3] % 1_000_000_000 == 0  # times in whole seconds
    racy = COARSE_RACY_NS if coarse else RACY_NS
    return stamp[3] < reference_ns - racy and stamp[2] < reference_ns - racy
