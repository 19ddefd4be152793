import pytest

from generator.language.numbers import format_number
from generator.site.escape import md_escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.000 Soldaten", "3.000 Soldaten"),
        ("*fett* und _kursiv_", "&#42;fett&#42; und &#95;kursiv&#95;"),
        ("<b>x</b> & y", "&#60;b&#62;x&#60;/b&#62; &#38; y"),
        ("[a](javascript:x)", "&#91;a&#93;(javascript:x)"),
        ("{: #id } | a", "&#123;: &#35;id &#125; &#124; a"),
        ("zwei\nZeilen", "zwei Zeilen"),
    ],
)
def test_md_escape(text, expected):
    assert md_escape(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Titel", "&#35; Titel"),
        ("!!! danger", "&#33;&#33;&#33; danger"),
        (" - eingerückt", "&#45; eingerückt"),
        ("Kanal #", "Kanal &#35;"),
        ("- Punkt", "&#45; Punkt"),
        ("28. Oktober 2024", "28&#46; Oktober 2024"),
        ("1) Punkt", "1&#41; Punkt"),
        ("3.000 Soldaten", "3.000 Soldaten"),
        ("Normal", "Normal"),
    ],
)
def test_line_start_syntax_is_neutralised(text, expected):
    assert md_escape(text) == expected


def test_none_is_a_template_bug():
    with pytest.raises(ValueError):
        md_escape(None)


@pytest.mark.parametrize(
    ("value", "text"), [(3000, "3.000"), (600000, "600.000"), (2.5, "2,5"), (12000.0, "12.000"), (2.999, "3")]
)
def test_german_numbers(value, text):
    assert format_number(value) == text
