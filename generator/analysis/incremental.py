"""Check again only the articles whose files changed, reusing what the last check found for the rest (`dossier serve`).

A `Snapshot` keeps what a successful check produced: the content read, the model, the analysis,
the problems of loading, modelling and analysing (by file), and the stamp of every content file.
`recheck` compares the stamps: when only article files changed (edited, added or removed), it
loads, models and analyses just those articles, compares the claims of the topics they touch
(before or after), and reuses every other article, topic comparison and source trace. Anything
else (a registry, dossier.yaml, a page, a link or special file, another day) returns None: the
caller checks everything again, as it does when a changed article has an error, so that errors are
reported exactly as `dossier check` reports them. The curators' warnings are not part of this:
they are computed afresh on every run (`pipeline.finish`), from the paragraphs with a number no
excerpt covers that each article's analysis found (kept, like its mentions, for unchanged articles).

This holds because an article's loading, model and analysis depend only on its own two files and on
the registries (tested: the dossier written after a recheck equals a full `dossier generate`).
"""

from __future__ import annotations

import dataclasses
import gc
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.analysis.compare import (
    Analysis,
    TopicAnalysis,
    analyse,
    analyse_article,
    compare_topics,
    place_article,
)
from generator.analysis.mentions import Mention
from generator.analysis.passages import locate_events
from generator.analysis.provenance import Provenance
from generator.content.attribution import resolve_sources
from generator.content.build import build_article, build_events, build_model
from generator.content.files import Tree
from generator.content.load import ArticleSource, Content, load_article, load_content
from generator.content.model import Article, Dossier
from generator.content.registries import Refs
from generator.content.stamps import Stamp, file_stamps, trusted
from generator.problems import Problem, raise_on_errors

ARTICLES = "content/articles"
ARTICLE_FILE = re.compile(r"^content/articles/([^/]+)\.(?:txt|yaml)$")


@dataclass
class Snapshot:
    """A dossier that passed every check, and what checking it again after an article's change reuses."""

    today: date
    stamps: dict[str, Stamp]  # every file under content/, taken before it was read
    taken_ns: int  # when the stamps were taken (a stamp younger than this is read again next time)
    content: Content
    dossier: Dossier
    analysis: Analysis
    problems: list[Problem]  # of loading, modelling and analysing; the curators' warnings come later


def check_all(root: Path, today: date) -> Snapshot:
    """Load, model and analyse all of content/; raise ContentError listing every error."""
    taken_ns = time.time_ns()
    stamps = file_stamps(root, "content") or {}
    with collector_paused():
        content, problems = load_content(root)
        raise_on_errors(problems)
        dossier, model_problems = build_model(content, today)
        raise_on_errors(problems := problems + model_problems)
        analysis, analysis_problems = analyse(dossier)
        raise_on_errors(problems := problems + analysis_problems)
    return Snapshot(today, stamps, taken_ns, content, dossier, analysis, problems)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (and so that of the workers forked meanwhile) until the block ends.

    A check allocates millions of objects and almost no reference cycles, and each full collection
    walks every object alive, the content and model built so far: at 1,000 articles an eighth of the
    check's time went to collections that found next to nothing. Objects are freed by reference
    counting as before; the collector runs again afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def changed_articles(snapshot: Snapshot, stamps: dict[str, Stamp]) -> set[str] | None:
    """Return the ids of the articles whose files differ from the snapshot's; None if any other file does."""
    ids = set()
    for name in stamps.keys() | snapshot.stamps.keys():
        old = snapshot.stamps.get(name)
        if old is not None and old == stamps.get(name) and trusted(old, snapshot.taken_ns):
            continue
        found = ARTICLE_FILE.match(name)
        if found is None:
            return None
        ids.add(found.group(1))
    return ids


def recheck(snapshot: Snapshot, root: Path, today: date) -> tuple[Snapshot, set[str]] | None:
    """Check again after article files changed; return the new snapshot and the changed ids, or None (check all)."""
    taken_ns = time.time_ns()
    stamps = file_stamps(root, "content")
    if stamps is None or today != snapshot.today:
        return None
    ids = changed_articles(snapshot, stamps)
    if ids is None or not any(name.startswith(f"{ARTICLES}/") for name in stamps):
        return None
    tree = Tree(root, files=set(stamps), folders={"content", ARTICLES})
    paths = {f"{ARTICLES}/{i}.{suffix}" for i in ids for suffix in ("txt", "yaml")}
    problems = [p for p in snapshot.problems if p.path not in paths]
    sources = load_changed(tree, root, ids, problems)
    if sources is None:
        return None
    dossier = remodel(snapshot, sources, ids, today, problems)
    if dossier is None:
        return None
    analysis = reanalyse(snapshot, dossier, ids, problems)
    if analysis is None:
        return None
    kept = [a for a in snapshot.content.articles if a.id not in ids]
    content = dataclasses.replace(snapshot.content, articles=sorted([*kept, *sources.values()], key=lambda a: a.id))
    return Snapshot(today, stamps, taken_ns, content, dossier, analysis, problems), ids


def load_changed(tree: Tree, root: Path, ids: set[str], problems: list[Problem]) -> dict[str, ArticleSource] | None:
    """Load the changed articles that still exist; None if any has an error."""
    sources = {}
    folder = root / "content" / "articles"
    for article_id in sorted(ids):
        if not any(tree.is_file(folder / f"{article_id}.{suffix}") for suffix in ("txt", "yaml")):
            continue  # removed
        source, found = load_article((tree, folder), article_id)
        problems += found
        if source is None or any(not p.warning for p in found):
            return None
        sources[article_id] = source
    return sources


def remodel(
    snapshot: Snapshot, sources: dict[str, ArticleSource], ids: set[str], today: date, problems: list[Problem]
) -> Dossier | None:
    """Build the changed articles into the model beside the others; None if any has an error."""
    old = snapshot.dossier
    refs = Refs({**old.entities, "topics": old.topics}, [])
    articles = {key: article for key, article in old.articles.items() if key not in ids}
    for article_id, source in sources.items():
        article = build_article(source, refs, today)
        if article is not None:
            articles[article_id] = article
    found = list(refs.problems)
    dossier = dataclasses.replace(old, articles={key: articles[key] for key in sorted(articles)}, events=[])
    resolve_sources(dossier)
    events = (snapshot.content.dossier.data or {}).get("events", [])
    dossier.events = build_events(snapshot.content.dossier, events, dossier, today, found)
    problems += found
    return None if any(not p.warning for p in found) else dossier


def reanalyse(snapshot: Snapshot, dossier: Dossier, ids: set[str], problems: list[Problem]) -> Analysis | None:
    """Analyse the changed articles, compare the claims of the topics they touch; None if there is an error."""
    found: list[Problem] = []
    fresh: dict[str, tuple[list[Mention], list[int]]] = {}
    for article_id in sorted(ids & set(dossier.articles)):
        article = dossier.articles[article_id]
        fresh[article_id] = place_article(dossier, article, analyse_article(dossier, article_id), found)
    mentions: list[Mention] = []
    open_numbers: dict[str, list[int]] = {}
    grouped = group_mentions(snapshot.analysis.mentions)
    for article_id in dossier.articles:
        if article_id in fresh:
            placed, open_numbers[article_id] = fresh[article_id]
        else:
            placed, open_numbers[article_id] = grouped.get(article_id, []), snapshot.analysis.open_numbers[article_id]
        mentions += placed
    touched = set()
    for article_id in ids:
        touched |= keep_equal_claims(snapshot.dossier.articles.get(article_id), dossier.articles.get(article_id))
    topics, provenance = recompare_topics(snapshot.analysis, dossier, touched)
    locate_events(dossier, found)
    problems += found
    if any(not p.warning for p in found):
        return None
    return Analysis(dossier, mentions, topics, provenance, open_numbers)


def group_mentions(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Group mentions by article, keeping their order."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.article, []).append(mention)
    return grouped


def keep_equal_claims(old: Article | None, new: Article | None) -> set[str]:
    """Put the old claim objects into the new article where they are equal; return the topics of the others.

    An edit that leaves a claim as it was (a new title, a note) then leaves its topic's comparison
    as it was too: only the topics of claims added, removed or changed are compared again.
    """
    before = old.claims if old is not None else []
    after = new.claims if new is not None else []
    for index, claim in enumerate(after):
        if index < len(before) and before[index] == claim:
            after[index] = before[index]
    kept, earlier = {id(claim) for claim in after}, {id(claim) for claim in before}
    return {c.topic for c in before if id(c) not in kept} | {c.topic for c in after if id(c) not in earlier}


def recompare_topics(
    old: Analysis, dossier: Dossier, touched: set[str]
) -> tuple[dict[str, TopicAnalysis], dict[str, Provenance]]:
    """Compare the claims of the touched topics again and trace their sources; keep the other topics' results."""
    fresh, traced = compare_topics(dossier, [topic_id for topic_id in dossier.topics if topic_id in touched])
    topics = {t: fresh[t] if t in fresh else old.topics[t] for t in dossier.topics}
    return topics, {t: traced[t] if t in traced else old.provenance[t] for t in dossier.topics}
