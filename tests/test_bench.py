"""`dossier bench --variants` on a tiny corpus: the report's structure and file counts, never its timings."""

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO

from generator.bench.bench import meets
from generator.bench.measure import zensical_available
from generator.bench.project import rewritten
from generator.bench.variants import VARIANTS

KEYS = (
    "total_over_floor",
    "total_over_floor_with_search",
    "generator_share",
    "per_page_growth",
    "noop_seconds",
    "noop_files_written",
    "one_change_files_written",
    "peak_memory_mb",
    "zensical_seconds",
    "preview_seconds",
    "targets",
    "runs",
)
RUN_KEYS = (
    "check_seconds",
    "generate_seconds",
    "mkdocs_seconds",
    "search_seconds",
    "mkdocs_floor_seconds",
    "search_floor_seconds",
    "generator_floor_seconds",
    "pages",
    "site_mb",
    "search_index_mb",
    "generator_peak_memory_mb",
    "mkdocs_peak_memory_mb",
    "noop_seconds",
    "one_change_seconds",
    "preview_start_seconds",
    "preview_seconds",
)
ZENSICAL_RUN_KEYS = ("zensical_seconds", "zensical_floor_seconds")  # measured only when Zensical is installed


@pytest.fixture(scope="module")
def report():
    command = [
        sys.executable,
        "-m",
        "generator",
        "--root",
        str(REPO),
        "bench",
        "--articles",
        "20",
        "--json",
        "--variants",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_json_report_has_every_figure(report):
    for key in KEYS:
        assert key in report
    figures = report["runs"]["20"]
    for key in RUN_KEYS:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert figures["pages"] > 20
    assert report["per_page_growth"] is None  # one size only
    assert 0 < report["generator_share"] < 1


@pytest.mark.site  # it shares the module's bench run (conftest.MARKERS lists the other tests that use it)
@pytest.mark.slow
@pytest.mark.skipif(
    not zensical_available(), reason="Zensical is optional: dossier bench builds with it only if installed"
)
def test_the_json_report_has_the_zensical_figures(report):
    figures = report["runs"]["20"]
    for key in ZENSICAL_RUN_KEYS:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert report["zensical_seconds"] == figures["zensical_seconds"]


@pytest.mark.site
@pytest.mark.slow
def test_the_floor_runs_the_search_step_too(report):
    figures = report["runs"]["20"]
    floor = figures["mkdocs_floor_seconds"] + figures["search_floor_seconds"]
    assert figures["total_over_floor_with_search"] == pytest.approx(figures["total_seconds"] / floor, rel=1e-3)
    assert figures["total_over_floor"] == pytest.approx(
        figures["total_seconds"] / figures["mkdocs_floor_seconds"], rel=1e-3
    )
    assert report["total_over_floor_with_search"] == figures["total_over_floor_with_search"]


@pytest.mark.site
@pytest.mark.slow
def test_every_density_variant_is_built_and_counted(report):
    variants = report["runs"]["20"]["variants"]
    assert list(variants) == [variant.name for variant in VARIANTS]
    for figures in variants.values():
        assert figures["mkdocs_seconds"] > 0 and figures["today_seconds"] > 0 and figures["ratio"] > 0
        assert figures["mkdocs_cpu_seconds"] > 0 and figures["cpu_ratio"] > 0
    today = variants["today"]
    assert today["pages_changed"] == 0
    assert variants["repeat-links-as-text"]["links"] < today["links"]
    assert variants["repeat-links-as-text"]["links"] <= variants["repeat-links-per-table"]["links"] <= today["links"]
    assert 0 < variants["link-free-tables-as-html"]["html_table_rows"] < today["table_rows"]
    assert variants["raw-html-flat-urls"]["links"] < variants["all-tables-as-html-directory-urls-unportable"]["links"]
    assert variants["all-tables-as-html-directory-urls-unportable"]["portable"] is False
    assert variants["raw-html-flat-urls"]["use_directory_urls"] is False


def test_a_noop_regenerate_writes_nothing(report):
    assert report["noop_files_written"] == 0


def test_one_changed_article_rewrites_only_the_pages_that_depend_on_it(report):
    figures = report["runs"]["20"]
    assert 0 < report["one_change_files_written"] <= figures["one_change_dependent_pages"] < figures["pages"]
    assert figures["one_change_files_outside_dependents"] == []
    assert report["targets"]["one_change_files_outside_dependents"]["met"] is True
    assert report["targets"]["noop_files_written"]["met"] is True


def test_rewritten_files_are_found_by_inode_and_time():
    before = {"a.md": (1, 10, 5), "b.md": (2, 10, 5), "c.md": (3, 10, 5)}
    after = {"a.md": (1, 10, 5), "b.md": (4, 11, 6), "d.md": (5, 11, 1)}
    assert rewritten(before, after) == ["b.md", "c.md", "d.md"]


def test_targets_compare_values_with_their_limits():
    assert meets(1.1, 1.15, "<=") is True
    assert meets(1.2, 1.15, "<=") is False
    assert meets(0, 0, "==") is True
    assert meets(None, 1, "<=") is None
