"""Issue 20, faults 12–16: no keyboard trap, links and painted things exposed, contrast, every control named.

Checked through Qt's own accessibility layer (``QAccessible``), which is what the AT-SPI bridge
reads; ``tests/ui/test_atspi_walk.py`` checks the same through AT-SPI itself where it exists.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from ui_checks import reset, settle, shared_app  # noqa: F401 (a fixture)

from zusammenleben.core import theme
from zusammenleben.ui.timeline.time_bar import TimeBar


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    return reset(shared_app)


def focus(window, qtbot, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=2000)


# -- 12: Tab leaves the partnership table; the arrows move inside it --------------------------------
def test_tab_leaves_the_partnership_table_and_arrows_move_inside(app, qtbot):
    window, state = app.window, app.context.state
    state.set_screen("partnerships")
    settle()
    screen = window.screens["partnerships"]
    table = screen.table
    focus(window, qtbot, table)
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1, "Down moves to the next row"
    QTest.keyClick(table, Qt.Key.Key_Tab)
    now = QApplication.focusWidget()
    assert now is not table and not table.isAncestorOf(now), "Tab stayed in the table (a keyboard trap)"
    reached = []
    for _ in range(40):  # from the table on, Tab reaches the map's button and the detail tabs
        reached.append(QApplication.focusWidget())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert screen.map.fit_button in reached, [w.objectName() for w in reached]
    tabs = [b for b in (screen.map_tab, screen.details_tab, screen.survey_tab) if b.isVisible()]
    entered = next(w for w in reached if w in tabs)  # a group of tabs is one stop (the chosen tab) …
    entered.setFocus(Qt.FocusReason.TabFocusReason)
    seen = {entered}
    for _ in range(len(tabs)):  # … and the arrow keys move between its tabs, as in any tab bar
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        seen.add(QApplication.focusWidget())
    assert set(tabs) <= seen, [w.objectName() for w in seen]


# -- 13: the links of a text are focusable, named elements with a visible focus ring ------------------
def test_links_in_the_chapter_text_are_named_focusable_elements(app, qtbot):
    window = app.window
    view = window.screens["story"].chapter_view.body_views[0]
    settle()
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus, "the text itself is no Tab stop that shows nothing"
    runs = [(href, text) for _start, _end, href, text in view.link_runs()]
    assert [spot.href for spot in view.spots] == [href for href, _text in runs]
    for spot, (_href, text) in zip(view.spots, runs, strict=True):
        interface = QAccessible.queryAccessibleInterface(spot)
        assert interface.text(QAccessible.Text.Name) == text.strip()
        assert interface.text(QAccessible.Text.Description)
        assert spot.isVisible() and spot.width() > 8 and spot.height() > 8
        assert spot.geometry().intersects(view.viewport().rect())
    terms = []
    view.termActivated.connect(terms.append)
    spot = next(s for s in view.spots if s.href.startswith("glossary:"))
    focus(window, qtbot, spot)
    before = spot.grab().toImage()
    ring = QColor(app.context.state.theme.accent)
    assert any(before.pixelColor(x, before.height() // 2) == ring for x in range(4)), "no visible focus ring"
    QTest.keyClick(spot, Qt.Key.Key_Space)
    assert terms == [spot.href.split(":", 1)[1]]


# -- 14: the time bar's events and the map's places are children with names ---------------------------
def test_time_bar_events_and_map_places_are_exposed_as_named_children(app):
    window, context = app.window, app.context
    bar = window.findChild(TimeBar)
    names = bar.marks.names()
    assert names and len(names) == len(bar.placed_labels())
    for event in context.pack.events:
        assert any(context.language.content(event.title) in name and event.date.iso() in name for name in names)
    context.state.set_screen("partnerships")
    settle()
    map_view = window.screens["partnerships"].map
    map_view.show()
    settle()
    places = map_view.marks.names()
    assert "Mechelen" in places and len(places) >= 10
    child_names = set()
    pending = [QAccessible.queryAccessibleInterface(map_view)]
    while pending:  # the map's node and its viewport's
        node = pending.pop()
        for index in range(node.childCount()):
            child = node.child(index)
            child_names.add(child.text(QAccessible.Text.Name))
            pending.append(child)
    assert "Mechelen" in child_names, "the places are children of the map's accessible node"


# -- 15: contrast of control boundaries and of the search placeholder -----------------------------------
@pytest.mark.parametrize("chosen", [theme.LIGHT, theme.HIGH_CONTRAST])
def test_control_boundaries_have_3_to_1_and_text_4_5_to_1(chosen):
    for ground in (chosen.surface, chosen.background, chosen.highlight):
        assert theme.contrast_ratio(chosen.control, ground) >= 3.0, (chosen.name, ground)
    assert theme.contrast_ratio(chosen.muted, chosen.surface) >= 4.5
    sheet = theme.stylesheet(chosen, 1.0)
    assert f"border: 2px solid {chosen.control}" in sheet and f"placeholder-text-color: {chosen.muted}" in sheet


def test_the_search_placeholder_is_readable(app):
    app.context.state.set_screen("partnerships")
    settle()
    search = app.window.screens["partnerships"].filter_bar.search
    placeholder = search.palette().color(QPalette.ColorRole.PlaceholderText)
    surface = app.context.state.theme.surface
    assert theme.contrast_ratio(placeholder.name(), surface) >= 4.5, placeholder.name()


# -- 16: every interactive node has a name, also the ones Qt adds or hides ------------------------------
def test_row_headers_the_clear_button_and_the_hidden_detail_controls_are_named(app):
    app.context.state.set_screen("partnerships")
    settle()
    screen = app.window.screens["partnerships"]
    model = screen.table.model()
    for row in range(model.rowCount()):
        assert str(model.headerData(row, Qt.Orientation.Vertical) or "").strip(), f"row {row} has no header"
    clear = screen.filter_bar.search.findChildren(QToolButton)
    assert clear, "the search field has its clear button"
    assert all(button.accessibleName() and button.accessibleDescription() for button in clear)
    screen.reset_view()  # no partnership chosen: the detail's controls are hidden, but still named
    detail = screen.detail
    for control in (detail.raw_toggle, detail.source_button):
        assert control.accessibleName() and control.accessibleDescription()
