"""Mentions: where a text names a registered person, organisation or place, German inflections included.

One matcher serves the analyse stage (links in the text, backlinks with their sentence) and
`dossier new` (suggestions). A name matches as a whole word, in the forms German gives it:

- people: as written, with a genitive -s, ’s or 's, or a bare apostrophe after s, ß, x or z
  ("Boris'"); a first name never declines;
- places: the genitive -s or -es at the end; the leading adjectives of a multi-word name decline
  ("Roter Platz" → "dem Roten Platz");
- organisations: the leading adjectives decline and may start lower-case, the head noun (the
  first word that is not an adjective) takes -s, -es, -n, -en or -e, and the words after it stay
  as written ("Nationaler Sicherheitsrat der USA" → "des Nationalen Sicherheitsrats der USA").

A leading word counts as an adjective when it ends in e, em, en, er or es after a stem of at least
three letters; a noun that ends so ("Gruppe Wagner") is read as one too, which only lets the
same name match in a few more forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from generator.content.model import Entity, Paragraph
from generator.language.morphology import ADJECTIVE_ENDINGS, stem_adjective
from generator.language.passage import sentence_at

PERSON_ENDINGS = r"(?:s|’s|'s)?"
PERSON_APOSTROPHE = r"(?:s|’s|'s|(?<=[sßxz])['’])?"  # after s, ß, x, z the genitive is an apostrophe: "Boris'"
PLACE_ENDINGS = r"(?:es|s|’s|'s)?"
HEAD_ENDINGS = r"(?:es|en|s|n|e|’s|'s)?"
SHORT_HEAD = 4  # a head noun this short takes only the genitive: "Rat" must not match "Raten" or "Rate"
SHORT_HEAD_ENDINGS = r"(?:s|’s|'s)?"
FINAL_ENDINGS = {"people": PERSON_ENDINGS, "places": PLACE_ENDINGS, "organisations": ""}  # on a name's last word


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity's name in an article, with the sentence around it."""

    entity: Entity
    article: str
    paragraph: int
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Matcher:
    """The pattern of all forms of an entity's names, and the literal text every match starts with."""

    pattern: re.Pattern[str]
    anchors: tuple[str, ...]


def find_mentions(entities: Iterable[Entity], paragraphs: Iterable[Paragraph], article: str = "") -> list[Mention]:
    """Find every mention of the entities in the paragraphs (the longest name wins), with its sentence."""
    matchers = [(entity, compile_matcher(entity.kind, tuple(entity.names))) for entity in entities]
    found: list[Mention] = []
    for paragraph in paragraphs:
        text = paragraph.text
        for entity, matcher in matchers:
            if not any(map(text.__contains__, matcher.anchors)):  # most entities are in few paragraphs
                continue
            for match in name_matches(matcher, text):
                sentence = sentence_at(text, match.start())
                found.append(Mention(entity, article, paragraph.number, match.start(), match.end(), sentence))
    return drop_nested_mentions(found)


def drop_nested_mentions(mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that lies inside a longer mention of another entity ("Anna Muster" in "Anna Muster AG").

    Sort and sweep: in order of paragraph, start and the longest first, a mention lies inside a
    longer one exactly when a mention of another entity that starts at or before it, and is not of
    its very span, ends at or after its end; `Reach` keeps the furthest such ends.
    """
    ordered = sorted(mentions, key=lambda m: (m.paragraph, m.start, -m.end, m.entity.id))
    kept: list[Mention] = []
    reach, paragraph = Reach(), None
    for (number, _, _), same_span in groupby(ordered, key=lambda m: (m.paragraph, m.start, m.end)):
        if number != paragraph:
            reach, paragraph = Reach(), number
        group = list(same_span)
        kept += [m for m in group if not reach.covers(m.end, m.entity.id)]
        for mention in group:
            reach.add(mention.end, mention.entity.id)
    return kept


class Reach:
    """The furthest end of the mentions seen so far, and the furthest end of those of any other entity."""

    def __init__(self) -> None:
        self.end, self.entity = -1, ""  # the furthest end and an entity reaching it ("": none yet, no id is empty)
        self.other_end = -1  # the furthest end of the mentions of entities other than `entity`

    def add(self, end: int, entity: str) -> None:
        """Take in a mention that ends at `end`."""
        if entity == self.entity:
            self.end = max(self.end, end)
        elif end > self.end:
            self.other_end, self.end, self.entity = self.end, end, entity
        else:
            self.other_end = max(self.other_end, end)

    def covers(self, end: int, entity: str) -> bool:
        """Tell whether a mention of another entity than `entity` ends at or after `end`."""
        return (self.end if entity != self.entity else self.other_end) >= end


@lru_cache(maxsize=4096)
def compile_matcher(kind: str, names: tuple[str, ...]) -> Matcher:
    """Match any form of any name as a whole word, the longest name first."""
    forms = [inflect_name(kind, name) for name in sorted(set(names), key=lambda n: (-len(n), n))]
    alternatives = "|".join(dict.fromkeys(regex for regex, _ in forms))
    anchors = {anchor for _, starts in forms for anchor in starts}
    pattern = re.compile(rf"(?<!\w)(?:{alternatives}){final_endings(kind, names)}(?!\w)")
    return Matcher(pattern, prune_anchors(anchors))


def final_endings(kind: str, names: tuple[str, ...]) -> str:
    """Return the endings a name's last word takes (the apostrophe only where a name needs it: it is slower)."""
    if kind == "people" and any(name[-1:] in "sßxz" for name in names):
        return PERSON_APOSTROPHE
    return FINAL_ENDINGS[kind]


def prune_anchors(anchors: set[str]) -> tuple[str, ...]:
    """Keep the anchors no other anchor is a prefix of: finding "Kim" also finds "Kim Jong Un"."""
    kept: list[str] = []
    for anchor in sorted(anchors):  # a prefix sorts right before the strings it starts
        if not kept or not anchor.startswith(kept[-1]):
            kept.append(anchor)
    return tuple(kept)


def inflect_name(kind: str, name: str) -> tuple[str, list[str]]:
    """Return the pattern of a name's inflected forms (but its final endings) and the literal text it starts with."""
    if kind == "people":
        return re.escape(name), [name]
    words = name.split(" ")
    count = count_adjectives(words)
    any_case = kind == "organisations"  # "russischen Streitkräften" as well as "Russische Streitkräfte"
    parts = [inflect_adjective(word, any_case) for word in words[:count]]
    if kind == "organisations":
        endings = HEAD_ENDINGS if len(words[count]) >= SHORT_HEAD else SHORT_HEAD_ENDINGS
        parts += [re.escape(words[count]) + endings, *map(re.escape, words[count + 1 :])]
    else:
        parts += map(re.escape, words[count:])
    return r"\ ".join(parts), anchors_of(words, count, any_case)


def anchors_of(words: list[str], adjectives: int, any_case: bool) -> list[str]:
    """Return the literal text a match of a name starts with: up to its first ending."""
    stem = stem_adjective(words[0]) if adjectives else None
    if stem is None:
        return [words[0] if any_case else " ".join(words)]  # an organisation's head noun, or a whole place name
    return vary_first_letter(stem) if any_case else [stem]


def count_adjectives(words: list[str]) -> int:
    """Count the leading adjectives of a name; the last word is always a noun."""
    count = 0
    while count < len(words) - 1 and stem_adjective(words[count]):
        count += 1
    return count


def inflect_adjective(word: str, any_case: bool) -> str:
    """Return the pattern of an adjective with any ending, its first letter in either case if `any_case`."""
    stem = stem_adjective(word) or word
    first = f"[{''.join(vary_first_letter(stem[0]))}]" if any_case else re.escape(stem[0])
    return first + re.escape(stem[1:]) + f"(?:{'|'.join(ADJECTIVE_ENDINGS)})"


def vary_first_letter(text: str) -> list[str]:
    """Return `text` with its first letter as written, upper-case and lower-case ("ß" has no upper case)."""
    firsts = [text[:1], text[:1].upper(), text[:1].lower()]
    return list(dict.fromkeys(first + text[1:] for first in firsts if len(first) == len(text[:1])))


def name_matches(matcher: Matcher, text: str) -> Iterator[re.Match[str]]:
    """Yield what `matcher.pattern.finditer(text)` yields, trying the pattern only where an anchor starts.

    A mention pattern has no literal prefix, so `finditer` tries it at every character; `str.find`
    skips to the next place where an anchor occurs, which is the only place where a match can start.
    Each anchor's next place is kept until the search passes it, so that every anchor is looked
    for through the text once, not once per match (an anchor that never occurs would be).
    """
    position = 0
    ahead = {anchor: text.find(anchor) for anchor in matcher.anchors}
    while True:
        for anchor, found in ahead.items():
            if 0 <= found < position:
                ahead[anchor] = text.find(anchor, position)
        starts = [found for found in ahead.values() if found >= 0]
        if not starts:
            return
        start = min(starts)
        match = matcher.pattern.match(text, start)  # the lookbehind still sees the text before `start`
        if match:
            yield match
        position = match.end() if match else start + 1
