"""`dossier bench --variants`: build each density variant of the generated pages right after today's pages.

For one size, the generated dossier/ is copied into a project of its own with the same mkdocs.yml
(today's pages, unchanged), and again into one project per variant (`variants.py`), whose pages
are transformed; the hand-written pages of content/pages are left as they are. For each variant,
today's pages are built and then the variant's, both with `mkdocs build --strict` as
`measure_site` builds the site, so that each ratio compares neighbours on a machine whose load
changes (the variant "today" builds today's pages twice: its ratio shows the noise). Each variant
reports its build's seconds, the ratio, the same for CPU time (user plus system, which other
processes on the machine disturb less than wall-clock time), the Markdown of its pages (`.md`
files only) and how many links and table rows they hold (`variants.density`).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.bench.measure import Measured, mkdocs, run
from generator.bench.variants import VARIANTS, Variant, density, flat_urls_config

DENSITY_KEYS = ("links", "html_links", "table_rows", "html_table_rows")


def make_variant(project: Path, folder: Path, variant: Variant, handwritten: set[str]) -> dict[str, Any]:
    """Copy the project's dossier/ and mkdocs.yml into `folder` and transform its generated pages."""
    shutil.copytree(project / "dossier", folder / "dossier")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(flat_urls_config(config) if variant.flat_urls else config, encoding="utf-8")
    started, changed = time.perf_counter(), 0
    for path in sorted((folder / "dossier").rglob("*.md")):
        name = path.relative_to(folder / "dossier").as_posix()
        if name in handwritten:
            continue
        text = path.read_text(encoding="utf-8")
        transformed = variant.transform(name, text)
        if transformed != text:
            path.write_text(transformed, encoding="utf-8")
            changed += 1
    return {"transform_seconds": time.perf_counter() - started, "pages_changed": changed}


def pages_density(pages: Path) -> dict[str, Any]:
    """Return the Markdown (MB) of every page below `pages` and the sums of their `density` counts."""
    totals, size = dict.fromkeys(DENSITY_KEYS, 0), 0
    for path in pages.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        for key, count in density(text).items():
            totals[key] += count
    return {"markdown_mb": size / 1e6, **totals}


def build(folder: Path, name: str) -> Measured:
    """Build a variant's project with `mkdocs build --strict`, as `measure_site` builds the site."""
    return run(mkdocs(folder / "mkdocs.yml", folder / "site"), folder, f"mkdocs build of the variant {name}")


def measure_variant(
    project: Path, today: Path, folder: Path, variant: Variant, handwritten: set[str]
) -> dict[str, Any]:
    """Build today's pages, then the variant's; return the variant's figures."""
    made = {"transform_seconds": 0.0, "pages_changed": 0}
    if folder != today:
        made = make_variant(project, folder, variant, handwritten)
    baseline = build(today, "today")
    built = build(folder, variant.name)
    figures: dict[str, Any] = {
        "mkdocs_seconds": built.seconds,
        "today_seconds": baseline.seconds,
        "ratio": built.seconds / baseline.seconds,
        "mkdocs_cpu_seconds": built.cpu_seconds,
        "today_cpu_seconds": baseline.cpu_seconds,
        "cpu_ratio": built.cpu_seconds / baseline.cpu_seconds,
        "mkdocs_peak_memory_mb": built.peak_mb,
        **pages_density(folder / "dossier"),
        **made,
        "portable": variant.portable,
        "use_directory_urls": not variant.flat_urls,
        "note": variant.note,
    }
    if folder != today:
        shutil.rmtree(folder)
    return figures


def measure_variants(project: Path, work: Path, result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Add the figures of every density variant, each built right after today's pages, to `result`."""
    handwritten = {path.name for path in (project / "content" / "pages").glob("*.md")}
    folder = work / f"variants-{result['articles']}"
    today = folder / "today"
    make_variant(project, today, VARIANTS[0], handwritten)
    figures: dict[str, Any] = {}
    for variant in VARIANTS:
        where = today if variant.name == "today" else folder / variant.name
        figures[variant.name] = found = measure_variant(project, today, where, variant, handwritten)
        say(
            f"  variant {variant.name}: mkdocs {found['mkdocs_seconds']:.1f} s, today's {found['today_seconds']:.1f} s"
            f" (ratio {found['ratio']:.2f}, of CPU time {found['cpu_ratio']:.2f}), {found['links']} links,"
            f" {found['table_rows']} table rows"
        )
    result["variants"] = figures
    shutil.rmtree(folder)


def variants_to_text(variants: dict[str, Any]) -> list[str]:
    """Return the variants of one size as table lines for people."""
    lines = [
        "  density variants (mkdocs build --strict, each right after today's pages):",
        f"    {'variant':46s} {'mkdocs s':>8s} {'today s':>8s} {'ratio':>6s} {'CPU':>6s} {'MB':>6s} {'links':>7s}"
        f" {'html a':>7s} {'rows':>7s} {'html tr':>7s}",
    ]
    for name, found in variants.items():
        mark = "" if found["portable"] else "  (unportable: breaks in Zensical)"
        mark += "" if found["use_directory_urls"] else "  (use_directory_urls: false)"
        lines.append(
            f"    {name:46s} {found['mkdocs_seconds']:8.2f} {found['today_seconds']:8.2f} {found['ratio']:6.2f}"
            f" {found['cpu_ratio']:6.2f} {found['markdown_mb']:6.1f} {found['links']:7d} {found['html_links']:7d}"
            f" {found['table_rows']:7d} {found['html_table_rows']:7d}{mark}"
        )
    return lines
