"""The chapter's indicator plot on paper, as vectors.

The same ``IndicatorPlot`` the story shows, built non-interactive in the paper context
(the handout's language, light theme, white ground), laid out at a slide-like pixel size
and painted through ``QWidget.render`` onto the PDF painter, scaled to the column. Qt's
PDF engine keeps lines, markers and text as vectors. pyqtgraph pens are cosmetic (their
width is in device units), so the plot is built with ``pen_scale`` equal to the scale it
is drawn at, or its lines would be hair-thin at 600 dpi.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from zusammenleben.core import theme
from zusammenleben.export.handout_flow import AtomicBlock

log = logging.getLogger(__name__)

PAPER = replace(theme.LIGHT, background="#FFFFFF", surface="#FFFFFF")


def plot_block(context, indicator_id: str, width: float, logical_width: int, logical_height: int,
               keep: list[QWidget], *, space_before: float = 0.0) -> AtomicBlock | None:
    """An unsplittable block that paints the indicator ``width`` device units wide (None if it cannot be built)."""
    widget = build_plot(context, indicator_id, logical_width, logical_height, width / logical_width)
    if widget is None:
        return None
    keep.append(widget)
    scale = width / logical_width
    height = logical_height * scale

    def paint(painter: QPainter, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
        painter.restore()

    return AtomicBlock(height, paint, space_before=space_before)


def build_plot(context, indicator_id: str, width: int, height: int, pen_scale: float) -> QWidget | None:
    """A laid-out, hidden ``IndicatorPlot`` for painting (the plots package may be missing: None)."""
    try:
        from zusammenleben.ui.plots.widget import IndicatorPlot

        indicator = context.pack.indicator(indicator_id)
    except (ImportError, KeyError) as error:
        log.warning("handout: no plot for %s (%s)", indicator_id, error)
        return None
    plot = IndicatorPlot(context, indicator, interactive=False, pen_scale=pen_scale)
    plot.setStyleSheet(theme.stylesheet(PAPER, 1.0))  # over the app's sheet: no high contrast on paper
    plot.view.setBackground(PAPER.background)
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    plot.show()
    plot.resize(width, height)
    if plot.layout() is not None:
        plot.layout().activate()
    QApplication.processEvents()
    return plot
