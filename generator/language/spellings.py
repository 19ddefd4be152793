"""The other spellings a reader may search a name by: umlauts written out (ae, oe, ue, ss) and the genitive -s.

Search engines find a name as written; a reader types "Pjoengjang" on a keyboard without umlauts,
or "Selenskyjs" copied from a sentence. Entity pages list these forms (a "Schreibweisen" line), so
any engine that indexes the page text finds them: Pagefind, or MkDocs' and Zensical's own search.
Exonyms and English spellings ("Kyiv", "Zelensky") are not derived here: editors register them
as aliases.
"""

from __future__ import annotations

from collections.abc import Iterable

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
APOSTROPHE_GENITIVE = ("s", "ß", "x", "z")  # "Boris'", not "Boriss": a search finds the name itself
ARTICLE_ENDINGS = ("e", "ei")  # die Ukraine, die Türkei: feminine names take "der", not "-s"


def transliterate(text: str) -> str:
    """Write umlauts and ß out as a keyboard without them does: Pjöngjang → Pjoengjang, Straße → Strasse."""
    return text.translate(UMLAUTS)


def genitive(name: str) -> str | None:
    """Return a name's genitive with -s (Putin → Putins, Wladimir Putin → Wladimir Putins), or None without one.

    Names ending in s, ß, x or z take an apostrophe, which search engines drop; acronyms (NATO, USA)
    take the article only, and so do names ending in -e or -ei, which are mostly feminine (die Ukraine).
    """
    last = name.split()[-1] if name.split() else ""
    if not last[-1:].isalpha() or last.isupper() or last.lower().endswith(APOSTROPHE_GENITIVE):
        return None
    if last.lower().endswith(ARTICLE_ENDINGS) and len(name.split()) == 1:
        return None
    return f"{name}s"


def search_spellings(names: Iterable[str], person: bool) -> list[str]:
    """Return the other spellings of a name and its aliases: genitives and written-out umlauts, each once.

    A person's every name takes the genitive (Wolodymyr Selenskyjs, Selenskyjs); another entity's
    only a one-word name (Kremls, Pjöngjangs): "Russische Streitkräfte" declines its adjective, and
    search engines' stemmers already reduce "Geheimdienstes" to its stem. The names themselves are
    not repeated.
    """
    given = list(dict.fromkeys(names))
    forms: list[str] = []
    for name in given:
        inflected = genitive(name) if person or len(name.split()) == 1 else None
        for form in (inflected, transliterate(name), transliterate(inflected or "")):
            if form and form not in given and form not in forms:
                forms.append(form)
    return forms
