"""Parse YAML text into a node tree safely: nesting limited, libyaml only where it agrees with pure-Python parsing."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import Node

MAX_DEPTH = 20  # content files need 6; deeper nesting crashes libyaml or the recursion limit
# What one line may open at once: indentation, and "- " or "? " indicators (libyaml, which parses
# block YAML, crashes the process on some ten thousand levels; flow brackets take the pure-Python
# parser, whose RecursionError is caught).
MAX_INDENT = 10 * MAX_DEPTH
# A line that opens too many levels: more than MAX_DEPTH indicators, or more than MAX_INDENT spaces of indentation.
TOO_DEEP = re.compile(rf"^(?:(?:[ \t]*[-?](?=[ \t])){{{MAX_DEPTH + 1}}}| {{{MAX_INDENT + 1}}})", re.MULTILINE)
FAST_LOADER = getattr(yaml, "CSafeLoader", None)
NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what the pure-Python reader refuses
# Where libyaml and the pure-Python parser disagree (found by differential fuzzing): see compose().
LIBYAML_CHARACTERS = re.compile(r"[\t\ufeff\u2028\u2029\x85{}\[\]]")
COMPLEX_KEY = re.compile(r"^[\s?:-]*\?(\s|$)", re.MULTILINE)
BLOCK_SCALAR_COMMENT = re.compile(r"[|>][0-9+-]*#")
TAG = re.compile(r"(^|\s)!", re.MULTILINE)


def too_deep(text: str) -> int | None:
    """Return the first line (1-based) that opens more levels than the parsers can take, or None."""
    found = TOO_DEEP.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def compose(text: str) -> Node | None:
    """Parse YAML into a node tree with the safe loader (no tags are constructed here).

    libyaml (PyYAML's C parser) composes the same nodes about ten times faster. It is used for
    text the pure-Python reader accepts; whenever it fails, the pure-Python parser runs again so
    that every error is reported exactly as before.
    """
    if FAST_LOADER is not None and not NON_PRINTABLE.search(text) and not libyaml_may_differ(text):
        try:
            return compose_with(FAST_LOADER, text)
        except yaml.YAMLError:
            pass
    return compose_with(yaml.SafeLoader, text)


def libyaml_may_differ(text: str) -> bool:
    """Tell whether a text holds anything on which libyaml and the pure-Python parser disagree.

    Found by differential fuzzing (nodes, tags and positions compared on mutated content files):
    tabs, byte-order marks and Unicode line breaks, flow collections, "?" complex keys, a "#"
    right after a block scalar indicator, tags and document markers. None of them is needed in
    curated content; files with any of them take the pure-Python path. Each regex runs only if a
    plain substring it needs occurs (a fast test).
    """
    return bool(
        LIBYAML_CHARACTERS.search(text)
        or ("?" in text and COMPLEX_KEY.search(text))
        or ("#" in text and BLOCK_SCALAR_COMMENT.search(text))
        or ("!" in text and TAG.search(text))
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
    )


def compose_with(loader_class: Any, text: str) -> Node | None:
    """Compose the one document of a text with a loader class, then dispose of the loader."""
    loader = loader_class(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()
