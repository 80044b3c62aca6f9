"""Field-level problems: required fields, types, unknown keys, ids, dates, codes, coordinates, CSV cells."""

from __future__ import annotations

import pytest
from content_helpers import append, line_of, problems, replace


def test_unknown_key_is_a_typo(pack):
    line = replace(pack, "chapters.toml", 'title = "Sicherheit"', 'titel = "Sicherheit"')
    header = line_of(pack, "chapters.toml", "[[chapter]]", occurrence=2)
    assert problems(pack) == [
        f"chapters.toml:{header}: chapter.title: required field is missing",
        f"chapters.toml:{line}: chapter.titel: unknown field (a typo?)",
    ]


def test_unknown_key_in_nested_tables(pack):
    quote = replace(
        pack, "chapters.toml", 'speaker = "Bart Somers"', 'sprecher = "Bart Somers"\nspeaker = "B. S."'
    )
    inline = replace(pack, "chapters.toml", 'credit = "Beispiel"', 'credit = "Beispiel", breite = 3')
    partner = replace(pack, "partnerships.toml", 'kind = "municipality"', 'art = "municipality"')
    assert problems(pack) == [
        f"chapters.toml:{inline}: chapter.image.breite: unknown field (a typo?)",
        f"chapters.toml:{quote}: chapter.quote.sprecher: unknown field (a typo?)",
        f"partnerships.toml:{partner}: partnership.partner.art: unknown field (a typo?)",
    ]


def test_unknown_top_level_table(pack):
    line = append(pack, "events.toml", '[[evnet]]\nid = "x"\n')
    assert problems(pack) == [f"events.toml:{line}: evnet: unknown field (a typo?)"]


def test_required_field_missing_points_at_its_table(pack):
    replace(pack, "events.toml", 'label = "Wahl 2012"\n', "")
    header = line_of(pack, "events.toml", "[[event]]", occurrence=2)
    assert problems(pack) == [f"events.toml:{header}: event.label: required field is missing"]


def test_required_field_in_inline_table(pack):
    line = replace(pack, "chapters.toml", ', credit = "Beispiel"', "")
    assert problems(pack) == [f"chapters.toml:{line}: chapter.image.credit: required field is missing"]


def test_required_text_must_not_be_empty_but_period_raw_may(pack):
    line = replace(pack, "sources.toml", 'kind = "Umfrage"', 'kind = "  "')
    assert problems(pack) == [f"sources.toml:{line}: source.kind: must not be empty"]


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "message"),
    [
        (
            "pack.toml",
            "start_year = 2001",
            'start_year = "2001"',
            "pack.start_year",
            "expected a whole number",
        ),
        ("pack.toml", "start_year = 2001", "start_year = true", "pack.start_year", "expected a whole number"),
        (
            "pack.toml",
            "start_year = 2001",
            "start_year = 2001.0",
            "pack.start_year",
            "expected a whole number",
        ),
        ("pack.toml", 'version = "2026.11"', "version = 2026.11", "pack.version", "expected text in quotes"),
        ("sources.toml", "in_seeds = true", 'in_seeds = "ja"', "source.in_seeds", "expected true or false"),
        (
            "chapters.toml",
            'sources = ["spiegel-2018-interview"]',
            'sources = "spiegel-2018-interview"',
            "chapter.sources",
            "expected a list [ … ]",
        ),
        (
            "events.toml",
            'tags = ["politik"]',
            'tags = ["politik", 3]',
            "event.tags",
            "expected text in quotes",
        ),
        (
            "events.toml",
            'date = "2001-01-01"',
            "date = 2001-01-01",
            "event.date",
            'dates are text: write "2001-01-01" in quotes',
        ),
        (
            "chapters.toml",
            'image = { path = "images/karte.png", alt = "Eine kleine Karte", credit = "Beispiel" }',
            'image = "images/karte.png"',
            "chapter.image",
            "expected a table { … }",
        ),
    ],
)
def test_types(pack, file, old, new, field, message):
    line = replace(pack, file, old, new)
    assert problems(pack) == [f"{file}:{line}: {field}: {message}"]


def test_table_array_of_wrong_kind(pack):
    (pack / "glossary.toml").write_text('[term]\nid = "a"\n', "utf-8")
    found = problems(pack)
    assert "glossary.toml:1: term: expected [[term]] tables" in found


def test_empty_chapter_list(pack):
    (pack / "chapters.toml").write_text("# noch leer\n", "utf-8")
    assert "chapters.toml: chapter: at least one entry is needed" in problems(pack)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2016-13", "'2016-13' is not a real calendar date"),
        ("2015-02-29", "'2015-02-29' is not a real calendar date"),
        ("2016-1", "'2016-1' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or two of these joined by '/'"),
        (
            "16.11.2016",
            "'16.11.2016' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or two of these joined by '/'",
        ),
        (
            "2016/2017/2018",
            "'2016/2017/2018' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or two of these joined by '/'",
        ),
        ("2018-03/2018-02", "the range '2018-03/2018-02' starts after it ends"),
        ("2016-11-16/2016-11-13", "the range '2016-11-16/2016-11-13' starts after it ends"),
        ("2016-04-31/2016-05", "'2016-04-31/2016-05' is not a real calendar date"),
        ("1999", "'1999' lies outside the pack's years 2001–2026"),
    ],
)
def test_dates(pack, value, message):
    line = replace(pack, "events.toml", 'date = "2012-10"', f'date = "{value}"')
    assert problems(pack) == [f"events.toml:{line}: event.date: {message}"]


@pytest.mark.parametrize("value", ["2016-02-29", "2016-04/2016", "2015-09/2018-08", "2000/2001", "2016/2016"])
def test_good_dates(pack, value):
    replace(pack, "events.toml", 'date = "2012-10"', f'date = "{value}"')
    assert problems(pack) == []


@pytest.mark.parametrize("value", ["City-2001", "city_2001", "city--2001", "-city", "städte", ""])
def test_bad_ids(pack, value):
    line = replace(pack, "chapters.toml", 'id = "security"', f'id = "{value}"')
    expected = (
        "must not be empty"
        if value == ""
        else f"'{value}' is not a valid id (lowercase letters a–z, digits and '-')"
    )
    assert f"chapters.toml:{line}: chapter.id: {expected}" in problems(pack)


def test_duplicate_ids(pack):
    first = line_of(pack, "glossary.toml", 'id = "integration"')
    line = replace(pack, "glossary.toml", 'id = "buergermeister"', 'id = "integration"')
    assert problems(pack) == [
        f"glossary.toml:{line}: term.id: duplicate id 'integration' (first used on line {first})"
    ]


def test_duplicate_place_ids(pack):
    line = append(pack, "places.csv", "mechelen,Mecheln,BE,51.03,4.48,focus\n")
    assert problems(pack) == [f"places.csv:{line}: id: duplicate id 'mechelen' (first used on line 2)"]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("LIT", "'LIT' is not an ISO 3166-1 alpha-2 code"),
        ("UK", "'UK' is not an ISO 3166-1 alpha-2 code (use 'GB')"),
        ("EL", "'EL' is not an ISO 3166-1 alpha-2 code (use 'GR')"),
        ("nl", "'nl' is not an ISO 3166-1 alpha-2 code (use 'NL')"),
    ],
)
def test_partner_country_codes(pack, code, message):
    line = replace(pack, "partnerships.toml", 'country = "NL"', f'country = "{code}"')
    assert problems(pack) == [f"partnerships.toml:{line}: partnership.partner.country: {message}"]


def test_place_country_code(pack):
    line = replace(pack, "places.csv", "borne,Borne,NL", "borne,Borne,XX")
    found = problems(pack)
    assert f"places.csv:{line}: country: 'XX' is not an ISO 3166-1 alpha-2 code" in found


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("borne,Borne,NL,95.1,6.7517,partner", "lat: latitude 95.1 is not between -90 and 90"),
        ("borne,Borne,NL,52.3006,-180.5,partner", "lon: longitude -180.5 is not between -180 and 180"),
        (
            'borne,Borne,NL,"52,3",6.7517,partner',
            "lat: '52,3' is not a number (use '.' as the decimal point)",
        ),
        ("borne,Borne,NL,nan,6.7517,partner", "lat: 'nan' is not a number (use '.' as the decimal point)"),
        ("borne,Borne,NL,52.3,6.75,Partner", "role: 'Partner' is not one of: focus, german, partner"),
        ("borne,Borne,NL,52.3,6.75", "the row has 5 fields, the header 6"),
    ],
)
def test_places_csv_cells(pack, row, message):
    line = replace(pack, "places.csv", "borne,Borne,NL,52.3006,6.7517,partner", row)
    assert f"places.csv:{line}: {message}" in problems(pack)


def test_choices(pack):
    kind = replace(pack, "indicators.toml", 'kind = "comparison"', 'kind = "vergleich"')
    fmt = replace(pack, "indicators.toml", 'value_format = "percent"', 'value_format = "prozent"')
    aspect = replace(pack, "partnerships.toml", 'aspect = "a"', 'aspect = "d"')
    assert problems(pack) == [
        f"indicators.toml:{fmt}: indicator.value_format: 'prozent' is not one of: number, percent, change",
        f"indicators.toml:{kind}: indicator.kind: 'vergleich' is not one of: series, comparison",
        f"partnerships.toml:{aspect}: partnership.aspect: 'd' is not one of: a, b, c, unknown",
    ]


def test_survey_aspect_keys(pack):
    line = replace(pack, "partnerships.toml", "aspects = { a =", "aspects = { x =")
    assert problems(pack) == [f"partnerships.toml:{line}: survey.aspects.x: 'x' is not one of: a, b, c"]


def test_event_label_length(pack):
    line = replace(pack, "events.toml", 'label = "Wahl 2012"', 'label = "Kommunalwahl in Mechelen 2012"')
    assert problems(pack) == [
        f"events.toml:{line}: event.label: the label has 29 characters; at most 24 fit on the time bar"
    ]


def test_translatable_names_must_be_known(pack):
    line = replace(pack, "pack.toml", '"chapter.lead",', '"chapter.lede",')
    assert problems(pack) == [
        f"pack.toml:{line}: pack.translatable: 'chapter.lede' is not a known text field"
    ]


def test_languages(pack):
    line = replace(pack, "pack.toml", 'source_language = "de"', 'source_language = "fr"')
    langs = replace(pack, "pack.toml", 'languages = ["de", "nl"]', 'languages = ["de", "Niederländisch"]')
    assert problems(pack) == [
        f"pack.toml:{line}: pack.source_language: the source language 'fr' is not in languages",
        f"pack.toml:{langs}: pack.languages: 'Niederländisch' is not a language code such as 'de' or 'nl'",
    ]


def test_years_reversed(pack):
    line = replace(pack, "pack.toml", "end_year = 2026", "end_year = 2000")
    assert f"pack.toml:{line}: pack.end_year: start_year 2001 is after end_year 2000" in problems(pack)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("2012,8.7,", "2012,8,7,", "the row has 6 fields, the header 5"),
        ("2012,8.7,", "2012,acht,", "value: 'acht' is not a number (use '.' as the decimal point)"),
        ("2012,8.7,", "2012,inf,", "value: 'inf' is not a number (use '.' as the decimal point)"),
        ("2012,8.7,", "um 2012,8.7,", "year: 'um 2012' is not a year"),
        ("2012,8.7,spiegel-2018-interview", "2012,8.7,", "source: required field is missing"),
    ],
)
def test_series_csv_cells(pack, old, new, message):
    line = replace(pack, "indicators/far-right-vote.csv", old, new)
    assert problems(pack) == [f"indicators/far-right-vote.csv:{line}: {message}"]


def test_csv_header(pack):
    replace(pack, "indicators/is-departures.csv", "label,value,source", "ort,value,source")
    assert problems(pack) == [
        "indicators/is-departures.csv:1: the header lacks the column 'label'",
        "indicators/is-departures.csv:1: unknown column 'ort'",
    ]


def test_csv_without_rows(pack):
    (pack / "indicators" / "is-departures.csv").write_text("label,value,source\n", "utf-8")
    assert problems(pack) == ["indicators/is-departures.csv: at least one entry is needed"]
