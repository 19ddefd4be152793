"""Atom feeds: well-formed, dated from the content, newest first, text escaped."""

import xml.etree.ElementTree as ET

from conftest import REPO, TODAY, write_content

from generator.pipeline import check
from generator.site.feeds import render_feeds

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(xml: str) -> list[ET.Element]:
    return ET.fromstring(xml).findall(f"{ATOM}entry")


def test_article_feed_lists_articles_newest_first_dated_by_publication():
    feeds = render_feeds(check(REPO, TODAY).dossier)
    root = ET.fromstring(feeds["feeds/artikel.xml"])
    assert root.findtext(f"{ATOM}updated") == "2025-04-01T00:00:00+00:00"  # KCNA, April 2025: the newest
    links = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]
    assert links[0] == "../artikel/kcna-bestaetigt-einsatz-kursk/" and len(links) == 5
    assert set(feeds) >= {"feeds/themen/soldaten-in-russland.xml", "feeds/themen/anerkennung.xml"}


def test_topic_feed_has_one_entry_per_claim_with_its_passage(tmp_path, content):
    feeds = render_feeds(check(write_content(tmp_path, content), TODAY).dossier)
    found = [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href")) for e in entries(feeds["feeds/themen/zahl.xml"])
    ]
    assert found == [
        ("mindestens 3.000 Soldaten (Anna Muster, Stand 28. Oktober 2024)", "../../artikel/erster-artikel/#c-c1"),
        ("10.000 Soldaten (Amt, Stand 28. Oktober 2024)", "../../artikel/erster-artikel/#c-c2"),
    ]


def test_feeds_are_the_same_whenever_they_are_built(tmp_path, content):
    root = write_content(tmp_path, content)
    assert render_feeds(check(root, TODAY).dossier) == render_feeds(check(root, TODAY.replace(year=2030)).dossier)


def test_feed_text_is_escaped(tmp_path, content):
    content["articles"]["erster-artikel"]["meta"]["title"] = "<script>x</script> & Co"
    xml = render_feeds(check(write_content(tmp_path, content), TODAY).dossier)["feeds/artikel.xml"]
    assert "<script>" not in xml and "&lt;script&gt;x&lt;/script&gt; &amp; Co" in xml
    assert entries(xml)[0].findtext(f"{ATOM}title") == "<script>x</script> & Co"
