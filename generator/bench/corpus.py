"""A deterministic synthetic dossier of any size, for `dossier bench` and the scaling tests.

The corpus is made from the vocabulary of the seed articles (a word-level Markov chain over their
texts) and registries of invented names. Everything is marked as synthetic: titles read
"Synthetischer Artikel 00042", outlets, URLs and authors are null, and every registry entry says it
is synthetic. Distributions follow a long-running dossier: a few hundred people and places, a few
dozen topics (registries grow with the number of articles and level off at 1,000), several quotes
and claims per article, popular entities and topics much more frequent than others (Zipf-like),
and conflicting values: each numeric topic has a handful of competing figures, so claims of one
scope and period contradict each other.

The same number of articles and the same seed texts always give the same bytes (one seeded
`random.Random`, no iteration over hashed sets). Every passage is verified with the matcher of
`dossier check`, so the corpus passes `dossier check` without errors or warnings.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.bench.articles import ArticleMaker
from generator.bench.registry import Registry, Sizes
from generator.bench.words import NameMaker, Vocabulary

SEED = 20241028  # the day the seed dossier's first figure was announced
ARTICLE_ID = "synthetischer-artikel-{:05d}"
SCHEMA_LINE = "# yaml-language-server: $schema={}generator/schemas/{}.schema.json\n"


@dataclass
class Corpus:
    """The files of a synthetic content tree, as {content-relative path: text}, and its figures."""

    files: dict[str, str]
    sizes: Sizes
    quotes: int = 0
    claims: int = 0
    mentions: int = 0
    dropped: int = 0  # passages generated but left out because the text happened to repeat them

    def write(self, root: Path) -> None:
        """Write the tree below `root/content` (which must not hold other articles)."""
        for rel_path, text in self.files.items():
            path = root / "content" / rel_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def seed_texts(root: Path) -> list[str]:
    """Return the texts of the seed articles in `root/content/articles`, in file-name order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "content" / "articles").glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no seed article texts in {root / 'content' / 'articles'}")
    return texts


def make_corpus(articles: int, texts: Sequence[str]) -> Corpus:
    """Build a synthetic content tree of `articles` articles from the vocabulary of `texts`."""
    if articles < 1:
        raise ValueError("a corpus needs at least one article")
    rng = random.Random(SEED)
    sizes = Sizes.for_articles(articles)
    words = Vocabulary(texts)
    names = NameMaker(rng, words.lowercase)
    registry = Registry.make(rng, sizes, names)
    corpus = Corpus({}, sizes)
    for name, entries in (
        ("people", registry.people),
        ("organisations", registry.organisations),
        ("places", registry.places),
        ("topics", registry.topics),
    ):
        corpus.files[f"{name}.yaml"] = SCHEMA_LINE.format("../", name) + dump(entries)
    dossier = {
        "title": f"Synthetisches Dossier ({articles} Artikel)",
        "summary": (
            f"Ein synthetisches Dossier mit {articles} erzeugten Artikeln aus dem Wortschatz von {len(texts)} "
            "Ausgangsartikeln, für den Leistungstest. Personen, Orte, Zitate und Zahlen sind erfunden."
        ),
        "key_topics": [t["id"] for t in registry.topics[:3]],
    }
    corpus.files["dossier.yaml"] = SCHEMA_LINE.format("../", "dossier") + dump(dossier)
    for number in range(articles):
        article_id = ARTICLE_ID.format(number)
        maker = ArticleMaker(rng, registry, words, number)
        text, meta = maker.make()
        corpus.dropped += maker.dropped
        corpus.files[f"articles/{article_id}.txt"] = text
        corpus.files[f"articles/{article_id}.yaml"] = SCHEMA_LINE.format("../../", "article") + dump(meta)
        corpus.quotes += len(meta.get("quotes", []))
        corpus.claims += len(meta.get("claims", []))
        corpus.mentions += sum(len(v) for v in meta["mentions"].values())
    return corpus


def dump(data: Any) -> str:
    """Dump YAML the way curators write it: keys in order, Unicode as is, no line folding."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: ten times faster
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
