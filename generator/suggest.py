"""Text heuristics behind `dossier new`: what a German article text suggests for its YAML.

Everything found here stands in the text: registry names (through the analyse stage's own matcher,
`mentions.py`), quotations, numbers and dates. Nothing is looked up elsewhere and nothing is
decided: each suggestion carries the reason it was made, so the curator can check it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .match import DOUBLE_QUOTES
from .mentions import SENTENCE_END, Mention, find_mentions
from .model import ENTITY_KINDS, MONTHS, Entity, Paragraph, Topic, split_paragraphs

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
STRONG_AFTER = re.compile(r"^\s+zufolge\b")
SOURCE = re.compile(
    rf"Berichten zufolge|\bgeschätzt\w*|(?:\b[{LOWER}]+(?:e|en|er)\s+)?"
    rf"\b[{UPPER}][\w-]*?(?:[Dd]ienste?n?s?|[Qq]uellen|[Bb]eamte?n?|[Bb]ehörden?|[Ee]xperten|[Mm]edien)\b"
)
# The analyse stage's sentence ends, and also a quotation closed by » « " ” after its final punctuation.
SENTENCE_BREAK = re.compile(SENTENCE_END.pattern + rf"|(?<=[.!?…][”\"»«])\s+(?=[{UPPER}„\"»«0-9])")
CLAUSE_INTRO = re.compile(r"^\W*(?:dass|wonach|demnach|demzufolge|wie)\b")

ROLE_STEMS = words(
    "sprecher präsident minister sekretär kanzler chef leiter direktor botschafter berater general kommandeur "
    "analyst experte expert deserteur senator bürgermeister abgeordnete beamte befehlshaber vorsitzende "
    "korrespondent diplomat offizier admiral gouverneur führer"
)
ROLE_NOUN = re.compile(r"(?:" + "|".join(ROLE_STEMS) + r")(?:in|innen|e|en|er|es|n|s|r)?$", re.IGNORECASE)
GENITIVE = rf"(?:\s+(?:des|der)\s+(?:[{LOWER}]+en\s+)?[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)?)*"
ROLE_BEFORE = re.compile(
    rf"(?:\b(?P<article>[Dd](?:er|ie|as|es|em|en)|[Ee]ine?[rsnm]?)\s+(?P<adj>[{LOWER}]+e[nrs]?\s+)?)?"
    rf"(?P<noun>[{UPPER}][\w-]*)(?P<genitive>{GENITIVE}),?\s+$"
)
ROLE_AFTER = re.compile(
    rf"^,\s+(?:ein|eine|der|die)\s+(?P<role>(?:[{LOWER}]+e[nrs]?\s+)?(?P<noun>[{UPPER}][\w-]*){GENITIVE})\s*,"
)

NUMBER = re.compile(
    r"(?<![\w.,:])(?<![^\W\d_]-)(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?(?!\w|[.,:]\d)"
    r"(?:\s*(?P<mult>Millionen|Million|Mio\.|Milliarden|Milliarde|Mrd\.))?"
    r"|\b(?i:(?P<word>(?:zehn|zwanzig|dreißig|vierzig|fünfzig|hundert|zweihundert|dreihundert|fünfhundert)?tausend))\b"
)
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
    """One paragraph with its quotations, sentences and registry mentions."""

    paragraph: Paragraph
    mentions: list[Mention]
    quotations: list[Quotation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    names: list[Named] = field(default_factory=list)  # new names, see find_new_names

    @property
    def text(self) -> str:
        return self.paragraph.text

    def spelling(self, mention: Mention) -> str:
        """Return the words of the text a mention covers ("Putins")."""
        return self.text[mention.start : mention.end]

    def in_quote(self, offset: int) -> bool:
        """Tell whether an offset lies within a quotation (marks included)."""
        return any(q.open <= offset <= q.close for q in self.quotations)

    def sentence_of(self, offset: int) -> int:
        """Return the index of the sentence holding `offset`."""
        return next((i for i, (_, end) in enumerate(self.sentences) if offset < end), len(self.sentences) - 1)

    def named(self, bounds: tuple[int, int], kinds: tuple[str, ...]) -> list[Mention]:
        """Return the mentions of the given kinds within `bounds`, outside quotations."""
        low, high = bounds
        return [
            m for m in self.mentions if low <= m.start < high and m.entity.kind in kinds and not self.in_quote(m.start)
        ]

    def people(self, bounds: tuple[int, int]) -> list[Named]:
        """Return the registered people named within `bounds` outside quotations, else the new names there."""
        known = [
            Named(m.entity, self.spelling(m), self.paragraph.number, m.start, m.end)
            for m in self.named(bounds, ("people",))
        ]
        low, high = bounds
        unknown = [n for n in self.names if low <= n.start < high and " " in n.label and not self.in_quote(n.start)]
        return known or unknown


@dataclass(frozen=True)
class Guess:
    """A suggested registry entry and why it was suggested."""

    entity: Entity | None
    reason: str
    attribution: str | None = None
    strong: bool = False  # bound to a speech or attribution verb, not only near
    named: Named | None = None  # where the guess stands in the text


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
    mentions = find_known(paragraphs, registry.entities)
    contexts = [analyse_paragraph(p, [m for m in mentions if m.paragraph == p.number]) for p in paragraphs]
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
        before, after = text[: match.start()], text[match.end() :]
        if context.in_quote(match.start() - 1) and context.in_quote(match.end()):
            continue
        if ABBREVIATION.search(before) or (re.search(r"\d\.$", before) and is_ordinal(before[:-1], after)):
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def is_ordinal(before: str, after: str) -> bool:
    """Tell whether a number followed by a dot is an ordinal or a date's day, not a sentence's end."""
    number = re.search(r"(\d+)$", before)
    if number is None or len(number.group(1)) > 3:
        return False
    head = before[: number.start()]
    return bool(ORDINAL_CUE.search(head) or re.match(rf"(?:{MONTH_NAMES})\b|[{LOWER}]", after))


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
    return offset in starts or bool(re.search(rf"(?:^|[:;{DOUBLE_QUOTES}])\s*$", text[max(0, offset - 3) : offset]))


def is_genitive(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a word is the genitive of another word of the text ("Kims" beside "Kim")."""
    return word.endswith("s") and word[:-1] in lexicon.words


def close_run(context: Context, run: list[re.Match[str]], lexicon: Lexicon) -> list[Named]:
    """Turn a run of name words into a candidate (two words or more, or one acronym), without a genitive -s."""
    text = context.text
    previous = re.search(r"(\S+) $", text[: run[0].start()]) if run else None
    if previous and ADJECTIVE.fullmatch(previous.group(1)) and previous.group(1) not in NOT_ADJECTIVES:
        run = run[1:]  # "westlichen Verteidigungsbeamten": an adjective's noun is no name
    if not run:
        return []
    words = [m.group() for m in run]
    end = run[-1].end()
    if is_genitive(words[-1], lexicon):
        words[-1], end = words[-1][:-1], end - 1
    if len(words) >= 2 or re.fullmatch(rf"[{UPPER}]{{2,6}}", words[0]):
        return [Named(None, " ".join(words), context.paragraph.number, run[0].start(), end)]
    return []


def is_name_word(context: Context, match: re.Match[str], sentence_start: bool, lexicon: Lexicon) -> bool:
    """Tell whether a word can be part of a new name: capitalised, unknown, not an ordinary word."""
    word = match.group()
    if not word[0].isupper() or word in STOPWORDS or word in lexicon.nouns or word in WEEKDAYS or word in MONTHS:
        return False
    if any(m.start < match.end() and match.start() < m.end for m in context.mentions):
        return False
    if ROLE_NOUN.search(word) or NOUN_SUFFIX.search(word.lower()) or context.text.startswith(" zufolge", match.end()):
        return False
    return not (sentence_start and (word.lower() in lexicon.lowercase or ADJECTIVE.fullmatch(word.lower())))


# --- quotations -------------------------------------------------------------------------------


def find_quotations(text: str) -> list[Quotation]:
    """Pair opening and closing double quotation marks of any style, judging each by its neighbours."""
    found, opened = [], None
    for index, char in enumerate(text):
        if char not in DOUBLE_QUOTES:
            continue
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
    for index, context in enumerate(contexts):
        previous = contexts[index - 1] if index > 0 else None
        for group in group_quotations(context):
            quote = quote_of(context, previous, group, contexts)
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
    context: Context, previous: Context | None, group: list[Quotation], contexts: list[Context]
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
    role, role_reason = guess_role(speaker, contexts)
    return QuoteSuggestion(parts, context.paragraph.number, speaker, role, role_reason, short)


def guess_speaker(context: Context, previous: Context | None, group: list[Quotation]) -> Guess:
    """Guess who is quoted: a person bound to a speech verb, else the nearest person around."""
    text = context.text
    sentence = context.sentences[context.sentence_of(group[0].open)]
    verbs = [v for v in speech_verbs(text, sentence) if not context.in_quote(v.start())]
    people = context.people(sentence)
    for verb in verbs:
        pronoun = PRONOUN.match(text, verb.end())
        if pronoun is None:
            continue
        earlier = [p for p in people if p.end <= group[0].open] or people_before(context, previous, sentence)
        if earlier:
            said = f'"{verb.group()} {pronoun.group(1)}", referring to "{earlier[-1].label}" named before'
            return speaker_guess(earlier[-1], said, strong=True)
    if verbs and people:
        verb, person = min(((v, p) for v in verbs for p in people), key=lambda vp: gap(vp[0].span(), vp[1]))
        return speaker_guess(person, f'"{verb.group()}" in the same sentence', strong=True)
    if people:
        return speaker_guess(
            min(people, key=lambda p: abs(p.start - group[0].open)), "the nearest name (no speech verb)"
        )
    earlier = people_before(context, previous, sentence)
    if earlier:
        return speaker_guess(earlier[-1], "a name in the preceding sentence")
    return Guess(
        None, "no person named near the quotation: add the speaker to content/people.yaml, or delete the quote"
    )


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


def people_before(context: Context, previous: Context | None, sentence: tuple[int, int]) -> list[Named]:
    """Return the people named in the sentence before `sentence` (possibly the previous paragraph's last)."""
    index = context.sentences.index(sentence)
    if index > 0:
        return context.people(context.sentences[index - 1])
    if previous is not None and previous.sentences:
        return previous.people(previous.sentences[-1])
    return []


def gap(span: tuple[int, int], named: Named | Mention) -> int:
    """Return the number of characters between a verb and a name."""
    return max(span[0] - named.end, named.start - span[1], 0)


def guess_role(speaker: Guess, contexts: list[Context]) -> tuple[str | None, str]:
    """Return the speaker's role as the text gives it next to the name, else the registry's."""
    person, named = speaker.entity, speaker.named
    if person is None:
        context = next((c for c in contexts if named and c.paragraph.number == named.paragraph), None)
        role = role_next_to(context, named) if context and named else None
        why = f'role as the text gives it next to "{named.label}"' if role and named else "the speaker's role, as given"
        return role, why
    for context in contexts:
        for mention in (m for m in context.mentions if m.entity.id == person.id):
            role = role_next_to(context, mention)
            if role:
                where = f'"{context.spelling(mention)}" (paragraph {context.paragraph.number})'
                return role, f"role as the text gives it next to {where}"
    return str(person.data["role"]), "role from content/people.yaml; check it against the text"


def role_next_to(context: Context, mention: Mention | Named) -> str | None:
    """Return a role phrase right before a name ("der Pentagon-Sprecherin") or in apposition after it."""
    text = context.text
    low = context.sentences[context.sentence_of(mention.start)][0]
    before = ROLE_BEFORE.search(text[low : mention.start])
    if before and ROLE_NOUN.search(before.group("noun")):
        adjective = (before.group("adj") or "").strip()
        if adjective and adjective.endswith("e") and (before.group("article") or "").lower() in ("der", "das"):
            adjective += "r" if (before.group("article") or "").lower() == "der" else "s"
        return " ".join(filter(None, (adjective, before.group("noun") + before.group("genitive"))))
    after = ROLE_AFTER.match(text[mention.end :])
    if after and ROLE_NOUN.search(after.group("noun")):
        return after.group("role")
    return None


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
    for context in contexts:
        in_dates = [d for d in dates if d.paragraph == context.paragraph.number]
        numbers = read_numbers(context, in_dates, skipped)
        claims.extend(claim_of(context, numbers, i, topics, in_dates) for i in range(len(numbers)))
    return [c for c in claims if c is not None], skipped


def read_numbers(context: Context, in_dates: list[DateSuggestion], skipped: list[str]) -> list[Number]:
    """Return the paragraph's figures outside its dates; add why other numbers are no figures to `skipped`."""
    numbers = []
    for match in NUMBER.finditer(context.text):
        if any(d.offset <= match.start() < d.offset + len(d.text) for d in in_dates):
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


def read_number(text: str, match: re.Match[str]) -> tuple[Number | None, str]:
    """Read a number and its unit; return None (with a reason, or '' for years) when it is no figure."""
    before, after = text[: match.start()], text[match.end() :]
    if match.group("word"):
        prefix = match.group("word").lower().removesuffix("tausend")
        value = WORD_NUMBERS[prefix] * 1000.0
    else:
        value = float(match.group("num").replace(".", "") + "." + (match.group("frac") or "0"))
        value *= MULTIPLIERS.get(match.group("mult") or "", 1)
    unit, unit_end = unit_after(text, match.end())
    if is_year(match, before, unit):
        return None, ""
    if (
        re.match(r"\.\s+\S", after)
        and not match.group("mult")
        and is_ordinal(before + match.group(), after[1:].lstrip())
    ):
        return None, "an ordinal number"
    if re.match(r"\s*(?:Uhr\b|:\d)", after):
        return None, "a time of day"
    if IDENTIFIER_CUE.search(before):
        return None, "a number that names something"
    if unit in TIME_UNITS:
        return None, "a duration"
    return Number(match.start(), match.end(), value, unit_end, unit), ""


def is_year(match: re.Match[str], before: str, unit: str | None) -> bool:
    """Tell whether a number is a year: four digits 1900–2100 after a year cue or without a unit."""
    digits = match.group("num") or ""
    if not re.fullmatch(r"(?:19|20)\d\d|2100", digits) or match.group("frac") or match.group("mult"):
        return False
    return bool(YEAR_CUE.search(before)) or unit is None


def unit_after(text: str, offset: int) -> tuple[str | None, int]:
    """Return the unit phrase after a number ("nordkoreanische Soldaten", "Prozent") and where it ends."""
    percent = re.match(r"\s*%", text[offset:])
    if percent:
        return "Prozent", offset + percent.end()
    position, words = offset, 0
    while words <= 3:
        word = re.match(r"\s+([^\W\d_][\w-]*)", text[position:])
        if word is None:
            return None, offset
        token = word.group(1)
        if token[0].isupper():
            return text[offset : position + word.start(1) + len(token)].strip(), position + word.start(1) + len(token)
        if token in NOT_ADJECTIVES or not (ADJECTIVE.fullmatch(token) or token in ("seiner", "ihrer", "deren")):
            return None, offset
        position += word.end()
        words += 1
    return None, offset


def claim_of(
    context: Context, numbers: list[Number], index: int, topics: dict[str, Topic], dates: list[DateSuggestion]
) -> ClaimSuggestion | None:
    """Build the claim suggestion for one number (or a range of two)."""
    number, text = numbers[index], context.text
    if index > 0 and is_range(text, numbers[index - 1], number):
        return None  # the upper end of a range, suggested with its lower end
    upper = numbers[index + 1] if index + 1 < len(numbers) and is_range(text, number, numbers[index + 1]) else None
    last = upper or number
    sentence = context.sentences[context.sentence_of(number.start)]
    unit, unit_reason = last.unit, ""
    if unit is None:
        unit, unit_reason = inherited_unit(numbers[:index], sentence)
    topic, topic_reason = topic_for(unit, text[sentence[0] : sentence[1]], topics)
    qualifier = find_qualifier(text, number, sentence)
    return ClaimSuggestion(
        phrase=text[phrase_start(text, number) : max(last.unit_end, last.end)],
        value=None if upper else number.value,
        lower=number.value if upper else None,
        upper=upper.value if upper else None,
        qualifier=qualifier,
        unit=unit,
        unit_reason=unit_reason,
        topic=topic,
        topic_reason=topic_reason,
        claimant=guess_claimant(context, number, sentence),
        excerpt=excerpt_around(text, sentence, number.start),
        paragraph=context.paragraph.number,
        dates=tuple(d for d in dates if sentence[0] <= d.offset < sentence[1]),
    )


def is_range(text: str, low: Number, high: Number) -> bool:
    """Tell whether two numbers form a range ("10.000 bis 12.000", "zwischen 10.000 und 12.000")."""
    between = text[max(low.end, low.unit_end) : high.start]
    if re.fullmatch(r"\s*(?:bis|–|-)\s*", between):
        return True
    return bool(re.fullmatch(r"\s*und\s*", between) and re.search(r"\b[Zz]wischen\s+$", text[: low.start]))


def phrase_start(text: str, number: Number) -> int:
    """Return where the number's phrase starts, taking in a qualifier right before it."""
    window = max(0, number.start - 40)
    for pattern, _ in QUALIFIERS:
        found = pattern.search(text[window : number.start])
        if found:
            return window + found.start()
    return number.start


def inherited_unit(earlier: list[Number], sentence: tuple[int, int]) -> tuple[str | None, str]:
    """Take the unit of an earlier number of the same sentence ("3.000 Soldaten …, auf 10.000")."""
    for number in reversed(earlier):
        if number.unit and number.start >= sentence[0]:
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


def topic_for(unit: str | None, sentence: str, topics: dict[str, Topic]) -> tuple[Topic | None, str]:
    """Return the numeric topic whose unit matches the number's unit (keywords decide a tie)."""
    if unit is None:
        return None, "no unit, so no topic: choose one from content/topics.yaml, or delete the claim"
    noun = stem(TOKEN.findall(unit)[-1])
    fitting = [
        t for t in topics.values() if t.kind == "numeric" and noun in {stem(w) for w in TOKEN.findall(t.unit or "")}
    ]
    if not fitting:
        return None, f'no topic has the unit "{unit}": choose one from content/topics.yaml, or delete the claim'
    words = {stem(w) for w in TOKEN.findall(sentence)}
    fitting.sort(key=lambda t: -len(words & {stem(w) for w in TOKEN.findall(f"{t.title} {t.question}")}))
    others = ", ".join(t.id for t in fitting[1:])
    return fitting[0], f'unit "{unit}" fits the topic\'s unit "{fitting[0].unit}"' + (
        f" (also: {others})" if others else ""
    )


def find_qualifier(text: str, number: Number, sentence: tuple[int, int]) -> tuple[str, str] | None:
    """Return the hedge before a number ("rund" → etwa), else a modal word in its clause ("soll" → erwartet)."""
    for pattern, qualifier in QUALIFIERS:
        found = pattern.search(text[max(0, number.start - 40) : number.start])
        if found:
            return qualifier, found.group().strip()
    low, high = clause_at(text, sentence, number.start)
    for pattern, qualifier in MODALITIES:
        found = pattern.search(text, low, high)
        if found:
            return qualifier, found.group()
    return None


def clause_spans(text: str, sentence: tuple[int, int], dashes: bool = True) -> list[tuple[int, int]]:
    """Split a sentence at commas, semicolons, colons and (unless `dashes` is false) spaced dashes."""
    spans, start = [], sentence[0]
    for match in re.finditer(r"[,;:]\s|\s[–—]\s" if dashes else r"[,;:]\s", text[sentence[0] : sentence[1]]):
        spans.append((start, sentence[0] + match.start()))
        start = sentence[0] + match.end()
    spans.append((start, sentence[1]))
    return spans


def clause_at(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """Return the clause of a sentence holding `offset`."""
    return next(c for c in clause_spans(text, sentence) if offset <= c[1])


def guess_claimant(context: Context, number: Number, sentence: tuple[int, int]) -> Guess:
    """Guess who asserts a number: a name after `laut`, or bound to a verb like `bestätigt` in its clause."""
    text, kinds = context.text, ("people", "organisations")
    named = context.named(sentence, kinds)
    for mention in named:
        if STRONG_BEFORE.search(text[sentence[0] : mention.start]) or STRONG_AFTER.match(text[mention.end :]):
            reason = f'claimant guessed from "{context.spelling(mention)}" after an attribution word'
            return Guess(mention.entity, reason, strong=True)
    clauses = clause_spans(text, sentence)
    own = next(i for i, c in enumerate(clauses) if number.start <= c[1])
    binding = clauses[own - 1 : own + 1] if own > 0 and CLAUSE_INTRO.match(text[clauses[own][0] :]) else [clauses[own]]
    verbs = [v for low, high in binding for v in ATTRIBUTION_VERB.finditer(text, low, high)]
    bound = [m for m in named if any(low <= m.start < high for low, high in binding)]
    if verbs and bound:
        verb, mention = min(((v, m) for v in verbs for m in bound), key=lambda vm: gap(vm[0].span(), vm[1]))
        reason = f'claimant guessed from "{context.spelling(mention)}" and "{verb.group()}" in the same clause'
        return Guess(mention.entity, reason, strong=True)
    sources = list(SOURCE.finditer(text, sentence[0], sentence[1]))
    if sources:
        source = min(sources, key=lambda s: min(abs(s.start() - number.start), abs(s.end() - number.start)))
        return Guess(None, f'the text names no registered source, only "{source.group()}"', source.group())
    if verbs:
        said = tail(text[binding[0][0] : verbs[0].end()], 80)
        return Guess(None, f'"{said}" may name the source, which is in no registry: add it, then put its id here')
    names = ", ".join(dict.fromkeys(m.entity.id for m in named))
    hint = f" (names in the sentence: {names})" if names else ""
    return Guess(None, f"no attribution word near the number{hint}; null if the text names nobody")


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


def excerpt_around(text: str, sentence: tuple[int, int], offset: int) -> str:
    """Cut the clause holding `offset` (with the clause a `dass` clause depends on), widened to a readable length."""
    clauses = clause_spans(text, sentence, dashes=False)
    first = last = next(i for i, c in enumerate(clauses) if offset <= c[1])
    if first > 0 and CLAUSE_INTRO.match(text[clauses[first][0] :]):
        first -= 1
    figure = [bool(re.search(r"\d", text[low:high])) for low, high in clauses]  # never widen onto another figure
    while clauses[last][1] - clauses[first][0] < MIN_EXCERPT:
        if last + 1 < len(clauses) and not figure[last + 1]:
            last += 1
        elif first > 0 and not figure[first - 1]:
            first -= 1
        else:
            break
    low, high, half = clauses[first][0], clauses[last][1], MAX_EXCERPT // 2
    if offset - low > half:
        low = text.find(" ", offset - half, offset) + 1 or low
    if high - offset > half and (cut := text.rfind(" ", offset, offset + half)) > offset:
        high = cut
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


def find_dates(contexts: list[Context], today: date) -> list[DateSuggestion]:
    """Find the dates a text states, most precise form first; drop dates after `today`."""
    found: list[DateSuggestion] = []
    for context in contexts:
        taken: list[tuple[int, int]] = []
        for kind, pattern in DATE_FORMS:
            for match in pattern.finditer(context.text):
                if any(low < match.end() and match.start() < high for low, high in taken):
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


def bare_years(context: Context, taken: list[tuple[int, int]], today: date) -> list[DateSuggestion]:
    """Return the numbers that read as years ("2024" without a unit after it) outside other dates."""
    found = []
    for match in NUMBER.finditer(context.text):
        inside = any(low <= match.start() < high for low, high in taken)
        year = not inside and is_year(match, context.text[: match.start()], unit_after(context.text, match.end())[0])
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
    for context in contexts:
        if context.paragraph.kind == "dateline" and context.text.startswith("Veröffentlicht"):
            for found in dates:
                if found.paragraph == context.paragraph.number and found.kind == "day":
                    return found
    return None
