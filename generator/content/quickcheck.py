"""A fast check of content data against its JSON Schema: says "valid" only when jsonschema would.

jsonschema, which explains every error, takes milliseconds per file; the predicate compiled here
once per kind takes microseconds. Anything it does not implement or is unsure of it leaves to
jsonschema (`validate.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from generator.content.schema import json_schema

Check = Callable[[Any], bool]
IGNORED_KEYWORDS = {"$schema", "$id", "$defs", "title", "description"}
TYPES: dict[str, Check] = {
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "null": lambda x: x is None,
    "number": lambda x: isinstance(x, int | float) and not isinstance(x, bool),
    "object": lambda x: isinstance(x, dict),
    "string": lambda x: isinstance(x, str),
}


def schema_allows(kind: str, data: Any) -> bool:
    """Tell quickly whether the schema certainly accepts `data`; False sends it to the full validator.

    jsonschema (which explains every error) takes milliseconds per file; this check, compiled
    once per kind from the same JSON Schema, takes microseconds. It only answers "valid" when
    jsonschema would (tested against it), and says "ask jsonschema" for anything it is unsure of.
    """
    check = compiled_schema(kind)
    return check is not None and check(data)


class UnsupportedSchema(Exception):
    """Raised for a JSON Schema keyword the fast check does not implement; jsonschema decides alone."""


@cache
def compiled_schema(kind: str) -> Check | None:
    """Return the fast check of a kind's schema (compiled once), or None if it uses a keyword the check lacks."""
    schema = json_schema(kind)
    try:
        return compile_schema(schema, schema.get("$defs", {}))
    except UnsupportedSchema:
        return None


def compile_schema(schema: dict[str, Any], defs: dict[str, Any]) -> Check:
    """Compile the subset of JSON Schema (2020-12) that the content schemas use into one predicate."""
    checks = [compile_keyword(key, value, schema, defs) for key, value in schema.items() if key not in IGNORED_KEYWORDS]
    return every(checks)


def every(checks: list[Check]) -> Check:
    """Return a predicate that holds when every check holds (a single check is returned as it is)."""
    if len(checks) == 1:
        return checks[0]
    return lambda x: all(check(x) for check in checks)


def some(checks: list[Check]) -> Check:
    """Return a predicate that holds when any of the checks holds."""
    if len(checks) == 1:
        return checks[0]
    return lambda x: any(check(x) for check in checks)


def compile_keyword(key: str, value: Any, schema: dict[str, Any], defs: dict[str, Any]) -> Check:
    """Compile one keyword; keywords apply only to instances of their type, as in JSON Schema."""
    if key == "type":
        return some([TYPES[t] for t in ([value] if isinstance(value, str) else value)])
    if key == "enum" and all(isinstance(v, str) for v in value):
        allowed = set(value)
        return lambda x: isinstance(x, str) and x in allowed  # a non-text is left to jsonschema
    if key in ("minLength", "maxLength"):
        low, high = (value, math.inf) if key == "minLength" else (0, value)
        return lambda x: not isinstance(x, str) or low <= len(x) <= high
    if key == "pattern":
        pattern = re.compile(value)
        return lambda x: not isinstance(x, str) or pattern.search(x) is not None
    if key in ("minimum", "maximum"):
        sign = 1 if key == "minimum" else -1
        return lambda x: not TYPES["number"](x) or sign * x >= sign * value
    if key == "minItems":
        return lambda x: not isinstance(x, list) or len(x) >= value
    if key == "uniqueItems" and value is True:
        return lambda x: not isinstance(x, list) or (all(isinstance(i, str) for i in x) and len(set(x)) == len(x))
    if key == "items" and isinstance(value, dict):
        item = compile_schema(value, defs)
        return lambda x: not isinstance(x, list) or all(map(item, x))
    if key == "properties":
        return compile_properties({name: compile_schema(sub, defs) for name, sub in value.items()})
    if key == "required":
        required = set(value)
        return lambda x: not isinstance(x, dict) or required <= x.keys()
    if key == "additionalProperties" and value is False:
        known = set(schema.get("properties", {}))
        return lambda x: not isinstance(x, dict) or known.issuperset(x)
    if key == "anyOf":
        return some([compile_schema(sub, defs) for sub in value])
    if key == "not":
        negated = compile_schema(value, defs)
        return lambda x: not negated(x)
    if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/") and value[8:] in defs:
        return compile_schema(defs[value[8:]], defs)
    raise UnsupportedSchema(key)


def compile_properties(fields: dict[str, Check]) -> Check:
    """Return a predicate that holds when each property of a mapping that has a check passes it."""

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for key, value in x.items():
            field = fields.get(key)
            if field is not None and not field(value):
                return False
        return True

    return check
