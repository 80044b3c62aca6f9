"""The legend under a plot: what a marker, the dashed line and a disagreement mean.

It is made of ordinary Qt widgets (not a pyqtgraph legend inside the plot) so that its
words wrap, scale with the style sheet, never cover data, and are read by screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QSizePolicy, QWidget, QWidgetItem

from zusammenleben.ui.labels import WrappedLabel
from zusammenleben.ui.plots.style import PlotStyle


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list = []
        self._spacing = spacing
        self._heights: dict[int, int] = {}  # width → height; layouts ask many times per pass
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def invalidate(self) -> None:
        """Qt calls this when an entry's text or size changes: measure again."""
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, apply: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():  # hidden entries take no room
                continue
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x > rect.x() and x + width > rect.right() + 1:
                x, y, line_height = rect.x(), y + line_height + self._spacing // 2, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._spacing
            line_height = max(line_height, height)
        return y + line_height - rect.y()


def swatch(kind: str, style: PlotStyle) -> QPixmap:
    """A small drawing of a legend entry: ``marker``, ``line``, ``disagreement``, ``bar``."""
    size = QSize(style.type.px(44), style.type.px(26))
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = size.width(), size.height()
    r = style.marker_size / 2.4
    if kind == "line":
        pen = QPen(QColor(style.value_colour), style.line_width, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(2, h / 2), QPointF(w - 2, h / 2))
    elif kind == "marker":
        painter.setPen(QPen(QColor(style.theme.surface), 2))
        painter.setBrush(QBrush(QColor(style.value_colour)))
        painter.drawEllipse(QPointF(w / 2, h / 2), r, r)
    elif kind == "bar":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(style.value_colour)))
        painter.drawRect(QRect(2, h // 4, w - 4, h // 2))
    elif kind == "disagreement":
        colour = QColor(style.disagreement_colour)
        painter.setPen(QPen(colour, style.line_width))
        painter.drawLine(QPointF(w / 2, 3), QPointF(w / 2, h - 3))
        painter.setPen(QPen(QColor(style.theme.surface), 2))
        painter.setBrush(QBrush(colour))
        for cx, cy in ((w / 2 - r * 1.2, h / 2 - r * 0.6), (w / 2 + r * 1.2, h / 2 + r * 0.6)):
            path = QPainterPath()
            path.moveTo(cx, cy - r)
            path.lineTo(cx + r, cy)
            path.lineTo(cx, cy + r)
            path.lineTo(cx - r, cy)
            path.closeSubpath()
            painter.drawPath(path)
    painter.end()
    return pixmap


class LegendEntry(QWidget):
    """A swatch and its words."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.icon = QLabel(self)
        self.text = WrappedLabel(self)
        self.text.setWordWrap(True)
        self.text.setProperty("role", "small")
        self.text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """As wide as the words on one line; the flow layout narrows it (and the label wraps) if needed."""
        text_width = self.text.fontMetrics().horizontalAdvance(self.text.text()) + 8
        icon = self.icon.sizeHint()
        height = max(icon.height(), self.text.sizeHint().height())
        return QSize(icon.width() + 6 + text_width, height)

    def set_content(self, text: str, style: PlotStyle) -> None:
        self.text.setText(text)
        if style != self.__dict__.get("_swatch_style"):
            # a new pixmap only when the look changed: one per language switch kept ~5 KB of native
            # memory each time (benchmarks/soak_kind.py "language")
            self._swatch_style = style
            self.icon.setPixmap(swatch(self.kind, style))


class Legend(QWidget):
    """The row of legend entries; entries a plot does not need are hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plotLegend")
        self._layout = FlowLayout(self)
        self.entries: dict[str, LegendEntry] = {}
        for kind in ("marker", "bar", "line", "disagreement"):
            entry = LegendEntry(kind, self)
            self.entries[kind] = entry
            self._layout.addItem(QWidgetItem(entry))
            entry.hide()

    def set_entries(self, entries: list[tuple[str, str]], style: PlotStyle) -> None:
        wanted = dict(entries)
        for kind, entry in self.entries.items():
            if kind in wanted:
                entry.set_content(wanted[kind], style)
                entry.show()
            else:
                entry.hide()
        self.updateGeometry()

    def texts(self) -> list[str]:
        return [entry.text.text() for entry in self.entries.values() if not entry.isHidden()]
