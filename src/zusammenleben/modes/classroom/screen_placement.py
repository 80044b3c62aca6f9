"""Which screen is the projector and which the teacher's, and remembering the choice.

The rule slide tools taught teachers: the audience view goes to the screen that is not
the primary one (the laptop's own panel is the primary one), unless the teacher asked
for a screen (``--screen N``) or swapped them once; the swapped choice is remembered by
the screen's name, so the same projector is chosen again next lesson.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen


def choose_projector(screens: list[QScreen], primary: QScreen | None, remembered: str = "",
                     requested: int | None = None) -> QScreen | None:
    """The audience view's screen, or None with fewer than two screens (then one window does it all)."""
    if len(screens) < 2:
        return None
    if requested is not None and 0 <= requested < len(screens):
        return screens[requested]
    for screen in screens:
        if remembered and screen.name() == remembered:
            return screen
    return next((screen for screen in screens if screen is not primary), screens[-1])


def choose_teacher(screens: list[QScreen], projector: QScreen, primary: QScreen | None) -> QScreen:
    """The console's screen: the primary one unless that is the projector."""
    if primary is not None and primary is not projector and primary in screens:
        return primary
    return next(screen for screen in screens if screen is not projector)


class ScreenPlacement:
    """The projector choice of this lesson, kept in the settings by screen name."""

    def __init__(self, settings, requested: int | None = None) -> None:
        self.settings = settings
        self.requested = requested

    def screens(self) -> tuple[QScreen, QScreen] | None:
        """``(teacher, projector)`` or None when there is only one screen."""
        screens = QGuiApplication.screens()
        primary = QGuiApplication.primaryScreen()
        projector = choose_projector(screens, primary, self.settings.projector_screen, self.requested)
        if projector is None:
            return None
        return choose_teacher(screens, projector, primary), projector

    def swap(self) -> None:
        """The other screen becomes the projector, and stays it (remembered by name)."""
        pair = self.screens()
        if pair is None:
            return
        teacher, _projector = pair
        self.requested = None
        self.settings.projector_screen = teacher.name()
