"""`dossier bench`: build synthetic dossiers of N articles and measure every stage against its floor.

For each size the benchmark writes a synthetic content tree (`corpus.py`) into a temporary project
with the project's own `mkdocs.yml` and hand-written pages, and runs, each as a child process:

- `dossier check` and `dossier generate` (cold, into an empty `dossier/`);
- `dossier generate` again with nothing changed (the no-op), and after changing one article (its
  title and its last paragraph), counting the files each run rewrote;
- `mkdocs build --strict` and `zensical build` of the generated pages, and the search step of
  `dossier build` (Pagefind indexing the built site, in this process: `search_seconds`, counted in
  the total);
- `dossier serve`: its first build, and the seconds from saving one article's YAML to its changed
  page being served (`preview.py`);
- the floor: `mkdocs build` (and `zensical build`) of a project with the same `mkdocs.yml` and the
  same page paths, each page replaced by plain Markdown of the same size (seed text, one table,
  five links), then the same search step on the floor's site (`search_floor_seconds`), and the
  generator's own read/write floor (reading every input file and writing every output page
  through `write.py`, in this process, without any other work);
- with `--variants` (off by default: twelve more MkDocs builds per size), the density variants of
  the generated pages, each built right after today's pages (`density.py`, `variants.py`).

The total is generate + MkDocs + search. `total_over_floor` (the target) divides it by MkDocs'
floor alone, the strictest reading. `total_over_floor_with_search` divides it by MkDocs' floor
plus the floor's search step; it is reported, not judged, because it is no floor for search:
Pagefind reads every word of the floor's plain pages but skips the real pages' tables and lists.

Peak memory of each child is the larger of two measures (see `measure.py`). The projects are
written by `project.py`, the articles of `--hostile` by `hostile.py`.

Times are wall-clock seconds on the machine the benchmark runs on; nothing here asserts a time,
but for `dossier bench --hostile`: it times `dossier check` (in this process) on an article of the
inputs that once took quadratic time (`hostile_text`) and on one of plain prose of the same size,
and fails if the first takes HOSTILE_RATIO_LIMIT times as long as the second or more.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator.bench.corpus import ARTICLE_ID
from generator.bench.density import measure_variants, variants_to_text
from generator.bench.hostile import (
    HOSTILE_PERSON_ID,
    hostile_text,
    plain_text,
    seed_people,
    time_check,
    write_bench_article,
)
from generator.bench.measure import PACKAGE_PARENT, dossier, mkdocs, run, zensical, zensical_available
from generator.bench.measure import BenchError as BenchError  # raised from here too; the command line catches it
from generator.bench.preview import PreviewFailed, environment, measure_preview
from generator.bench.project import (
    change_one_article,
    dependents,
    folder_size,
    make_floor_project,
    make_project,
    read_write_floor,
    rewritten,
    snapshot,
)
from generator.site.search import BUNDLE, index_site

DEFAULT_SIZES = (100, 1000)
GENERATOR_ONLY_SIZES = (10000,)
# The targets of issue 5: (key, limit, how the value must compare, the size it is defined for;
# None: every size measured). A target is "not measured" when its size was not run.
TARGETS = (  # issue 16's targets
    ("total_over_floor", 1.5, "<=", 1000),
    ("generator_share", 0.10, "<=", 1000),
    ("per_page_growth", 1.1, "<=", None),
    ("noop_seconds", 0.5, "<=", 1000),
    ("noop_files_written", 0, "==", None),
    ("one_change_files_outside_dependents", 0, "==", None),
    ("peak_memory_mb", 1024, "<=", 10000),
    ("preview_seconds", 2.0, "<=", None),  # issue 16: save to changed page, every size measured
)


def require_seed(root: Path, config: bool = True) -> None:
    """Raise BenchError unless `root` holds a dossier with article texts (and a mkdocs.yml) to start from."""
    if not any((root / "content" / "articles").glob("*.txt")):
        missing = "content/articles/*.txt"
    elif config and not (root / "mkdocs.yml").is_file():
        missing = "mkdocs.yml"
    else:
        return
    raise BenchError(
        f"dossier bench starts from an existing dossier with articles (such as the dossier publisher's own "
        f"repository): {root} has no {missing}"
    )


def bench_size(
    root: Path, articles: int, generator_only: bool, work: Path, say: Callable[[str], None], variants: bool = False
) -> dict[str, Any]:
    """Measure one corpus size (with the density variants if asked); return its figures."""
    project = work / f"dossier-{articles}"
    started = time.perf_counter()
    make_project(root, project, articles)
    result: dict[str, Any] = {"articles": articles, "corpus_seconds": time.perf_counter() - started}
    say(f"{articles} articles: corpus written in {result['corpus_seconds']:.1f} s")
    measure_generator(project, work, result, say)
    measure_rebuilds(project, result, say)
    if not generator_only:
        measure_site(root, project, work, result, say)
        add_ratios(result)
        try:
            measure_preview(project, environment(PACKAGE_PARENT), result, say)
        except PreviewFailed as exc:
            raise BenchError(f"dossier serve: {exc}") from exc
        if variants:
            measure_variants(project, work, result, say)
    return result


def measure_generator(project: Path, work: Path, result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Add the figures of a cold `dossier check` and `dossier generate` of the project to `result`."""
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
        generator_floor_seconds=read_write_floor(project, work / f"floor-write-{result['articles']}"),
    )
    say(f"  check {check.seconds:.2f} s, generate {generate.seconds:.2f} s, {page_count} pages")


def measure_rebuilds(project: Path, result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Add the figures of `dossier generate` with nothing changed and after one changed article to `result`."""
    pages = project / "dossier"
    before = snapshot(pages)
    noop = run(dossier(project, "generate"), project, "no-op dossier generate")
    result.update(noop_seconds=noop.seconds, noop_files_written=len(rewritten(before, snapshot(pages))))

    changed_id = ARTICLE_ID.format(result["articles"] // 2)
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


def measure_site(root: Path, project: Path, work: Path, result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Add the figures of the site builds (MkDocs, and Zensical if installed) and of their floor to `result`."""
    site = project / "site"
    built = run(mkdocs(project / "mkdocs.yml", site), project, "mkdocs build")
    started = time.perf_counter()
    index_site(site)  # the search step of `dossier build`, for every engine
    result.update(
        mkdocs_seconds=built.seconds,
        mkdocs_peak_memory_mb=built.peak_mb,
        search_seconds=time.perf_counter() - started,
        site_mb=folder_size(site) / 1e6,
        search_index_mb=folder_size(site / BUNDLE) / 1e6,
    )
    floor = work / f"floor-{result['articles']}"
    make_floor_project(project, floor, root)
    floor_built = run(mkdocs(floor / "mkdocs.yml", floor / "site"), floor, "mkdocs build of the floor")
    result.update(mkdocs_floor_seconds=floor_built.seconds, floor_site_mb=folder_size(floor / "site") / 1e6)
    started = time.perf_counter()
    index_site(floor / "site")  # the floor runs the same toolchain: MkDocs, then the search step
    result.update(
        search_floor_seconds=time.perf_counter() - started,
        floor_search_index_mb=folder_size(floor / "site" / BUNDLE) / 1e6,
    )
    search, search_floor = result["search_seconds"], result["search_floor_seconds"]
    say(
        f"  mkdocs {built.seconds:.1f} s, search index {search:.1f} s;"
        f" floor: mkdocs {floor_built.seconds:.1f} s, search index {search_floor:.1f} s"
    )
    if zensical_available():
        zen = run(zensical(project, "site-zensical"), project, "zensical build")
        zen_floor = run(zensical(floor, "site-zensical"), floor, "zensical build of the floor")
        result.update(zensical_seconds=zen.seconds, zensical_floor_seconds=zen_floor.seconds)
        say(f"  zensical {zen.seconds:.1f} s, floor {zen_floor.seconds:.1f} s")


def add_ratios(result: dict[str, Any]) -> None:
    """Add the headline ratios of one size (generator, MkDocs and search against their floor, per page) to `result`."""
    total = result["generate_seconds"] + result["mkdocs_seconds"] + result["search_seconds"]
    pages, search_kb = result["pages"], (result["search_index_mb"] or 0) * 1000
    result.update(
        total_seconds=total,
        floor_seconds=result["mkdocs_floor_seconds"] + result["search_floor_seconds"],
        total_over_floor=total / result["mkdocs_floor_seconds"],
        total_over_floor_with_search=total / (result["mkdocs_floor_seconds"] + result["search_floor_seconds"]),
        generator_share=result["generate_seconds"] / total,
        seconds_per_page=total / pages,
        search_index_kb_per_page=search_kb / pages,
        search_index_kb_per_article=search_kb / result["articles"],
    )


def bench(
    root: Path,
    sizes: Sequence[int] | None = None,
    generator_only: bool = False,
    say: Callable[[str], None] = lambda line: None,
    variants: bool = False,
) -> dict[str, Any]:
    """Run the benchmark for each size (with the density variants if asked); return figures, ratios, targets.

    The headline figures are those of the largest size (per_page_growth: largest over smallest);
    each target is judged at the size it is set for (`TARGETS`), if that size was run.
    """
    require_seed(root)
    sizes = sorted(set(sizes or (GENERATOR_ONLY_SIZES if generator_only else DEFAULT_SIZES)))
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as scratch:
        runs = {str(n): bench_size(root, n, generator_only, Path(scratch), say, variants) for n in sizes}
    largest, smallest = runs[str(sizes[-1])], runs[str(sizes[0])]
    report: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
        "sizes": sizes,
        "generator_only": generator_only,
        "total_over_floor": largest.get("total_over_floor"),
        "total_over_floor_with_search": largest.get("total_over_floor_with_search"),
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
        "preview_seconds": largest.get("preview_seconds"),
        "preview_start_seconds": largest.get("preview_start_seconds"),
        "runs": runs,
    }
    report["targets"] = judge_targets(report, runs)
    return report


def judge_targets(report: dict[str, Any], runs: dict[str, Any]) -> dict[str, Any]:
    """Judge each target at the size it is set for (every size measured if None); return value, limit, verdict."""
    judged = {}
    for key, limit, how, size in TARGETS:
        if size is None:
            values = [run_value(figures, key) for figures in runs.values()] if key != "per_page_growth" else []
            measured = [v for v in values if v is not None]
            value = report[key] if key == "per_page_growth" else (max(measured) if measured else None)
        else:
            value = run_value(runs[str(size)], key) if str(size) in runs else None
        judged[key] = {"value": value, "limit": limit, "at_articles": size, "met": meets(value, limit, how)}
    return judged


# --- hostile texts -------------------------------------------------------------------------------

HOSTILE_BYTES = 1_950_000  # just under the loader's limit on an article (MAX_FILE_BYTES, 2,000,000 bytes)
HOSTILE_RATIO_LIMIT = 3.0  # `dossier check` of the hostile article may take at most this many times the plain one's


def bench_hostile(
    root: Path, size: int = HOSTILE_BYTES, say: Callable[[str], None] = lambda line: None, repeats: int = 3
) -> dict[str, Any]:
    """Time `dossier check` on a hostile article and on a plain one of `size` bytes; report the ratio.

    Each check runs `repeats` times in this process and the fastest run counts (the first run of
    all also pays for imports and compiled patterns).
    """
    require_seed(root, config=False)
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
    """Tell whether a figure meets its target (`how`: "<=" or "=="); None if it was not measured."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value <= limit if how == "<=" else value == limit


def to_json(report: dict[str, Any]) -> str:
    """Return the report as one JSON object, figures rounded to what the measurement supports."""

    def rounded(value: Any) -> Any:
        """Round the floats of a value, in dicts and lists too."""
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
            if key not in ("articles", "pages", "markdown_mb", "variants"):
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                lines.append(f"  {key:40s} {shown}")
        if "total_over_floor" in figures:
            lines.append(
                f"  total over MkDocs' floor {figures['total_over_floor']:.2f}"
                f" ({figures['mkdocs_floor_seconds']:.1f} s);"
                f" over it plus the floor's search step {figures['total_over_floor_with_search']:.2f}"
                f" ({figures['search_floor_seconds']:.1f} s)"
            )
        lines += variants_to_text(figures["variants"]) if "variants" in figures else []
    lines.append("targets:")
    for key, target in report["targets"].items():
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[target["met"]]
        value = target["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        where = f", at {target['at_articles']} articles" if target["at_articles"] else ""
        lines.append(f"  {key:40s} {shown:>10s}  (limit {target['limit']}{where}): {verdict}")
    return "\n".join(lines)
