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
from PySide6.QtWidgets import QWidget

from zusammenleben.classroom.progress import ChapterProgress


class PresenterLayout(QObject):
    """Switches the main window between its normal and its presenter arrangement."""

    activeChanged = Signal(bool)

    def __init__(self, window, context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.state = context.state
        self.settings = context.settings
        self.active = False
        self.normal_scale = self.settings.font_scale  # the window's own size, restored on leaving
        self.progress = ChapterProgress(context, window.header)
        self.progress.hide()
        header = window.header.layout()  # beside the (hidden) screen buttons, before the header's extras
        extras = header.indexOf(window.header_extras)
        header.insertWidget(extras if extras >= 0 else header.count(), self.progress, 1)
        nav = header.indexOf(window.nav_layout)
        self._nav_stretch = header.stretch(nav) if nav >= 0 else 0
        self._hidden: list[QWidget] = []

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
        self.state.set_screen("story")
        self._hidden = [w for w in self._hidden_in_presenter() if not w.isHidden()]
        for widget in self._hidden:
            widget.hide()
        if self.story is not None:
            self.story.set_presenter(True)
        self.progress.show()
        self.window.header.layout().setStretchFactor(self.window.nav_layout, 0)  # the progress starts left
        self.state.set_font_scale(self.settings.presenter_font_scale)
        self.activeChanged.emit(True)

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        self.settings.presenter_font_scale = self.state.font_scale
        self.progress.hide()
        self.window.header.layout().setStretchFactor(self.window.nav_layout, self._nav_stretch)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.story is not None:
            self.story.set_presenter(False)
        self.state.set_font_scale(self.normal_scale)
        self.activeChanged.emit(False)

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def _hidden_in_presenter(self) -> list[QWidget]:
        """The app's name, the screen buttons and the time bar (pointer-sized labels, unreadable at 3 m)."""
        widgets: list[QWidget] = [self.window.title_label, *self.window.nav_buttons.values()]
        footer = self.window.footer
        for index in range(footer.count()):
            widget = footer.itemAt(index).widget()
            if widget is not None:
                widgets.append(widget)
        return widgets
