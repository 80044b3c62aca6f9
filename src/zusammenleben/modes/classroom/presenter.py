"""The presenter layout: the same window, arranged for a projector and a clicker.

Entering it shows the story, hides what only a mouse can use or nobody can read from the
back row (the screen buttons, the chapter rail, the time bar), puts "Kapitel 3 von 9"
with progress dots into the header and raises the type to the presenter's size
(150 % unless the teacher chose another preset; remembered separately from the window's
size). Leaving it puts everything back as it was. Nothing is rebuilt: widgets are only
hidden and shown, so the chapter, the year and the open figure stay where they are.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from zusammenleben.modes.classroom.progress import ChapterProgress


class PresenterLayout(QObject):
    """Switches the main window between its normal and its presenter arrangement (through its host API)."""

    activeChanged = Signal(bool)

    def __init__(self, window, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.state = context.state
        self.settings = context.settings
        self.active = False
        self.normal_scale = self.settings.font_scale  # the window's own size, restored on leaving
        self.progress = ChapterProgress(context)
        window.add_header_status(self.progress)  # beside the (hidden) screen buttons, before the header's actions

    @property
    def story(self):
        return self.window.screens.get("story")

    def enter(self, *, at_start: bool = False) -> None:
        """Presenter arrangement; ``at_start`` (``--classroom``) keeps the remembered window size for later."""
        if self.active:
            return
        self.active = True
        if not at_start:
            self.normal_scale = self.state.font_scale
        self.window.open_view("story")
        self.window.set_chrome_visible(False)  # the app's name, screen buttons, time bar: unreadable at 3 m
        if self.story is not None:
            self.story.set_presenter(True)
        self.progress.show()
        self.state.set_font_scale(self.settings.presenter_font_scale)
        self.activeChanged.emit(True)

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        self.settings.presenter_font_scale = self.state.font_scale
        self.progress.hide()
        self.window.set_chrome_visible(True)
        if self.story is not None:
            self.story.set_presenter(False)
        self.state.set_font_scale(self.normal_scale)
        self.activeChanged.emit(False)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()
