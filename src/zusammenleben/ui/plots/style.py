"""The plots' look, derived from the app theme and the font scale (never pyqtgraph's black).

One place decides colours, pen widths, marker sizes and fonts so that every plot, the
legend swatches and exported images agree, and a font-scale change restyles them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

from zusammenleben.core import theme as app_theme


@dataclass(frozen=True)
class PlotStyle:
    theme: app_theme.Theme
    scale: float
    pen_scale: float = 1.0  # exports drawn magnified: pyqtgraph's cosmetic pens do not grow with the painter

    @property
    def type(self) -> app_theme.TypeScale:
        return app_theme.TypeScale(self.scale)

    @property
    def dark(self) -> bool:
        return QColor(self.theme.background).lightness() < 128

    # Okabe–Ito: blue for values, vermillion for disagreeing values; lighter members on black.
    @property
    def value_colour(self) -> str:
        return app_theme.OKABE_ITO[5] if self.dark else app_theme.OKABE_ITO[0]

    @property
    def disagreement_colour(self) -> str:
        return app_theme.OKABE_ITO[4] if self.dark else app_theme.OKABE_ITO[1]

    @property
    def cursor_colour(self) -> str:
        return app_theme.OKABE_ITO[2]

    @property
    def line_width(self) -> float:
        return max(3.0, 3.0 * self.scale) * self.pen_scale

    @property
    def axis_width(self) -> float:
        return 2.0 * self.pen_scale

    @property
    def marker_size(self) -> int:
        return self.type.px(18)

    @property
    def marker_spacing(self) -> float:
        """Pixels between the centres of disagreeing markers of one year."""
        return self.marker_size * 1.15

    def font(self, base_px: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(list(app_theme.FONT_FAMILIES))
        font.setPixelSize(self.type.px(base_px))
        font.setBold(bold)
        return font

    @property
    def tick_font(self) -> QFont:
        return self.font(18)

    @property
    def label_px(self) -> int:
        return self.type.px(18)
