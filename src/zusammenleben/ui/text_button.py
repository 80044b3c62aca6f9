"""A touch-sized button whose text wraps instead of being cut off.

``QPushButton`` draws one line and elides nothing: long chapter titles or source names in
German or Dutch would overflow at a large font scale. This button paints its own wrapped
text (and an optional number badge), reports ``heightForWidth``, and is never shorter
than the touch target. Colours come from the active theme so it matches the style sheet.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from zusammenleben.core import theme

WRAP_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


def scrollbar_style(colours: theme.Theme, scale: float) -> str:
    """A calm scroll bar (a rounded handle, no arrows) wide enough for a finger at the given scale."""
    t = theme.TypeScale(scale)
    return (
        f"QScrollBar:vertical {{ background: transparent; width: {t.px(14)}px; margin: 0; border: none; }}"
        f"QScrollBar::handle:vertical {{ background: {colours.border}; border-radius: {t.px(7)}px;"
        f" min-height: {t.px(48)}px; }}"
        f"QScrollBar::handle:vertical:hover {{ background: {colours.muted}; }}"
        "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; }"
        "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
    )


class TextButton(QAbstractButton):
    """A wrapped-text button: ``style`` is ``"card"`` (bordered, for rails) or ``"link"`` (flat, accent text)."""

    def __init__(self, context, text: str = "", parent: QWidget | None = None, *, number: str = "",
                 style: str = "card") -> None:
        super().__init__(parent)
        self.context = context
        self.number = number
        self.button_style = style
        self.setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- metrics ------------------------------------------------------------------------------------
    def _scale(self) -> theme.TypeScale:
        return theme.TypeScale(self.context.state.font_scale)

    def _padding(self) -> tuple[int, int]:
        t = self._scale()
        return (t.px(14), t.px(8)) if self.button_style == "card" else (t.px(4), t.px(6))

    def _badge_width(self) -> int:
        if not self.number:
            return 0
        metrics = QFontMetrics(self.font())
        return max(metrics.height() + self._scale().px(8), metrics.horizontalAdvance(self.number) + 16)

    def _text_rect(self, width: int) -> QRect:
        pad_x, pad_y = self._padding()
        badge = self._badge_width()
        gap = self._scale().px(12) if badge else 0
        return QRect(pad_x + badge + gap, pad_y, max(1, width - 2 * pad_x - badge - gap), 10_000)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # layouts ask this many times per pass (a language switch: ~200 calls, a chapter move ~600);
        # measure each case once. The font is not in the key (QFont.key() cost more than the lookup
        # saved): a font change clears the cache in changeEvent.
        key = (width, self.text(), self.number, self.context.state.font_scale)
        cache = self.__dict__.setdefault("_height_cache", {})
        height = cache.get(key)
        if height is None:
            rect = self._text_rect(width)
            metrics = QFontMetrics(self.font())
            text_height = metrics.boundingRect(rect, WRAP_FLAGS, self.text()).height()
            _pad_x, pad_y = self._padding()
            height = max(self._scale().touch_target, text_height + 2 * pad_y, self._badge_width() + 2 * pad_y)
            if len(cache) > 64:
                cache.clear()
            cache[key] = height
        return height

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.__dict__.pop("_height_cache", None)
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        pad_x, _pad_y = self._padding()
        badge = self._badge_width()
        gap = self._scale().px(12) if badge else 0
        one_line = metrics.horizontalAdvance(self.text()) + 2 * pad_x + badge + gap + 2
        width = min(one_line, self._scale().px(420))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        pad_x, _pad_y = self._padding()
        metrics = QFontMetrics(self.font())
        longest_word = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)
        width = longest_word + 2 * pad_x + self._badge_width() + (self._scale().px(12) if self.number else 0) + 2
        # one line high: layouts and scroll areas ask heightForWidth for the real height; the height
        # at the narrowest width would make a scroll area's content far taller than it needs to be
        return QSize(width, self._scale().touch_target)

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        colours = self.context.state.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self._scale().px(8)
        frame = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        checked = self.isChecked()
        focused = self.hasFocus()
        if self.button_style == "card":
            fill = QColor(colours.accent if checked else colours.surface)
            border = QColor(colours.accent if (checked or focused or self.underMouse()) else colours.control)
            painter.setPen(QPen(border, 3 if focused else 2))
            painter.setBrush(fill)
            painter.drawRoundedRect(frame, radius, radius)
            text_colour = QColor(colours.accent_text if checked else colours.text)
        else:
            if focused:
                painter.setPen(QPen(QColor(colours.accent), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(frame, radius, radius)
            text_colour = QColor(colours.accent)
        if not self.isEnabled():
            text_colour = QColor(colours.muted)
        if self.number:
            self._paint_badge(painter, colours, checked)
        font = self.font()
        font.setUnderline(self.button_style == "link")
        painter.setFont(font)
        painter.setPen(text_colour)
        rect = self._text_rect(self.width())
        rect.setHeight(self.height() - 2 * self._padding()[1])
        painter.drawText(rect, WRAP_FLAGS, self.text())
        painter.end()

    def _paint_badge(self, painter: QPainter, colours: theme.Theme, checked: bool) -> None:
        pad_x, _pad_y = self._padding()
        size = self._badge_width()
        diameter = min(size, self.height() - 8)
        badge = QRectF(pad_x, (self.height() - diameter) / 2, size, diameter)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.accent_text if checked else colours.highlight))
        painter.drawRoundedRect(badge, diameter / 2, diameter / 2)
        font = self.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(colours.accent))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), self.number)

    def text_fits(self) -> bool:
        """True when the wrapped text fits the current size (the layout test asks this)."""
        return self.height() >= self.heightForWidth(self.width()) - 1 and self.width() >= math.floor(
            self.minimumSizeHint().width()
        ) - 1
