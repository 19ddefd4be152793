"""A paragraph as `dossier new` reads it: a passage with its registry mentions and new names, and the guesses made."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from generator.analysis.mentions import Mention
from generator.content.model import Entity, Paragraph
from generator.language.passage import Passage
from generator.language.search import SpanIndex


@dataclass(frozen=True)
class Named:
    """A person or body named in a paragraph: a registry entry, or a new name (entity None)."""

    entity: Entity | None
    label: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Guess:
    """A suggested registry entry and why it was suggested."""

    entity: Entity | None
    reason: str
    attribution: str | None = None
    strong: bool = False  # bound to a speech or attribution verb, not only near
    named: Named | None = None  # where the guess stands in the text
    kind: str | None = None  # an unnamed speaker's source kind (`speaker_kind`), if the words tell it
    words: str | None = None  # an unnamed speaker as the text names them (`attribution`)


NO_GUESS = Guess(None, "not guessed")


@dataclass
class Context(Passage):
    """One paragraph with its quotations, sentences, registry mentions and new names."""

    kind: str = "text"  # of the paragraph: "text", "heading" or "dateline"
    mentions: list[Mention] = field(default_factory=list)  # sorted by start
    names: list[Named] = field(default_factory=list)  # new names, see find_new_names

    @classmethod
    def of(cls, paragraph: Paragraph, mentions: list[Mention]) -> Context:
        """Read a paragraph with the registry mentions found in it."""
        return cls(paragraph.text, paragraph.number, kind=paragraph.kind, mentions=mentions)

    def spelling(self, mention: Mention) -> str:
        """Return the words of the text a mention covers ("Putins")."""
        return self.text[mention.start : mention.end]

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
            Named(m.entity, self.spelling(m), self.number, m.start, m.end) for m in self.named(bounds, ("people",))
        ]
        if known:
            return known
        starts = self.remember(("name starts", len(self.names)), lambda: [n.start for n in self.names])
        within = self.names[bisect_left(starts, bounds[0]) : bisect_left(starts, bounds[1])]
        return [n for n in within if " " in n.label and not self.in_quote(n.start)]
