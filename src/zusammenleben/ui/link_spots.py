"""Each in-app link of a Markdown text as a real, focusable, named element.

``QTextBrowser`` draws links but exposes none of them to screen readers (the AT-SPI tree
has one text node and no link nodes), and its keyboard focus on a link is a faint dotted
box. A ``LinkSpot`` is a transparent button laid exactly over a link's text: Tab reaches
it, a screen reader reads its name (the link's words) and description (where it leads),
Enter, Space or a tap open the link, and the focus is a clearly visible ring in the theme's
accent colour. The text itself stays painted by the browser, unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

FOCUS_RING = 3  # pixels: clearly visible at a projector's distance (WCAG 2.4.7 / 2.4.11)


class LinkSpot(QAbstractButton):
    """A transparent, focusable stand-in for one link: activation is the owner's ``clicked`` handler."""

    def __init__(self, href: str, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.ring_colour = "#0B5C8C"
        self.set_link(href, text)

    def set_link(self, href: str, text: str) -> None:
        """Stand for another link (spots are reused when the text changes)."""
        self.href = href
        self.setText(text)
        self.setAccessibleName(text)

    def place(self, rect: QRect) -> None:
        margin = FOCUS_RING + 1  # room for the ring around the words
        self.setGeometry(rect.adjusted(-margin, -margin // 2, margin, margin // 2))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self.hasFocus():
            return  # the browser paints the link's words; the spot only adds the focus ring
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.ring_colour), FOCUS_RING))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = FOCUS_RING / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)
        painter.end()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()
