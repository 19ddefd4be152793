"""Words of the synthetic corpus: sentences from a Markov chain over the seed texts, and invented names."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

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
