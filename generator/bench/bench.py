"""`dossier bench`: build synthetic dossiers of N articles and measure every stage against its floor.

For each size the benchmark writes a synthetic content tree (`corpus.py`) into a temporary project
with the project's own `mkdocs.yml` and hand-written pages, and runs, each as a child process:

- `dossier check` and `dossier generate` (cold, into an empty `dossier/`);
- `dossier generate` again with nothing changed (the no-op), and after changing one article (its
  title and its last paragraph), counting the files each run rewrote;
- `mkdocs build --strict` and `zensical build` of the generated pages;
- the floor: `mkdocs build` (and `zensical build`) of a project with the same `mkdocs.yml` and the
  same page paths, each page replaced by plain Markdown of the same size (seed text, one table,
  five links), and the generator's own read/write floor (reading every input file and writing
  every output page through `write.py`, in this process, without any other work).

Peak memory of each child comes from two measures, and the report takes the larger:

- `os.wait4` returns the kernel's exact peak resident set of the process it reaps (and of its
  own reaped children), per stage; `resource.getrusage(RUSAGE_CHILDREN)` would only give the
  maximum over all children so far, and polling alone (psutil, a dependency) can miss peaks.
- The generator forks workers for large dossiers, and a peak resident set ignores all processes
  but the largest, so `TreeMemory` also samples the summed proportional set size of the process
  tree (Linux), which counts each shared page once.

Times are wall-clock seconds on the machine the benchmark runs on; nothing here asserts a time,
but for `dossier bench --hostile`: it times `dossier check` (in this process) on an article of the
inputs that once took quadratic time (`hostile_text`) and on one of plain prose of the same size,
and fails if the first takes HOSTILE_RATIO_LIMIT times as long as the second or more.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.bench.corpus import ARTICLE_ID, SCHEMA_LINE, dump, make_corpus, seed_texts
from generator.pipeline import check
from generator.problems import ContentError
from generator.site.write import CACHE, write_pages

DEFAULT_SIZES = (100, 1000)
GENERATOR_ONLY_SIZES = (10000,)
PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent
ZENSICAL_CONFIG = "zensical-bench.yml"
FLOOR_LINKS = ("index.md", "artikel/index.md", "themen/index.md", "personen/index.md", "orte/index.md")
# The targets of issue 5: (key, limit, how the value must compare, the size it is defined for;
# None: every size measured). A target is "not measured" when its size was not run.
TARGETS = (
    ("total_over_floor", 1.15, "<=", 1000),
    ("generator_share", 0.10, "<=", 1000),
    ("per_page_growth", 1.3, "<=", None),
    ("noop_seconds", 0.5, "<=", 1000),
    ("noop_files_written", 0, "==", None),
    ("one_change_files_outside_dependents", 0, "==", None),
    ("peak_memory_mb", 1024, "<=", 10000),
)


class BenchError(Exception):
    """Raised when a step of the benchmark fails (a build error, not a slow build)."""


@dataclass
class Measured:
    """One child process: its wall-clock time, peak memory and output."""

    seconds: float
    peak_rss_mb: float  # the largest resident set of any one process of the tree (exact, from the kernel)
    peak_pss_mb: float | None  # the largest sum over the tree of proportional set sizes (sampled; Linux)
    stdout: str
    stderr: str

    @property
    def peak_mb(self) -> float:
        """Peak memory: the larger of the two measures (they differ when the generator forks workers)."""
        return max(self.peak_rss_mb, self.peak_pss_mb or 0.0)


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
    return Measured(seconds, peak_rss_mb, sampler.peak_mb, stdout, stderr)


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
        return self.peak_kb / 1024 if self.available else None

    def run(self) -> None:
        while self.available and not self.done.wait(0.05):
            self.peak_kb = max(self.peak_kb, sum(pss_kb(pid) for pid in descendants(self.pid)))

    def stop(self) -> None:
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


def dossier(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(project), *args]


def mkdocs(config: Path, site: Path) -> list[str]:
    # Not --quiet: MkDocs 1.6 then drops warnings before --strict counts them, and never fails.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]


def zensical_available() -> bool:
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


def make_project(root: Path, project: Path, articles: int) -> None:
    """Write a synthetic content tree with the project's hand-written pages and mkdocs.yml."""
    make_corpus(articles, seed_texts(root)).write(project)
    pages = root / "content" / "pages"
    if pages.is_dir():
        shutil.copytree(pages, project / "content" / "pages")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")


Snapshot = dict[str, tuple[int, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Identify every file by inode, modification time and size (a rewrite through a rename changes the inode)."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file() and path.name != CACHE:
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return found


def rewritten(before: Snapshot, after: Snapshot) -> list[str]:
    """Return the files written or removed between two snapshots."""
    return sorted({name for name in after if before.get(name) != after[name]} | (set(before) - set(after)))


def change_one_article(project: Path, article_id: str) -> None:
    """Edit an article as a curator would: a new title and a sentence added to its last paragraph."""
    meta = project / "content" / "articles" / f"{article_id}.yaml"
    schema_line, _, yaml_text = meta.read_text(encoding="utf-8").partition("\n")
    data = yaml.safe_load(yaml_text)
    data["title"] += " (überarbeitet)"
    meta.write_text(f"{schema_line}\n{dump(data)}", encoding="utf-8")
    text = project / "content" / "articles" / f"{article_id}.txt"
    body = text.read_text(encoding="utf-8").rstrip("\n")
    text.write_text(body + " Dieser Satz wurde nachträglich ergänzt.\n", encoding="utf-8")


def dependents(pages: Path, article_id: str) -> set[str]:
    """Return the article's page and every page that links to it: all that may show something of it."""
    target = f"{article_id}.md"
    found = {f"artikel/{target}"}
    for path in pages.rglob("*.md"):
        if target in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(pages).as_posix())
    url = f"artikel/{article_id}/"  # data files and feeds link to the article's URL
    for path in [*pages.glob("data/*"), *pages.rglob("feeds/**/*.xml")]:
        if url in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(pages).as_posix())
    return found


def read_write_floor(project: Path, scratch: Path) -> float:
    """Time reading every input file and writing the generated pages again, with no other work."""
    pages = {
        p.relative_to(project / "dossier").as_posix(): p.read_text(encoding="utf-8")
        for p in (project / "dossier").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    started = time.perf_counter()
    for path in sorted((project / "content").rglob("*")):
        if path.is_file():
            path.read_bytes()
    write_pages(scratch, pages)
    return time.perf_counter() - started


def make_floor_project(project: Path, floor: Path, root: Path) -> None:
    """Copy the project's mkdocs.yml and replace every generated page by plain Markdown of the same size."""
    paragraphs = [line for text in seed_texts(root) for line in text.split("\n") if len(line) > 200]
    floor.mkdir(parents=True)
    shutil.copy(project / "mkdocs.yml", floor / "mkdocs.yml")
    pages = project / "dossier"
    for number, path in enumerate(sorted(p for p in pages.rglob("*") if p.is_file() and not p.name.startswith("."))):
        name = path.relative_to(pages).as_posix()
        target = floor / "dossier" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not name.endswith(".md"):
            shutil.copy(path, target)
            continue
        up = "../" * name.count("/")
        links = " ".join(f"[Verweis {i + 1}]({up}{link})" for i, link in enumerate(FLOOR_LINKS))
        parts = [
            f'---\ntitle: "Seite {number}"\nhide:\n  - navigation\n---\n\n# Seite {number}\n\n',
            "| Spalte | Wert |\n| --- | --- |\n| eins | 1 |\n| zwei | 2 |\n| drei | 3 |\n\n",
            links + "\n\n",
        ]
        size, goal = sum(len(p.encode("utf-8")) for p in parts), path.stat().st_size
        while size < goal:
            paragraph = paragraphs[(number + len(parts)) % len(paragraphs)] + "\n\n"
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        target.write_text("".join(parts), encoding="utf-8")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_size(
    root: Path, articles: int, generator_only: bool, work: Path, say: Callable[[str], None]
) -> dict[str, Any]:
    """Measure one corpus size; return its figures."""
    project = work / f"dossier-{articles}"
    started = time.perf_counter()
    make_project(root, project, articles)
    result: dict[str, Any] = {"articles": articles, "corpus_seconds": time.perf_counter() - started}
    say(f"{articles} articles: corpus written in {result['corpus_seconds']:.1f} s")

    check = run(dossier(project, "check"), project, "dossier check")
    generate = run(dossier(project, "generate"), project, "dossier generate")
    pages = project / "dossier"
    page_count = sum(1 for _ in pages.rglob("*.md"))
    result.update(
        check_seconds=check.seconds,
        generate_seconds=generate.seconds,
        pages=page_count,
        markdown_mb=folder_size(pages) / 1e6,
        generator_peak_memory_mb=max(check.peak_mb, generate.peak_mb),
        generator_peak_rss_mb=max(check.peak_rss_mb, generate.peak_rss_mb),
        generator_peak_pss_mb=max(check.peak_pss_mb or 0, generate.peak_pss_mb or 0) or None,
        generator_floor_seconds=read_write_floor(project, work / f"floor-write-{articles}"),
    )
    say(f"  check {check.seconds:.2f} s, generate {generate.seconds:.2f} s, {page_count} pages")

    before = snapshot(pages)
    noop = run(dossier(project, "generate"), project, "no-op dossier generate")
    result.update(noop_seconds=noop.seconds, noop_files_written=len(rewritten(before, snapshot(pages))))

    changed_id = ARTICLE_ID.format(articles // 2)
    depending = dependents(pages, changed_id)
    change_one_article(project, changed_id)
    before = snapshot(pages)
    one = run(dossier(project, "generate"), project, "dossier generate after one change")
    written = rewritten(before, snapshot(pages))
    result.update(
        one_change_article=changed_id,
        one_change_seconds=one.seconds,
        one_change_files_written=len(written),
        one_change_dependent_pages=len(depending),
        one_change_files_outside_dependents=sorted(set(written) - depending),
    )
    say(f"  no-op {noop.seconds:.2f} s, one change {one.seconds:.2f} s ({len(written)} files written)")
    if generator_only:
        return result

    site = project / "site"
    built = run(mkdocs(project / "mkdocs.yml", site), project, "mkdocs build")
    index = site / "search" / "search_index.json"
    result.update(
        mkdocs_seconds=built.seconds,
        mkdocs_peak_memory_mb=built.peak_mb,
        site_mb=folder_size(site) / 1e6,
        search_index_mb=index.stat().st_size / 1e6 if index.exists() else None,
    )
    floor = work / f"floor-{articles}"
    make_floor_project(project, floor, root)
    floor_built = run(mkdocs(floor / "mkdocs.yml", floor / "site"), floor, "mkdocs build of the floor")
    result.update(mkdocs_floor_seconds=floor_built.seconds, floor_site_mb=folder_size(floor / "site") / 1e6)
    say(f"  mkdocs {built.seconds:.1f} s, floor {floor_built.seconds:.1f} s")
    if zensical_available():
        zen = run(zensical(project, "site-zensical"), project, "zensical build")
        zen_floor = run(zensical(floor, "site-zensical"), floor, "zensical build of the floor")
        result.update(zensical_seconds=zen.seconds, zensical_floor_seconds=zen_floor.seconds)
        say(f"  zensical {zen.seconds:.1f} s, floor {zen_floor.seconds:.1f} s")
    total = result["generate_seconds"] + result["mkdocs_seconds"]
    result.update(
        total_seconds=total,
        total_over_floor=total / result["mkdocs_floor_seconds"],
        generator_share=result["generate_seconds"] / total,
        seconds_per_page=total / page_count,
        search_index_kb_per_page=(result["search_index_mb"] or 0) * 1000 / page_count,
        search_index_kb_per_article=(result["search_index_mb"] or 0) * 1000 / articles,
    )
    return result


def bench(
    root: Path,
    sizes: Sequence[int] | None = None,
    generator_only: bool = False,
    say: Callable[[str], None] = lambda line: None,
) -> dict[str, Any]:
    """Run the benchmark for each size; return the figures, the headline ratios and the targets.

    The headline figures are those of the largest size (per_page_growth: largest over smallest);
    each target is judged at the size it is set for (`TARGETS`), if that size was run.
    """
    sizes = sorted(set(sizes or (GENERATOR_ONLY_SIZES if generator_only else DEFAULT_SIZES)))
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        runs = {str(n): bench_size(root, n, generator_only, Path(scratch), say) for n in sizes}
    largest, smallest = runs[str(sizes[-1])], runs[str(sizes[0])]
    report: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
        "sizes": sizes,
        "generator_only": generator_only,
        "total_over_floor": largest.get("total_over_floor"),
        "generator_share": largest.get("generator_share"),
        "per_page_growth": (
            largest["seconds_per_page"] / smallest["seconds_per_page"]
            if len(sizes) > 1 and not generator_only
            else None
        ),
        "noop_seconds": largest["noop_seconds"],
        "noop_files_written": largest["noop_files_written"],
        "one_change_seconds": largest["one_change_seconds"],
        "one_change_files_written": largest["one_change_files_written"],
        "one_change_dependent_pages": largest["one_change_dependent_pages"],
        "one_change_files_outside_dependents": len(largest["one_change_files_outside_dependents"]),
        "peak_memory_mb": largest["generator_peak_memory_mb"],
        "zensical_seconds": largest.get("zensical_seconds"),
        "runs": runs,
    }
    report["targets"] = {}
    for key, limit, how, size in TARGETS:
        if size is None:
            values = [run_value(figures, key) for figures in runs.values()] if key != "per_page_growth" else []
            value = report[key] if key == "per_page_growth" else max(values)
        else:
            value = run_value(runs[str(size)], key) if str(size) in runs else None
        report["targets"][key] = {"value": value, "limit": limit, "at_articles": size, "met": meets(value, limit, how)}
    return report


# --- hostile texts -------------------------------------------------------------------------------

HOSTILE_BYTES = 1_950_000  # just under the loader's limit on an article (MAX_FILE_BYTES, 2,000,000 bytes)
HOSTILE_RATIO_LIMIT = 3.0  # `dossier check` of the hostile article may take at most this many times the plain one's
HOSTILE_PERSON_ID = "anna-muster"
HOSTILE_PERSON = {"id": HOSTILE_PERSON_ID, "name": "Anna Muster", "aliases": ["Muster"], "role": "Sprecherin"}


def repeat(unit: str, size: int) -> str:
    """Return `unit` repeated to about `size` bytes (UTF-8)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def hostile_text(size: int) -> str:
    """Return an article of about `size` bytes made of four inputs that once took quadratic time, a quarter each.

    One paragraph each: a registered name said again and again; `Laut` before one long hyphen chain;
    a speaker after one long chain of genitives; many figures on a topic's unit.
    """
    quarter = size // 4
    return "\n".join(
        (
            repeat("Anna Muster sagte etwas. ", quarter),
            "Laut " + repeat("Aa-", quarter - 40) + "Aa sind es 5.000 Soldaten.",
            "Der Sprecher" + repeat(" des Aa", quarter - 90) + " (Anna Muster) sagte: „Wir sehen das anders.“",
            repeat(
                "Laut Pentagon sind rund 5.000 nordkoreanische Soldaten in Kursk, nicht 3.000 Soldaten wie gemeldet. ",
                quarter,
            ),
        )
    )


def plain_text(root: Path, size: int) -> str:
    """Return ordinary German prose of about `size` bytes (UTF-8): the seed articles' paragraphs, repeated."""
    lines = [line for text in seed_texts(root) for line in text.splitlines() if line.strip()]
    chosen, total = [], 0
    for line in itertools.cycle(lines):
        total += len(line.encode("utf-8")) + 1
        if total > size:
            break
        chosen.append(line)
    return "\n".join(chosen or lines[:1])


def write_bench_article(project: Path, root: Path, text: str, people: list[str]) -> None:
    """Copy the seed content into `project`, register Anna Muster and add the article `bench` with `text`."""
    shutil.copytree(root / "content", project / "content")
    registry = project / "content" / "people.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + dump([HOSTILE_PERSON]), encoding="utf-8")
    meta = {
        "title": "Prüfartikel",
        "source_file": "bench.txt",
        "outlet": None,
        "url": None,
        "author": None,
        "language": "de",
        "published": {"date": "2024-10-28", "basis": "stated"},
        "mentions": {"people": people},
    }
    articles = project / "content" / "articles"
    (articles / "bench.txt").write_text(text + "\n", encoding="utf-8")
    (articles / "bench.yaml").write_text(SCHEMA_LINE.format("../../", "article") + dump(meta), encoding="utf-8")


def time_check(project: Path) -> tuple[float, int]:
    """Run `dossier check` on a project in this process, its output discarded; return seconds and exit status."""
    started = time.perf_counter()
    try:
        check(project)
        status = 0
    except ContentError:
        status = 1
    return time.perf_counter() - started, status


def seed_people(root: Path) -> list[str]:
    """Return the ids of the people the seed articles list as mentioned (all named in their texts)."""
    found: set[str] = set()
    for path in (root / "content" / "articles").glob("*.yaml"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found.update((meta.get("mentions") or {}).get("people") or [])
    return sorted(found)


def bench_hostile(
    root: Path, size: int = HOSTILE_BYTES, say: Callable[[str], None] = lambda line: None, repeats: int = 3
) -> dict[str, Any]:
    """Time `dossier check` on a hostile article and on a plain one of `size` bytes; report the ratio.

    Each check runs `repeats` times in this process and the fastest run counts (the first run of
    all also pays for imports and compiled patterns).
    """
    texts = {
        "plain": (plain_text(root, size), seed_people(root)),
        "hostile": (hostile_text(size), [HOSTILE_PERSON_ID]),
    }
    report: dict[str, Any] = {"size_bytes": size, "repeats": repeats}
    with tempfile.TemporaryDirectory(prefix="dossier-hostile-") as scratch:
        for name, (text, people) in texts.items():
            project = Path(scratch) / name
            write_bench_article(project, root, text, people)
            runs = [time_check(project) for _ in range(max(1, repeats))]
            status = runs[0][1]
            if status not in (0, 1):
                raise BenchError(f"dossier check of the {name} article ended with exit status {status}")
            seconds = min(seconds for seconds, _ in runs)
            report.update({f"{name}_bytes": len(text.encode("utf-8")), f"{name}_seconds": seconds})
            report[f"{name}_status"] = status
            say(f"{name}: {report[f'{name}_bytes']:,} bytes, dossier check {seconds:.2f} s (exit status {status})")
    report["ratio"] = report["hostile_seconds"] / report["plain_seconds"]
    report["limit"] = HOSTILE_RATIO_LIMIT
    report["met"] = report["ratio"] < HOSTILE_RATIO_LIMIT
    return report


def hostile_to_text(report: dict[str, Any]) -> str:
    """Return the hostile-text report as a few lines for people."""
    verdict = "met" if report["met"] else "NOT MET"
    return "\n".join(
        [
            f"plain article    {report['plain_bytes']:>10,} bytes  dossier check {report['plain_seconds']:8.3f} s",
            f"hostile article  {report['hostile_bytes']:>10,} bytes  dossier check {report['hostile_seconds']:8.3f} s",
            f"hostile/plain    {report['ratio']:.2f} (limit: below {report['limit']}): {verdict}",
        ]
    )


def run_value(figures: dict[str, Any], key: str) -> Any:
    """Return a target's figure from one size's run."""
    if key == "peak_memory_mb":
        return figures["generator_peak_memory_mb"]
    if key == "one_change_files_outside_dependents":
        return len(figures[key])
    return figures.get(key)


def meets(value: float | None, limit: float, how: str) -> bool | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value <= limit if how == "<=" else value == limit


def to_json(report: dict[str, Any]) -> str:
    """Return the report as one JSON object, figures rounded to what the measurement supports."""

    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 4)
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        if isinstance(value, list):
            return [rounded(v) for v in value]
        return value

    return json.dumps(rounded(report), ensure_ascii=False, indent=2)


def to_text(report: dict[str, Any]) -> str:
    """Return the report as a short table for people."""
    lines = []
    for size, figures in report["runs"].items():
        lines.append(f"{size} articles, {figures['pages']} pages ({figures['markdown_mb']:.1f} MB Markdown):")
        for key, value in figures.items():
            if key not in ("articles", "pages", "markdown_mb"):
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                lines.append(f"  {key:40s} {shown}")
    lines.append("targets:")
    for key, target in report["targets"].items():
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[target["met"]]
        value = target["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        where = f", at {target['at_articles']} articles" if target["at_articles"] else ""
        lines.append(f"  {key:40s} {shown:>10s}  (limit {target['limit']}{where}): {verdict}")
    return "\n".join(lines)
