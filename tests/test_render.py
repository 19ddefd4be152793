"""Golden tests of every generated page of the seed dossier, and escaping of hostile content.

Refresh the golden files after an intended change with:

    dossier generate --output tests/golden
"""

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, TODAY, write_content

from generator.pipeline import Checked, check, generate, render_encoded
from generator.site import render as render_module

GOLDEN = REPO / "tests" / "golden"
REFRESH = "dossier generate --output tests/golden"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def render(checked: Checked) -> dict[str, str]:
    """Render every page of a checked dossier as text (the pipeline keeps them as UTF-8)."""
    return {path: data.decode("utf-8") for path, data in render_encoded(checked).items()}


def test_seed_dossier_matches_the_golden_files(tmp_path):
    generate(REPO, tmp_path / "out", TODAY)
    actual, expected = files_of(tmp_path / "out"), files_of(GOLDEN)
    assert sorted(actual) == sorted(expected), f"page set changed; refresh with: {REFRESH}"
    for name, data in expected.items():
        if actual[name] != data:
            diff = difflib.unified_diff(
                data.decode().splitlines(), actual[name].decode().splitlines(), "golden/" + name, name, lineterm=""
            )
            raise AssertionError(f"{name} differs from the golden file; refresh with: {REFRESH}\n" + "\n".join(diff))


def test_every_page_kind_is_covered_by_the_golden_files():
    names = set(files_of(GOLDEN))
    for expected in (
        "index.md",
        "zeitleiste.md",
        "referenz.md",
        "artikel/index.md",
        "artikel/kim-entsendet-10000-soldaten.md",
        "personen/sabrina-singh.md",
        "organisationen/pentagon.md",
        "orte/kursk.md",
        "themen/soldaten-in-russland.md",
        "themen/index.md",
    ):
        assert expected in names


def test_output_is_independent_of_hash_seed_locale_and_time_zone(tmp_path):
    outputs = []
    for seed, tz in (("1", "UTC"), ("2", "Asia/Pyongyang")):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "LC_ALL": "C"}
        command = [sys.executable, "-m", "generator", "--root", str(REPO), "generate", "--output", str(out)]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outputs.append(files_of(out))
    assert outputs[0] == outputs[1]


HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> [klick](javascript:alert(3)) {{ 7*7 }} *fett*"


def test_hostile_content_is_escaped_in_markdown(tmp_path, content, meta):
    meta["title"] = HOSTILE
    content["people"][0]["role"] = HOSTILE
    content["articles"]["erster-artikel"]["text"] += HOSTILE + ".\n"
    pages = render(check(write_content(tmp_path, content), TODAY))
    front, article = pages["artikel/erster-artikel.md"].split("\n---\n", 1)
    jsonld = [line for line in article.splitlines() if line.startswith('<script type="application/ld+json">')]
    assert len(jsonld) == 1 and "<" not in jsonld[0].removeprefix('<script type="application/ld+json">')[:-9]
    article = article.replace(jsonld[0], "")  # JSON data: inert, and tested in test_jsonld.py
    assert 'title: "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img' in front  # MkDocs prints titles raw
    assert "<script>" not in article and "<img" not in article and "](javascript:" not in article
    assert "&#60;script&#62;alert(1)&#60;/script&#62;" in article
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in article  # never evaluated by Jinja
    assert all("<script>" not in page and "<img" not in page for path, page in pages.items() if path.endswith(".md"))
    assert json.loads(pages["data/dossier.json"])["articles"][0]["title"] == HOSTILE  # data, served as JSON


def test_a_speaker_is_not_linked_inside_their_own_quote_and_an_entity_is_linked_once_per_text(tmp_path, content, meta):
    """Each entity is linked at its first mention in the article's text; later paragraphs name it with its tooltip."""
    content["articles"]["erster-artikel"]["text"] = (
        content["articles"]["erster-artikel"]["text"].replace(
            "„Wir sehen das anders“", "„Anna Muster sieht das anders“"
        )
        + "Muster nannte das Amt, das Amt schwieg, Muster auch.\n"
    )
    meta["quotes"][0]["text"] = ["Anna Muster sieht das anders", "und bleiben dabei."]
    page = render(check(write_content(tmp_path, content), TODAY))["artikel/erster-artikel.md"]
    paragraphs = {line.split("]", 1)[0]: line for line in page.splitlines() if line.startswith("[¶ ")}
    assert '[Anna Muster](../personen/anna-muster.md "Sprecherin") sagte' in paragraphs["[¶ 2"]
    muster = '<span title="Sprecherin">Muster</span>'  # linked in ¶ 2 already
    marker = '<sup>[Anna Muster](../personen/anna-muster.md "Sprecherin")</sup>'
    amt = '[Amt](../organisationen/amt.md "Regierung/Behörde")'
    assert paragraphs["[¶ 4"] == (
        '[¶ 4](#p-4){ .dq-pilcrow } „<span id="q-q1"></span><mark class="dq-quote">Anna Muster sieht das anders'
        f'</mark>“, sagte {muster}, „<mark class="dq-quote">und bleiben dabei.</mark>{marker}“ <span id="c-c2"></span>'
        f'<mark class="dq-claim">Das {amt} nannte 10.000 Soldaten in Russland</mark>'
        "<sup>[Zahl der Soldaten](../themen/zahl.md#c-erster-artikel--c2)</sup>."
    )
    assert paragraphs["[¶ 5"] == (
        f'[¶ 5](#p-5){{ .dq-pilcrow }} {muster} nannte das <span title="Regierung/Behörde">Amt</span>, '
        "das Amt schwieg, Muster auch."
    )


RENDER_PART = render_module.render_part
PID_FOLDER = Path(os.environ.get("TMPDIR", "/tmp"))


def render_part_noting_the_process(rendering, part):
    """Render a part and note which process did it (a module function: forked workers unpickle it)."""
    with open(PID_FOLDER / f"dossier-render-{os.getppid()}.pids", "a", encoding="utf-8") as file:
        file.write(f"{os.getpid()}\n")
    return RENDER_PART(rendering, part)


def test_pages_rendered_in_forked_workers_equal_those_of_one_process(monkeypatch):
    alone = render_encoded(check(REPO, TODAY))
    log = PID_FOLDER / f"dossier-render-{os.getpid()}.pids"
    log.unlink(missing_ok=True)
    monkeypatch.setattr("generator.parallel.PARALLEL_ITEMS", 1)  # render the seed dossier's pages in workers
    monkeypatch.setattr("generator.site.render.render_part", render_part_noting_the_process)
    try:
        assert render_encoded(check(REPO, TODAY)) == alone
        pids = set(log.read_text(encoding="utf-8").split())
    finally:
        log.unlink(missing_ok=True)
    assert pids and str(os.getpid()) not in pids  # every part was rendered by a forked worker
