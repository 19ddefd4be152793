"""The JSON Schema of `data/dossier.json`, published beside it."""

from __future__ import annotations

from typing import Any

from generator.content.vocabulary import DiscrepancyKind, EntityKind, TopicKind, values

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
                        "kind": {"enum": list(values(EntityKind))},
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
                        "kind": {"enum": list(values(TopicKind))},
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
                        "speaker": {
                            "type": ["string", "null"],
                            "description": "The person or organisation quoted; null when the text names nobody.",
                        },
                        "speaker_kind": NULLABLE_TEXT,
                        "attribution": NULLABLE_TEXT,
                        "role": NULLABLE_TEXT,
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
                        "vague": {
                            "type": ["string", "null"],
                            "description": "A vague quantity in the text's words (`mehrere tausend`); no number.",
                        },
                        "qualifier": NULLABLE_TEXT,
                        "category": NULLABLE_TEXT,
                        "as_of": DATING_SCHEMA,
                        "as_of_inherited": {"type": "boolean", "description": "True when as_of is the article's date."},
                        "scope": {"type": "string"},
                        "claimant": {
                            "type": ["string", "null"],
                            "description": "The first named claimant; null when the text names nobody.",
                        },
                        "claimants": listing(NULLABLE_TEXT),
                        "claimant_kind": NULLABLE_TEXT,
                        "attribution": NULLABLE_TEXT,
                        "citing": NULLABLE_TEXT,
                        "cites": {
                            "type": ["string", "null"],
                            "description": "The registered source the claim relays; it counts as that source's.",
                        },
                        "source": {
                            "type": ["string", "null"],
                            "description": "The first of `sources`.",
                        },
                        "sources": {
                            **listing(NULLABLE_TEXT),
                            "description": "The independent sources: whom the claim relays, else each claimant, "
                            "as the organisation it speaks for (following the chain); null for an unnamed one.",
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
                                    "vague": NULLABLE_TEXT,
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
                        "kind": {"enum": [kind.value for kind in DiscrepancyKind if kind.is_discrepancy]},
                        "reason": {"type": "string"},
                    },
                )
            ),
            "disputes": listing(
                record(
                    "Two sides whose claims on a topic exclude each other (who disputes whom), with one such "
                    'pair of claims, the earlier first. A side is its sources\' ids joined by `+`; `""` '
                    "stands for the claims whose texts name nobody.",
                    {
                        "topic": {"type": "string"},
                        "sides": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
                        "kind": {"enum": [kind.value for kind in DiscrepancyKind if kind.is_dispute]},
                        "earlier": {"type": "string", "description": "`<article>#<claim id>`"},
                        "later": {"type": "string", "description": "`<article>#<claim id>`"},
                    },
                )
            ),
        },
    ),
}
