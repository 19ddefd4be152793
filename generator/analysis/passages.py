"""Where each quote, claim excerpt and event excerpt stands in its article's text: paragraph and characters."""

from __future__ import annotations

from generator.analysis.match import Normalised, Occurrences, closest, find_all, fold, normalise
from generator.content.load import Document
from generator.content.model import Article, Claim, Dossier, Quote, Span
from generator.problems import Problem


def locate_events(dossier: Dossier, problems: list[Problem]) -> None:
    """Set the span of every event's excerpt in its article, reporting those not in the text."""
    for event in dossier.events:
        article = dossier.articles[event.article]
        texts = [p.text for p in article.paragraphs]
        folded = [normalise(t) for t in texts]
        candidates = locate_parts([event.excerpt], folded)
        if candidates:
            event.spans = candidates[0]
        else:
            where = ("events", event.index, "excerpt")
            problems.append(
                not_found_problem(article, where, "event excerpt", [event.excerpt], texts, folded, event.meta)
            )


def locate_passages(article: Article, problems: list[Problem]) -> None:
    """Set the span of every quote part and claim excerpt, reporting those not in the text."""
    texts = [p.text for p in article.paragraphs]
    folded = [normalise(t) for t in texts]
    passages: list[tuple[Quote | Claim, tuple[object, ...], str, list[str]]] = [
        (quote, ("quotes", i, "text"), "quote", quote.parts) for i, quote in enumerate(article.quotes)
    ]
    passages += [
        (claim, ("claims", i, "excerpt"), "claim excerpt", [claim.excerpt]) for i, claim in enumerate(article.claims)
    ]
    for item, where, what, parts in passages:
        candidates = locate_parts(parts, folded)
        if not candidates:
            problems.append(not_found_problem(article, where, what, parts, texts, folded))
            continue
        item.spans = candidates[0]
        if len(candidates) > 1:
            numbers = ", ".join(str(c[0].paragraph) for c in candidates)
            message = f"{what} occurs {len(candidates)} times (paragraphs {numbers}); the first is highlighted"
            problems.append(article.meta.problem(where, message, warning=True))


def locate_parts(parts: list[str], folded: list[Normalised]) -> list[list[Span]]:
    """Return every placement of all parts, in order, within one paragraph.

    Each later part is looked for once per paragraph (`Occurrences`), not once per place of the first,
    and only in the paragraphs that hold the first (a substring test skips the others).
    """
    candidates = []
    first_part = fold(parts[0])
    for number, paragraph in enumerate(folded, start=1):
        if first_part not in paragraph.text:
            continue
        later = [Occurrences(part, paragraph) for part in parts[1:]]
        for first in find_all(parts[0], paragraph):
            spans = [Span(number, *first)]
            for part in later:
                following = part.first_from(spans[-1].end)
                if following is None:
                    break
                spans.append(Span(number, *following))
            else:
                candidates.append(spans)
    return candidates


def not_found_problem(
    article: Article,
    where: tuple[object, ...],
    what: str,
    parts: list[str],
    texts: list[str],
    folded: list[Normalised],
    doc: Document | None = None,
) -> Problem:
    """Explain a passage that is not in the text, naming the closest passage (reported in `doc`, else the YAML)."""
    txt = article.text_path.rsplit("/", 1)[-1]
    doc = doc or article.meta
    missing = next((i for i, p in enumerate(parts) if not any(find_all(p, f) for f in folded)), None)
    if missing is None:
        return doc.problem(where, f"{what} parts are not all in one paragraph of {txt}, in order")
    if len(parts) > 1:
        where = (*where, missing)
    if find_all(parts[missing], normalise(" ".join(texts))):
        return doc.problem(where, f"{what} spans more than one paragraph of {txt}; it must lie within one")
    index, passage, score = closest(parts[missing], texts)
    message = f'{what} not found in {txt}; closest passage (paragraph {index + 1}, {score:.0f}% similar): "{passage}"'
    return doc.problem(where, message)
