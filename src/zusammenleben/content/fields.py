"""Reading typed fields out of a parsed TOML table, reporting every problem with its line.

``Fields`` wraps one table. Each getter checks presence and type and returns a usable
value (or ``None`` after reporting); ``finish()`` reports every key nobody asked for,
which is how typos such as ``titel = …`` become errors instead of silently vanishing.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from zusammenleben.content.countries import COMMON_MISTAKES, ISO_ALPHA2
from zusammenleben.content.dates import DateError, parse_date_span
from zusammenleben.content.errors import ContentMessage, ErrorList
from zusammenleben.content.model import DateSpan
from zusammenleben.content.tomlmap import LineMap, Path

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MISSING = object()


@dataclass(frozen=True)
class Where:
    """A place in the pack: a file, and inside a TOML file the path of a table (``kind`` names it)."""

    file: str
    kind: str = ""
    path: Path = ()
    lines: LineMap | None = None
    fixed_line: int = 0

    def line(self, *sub: str | int) -> int:
        if self.lines is None:
            return self.fixed_line
        return self.lines.line((*self.path, *sub))

    def field(self, name: str) -> str:
        return f"{self.kind}.{name}" if self.kind and name else (self.kind or name)

    def child(self, key: str, *index: int) -> Where:
        return Where(self.file, self.field(key), (*self.path, key, *index), self.lines, self.fixed_line)


class Fields:
    def __init__(self, table: dict[str, Any], where: Where, errors: ErrorList) -> None:
        self.data = table
        self.where = where
        self.errors = errors
        self.used: set[str] = set()

    # -- reporting ---------------------------------------------------------------------------
    def report(self, key: str, message_id: str, /, *index: int, **params: Any) -> None:
        self.errors.add(
            self.where.file, self.where.line(key, *index), self.where.field(key), message_id, **params
        )

    def _get(self, key: str, required: bool) -> Any:
        self.used.add(key)
        value = self.data.get(key, _MISSING)
        if value is _MISSING and required:
            self.errors.add(self.where.file, self.where.line(), self.where.field(key), ContentMessage.REQUIRED)
        return value

    def finish(self) -> None:
        for key in self.data:
            if key not in self.used:
                self.report(key, ContentMessage.UNKNOWN_KEY)

    # -- scalars -----------------------------------------------------------------------------
    def text(self, key: str, required: bool = True, allow_empty: bool = False) -> str | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None if required else ""
        if not isinstance(value, str):
            self._wrong_type(key, value, ContentMessage.EXPECT_TEXT)
            return None
        if required and not allow_empty and not value.strip():
            self.report(key, ContentMessage.EMPTY_TEXT)
            return None
        return value

    def _wrong_type(self, key: str, value: Any, message_id: str, *index: int) -> None:
        if isinstance(value, datetime.date | datetime.time):
            self.report(key, ContentMessage.DATE_NOT_TEXT, *index, value=value.isoformat())
        else:
            self.report(key, message_id, *index)

    def ident(self, key: str = "id") -> str | None:
        value = self.text(key)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.report(key, ContentMessage.BAD_ID, value=value)
            return None
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong_type(key, value, ContentMessage.EXPECT_INT)
            return None
        return value

    def boolean(self, key: str, required: bool = True, default: bool = False) -> bool | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None if required else default
        if not isinstance(value, bool):
            self.report(key, ContentMessage.EXPECT_BOOL)
            return None
        return value

    def choice(
        self, key: str, choices: Iterable[str], required: bool = True, default: str = ""
    ) -> str | None:
        choices = tuple(choices)
        value = self.text(key, required)
        if value is None or (value == "" and not required):
            return value if value is None else default
        if value not in choices:
            self.report(key, ContentMessage.BAD_CHOICE, value=value, choices=", ".join(choices))
            return None
        return value

    def date(self, key: str, required: bool = True) -> DateSpan | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            self._wrong_type(key, value, ContentMessage.EXPECT_TEXT)
            return None
        try:
            return parse_date_span(value)
        except DateError as error:
            self.report(key, error.message_id, **error.params)
            return None

    def country(self, key: str = "country") -> str | None:
        value = self.text(key)
        return check_country(value, lambda message_id, **params: self.report(key, message_id, **params))

    # -- lists and tables --------------------------------------------------------------------
    def texts(self, key: str, required: bool = False, at_least_one: bool = False) -> tuple[str, ...] | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None if required else ()
        if not isinstance(value, list):
            self.report(key, ContentMessage.EXPECT_LIST)
            return None
        good = True
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self._wrong_type(key, item, ContentMessage.EXPECT_TEXT, index)
                good = False
        if at_least_one and not value:
            self.report(key, ContentMessage.NEED_ONE)
        return tuple(value) if good else None

    def table(self, key: str, required: bool = False) -> Fields | None:
        value = self._get(key, required)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.report(key, ContentMessage.EXPECT_TABLE)
            return None
        return Fields(value, self.where.child(key), self.errors)

    def tables(self, key: str) -> list[Fields]:
        """An array of tables (``[[chapter.perspective]]``); absent means none."""
        value = self._get(key, False)
        if value is _MISSING:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.report(key, ContentMessage.EXPECT_TABLE_ARRAY, name=self.where.field(key))
            return []
        return [Fields(item, self.where.child(key, index), self.errors) for index, item in enumerate(value)]


def check_country(value: str | None, report) -> str | None:
    """The code if it is ISO 3166-1 alpha-2, else None after ``report(message_id, **params)``."""
    if value is None:
        return None
    if value in ISO_ALPHA2:
        return value
    hint = COMMON_MISTAKES.get(value.upper()) or (value.upper() if value.upper() in ISO_ALPHA2 else None)
    if hint:
        report(ContentMessage.BAD_COUNTRY_HINT, value=value, hint=hint)
    else:
        report(ContentMessage.BAD_COUNTRY, value=value)
    return None


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_EXPONENT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+")


def number_problem(text: str) -> str:
    """The msgid saying why ``text`` is not a CSV number (for a value ``finite_number`` refused).

    ``1e308`` is a number to Python but not to a museum editor's spreadsheet export, and a plain
    "not a number" would be wrong: say that the exponent is the problem."""
    return ContentMessage.NUMBER_EXPONENT if _EXPONENT.fullmatch(text.strip()) else ContentMessage.NOT_A_NUMBER


def finite_number(text: str) -> float | None:
    """A CSV number: ASCII digits, ``.`` as decimal point (``8.7``, ``-75``); None if it is not one."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None
