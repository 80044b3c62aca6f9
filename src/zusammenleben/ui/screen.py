"""The base of every screen in the main window's stack.

A screen knows its key (``story``, ``indicators`` …), gives its navigation label in the
current language, and re-reads its texts in ``retranslate`` when the language changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zusammenleben.core.context import UiContext


class Screen(QWidget):
    key: str = ""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setObjectName(f"screen-{self.key}")

    def nav_label(self) -> str:
        """The label of this screen's button in the header."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every user-visible text through ``self.language``."""

    def activated(self) -> None:
        """Called when the screen becomes visible (lazy work goes here)."""

    def reset_view(self) -> None:
        """Back to how the screen looked at start: filters, selections, scroll positions (kiosk reset).

        The chapter, year, screen and language are reset through ``AppState`` and ``Language``;
        this hook is for what only the screen itself holds. Default: nothing to reset.
        """
