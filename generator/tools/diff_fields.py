"""Describe the dossier's items for `dossier diff`: keys, one-line descriptions and every reviewable field.

Fields are read from the model's dataclasses themselves, so a field added to the model shows up
in the review without a change here; only fields derived from others are left out (see SKIP).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.content.model import (
    ENTITY_KINDS,
    KIND_NAMES,
    Article,
    Claim,
    Dating,
    Dossier,
    Event,
    Labelled,
    Quote,
    Topic,
)
from generator.language.numbers import format_plain
from generator.site.values import format_value
from generator.tools.english import NOT_NAMED

Fields = dict[str, str]
MISSING = "–"
FIELD_LIMIT = 80  # characters of each side of a changed field
# Model fields not compared one by one, and why: ids are the keys; `meta`, `spans`, `index`,
# `text_path`, `source` and `sources` are derived or only locate an item; the value fields of a claim make
# up its `value` as readers see it; an article's quotes and claims are items of their own, and
# its paragraphs are its `text`; the dossier's registries, articles, pages and events are sections.
SKIP: dict[type, set[str]] = {
    Article: {"id", "quotes", "claims", "paragraphs", "text_path", "meta"},
    Quote: {"id", "article", "parts", "spans"},
    Claim: {"id", "article", "spans", "source", "sources", "value", "qualifier", "as_of", "as_of_inherited"},
    Topic: {"id"},
    Event: {"id", "meta", "index", "spans"},
    Dossier: {"entities", "topics", "articles", "pages", "events"},
}


@dataclass
class Change:
    """One added, removed or changed item, described for a reviewer."""

    change: str  # added, removed, changed
    key: str
    text: str
    details: list[str] = field(default_factory=list)
    kind: str = ""  # of a discrepancy: the class (its value) that makes it matter most; of a topic's figures: "topic"


def diff_items(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    describe: Callable[[Any], str],
    fields: Callable[[Any], Fields],
    card: Callable[[Any], Fields] | None = None,
    context: bool = False,
) -> list[Change]:
    """List items added, removed and changed (in their reviewable fields), in key order.

    With a `card`, an added or removed item is shown in full; with `context` too, a changed item is
    followed by the rest of its card.
    """
    changes = []
    for key in sorted(old.keys() | new.keys()):
        if key not in old:
            changes.append(Change("added", key, describe(new[key]), card_lines(card, new[key])))
        elif key not in new:
            changes.append(Change("removed", key, describe(old[key]), card_lines(card, old[key])))
        else:
            before, after = fields(old[key]), fields(new[key])
            names = [name for name in dict.fromkeys([*before, *after]) if before.get(name) != after.get(name)]
            if names:
                details = [field_change(name, before.get(name, MISSING), after.get(name, MISSING)) for name in names]
                rest = card_lines(card, new[key], {name.split(".")[0] for name in names}) if context else []
                changes.append(Change("changed", key, describe(new[key]), details + rest))
    return changes


def card_lines(card: Callable[[Any], Fields] | None, item: Any, shown: Collection[str] = ()) -> list[str]:
    """Write an item's card as `name: text` lines, leaving out the fields already `shown`."""
    return [f"{name}: {text}" for name, text in (card(item) if card else {}).items() if name not in shown]


def field_change(name: str, old: str, new: str) -> str:
    """Describe one changed field as `name: old → new`, both cut around where they first differ."""
    before, after = cut_pair(old, new)
    same_words = old.split() == new.split()
    return f"{name}: {before} → {after}" + (" (white space only)" if same_words else "")


def cut_pair(old: str, new: str, limit: int = FIELD_LIMIT) -> tuple[str, str]:
    """Shorten two texts to `limit` characters each, starting a little before their first difference."""
    if len(old) <= limit and len(new) <= limit:
        return old, new
    same = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    start = max(0, same - limit // 4)
    return cut(old, start, limit), cut(new, start, limit)


def cut(text: str, start: int, limit: int) -> str:
    """Return `limit` characters of `text` from `start`, marking what is left out with an ellipsis."""
    head = "…" if start else ""
    tail = "…" if start + limit < len(text) else ""
    return head + text[start : start + limit] + tail


def shorten(text: str, limit: int = 90) -> str:
    """Cut a text to `limit` characters, ending it with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def show(value: Any) -> str:
    """Write a model value as one text: nothing as –, lists joined, dates with their basis."""
    if value is None or value == "" or value == [] or value == {}:
        return MISSING
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_plain(value)
    if isinstance(value, Dating):
        return f"{value.text} ({value.basis}{': ' + value.reason if value.reason else ''})"
    if isinstance(value, Labelled):
        return value.label + (f" (place: {value.place})" if value.place else "")
    if isinstance(value, list | tuple):
        texts = [show(item) for item in value]
        return ("; " if any(" " in text for text in texts) else ", ").join(texts)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {show(item)}" for key, item in value.items())
    return str(value)


def model_fields(item: Any) -> Fields:
    """Return every field of a model dataclass but those SKIPped; a mapping gives one field per key."""
    fields: Fields = {}
    for model_field in dataclasses.fields(item):
        if model_field.name in SKIP[type(item)]:
            continue
        value = getattr(item, model_field.name)
        if isinstance(value, dict):
            fields.update({f"{model_field.name}.{key}": show(entry) for key, entry in value.items()})
        else:
            fields[model_field.name] = show(value)
    return fields


def articles_of(dossier: Dossier | None) -> dict[str, Article]:
    """Key every article by its id."""
    return dossier.articles if dossier else {}


def quotes_of(dossier: Dossier | None) -> dict[str, tuple[Quote, Dossier]]:
    """Key every quote by `article#q-id`, with its dossier to name its speaker."""
    if not dossier:
        return {}
    return {f"{a.id}#q-{q.id}": (q, dossier) for a in dossier.articles.values() for q in a.quotes}


def claims_of(dossier: Dossier | None) -> dict[str, tuple[Claim, Dossier]]:
    """Key every claim by `article#c-id`, with its dossier to name its topic and value."""
    if not dossier:
        return {}
    return {f"{a.id}#c-{c.id}": (c, dossier) for a in dossier.articles.values() for c in a.claims}


def entries_of(dossier: Dossier | None) -> dict[str, tuple[str, Any]]:
    """Key every registry entry (people, organisations, places, topics) by `kind/id`."""
    if not dossier:
        return {}
    entries = {f"{kind}/{e.id}": (kind, e) for kind in ENTITY_KINDS for e in dossier.entities[kind].values()}
    return entries | {f"topics/{t.id}": ("topics", t) for t in dossier.topics.values()}


def settings_of(dossier: Dossier | None) -> dict[str, Any]:
    """Key the dossier's own settings (content/dossier.yaml) and each of its events."""
    if not dossier:
        return {}
    return {"dossier.yaml": dossier} | {f"events/{e.id}": e for e in dossier.events}


def describe_article(article: Article) -> str:
    """Name an article by its title and date."""
    return f"{article.title} ({article.published.german()})"


def article_fields(article: Article) -> Fields:
    """Return an article's fields; its text as a count of paragraphs and a digest."""
    text = "\n".join(p.text for p in article.paragraphs)
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return model_fields(article) | {"text": f"{len(article.paragraphs)} paragraphs, sha256 {digest}"}


def describe_quote(item: tuple[Quote, Dossier]) -> str:
    """Name a quote by its speaker (an unnamed one in the text's words) and its words."""
    quote, dossier = item
    speaker = name_of(quote.speaker, dossier)
    if quote.speaker is None and quote.attribution:
        speaker = f"{speaker} („{quote.attribution}“)"
    return f"{speaker}: „{shorten(quote.text)}“"


def quote_fields(item: tuple[Quote, Dossier]) -> Fields:
    """Return a quote's words and every field of the model."""
    quote, _ = item
    return {"text": quote.text, **model_fields(quote)}


def name_of(entity_id: str | None, dossier: Dossier) -> str:
    """Return the name of a person or organisation, or say that the text names nobody."""
    return dossier.entity(entity_id).name if entity_id else NOT_NAMED


def claim_fields(item: tuple[Claim, Dossier]) -> Fields:
    """Return a claim's fields: its value as readers see it, then every field of the model."""
    claim, dossier = item
    as_of = "the article's date" if claim.as_of_inherited else show(claim.as_of)
    return {"value": format_value(claim, dossier.topics[claim.topic]), "as_of": as_of, **model_fields(claim)}


def describe_entry(item: tuple[str, Any]) -> str:
    """Name a registry entry by its kind and name."""
    kind, entry = item
    return f"{KIND_NAMES[kind]} {getattr(entry, 'name', None) or entry.title}"


def entry_fields(item: tuple[str, Any]) -> Fields:
    """Return a registry entry's fields: every key of its YAML, or every field of a topic."""
    kind, entry = item
    if kind == "topics":
        return model_fields(entry)
    return {key: show(value) for key, value in sorted(entry.data.items())}


def describe_setting(item: Dossier | Event) -> str:
    """Name the dossier by its title, or an event by its title and date."""
    if isinstance(item, Event):
        return f"event: {item.title} ({item.date.german()})"
    return f"dossier: {item.title}"


def setting_fields(item: Dossier | Event) -> Fields:
    """Return every field of the dossier's settings, or of an event."""
    return model_fields(item)
