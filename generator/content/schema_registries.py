"""The registries' records of the one content declaration (`schema.py`): people, organisations, places, topics."""

from __future__ import annotations

from generator.content.types import ID_PATTERN, Bool, Enum, Field, ListOf, Nullable, Num, Record, Ref, Str
from generator.content.vocabulary import ORGANISATION_KINDS, PlaceKind, SourceKind, TopicKind, values

ID = Str(words="an id (lowercase letters, digits and single hyphens)", pattern=ID_PATTERN, max_length=80)
NAME = Str(words="a name (no leading or trailing spaces)", pattern=r"^\S(.*\S)?$", max_length=200)
ALIASES = ListOf(NAME, unique=True)
ALIASES_FIELD = Field(
    "aliases",
    ALIASES,
    "Every other spelling the articles use; inflected forms (`Putins`, `des südkoreanischen Geheimdienstes`) "
    "are recognised without an alias.",
    required=False,
)
SPEAKS_FOR = Field(
    "speaks_for",
    Ref(kinds=("organisations",)),
    "The organisation this one speaks for (a spokesperson, a minister or head of state for their government, a "
    "state medium for its leadership): its claims count as that organisation's, or as whom that one speaks for in "
    "turn, so they are no independent source beside it. A chain that comes back to its start is an error.",
    required=False,
)

PERSON = Record(
    name="person",
    doc="An entry of `content/people.yaml`.",
    fields=(
        Field("id", ID, "Unique id; the page is `personen/<id>`."),
        Field("name", NAME, "The name as the dossier writes it."),
        ALIASES_FIELD,
        Field("role", Str(), "Role or office (German)."),
        Field(
            "country",
            Nullable(Ref(kinds=("places",))),
            "The country the person acts for, as a place id.",
            required=False,
        ),
        SPEAKS_FOR,
        Field(
            "kind",
            Enum(values=values(SourceKind)),
            "What kind of source the person is when speaking in their own name: `government` for officials, "
            "`individual` for a private person. Not together with `speaks_for`: then the organisation's kind counts.",
            required=False,
        ),
        Field("description", Str(), "A short description.", required=False),
    ),
)

ORGANISATION = Record(
    name="organisation",
    doc="An entry of `content/organisations.yaml`.",
    fields=(
        Field("id", ID, "Unique id; the page is `organisationen/<id>`."),
        Field("name", NAME, "The name as the dossier writes it."),
        ALIASES_FIELD,
        Field(
            "kind",
            Enum(values=ORGANISATION_KINDS),
            "What kind of body it is (`media`: an independent outlet).",
        ),
        Field("country", Nullable(Ref(kinds=("places",))), "Its country, as a place id.", required=False),
        SPEAKS_FOR,
        Field("description", Str(), "A short description.", required=False),
    ),
)

PLACE = Record(
    name="place",
    doc="An entry of `content/places.yaml`.",
    fields=(
        Field("id", ID, "Unique id; the page is `orte/<id>`."),
        Field("name", NAME, "The name as the dossier writes it."),
        ALIASES_FIELD,
        Field("kind", Enum(values=values(PlaceKind)), "What kind of place it is."),
        Field("lat", Num(words="a latitude", minimum=-90, maximum=90), "Latitude (WGS 84)."),
        Field("lon", Num(words="a longitude", minimum=-180, maximum=180), "Longitude (WGS 84)."),
        Field("country", Nullable(Ref(kinds=("places",))), "The country it lies in, as a place id.", required=False),
        Field("description", Str(), "A short description.", required=False),
    ),
)

LABELLED = Record(
    name="labelled value",
    doc="An id with the German label shown to readers.",
    fields=(
        Field("id", ID, "Unique within the topic."),
        Field("label", Str(max_length=200), "German label."),
        Field("place", Ref(kinds=("places",)), "The place this value stands for, if any.", required=False),
    ),
)

TOPIC = Record(
    name="topic",
    doc="An entry of `content/topics.yaml`: a question on which sources make claims.",
    fields=(
        Field("id", ID, "Unique id; the page is `themen/<id>`."),
        Field("title", Str(max_length=200), "German title."),
        Field("question", Str(), "The question the claims answer (German)."),
        Field("kind", Enum(values=values(TopicKind)), "Whether claims give a number or a category."),
        Field("unit", Str(max_length=100), "Unit of numeric values, e.g. `Soldaten` (numeric topics).", required=False),
        Field("categories", ListOf(LABELLED), "Allowed values (categorical topics).", required=False),
        Field(
            "exclusive",
            Bool(),
            "Whether two different categories exclude each other (default true; false when, say, troops can be "
            "in several places at once).",
            required=False,
        ),
        Field("scopes", ListOf(LABELLED), "What a claim may cover; claims of different scopes are not contradictions."),
        Field("description", Str(), "A short introduction (German).", required=False),
    ),
)
