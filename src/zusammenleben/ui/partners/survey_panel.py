"""The survey behind the table: what was asked (aspects a, b, c), what it found, and a voice from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.core.context import UiContext
from zusammenleben.ui import retranslate
from zusammenleben.ui.layout_items import take_all
from zusammenleben.ui.partners.detail import source_title
from zusammenleben.ui.text_button import TextButton


class SurveyPanel(QScrollArea):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.survey = context.pack.survey
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(12, 8, 12, 12)
        self._layout.setSpacing(8)
        self.setWidget(body)
        self._body = body
        self.source_button: TextButton | None = None
        retranslate.bind(self, self.language)

    def _clear(self) -> None:
        for widget in take_all(self._layout):
            widget.deleteLater()

    def _add(self, text: str, role: str = "", name: str = "") -> QLabel:
        label = QLabel(text, self._body)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if role:
            label.setProperty("role", role)
        if name:
            label.setObjectName(name)
        self._layout.addWidget(label)
        return label

    def retranslate(self) -> None:
        """Rebuilt on every switch: the number of paragraphs is the pack's, not fixed."""
        ui, display = self.language.ui, self.language.display
        self._clear()
        self.setAccessibleName(ui("About the survey"))
        survey = self.survey
        if survey is None:
            self._add(ui("This content pack has no survey."), "lead")
            self._layout.addStretch(1)
            return
        self._add(display(survey.title), "title", "surveyTitle")
        self._add(display(survey.intro), "lead")
        self._add(ui("What the survey asked about"), "heading")
        for letter, text in survey.aspects:
            self._add(ui("Aspect %(letter)s: %(text)s") % {"letter": letter, "text": display(text)})
        self._add(ui("What it found"), "heading")
        for finding in survey.findings:
            self._add(f"• {display(finding)}", "", "surveyFinding")
        if survey.quote is not None:
            self._add(f"„{display(survey.quote.text)}“" if self.language.code == "de"
                      else f"“{display(survey.quote.text)}”", "quote", "surveyQuote")
            speaker = f"— {survey.quote.speaker}"
            if survey.quote.note:  # who an unnamed speaker is, in words that are translated
                speaker = f"{speaker} ({display(survey.quote.note)})"
            self._add(speaker, "caption")
        self._add(ui("Source"), "heading")
        button = TextButton(self.context, source_title(self.context.pack, survey.source, self.language.content),
                            self._body, style="link")
        button.setObjectName("surveySource")
        button.setAccessibleName(ui("Source"))
        button.setAccessibleDescription(ui("Open this source in the list of sources"))
        button.clicked.connect(lambda: self.context.state.sourceRequested.emit(survey.source))
        self._layout.addWidget(button)
        self.source_button = button
        self._layout.addStretch(1)
