"""Loading the example pack gives the expected model objects."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_helpers import EXAMPLE_PACK

from zusammenleben.content import (
    DateSpan,
    IndicatorKind,
    PartialDate,
    Precision,
    builtin_pack_path,
    load_pack,
    summary,
)


@pytest.fixture(scope="module")
def example():
    result = load_pack(EXAMPLE_PACK)
    assert [e.format() for e in result.errors] == []
    assert result.ok
    return result.pack


def test_pack_metadata(example):
    assert example.id == "beispiel"
    assert example.languages == ("de", "nl")
    assert (example.start_year, example.end_year) == (2001, 2026)
    assert "chapter.body" in example.translatable
    assert Path(example.root) == EXAMPLE_PACK.resolve()
    assert example.map_path == ""


def test_summary_counts(example):
    assert summary(example) == {
        "chapters": 2,
        "events": 3,
        "indicators": 2,
        "data_points": 6,
        "partnerships": 2,
        "sources": 3,
        "glossary_terms": 3,
    }


def test_sources(example):
    somers = example.source("somers-oped")
    assert somers.date == DateSpan(PartialDate(2016, 11), PartialDate(2016, 12))
    assert somers.author == "Bart Somers" and somers.in_seeds is True
    assert example.source("rgre-survey").date is None


def test_chapters_in_file_order_with_body_paragraphs(example):
    assert [c.id for c in example.chapters] == ["city-2001", "security"]
    first = example.chapter("city-2001")
    assert first.years == DateSpan(PartialDate(2001))
    assert first.body == (
        "Im Jahr 2001 galt Mechelen als eine der schmutzigsten Städte Belgiens.",
        "Bei Wahlen stimmte ein großer Teil für den [Vlaams Belang](glossary:vlaams-belang),\n"
        "so berichtet es [das Interview](source:spiegel-2018-interview).",
        "- viele leere Läden\n- wenig Vertrauen",
    )
    assert first.quote.speaker == "Bart Somers" and first.quote.note == "aus dem Deutschen übersetzt"
    assert first.perspectives[0].criticism_source == "somers-oped"
    assert first.perspectives[0].critic == "Linke Kritiker"
    assert first.teacher_notes[0].text.startswith("Die Zahlen")
    assert first.questions[0].hint == "Denke an Zahlen und an Gefühle."
    assert first.image.path == "images/karte.png" and first.image.credit == "Beispiel"
    assert first.indicators == ("far-right-vote",) and first.glossary == ("vlaams-belang",)
    second = example.chapter("security")
    assert second.quote is None and second.perspectives == () and second.image is None
    assert second.years.first_year == 2001 and second.years.last_year == 2018


def test_events(example):
    book = example.events[2]
    assert book.date.start == PartialDate(2018, 2, 15)
    assert book.date.start.precision is Precision.DAY
    assert book.sources == ("spiegel-2018-interview", "somers-oped")
    assert example.events[0].tags == ("politik",) and example.events[1].chapter == ""


def test_series_indicator_keeps_disagreeing_sources(example):
    vote = example.indicator("far-right-vote")
    assert vote.kind is IndicatorKind.SERIES and vote.value_format == "percent"
    assert vote.keys() == (2000, 2012)
    disagreement = vote.disagreements()[2000]
    assert [(p.value, p.source, p.qualifier, p.line) for p in disagreement] == [
        (25.0, "somers-oped", "ein gutes Viertel", 2),
        (33.3, "spiegel-2018-interview", "jeder Dritte", 3),
    ]
    assert disagreement[1].note == "zeitweise, laut Interview"


def test_comparison_indicator(example):
    departures = example.indicator("is-departures")
    assert departures.kind is IndicatorKind.COMPARISON
    assert departures.keys() == ("Brüssel", "Vilvoorde", "Mechelen")
    assert departures.value_format == "number" and departures.disagreements() == {}


def test_places_partnerships_survey_glossary(example):
    assert example.place("borne").country == "NL" and example.place("mechelen").role == "focus"
    first = example.partnerships[0]
    assert first.period is None and first.period_raw == "" and first.partners[0].kind == "municipality"
    second = example.partnerships[1]
    assert second.period == DateSpan(PartialDate(2016, 4)) and second.aspect == "unknown"
    survey = example.survey
    assert [key for key, _ in survey.aspects] == ["a", "b", "c"]
    assert len(survey.findings) == 2 and survey.quote.source == "rgre-survey"
    assert example.term("integration").aliases == ("integriert",)


def test_builtin_pack_path_points_at_the_mechelen_pack():
    path = builtin_pack_path()
    assert path.parts[-2:] == ("packs", "mechelen")
    assert path.parent.parent.name == "resources"
