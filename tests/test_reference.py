from conftest import REPO

from generator.content.reference import END, START, render_reference_tables


def test_readme_reference_matches_the_schema():
    readme = REPO.joinpath("README.md").read_text(encoding="utf-8")
    block = readme.split(START, 1)[1].split(END, 1)[0]
    assert block.strip() == render_reference_tables().strip(), (
        "README's content reference is out of date; refresh with: python -m generator.content.reference --update"
    )
