"""Build the real site with `mkdocs build --strict` and read the HTML a reader gets."""

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, TODAY, write_content

from generator.pipeline import generate
from generator.site.engine import SiteBuildError, build_site

OFFICIALS = ["Sabrina Singh", "John Kirby", "Mark Rutte", "Wolodymyr Selenskyj", "Andrii Sybiha", "Boris Pistorius"]


class Elements(HTMLParser):
    """Collect tags with their attributes and the page's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.jsonld: list[str] = []  # application/ld+json data blocks: data, never run
        self.in_script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.in_script = self.jsonld if dict(attrs).get("type") == "application/ld+json" else self.scripts

    def handle_endtag(self, tag):
        self.in_script = None

    def handle_data(self, data):
        (self.text if self.in_script is None else self.in_script).append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def copy_project(target: Path) -> Path:
    shutil.copytree(REPO / "content", target / "content")
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def write_project(tmp_path: Path, content: dict) -> Path:
    """Write a content tree with the project's mkdocs.yml and a stub for every page its nav names."""
    root = write_content(tmp_path, content)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "pages").mkdir()
    for page in (REPO / "content" / "pages").glob("*.md"):
        (root / "content" / "pages" / page.name).write_text(f"# {page.name}\n", encoding="utf-8")
    return root


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


def test_denial_and_confirmation_are_a_disagreement_between_sources(site):
    text = " ".join(parse(site / "themen" / "anerkennung" / "index.html").text)
    assert "bestreitet den Einsatz" in text and "bestätigt den Einsatz" in text
    assert "Abweichung zwischen Urhebern (1)" in text and "Wandel über die Zeit (1)" not in text


def test_locations_kursk_wladiwostok_pokrowsk(site):
    text = " ".join(parse(site / "themen" / "aufenthaltsort" / "index.html").text)
    for place in ("Region Kursk", "bei Wladiwostok", "Pokrowsk (Foto einer nordkoreanischen Flagge)"):
        assert place in text


def test_officials_are_quoted_on_their_pages(site):
    for name in [*OFFICIALS, "Ahn Chan-il"]:
        slug = name.lower().replace(" ", "-")
        text = " ".join(parse(site / "personen" / slug / "index.html").text)
        assert "Aussagen" in text and " Zitat " in text, name


def test_the_10000_figure_shows_its_articles_and_independent_claimants(site):
    text = " ".join(parse(site / "themen" / "soldaten-in-russland" / "index.html").text)
    # 10.000 stands in three articles; two of them repeat the Pentagon, so two independent claimants.
    # "erwartet 10.000" (by the end of the year, unnamed services) is a value of its own.
    flat = " ".join(text.split())
    assert "10.000 3 2 US-Geheimdienste (Nachrichtendienst); US-Verteidigungsministerium" in flat
    assert "erwartet 10.000 1 1 1 Angabe ohne Namen (Nachrichtendienst)" in flat
    ranking = " ".join(" ".join(parse(site / "quellenlage" / "index.html").text).split())
    assert "Anerkennung des Einsatzes 2 2 2" in ranking and "nur Konfliktparteien" in ranking


def jsonld_of(path: Path) -> list[dict]:
    return [json.loads(block) for block in parse(path).jsonld]


def test_article_pages_carry_news_article_json_ld(site):
    for page in sorted((site / "artikel").glob("*/index.html")):
        (data,) = jsonld_of(page)
        assert data["@type"] == "NewsArticle" and data["headline"], page
        assert data["mentions"] and all(m["@type"] in ("Person", "Organization", "Place") for m in data["mentions"])
        assert all(c["@type"] in ("Quotation", "Claim") and c["url"].startswith("./#") for c in data["citation"])
        assert "publisher" not in data  # no outlet is known for the seed articles


def test_topic_pages_carry_their_claims_as_json_ld(site):
    (data,) = jsonld_of(site / "themen" / "soldaten-in-russland" / "index.html")
    claims = data["itemListElement"]
    assert {c["@type"] for c in claims} == {"Claim"} and len(claims) == 8
    assert {c["appearance"]["@type"] for c in claims} == {"NewsArticle"}


def test_downloads_and_feeds_are_published(site):
    data = json.loads((site / "data" / "dossier.json").read_text(encoding="utf-8"))
    assert len(data["claims"]) == 23 and len(data["quotes"]) == 7
    assert (site / "data" / "claims.csv").read_text(encoding="utf-8").startswith("article,claim,topic,value")
    assert (site / "feeds" / "artikel.xml").read_text(encoding="utf-8").count("<entry>") == 5


def test_the_search_index_is_pagefinds_and_german(site):
    """`dossier build` indexes the site with Pagefind (tests/test_search.py asks it questions); MkDocs' own is off."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"] and entry["languages"]["de"]["page_count"] > 60
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "assets" / "search.js").is_file()


def test_no_third_party_requests_in_pages(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page


HOSTILE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="javascript:alert(3)"></iframe>'
    ' [x](javascript:alert(4)) <a href="javascript:alert(5)">y</a> {{ 7*7 }} {% raw %} !!! danger &lt;b&gt; *z*'
)


def poison(content, meta) -> None:
    """Append the hostile text to every free-text field a reader sees."""
    meta["title"] += HOSTILE
    meta["notes"] = [HOSTILE]
    meta["quotes"][0].update(role=HOSTILE, note=HOSTILE)
    meta["claims"][0].update(attribution=HOSTILE, note=HOSTILE, claimant=None)
    content["dossier"]["summary"] += HOSTILE
    for registry in ("people", "organisations", "places"):
        for entry in content[registry]:
            entry.update(description=HOSTILE)
    content["people"][0]["role"] += HOSTILE
    content["topics"][0].update(description=HOSTILE, question=HOSTILE)
    content["topics"][0]["scopes"][0]["label"] = "<script>alert(1)</script> [x](javascript:alert(4))"
    content["articles"]["erster-artikel"]["text"] += HOSTILE + ".\n"


def test_hostile_content_never_becomes_markup(tmp_path, content, meta):
    poison(content, meta)
    root = write_project(tmp_path, content)
    generate(root, today=TODAY)
    build_site(root)
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        page = parse(path)
        assert "alert" not in "".join(s for s in page.scripts), path
        for block in page.jsonld:  # content in JSON-LD is JSON data that cannot close its element
            assert "<" not in block and json.loads(block), path
        assert not [tag for tag, _ in page.tags if tag in ("iframe", "img", "object", "embed")], path
        assert not [k for _, attrs in page.tags for k in attrs if k.startswith("on")], path
        assert not [v for _, attrs in page.tags for v in attrs.values() if v and "javascript:" in v.lower()], path
        assert not [attrs for tag, attrs in page.tags if "danger" in (attrs.get("class") or "")], path
    article = " ".join(parse(root / "site" / "artikel" / "erster-artikel" / "index.html").text)
    assert "<script>alert(1)</script>" in article  # shown literally to the reader
    assert "{{ 7*7 }}" in article and "49" not in article
    assert "&lt;b&gt;" in article  # an entity in the text stays an entity, not a tag


def test_two_builds_give_identical_sites(tmp_path):
    """Byte-identical apart from the sitemap, which MkDocs stamps with the build date."""
    digests = []
    for seed, zone in (("1", "UTC"), ("7", "America/Los_Angeles")):
        root = copy_project(tmp_path / seed)
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": "C", "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build"], check=True, env=env)
        site = root / "site"
        digests.append(
            {
                p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*"))
                if p.is_file() and not p.name.startswith("sitemap.xml")
            }
        )
    assert digests[0] == digests[1]


def test_a_mkdocs_warning_fails_the_build_and_keeps_the_old_site(tmp_path, content, capsys):
    root = write_project(tmp_path, content)
    generate(root, today=TODAY)
    build_site(root)
    before = (root / "site" / "index.html").read_bytes()
    (root / "content" / "pages" / "ueber.md").write_text("# Über\n\n[kaputt](nirgends.md)\n", encoding="utf-8")
    generate(root, today=TODAY)
    with pytest.raises(SiteBuildError, match="mkdocs build failed with exit status 1"):
        build_site(root)
    assert "contains a link 'nirgends.md', but the target is not found" in capsys.readouterr().err
    assert (root / "site" / "index.html").read_bytes() == before
