"""The classroom controller: wires the presenter layout, the keys, the notes, the black screen and the menu.

One object per window, built by ``install_classroom`` (never in kiosk mode). It owns no
content and draws nothing itself; it only decides what happens when the teacher asks
for something, so the menu, the keys and the tests all go through the same methods.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt

from zusammenleben.modes import Mode
from zusammenleben.modes.classroom import scale as presets
from zusammenleben.modes.classroom.keys import install_keys
from zusammenleben.modes.classroom.lesson_timer import LessonTimer
from zusammenleben.modes.classroom.menu import ClassroomMenu, NotesButton
from zusammenleben.modes.classroom.presenter import PresenterLayout
from zusammenleben.modes.classroom.two_screens import TwoScreens

if TYPE_CHECKING:
    from zusammenleben.modes.classroom.black_screen import BlackScreen
    from zusammenleben.modes.classroom.notes_panel import NotesPanel

log = logging.getLogger(__name__)


class Classroom(QObject):
    """Everything the classroom adds to a main window."""

    def __init__(self, window, context) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.language = context.language
        self.state = context.state
        self.settings = context.settings
        self._was_maximized = False

        self.presenter = PresenterLayout(window, context, self)
        self._story = window.screens.get("story")
        self._notes: NotesPanel | None = None  # built when first opened (hidden until then; start-up, issue 19)
        self._black: BlackScreen | None = None  # built when first needed (hidden until then; start-up, issue 19)
        handlers = {
            "presenter": self.toggle_presenter,
            "escape": self.escape,
            "black": self.black_out,
            "notes": self.toggle_notes,
            "larger": self.larger_text,
            "smaller": self.smaller_text,
            "reset": self.reset_text,
            "fullscreen": self.toggle_fullscreen,
            "handout": self.open_handout,
            "contrast": lambda: self.set_high_contrast(not self.state.high_contrast),
        }
        self.menu = ClassroomMenu(context, handlers, self.set_text_scale, window)
        self.notes_button = NotesButton(context, self.toggle_notes, window)
        self.notes_button.hide()
        window.add_header_action(self.notes_button)
        window.add_header_action(self.menu)
        self.shortcuts = install_keys(window, {k: v for k, v in handlers.items() if k != "contrast"})

        self.timer = LessonTimer(self.settings, parent=self)  # here, not in the console: it outlives a replug
        self.two_screens = TwoScreens(self, self._make_console)
        self.two_screens.splitChanged.connect(lambda _split: self._sync())
        self.presenter.activeChanged.connect(self._sync)
        window.closing.connect(self._on_closing)
        window.installEventFilter(self)  # full screen left by the window manager: the check mark follows
        self.language.languageChanged.connect(self._on_language_changed)  # a method: dropped with the window
        if context.mode is Mode.CLASSROOM:
            self.presenter.enter(at_start=True)
        self._sync()

    # -- presenter layout ----------------------------------------------------------------------------
    @property
    def presenting(self) -> bool:
        return self.presenter.active

    def set_presenter(self, on: bool) -> None:
        if on:
            self.presenter.enter()
        else:
            self.presenter.leave()

    def toggle_presenter(self) -> None:
        self.set_presenter(not self.presenting)

    @property
    def console(self):
        """The presenter console while the audience view is on a second screen, else None."""
        return self.two_screens.console if self.two_screens.split else None

    def _make_console(self):
        from zusammenleben.modes.classroom.console import PresenterConsole

        handlers = {
            "presenter": self.toggle_presenter,
            "black": self.toggle_black,
            "black_toggle": self.toggle_black,
            "notes": self.toggle_notes,
            "larger": self.larger_text,
            "smaller": self.smaller_text,
            "reset": self.reset_text,
            "handout": self.open_handout,
        }
        console = PresenterConsole(self.context, self.window, handlers, self.timer)
        console.endRequested.connect(lambda: self.set_presenter(False))
        console.swapRequested.connect(self.two_screens.swap)
        console.set_black(self._black_shown())
        return console

    def dialog_parent(self):
        """Dialogs open on the teacher's screen: over the console when there is one."""
        return self.console or self.window

    def close_audience_notes(self) -> None:
        """Notes never lie over the audience view while the console shows them."""
        if self._notes_shown():
            self.notes.close_notes()

    def escape(self) -> None:
        """Esc closes what lies on top first (a term's explanation, the notes), then leaves presenter layout."""
        story = self.window.screens.get("story")
        term_panel = getattr(story, "term_panel", None)
        if term_panel is not None and term_panel.isVisible():
            term_panel.hide()
        elif self.console is not None:
            self.console.ask_end()  # on two screens Esc asks first, on the teacher's screen
        elif self._notes_shown():
            self.notes.close_notes()
        elif self.presenting:
            self.presenter.leave()
            if self.window.isFullScreen():
                self._leave_fullscreen()

    # -- notes and black screen ----------------------------------------------------------------------
    @property
    def notes(self) -> NotesPanel | None:
        """The teacher's notes over the story (None without a story), built when first asked for."""
        if self._notes is None and self._story is not None:
            from zusammenleben.modes.classroom.notes_panel import NotesPanel

            self._notes = NotesPanel(self.context, self._story)
            self._notes.visibilityChanged.connect(lambda _shown: self._sync())
        return self._notes

    def _notes_shown(self) -> bool:
        return self._notes is not None and self._notes.isVisible()

    def toggle_notes(self) -> None:
        if self.console is not None:  # two screens: the notes are on the console, never on the audience view
            self.console.notes.setVisible(not self.console.notes.isVisible())
            return
        if self.notes is None:
            return
        if not self.notes.isVisible():
            self.window.open_view("story")
        self.notes.toggle()

    @property
    def black(self) -> BlackScreen:
        """The black screen over the window, built when first asked for (B, the console's button, a test)."""
        if self._black is None:
            from zusammenleben.modes.classroom.black_screen import BlackScreen

            self._black = BlackScreen(self.window)
            self._black.shownChanged.connect(lambda _shown: self._sync())
            self._black.shownChanged.connect(self._on_black)
            self._retranslate_black()
        return self._black

    def _black_shown(self) -> bool:
        return self._black is not None and self._black.isVisible()

    def black_out(self) -> None:
        self.black.black_out()

    def toggle_black(self) -> None:
        """The console's black-screen button and B on the console: on, and off again."""
        if self._black_shown():
            self.black.restore()
        else:
            self.black.black_out()

    # -- type and contrast ---------------------------------------------------------------------------
    def set_text_scale(self, scale: float) -> None:
        self.state.set_font_scale(scale)

    def larger_text(self) -> None:
        self.set_text_scale(presets.larger(self.state.font_scale))

    def smaller_text(self) -> None:
        self.set_text_scale(presets.smaller(self.state.font_scale))

    def reset_text(self) -> None:
        """100 % in the window, 150 % in presenter layout."""
        self.set_text_scale(presets.PRESENTER_DEFAULT if self.presenting else presets.WINDOW_DEFAULT)

    def set_high_contrast(self, on: bool) -> None:
        """Switch the theme live: the state owns the theme; every view restyles on ``themeChanged``."""
        self.state.set_high_contrast(on)
        self._sync()

    # -- window --------------------------------------------------------------------------------------
    def toggle_fullscreen(self) -> None:
        if self.window.isFullScreen():
            self._leave_fullscreen()
        else:
            self._was_maximized = self.window.isMaximized()
            self.window.showFullScreen()
        self._sync()

    def _leave_fullscreen(self) -> None:
        if self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()

    def open_handout(self):
        from zusammenleben.modes.classroom.handout_dialog import save_handout

        if self._black_shown():
            return None
        return save_handout(self.dialog_parent(), self.context)

    # -- keeping the controls honest -----------------------------------------------------------------
    def _sync(self) -> None:
        """Check marks, the notes button, and which keys are live (Esc only when it has something to close)."""
        notes_shown = self._notes_shown()
        actions = self.menu.actions_
        actions["presenter"].setChecked(self.presenting)
        actions["notes"].setChecked(notes_shown)
        actions["notes"].setEnabled(self._story is not None)
        actions["fullscreen"].setChecked(self.window.isFullScreen())
        actions["contrast"].setChecked(self.state.high_contrast)
        self.notes_button.setVisible(self.presenting and self._story is not None and self.console is None)
        self.notes_button.setChecked(notes_shown)
        for shortcut in self.shortcuts["escape"]:
            shortcut.setEnabled(self.presenting or notes_shown)
        self.menu.mark_scale()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            self._sync()
        return False

    def _on_black(self, shown: bool) -> None:
        if self.two_screens.console is not None:
            self.two_screens.console.set_black(shown)

    def _retranslate_black(self) -> None:
        if self._black is None:  # named when it is built
            return
        ui = self.language.ui
        self._black.setAccessibleName(ui("Black screen"))
        self._black.setAccessibleDescription(ui("The projector shows black. Press any key or click to return."))

    def _on_language_changed(self, _code: str) -> None:
        self._retranslate_black()

    def _on_closing(self) -> None:
        """Before the window's settings are saved: the presenter keeps its size, the window gets its own back."""
        if self._black is not None:
            self._black.restore()
        if self.two_screens.console is not None:
            self.two_screens.console.save()
        if self.presenting:
            self.settings.presenter_font_scale = self.state.font_scale
            # The window is going away: the state takes the window's size back silently (no restyle pass
            # over every screen while quitting), and the composition root's `remember` then saves it.
            blocker = QSignalBlocker(self.state)
            self.state.set_font_scale(self.presenter.normal_scale)
            blocker.unblock()
        if self.window.isFullScreen():
            self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowFullScreen)

