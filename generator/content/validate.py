"""Check parsed YAML against the schema declaration, with messages a curator can act on."""

from __future__ import annotations

import difflib
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.content.schema import FILE_KINDS, json_schema
from generator.content.types import ListOf, Nullable, Record, Str, Type
from generator.problems import Problem

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

    from generator.content.load import Document


@cache
def validator_for(kind: str) -> Draft202012Validator:
    """Return the (cached) JSON Schema validator of a file kind (jsonschema is imported only when a file needs it)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json_schema(kind))


def validate_document(doc: Document, kind: str) -> list[Problem]:
    """Return one problem per schema violation in `doc`."""
    problems: set[Problem] = set()
    for error in validator_for(kind).iter_errors(doc.data):
        problems.update(describe_error(doc, FILE_KINDS[kind], error))
    return sorted(problems)


def describe_error(doc: Document, root: Type, error: ValidationError) -> list[Problem]:
    """Turn a jsonschema error into problems located at the offending key or value."""
    where = tuple(error.absolute_path)
    expected = type_at(root, where)
    value = error.instance
    if error.validator == "required" and isinstance(expected, Record) and isinstance(value, dict):
        return [
            doc.problem(where, f"missing key '{f.name}': expected {f.type.words} ({f.doc})")
            for f in expected.fields
            if f.required and f.name not in value
        ]
    if error.validator == "additionalProperties" and isinstance(expected, Record) and isinstance(value, dict):
        return [
            doc.problem((*where, key), unknown_key_message(key, expected.field_names()), key=True)
            for key in value
            if key not in expected.field_names()
        ]
    if error.validator == "uniqueItems":
        return [doc.problem(where, "duplicate entries in the list")]
    words = expected.words if expected else "a valid value"
    detail = ""
    if error.validator == "maxLength" and isinstance(expected, Str):
        detail = f" of at most {expected.max_length} characters"
    elif error.validator in ("minimum", "maximum"):
        detail = f" ({error.validator} {error.validator_value:g})"
    if error.validator == "pattern" and isinstance(value, str):
        detail += non_ascii_hint(value)
    if value is None and where and isinstance(where[-1], str):
        return [doc.problem(where, f"'{where[-1]}' needs a value: expected {words}, found null")]
    return [doc.problem(where, f"expected {words}{detail}, found {describe_value(value)}")]


def non_ascii_hint(text: str) -> str:
    """Point out a look-alike character, e.g. a Cyrillic 'а' in an id."""
    odd = next((c for c in text if ord(c) > 127), None)
    return f" (contains the non-ASCII character '{odd}' U+{ord(odd):04X})" if odd else ""


def unknown_key_message(key: str, allowed: list[str]) -> str:
    """Explain an unknown key, suggesting the closest allowed one."""
    return f"unknown key '{key}'{did_you_mean(key, allowed)}; expected one of: {', '.join(allowed)}"


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or nothing."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def type_at(root: Type, where: tuple[Any, ...]) -> Type | None:
    """Follow an instance path through the type declaration."""
    current: Type | None = root
    for step in where:
        if isinstance(current, Nullable):
            current = current.inner
        if isinstance(current, ListOf) and isinstance(step, int):
            current = current.item
        elif isinstance(current, Record) and isinstance(step, str):
            current = next((f.type for f in current.fields if f.name == step), None)
        else:
            return None
    return current


def describe_value(value: Any) -> str:
    """Describe a YAML value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        digits = str(value)
        return f"the number {digits}" if len(digits) <= 20 else f"a number of {len(digits)} digits"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "…"
        return f"'{shown}'" + (f" ({len(value)} characters)" if len(value) > 60 else "")
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    return "a mapping"
