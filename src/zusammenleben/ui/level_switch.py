"""Standard | Einfach (Standaard | Eenvoudig): the reading-level switch in the header.

Two toggle buttons beside the language switch, built like it: no QButtonGroup (that would make them
one Tab stop whose arrow keys move the choice — and the arrow keys belong to the chapters), each
button its own Tab stop, Space or Enter chooses. A clicker sends PageUp/PageDown, B or "."; a push
button claims none of these, so the story's window shortcuts keep them even while the switch has the
focus. The switch only asks ``AppState.set_level``; the views follow ``levelChanged``.

At large type (the classroom presenter's 150 % and more) the header must still fit one row of a
1280-pixel projector, so the switch folds into one toggle, "Einfach / Eenvoudig": pressed is the easy
level, released the standard one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from zusammenleben.core.state import LEVELS
from zusammenleben.ui import retranslate

COMPACT_FROM_SCALE = 1.5  # from this type size on, one toggle instead of two buttons


class LevelSwitch(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = context.language
        self.state = context.state
        self.setObjectName("levelSwitch")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for level in LEVELS:
            button = QPushButton(self)
            button.setCheckable(True)
            button.setObjectName(f"level-{level}")
            button.clicked.connect(lambda _checked=False, chosen=level: self._choose(chosen))
            layout.addWidget(button)
            self.buttons[level] = button
        # bound methods, not lambdas: Qt drops them when this widget is destroyed (the state outlives it)
        self.state.levelChanged.connect(self._on_level)
        self.state.fontScaleChanged.connect(self._on_scale)
        retranslate.bind(self, self.language)
        self._fit()

    def _on_level(self, _level: str) -> None:
        self._mark()

    def _on_scale(self, _scale: float) -> None:
        self._fit()

    @property
    def compact(self) -> bool:
        return self.state.font_scale >= COMPACT_FROM_SCALE

    def _fit(self) -> None:
        self.buttons["standard"].setVisible(not self.compact)

    def _choose(self, level: str) -> None:
        if self.compact and level == "easy" and self.state.level == "easy":
            level = "standard"  # the folded switch: releasing "Einfach" is the standard level
        self.state.set_level(level)
        self._mark()  # also when nothing changed: a click must not uncheck the current choice

    def _mark(self) -> None:
        for level, button in self.buttons.items():
            button.setChecked(level == self.state.level)

    def retranslate(self) -> None:
        ui = self.language.ui
        texts = {
            "standard": (ui("Standard"), ui("Standard reading level"),
                         ui("Show the full text of each chapter")),
            "easy": (ui("Easy"), ui("Easy reading level"),
                     ui("Show each chapter in plain language: short sentences, everyday words")),
        }
        for level, (text, name, description) in texts.items():
            button = self.buttons[level]
            button.setText(text)
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        self.setAccessibleName(ui("Reading level"))
        self._mark()
