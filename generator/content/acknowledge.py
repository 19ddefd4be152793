"""Read the `acknowledge` lists of articles and claims: findings of `dossier check` kept on purpose, with a reason."""

from __future__ import annotations

from typing import Any

from generator.content.load import Document
from generator.content.model import Acknowledgement, Article, acknowledgement
from generator.content.vocabulary import Check
from generator.problems import Problem


def read_acknowledgements(
    doc: Document, where: tuple[Any, ...], items: list[dict[str, Any]], problems: list[Problem]
) -> list[Acknowledgement]:
    """Build the acknowledgements of an article (`where` is empty) or a claim, reporting those in the wrong place."""
    on_claim = bool(where)
    for index, item in enumerate(items):
        check = Check(item["check"])
        at = (*where, "acknowledge", index)
        if check.on_claim != on_claim:
            place = "on the claim it is about" if check.on_claim else "in the article's own 'acknowledge' list"
            problems.append(doc.problem((*at, "check"), f"'{check}' is acknowledged {place}"))
        elif "figure" in item and check is not Check.FIGURE_NOT_CLAIMED:
            message = f"'figure' only names the figure of a '{Check.FIGURE_NOT_CLAIMED}' finding, not of '{check}'"
            problems.append(doc.problem((*at, "figure"), message, key=True))
    return Acknowledgement.of(items)


def finding(
    doc: Document,
    where: tuple[Any, ...],
    message: str,
    check: Check,
    acknowledged: list[Acknowledgement],
    *,
    figure: str | None = None,
    warning: bool = False,
    key: bool = False,
) -> Problem:
    """Report a finding of an acknowledgeable check, marked with the curator's reason if `acknowledged` holds it."""
    found = acknowledgement(acknowledged, check, figure)
    line, col = doc.at(where, key)
    reason = found.reason if found else None
    return Problem(doc.path, line, col, message, warning, check=check.value, acknowledged=reason)


def unused_acknowledgements(articles: list[Article], problems: list[Problem]) -> list[Problem]:
    """Warn about each acknowledgement that no finding of `dossier check` matches any more."""
    used = {(p.path, p.check, p.acknowledged) for p in problems if p.acknowledged is not None}
    found = []
    for article in articles:
        places: list[tuple[tuple[Any, ...], list[Acknowledgement]]] = [((), article.acknowledge)]
        places += [(("claims", i), claim.acknowledge) for i, claim in enumerate(article.claims)]
        for where, items in places:
            for index, item in enumerate(items):
                if (article.meta.path, item.check, item.reason) not in used:
                    message = f"acknowledged '{item.check}', but check finds nothing of it here any more; remove it"
                    found.append(article.meta.problem((*where, "acknowledge", index), message, warning=True))
    return found
