"""The presenter console: the teacher's window on the laptop while the projector shows the audience view.

Like the presenter view of the slide tools teachers know: a live miniature of what the class
sees, the next chapter, the notes and questions, a lesson timer and the clock, the chapter
list, and the black-screen, text-size and language controls. Every control acts on the
audience view at once through the shared ``AppState``/``Language`` and the classroom
controller; the console itself keeps nothing the class needs, so it can close (projector
unplugged) and come back without losing anything.

Its words are in the teacher's language (``settings.console_language``), which need not be
the class's: ``ui`` reads the catalog of that language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core import theme
from zusammenleben.i18n.formatting import format_percent, locale_name
from zusammenleben.modes.classroom.audience_mirror import AudienceMirror
from zusammenleben.modes.classroom.console_notes import ConsoleNotes, NextChapter
from zusammenleben.modes.classroom.keys import install_keys
from zusammenleben.modes.classroom.lesson_timer import LessonTimer, format_elapsed
from zusammenleben.modes.classroom.scale import percent
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.story.navigation import install_chapter_keys

AUDIENCE_CHOICES = (("de", "DE"), ("nl", "NL"), ("both", "DE+NL"))


class PresenterConsole(QWidget):
    """A top-level window (child of the main window, so it dies with it) for the teacher's screen."""

    endRequested = Signal()
    swapRequested = Signal()

    def __init__(self, context, audience: QWidget, handlers: dict[str, Callable[[], None]],
                 timer: LessonTimer) -> None:
        super().__init__(audience, Qt.WindowType.Window)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.settings = context.settings
        self.audience = audience
        self.timer = timer
        self.handlers = handlers
        self.teacher_code = self.settings.console_language or self.language.code
        self.now = QDateTime.currentDateTime  # the wall clock (screenshots fix it)
        self.setObjectName("presenterConsole")

        top = QHBoxLayout()
        self.chapter_label = wrapped_label(self, "heading", "consoleChapter")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("consoleClock")
        self.timer_label = QLabel(self)
        self.timer_label.setObjectName("consoleTimer")
        self.timer_button = QPushButton(self)
        self.timer_button.setObjectName("consoleTimerStart")
        self.timer_button.clicked.connect(timer.toggle)
        self.timer_reset = QPushButton(self)
        self.timer_reset.setObjectName("consoleTimerReset")
        self.timer_reset.clicked.connect(timer.reset)
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("consoleEnd")
        self.end_button.clicked.connect(self.ask_end)
        top.addWidget(self.chapter_label, 1)
        top.addSpacing(12)
        for widget in (self.clock_label, self.timer_label, self.timer_button, self.timer_reset, self.end_button):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
            if widget is self.clock_label:
                top.addSpacing(18)  # the wall clock and the lesson time are two numbers: keep them apart

        # left: what the class sees, and what comes next
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.mirror_caption = wrapped_label(left, "caption", "consoleMirrorCaption")
        self.mirror = AudienceMirror(audience, left)
        self.next_chapter = NextChapter(context, self.ui, lambda: self.teacher_code, left)
        left_column.addWidget(self.mirror_caption)
        left_column.addWidget(self.mirror, 3)
        left_column.addWidget(self.next_chapter, 2)
        # middle: notes and questions
        self.notes = ConsoleNotes(context, self.ui, lambda: self.teacher_code, self)
        # right: chapter list and the controls
        right = QWidget(self)
        controls = QVBoxLayout(right)
        controls.setContentsMargins(0, 0, 0, 0)
        self.chapters_caption = wrapped_label(right, "caption", "consoleChaptersCaption")
        self.chapter_list = QListWidget(right)
        self.chapter_list.setObjectName("consoleChapters")
        self.chapter_list.setWordWrap(True)  # long titles wrap; never a sideways scroll bar
        self.chapter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chapter_list.itemActivated.connect(self._jump)
        self.chapter_list.itemClicked.connect(self._jump)
        controls.addWidget(self.chapters_caption)
        controls.addWidget(self.chapter_list, 1)
        grid = QGridLayout()
        self.black_button = QPushButton(right)
        self.black_button.setObjectName("consoleBlack")
        self.black_button.setCheckable(True)
        self.black_button.clicked.connect(lambda _checked=False: handlers["black_toggle"]())
        grid.addWidget(self.black_button, 0, 0, 1, 3)
        self.size_caption = QLabel(right)
        self.smaller_button = QPushButton("A−", right)
        self.smaller_button.setObjectName("consoleSmaller")
        self.smaller_button.clicked.connect(lambda _checked=False: handlers["smaller"]())
        self.size_label = QLabel(right)
        self.size_label.setObjectName("consoleSize")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.larger_button = QPushButton("A+", right)
        self.larger_button.setObjectName("consoleLarger")
        self.larger_button.clicked.connect(lambda _checked=False: handlers["larger"]())
        grid.addWidget(self.size_caption, 1, 0, 1, 3)
        grid.addWidget(self.smaller_button, 2, 0)
        grid.addWidget(self.size_label, 2, 1)
        grid.addWidget(self.larger_button, 2, 2)
        self.audience_caption = QLabel(right)
        grid.addWidget(self.audience_caption, 3, 0, 1, 3)
        self.audience_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for column, (key, text) in enumerate(AUDIENCE_CHOICES):
            button = QPushButton(text, right)
            button.setObjectName(f"consoleAudience-{key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, k=key: self.set_audience_language(k))
            group.addButton(button)
            grid.addWidget(button, 4, column)
            self.audience_buttons[key] = button
        self.teacher_caption = QLabel(right)
        grid.addWidget(self.teacher_caption, 5, 0, 1, 3)
        self.teacher_buttons: dict[str, QPushButton] = {}
        teacher_group = QButtonGroup(self)
        for column, code in enumerate(("de", "nl")):
            button = QPushButton(code.upper(), right)
            button.setObjectName(f"consoleTeacher-{code}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, c=code: self.set_teacher_language(c))
            teacher_group.addButton(button)
            grid.addWidget(button, 6, column)
            self.teacher_buttons[code] = button
        self.swap_button = QPushButton(right)
        self.swap_button.setObjectName("consoleSwap")
        self.swap_button.clicked.connect(self.swapRequested)
        grid.addWidget(self.swap_button, 7, 0, 1, 3)
        controls.addLayout(grid)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("consoleSplitter")
        for widget, stretch in ((left, 4), (self.notes, 4), (right, 2)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.splitter.setChildrenCollapsible(False)
        self._sized = self.settings.console_state is not None and self.splitter.restoreState(
            self.settings.console_state)  # the teacher's own arrangement, else proportions on every resize
        self.splitter.splitterMoved.connect(lambda _pos, _index: setattr(self, "_sized", True))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.addLayout(top)
        outer.addWidget(self.splitter, 1)

        # the same keys as on the audience view, so a clicker works whichever window has the focus
        self.shortcuts = install_keys(self, {k: v for k, v in handlers.items() if k in _CONSOLE_KEYS})
        self.shortcuts.update(install_keys(self, {"escape": self.ask_end}))
        self.chapter_shortcuts = install_chapter_keys(self, self.state)

        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._update_clock)
        self.tick.start()
        self.state.chapterChanged.connect(self._on_chapter)
        self.state.yearChanged.connect(lambda _year: self.mirror.request())
        self.state.fontScaleChanged.connect(self._on_scale)
        self.state.themeChanged.connect(lambda _theme: self._restyle())
        self.language.languageChanged.connect(self._on_audience_language)
        timer.changed.connect(self._update_clock)
        self._restyle()
        self.retranslate()

    # -- texts in the teacher's language ------------------------------------------------------------
    def ui(self, msgid: str) -> str:
        return self.language.ui_in(msgid, self.teacher_code)

    def set_teacher_language(self, code: str) -> None:
        """The console's own language; the audience view keeps its own."""
        self.teacher_code = code
        self.settings.console_language = code
        self.retranslate()

    def set_audience_language(self, key: str) -> None:
        if key == "both":
            self.language.set_side_by_side(True)
        else:
            self.language.set_side_by_side(False)
            self.language.set_language(key)
        self._mark()

    def retranslate(self) -> None:
        ui = self.ui
        self.setWindowTitle(ui("Presenter console"))
        self.setAccessibleName(ui("Presenter console"))
        self.mirror_caption.setText(ui("The class sees"))
        self.mirror.setAccessibleName(ui("Miniature of the audience view"))
        self.chapters_caption.setText(ui("Chapters"))
        self.chapter_list.setAccessibleName(ui("Chapters"))
        self.chapter_list.setAccessibleDescription(ui("Choose a chapter to show it to the class"))
        self.timer_reset.setText(ui("↺ Reset"))
        self.timer_reset.setAccessibleName(ui("Reset the lesson timer"))
        self.end_button.setText(ui("End presentation"))
        self.black_button.setText(ui("Black screen (B)"))
        self.size_caption.setText(ui("Text size"))
        self.smaller_button.setAccessibleName(ui("Smaller text"))
        self.larger_button.setAccessibleName(ui("Larger text"))
        self.audience_caption.setText(ui("Language of the class"))
        self.teacher_caption.setText(ui("Language of this console"))
        names = {"de": ui("German"), "nl": ui("Dutch"), "both": ui("German and Dutch side by side")}
        for key, button in self.audience_buttons.items():
            button.setAccessibleName(names[key])
        for code, button in self.teacher_buttons.items():
            button.setAccessibleName(names[code])
        self.swap_button.setText(ui("Swap screens"))
        self.swap_button.setAccessibleDescription(ui("Show the class's view on the other screen"))
        self.chapter_list.clear()
        for index, chapter in enumerate(self.state.pack.chapters, start=1):
            item = QListWidgetItem(f"{index}. {self.language.content_in(chapter.title, self.teacher_code)}")
            self.chapter_list.addItem(item)
        self._on_chapter(self.state.chapter_index)
        self._on_scale(self.state.font_scale)
        self._mark()
        self._update_clock()

    # -- behaviour -------------------------------------------------------------------------------------
    def ask_end(self) -> None:
        """Esc or "End presentation": ask first (a clicker's stray Esc must not end the lesson)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.ui("End presentation"),
                          self.ui("End the presentation and close the presenter console?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("consoleEndQuestion")
        end = box.addButton(self.ui("End presentation"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.ui("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(end)
        box.exec()
        if box.clickedButton() is end:
            self.endRequested.emit()

    def set_black(self, shown: bool) -> None:
        self.black_button.setChecked(shown)
        self.mirror.request()

    def save(self) -> None:
        self.settings.console_state = self.splitter.saveState()

    def _jump(self, item: QListWidgetItem) -> None:
        self.state.set_chapter(self.chapter_list.row(item))

    def _on_chapter(self, index: int) -> None:
        chapter = self.state.chapter
        if chapter is not None:
            self.chapter_label.setText(self.ui("Chapter %(number)d of %(total)d") % {
                "number": index + 1, "total": self.state.chapter_count}
                + f": {self.language.content_in(chapter.title, self.teacher_code)}")
        if self.chapter_list.currentRow() != index:
            self.chapter_list.setCurrentRow(index)
        self.notes.refresh()
        self.next_chapter.refresh()
        self.mirror.request()

    def _on_scale(self, scale: float) -> None:
        self.size_label.setText(format_percent(percent(scale), self.teacher_code, decimals=0))
        self.mirror.request()

    def _on_audience_language(self, _code: str) -> None:
        self._mark()
        self.mirror.request()

    def _mark(self) -> None:
        current = "both" if self.language.side_by_side else self.language.code
        for key, button in self.audience_buttons.items():
            button.setChecked(key == current)
        for code, button in self.teacher_buttons.items():
            button.setChecked(code == self.teacher_code)

    def _update_clock(self) -> None:
        locale = QLocale(locale_name(self.teacher_code))
        self.clock_label.setText(locale.toString(self.now().time(), QLocale.FormatType.ShortFormat))
        self.clock_label.setAccessibleName(self.ui("Time of day"))
        self.timer_label.setText(format_elapsed(self.timer.elapsed()))
        self.timer_label.setAccessibleName(self.ui("Lesson time"))
        self.timer_button.setText(self.ui("❚❚ Pause") if self.timer.running else self.ui("▶ Start"))
        self.timer_button.setAccessibleName(self.ui("Pause the lesson timer") if self.timer.running
                                            else self.ui("Start the lesson timer"))

    def _restyle(self) -> None:
        """Normal-sized type on the teacher's screen: the app's sheet is scaled for the projector."""
        self.setStyleSheet(theme.stylesheet(self.state.theme, 1.0)
                           + "QLabel#consoleTimer, QLabel#consoleClock { font-size: 22px; font-weight: 700; }")
        self.mirror.request()

    # -- events ----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not self._sized and self.width() > 400:  # first time: miniature and notes wide, controls narrow
            width = self.splitter.width()
            self.splitter.setSizes([round(width * 0.37), round(width * 0.36), round(width * 0.27)])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._mark()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The window manager's close button asks like Esc does; the controller hides the console itself."""
        if self.isVisible() and not getattr(self, "closing_by_controller", False):
            event.ignore()
            self.ask_end()
            return
        self.save()
        super().closeEvent(event)


_CONSOLE_KEYS = ("black", "notes", "larger", "smaller", "reset", "handout", "presenter")
