"""Build the generated seed dossier with Zensical, MkDocs' successor, which reads mkdocs.yml."""

import re
import shutil
import subprocess

from conftest import REPO, TODAY

from generator.bench.measure import mkdocs, zensical
from generator.pipeline import generate


def test_zensical_builds_the_seed_dossier(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    generate(root, today=TODAY)
    result = subprocess.run(zensical(root, "site-zensical"), cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site-zensical"
    pages = sorted((root / "dossier").rglob("*.md"))
    assert len(pages) > 60
    for page in pages:
        name = page.relative_to(root / "dossier").with_suffix("")
        html = site / (name.parent if name.name == "index" else name) / "index.html"
        assert html.is_file(), html
    topic = (site / "themen" / "soldaten-in-russland" / "index.html").read_text(encoding="utf-8")
    assert "12.000" in topic and "Widerspruch" in topic
    assert not list(site.rglob(".dossier-*")), "the generator's own files must not be published"
    assert not (root / "site").exists(), "Zensical must build only where it is told to"


RAW_LINKS = {  # page → raw-HTML links written relative to the page's URL (directory URLs)
    "index.md": ["personen/kim/", "orte/moskau/#ort"],
    "personen/kim/index.md": ["../../orte/moskau/#ort", "../../", "#kim"],
    "orte/moskau.md": ["../personen/kim/"],  # not an index page: the engines disagree (docs/performance.md)
}


def built_links(site, page):
    """Return the hrefs of the raw-HTML paragraph of a built page."""
    url = page.removesuffix("index.md") if page.endswith("index.md") else page.removesuffix(".md") + "/"
    html = (site / url / "index.html").read_text(encoding="utf-8")
    paragraph = html[html.index('<p class="raw">') :]
    return re.findall(r'href="([^"]*)"', paragraph[: paragraph.index("</p>")])


def test_raw_html_links_of_index_pages_mean_the_same_in_mkdocs_and_zensical(tmp_path):
    """Pages written as `x/index.md` can carry raw-HTML links that both engines leave as written."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: docs\nsite_dir: site\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search:\n      enabled: false\nmarkdown_extensions:\n  - attr_list\n  - md_in_html\n",
        encoding="utf-8",
    )
    for page, links in RAW_LINKS.items():
        anchors = " ".join(f'<a href="{link}">{i}</a>' for i, link in enumerate(links))
        path = tmp_path / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        heading = "ort" if page.startswith("orte/") else "kim"
        path.write_text(f'# {heading} {{ #{heading} }}\n\n<p class="raw">{anchors}</p>\n', encoding="utf-8")
    for command in (mkdocs(tmp_path / "mkdocs.yml", tmp_path / "site-mkdocs"), zensical(tmp_path, "site-zensical")):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    for page, links in RAW_LINKS.items():
        in_mkdocs = built_links(tmp_path / "site-mkdocs", page)
        in_zensical = built_links(tmp_path / "site-zensical", page)
        assert in_mkdocs == links, page
        if page.endswith("index.md"):
            assert in_zensical == links, page
        else:
            assert in_zensical != links, f"{page}: Zensical no longer rewrites raw links of other pages"
