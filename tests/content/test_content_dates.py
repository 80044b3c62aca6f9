"""Date strings: precision is kept; ranges must run forward; only real calendar dates."""

from __future__ import annotations

import pytest

from zusammenleben.content.dates import DateError, parse_date_span
from zusammenleben.content.model import DateSpan, PartialDate, Precision


def test_single_dates_keep_their_precision():
    assert parse_date_span("2016").start.precision is Precision.YEAR
    assert parse_date_span("2016-04") == DateSpan(PartialDate(2016, 4))
    assert parse_date_span("2016-11-13").start == PartialDate(2016, 11, 13)


def test_ranges():
    span = parse_date_span("2003-06-11/2004-07-20")
    assert (span.first_year, span.last_year) == (2003, 2004)
    assert span.iso() == "2003-06-11/2004-07-20"
    assert parse_date_span("2016-04/2016").end == PartialDate(2016)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "16",
        "2016-4",
        "2016-04-1",
        "2016/",
        "/2016",
        "2016 ",
        "２０１６",
        "2016-00",
        "2016-02-30",
        "0000",
        "2017/2016",
        "2016-05/2016-04-30",
    ],
)
def test_rejected(text):
    with pytest.raises(DateError) as caught:
        parse_date_span(text)
    assert caught.value.params == {"value": text}
