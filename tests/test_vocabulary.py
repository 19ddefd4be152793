"""The vocabulary's enums, the one value formatter, and the German and English words for both."""

from dataclasses import replace
from datetime import date

import pytest
from test_analyse import TOPIC as SOLDIERS  # numeric, in Soldaten, scoped "in Russland" or "in Kursk"

from generator.analysis.classify import classify
from generator.analysis.provenance import Source
from generator.content.model import ENTITY_KINDS, Claim, Dating, Dossier, Entity, Labelled, Topic
from generator.content.schema import json_schema
from generator.content.values import ClaimValue
from generator.content.vocabulary import (
    ORGANISATION_KINDS,
    Bound,
    DiscrepancyKind,
    EntityKind,
    Modality,
    PlaceKind,
    Qualifier,
    Reason,
    SourceKind,
    values,
)
from generator.site.labels import (
    DISCREPANCY_LABELS,
    MODALITY_LABELS,
    PLACE_KIND_LABELS,
    REASON_TEXTS,
    SOURCE_KIND_EXPLANATIONS,
    SOURCE_KIND_LABELS,
    claimant_name,
    entity_kind_label,
    reason_text,
    source_label,
    unnamed_claimant,
)
from generator.site.values import format_value
from generator.tools.english import DISCREPANCY_NAMES, MODALITY_NAMES, reason_words
from generator.tools.english import REASON_TEXTS as ENGLISH_REASONS

PLACE = Topic(
    id="ort",
    title="Ort",
    question="?",
    kind="categorical",
    unit=None,
    categories={"kursk": Labelled("kursk", "Region Kursk", "kursk")},
    exclusive=True,
    scopes={"einsatz": Labelled("einsatz", "Einsatz", None)},
    description=None,
)


def claim(value=None, qualifier=None, *, lower=None, upper=None, category=None, when="2024-10-28", **extra):
    year, month, day = ([int(p) for p in when.split("-")] + [None, None])[:3]
    start = date(year, month or 1, day or 1)
    end = date(year, month or 12, day or (28 if month else 31))
    fields = {"scope": "russland", "claimant": None, "attribution": None, "id": "c", **extra}
    return Claim(
        fields["id"], "x", "zahl", value, lower, upper, qualifier, category, Dating(when, "stated", None, start, end),
        False, fields["scope"], fields["claimant"], fields["attribution"], "e", None, source=fields["claimant"] or "",
    )  # fmt: skip


def test_qualifiers_know_their_word_bound_and_modality():
    assert [(q.word, q.bound, q.modality) for q in Qualifier] == [
        ("mindestens", Bound.AT_LEAST, Modality.STATEMENT),
        ("mehr als", Bound.ABOVE, Modality.STATEMENT),
        ("bis zu", Bound.AT_MOST, Modality.STATEMENT),
        ("höchstens", Bound.AT_MOST, Modality.STATEMENT),
        ("etwa", Bound.APPROXIMATE, Modality.STATEMENT),
        ("geplant", Bound.EXACT, Modality.EXPECTATION),
        ("erwartet", Bound.EXACT, Modality.EXPECTATION),
        ("möglicherweise", Bound.EXACT, Modality.SUPPOSITION),
    ]
    assert [q.word for q in Qualifier if q.is_lower_bound] == ["mindestens", "mehr als"]
    assert [q.word for q in Qualifier if q.is_upper_bound] == ["bis zu", "höchstens"]
    assert [q.word for q in Qualifier if q.is_approximation] == ["etwa"]
    assert (Qualifier.of(None), Qualifier.of("bis zu")) == (None, Qualifier.BIS_ZU)
    assert (Modality.of_qualifier(None), Modality.of_qualifier("etwa"), Modality.of_qualifier("geplant")) == (
        Modality.STATEMENT,
        Modality.STATEMENT,
        Modality.EXPECTATION,
    )
    with pytest.raises(ValueError):
        Qualifier.of("ungefähr")


def test_source_kinds_know_whether_they_act_for_a_state():
    state = ["government", "military", "intelligence", "state-media"]
    assert [k.value for k in SourceKind if k.acts_for_state] == state
    assert (*state, "media", "international", "group") == ORGANISATION_KINDS  # a person may also be "individual"
    assert SourceKind.of(None) is None and SourceKind.of("media") is SourceKind.MEDIA


def test_reasons_know_their_class_of_discrepancy():
    assert {reason.value: reason.kind.value for reason in Reason} == {
        "same-value": "agreement",
        "other-scope": "scope",
        "other-modality": "scope",
        "other-time": "change",
        "other-source-other-time": "disagreement",
        "overlapping-ranges": "agreement",
        "rounded": "agreement",
        "compatible-categories": "agreement",
        "incompatible": "contradiction",
        "incompatible-rough-date": "contradiction",
    }
    assert [k.value for k in DiscrepancyKind if k.is_discrepancy] == [
        "contradiction",
        "disagreement",
        "change",
        "scope",
    ]
    assert [k.value for k in DiscrepancyKind if k.is_dispute] == ["contradiction", "disagreement"]
    assert [k.value for k in DiscrepancyKind if k.is_shift] == ["contradiction", "change"]


def test_the_schema_takes_its_value_lists_from_the_vocabulary():
    claim_fields = json_schema("article")["properties"]["claims"]["items"]["properties"]
    assert claim_fields["qualifier"]["enum"] == list(values(Qualifier))
    assert claim_fields["claimant_kind"]["enum"] == list(values(SourceKind))
    assert json_schema("organisations")["items"]["properties"]["kind"]["enum"] == list(ORGANISATION_KINDS)
    assert json_schema("places")["items"]["properties"]["kind"]["enum"] == list(values(PlaceKind))
    assert values(EntityKind) == ENTITY_KINDS


def test_every_value_has_its_german_and_english_words():
    for table, vocabulary in [
        (SOURCE_KIND_LABELS, SourceKind),
        (SOURCE_KIND_EXPLANATIONS, SourceKind),
        (PLACE_KIND_LABELS, PlaceKind),
        (DISCREPANCY_LABELS, DiscrepancyKind),
        (MODALITY_LABELS, Modality),
        (REASON_TEXTS, Reason),
        (DISCREPANCY_NAMES, DiscrepancyKind),
        (MODALITY_NAMES, Modality),
        (ENGLISH_REASONS, Reason),
    ]:
        assert list(table) == list(vocabulary)
    assert SOURCE_KIND_LABELS[SourceKind.MEDIA] == "unabhängiges Medium"


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (ClaimValue(10000), False, "10.000"),
        (ClaimValue(10000, qualifier=Qualifier.ETWA), False, "etwa 10.000"),
        (ClaimValue(12000, upper=12000, qualifier=Qualifier.BIS_ZU), False, "bis zu 12.000"),
        (ClaimValue(12000, upper=12000, qualifier=Qualifier.BIS_ZU), True, "bis zu 12.000 Soldaten"),
        (ClaimValue(3000, 3000, 4000), False, "3.000 bis 4.000"),
        (ClaimValue(4000, 3000, 4000, qualifier=Qualifier.ETWA), True, "etwa 3.000 bis 4.000 Soldaten"),
        (ClaimValue(3500, 3000, 4000), False, "3.500 (3.000 bis 4.000)"),
        (ClaimValue(3500, lower=3000), False, "3.500 (ab 3.000)"),
        (ClaimValue(3500, upper=4000), False, "3.500 (bis 4.000)"),
        (ClaimValue(None, 3000, 4000), False, "3.000 bis 4.000"),
        (ClaimValue(None, lower=3000), True, "ab 3.000 Soldaten"),
        (ClaimValue(2.5, qualifier=Qualifier.MEHR_ALS), False, "mehr als 2,5"),
        (ClaimValue(12000, qualifier=Qualifier.ERWARTET), True, "erwartet 12.000 Soldaten"),
        (ClaimValue(None), False, "–"),
        (ClaimValue(None, 30000, 40000), True, "30.000 bis 40.000 Soldaten"),
        (ClaimValue(None, lower=3000, qualifier=Qualifier.MINDESTENS), True, "mindestens 3.000 Soldaten"),
        (ClaimValue(None, upper=12000, qualifier=Qualifier.BIS_ZU), False, "bis zu 12.000"),
        (ClaimValue(None, upper=12000), False, "bis 12.000"),
        (ClaimValue(vague="mehrere tausend"), True, "mehrere tausend Soldaten"),
        (ClaimValue(None, 2000, 5000, vague="Tausende"), False, "Tausende (2.000 bis 5.000)"),
        (ClaimValue(vague="Hunderte", qualifier=Qualifier.ERWARTET), False, "erwartet Hunderte"),
    ],
)
def test_one_formatter_writes_every_value_with_its_hedge(value, unit, shown):
    assert format_value(value, SOLDIERS, unit=unit) == shown


def test_the_formatter_takes_claims_and_categories():
    assert format_value(claim(12000, "bis zu", upper=12000), SOLDIERS, unit=True) == "bis zu 12.000 Soldaten"
    hedged = claim(category="kursk", qualifier="möglicherweise", scope="einsatz")
    assert format_value(hedged, PLACE) == "möglicherweise Region Kursk"
    assert format_value(hedged, PLACE, unit=True) == "möglicherweise Region Kursk"  # categories have no unit
    assert ClaimValue.of(claim(10000, "etwa")).grouped() == ClaimValue(10000)
    assert ClaimValue.of(claim(10000, "erwartet")).grouped() == ClaimValue(10000, qualifier=Qualifier.ERWARTET)


@pytest.mark.parametrize(
    ("a", "b", "reason", "german", "english"),
    [
        (claim(3000), claim(3000), Reason.SAME_VALUE, "gleicher Wert", "same value"),
        (claim(3000), claim(4000, scope="kursk"), Reason.OTHER_SCOPE, "verschiedener Bezug: in Russland / in Kursk",
         "different scopes: in Russland / in Kursk"),
        (claim(3000, "erwartet"), claim(4000), Reason.OTHER_MODALITY, "Erwartung gegenüber Feststellung",
         "expectation vs statement"),
        (claim(3000, "möglicherweise"), claim(4000, "geplant"), Reason.OTHER_MODALITY, "Vermutung gegenüber Erwartung",
         "supposition vs expectation"),
        (claim(3000, claimant="amt"), claim(4000, when="2025", claimant="amt"), Reason.OTHER_TIME,
         "derselbe Urheber zu verschiedenen Zeitpunkten: 28. Oktober 2024 / 2025",
         "one source at different dates: 2024-10-28 / 2025"),
        (claim(3000), claim(5000, when="2025", id="d"), Reason.OTHER_SOURCE_OTHER_TIME,
         "verschiedene Urheber, unvereinbare Werte zu verschiedenen Zeitpunkten: 28. Oktober 2024 / 2025",
         "different sources, incompatible values at different dates: 2024-10-28 / 2025"),
        (claim(4000), claim(3800), Reason.ROUNDED, "vereinbar, wenn runde Zahlen als gerundet gelten",
         "compatible once round numbers are read as rounded"),
        (claim(3000, "mindestens"), claim(4000), Reason.OVERLAPPING_RANGES, "Bereiche überschneiden sich",
         "ranges overlap"),
        (claim(3000), claim(5000), Reason.INCOMPATIBLE, "gleicher Bezug und Zeitraum, unvereinbare Werte",
         "same scope and period, incompatible values"),
        (claim(3000, when="2024-10"), claim(5000), Reason.INCOMPATIBLE_ROUGH_DATE,
         "gleicher Bezug und Zeitraum, unvereinbare Werte (Zeitpunkt nur ungenau bekannt)",
         "same scope and period, incompatible values (a date is known only roughly)"),
    ],
)  # fmt: skip
def test_reasons_are_said_in_german_on_the_site_and_in_english_in_the_diff(a, b, reason, german, english):
    comparison = classify(SOLDIERS, a, b)
    assert comparison.reason is reason
    assert (reason_text(comparison, SOLDIERS), reason_words(comparison, SOLDIERS)) == (german, english)


def test_compatible_categories_have_their_own_reason():
    both = replace(PLACE, exclusive=False, categories={**PLACE.categories, "x": Labelled("x", "anderswo", None)})
    a, b = (claim(category=c, scope="einsatz") for c in ("kursk", "x"))
    comparison = classify(both, a, b)
    assert comparison.reason is Reason.COMPATIBLE_CATEGORIES
    assert (reason_text(comparison, both), reason_words(comparison, both)) == (
        "Werte schließen sich nicht aus",
        "values do not exclude each other",
    )


def test_unnamed_claimants_and_source_kinds_are_written_one_way():
    dossier = Dossier("T", "S", [], {"people": {}, "organisations": {}, "places": {}}, {}, {}, {})
    assert claimant_name(dossier, claim(1, attribution="Nachrichtendienste")) == "nicht benannt („Nachrichtendienste“)"
    assert claimant_name(dossier, claim(1)) == "nicht benannt"
    assert unnamed_claimant("a*b", lambda text: text.replace("*", "&#42;")) == "nicht benannt („a&#42;b“)"
    nato = Entity.of("organisations", {"id": "nato", "name": "NATO", "kind": "international"})
    kursk = Entity.of("places", {"id": "kursk", "name": "Kursk", "kind": "region"})
    assert (entity_kind_label(nato), entity_kind_label(kursk)) == ("internationale Organisation", "Region")
    assert [
        source_label(Source("amt", nato, SourceKind.GOVERNMENT, True)),
        source_label(Source("amt", nato, None, False)),
        source_label(Source("", None, SourceKind.INTELLIGENCE, False)),
        source_label(Source("", None, None, False)),
    ] == ["Regierung/Behörde, Konfliktpartei", "nicht eingeordnet", "Nachrichtendienst, ohne Namen", "ohne Namen"]
