"""Static SVG charts, drawn at build time: no script, no third-party request, a text alternative each.

A numeric topic's chart puts every claim at its as-of period (a horizontal line as long as the date is
imprecise: a whole year for `2024`) and its value; a range is a vertical bar, "mindestens" an arrow
up, "bis zu" an arrow down. One series per claimant, told apart by colour *and* marker shape; every
marker links to the claim's passage in its article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from generator.content.model import Claim, Dossier, Topic
from generator.content.vocabulary import Qualifier, TopicKind
from generator.language.numbers import format_number
from generator.site.labels import claimant_name
from generator.site.values import format_value

WIDTH, PLOT_HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 30, 34
LEGEND_ROW = 20
# Okabe-Ito colours (distinguishable with common colour-vision deficiencies), and one shape each.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#666666")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "circle", "square", "diamond")
MONTHS_SHORT = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez.")
# Inline presentation, so that the chart also reads outside the site; currentColor follows dark mode.
TEXT = 'fill="currentColor" font-size="13" font-family="sans-serif"'
GRID = 'stroke="currentColor" stroke-opacity="0.15"'
AXIS = 'stroke="currentColor" stroke-opacity="0.6"'


@dataclass(frozen=True)
class Series:
    """The claims of one claimant on a topic."""

    label: str
    colour: str
    shape: str
    claims: tuple[Claim, ...]


def series_of(dossier: Dossier, claims: list[Claim]) -> list[Series]:
    """Group claims by claimant, in order of first appearance."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claimant_name(dossier, claim), []).append(claim)
    return [
        Series(label, COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)], tuple(group))
        for i, (label, group) in enumerate(groups.items())
    ]


def nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = float(10 ** (len(str(int(value))) - 1))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def time_ticks(start: date, end: date) -> list[date]:
    """Return tick dates: every January for long spans, else every third month."""
    step = 12 if (end - start).days > 900 else 3
    months = [date(y, m, 1) for y in range(start.year, end.year + 2) for m in range(1, 13, step)]
    return [d for d in months if start <= d <= end]


def render_topic_chart(dossier: Dossier, topic: Topic, claims: list[Claim], href: Callable[[Claim], str]) -> str | None:
    """Return a figure with the SVG chart of a numeric topic's values over time, or None if empty."""
    claims = [c for c in claims if c.value is not None]
    if topic.kind != TopicKind.NUMERIC or not claims:
        return None
    series = series_of(dossier, claims)
    start = min(c.as_of.start for c in claims) - timedelta(days=15)
    end = max(c.as_of.end for c in claims) + timedelta(days=15)
    top = nice_ceiling(max(max(v for v in (c.value, c.upper) if v is not None) for c in claims) * 1.1)
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return LEFT + (day - start).days / span * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (1 - value / top) * PLOT_HEIGHT

    height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_ROW * ((len(series) + 1) // 2)
    chart_id = f"chart-{topic.id}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dq-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(topic.title)}: Werte im Zeitverlauf</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(topic, claims, series))}</desc>',
    ]
    parts += axes(top, start, end, x, y, topic.unit or "")
    for index, one in enumerate(series):
        for claim in one.claims:
            parts.append(draw_claim(claim, one, index, x, y, href(claim), topic))
    parts += legend(series, TOP + PLOT_HEIGHT + BOTTOM)
    parts.append("</svg>")
    caption = (
        "Jeder Punkt ist eine Angabe, am Stand ihres Zeitraums (waagrechte Linie: so ungenau ist das Datum); "
        "senkrechte Balken zeigen Spannen, Pfeile „mindestens“ oder „bis zu“. Ein Klick führt zur Belegstelle. "
        "Dieselben Daten stehen in der Tabelle „Alle Angaben“."
    )
    return f'<figure class="dq-figure">{"".join(parts)}<figcaption>{escape(caption)}</figcaption></figure>'


def describe(topic: Topic, claims: list[Claim], series: list[Series]) -> str:
    """Say in words what the chart shows."""
    values = sorted({c.value for c in claims if c.value is not None})
    return (
        f"{len(claims)} Angaben von {len(series)} Urhebern, Werte von {format_number(values[0])} bis "
        f"{format_number(values[-1])} {topic.unit or ''}".rstrip()
        + "; "
        + "; ".join(
            f"{s.label}: " + ", ".join(f"{format_value(c, topic)} (Stand {c.as_of.german()})" for c in s.claims)
            for s in series
        )
        + "."
    )


def axes(
    top: float, start: date, end: date, x: Callable[[date], float], y: Callable[[float], float], unit: str
) -> list[str]:
    """Draw the value grid with German numbers and the time axis with German month names."""
    parts = []
    for i in range(5):
        value = top * i / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" {GRID}/>'
            f'<text {TEXT} x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
            f"{escape(format_number(value))}</text>"
        )
    if unit:
        parts.append(f'<text {TEXT} x="{LEFT - 6}" y="{TOP - 14}" text-anchor="end">{escape(unit)}</text>')
    return parts + time_axis(start, end, x, TOP + PLOT_HEIGHT, LEFT)


def time_axis(start: date, end: date, x: Callable[[date], float], base: float, left: float) -> list[str]:
    """Draw the time axis at height `base`, with German month names."""
    parts = [f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{base}" y2="{base}" {AXIS}/>']
    for tick in time_ticks(start, end):
        label = str(tick.year) if tick.month == 1 else f"{MONTHS_SHORT[tick.month - 1]} {tick.year}"
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{base}" y2="{base + 5}" {AXIS}/>'
            f'<text {TEXT} x="{x(tick):.1f}" y="{base + 18}" text-anchor="middle">{escape(label)}</text>'
        )
    return parts


def draw_claim(
    claim: Claim,
    series: Series,
    index: int,
    x: Callable[[date], float],
    y: Callable[[float], float],
    link: str,
    topic: Topic,
) -> str:
    """Draw one claim: period line, range bar or arrow, and a linked marker with a tooltip."""
    assert claim.value is not None
    hedge = Qualifier.of(claim.qualifier)
    middle = claim.as_of.start + (claim.as_of.end - claim.as_of.start) / 2
    cx, cy = x(middle) + (index % 5 - 2) * 3, y(claim.value)  # a small offset keeps equal points apart
    colour = series.colour
    shapes = [
        f'<line x1="{x(claim.as_of.start):.1f}" x2="{x(claim.as_of.end):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
        f'stroke="{colour}" stroke-width="2" stroke-opacity="0.45"/>'
    ]
    if claim.lower is not None or claim.upper is not None:
        low = y(claim.lower if claim.lower is not None else claim.value)
        high = y(claim.upper if claim.upper is not None else claim.value)
        shapes.append(
            f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{low:.1f}" y2="{high:.1f}" stroke="{colour}" stroke-width="4"/>'
        )
    elif hedge and (hedge.is_lower_bound or hedge.is_upper_bound):
        sign = -1 if hedge.is_lower_bound else 1
        tip = cy + sign * 22
        shapes.append(
            f'<path d="M{cx:.1f},{cy:.1f} V{tip:.1f} M{cx - 4:.1f},{tip - sign * 6:.1f} L{cx:.1f},{tip:.1f} '
            f'L{cx + 4:.1f},{tip - sign * 6:.1f}" stroke="{colour}" stroke-width="2" fill="none"/>'
        )
    tooltip = f"{format_value(claim, topic, unit=True)} – {series.label}, Stand {claim.as_of.german()}"
    return (
        "".join(shapes)
        + f'<a href="{escape(link)}"><title>{escape(tooltip)}</title>{marker(series.shape, cx, cy, colour)}</a>'
    )


def marker(shape: str, cx: float, cy: float, colour: str, size: float = 6) -> str:
    """Return an SVG marker of a shape, centred on (cx, cy)."""
    style = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size}" {style}/>'
    if shape == "square":
        return f'<rect x="{cx - size:.1f}" y="{cy - size:.1f}" width="{2 * size}" height="{2 * size}" {style}/>'
    points = {
        "triangle": ((0, -1.2), (1.1, 0.9), (-1.1, 0.9)),
        "triangle-down": ((0, 1.2), (1.1, -0.9), (-1.1, -0.9)),
        "diamond": ((0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)),
    }[shape]
    coords = " ".join(f"{cx + dx * size:.1f},{cy + dy * size:.1f}" for dx, dy in points)
    return f'<polygon points="{coords}" {style}/>'


def legend(series: list[Series], top: float) -> list[str]:
    """Draw the legend in two columns: marker and claimant."""
    parts = []
    for i, one in enumerate(series):
        lx = LEFT + (i % 2) * (WIDTH - LEFT) / 2
        ly = top + LEGEND_ROW * (i // 2) + 10
        parts.append(
            marker(one.shape, lx, ly, one.colour, 5)
            + f'<text {TEXT} x="{lx + 12:.1f}" y="{ly + 4:.1f}">{escape(one.label)}</text>'
        )
    return parts


@dataclass(frozen=True)
class Mark:
    """One dated item on the timeline chart."""

    start: date
    end: date
    label: str
    href: str
    caption: bool = False  # print the label next to the marker (key events), not only as a tooltip


LANE_HEIGHT = 46


def render_timeline(lanes: list[tuple[str, list[Mark]]]) -> str | None:
    """Return a figure with one lane per kind of item (events, articles, claims) along a time axis."""
    marks = [m for _, items in lanes for m in items]
    if not marks:
        return None
    start = min(m.start for m in marks) - timedelta(days=20)
    end = max(m.end for m in marks) + timedelta(days=20)
    span = max((end - start).days, 1)
    left = 110

    def x(day: date) -> float:
        return left + (day - start).days / span * (WIDTH - left - RIGHT)

    captioned = [m for m in marks if m.caption]
    height = TOP + LANE_HEIGHT * len(lanes) + BOTTOM + LEGEND_ROW * len(captioned)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dq-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="timeline-title timeline-desc">',
        '<title id="timeline-title">Zeitleiste</title>',
        f'<desc id="timeline-desc">{escape(describe_timeline(lanes))}</desc>',
    ]
    for row, (name, items) in enumerate(lanes):
        lane_y = TOP + LANE_HEIGHT * row + LANE_HEIGHT / 2
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - RIGHT}" y1="{lane_y}" y2="{lane_y}" {GRID}/>'
            f'<text {TEXT} x="{left - 8}" y="{lane_y + 4}" text-anchor="end">{escape(name)}</text>'
        )
        colour = COLOURS[row % len(COLOURS)]
        for mark in items:
            number = captioned.index(mark) + 1 if mark.caption else None
            parts.append(draw_mark(mark, x, lane_y, colour, number))
    base = TOP + LANE_HEIGHT * len(lanes)
    parts += time_axis(start, end, x, base, left)
    for number, mark in enumerate(captioned, start=1):
        parts.append(
            f'<text {TEXT} x="{left}" y="{base + BOTTOM + LEGEND_ROW * (number - 1) + 4}">'
            f"{number}  {escape(mark.label)}</text>"
        )
    parts.append("</svg>")
    caption = (
        "Jeder Punkt ist ein datiertes Ereignis, eine Veröffentlichung oder eine Angabe; eine waagrechte Linie "
        "zeigt, wie ungenau das Datum ist (ein ganzes Jahr oder ein Monat). Ein Klick führt zur Quelle. "
        "Alle Einträge stehen auch in der Tabelle darunter."
    )
    return f'<figure class="dq-figure">{"".join(parts)}<figcaption>{escape(caption)}</figcaption></figure>'


def describe_timeline(lanes: list[tuple[str, list[Mark]]]) -> str:
    """Say in words what the timeline shows."""
    counts = "; ".join(f"{name}: {len(items)}" for name, items in lanes)
    marks = [m for _, items in lanes for m in items]
    first, last = min(m.start for m in marks), max(m.end for m in marks)
    return f"Zeitraum {first.year} bis {last.year}. {counts}."


def draw_mark(mark: Mark, x: Callable[[date], float], lane_y: float, colour: str, number: int | None) -> str:
    """Draw one item: its period, a linked marker, and for key events its number (named in the legend)."""
    cx = x(mark.start + (mark.end - mark.start) / 2)
    parts = [
        f'<line x1="{x(mark.start):.1f}" x2="{x(mark.end):.1f}" y1="{lane_y}" y2="{lane_y}" '
        f'stroke="{colour}" stroke-width="4" stroke-opacity="0.35"/>',
        f'<a href="{escape(mark.href)}"><title>{escape(mark.label)}</title>'
        + marker("circle", cx, lane_y, colour, 5)
        + "</a>",
    ]
    if number is not None:
        parts.append(f'<text {TEXT} x="{cx:.1f}" y="{lane_y - 10:.1f}" text-anchor="middle">{number}</text>')
    return "".join(parts)
