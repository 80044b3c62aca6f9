"""The time bar's measurements for one width and font scale (no painting, no state).

Kept apart from the widget so that painting, hit-testing and the tests all use the same
numbers: where a year is, where each label box is, how tall the bar must be.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui.timeline.label_layout import Marker, Placed, layout_labels

TICK_STEPS = (1, 2, 5, 10, 25)
MIN_TICK_GAP = 4.0  # pixels between two small ticks; closer ones would be a grey smear anyway


def nice_step(min_years: float) -> int:
    """The smallest of 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000 … years that is at least ``min_years``.

    Steps grow with the span, so the number of ticks depends on the bar's width only: a pack's
    span cannot make painting slow."""
    for step in (*TICK_STEPS, 50):
        if step >= min_years:
            return step
    magnitude = 100
    while True:
        for factor in (1, 2.5, 5):
            if magnitude * factor >= min_years:
                return round(magnitude * factor)
        magnitude *= 10


@dataclass
class BarGeometry:
    """Every measure of the bar at one width, font scale and set of labels."""

    width: float
    scale: float
    first_year: int
    last_year: int
    rows: int
    label_font: QFont
    year_font: QFont
    placed: list[Placed]
    left: float = 0.0
    right: float = 0.0
    row_height: float = 0.0
    row_gap: float = 0.0
    top: float = 0.0
    axis_y: float = 0.0
    tick_y: float = 0.0
    height: float = 0.0
    tick_step: int = 1
    pill_height: float = 0.0

    # -- coordinates --------------------------------------------------------------------------------
    @property
    def year_width(self) -> float:
        return (self.right - self.left) / (self.last_year + 1 - self.first_year)

    def x_for(self, decimal_year: float) -> float:
        """Years are cells: year ``y`` covers ``[y, y + 1)``; a year's centre is ``y + 0.5``."""
        return self.left + (decimal_year - self.first_year) * self.year_width

    def year_at(self, x: float) -> int:
        year = self.first_year + math.floor((x - self.left) / self.year_width)
        return max(self.first_year, min(self.last_year, year))

    def minor_ticks(self) -> range:
        """Years with a small tick (every year on a short span), at most one per ``MIN_TICK_GAP`` pixels."""
        step = nice_step(MIN_TICK_GAP / self.year_width) if self.year_width > 0 else 1
        first = -(-self.first_year // step) * step if step > 1 else self.first_year
        return range(first, self.last_year + 2, step)

    def labelled_ticks(self) -> range:
        """Years with a tall tick and a number: every ``tick_step`` years from the first year."""
        return range(self.first_year, self.last_year + 1, self.tick_step)

    def label_rect(self, item: Placed) -> QRectF:
        y = self.top + item.row * (self.row_height + self.row_gap)
        return QRectF(item.left, y, item.width, self.row_height)

    def label_rects(self) -> list[QRectF]:
        return [self.label_rect(item) for item in self.placed]


def build_geometry(width: float, scale: float, base_font: QFont, first_year: int, last_year: int,
                   markers: list[Marker], bubble_text, rows: int = 2) -> BarGeometry:
    """Measure the bar for ``width``: fonts from the type scale, margins, label rows, tick spacing."""
    t = TypeScale(scale)
    label_font = QFont(base_font)
    label_font.setPixelSize(t.small)
    label_font.setBold(False)
    year_font = QFont(base_font)
    year_font.setPixelSize(t.small)
    year_font.setBold(True)
    label_metrics = QFontMetricsF(label_font)
    year_metrics = QFontMetricsF(year_font)
    pad = t.px(10)
    pill_width = year_metrics.horizontalAdvance("8888") + 2 * pad
    margin = max(t.px(24), pill_width / 2 + t.px(8))
    geometry = BarGeometry(width=width, scale=scale, first_year=first_year, last_year=last_year, rows=rows,
                           label_font=label_font, year_font=year_font, placed=[])
    geometry.left = margin
    geometry.right = max(margin + 1, width - margin)
    geometry.row_height = label_metrics.height() + t.px(8)
    geometry.row_gap = t.px(6)
    geometry.top = t.px(10)
    rows_bottom = geometry.top + rows * geometry.row_height + (rows - 1) * geometry.row_gap
    geometry.axis_y = rows_bottom + t.px(18)
    geometry.pill_height = year_metrics.height() + t.px(8)
    geometry.tick_y = geometry.axis_y + t.px(12)
    geometry.height = geometry.tick_y + geometry.pill_height + t.px(8)
    year_label = year_metrics.horizontalAdvance("8888") + t.px(12)
    geometry.tick_step = nice_step(year_label / geometry.year_width)

    def measure(text: str) -> float:
        # measured bold: the label of the year under the cursor is painted bold
        return math.ceil(year_metrics.horizontalAdvance(text)) + 2 * t.px(8)

    positioned = [Marker(m.id, geometry.x_for(m.x), m.label) for m in markers]
    geometry.placed = layout_labels(positioned, measure, 0.0 + t.px(4), width - t.px(4), rows, t.px(8),
                                    bubble_text)
    return geometry
