"""Teacher notes on key N: hidden by default, the chapter's notes and questions, following chapter and language."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_helpers import activate, press


@pytest.fixture
def presenter(build_app, qtbot):
    parts = build_app(size=(1920, 1080), classroom=True)
    activate(qtbot, parts.window)
    return parts


def shown_text(notes) -> str:
    return "\n".join(notes.texts())


def test_n_toggles_the_notes_of_the_current_chapter(presenter, qtbot):
    window, context = presenter.window, presenter.context
    notes = presenter.classroom.notes
    assert not notes.isVisible(), "hidden by default: the class sees the chapter"
    press(qtbot, window, Qt.Key.Key_N)
    assert notes.isVisible()
    chapter = context.pack.chapters[0]
    text = shown_text(notes)
    for note in chapter.teacher_notes:
        assert context.language.content(note.text) in text
    for question in chapter.questions:
        assert context.language.content(question.text) in text
    assert presenter.classroom.notes_button.isChecked()
    story = window.screens["story"]
    assert notes.geometry().left() > story.scroll.geometry().right(), "the chapter text stays readable"
    assert story.rect().contains(notes.geometry())
    press(qtbot, window, Qt.Key.Key_N)
    assert not notes.isVisible()
    assert not presenter.classroom.notes_button.isChecked()


def test_notes_follow_chapter_and_language(presenter, qtbot):
    window, context = presenter.window, presenter.context
    language, pack = context.language, context.pack
    notes = presenter.classroom.notes
    presenter.classroom.notes_button.click()
    assert notes.isVisible()
    press(qtbot, window, Qt.Key.Key_PageDown)  # the clicker still turns the page with the notes open
    assert context.state.chapter_index == 1
    second = pack.chapters[1]
    assert language.content(second.teacher_notes[0].text) in shown_text(notes)
    assert language.content(pack.chapters[0].teacher_notes[0].text) not in shown_text(notes)

    language.set_language("nl")
    dutch = language.content_in(second.teacher_notes[0].text, "nl")
    assert dutch != second.teacher_notes[0].text, "the pack has Dutch notes"
    assert dutch in shown_text(notes)
    assert language.content_in(second.questions[0].text, "nl") in shown_text(notes)
    assert notes.heading.text() == language.ui_in("Teacher notes", "nl")

    language.set_side_by_side(True)
    text = shown_text(notes)
    assert second.teacher_notes[0].text in text and dutch in text, "side by side: German and Dutch"
    language.set_side_by_side(False)
    language.set_language("de")
    assert dutch not in shown_text(notes)


def test_esc_closes_the_notes_before_leaving_presenter_layout(presenter, qtbot):
    window = presenter.window
    press(qtbot, window, Qt.Key.Key_N)
    assert presenter.classroom.notes.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not presenter.classroom.notes.isVisible()
    assert presenter.classroom.presenting
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not presenter.classroom.presenting


def test_notes_work_in_the_window_too_and_switch_to_the_story(build_app, qtbot):
    parts = build_app(size=(1280, 720))
    window, state = parts.window, parts.context.state
    activate(qtbot, window)
    state.set_screen("glossary")
    press(qtbot, window, Qt.Key.Key_N)
    assert state.screen == "story"
    assert parts.classroom.notes.isVisible()
    assert parts.classroom.menu.actions_["notes"].isChecked()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not parts.classroom.notes.isVisible()


def test_notes_show_learning_goals_and_tasks_with_their_level(presenter, qtbot):
    window, context = presenter.window, presenter.context
    language, pack = context.language, context.pack
    notes = presenter.classroom.notes
    index = [chapter.id for chapter in pack.chapters].index("elections")
    context.state.set_chapter(index)
    press(qtbot, window, Qt.Key.Key_N)
    chapter = pack.chapters[index]
    for code in ("de", "nl"):
        language.set_language(code)
        qtbot.waitUntil(lambda code=code: language.ui_in("Tasks", code) in shown_text(notes))
        text = shown_text(notes)
        assert language.ui_in("Learning goals", code) in text
        for goal in chapter.goals:
            assert language.content_in(goal.text, code) in text
        for task in chapter.tasks:
            assert language.content_in(task.text, code) in text
        assert language.ui_in("Level %(level)s", code) % {"level": "I"} in text
        assert text.index(language.ui_in("Learning goals", code)) < text.index(
            language.content_in(chapter.teacher_notes[0].text, code)), "goals come first"
