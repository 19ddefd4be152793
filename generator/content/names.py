"""Names that only look right: invisible characters, mixed scripts, and look-alikes of another name.

A pull request can register "Аnna Muster" with a Cyrillic А, or wrap a name in a right-to-left
override, so that a second person shows as the first. Registry names are checked here; the
message names every code point involved.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from generator.content.load import Document, Where
from generator.problems import Problem

# Bidi controls, zero-width characters, the soft hyphen and other invisible format characters.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)
SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
# Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables.txt), by case.
CONFUSABLES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеіјорсуххѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ",
    "ABESIJKMHOPCTXYaeijopcyxxsdqwABEZHIKMNOPTYXoikvptux",
)


def code_point(char: str) -> str:
    """Describe a character by its code point and Unicode name."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def script_of(char: str) -> str | None:
    """Return the script of a letter among SCRIPTS (by its Unicode name), or None."""
    name = unicodedata.name(char, "")
    return next((script for script in SCRIPTS if name.startswith(script)), None)


def mixed_script(name: str) -> str | None:
    """Return the first letter of the rarer script in a word that mixes scripts, or None."""
    for word in name.split():
        letters = [(script, char) for char in word if (script := script_of(char))]
        counts = Counter(script for script, _ in letters)
        if len(counts) > 1:
            rare = min(counts, key=lambda script: (counts[script], script))
            return next(char for script, char in letters if script == rare)
    return None


def skeleton(name: str) -> str:
    """Return what a name looks like: NFKC, look-alike letters as Latin, case folded, invisibles dropped."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).translate(CONFUSABLES).casefold()


def name_problem(name: str) -> str | None:
    """Explain why a registry name cannot be shown as it is, or None."""
    if found := INVISIBLE.search(name):
        return f"name {name!a} contains the invisible character {code_point(found.group())}; remove it"
    if odd := mixed_script(name):
        return (
            f"name {name!a} mixes scripts in one word: {code_point(odd)} among letters of another script; "
            "write it in one script so that it cannot pass for another name"
        )
    return None


def lookalike_problems(entries: Iterable[tuple[str, str, Where, Document]]) -> list[Problem]:
    """Check (id, name, where, document) entries; errors for unshowable names, warnings for look-alikes."""
    problems: list[Problem] = []
    seen: dict[str, tuple[str, str]] = {}
    for entity_id, name, where, doc in entries:
        if message := name_problem(name):
            problems.append(doc.problem(where, message))
            continue
        first = seen.setdefault(skeleton(name), (entity_id, name))
        if first[0] != entity_id and first[1] != name:
            message = f"name {name!a} looks like '{first[1]}' of '{first[0]}' but is spelled with other characters"
            problems.append(doc.problem(where, message, warning=True))
    return problems
