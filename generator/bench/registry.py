"""The synthetic registries: invented people, organisations, places and topics, as YAML-ready lists."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.bench.words import FIRST_NAMES, NameMaker
from generator.site.paths import slugify

SYNTHETIC = "Synthetisch, für den Leistungstest erzeugt."
ORG_KINDS = ("government", "military", "intelligence", "state-media", "media", "international", "group")
ORG_WORDS = {
    "government": "Ministerium",
    "military": "Brigade",
    "intelligence": "Nachrichtendienst",
    "state-media": "Staatsagentur",
    "media": "Rundschau",
    "international": "Bund",
    "group": "Gruppe",
}
PLACE_KINDS = (("region", 0.25), ("city", 0.55), ("site", 0.2))
UNITS = (
    "Soldaten",
    "Verluste",
    "Container",
    "Deserteure",
    "Raketen",
    "Granaten",
    "Offiziere",
    "Fahrzeuge",
    "Geschütze",
    "Flüge",
    "Züge",
    "Verwundete",
)
BASES = (200, 600, 1500, 3000, 10000, 12000, 600000)
CATEGORY_SETS = (
    ("bestaetigt", "bestätigt"),
    ("bestreitet", "bestreitet"),
    ("offen", "lässt es offen"),
    ("teilweise", "bestätigt es teilweise"),
)
ROLES = ("Sprecher", "Ministerin", "Analyst", "Generalin", "Botschafter", "Abgeordnete", "Oberst")
PLACE_KEYS = ("id", "name", "aliases", "kind", "lat", "lon", "country", "description")


@dataclass
class Sizes:
    """How many entries each registry gets for a number of articles."""

    articles: int
    people: int
    organisations: int
    places: int
    topics: int

    @classmethod
    def for_articles(cls, articles: int) -> Sizes:
        """Registries grow with the dossier and level off at about 1,000 articles."""
        return cls(
            articles=articles,
            people=min(300, 12 + 3 * articles // 10),
            organisations=min(60, 6 + articles // 20),
            places=min(200, 10 + articles // 5),
            topics=min(36, 6 + articles // 30),
        )


@dataclass
class Registry:
    """The synthetic registries, as YAML-ready lists, and what articles need to pick from them."""

    people: list[dict[str, Any]]
    organisations: list[dict[str, Any]]
    places: list[dict[str, Any]]
    topics: list[dict[str, Any]]
    values: dict[str, list[int]]  # the competing figures of each numeric topic

    @classmethod
    def make(cls, rng: random.Random, sizes: Sizes, names: NameMaker) -> Registry:
        """Invent the registries of a corpus (countries first among the places)."""
        countries = max(3, sizes.places // 12)
        places: list[dict[str, Any]] = []
        for index in range(sizes.places):
            places.append(make_place(rng, names, "country" if index < countries else None, places[:countries]))
        country_ids = [p["id"] for p in places[:countries]]
        people = [make_person(rng, names, country_ids) for _ in range(sizes.people)]
        organisations = [make_organisation(rng, names, country_ids) for _ in range(sizes.organisations)]
        topics, values = [], {}
        for index in range(sizes.topics):
            topic, figures = make_topic(rng, index, places[:countries] + places[countries : countries + 20])
            topics.append(topic)
            if figures:
                values[topic["id"]] = figures
        return cls(people, organisations, places, topics, values)


def make_place(
    rng: random.Random, names: NameMaker, kind: str | None, countries: list[dict[str, Any]]
) -> dict[str, Any]:
    """Invent a place: a country (`kind`), or a region, city or site in one of `countries`."""
    name = names.word(rng.choice((2, 3)))
    kind = kind or pick(rng, PLACE_KINDS)
    entry: dict[str, Any] = {
        "id": slugify(name),
        "name": name,
        "kind": kind,
        "lat": round(rng.uniform(35, 62), 2),
        "lon": round(rng.uniform(20, 135), 2),
    }
    if kind != "country":
        entry["country"] = countries[rng.randrange(len(countries))]["id"]
    if rng.random() < 0.3:
        entry["aliases"] = [name + "s" + rng.choice(("k", "kaja", "koje"))]
        names.taken.add(entry["aliases"][0].lower())
    entry["description"] = SYNTHETIC
    return reorder(entry, PLACE_KEYS)


def make_person(rng: random.Random, names: NameMaker, country_ids: list[str]) -> dict[str, Any]:
    """Invent a person of one of the countries."""
    first, last = rng.choice(FIRST_NAMES), names.word(rng.choice((2, 3)))
    return {
        "id": slugify(f"{first} {last}"),
        "name": f"{first} {last}",
        "aliases": [last],
        "role": rng.choice(ROLES) + f" ({SYNTHETIC.split(',')[0].lower()})",
        "country": rng.choice(country_ids),
        "description": SYNTHETIC,
    }


def make_organisation(rng: random.Random, names: NameMaker, country_ids: list[str]) -> dict[str, Any]:
    """Invent an organisation of a random kind, with an acronym as its alias."""
    kind = rng.choice(ORG_KINDS)
    word = names.word(2)
    return {
        "id": slugify(f"{word} {ORG_WORDS[kind]}"),
        "name": f"{ORG_WORDS[kind]} {word}",
        "aliases": [names.acronym()],
        "kind": kind,
        "country": rng.choice(country_ids) if kind != "international" else None,
        "description": SYNTHETIC,
    }


def make_topic(
    rng: random.Random, index: int, scope_places: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[int] | None]:
    """Invent topic number `index`: every third categorical, the others numeric with their competing figures."""
    topic_id = f"synthetisches-thema-{index + 1:02d}"
    scopes: list[dict[str, Any]] = [
        {"id": slugify(p["name"]), "label": f"in {p['name']}", "place": p["id"]} for p in rng.sample(scope_places, 2)
    ]
    scopes.append({"id": "insgesamt", "label": "insgesamt"})
    if index % 3 == 2:
        categorical = CATEGORY_SETS[: rng.choice((2, 3, 4))]
        categories: list[dict[str, Any]] = [{"id": c, "label": label} for c, label in categorical]
        topic = {
            "id": topic_id,
            "title": f"Synthetisches Thema {index + 1:02d}: Anerkennung",
            "question": f"Bestätigen oder bestreiten die Quellen den Vorgang (Thema {index + 1:02d})?",
            "kind": "categorical",
            "exclusive": rng.random() < 0.7,
            "categories": categories,
            "scopes": scopes,
            "description": SYNTHETIC,
        }
        return topic, None
    unit = UNITS[index % len(UNITS)]
    base = rng.choice(BASES)
    topic = {
        "id": topic_id,
        "title": f"Synthetisches Thema {index + 1:02d}: Zahl der {unit}",
        "question": f"Wie viele {unit} nennen die Quellen (Thema {index + 1:02d})?",
        "kind": "numeric",
        "unit": unit,
        "scopes": scopes,
        "description": SYNTHETIC,
    }
    return topic, sorted({base, base * 2, base * 4, base + base // 5, base * 10 // 3})


def pick(rng: random.Random, weighted: Sequence[tuple[Any, float]]) -> Any:
    """Pick one of (value, weight) pairs."""
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def reorder(entry: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """Return the entry with its keys in the order curators write them (those it has)."""
    return {k: entry[k] for k in keys if k in entry}
