"""Text heuristics behind `dossier new`: what a German article text suggests for its YAML.

Everything found here stands in the text: registry names (through the analyse stage's own matcher,
`mentions.py`), quotations, numbers and dates. Nothing is looked up elsewhere and nothing is
decided: each suggestion carries the reason it was made, so the curator can check it. The German
is read by `generator.language`; names, quotes and claims are found by the modules beside this one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.analysis.mentions import Mention, find_mentions
from generator.content.model import ENTITY_KINDS, Entity, Paragraph, Topic, split_paragraphs
from generator.language.dates import StatedDate, find_dateline, find_dates
from generator.tools.claims import ClaimSuggestion, dates_by_paragraph, find_claims
from generator.tools.context import Context
from generator.tools.new_names import NameCandidate, find_new_names
from generator.tools.speakers import QuoteSuggestion, find_quotes


@dataclass(frozen=True)
class Registry:
    """The people, organisations, places and topics known to the dossier."""

    entities: dict[str, dict[str, Entity]]
    topics: dict[str, Topic]


@dataclass(frozen=True)
class MentionSuggestion:
    """A registry entry found in the text, with the spellings used."""

    entity: Entity
    forms: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Suggestions:
    """Everything the text suggests for its YAML."""

    mentions: list[MentionSuggestion]
    new_names: list[NameCandidate]
    quotes: list[QuoteSuggestion]
    claims: list[ClaimSuggestion]
    dates: list[StatedDate]
    published: StatedDate | None
    skipped_numbers: list[str]
    vague: list[str] = field(default_factory=list)  # vague quantities ("Hunderte"), described, never claims


def suggest(text: str, registry: Registry, today: date) -> Suggestions:
    """Collect every suggestion the text supports."""
    paragraphs = split_paragraphs(text)
    mentions: dict[int, list[Mention]] = {}
    for mention in find_known(paragraphs, registry.entities):
        mentions.setdefault(mention.paragraph, []).append(mention)
    contexts = [Context.of(p, mentions.get(p.number, [])) for p in paragraphs]
    dates = [found for c in contexts for found in find_dates(c.text, c.number, today)]
    dateline = agency_dateline(contexts, dates, today)
    if dateline is not None and dateline.reason:  # its numbers ("13. Dez") are no figures (with a year: a date found)
        dates = sorted([*dates, dateline], key=lambda d: (d.paragraph, d.offset))
    vague: list[str] = []
    claims, skipped = find_claims(contexts, registry.topics, dates, vague)
    new_names = find_new_names(contexts)  # before the quotes: an unregistered speaker is named by it
    return Suggestions(
        mentions=summarise_mentions(contexts),
        new_names=new_names,
        quotes=find_quotes(contexts),
        claims=claims,
        dates=dates,
        published=dateline_date(contexts, dates) or dateline,
        skipped_numbers=skipped,
        vague=vague,
    )


def find_known(paragraphs: list[Paragraph], entities: dict[str, dict[str, Entity]]) -> list[Mention]:
    """Find every registry entry in the text, as the analyse stage does (longest name wins)."""
    return find_mentions((entity for kind in ENTITY_KINDS for entity in entities[kind].values()), paragraphs)


def summarise_mentions(contexts: list[Context]) -> list[MentionSuggestion]:
    """Group mentions by entry, in order of first appearance, with the spellings used."""
    spellings: dict[str, list[str]] = {}
    entities: dict[str, Entity] = {}
    for context in contexts:
        for mention in context.mentions:
            spellings.setdefault(mention.entity.id, []).append(context.spelling(mention))
            entities[mention.entity.id] = mention.entity
    return [MentionSuggestion(entities[i], tuple(dict.fromkeys(forms)), len(forms)) for i, forms in spellings.items()]


def dateline_date(contexts: list[Context], dates: list[StatedDate]) -> StatedDate | None:
    """Return the full date of a `Veröffentlicht:` dateline, if the text has one."""
    by_paragraph = dates_by_paragraph(dates)
    for context in contexts:
        if context.kind == "dateline" and context.text.startswith("Veröffentlicht"):
            for found in by_paragraph.get(context.number, []):
                if found.kind == "day":
                    return found
    return None


def agency_dateline(contexts: list[Context], dates: list[StatedDate], today: date) -> StatedDate | None:
    """Return the date of the first agency dateline ("Seoul, 13. Dez (Reuters) -") opening a paragraph."""
    years = [int(d.iso[:4]) for d in dates if d.iso is not None]
    for context in contexts:
        found = find_dateline(context.text, context.number, years, today)
        if found is not None:
            return found
    return None
