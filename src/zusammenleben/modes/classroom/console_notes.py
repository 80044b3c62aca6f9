"""The teacher notes, questions and the next chapter on the presenter console, in the teacher's language.

On two screens the notes live here and never on the audience view. They are read in the
console's own language (the class may be reading Dutch while the teacher prepared in
German), so every text goes through ``Language.content_in``/``ui_in`` with that code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.layout_items import take_all


class ConsoleNotes(QScrollArea):
    """Notes and discussion questions of ``state.chapter``, rebuilt on every chapter or language change."""

    def __init__(self, context, ui: Callable[[str], str], code: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = context.language
        self.state = context.state
        self.ui = ui
        self.code = code
        self.setObjectName("consoleNotes")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Up/Down scroll the notes
        self.inner = QWidget(self)
        self.inner.setObjectName("consoleNotesInner")
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(0, 0, 12, 0)
        self.column.setSpacing(8)
        self.setWidget(self.inner)
        self.labels: list[QLabel] = []

    def refresh(self) -> None:
        ui, code = self.ui, self.code()
        chapter = self.state.chapter
        self._clear()
        self.setAccessibleName(ui("Teacher notes and discussion questions"))
        if chapter is None:
            return
        self._add("heading", ui("Teacher notes"))
        if chapter.teacher_notes:
            for note in chapter.teacher_notes:
                self._add("", f"•  {self.language.content_in(note.text, code)}")
        else:
            self._add("caption", ui("This chapter has no teacher notes."))
        if chapter.questions:
            self._add("heading", ui("Questions for discussion"))
        for index, question in enumerate(chapter.questions, start=1):
            self._add("", f"{index}.  {self.language.content_in(question.text, code)}")
            if question.hint:
                self._add("caption", ui("Hint: %(hint)s") % {"hint": self.language.content_in(question.hint, code)})
        self.column.addStretch(1)
        self.verticalScrollBar().setValue(0)

    def texts(self) -> list[str]:
        return [label.text() for label in self.labels]

    def _add(self, role: str, text: str) -> None:
        label = wrapped_label(self.inner, role, "consoleNote", show=True)
        label.setText(text)
        self.column.addWidget(label)
        self.labels.append(label)

    def _clear(self) -> None:
        for widget in take_all(self.column):
            widget.hide()
            widget.deleteLater()
        self.labels = []


class NextChapter(QFrame):
    """What comes next: the next chapter's title and lead (or "last chapter"), in the teacher's language."""

    def __init__(self, context, ui: Callable[[str], str], code: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = context.language
        self.state = context.state
        self.ui = ui
        self.code = code
        self.setObjectName("consoleNext")
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        self.caption = wrapped_label(self, "caption", "consoleNextCaption")
        self.title = wrapped_label(self, "heading", "consoleNextTitle")
        self.lead = wrapped_label(self, "", "consoleNextLead")
        for label in (self.caption, self.title, self.lead):
            column.addWidget(label)
        column.addStretch(1)

    def refresh(self) -> None:
        ui, code = self.ui, self.code()
        index = self.state.chapter_index + 1
        chapters = self.state.pack.chapters
        if index >= len(chapters):
            self.caption.setText(ui("Next"))
            self.title.setText(ui("This is the last chapter."))
            self.lead.setText("")
            self.lead.hide()
            return
        chapter = chapters[index]
        self.caption.setText(ui("Next: chapter %(number)d") % {"number": index + 1})
        self.title.setText(self.language.content_in(chapter.title, code))
        self.lead.setText(self.language.content_in(chapter.lead, code))
        self.lead.show()
