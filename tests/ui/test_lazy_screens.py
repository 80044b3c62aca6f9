"""Only the screen in front is built for the first frame; the others come after it or when asked for.

The header shows all six buttons from the start; a screen built late must look and behave like one
built at start and then followed through every change (issue 19, start-up).
"""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zusammenleben.ui.screen_registry import SCREENS

KEYS = [entry.key for entry in SCREENS]
LATER = [key for key in KEYS if key != "story"]


def test_the_first_frame_builds_only_the_story_but_shows_every_button(build_app):
    parts = build_app(show=False)
    window, language = parts.window, parts.context.language
    assert list(window.built_screens()) == ["story"]
    assert window.pending_screens() == LATER
    assert list(window.screens) == KEYS and len(window.screens) == 6 and "about" in window.screens
    assert list(window.built_screens()) == ["story"]  # asking for keys built nothing
    for entry in SCREENS:
        button = window.nav_buttons[entry.key]
        assert button.text() == language.ui(entry.label) != ""
        assert button.accessibleName() == button.text()


def test_the_other_screens_are_built_after_the_first_paint(qtbot, build_app):
    parts = build_app()
    window = parts.window
    qtbot.waitUntil(lambda: not window.pending_screens(), timeout=10_000)
    assert list(window.built_screens()) == KEYS
    assert [window.stack.widget(i).key for i in range(window.stack.count())] == KEYS
    assert window.current_screen().key == "story" and parts.context.state.screen == "story"


@pytest.mark.parametrize("key", LATER)
def test_a_click_on_a_waiting_screen_builds_and_shows_it(qtbot, build_app, key):
    parts = build_app()
    window = parts.window
    assert key in window.pending_screens()  # the idle building waits for the first paint and a pause
    qtbot.mouseClick(window.nav_buttons[key], Qt.MouseButton.LeftButton)
    assert parts.context.state.screen == key
    assert window.current_screen() is window.built_screens()[key]
    assert window.nav_buttons[key].isChecked() and not window.nav_buttons["story"].isChecked()


def test_a_source_link_builds_the_waiting_sources_screen(build_app):
    parts = build_app()
    window, state = parts.window, parts.context.state
    source = parts.context.pack.sources[-1].id
    assert "sources" in window.pending_screens()
    state.sourceRequested.emit(source)
    assert state.screen == "sources" and window.built_screens()["sources"].selected_id == source


def test_a_term_link_builds_the_waiting_glossary(build_app):
    parts = build_app()
    window, state = parts.window, parts.context.state
    term = parts.context.pack.glossary[-1].id
    assert "glossary" in window.pending_screens()
    state.termRequested.emit(term)
    assert state.screen == "glossary" and window.built_screens()["glossary"].selected_id == term


def test_a_language_switch_builds_no_waiting_screen_and_renames_every_button(build_app):
    parts = build_app(show=False)
    window, language = parts.window, parts.context.language
    language.set_language("nl")
    assert list(window.built_screens()) == ["story"]
    assert window.nav_buttons["partnerships"].text() == "Partnerschappen"
    assert window.screens["partnerships"].nav_label() == "Partnerschappen"


def changes(parts) -> None:
    """What a reader does before first opening the other screens."""
    state, language = parts.context.state, parts.context.language
    language.set_language("nl")
    state.set_chapter(3)
    state.set_year(state.first_year + 5)


@pytest.mark.parametrize("key", LATER)
def test_a_screen_built_late_looks_like_one_built_at_start(qtbot, build_app, key):
    early = build_app(size=(1600, 960), show=False)
    early.window.build_all_screens()
    late = build_app(size=(1600, 960), show=False)
    images = []
    for parts in (early, late):
        changes(parts)
        parts.context.state.set_screen(key)
        parts.window.show()
        qtbot.waitExposed(parts.window)
        for _round in range(3):  # layout requests, then the paints they cause
            QApplication.processEvents()
        images.append(parts.window.current_screen().grab().toImage())
    assert images[0].size() == images[1].size()
    assert images[0] == images[1]


def test_the_self_test_builds_and_paints_every_screen(build_app):
    from zusammenleben.selftest import run_self_test

    parts = build_app(show=False)
    report = io.StringIO()
    assert run_self_test(parts, report) == 0, report.getvalue()
    assert parts.window.pending_screens() == [] and list(parts.window.built_screens()) == KEYS


def test_a_screen_that_cannot_be_imported_loses_its_button_and_fails_the_self_test(build_app, monkeypatch):
    from zusammenleben.selftest import run_self_test
    from zusammenleben.ui import screen_registry

    broken = [entry._replace(module="zusammenleben.ui.no_such_screen") if entry.key == "about" else entry
              for entry in SCREENS]
    monkeypatch.setattr(screen_registry, "SCREENS", tuple(broken))
    parts = build_app(show=False)
    assert "about" in parts.window.nav_buttons  # known only when it is first built
    report = io.StringIO()
    assert run_self_test(parts, report) == 1
    assert "screen missing: zusammenleben.ui.no_such_screen.AboutScreen" in report.getvalue()
    assert "about" not in parts.window.nav_buttons and "about" not in parts.window.screens


def test_a_returning_reader_starts_in_her_chapter_without_the_first_one_being_built(build_app, tmp_path,
                                                                                   monkeypatch):
    from zusammenleben.settings import Settings
    from zusammenleben.ui.story.chapter_view import ChapterView

    chapter = build_app(show=False).context.pack.chapters[4]
    saved = Settings(tmp_path / "settings.ini")
    saved.last_chapter = chapter.id
    saved.sync()
    shown: list[str] = []
    original = ChapterView.show_chapter

    def spy(self, shown_chapter, *args, **kwargs):
        shown.append(shown_chapter.id)
        return original(self, shown_chapter, *args, **kwargs)

    monkeypatch.setattr(ChapterView, "show_chapter", spy)
    parts = build_app(show=False)
    assert parts.context.state.chapter_index == 4
    assert shown == [chapter.id]  # the story was built at the saved chapter, once
