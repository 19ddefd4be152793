"""Atom feeds: articles by publication date, and per claim topic the claims reported on it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator

from generator.content.model import Article, Claim, Dating, Dossier, Topic
from generator.site.labels import claimant_name
from generator.site.paths import SECTIONS, page_path, url_from
from generator.site.values import format_value

FEED_DIR = "feeds"
ARTICLE_FEED = f"{FEED_DIR}/artikel.xml"


def render_feeds(dossier: Dossier) -> dict[str, str]:
    """Return every feed by site path."""
    feeds = {ARTICLE_FEED: render_article_feed(dossier)}
    for topic in sorted(dossier.topics.values(), key=lambda t: t.id):
        feeds[topic_feed(topic)] = render_topic_feed(dossier, topic)
    return feeds


def topic_feed(topic: Topic) -> str:
    return f"{FEED_DIR}/themen/{topic.id}.xml"


def stamp(day: date) -> datetime:
    """Date an entry at midnight UTC of its day: the content's date, never the build clock."""
    return datetime.combine(day, time(), tzinfo=UTC)


def new_feed(feed_id: str, title: str, subtitle: str, page: str, updated: date) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(title)
    feed.subtitle(subtitle)
    feed.language("de")
    feed.link(href=page, rel="alternate")
    feed.updated(stamp(updated))
    feed.generator("dossier publisher")
    return feed


def latest(datings: list[Dating]) -> date:
    return max((d.start for d in datings), default=date(1970, 1, 1))


def render_article_feed(dossier: Dossier) -> str:
    """List articles, newest first, dated by their publication date's start."""
    articles = sorted(dossier.articles.values(), key=lambda a: (-a.published.start.toordinal(), a.id))
    feed = new_feed(
        "urn:dossier:artikel",
        f"{dossier.title}: Artikel",
        "Neue Artikel im Dossier, nach Erscheinungsdatum.",
        url_from(ARTICLE_FEED, f"{SECTIONS['articles']}/index.md"),
        latest([a.published for a in articles]),
    )
    for article in articles:
        entry = feed.add_entry(order="append")
        entry.id(f"urn:dossier:artikel:{article.id}")
        entry.title(article.title)
        entry.link(href=url_from(ARTICLE_FEED, page_path("articles", article.id)))
        entry.updated(stamp(article.published.start))
        entry.published(stamp(article.published.start))
        entry.summary(article_summary(article))
    return atom_text(feed)


def article_summary(article: Article) -> str:
    dated = article.published.german() + (" (erschlossen)" if article.published.basis == "inferred" else "")
    return f"Erschienen: {dated}. {len(article.quotes)} Zitate, {len(article.claims)} Angaben."


def render_topic_feed(dossier: Dossier, topic: Topic) -> str:
    """List the claims on a topic, newest article first."""
    claims = [c for a in dossier.articles.values() for c in a.claims if c.topic == topic.id]
    claims.sort(key=lambda c: (-dossier.articles[c.article].published.start.toordinal(), c.article))
    feed = new_feed(
        f"urn:dossier:themen:{topic.id}",
        f"{dossier.title}: {topic.title}",
        topic.question,
        url_from(topic_feed(topic), page_path("topics", topic.id)),
        latest([dossier.articles[c.article].published for c in claims]),
    )
    for claim in claims:
        article = dossier.articles[claim.article]
        entry = feed.add_entry(order="append")
        entry.id(f"urn:dossier:angabe:{claim.article}:{claim.id}")
        entry.title(claim_title(dossier, topic, claim))
        entry.link(href=url_from(topic_feed(topic), page_path("articles", claim.article), f"c-{claim.id}"))
        entry.updated(stamp(article.published.start))
        entry.summary(f"„{claim.excerpt}“ – {article.title}, ¶ {claim.spans[0].paragraph}")
    return atom_text(feed)


def claim_title(dossier: Dossier, topic: Topic, claim: Claim) -> str:
    """Name the claim: value with its unit or category, and who makes it."""
    return f"{format_value(claim, topic, unit=True)} ({claimant_name(dossier, claim)}, Stand {claim.as_of.german()})"


def atom_text(feed: FeedGenerator) -> str:
    xml: bytes = feed.atom_str(pretty=True)
    return xml.decode("utf-8")
