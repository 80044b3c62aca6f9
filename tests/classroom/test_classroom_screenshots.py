"""Screenshots for people to look at (test-artifacts/), with the checks a teacher at the back of the room makes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_helpers import activate, press

MIN_TEXT_PX = 30  # at 1080 lines, about 2.8 % of the picture: legible from the back row (3 m and more)


def pump(qtbot) -> None:
    qtbot.wait(50)
    QApplication.processEvents()


def test_presenter_screenshots_de_nl_notes_black(build_app, qtbot, artifacts_dir):
    parts = build_app(size=(1920, 1080), classroom=True)
    window, context = parts.window, parts.context
    activate(qtbot, window)
    context.state.set_chapter(3)
    pump(qtbot)
    assert window.size().width() == 1920 and window.size().height() == 1080
    window.grab().save(str(artifacts_dir / "classroom-presenter-1920-de.png"))
    story = window.screens["story"]
    assert story.chapter_view.title_label.font().pixelSize() >= 1.5 * MIN_TEXT_PX
    assert story.chapter_view.body_views[0].font().pixelSize() >= MIN_TEXT_PX
    progress = parts.classroom.presenter.progress
    assert progress.text_font().pixelSize() >= MIN_TEXT_PX and progress.mode() == "dots"
    assert progress.isVisible() and progress.geometry().width() >= progress.sizeHint().width()

    context.language.set_language("nl")
    pump(qtbot)
    window.grab().save(str(artifacts_dir / "classroom-presenter-1920-nl.png"))
    assert progress.text() == context.language.ui_in("Chapter %(number)d of %(total)d", "nl") % {
        "number": 4, "total": 9}

    press(qtbot, window, Qt.Key.Key_N)
    pump(qtbot)
    window.grab().save(str(artifacts_dir / "classroom-notes-1920-nl.png"))
    notes = parts.classroom.notes
    labels = [label for label in notes.findChildren(QLabel) if label.isVisible() and label.text()]
    assert notes.heading.font().bold() and notes.heading.font().pixelSize() > MIN_TEXT_PX, "styled as a heading"
    assert notes.chapter_label.font().pixelSize() < MIN_TEXT_PX, "the chapter line is a caption"
    body = [label for label in labels if label.property("role") in (None, "")]
    assert body and min(label.font().pixelSize() for label in body) >= MIN_TEXT_PX
    for label in labels:  # wrapped, never cut: each label is as tall as its text needs at its width
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()[:40]

    context.language.set_language("de")
    context.language.set_side_by_side(True)
    pump(qtbot)
    window.grab().save(str(artifacts_dir / "classroom-notes-1920-de-nl.png"))
    context.language.set_side_by_side(False)
    press(qtbot, window, Qt.Key.Key_N)

    press(qtbot, window, Qt.Key.Key_B)
    pump(qtbot)
    image = window.grab().toImage()
    image.save(str(artifacts_dir / "classroom-black-1920.png"))
    assert {image.pixelColor(x, y).name() for x in range(0, 1920, 97) for y in range(0, 1080, 97)} == {"#000000"}
    press(qtbot, window, Qt.Key.Key_Space)
    assert not parts.classroom.black.isVisible()
