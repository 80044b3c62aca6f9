"""DE | NL | DE+NL: the language switch that is always visible in the header."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from zusammenleben.i18n.language import Language
from zusammenleben.ui import retranslate


class LanguageSwitch(QWidget):
    """Three toggle buttons; the short codes stay the same in every language, their names do not."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # no QButtonGroup: it would make the three buttons a single Tab stop (see MainWindow)
        self.buttons: dict[str, QPushButton] = {}
        for key, code in (("de", "DE"), ("nl", "NL"), ("both", "DE+NL")):
            button = QPushButton(code, self)
            button.setCheckable(True)
            button.setObjectName(f"lang-{key}")
            layout.addWidget(button)
            self.buttons[key] = button
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
        retranslate.bind(self, language)

    def _choose(self, key: str) -> None:
        if key == "both":
            self.language.set_side_by_side(True)
        else:
            self.language.set_side_by_side(False)
            self.language.set_language(key)
        self._mark()  # also when nothing changed: a click must not uncheck the current choice

    def _mark(self) -> None:
        current = "both" if self.language.side_by_side else self.language.code
        for key, button in self.buttons.items():
            button.setChecked(key == current)

    def retranslate(self) -> None:
        ui = self.language.ui
        names = {
            "de": (ui("German"), ui("Show all texts in German")),
            "nl": (ui("Dutch"), ui("Show all texts in Dutch")),
            "both": (ui("German and Dutch"), ui("Show German and Dutch side by side")),
        }
        for key, (name, description) in names.items():
            button = self.buttons[key]
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        self._mark()
