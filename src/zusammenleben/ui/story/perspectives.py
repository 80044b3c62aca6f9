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
    """Refilled for each chapter and language; hidden when a chapter has no perspectives."""

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
        self._groups: list[tuple] = []  # the widgets of each claim/criticism pair, reused

    def show_chapter(self, chapter: Chapter) -> None:
        ui = self.language.ui
        t = TypeScale(self.context.state.font_scale)
        self.layout_.setContentsMargins(t.px(20), t.px(16), t.px(20), t.px(16))
        self.layout_.setSpacing(t.px(6))
        # The widgets of each claim/criticism pair are kept and refilled, not rebuilt: building them
        # anew on every chapter move and language switch cost the polish and many re-layouts of new
        # labels (~10 ms a move) and PySide wrappers (memory). The layout is refilled in the same order.
        while self.layout_.count() > 1:  # everything after the heading
            self.layout_.takeAt(1)
        self.items = []
        self.source_buttons = []
        self.heading.setText(ui("What do critics say?"))
        self.setVisible(bool(chapter.perspectives))
        for number, perspective in enumerate(chapter.perspectives):
            if number:
                self.layout_.addSpacing(t.px(10))
            claim_title, claim, claim_source, criticism_title, criticism, criticism_source = self._group(number)
            claimant = self.language.content(perspective.claimant) if perspective.claimant else ""
            claim_title.setText(ui("Claim: %(claimant)s") % {"claimant": claimant} if claimant else ui("Claim"))
            claim.setText(self.language.display(perspective.claim))
            critic = self.language.content(perspective.critic) if perspective.critic else ""
            criticism_title.setText(ui("Criticism: %(critic)s") % {"critic": critic} if critic else ui("Criticism"))
            criticism.setText(self.language.display(perspective.criticism))
            self._fill_source_button(claim_source, perspective.claim_source)
            self._fill_source_button(criticism_source, perspective.criticism_source)
            widgets = [claim_title, claim, claim_source, criticism_title, criticism, criticism_source]
            for widget in widgets:
                self.layout_.addWidget(widget)
                widget.show()
                self.items.append(widget)
            self.source_buttons += [claim_source, criticism_source]
        for group in self._groups[len(chapter.perspectives):]:
            for widget in group:
                widget.hide()

    def _group(self, number: int) -> tuple:
        """The widgets of the ``number``-th pair, built the first time a chapter has that many."""
        while len(self._groups) <= number:
            self._groups.append((wrapped_label(self, "small"), wrapped_label(self), self._source_button(),
                                 wrapped_label(self, "small"), wrapped_label(self), self._source_button()))
        return self._groups[number]

    def _source_button(self) -> TextButton:
        button = TextButton(self.context, "", self, style="link")
        button.source_id = ""
        button.clicked.connect(lambda _checked=False, b=button: self.context.state.sourceRequested.emit(b.source_id))
        return button

    def _fill_source_button(self, button: TextButton, source_id: str) -> None:
        ui = self.language.ui
        caption = source_caption(self.context.pack, self.language, source_id)
        button.source_id = source_id
        button.setText(ui("Source: %(source)s") % {"source": caption})
        button.setAccessibleName(ui("Source: %(source)s") % {"source": caption})
        button.setAccessibleDescription(ui("Show this source on the sources screen"))
