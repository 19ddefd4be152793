"""Hostile texts cost time linear in their length: no heuristic compares every pair or backtracks.

Each reproduction of the review is built at two sizes, eight times apart; the larger may take at
most twenty times as long (quadratic work would take sixty-four times). Each fast algorithm is
also compared with the simple one it replaces, on small inputs.
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import yaml
from conftest import BASE, REPO, TODAY, write_content

from generator.analysis.match import normalise
from generator.analysis.mentions import Mention, drop_nested_mentions, find_mentions
from generator.analysis.passages import locate_parts
from generator.bench.bench import HOSTILE_BYTES
from generator.bench.hostile import hostile_text
from generator.cli import main
from generator.content.files import MAX_FILE_BYTES
from generator.content.model import Entity, Paragraph, Span
from generator.language.search import SpanIndex, ends_with, gap, nearest_pair
from generator.tools.new import Ids, load_registry, render_yaml
from generator.tools.new_names import word_before
from generator.tools.sources import SOURCE, find_sources
from generator.tools.speakers import ROLE_BEFORE, role_before
from generator.tools.suggest import Registry, suggest

SMALL, GROWTH = 30_000, 8  # bytes of the smaller input; the larger is GROWTH times as long
MAX_GROWTH = 20  # linear work grows eightfold, quadratic sixty-fourfold
FLOOR = 0.01  # seconds: shorter times are mostly noise
MAX_SMALL_SECONDS = 2.0  # the old quadratic code took longer already at the small size


def best_time(work: Callable[[], object], repeats: int = 3) -> float:
    """Return the fastest of a few runs of `work`, in seconds."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def assert_linear(work: Callable[[int], object]) -> None:
    """Assert that `work(size)` grows about linearly from SMALL to GROWTH times SMALL bytes."""
    small = best_time(lambda: work(SMALL))
    assert small < MAX_SMALL_SECONDS, f"{SMALL:,} bytes already take {small:.2f} s"
    large = best_time(lambda: work(SMALL * GROWTH), repeats=2)
    assert large < MAX_GROWTH * max(small, FLOOR), f"{GROWTH}× the text took {large / small:.0f}× the time"


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    """The registries of the test content (Anna Muster is a person, Soldaten a topic's unit)."""
    found = load_registry(write_content(tmp_path_factory.mktemp("registry"), copy.deepcopy(BASE)), [])
    assert found is not None
    return found


def anna(registry: Registry) -> Entity:
    return registry.entities["people"]["anna-muster"]


# --- 1. every mention against every other --------------------------------------------------------


def mentions_text(size: int) -> str:
    return repeat("Anna Muster sagte etwas. ", size)


def test_mentions_of_a_name_said_again_and_again_cost_linear_time(registry):
    def work(size: int) -> list[Mention]:
        return find_mentions([anna(registry)], [Paragraph(1, mentions_text(size), "text")], "a")

    assert len(work(SMALL)) == SMALL // 25
    assert_linear(work)


def nested_reference(mentions: list[Mention]) -> list[Mention]:
    """The pairwise comparison drop_nested_mentions replaces."""

    def inside(m: Mention, other: Mention) -> bool:
        same_place = m.paragraph == other.paragraph and other.start <= m.start and m.end <= other.end
        return same_place and other.entity.id != m.entity.id and (other.end - other.start) > (m.end - m.start)

    kept = [m for m in mentions if not any(inside(m, other) for other in mentions)]
    return sorted(kept, key=lambda m: (m.paragraph, m.start, -m.end, m.entity.id))


def test_dropping_nested_mentions_by_sweep_equals_comparing_every_pair():
    rng = random.Random(7)
    entities = [Entity(id=f"e{i}", kind="people", name=f"E{i}", aliases=[], data={}) for i in range(4)]
    for _ in range(500):
        mentions = []
        for _ in range(rng.randint(0, 25)):
            start = rng.randint(0, 30)
            mention = Mention(rng.choice(entities), "a", rng.randint(1, 2), start, start + rng.randint(1, 10), "")
            mentions.append(mention)
        assert drop_nested_mentions(mentions) == nested_reference(mentions)


# --- 2. `Laut` before a long hyphen chain --------------------------------------------------------


def chain_text(size: int) -> str:
    return "Laut " + repeat("Aa-", size) + "Aa sind es 5.000 Soldaten."


def test_a_hyphen_chain_after_laut_costs_linear_time(registry, tmp_path):
    content = copy.deepcopy(BASE)

    def work(size: int) -> list[Any]:
        return suggest(chain_text(size), registry, TODAY).claims

    [claim] = work(SMALL)
    assert claim.value == 5000 and claim.claimant.entity is None and claim.claimant.attribution is None
    assert_linear(work)
    meta = content["articles"]["erster-artikel"]["meta"]
    meta.update(quotes=[], claims=[], mentions={})
    content["articles"]["erster-artikel"]["text"] = chain_text(SMALL * GROWTH) + "\n"
    root = write_content(tmp_path, content)
    assert best_time(lambda: main(["--root", str(root), "check"]), repeats=1) < 30


def random_source_text(rng: random.Random) -> str:
    pieces = ["Aa", "aa", "-", "-", " ", "Medien", "Dienste", "Dienstes", "Quellen", "Beamten", "Behörde", "Experten"]
    pieces += ["geschätzt", "geschätzte", "Berichten zufolge", "westliche", "westlichen ", "5", ",", "Ä", "ß", "_", "("]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))


def test_sources_found_in_one_pass_equal_the_pattern_s_matches():
    rng = random.Random(3)
    for _ in range(3000):
        text = random_source_text(rng) + "-Aa" * rng.choice((0, 0, 30))  # a word longer than 60 characters
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        expected = [(m.start(), m.end(), m.group()) for m in SOURCE.finditer(text, low, high)]
        assert find_sources(text, low, high) == [s for s in expected if s[1] - s[0] <= 120], (text, low, high)


# --- 3. a speaker after a long chain of genitives ------------------------------------------------


def genitive_text(size: int) -> str:
    return "Der Sprecher" + repeat(" des Aa", size) + " (Anna Muster) sagte: „Wir sehen das anders und bleiben dabei.“"


def test_a_speaker_after_a_chain_of_genitives_costs_linear_time(registry):
    def work(size: int) -> str:
        return render_yaml("x.txt", suggest(genitive_text(size), registry, TODAY), "# schema")

    draft = yaml.safe_load(work(SMALL))
    [quote] = draft["quotes"]
    assert quote["speaker"] == "anna-muster" and quote["role"] == "Sprecherin"  # the registry's: no role by the name
    assert_linear(work)


def test_a_role_is_found_before_a_name_as_by_searching_everything_before_it():
    rng = random.Random(5)
    words = ["der", "Der", "des", "die", "eine", "stellvertretende", "neuen", "Sprecher", "Sprecherin", "Amts"]
    words += ["Pentagon-Sprecherin", "Nationalen", "Sicherheitsrats", "USA", "Aa", ",", "(", "sagte", "  "]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) + " Anna"
        end, low = len(text) - len("Anna"), 0
        expected = ROLE_BEFORE.search(text[low:end])
        found = role_before(text, low, end)
        assert (found and found.groupdict()) == (expected and expected.groupdict()), text


# --- more of the same kind: many figures, quotations, dates in one paragraph ---------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "Es sind rund 5.000 Soldaten, ",  # many figures in one sentence, each asking for its clause and source
        "„Wir sehen das anders“, sagte Anna Muster, „und bleiben dabei.“ ",  # many quotations of one speaker
        "„ab“ ",  # many short quotations in one sentence
        "am 3. März 2024 und im Mai 2024 sowie 2023 ",  # many dates, each checked against those found before
        "Aa Bb Cc, ",  # many new names, each checked against the mentions
    ],
    ids=["figures", "quotations", "short-quotations", "dates", "names"],
)
def test_many_things_in_one_paragraph_cost_linear_time(registry, unit):
    assert_linear(lambda size: suggest(repeat(unit, size) + "sagte sie.", registry, TODAY))


def test_a_quote_in_two_parts_said_again_and_again_is_placed_in_linear_time():
    said = "„Wir sehen das anders“, sagte sie, „und bleiben dabei.“ "

    def work(size: int) -> list[list[Span]]:
        return locate_parts(["Wir sehen das anders", "und bleiben dabei."], [normalise(repeat(said, size))])

    assert len(work(SMALL)) == SMALL // len(said)
    assert_linear(work)


# --- the helpers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    start: int
    end: int


def test_the_nearest_verb_and_name_are_those_of_comparing_every_pair():
    rng = random.Random(11)
    for _ in range(2000):
        text = "".join(rng.choice("vv  n") for _ in range(rng.randint(1, 40)))
        verbs = list(re.finditer("v+", text))
        names = sorted(
            (Name(s, s + rng.randint(1, 6)) for s in rng.sample(range(len(text)), min(len(text), rng.randint(1, 5)))),
            key=lambda n: n.start,
        )
        if verbs and names:
            pairs = [(v, n) for v in range(len(verbs)) for n in range(len(names))]
            expected = min(pairs, key=lambda vn: gap(verbs[vn[0]].span(), names[vn[1]]))
            assert nearest_pair(verbs, names) == expected


def test_span_index_answers_as_looking_at_every_span():
    rng = random.Random(13)
    for _ in range(2000):
        spans = [(s, s + rng.randint(1, 8)) for s in (rng.randint(0, 40) for _ in range(rng.randint(0, 8)))]
        index = SpanIndex(spans)
        start = rng.randint(0, 50)
        end = start + rng.randint(1, 8)
        assert index.overlaps(start, end) == any(low < end and start < high for low, high in spans)
        assert index.holds(start) == any(low <= start < high for low, high in spans)


def test_cues_and_words_before_a_position_are_found_as_in_the_whole_text_before_it():
    year_cue = re.compile(r"(?:\b[Jj]ahr(?:e|es)?|\b[Ii]m|\b[Ss]eit)\s+$")
    previous_word = re.compile(r"(\S+) $")
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(["im", "Jahr", " ", "  ", "seit", "x", "Wort" * 30, "\n"]) for _ in range(12))
        end = rng.randint(0, len(text))
        expected = year_cue.search(text[:end])
        found = ends_with(year_cue, text, end)
        assert (found and found.span()) == (expected and expected.span())
        word = previous_word.search(text[:end])
        assert word_before(text, end) == (word and word.group(1))


def test_ids_for_many_figures_of_one_kind_are_numbered_as_before():
    ids = Ids()
    given = [ids.unique(wanted) for wanted in ["a", "a-2", "a", "a", "b", "a-3", "a"]]
    assert given == ["a", "a-2", "a-3", "a-4", "b", "a-3-2", "a-5"]
    start = time.perf_counter()
    for _ in range(20_000):
        ids.unique("5000-soldaten")
    assert time.perf_counter() - start < 2  # each copy is not tried from -2 upwards


# --- end to end -------------------------------------------------------------------------------------


def hostile_article(size: int) -> str:
    """Each reproduction, a quarter of `size` bytes."""
    quarter = size // 4
    return "\n".join(
        (
            mentions_text(quarter),
            chain_text(quarter),
            genitive_text(quarter),
            repeat("Es sind 5.000 Soldaten. ", quarter),
        )
    )


def test_dossier_check_of_a_hostile_article_ends(tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content")
    people = project / "content" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + yaml.safe_dump(BASE["people"], allow_unicode=True))
    articles = project / "content" / "articles"
    (articles / "feindlich.txt").write_text(hostile_article(200_000) + "\n", encoding="utf-8")
    meta = {**BASE["articles"]["erster-artikel"]["meta"], "quotes": [], "claims": []}
    meta["mentions"] = {"people": ["anna-muster"]}
    (articles / "feindlich.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    started = time.perf_counter()
    status = main(["--root", str(project), "check"])
    assert status in (0, 1)
    assert time.perf_counter() - started < 60
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "no claim's excerpt covers it" in err  # the curators' warnings on the figures were reached


# --- dossier bench --hostile ------------------------------------------------------------------------


def test_the_hostile_bench_reports_both_times_and_a_ratio_below_3(capsys):
    status = main(["--root", str(REPO), "bench", "--hostile", "--hostile-bytes", "100000", "--json"])
    report = json.loads(capsys.readouterr().out)
    for key in ("plain_seconds", "hostile_seconds", "plain_bytes", "hostile_bytes", "ratio", "limit", "met"):
        assert key in report, key
    assert 90_000 < report["plain_bytes"] <= 100_000 and 90_000 < report["hostile_bytes"] <= 100_000
    assert report["plain_status"] in (0, 1) and report["hostile_status"] in (0, 1)
    assert report["ratio"] < 3 and report["met"] is True and status == 0


def test_the_bench_s_hostile_article_holds_each_reproduction_and_stays_under_the_size_limit():
    text = hostile_text(HOSTILE_BYTES)
    assert len(text.encode("utf-8")) < MAX_FILE_BYTES
    mentions, chain, genitives, figures = text.split("\n")
    assert mentions.count("Anna Muster") > 10_000 and chain.startswith("Laut Aa-Aa-")
    assert genitives.count(" des Aa") > 50_000 and figures.count(" Soldaten") > 5_000
