"""The reader's place in a window — screen, chapter, year, type size, scroll positions — carried into another.

A reload builds a fresh window for the new pack; the author must land where she was. The chapter
is found again by its id (its position may have moved), the year is clamped to the pack's years,
and each scroll area is matched by screen, object name and position among same-named areas. What
no longer exists (a deleted chapter, a vanished scroll area) is skipped; nothing is guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

RESTORE_TRIES_MS = (0, 30, 120, 300, 700)  # scroll ranges settle only when the new screens are laid out

ScrollKey = tuple[str, str, int]


@dataclass
class ViewState:
    screen: str
    chapter_id: str | None
    chapter_index: int
    year: int
    font_scale: float
    maximized: bool = False
    full_screen: bool = False
    scrolls: dict[ScrollKey, tuple[int, int]] = field(default_factory=dict)


def scroll_areas(window, keys=None) -> dict[ScrollKey, QAbstractScrollArea]:
    """Every scroll area of the built screens (or of the screens ``keys``, built if they wait).

    Keyed ``(screen, objectName, n-th of that name)``; a screen not built yet has not scrolled.
    """
    found: dict[ScrollKey, QAbstractScrollArea] = {}
    screens = window.built_screens() if keys is None else {
        key: window.screens[key] for key in window.screens if key in keys}
    for key, screen in screens.items():
        seen: Counter[str] = Counter()
        for area in screen.findChildren(QAbstractScrollArea):
            name = area.objectName()
            found[(key, name, seen[name])] = area
            seen[name] += 1
    return found


def capture(window, state) -> ViewState:
    chapter = state.chapter
    view = ViewState(
        screen=state.screen,
        chapter_id=chapter.id if chapter is not None else None,
        chapter_index=state.chapter_index,
        year=state.year,
        font_scale=state.font_scale,
        maximized=window.isMaximized(),
        full_screen=window.isFullScreen(),
    )
    for key, area in scroll_areas(window).items():
        view.scrolls[key] = (area.horizontalScrollBar().value(), area.verticalScrollBar().value())
    return view


def restore_place(state, view: ViewState) -> None:
    """Chapter (by id, else the same position), year and screen; the year last, since a chapter moves it."""
    ids = [chapter.id for chapter in state.pack.chapters]
    if view.chapter_id in ids:
        state.set_chapter(ids.index(view.chapter_id), move_year=False)
    else:
        state.set_chapter(view.chapter_index, move_year=False)
    state.set_year(view.year)
    state.set_font_scale(view.font_scale)
    state.set_screen(view.screen)


def restore_scrolls(window: QWidget, view: ViewState) -> None:
    """Scroll positions once the new window is laid out (tried a few times while the ranges grow)."""
    pending = dict(view.scrolls)

    def attempt() -> None:
        if not pending:
            return
        try:
            areas = scroll_areas(window, {key[0] for key in pending})
        except RuntimeError:  # the window was replaced again meanwhile
            pending.clear()
            return
        for key in list(pending):
            area = areas.get(key)
            if area is None:
                del pending[key]
                continue
            horizontal, vertical = pending[key]
            hbar, vbar = area.horizontalScrollBar(), area.verticalScrollBar()
            hbar.setValue(horizontal)
            vbar.setValue(vertical)
            if hbar.value() == horizontal and vbar.value() == vertical:
                del pending[key]

    for delay in RESTORE_TRIES_MS:
        QTimer.singleShot(delay, window, attempt)
