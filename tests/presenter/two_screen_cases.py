"""Two-screen cases: run by test_two_screens.py in a child process with a laptop and a projector screen.

Collected only when passed explicitly (the file name does not start with ``test_``): in the
main session the platform has one screen and these would all fail for the wrong reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "classroom"))
from classroom_helpers import activate, press
from offscreen_screens import LAPTOP, PROJECTOR, set_screens


def screen_named(name: str):
    return next(screen for screen in QGuiApplication.screens() if screen.name() == name)


@pytest.fixture(autouse=True)
def _two_screens():
    """Every case starts with the laptop and the projector plugged in, and leaves them so."""
    if len(QGuiApplication.screens()) != 2:
        set_screens([LAPTOP, PROJECTOR])
    yield
    if len(QGuiApplication.screens()) != 2:
        set_screens([LAPTOP, PROJECTOR])


@pytest.fixture
def presenting(build_app, qtbot):
    parts = build_app(size=(1366, 768), classroom=True)
    two = parts.classroom.two_screens
    qtbot.waitUntil(lambda: two.split, timeout=5000)
    qtbot.waitUntil(lambda: parts.window.isFullScreen() and two.console.isVisible(), timeout=5000)
    return parts


def test_two_windows_on_their_screens(presenting, qtbot):
    window, console = presenting.window, presenting.classroom.console
    assert QGuiApplication.primaryScreen().name() == "laptop"
    assert window.screen().name() == "projector" and window.isFullScreen()
    assert window.geometry() == screen_named("projector").geometry()
    assert console.screen().name() == "laptop" and not console.isFullScreen()
    assert screen_named("laptop").availableGeometry().contains(console.geometry())
    assert presenting.classroom.presenting


def test_swap_screens_is_remembered(presenting, qtbot):
    classroom = presenting.classroom
    classroom.console.swap_button.click()
    qtbot.waitUntil(lambda: presenting.window.screen().name() == "laptop", timeout=5000)
    assert classroom.console.screen().name() == "projector"
    assert presenting.context.settings.projector_screen == "laptop"


def test_keys_work_from_either_window(presenting, qtbot):
    state, window, console = presenting.context.state, presenting.window, presenting.classroom.console
    state.set_chapter(2)
    activate(qtbot, console)
    press(qtbot, console, Qt.Key.Key_PageDown)
    assert state.chapter_index == 3
    press(qtbot, console, Qt.Key.Key_Left)
    assert state.chapter_index == 2
    press(qtbot, console, Qt.Key.Key_End)
    assert state.chapter_index == state.chapter_count - 1
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Home)
    assert state.chapter_index == 0
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert state.chapter_index == 1
    activate(qtbot, console)
    press(qtbot, console, Qt.Key.Key_B)
    assert presenting.classroom.black.isVisible() and console.black_button.isChecked()
    press(qtbot, console, Qt.Key.Key_B)
    assert not presenting.classroom.black.isVisible() and not console.black_button.isChecked()


def test_chapter_list_moves_the_audience_view(presenting, qtbot):
    state, console = presenting.context.state, presenting.classroom.console
    story = presenting.window.screens["story"]
    before = console.mirror.updates
    item = console.chapter_list.item(5)
    qtbot.mouseClick(console.chapter_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=console.chapter_list.visualItemRect(item).center())
    assert state.chapter_index == 5
    title = presenting.context.language.content(state.pack.chapters[5].title)
    assert story.chapter_view.title_label.text() == title
    assert console.next_chapter.title.text() == presenting.context.language.content(state.pack.chapters[6].title)
    qtbot.waitUntil(lambda: console.mirror.updates > before, timeout=3000)
    assert not console.mirror.pixmap().isNull()


def test_black_screen_from_the_console(presenting, qtbot):
    classroom = presenting.classroom
    classroom.console.black_button.click()
    assert classroom.black.isVisible()
    assert classroom.black.geometry() == presenting.window.rect()
    classroom.console.black_button.click()
    assert not classroom.black.isVisible()


def test_notes_never_on_the_audience_view(presenting, qtbot):
    classroom, window, context = presenting.classroom, presenting.window, presenting.context
    context.state.set_chapter(3)
    note = context.language.content(context.state.chapter.teacher_notes[0].text)
    assert any(note in text for text in classroom.console.notes.texts())
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_N)  # N on the audience view: the console's notes, not an overlay
    assert classroom.notes is None or not classroom.notes.isVisible()
    assert not classroom.notes_button.isVisible()
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()
             and label.window() is window]
    assert not any(note in text for text in shown)
    press(qtbot, window, Qt.Key.Key_N)
    assert classroom.console.notes.isVisible()


def test_language_split(presenting, qtbot):
    context, console = presenting.context, presenting.classroom.console
    context.state.set_chapter(1)
    console.set_teacher_language("nl")
    title = context.state.chapter.title
    assert context.language.code == "de"
    assert context.language.content_in(title, "nl") in console.chapter_label.text()
    assert console.end_button.text() == context.language.ui_in("End presentation", "nl")
    console.audience_buttons["both"].click()
    assert context.language.side_by_side
    story = presenting.window.screens["story"]
    assert context.language.content_in(title, "nl") in story.chapter_view.title_label.text()
    assert context.language.content_in(title, "de") in story.chapter_view.title_label.text()
    assert context.language.content_in(title, "de") not in console.chapter_label.text()
    console.audience_buttons["nl"].click()
    assert context.language.code == "nl" and not context.language.side_by_side
    console.set_teacher_language("de")
    assert context.language.code == "nl"
    assert context.language.content_in(title, "de") in console.chapter_label.text()
    assert context.settings.console_language == "de"


def test_escape_on_the_console_asks_first(presenting, qtbot):
    classroom = presenting.classroom
    console = classroom.console
    answers = []

    def answer(role: QMessageBox.ButtonRole) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(role))
            return
        answers.append(box.parentWidget() is console and box.screen().name() == "laptop")
        next(button for button in box.buttons() if box.buttonRole(button) == role).click()

    activate(qtbot, console)
    QTimer.singleShot(0, lambda: answer(QMessageBox.ButtonRole.RejectRole))
    press(qtbot, console, Qt.Key.Key_Escape)
    assert answers == [True] and classroom.presenting
    activate(qtbot, console)
    QTimer.singleShot(0, lambda: answer(QMessageBox.ButtonRole.AcceptRole))
    press(qtbot, console, Qt.Key.Key_Escape)
    assert answers == [True, True] and not classroom.presenting
    qtbot.waitUntil(lambda: not console.isVisible() and not presenting.window.isFullScreen(), timeout=5000)


def test_unplug_and_replug_keeps_everything(presenting, qtbot):
    context, classroom, window = presenting.context, presenting.classroom, presenting.window
    state, language = context.state, context.language
    state.set_chapter(4)
    state.set_year(state.chapter.years.first_year + 1)
    language.set_language("nl")
    classroom.larger_text()
    classroom.timer.start()
    before = (state.chapter_index, state.year, language.code, state.font_scale)
    elapsed = classroom.timer.elapsed()

    set_screens([LAPTOP])  # the projector's cable is pulled
    qtbot.waitUntil(lambda: not classroom.two_screens.split, timeout=5000)
    qtbot.waitUntil(lambda: window.isMaximized() and window.screen().name() == "laptop", timeout=5000)
    assert not classroom.two_screens.console.isVisible()
    assert classroom.presenting and window.isVisible()
    assert (state.chapter_index, state.year, language.code, state.font_scale) == before
    assert classroom.timer.running and classroom.timer.elapsed() >= elapsed
    activate(qtbot, window)
    press(qtbot, window, Qt.Key.Key_N)  # one screen: N shows the notes as before
    assert classroom.notes.isVisible()

    set_screens([LAPTOP, PROJECTOR])  # and plugged in again
    qtbot.waitUntil(lambda: classroom.two_screens.split, timeout=5000)
    qtbot.waitUntil(lambda: window.isFullScreen() and window.screen().name() == "projector", timeout=5000)
    console = classroom.console
    assert console.isVisible() and console.screen().name() == "laptop"
    assert not classroom.notes.isVisible()
    assert (state.chapter_index, state.year, language.code, state.font_scale) == before
    assert console.chapter_list.currentRow() == 4 and console.timer.running


@pytest.mark.parametrize("laptop", [(1920, 1080), (1366, 768)])
def test_screenshots_console_and_audience(build_app, qtbot, laptop):
    """docs/screenshots/presenter-*.png: the console on the laptop, the audience view on a WXGA projector."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))
    from test_layout import save_screenshot

    width, height = laptop
    set_screens([dict(LAPTOP, width=width, height=height), dict(PROJECTOR, x=width, width=1280, height=800)])
    parts = build_app(size=(1280, 800), classroom=True)
    classroom, context = parts.classroom, parts.context
    qtbot.waitUntil(lambda: classroom.two_screens.split, timeout=5000)
    console = classroom.console
    qtbot.waitUntil(lambda: console.geometry().width() > width - 40 and parts.window.width() == 1280, timeout=5000)
    context.state.set_chapter(3)
    console.now = lambda: QDateTime(QDate(2026, 12, 7), QTime(9, 45))  # the pictures stay the same from run to run
    for code in ("de", "nl"):
        console.set_teacher_language(code)
        console.audience_buttons[code].click()
        classroom.timer.reset()
        console._update_clock()
        console.chapter_list.setFocus()  # the same focus frame in every run
        qtbot.waitUntil(lambda: not parts.window.screens["story"].fade.running, timeout=3000)
        # The language switch posts layout requests; the fade may already be over, so waitUntil above may not turn
        # the event loop once. Let the new texts be laid out before the picture is taken.
        for _ in range(3):
            QApplication.processEvents()
        before = console.mirror.updates
        console.mirror.refresh()  # the miniature of the settled picture
        assert console.mirror.updates == before + 1
        assert console.chapter_label.text().startswith(context.language.ui_in("Chapter %(number)d of %(total)d", code)
                                                       % {"number": 4, "total": context.state.chapter_count})
        save_screenshot(console, f"presenter-console-{code}-{width}x{height}")
        if laptop == (1920, 1080):
            save_screenshot(parts.window, f"presenter-audience-{code}-1280x800")
    set_screens([LAPTOP, PROJECTOR])
