"""Through QAccessible: every control is named and described; Tab goes header → screen → time bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QWidget,
)
from ui_checks import describe, reset, settle, shared_app  # noqa: F401 (a fixture)

from zusammenleben.ui.timeline.time_bar import TimeBar

INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QAbstractSlider, QGraphicsView, TimeBar)


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    return reset(shared_app)


def interactive_widgets(window: QWidget) -> list[QWidget]:
    """What a user can operate: buttons, lists, fields, the time bar, plots, and anything Tab reaches."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window or isinstance(widget, QScrollBar):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and (widget is parent.viewport() or isinstance(widget, QHeaderView)):
            continue  # a view's own viewport or header: the view carries the name
        if isinstance(widget, INTERACTIVE) or widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def unnamed(window: QWidget) -> list[str]:
    missing = []
    for widget in interactive_widgets(window):
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None and interface.isValid(), describe(widget)
        name = interface.text(QAccessible.Text.Name).strip()
        description = interface.text(QAccessible.Text.Description).strip()
        if not name or not description:
            missing.append(f"{describe(widget)} ({type(widget).__name__}): name {name!r}, "
                           f"description {description[:40]!r}")
    return missing


def test_every_control_on_every_screen_has_an_accessible_name_and_description(app):
    window, state, language = app.window, app.context.state, app.context.language
    missing: list[str] = []
    checked = 0
    for code in ("de", "nl"):
        language.set_language(code)
        for key in window.screens:
            state.set_screen(key)
            settle()
            missing += [f"{key}, {code}: {entry}" for entry in unnamed(window)]
            checked += len(interactive_widgets(window))
        state.set_screen("story")
        for index in (2, state.chapter_count - 1):  # other chapters build other links and figures
            state.set_chapter(index)
            settle()
            missing += [f"story chapter {index + 1}, {code}: {entry}" for entry in unnamed(window)]
        state.set_chapter(0)
    assert checked > 100
    assert not missing, "\n".join(missing)


def test_the_time_bar_and_the_figures_are_described_for_screen_readers(app):
    window = app.window
    bar = window.findChild(TimeBar)
    interface = QAccessible.queryAccessibleInterface(bar)
    assert "2000" in interface.text(QAccessible.Text.Description)
    plot = window.screens["story"].plot_slot.current_plot()
    view = QAccessible.queryAccessibleInterface(plot.view)
    assert view.text(QAccessible.Text.Name) == app.context.language.content(plot.indicator.title)
    assert len(view.text(QAccessible.Text.Description)) > 40, "the plot's summary: values, span, extremes"


def region(window, widget: QWidget) -> str:
    if window.header.isAncestorOf(widget):
        return "header"
    if window.stack.isAncestorOf(widget):
        return "content"
    if isinstance(widget, TimeBar) or any(isinstance(w, TimeBar) and w.isAncestorOf(widget)
                                          for w in window.findChildren(TimeBar)):
        return "time bar"
    return f"elsewhere ({describe(widget)})"


def tab_cycle(window, qtbot, start: QWidget, limit: int = 250) -> list[QWidget]:
    """Press Tab from ``start`` until the focus comes back to it; the widgets it visited, in order."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is start:
            return visited
        if current is not visited[-1]:  # a text's links are stops inside one widget
            visited.append(current)
    raise AssertionError(f"Tab never came back to the start: {[describe(w) for w in visited[-12:]]}")


def test_tab_goes_through_header_story_and_time_bar_in_reading_order(app, qtbot):
    window = app.window
    story = window.screens["story"]
    first = window.nav_buttons["story"]
    visited = tab_cycle(window, qtbot, first)
    regions = [region(window, w) for w in visited]
    order = ["header", "content", "time bar"]
    assert all(r in order for r in regions), regions
    ranks = [order.index(r) for r in regions]
    assert ranks == sorted(ranks), f"Tab leaves a region and comes back: {regions}"
    assert regions[-1] == "time bar"
    assert len(visited) == len(set(map(id, visited))), "every stop once per round"

    header = [w for w in visited if region(window, w) == "header"]
    navigation = [w for w in header if w in window.nav_buttons.values()]
    assert navigation == [b for b in window.nav_buttons.values() if b.isVisible()]
    languages = list(window.language_switch.buttons.values())
    assert [w for w in header if w in languages] == languages
    assert header.index(languages[0]) > header.index(navigation[-1]), "left to right: screens, then languages"

    content = [w for w in visited if region(window, w) == "content"]
    assert content[:len(story.rail.buttons)] == story.rail.buttons, "the chapters first, 1 to 9"
    spots = story.chapter_view.body_views[0].spots  # the text's links, each its own stop (issue 20, fault 13)
    assert spots, "chapter 1 has links in its text"
    start = len(story.rail.buttons)
    assert content[start:start + len(spots)] == spots, "then the text's links, in reading order"
    assert content[-2:] == [story.previous_button, story.next_button] or content[-1] == story.next_button
    reachable = [w for w in interactive_widgets(window)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]
    missing = [describe(w) for w in reachable if w not in visited and not any(v.isAncestorOf(w) for v in visited)]
    assert not missing, f"not reachable with Tab: {missing}"


def test_tab_order_holds_on_another_chapter_and_another_screen(app, qtbot):
    window, state = app.window, app.context.state
    state.set_chapter(4)
    settle()
    visited = tab_cycle(window, qtbot, window.nav_buttons["story"])
    regions = [region(window, w) for w in visited]
    ranks = [["header", "content", "time bar"].index(r) for r in regions]
    assert ranks == sorted(ranks), regions
    state.set_screen("sources")
    settle()
    visited = tab_cycle(window, qtbot, window.nav_buttons["story"])
    regions = [region(window, w) for w in visited]
    assert regions.count("content") >= 2 and regions[-1] == "time bar"
    ranks = [["header", "content", "time bar"].index(r) for r in regions]
    assert ranks == sorted(ranks), regions
    sources = window.screens["sources"]
    content = [w for w in visited if region(window, w) == "content"]
    assert content[0] is sources.list, "the list first, then the page's links"
