"""Parsing the pack's date strings: ``2016``, ``2016-04``, ``2016-11-13`` and ranges ``a/b``.

Sources rarely give exact days, so a date keeps its precision instead of inventing one.
"""

from __future__ import annotations

import calendar
import re

from zusammenleben.content.errors import ContentMessage
from zusammenleben.content.model import DateSpan, PartialDate

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class DateError(ValueError):
    """A date string that is not a date; carries the msgid and its parameters."""

    def __init__(self, message_id: str, value: str) -> None:
        super().__init__(message_id % {"value": value})
        self.message_id = message_id
        self.params = {"value": value}


def parse_partial(text: str) -> PartialDate:
    match = _DATE.fullmatch(text)
    if match is None:
        raise DateError(ContentMessage.BAD_DATE, text)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year == 0 or (month is not None and not 1 <= month <= 12):
        raise DateError(ContentMessage.NOT_CALENDAR, text)
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(ContentMessage.NOT_CALENDAR, text)
    return PartialDate(year, month, day)


def earliest(date: PartialDate) -> tuple[int, int, int]:
    """The first day a partial date can mean (for ordering dates of different precision)."""
    return (date.year, date.month or 1, date.day or 1)


def latest(date: PartialDate) -> tuple[int, int, int]:
    """The last day a partial date can mean."""
    month = date.month or 12
    return (date.year, month, date.day or calendar.monthrange(date.year, month)[1])


def parse_date_span(text: str) -> DateSpan:
    """``"2016"`` → a single date; ``"2015-09/2018-08"`` → a range. Raises ``DateError``."""
    parts = text.split("/")
    if len(parts) == 1:
        return DateSpan(parse_partial(parts[0]))
    if len(parts) != 2:
        raise DateError(ContentMessage.BAD_DATE, text)
    start = _part_of_range(parts[0], text)
    end = _part_of_range(parts[1], text)
    if earliest(start) > latest(end):
        raise DateError(ContentMessage.RANGE_REVERSED, text)
    return DateSpan(start, end)


def _part_of_range(part: str, whole: str) -> PartialDate:
    try:
        return parse_partial(part)
    except DateError as error:
        raise DateError(error.message_id, whole) from None
