"""The base of every screen in the main window's stack.

A screen knows its key (``story``, ``indicators`` …), gives its navigation label in the
current language, and re-reads its texts in ``retranslate`` when the language changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zusammenleben.core.context import UiContext
from zusammenleben.ui.screen_registry import label_msgid


class Screen(QWidget):
    key: str = ""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setObjectName(f"screen-{self.key}")

    def nav_label(self) -> str:
        """The label of this screen's button in the header (from the registry: the button exists before the screen)."""
        msgid = label_msgid(self.key)
        if msgid is None:
            raise NotImplementedError(f"screen {self.key!r} is not in ui.screen_registry; override nav_label")
        return self.language.ui(msgid)

    def retranslate(self) -> None:
        """Re-read every user-visible text through ``self.language``."""

    def reveal(self, item_id: str) -> None:
        """Come forward with ``item_id`` shown (a source, a term); the screens that answer requests override it."""

    def activated(self) -> None:
        """Called when the screen becomes visible (lazy work goes here)."""

    def reset_view(self) -> None:
        """Back to how the screen looked at start: filters, selections, scroll positions (kiosk reset).

        The chapter, year, screen and language are reset through ``AppState`` and ``Language``;
        this hook is for what only the screen itself holds. Default: nothing to reset.
        """
