"""The nesting guard before YAML parsing: one search finds the first line that opens too many levels."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.yamlparse import MAX_DEPTH, MAX_INDENT, too_deep

LINE_START = re.compile(r"(?:[ \t]*[-?](?=[ \t]))*")  # the indicators a line opens, looked for line by line
PIECES = ["- ", "? ", "-", "?", " ", "\t", "x", ": ", "\n", "-\t", " " * 50, "- " * 10, "? - " * 3]


def line_by_line(text: str) -> int | None:
    """Return the first line with more than MAX_DEPTH indicators or more than MAX_INDENT spaces of indentation."""
    for number, line in enumerate(text.split("\n"), 1):
        start = LINE_START.match(line)
        indicators = start.group().count("-") + start.group().count("?") if start else 0
        if indicators > MAX_DEPTH or len(line) - len(line.lstrip(" ")) > MAX_INDENT:
            return number
    return None


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_the_first_line_too_deep_is_the_one_found_line_by_line(text):
    assert too_deep(text) == line_by_line(text)


def test_the_limits_themselves_pass_and_one_more_does_not():
    assert too_deep("- " * MAX_DEPTH + "x\n" + " " * MAX_INDENT + "y") is None
    assert too_deep("a: 1\n" + "- " * (MAX_DEPTH + 1) + "x") == 2
    assert too_deep("a: 1\nb: 2\n" + " " * (MAX_INDENT + 1) + "y") == 3
