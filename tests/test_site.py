"""Build the real site with `mkdocs build --strict` and read the HTML a reader gets."""

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, TODAY, write_content

from generator.build import build_site, generate

OFFICIALS = ["Sabrina Singh", "John Kirby", "Mark Rutte", "Wolodymyr Selenskyj", "Andrii Sybiha", "Boris Pistorius"]


class Elements(HTMLParser):
    """Collect tags with their attributes and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def copy_project(target: Path) -> Path:
    shutil.copytree(REPO / "content", target / "content")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("seed"))
    generate(root, today=TODAY)
    build_site(root)
    return root / "site"


def test_every_article_has_a_page(site):
    for txt in sorted((REPO / "content" / "articles").glob("*.txt")):
        assert (site / "artikel" / txt.stem / "index.html").is_file()


def test_discrepancy_table_shows_3000_10000_12000_with_claimants(site):
    page = parse(site / "themen" / "soldaten-in-russland" / "index.html")
    text = " ".join(page.text)
    for figure in ("3.000", "10.000", "12.000"):
        assert figure in text
    for claimant in ("US-Verteidigungsministerium", "Wolodymyr Selenskyj", "Ukrainische Geheimdienste"):
        assert claimant in text
    assert "Widerspruch" in text and "Unterschiedlicher Bezug" in text


def test_denial_and_confirmation_are_classified_as_change_over_time(site):
    text = " ".join(parse(site / "themen" / "anerkennung" / "index.html").text)
    assert "bestreitet den Einsatz" in text and "bestätigt den Einsatz" in text
    assert "Wandel über die Zeit (1)" in text


def test_locations_kursk_wladiwostok_pokrowsk(site):
    text = " ".join(parse(site / "themen" / "aufenthaltsort" / "index.html").text)
    for place in ("Region Kursk", "bei Wladiwostok", "Pokrowsk (Foto einer nordkoreanischen Flagge)"):
        assert place in text


def test_officials_are_quoted_on_their_pages(site):
    for name in [*OFFICIALS, "Ahn Chan-il"]:
        slug = name.lower().replace(" ", "-")
        text = " ".join(parse(site / "personen" / slug / "index.html").text)
        assert "Zitate" in text, name


def test_search_index_has_german_names(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = json.dumps(index, ensure_ascii=False)
    assert "Pjöngjang" in text and "Selenskyj" in text
    assert index["config"]["pipeline"] == ["trimmer"]


def test_no_third_party_requests_in_pages(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


def test_hostile_content_never_becomes_markup(tmp_path, content, meta, markup_passes_validation):
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
    meta["title"] = hostile
    meta["quotes"][0]["role"] = hostile
    content["people"][0]["role"] = hostile
    content["articles"]["erster-artikel"]["text"] += hostile + ".\n"
    root = write_content(tmp_path, content)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "pages").mkdir()
    for name in ("ueber.md", "methode.md"):
        (root / "content" / "pages" / name).write_text(f"# {name}\n", encoding="utf-8")
    generate(root, today=TODAY)
    build_site(root)
    for path in [
        root / "site" / "artikel" / "erster-artikel" / "index.html",
        root / "site" / "personen" / "anna-muster" / "index.html",
    ]:
        page = parse(path)
        scripts = [attrs for tag, attrs in page.tags if tag == "script" and not attrs.get("src")]
        assert all("alert" not in str(attrs) for attrs in scripts)
        assert not [attrs for tag, attrs in page.tags if tag == "img"]
        assert not [a for _, attrs in page.tags for k, a in attrs.items() if k.startswith("on")]
        assert not [a for _, attrs in page.tags for a in attrs.values() if a and a.startswith("javascript:")]
        assert "<script>alert(1)</script>" in " ".join(page.text)  # shown literally to the reader
