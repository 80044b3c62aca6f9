"""The classroom's keys: what a clicker, a keyboard or a teacher without a mouse presses.

Window shortcuts, so they work wherever the focus is; a text field that needs a letter
(the partnership search) still gets it, because Qt asks the focused widget first
(ShortcutOverride). The story screen owns the chapter keys (PageUp/PageDown from the
clicker, arrows, Home/End); these are the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

# action name -> key sequences (presentation clickers send B or "." to blank, F5 / Esc to start and stop)
KEYS: dict[str, tuple[QKeySequence | QKeySequence.StandardKey | str, ...]] = {
    "presenter": ("F5",),
    "escape": ("Esc",),
    "black": ("B", "."),
    "notes": ("N",),
    "larger": (QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="),
    "smaller": (QKeySequence.StandardKey.ZoomOut, "Ctrl+-"),
    "reset": ("Ctrl+0",),
    "fullscreen": ("F11",),
    "handout": ("Ctrl+P",),
}


def sequences(name: str) -> list[QKeySequence]:
    """The distinct key sequences of an action (the platform's zoom keys plus the common spellings)."""
    found: dict[str, QKeySequence] = {}
    for key in KEYS[name]:
        candidates = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in candidates:
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text and text not in found:
                found[text] = sequence
    return list(found.values())


def shortcut_text(name: str) -> str:
    """How the first key of an action is written in a menu, in the platform's style (``Strg++`` in German)."""
    keys = sequences(name)
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


def install_keys(window: QWidget, actions: dict[str, Callable[[], None]]) -> dict[str, list[QShortcut]]:
    """One window shortcut per key sequence; returns them by action name (to enable or disable)."""
    installed: dict[str, list[QShortcut]] = {}
    for name, action in actions.items():
        shortcuts = []
        for sequence in sequences(name):
            shortcut = QShortcut(sequence, window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(name in ("larger", "smaller"))
            shortcut.activated.connect(action)
            shortcuts.append(shortcut)
        installed[name] = shortcuts
    return installed
