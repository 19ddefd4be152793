"""Quotations and their speakers: who is quoted (bound to a speech verb, else the nearest name) and in what role."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from generator.analysis.mentions import Mention
from generator.content.model import Entity
from generator.language.lexicon import DOUBLE_QUOTES, LOWER, UPPER, words
from generator.language.search import ends_with, nearest_pair
from generator.language.sentences import Quotation
from generator.tools.context import Context, Guess, Named

SPEECH_VERBS = words(
    "sagte sagten sagt erklärte erklärten erklärt betonte betonten betont warnte warnten warnt bezeichnete "
    "bezeichneten bezeichnet kritisierte kritisierten kritisiert beschrieb beschrieben beschreibt meinte ergänzte "
    "fügte äußerte schrieb bekräftigte unterstrich versicherte mahnte forderte antwortete verkündete erwiderte "
    "zitierte nannte teilte teilten"
)
SPEECH = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
SO_AFTER_QUOTE = re.compile(rf"(?<=[{DOUBLE_QUOTES}])\s*,\s*(so)\b")
PRONOUN = re.compile(r"\s+(er|sie)\b")
INTERRUPTION = re.compile(rf"\s*,\s*(?:{'|'.join(SPEECH_VERBS)}|so)\b[^{DOUBLE_QUOTES}.!?]{{0,60}}?,\s*")
ROLE_STEMS = words(
    "sprecher präsident minister sekretär kanzler chef leiter direktor botschafter berater general kommandeur "
    "analyst experte expert deserteur senator bürgermeister abgeordnete beamte befehlshaber vorsitzende "
    "korrespondent diplomat offizier admiral gouverneur führer forscher wissenschaftler professor historiker "
    "politologe ökonom"
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
# An unnamed spokesperson as a sentence's subject: "Ein Sprecher des Außenministeriums", "Eine Regierungssprecherin".
SPOKESPERSON = re.compile(
    rf"\b(?:[Ee]ine?|[Dd]er|[Dd]ie)\s+(?P<role>[\w-]{{0,30}}[Ss]precher(?:in)?)\b"
    rf"(?:\s+(?P<article>des|der|vom)\s+(?P<body>(?:[{LOWER}]{{2,30}}e[nrs]?\s+)?[{UPPER}][\w-]{{0,60}}))?"
)
# A body as the subject of a speech verb: "erklärte der Kreml", "Das Außenministerium in Seoul teilte mit".
BODY = rf"(?:\s+[{LOWER}]+e[nrs]?)?\s+(?P<body>[{UPPER}][\w-]{{0,60}}+)"
BODY_AFTER_VERB = re.compile(rf"\s+(?:der|die|das){BODY}")  # matched right after the verb
BODY_BEFORE_VERB = re.compile(rf"\b(?:[Dd]er|[Dd]ie|[Dd]as){BODY}(?:\s+(?:in|aus)\s+[{UPPER}][\w-]{{0,30}})?\s+$")
BODY_NOUN = re.compile(
    r"(?:ministerium|amt|regierung|behörde|dienst|generalstab|militär|armee|agentur|botschaft|verwaltung|institut"
    r"|kommando|kreml|pentagon|parlament|polizei|gericht)$",
    re.IGNORECASE,
)
BODY_KINDS = (  # the words of an unnamed speaker and the speaker_kind they name, first match wins
    (re.compile(r"staatsmedi|staatsfernseh|staatliche\w* nachrichtenagentur", re.I), "state-media"),
    (re.compile(r"dienst", re.I), "intelligence"),
    (re.compile(r"generalstab|militär|armee|streitkräft|kommando", re.I), "military"),
    (
        re.compile(r"ministeri|regierung|behörde|amt\b|amtes\b|kreml|pentagon|botschaft|verwaltung|präsidial", re.I),
        "government",
    ),
)
DEPENDENT = re.compile(r"\b(?:vom|von|von der|von den|des|beim|bei der|am|im|an der|aus dem|aus der)\s+$")
ROLE_WIDTH = 200  # characters a role phrase before or after a name may take
MIN_QUOTE_WORDS = 4
MAX_QUOTE_CHARS = 2000
NO_SPEAKER = "no person named near the quotation: add the speaker to content/people.yaml, or delete the quote"


@dataclass(frozen=True)
class QuoteSuggestion:
    """A quotation (in parts if the narrator interrupts it) with its likely speaker and role."""

    parts: tuple[str, ...]
    paragraph: int
    speaker: Guess
    role: str | None
    role_reason: str
    short: bool  # a scare quote or term rather than a quote


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
    return QuoteSuggestion(parts, context.number, speaker, role, role_reason, short)


def guess_speaker(context: Context, previous: Context | None, group: list[Quotation]) -> Guess:
    """Guess who is quoted: a person bound to a speech verb, else the nearest person around."""
    text, opened = context.text, group[0].open
    index = context.sentence_of(opened)
    sentence = context.sentences[index]
    verbs = context.remember(("speech", sentence), lambda: quoting_verbs(context, sentence))
    people = context.people(sentence)
    starts = context.remember(("people starts", sentence, len(context.names)), lambda: [p.start for p in people])
    pronoun = context.remember(("pronoun", sentence), lambda: first_pronoun(text, verbs))
    unnamed = None
    if verbs and not people:
        unnamed = context.remember(
            ("spokesperson", sentence),
            lambda: unnamed_spokesperson(context, sentence) or speaking_body(context, sentence, verbs),
        )
    if unnamed is not None:
        return unnamed
    if pronoun is not None:
        before = last_ending_before(people, starts, opened)
        earlier = [before] if before else people_before(context, previous, index)
        if earlier:
            said = f'"{pronoun}", referring to "{earlier[-1].label}" named before'
            return speaker_guess(earlier[-1], said, strong=True)
    if verbs and people:
        heads = context.remember(("heads", sentence, len(context.names)), lambda: subjects(text, people, sentence))
        verb, person = context.remember(("speaker", sentence), lambda: nearest_pair(verbs, heads))
        return speaker_guess(heads[person], f'"{verbs[verb].group()}" in the same sentence', strong=True)
    if people:
        return speaker_guess(nearest_start(people, starts, opened), "the nearest name (no speech verb)")
    earlier = people_before(context, previous, index)
    if earlier:
        return speaker_guess(earlier[-1], "a name in the preceding sentence")
    return Guess(None, NO_SPEAKER)


def subjects(text: str, people: list[Named], sentence: tuple[int, int]) -> list[Named]:
    """Return the people that depend on no other noun ("vom Institut Nordlicht" does), else all of them."""
    return [p for p in people if not ends_with(DEPENDENT, text, p.start, sentence[0])] or people


def unnamed_spokesperson(context: Context, sentence: tuple[int, int]) -> Guess | None:
    """Return the guess of an unnamed spokesperson who is a sentence's subject ("Ein Sprecher des Ministeriums")."""
    found = next((m for m in SPOKESPERSON.finditer(context.text, *sentence) if not context.in_quote(m.start())), None)
    if found is None:
        return None
    body = found.group("body")
    if body and found.group("article") == "des":
        body = body[:-2] if body.endswith("es") and len(body) > 4 else body.removesuffix("s")  # des Amtes, -iums
    named = context.named(sentence, ("organisations",))
    body_of = [m.entity for m in named if found.start() <= m.start and m.end <= found.end() + 1]
    whom = f" of „{body}“" if body else ""
    if body_of:
        whom = f" of „{body_of[0].name}“ (organisation '{body_of[0].id}')"
    role = found.group().split(None, 1)[1]
    kind = body_of[0].category if body_of else kind_of_speaker(found.group())
    hint = f", or set speaker: {body_of[0].id} (a spokesperson's words count as the organisation's)" if body_of else ""
    reason = f"speaker: unnamed spokesperson{whom}; leave null with speaker_kind and attribution{hint}"
    return Guess(None, reason, role, strong=True, kind=kind, words=found.group())


def speaking_body(context: Context, sentence: tuple[int, int], verbs: list[re.Match[str]]) -> Guess | None:
    """Return the guess for a body (no person) that is a speech verb's subject ("erklärte der Kreml"): no speaker.

    The speaker stays null, with the body's words and kind: the reason says how to make a registered
    body the speaker (`quotes[]` in docs/reference.md).
    """
    text = context.text
    for verb in verbs:
        found = BODY_AFTER_VERB.match(text, verb.end(), sentence[1]) or ends_with(
            BODY_BEFORE_VERB, text, verb.start(), sentence[0]
        )
        if found is None or context.in_quote(found.start()):
            continue
        low, high = found.span("body")
        known = [m.entity for m in context.named(sentence, ("organisations",)) if m.start < high and low < m.end]
        words = text[found.start() : found.end()].strip()
        if known:
            whom, advice = f"„{known[0].name}“ (organisation '{known[0].id}')", f"set speaker: {known[0].id}"
        elif BODY_NOUN.search(found.group("body")):
            whom, advice = f"„{text[low : found.end()].strip()}“", "register it and set speaker to its id"
        else:
            continue
        reason = (
            f"speaker: the organisation {whom} is quoted; {advice}, or leave null with speaker_kind and attribution"
        )
        kind = known[0].category if known else kind_of_speaker(words)
        return Guess(None, reason, strong=True, kind=kind, words=words)
    return None


def kind_of_speaker(words: str) -> str | None:
    """Return the speaker_kind the words for an unnamed speaker name (`des Außenministeriums`: government), if any."""
    return next((kind for pattern, kind in BODY_KINDS if pattern.search(words)), None)


def speaker_fields(quote: QuoteSuggestion) -> list[tuple[str, str | None, str, bool]]:
    """Return a quote's speaker keys for the draft: (key, value, comment, whether the value is a suggestion)."""
    guess = quote.speaker
    fields = [("speaker", guess.entity.id if guess.entity else None, guess.reason, guess.entity is not None)]
    if guess.entity is None and guess.words:
        why = "what kind of source the words name" if guess.kind else "set what kind of source the words name"
        fields.append(("speaker_kind", guess.kind, why, guess.kind is not None))
        fields.append(("attribution", guess.words, "the words the text uses for the speaker", True))
    if quote.role is None and guess.entity is None and guess.words:
        return fields  # a body or an unnamed speaker needs no role
    return [*fields, ("role", quote.role, quote.role_reason, quote.role is not None)]


def quoting_verbs(context: Context, sentence: tuple[int, int]) -> list[re.Match[str]]:
    """Return the speech verbs of a sentence outside its quotations."""
    return [v for v in speech_verbs(context.text, sentence) if not context.in_quote(v.start())]


def speech_verbs(text: str, sentence: tuple[int, int]) -> list[re.Match[str]]:
    """Return the speech verbs of a sentence, including `so` right after a quotation."""
    low, high = sentence
    verbs = [*SPEECH.finditer(text, low, high), *SO_AFTER_QUOTE.finditer(text, low, high)]
    return sorted(verbs, key=lambda m: m.start())


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
        self.by_number = {c.number: c for c in contexts}
        self.known: dict[str, tuple[str | None, str]] = {}

    def guess(self, speaker: Guess) -> tuple[str | None, str]:
        """Return the speaker's role as the text gives it next to the name, else the registry's."""
        person, named = speaker.entity, speaker.named
        if person is None:
            context = self.by_number.get(named.paragraph) if named else None
            role = role_next_to(context, named) if context and named else speaker.attribution
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
                    where = f'"{context.spelling(mention)}" (paragraph {context.number})'
                    return role, f"role as the text gives it next to {where}"
        return str(person.role), "role from content/people.yaml; check it against the text"


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
