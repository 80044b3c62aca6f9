"""Policies over the same widgets: window, classroom (presenter) and kiosk (exhibition)."""

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
