"""JSON-LD: what the content says, nothing more, and no way out of the script element."""

import json
import re

from conftest import TODAY, write_content

from generator.pipeline import check
from generator.site.jsonld import article_jsonld, topic_jsonld


def href(kind: str, item_id: str, anchor: str | None) -> str:
    return f"../{kind}/{item_id}/" + (f"#{anchor}" if anchor else "")


def parse(tag: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', tag)
    assert match, tag
    return json.loads(match.group(1))


def test_article_is_a_news_article_with_mentions_and_citations(tmp_path, content):
    d = check(write_content(tmp_path, content), TODAY).dossier
    data = parse(article_jsonld(d, d.articles["erster-artikel"], href))
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-10-28"
    assert "publisher" not in data and "author" not in data and "url" not in data  # unknown: not stated
    assert data["mentions"][0] == {"@type": "Organization", "name": "Amt", "url": "../organisations/amt/"}
    assert [c["@type"] for c in data["citation"]] == ["Quotation", "Claim", "Claim"]
    assert data["citation"][0]["spokenByCharacter"]["name"] == "Anna Muster"
    assert data["citation"][1]["url"] == "../articles/erster-artikel/#c-c1"


def test_topic_lists_its_claims_with_where_they_appear(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    topic = checked.analysis.topics["zahl"]
    data = parse(topic_jsonld(checked.dossier, topic.topic, topic.claims, href))
    claims = data["itemListElement"]
    assert [c["author"]["name"] for c in claims] == ["Anna Muster", "Amt"]
    assert claims[0]["appearance"]["headline"] == "Erster Artikel"


def test_content_cannot_close_the_script_element(tmp_path, content):
    content["articles"]["erster-artikel"]["meta"]["title"] = "</script><script>alert(1)</script> & <!--"
    d = check(write_content(tmp_path, content), TODAY).dossier
    tag = article_jsonld(d, d.articles["erster-artikel"], href)
    inner = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner
    assert parse(tag)["headline"] == "</script><script>alert(1)</script> & <!--"
