"""The app's plain reading label: word-wrapped, plain text, styled by its role in the theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

_MEASURE_AGAIN = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)


class WrappedLabel(QLabel):
    """A QLabel that remembers its wrapped height per width and text.

    Qt lays the whole text out again for every ``heightForWidth`` call, and layouts ask it many
    times per pass while a scroll area or a grid of cards settles: text layout was the largest
    native cost of a chapter move and of a language switch (benchmarks/chapter_move.py,
    language_switch.py). A font or style change measures again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 32:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in _MEASURE_AGAIN:
            self._heights.clear()
        super().changeEvent(event)


def wrapped_label(parent: QWidget, role: str = "", name: str = "", *, show: bool = False) -> QLabel:
    """A wrapped plain-text label; ``role`` picks its style in ``theme.stylesheet``.

    The role is set before the label is shown: showing polishes, and a later role would not
    restyle it. ``show`` shows it at once (a child added to a shown panel is otherwise shown later).
    """
    label = WrappedLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    if show:
        label.setVisible(True)
    return label
