"""`dossier new`: add a received text as `content/articles/<id>.txt` with a pre-filled `<id>.yaml`.

The YAML is a draft. What the text suggests (mentions, quotes, figures, a dateline's date) is filled
in and marked `# suggestion: …`; what the text cannot tell (title, publication date, each claim's
scope, …) is left `null`, so that `dossier check` names exactly what is still missing. Outlet, URL
and author are never guessed.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from datetime import date
from pathlib import Path, PurePath

import yaml

from generator.content.files import MAX_FILE_BYTES, scan
from generator.content.load import CONTROL, REGISTRY_FILES, load_yaml, rel
from generator.content.model import ENTITY_KINDS
from generator.content.reference import schema_folder, schema_line
from generator.content.registries import build_entities, build_topics
from generator.content.types import ID_PATTERN
from generator.language.dates import StatedDate
from generator.language.numbers import format_number
from generator.problems import ContentError, Problem
from generator.site.paths import ID_MAX_CHARS, slugify
from generator.site.write import write_file
from generator.tools.claims import ClaimSuggestion
from generator.tools.sources import kind_of_source
from generator.tools.speakers import QuoteSuggestion, speaker_fields
from generator.tools.suggest import Registry, Suggestions, suggest

STDIN = "-"
LINE_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\t": " "})
NOT_IN_COMMENTS = re.compile("[^\t\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\u2028|\u2029")


def create_article(
    root: Path, data: bytes, source_name: str, article_id: str | None = None, today: date | None = None
) -> tuple[Path, Path]:
    """Write content/articles/<id>.txt and <id>.yaml from raw text bytes; return both paths."""
    folder = root / "content" / "articles"
    problems: list[Problem] = []
    chosen = choose_id(root, source_name, article_id, problems)
    text = normalise_text(data, "<stdin>" if source_name == STDIN else source_name, problems)
    registry = load_registry(root, problems)
    if chosen is None or text is None or registry is None or problems:
        raise ContentError(problems)
    found = suggest(text, registry, today or date.today())
    meta = render_yaml(source_name, found, schema_line("articles/<id>.yaml", schema_folder(root)))
    txt, yml = folder / f"{chosen}.txt", folder / f"{chosen}.yaml"
    write_pair(txt, text, yml, meta)
    return txt, yml


# --- id and text ------------------------------------------------------------------------------


def choose_id(root: Path, source_name: str, article_id: str | None, problems: list[Problem]) -> str | None:
    """Return the article id (given, or made from the file name), reporting one that cannot be used."""
    if article_id is None:
        if source_name == STDIN:
            problems.append(Problem("<stdin>", 1, 1, "the text comes from standard input: choose an id with --id"))
            return None
        article_id = slugify(PurePath(source_name).stem)
        if not article_id:
            message = f"cannot make an article id from the file name '{source_name}'; choose one with --id"
            problems.append(Problem(source_name, 1, 1, message))
            return None
    folder = root / "content" / "articles"
    where = rel(root, folder / f"{article_id}.txt")
    if not re.match(ID_PATTERN, article_id) or len(article_id) > ID_MAX_CHARS:
        message = (
            f"article id '{article_id}' is not valid: expected lowercase letters, digits and single hyphens, "
            f"at most {ID_MAX_CHARS} characters"
        )
        problems.append(Problem(where, 1, 1, message))
        return None
    existing = [p for p in (folder / f"{article_id}.txt", folder / f"{article_id}.yaml") if os.path.lexists(p)]
    if existing:
        message = f"an article with id '{article_id}' already exists; choose another with --id"
        problems.append(Problem(rel(root, existing[0]), 1, 1, message))
        return None
    return article_id


def decode(data: bytes) -> str | None:
    """Decode UTF-8 (a BOM is dropped), UTF-16 with a BOM, else Windows-1252; None if none fits."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def tidy(text: str) -> str:
    """Normalise a decoded text: `\\n` line ends, NFC, no control characters or trailing spaces, one final newline.

    Tabs become spaces and runs of blank lines collapse to one; the words stay exactly as they are.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LINE_BREAKS)
    text = CONTROL.sub("", unicodedata.normalize("NFC", text))
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def normalise_text(data: bytes, label: str, problems: list[Problem]) -> str | None:
    """Return the text as the loader accepts it, or None after reporting why it cannot be used."""
    decoded = decode(data)
    if decoded is None:
        message = "cannot decode the text: it is neither UTF-8, UTF-16 with a byte-order mark nor Windows-1252"
        problems.append(Problem(label, 1, 1, message))
        return None
    text = tidy(decoded)
    if not text.strip():
        problems.append(Problem(label, 1, 1, "the text is empty"))
        return None
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        problems.append(Problem(label, 1, 1, f"the text is larger than {MAX_FILE_BYTES:,} bytes"))
        return None
    return text


def load_registry(root: Path, problems: list[Problem]) -> Registry | None:
    """Load people, organisations, places and topics through the loader; None (reported) if they have errors."""
    tree = scan(root)
    found: list[Problem] = list(tree.problems)
    docs = {kind: load_yaml(tree, root / "content" / f"{kind}.yaml", kind, found) for kind in REGISTRY_FILES}
    errors = [p for p in found if not p.warning]
    if errors:
        problems.extend(errors)
        return None
    ignored: list[Problem] = []  # duplicate ids and names are `dossier check`'s to report
    entities = {kind: build_entities(docs[kind], kind, ignored) for kind in ENTITY_KINDS}
    return Registry(entities, build_topics(docs["topics"], ignored))


def write_pair(txt: Path, text: str, yml: Path, meta: str) -> None:
    """Write both files, each through a temporary file and a rename; remove the text if the YAML fails."""
    txt.parent.mkdir(parents=True, exist_ok=True)
    write_file(txt, text.encode("utf-8"))
    try:
        write_file(yml, meta.encode("utf-8"))
    except BaseException:
        txt.unlink(missing_ok=True)
        raise


# --- YAML -------------------------------------------------------------------------------------


def yaml_scalar(value: str | float | bool | None) -> str:
    """Write one value as a YAML scalar that reads back as exactly that value, on one line."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000).removesuffix("\n").removesuffix("\n...")
    if "\n" in dumped:
        dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_style='"').removesuffix("\n")
    return dumped


def note(text: str, suggestion: bool = False) -> str:
    """Return a trailing comment (`  # suggestion: …`), made safe for a YAML comment."""
    clean = NOT_IN_COMMENTS.sub(" ", text)
    return f"  # {'suggestion: ' if suggestion else ''}{clean}"


def entry(indent: int, key: str, value: str | float | None, comment: str = "") -> str:
    """Write `key: value  # comment` at an indentation (in steps of two spaces)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{'  ' * indent}{key}: {yaml_scalar(value)}{comment}"


def render_yaml(source_name: str, found: Suggestions, first_line: str) -> str:
    """Write the draft YAML of an article, below its schema line."""
    lines = [first_line, *header(source_name), *published_lines(found), *mention_lines(found)]
    lines += quote_lines(found.quotes)
    lines += claim_lines(found.claims, found.skipped_numbers)
    lines += [note(f"vague quantity, no number: {phrase}")[2:] for phrase in found.vague]
    return "\n".join(lines) + "\n"


def header(source_name: str) -> list[str]:
    """Write the explanation and the values the text cannot tell."""
    stdin = source_name == STDIN
    return [
        '# Draft written by `dossier new`. Values marked "suggestion" were read from the text by simple rules:',
        "# check each against the text. `dossier check` names every required value still left null.",
        entry(0, "title", None, note("a curated German title (the text has none of its own)")),
        entry(0, "source_file", None if stdin else PurePath(source_name).name, note(SOURCE_NOTE) if stdin else ""),
        entry(0, "outlet", None, note("never guess: null unless known")),
        entry(0, "url", None, note("null unless known")),
        entry(0, "author", None, note("null unless known")),
        entry(0, "language", "de"),
    ]


SOURCE_NOTE = "the text came from standard input: write the file name it was received under"


def published_lines(found: Suggestions) -> list[str]:
    """Write the publication date: a dateline's date, else null with the text's dates as candidates."""
    lines = ["published:"]
    if found.published is not None:
        why = f'from the dateline "{found.published.text}" (paragraph {found.published.paragraph})'
        lines.append(entry(1, "date", found.published.iso, note(why, True)))
        if found.published.reason:  # the dateline gives no year
            lines += [
                entry(1, "basis", "inferred"),
                entry(1, "reason", found.published.reason, note("check the year", True)),
            ]
        else:
            lines.append(entry(1, "basis", "stated"))
    else:
        lines += [
            entry(1, "date", None, note("YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the evidence")),
            entry(1, "basis", None, note("stated if the text says it; inferred (with a reason) otherwise")),
        ]
    if found.dates:
        lines.append("  # dates in the text, candidates for published and for claims' as_of:")
        lines += [f"  #   {describe_date(d)}" for d in found.dates]
    else:
        lines.append("  # the text states no date")
    return lines


def describe_date(found: StatedDate) -> str:
    """Describe a date candidate for a comment."""
    where = f'"{found.text}" (paragraph {found.paragraph})'
    if found.iso is not None:
        return NOT_IN_COMMENTS.sub(" ", f"'{found.iso}': {where}")
    needs = {"weekday": "a weekday", "relative": "a relative date"}.get(found.kind, "no year")
    return NOT_IN_COMMENTS.sub(" ", f"{where}: {needs}; work it out from the publication date")


def mention_lines(found: Suggestions) -> list[str]:
    """Write the registry entries found in the text, and the names no registry knows."""
    lines = []
    for kind in ENTITY_KINDS:
        items = [m for m in found.mentions if m.entity.kind == kind]
        if items:
            lines.append(f"  {kind}:")
            for item in items:
                forms = ", ".join(f'"{form}"' for form in item.forms)
                lines.append(f"    - {yaml_scalar(item.entity.id)}{note(f'found as {forms} ({item.count}×)', True)}")
    lines = (
        ["mentions:", *lines] if lines else ["# mentions: no registered person, organisation or place is in the text"]
    )
    if found.new_names:
        lines.append("# names in no registry (add them to content/people.yaml, organisations.yaml or places.yaml):")
        lines += [note(f'  "{c.name}" (paragraph {c.paragraph}, {c.count}×)')[2:] for c in found.new_names]
    return lines


def quote_lines(quotes: list[QuoteSuggestion]) -> list[str]:
    """Write the quotations with their likely speakers; list short ones (scare quotes) as comments only."""
    lines: list[str] = []
    ids = Ids()
    for quote in (q for q in quotes if not q.short):
        lines.append(entry(1, "- id", ids.unique(quote_id(quote))))
        lines += [entry(2, key, value, note(why, sure)) for key, value, why, sure in speaker_fields(quote)]
        if len(quote.parts) == 1:
            lines.append(entry(2, "text", quote.parts[0], note(f"paragraph {quote.paragraph}")))
        else:
            lines.append(
                f"    text:{note(f'one quotation the narrator interrupts (paragraph {quote.paragraph})', True)}"
            )
            lines += [f"      - {yaml_scalar(part)}" for part in quote.parts]
    lines = ["quotes:", *lines] if lines else ["# quotes: no quotation of four words or more found"]
    short = [q for q in quotes if q.short]
    if short:
        lines.append("# short quotations, left out as probably no quotes (scare quotes, terms); add any that is one:")
        lines += [note(f"  „{' … '.join(q.parts)}“ (paragraph {q.paragraph})")[2:] for q in short]
    return lines


def quote_id(quote: QuoteSuggestion) -> str:
    """Make a quote id from the speaker's last name and the first words of the quotation."""
    speaker = quote.speaker.entity.name.split()[-1] if quote.speaker.entity else ""
    return short_slug([speaker, *quote.parts[0].split()[:3]]) or "zitat"


def short_slug(words: list[str], limit: int = 40) -> str:
    """Slugify words, leaving out the words that would make the id longer than `limit`."""
    slug = ""
    for word in words:
        longer = slugify(f"{slug} {word}")
        if len(longer) > limit:
            break
        slug = longer
    return slug


class Ids:
    """The ids given out so far, and for each id wanted the number of its last copy (`wanted-2`, `wanted-3`, …)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.last: dict[str, int] = {}

    def unique(self, wanted: str) -> str:
        """Return `wanted`, or `wanted-2`, `wanted-3`, … if already taken; remember it.

        The numbers below the last one given for `wanted` are all taken: they are not tried again,
        so a thousand figures with one id cost a thousand steps, not half a million.
        """
        number = self.last.get(wanted, 1)
        candidate = wanted if number == 1 else f"{wanted}-{number}"
        while candidate in self.taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self.last[wanted] = number
        self.taken.add(candidate)
        return candidate


def claim_lines(claims: list[ClaimSuggestion], skipped: list[str]) -> list[str]:
    """Write a candidate claim for every figure in the text."""
    lines: list[str] = []
    ids = Ids()
    for claim in claims:
        lines += one_claim(claim, ids.unique(claim_id(claim)))
    if lines:
        lines = [
            "# candidate claims, one per figure in the text: set topic and scope, or delete the claim",
            "claims:",
            *lines,
        ]
    else:
        lines = ["# claims: no figure found in the text"]
    if skipped:
        lines.append("# numbers not suggested as claims:")
        lines += [note(f"  {reason}")[2:] for reason in skipped]
    return lines


def claim_id(claim: ClaimSuggestion) -> str:
    """Make a claim id from the number and the last word of its unit."""
    value = claim.value if claim.value is not None else claim.lower
    number = format_number(value).replace(".", "").replace(",", "-")
    unit = claim.unit.split()[-1] if claim.unit else ""
    return short_slug([number, unit]) or "zahl"


def cites(hearsay: str | None) -> bool:
    """Tell whether the words of hearsay name earlier reports ("Medienberichten zufolge")."""
    return hearsay is not None and hearsay.endswith("zufolge") and "bericht" in hearsay.lower()


def one_claim(claim: ClaimSuggestion, claim_id: str) -> list[str]:
    """Write one candidate claim."""
    topic = claim.topic
    lines = [
        entry(1, "- id", claim_id, note(f'"{claim.phrase}" (paragraph {claim.paragraph})', True)),
        entry(2, "topic", topic.id if topic else None, note(claim.topic_reason, topic is not None)),
    ]
    if claim.upper is not None:  # a range has no value of its own
        lines += [entry(2, "lower", claim.lower, note("the text gives a range", True)), entry(2, "upper", claim.upper)]
    else:
        lines.append(entry(2, "value", claim.value, note(claim.unit_reason) if claim.unit_reason else ""))
    if claim.qualifier:
        lines.append(entry(2, "qualifier", claim.qualifier[0], note(f'"{claim.qualifier[1]}" in the text', True)))
    scopes = ", ".join(f"{s.id} ({s.label})" for s in topic.scopes.values()) if topic else "the topic's scopes"
    lines.append(entry(2, "scope", None, note(f"what the value covers, one of: {scopes}")))
    claimant = claim.claimant.entity
    lines.append(entry(2, "claimant", claimant.id if claimant else None, note(claim.claimant.reason, bool(claimant))))
    attribution = claim.claimant.attribution
    if attribution and not claimant and kind_of_source(attribution):
        reason = f'guessed from "{attribution}": what kind of source the text names'
        lines.append(entry(2, "claimant_kind", kind_of_source(attribution), note(reason, True)))
    if attribution:
        lines.append(entry(2, "attribution", attribution, note("the words the text uses", True)))
    citing = attribution if attribution == "Berichten zufolge" else claim.hearsay if cites(claim.hearsay) else None
    if citing and (citing == attribution or not claimant):
        lines.append(entry(2, "citing", citing, note("the text relies on earlier reports", True)))
    if claim.hearsay:
        lines.append("    " + note(f'hearsay: "{claim.hearsay}"')[2:])
    lines.append(entry(2, "excerpt", claim.excerpt))
    if claim.dates:
        lines.append("    # as_of candidates in the same sentence (default: the publication date):")
        lines += [f"    #   {describe_date(d)}" for d in claim.dates]
    return lines
