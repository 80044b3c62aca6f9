"""The time bar: labels that never overlap, events that open on a tap, always visible."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from ui_checks import reset, settle, shared_app, text_problems  # noqa: F401 (a fixture)

from zusammenleben.ui.timeline.label_layout import Marker, layout_labels
from zusammenleben.ui.timeline.time_bar import TimeBar


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    return reset(shared_app)


def bar_of(parts) -> TimeBar:
    return parts.window.findChild(TimeBar)


def overlapping(rects: list[QRectF]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(rects)) for j in range(i + 1, len(rects))
            if rects[i].intersects(rects[j])]


@settings(max_examples=150, deadline=None)
@given(
    xs=st.lists(st.floats(min_value=0, max_value=1000), min_size=1, max_size=40),
    widths=st.lists(st.integers(min_value=20, max_value=260), min_size=40, max_size=40),
    rows=st.integers(min_value=1, max_value=3),
    right=st.integers(min_value=120, max_value=1600),
)
def test_label_layout_never_overlaps_for_any_markers(xs, widths, rows, right):
    markers = [Marker(f"e{i}", x, f"label {i}") for i, x in enumerate(xs)]
    sizes = {f"label {i}": widths[i] for i in range(len(xs))}
    placed = layout_labels(markers, lambda text: sizes.get(text, 40), 0.0, float(right), rows, 8.0)
    assert sorted(m.id for item in placed for m in item.markers) == sorted(m.id for m in markers)
    for row in range(rows):
        boxes = sorted((item for item in placed if item.row == row), key=lambda item: item.left)
        for first, second in itertools.pairwise(boxes):
            assert second.left >= first.right + 8.0 - 1e-6


def check_geometry(geometry, width: float, events: list, where: str) -> None:
    rects = geometry.label_rects()
    assert rects, where
    assert not overlapping(rects), f"labels overlap at {where}"
    metrics = QFontMetricsF(geometry.year_font)  # the widest a label is painted (bold, when current)
    for item, rect in zip(geometry.placed, rects, strict=True):
        assert rect.left() >= 0 and rect.right() <= width, f"{item.text!r} leaves the bar ({where})"
        assert rect.bottom() < geometry.axis_y, where
        assert metrics.horizontalAdvance(item.text) <= rect.width(), f"{item.text!r} is cut ({where})"
        assert metrics.height() <= rect.height(), where
    shown = sorted(m.id for item in geometry.placed for m in item.markers)
    assert shown == sorted(event.id for event in events), f"every event is on the bar ({where})"


def test_labels_never_overlap_at_both_widths_languages_and_scales(app):
    """The bar's own measuring code with the real fonts and labels, for each width, language and scale."""
    from zusammenleben.ui.timeline.geometry import build_geometry

    language, pack = app.context.language, app.context.pack
    bar = bar_of(app)
    for width in (1280, 1920):
        for code in ("de", "nl"):
            markers = [Marker(e.id, e.date.start.decimal_year, language.content_in(e.label, code)) for e in pack.events]
            for scale in (1.0, 2.0):
                geometry = build_geometry(width, scale, bar.font(), pack.start_year, pack.end_year, markers,
                                          lambda count: f"+{count}")
                check_geometry(geometry, width, pack.events, f"{width} px, {code}, {scale:.0%}")
                if scale == 2.0:
                    assert geometry.height > 1.8 * build_geometry(width, 1.0, bar.font(), pack.start_year,
                                                                  pack.end_year, markers, str).height


def test_the_painted_bar_uses_that_layout_and_is_never_cut(app):
    window, language = app.window, app.context.language
    bar = bar_of(app)
    for code, size in (("de", (1280, 720)), ("nl", (1920, 1080))):
        language.set_language(code)
        window.resize(*size)
        settle()
        assert bar.width() == window.width()
        geometry = bar.bar_geometry()
        check_geometry(geometry, bar.width(), app.context.pack.events, f"{bar.width()} px, {code}")
        assert {item.text for item in geometry.placed if not item.is_cluster} <= {
            language.content(e.label) for e in app.context.pack.events}
        assert bar.height() >= geometry.height - 1, "the bar is as tall as its rows, axis and years"


def single_event_label(bar):
    return next(item for item in bar.placed_labels() if not item.is_cluster)


def tap(bar, rect: QRectF, qtbot) -> None:
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_tapping_an_event_label_opens_the_event(app, qtbot):
    state, language, pack = app.context.state, app.context.language, app.context.pack
    bar = bar_of(app)
    item = single_event_label(bar)
    event = next(e for e in pack.events if e.id == item.markers[0].id)
    opened = []
    state.eventOpened.connect(opened.append)
    tap(bar, bar.bar_geometry().label_rect(item), qtbot)
    popup = bar.popup
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.title_label.text() == language.content(event.title)
    assert popup.text_label.text() == language.content(event.text)
    assert state.year == event.date.first_year
    assert opened == [event.id]
    assert popup.geometry().bottom() <= bar.mapToGlobal(QPoint(0, 0)).y(), "the popup opens above the bar"
    assert len(popup.buttons) == len(event.sources)
    settle()
    assert not text_problems(popup), text_problems(popup)
    qtbot.mouseClick(popup.buttons[0], Qt.MouseButton.LeftButton)
    assert not popup.isVisible()
    assert (state.screen, app.window.screens["sources"].selected_id) == ("sources", event.sources[0])


def test_an_event_shows_its_easy_text_at_the_easy_level_in_both_languages(app, qtbot):
    state, language, pack = app.context.state, app.context.language, app.context.pack
    bar = bar_of(app)
    events = {e.id: e for e in pack.events}
    item = next(item for item in bar.placed_labels()
                if not item.is_cluster and events[item.markers[0].id].easy)
    event = events[item.markers[0].id]
    assert event.easy != event.text
    try:
        state.set_level("easy")
        for code in ("de", "nl"):
            language.set_language(code)
            tap(bar, bar.bar_geometry().label_rect(item), qtbot)
            popup = bar.popup
            qtbot.waitUntil(popup.isVisible, timeout=2000)
            assert popup.text_label.text() == language.content(event.easy), code
            assert language.content(event.easy) != event.easy or code == "de", "the Dutch easy text is translated"
            state.set_level("standard")  # switched while open: the popup follows
            qtbot.waitUntil(lambda p=popup: p.text_label.text() == language.content(event.text), timeout=2000)
            state.set_level("easy")
            qtbot.waitUntil(lambda p=popup: p.text_label.text() == language.content(event.easy), timeout=2000)
            popup.close()
    finally:
        state.set_level("standard")
        language.set_language("de")


def test_tapping_a_bubble_lists_its_events_and_opens_the_chosen_one(app, qtbot):
    language, pack = app.context.language, app.context.pack
    bar = bar_of(app)
    bubble = next(item for item in bar.placed_labels() if item.is_cluster)
    assert bubble.text == f"+{len(bubble.markers)}"
    tap(bar, bar.bar_geometry().label_rect(bubble), qtbot)
    popup = bar.popup
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert len(popup.buttons) == len(bubble.markers)
    chosen = pack.events[[e.id for e in pack.events].index(bubble.markers[-1].id)]
    button = next(b for b in popup.buttons if b.accessibleName() == language.content(chosen.title))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: popup.current_id == chosen.id and popup.isVisible(), timeout=2000)
    assert popup.title_label.text() == language.content(chosen.title)
    popup.close()


def test_keyboard_reaches_every_event(app, qtbot):
    bar = bar_of(app)
    bar.setFocus()
    opened = []
    app.context.state.eventOpened.connect(opened.append)
    item = single_event_label(bar)
    index = bar.placed_labels().index(item)
    for _ in range(index + 1):
        qtbot.keyClick(bar, Qt.Key.Key_Down)
    assert bar.focused_group == index
    qtbot.keyClick(bar, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.popup.isVisible, timeout=2000)
    assert opened == [item.markers[0].id]
    bar.popup.close()


def test_the_time_bar_is_visible_under_every_screen(app):
    bar = bar_of(app)
    for key in app.window.screens:
        app.context.state.set_screen(key)
        settle()
        assert bar.isVisible(), key
        assert bar.geometry().bottom() == app.window.centralWidget().height() - 1, key
    popup = QApplication.activePopupWidget()
    assert popup is None


def test_the_bar_grows_with_the_font_scale(app):
    """Last in this module: a scale change restyles the whole window, the slowest thing to reset."""
    bar = bar_of(app)
    height = bar.height()
    app.context.state.set_font_scale(1.5)
    settle()
    assert bar.bar_geometry().scale == 1.5
    assert bar.height() >= bar.bar_geometry().height - 1 and bar.height() > 1.4 * height


# -- issue 20, fault 1: painting costs the same for any span --------------------------------------
@pytest.mark.parametrize("end_year", [2026, 2600, 999_999_999])
def test_ticks_depend_on_the_width_not_on_the_span(app, end_year):
    from zusammenleben.ui.timeline.geometry import MIN_TICK_GAP, build_geometry

    bar = bar_of(app)
    geometry = build_geometry(1200, 1.0, bar.font(), 2001, end_year, [], lambda count: f"+{count}")
    minor, labelled = geometry.minor_ticks(), geometry.labelled_ticks()
    assert len(minor) <= 1200 / MIN_TICK_GAP + 2
    assert len(labelled) <= 1200 / 20
    assert len(labelled) >= 2 or end_year - 2001 < geometry.tick_step
    if end_year == 2026:
        assert list(minor) == list(range(2001, 2028))  # a short span keeps a tick for every year


def test_the_bar_paints_a_pack_of_a_billion_years_at_once(app, monkeypatch):
    """``end_year = 999999999`` validated and then hung the app in ``_paint_axis`` (one tick per year)."""
    import dataclasses
    import signal

    bar = bar_of(app)
    monkeypatch.setattr(bar, "pack", dataclasses.replace(bar.pack, end_year=999_999_999))
    bar.__dict__.pop("_measured", None)

    def hung(_signal, _frame):
        raise TimeoutError("painting the time bar did not finish in 20 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a hang guard (before the fix: about a billion loop turns), not a speed test
    try:
        bar.relayout()
        image = bar.grab().toImage()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        bar.__dict__.pop("_measured", None)
    assert not image.isNull()
