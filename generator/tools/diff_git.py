"""Read `content/` as of a git ref into a folder: only regular files and folders, never a link.

The base of a review may hold anything a commit can: symbolic links (absolute or leading out of
the repository) most of all. Nothing but folders and regular files is written, each file created
anew without following a link, and only below the destination; every other member becomes a
problem of the base, without its target ever being read.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path

from generator.content.files import NOT_ALLOWED
from generator.problems import Problem, UsageError, printable

MEMBER_KINDS = {
    tarfile.SYMTYPE: "a symbolic link",
    tarfile.LNKTYPE: "a hard link",
    tarfile.CHRTYPE: "a character device",
    tarfile.BLKTYPE: "a block device",
    tarfile.FIFOTYPE: "a named pipe (FIFO)",
}
WRITE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class GitError(UsageError):
    """The base ref cannot be read from git."""


def export_content(root: Path, ref: str, dest: Path) -> list[Problem]:
    """Extract `content/` as of `ref` into `dest` (an empty content/ if the ref has none); return what was refused."""
    commit = resolve_commit(root, ref)
    (dest / "content").mkdir()
    if not git(root, "ls-tree", "--name-only", commit, "content").strip():
        return []
    return extract(git(root, "archive", "--format=tar", commit, "content"), dest)


def resolve_commit(root: Path, ref: str) -> str:
    """Return the commit that `ref` names; raise GitError saying why it names none."""
    shown = printable(ref)
    if not ref:
        raise GitError("BASE_REF is empty: name a commit, branch or tag, e.g. origin/main")
    if ref.startswith("-"):  # so that git cannot take it for an option
        raise GitError(f"'{shown}' is not a git ref: BASE_REF may not start with '-'")
    if ":" in ref:
        raise GitError(f"'{shown}' is not a commit: a ':' names a file or folder; BASE_REF must name a commit")
    found = git_output(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found:
        return found
    if git_output(root, "rev-parse", "--git-dir") is None:
        raise GitError(f"{root} is not in a git repository")
    peeled = git_output(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{}}")
    kind = git_output(root, "cat-file", "-t", peeled) if peeled else None
    if kind:
        raise GitError(f"'{shown}' names a {kind}, not a commit: BASE_REF must name a commit, branch or tag")
    raise GitError(f"'{shown}' is not a commit of the git repository at {root}")


# Files that run as code when a maintainer builds or tests the project.
CODE = ("mkdocs.yml", "pyproject.toml", "generator/", "tests/", ".ci/", ".github/", ".pre-commit-config.yaml")
OUTSIDE_CONTENT = (".", ":(exclude)content")


def changed_outside_content(root: Path, ref: str) -> list[tuple[str, str]]:
    """Return (added/changed/removed, path) for every file outside content/ that differs from `ref`.

    Tracked files are compared with the working tree; untracked ones (not ignored) count as added.
    """
    commit = resolve_commit(root, ref)
    words = {"A": "added", "D": "removed"}
    found = []
    listing = git(root, "diff", "--name-status", "--no-renames", "-z", commit, "--", *OUTSIDE_CONTENT)
    fields = listing.decode("utf-8", "replace").split("\0")
    for status, path in zip(fields[0::2], fields[1::2], strict=False):
        found.append((words.get(status[:1], "changed"), path))
    untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *OUTSIDE_CONTENT)
    found += [("added", path) for path in untracked.decode("utf-8", "replace").split("\0") if path]
    return sorted(found, key=lambda item: item[1])


def runs_as_code(path: str) -> bool:
    """Tell whether a changed file outside content/ is code a build or test run executes."""
    return path in CODE or path.endswith(".py") or path.startswith(tuple(c for c in CODE if c.endswith("/")))


def git(root: Path, *args: str) -> bytes:
    """Run git in `root` and return its output; raise GitError if it cannot run or fails."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {printable(message[-1] if message else str(done.returncode))}")
    return done.stdout


def git_output(root: Path, *args: str) -> str | None:
    """Return git's output as one stripped line, or None if git fails."""
    try:
        return git(root, *args).decode("utf-8", "replace").strip() or None
    except GitError:
        return None


def extract(archive: bytes, dest: Path) -> list[Problem]:
    """Write the archive's folders and regular files below `dest`; return a problem for every other member."""
    problems = []
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
            for member in tar:
                problem = extract_member(tar, member, dest)
                if problem:
                    problems.append(problem)
    except tarfile.TarError as exc:
        raise GitError(f"git archive wrote an archive that cannot be read: {exc}") from exc
    return sorted(problems)


def extract_member(tar: tarfile.TarFile, member: tarfile.TarInfo, dest: Path) -> Problem | None:
    """Create one folder or regular file below `dest`, or return why the member is refused."""
    path = member_path(member.name)
    if path is None:
        return Problem(printable(member.name), 1, 1, "a path outside content/ is not allowed in an export of content/")
    if path == "content" and member.isreg():
        return Problem(path, 1, 1, "content/ is not a folder")
    if not (member.isdir() or member.isreg()):
        return Problem(printable(path), 1, 1, f"{MEMBER_KINDS.get(member.type, 'a special file')} {NOT_ALLOWED}")
    try:
        if member.isdir():
            (dest / path).mkdir(parents=True, exist_ok=True)  # below a fresh folder holding no links
            return None
        source = tar.extractfile(member)
        data = source.read() if source else b""
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(dest / path, WRITE_NEW, 0o644)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
    except OSError as exc:
        return Problem(printable(path), 1, 1, f"cannot be extracted: {exc.strerror}")
    return None


def member_path(name: str) -> str | None:
    """Return an archive member's name if it is a plain relative path within content/, else None."""
    parts = name.removesuffix("/").split("/")
    if parts[0] != "content" or any(part in ("", ".", "..") or "\0" in part for part in parts):
        return None
    return "/".join(parts)
