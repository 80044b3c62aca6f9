"""Classroom mode: the presenter layout for a projector, clicker keys, teacher notes, handouts.

``install_classroom`` is the one call the composition root makes. It adds nothing in
kiosk mode (no menu, no file dialogs, no ways out); in the window it adds the
"Unterricht / Klas" menu, and with ``--classroom`` it starts in presenter layout.
"""

from __future__ import annotations

from zusammenleben.modes import Mode


def install_classroom(window, context):
    """Build the classroom controller for ``window`` (None in kiosk mode); the composition root keeps it."""
    if context.mode is Mode.KIOSK:
        return None
    from zusammenleben.modes.classroom.controller import Classroom

    return Classroom(window, context)
