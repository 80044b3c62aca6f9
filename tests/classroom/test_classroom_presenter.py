"""Presenter layout: --classroom and the header toggle, clicker keys, black screen, Esc, type presets, contrast."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from zusammenleben.core import theme
from zusammenleben.modes.classroom.scale import PRESETS, larger, smaller

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_helpers import activate, press

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def presenter(build_app, qtbot):
    parts = build_app(size=(1920, 1080), classroom=True)
    activate(qtbot, parts.window)
    return parts


def test_presets_step_through_125_150_200():
    assert larger(1.0) == 1.25 and larger(1.25) == 1.5 and larger(1.5) == 2.0 and larger(2.0) == 2.0
    assert smaller(2.0) == 1.5 and smaller(1.5) == 1.25 and smaller(1.25) == 1.0 and smaller(1.0) == 1.0
    assert larger(1.75) == 2.0 and smaller(1.75) == 1.5  # a size from a settings file snaps to a preset
    assert PRESETS == (1.0, 1.25, 1.5, 2.0)


def test_classroom_option_starts_in_presenter_layout(presenter):
    window, context = presenter.window, presenter.context
    classroom = presenter.classroom
    assert classroom is not None and classroom.presenting
    assert context.state.font_scale == 1.5
    assert context.state.screen == "story"
    assert all(button.isHidden() for button in window.nav_buttons.values()), "screen buttons need a mouse"
    story = window.screens["story"]
    assert story.rail.isHidden()
    footer = [window.footer.itemAt(i).widget() for i in range(window.footer.count())]
    assert footer and all(widget.isHidden() for widget in footer), "the time bar is hidden for the projector"
    progress = classroom.presenter.progress
    assert progress.isVisible()
    assert progress.text() == context.language.ui("Chapter %(number)d of %(total)d") % {"number": 1, "total": 9}
    assert progress.mode() == "dots"
    assert window.width() <= 1920, "the presenter header must not widen the window"


def test_clicker_keys_move_chapters_in_presenter_layout(presenter, qtbot):
    window, state = presenter.window, presenter.context.state
    progress = presenter.classroom.presenter.progress
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert state.chapter_index == 1
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert state.chapter_index == 2
    assert progress.accessibleName() == presenter.context.language.ui("Chapter %(number)d of %(total)d") % {
        "number": 3, "total": 9}
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert state.chapter_index == 1
    press(qtbot, window, Qt.Key.Key_Right)
    assert state.chapter_index == 2
    title = window.screens["story"].chapter_view.title_label.text()
    assert title == presenter.context.language.content(presenter.context.pack.chapters[2].title)


def test_b_blacks_out_and_any_key_or_click_returns_without_turning_the_page(presenter, qtbot):
    window, state = presenter.window, presenter.context.state
    black = presenter.classroom.black
    press(qtbot, window, Qt.Key.Key_B)
    assert black.isVisible()
    assert black.geometry() == window.rect(), "the black covers header, story and everything"
    image = window.grab().toImage()
    assert {image.pixelColor(x, y).name() for x in (5, 960, 1910) for y in (5, 540, 1075)} == {"#000000"}
    press(qtbot, window, Qt.Key.Key_PageDown)  # the clicker's "next": only brings the picture back
    assert not black.isVisible()
    assert state.chapter_index == 0
    press(qtbot, window, Qt.Key.Key_Period)  # many clickers send "." to blank
    assert black.isVisible()
    qtbot.mouseClick(black, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert not black.isVisible()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert state.chapter_index == 1, "keys work again after the black screen"


def test_the_black_screen_is_built_by_the_first_b_and_named_in_the_language_then(presenter, qtbot):
    """Not built for the first frame (start-up, issue 19): B builds it, over everything, named for a screen reader."""
    window, classroom = presenter.window, presenter.classroom
    assert classroom._black is None
    presenter.context.language.set_language("nl")
    press(qtbot, window, Qt.Key.Key_B)
    black = classroom._black
    assert black is not None and black.isVisible()
    assert black.geometry() == window.rect()
    assert black.accessibleName() == presenter.context.language.ui("Black screen")
    press(qtbot, window, Qt.Key.Key_Space)
    assert not black.isVisible()


def test_esc_leaves_presenter_layout_and_restores_the_window(presenter, qtbot):
    window, state = presenter.window, presenter.context.state
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not presenter.classroom.presenting
    assert all(button.isVisible() for button in window.nav_buttons.values())
    assert window.screens["story"].rail.isVisible()
    assert not presenter.classroom.presenter.progress.isVisible()
    assert state.font_scale == presenter.context.settings.font_scale == 1.0
    press(qtbot, window, Qt.Key.Key_Escape)  # nothing left to leave: nothing happens
    assert not presenter.classroom.presenting
    press(qtbot, window, Qt.Key.Key_F5)  # a clicker's "start presentation"
    assert presenter.classroom.presenting and state.font_scale == 1.5


def test_ctrl_plus_minus_zero_step_through_presets(presenter, qtbot):
    window, state = presenter.window, presenter.context.state
    seen = []
    for _ in range(2):
        press(qtbot, window, Qt.Key.Key_Plus, CTRL)
        seen.append(state.font_scale)
    assert seen == [2.0, 2.0]
    seen = []
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_Minus, CTRL)
        seen.append(state.font_scale)
    assert seen == [1.5, 1.25, 1.0, 1.0]
    press(qtbot, window, Qt.Key.Key_Equal, CTRL)  # Ctrl+= is Ctrl+plus on US keyboards
    assert state.font_scale == 1.25
    press(qtbot, window, Qt.Key.Key_0, CTRL)
    assert state.font_scale == 1.5, "Ctrl+0 is the presenter's normal size"
    title = window.screens["story"].chapter_view.title_label
    assert title.font().pixelSize() == theme.TypeScale(1.5).title


def test_header_menu_toggles_presenter_layout_in_the_window(build_app, qtbot):
    parts = build_app(size=(1280, 720))
    window, state = parts.window, parts.context.state
    classroom = parts.classroom
    assert not classroom.presenting
    assert classroom.menu.isVisible() and classroom.menu.parent() is window.header
    assert not classroom.notes_button.isVisible(), "the notes button appears in presenter layout only"
    classroom.menu.actions_["presenter"].trigger()
    assert classroom.presenting and state.font_scale == 1.5
    assert classroom.menu.actions_["presenter"].isChecked()
    assert classroom.notes_button.isVisible()
    classroom.menu.scale_actions[2.0].trigger()
    assert state.font_scale == 2.0
    QApplication.processEvents()
    assert window.header.minimumSizeHint().width() <= 1280, "the presenter header fits 1280 pixels at 200 %"
    assert parts.classroom.presenter.progress.mode() in ("bar", "none", "dots")
    classroom.menu.actions_["presenter"].trigger()
    assert not classroom.presenting and state.font_scale == 1.0
    assert parts.context.settings.presenter_font_scale == 2.0, "the presenter keeps its own size"


def test_high_contrast_switches_live(presenter, qtbot):
    window, context = presenter.window, presenter.context
    classroom = presenter.classroom
    classroom.menu.actions_["contrast"].trigger()
    assert context.settings.high_contrast
    assert theme.HIGH_CONTRAST.background in QApplication.instance().styleSheet()
    view = window.screens["story"].chapter_view.body_views[0]
    assert view.link_colour == theme.HIGH_CONTRAST.accent
    links = _link_colours(view)
    assert links and links == {theme.HIGH_CONTRAST.accent.lower()}, "links readable on black"
    QApplication.processEvents()
    image = window.grab().toImage()
    assert image.pixelColor(window.width() // 2, window.height() - 4).lightness() < 40, "dark ground"
    plot = window.screens["story"].plot_slot.current_plot()
    if plot is not None:
        assert plot.style.theme is theme.HIGH_CONTRAST, "plots restyle without a restart"
    classroom.set_high_contrast(False)
    assert theme.LIGHT.background in QApplication.instance().styleSheet()


def test_no_classroom_in_kiosk_mode(build_app):
    parts = build_app(kiosk=True, show=False)
    assert parts.classroom is None
    names = {child.objectName() for child in parts.window.findChildren(object)}
    assert "classroomMenu" not in names and "blackScreen" not in names and "teacherNotes" not in names


def _link_colours(view) -> set[str]:
    """The colours the view's links are drawn in (read from the document's character formats)."""
    colours = set()
    block = view.document().begin()
    while block.isValid():
        for fragment_range in block.textFormats():
            if fragment_range.format.isAnchor():
                colours.add(fragment_range.format.foreground().color().name())
        block = block.next()
    return colours
