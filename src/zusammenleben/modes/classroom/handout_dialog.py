"""Choosing and saving a handout: which chapter (or the whole tour), which language(s), which reading level,
which variant (a teacher can print the easy version for part of a class).

The dialog only builds a ``HandoutRequest``; ``save_handout`` asks for the file name and
calls ``export.handout.write_handout``. File dialogs are a way out of a kiosk, so this is
never offered there (the classroom controller is not installed in kiosk mode, and
``save_handout`` checks the mode again).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core.state import LEVELS
from zusammenleben.core.theme import TypeScale
from zusammenleben.export.handout_text import HandoutRequest, Variant, suggested_filename
from zusammenleben.ui import retranslate

log = logging.getLogger(__name__)

WHOLE_TOUR = ""  # the combo box's data for "all chapters"


class HandoutDialog(QDialog):
    """Three choices with the current chapter and the current language preselected."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.setObjectName("handoutDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        t = TypeScale(self.state.font_scale)
        layout.setContentsMargins(t.px(24), t.px(20), t.px(24), t.px(20))
        layout.setSpacing(t.px(10))

        self.intro = self._label("lead")
        layout.addWidget(self.intro)
        self.chapter_heading = self._label("heading")
        layout.addWidget(self.chapter_heading)
        self.chapter_choice = QComboBox(self)
        self.chapter_choice.setObjectName("handoutChapter")
        layout.addWidget(self.chapter_choice)

        self.language_heading = self._label("heading")
        layout.addWidget(self.language_heading)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[tuple[str, ...], QRadioButton] = {}
        for codes in (("de",), ("nl",), ("de", "nl")):
            button = QRadioButton(self)
            button.setObjectName("handoutLanguage-" + "-".join(codes))
            self.language_group.addButton(button)
            self.language_buttons[codes] = button
            layout.addWidget(button)

        self.level_heading = self._label("heading")
        layout.addWidget(self.level_heading)
        self.level_group = QButtonGroup(self)
        self.level_buttons: dict[str, QRadioButton] = {}
        for level in LEVELS:
            button = QRadioButton(self)
            button.setObjectName(f"handoutLevel-{level}")
            self.level_group.addButton(button)
            self.level_buttons[level] = button
            layout.addWidget(button)

        self.variant_heading = self._label("heading")
        layout.addWidget(self.variant_heading)
        self.variant_group = QButtonGroup(self)
        self.variant_buttons: dict[Variant, QRadioButton] = {}
        self.variant_notes: dict[Variant, QLabel] = {}
        for variant in (Variant.WORKSHEET, Variant.HANDOUT):
            button = QRadioButton(self)
            button.setObjectName(f"handoutVariant-{variant.value}")
            self.variant_group.addButton(button)
            self.variant_buttons[variant] = button
            layout.addWidget(button)
            note = self._label("caption")  # the difference in words that wrap (a radio button's text cannot)
            note.setContentsMargins(t.px(34), 0, 0, t.px(4))
            self.variant_notes[variant] = note
            layout.addWidget(note)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("handoutSave")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addSpacing(t.px(8))
        layout.addWidget(self.buttons)

        current = ("de", "nl") if self.language.side_by_side else (self.language.code,)
        self.language_buttons.get(current, self.language_buttons[("de",)]).setChecked(True)
        self.variant_buttons[Variant.WORKSHEET].setChecked(True)
        self.level_buttons.get(self.state.level, self.level_buttons[LEVELS[0]]).setChecked(True)
        retranslate.bind(self, self.language)
        self.chapter_choice.setCurrentIndex(self.state.chapter_index + 1)
        self.save_button.setDefault(True)
        self.setStyleSheet(_controls_style(t))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._fit()  # after polishing: the style sheet decides the sizes
        super().showEvent(event)

    def _fit(self) -> None:
        """Wide enough for the longest choice, as tall as the wrapped texts need (dialogs ignore height-for-width)."""
        t = TypeScale(self.state.font_scale)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.ensurePolished()
        for child in self.findChildren(QWidget):
            child.ensurePolished()
        self.layout().invalidate()
        width = max(self.layout().sizeHint().width(), t.px(620))
        if screen is not None:
            width = min(width, round(screen.width() * 0.9))
        height = self.layout().totalHeightForWidth(width)
        self.setMinimumSize(min(width, t.px(480)), height)
        self.resize(width, height)

    def _label(self, role: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setProperty("role", role)
        return label

    def retranslate(self) -> None:
        ui = self.language.ui
        pack = self.context.pack
        self.setWindowTitle(ui("Handout (PDF)"))
        self.intro.setText(ui("A printable handout of the story, with the discussion questions and space to write."))
        self.chapter_heading.setText(ui("Chapters"))
        selected = self.chapter_choice.currentIndex()
        self.chapter_choice.clear()
        self.chapter_choice.addItem(ui("The whole tour (%(count)d chapters)") % {"count": len(pack.chapters)},
                                    WHOLE_TOUR)
        for number, chapter in enumerate(pack.chapters, start=1):
            self.chapter_choice.addItem(ui("Chapter %(number)d: %(title)s")
                                        % {"number": number, "title": self.language.content(chapter.title)},
                                        chapter.id)
        if selected >= 0:
            self.chapter_choice.setCurrentIndex(selected)
        self.chapter_choice.setAccessibleName(ui("Chapters"))
        self.chapter_choice.setAccessibleDescription(ui("One chapter, or all chapters with a contents page"))
        self.language_heading.setText(ui("Language"))
        names = {("de",): ui("German"), ("nl",): ui("Dutch"), ("de", "nl"): ui("German and Dutch side by side")}
        for codes, button in self.language_buttons.items():
            button.setText(names[codes])
            button.setAccessibleName(names[codes])
        self.level_heading.setText(ui("Reading level"))
        levels = {"standard": (ui("Standard: the full text"), ui("The chapter's full text")),
                  "easy": (ui("Easy: plain language"),
                           ui("The whole chapter in plain language: short sentences, everyday words"))}
        for level, (name, description) in levels.items():
            self.level_buttons[level].setText(name)
            self.level_buttons[level].setAccessibleName(name)
            self.level_buttons[level].setAccessibleDescription(description)
        self.variant_heading.setText(ui("For whom"))
        variants = {
            Variant.WORKSHEET: (ui("Worksheet for pupils"),
                                ui("Without teacher notes: a name line, the chapter, its figure and sources, and the "
                                   "questions with lines to write on")),
            Variant.HANDOUT: (ui("Handout for teachers"),
                              ui("Everything on the worksheet, plus the teacher notes of each chapter")),
        }
        for variant, (name, description) in variants.items():
            button = self.variant_buttons[variant]
            button.setText(name)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            self.variant_notes[variant].setText(description)
        self.save_button.setText(ui("Save PDF…"))
        self.save_button.setAccessibleName(ui("Save PDF…"))
        self.save_button.setAccessibleDescription(ui("Choose where to save the handout"))
        if self.layout() is not None and self.isVisible():
            self._fit()

    def request(self) -> HandoutRequest:
        chosen = self.chapter_choice.currentData()
        pack = self.context.pack
        ids = tuple(chapter.id for chapter in pack.chapters) if chosen == WHOLE_TOUR else (chosen,)
        languages = next(codes for codes, button in self.language_buttons.items() if button.isChecked())
        variant = next(v for v, button in self.variant_buttons.items() if button.isChecked())
        level = next(level for level, button in self.level_buttons.items() if button.isChecked())
        return HandoutRequest(ids, languages, variant, level)

    def suggested_name(self) -> str:
        request = self.request()
        ui = self.language.ui
        pack = self.context.pack
        if len(request.chapter_ids) == 1:
            number = [c.id for c in pack.chapters].index(request.chapter_ids[0]) + 1
            chapter = ui("Chapter %(number)d") % {"number": number}
        else:
            chapter = ui("Whole tour")
        variant = ui("Worksheet") if request.variant is Variant.WORKSHEET else ui("Handout for teachers")
        if request.level == "easy":
            variant = f"{variant} {ui('Easy')}"
        return suggested_filename(self.language.content(pack.title), chapter, variant, request.languages)


def _controls_style(t: TypeScale) -> str:
    """Radio buttons and the chapter list big enough to see and to hit at the presenter's type size."""
    indicator = t.px(22)
    return (f"QRadioButton {{ min-height: {max(48, t.px(36))}px; spacing: {t.px(12)}px; }}"
            f"QRadioButton::indicator {{ width: {indicator}px; height: {indicator}px; }}"
            f"QComboBox::drop-down {{ width: {t.px(36)}px; }}"
            f"QComboBox::down-arrow {{ width: {t.px(16)}px; height: {t.px(16)}px; }}")


def save_handout(parent: QWidget, context) -> Path | None:
    """Dialog, file dialog, PDF, confirmation; None when cancelled or in kiosk mode."""
    if not context.mode.allows_export:
        return None
    from zusammenleben.export.handout import write_handout
    from zusammenleben.export.save_flow import save_with_dialog

    ui = context.language.ui
    dialog = HandoutDialog(context, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    request = dialog.request()
    saved = save_with_dialog(parent, context.language, title=ui("Save handout"),
                             suggested_name=dialog.suggested_name(), file_filter=ui("PDF documents (*.pdf)"),
                             extension="pdf", write=lambda path: write_handout(path, context, request),
                             failure_title=ui("Handout not saved"),
                             failure_message=ui("The handout could not be saved: %(reason)s"), busy=True)
    if saved is None:
        return None
    path, result = saved.path, saved.result
    QMessageBox.information(parent, ui("Handout saved"),
                            context.language.uin("The handout has %(count)d page and was saved as %(path)s.",
                                                 "The handout has %(count)d pages and was saved as %(path)s.",
                                                 result.pages) % {"count": result.pages, "path": str(path)})
    return path
