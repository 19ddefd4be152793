"""schema.org JSON-LD for article pages (NewsArticle) and topic pages (Claim items).

Only what the content says is stated: no publisher, author or URL unless curated, dates at their
precision (`2024`, `2024-10`). Links are relative to the page, as JSON-LD resolves them against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.content.model import Article, Claim, Dossier, Entity, Quote, Topic
from generator.site.values import format_value

SCHEMA_TYPES = {"people": "Person", "organisations": "Organization", "places": "Place"}
# Inside <script>, "<" could end the element early ("</script>"); JSON allows escaping it.
SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}

Href = Callable[[str, str, str | None], str]  # (kind, id, anchor) → URL relative to the page


def script_tag(data: dict[str, Any]) -> str:
    """Return a one-line JSON-LD script element that no content can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for character, escaped in SCRIPT_SAFE.items():  # str.replace: str.translate is slow on long non-ASCII text
        text = text.replace(character, escaped)
    return f'<script type="application/ld+json">{text}</script>'


def entity_ref(entity: Entity, href: Href) -> dict[str, Any]:
    return {"@type": SCHEMA_TYPES[entity.kind], "name": entity.name, "url": href(entity.kind, entity.id, None)}


def article_jsonld(dossier: Dossier, article: Article, href: Href) -> str:
    """Describe an article as a NewsArticle with the entities it mentions, its quotations and claims."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "inLanguage": article.language,
        "datePublished": article.published.text,
    }
    if article.url:
        data["url"] = article.url
    if article.outlet:
        data["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    mentioned = [dossier.entity(i) for kind in sorted(article.mentions) for i in article.mentions[kind]]
    data["mentions"] = [entity_ref(e, href) for e in mentioned]
    quotations = [quotation(dossier, q, href) for q in article.quotes]
    claims = [claim_item(dossier, c, href, with_source=False) for c in article.claims]
    data["citation"] = quotations + claims
    return script_tag(data)


def quotation(dossier: Dossier, quote: Quote, href: Href) -> dict[str, Any]:
    """Describe a quotation; a speaker the text does not name is left out, not guessed."""
    item: dict[str, Any] = {"@type": "Quotation", "text": quote.text}
    if quote.speaker:
        item["spokenByCharacter"] = entity_ref(dossier.entity(quote.speaker), href)
    item["url"] = href("articles", quote.article, f"q-{quote.id}")
    return item


def claim_item(dossier: Dossier, claim: Claim, href: Href, with_source: bool = True) -> dict[str, Any]:
    """Describe a claim: its value as the site writes it, its passage, who makes it, when it held, where it appears."""
    item: dict[str, Any] = {
        "@type": "Claim",
        "name": format_value(claim, dossier.topics[claim.topic], unit=True),
        "text": claim.excerpt,
        "datePublished": claim.as_of.text,
        "url": href("articles", claim.article, f"c-{claim.id}"),
    }
    authors = [entity_ref(dossier.entity(c), href) for c in dict.fromkeys(filter(None, claim.claimants))]
    if authors:
        item["author"] = authors[0] if len(authors) == 1 else authors
    if with_source:
        article = dossier.articles[claim.article]
        item["appearance"] = {
            "@type": "NewsArticle",
            "headline": article.title,
            "datePublished": article.published.text,
            "url": href("articles", article.id, None),
        }
    return item


def topic_jsonld(dossier: Dossier, topic: Topic, claims: list[Claim], href: Href) -> str:
    """Describe a topic page as a list of the claims on it."""
    data = {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": topic.title,
        "description": topic.question,
        "itemListElement": [claim_item(dossier, c, href) for c in claims],
    }
    return script_tag(data)
