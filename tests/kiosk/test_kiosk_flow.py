"""The kiosk's life cycle in the real window: attract loop, visit, "Still there?", reset, admin."""

from __future__ import annotations

import csv

from kiosk_helpers import PIN, enter_pin, tap
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from zusammenleben.modes.kiosk.controller import Phase


def test_the_kiosk_starts_with_the_attract_loop(kiosk_app):
    parts = kiosk_app()
    kiosk = parts.kiosk
    assert kiosk.phase is Phase.ATTRACT
    assert kiosk.attract_overlay.isVisible() and kiosk.attract.playing
    assert parts.window.close_guard() is not None
    assert parts.context.state.font_scale == 1.25


def test_the_attract_loop_moves_through_chapters_and_years(qtbot, kiosk_app):
    parts = kiosk_app(attract_speed=4.0)  # 3.5 s a chapter
    kiosk, state = parts.kiosk, parts.context.state
    kiosk.attract.seconds_per_chapter = 0.5
    years_seen: set[int] = set()
    state.yearChanged.connect(years_seen.add)
    kiosk.attract.start(1)  # chapter 2 spans many years: the cursor walks through them
    span = parts.context.pack.chapters[1].years
    qtbot.waitUntil(lambda: state.chapter_index >= 2, timeout=8000)
    assert set(range(span.first_year + 1, span.last_year + 1)) <= years_seen
    assert state.screen == "story"


def test_without_the_loop_the_first_touch_starts_a_visit(qtbot, kiosk_app):
    parts = kiosk_app(attract=False)
    kiosk = parts.kiosk
    assert kiosk.phase is Phase.WAITING and not kiosk.attract_overlay.isVisible()
    tap(qtbot, parts.window.nav_buttons["indicators"])
    assert kiosk.phase is Phase.SESSION and parts.context.state.screen == "indicators"
    qtbot.waitUntil(lambda: kiosk.phase is Phase.WAITING, timeout=3000)  # idle, countdown, reset
    assert parts.context.state.screen == "story"


def test_the_countdown_closes_the_letter_pad(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk = parts.kiosk
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    parts.context.state.set_screen("partnerships")
    search = parts.window.screens["partnerships"].filter_bar.search
    qtbot.waitUntil(search.isVisible)
    tap(qtbot, search)
    qtbot.waitUntil(kiosk.letters.pad.isVisible)
    qtbot.waitUntil(kiosk.countdown_overlay.isVisible, timeout=3000)
    assert not kiosk.letters.pad.isVisible()


def test_a_touch_stops_the_loop_and_starts_a_visit(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, state = parts.kiosk, parts.context.state
    kiosk.attract.seconds_per_chapter = 0.3
    kiosk.attract.start(0)
    qtbot.waitUntil(lambda: state.chapter_index >= 1, timeout=3000)
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    assert kiosk.phase is Phase.SESSION
    assert not kiosk.attract_overlay.isVisible() and not kiosk.attract.active
    chapter = state.chapter_index
    kiosk.idle.set_seconds(60)
    kiosk.idle.restart()
    qtbot.wait(700)  # longer than a chapter of the (stopped) loop
    assert state.chapter_index == chapter


def test_visitors_can_pause_and_resume_the_loop(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, state = parts.kiosk, parts.context.state
    kiosk.attract.seconds_per_chapter = 0.3
    kiosk.attract.start(0)
    kiosk.idle.set_seconds(60)  # a paused loop resumes by itself after the idle time; not during this test
    button = kiosk.attract_overlay.play_pause
    assert button.width() >= 48 and button.height() >= 48
    tap(qtbot, button)
    assert kiosk.attract.paused and kiosk.phase is Phase.ATTRACT  # the button does not start a visit
    assert button.accessibleName() == parts.context.language.ui("Play the tour")
    chapter = state.chapter_index
    qtbot.wait(500)
    assert state.chapter_index == chapter
    tap(qtbot, button)
    assert kiosk.attract.playing
    qtbot.waitUntil(lambda: state.chapter_index != chapter, timeout=3000)


def test_a_paused_loop_resumes_when_nobody_comes(qtbot, kiosk_app):
    kiosk = kiosk_app().kiosk
    tap(qtbot, kiosk.attract_overlay.play_pause)
    assert kiosk.attract.paused
    qtbot.waitUntil(lambda: kiosk.attract.playing, timeout=2000)  # after the idle time (0.4 s)


def town_prefix(pack) -> str:
    """The first letters of a partner town, as the letter pad can type them."""
    from zusammenleben.ui.partners.text import fold

    return "".join(char for char in fold(pack.partnerships[0].municipality) if char.isalpha())[:4].upper()


def change_everything(parts) -> None:
    """What a visitor leaves behind: another chapter, language, screen, filters and figures."""
    window, state, language = parts.window, parts.context.state, parts.context.language
    state.set_chapter(4)
    language.set_language("nl")
    language.set_side_by_side(True)
    partners = window.screens["partnerships"]
    partners.filter_bar.search.setText(town_prefix(parts.context.pack).lower())
    next(iter(partners.filter_bar.aspect_chips.values())).setChecked(True)
    figures = window.screens["indicators"]
    figures.set_selected([figures.pack.indicators[-1].id])
    sources = window.screens["sources"]
    sources.select(sources.list_ids()[-1])
    state.set_screen("partnerships")


def test_idle_shows_the_countdown_and_then_resets_everything(qtbot, kiosk_app, caplog):
    parts = kiosk_app()
    kiosk, state, language, window = parts.kiosk, parts.context.state, parts.context.language, parts.window
    figures = window.screens["indicators"]
    first_figures = figures.selected_ids()
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    change_everything(parts)
    assert window.screens["partnerships"].proxy.rowCount() < len(parts.context.pack.partnerships)
    qtbot.waitUntil(lambda: kiosk.countdown_overlay.isVisible(), timeout=3000)
    assert kiosk.phase is Phase.COUNTDOWN
    assert kiosk.countdown_overlay.title.text() == language.ui("Still there?")
    qtbot.waitUntil(lambda: kiosk.phase is Phase.ATTRACT, timeout=3000)
    assert not kiosk.countdown_overlay.isVisible() and kiosk.attract_overlay.isVisible()
    assert state.chapter_index == 0 and state.screen == "story"
    assert language.code == "de" and not language.side_by_side
    partners = window.screens["partnerships"]
    assert partners.filter_bar.search.text() == ""
    assert not any(chip.isChecked() for chip in partners.filter_bar.aspect_chips.values())
    assert partners.proxy.rowCount() == len(parts.context.pack.partnerships)
    assert figures.selected_ids() == first_figures
    sources = window.screens["sources"]
    assert sources.selected_id == sources.list_ids()[0]
    assert "failed" not in caplog.text  # every screen's reset_view ran


def test_continue_cancels_the_countdown(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, state = parts.kiosk, parts.context.state
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    state.set_chapter(3)
    qtbot.waitUntil(lambda: kiosk.countdown_overlay.isVisible(), timeout=3000)
    button = kiosk.countdown_overlay.button
    assert button.height() >= 48 and button.text() == parts.context.language.ui("Continue")
    kiosk.idle.set_seconds(60)  # so that the question does not come back while we wait
    tap(qtbot, button)
    assert kiosk.phase is Phase.SESSION and not kiosk.countdown_overlay.isVisible()
    qtbot.wait(1100)  # longer than the countdown was
    assert kiosk.phase is Phase.SESSION and state.chapter_index == 3


def test_the_window_cannot_be_closed(qtbot, kiosk_app):
    window = kiosk_app().window
    assert window.close() is False
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()


def test_quit_and_escape_keys_do_nothing(qtbot, kiosk_app):
    from PySide6.QtGui import QKeySequence, QShortcut

    parts = kiosk_app()
    window = parts.window
    tap(qtbot, parts.kiosk.attract_overlay, QPoint(640, 300))  # a visit: no overlay open (an open one takes
    assert not parts.kiosk.attract_overlay.isVisible()         # every key, see test_kiosk_faults.py)
    fired = []
    for keys in ("Ctrl+Q", "Ctrl+W", "Esc", "F11", "Alt+F4"):
        shortcut = QShortcut(QKeySequence(keys), window)  # as if some part of the app offered them
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(lambda k=keys: fired.append(k))
    allowed = QShortcut(QKeySequence("Ctrl+K"), window)
    allowed.setContext(Qt.ShortcutContext.ApplicationShortcut)
    allowed.activated.connect(lambda: fired.append("Ctrl+K"))
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    for key, modifier in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
                          (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                          (Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)):
        qtbot.keyClick(window, key, modifier)
    assert fired == ["Ctrl+K"]  # the control: other shortcuts still work
    assert window.isVisible()


def visible_menus() -> list:
    from PySide6.QtWidgets import QMenu

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def offer_menu(widget, opened: list) -> None:
    """A context menu added after the kiosk was set up, as a careless later change might."""
    from PySide6.QtWidgets import QMenu

    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos) -> None:
        opened.append(widget)
        menu = QMenu(widget)
        menu.addAction("Export…")
        menu.popup(widget.mapToGlobal(pos))

    widget.customContextMenuRequested.connect(show)


def right_click_everywhere(qtbot, window, state) -> list:
    """Right-click a plot (pyqtgraph's own menu switched back on) and the partnership table
    (a custom menu added later); also send the table the keyboard's context-menu event."""
    from PySide6.QtGui import QContextMenuEvent

    state.set_screen("indicators")
    figures = window.screens["indicators"]
    qtbot.waitUntil(lambda: bool(figures.plots()) and figures.plots()[0].isVisible())
    view = figures.plots()[0].view
    view.getPlotItem().setMenuEnabled(True)
    view.getPlotItem().getViewBox().setMenuEnabled(True)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=view.viewport().rect().center())
    found = visible_menus()
    state.set_screen("partnerships")
    table = window.screens["partnerships"].table
    qtbot.waitUntil(table.isVisible)
    opened: list = []
    offer_menu(table, opened)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.RightButton, pos=QPoint(20, 20))
    QApplication.sendEvent(table, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(20, 20),
                                                   table.mapToGlobal(QPoint(20, 20))))
    found += [menu for menu in visible_menus() if menu not in found]
    for menu in found:
        menu.close()
    return found + opened


def test_right_click_opens_no_menu_on_plots_or_tables(qtbot, kiosk_app):
    parts = kiosk_app()
    tap(qtbot, parts.kiosk.attract_overlay, QPoint(640, 300))
    assert right_click_everywhere(qtbot, parts.window, parts.context.state) == []


def test_right_click_control_outside_kiosk(qtbot, build_app):
    """The same clicks do open menus in window mode: the kiosk test above is not vacuous."""
    parts = build_app()
    opened = right_click_everywhere(qtbot, parts.window, parts.context.state)
    assert len(opened) >= 3  # pyqtgraph's menu, the table's menu, and the table that asked for it


def test_drag_and_drop_is_refused(qtbot, kiosk_app):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    parts = kiosk_app()
    search = parts.window.screens["partnerships"].filter_bar.search
    assert not search.acceptDrops()
    mime = QMimeData()
    mime.setText("file:///etc/passwd")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(search, enter)
    assert not enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(search, drop)
    assert search.text() == ""


def test_the_search_field_types_only_through_the_letter_pad(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, window = parts.kiosk, parts.window
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    parts.context.state.set_screen("partnerships")
    partners = window.screens["partnerships"]
    search = partners.filter_bar.search
    qtbot.waitUntil(search.isVisible)
    assert search.isReadOnly() and not search.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    qtbot.keyClicks(search, "xyz")
    assert search.text() == ""
    tap(qtbot, search)
    pad = kiosk.letters.pad
    qtbot.waitUntil(pad.isVisible)
    word = town_prefix(parts.context.pack)
    for letter in word:
        tap(qtbot, pad.keys[letter])
    assert search.text() == word.lower()
    assert 0 < partners.proxy.rowCount() < len(parts.context.pack.partnerships)
    assert all(button.height() >= 48 for button in pad.findChildren(QPushButton))
    tap(qtbot, pad.done)
    assert not pad.isVisible()


def test_five_corner_taps_open_the_pin_pad_and_the_right_pin_the_admin_panel(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, window = parts.kiosk, parts.window
    for _ in range(4):
        tap(qtbot, window, QPoint(12, 12))
    assert not kiosk.pin_pad.isVisible() and kiosk.phase is Phase.ATTRACT  # corner taps are not a visit
    tap(qtbot, window, QPoint(12, 12))
    assert kiosk.pin_pad.isVisible() and kiosk.attract.paused
    assert all(button.width() >= 48 and button.height() >= 48 for button in kiosk.pin_pad.keys.values())
    enter_pin(qtbot, kiosk, PIN)
    assert kiosk.admin_panel.isVisible() and not kiosk.pin_pad.isVisible()
    tap(qtbot, kiosk.admin_panel.back_button)
    assert not kiosk.admin_panel.isVisible() and kiosk.attract.playing


def test_a_wrong_pin_locks_the_pad(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk = parts.kiosk
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk, "1111")
    assert not kiosk.admin_panel.isVisible() and kiosk.pin_pad.isVisible()
    assert kiosk.guard.failures == 1 and kiosk.guard.seconds_locked() > 0
    assert not kiosk.pin_pad.keys["5"].isEnabled()
    assert kiosk.pin_pad.message.isVisible()
    qtbot.waitUntil(lambda: kiosk.pin_pad.keys["5"].isEnabled(), timeout=3000)  # one second for the first


def test_admin_panel_lists_config_problems_and_quits(qtbot, kiosk_app, tmp_path, pin_hash):
    from dataclasses import replace

    from zusammenleben.modes.kiosk.config import load_kiosk_config

    path = tmp_path / "kiosk.toml"
    path.write_text(f'language = "fr"\n[admin]\npin_hash = "{pin_hash}"\n', encoding="utf-8")
    config = load_kiosk_config(path)
    parts = kiosk_app(**{k: getattr(config, k) for k in ("problems", "source", "lines")})
    kiosk = parts.kiosk
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk, PIN)
    text = kiosk.admin_panel.problems.text()
    assert "kiosk.toml:1: language:" in text and "fr" in text
    assert kiosk.admin_panel.fact_labels["config"][1].text() == str(path)
    codes: list[int] = []
    kiosk.exit_app = codes.append
    tap(qtbot, kiosk.admin_panel.quit_button)
    assert codes == [10] and not parts.window.isVisible()
    del replace


def test_statistics_of_a_visit_are_recorded_and_exported(qtbot, kiosk_app, tmp_path):
    parts = kiosk_app()
    kiosk, state, language = parts.kiosk, parts.context.state, parts.context.language
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    state.set_chapter(2)
    language.set_language("nl")
    state.set_screen("partnerships")
    qtbot.waitUntil(lambda: kiosk.phase is Phase.ATTRACT, timeout=4000)  # idle, countdown, reset
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk, PIN)
    assert kiosk.admin_panel.fact_labels["visits"][1].text() == "1"
    out = tmp_path / "export"
    out.mkdir()
    written = kiosk.export_statistics(out)
    assert len(written) == 3 and kiosk.admin_panel.status.isVisible()
    with written[0].open(encoding="utf-8-sig", newline="") as handle:
        sessions = list(csv.reader(handle, delimiter=";"))
    assert len(sessions) == 2
    chapters = [chapter.id for chapter in parts.context.pack.chapters]
    session = sessions[1]
    assert session[3] == "de" and session[-1] == "idle" and int(session[2]) >= 0
    assert session[4] == f"{chapters[0]}, {chapters[2]}"
    assert session[5] == "story, partnerships"
    with written[1].open(encoding="utf-8-sig", newline="") as handle:
        views = list(csv.reader(handle, delimiter=";"))[1:]
    assert [row[3] for row in views] == [chapters[0], "story", chapters[2], "nl", "partnerships"]


def test_switched_off_screens_are_hidden_and_unreachable(qtbot, kiosk_app):
    parts = kiosk_app(screens=("story", "indicators"))
    window, state = parts.window, parts.context.state
    assert window.nav_buttons["indicators"].isVisibleTo(window)
    assert not window.nav_buttons["partnerships"].isVisibleTo(window)
    state.set_screen("indicators")
    state.set_screen("sources")  # e.g. a source link in the story
    assert state.screen == "indicators"


def test_scroll_areas_scroll_with_a_finger(kiosk_app):
    from PySide6.QtWidgets import QScroller

    window = kiosk_app().window
    story = window.screens["story"]
    assert QScroller.hasScroller(story.scroll.viewport())
    assert QScroller.hasScroller(window.screens["partnerships"].table.viewport())
    plot_views = [w for w in window.findChildren(QPushButton)]  # noqa: F841 (graphics views are excluded)
    from PySide6.QtWidgets import QGraphicsView

    assert not any(QScroller.hasScroller(view.viewport()) for view in window.findChildren(QGraphicsView))


def test_a_swipe_moves_between_chapters(qtbot, kiosk_app):
    from PySide6.QtGui import QPointingDevice
    from PySide6.QtTest import QTest

    # A visitor's idle time, not the fixture's 0.4 s: on a loaded machine the swipe itself can take longer than that,
    # and the question here is whether the swipe turns the page and keeps the session, not the idle timer.
    parts = kiosk_app(idle_timeout=30.0)
    kiosk, window, state = parts.kiosk, parts.window, parts.context.state
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    state.set_chapter(1)
    story = window.screens["story"]
    story.swipes.attach()
    device = QPointingDevice("kiosk touch", 1, QPointingDevice.DeviceType.TouchScreen,
                             QPointingDevice.PointerType.Finger, QPointingDevice.Capability.Position, 10, 0)
    QPointingDevice.grabbed = device  # keep it alive
    start = story.mapTo(window, story.rect().center())
    handle = window.windowHandle()
    QTest.touchEvent(handle, device).press(0, start)
    for step in range(1, 6):
        QTest.touchEvent(handle, device).move(0, start - QPoint(60 * step, 0))
    QTest.touchEvent(handle, device).release(0, start - QPoint(300, 0))
    qtbot.waitUntil(lambda: state.chapter_index == 2, timeout=2000)
    assert kiosk.phase is Phase.SESSION


def test_taps_still_reach_buttons_inside_kinetic_scroll_areas(qtbot, kiosk_app):
    parts = kiosk_app()
    kiosk, window, state = parts.kiosk, parts.window, parts.context.state
    tap(qtbot, kiosk.attract_overlay, QPoint(640, 300))
    story = window.screens["story"]
    chapter = next(i for i, c in enumerate(parts.context.pack.chapters) if c.sources)
    state.set_chapter(chapter)
    story.chapter_view.set_expanded(True)  # "Mehr lesen": the sources are under the text, not the label
    button = story.chapter_view.source_buttons[0]
    qtbot.waitUntil(button.isVisible)
    story.scroll.ensureWidgetVisible(button)
    qtbot.waitUntil(lambda: button.visibleRegion().boundingRect().height() == button.height())
    tap(qtbot, button)
    qtbot.waitUntil(lambda: state.screen == "sources", timeout=2000)
    chooser = window.screens["indicators"].chooser
    state.set_screen("indicators")
    qtbot.waitUntil(chooser.isVisible)
    item = chooser.item(chooser.count() - 1)
    chooser.scrollToItem(item)
    before = item.checkState()
    tap(qtbot, chooser.viewport(), chooser.visualItemRect(item).center())
    qtbot.waitUntil(lambda: item.checkState() != before, timeout=2000)
