"""The field types content files are declared with, each knowing its words and its JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KIND_WORDS = {
    "people": "a person (content/people.yaml)",
    "organisations": "an organisation (content/organisations.yaml)",
    "places": "a place (content/places.yaml)",
    "topics": "a claim topic (content/topics.yaml)",
}


class Type:
    """Base of all field types."""

    words = "a value"

    def json_schema(self) -> dict[str, Any]:
        """Return the JSON Schema of values of this type."""
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Type):
    words: str = "a text"
    pattern: str | None = None
    max_length: int = 2000

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": self.max_length}
        if self.pattern:
            schema["pattern"] = self.pattern
        return schema


@dataclass(frozen=True)
class Num(Type):
    words: str = "a number"
    minimum: float = 0
    maximum: float = 1e12

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True)
class Bool(Type):
    words: str = "true or false"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Enum(Type):
    values: tuple[str, ...] = ()

    @property
    def words(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(repr(v) for v in self.values)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@dataclass(frozen=True)
class Ref(Type):
    """An id that must name an entry of one or more registries."""

    kinds: tuple[str, ...] = ()

    @property
    def words(self) -> str:  # type: ignore[override]
        return "the id of " + " or ".join(KIND_WORDS[k] for k in self.kinds)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN}


@dataclass(frozen=True)
class Nullable(Type):
    inner: Type = field(default_factory=Str)

    @property
    def words(self) -> str:  # type: ignore[override]
        return f"{self.inner.words} or null"

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.inner.json_schema(), {"type": "null"}]}


@dataclass(frozen=True)
class ListOf(Type):
    item: Type = field(default_factory=Str)
    unique: bool = False

    @property
    def words(self) -> str:  # type: ignore[override]
        return f"a list of {plural(self.item.words)}"

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass(frozen=True)
class TextOrParts(Type):
    """A text, or a list of texts for a quotation interrupted by the narrator."""

    words: str = "a text or a list of texts"

    def json_schema(self) -> dict[str, Any]:
        text = Str().json_schema()
        return {"anyOf": [text, {"type": "array", "items": text, "minItems": 1}]}


@dataclass(frozen=True)
class OneOrList(Type):
    """A value, or a list of distinct values (the several claimants of one claim)."""

    item: Type = field(default_factory=Str)

    @property
    def words(self) -> str:  # type: ignore[override]
        return f"{self.item.words}, or a list of these"

    def json_schema(self) -> dict[str, Any]:
        item = self.item.json_schema()
        return {"anyOf": [item, {"type": "array", "items": item, "minItems": 1, "uniqueItems": True}]}


@dataclass(frozen=True)
class Field:
    """One key of a record, with its type and its documentation."""

    name: str
    type: Type
    doc: str
    required: bool = True


@dataclass(frozen=True)
class Record(Type):
    """A mapping with a fixed set of keys."""

    name: str = ""
    doc: str = ""
    fields: tuple[Field, ...] = ()

    @property
    def words(self) -> str:  # type: ignore[override]
        return f"a mapping ({self.name})"

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "title": self.name,
            "description": self.doc,
            "properties": {f.name: {**f.type.json_schema(), "description": f.doc} for f in self.fields},
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def plural(words: str) -> str:
    """Turn 'a text' into 'texts' for list descriptions."""
    for article in ("a ", "an ", "the "):
        if words.startswith(article):
            words = words[len(article) :]
            break
    head, _, tail = words.partition(" ")
    return (head + "s" + (" " + tail if tail else "")) if not head.endswith("s") else words
