"""The app's plain reading label: word-wrapped, plain text, styled by its role in the theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def wrapped_label(parent: QWidget, role: str = "", name: str = "", *, show: bool = False) -> QLabel:
    """A wrapped plain-text label; ``role`` picks its style in ``theme.stylesheet``.

    The role is set before the label is shown: showing polishes, and a later role would not
    restyle it. ``show`` shows it at once (a child added to a shown panel is otherwise shown later).
    """
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    if show:
        label.setVisible(True)
    return label
