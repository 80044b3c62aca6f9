"""``--watch``: every save shows in the running window, in place; a broken save lists its problems instead."""

from __future__ import annotations

import os

import pytest
import shiboken6
from authoring_helpers import new_pack, replace_in
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from zusammenleben.content.zlpack import write_zlpack

WAIT_MS = 8000


@pytest.fixture
def live(live_app, tmp_path):
    """The app watching a new pack, in chapter 2 ("Die Stadt heute"), year 2015."""
    folder = new_pack(tmp_path / "stadt")
    parts = live_app(content=str(folder), watch=True)
    parts.context.state.set_chapter(1)
    parts.context.state.set_year(2015)
    return parts, folder


def story(parts):
    return parts.window.screens["story"]


def lead_text(parts) -> str:
    return story(parts).chapter_view.lead_label.text()


def test_a_save_shows_in_the_window_keeping_chapter_and_year(live, qtbot):
    parts, folder = live
    first_window = parts.window
    assert lead_text(parts) == "Was heute anders ist."
    replace_in(folder / "chapters.toml", 'lead = "Was heute anders ist."', 'lead = "Was heute ganz anders ist."')
    qtbot.waitUntil(lambda: lead_text(parts) == "Was heute ganz anders ist.", timeout=WAIT_MS)
    assert parts.window is not first_window
    state = parts.context.state
    assert state.chapter.id == "heute" and state.year == 2015
    assert parts.window.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first_window), timeout=WAIT_MS)  # the old window is deleted


def test_a_broken_save_keeps_the_last_good_pack_and_lists_the_problems_until_fixed(live, qtbot):
    parts, folder = live
    live_reload = parts.live
    window = parts.window
    replace_in(folder / "events.toml", 'date = "2001"', 'date = "um 2001"')
    panel = live_reload.panel
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=WAIT_MS)
    assert parts.window is window  # nothing replaced
    assert lead_text(parts) == "Was heute anders ist."
    lines = panel.lines()
    assert len(lines) == 1 and lines[0].startswith("events.toml:6: event.date: ")
    assert panel.list.count() == 1 and "1 Problem" in panel.summary.text()

    item = panel.list.item(0)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QGuiApplication.clipboard().text() == lines[0]
    assert lines[0] in panel.status.text()

    replace_in(folder / "events.toml", 'date = "um 2001"', 'date = "2002"')
    qtbot.waitUntil(lambda: not live_reload.panel.isVisible(), timeout=WAIT_MS)
    assert parts.window is not window and parts.context.pack.events[0].date.first_year == 2002
    assert parts.context.state.chapter.id == "heute"


def test_editors_that_save_by_rename_are_followed(live, qtbot):
    parts, folder = live
    body = folder / "chapters" / "02-heute.md"
    for round_ in (1, 2):  # the second save proves the renamed-over file is watched again
        text = body.read_text(encoding="utf-8").replace("Absatz 1:", f"Absatz eins ({round_}):", 1)
        if round_ == 2:
            text = text.replace("Absatz eins (1):", "Absatz eins (2):", 1)
        temporary = folder / "chapters" / ".02-heute.md.swp"
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, body)
        expected = f"Absatz eins ({round_}):"
        qtbot.waitUntil(lambda expected=expected: expected in story(parts).chapter_view.body_views[0].markdown(),
                        timeout=WAIT_MS)


def test_the_screen_language_and_scroll_position_are_kept(live, qtbot):
    parts, folder = live
    parts.context.language.set_language("nl")
    parts.context.state.set_screen("glossary")
    parts.context.state.set_screen("story")
    scroll = story(parts).scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 200, timeout=WAIT_MS)
    scroll.setValue(200)
    parts.context.state.set_screen("indicators")
    replace_in(folder / "glossary.toml", 'term = "Integration"', 'term = "Integration (neu)"')
    qtbot.waitUntil(lambda: parts.context.pack.glossary[0].term == "Integration (neu)", timeout=WAIT_MS)
    assert parts.context.state.screen == "indicators"
    assert parts.window.current_screen().key == "indicators"
    assert parts.context.language.code == "nl"
    new_scroll = story(parts).scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: new_scroll.value() == 200, timeout=WAIT_MS)


def test_a_deleted_chapter_falls_back_to_the_nearest_one(live, qtbot):
    parts, folder = live
    text = (folder / "chapters.toml").read_text(encoding="utf-8")
    (folder / "chapters.toml").write_text(text[: text.index("\n[[chapter]]\nid = \"heute\"")] + "\n",
                                          encoding="utf-8")
    qtbot.waitUntil(lambda: len(parts.context.pack.chapters) == 1, timeout=WAIT_MS)
    assert parts.context.state.chapter.id == "anfang"
    assert not parts.live.panel.isVisible()


def test_a_broken_pack_at_start_shows_the_panel_not_a_dialog(live_app, tmp_path, qtbot):
    folder = new_pack(tmp_path / "stadt")
    replace_in(folder / "sources.toml", 'kind = "Webseite"', 'kind = ""')
    parts = live_app(content=str(folder), watch=True)
    assert parts.context.pack.id == "mechelen"
    qtbot.waitUntil(lambda: parts.live.panel.isVisible(), timeout=WAIT_MS)
    replace_in(folder / "sources.toml", 'kind = ""', 'kind = "Webseite"')
    qtbot.waitUntil(lambda: parts.context.pack.id == "stadt", timeout=WAIT_MS)
    assert not parts.live.panel.isVisible()


def drop(window, path) -> bool:
    """Drop ``path`` onto the window as a file manager would; whether the window took it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    handle = window.windowHandle()  # Qt routes drags through the window, as a real drag would arrive
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, enter)
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, event)
    return enter.isAccepted() and event.isAccepted()


def test_dropping_an_archive_opens_it_and_a_tampered_one_is_refused(live_app, tmp_path, qtbot):
    folder = new_pack(tmp_path / "stadt")
    target, _errors = write_zlpack(folder, tmp_path)
    parts = live_app()
    assert parts.context.pack.id == "mechelen"
    assert drop(parts.window, target)
    qtbot.waitUntil(lambda: parts.context.pack.id == "stadt", timeout=WAIT_MS)

    tampered = tmp_path / "tampered.zlpack"
    data = bytearray(target.read_bytes())
    data[len(data) // 3] ^= 0xFF
    tampered.write_bytes(bytes(data))
    window = parts.window
    assert drop(parts.window, tampered)
    qtbot.waitUntil(lambda: parts.live.panel.isVisible(), timeout=WAIT_MS)
    assert parts.window is window and parts.context.pack.id == "stadt"
    assert parts.live.panel.lines()[0].startswith("tampered.zlpack: ")


def test_kiosk_mode_has_no_live_reload_and_no_drop(live_app, tmp_path):
    folder = new_pack(tmp_path / "stadt")
    parts = live_app(content=str(folder), watch=True, kiosk=True, show=False)
    assert parts.live is None
    assert not parts.window.acceptDrops()


def test_a_folder_that_is_not_a_pack_is_not_taken(live_app, tmp_path):
    parts = live_app()
    assert not drop(parts.window, tmp_path)


def test_classroom_mode_reloads_and_keeps_the_presenter_layout(live_app, tmp_path, qtbot):
    folder = new_pack(tmp_path / "stadt")
    parts = live_app(content=str(folder), watch=True, classroom=True)
    assert parts.classroom.presenting
    replace_in(folder / "chapters.toml", 'lead = "Was heute anders ist."', 'lead = "Neu."')
    qtbot.waitUntil(lambda: parts.context.pack.chapters[1].lead == "Neu.", timeout=WAIT_MS)
    assert parts.classroom.presenting
    parts.context.language.set_language("nl")  # the replaced window's classroom must not answer any more
