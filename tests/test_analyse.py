from datetime import date

import pytest
from conftest import REPO, TODAY, assert_pairs_match_every_comparison, compare_with_pair_limit, write_content
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis import compare as analyse
from generator.analysis.classify import classify, party, read_interval, rounding
from generator.content.model import Claim, Dating, Labelled, Topic
from generator.content.vocabulary import DiscrepancyKind, Reason
from generator.pipeline import check
from generator.problems import ContentError
from generator.site.labels import reason_text
from generator.tools.english import reason_words


def errors(root) -> list[str]:
    with pytest.raises(ContentError) as info:
        check(root, TODAY)
    return [str(p) for p in info.value.problems if not p.warning]


def test_quote_and_claim_spans_are_located(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    article = checked.dossier.articles["erster-artikel"]
    text = article.paragraphs[3].text
    quote = article.quotes[0]
    assert [(s.paragraph, text[s.start : s.end]) for s in quote.spans] == [
        (4, "Wir sehen das anders"),
        (4, "und bleiben dabei."),
    ]
    assert article.claims[0].spans[0].paragraph == 2


def test_quote_not_found_names_the_closest_passage(tmp_path, content, meta):
    meta["quotes"][0]["text"] = "Wir sehen das andersrum"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:21:9: quote not found in erster-artikel.txt; "
        'closest passage (paragraph 4, 91% similar): "„Wir sehen das anders"'
    ]


def test_excerpt_spanning_two_paragraphs(tmp_path, content, meta):
    meta["claims"][0]["excerpt"] = "seien in Kursk. Zwischentitel"
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:31:12: claim excerpt spans more than one paragraph of "
        "erster-artikel.txt; it must lie within one"
    ]


def test_listed_mention_must_be_in_the_text(tmp_path, content, meta):
    content["people"].append({"id": "bert", "name": "Bert Beispiel", "role": "x"})
    meta["mentions"]["people"].append("bert")
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:13:5: 'bert' is listed as mentioned, but none of its names "
        "('Bert Beispiel') is in the text (other than inside a longer name); add the spelling the text uses as an alias"
    ]


TOPIC = Topic(
    id="zahl",
    title="Zahl",
    question="?",
    kind="numeric",
    unit="Soldaten",
    categories={},
    exclusive=True,
    scopes={"russland": Labelled("russland", "in Russland", None), "kursk": Labelled("kursk", "in Kursk", None)},
    description=None,
)


def claim(value, qualifier=None, scope="russland", when="2024-10-28", claimant="a", article="x", claim_id="c"):
    parts = [int(p) for p in when.split("-")] + [1, 1]
    start = date(parts[0], parts[1], parts[2])
    end = {4: date(parts[0], 12, 31), 7: date(parts[0], parts[1], 28)}.get(len(when), start)
    dating = Dating(when, "stated", None, start, end)
    sources = tuple(claimant.split("+")) if claimant else ("",)  # "a+b": a claim of two sources
    return Claim(
        claim_id,
        article,
        "zahl",
        value,
        None,
        None,
        qualifier,
        None,
        dating,
        False,
        scope,
        sources[0] or None,
        None,
        "e",
        None,
        source=sources[0],
        sources=sources,
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (claim(3000), claim(10000, claimant="b"), "contradiction"),
        (claim(10000, "etwa"), claim(10500, claimant="b"), "agreement"),
        (claim(3000, "mindestens"), claim(12000, "bis zu", claimant="b"), "agreement"),
        (claim(3000, scope="kursk"), claim(10000, claimant="b"), "scope"),
        (claim(10000), claim(12000, "erwartet", claimant="b"), "scope"),
        (claim(3000, when="2024-10"), claim(12000, when="2025-04", claimant="b"), "disagreement"),
        (claim(3000, when="2024-10"), claim(12000, when="2025-04"), "change"),
        (
            claim(3000, when="2024-10", claimant=None),
            claim(12000, None, when="2025-04", claimant=None, claim_id="d"),
            "disagreement",
        ),
        (claim(3000, "mindestens", when="2024-10"), claim(12000, when="2025-04", claimant="b"), "agreement"),
        (claim(4000), claim(3800, claimant="b"), "agreement"),
        (claim(3000, "etwa"), claim(3800, claimant="b"), "contradiction"),
        (claim(10000), claim(12000, claimant="b"), "contradiction"),
        (claim(10000), claim(11000, claimant="b"), "agreement"),
        (claim(9), claim(10, claimant="b"), "contradiction"),
        (claim(3000, when="2024"), claim(10000, when="2024-10-28", claimant="b"), "contradiction"),
        (claim(3000, "mehr als"), claim(3000, "bis zu", claimant="b"), "contradiction"),
        (claim(3000, "mindestens"), claim(3000, "bis zu", claimant="b"), "agreement"),
        (claim(12000, "möglicherweise"), claim(10000, claimant="b"), "scope"),
    ],
)
def test_classification(a, b, kind):
    assert classify(TOPIC, a, b).kind == kind


def test_imprecise_contradiction_says_so():
    result = classify(TOPIC, claim(3000, when="2024"), claim(10000, claimant="b"))
    assert (result.reason, result.kind) == (Reason.INCOMPATIBLE_ROUGH_DATE, "contradiction")
    assert (
        reason_text(result, TOPIC) == "gleicher Bezug und Zeitraum, unvereinbare Werte (Zeitpunkt nur ungenau bekannt)"
    )
    assert reason_words(result, TOPIC) == "same scope and period, incompatible values (a date is known only roughly)"


def test_round_numbers_are_read_as_rounded():
    assert [rounding(v) for v in (4000, 3800, 12000, 10000, 30000, 950, 1010, 10, 3800.5)] == [
        400,
        50,
        500,
        1000,
        3000,
        0,
        0,
        0,
        0,
    ]
    result = classify(TOPIC, claim(4000), claim(3800, claimant="b"))
    assert (result.reason, reason_text(result, TOPIC)) == (
        Reason.ROUNDED,
        "vereinbar, wenn runde Zahlen als gerundet gelten",
    )


def test_one_source_changes_two_sources_disagree():
    change = classify(TOPIC, claim(3000, when="2024-10"), claim(12000, when="2025-04"))
    assert reason_text(change, TOPIC) == "derselbe Urheber zu verschiedenen Zeitpunkten: Oktober 2024 / April 2025"
    dispute = classify(TOPIC, claim(3000, when="2024-10"), claim(12000, when="2025-04", claimant="b"))
    assert reason_words(dispute, TOPIC) == (
        "different sources, incompatible values at different dates: 2024-10 / 2025-04"
    )


def test_interval_reading():
    assert read_interval(claim(12000)) == (11500, 12500)
    assert read_interval(claim(12000), tolerant=False) == (12000, 12000)
    assert read_interval(claim(10000, "etwa")) == pytest.approx((9000, 11000))
    assert read_interval(claim(3000, "mindestens")) == (3000, float("inf"))
    assert read_interval(claim(12000, "bis zu")) == (0, 12000)


def test_missing_part_of_a_split_quote_is_pointed_at(tmp_path, content, meta):
    meta["quotes"][0]["text"][1] = "und bleiben nicht dabei."
    assert errors(write_content(tmp_path, content)) == [
        "content/articles/erster-artikel.yaml:23:5: quote not found in erster-artikel.txt; "
        'closest passage (paragraph 4, 75% similar): "„und bleiben dabei.“ Das"'
    ]


def test_a_repeated_passage_is_a_warning(tmp_path, content, meta):
    content["articles"]["erster-artikel"]["text"] += "Noch einmal: mindestens 3.000 Soldaten seien in Kursk.\n"
    checked = check(write_content(tmp_path, content), TODAY)
    assert [str(p) for p in checked.warnings] == [
        "content/articles/erster-artikel.yaml:31:12: warning: claim excerpt occurs 2 times (paragraphs 2, 5); "
        "the first is highlighted",
    ]


def test_a_name_inside_a_longer_name_is_not_a_mention(tmp_path, content, meta):
    content["organisations"].append({"id": "muster-ag", "name": "Anna Muster AG", "kind": "group"})
    content["articles"]["erster-artikel"]["text"] += "Die Anna Muster AG widersprach.\n"
    meta["mentions"]["organisations"].append("muster-ag")
    checked = check(write_content(tmp_path, content), TODAY)
    last = [(m.entity.id, m.paragraph) for m in checked.analysis.mentions if m.paragraph == 5]
    assert last == [("muster-ag", 5)]


WHEN = ["2024", "2024-10", "2024-11", "2024-10-28", "2024-10-29", "2024-11-02", "2025-04", "2025-04-01"]
random_claims = st.lists(
    st.tuples(
        st.sampled_from([3000, 3800, 4000, 10000, 12000]),
        st.sampled_from([None, "etwa", "mindestens", "bis zu", "mehr als", "erwartet", "möglicherweise"]),
        st.sampled_from(["russland", "kursk"]),
        st.sampled_from(WHEN),
        st.sampled_from(["a", "b", None, "a+b"]),
        st.sampled_from(["x", "y", "z"]),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(drawn=random_claims, limit=st.sampled_from([1, 3, 100]))
def test_pair_counts_and_listed_pairs_equal_classifying_every_pair(drawn, limit):
    claims = [claim(v, q, s, w, c, a, f"c{i}") for i, (v, q, s, w, c, a) in enumerate(drawn)]
    result = compare_with_pair_limit(TOPIC, claims, limit)
    assert_pairs_match_every_comparison(result, limit)
    every = result.comparisons
    for kind in (DiscrepancyKind.CONTRADICTION, DiscrepancyKind.DISAGREEMENT):
        pairs = [(party(c.a), party(c.b)) for c in every if c.kind == kind]
        found = [d for d in result.disputes if d.kind == kind]
        assert [d.sources for d in found] == sorted({(min(p), max(p)) for p in pairs if p[0] != p[1]})
        assert all(classify(TOPIC, d.earlier, d.later).kind == kind for d in found)


def test_forked_workers_find_the_same_as_one_process(monkeypatch):
    alone = check(REPO, TODAY)
    monkeypatch.setattr("generator.parallel.PARALLEL_ITEMS", 1)  # load and analyse the five articles in workers
    forked = check(REPO, TODAY)
    assert forked.warnings == alone.warnings
    assert [(m.entity.id, m.article, m.paragraph, m.start, m.end, m.sentence) for m in forked.analysis.mentions] == [
        (m.entity.id, m.article, m.paragraph, m.start, m.end, m.sentence) for m in alone.analysis.mentions
    ]
    for article_id, article in alone.dossier.articles.items():
        other = forked.dossier.articles[article_id]
        assert [q.spans for q in other.quotes] == [q.spans for q in article.quotes]
        assert [c.spans for c in other.claims] == [c.spans for c in article.claims]
        assert other.meta.data == article.meta.data


def summary(topics):
    """Return what a comparison of topics found: each kind's count, listed pairs and the disputes."""
    return {
        topic_id: (
            [result.count(kind) for kind in analyse.KINDS],
            [(c.a.id, c.b.id, c.kind, c.reason) for kind in analyse.KINDS for c in result.listed[kind]],
            [(d.kind, d.sources) for d in result.disputes],
        )
        for topic_id, result in topics.items()
    }


def test_comparing_reads_no_passage():
    """`analyse` compares the topics while the workers still locate the passages: no span may change a comparison."""
    dossier = check(REPO, TODAY).dossier
    located, _ = analyse.compare_topics(dossier, list(dossier.topics))
    for article in dossier.articles.values():
        for claim in article.claims:
            claim.spans = []
    unlocated, _ = analyse.compare_topics(dossier, list(dossier.topics))
    assert summary(unlocated) == summary(located)
    assert any(count for counts, _, _ in summary(located).values() for count in counts)
