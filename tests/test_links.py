"""Link names and mentions (issue 15): passage links say where they go, entities are linked once per text.

The page-level effects (Tab stops, accessible names in the browser) are checked in test_browser.py.
"""

import posixpath
import re
from pathlib import Path

from conftest import TODAY, write_content
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import check
from generator.site.links import PageContext, relative_path

HOSTILE = 'Titel "mit" {Klammern} | <b>Tags</b> & mehr'
LABEL = re.compile(r'\{ aria-label="([^"]*)" \}')


def dossier_with(tmp_path, content, title="Erster Artikel", role="Sprecherin"):
    content["articles"]["erster-artikel"]["meta"]["title"] = title
    content["people"][0]["role"] = role
    return check(write_content(tmp_path, content), TODAY).dossier


def test_a_passage_link_shown_as_a_paragraph_sign_is_named_by_its_article(tmp_path, content):
    dossier = dossier_with(tmp_path, content)
    claim = dossier.articles["erster-artikel"].claims[0]
    elsewhere = PageContext("themen/zahl.md", dossier)
    assert elsewhere.passage(claim, None) == (
        '[¶ 2](../artikel/erster-artikel.md#c-c1){ aria-label="Beleg: Erster Artikel, ¶ 2" }'
    )
    assert LABEL.search(elsewhere.passage(claim, "Beleg")).group(1) == "Beleg: Erster Artikel, ¶ 2"
    own = PageContext("artikel/erster-artikel.md", dossier)
    assert own.passage(claim, None) == '[¶ 2](#c-c1){ aria-label="Beleg: ¶ 2 dieses Artikels" }'
    # a link whose words already say where it goes keeps them as its name
    assert "aria-label" not in elsewhere.passage(claim, "Erster Artikel, ¶ 2")


def test_an_article_title_cannot_break_out_of_the_link_name(tmp_path, content):
    dossier = dossier_with(tmp_path, content, title=HOSTILE)
    link = str(PageContext("themen/zahl.md", dossier).passage(dossier.articles["erster-artikel"].claims[0], None))
    name = LABEL.search(link).group(1)
    assert name == "Beleg: Titel mit Klammern bTags/b mehr, ¶ 2"
    assert link.count('"') == 2 and link.count("{") == 1 and "|" not in link and "<" not in link


def test_an_entity_is_linked_once_per_page_then_named_with_its_tooltip(tmp_path, content):
    dossier = dossier_with(tmp_path, content, role='Sprecherin <i>"x"</i> & Co')
    page = PageContext("artikel/erster-artikel.md", dossier)
    first = page.mention("anna-muster", "Anna Muster")
    assert first.startswith("[Anna Muster](../personen/anna-muster.md ")
    assert page.mention("anna-muster", "Muster*") == '<span title="Sprecherin ix/i Co">Muster&#42;</span>'
    assert page.mention("amt", "Amt").startswith("[Amt](")  # another entity: linked at its first mention
    assert "personen/anna-muster.md" in page.links


def test_a_repeated_mention_without_a_tooltip_is_plain_text(tmp_path, content):
    dossier = dossier_with(tmp_path, content)
    page = PageContext("artikel/erster-artikel.md", dossier)
    page.mention("kursk", "Kursk")
    assert page.mention("kursk", "Kursk") == '<span title="Region">Kursk</span>'
    dossier.entities["places"]["kursk"].category = None  # a place without a kind has no tooltip
    assert page.mention("kursk", "Kursks") == "Kursks"


def test_an_entity_is_linked_in_the_first_row_of_a_table_that_names_it(tmp_path, content):
    dossier = dossier_with(tmp_path, content)
    page = PageContext("themen/zahl.md", dossier)
    assert page.entity("anna-muster").startswith("[Anna Muster](")  # outside a table: every time a link
    assert page.entity("anna-muster").startswith("[Anna Muster](")
    assert page.table("dq-claims") == '<div class="dq-table dq-claims" markdown>'
    assert page.entity("anna-muster").startswith("[Anna Muster](")
    assert page.entity("anna-muster") == '<span title="Sprecherin">Anna Muster</span>'
    assert page.entity("anna-muster", anchor="zitate").startswith("[Anna Muster](")  # a link to a section stays
    assert page.end_table() == "</div>"
    page.table("dq-values")  # the next table links the name again, once
    assert page.entity("anna-muster").startswith("[Anna Muster](")
    assert page.entity("anna-muster", text="Muster*") == '<span title="Sprecherin">Muster&#42;</span>'
    page.end_table()
    assert page.entity("anna-muster").startswith("[Anna Muster](")


def test_a_generated_table_links_each_entity_once():
    from generator.site.render import Renderer

    checked = check(Path(__file__).parent.parent, TODAY)  # the bundled dossier: tables that name people twice
    pages = Renderer(checked.dossier, checked.analysis).render_encoded()
    for path, data in pages.items():
        if not path.endswith(".md"):
            continue
        for table in re.findall(r'<div class="dq-table[^>]*>(.*?)</div>', data.decode("utf-8"), re.S):
            targets = re.findall(r"\]\(((?:\.\./)*(?:personen|organisationen|orte)/[^)#\s]+)[ )]", table)
            assert len(targets) == len(set(targets)), (path, targets)


FOLDER = st.lists(st.sampled_from(["themen", "t", "personen", "x", "angaben"]), max_size=3)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(FOLDER, FOLDER, st.sampled_from(["index.md", "t.md", "x.json", "angaben.md"]))
def test_relative_path_is_posix_relpath(start: list[str], folders: list[str], name: str) -> None:
    target = "/".join([*folders, name])
    folder = "/".join(start) or "."
    assert relative_path(target, folder) == posixpath.relpath(target, folder)
