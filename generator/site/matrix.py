"""The "who said what" matrix: for each source (person or organisation) and claim topic, what they said."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.analysis.compare import Analysis
from generator.content.model import Claim, Entity, Quote, Topic

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
