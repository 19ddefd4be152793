"""The one declaration of every content file kind.

Validation (through jsonschema), the published JSON Schema and the reference page are all
derived from the records declared here and in `schema_registries.py` (the registries), so a
field is described exactly once.
"""

from __future__ import annotations

from typing import Any

from generator.content.schema_registries import ID, ORGANISATION, PERSON, PLACE, TOPIC
from generator.content.types import (
    Enum,
    Field,
    ListOf,
    Nullable,
    Num,
    OneOrList,
    Record,
    Ref,
    Str,
    TextOrParts,
    Type,
)
from generator.content.vocabulary import (
    Check,
    Qualifier,
    SourceKind,
    values,
)

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"^https?://[^\s<>\"']+$"
LANG_PATTERN = r"^[a-z]{2}$"


# Text is data: free-text values take any printable Unicode and are escaped wherever they are
# shown, so text that looks like markup is kept and shown literally. Only values that become a
# link (`url`) or an id are restricted, by their patterns.


DATE = Str(words="a date written YYYY, YYYY-MM or YYYY-MM-DD", pattern=DATE_PATTERN, max_length=10)

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

ACKNOWLEDGEMENT = Record(
    name="acknowledgement",
    doc="A finding of `dossier check` the curator has looked at and keeps, with the reason; `check` no longer "
    "reports it but counts it (`2 acknowledged`), and `dossier diff` shows the reason to reviewers.",
    fields=(
        Field(
            "check",
            Enum(values=values(Check)),
            "The code `dossier check` prints after the finding (`[value-not-in-excerpt]`); `figure-not-claimed` "
            "belongs to the article, the others to a claim.",
        ),
        Field("reason", Str(), "Why the finding is intended, for reviewers (German or English)."),
        Field(
            "figure",
            Str(max_length=200),
            "For `figure-not-claimed`: the figure as the finding quotes it (`neun Soldaten`); without it, every "
            "unclaimed figure of the article is acknowledged.",
            required=False,
        ),
    ),
)

QUOTE = Record(
    name="quote",
    doc="A quotation in the article, attributed to a registered person or organisation, or to a speaker the text "
    "does not name.",
    fields=(
        Field("id", ID, "Unique within the article; becomes the anchor `#q-<id>`."),
        Field(
            "speaker",
            Nullable(Ref(kinds=("people", "organisations"))),
            "Who is quoted: a person, an organisation (`erklärte der Kreml`), or null when the text names nobody "
            "(`Ein Sprecher des Außenministeriums`); then `speaker_kind` and `attribution` say who.",
        ),
        Field(
            "speaker_kind",
            Enum(values=values(SourceKind)),
            "What kind of source an unnamed speaker is (`Ein Sprecher des Außenministeriums`: `government`); "
            "required with `speaker: null`, and only then: a named speaker's kind comes from its registry.",
            required=False,
        ),
        Field(
            "attribution",
            Str(),
            "The words the text uses for the speaker (`Ein Sprecher des Außenministeriums`); required with "
            "`speaker: null`.",
            required=False,
        ),
        Field(
            "role",
            Str(),
            "The speaker's role at the time, as the article gives it; required for a person.",
            required=False,
        ),
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
        Field(
            "value",
            Num(),
            "The number the text states, for numeric topics; a claim gives `value`, `lower`, `upper` or `vague`. "
            "Leave it out for a range (`30.000 bis 40.000`: `lower` and `upper`): never invent one.",
            required=False,
        ),
        Field(
            "lower",
            Num(),
            "Lower bound of the number, if the text gives a range; alone, the least the claim allows.",
            required=False,
        ),
        Field(
            "upper",
            Num(),
            "Upper bound of the number, if the text gives a range; alone, the most the claim allows.",
            required=False,
        ),
        Field(
            "vague",
            Str(max_length=100),
            "A vague quantity in the text's own words (`mehrere tausend`, `Hunderte`, `Dutzende`), exactly as in "
            "the excerpt: shown to readers as written, never turned into a number; no `value`, and `lower`/`upper` "
            "only where the text states them too.",
            required=False,
        ),
        Field(
            "qualifier",
            Enum(values=values(Qualifier)),
            "How the text hedges the value.",
            required=False,
        ),
        Field("category", ID, "The value, for categorical topics: one of the topic's `categories`.", required=False),
        Field(
            "as_of",
            DATING,
            "The date of the state of affairs the figure describes (when the 3.000 soldiers were there), not when "
            "it was reported; defaults to the article's published date, so give it whenever the text dates the "
            "figure earlier (`Ende Oktober`).",
            required=False,
        ),
        Field("scope", ID, "What the value covers: one of the topic's `scopes`."),
        Field(
            "claimant",
            OneOrList(Nullable(Ref(kinds=("people", "organisations")))),
            "Who asserts it (not the outlet reporting it); null when the text names nobody; a list when the text "
            "credits several sources (`südkoreanischen und ukrainischen Geheimdiensten zufolge`), each counted as "
            "a source, null in the list for sources it does not name.",
        ),
        Field(
            "claimant_kind",
            Enum(values=values(SourceKind)),
            "What kind of source the text names when it names none by name (`Nachrichtendienste`: "
            "`intelligence`); only with `claimant: null` or a null in its list, a named claimant's kind comes from "
            "its registry.",
            required=False,
        ),
        Field("attribution", Str(), "The words the text uses for the source (`Nachrichtendienste`).", required=False),
        Field(
            "citing",
            Str(),
            "The earlier report the article says it relies on, in the text's words (`Berichten zufolge`, "
            "`KCNA zufolge`).",
            required=False,
        ),
        Field(
            "cites",
            Ref(kinds=("people", "organisations")),
            "The registered source the claim relays (`KCNA zufolge`: `kcna`): the claim counts as that source's, "
            "not as an independent one.",
            required=False,
        ),
        Field(
            "excerpt",
            Str(),
            "The exact passage of the text that supports the claim, within one paragraph; its value, bounds and "
            "vague words must stand in it (`3.000`, `3,8 Tausend`, `zwölf`, `zwei Dutzend`).",
        ),
        Field("note", Str(), "A curator's remark, in German: readers see it.", required=False),
        Field(
            "acknowledge",
            ListOf(ACKNOWLEDGEMENT),
            "Findings of `dossier check` on this claim that are intended, each with the reason.",
            required=False,
        ),
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
        Field(
            "acknowledge",
            ListOf(ACKNOWLEDGEMENT),
            "Findings of `dossier check` on the article's text that are intended (figures deliberately not "
            "recorded), each with the reason.",
            required=False,
        ),
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
