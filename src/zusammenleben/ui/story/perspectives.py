"""“What do critics say?”: each claim of the chapter next to the criticism, both with their source.

Pupils should meet the controversy in the story itself, not in a footnote: the panel sits
under the chapter text and every statement names who says it and where.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from zusammenleben.content.model import Chapter
from zusammenleben.core.theme import TypeScale
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.text_button import TextButton


class PerspectivesPanel(QFrame):
    """Rebuilt for each chapter and language; hidden when a chapter has no perspectives."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setObjectName("perspectives")
        self.setProperty("role", "panel")
        self.layout_ = QVBoxLayout(self)
        self.heading = wrapped_label(self, "heading")
        self.layout_.addWidget(self.heading)
        self.items: list[QWidget] = []
        self.source_buttons: list[TextButton] = []

    def show_chapter(self, chapter: Chapter) -> None:
        ui = self.language.ui
        t = TypeScale(self.context.state.font_scale)
        self.layout_.setContentsMargins(t.px(20), t.px(16), t.px(20), t.px(16))
        self.layout_.setSpacing(t.px(6))
        self._clear()
        self.items = []
        self.source_buttons = []
        self.heading.setText(ui("What do critics say?"))
        self.setVisible(bool(chapter.perspectives))
        for number, perspective in enumerate(chapter.perspectives):
            if number:
                self.layout_.addSpacing(t.px(10))
            claim_title = wrapped_label(self, "small")
            claimant = self.language.content(perspective.claimant) if perspective.claimant else ""
            claim_title.setText(ui("Claim: %(claimant)s") % {"claimant": claimant} if claimant else ui("Claim"))
            claim = wrapped_label(self)
            claim.setText(self.language.display(perspective.claim))
            critic = self.language.content(perspective.critic) if perspective.critic else ""
            criticism_title = wrapped_label(self, "small")
            criticism_title.setText(ui("Criticism: %(critic)s") % {"critic": critic} if critic else ui("Criticism"))
            criticism = wrapped_label(self)
            criticism.setText(self.language.display(perspective.criticism))
            widgets = [claim_title, claim, self._source_button(perspective.claim_source),
                       criticism_title, criticism, self._source_button(perspective.criticism_source)]
            for widget in widgets:
                self.layout_.addWidget(widget)
                self.items.append(widget)

    def _clear(self) -> None:
        """Take every item after the heading out of the layout: widgets *and* the spacings between
        perspectives, which ``removeWidget`` would leave behind to pile up into a blank gap."""
        while self.layout_.count() > 1:
            widget = self.layout_.takeAt(1).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _source_button(self, source_id: str) -> TextButton:
        ui = self.language.ui
        caption = source_caption(self.context.pack, self.language, source_id)
        button = TextButton(self.context, ui("Source: %(source)s") % {"source": caption}, self, style="link")
        button.setAccessibleName(ui("Source: %(source)s") % {"source": caption})
        button.setAccessibleDescription(ui("Show this source on the sources screen"))
        button.clicked.connect(lambda _checked=False, sid=source_id: self.context.state.sourceRequested.emit(sid))
        self.source_buttons.append(button)
        return button
