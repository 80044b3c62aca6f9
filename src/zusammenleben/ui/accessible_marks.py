"""Invisible, named children over what a custom-painted widget draws, for screen readers.

The time bar and the partnership map paint their events and places themselves, so to
assistive technology each was one node with a name and nothing inside. ``AccessibleMarks``
keeps one plain child widget per painted thing, laid over it, with the thing's name (an
event's year and title, a place's name) and description (its country). They paint nothing,
take no focus and let every mouse event through: sighted and touch use is unchanged, while
a screen reader's object navigation (Orca's flat review, NVDA's object nav) reads them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget


class Mark(QWidget):
    """One named, transparent, unfocusable rectangle."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class AccessibleMarks:
    """The marks of one parent widget; ``update`` reuses them, so a repaint costs no allocations.

    ``parent`` may be a function that returns the widget (``view.viewport``): a scroll area's viewport
    is made by Qt, and PySide can invalidate a kept wrapper of it while the widget lives on (seen when
    the partnership map was built after the story had deleted a chapter's widgets), so it is asked
    for afresh at each update.
    """

    def __init__(self, parent: QWidget | Callable[[], QWidget]) -> None:
        self._parent = parent
        self.marks: list[Mark] = []

    @property
    def parent(self) -> QWidget:
        return self._parent if isinstance(self._parent, QWidget) else self._parent()

    def update(self, items: list[tuple[str, str, QRect]]) -> None:
        """``(name, description, rect in the parent's pixels)`` for each thing shown, in reading order."""
        while len(self.marks) < len(items):
            self.marks.append(Mark(self.parent))
        for mark, (name, description, rect) in zip(self.marks, items, strict=False):
            if mark.accessibleName() != name:
                mark.setAccessibleName(name)
            if mark.accessibleDescription() != description:
                mark.setAccessibleDescription(description)
            mark.setGeometry(rect)
            mark.lower()  # under the parent's own children (the map's "Whole map" button)
            mark.show()
        for mark in self.marks[len(items):]:
            mark.hide()

    def names(self) -> list[str]:
        return [mark.accessibleName() for mark in self.marks if not mark.isHidden()]
