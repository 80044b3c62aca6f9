"""Numbers, percentages, years and dates in the reader's locale, through Babel (CLDR data).

Qt-free on purpose: the handout PDF, CSV export, plot axis labels and tests format the same
way as the widgets. German is formatted as ``de_DE``, Dutch as Belgian Dutch ``nl_BE``
(the app is about a Flemish city). Years are never grouped: ``2004``, not ``2.004``.
Negative values get the typographic minus sign U+2212 (``−75 %``), which reads better on a
projector than a hyphen; pass ``for_export=True`` to ``format_number`` for spreadsheets,
which only parse the ASCII hyphen-minus.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, parse_pattern

from zusammenleben.content.model import DateSpan, PartialDate

MINUS = "\u2212"
VALUE_FORMATS = ("number", "percent", "change")

# The language codes of the app and the regional locale whose conventions they follow.
# A language not listed here (a third language added by translators) uses Babel's default
# territory for it, so adding one needs no code change.
_REGIONAL = {"de": "de_DE", "nl": "nl_BE"}


@cache
def locale_for(lang: str) -> Locale:
    """The Babel locale for an app language code: ``de`` → ``de_DE``, ``nl`` → ``nl_BE``."""
    try:
        return Locale.parse(_REGIONAL.get(lang, lang))
    except (ValueError, UnknownLocaleError) as error:
        raise ValueError(f"unknown language code {lang!r}") from error


def locale_name(lang: str) -> str:
    """``de_DE`` / ``nl_BE``: the name Qt's ``QLocale`` and the settings understand."""
    return str(locale_for(lang))


def _typographic_minus(text: str) -> str:
    return text.replace("-", MINUS)


def format_number(value: float, lang: str, decimals: int | None = None, *, for_export: bool = False) -> str:
    """``1.500`` (de), ``1.500`` (nl_BE); ``decimals`` fixes the fraction digits, None keeps up to three."""
    locale = locale_for(lang)
    if decimals is None:
        text = format_decimal(value, locale=locale)
    else:
        pattern = _with_fraction_digits(locale.decimal_formats[None].pattern, decimals)
        text = pattern.apply(value, locale)
    return text if for_export else _typographic_minus(text)


def format_percent(value: float, lang: str, decimals: int | None = 1) -> str:
    """A percentage given in percent (8.7 means 8.7 %): ``8,7 %`` (de), ``8,7%`` (nl_BE, per CLDR).

    ``decimals=None`` shows no decimals for whole numbers and one otherwise.
    """
    locale = locale_for(lang)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    pattern = _with_fraction_digits(locale.percent_formats[None].pattern, decimals)
    return _typographic_minus(pattern.apply(value / 100, locale))


def format_change(value: float, lang: str, decimals: int | None = None) -> str:
    """A signed change in percent: ``−75 %``, ``+10 %``, ``0 %`` (de)."""
    text = format_percent(abs(value), lang, decimals)
    if round(value, 10) == 0 or text == format_percent(0, lang, decimals):
        return text
    plus = locale_for(lang).number_symbols["latn"]["plusSign"]
    return (MINUS if value < 0 else plus) + text


def format_year(year: int, lang: str | None = None) -> str:
    """A year as written: ``2004``, never grouped (``lang`` is accepted for a uniform call shape)."""
    del lang  # years look the same in every language the app ships
    return str(int(year))


def format_value(value: float, value_format: str, lang: str) -> str:
    """Format a data point by its indicator's ``value_format``: number, percent or change."""
    if value_format == "number":
        return format_number(value, lang)
    if value_format == "percent":
        return format_percent(value, lang, decimals=None)
    if value_format == "change":
        return format_change(value, lang)
    raise ValueError(f"unknown value format {value_format!r}; expected one of {VALUE_FORMATS}")


def format_partial_date(date: PartialDate, lang: str) -> str:
    """``15. Februar 2018`` / ``15 februari 2018``, ``April 2016`` / ``april 2016``, ``2016``."""
    locale = locale_for(lang)
    if date.month is None:
        return format_year(date.year)
    if date.day is None:
        return _skeleton_pattern_date(dt.date(date.year, date.month, 1), "yMMMM", locale)
    return format_date(dt.date(date.year, date.month, date.day), "long", locale=locale)


def format_span(span: DateSpan, lang: str) -> str:
    """A date or a range: ``13.–16. November 2016`` / ``13–16 november 2016``, ``2003–2004``.

    Ranges whose ends have the same precision use CLDR's interval patterns (shared parts are
    written once); mixed precisions (``2015`` to ``12 March 2018``) use the locale's fallback
    ``{0} – {1}``.
    """
    start, end = span.start, span.end
    if end is None or end == start:
        return format_partial_date(start, lang)
    locale = locale_for(lang)
    if start.precision is end.precision:
        skeleton = {"year": "y", "month": "yMMMM", "day": "yMMMd"}[start.precision.value]
        text = _interval(_as_date(start), _as_date(end), skeleton, locale)
        if text is not None:
            return text
    fallback = locale.interval_formats.get(None) or "{0}\u2009–\u2009{1}"
    first, last = format_partial_date(start, lang), format_partial_date(end, lang)
    return fallback.replace("{0}", first).replace("{1}", last)


# -- helpers -------------------------------------------------------------------------------------


def _with_fraction_digits(pattern_text: str, decimals: int):
    """The locale's own number pattern (keeps its spacing and symbols) with fixed fraction digits."""
    pattern = copy.copy(parse_pattern(pattern_text))
    pattern.frac_prec = (decimals, decimals)
    return pattern


def _as_date(date: PartialDate) -> dt.date:
    return dt.date(date.year, date.month or 1, date.day or 1)


_SHORT_MONTH = re.compile(r"(?<![ML])([ML])\1\1(?![ML])")


def _widen_months(pattern: str) -> str:
    """``MMM`` → ``MMMM`` outside quoted literals (CLDR's field-width adjustment for long months)."""
    pieces = pattern.split("'")
    for index in range(0, len(pieces), 2):  # even pieces are outside quotes
        pieces[index] = _SHORT_MONTH.sub(lambda m: m.group(1) * 4, pieces[index])
    return "'".join(pieces)


def _skeleton_pattern_date(date: dt.date, skeleton: str, locale: Locale) -> str:
    pattern = locale.datetime_skeletons.get(skeleton)
    if pattern is None:
        return format_date(date, "long", locale=locale)
    return format_date(date, str(pattern), locale=locale)


def _interval(start: dt.date, end: dt.date, skeleton: str, locale: Locale) -> str | None:
    """CLDR interval formatting with long month names (Babel has no ``yMMMMd`` interval pattern)."""
    formats = locale.interval_formats.get(skeleton)
    if not formats:
        return None
    for field, differs in (("y", start.year != end.year), ("M", start.month != end.month),
                           ("d", start.day != end.day)):
        if differs and field in formats:
            patterns = formats[field]
            return "".join(
                format_date(instant, _widen_months(part), locale=locale)
                for part, instant in zip(patterns, (start, end), strict=True)
            )
    return None
