"""Static SVG charts, drawn at build time: no script, no third-party request, a text alternative each.

A numeric topic's chart puts every claim at its as-of period and its value. One rule places every
date, here and on the timeline: a marker stands at the start of its period, and a horizontal line
as long as the date is imprecise (a whole year for `2024`) shows how far it may reach. A range is a
vertical bar (with its marker in the middle when the text gives no value), "mindestens" or a lower
bound alone an arrow up, "bis zu" or an upper bound alone an arrow down. Vague quantities
("Hunderte") have no place on a value axis: the description names them. One series per claimant,
told apart by colour *and* marker shape, each with its claim as a tooltip. A chart is one image
(`role="img"`) with a name and a description, and links nowhere: the table below it links every
claim to its passage. Markers at one place stand side by side, so none hides another. With more
than `AGGREGATE_FROM` claims the chart keeps the sources with the most claims apart, draws the
others as one series, and shows per source and month only the latest claim (the caption says so).

Drawn 480 units wide with 15-unit text: a phone 390 pixels wide shows it at about three quarters,
so text stays above 11 pixels.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from generator.content.model import Claim, Dossier, Topic
from generator.content.values import ClaimValue
from generator.content.vocabulary import TopicKind
from generator.language.numbers import format_number
from generator.site.labels import claimant_name
from generator.site.values import format_value, stated_numbers, vague_words

WIDTH, PLOT_HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 62, 12, 30, 36
LEGEND_ROW = 22
DODGE = 11  # horizontal distance between markers that would stand on the same spot
AGGREGATE_FROM = 150  # claims from which the chart thins to each source's latest claim per month
MAX_SERIES = 8  # sources kept apart; the rest form one grey series
# Okabe-Ito colours (distinguishable with common colour-vision deficiencies), and one shape each.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#666666")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "circle", "square", "diamond")
MONTHS_SHORT = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez.")
# Inline presentation, so that the chart also reads outside the site; currentColor follows dark mode.
TEXT = 'fill="currentColor" font-size="15" font-family="sans-serif"'
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
    """Group claims by claimant, in order of first appearance; beyond MAX_SERIES the smallest groups as one."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claimant_name(dossier, claim), []).append(claim)
    if len(groups) > MAX_SERIES:
        largest = sorted(groups, key=lambda label: -len(groups[label]))[: MAX_SERIES - 1]
        others = [c for label, group in groups.items() if label not in largest for c in group]
        kept = {label: group for label, group in groups.items() if label in largest}
        groups = {**kept, f"{len(groups) - len(kept)} weitere Urheber": others}
    return [
        Series(label, COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)], tuple(group))
        for i, (label, group) in enumerate(groups.items())
    ]


def thinned(series: Series) -> Series:
    """Keep a series' latest claim per month of its as-of date."""
    latest: dict[tuple[int, int], Claim] = {}
    for claim in series.claims:
        key = (claim.as_of.start.year, claim.as_of.start.month)
        if key not in latest or claim.as_of.end >= latest[key].as_of.end:
            latest[key] = claim
    return Series(series.label, series.colour, series.shape, tuple(latest[key] for key in sorted(latest)))


def nice_ceiling(value: float) -> float:
    """Round up to 1, 2, 2.5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = float(10 ** (len(str(int(value))) - 1))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def value_axis(highest: float) -> tuple[float, float]:
    """Return (top, step): at most five round steps, the top just above the highest value."""
    step = nice_ceiling(highest * 1.02 / 5)
    return step * math.ceil(highest * 1.02 / step), step


def time_ticks(start: date, end: date) -> list[date]:
    """Return tick dates: every January for long spans, else every third month."""
    step = 12 if (end - start).days > 900 else 3
    months = [date(y, m, 1) for y in range(start.year, end.year + 2) for m in range(1, 13, step)]
    return [d for d in months if start <= d <= end]


def render_topic_chart(dossier: Dossier, topic: Topic, claims: list[Claim]) -> str | None:
    """Return a figure with the SVG chart of a numeric topic's values over time, or None if empty."""
    vague = vague_words(claims)
    claims = [c for c in claims if ClaimValue.of(c).numbers]
    if topic.kind != TopicKind.NUMERIC or not claims:
        return None
    series = series_of(dossier, claims)
    if len(claims) > AGGREGATE_FROM:
        series = [thinned(one) for one in series]
    start = min(c.as_of.start for c in claims) - timedelta(days=15)
    end = max(c.as_of.end for c in claims) + timedelta(days=15)
    top, step = value_axis(max(stated_numbers(claims)))
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return LEFT + (day - start).days / span * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (1 - value / top) * PLOT_HEIGHT

    height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_ROW * len(series)
    chart_id = f"chart-{topic.id}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dq-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{chart_id}-title" '
        f'aria-describedby="{chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(topic.title)}: Werte im Zeitverlauf</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(topic, claims, series, vague))}</desc>',
    ]
    parts += axes(top, step, start, end, x, y, topic.unit or "")
    offsets = dodged([claim for one in series for claim in one.claims], x, y)
    for one in series:
        for claim in one.claims:
            parts.append(draw_claim(claim, one, offsets[id(claim)], x, y, topic))
    parts += legend(series, TOP + PLOT_HEIGHT + BOTTOM)
    parts.append("</svg>")
    return f'<figure class="dq-figure">{"".join(parts)}<figcaption>{escape(caption(claims))}</figcaption></figure>'


def caption(claims: list[Claim]) -> str:
    """Say how to read the chart, and whether it thins the claims."""
    text = (
        "Jeder Punkt ist eine Angabe, am Anfang ihres Zeitraums (waagrechte Linie: so ungenau ist das Datum); "
        "senkrechte Balken zeigen Spannen, Pfeile „mindestens“ oder „bis zu“. Dieselben Daten stehen mit "
        "ihren Belegen in der Tabelle „Alle Angaben“."
    )
    if len(claims) > AGGREGATE_FROM:
        limit = format_number(AGGREGATE_FROM)
        text += f" Bei mehr als {limit} Angaben zeigt die Grafik je Urheber und Monat nur die jüngste."
    return text


def dodged(claims: list[Claim], x: Callable[[date], float], y: Callable[[float], float]) -> dict[int, float]:
    """Return each claim's horizontal offset: markers that would overlap stand side by side."""
    spots: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        spot = (round(x(claim.as_of.start) / DODGE), round(y(point_of(ClaimValue.of(claim))) / DODGE))
        spots.setdefault(spot, []).append(claim)
    return {id(claim): (k - (len(group) - 1) / 2) * DODGE for group in spots.values() for k, claim in enumerate(group)}


def point_of(value: ClaimValue) -> float:
    """Return where a claim's marker stands on the value axis: its value, or the middle of its range."""
    return value.number if value.number is not None else (min(value.numbers) + max(value.numbers)) / 2


def describe(topic: Topic, claims: list[Claim], series: list[Series], vague: list[str] | None = None) -> str:
    """Say in words what the chart shows, and which vague quantities it leaves out.

    Sources are counted as on the topic page: independent sources (a spokesperson as their
    organisation), and the claims whose texts name nobody apart.
    """
    values = stated_numbers(claims)
    left_out = "; ohne Zahl und nicht eingezeichnet: " + ", ".join(f"„{words}“" for words in vague) if vague else ""
    named = {source for claim in claims for source in claim.sources or (claim.source,) if source}
    unnamed = sum(1 for claim in claims if "" in (claim.sources or (claim.source,)))
    sources = f"{len(named)} benannten Urhebern" + (f" und {unnamed} ohne Namen" if unnamed else "")
    return (
        f"{len(claims)} Angaben von {sources}, Werte von {format_number(values[0])} bis "
        f"{format_number(values[-1])} {topic.unit or ''}".rstrip()
        + "; "
        + "; ".join(
            f"{s.label}: " + ", ".join(f"{format_value(c, topic)} (Stand {c.as_of.german()})" for c in s.claims)
            for s in series
        )
        + left_out
        + "."
    )


def axes(
    top: float,
    step: float,
    start: date,
    end: date,
    x: Callable[[date], float],
    y: Callable[[float], float],
    unit: str,
) -> list[str]:
    """Draw the value grid with German numbers and the time axis with German month names."""
    parts = []
    for i in range(round(top / step) + 1):
        value = step * i
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" {GRID}/>'
            f'<text {TEXT} x="{LEFT - 6}" y="{y(value) + 5:.1f}" text-anchor="end">'
            f"{escape(format_number(value))}</text>"
        )
    if unit:
        parts.append(f'<text {TEXT} x="4" y="{TOP - 14}">{escape(unit)}</text>')  # left-aligned: never clipped
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
    offset: float,
    x: Callable[[date], float],
    y: Callable[[float], float],
    topic: Topic,
) -> str:
    """Draw one claim: period line, range bar or arrow, and a marker with a tooltip."""
    value = ClaimValue.of(claim)
    numbers = value.numbers
    cx, cy = x(claim.as_of.start) + offset, y(point_of(value))
    colour = series.colour
    shapes = [
        f'<line x1="{x(claim.as_of.start):.1f}" x2="{x(claim.as_of.end):.1f}" y1="{cy:.1f}" y2="{cy:.1f}" '
        f'stroke="{colour}" stroke-width="2" stroke-opacity="0.45"/>'
    ]
    if value.is_range:
        low, high = y(min(numbers)), y(max(numbers))
        shapes.append(
            f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{low:.1f}" y2="{high:.1f}" stroke="{colour}" stroke-width="4"/>'
        )
    elif value.open_end:
        sign = -1 if value.open_end == "up" else 1
        tip = cy + sign * 22
        shapes.append(
            f'<path d="M{cx:.1f},{cy:.1f} V{tip:.1f} M{cx - 4:.1f},{tip - sign * 6:.1f} L{cx:.1f},{tip:.1f} '
            f'L{cx + 4:.1f},{tip - sign * 6:.1f}" stroke="{colour}" stroke-width="2" fill="none"/>'
        )
    tooltip = f"{format_value(claim, topic, unit=True)} – {series.label}, Stand {claim.as_of.german()}"
    return "".join(shapes) + f"<g><title>{escape(tooltip)}</title>{marker(series.shape, cx, cy, colour)}</g>"


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
    """Draw the legend, one claimant per row: on a phone two columns would not fit."""
    parts = []
    for i, one in enumerate(series):
        lx = 12
        ly = top + LEGEND_ROW * i + 10
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
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="timeline-title" '
        'aria-describedby="timeline-desc">',
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
        "Jeder Punkt ist ein datiertes Ereignis, eine Veröffentlichung oder eine Angabe, am Anfang seines "
        "Zeitraums; eine waagrechte Linie zeigt, wie ungenau das Datum ist (ein ganzes Jahr oder ein Monat). "
        "Alle Einträge stehen mit ihren Quellen auch in der Tabelle darunter."
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
    cx = x(mark.start)
    parts = [
        f'<line x1="{x(mark.start):.1f}" x2="{x(mark.end):.1f}" y1="{lane_y}" y2="{lane_y}" '
        f'stroke="{colour}" stroke-width="4" stroke-opacity="0.35"/>',
        f"<g><title>{escape(mark.label)}</title>" + marker("circle", cx, lane_y, colour, 5) + "</g>",
    ]
    if number is not None:
        parts.append(f'<text {TEXT} x="{cx:.1f}" y="{lane_y - 10:.1f}" text-anchor="middle">{number}</text>')
    return "".join(parts)
