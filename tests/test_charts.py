"""SVG charts: one linked marker per claim, a text alternative, escaped labels, no script."""

import xml.etree.ElementTree as ET

from conftest import TODAY, write_content

from generator.pipeline import check
from generator.site.charts import nice_ceiling, render_topic_chart, time_ticks, value_axis

SVG = "{http://www.w3.org/2000/svg}"


def chart(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    topic = checked.analysis.topics["zahl"]
    return render_topic_chart(checked.dossier, topic.topic, topic.claims)


def test_numeric_topic_chart_links_every_claim_and_says_what_it_shows(tmp_path, content):
    figure = ET.fromstring(chart(tmp_path, content))
    svg = figure.find(f"{SVG}svg")
    assert (svg.get("role"), svg.get("aria-labelledby"), svg.get("aria-describedby")) == (
        "img",
        "chart-zahl-title",
        "chart-zahl-desc",
    )
    assert svg.findtext(f"{SVG}title") == "Zahl der Soldaten: Werte im Zeitverlauf"
    assert svg.findtext(f"{SVG}desc") == (
        "2 Angaben von 2 benannten Urhebern, Werte von 3.000 bis 10.000 Soldaten; "
        "Anna Muster: mindestens 3.000 (Stand 28. Oktober 2024); Amt: 10.000 (Stand 28. Oktober 2024)."
    )
    assert list(svg.iter(f"{SVG}a")) == []  # one image, no links inside it: the table below links the claims
    assert [g.findtext(f"{SVG}title") for g in svg.iter(f"{SVG}g")] == [
        "mindestens 3.000 Soldaten – Anna Muster, Stand 28. Oktober 2024",
        "10.000 Soldaten – Amt, Stand 28. Oktober 2024",
    ]
    assert figure.findtext("figcaption").startswith("Jeder Punkt ist eine Angabe")


def test_categorical_topics_have_no_chart(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    topic = checked.analysis.topics["lage"]
    assert render_topic_chart(checked.dossier, topic.topic, topic.claims) is None


def test_labels_are_escaped(tmp_path, content):
    content["people"][0]["name"] = "<script>alert(1)</script>"
    content["people"][0]["aliases"] = ["Anna Muster", "Muster"]
    text = chart(tmp_path, content)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    ET.fromstring(text)  # still well-formed


def test_scale_and_ticks():
    assert [nice_ceiling(v) for v in (0, 0.5, 9, 11, 2400, 13200)] == [1, 1, 10, 20, 2500, 20000]
    assert [value_axis(v) for v in (12000, 10000, 40000, 9)] == [(12500, 2500), (12500, 2500), (50000, 10000), (10, 2)]
    ticks = time_ticks(TODAY.replace(year=2024, month=1, day=1), TODAY.replace(year=2024, month=12, day=31))
    assert [t.month for t in ticks] == [1, 4, 7, 10]


def bars_and_arrows(svg) -> tuple[list[tuple[str, str]], int]:
    """Return the vertical bars (y1, y2) and the number of arrows of a chart."""
    bars = [(line.get("y1"), line.get("y2")) for line in svg.iter(f"{SVG}line") if line.get("stroke-width") == "4"]
    return bars, len(list(svg.iter(f"{SVG}path")))


def test_a_range_is_a_bar_a_single_bound_an_arrow_and_vague_words_are_named(tmp_path, content, meta):
    content["articles"]["erster-artikel"]["text"] += (
        "Das Amt schätzte 30.000 bis 40.000 Soldaten in Russland.\nHunderte Soldaten seien in Kursk.\n"
    )
    base = {"topic": "zahl", "scope": "russland", "claimant": "amt"}
    meta["claims"] += [
        {"id": "c3", "lower": 30000, "upper": 40000, "excerpt": "30.000 bis 40.000 Soldaten in Russland", **base},
        {"id": "c4", "vague": "Hunderte", "excerpt": "Hunderte Soldaten seien in Kursk", **base},
    ]
    meta["claims"][1].update(upper=10000, qualifier="bis zu")  # bis zu 10.000: an arrow, not a bar of no length
    figure = ET.fromstring(chart(tmp_path, content))
    svg = figure.find(f"{SVG}svg")
    (bar,), arrows = bars_and_arrows(svg)
    assert bar[0] != bar[1] and arrows == 2
    assert svg.findtext(f"{SVG}desc") == (
        "3 Angaben von 2 benannten Urhebern, Werte von 3.000 bis 40.000 Soldaten; Anna Muster: mindestens 3.000 "
        "(Stand 28. Oktober 2024); Amt: bis zu 10.000 (Stand 28. Oktober 2024), 30.000 bis 40.000 "
        "(Stand 28. Oktober 2024); ohne Zahl und nicht eingezeichnet: „Hunderte“."
    )
    titles = [g.findtext(f"{SVG}title") for g in svg.iter(f"{SVG}g")]
    assert titles[-1] == "30.000 bis 40.000 Soldaten – Amt, Stand 28. Oktober 2024"


def marker_centres(svg) -> list[tuple[str, str]]:
    """Return the centre of every circle marker inside a link."""
    return [(c.get("cx"), c.get("cy")) for a in svg.iter(f"{SVG}a") for c in a.iter(f"{SVG}circle")]


def centre(marker) -> float:
    """Return the horizontal centre of a circle, square or polygon marker."""
    if marker.get("cx"):
        return float(marker.get("cx"))
    if marker.get("x"):
        return float(marker.get("x")) + float(marker.get("width")) / 2
    return float(marker.get("points").split(",")[0])  # every polygon starts at its top or bottom tip


def test_markers_at_one_place_stand_side_by_side_at_the_start_of_their_period(tmp_path, content, meta):
    meta["claims"].append({**meta["claims"][1], "id": "c3", "claimant": "anna-muster"})  # 10.000 twice, one day
    meta["claims"][0]["as_of"] = {"date": "2024", "basis": "stated"}
    svg = ET.fromstring(chart(tmp_path, content)).find(f"{SVG}svg")
    markers = [next(m for m in g if m.tag != f"{SVG}title") for g in svg.iter(f"{SVG}g")]
    first, second, third = (centre(m) for m in markers)  # c1 ("2024"), then c2 and c3 (one day, one value)
    assert abs(first - 62) < 20  # "2024" stands at the start of the year, the left of the axis
    assert abs(third - second) >= 10  # one spot: side by side, not on top
