"""Axis items whose tick labels speak the reader's language.

pyqtgraph's default ticks are C-locale numbers (``1500.0``, ``2004.0``); these subclasses
format through Babel (``zusammenleben.i18n.formatting``) for the current language: ``1.500``
in German and Belgian Dutch, ``8,7 %``, and years always as ``2004`` (never grouped, never
a fraction: a year axis only ticks whole years).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable

import pyqtgraph as pg

from zusammenleben.i18n.formatting import format_change, format_number, format_percent, format_year

LanguageCode = Callable[[], str]


def tick_decimals(spacing: float) -> int:
    """Fraction digits a tick spacing needs: 0 for 5, 1 for 0.5, 2 for 0.25."""
    if spacing <= 0 or spacing >= 1:
        return 0
    digits = -math.floor(math.log10(spacing) + 1e-9)
    for extra in range(0, 3):
        if abs(round(spacing, digits + extra) - spacing) < 1e-9:
            return digits + extra
    return digits + 2


def value_tick_strings(values: list[float], spacing: float, value_format: str, lang: str) -> list[str]:
    """Tick labels for values: numbers, percentages or signed changes, in ``lang``."""
    decimals = tick_decimals(spacing)
    labels = []
    for value in values:
        value = 0.0 if abs(value) < spacing * 1e-6 else value  # no "−0"
        if value_format == "percent":
            labels.append(format_percent(value, lang, decimals))
        elif value_format == "change":
            labels.append(format_change(value, lang, decimals))
        else:
            labels.append(format_number(value, lang, decimals))
    return labels


def year_tick_strings(values: list[float]) -> list[str]:
    """``2004`` for whole years, nothing for anything in between."""
    return [format_year(round(v)) if abs(v - round(v)) < 1e-6 else "" for v in values]


def whole_year_spacing(levels: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """pyqtgraph's tick levels restricted to whole-year steps (at least every year)."""
    result: list[tuple[float, float]] = []
    for spacing, _offset in levels:
        if spacing < 1:
            continue
        step = float(max(1, round(spacing)))
        if step not in [s for s, _ in result]:
            result.append((step, 0.0))
    return result[:2] or [(1.0, 0.0)]


def wrap_label(text: str, width: int = 18) -> str:
    """Category labels on a narrow axis: broken into lines instead of overlapping or being dropped."""
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


class ValueAxis(pg.AxisItem):
    """A value axis formatted by the indicator's ``value_format`` in the current language."""

    def __init__(self, orientation: str, language_code: LanguageCode, value_format: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._language_code = language_code
        self._value_format = value_format
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return value_tick_strings([v * scale for v in values], spacing * scale, self._value_format,
                                  self._language_code())


class YearAxis(pg.AxisItem):
    """A time axis that ticks whole years only and writes them ungrouped."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph's names)
        return whole_year_spacing(super().tickSpacing(minVal, maxVal, size))

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return year_tick_strings(values)


class CategoryAxis(pg.AxisItem):
    """Labels of a comparison, one per category row, wrapped to a few words per line."""

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def set_categories(self, labels: list[str], width: int = 18) -> None:
        self.setTicks([[(index, wrap_label(label, width)) for index, label in enumerate(labels)], []])
