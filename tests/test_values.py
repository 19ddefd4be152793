"""A claim's value as readers see it (site/values.py, content/values.py): bounds and vague words, never invented."""

from __future__ import annotations

from conftest import TODAY, write_content

from generator.content.values import ClaimValue
from generator.content.vocabulary import Qualifier
from generator.pipeline import check, render_encoded
from generator.site.values import stated_numbers, vague_words

EXTRA = "Das Amt schätzte 30.000 bis 40.000 Soldaten in Russland.\nHunderte <b>Soldaten</b> seien in Kursk.\n"


def test_a_value_knows_its_numbers_its_range_and_its_open_end():
    found = [
        (v.numbers, v.is_range, v.open_end)
        for v in (
            ClaimValue(None, 30000, 40000),
            ClaimValue(12000, upper=12000, qualifier=Qualifier.BIS_ZU),
            ClaimValue(None, lower=3000),
            ClaimValue(3000, qualifier=Qualifier.MINDESTENS),
            ClaimValue(vague="Hunderte"),
        )
    ]
    assert found == [
        ((30000, 40000), True, None),
        ((12000, 12000), False, "down"),
        ((3000,), False, "up"),
        ((3000,), False, "up"),
        ((), False, None),
    ]


def test_the_topic_range_uses_the_bounds_and_lists_vague_words_apart(tmp_path, content, meta):
    content["articles"]["erster-artikel"]["text"] += EXTRA
    base = {"topic": "zahl", "scope": "russland", "claimant": "amt"}
    meta["claims"] += [
        {"id": "c3", "lower": 30000, "upper": 40000, "excerpt": "30.000 bis 40.000 Soldaten in Russland", **base},
        {"id": "c4", "vague": "Hunderte <b>", "excerpt": "Hunderte <b>Soldaten</b> seien in Kursk", **base},
    ]
    checked = check(write_content(tmp_path, content), TODAY)
    claims = checked.analysis.topics["zahl"].claims
    assert (stated_numbers(claims), vague_words(claims)) == ([3000, 10000, 30000, 40000], ["Hunderte <b>"])
    page = render_encoded(checked)["themen/zahl.md"].decode()
    assert "- Spanne: 3.000 bis 40.000 Soldaten\n" in page
    assert "- Ohne Zahl: „Hunderte &#60;b&#62;“\n" in page
