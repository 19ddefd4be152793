"""German word endings: the stems of nouns, names and adjectives, and the words that look inflected."""

from __future__ import annotations

import re

from generator.language.lexicon import LOWER, words

NOUN_ENDINGS = ("en", "n", "e", "s")  # plural and case endings of a unit's noun: Soldaten, Containern
SHORTEST_NOUN_STEM = 4
ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
MIN_ADJECTIVE_STEM = 3  # "Die" is no adjective, "Neue" is
ADJECTIVE = re.compile(rf"[{LOWER}]{{2,}}(?:e|en|er|es|em)")  # a lowercase word with an adjective's ending
NOT_ADJECTIVES = set(
    words(
        "gegen die der den dem des eine einen einem einer eines diese dieser diesen dieses ohne über oder aber haben "
        "werden wurden sollen wollen können seien waren hatten worden immer wieder außer hinter unter jeder jede "
        "jeden sowie zwischen neben"
    )
)


def strip_ending(word: str, endings: tuple[str, ...], shortest: int) -> str | None:
    """Return `word` without the first of `endings` it has that leaves `shortest` letters, or None if none does."""
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            return word[: -len(ending)]
    return None


def stem(word: str, endings: tuple[str, ...] = NOUN_ENDINGS, shortest: int = SHORTEST_NOUN_STEM) -> str:
    """Return a word lowercased, without its ending: Soldaten → soldat, Containern → container."""
    word = word.lower()
    stripped = strip_ending(word, endings, shortest)
    return word if stripped is None else stripped


def stem_adjective(word: str) -> str | None:
    """Return an adjective's stem ("Südkoreanischer" → "Südkoreanisch"), or None if the word is none."""
    if not word.replace("-", "").isalpha():
        return None
    return strip_ending(word, ADJECTIVE_ENDINGS, MIN_ADJECTIVE_STEM)
