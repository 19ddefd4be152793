"""The dossier as reusable data: `data/dossier.json` (with its JSON Schema), `claims.csv`, `quotes.csv`."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.analysis.compare import Analysis
from generator.content.model import ENTITY_KINDS, Article, Claim, Dating, Dossier, Entity, Quote, Span, Topic
from generator.site.paths import page_path, url_from
from generator.analysis.provenance import Provenance, describe_source

DATA_DIR = "data"

DATING_SCHEMA = {
    "type": "object",
    "properties": {
        "date": {"type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD"},
        "precision": {"enum": ["year", "month", "day"]},
        "basis": {"enum": ["stated", "inferred"]},
        "reason": {"type": ["string", "null"], "description": "Why an inferred date was inferred."},
    },
    "required": ["date", "precision", "basis", "reason"],
    "additionalProperties": False,
}
SPANS_SCHEMA = {
    "type": "array",
    "description": "Where the passage stands: paragraph number (¶) and character offsets within it.",
    "items": {
        "type": "object",
        "properties": {"paragraph": {"type": "integer"}, "start": {"type": "integer"}, "end": {"type": "integer"}},
        "required": ["paragraph", "start", "end"],
        "additionalProperties": False,
    },
}
NULLABLE_TEXT = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def record(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    """Return the schema of an object whose keys are all required."""
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def listing(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


EXPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "dossier-export.schema.json",
    "title": "Dossier export (data/dossier.json)",
    **record(
        "The whole dossier: articles, registries, topics, quotes, claims and classified discrepancies.",
        {
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "articles": listing(
                record(
                    "An article and its curated metadata.",
                    {
                        "id": {"type": "string"},
                        "page": {"type": "string", "description": "Site-relative URL of its page."},
                        "title": {"type": "string"},
                        "source_file": {"type": "string"},
                        "outlet": NULLABLE_TEXT,
                        "url": NULLABLE_TEXT,
                        "author": NULLABLE_TEXT,
                        "language": {"type": "string"},
                        "published": DATING_SCHEMA,
                        "mentions": {"type": "object", "additionalProperties": listing({"type": "string"})},
                        "tags": listing({"type": "string"}),
                        "notes": listing({"type": "string"}),
                        "paragraphs": {"type": "integer", "description": "Number of paragraphs."},
                    },
                )
            ),
            "entities": listing(
                record(
                    "A person, organisation or place, with all its registry fields.",
                    {
                        "kind": {"enum": list(ENTITY_KINDS)},
                        "id": {"type": "string"},
                        "page": {"type": "string"},
                        "name": {"type": "string"},
                        "aliases": listing({"type": "string"}),
                        "fields": {"type": "object"},
                    },
                )
            ),
            "topics": listing(
                record(
                    "A claim topic.",
                    {
                        "id": {"type": "string"},
                        "page": {"type": "string"},
                        "title": {"type": "string"},
                        "question": {"type": "string"},
                        "kind": {"enum": ["numeric", "categorical"]},
                        "unit": NULLABLE_TEXT,
                        "categories": {"type": "object", "additionalProperties": {"type": "string"}},
                        "scopes": {"type": "object", "additionalProperties": {"type": "string"}},
                        "exclusive": {"type": "boolean"},
                    },
                )
            ),
            "quotes": listing(
                record(
                    "A quotation, with where it stands in its article.",
                    {
                        "article": {"type": "string"},
                        "id": {"type": "string"},
                        "speaker": {"type": "string"},
                        "role": {"type": "string"},
                        "parts": listing({"type": "string"}),
                        "topic": NULLABLE_TEXT,
                        "note": NULLABLE_TEXT,
                        "spans": SPANS_SCHEMA,
                    },
                )
            ),
            "claims": listing(
                record(
                    "A claim, with where its excerpt stands in its article.",
                    {
                        "article": {"type": "string"},
                        "id": {"type": "string"},
                        "topic": {"type": "string"},
                        "value": NULLABLE_NUMBER,
                        "lower": NULLABLE_NUMBER,
                        "upper": NULLABLE_NUMBER,
                        "qualifier": NULLABLE_TEXT,
                        "category": NULLABLE_TEXT,
                        "as_of": DATING_SCHEMA,
                        "as_of_inherited": {"type": "boolean", "description": "True when as_of is the article's date."},
                        "scope": {"type": "string"},
                        "claimant": NULLABLE_TEXT,
                        "claimant_kind": NULLABLE_TEXT,
                        "attribution": NULLABLE_TEXT,
                        "citing": NULLABLE_TEXT,
                        "source": {
                            "type": ["string", "null"],
                            "description": "The independent source: the claimant, or the organisation a "
                            "spokesperson speaks for; null when the text names nobody.",
                        },
                        "source_kind": NULLABLE_TEXT,
                        "source_party": {
                            "type": "boolean",
                            "description": "True when the source is a state body or official of a party to the "
                            "conflict.",
                        },
                        "excerpt": {"type": "string"},
                        "note": NULLABLE_TEXT,
                        "spans": SPANS_SCHEMA,
                    },
                )
            ),
            "provenance": listing(
                record(
                    "Per topic, how many articles and independent sources carry each value. Claims without a "
                    "named source count together as one source.",
                    {
                        "topic": {"type": "string"},
                        "articles": {"type": "integer"},
                        "independent_sources": {"type": "integer"},
                        "flags": listing({"enum": ["single", "parties", "unnamed"]}),
                        "values": listing(
                            record(
                                "One value (a number, a range or a category; qualifiers and scopes aside).",
                                {
                                    "label": {"type": "string", "description": "The value as the site shows it."},
                                    "value": NULLABLE_NUMBER,
                                    "lower": NULLABLE_NUMBER,
                                    "upper": NULLABLE_NUMBER,
                                    "qualifier": {
                                        "type": ["string", "null"],
                                        "description": "The hedge the value is grouped with; `etwa` counts as none.",
                                    },
                                    "category": NULLABLE_TEXT,
                                    "articles": listing({"type": "string"}),
                                    "independent_sources": {"type": "integer"},
                                    "sources": listing({"type": "string"}),
                                    "unnamed_claims": {"type": "integer"},
                                    "first_seen": DATING_SCHEMA,
                                    "first_article": {"type": "string"},
                                },
                            )
                        ),
                    },
                )
            ),
            "discrepancy_counts": {
                "type": "object",
                "description": "Per topic, how many pairs of claims fall into each class (complete counts).",
                "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
            "discrepancies": listing(
                record(
                    "Two claims of a topic that do not agree, and how their difference is classified. Per topic "
                    "and class at most the first 50 pairs are listed (pairs grow with the square of the claims); "
                    "`discrepancy_counts` has the totals, and the claims allow recomputing all pairs.",
                    {
                        "topic": {"type": "string"},
                        "a": {"type": "string", "description": "`<article>#<claim id>`"},
                        "b": {"type": "string", "description": "`<article>#<claim id>`"},
                        "kind": {"enum": ["contradiction", "change", "scope"]},
                        "reason": {"type": "string"},
                    },
                )
            ),
        },
    ),
}

CLAIM_COLUMNS = (
    "article",
    "claim",
    "topic",
    "value",
    "lower",
    "upper",
    "qualifier",
    "category",
    "as_of",
    "as_of_basis",
    "scope",
    "claimant",
    "claimant_kind",
    "attribution",
    "citing",
    "source",
    "source_kind",
    "source_party",
    "excerpt",
    "paragraph",
    "page",
)
QUOTE_COLUMNS = ("article", "quote", "speaker", "role", "text", "topic", "paragraph", "page")


def render_exports(analysis: Analysis) -> dict[str, str]:
    """Return the data files by site path."""
    dossier = analysis.dossier
    articles = sorted(dossier.articles.values(), key=lambda a: a.id)
    claims = [c for a in articles for c in a.claims]
    quotes = [q for a in articles for q in a.quotes]
    return {
        f"{DATA_DIR}/dossier.json": dump_records(export_model(analysis)),
        f"{DATA_DIR}/dossier.schema.json": dump_json(EXPORT_SCHEMA),
        f"{DATA_DIR}/claims.csv": render_csv(CLAIM_COLUMNS, [claim_row(dossier, c) for c in claims]),
        f"{DATA_DIR}/quotes.csv": render_csv(QUOTE_COLUMNS, [quote_row(q) for q in quotes]),
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def dump_records(data: dict[str, Any]) -> str:
    """Write a top-level object with one list item per line: diffable, and encoded by json's C encoder.

    `indent` makes json fall back to its Python encoder, which for a large dossier is several
    times slower and holds every token of the file as a separate string before joining them.
    """
    lines = []
    for key, value in data.items():
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
            lines.append(f"{name}: [\n{items}\n]")
        else:
            lines.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def export_model(analysis: Analysis) -> dict[str, Any]:
    """Return the complete model as plain data, in a stable order."""
    d = analysis.dossier
    articles = sorted(d.articles.values(), key=lambda a: a.id)
    return {
        "title": d.title,
        "summary": d.summary,
        "articles": [export_article(a) for a in articles],
        "entities": [export_entity(e) for kind in ENTITY_KINDS for e in sorted(d.entities[kind].values(), key=by_id)],
        "topics": [export_topic(t) for t in sorted(d.topics.values(), key=by_id)],
        "quotes": [export_quote(q) for a in articles for q in a.quotes],
        "claims": [export_claim(d, c) for a in articles for c in a.claims],
        "provenance": [export_provenance(p) for _, p in sorted(analysis.provenance.items())],
        "discrepancy_counts": {
            tid: {kind: topic.count(kind) for kind in ("contradiction", "change", "scope", "agreement")}
            for tid, topic in sorted(analysis.topics.items())
        },
        "discrepancies": [
            {"topic": tid, "a": claim_key(c.a), "b": claim_key(c.b), "kind": c.kind, "reason": c.reason}
            for tid, topic in sorted(analysis.topics.items())
            for kind in ("contradiction", "change", "scope")
            for c in topic.listed.get(kind, [])
        ],
    }


def by_id(item: Entity | Topic) -> str:
    return item.id


def claim_key(claim: Claim) -> str:
    return f"{claim.article}#{claim.id}"


def page_url(kind: str, item_id: str, anchor: str | None = None) -> str:
    """Return the site-relative URL of an item's page."""
    return url_from("index.md", page_path(kind, item_id), anchor)


def export_dating(dating: Dating) -> dict[str, Any]:
    return {"date": dating.text, "precision": dating.precision, "basis": dating.basis, "reason": dating.reason}


def export_spans(spans: list[Span]) -> list[dict[str, int]]:
    return [{"paragraph": s.paragraph, "start": s.start, "end": s.end} for s in spans]


def export_article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "page": page_url("articles", article.id),
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
        "page": page_url(entity.kind, entity.id),
        "name": entity.name,
        "aliases": entity.aliases,
        "fields": fields,
    }


def export_topic(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "page": page_url("topics", topic.id),
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
        "qualifier": claim.qualifier,
        "category": claim.category,
        "as_of": export_dating(claim.as_of),
        "as_of_inherited": claim.as_of_inherited,
        "scope": claim.scope,
        "claimant": claim.claimant,
        "claimant_kind": claim.claimant_kind,
        "attribution": claim.attribution,
        "citing": claim.citing,
        "source": claim.source or None,
        "source_kind": source.kind,
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
                "label": v.label,
                "value": plain_number(v.claims[0].value),
                "lower": plain_number(v.claims[0].lower),
                "upper": plain_number(v.claims[0].upper),
                "qualifier": None if v.claims[0].qualifier in (None, "etwa") else v.claims[0].qualifier,
                "category": v.claims[0].category,
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
        claim.qualifier,
        claim.category,
        claim.as_of.text,
        claim.as_of.basis,
        claim.scope,
        claim.claimant,
        claim.claimant_kind,
        claim.attribution,
        claim.citing,
        claim.source or None,
        source.kind,
        "true" if source.party else "false",
        claim.excerpt,
        claim.spans[0].paragraph,
        page_url("articles", claim.article, f"c-{claim.id}"),
    ]


def quote_row(quote: Quote) -> list[object]:
    page = page_url("articles", quote.article, f"q-{quote.id}")
    return [quote.article, quote.id, quote.speaker, quote.role, quote.text, quote.topic, quote.spans[0].paragraph, page]


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
