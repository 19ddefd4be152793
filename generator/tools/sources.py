"""Unnamed sources a text relies on ("Geheimdienste", "westliche Beamte", "Berichten zufolge") and their kind."""

from __future__ import annotations

import re
from bisect import bisect_left

from generator.language.lexicon import LOWER, UPPER
from generator.language.search import Cursor

SOURCE_SUFFIX = re.compile(r"(?:[Dd]ienste?n?s?|[Qq]uellen|[Bb]eamte?n?|[Bb]ehörden?|[Ee]xperten|[Mm]edien)\b")
SOURCE = re.compile(
    rf"Berichten zufolge|\bgeschätzt\w*|(?:\b[{LOWER}]+(?:e|en|er)\s+)?\b[{UPPER}][\w-]*?{SOURCE_SUFFIX.pattern}"
)
# The parts of SOURCE, for words too long for it (see find_sources).
SOURCE_PHRASE = re.compile(r"Berichten zufolge|\bgeschätzt\w*")
SOURCE_ADJECTIVE = re.compile(rf"\b[{LOWER}]+(?:e|en|er)\s+(?=[{UPPER}])")
SOURCE_CAPITAL = re.compile(rf"\b[{UPPER}]")
NOT_IN_WORD = re.compile(r"[^\w-]")
LONG_WORD_CHARS = 60  # SOURCE tries a word from each of its capitals to its end: fine for words this long
LONG_WORD = re.compile(rf"(?<![\w-])[\w-]{{{LONG_WORD_CHARS + 1}}}")
LONG_WORD_HERE = re.compile(rf"[\w-]{{{LONG_WORD_CHARS + 1}}}")
MAX_SOURCE_CHARS = 120  # a longer match is no source's name ("Aa-Aa-…-Medien")
SOURCE_KINDS = (  # the words of an unnamed source and the claimant_kind they name, first match wins
    (re.compile(r"staatsmedi", re.I), "state-media"),
    (re.compile(r"(geheim|nachrichten)dienst", re.I), "intelligence"),
    (re.compile(r"\b(militär|armee|streitkräft)(?!\w*(experte|analyst|beobachter))", re.I), "military"),
    (re.compile(r"\b(beamt|behörd|regierung)", re.I), "government"),
    (re.compile(r"\bmedien\b", re.I), "media"),
)


def kind_of_source(words: str) -> str | None:
    """Return the claimant_kind an unnamed source's words name (`Nachrichtendienste` → intelligence), if any."""
    return next((kind for pattern, kind in SOURCE_KINDS if pattern.search(words)), None)


def nearest_source(sources: list[tuple[int, int, str]], offset: int) -> str:
    """Return the words of the first source (in text order, none inside another) whose start or end is nearest."""
    index = bisect_left(sources, offset, key=lambda s: s[0])  # the sources from here on start at or after `offset`
    nearby = sources[max(0, index - 2) : index + 1]  # the last before it, one holding it, the first after it
    return min(nearby, key=lambda s: min(abs(s[0] - offset), abs(s[1] - offset)))[2]


def find_sources(text: str, low: int, high: int) -> list[tuple[int, int, str]]:
    """Return the unnamed sources SOURCE finds in text[low:high] as (start, end, words), none too long to be one.

    Equals `SOURCE.finditer(text, low, high)`. SOURCE tries a capitalised word from each of its
    capitals to its end ("Aa-Aa-…-Aa" from every "Aa"), so a text with a word longer than
    LONG_WORD_CHARS is scanned by `SourceScan` instead, which finds the same matches in one pass.
    """
    if LONG_WORD.search(text, low, high) is None and LONG_WORD_HERE.match(text, low) is None:
        spans = [m.span() for m in SOURCE.finditer(text, low, high)]
    else:
        scan, spans, position = SourceScan(text, high), [], low
        while (span := scan.first(position)) is not None:
            spans.append(span)
            position = span[1]
    return [(start, end, text[start:end]) for start, end in spans if end - start <= MAX_SOURCE_CHARS]


class SourceScan:
    """SOURCE's matches one at a time, each of its parts searched for through the text once (see `Cursor`).

    SOURCE is `Berichten zufolge`, or `geschätzt…`, or a word that starts with a capital (after
    an adjective, perhaps) and runs through letters, digits and hyphens to a source word's ending
    ("-dienste", "-quellen", "-medien" …). If a capital finds no such ending in the rest of its
    word, no later capital of that word does, so the scan skips to the word's end.
    """

    def __init__(self, text: str, high: int) -> None:
        patterns = (SOURCE_PHRASE, SOURCE_ADJECTIVE, SOURCE_CAPITAL, SOURCE_SUFFIX, NOT_IN_WORD)
        self.phrases, self.adjectives, self.capitals, self.suffixes, self.breaks = (
            Cursor(pattern, text, high) for pattern in patterns
        )
        self.high = high
        self.dead_until = 0  # the capitals before this end no source word

    def first(self, position: int) -> tuple[int, int] | None:
        """Return the span of the first match at `position` or later (at one place a phrase comes first)."""
        phrase = self.phrases.next(position)
        word = self.first_word(position, phrase.start() if phrase else self.high)
        return word or (phrase.span() if phrase else None)

    def first_word(self, position: int, limit: int) -> tuple[int, int] | None:
        """Return the span of the first source word (adjective included) from `position` on, starting before `limit`."""
        while True:
            adjective = self.adjectives.next(position)
            capital = self.capitals.next(max(position, self.dead_until))
            first = min((m.start() for m in (adjective, capital) if m is not None), default=limit)
            if first >= limit:
                return None
            if adjective is not None and adjective.start() == first:
                end = self.word_end(adjective.end())
            else:
                end = self.word_end(first)
                if end is None:
                    self.dead_until = self.word_break(first)
            if end is not None:
                return first, end
            position = first + 1

    def word_end(self, capital: int) -> int | None:
        """Return where the source word starting at `capital` ends: after the first source ending in its word."""
        suffix = self.suffixes.next(capital + 1)
        if suffix is None or suffix.start() >= self.word_break(capital):
            return None
        return suffix.end()

    def word_break(self, capital: int) -> int:
        """Return where the word (letters, digits, hyphens) starting at `capital` ends."""
        found = self.breaks.next(capital + 1)
        return found.start() if found else self.high
