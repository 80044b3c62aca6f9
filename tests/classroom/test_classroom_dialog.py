"""The handout dialog builds the request the teacher chose; cancelling writes nothing; kiosk never offers it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from zusammenleben.export.handout_text import Variant
from zusammenleben.modes.classroom.handout_dialog import HandoutDialog, save_handout


def test_dialog_preselects_the_current_chapter_and_language(build_app, qtbot):
    parts = build_app(size=(1280, 720), show=False)
    context = parts.context
    context.state.set_chapter(2)
    context.language.set_language("nl")
    dialog = HandoutDialog(context, parts.window)
    qtbot.addWidget(dialog)
    request = dialog.request()
    assert request.chapter_ids == (context.pack.chapters[2].id,)
    assert request.languages == ("nl",)
    assert request.variant is Variant.WORKSHEET
    assert dialog.suggested_name().endswith("-nl.pdf") and " " not in dialog.suggested_name()

    dialog.chapter_choice.setCurrentIndex(0)  # the whole tour
    dialog.language_buttons[("de", "nl")].setChecked(True)
    dialog.variant_buttons[Variant.HANDOUT].setChecked(True)
    request = dialog.request()
    assert request.chapter_ids == tuple(chapter.id for chapter in context.pack.chapters)
    assert request.side_by_side and request.variant.with_teacher_notes
    context.language.set_language("de")  # the open dialog follows the language
    assert dialog.chapter_choice.currentIndex() == 0
    assert context.language.content(context.pack.chapters[0].title) in dialog.chapter_choice.itemText(1)
    for button in [*dialog.language_buttons.values(), *dialog.variant_buttons.values(), dialog.save_button]:
        assert button.accessibleName()


def test_cancel_writes_nothing(build_app, qtbot):
    parts = build_app(size=(1280, 720))

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog) and dialog.objectName() == "handoutDialog"
        dialog.reject()

    QTimer.singleShot(100, cancel)
    assert parts.classroom.open_handout() is None


def test_kiosk_never_saves_a_handout(build_app):
    parts = build_app(kiosk=True, show=False)
    assert save_handout(parts.window, parts.context) is None
