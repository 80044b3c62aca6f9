"""“What do critics say?”: each claim of the chapter next to the criticism, both with their source.

Pupils should meet the controversy in the story itself, not in a footnote: the panel sits
under the chapter text and every statement names who says it and where.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from zusammenleben.content.model import Chapter, Perspective
from zusammenleben.core.theme import TypeScale
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.text_button import TextButton


class _Block:
    """The widgets of one perspective, kept and refilled: claim and criticism, each with its source.

    Building them anew on every chapter move (new labels and buttons, polished, then resized
    hundreds of times while the scroll area settled) was most of a move's layout work.
    """

    def __init__(self, panel: PerspectivesPanel) -> None:
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.claim_title = wrapped_label(panel, "small")
        self.claim = wrapped_label(panel)
        self.claim_source = panel.new_source_button()
        self.criticism_title = wrapped_label(panel, "small")
        self.criticism = wrapped_label(panel)
        self.criticism_source = panel.new_source_button()
        self.widgets: list[QWidget] = [self.claim_title, self.claim, self.claim_source,
                                       self.criticism_title, self.criticism, self.criticism_source]
        panel.layout_.addItem(self.spacer)
        for widget in self.widgets:
            panel.layout_.addWidget(widget)


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
        self.blocks: list[_Block] = []  # one per perspective of the longest chapter shown so far
        self.items: list[QWidget] = []
        self.source_buttons: list[TextButton] = []

    def show_chapter(self, chapter: Chapter) -> None:
        ui = self.language.ui
        t = TypeScale(self.context.state.font_scale)
        self.layout_.setContentsMargins(t.px(20), t.px(16), t.px(20), t.px(16))
        self.layout_.setSpacing(t.px(6))
        self.heading.setText(ui("What do critics say?"))
        self.setVisible(bool(chapter.perspectives))
        while len(self.blocks) < len(chapter.perspectives):
            self.blocks.append(_Block(self))
        self.items = []
        self.source_buttons = []
        for number, block in enumerate(self.blocks):
            shown = number < len(chapter.perspectives)
            # an empty spacer adds no layout spacing: a hidden block leaves no gap behind
            block.spacer.changeSize(0, t.px(10) if shown and number else 0,
                                    QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            if shown:
                self._fill(block, chapter.perspectives[number])
                self.items += block.widgets
                self.source_buttons += [block.claim_source, block.criticism_source]
            for widget in block.widgets:
                widget.setVisible(shown)
        self.layout_.invalidate()  # the spacers changed size

    def _fill(self, block: _Block, perspective: Perspective) -> None:
        ui, language = self.language.ui, self.language
        claimant = language.content(perspective.claimant) if perspective.claimant else ""
        block.claim_title.setText(ui("Claim: %(claimant)s") % {"claimant": claimant} if claimant else ui("Claim"))
        block.claim.setText(language.display(perspective.claim))
        critic = language.content(perspective.critic) if perspective.critic else ""
        block.criticism_title.setText(ui("Criticism: %(critic)s") % {"critic": critic} if critic else ui("Criticism"))
        block.criticism.setText(language.display(perspective.criticism))
        self._point_source_button(block.claim_source, perspective.claim_source)
        self._point_source_button(block.criticism_source, perspective.criticism_source)

    def new_source_button(self) -> TextButton:
        button = TextButton(self.context, "", self, style="link")
        button.source_id = ""
        button.clicked.connect(lambda _checked=False, b=button: self.context.state.sourceRequested.emit(b.source_id))
        return button

    def _point_source_button(self, button: TextButton, source_id: str) -> None:
        ui = self.language.ui
        caption = source_caption(self.context.pack, self.language, source_id)
        text = ui("Source: %(source)s") % {"source": caption}
        button.source_id = source_id
        button.setText(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(ui("Show this source on the sources screen"))
