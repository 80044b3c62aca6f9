"""Numbers, percentages, years and dates follow de_DE and nl_BE (Babel/CLDR); years are never grouped."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zusammenleben.content.model import DateSpan, PartialDate
from zusammenleben.i18n.formatting import (
    format_change,
    format_number,
    format_partial_date,
    format_percent,
    format_span,
    format_value,
    format_year,
    locale_for,
    locale_name,
)

NBSP = "\u00a0"
MINUS = "\u2212"


def test_locales_are_german_and_belgian_dutch():
    assert locale_name("de") == "de_DE"
    assert locale_name("nl") == "nl_BE"
    assert str(locale_for("nl")) == "nl_BE"
    with pytest.raises(ValueError):
        locale_for("xx-not-a-language")


@pytest.mark.parametrize(("lang", "expected"), [("de", "1.500"), ("nl", "1.500")])
def test_thousands_are_grouped_with_a_dot(lang, expected):
    assert format_number(1500, lang) == expected


def test_decimals_use_a_comma_and_can_be_fixed():
    assert format_number(8.7, "de") == "8,7"
    assert format_number(1234.5, "nl", decimals=2) == "1.234,50"
    assert format_number(86921, "de", decimals=0) == "86.921"


def test_negative_numbers_use_a_typographic_minus_except_for_export():
    assert format_number(-1500, "de") == f"{MINUS}1.500"
    assert format_number(-1500, "de", for_export=True) == "-1.500"


def test_percent_follows_cldr_spacing():
    assert format_percent(8.7, "de") == f"8,7{NBSP}%"  # German: no line break before %
    assert format_percent(8.7, "nl") == "8,7%"  # CLDR nl_BE writes no space
    assert format_percent(26, "de", decimals=None) == f"26{NBSP}%"
    assert format_percent(47.9, "nl", decimals=None) == "47,9%"


def test_change_is_signed():
    assert format_change(-75, "de") == f"{MINUS}75{NBSP}%"
    assert format_change(-55, "nl") == f"{MINUS}55%"
    assert format_change(10, "de") == f"+10{NBSP}%"
    assert format_change(0, "de") == f"0{NBSP}%"


@pytest.mark.parametrize("lang", ["de", "nl"])
@pytest.mark.parametrize("year", [2001, 2004, 2018, 12345])
def test_years_are_never_grouped(year, lang):
    assert format_year(year, lang) == str(year)
    assert format_partial_date(PartialDate(year), lang) == str(year)


def test_year_ranges_are_not_grouped():
    assert format_span(DateSpan(PartialDate(2003), PartialDate(2004)), "de") == "2003–2004"
    assert format_span(DateSpan(PartialDate(2001), PartialDate(2026)), "nl") == "2001–2026"


@pytest.mark.parametrize(
    ("date", "de", "nl"),
    [
        (PartialDate(2018, 2, 15), "15. Februar 2018", "15 februari 2018"),
        (PartialDate(2016, 4), "April 2016", "april 2016"),
        (PartialDate(2016), "2016", "2016"),
    ],
)
def test_partial_dates_show_only_what_is_known(date, de, nl):
    assert format_partial_date(date, "de") == de
    assert format_partial_date(date, "nl") == nl


@pytest.mark.parametrize(
    ("span", "de", "nl"),
    [
        (DateSpan(PartialDate(2016, 11, 13), PartialDate(2016, 11, 16)),
         "13.–16. November 2016", "13–16 november 2016"),
        (DateSpan(PartialDate(2015, 9), PartialDate(2015, 11)),
         "September–November 2015", "september–november 2015"),
        (DateSpan(PartialDate(2015, 9), PartialDate(2018, 8)),
         "September 2015\u2009–\u2009August 2018", "september 2015\u2009–\u2009augustus 2018"),
        (DateSpan(PartialDate(2003, 6, 11), PartialDate(2004, 7, 20)),
         "11. Juni 2003\u2009–\u200920. Juli 2004", "11 juni 2003\u2009–\u200920 juli 2004"),
        (DateSpan(PartialDate(2018, 2, 15)), "15. Februar 2018", "15 februari 2018"),
    ],
)
def test_spans_write_shared_parts_once(span, de, nl):
    assert format_span(span, "de") == de
    assert format_span(span, "nl") == nl


def test_mixed_precision_span_uses_the_fallback_pattern():
    span = DateSpan(PartialDate(2015), PartialDate(2018, 3, 12))
    assert format_span(span, "de") == "2015\u2009–\u200912. März 2018"
    assert format_span(span, "nl") == "2015\u2009–\u200912 maart 2018"


def test_format_value_dispatches_on_the_indicator_format():
    assert format_value(86921, "number", "de") == "86.921"
    assert format_value(8.7, "percent", "nl") == "8,7%"
    assert format_value(-75, "change", "de") == f"{MINUS}75{NBSP}%"
    with pytest.raises(ValueError):
        format_value(1, "ratio", "de")


def test_formatting_and_catalogs_do_not_import_qt():
    code = (
        "import sys, zusammenleben.i18n.formatting, zusammenleben.i18n.catalogs, zusammenleben.i18n.manage;"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
