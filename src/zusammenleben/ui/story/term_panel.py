"""The explanation of a glossary term, opened from a link in the chapter text.

An overlay inside the story screen (not a separate window): the pupil keeps the sentence
in view, reads the definition, and closes it, or follows it to the glossary screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate


class TermPanel(QFrame):
    """Shows one term; ``Open in glossary`` asks the state for the glossary screen."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.term_id = ""
        self.setObjectName("termPanel")
        self.setProperty("role", "card")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        self.layout_ = layout
        self.caption = QLabel(self)
        self.caption.setProperty("role", "caption")
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.definition = QLabel(self)
        for label in (self.caption, self.title, self.definition):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        row = QHBoxLayout()
        self.glossary_button = QPushButton(self)
        self.glossary_button.clicked.connect(self._open_glossary)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.glossary_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.hide()
        retranslate.bind(self, self.language)

    def show_term(self, term_id: str) -> None:
        try:
            self.context.pack.term(term_id)
        except KeyError:
            return
        self.term_id = term_id
        self.retranslate()
        self.show()
        self.raise_()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        ui = self.language.ui
        t = TypeScale(self.context.state.font_scale)
        self.layout_.setContentsMargins(t.px(20), t.px(16), t.px(20), t.px(16))
        self.caption.setText(ui("Glossary"))
        self.glossary_button.setText(ui("Open in glossary"))
        self.glossary_button.setAccessibleName(ui("Open in glossary"))
        self.glossary_button.setAccessibleDescription(ui("Show this term on the glossary screen"))
        self.close_button.setText(ui("Close"))
        self.close_button.setAccessibleName(ui("Close"))
        self.close_button.setAccessibleDescription(ui("Close the explanation and return to the chapter"))
        self.setAccessibleName(ui("Glossary"))
        if self.term_id:
            term = self.context.pack.term(self.term_id)
            self.title.setText(self.language.display(term.term))
            self.definition.setText(self.language.display(term.definition_at(self.context.state.level)))

    def place(self, area: QWidget) -> None:
        """Lay the panel over the right part of ``area`` (coordinates of the panel's parent)."""
        t = TypeScale(self.context.state.font_scale)
        width = min(t.px(520), area.width() - 2 * t.px(16))
        self.setFixedWidth(width)
        self.layout_.activate()
        height = min(self.layout_.totalHeightForWidth(width), area.height() - 2 * t.px(16))
        top_left = area.mapTo(self.parentWidget(), area.rect().topRight())
        self.setGeometry(top_left.x() - width - t.px(16), top_left.y() + t.px(16), width, height)

    def _open_glossary(self) -> None:
        term_id = self.term_id
        self.hide()
        self.context.state.termRequested.emit(term_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
