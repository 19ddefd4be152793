"""Letters, quotation marks and words of German text, as the text heuristics read them."""

from __future__ import annotations

import re

UPPER = "A-ZÄÖÜÀ-ÖØ-Þ"
LOWER = "a-zäöüßà-öø-ÿ"
DOUBLE_QUOTES = '"„“”‟«»〝〞＂'
TOKEN = re.compile(r"[^\W\d_]\w*(?:-\w+)*")


def words(text: str) -> tuple[str, ...]:
    """Split a space-separated word list (kept readable as one string)."""
    return tuple(text.split())
