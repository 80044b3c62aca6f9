"""The chapter rail: every chapter, numbered and titled, the current one marked.

A column of large wrapped buttons in its own scroll area, so nine German titles at 200 %
still fit on a 720-pixel-high projector without cutting a word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.text_button import TextButton


class ChapterRail(QScrollArea):
    """Clicking a chapter opens it (``state.set_chapter``); the state marks the current one."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = context.state
        self.language = context.language
        self.setObjectName("chapterRail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("chapterRailInner")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 0, 8, 0)
        self.heading = QLabel(inner)
        self.heading.setProperty("role", "caption")
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        # no QButtonGroup: Qt would make the rail a single Tab stop whose arrows we use for chapters
        self.buttons: list[TextButton] = []
        for index, _chapter in enumerate(context.pack.chapters):
            button = TextButton(context, "", inner, number=str(index + 1), style="card")
            button.setCheckable(True)
            button.setObjectName(f"chapterButton-{index + 1}")
            button.clicked.connect(lambda _checked=False, i=index: self._open(i))
            self.column.addWidget(button)
            self.buttons.append(button)
        self.column.addStretch(1)
        self.setWidget(inner)
        self.state.chapterChanged.connect(self._mark)
        self.state.fontScaleChanged.connect(self._on_scale)
        self._on_scale(self.state.font_scale)
        self._mark(self.state.chapter_index)
        retranslate.bind(self, self.language)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.heading.setText(ui("Chapters"))
        total = len(self.buttons)
        for index, button in enumerate(self.buttons):
            chapter = self.context.pack.chapters[index]
            title = self.language.content(chapter.title)
            button.setText(title)
            button.setAccessibleName(ui("Chapter %(number)d of %(total)d: %(title)s")
                                     % {"number": index + 1, "total": total, "title": title})
            button.setAccessibleDescription(ui("Open this chapter"))
            button.updateGeometry()

    def preferred_width(self, window_width: int) -> int:
        """About a sixth of the window, within what a two-line title at this scale needs."""
        t = TypeScale(self.state.font_scale)
        low = t.px(240) if self.state.font_scale < 1.5 else t.px(190)
        return max(low, min(round(window_width * 0.17), t.px(330)))

    def _open(self, index: int) -> None:
        self.state.set_chapter(index)
        self._mark(self.state.chapter_index)  # a click on the current chapter must not uncheck it

    def _mark(self, index: int) -> None:
        for other, button in enumerate(self.buttons):
            button.setChecked(other == index)
        if 0 <= index < len(self.buttons):
            if index == 0:  # keep the "Chapters" heading in view at the start
                self.verticalScrollBar().setValue(0)
            else:
                self.ensureWidgetVisible(self.buttons[index], 0, 24)

    def _on_scale(self, scale: float) -> None:
        t = TypeScale(scale)
        self.column.setSpacing(t.px(8))
        self.setFixedWidth(self.preferred_width(self.window().width() if self.window() else 1280))
        for button in self.buttons:
            button.updateGeometry()
