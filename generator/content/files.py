"""Read `content/` without following links: only regular files inside real folders are content.

A pull request can commit symbolic links (git keeps them, relative or absolute) and a
checkout can hold FIFOs or device files. Following any of them would publish, print or hang on
a file outside the dossier, so the tree is scanned with `lstat` first and every other kind of
entry is an error; files are then opened with O_NOFOLLOW and checked to be regular again.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.problems import Problem

KINDS = {
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}
MAX_FILE_BYTES = 2_000_000  # of any one file under content/
NOT_ALLOWED = "is not allowed in content/: only regular files and folders are read"


class FileTooLarge(OSError):
    """Raised when a file is larger than the caller's limit."""


@dataclass
class Tree:
    """The regular files and real folders under a project's `content/`, and what was refused."""

    root: Path
    files: set[str] = field(default_factory=set)  # project-relative, with forward slashes
    folders: set[str] = field(default_factory=set)
    refused: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def is_file(self, path: Path) -> bool:
        """Tell whether `path` is a regular file of the tree."""
        return self.name(path) in self.files

    def is_folder(self, path: Path) -> bool:
        """Tell whether `path` is a real folder of the tree."""
        return self.name(path) in self.folders

    def is_refused(self, path: Path) -> bool:
        """Tell whether `path` was refused (and so already reported)."""
        return self.name(path) in self.refused

    def children(self, folder: Path) -> list[str]:
        """Return the names of the files, folders and refused entries directly in `folder`, sorted."""
        prefix = self.name(folder) + "/"
        found = {n[len(prefix) :] for n in (*self.files, *self.folders, *self.refused) if n.startswith(prefix)}
        return sorted(n for n in found if "/" not in n)

    def name(self, path: Path) -> str:
        """Return `path` relative to the project root, with forward slashes."""
        return path.relative_to(self.root).as_posix()


def scan(root: Path, folder: str = "content") -> Tree:
    """Walk `root/folder` without following links; refuse links and special files with a problem each."""
    tree = Tree(root)
    pending = [folder]
    while pending:
        name = pending.pop()
        try:
            mode = os.lstat(root / name).st_mode
        except OSError:
            continue  # removed while we looked, or `folder` does not exist: the loaders say what is missing
        if stat.S_ISDIR(mode):
            tree.folders.add(name)
            pending += [f"{name}/{entry}" for entry in sorted(list_folder(root / name), reverse=True)]
        elif stat.S_ISREG(mode):
            tree.files.add(name)
        else:
            tree.refused.add(name)
            tree.problems.append(Problem(name, 1, 1, f"{describe_mode(mode)} {NOT_ALLOWED}"))
    return tree


def list_folder(path: Path) -> list[str]:
    """Return the entry names of a folder, or none if it cannot be listed."""
    try:
        return os.listdir(path)
    except OSError:
        return []


def describe_mode(mode: int) -> str:
    """Name the kind of a file system entry in words."""
    return KINDS.get(stat.S_IFMT(mode), "a special file")


def read_regular(path: Path | str, limit: int) -> bytes:
    """Read a regular file without following a link at its name; raise FileTooLarge past `limit` bytes.

    O_NONBLOCK keeps a FIFO that replaced the file since the scan from blocking the open.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:  # plain os calls: a no-op `dossier generate` reads every file of content/ this way
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, f"{describe_mode(info.st_mode)} {NOT_ALLOWED}", str(path))
        if info.st_size > limit:
            raise FileTooLarge(0, f"file is larger than {limit:,} bytes", str(path))
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(descriptor, max(info.st_size, 1 << 16))):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:  # grew since fstat
        raise FileTooLarge(0, f"file is larger than {limit:,} bytes", str(path))
    return data
