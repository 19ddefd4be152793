"""The one declaration of every content file kind.

Validation (through jsonschema), the published JSON Schema and the reference page are all
derived from the records declared here, so a field is described exactly once.
"""

from __future__ import annotations

from typing import Any

from generator.content.types import (
    ID_PATTERN,
    Bool,
    Enum,
    Field,
    ListOf,
    Nullable,
    Num,
    Record,
    Ref,
    Str,
    TextOrParts,
    Type,
)
from generator.content.vocabulary import (
    ORGANISATION_KINDS,
    PlaceKind,
    Qualifier,
    SourceKind,
    TopicKind,
    values,
)

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"^https?://[^\s<>\"']+$"
LANG_PATTERN = r"^[a-z]{2}$"


# Text is data: free-text values take any printable Unicode and are escaped wherever they are
# shown, so text that looks like markup is kept and shown literally. Only values that become a
# link (`url`) or an id are restricted, by their patterns.


ID = Str(words="an id (lowercase letters, digits and single hyphens)", pattern=ID_PATTERN, max_length=80)
DATE = Str(words="a date written YYYY, YYYY-MM or YYYY-MM-DD", pattern=DATE_PATTERN, max_length=10)
NAME = Str(words="a name (no leading or trailing spaces)", pattern=r"^\S(.*\S)?$", max_length=200)
ALIASES = ListOf(NAME, unique=True)
ALIASES_FIELD = Field(
    "aliases",
    ALIASES,
    "Every other spelling the articles use; inflected forms (`Putins`, `des südkoreanischen Geheimdienstes`) "
    "are recognised without an alias.",
    required=False,
)

DATING = Record(
    name="dating",
    doc="A date with its precision (given by how much of it is written) and its basis.",
    fields=(
        Field("date", DATE, "The date; `2024` means year precision, `2024-10` month, `2024-10-28` day."),
        Field("basis", Enum(values=("stated", "inferred")), "`stated` when the text says it; `inferred` otherwise."),
        Field(
            "reason",
            Str(),
            "Why the date was inferred, naming the evidence; German, readers see it (required if inferred).",
            required=False,
        ),
    ),
)

MENTIONS = Record(
    name="mentions",
    doc="Registry entries the article mentions; each must be found in the text through its name or aliases.",
    fields=(
        Field("people", ListOf(Ref(kinds=("people",)), unique=True), "Ids of people.", required=False),
        Field(
            "organisations", ListOf(Ref(kinds=("organisations",)), unique=True), "Ids of organisations.", required=False
        ),
        Field("places", ListOf(Ref(kinds=("places",)), unique=True), "Ids of places.", required=False),
    ),
)

QUOTE = Record(
    name="quote",
    doc="A quotation in the article, attributed to a registered person.",
    fields=(
        Field("id", ID, "Unique within the article; becomes the anchor `#q-<id>`."),
        Field("speaker", Ref(kinds=("people",)), "Who is quoted."),
        Field("role", Str(), "The speaker's role at the time, as the article gives it."),
        Field(
            "text",
            TextOrParts(),
            "The quoted words exactly as in the text, without the quotation marks; a list of parts for a "
            "quotation the narrator interrupts (`„Diese Entsendung“, sagte Singh, „zeigt …“`).",
        ),
        Field("topic", Ref(kinds=("topics",)), "The claim topic the quotation speaks to.", required=False),
        Field("note", Str(), "A curator's remark, in German: readers see it.", required=False),
    ),
)

CLAIM = Record(
    name="claim",
    doc="One assertion of a value for a claim topic, by a claimant, reported in the article.",
    fields=(
        Field("id", ID, "Unique within the article; becomes the anchor `#c-<id>`."),
        Field("topic", Ref(kinds=("topics",)), "The claim topic."),
        Field("value", Num(), "The number, for numeric topics.", required=False),
        Field("lower", Num(), "Lower bound of the number, if the text gives a range.", required=False),
        Field("upper", Num(), "Upper bound of the number, if the text gives a range.", required=False),
        Field(
            "qualifier",
            Enum(values=values(Qualifier)),
            "How the text hedges the value.",
            required=False,
        ),
        Field("category", ID, "The value, for categorical topics: one of the topic's `categories`.", required=False),
        Field("as_of", DATING, "When the value held; defaults to the article's published date.", required=False),
        Field("scope", ID, "What the value covers: one of the topic's `scopes`."),
        Field(
            "claimant",
            Nullable(Ref(kinds=("people", "organisations"))),
            "Who asserts it (not the outlet reporting it); null when the text names nobody.",
        ),
        Field(
            "claimant_kind",
            Enum(values=values(SourceKind)),
            "What kind of source the text names when it names none by name (`Nachrichtendienste`: "
            "`intelligence`); only with `claimant: null`, a named claimant's kind comes from its registry.",
            required=False,
        ),
        Field("attribution", Str(), "The words the text uses for the source (`Nachrichtendienste`).", required=False),
        Field(
            "citing",
            Str(),
            "The earlier report the article says it relies on, in the text's words (`Berichten zufolge`).",
            required=False,
        ),
        Field("excerpt", Str(), "The exact passage of the text that supports the claim, within one paragraph."),
        Field("note", Str(), "A curator's remark, in German: readers see it.", required=False),
    ),
)

ARTICLE = Record(
    name="article",
    doc="The curated metadata of one article, `content/articles/<id>.yaml`, beside its text `<id>.txt`.",
    fields=(
        Field("title", Str(max_length=300), "A curated title (German); the texts have none of their own."),
        Field("source_file", Str(max_length=200), "The file name the text was received under (provenance)."),
        Field("outlet", Nullable(Str(max_length=200)), "The outlet that published it; null when unknown. Never guess."),
        Field(
            "url",
            Nullable(Str(words="an http(s) URL", pattern=URL_PATTERN)),
            "Where it was published; null when unknown.",
        ),
        Field("author", Nullable(Str(max_length=200)), "The author; null when unknown."),
        Field(
            "language",
            Str(words="a two-letter language code", pattern=LANG_PATTERN, max_length=2),
            "Language of the text.",
        ),
        Field("published", DATING, "The publication date."),
        Field("mentions", MENTIONS, "People, organisations and places the article mentions.", required=False),
        Field("quotes", ListOf(QUOTE), "Quotations.", required=False),
        Field("claims", ListOf(CLAIM), "Claims reported in the article.", required=False),
        Field("tags", ListOf(ID, unique=True), "Free tags.", required=False),
        Field(
            "notes",
            ListOf(Str()),
            "Curator notes in German, e.g. on garbled or machine-translated passages.",
            required=False,
        ),
    ),
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
        Field(
            "speaks_for",
            Ref(kinds=("organisations",)),
            "The organisation the person speaks for (a spokesperson, a minister): their claims count as that "
            "organisation's, so they are not an independent source beside it.",
            required=False,
        ),
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

EVENT = Record(
    name="event",
    doc="A key event that an article names, shown on the timeline with the passage that names it.",
    fields=(
        Field("id", ID, "Unique among events; becomes the anchor `#e-<id>` on the timeline."),
        Field("date", DATING, "When it happened, as precisely as the text or a well-known public record says."),
        Field("title", Str(max_length=200), "A short German label, e.g. `Kim Jong-un besucht Russland`."),
        Field("article", ID, "The id of the article whose text names the event."),
        Field("excerpt", Str(), "The passage naming the event, exactly as in the text, within one paragraph."),
    ),
)

DOSSIER = Record(
    name="dossier",
    doc="`content/dossier.yaml`: the dossier as a whole.",
    fields=(
        Field("title", Str(max_length=200), "Site title."),
        Field("summary", Str(max_length=4000), "What the dossier is about (German), shown on the home page."),
        Field("key_topics", ListOf(Ref(kinds=("topics",)), unique=True), "Topics whose figures the home page shows."),
        Field("events", ListOf(EVENT), "Key events the articles name, for the timeline.", required=False),
        Field(
            "parties",
            ListOf(Ref(kinds=("places",)), unique=True),
            "The states that are parties to the conflict, as place ids: claims by their governments, militaries, "
            "intelligence services, state media and officials are marked as a party's.",
            required=False,
        ),
    ),
)

REGISTRIES: dict[str, Record] = {
    "people": PERSON,
    "organisations": ORGANISATION,
    "places": PLACE,
    "topics": TOPIC,
}

FILE_KINDS: dict[str, Type] = {
    "dossier": DOSSIER,
    "article": ARTICLE,
    **{kind: ListOf(record) for kind, record in REGISTRIES.items()},
}


def json_schema(kind: str) -> dict[str, Any]:
    """Return the published JSON Schema of one file kind."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        **FILE_KINDS[kind].json_schema(),
    }
