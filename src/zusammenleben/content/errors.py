"""Problems found in a content pack, and every message the content layer can print.

A pack is checked as a whole and *all* problems are collected, so a museum editor can
fix them in one pass. Messages are English msgids with ``%(name)s`` placeholders; they
are translated only when printed (``ContentError.format(translate)``), so the same
error list can be shown in German or Dutch. Every msgid lives in this module, wrapped
in the no-op marker ``N_`` so ``pybabel extract -k N_`` finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from zusammenleben.content.limits import MAX_PROBLEMS_PER_FILE

Translate = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802 (gettext convention)
    """Mark a msgid for extraction without translating it (translation happens at print time)."""
    return message


def identity(message: str) -> str:
    return message


class ContentMessage:
    """The message catalogue of the content layer (msgids only)."""

    # files
    FILE_MISSING = N_("required file is missing")
    FILE_NOT_UTF8 = N_("not valid UTF-8")
    FILE_TOO_LARGE = N_("file is larger than %(limit)s MB")
    FILE_UNREADABLE = N_("cannot read the file: %(reason)s")
    NOT_A_FOLDER = N_("not a folder")
    NOT_A_FILE = N_("not a regular file")
    TOO_MANY_PROBLEMS = N_("%(count)s more problems in this file are not listed")
    TOO_MANY_ENTRIES = N_("%(count)s entries; at most %(limit)s are allowed")
    TOO_MANY_ROWS = N_("more than %(limit)s rows; a pack's table has at most %(limit)s")
    TOO_MANY_POINTS = N_("%(count)s data points in all indicators; at most %(limit)s are allowed")
    BODY_TOO_LONG = N_("the body has %(length)s characters; at most %(limit)s are allowed")
    TOML_SYNTAX = N_("invalid TOML: %(detail)s")
    TOML_TOO_DEEP = N_("invalid TOML: nested too deeply")
    # paths
    PATH_EMPTY = N_("the path is empty")
    PATH_ABSOLUTE = N_("'%(path)s' is an absolute path; write it relative to the pack folder")
    PATH_PARENT = N_("'%(path)s' leaves the pack folder ('..' is not allowed)")
    PATH_BACKSLASH = N_("'%(path)s' uses '\\'; separate folders with '/'")
    PATH_OUTSIDE = N_("'%(path)s' leads outside the pack folder (symbolic link)")
    PATH_MISSING = N_("file '%(path)s' does not exist in the pack")
    PATH_NOT_FILE = N_("'%(path)s' is not a regular file")
    PATH_LOOP = N_("'%(path)s' is a loop of symbolic links")
    # fields
    REQUIRED = N_("required field is missing")
    UNKNOWN_KEY = N_("unknown field (a typo?)")
    EMPTY_TEXT = N_("must not be empty")
    EXPECT_TEXT = N_("expected text in quotes")
    EXPECT_INT = N_("expected a whole number")
    EXPECT_BOOL = N_("expected true or false")
    EXPECT_LIST = N_("expected a list [ … ]")
    EXPECT_TABLE = N_("expected a table { … }")
    EXPECT_TABLE_ARRAY = N_("expected [[%(name)s]] tables")
    NEED_ONE = N_("at least one entry is needed")
    BAD_ID = N_("'%(value)s' is not a valid id (lowercase letters a–z, digits and '-')")
    DUPLICATE_ID = N_("duplicate id '%(id)s' (first used on line %(line)s)")
    BAD_CHOICE = N_("'%(value)s' is not one of: %(choices)s")
    BAD_LANGUAGE = N_("'%(value)s' is not a language code such as 'de' or 'nl'")
    SOURCE_LANGUAGE = N_("the source language '%(value)s' is not in languages")
    UNKNOWN_TRANSLATABLE = N_("'%(value)s' is not a known text field")
    LABEL_TOO_LONG = N_("the label has %(length)s characters; at most %(limit)s fit on the time bar")
    # dates
    BAD_DATE = N_("'%(value)s' is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or two of these joined by '/'")
    NOT_CALENDAR = N_("'%(value)s' is not a real calendar date")
    RANGE_REVERSED = N_("the range '%(value)s' starts after it ends")
    DATE_NOT_TEXT = N_('dates are text: write "%(value)s" in quotes')
    OUTSIDE_YEARS = N_("'%(value)s' lies outside the pack's years %(start)s–%(end)s")
    YEARS_REVERSED = N_("start_year %(start)s is after end_year %(end)s")
    YEAR_RANGE = N_("%(value)s is not a year between %(low)s and %(high)s")
    SPAN_TOO_LONG = N_("the pack spans %(years)s years; the time bar shows at most %(limit)s")
    # places
    BAD_COUNTRY = N_("'%(value)s' is not an ISO 3166-1 alpha-2 code")
    BAD_COUNTRY_HINT = N_("'%(value)s' is not an ISO 3166-1 alpha-2 code (use '%(hint)s')")
    LAT_RANGE = N_("latitude %(value)s is not between -90 and 90")
    LON_RANGE = N_("longitude %(value)s is not between -180 and 180")
    COUNTRY_MISMATCH = N_("'%(value)s' differs from the country of place '%(place)s' (%(expected)s)")
    PLACE_ROLE = N_("place '%(place)s' has the role '%(role)s', expected %(expected)s")
    # references
    UNKNOWN_SOURCE = N_("unknown source '%(id)s'")
    UNKNOWN_INDICATOR = N_("unknown indicator '%(id)s'")
    UNKNOWN_TERM = N_("unknown glossary term '%(id)s'")
    UNKNOWN_CHAPTER = N_("unknown chapter '%(id)s'")
    UNKNOWN_PLACE = N_("unknown place '%(id)s'")
    ALIAS_CLASH = N_("'%(alias)s' also names the glossary term '%(other)s'")
    # sources and perspectives (trustworthiness)
    SOURCE_UNUSED = N_("source '%(id)s' is not cited anywhere in the pack")
    SEED_MISSING = N_("a source from the seed documents (in_seeds = true) must name its seed")
    SEED_OUTSIDE = N_("a source outside the seeds (in_seeds = false) cannot name a seed document")
    OUTSIDE_NOT_MARKED = N_("a source outside the seeds must say so: its note must begin with '%(marker)s'")
    SEED_MARKED_OUTSIDE = N_("a source from the seed documents must not be marked '%(marker)s'")
    CRITIC_IS_CLAIMANT = N_("the critic '%(critic)s' is the claimant: a criticism needs another voice")
    BAD_LEVEL = N_("'%(value)s' is not a level: write 1 (reproduce), 2 (explain) or 3 (judge)")
    # CSV
    CSV_NO_HEADER = N_("the file has no header row")
    CSV_MISSING_COLUMN = N_("the header lacks the column '%(column)s'")
    CSV_UNKNOWN_COLUMN = N_("unknown column '%(column)s'")
    CSV_ROW_LENGTH = N_("the row has %(found)s fields, the header %(expected)s")
    CSV_ERROR = N_("cannot read the CSV: %(detail)s")
    NOT_A_YEAR = N_("'%(value)s' is not a year")
    NOT_A_NUMBER = N_("'%(value)s' is not a number (use '.' as the decimal point)")
    NUMBER_EXPONENT = N_("'%(value)s' uses exponent notation, which is not allowed: write the digits out")
    VALUE_CONFLICT = N_(
        "source '%(source)s' gives %(other)s for %(key)s on line %(line)s, and %(value)s here"
    )
    DUPLICATE_ROW = N_("the same %(key)s, source and value as on line %(line)s")
    # images, map, Markdown
    NOT_AN_IMAGE = N_("'%(path)s' is not a PNG, JPEG or SVG image")
    SVG_ENTITIES = N_("'%(path)s' declares XML entities, which are not allowed")
    MAP_NOT_GEOJSON = N_("'%(path)s' is not a GeoJSON map the app can draw: %(detail)s")
    MD_LINK = N_("link to '%(target)s' is not allowed; only glossary:<id> and source:<id>")
    MD_IMAGE = N_("images are not allowed in the body text; use the chapter's image field")
    # command line
    SUMMARY_OK = N_(
        "%(id)s: no problems (chapters %(chapters)s, events %(events)s, indicators "
        "%(indicators)s, data points %(data_points)s, partnerships %(partnerships)s, "
        "sources %(sources)s, glossary terms %(glossary_terms)s)"
    )


@dataclass(frozen=True)
class ContentError:
    """One problem: where it is (file relative to the pack, 1-based line, field) and what it is.

    ``line`` 0 means the file as a whole (a missing file, an empty table list).
    """

    file: str
    line: int
    field: str
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, translate: Translate = identity) -> str:
        text = translate(self.message_id)
        try:
            return text % dict(self.params)
        except (KeyError, ValueError, TypeError):  # a broken translation must not hide the problem
            return self.message_id % dict(self.params)

    def format(self, translate: Translate = identity) -> str:
        """``file:line: field: message`` (the line and field are left out when unknown)."""
        where = f"{self.file}:{self.line}" if self.line > 0 else self.file
        parts = (
            [where, self.field, self.message(translate)] if self.field else [where, self.message(translate)]
        )
        return ": ".join(parts)


class ErrorList:
    """Collects problems in the order they are found, at most ``per_file`` for each file.

    A 20 MB file of bad rows would otherwise give millions of problems (and a gigabyte of
    them); nobody reads past the first few hundred, so the rest are only counted, and
    ``sorted()`` ends that file's list with one line saying how many were left out.
    """

    def __init__(self, per_file: int = MAX_PROBLEMS_PER_FILE) -> None:
        self._items: list[ContentError] = []
        self._per_file = per_file
        self._counts: dict[str, int] = {}
        self._left_out: dict[str, int] = {}

    def add(self, file: str, line: int, field: str, message_id: str, /, **params: Any) -> None:
        count = self._counts.get(file, 0) + 1
        self._counts[file] = count
        if count > self._per_file:
            self._left_out[file] = self._left_out.get(file, 0) + 1
            return
        self._items.append(ContentError(file, line, field, message_id, params))

    def __iter__(self) -> Iterator[ContentError]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items) + sum(self._left_out.values())

    def sorted(self) -> list[ContentError]:
        """By file, then line; problems on one line keep the order they were found in; the count of
        left-out problems last in its file."""
        summaries = [ContentError(file, 0, "", ContentMessage.TOO_MANY_PROBLEMS, {"count": count})
                     for file, count in self._left_out.items()]
        return sorted([*self._items, *summaries],
                      key=lambda e: (e.file, e.message_id == ContentMessage.TOO_MANY_PROBLEMS, e.line))
