"""The "who said what" matrix: for each source (person or organisation) and claim topic, what they said."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.analysis.compare import Analysis
from generator.content.model import Claim, Entity, Quote, Topic
from generator.site.paging import MATRIX_CELLS, MATRIX_COLUMNS, MATRIX_ROWS

NO_TOPIC = ""  # the column of quotes that speak to no particular topic


@dataclass
class Matrix:
    """Rows of sources, columns of topics, and the quotes and claims in each cell."""

    rows: list[Entity]
    columns: list[Topic | None]
    cells: dict[tuple[str, str], list[Quote | Claim]] = field(default_factory=dict)

    def cell(self, entity: Entity, topic: Topic | None) -> list[Quote | Claim]:
        return self.cells.get((entity.id, topic.id if topic else NO_TOPIC), [])


def who_said_what(analysis: Analysis) -> Matrix:
    """Collect every quote (by speaker) and claim (by claimant) into source × topic cells."""
    d = analysis.dossier
    cells: dict[tuple[str, str], list[Quote | Claim]] = {}
    for article in sorted(d.articles.values(), key=lambda a: (a.published.start, a.id)):
        for quote in article.quotes:
            if quote.speaker:
                cells.setdefault((quote.speaker, quote.topic or NO_TOPIC), []).append(quote)
        for claim in article.claims:
            for claimant in dict.fromkeys(filter(None, claim.claimants)):
                cells.setdefault((claimant, claim.topic), []).append(claim)
    sources = {source for source, _ in cells}
    rows = sorted((d.entity(s) for s in sources), key=lambda e: (e.kind != "people", e.name))
    used = {topic for _, topic in cells}
    columns: list[Topic | None] = [t for t in sorted(d.topics.values(), key=lambda t: t.title) if t.id in used]
    if NO_TOPIC in used:
        columns.append(None)
    return Matrix(rows, columns, cells)


@dataclass(frozen=True)
class View:
    """One page of the matrix: its topic columns, its source rows, and how the navigation names them."""

    path: str
    group: int  # which group of columns (0: the key and most-claimed topics)
    columns: list[Topic | None]
    rows: list[Entity]
    label: str  # the sources it holds, "A – K" (empty on an unsplit group)


def views(matrix: Matrix, key_topics: list[str], path: str = "wer-sagt-was.md") -> list[View]:
    """Split a large matrix into pages of at most MATRIX_COLUMNS topics and MATRIX_ROWS sources; else one page."""
    entries = sum(len(items) for items in matrix.cells.values())
    if len(matrix.columns) <= MATRIX_COLUMNS and len(matrix.rows) <= MATRIX_ROWS and entries <= MATRIX_CELLS:
        return [View(path, 0, matrix.columns, matrix.rows, "")]

    def weight(t: Topic | None) -> int:
        return sum(len(matrix.cell(e, t)) for e in matrix.rows)

    ordered = sorted(
        matrix.columns,
        key=lambda t: (t is None, t is None or t.id not in key_topics, -weight(t), t.title if t else ""),
    )
    found = []
    for group, start in enumerate(range(0, len(ordered), MATRIX_COLUMNS)):
        columns = ordered[start : start + MATRIX_COLUMNS]
        rows = [e for e in matrix.rows if any(matrix.cell(e, t) for t in columns)]
        chunks = [rows[i : i + MATRIX_ROWS] for i in range(0, len(rows), MATRIX_ROWS)]
        for number, chunk in enumerate(chunks):
            where = path if group == number == 0 else f"wer-sagt-was/themen-{group + 1}-{number + 1}.md"
            label = f"{chunk[0].name} – {chunk[-1].name}" if len(chunks) > 1 else ""
            found.append(View(where, group, columns, chunk, label))
    return found
