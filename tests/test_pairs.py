"""Pairs of a categorical topic's claims: counted and listed as classifying every pair would (numeric: test_analyse)."""

from datetime import date

from conftest import assert_pairs_match_every_comparison, compare_with_pair_limit
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.model import Claim, Dating, Labelled, Topic

WHEN = {"2024": (date(2024, 1, 1), date(2024, 12, 31)), "2024-10": (date(2024, 10, 1), date(2024, 10, 31))}
WHEN |= {day: (date.fromisoformat(day),) * 2 for day in ("2024-10-28", "2024-11-02", "2025-04-01")}


def topic(exclusive: bool) -> Topic:
    categories = {c: Labelled(c, c, None) for c in ("bestaetigt", "bestreitet", "offen")}
    scopes = {s: Labelled(s, s, None) for s in ("russland", "kursk")}
    return Topic("lage", "Lage", "?", "categorical", None, categories, exclusive, scopes, None)


def claim(index: int, category: str, scope: str, when: str, claimant: str, article: str) -> Claim:
    start, end = WHEN[when]
    sources = tuple(claimant.split("+"))
    return Claim(
        f"c{index}", article, "lage", None, None, None, None, category, Dating(when, "stated", None, start, end),
        False, scope, sources[0], None, "e", None, source=sources[0], sources=sources,
    )  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    drawn=st.lists(
        st.tuples(
            st.sampled_from(["bestaetigt", "bestreitet", "offen"]),
            st.sampled_from(["russland", "kursk"]),
            st.sampled_from(sorted(WHEN)),
            st.sampled_from(["a", "b", "a+b"]),
            st.sampled_from(["x", "y"]),
        ),
        max_size=30,
    ),
    exclusive=st.booleans(),
    limit=st.sampled_from([1, 3, 100]),
)
def test_pairs_of_a_categorical_topic_equal_classifying_every_pair(drawn, exclusive, limit):
    claims = [claim(i, *fields) for i, fields in enumerate(drawn)]
    result = compare_with_pair_limit(topic(exclusive), claims, limit)
    assert_pairs_match_every_comparison(result, limit)
