"""The mention matcher: registered names in German inflected forms, as whole words, longest name first."""

import pytest

from generator.analysis.mentions import compile_matcher, find_mentions, name_matches
from generator.content.model import Entity, Paragraph
from generator.language.passage import sentence_at


def entity(kind: str, name: str, *aliases: str, entity_id: str | None = None) -> Entity:
    return Entity(kind, entity_id or name.lower().replace(" ", "-"), name, list(aliases), {})


def found(kind: str, names: list[str], text: str) -> list[str]:
    """Return the words of `text` the matcher of `names` finds (through the fast path and without it)."""
    matcher = compile_matcher(kind, tuple(names))
    fast = [m.group() for m in name_matches(matcher, text)]
    assert fast == [m.group() for m in matcher.pattern.finditer(text)]
    return fast


def spellings(entities: list[Entity], text: str) -> list[tuple[str, str]]:
    """Return (entity id, words of the text) of every mention, in text order."""
    mentions = find_mentions(entities, [Paragraph(1, text, "text")], "a")
    return [(m.entity.id, text[m.start : m.end]) for m in mentions]


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (["Wladimir Putin", "Putin"], "Putins Krieg", ["Putins"]),
        (["Kim Jong Un", "Kim"], "Kims Truppen", ["Kims"]),
        (["Wolodymyr Selenskyj", "Selenskyj"], "Selenskyjs Warnung", ["Selenskyjs"]),
        (["Kim Jong Un", "Kim"], "Kim Jong Uns Eliteeinheit", ["Kim Jong Uns"]),
        (["Boris Pistorius", "Boris"], "Boris' Rede und Boris Pistorius' Plan", ["Boris'", "Boris Pistorius'"]),
        (["Putin"], "Putin’s Krieg, Putin's Plan", ["Putin’s", "Putin's"]),
        (["Kim"], "Kimberly und Kimchi", []),
        (["Putin"], "Putinismus", []),
        (["Anne Will"], "Annen Will, Annes Will, Anne Willen", []),
        (["Putin"], "Putinen, Putine, Putines", []),
        (["Singh"], "Singh' Rede", ["Singh"]),  # the bare apostrophe only after s, ß, x, z
        (["Boris", "Kim"], "Kim' und Boris' Rede", ["Kim", "Boris'"]),
    ],
)
def test_people_take_only_the_genitive(names, text, expected):
    assert found("people", names, text) == expected


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (["Moskau"], "Moskaus Führung", ["Moskaus"]),
        (["Kursk"], "Kursks Grenze", ["Kursks"]),
        (["Roter Platz"], "auf dem Roten Platz", ["Roten Platz"]),
        (["Roter Platz"], "im Roten Platz", ["Roten Platz"]),
        (["Roter Platz"], "des Roten Platzes", ["Roten Platzes"]),
        (["Region Kursk"], "in der Region Kursk", ["Region Kursk"]),
        (["Roter Platz"], "der roten Platz", []),  # a place's adjectives keep their capital
        (["Roter Platz"], "Rot Platz", []),  # an adjective has an ending
        (["Moskau"], "Moskauer Zeit", []),
    ],
)
def test_places_take_the_genitive_and_decline_their_adjectives(names, text, expected):
    assert found("places", names, text) == expected


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (
            ["Südkoreanischer Geheimdienst"],
            "laut des südkoreanischen Geheimdienstes",
            ["südkoreanischen Geheimdienstes"],
        ),
        (["Russische Streitkräfte"], "mit russischen Streitkräften", ["russischen Streitkräften"]),
        (
            ["Koreanische Zentrale Nachrichtenagentur"],
            "nach der Koreanischen Zentralen Nachrichtenagentur",
            ["Koreanischen Zentralen Nachrichtenagentur"],
        ),
        (
            ["Nationaler Sicherheitsrat der USA"],
            "Sprecher des Nationalen Sicherheitsrats der USA",
            ["Nationalen Sicherheitsrats der USA"],
        ),
        (["Kreml"], "des Kremls", ["Kremls"]),
        (["Pentagon"], "des Pentagons", ["Pentagons"]),
        (["US-Geheimdienste"], "nach US-Geheimdiensten", ["US-Geheimdiensten"]),
        (["Pentagon"], "Pentagon-Sprecherin", ["Pentagon"]),
        (["Nationaler Sicherheitsrat der USA"], "des Nationalen Sicherheitsrats der UdSSR", []),  # after the head
        (["Nationaler Sicherheitsrat der USA"], "der nationale sicherheitsrat der USA", []),  # the head keeps its case
        (["Nationaler Sicherheitsrat der USA"], "National Sicherheitsrat der USA", []),
        (["Linke"], "die linke Hand, den linken Flügel", []),  # a lower-case adjective is not the noun "Linke"
        (["Linke"], "Abgeordnete der Linken", ["Linken"]),
        (["Kreml"], "Kremlin und Kremlchef", []),
        (["Rat"], "zu Raten, eine Rate, des Rats", ["Rats"]),  # a short head noun takes only the genitive
    ],
)
def test_organisations_decline_adjectives_and_head_noun(names, text, expected):
    assert found("organisations", names, text) == expected


def test_the_longest_name_wins():
    kim = entity("people", "Kim Jong Un", "Kim")
    assert spellings([kim], "Kim Jong Un und Kim") == [("kim-jong-un", "Kim Jong Un"), ("kim-jong-un", "Kim")]


def test_a_mention_inside_a_longer_mention_of_another_entity_is_dropped():
    council = entity("organisations", "Nationaler Sicherheitsrat der USA", entity_id="nsc")
    usa = entity("places", "USA")
    text = "Der Sprecher des Nationalen Sicherheitsrats der USA sprach für die USA."
    assert spellings([usa, council], text) == [("nsc", "Nationalen Sicherheitsrats der USA"), ("usa", "USA")]


def test_mentions_carry_their_sentence():
    army = entity("organisations", "Russische Streitkräfte", entity_id="ru")
    text = "Erster Satz. Zweiter Satz mit russischen Streitkräften. Dritter."
    [mention] = find_mentions([army], [Paragraph(3, text, "text")], "artikel")
    assert (mention.article, mention.paragraph, mention.sentence) == (
        "artikel",
        3,
        "Zweiter Satz mit russischen Streitkräften.",
    )


def test_a_matcher_looks_for_both_cases_of_a_declinable_first_letter():
    matcher = compile_matcher("organisations", ("Russische Streitkräfte", "russischen Streitkräften", "Kreml"))
    assert matcher.anchors == ("Kreml", "Russisch", "russisch")


def test_sentence_context():
    text = "Erster Satz. Zweiter Satz mit Putin. Dritter."
    assert sentence_at(text, text.index("Putin")) == "Zweiter Satz mit Putin."
