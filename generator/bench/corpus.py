"""A deterministic synthetic dossier of any size, for `dossier bench` and the scaling tests.

The corpus is made from the vocabulary of the seed articles (a word-level Markov chain over their
texts) and registries of invented names. Everything is marked as synthetic: titles read
"Synthetischer Artikel 00042", outlets, URLs and authors are null, and every registry entry says it
is synthetic. Distributions follow a long-running dossier: a few hundred people and places, a few
dozen topics (registries grow with the number of articles and level off at 1,000), several quotes
and claims per article, popular entities and topics much more frequent than others (Zipf-like),
and conflicting values: each numeric topic has a handful of competing figures, so claims of one
scope and period contradict each other.

The same number of articles and the same seed texts always give the same bytes (one seeded
`random.Random`, no iteration over hashed sets). Every passage is verified with the matcher of
`dossier check`, so the corpus passes `dossier check` without errors or warnings.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.analysis.match import Normalised, find_all, normalise
from generator.content.model import MONTHS
from generator.language.numbers import format_number
from generator.site.paths import slugify

SEED = 20241028  # the day the seed dossier's first figure was announced
ARTICLE_ID = "synthetischer-artikel-{:05d}"
FIRST_DAY = date(2023, 9, 1)
DAYS = 850  # publication dates from September 2023 to December 2025
SCHEMA_LINE = "# yaml-language-server: $schema={}generator/schemas/{}.schema.json\n"
SYNTHETIC = "Synthetisch, für den Leistungstest erzeugt."

WORD = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß\-]*[,.]?$")
SENTENCE_MIN, SENTENCE_MAX = 7, 22

FIRST_NAMES = (
    "Anja",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Fjodor",
    "Greta",
    "Hyun",
    "Ilja",
    "Jana",
    "Kira",
    "Lew",
    "Mina",
    "Nikolai",
    "Olga",
    "Pavel",
    "Ruslan",
    "Sora",
    "Taras",
    "Ulla",
    "Vera",
    "Wiktor",
    "Xenia",
    "Yuna",
    "Zoran",
    "Arvid",
    "Bettina",
    "Chul",
    "Darja",
    "Emil",
)
ONSETS = ("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "ch", "sch", "tr", "kr", "st")
VOWELS = ("a", "e", "i", "o", "u", "ja", "jo", "ai")
CODAS = ("", "", "n", "k", "r", "w", "sk", "tz")
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
NUMERIC_QUALIFIERS = (
    (None, 0.5),
    ("etwa", 0.12),
    ("mindestens", 0.1),
    ("mehr als", 0.06),
    ("bis zu", 0.08),
    ("höchstens", 0.04),
    ("erwartet", 0.06),
    ("möglicherweise", 0.04),
)
CATEGORY_SETS = (
    ("bestaetigt", "bestätigt"),
    ("bestreitet", "bestreitet"),
    ("offen", "lässt es offen"),
    ("teilweise", "bestätigt es teilweise"),
)
TAGS = ("truppen", "verluste", "waffen", "diplomatie", "geheimdienste", "front", "ausbildung", "logistik")


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
class Corpus:
    """The files of a synthetic content tree, as {content-relative path: text}, and its figures."""

    files: dict[str, str]
    sizes: Sizes
    quotes: int = 0
    claims: int = 0
    mentions: int = 0
    dropped: int = 0  # passages generated but left out because the text happened to repeat them

    def write(self, root: Path) -> None:
        """Write the tree below `root/content` (which must not hold other articles)."""
        for rel_path, text in self.files.items():
            path = root / "content" / rel_path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def seed_texts(root: Path) -> list[str]:
    """Return the texts of the seed articles in `root/content/articles`, in file-name order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "content" / "articles").glob("*.txt"))]
    if not texts:
        raise FileNotFoundError(f"no seed article texts in {root / 'content' / 'articles'}")
    return texts


def make_corpus(articles: int, texts: Sequence[str]) -> Corpus:
    """Build a synthetic content tree of `articles` articles from the vocabulary of `texts`."""
    if articles < 1:
        raise ValueError("a corpus needs at least one article")
    rng = random.Random(SEED)
    sizes = Sizes.for_articles(articles)
    words = Vocabulary(texts)
    names = NameMaker(rng, words.lowercase)
    registry = Registry.make(rng, sizes, names)
    corpus = Corpus({}, sizes)
    for name, entries in (
        ("people", registry.people),
        ("organisations", registry.organisations),
        ("places", registry.places),
        ("topics", registry.topics),
    ):
        corpus.files[f"{name}.yaml"] = SCHEMA_LINE.format("../", name) + dump(entries)
    dossier = {
        "title": f"Synthetisches Dossier ({articles} Artikel)",
        "summary": (
            f"Ein synthetisches Dossier mit {articles} erzeugten Artikeln aus dem Wortschatz von {len(texts)} "
            "Ausgangsartikeln, für den Leistungstest. Personen, Orte, Zitate und Zahlen sind erfunden."
        ),
        "key_topics": [t["id"] for t in registry.topics[:3]],
    }
    corpus.files["dossier.yaml"] = SCHEMA_LINE.format("../", "dossier") + dump(dossier)
    for number in range(articles):
        article_id = ARTICLE_ID.format(number)
        maker = ArticleMaker(rng, registry, words, number)
        text, meta = maker.make()
        corpus.dropped += maker.dropped
        corpus.files[f"articles/{article_id}.txt"] = text
        corpus.files[f"articles/{article_id}.yaml"] = SCHEMA_LINE.format("../../", "article") + dump(meta)
        corpus.quotes += len(meta.get("quotes", []))
        corpus.claims += len(meta.get("claims", []))
        corpus.mentions += sum(len(v) for v in meta["mentions"].values())
    return corpus


def dump(data: Any) -> str:
    """Dump YAML the way curators write it: keys in order, Unicode as is, no line folding."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: ten times faster
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1_000_000)


class Vocabulary:
    """A word-level Markov chain over the seed texts' running text."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.follow: dict[str, list[str]] = {}
        self.starts: list[str] = []
        self.headings: list[str] = []
        for text in texts:
            for line in text.split("\n"):
                line = line.strip()
                if not line or line.startswith(("Veröffentlicht", "Aktualisiert", "Stand")):
                    continue
                if not line.endswith((".", "!", "?", "“", '"')):
                    if len(line) <= 100 and all(WORD.match(w.strip("„“:")) for w in line.split()):
                        self.headings.append(line.replace("„", "").replace("“", "").replace(":", ""))
                    continue
                self.add(line)
        if not self.starts or not self.headings:
            raise ValueError("the seed texts are too short to build a vocabulary from")
        self.lowercase = {w.strip(",.").lower() for w in self.follow} | {
            w.strip(",.").lower() for ws in self.follow.values() for w in ws
        }

    def add(self, line: str) -> None:
        """Learn the word sequences of one paragraph; quotation marks and numbers are dropped."""
        tokens = [t.strip('„“"()') for t in line.split()]
        tokens = [t for t in tokens if t and WORD.match(t)]
        previous = "."
        for token in tokens:
            if previous.endswith(".") and token[0].isupper():
                self.starts.append(token)
            elif not previous.endswith("."):
                self.follow.setdefault(previous, []).append(token)
            previous = token

    def sentence(self, rng: random.Random) -> str:
        """Return one sentence of 7 to 22 words, ending with a full stop."""
        words = [rng.choice(self.starts)]
        while True:
            word = words[-1]
            if word.endswith(".") and len(words) >= SENTENCE_MIN:
                break
            choices = self.follow.get(word.rstrip("."), []) if not word.endswith(".") else []
            if not choices or len(words) >= SENTENCE_MAX:
                words[-1] = word.rstrip(",.") + "."
                break
            words.append(rng.choice(choices))
            if words[-1].endswith(".") and len(words) < SENTENCE_MIN:
                words[-1] = words[-1].rstrip(".")
        return " ".join(words)

    def fragment(self, rng: random.Random) -> str:
        """Return a sentence without its full stop, to continue a clause."""
        return self.sentence(rng).rstrip(".").rstrip(",")


class NameMaker:
    """Invents unique capitalised words that are neither seed words nor each other's variants."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = set(taken) | {n.lower() for n in FIRST_NAMES}

    def word(self, syllables: int) -> str:
        """Return a new pseudo-word of about `syllables` syllables."""
        while True:
            parts = [self.rng.choice(ONSETS) + self.rng.choice(VOWELS) for _ in range(syllables)]
            word = ("".join(parts) + self.rng.choice(CODAS)).capitalize()
            if word.lower() not in self.taken and len(word) >= 4:
                self.taken.add(word.lower())
                return word

    def acronym(self) -> str:
        """Return a new three- or four-letter abbreviation."""
        while True:
            letters = "BDFGHKLMNPRSTVWZ"
            word = "".join(self.rng.choice(letters) for _ in range(self.rng.choice((3, 4))))
            if word.lower() not in self.taken:
                self.taken.add(word.lower())
                return word


def zipf_weights(count: int, exponent: float = 0.9) -> list[float]:
    """Return cumulative weights for picking entry k with probability ∝ 1/(k+1)^exponent."""
    total, cumulative = 0.0, []
    for k in range(count):
        total += 1 / (k + 1) ** exponent
        cumulative.append(total)
    return cumulative


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
        countries = max(3, sizes.places // 12)
        places: list[dict[str, Any]] = []
        for index in range(sizes.places):
            name = names.word(rng.choice((2, 3)))
            kind = "country" if index < countries else pick(rng, PLACE_KINDS)
            entry: dict[str, Any] = {
                "id": slugify(name),
                "name": name,
                "kind": kind,
                "lat": round(rng.uniform(35, 62), 2),
                "lon": round(rng.uniform(20, 135), 2),
            }
            if kind != "country":
                entry["country"] = places[rng.randrange(countries)]["id"]
            if rng.random() < 0.3:
                entry["aliases"] = [name + "s" + rng.choice(("k", "kaja", "koje"))]
                names.taken.add(entry["aliases"][0].lower())
            entry["description"] = SYNTHETIC
            places.append(reorder(entry, ("id", "name", "aliases", "kind", "lat", "lon", "country", "description")))
        country_ids = [p["id"] for p in places[:countries]]
        people = []
        for _ in range(sizes.people):
            first, last = rng.choice(FIRST_NAMES), names.word(rng.choice((2, 3)))
            people.append(
                {
                    "id": slugify(f"{first} {last}"),
                    "name": f"{first} {last}",
                    "aliases": [last],
                    "role": rng.choice(
                        ("Sprecher", "Ministerin", "Analyst", "Generalin", "Botschafter", "Abgeordnete", "Oberst")
                    )
                    + f" ({SYNTHETIC.split(',')[0].lower()})",
                    "country": rng.choice(country_ids),
                    "description": SYNTHETIC,
                }
            )
        organisations = []
        for _ in range(sizes.organisations):
            kind = rng.choice(ORG_KINDS)
            word = names.word(2)
            entry = {
                "id": slugify(f"{word} {ORG_WORDS[kind]}"),
                "name": f"{ORG_WORDS[kind]} {word}",
                "aliases": [names.acronym()],
                "kind": kind,
                "country": rng.choice(country_ids) if kind != "international" else None,
                "description": SYNTHETIC,
            }
            organisations.append(entry)
        topics, values = [], {}
        for index in range(sizes.topics):
            topic_id = f"synthetisches-thema-{index + 1:02d}"
            scope_places = rng.sample(places[:countries] + places[countries : countries + 20], 2)
            scopes: list[dict[str, Any]] = [
                {"id": slugify(p["name"]), "label": f"in {p['name']}", "place": p["id"]} for p in scope_places
            ]
            scopes.append({"id": "insgesamt", "label": "insgesamt"})
            if index % 3 == 2:
                categorical = CATEGORY_SETS[: rng.choice((2, 3, 4))]
                categories: list[dict[str, Any]] = [{"id": c, "label": label} for c, label in categorical]
                topics.append(
                    {
                        "id": topic_id,
                        "title": f"Synthetisches Thema {index + 1:02d}: Anerkennung",
                        "question": f"Bestätigen oder bestreiten die Quellen den Vorgang (Thema {index + 1:02d})?",
                        "kind": "categorical",
                        "exclusive": rng.random() < 0.7,
                        "categories": categories,
                        "scopes": scopes,
                        "description": SYNTHETIC,
                    }
                )
            else:
                unit = UNITS[index % len(UNITS)]
                base = rng.choice(BASES)
                values[topic_id] = sorted({base, base * 2, base * 4, base + base // 5, base * 10 // 3})
                topics.append(
                    {
                        "id": topic_id,
                        "title": f"Synthetisches Thema {index + 1:02d}: Zahl der {unit}",
                        "question": f"Wie viele {unit} nennen die Quellen (Thema {index + 1:02d})?",
                        "kind": "numeric",
                        "unit": unit,
                        "scopes": scopes,
                        "description": SYNTHETIC,
                    }
                )
        return cls(people, organisations, places, topics, values)


def pick(rng: random.Random, weighted: Sequence[tuple[Any, float]]) -> Any:
    """Pick one of (value, weight) pairs."""
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def reorder(entry: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {k: entry[k] for k in keys if k in entry}


def german_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


class ArticleMaker:
    """Writes one synthetic article: its text and its curated metadata."""

    def __init__(self, rng: random.Random, registry: Registry, words: Vocabulary, number: int) -> None:
        self.rng = rng
        self.registry = registry
        self.words = words
        self.number = number
        self.paragraphs: list[list[str]] = []
        self.dropped = 0
        self.published = FIRST_DAY
        self.claim_sentences: list[tuple[int, str]] = []  # (paragraph index, sentence) of each claim

    def choose(self, entries: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
        """Pick `count` distinct entries, popular (early) ones more often."""
        weights = zipf_weights(len(entries))
        chosen: dict[str, dict[str, Any]] = {}
        while len(chosen) < min(count, len(entries)):
            entry = self.rng.choices(entries, cum_weights=weights)[0]
            chosen.setdefault(entry["id"], entry)
        return list(chosen.values())

    def make(self) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        published = self.published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        precision = pick(rng, (("day", 0.7), ("month", 0.2), ("year", 0.1)))
        people = self.choose(self.registry.people, rng.randint(2, 7))
        organisations = self.choose(self.registry.organisations, rng.randint(1, 4))
        places = self.choose(self.registry.places, rng.randint(2, 6))
        paragraph_count = rng.randint(6, 11)
        self.paragraphs = [[self.words.sentence(rng) for _ in range(rng.randint(2, 4))] for _ in range(paragraph_count)]
        for entity in [*people, *organisations, *places]:
            self.insert(self.mention_sentence(entity))
        quotes = [self.quote(i, rng.choice(people)) for i in range(rng.randint(1, 5))]
        claims = [self.claim(i, people, organisations) for i in range(rng.randint(2, 6))]
        lines = []
        if precision == "day":
            lines.append(f"Veröffentlicht: {german_date(published)}")
        line_of = {}  # paragraph index → its line
        for index, sentences in enumerate(self.paragraphs):
            if index and rng.random() < 0.25:
                lines.append(rng.choice(self.words.headings))
            line_of[index] = len(lines)
            lines.append(" ".join(sentences))
        folded = [normalise(line) for line in lines]
        kept_quotes = [
            q for q in quotes if self.once(folded, q["text"] if isinstance(q["text"], list) else [q["text"]])
        ]
        kept_claims = [c for c in claims if self.once(folded, [c["excerpt"]])]
        self.dropped = len(quotes) + len(claims) - len(kept_quotes) - len(kept_claims)
        for claim, (index, sentence) in zip(claims, self.claim_sentences, strict=True):
            if claim not in kept_claims:  # its figure would stand in the text without a claim
                self.paragraphs[index].remove(sentence)
                lines[line_of[index]] = " ".join(self.paragraphs[index])
        text = "\n".join(lines) + "\n"
        meta: dict[str, Any] = {
            "title": f"Synthetischer Artikel {self.number:05d}: {rng.choice(self.words.headings)}",
            "source_file": f"synthetisch-{self.number:05d}.txt",
            "outlet": None,
            "url": None,
            "author": None,
            "language": "de",
            "published": self.dating(published, precision),
            "mentions": {
                "people": [p["id"] for p in people],
                "organisations": [o["id"] for o in organisations],
                "places": [p["id"] for p in places],
            },
            "quotes": kept_quotes,
            "claims": kept_claims,
            "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 3)))),
        }
        if rng.random() < 0.15:
            meta["notes"] = ["Synthetischer Text aus dem Wortschatz der Ausgangsartikel; er ergibt keinen Sinn."]
        if not meta["quotes"]:
            del meta["quotes"]
        return text, meta

    def dating(self, day: date, precision: str) -> dict[str, Any]:
        if precision == "day":
            return {"date": day.isoformat(), "basis": "stated"}
        text = day.isoformat()[:7] if precision == "month" else str(day.year)
        return {"date": text, "basis": "inferred", "reason": "Synthetisch: ein erfundenes, ungenaues Datum."}

    def insert(self, sentence: str) -> int:
        """Put a sentence into a random paragraph at a random place; return the paragraph's index."""
        index = self.rng.randrange(len(self.paragraphs))
        sentences = self.paragraphs[index]
        sentences.insert(self.rng.randint(0, len(sentences)), sentence)
        return index

    def name_of(self, entity: dict[str, Any]) -> str:
        aliases = entity.get("aliases") or []
        return str(self.rng.choice(aliases)) if aliases and self.rng.random() < 0.4 else str(entity["name"])

    def mention_sentence(self, entity: dict[str, Any]) -> str:
        name = self.name_of(entity)
        if "lat" in entity:
            return f"In {name} {self.words.fragment(self.rng)}."
        return f"Nach Angaben von {name} {self.words.fragment(self.rng)}."

    def quote(self, index: int, speaker: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        name = self.name_of(speaker)
        said = self.words.sentence(rng)
        words = said.split()
        quote: dict[str, Any] = {"id": f"zitat-{index + 1}", "speaker": speaker["id"], "role": speaker["role"]}
        if len(words) >= 8 and rng.random() < 0.3:
            first, rest = " ".join(words[:4]).rstrip(","), " ".join(words[4:])
            self.insert(f"„{first}“, sagte {name}, „{rest}“")
            quote["text"] = [first, rest]
        else:
            self.insert(f"„{said}“, sagte {name}.")
            quote["text"] = said
        if rng.random() < 0.4:
            quote["topic"] = self.choose(self.registry.topics, 1)[0]["id"]
        return quote

    def claim(self, index: int, people: list[dict[str, Any]], organisations: list[dict[str, Any]]) -> dict[str, Any]:
        rng = self.rng
        topic = self.choose(self.registry.topics, 1)[0]
        scope = rng.choice(topic["scopes"])
        claimant = rng.choice([*people, *organisations]) if rng.random() < 0.8 else None
        claim: dict[str, Any] = {"id": f"angabe-{index + 1}", "topic": topic["id"]}
        if topic["kind"] == "numeric":
            value = rng.choice(self.registry.values[topic["id"]])
            qualifier = pick(rng, NUMERIC_QUALIFIERS)
            said = f"{qualifier + ' ' if qualifier else ''}{format_number(value)} {topic['unit']} {scope['label']}"
            claim["value"] = value
            if qualifier:
                claim["qualifier"] = qualifier
        else:
            category = rng.choice(topic["categories"])
            said = f"{category['label']} zu Thema {topic['id'].rsplit('-', 1)[1]} {scope['label']}"
            claim["category"] = category["id"]
        claim["scope"] = scope["id"]
        claim["claimant"] = claimant["id"] if claimant else None
        source = self.name_of(claimant) if claimant else "nicht genannten Quellen"
        if not claimant:
            claim["attribution"] = "nicht genannten Quellen"
        tail = self.words.fragment(rng).split()[:3]
        excerpt = f"{said} {' '.join(tail)}".rstrip(",")
        if rng.random() < 0.1:
            day = self.published - timedelta(days=rng.randrange(60))
            claim["as_of"] = {"date": day.isoformat(), "basis": "stated"}
            sentence = f"Nach Angaben von {source} vom {german_date(day)} gilt: {excerpt}."
        else:
            sentence = f"Nach Angaben von {source} gilt: {excerpt}."
        self.claim_sentences.append((self.insert(sentence), sentence))
        claim["excerpt"] = excerpt
        return claim

    def once(self, lines: list[Normalised], parts: list[str]) -> bool:
        """Tell whether a passage stands exactly once in the text, as `dossier check` will look for it."""
        count = 0
        for folded in lines:
            for _, end in find_all(parts[0], folded):
                for part in parts[1:]:
                    following = find_all(part, folded, end)
                    if not following:
                        break
                    end = following[0][1]
                else:
                    count += 1
        return count == 1
