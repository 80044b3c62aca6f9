"""The reading level (Standard / Einfach; Standaard / Eenvoudig): switched live, kept, reachable by keyboard.

Switching keeps the chapter, the year and the reader's place in the text; side by side shows the chosen
level in both languages; the clicker's keys move chapters even while the switch has the focus, and never
change the level; the handout dialog offers the level and the PDF carries the easy text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "classroom"))
from classroom_helpers import activate


def body_text(parts, index: int = 0) -> str:
    return parts.window.screens["story"].chapter_view.body_views[index].toPlainText()


def first_words(text: str, count: int = 12) -> str:
    """The start of a paragraph as the view shows it (link markup gone)."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(plain.split()[:count])


def switch(parts) -> dict[str, QPushButton]:
    return parts.window.findChild(QPushButton, "level-standard").parentWidget().buttons


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_switch_keeps_chapter_year_and_place(build_app, qtbot, lang):
    parts = build_app(lang=lang, size=(1280, 720))
    state, language = parts.context.state, parts.context.language
    story = parts.window.screens["story"]
    state.set_chapter(3)
    state.set_year(2016)
    chapter = state.chapter
    qtbot.waitUntil(lambda: first_words(language.content(chapter.body[0])) in body_text(parts))
    bar = story.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(bar.maximum() // 2)
    fraction = bar.value() / bar.maximum()

    qtbot.mouseClick(switch(parts)["easy"], Qt.MouseButton.LeftButton)

    easy_start = first_words(language.content(chapter.easy[0]))
    qtbot.waitUntil(lambda: easy_start in body_text(parts))
    assert first_words(language.content(chapter.body[0])) not in body_text(parts)
    assert (state.chapter_index, state.year, state.level) == (3, 2016, "easy")
    assert bar.maximum() > 0
    assert abs(bar.value() / bar.maximum() - fraction) < 0.1, "the reader's place is kept"
    assert switch(parts)["easy"].isChecked() and not switch(parts)["standard"].isChecked()
    assert parts.context.settings.reading_level == "easy"
    assert not story.chapter_view.lead_label.isVisibleTo(story), "the easy text is the whole chapter"

    qtbot.mouseClick(switch(parts)["standard"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first_words(language.content(chapter.body[0])) in body_text(parts))
    assert state.chapter_index == 3 and state.year == 2016


def test_side_by_side_at_both_levels(build_app, qtbot):
    parts = build_app(lang="de")
    state, language = parts.context.state, parts.context.language
    language.set_side_by_side(True)
    state.set_chapter(0)
    chapter = state.chapter
    for level, paragraphs in (("easy", chapter.easy), ("standard", chapter.body)):
        state.set_level(level)
        german = first_words(paragraphs[0])
        dutch = first_words(language.content_in(paragraphs[0], "nl"))
        assert german != dutch
        qtbot.waitUntil(lambda g=german, d=dutch: g in body_text(parts, 0) and d in body_text(parts, 1))


@pytest.mark.parametrize(("lang", "names"), [("de", ("Standard", "Einfach")), ("nl", ("Standaard", "Eenvoudig"))])
def test_named_and_keyboard_operable(build_app, qtbot, lang, names):
    parts = build_app(lang=lang)
    buttons = switch(parts)
    assert (buttons["standard"].text(), buttons["easy"].text()) == names
    ui = parts.context.language.ui
    assert buttons["easy"].accessibleName() == ui("Easy reading level")
    assert buttons["easy"].parentWidget().accessibleName() == ui("Reading level")
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons.values())
    assert buttons["standard"] in parts.window.tab_chain() and buttons["easy"] in parts.window.tab_chain()
    activate(qtbot, parts.window)
    buttons["easy"].setFocus()
    qtbot.keyClick(buttons["easy"], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: parts.context.state.level == "easy")


def test_clicker_keys_leave_the_level_alone(build_app, qtbot):
    """In classroom mode the switch is there; PageDown/PageUp and B with the focus on it still do their job."""
    parts = build_app(lang="de", classroom=True)
    state = parts.context.state
    buttons = switch(parts)
    if parts.classroom.presenter.active:  # --classroom opens the presenter layout; the switch is in the window's
        parts.classroom.menu.actions_["presenter"].trigger()
    assert buttons["easy"].isVisibleTo(parts.window)
    activate(qtbot, parts.window)
    buttons["easy"].setFocus()
    start = state.chapter_index
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
        qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: state.chapter_index == start + 1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B)  # black screen on, then off
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_B)
    assert state.level == "standard"
    assert not buttons["easy"].isChecked()


def test_the_level_is_kept_in_the_settings(build_app, qtbot):
    first = build_app(lang="nl")
    first.context.state.set_level("easy")
    first.window.close()
    second = build_app(lang="nl")
    assert second.context.state.level == "easy"
    assert switch(second)["easy"].isChecked()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_handout_dialog_offers_the_level(build_app, qtbot, tmp_path, lang):
    from pypdf import PdfReader

    from zusammenleben.export.handout import write_handout
    from zusammenleben.modes.classroom.handout_dialog import HandoutDialog

    parts = build_app(lang=lang, classroom=True)
    context = parts.context
    context.state.set_chapter(4)
    context.state.set_level("easy")
    dialog = HandoutDialog(context, parts.window)
    qtbot.addWidget(dialog)
    assert dialog.level_buttons["easy"].isChecked(), "the level on screen is preselected"
    assert dialog.level_buttons["easy"].text() == context.language.ui("Easy: plain language")
    request = dialog.request()
    assert request.level == "easy"
    assert context.language.ui("Easy") in dialog.suggested_name()
    chapter = context.pack.chapters[4]
    easy_path, standard_path = tmp_path / "easy.pdf", tmp_path / "standard.pdf"
    write_handout(easy_path, context, request)
    dialog.level_buttons["standard"].setChecked(True)
    assert dialog.request().level == "standard"
    write_handout(standard_path, context, dialog.request())

    def text(path: Path) -> str:
        return _flat(" ".join(page.extract_text() for page in PdfReader(str(path)).pages))

    easy_words = _flat(first_words(context.language.content(chapter.easy[0]), 5))
    body_words = _flat(first_words(context.language.content(chapter.body[0]), 5))
    assert easy_words in text(easy_path) and body_words not in text(easy_path)
    assert body_words in text(standard_path) and easy_words not in text(standard_path)


def test_at_large_type_the_switch_folds_into_one_toggle(build_app, qtbot):
    parts = build_app(lang="nl")
    state = parts.context.state
    buttons = switch(parts)
    state.set_font_scale(2.0)
    qtbot.waitUntil(lambda: buttons["standard"].isHidden())
    assert buttons["easy"].text() == "Eenvoudig" and buttons["easy"].isVisibleTo(parts.window)
    qtbot.mouseClick(buttons["easy"], Qt.MouseButton.LeftButton)
    assert state.level == "easy" and buttons["easy"].isChecked()
    qtbot.mouseClick(buttons["easy"], Qt.MouseButton.LeftButton)
    assert state.level == "standard" and not buttons["easy"].isChecked()
    state.set_font_scale(1.0)
    qtbot.waitUntil(lambda: not buttons["standard"].isHidden())


def test_in_the_presenter_layout_the_classroom_menu_offers_the_level(build_app, qtbot):
    parts = build_app(lang="de", classroom=True)
    state, classroom = parts.context.state, parts.classroom
    level_switch = switch(parts)["easy"].parentWidget()
    if not classroom.presenter.active:
        classroom.menu.actions_["presenter"].trigger()
    assert not level_switch.isVisibleTo(parts.window), "no room in the presenter header at 200 %"
    menu = classroom.menu
    assert menu.level_menu.title() == "Lesestufe"
    assert [a.text() for a in menu.level_actions.values()] == ["Standard", "Einfach"]
    menu.level_actions["easy"].trigger()
    assert state.level == "easy" and menu.level_actions["easy"].isChecked()
    state.set_level("standard")
    assert menu.level_actions["standard"].isChecked()
    classroom.menu.actions_["presenter"].trigger()
    assert level_switch.isVisibleTo(parts.window)


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_glossary_shows_the_easy_definition_at_the_easy_level(build_app, qtbot, lang):
    from PySide6.QtWidgets import QLabel

    parts = build_app(lang=lang)
    state, language = parts.context.state, parts.context.language
    term = next(t for t in parts.context.pack.glossary if t.easy)
    glossary = parts.window.screens["glossary"]
    state.set_screen("glossary")
    glossary.select(term.id)

    def shown() -> str:
        label = glossary.findChild(QLabel, "termDefinition")
        return label.text() if label is not None else ""

    qtbot.waitUntil(lambda: shown() == language.content(term.definition))
    state.set_level("easy")
    qtbot.waitUntil(lambda: shown() == language.content(term.easy))
    assert language.content(term.easy) != term.easy or lang == "de"
