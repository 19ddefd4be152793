"""The synthetic articles: a text from the corpus's words with mentions, quotes and claims, and its metadata."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from generator.analysis.match import Normalised, find_all, normalise
from generator.bench.registry import Registry, pick
from generator.bench.words import Vocabulary
from generator.content.vocabulary import Qualifier
from generator.language.dates import german_date
from generator.language.numbers import format_number

FIRST_DAY = date(2023, 9, 1)
DAYS = 850  # publication dates from September 2023 to December 2025
NUMERIC_QUALIFIERS = (
    (None, 0.5),
    (Qualifier.ETWA, 0.12),
    (Qualifier.MINDESTENS, 0.1),
    (Qualifier.MEHR_ALS, 0.06),
    (Qualifier.BIS_ZU, 0.08),
    (Qualifier.HOECHSTENS, 0.04),
    (Qualifier.ERWARTET, 0.06),
    (Qualifier.MOEGLICHERWEISE, 0.04),
)
TAGS = ("truppen", "verluste", "waffen", "diplomatie", "geheimdienste", "front", "ausbildung", "logistik")


def zipf_weights(count: int, exponent: float = 0.9) -> list[float]:
    """Return cumulative weights for picking entry k with probability ∝ 1/(k+1)^exponent."""
    total, cumulative = 0.0, []
    for k in range(count):
        total += 1 / (k + 1) ** exponent
        cumulative.append(total)
    return cumulative


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
        """Write the article: its text and its curated metadata."""
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
        lines, line_of = self.lines(published if precision == "day" else None)
        kept_quotes, kept_claims = self.keep_once(lines, line_of, quotes, claims)
        mentions = {
            "people": [p["id"] for p in people],
            "organisations": [o["id"] for o in organisations],
            "places": [p["id"] for p in places],
        }
        return "\n".join(lines) + "\n", self.meta(self.dating(published, precision), mentions, kept_quotes, kept_claims)

    def lines(self, dateline: date | None) -> tuple[list[str], dict[int, int]]:
        """Return the text's lines (a dateline, the paragraphs, a heading now and then) and each paragraph's line."""
        lines = []
        if dateline is not None:
            lines.append(f"Veröffentlicht: {german_date(dateline)}")
        line_of = {}  # paragraph index → its line
        for index, sentences in enumerate(self.paragraphs):
            if index and self.rng.random() < 0.25:
                lines.append(self.rng.choice(self.words.headings))
            line_of[index] = len(lines)
            lines.append(" ".join(sentences))
        return lines, line_of

    def keep_once(
        self, lines: list[str], line_of: dict[int, int], quotes: list[dict[str, Any]], claims: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Keep the quotes and claims whose passage stands once in the text; take the others' figures out of it."""
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
        return kept_quotes, kept_claims

    def meta(
        self,
        published: dict[str, Any],
        mentions: dict[str, list[str]],
        quotes: list[dict[str, Any]],
        claims: list[dict[str, Any]],
    ) -> dict[str, Any]:
        """Write the article's metadata, marked as synthetic (no outlet, URL or author)."""
        rng = self.rng
        meta: dict[str, Any] = {
            "title": f"Synthetischer Artikel {self.number:05d}: {rng.choice(self.words.headings)}",
            "source_file": f"synthetisch-{self.number:05d}.txt",
            "outlet": None,
            "url": None,
            "author": None,
            "language": "de",
            "published": published,
            "mentions": mentions,
            "quotes": quotes,
            "claims": claims,
            "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 3)))),
        }
        if rng.random() < 0.15:
            meta["notes"] = ["Synthetischer Text aus dem Wortschatz der Ausgangsartikel; er ergibt keinen Sinn."]
        if not meta["quotes"]:
            del meta["quotes"]
        return meta

    def dating(self, day: date, precision: str) -> dict[str, Any]:
        """Return the `published` mapping of a date at a precision (inferred, with a reason, unless a day)."""
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
        """Return the name the text uses for an entry: one of its aliases now and then."""
        aliases = entity.get("aliases") or []
        return str(self.rng.choice(aliases)) if aliases and self.rng.random() < 0.4 else str(entity["name"])

    def mention_sentence(self, entity: dict[str, Any]) -> str:
        """Return a sentence that names an entry: in a place, or on the word of a person or organisation."""
        name = self.name_of(entity)
        if "lat" in entity:
            return f"In {name} {self.words.fragment(self.rng)}."
        return f"Nach Angaben von {name} {self.words.fragment(self.rng)}."

    def quote(self, index: int, speaker: dict[str, Any]) -> dict[str, Any]:
        """Put a quotation of `speaker` into the text (in two parts now and then); return its quote."""
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
        """Put a figure or a stance on a random topic into the text; return its claim."""
        rng = self.rng
        topic = self.choose(self.registry.topics, 1)[0]
        scope = rng.choice(topic["scopes"])
        claimant = rng.choice([*people, *organisations]) if rng.random() < 0.8 else None
        claim: dict[str, Any] = {"id": f"angabe-{index + 1}", "topic": topic["id"]}
        if topic["kind"] == "numeric":
            value = rng.choice(self.registry.values[topic["id"]])
            qualifier: Qualifier | None = pick(rng, NUMERIC_QUALIFIERS)
            said = f"{qualifier.word + ' ' if qualifier else ''}{format_number(value)} {topic['unit']} {scope['label']}"
            claim["value"] = value
            if qualifier:
                claim["qualifier"] = qualifier.word
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
