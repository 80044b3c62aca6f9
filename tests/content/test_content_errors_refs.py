"""Cross-file problems: unknown ids, conflicting data, places and countries, Markdown links."""

from __future__ import annotations

import pytest
from content_helpers import append, line_of, problems, replace

from zusammenleben.content import load_pack


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        (
            "chapters.toml",
            'sources = ["somers-oped", "spiegel-2018-interview"]',
            'sources = ["somers-oped", "spiegel"]',
            "chapter.sources",
        ),
        (
            "chapters.toml",
            'source = "spiegel-2018-interview"\nnote',
            'source = "spiegel"\nnote',
            "chapter.quote.source",
        ),
        (
            "chapters.toml",
            'claim_source = "spiegel-2018-interview"',
            'claim_source = "spiegel"',
            "chapter.perspective.claim_source",
        ),
        (
            "chapters.toml",
            'criticism_source = "somers-oped"',
            'criticism_source = "spiegel"',
            "chapter.perspective.criticism_source",
        ),
        (
            "events.toml",
            'sources = ["spiegel-2018-interview", "somers-oped"]',
            'sources = ["spiegel-2018-interview", "spiegel"]',
            "event.sources",
        ),
        (
            "partnerships.toml",
            'source = "rgre-survey"\naspects',
            'source = "spiegel"\naspects',
            "survey.source",
        ),
        (
            "partnerships.toml",
            'speaker = "RGRE", source = "rgre-survey"',
            'speaker = "RGRE", source = "spiegel"',
            "survey.quote.source",
        ),
        (
            "partnerships.toml",
            'source = "rgre-survey"\nraw_partners',
            'source = "spiegel"\nraw_partners',
            "partnership.source",
        ),
        ("glossary.toml", 'sources = ["somers-oped"]', 'sources = ["spiegel"]', "term.sources"),
    ],
)
def test_unknown_source_everywhere(pack, file, old, new, field):
    line = replace(pack, file, old, new)
    line += new[: new.index('spiegel"')].count("\n")
    assert problems(pack) == [f"{file}:{line}: {field}: unknown source 'spiegel'"]


def test_unknown_source_in_a_multiline_list_points_at_the_element(pack):
    line = replace(
        pack,
        "chapters.toml",
        'sources = ["somers-oped", "spiegel-2018-interview"]',
        'sources = [\n  "somers-oped",\n  "spiegel",\n]',
    )
    assert problems(pack) == [f"chapters.toml:{line + 2}: chapter.sources: unknown source 'spiegel'"]


def test_unknown_source_in_a_data_point(pack):
    line = replace(
        pack, "indicators/is-departures.csv", "Vilvoorde,27,spiegel-2018-interview", "Vilvoorde,27,statbel"
    )
    assert problems(pack) == [f"indicators/is-departures.csv:{line}: source: unknown source 'statbel'"]


def test_unknown_indicator_glossary_term_and_chapter(pack):
    indicator = replace(
        pack, "chapters.toml", 'indicators = ["far-right-vote"]', 'indicators = ["far-right"]'
    )
    term = replace(pack, "chapters.toml", 'glossary = ["vlaams-belang"]', 'glossary = ["vlaams-blok"]')
    chapter = replace(pack, "events.toml", 'chapter = "security"', 'chapter = "sicherheit"')
    of_indicator = replace(pack, "indicators.toml", 'chapter = "city-2001"', 'chapter = "stadt"')
    assert problems(pack) == [
        f"chapters.toml:{indicator}: chapter.indicators: unknown indicator 'far-right'",
        f"chapters.toml:{term}: chapter.glossary: unknown glossary term 'vlaams-blok'",
        f"events.toml:{chapter}: event.chapter: unknown chapter 'sicherheit'",
        f"indicators.toml:{of_indicator}: indicator.chapter: unknown chapter 'stadt'",
    ]


def test_same_year_same_source_different_value_is_an_error(pack):
    first = line_of(pack, "indicators/far-right-vote.csv", "2012,8.7")
    line = append(pack, "indicators/far-right-vote.csv", "2012,9.6,spiegel-2018-interview,,\n")
    assert problems(pack) == [
        f"indicators/far-right-vote.csv:{line}: value: "
        "source 'spiegel-2018-interview' gives 8.7 for year 2012 "
        f"on line {first}, and 9.6 here"
    ]


def test_same_label_same_source_same_value_is_a_duplicate_row(pack):
    first = line_of(pack, "indicators/is-departures.csv", "Vilvoorde")
    line = append(pack, "indicators/is-departures.csv", "Vilvoorde,27,spiegel-2018-interview,,\n")
    assert problems(pack) == [
        f"indicators/is-departures.csv:{line}: value: "
        f"the same label Vilvoorde, source and value as on line {first}"
    ]


def test_same_year_different_source_is_a_disagreement_not_an_error(pack):
    append(pack, "indicators/far-right-vote.csv", "2012,9.6,somers-oped,,\n")
    assert problems(pack) == []
    vote = load_pack(pack).pack.indicator("far-right-vote")
    assert [p.value for p in vote.disagreements()[2012]] == [8.7, 9.6]


def test_partner_country_must_equal_its_place(pack):
    line = replace(pack, "partnerships.toml", 'country = "NL"', 'country = "BE"')
    assert problems(pack) == [
        f"partnerships.toml:{line}: partnership.partner.country: "
        "'BE' differs from the country of place 'borne' (NL)"
    ]


def test_place_roles(pack):
    german = replace(pack, "partnerships.toml", 'place = "rheine"', 'place = "borne"')
    partner = replace(
        pack,
        "partnerships.toml",
        'place = "borne"\ncountry = "NL"\nkind',
        'place = "mechelen"\ncountry = "BE"\nkind',
    )
    assert problems(pack) == [
        f"partnerships.toml:{german}: partnership.place: "
        "place 'borne' has the role 'partner', expected 'german'",
        f"partnerships.toml:{partner}: partnership.partner.place: place 'mechelen' has the role 'focus', "
        "expected 'partner'",
    ]


def test_unknown_place(pack):
    line = replace(pack, "partnerships.toml", 'place = "borne"', 'place = "bornе"')  # Cyrillic e
    assert problems(pack) == [f"partnerships.toml:{line}: partnership.partner.place: unknown place 'bornе'"]


def test_glossary_alias_naming_two_terms(pack):
    line = replace(
        pack, "glossary.toml", 'aliases = ["integriert"]', 'aliases = ["integriert", "vlaams belang"]'
    )
    assert problems(pack) == [
        f"glossary.toml:{line}: term.aliases: 'vlaams belang' also names the glossary term 'vlaams-belang'"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Siehe [hier](https://example.org).",
            "link to 'https://example.org' is not allowed; only glossary:<id> and source:<id>",
        ),
        (
            "Siehe <https://example.org>.",
            "link to 'https://example.org' is not allowed; only glossary:<id> and source:<id>",
        ),
        (
            "Siehe www.mechelen.be dazu.",
            "link to 'www.mechelen.be' is not allowed; only glossary:<id> and source:<id>",
        ),
        (
            "[ref]: http://example.org",
            "link to 'http://example.org' is not allowed; only glossary:<id> and source:<id>",
        ),
        (
            'Ein <a href="http://x.org">Link</a>.',
            "link to 'http://x.org' is not allowed; only glossary:<id> and source:<id>",
        ),
        (
            "![Karte](images/karte.png)",
            "images are not allowed in the body text; use the chapter's image field",
        ),
        ("Die [Integration](glossary:integratie).", "unknown glossary term 'integratie'"),
        ("Laut [Statbel](source:statbel).", "unknown source 'statbel'"),
    ],
)
def test_markdown_links(pack, text, message):
    line = append(pack, "chapters/02-security.md", f"\n{text}\n") + 1
    assert problems(pack) == [f"chapters/02-security.md:{line}: body: {message}"]


def test_empty_markdown_body(pack):
    (pack / "chapters" / "02-security.md").write_text("\n\n", "utf-8")
    assert problems(pack) == ["chapters/02-security.md: body: must not be empty"]
