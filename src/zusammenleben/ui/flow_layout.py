"""A layout that places widgets in a row and wraps onto the next row when the row is full.

The header's screen buttons need it: six Dutch labels at 100 % nearly fill a 1280-pixel
window, and at a projector's 200 % no single row fits. Wrapping to a second row keeps
every label whole instead of squeezing buttons below their text or widening the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem
from shiboken6 import isValid


class FlowLayout(QLayout):
    """Items at their size hints, left to right, wrapping; reports ``heightForWidth`` to its parent."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    # -- the QBoxLayout calls other code makes (a stretch has no meaning in a flow) -------------------
    def addWidget(self, widget: QWidget, stretch: int = 0, alignment=None) -> None:  # noqa: N802
        super().addWidget(widget)

    def insertWidget(self, index: int, widget: QWidget, stretch: int = 0, alignment=None) -> None:  # noqa: N802
        self.addChildWidget(widget)
        position = len(self._items) if index < 0 else min(index, len(self._items))
        self._items.insert(position, QWidgetItem(widget))
        self.invalidate()

    # -- QLayout ------------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._live())

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        items = self._live()
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        items = self._live()
        return items.pop(index) if 0 <= index < len(items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one row: what the layout would like if the window is wide enough."""
        hints = [item.sizeHint() for item in self._visible()]
        margins = self.contentsMargins()
        width = sum(h.width() for h in hints) + self.spacing() * max(0, len(hints) - 1)
        height = max((h.height() for h in hints), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single item: below that nothing can wrap any further."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.sizeHint())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- internals ----------------------------------------------------------------------------------
    def _live(self) -> list[QLayoutItem]:
        """The items whose C++ side still exists.

        Qt deletes the item of a widget that is deleted or moves to another layout; an
        item Qt created (``addWidget``) can go without ``takeAt`` being asked first. A
        Python exception inside ``heightForWidth`` crashes shiboken 6.11, so dead items
        are dropped here instead of being touched.
        """
        if not all(isValid(item) for item in self._items):
            self._items[:] = [item for item in self._items if isValid(item)]
        return self._items

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._live() if not item.isEmpty()]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = self.spacing()
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._visible():
            hint = item.sizeHint()
            if rows[-1] and x + hint.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + spacing
        y = area.y()
        for row in rows:
            height = max((hint.height() for _item, hint in row), default=0)
            x = area.x()
            for item, hint in row:
                if apply:  # items of one row share its vertical centre
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + spacing
            y += height + spacing
        used = y - spacing - area.y() if rows[-1] else 0
        return used + margins.top() + margins.bottom()
