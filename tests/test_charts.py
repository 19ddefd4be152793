"""SVG charts: one linked marker per claim, a text alternative, escaped labels, no script."""

import xml.etree.ElementTree as ET

from conftest import TODAY, write_content

from generator.pipeline import check
from generator.site.charts import nice_ceiling, render_topic_chart, time_ticks

SVG = "{http://www.w3.org/2000/svg}"


def chart(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    topic = checked.analysis.topics["zahl"]
    return render_topic_chart(checked.dossier, topic.topic, topic.claims, lambda c: f"../x/#c-{c.id}")


def test_numeric_topic_chart_links_every_claim_and_says_what_it_shows(tmp_path, content):
    figure = ET.fromstring(chart(tmp_path, content))
    svg = figure.find(f"{SVG}svg")
    assert svg.get("aria-labelledby") == "chart-zahl-title chart-zahl-desc"
    assert svg.findtext(f"{SVG}title") == "Zahl der Soldaten: Werte im Zeitverlauf"
    assert svg.findtext(f"{SVG}desc") == (
        "2 Angaben von 2 Urhebern, Werte von 3.000 bis 10.000 Soldaten; "
        "Anna Muster: mindestens 3.000 (Stand 28. Oktober 2024); Amt: 10.000 (Stand 28. Oktober 2024)."
    )
    links = [(a.get("href"), a.findtext(f"{SVG}title")) for a in svg.iter(f"{SVG}a")]
    assert links == [
        ("../x/#c-c1", "mindestens 3.000 Soldaten – Anna Muster, Stand 28. Oktober 2024"),
        ("../x/#c-c2", "10.000 Soldaten – Amt, Stand 28. Oktober 2024"),
    ]
    assert figure.findtext("figcaption").startswith("Jeder Punkt ist eine Angabe")


def test_categorical_topics_have_no_chart(tmp_path, content):
    checked = check(write_content(tmp_path, content), TODAY)
    topic = checked.analysis.topics["lage"]
    assert render_topic_chart(checked.dossier, topic.topic, topic.claims, str) is None


def test_labels_are_escaped(tmp_path, content):
    content["people"][0]["name"] = "<script>alert(1)</script>"
    content["people"][0]["aliases"] = ["Anna Muster", "Muster"]
    text = chart(tmp_path, content)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    ET.fromstring(text)  # still well-formed


def test_scale_and_ticks():
    assert [nice_ceiling(v) for v in (0, 0.5, 9, 11, 2400, 13200)] == [1, 1, 10, 20, 2500, 20000]
    ticks = time_ticks(TODAY.replace(year=2024, month=1, day=1), TODAY.replace(year=2024, month=12, day=31))
    assert [t.month for t in ticks] == [1, 4, 7, 10]
