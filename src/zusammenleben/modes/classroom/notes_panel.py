"""Teacher notes and discussion questions of the current chapter, over the story's figure (key N).

Hidden by default: the class sees the chapter, the teacher opens the notes when needed.
The panel lies over the right part of the story screen (the figure), so the chapter text
stays readable beside it; it follows every chapter change, language switch (side by side
shows German and Dutch one under the other) and type size, and scrolls when the notes
are long at 200 %.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.layout_items import take_all
from zusammenleben.ui.text_button import scrollbar_style

WIDTH_SHARE = 0.46  # of the story screen: the chapter text keeps the rest


_label = partial(wrapped_label, show=True)


class NotesPanel(QFrame):
    """The notes of ``state.chapter``; ``toggle`` shows or hides it, ``visibilityChanged`` tells the buttons."""

    visibilityChanged = Signal(bool)

    def __init__(self, context, host: QWidget) -> None:
        super().__init__(host)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.host = host
        self.setObjectName("teacherNotes")
        self.setProperty("role", "card")
        self.setAutoFillBackground(True)
        self._previous_focus: QWidget | None = None

        outer = QVBoxLayout(self)
        self.outer = outer
        top = QHBoxLayout()
        self.heading = _label(self, "heading", "teacherNotesHeading")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("teacherNotesClose")
        self.close_button.clicked.connect(self.close_notes)
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.chapter_label = _label(self, "caption", "teacherNotesChapter")
        outer.addWidget(self.chapter_label)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("teacherNotesScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Up/Down/Space scroll the notes
        self.inner = QWidget(self.scroll)
        self.inner.setObjectName("teacherNotesInner")
        self.inner.setAutoFillBackground(False)
        self.scroll.viewport().setAutoFillBackground(False)
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.scroll.setWidget(self.inner)
        outer.addWidget(self.scroll, 1)

        self.note_labels: list[QLabel] = []
        self.question_labels: list[QLabel] = []
        self.hint_labels: list[QLabel] = []
        self.goal_labels: list[QLabel] = []
        self.task_labels: list[QLabel] = []
        self.section_headings: list[QLabel] = []  # "Learning goals", "Tasks": rebuilt with the chapter
        self.questions_heading = _label(self.inner, "heading", "teacherNotesQuestionsHeading")

        host.installEventFilter(self)
        # hidden, the notes are filled when opened (open_notes): no rebuild on every chapter move
        self.state.chapterChanged.connect(lambda _index: self.retranslate() if self.isVisible() else None)
        self.state.fontScaleChanged.connect(self._on_scale)
        self.state.themeChanged.connect(lambda _theme: self._on_scale(self.state.font_scale))
        self.hide()
        self._on_scale(self.state.font_scale)
        retranslate.bind(self, self.language)

    # -- showing -------------------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.isVisible():
            self.close_notes()
        else:
            self.open_notes()

    def open_notes(self) -> None:
        if self.isVisible():
            return
        self._previous_focus = self.window().focusWidget()
        self.retranslate()
        self.place()
        self.show()
        self.raise_()
        self.scroll.setFocus(Qt.FocusReason.OtherFocusReason)
        self.visibilityChanged.emit(True)

    def close_notes(self) -> None:
        if not self.isVisible():
            return
        had_focus = self.isAncestorOf(self.window().focusWidget()) if self.window().focusWidget() else False
        self.hide()
        previous = self._previous_focus
        self._previous_focus = None
        if had_focus and previous is not None and previous.isVisible():
            previous.setFocus(Qt.FocusReason.OtherFocusReason)
        self.visibilityChanged.emit(False)

    def place(self) -> None:
        """Over the figure beside the text, full height; over the right part when the figure is under the text."""
        t = TypeScale(self.state.font_scale)
        margin = t.px(12)
        host = self.host.rect()
        minimum = min(host.width() - 2 * margin, t.px(380))
        text = getattr(self.host, "scroll", None)  # the story's text column: keep it readable
        width = 0
        if text is not None and text.isVisible():
            width = host.width() - (text.geometry().right() + margin) - margin
        if width < minimum:
            width = max(round(host.width() * WIDTH_SHARE), minimum)
        width = min(width, host.width() - 2 * margin)
        self.setGeometry(host.right() - width - margin + 1, margin, width, host.height() - 2 * margin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    # -- texts ---------------------------------------------------------------------------------------
    def _on_scale(self, scale: float) -> None:
        t = TypeScale(scale)
        self.outer.setContentsMargins(t.px(22), t.px(16), t.px(16), t.px(18))
        self.outer.setSpacing(t.px(8))
        self.column.setSpacing(t.px(10))
        self.inner.setContentsMargins(0, 0, t.px(12), 0)
        self.scroll.setStyleSheet(scrollbar_style(self.state.theme, scale)
                                  + "QScrollArea#teacherNotesScroll, QWidget#teacherNotesInner"
                                  " { background: transparent; }")
        if self.isVisible():
            self.place()

    def retranslate(self) -> None:
        ui = self.language.ui
        language = self.language
        self.heading.setText(ui("Teacher notes"))
        self.close_button.setText(ui("Close (N)"))
        self.close_button.setAccessibleName(ui("Close the teacher notes"))
        self.close_button.setAccessibleDescription(ui("Hide the notes and questions again (key N or Esc)"))
        self.setAccessibleName(ui("Teacher notes"))
        self.setAccessibleDescription(ui("Notes for the teacher and questions for the class about this chapter"))
        self.scroll.setAccessibleName(ui("Teacher notes and discussion questions"))
        chapter = self.state.chapter
        if chapter is None:
            return
        number = self.state.chapter_index + 1
        self.chapter_label.setText(ui("Chapter %(number)d: %(title)s")
                                   % {"number": number, "title": language.display(chapter.title)})
        self._clear()
        if chapter.goals:
            self._section_heading(ui("Learning goals"), "teacherNotesGoalsHeading")
            for goal in chapter.goals:
                label = _label(self.inner, name="learningGoal")
                label.setText(f"•  {language.display(goal.text)}")
                self.column.addWidget(label)
                self.goal_labels.append(label)
            self._section_heading(ui("Teacher notes"), "teacherNotesNotesHeading")
        if chapter.teacher_notes:
            for note in chapter.teacher_notes:
                label = _label(self.inner, name="teacherNote")
                label.setText(f"•  {language.display(note.text)}")
                self.column.addWidget(label)
                self.note_labels.append(label)
        else:
            label = _label(self.inner, "caption", "teacherNote")
            label.setText(ui("This chapter has no teacher notes."))
            self.column.addWidget(label)
            self.note_labels.append(label)
        self.questions_heading.setText(ui("Questions for discussion"))
        self.questions_heading.setVisible(bool(chapter.questions))
        self.column.addSpacing(TypeScale(self.state.font_scale).px(8))
        self.column.addWidget(self.questions_heading)
        for index, question in enumerate(chapter.questions, start=1):
            label = _label(self.inner, name="discussionQuestion")
            label.setText(f"{index}.  {language.display(question.text)}")
            self.column.addWidget(label)
            self.question_labels.append(label)
            if question.hint:
                hint = _label(self.inner, "caption", "discussionHint")
                hint.setText(ui("Hint: %(hint)s") % {"hint": language.display(question.hint)})
                self.column.addWidget(hint)
                self.hint_labels.append(hint)
        if chapter.tasks:
            self._section_heading(ui("Tasks"), "teacherNotesTasksHeading")
            for index, task in enumerate(chapter.tasks, start=1):
                label = _label(self.inner, name="classTask")
                label.setText(f"{index}.  {language.display(task.text)}")
                self.column.addWidget(label)
                self.task_labels.append(label)
                level = _label(self.inner, "caption", "classTaskLevel")
                level.setText(ui("Level %(level)s") % {"level": task.numeral})
                self.column.addWidget(level)
                self.task_labels.append(level)
        self.column.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)

    def _clear(self) -> None:
        """Empty the column (the questions heading is kept and re-added; notes and questions are rebuilt)."""
        for widget in take_all(self.column):
            if widget is not self.questions_heading:
                widget.hide()
                widget.deleteLater()
        self.note_labels, self.question_labels, self.hint_labels = [], [], []
        self.goal_labels, self.task_labels, self.section_headings = [], [], []

    def _section_heading(self, text: str, name: str) -> None:
        """A heading inside the column (goals, notes, tasks); the questions heading is kept separately."""
        heading = _label(self.inner, "heading", name)
        heading.setText(text)
        self.column.addSpacing(TypeScale(self.state.font_scale).px(8))
        self.column.addWidget(heading)
        self.section_headings.append(heading)

    def texts(self) -> list[str]:
        """Every text the panel shows, in order (tests and the screen-reader summary use it)."""
        column = [self.column.itemAt(i).widget() for i in range(self.column.count())]
        labels = [self.heading, self.chapter_label, *(w for w in column if isinstance(w, QLabel))]
        return [label.text() for label in labels if not label.isHidden()]
