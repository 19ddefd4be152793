"""The dossier as reusable data: `data/dossier.json` (with its JSON Schema), `claims.csv`, `quotes.csv`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from generator.analysis.compare import Analysis
from generator.analysis.provenance import Provenance, describe_source
from generator.content.model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Entity, Quote, Span, Topic
from generator.content.vocabulary import DiscrepancyKind
from generator.site.export_schema import EXPORT_SCHEMA
from generator.site.labels import reason_text
from generator.site.paths import page_path, url_from
from generator.site.values import format_value

DATA_DIR = "data"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CLAIM_COLUMNS = (
    "article",
    "claim",
    "topic",
    "value",
    "lower",
    "upper",
    "vague",
    "qualifier",
    "category",
    "as_of",
    "as_of_basis",
    "scope",
    "claimant",
    "claimant_kind",
    "attribution",
    "citing",
    "cites",
    "source",
    "source_kind",
    "source_party",
    "excerpt",
    "paragraph",
    "page",
)
QUOTE_COLUMNS = (
    "article",
    "quote",
    "speaker",
    "speaker_kind",
    "attribution",
    "role",
    "text",
    "topic",
    "paragraph",
    "page",
)


def render_exports(analysis: Analysis) -> dict[str, bytes]:
    """Return the data files by site path."""
    dossier = analysis.dossier
    articles = sorted(dossier.articles.values(), key=lambda a: a.id)
    claims = [c for a in articles for c in a.claims]
    quotes = [q for a in articles for q in a.quotes]
    return {
        f"{DATA_DIR}/dossier.json": dump_records(export_model(analysis)),
        f"{DATA_DIR}/dossier.schema.json": dump_json(EXPORT_SCHEMA).encode(),
        f"{DATA_DIR}/claims.csv": render_csv(CLAIM_COLUMNS, [claim_row(dossier, c) for c in claims]).encode(),
        f"{DATA_DIR}/quotes.csv": render_csv(QUOTE_COLUMNS, [quote_row(q) for q in quotes]).encode(),
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def dump_records(data: dict[str, Any]) -> bytes:
    """Write a top-level object with one list item per line: diffable, and encoded by json's C encoder.

    `indent` makes json fall back to its Python encoder, which for a large dossier is several
    times slower and holds every token of the file as a separate string before joining them.
    """
    out = io.BytesIO()
    out.write(b"{\n")
    for index, (key, value) in enumerate(data.items()):
        out.write((",\n" if index else "").encode() + json.dumps(key).encode() + b": ")
        if isinstance(value, Iterator):
            first = True
            for item in value:
                out.write((b"[\n" if first else b",\n") + json.dumps(item, ensure_ascii=False).encode())
                first = False
            out.write(b"[]" if first else b"\n]")
        else:
            out.write(json.dumps(value, ensure_ascii=False).encode())
    out.write(b"\n}\n")
    return out.getvalue()


def export_model(analysis: Analysis) -> dict[str, Any]:
    """Return the complete model as plain data, in a stable order."""
    d = analysis.dossier
    articles = sorted(d.articles.values(), key=lambda a: a.id)
    return {
        "title": d.title,
        "summary": d.summary,
        "articles": (export_article(a) for a in articles),
        "entities": (export_entity(e) for kind in ENTITY_KINDS for e in sorted(d.entities[kind].values(), key=by_id)),
        "topics": (export_topic(t) for t in sorted(d.topics.values(), key=by_id)),
        "quotes": (export_quote(q) for a in articles for q in a.quotes),
        "claims": (export_claim(d, c) for a in articles for c in a.claims),
        "provenance": (export_provenance(p) for _, p in sorted(analysis.provenance.items())),
        "discrepancy_counts": {
            tid: {kind.value: topic.count(kind) for kind in DiscrepancyKind}
            for tid, topic in sorted(analysis.topics.items())
        },
        "discrepancies": (
            {
                "topic": tid,
                "a": claim_key(c.a),
                "b": claim_key(c.b),
                "kind": c.kind.value,
                "reason": reason_text(c, topic.topic),
            }
            for tid, topic in sorted(analysis.topics.items())
            for kind in DiscrepancyKind
            if kind.is_discrepancy
            for c in topic.listed.get(kind, [])
        ),
        "disputes": (
            {
                "topic": tid,
                "sides": list(dispute.sources),
                "kind": dispute.kind.value,
                "earlier": claim_key(dispute.earlier),
                "later": claim_key(dispute.later),
            }
            for tid, topic in sorted(analysis.topics.items())
            for dispute in topic.disputes
        ),
    }


def by_id(item: Entity | Topic) -> str:
    return item.id


def claim_key(claim: Claim) -> str:
    return f"{claim.article}#{claim.id}"


def item_url(kind: str, item_id: str, anchor: str | None = None) -> str:
    """Return the site-relative URL of an item's page."""
    return url_from("index.md", page_path(kind, item_id), anchor)


def export_dating(dating: Dating) -> dict[str, Any]:
    return {"date": dating.text, "precision": dating.precision, "basis": dating.basis, "reason": dating.reason}


def export_spans(spans: list[Span]) -> list[dict[str, int]]:
    return [{"paragraph": s.paragraph, "start": s.start, "end": s.end} for s in spans]


def export_article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "page": item_url("articles", article.id),
        "title": article.title,
        "source_file": article.source_file,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "language": article.language,
        "published": export_dating(article.published),
        "mentions": {kind: ids for kind, ids in sorted(article.mentions.items())},
        "tags": article.tags,
        "notes": article.notes,
        "paragraphs": len(article.paragraphs),
    }


def export_entity(entity: Entity) -> dict[str, Any]:
    fields = {k: v for k, v in sorted(entity.data.items()) if k not in ("id", "name", "aliases")}
    return {
        "kind": entity.kind,
        "id": entity.id,
        "page": item_url(entity.kind, entity.id),
        "name": entity.name,
        "aliases": entity.aliases,
        "fields": fields,
    }


def export_topic(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "page": item_url("topics", topic.id),
        "title": topic.title,
        "question": topic.question,
        "kind": topic.kind,
        "unit": topic.unit,
        "categories": {key: c.label for key, c in topic.categories.items()},
        "scopes": {key: s.label for key, s in topic.scopes.items()},
        "exclusive": topic.exclusive,
    }


def export_quote(quote: Quote) -> dict[str, Any]:
    return {
        "article": quote.article,
        "id": quote.id,
        "speaker": quote.speaker,
        "speaker_kind": quote.speaker_kind,
        "attribution": quote.attribution,
        "role": quote.role,
        "parts": quote.parts,
        "topic": quote.topic,
        "note": quote.note,
        "spans": export_spans(quote.spans),
    }


def export_claim(dossier: Dossier, claim: Claim) -> dict[str, Any]:
    source = describe_source(dossier, claim.source, claim.claimant_kind)
    return {
        "article": claim.article,
        "id": claim.id,
        "topic": claim.topic,
        "value": plain_number(claim.value),
        "lower": plain_number(claim.lower),
        "upper": plain_number(claim.upper),
        "vague": claim.vague,
        "qualifier": claim.qualifier,
        "category": claim.category,
        "as_of": export_dating(claim.as_of),
        "as_of_inherited": claim.as_of_inherited,
        "scope": claim.scope,
        "claimant": claim.claimant,
        "claimants": list(claim.claimants),
        "claimant_kind": claim.claimant_kind,
        "attribution": claim.attribution,
        "citing": claim.citing,
        "cites": claim.cites,
        "source": claim.source or None,
        "sources": [s or None for s in claim.sources],
        "source_kind": source.kind.value if source.kind else None,
        "source_party": source.party,
        "excerpt": claim.excerpt,
        "note": claim.note,
        "spans": export_spans(claim.spans),
    }


def export_provenance(provenance: Provenance) -> dict[str, Any]:
    return {
        "topic": provenance.topic.id,
        "articles": provenance.articles,
        "independent_sources": provenance.independent,
        "flags": provenance.flags,
        "values": [
            {
                "label": format_value(v.value, provenance.topic),
                "value": plain_number(v.value.number),
                "lower": plain_number(v.value.lower),
                "upper": plain_number(v.value.upper),
                "vague": v.value.vague,
                "qualifier": v.value.qualifier.value if v.value.qualifier else None,
                "category": v.value.category,
                "articles": v.articles,
                "independent_sources": v.independent,
                "sources": [s.key for s in v.sources],
                "unnamed_claims": len(v.unnamed),
                "first_seen": export_dating(v.first),
                "first_article": v.first_article,
            }
            for v in provenance.values
        ],
    }


def claim_row(dossier: Dossier, claim: Claim) -> list[object]:
    source = describe_source(dossier, claim.source, claim.claimant_kind)
    return [
        claim.article,
        claim.id,
        claim.topic,
        claim.value,
        claim.lower,
        claim.upper,
        claim.vague,
        claim.qualifier,
        claim.category,
        claim.as_of.text,
        claim.as_of.basis,
        claim.scope,
        ";".join(filter(None, claim.claimants)),
        claim.claimant_kind,
        claim.attribution,
        claim.citing,
        claim.cites,
        ";".join(filter(None, claim.sources)),
        source.kind.value if source.kind else None,
        "true" if source.party else "false",
        claim.excerpt,
        claim.spans[0].paragraph,
        item_url("articles", claim.article, f"c-{claim.id}"),
    ]


def quote_row(quote: Quote) -> list[object]:
    page = item_url("articles", quote.article, f"q-{quote.id}")
    who = [quote.speaker, quote.speaker_kind, quote.attribution, quote.role]
    return [quote.article, quote.id, *who, quote.text, quote.topic, quote.spans[0].paragraph, page]


def render_csv(columns: tuple[str, ...], rows: list[list[object]]) -> str:
    """Write RFC 4180 CSV with `\\n` line ends; empty cells for missing values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[csv_cell(cell) for cell in row] for row in rows])
    return out.getvalue()


def csv_cell(value: object) -> object:
    """Return a cell value; text a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return plain_number(value) if isinstance(value, float) else value


def plain_number(value: float | None) -> float | int | None:
    """Return whole numbers as integers, so that 10000.0 is written 10000."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
