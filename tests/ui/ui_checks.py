"""Checks shared by the story, layout and accessibility tests: clipped text, overlaps, settling.

Plain functions that return lists of readable problems, so a failing test names every
clipped label at once instead of stopping at the first.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from zusammenleben.ui.text_button import TextButton

TOLERANCE = 1  # pixels of rounding between a size hint and a geometry


def settle(rounds: int = 4) -> None:
    """Let posted layout requests and resizes run (layouts settle in a few passes)."""
    for _ in range(rounds):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture(scope="module")
def shared_app(tmp_path_factory, options_factory):
    """One real window per test module (building one takes a second or two); ``reset`` between tests."""
    from zusammenleben.app import build_parts

    make_options = options_factory
    folder = tmp_path_factory.mktemp("shared-app")
    parts = build_parts(make_options(lang="de"), settings_path=folder / "settings.ini", log_folder=folder / "logs",
                        show_dialogs=False)
    parts.window.resize(1280, 720)
    parts.window.show()
    QTest.qWaitForWindowExposed(parts.window)
    settle()
    yield parts
    parts.context.language.set_side_by_side(False)
    parts.window.close()
    parts.window.deleteLater()
    parts.context.state.deleteLater()
    parts.context.language.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def reset(parts, size: tuple[int, int] = (1280, 720)):
    """Back to how the app starts: German, 100 %, the story at chapter 1, nothing open."""
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        popup = QApplication.activePopupWidget()
    context, window = parts.context, parts.window
    context.language.set_side_by_side(False)
    context.language.set_language("de")
    context.settings.reduced_motion = False
    context.state.set_font_scale(1.0)
    window.resize(*size)
    context.state.reset()
    for key in ("story", "sources", "glossary"):  # the screens these tests are about
        getattr(window.screens[key], "reset_view", lambda: None)()
    story = window.screens["story"]
    story.fade.stop()
    story.plot_slot.select(0)
    settle()
    return parts


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    text = " ".join(str(text).split())
    return f"{name} {text[:50]!r}" if text else name


def visible_widgets(window: QWidget) -> list[QWidget]:
    """Every widget the user can see in ``window`` (not popups or other windows)."""
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is window]


def _is_scrolled_content(widget: QWidget) -> bool:
    """The content widget of a scroll area: it may be larger than its viewport (that is scrolling)."""
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return isinstance(area, QAbstractScrollArea) and area.viewport() is viewport


def clipping_ancestor(widget: QWidget, window: QWidget) -> QWidget | None:
    """The first ancestor that cuts ``widget`` off, or None (scroll areas' contents may scroll)."""
    child = widget
    while child is not window:
        parent = child.parentWidget()
        if parent is None or _is_scrolled_content(child):
            return None
        if not parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(child.geometry()):
            return parent
        child = parent
    return None


def _longest_word(label: QLabel) -> int:
    metrics = QFontMetrics(label.font())
    return max((metrics.horizontalAdvance(word) for word in label.text().split()), default=0)


def text_problems(window: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit their geometry, or that an ancestor cuts off."""
    problems: list[str] = []
    for widget in visible_widgets(window):
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            size = widget.size()
            if widget.wordWrap():
                needed = widget.heightForWidth(size.width())
                if needed > size.height() + TOLERANCE:
                    problems.append(f"{describe(widget)}: needs {needed} px height, has {size.height()}")
                rich = widget.textFormat() == Qt.TextFormat.RichText or (
                    widget.textFormat() == Qt.TextFormat.AutoText and "<" in widget.text())
                if not rich and _longest_word(widget) > widget.contentsRect().width() + TOLERANCE:
                    problems.append(f"{describe(widget)}: a word is wider than the label ({widget.width()} px)")
            else:
                hint = widget.sizeHint()
                if hint.width() > size.width() + TOLERANCE or hint.height() > size.height() + TOLERANCE:
                    problems.append(f"{describe(widget)}: needs {hint.width()}×{hint.height()}, "
                                    f"has {size.width()}×{size.height()}")
        elif isinstance(widget, TextButton):
            if widget.text() and not widget.text_fits():
                problems.append(f"{describe(widget)}: wrapped text needs {widget.heightForWidth(widget.width())} "
                                f"px height, has {widget.height()} (width {widget.width()})")
        elif isinstance(widget, (QPushButton, QAbstractButton)) and widget.text():
            hint = widget.sizeHint()
            if hint.width() > widget.width() + TOLERANCE or hint.height() > widget.height() + TOLERANCE:
                problems.append(f"{describe(widget)}: needs {hint.width()}×{hint.height()}, "
                                f"has {widget.width()}×{widget.height()}")
        else:
            continue
        ancestor = clipping_ancestor(widget, window)
        if ancestor is not None:
            problems.append(f"{describe(widget)}: cut off by {describe(ancestor)}")
    return problems


def overlap_problems(window: QWidget, allowed: tuple[type, ...] = ()) -> list[str]:
    """Pairs of visible sibling widgets whose rectangles overlap (more than a pixel of rounding).

    The invisible stand-ins laid over painted things for screen readers (link spots over a text's
    links, marks over the map's places and the time bar's events) overlap by design."""
    from zusammenleben.ui.accessible_marks import Mark
    from zusammenleben.ui.link_spots import LinkSpot

    allowed = (*allowed, Mark, LinkSpot)
    problems: list[str] = []
    for parent in [window, *visible_widgets(window)]:
        children = [child for child in parent.children()
                    if isinstance(child, QWidget) and child.isVisible() and not child.isWindow()
                    and not isinstance(child, allowed)]
        for first, second in combinations(children, 2):
            shared: QRect = first.geometry() & second.geometry()
            if shared.width() > TOLERANCE and shared.height() > TOLERANCE:
                problems.append(f"{describe(first)} overlaps {describe(second)} in {describe(parent)}")
    return problems


def scroll_problems(window: QWidget) -> list[str]:
    """Scroll areas whose content widget is shorter than its layout needs at its width (text would be cut)."""
    problems: list[str] = []
    for area in visible_widgets(window):
        if not isinstance(area, QScrollArea) or area.widget() is None or area.widget().layout() is None:
            continue
        content, layout = area.widget(), area.widget().layout()
        needed = layout.totalHeightForWidth(content.width()) if layout.hasHeightForWidth() else \
            layout.totalMinimumSize().height()
        if needed > content.height() + TOLERANCE:
            problems.append(f"{describe(area)}: content needs {needed} px, has {content.height()}")
    return problems


def layout_problems(window: QWidget) -> list[str]:
    return text_problems(window) + overlap_problems(window) + scroll_problems(window)
