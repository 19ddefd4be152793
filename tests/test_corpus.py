"""The synthetic corpus: it passes `dossier check`, is deterministic and has the promised distributions."""

import hashlib
import os
import statistics
import subprocess
import sys
from collections import Counter

import pytest
import yaml
from conftest import REPO, TODAY

from generator.bench.corpus import SEED, make_corpus, seed_texts
from generator.pipeline import check

DIGEST = (
    "import hashlib, sys; from pathlib import Path; from generator.bench.corpus import make_corpus, seed_texts; "
    "c = make_corpus(int(sys.argv[1]), seed_texts(Path(sys.argv[2]))); "
    "print(hashlib.sha256(repr(sorted(c.files.items())).encode()).hexdigest())"
)


@pytest.fixture(scope="module")
def thousand():
    """The metadata of a 1,000-article corpus, parsed (generating it takes about a second)."""
    corpus = make_corpus(1000, seed_texts(REPO))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return corpus, {
        name: yaml.load(text, Loader=loader) for name, text in corpus.files.items() if name.endswith(".yaml")
    }


def test_a_small_corpus_passes_dossier_check_without_warnings_and_its_claims_conflict(tmp_path):
    make_corpus(60, seed_texts(REPO)).write(tmp_path)
    checked = check(tmp_path, TODAY)
    assert len(checked.dossier.articles) == 60
    assert checked.warnings == []
    kinds = Counter()
    for result in checked.analysis.topics.values():
        for kind in ("contradiction", "change", "scope", "agreement"):
            kinds[kind] += result.count(kind)
    assert all(kinds.values()) and len(kinds) == 4, kinds


def test_the_same_size_gives_the_same_bytes_whatever_the_hash_seed(tmp_path):
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-c", DIGEST, "40", str(REPO)]
        digests.add(subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout)
    written = []
    for name in ("a", "b"):
        make_corpus(40, seed_texts(REPO)).write(tmp_path / name)
        files = sorted((tmp_path / name / "content").rglob("*"))
        written.append({p.relative_to(tmp_path / name).as_posix(): p.read_bytes() for p in files if p.is_file()})
    assert len(digests) == 1
    assert written[0] == written[1]
    texts = {path.removeprefix("content/"): data.decode("utf-8") for path, data in written[0].items()}
    assert digests == {hashlib.sha256(repr(sorted(texts.items())).encode()).hexdigest() + "\n"}


def test_another_seed_gives_another_corpus(monkeypatch):
    texts = seed_texts(REPO)
    files = make_corpus(5, texts).files
    assert make_corpus(5, texts).files == files
    monkeypatch.setattr("generator.bench.corpus.SEED", SEED + 1)
    assert make_corpus(5, texts).files != files


def test_everything_is_marked_as_synthetic(thousand):
    _, files = thousand
    articles = [data for name, data in files.items() if name.startswith("articles/")]
    assert all(a["title"].startswith("Synthetischer Artikel ") for a in articles)
    assert all(a["outlet"] is None and a["url"] is None and a["author"] is None for a in articles)
    for registry in ("people", "organisations", "places", "topics"):
        assert all("Synthetisch" in entry["description"] for entry in files[f"{registry}.yaml"])
    assert files["dossier.yaml"]["title"].startswith("Synthetisches Dossier")


def test_a_thousand_articles_have_the_promised_distributions(thousand):
    corpus, files = thousand
    articles = [data for name, data in files.items() if name.startswith("articles/")]
    assert len(articles) == 1000
    # A few hundred people and places, a few dozen topics.
    assert len(files["people.yaml"]) >= 200 and len(files["places.yaml"]) >= 200
    assert 24 <= len(files["topics.yaml"]) <= 48
    # Several quotes and claims per article.
    assert statistics.mean(len(a.get("quotes", [])) for a in articles) >= 2.5
    assert statistics.mean(len(a["claims"]) for a in articles) >= 3.5
    assert corpus.dropped < 0.02 * (corpus.quotes + corpus.claims)
    # Popular people and topics are far more frequent than the typical one (Zipf-like).
    people = Counter(p for a in articles for p in a["mentions"]["people"])
    assert people.most_common(1)[0][1] >= 10 * statistics.median(people.values())
    topics = Counter(c["topic"] for a in articles for c in a["claims"])
    assert topics.most_common(1)[0][1] >= 5 * min(topics.values())
    # Competing figures: several values per numeric topic.
    values = {}
    for a in articles:
        for c in a["claims"]:
            if "value" in c:
                values.setdefault(c["topic"], set()).add(c["value"])
    assert min(len(v) for v in values.values()) >= 3
