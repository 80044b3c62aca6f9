"""The three ways the app runs: window, classroom (presenter) and kiosk (exhibition).

Defined below every layer so that the state, the views and the exports can ask "may I open
a file dialog here?" without importing the modes' insides; ``zusammenleben.modes`` re-exports it.
"""

from enum import Enum


class Mode(Enum):
    WINDOW = "window"
    CLASSROOM = "classroom"
    KIOSK = "kiosk"

    @property
    def allows_export(self) -> bool:
        """Exports open file dialogs: a way out of a kiosk."""
        return self is not Mode.KIOSK

    @property
    def allows_menus(self) -> bool:
        return self is not Mode.KIOSK
