"""Text heuristics behind `dossier new`: what a German article text suggests for its YAML.

Everything found here stands in the text: registry names (through the analyse stage's own matcher,
`mentions.py`), quotations, numbers and dates. Nothing is looked up elsewhere and nothing is
decided: each suggestion carries the reason it was made, so the curator can check it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from generator.analysis.match import DOUBLE_QUOTES
from generator.analysis.mentions import SENTENCE_END, Mention, find_mentions
from generator.content.model import ENTITY_KINDS, MONTHS, Entity, Paragraph, Topic, split_paragraphs
from generator.language.search import Cursor, SpanIndex, ends_with, nearest_pair

T = TypeVar("T")

UPPER = "A-ZÄÖÜÀ-ÖØ-Þ"
LOWER = "a-zäöüßà-öø-ÿ"
TOKEN = re.compile(r"[^\W\d_]\w*(?:-\w+)*")
MONTH_NAMES = "|".join((*MONTHS, "Jänner"))
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def words(text: str) -> tuple[str, ...]:
    """Split a space-separated word list (kept readable as one string)."""
    return tuple(text.split())


SPEECH_VERBS = words(
    "sagte sagten sagt erklärte erklärten erklärt betonte betonten betont warnte warnten warnt bezeichnete "
    "bezeichneten bezeichnet kritisierte kritisierten kritisiert beschrieb beschrieben beschreibt meinte ergänzte "
    "fügte äußerte schrieb bekräftigte unterstrich versicherte mahnte forderte antwortete verkündete erwiderte "
    "zitierte nannte"
)
SPEECH = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
SO_AFTER_QUOTE = re.compile(rf"(?<=[{DOUBLE_QUOTES}])\s*,\s*(so)\b")
PRONOUN = re.compile(r"\s+(er|sie)\b")
INTERRUPTION = re.compile(rf"\s*,\s*(?:{'|'.join(SPEECH_VERBS)}|so)\b[^{DOUBLE_QUOTES}.!?]{{0,60}}?,\s*")
ATTRIBUTION_VERB = re.compile(
    r"\b(?:bestätig|berichte|meldete|meldet|schätz|bezifferte|beziffert|identifiziert|kündigt|teilt|zählt)\w*"
    r"|\b(?:gibt|gab|nennt|spricht|sprach|geht|gehen)\b|" + SPEECH.pattern
)
STRONG_BEFORE = re.compile(r"\b(?:[Ll]aut|[Nn]ach Angaben(?:\s+(?:des|der|von|vom))?|[Gg]emäß)\s+$")
STRONG_AFTER = re.compile(r"\s+zufolge\b")  # matched right after a name
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
# The analyse stage's sentence ends, and also a quotation closed by » « " ” after its final punctuation.
SENTENCE_BREAK = re.compile(SENTENCE_END.pattern + rf"|(?<=[.!?…][”\"»«])\s+(?=[{UPPER}„\"»«0-9])")
CLAUSE_INTRO = re.compile(r"\W*(?:dass|wonach|demnach|demzufolge|wie)\b")  # matched at a clause's start

ROLE_STEMS = words(
    "sprecher präsident minister sekretär kanzler chef leiter direktor botschafter berater general kommandeur "
    "analyst experte expert deserteur senator bürgermeister abgeordnete beamte befehlshaber vorsitzende "
    "korrespondent diplomat offizier admiral gouverneur führer"
)
ROLE_NOUN = re.compile(r"(?:" + "|".join(ROLE_STEMS) + r")(?:in|innen|e|en|er|es|n|s|r)?$", re.IGNORECASE)
# A word of a role phrase runs to white space or a comma, so its letters are never given back (`*+`).
GENITIVE = rf"(?:\s+(?:des|der)\s+(?:[{LOWER}]+en\s+)?[{UPPER}][\w-]*+(?:\s+[{UPPER}][\w-]*+)?)*"
ROLE_BEFORE = re.compile(
    rf"(?:\b(?P<article>[Dd](?:er|ie|as|es|em|en)|[Ee]ine?[rsnm]?)\s+(?P<adj>[{LOWER}]+e[nrs]?\s+)?)?"
    rf"(?P<noun>[{UPPER}][\w-]*+)(?P<genitive>{GENITIVE}),?\s+$"
)
ROLE_TAIL = re.compile(r"[\w-],?\s+$")  # how every text ROLE_BEFORE matches ends
ROLE_AFTER = re.compile(  # matched right after a name
    rf",\s+(?:ein|eine|der|die)\s+(?P<role>(?:[{LOWER}]+e[nrs]?\s+)?(?P<noun>[{UPPER}][\w-]*+){GENITIVE})\s*,"
)
ROLE_WIDTH = 200  # characters a role phrase before or after a name may take

CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[–—]\s")
COMMA_BREAK = re.compile(r"[,;:]\s")
CLAIMANT_KINDS = ("people", "organisations")

NUMBER = re.compile(
    r"(?<![\w.,:])(?<![^\W\d_]-)(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?(?!\w|[.,:]\d)"
    r"(?:\s*(?P<mult>Millionen|Million|Mio\.|Milliarden|Milliarde|Mrd\.))?"
    r"|\b(?i:(?P<word>(?:zehn|zwanzig|dreißig|vierzig|fünfzig|hundert|zweihundert|dreihundert|fünfhundert)?tausend))\b"
)
NUMBER_START = re.compile(r"\d(?<![\w.,:]\d)")  # a digit where a number of NUMBER may start
SPELLED_NUMBER = re.compile(r"(?i:tausend)")  # in every number NUMBER reads as spelled out
MULTIPLIERS = {"Million": 1e6, "Millionen": 1e6, "Mio.": 1e6, "Milliarde": 1e9, "Milliarden": 1e9, "Mrd.": 1e9}
WORD_NUMBERS = {
    "": 1,
    "zehn": 10,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "zweihundert": 200,
    "dreihundert": 300,
    "fünfhundert": 500,
}
ADJECTIVE = re.compile(rf"[{LOWER}]{{2,}}(?:e|en|er|es|em)")
NOT_ADJECTIVES = set(
    words(
        "gegen die der den dem des eine einen einem einer eines diese dieser diesen dieses ohne über oder aber haben "
        "werden wurden sollen wollen können seien waren hatten worden immer wieder außer hinter unter jeder jede "
        "jeden sowie zwischen neben"
    )
)
TIME_UNITS = set(words("Jahr Jahre Jahren Jahres Monat Monate Monaten Woche Wochen Tag Tage Tagen Stunde Stunden"))
YEAR_CUE = re.compile(
    rf"(?:\b[Jj]ahr(?:e|es)?|\b[Ii]m|\b[Ss]eit|\b[Bb]is|\b[Aa]b|\b[Vv]on|\b[Aa]nfang|\b[Mm]itte|\b[Ee]nde|"
    rf"\b[Ss]ommer|\b[Hh]erbst|\b[Ww]inter|\b[Ff]rühjahr|\b(?:{MONTH_NAMES}))\s+$"
)
ORDINAL_CUE = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim)\s+$", re.IGNORECASE)
IDENTIFIER_CUE = re.compile(r"(?:Artikel|Art\.|Nr\.|Nummer|Paragraf|Paragraph|§|Seite|Kapitel|Absatz|Platz)\s*$")
QUALIFIERS = (
    (
        re.compile(
            r"\b(?:etwa|rund|ungefähr|circa|ca\.|zirka|knapp|fast|beinahe|schätzungsweise|geschätzte?[nr]?)\s+$",
            re.IGNORECASE,
        ),
        "etwa",
    ),
    (re.compile(r"\b(?:mindestens|wenigstens)\s+$", re.IGNORECASE), "mindestens"),
    (re.compile(r"\b(?:mehr als|über)\s+$", re.IGNORECASE), "mehr als"),
    (re.compile(r"\bbis zu\s+$", re.IGNORECASE), "bis zu"),
    (re.compile(r"\b(?:höchstens|maximal|weniger als)\s+$", re.IGNORECASE), "höchstens"),
)
ANY_HEDGE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in QUALIFIERS), re.IGNORECASE)
MODALITIES = (
    (re.compile(r"\b(?:geplant\w*|plant|planen)\b"), "geplant"),
    (re.compile(r"\b(?:soll|sollen|sollte|sollten|erwartet\w*|bevorstehende?[nr]?)\b"), "erwartet"),
    (re.compile(r"\b(?:könnte|könnten|möglicherweise|vermutlich|wahrscheinlich)\b"), "möglicherweise"),
)

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
ABBREVIATION = re.compile(r"\b(?:ca|bzw|vgl|ggf|inkl|evtl|sog|Dr|Prof|Nr|St|Mio|Mrd|Abs|Art|z\. ?B|u\. ?a|d\. ?h)\.$")
DIGIT_DOT = re.compile(r"\d\.$")
DIGITS_AT_END = re.compile(r"(\d+)$")
ORDINAL_AFTER = re.compile(rf"(?:{MONTH_NAMES})\b|[{LOWER}]")
DOT_AFTER = re.compile(r"\.\s+\S")
TIME_AFTER = re.compile(r"\s*(?:Uhr\b|:\d)")
PERCENT = re.compile(r"\s*%")
NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
BETWEEN_CUE = re.compile(r"\b[Zz]wischen\s+$")
RANGE_WORD = re.compile(r"\s*(?:bis|–|-)\s*")
AND_WORD = re.compile(r"\s*und\s*")
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d|2100")
ACRONYM = re.compile(rf"[{UPPER}]{{2,6}}")
AFTER_COLON = re.compile(rf"(?:^|[:;{DOUBLE_QUOTES}])\s*$")
WORD_BEFORE_SPACE = re.compile(r"(?<!\S)(\S++) $")
QUOTE_MARK = re.compile(f"[{DOUBLE_QUOTES}]")
DIGIT = re.compile(r"\d")
MAX_UNIT_CHARS = 100  # a longer "unit" is no unit, and would be repeated for every number that inherits it
MAX_AS_OF_CANDIDATES = 20  # dates of a sentence listed with each of its claims
MIN_QUOTE_WORDS = 4
MAX_QUOTE_CHARS = 2000
MIN_EXCERPT, MAX_EXCERPT = 60, 240


@dataclass(frozen=True)
class Registry:
    """The people, organisations, places and topics known to the dossier."""

    entities: dict[str, dict[str, Entity]]
    topics: dict[str, Topic]


@dataclass(frozen=True)
class Quotation:
    """One pair of quotation marks in a paragraph (offsets of the two marks)."""

    open: int
    close: int


@dataclass(frozen=True)
class Named:
    """A person or body named in a paragraph: a registry entry, or a new name (entity None)."""

    entity: Entity | None
    label: str
    paragraph: int
    start: int
    end: int


@dataclass
class Context:
    """One paragraph with its quotations, sentences and registry mentions.

    What many numbers or quotations of one sentence ask (its clauses, verbs, names) is worked out
    once and remembered (`remember`), so that a long sentence with many figures costs its length
    once, not once per figure.
    """

    paragraph: Paragraph
    mentions: list[Mention]  # sorted by start
    quotations: list[Quotation] = field(default_factory=list)  # in text order, none inside another
    sentences: list[tuple[int, int]] = field(default_factory=list)
    names: list[Named] = field(default_factory=list)  # new names, see find_new_names
    memo: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.paragraph.text

    def remember(self, key: Hashable, work_out: Callable[[], T]) -> T:
        """Return what `work_out` returns, working it out only the first time `key` is asked for."""
        if key not in self.memo:
            self.memo[key] = work_out()
        found: T = self.memo[key]
        return found

    def spelling(self, mention: Mention) -> str:
        """Return the words of the text a mention covers ("Putins")."""
        return self.text[mention.start : mention.end]

    @cached_property
    def quote_opens(self) -> list[int]:
        """Return where the quotations open, in text order."""
        return [q.open for q in self.quotations]

    def in_quote(self, offset: int) -> bool:
        """Tell whether an offset lies within a quotation (marks included)."""
        index = bisect_right(self.quote_opens, offset) - 1  # the last quotation opened at or before the offset
        return index >= 0 and offset <= self.quotations[index].close

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding `offset`."""
        if self.memo.get("sentences") is not self.sentences:  # worked out for these sentences, not earlier ones
            self.memo["sentences"], self.memo["sentence ends"] = self.sentences, [end for _, end in self.sentences]
        return min(bisect_right(self.memo["sentence ends"], offset), len(self.sentences) - 1)

    def named(self, bounds: tuple[int, int], kinds: tuple[str, ...]) -> list[Mention]:
        """Return the mentions of the given kinds within `bounds`, outside quotations."""
        return self.remember(("named", bounds, kinds), lambda: self.find_named(bounds, kinds))

    def find_named(self, bounds: tuple[int, int], kinds: tuple[str, ...]) -> list[Mention]:
        """Work out `named`."""
        starts = self.remember("mention starts", lambda: [m.start for m in self.mentions])
        within = self.mentions[bisect_left(starts, bounds[0]) : bisect_left(starts, bounds[1])]
        return [m for m in within if m.entity.kind in kinds and not self.in_quote(m.start)]

    def mentioned(self, start: int, end: int) -> bool:
        """Tell whether a mention shares a character with the text from start to end."""
        index = self.remember("mention index", lambda: SpanIndex((m.start, m.end) for m in self.mentions))
        return index.overlaps(start, end)

    def people(self, bounds: tuple[int, int]) -> list[Named]:
        """Return the registered people named within `bounds` outside quotations, else the new names there."""
        return self.remember(("people", bounds, len(self.names)), lambda: self.find_people(bounds))

    def find_people(self, bounds: tuple[int, int]) -> list[Named]:
        """Work out `people`."""
        known = [
            Named(m.entity, self.spelling(m), self.paragraph.number, m.start, m.end)
            for m in self.named(bounds, ("people",))
        ]
        if known:
            return known
        starts = self.remember(("name starts", len(self.names)), lambda: [n.start for n in self.names])
        within = self.names[bisect_left(starts, bounds[0]) : bisect_left(starts, bounds[1])]
        return [n for n in within if " " in n.label and not self.in_quote(n.start)]

    def clauses(self, sentence: tuple[int, int], dashes: bool = True) -> list[tuple[int, int]]:
        """Return the clauses of a sentence (see `clause_spans`)."""
        return self.remember(("clauses", sentence, dashes), lambda: clause_spans(self.text, sentence, dashes))

    def clause_index(self, sentence: tuple[int, int], offset: int, dashes: bool = True) -> int:
        """Return the index of the clause of a sentence holding `offset` (the first that ends at or after it)."""
        ends = self.remember(("clause ends", sentence, dashes), lambda: [c[1] for c in self.clauses(sentence, dashes)])
        return bisect_left(ends, offset)

    def clause_intro(self, start: int) -> bool:
        """Tell whether the clause starting at `start` opens with `dass`, `wie` or the like."""
        return self.remember(("intro", start), lambda: CLAUSE_INTRO.match(self.text, start) is not None)


@dataclass(frozen=True)
class Guess:
    """A suggested registry entry and why it was suggested."""

    entity: Entity | None
    reason: str
    attribution: str | None = None
    strong: bool = False  # bound to a speech or attribution verb, not only near
    named: Named | None = None  # where the guess stands in the text


NO_GUESS = Guess(None, "not guessed")


@dataclass(frozen=True)
class MentionSuggestion:
    """A registry entry found in the text, with the spellings used."""

    entity: Entity
    forms: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class NameCandidate:
    """A name no registry knows, where it first appears and how often."""

    name: str
    paragraph: int
    count: int


@dataclass(frozen=True)
class DateSuggestion:
    """A date the text states, as written and (if it has a year) as YYYY[-MM[-DD]]."""

    text: str
    iso: str | None
    paragraph: int
    offset: int
    kind: str  # day, month, year, day-no-year, month-no-year, weekday, relative


@dataclass(frozen=True)
class QuoteSuggestion:
    """A quotation (in parts if the narrator interrupts it) with its likely speaker and role."""

    parts: tuple[str, ...]
    paragraph: int
    speaker: Guess
    role: str | None
    role_reason: str
    short: bool  # a scare quote or term rather than a quote


@dataclass(frozen=True)
class ClaimSuggestion:
    """A figure of the text as a candidate claim (a range has lower and upper, no value)."""

    phrase: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: tuple[str, str] | None  # (qualifier, the words that suggest it)
    unit: str | None
    unit_reason: str
    topic: Topic | None
    topic_reason: str
    claimant: Guess
    excerpt: str
    paragraph: int
    dates: tuple[DateSuggestion, ...]


@dataclass(frozen=True)
class Suggestions:
    """Everything the text suggests for its YAML."""

    mentions: list[MentionSuggestion]
    new_names: list[NameCandidate]
    quotes: list[QuoteSuggestion]
    claims: list[ClaimSuggestion]
    dates: list[DateSuggestion]
    published: DateSuggestion | None
    skipped_numbers: list[str]


def suggest(text: str, registry: Registry, today: date) -> Suggestions:
    """Collect every suggestion the text supports."""
    paragraphs = split_paragraphs(text)
    mentions: dict[int, list[Mention]] = {}
    for mention in find_known(paragraphs, registry.entities):
        mentions.setdefault(mention.paragraph, []).append(mention)
    contexts = [analyse_paragraph(p, mentions.get(p.number, [])) for p in paragraphs]
    dates = find_dates(contexts, today)
    claims, skipped = find_claims(contexts, registry.topics, dates)
    new_names = find_new_names(contexts)  # before the quotes: an unregistered speaker is named by it
    return Suggestions(
        mentions=summarise_mentions(contexts),
        new_names=new_names,
        quotes=find_quotes(contexts),
        claims=claims,
        dates=dates,
        published=dateline_date(contexts, dates),
        skipped_numbers=skipped,
    )


# --- mentions and new names -------------------------------------------------------------------


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


def analyse_paragraph(paragraph: Paragraph, mentions: list[Mention]) -> Context:
    """Find the quotations and sentences of a paragraph."""
    context = Context(paragraph, mentions, find_quotations(paragraph.text))
    context.sentences = split_sentences(paragraph.text, context)
    return context


def split_sentences(text: str, context: Context) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, never inside a quotation, after an abbreviation or a date's day."""
    bounds, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if context.in_quote(match.start() - 1) and context.in_quote(match.end()):
            continue
        if ends_with(ABBREVIATION, text, match.start()) or (
            ends_with(DIGIT_DOT, text, match.start()) and is_ordinal(text, match.start() - 1, match.end())
        ):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def is_ordinal(text: str, end: int, after: int) -> bool:
    """Tell whether the number ending at `end`, followed by a dot, is an ordinal or a date's day, not a sentence's end.

    `after` is where the text goes on after the dot and the white space.
    """
    number = ends_with(DIGITS_AT_END, text, end)
    if number is None or len(number.group(1)) > 3:
        return False
    return bool(ends_with(ORDINAL_CUE, text, number.start()) or ORDINAL_AFTER.match(text, after))


def find_new_names(contexts: list[Context]) -> list[NameCandidate]:
    """Find capitalised multi-word names (and acronyms) that no registry entry covers; keep them per paragraph."""
    lexicon = Lexicon.of("\n".join(c.text for c in contexts))
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for context in contexts:
        context.names = names_in(context, lexicon)
        for name in context.names:
            counts[name.label] += 1
            first.setdefault(name.label, context.paragraph.number)
    return [NameCandidate(name, first[name], counts[name]) for name in first]


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
        return [Named(None, " ".join(words), context.paragraph.number, run[0].start(), end)]
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


# --- quotations -------------------------------------------------------------------------------


def find_quotations(text: str) -> list[Quotation]:
    """Pair opening and closing double quotation marks of any style, judging each by its neighbours."""
    found, opened = [], None
    for mark in QUOTE_MARK.finditer(text):
        index = mark.start()
        role = mark_role(text, index)
        if role == "open":
            opened = index
        elif role == "close" and opened is not None:
            found.append(Quotation(opened, index))
            opened = None
    return found


def mark_role(text: str, index: int) -> str | None:
    """Tell whether the quotation mark at `index` opens or closes a quotation."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if text[index] == "„" or ((before.isspace() or before in "([{–—/:") and not after.isspace()):
        return "open"
    if not before.isspace():
        return "close"
    return None


def find_quotes(contexts: list[Context]) -> list[QuoteSuggestion]:
    """Suggest a quote for every quotation (parts joined when the narrator interrupts it)."""
    quotes = []
    roles = Roles(contexts)
    for index, context in enumerate(contexts):
        previous = contexts[index - 1] if index > 0 else None
        for group in group_quotations(context):
            quote = quote_of(context, previous, group, roles)
            if quote is not None:
                quotes.append(quote)
    return quotes


def group_quotations(context: Context) -> list[list[Quotation]]:
    """Join quotations separated only by `, sagte X,` into one quote of several parts."""
    groups: list[list[Quotation]] = []
    for quotation in context.quotations:
        if groups and INTERRUPTION.fullmatch(context.text[groups[-1][-1].close + 1 : quotation.open]):
            groups[-1].append(quotation)
        else:
            groups.append([quotation])
    return groups


def quote_of(
    context: Context, previous: Context | None, group: list[Quotation], roles: Roles
) -> QuoteSuggestion | None:
    """Build the quote suggestion for one group of quotations."""
    text = context.text
    parts = tuple(text[q.open + 1 : q.close].strip() for q in group)
    if not all(parts) or sum(len(p) for p in parts) > MAX_QUOTE_CHARS:
        return None
    speaker = guess_speaker(context, previous, group)
    words = len(" ".join(parts).split())
    compound = text[group[-1].close + 1 : group[-1].close + 2] == "-"
    short = compound or (words < MIN_QUOTE_WORDS and not speaker.strong)
    role, role_reason = roles.guess(speaker)
    return QuoteSuggestion(parts, context.paragraph.number, speaker, role, role_reason, short)


def guess_speaker(context: Context, previous: Context | None, group: list[Quotation]) -> Guess:
    """Guess who is quoted: a person bound to a speech verb, else the nearest person around."""
    text, opened = context.text, group[0].open
    index = context.sentence_of(opened)
    sentence = context.sentences[index]
    verbs = context.remember(("speech", sentence), lambda: quoting_verbs(context, sentence))
    people = context.people(sentence)
    starts = context.remember(("people starts", sentence, len(context.names)), lambda: [p.start for p in people])
    pronoun = context.remember(("pronoun", sentence), lambda: first_pronoun(text, verbs))
    if pronoun is not None:
        before = last_ending_before(people, starts, opened)
        earlier = [before] if before else people_before(context, previous, index)
        if earlier:
            said = f'"{pronoun}", referring to "{earlier[-1].label}" named before'
            return speaker_guess(earlier[-1], said, strong=True)
    if verbs and people:
        verb, person = context.remember(("speaker", sentence), lambda: nearest_pair(verbs, people))
        return speaker_guess(people[person], f'"{verbs[verb].group()}" in the same sentence', strong=True)
    if people:
        return speaker_guess(nearest_start(people, starts, opened), "the nearest name (no speech verb)")
    earlier = people_before(context, previous, index)
    if earlier:
        return speaker_guess(earlier[-1], "a name in the preceding sentence")
    return Guess(
        None, "no person named near the quotation: add the speaker to content/people.yaml, or delete the quote"
    )


def quoting_verbs(context: Context, sentence: tuple[int, int]) -> list[re.Match[str]]:
    """Return the speech verbs of a sentence outside its quotations."""
    return [v for v in speech_verbs(context.text, sentence) if not context.in_quote(v.start())]


def first_pronoun(text: str, verbs: list[re.Match[str]]) -> str | None:
    """Return the first speech verb followed by `er` or `sie` with that pronoun ("sagte er"), if any."""
    for verb in verbs:
        pronoun = PRONOUN.match(text, verb.end())
        if pronoun is not None:
            return f"{verb.group()} {pronoun.group(1)}"
    return None


def last_ending_before(people: list[Named], starts: list[int], offset: int) -> Named | None:
    """Return the last of the people (sorted by start) who ends at or before `offset`."""
    for index in range(bisect_left(starts, offset) - 1, -1, -1):  # the later ones start after `offset`
        if people[index].end <= offset:
            return people[index]
    return None


def nearest_start(people: list[Named], starts: list[int], offset: int) -> Named:
    """Return the first of the people (sorted by start) whose start is nearest to `offset`."""
    after = bisect_right(starts, offset)
    candidates = [people[bisect_left(starts, starts[after - 1])]] if after else []
    return min([*candidates, *people[after : after + 1]], key=lambda p: abs(p.start - offset))


def speaker_guess(person: Named, why: str, strong: bool = False) -> Guess:
    """Return the guess of a speaker; a new name becomes a hint to register the person."""
    if person.entity is not None:
        return Guess(person.entity, f"speaker guessed from {why}", strong=strong, named=person)
    hint = f'"{person.label}" (guessed from {why}) is in no registry: add the person to content/people.yaml'
    return Guess(None, hint, strong=strong, named=person)


def speech_verbs(text: str, sentence: tuple[int, int]) -> list[re.Match[str]]:
    """Return the speech verbs of a sentence, including `so` right after a quotation."""
    low, high = sentence
    verbs = [*SPEECH.finditer(text, low, high), *SO_AFTER_QUOTE.finditer(text, low, high)]
    return sorted(verbs, key=lambda m: m.start())


def people_before(context: Context, previous: Context | None, index: int) -> list[Named]:
    """Return the people named in the sentence before sentence `index` (possibly the previous paragraph's last)."""
    if index > 0:
        return context.people(context.sentences[index - 1])
    if previous is not None and previous.sentences:
        return previous.people(previous.sentences[-1])
    return []


class Roles:
    """The roles the text gives the speakers next to their names, looked for once per person."""

    def __init__(self, contexts: list[Context]) -> None:
        self.contexts = contexts
        self.by_number = {c.paragraph.number: c for c in contexts}
        self.known: dict[str, tuple[str | None, str]] = {}

    def guess(self, speaker: Guess) -> tuple[str | None, str]:
        """Return the speaker's role as the text gives it next to the name, else the registry's."""
        person, named = speaker.entity, speaker.named
        if person is None:
            context = self.by_number.get(named.paragraph) if named else None
            role = role_next_to(context, named) if context and named else None
            why = (
                f'role as the text gives it next to "{named.label}"'
                if role and named
                else "the speaker's role, as given"
            )
            return role, why
        if person.id not in self.known:
            self.known[person.id] = self.first_role(person)
        return self.known[person.id]

    def first_role(self, person: Entity) -> tuple[str, str]:
        """Return the role the text gives next to the person's first mention that has one, else the registry's."""
        for context in self.contexts:
            for mention in (m for m in context.mentions if m.entity.id == person.id):
                role = role_next_to(context, mention)
                if role:
                    where = f'"{context.spelling(mention)}" (paragraph {context.paragraph.number})'
                    return role, f"role as the text gives it next to {where}"
        return str(person.data["role"]), "role from content/people.yaml; check it against the text"


def role_next_to(context: Context, mention: Mention | Named) -> str | None:
    """Return a role phrase right before a name ("der Pentagon-Sprecherin") or in apposition after it.

    Only ROLE_WIDTH characters on either side are looked at: a role phrase is a few words, and
    the patterns, anchored at the name, would otherwise run through every long chain of capitalised
    words ("des Aa des Aa …") once for each of its words.
    """
    text = context.text
    low = context.sentences[context.sentence_of(mention.start)][0]
    before = role_before(text, low, mention.start)
    if before and ROLE_NOUN.search(before.group("noun")):
        adjective = (before.group("adj") or "").strip()
        if adjective and adjective.endswith("e") and (before.group("article") or "").lower() in ("der", "das"):
            adjective += "r" if (before.group("article") or "").lower() == "der" else "s"
        return " ".join(filter(None, (adjective, before.group("noun") + before.group("genitive"))))
    after = ROLE_AFTER.match(text, mention.end, mention.end + ROLE_WIDTH)
    if after and ROLE_NOUN.search(after.group("noun")):
        return after.group("role")
    return None


def role_before(text: str, low: int, end: int) -> re.Match[str] | None:
    """Return what `ROLE_BEFORE.search(text[low:end])` finds, looking at the last ROLE_WIDTH characters only."""
    if ends_with(ROLE_TAIL, text, end, low) is None:  # most names follow no word ("(Anna Muster)", "„… “, sagte")
        return None
    return ROLE_BEFORE.search(text, max(low, end - ROLE_WIDTH), end)


# --- numbers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A number in a paragraph, with the unit phrase that follows it."""

    start: int
    end: int  # end of the number (and its multiplier)
    value: float
    unit_end: int
    unit: str | None


def find_claims(
    contexts: list[Context], topics: dict[str, Topic], dates: list[DateSuggestion]
) -> tuple[list[ClaimSuggestion], list[str]]:
    """Suggest a claim for every number that is not a year, a date, an ordinal, a time or a duration."""
    claims: list[ClaimSuggestion | None] = []
    skipped: list[str] = []
    by_paragraph = dates_by_paragraph(dates)
    for context in contexts:
        in_dates = by_paragraph.get(context.paragraph.number, [])
        numbers = read_numbers(context, in_dates, skipped)
        claims.extend(claim_of(context, numbers, i, topics, in_dates) for i in range(len(numbers)))
    return [c for c in claims if c is not None], skipped


def read_numbers(context: Context, in_dates: list[DateSuggestion], skipped: list[str]) -> list[Number]:
    """Return the paragraph's figures outside its dates; add why other numbers are no figures to `skipped`."""
    numbers = []
    taken = SpanIndex((d.offset, d.offset + len(d.text)) for d in in_dates)
    for match in find_numbers(context.text):
        if taken.holds(match.start()):
            continue
        number, why = read_number(context.text, match)
        if number is None:
            if why:
                skipped.append(
                    f'"{context.text[match.start() : match.end()]}" (paragraph {context.paragraph.number}): {why}'
                )
            continue
        numbers.append(number)
    return numbers


def dates_by_paragraph(dates: list[DateSuggestion]) -> dict[int, list[DateSuggestion]]:
    """Group dates by their paragraph, keeping their order."""
    grouped: dict[int, list[DateSuggestion]] = {}
    for found in dates:
        grouped.setdefault(found.paragraph, []).append(found)
    return grouped


def find_numbers(text: str) -> Iterator[re.Match[str]]:
    """Yield what `NUMBER.finditer(text)` yields, trying NUMBER only at digits when no number is spelled out.

    NUMBER has no literal prefix (its lookbehinds come first), so `finditer` tries it at every
    character; a digit that starts a number is found by a fast search.
    """
    if SPELLED_NUMBER.search(text):
        yield from NUMBER.finditer(text)
        return
    end = 0
    for digit in NUMBER_START.finditer(text):
        match = NUMBER.match(text, digit.start()) if digit.start() >= end else None
        if match:
            yield match
            end = match.end()


def read_number(text: str, match: re.Match[str]) -> tuple[Number | None, str]:
    """Read a number and its unit; return None (with a reason, or '' for years) when it is no figure.

    The cues looked for before and after the number lie within a few words (`ends_with`): the
    text around it is never copied or searched through.
    """
    if match.group("word"):
        prefix = match.group("word").lower().removesuffix("tausend")
        value = WORD_NUMBERS[prefix] * 1000.0
    else:
        value = float(match.group("num").replace(".", "") + "." + (match.group("frac") or "0"))
        value *= MULTIPLIERS.get(match.group("mult") or "", 1)
    unit, unit_end = unit_after(text, match.end())
    if is_year(match, text, unit):
        return None, ""
    dot = DOT_AFTER.match(text, match.end())
    if dot and not match.group("mult") and is_ordinal(text, match.end(), dot.end() - 1):
        return None, "an ordinal number"
    if TIME_AFTER.match(text, match.end()):
        return None, "a time of day"
    if ends_with(IDENTIFIER_CUE, text, match.start()):
        return None, "a number that names something"
    if unit in TIME_UNITS:
        return None, "a duration"
    return Number(match.start(), match.end(), value, unit_end, unit), ""


def is_year(match: re.Match[str], text: str, unit: str | None) -> bool:
    """Tell whether a number of `text` is a year: four digits 1900–2100 after a year cue or without a unit."""
    return has_year_digits(match) and (bool(ends_with(YEAR_CUE, text, match.start())) or unit is None)


def has_year_digits(match: re.Match[str]) -> bool:
    """Tell whether a number is written as a year: four digits 1900–2100, no fraction, no multiplier."""
    digits = match.group("num") or ""
    return (
        len(digits) == 4 and bool(YEAR_DIGITS.fullmatch(digits)) and not match.group("frac") and not match.group("mult")
    )


def unit_after(text: str, offset: int) -> tuple[str | None, int]:
    """Return the unit phrase after a number ("nordkoreanische Soldaten", "Prozent") and where it ends."""
    percent = PERCENT.match(text, offset)
    if percent:
        return "Prozent", percent.end()
    position, words = offset, 0
    while words <= 3:
        word = NEXT_WORD.match(text, position)
        if word is None:
            return None, offset
        token = word.group(1)
        if token[0].isupper():
            unit = text[offset : word.end(1)].strip()
            return (unit, word.end(1)) if len(unit) <= MAX_UNIT_CHARS else (None, offset)
        if token in NOT_ADJECTIVES or not (ADJECTIVE.fullmatch(token) or token in ("seiner", "ihrer", "deren")):
            return None, offset
        position = word.end()
        words += 1
    return None, offset


def claim_of(
    context: Context,
    numbers: list[Number],
    index: int,
    topics: dict[str, Topic],
    dates: list[DateSuggestion],
    with_claimant: bool = True,
) -> ClaimSuggestion | None:
    """Build the claim suggestion for one number (or a range of two); `dates` are the paragraph's, in text order.

    Without `with_claimant`, the claimant is not guessed (left NO_GUESS) and no dates are listed.
    """
    number, text = numbers[index], context.text
    if index > 0 and is_range(text, numbers[index - 1], number):
        return None  # the upper end of a range, suggested with its lower end
    upper = numbers[index + 1] if index + 1 < len(numbers) and is_range(text, number, numbers[index + 1]) else None
    last = upper or number
    sentence = context.sentences[context.sentence_of(number.start)]
    unit, unit_reason = last.unit, ""
    if unit is None:
        unit, unit_reason = inherited_unit(numbers, index, sentence)
    topic, topic_reason = topic_for(unit, lambda: sentence_stems(context, sentence), topics, context)
    hedge = find_hedge(text, number)
    return ClaimSuggestion(
        phrase=text[hedge[1] if hedge else number.start : max(last.unit_end, last.end)],
        value=None if upper else number.value,
        lower=number.value if upper else None,
        upper=upper.value if upper else None,
        qualifier=(hedge[0], hedge[2]) if hedge else find_modal(context, number, sentence),
        unit=unit,
        unit_reason=unit_reason,
        topic=topic,
        topic_reason=topic_reason,
        claimant=guess_claimant(context, number, sentence) if with_claimant else NO_GUESS,
        excerpt=excerpt_around(context, sentence, number.start),
        paragraph=context.paragraph.number,
        dates=dates_within(dates, sentence) if with_claimant else (),
    )


def dates_within(dates: list[DateSuggestion], sentence: tuple[int, int]) -> tuple[DateSuggestion, ...]:
    """Return the first MAX_AS_OF_CANDIDATES dates of a sentence (dates in text order)."""
    low = bisect_left(dates, sentence[0], key=lambda d: d.offset)
    high = bisect_left(dates, sentence[1], lo=low, key=lambda d: d.offset)
    return tuple(dates[low : min(high, low + MAX_AS_OF_CANDIDATES)])


def is_range(text: str, low: Number, high: Number) -> bool:
    """Tell whether two numbers form a range ("10.000 bis 12.000", "zwischen 10.000 und 12.000")."""
    between = text[max(low.end, low.unit_end) : high.start]
    if RANGE_WORD.fullmatch(between):
        return True
    return bool(AND_WORD.fullmatch(between) and ends_with(BETWEEN_CUE, text, low.start))


def find_hedge(text: str, number: Number) -> tuple[str, int, str] | None:
    """Return the qualifier a hedge right before a number suggests ("rund" → etwa), where it starts, and its words."""
    window = max(0, number.start - 40)
    before = text[window : number.start]
    if not ANY_HEDGE.search(before):  # most numbers have none: one search instead of one per qualifier
        return None
    for pattern, qualifier in QUALIFIERS:
        found = pattern.search(before)
        if found:
            return qualifier, window + found.start(), found.group().strip()
    return None


def inherited_unit(numbers: list[Number], index: int, sentence: tuple[int, int]) -> tuple[str | None, str]:
    """Take the unit of an earlier number of the same sentence ("3.000 Soldaten …, auf 10.000")."""
    for number in (numbers[i] for i in range(index - 1, -1, -1)):
        if number.start < sentence[0]:
            break  # the numbers before lie in earlier sentences
        if number.unit:
            return (
                number.unit,
                f'no unit after the number; "{number.unit}" taken from an earlier number of the sentence',
            )
    return None, "no unit after the number"


def stem(word: str, endings: tuple[str, ...] = ("en", "n", "e", "s"), shortest: int = 4) -> str:
    """Strip the first of `endings` that leaves `shortest` letters: Soldaten → soldat, Containern → container."""
    word = word.lower()
    for suffix in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


def topic_for(
    unit: str | None, sentence_words: Callable[[], set[str]], topics: dict[str, Topic], context: Context
) -> tuple[Topic | None, str]:
    """Return the numeric topic whose unit matches the number's unit (keywords decide a tie).

    `sentence_words` returns the stems of the sentence's words (see `sentence_stems`), asked for only on a tie.
    """
    if unit is None:
        return None, "no unit, so no topic: choose one from content/topics.yaml, or delete the claim"
    fitting = list(context.remember(("fitting", id(topics), unit), lambda: fitting_topics(unit, topics)))
    if not fitting:
        return None, f'no topic has the unit "{unit}": choose one from content/topics.yaml, or delete the claim'
    words = sentence_words() if len(fitting) > 1 else set()
    fitting.sort(key=lambda t: -len(words & topic_words(f"{t.title} {t.question}")))
    others = ", ".join(t.id for t in fitting[1:])
    return fitting[0], f'unit "{unit}" fits the topic\'s unit "{fitting[0].unit}"' + (
        f" (also: {others})" if others else ""
    )


def fitting_topics(unit: str, topics: dict[str, Topic]) -> list[Topic]:
    """Return the numeric topics whose unit has the last word of `unit`, stemmed ("Soldaten", "Soldat")."""
    noun = stem(TOKEN.findall(unit)[-1])
    return [
        t for t in topics.values() if t.kind == "numeric" and noun in {stem(w) for w in TOKEN.findall(t.unit or "")}
    ]


@lru_cache(maxsize=1024)
def topic_words(text: str) -> frozenset[str]:
    """Return the stems of the words of a topic's title and question."""
    return frozenset(stem(w) for w in TOKEN.findall(text))


def sentence_stems(context: Context, sentence: tuple[int, int]) -> set[str]:
    """Return the stems of a sentence's words (once per sentence)."""
    return context.remember(
        ("stems", sentence), lambda: {stem(w) for w in TOKEN.findall(context.text, sentence[0], sentence[1])}
    )


def find_modal(context: Context, number: Number, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word in a number's clause suggests ("soll" → erwartet), and the word."""
    clause = context.clauses(sentence)[context.clause_index(sentence, number.start)]
    return context.remember(("modality", clause), lambda: find_modality(context.text, clause))


def find_modality(text: str, clause: tuple[int, int]) -> tuple[str, str] | None:
    """Return the qualifier a modal word of a clause suggests ("soll" → erwartet), and the word."""
    for pattern, qualifier in MODALITIES:
        found = pattern.search(text, *clause)
        if found:
            return qualifier, found.group()
    return None


def clause_spans(text: str, sentence: tuple[int, int], dashes: bool = True) -> list[tuple[int, int]]:
    """Split a sentence at commas, semicolons, colons and (unless `dashes` is false) spaced dashes."""
    spans, start = [], sentence[0]
    for match in (CLAUSE_BREAK if dashes else COMMA_BREAK).finditer(text, sentence[0], sentence[1]):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, sentence[1]))
    return spans


def guess_claimant(context: Context, number: Number, sentence: tuple[int, int]) -> Guess:
    """Guess who asserts a number: a name after `laut`, or bound to a verb like `bestätigt` in its clause.

    All but the nearest unnamed source depend on the number's sentence or clause only, and are
    worked out once for all the numbers there.
    """
    strong = context.remember(("strong", sentence), lambda: strong_claimant(context, sentence))
    if strong is not None:
        return strong
    own = context.clause_index(sentence, number.start)
    bound, said = context.remember(("bound", sentence, own), lambda: bound_claimant(context, sentence, own))
    if bound is not None:
        return bound
    sources = context.remember(("sources", sentence), lambda: find_sources(context.text, *sentence))
    if sources:
        source = nearest_source(sources, number.start)
        return Guess(None, f'the text names no registered source, only "{source}"', source)
    if said is not None:
        return Guess(None, f'"{said}" may name the source, which is in no registry: add it, then put its id here')
    return context.remember(("unbound", sentence), lambda: unbound_claimant(context, sentence))


def strong_claimant(context: Context, sentence: tuple[int, int]) -> Guess | None:
    """Return the first person or organisation of a sentence named after `laut` or before `zufolge`."""
    text = context.text
    for mention in context.named(sentence, CLAIMANT_KINDS):
        if ends_with(STRONG_BEFORE, text, mention.start, sentence[0]) or STRONG_AFTER.match(text, mention.end):
            reason = f'claimant guessed from "{context.spelling(mention)}" after an attribution word'
            return Guess(mention.entity, reason, strong=True)
    return None


def bound_claimant(context: Context, sentence: tuple[int, int], own: int) -> tuple[Guess | None, str | None]:
    """Return the name nearest an attribution verb in clause `own` (and the clause a `dass` clause depends on).

    Without such a name, return the words up to the first verb, which may name a source (None without a verb).
    """
    text, clauses = context.text, context.clauses(sentence)
    intro = own > 0 and context.clause_intro(clauses[own][0])
    binding = clauses[own - 1 : own + 1] if intro else [clauses[own]]
    verbs = [v for low, high in binding for v in ATTRIBUTION_VERB.finditer(text, low, high)]
    named = context.named(sentence, CLAIMANT_KINDS)
    bound = [m for m in named if any(low <= m.start < high for low, high in binding)]
    if verbs and bound:
        verb, mention = nearest_pair(verbs, bound)
        reason = (
            f'claimant guessed from "{context.spelling(bound[mention])}" and "{verbs[verb].group()}" in the same clause'
        )
        return Guess(bound[mention].entity, reason, strong=True), None
    return None, tail(text[binding[0][0] : verbs[0].end()], 80) if verbs else None


def unbound_claimant(context: Context, sentence: tuple[int, int]) -> Guess:
    """Return the guess for a number with no attribution word near it, naming the sentence's names."""
    names = ", ".join(dict.fromkeys(m.entity.id for m in context.named(sentence, CLAIMANT_KINDS)))
    hint = f" (names in the sentence: {names})" if names else ""
    return Guess(None, f"no attribution word near the number{hint}; null if the text names nobody")


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


def tail(text: str, limit: int) -> str:
    """Return the end of a text, at most `limit` characters, starting at a word."""
    return text if len(text) <= limit else text[-limit:].split(" ", 1)[-1]


def excerpt_around(context: Context, sentence: tuple[int, int], offset: int) -> str:
    """Cut the clause holding `offset` (with the clause a `dass` clause depends on), widened to a readable length.

    At most MAX_EXCERPT // 2 characters on either side of `offset`, cut at a space if there is one.
    """
    text, clauses = context.text, context.clauses(sentence, dashes=False)
    first = last = context.clause_index(sentence, offset, dashes=False)
    if first > 0 and context.clause_intro(clauses[first][0]):
        first -= 1
    figure = context.remember(  # never widen onto another figure
        ("figures", sentence), lambda: [DIGIT.search(text, low, high) is not None for low, high in clauses]
    )
    while clauses[last][1] - clauses[first][0] < MIN_EXCERPT:
        if last + 1 < len(clauses) and not figure[last + 1]:
            last += 1
        elif first > 0 and not figure[first - 1]:
            first -= 1
        else:
            break
    low, high, half = clauses[first][0], clauses[last][1], MAX_EXCERPT // 2
    if offset - low > half:
        low = text.find(" ", offset - half, offset) + 1 or offset - half
    if high - offset > half:
        cut = text.rfind(" ", offset, offset + half)
        high = cut if cut > offset else offset + half
    return text[low:high].strip(" ,;:–—.!?" + DOUBLE_QUOTES)


# --- dates ------------------------------------------------------------------------------------

DATE_FORMS = (
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_NAMES})\s+(?P<y>\d{{4}})\b")),
    ("day", re.compile(r"\b(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})\b")),
    ("month", re.compile(rf"\b(?P<m>{MONTH_NAMES})\s+(?P<y>\d{{4}})\b")),
    ("day-no-year", re.compile(rf"\b(?P<d>\d{{1,2}})\.\s*(?P<m>{MONTH_NAMES})\b")),
    (
        "month-no-year",
        re.compile(rf"\b(?:[Ii]m|[Ss]eit|[Aa]nfang|[Mm]itte|[Ee]nde|[Bb]is|[Aa]b)\s+(?P<m>{MONTH_NAMES})\b"),
    ),
    (
        "year",
        re.compile(
            r"\b(?:[Jj]ahr(?:e|es)?|[Ss]eit|[Aa]nfang|[Mm]itte|[Ee]nde|[Ss]ommer|[Hh]erbst|[Ww]inter|[Ff]rühjahr)"
            r"\s+(?P<y>(?:19|20)\d\d)\b"
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?:[Aa]m|[Ss]eit|[Vv]ergangenen|[Ll]etzten)\s+)?(?:{'|'.join(WEEKDAYS)})\b")),
    (
        "relative",
        re.compile(
            r"\b(?:vorgestern|gestern|heute|bis zum Jahresende|Jahresende|Jahresbeginn"
            r"|(?:vergangene|letzte|diese)[nrs]? (?:Woche|Monat|Jahr))\b"
        ),
    ),
)


MONTH_WORDS = (*MONTHS, "Jänner")
# What the text must hold for each of DATE_FORMS to match: one of these words, or (None) a digit.
DATE_FORM_NEEDS = (
    MONTH_WORDS,
    None,
    MONTH_WORDS,
    MONTH_WORDS,
    MONTH_WORDS,
    None,
    WEEKDAYS,
    ("gestern", "heute", "Jahr", "Woche", "Monat"),
)


def find_dates(contexts: list[Context], today: date) -> list[DateSuggestion]:
    """Find the dates a text states, most precise form first; drop dates after `today`."""
    found: list[DateSuggestion] = []
    for context in contexts:
        taken: list[tuple[int, int]] = []
        for (kind, pattern), needs in zip(DATE_FORMS, DATE_FORM_NEEDS, strict=True):
            if not may_match(context.text, needs):
                continue
            earlier = SpanIndex(taken)  # the matches of one form never overlap each other
            for match in pattern.finditer(context.text):
                if earlier.overlaps(*match.span()):
                    continue
                taken.append(match.span())
                try:
                    iso = iso_date(match)
                except ValueError:  # 31. Februar
                    continue
                if not is_future(iso, today):
                    found.append(DateSuggestion(match.group(), iso, context.paragraph.number, match.start(), kind))
        found.extend(bare_years(context, taken, today))
    return sorted(found, key=lambda d: (d.paragraph, d.offset))


def may_match(text: str, needs: tuple[str, ...] | None) -> bool:
    """Tell whether a text holds one of the words a date form needs (None: a digit); if not, the form cannot match."""
    return DIGIT.search(text) is not None if needs is None else any(word in text for word in needs)


def bare_years(context: Context, taken: list[tuple[int, int]], today: date) -> list[DateSuggestion]:
    """Return the numbers that read as years ("2024" without a unit after it) outside other dates."""
    found = []
    dated = SpanIndex(taken)
    for match in find_numbers(context.text):
        inside = dated.holds(match.start())
        year = (
            not inside
            and has_year_digits(match)
            and is_year(match, context.text, unit_after(context.text, match.end())[0])
        )
        if year and not is_future(match.group(), today):
            found.append(DateSuggestion(match.group(), match.group(), context.paragraph.number, match.start(), "year"))
    return found


def iso_date(match: re.Match[str]) -> str | None:
    """Write a matched date as YYYY, YYYY-MM or YYYY-MM-DD (None without a year); raise ValueError if impossible."""
    groups = {key: value for key, value in match.groupdict().items() if value}
    if "y" not in groups:
        return None
    year, month = int(groups["y"]), month_number(groups)
    if "d" in groups:
        return date(year, month or 1, int(groups["d"])).isoformat()
    if month is not None:
        return date(year, month, 1).isoformat()[:7]
    return f"{year:04d}"


def month_number(groups: dict[str, str]) -> int | None:
    """Return the month of a matched date, written as a name or a number."""
    if "mn" in groups:
        return int(groups["mn"])
    if "m" in groups:
        return 1 if groups["m"] == "Jänner" else MONTHS.index(groups["m"]) + 1
    return None


def is_future(iso: str | None, today: date) -> bool:
    """Tell whether a date (at its precision) starts after `today`."""
    if iso is None:
        return False
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], *[*parts[1:], 1, 1][:2]) > today


def dateline_date(contexts: list[Context], dates: list[DateSuggestion]) -> DateSuggestion | None:
    """Return the full date of a `Veröffentlicht:` dateline, if the text has one."""
    by_paragraph = dates_by_paragraph(dates)
    for context in contexts:
        if context.paragraph.kind == "dateline" and context.text.startswith("Veröffentlicht"):
            for found in by_paragraph.get(context.paragraph.number, []):
                if found.kind == "day":
                    return found
    return None
