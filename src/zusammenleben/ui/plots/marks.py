"""Where each value goes on a plot: one mark per distinct value per year or label.

Qt-free, so the honesty rules are testable without a display: only the points a source
gives become marks, sources that give the same value share one mark, and sources that
give different values for the same key become separate marks side by side (``slot`` of
``slots``) that the plot flags as a disagreement. Nothing is averaged or interpolated.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from zusammenleben.content.model import DataPoint, Indicator, IndicatorKind

BAR_BAND = 0.72  # share of a category's row the bars of that category fill


@dataclass(frozen=True)
class Mark:
    """One drawn value: every source that gives exactly this value for this key."""

    key: int | str
    value: float
    points: tuple[DataPoint, ...]
    slot: int = 0
    slots: int = 1

    @property
    def disagrees(self) -> bool:
        """True when other sources give a different value for the same key."""
        return self.slots > 1

    @property
    def offset(self) -> float:
        """Position among the disagreeing values, centred on 0 (−0.5, 0.5 for two; −1, 0, 1 for three)."""
        return self.slot - (self.slots - 1) / 2


def ordered_keys(indicator: Indicator) -> list[int | str]:
    """Years in ascending order for a series; labels in the data's order for a comparison."""
    keys = list(indicator.keys())
    if indicator.kind is IndicatorKind.SERIES:
        return sorted(keys, key=int)
    return keys


def marks(indicator: Indicator) -> list[Mark]:
    """The marks of an indicator, by key order, within a key by ascending value."""
    groups: dict[int | str, dict[float, list[DataPoint]]] = {}
    for point in indicator.points:
        groups.setdefault(point.key, {}).setdefault(point.value, []).append(point)
    result: list[Mark] = []
    for key in ordered_keys(indicator):
        by_value = groups[key]
        values = sorted(by_value)
        for slot, value in enumerate(values):
            result.append(Mark(key, value, tuple(by_value[value]), slot, len(values)))
    return result


def connection_segments(mark_list: list[Mark]) -> list[tuple[float, float, float, float]]:
    """Dashed connections of a series: from every mark of one year to every mark of the next.

    Where sources disagree the line fans out to each of their values instead of picking one,
    so the line never suggests a value no source gives.
    """
    by_year: dict[int, list[Mark]] = {}
    for mark in mark_list:
        by_year.setdefault(int(mark.key), []).append(mark)
    years = sorted(by_year)
    segments = []
    for first, second in pairwise(years):
        for a in by_year[first]:
            for b in by_year[second]:
                segments.append((float(first), a.value, float(second), b.value))
    return segments


def disagreeing_keys(mark_list: list[Mark]) -> list[int | str]:
    seen: dict[int | str, None] = {}
    for mark in mark_list:
        if mark.disagrees:
            seen.setdefault(mark.key, None)
    return list(seen)


def bar_position(category_index: int, mark: Mark) -> tuple[float, float]:
    """Centre and thickness of a comparison bar: disagreeing bars share their category's band."""
    thickness = BAR_BAND / mark.slots
    centre = category_index - BAR_BAND / 2 + (mark.slot + 0.5) * thickness
    return centre, thickness * 0.9


def value_range(values: list[float], *, include_zero: bool) -> tuple[float, float]:
    """A padded value range; bars always start at zero, series only when zero is near the data."""
    low, high = min(values), max(values)
    if include_zero or (low >= 0 and (low == high or low < 0.5 * high)):
        low, high = min(low, 0.0), max(high, 0.0)
    span = high - low or abs(high) or 1.0
    pad = span * 0.12
    edge = span * 0.03  # a sliver beyond zero keeps the "0" tick label inside the axis
    return (-edge if low == 0 else low - pad), (edge if high == 0 and low < 0 else high + pad)
