"""Names no registry knows: runs of capitalised words (and acronyms) that are no ordinary German words."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.language.dates import MONTHS, WEEKDAYS
from generator.language.lexicon import DOUBLE_QUOTES, TOKEN, UPPER, words
from generator.language.morphology import ADJECTIVE, NOT_ADJECTIVES
from generator.tools.context import Context, Named
from generator.tools.speakers import ROLE_NOUN

STOPWORDS = set(
    words(
        "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Kein Keine Dieser Diese Dieses Diesem Diesen Sein "
        "Seine Ihr Ihre Unser Unsere Er Sie Es Wir Ich Man In Im Am An Auf Aus Bei Mit Nach Von Vom Zu Zum Zur Für "
        "Gegen Ohne Um Über Unter Vor Hinter Neben Zwischen Durch Seit Bis Während Wegen Trotz Laut Und Oder Aber "
        "Doch Denn Sondern Als Wie Wenn Weil Dass Ob Obwohl Da So Auch Nur Noch Schon Jetzt Dann Hier Dort Heute "
        "Gestern Nun Zudem Zusätzlich Außerdem Dabei Damit Danach Dagegen Deshalb Daher Trotzdem Allerdings Jedoch "
        "Wer Was Wo Wann Warum Welche Welcher Welches Alle Viele Einige Mehrere Beide Andere Nicht Mehr Herr Frau "
        "Veröffentlicht Aktualisiert Stand Tausend Tausende Hundert Hunderte Million Millionen Milliarde Milliarden "
        "Prozent Dutzend Dutzende"
    )
)
ARTICLES = set(words("der die das den dem des ein eine einen einem einer eines kein keine diese dieser diesen"))
NOUN_SUFFIX = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|ismus|nis|tum)(?:en|se)?$")
ACRONYM = re.compile(rf"[{UPPER}]{{2,6}}")
AFTER_COLON = re.compile(rf"(?:^|[:;{DOUBLE_QUOTES}])\s*$")
WORD_BEFORE_SPACE = re.compile(r"(?<!\S)(\S++) $")


@dataclass(frozen=True)
class NameCandidate:
    """A name no registry knows, where it first appears and how often."""

    name: str
    paragraph: int
    count: int


@dataclass(frozen=True)
class Lexicon:
    """What the whole text tells about its words."""

    lowercase: set[str]  # words written in lowercase somewhere
    nouns: set[str]  # capitalised words right after an article
    words: set[str]  # every word

    @classmethod
    def of(cls, text: str) -> Lexicon:
        """Read the lexicon of a text."""
        words = set(TOKEN.findall(text))
        nouns = {m.group(2) for m in re.finditer(rf"\b({'|'.join(ARTICLES)})\s+([{UPPER}][\w-]*)", text)}
        return cls({w for w in words if w[0].islower()}, nouns, words)


def find_new_names(contexts: list[Context]) -> list[NameCandidate]:
    """Find capitalised multi-word names (and acronyms) that no registry entry covers; keep them per paragraph."""
    lexicon = Lexicon.of("\n".join(c.text for c in contexts))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for context in contexts:
        context.names = names_in(context, lexicon)
        for name in context.names:
            counts[name.label] += 1
            first.setdefault(name.label, context.number)
    return [NameCandidate(name, first[name], counts[name]) for name in first]


def names_in(context: Context, lexicon: Lexicon) -> list[Named]:
    """Return the runs of name-like capitalised words in a paragraph; a genitive ("Kims") ends a run."""
    text, names = context.text, []
    run: list[re.Match[str]] = []
    starts = {start for start, _ in context.sentences}
    for match in TOKEN.finditer(text):
        if run and text[run[-1].end() : match.start()] != " ":
            names.extend(close_run(context, run, lexicon))
            run = []
        if is_name_word(context, match, starts_sentence(text, match.start(), starts), lexicon):
            run.append(match)
            if is_genitive(match.group(), lexicon):
                names.extend(close_run(context, run, lexicon))
                run = []
        else:
            names.extend(close_run(context, run, lexicon))
            run = []
    names.extend(close_run(context, run, lexicon))
    return names


def starts_sentence(text: str, offset: int, starts: set[int]) -> bool:
    """Tell whether a word begins a sentence, a quotation or the part after a colon."""
    return offset in starts or bool(AFTER_COLON.search(text[max(0, offset - 3) : offset]))


def is_genitive(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a word is the genitive of another word of the text ("Kims" beside "Kim")."""
    return word.endswith("s") and word[:-1] in lexicon.words


def close_run(context: Context, run: list[re.Match[str]], lexicon: Lexicon) -> list[Named]:
    """Turn a run of name words into a candidate (two words or more, or one acronym), without a genitive -s."""
    previous = word_before(context.text, run[0].start()) if run else None
    if previous and ADJECTIVE.fullmatch(previous) and previous not in NOT_ADJECTIVES:
        run = run[1:]  # "westlichen Verteidigungsbeamten": an adjective's noun is no name
    if not run:
        return []
    words = [m.group() for m in run]
    end = run[-1].end()
    if is_genitive(words[-1], lexicon):
        words[-1], end = words[-1][:-1], end - 1
    if len(words) >= 2 or ACRONYM.fullmatch(words[0]):
        return [Named(None, " ".join(words), context.number, run[0].start(), end)]
    return []


def word_before(text: str, end: int) -> str | None:
    """Return the word that ends one space before `end`: what `re.search(r"(\\S+) $", text[:end])` captures.

    The window searched doubles until it holds the word's start, so the cost is the word's length.
    """
    width = 64
    while True:
        low = max(0, end - width)
        found = WORD_BEFORE_SPACE.search(text, low, end)
        if found is not None:
            return found.group(1)
        if low == 0 or text[end - 1 : end] != " " or end - 2 < low or text[end - 2].isspace():
            return None
        width *= 2


def is_name_word(context: Context, match: re.Match[str], sentence_start: bool, lexicon: Lexicon) -> bool:
    """Tell whether a word can be part of a new name: capitalised, unknown, not an ordinary word."""
    word = match.group()
    if not word[0].isupper() or word in STOPWORDS or word in lexicon.nouns or word in WEEKDAYS or word in MONTHS:
        return False
    if context.mentioned(match.start(), match.end()):
        return False
    if ROLE_NOUN.search(word) or NOUN_SUFFIX.search(word.lower()) or context.text.startswith(" zufolge", match.end()):
        return False
    return not (sentence_start and (word.lower() in lexicon.lowercase or ADJECTIVE.fullmatch(word.lower())))
