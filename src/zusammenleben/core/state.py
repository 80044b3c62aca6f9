"""The one object that knows where the user is: chapter, year, screen.

Every view listens to it; nobody talks to another view directly. That is what keeps the
story, the plots' cursor lines and the partnership map in step when the year moves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from zusammenleben.content import Pack
from zusammenleben.core import theme as themes
from zusammenleben.core.mode import Mode

#: The reading levels a reader can choose: the full text, or the whole chapter in plain language
#: (Einfache Sprache / eenvoudige taal). The kiosk's label (``short``) is its own first view, not a level here.
LEVELS = ("standard", "easy")


class AppState(QObject):
    chapterChanged = Signal(int)
    yearChanged = Signal(int)
    screenChanged = Signal(str)
    modeChanged = Signal(object)
    fontScaleChanged = Signal(float)
    themeChanged = Signal(object)  # the new Theme (high contrast switched)
    levelChanged = Signal(str)  # the reading level: "standard" or "easy"
    eventOpened = Signal(str)
    sourceRequested = Signal(str)
    termRequested = Signal(str)

    def __init__(self, pack: Pack, mode: Mode = Mode.WINDOW, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self._mode = mode
        self._chapter = 0
        self._year = pack.start_year
        self._screen = "story"
        self._font_scale = 1.0
        self._high_contrast = False
        self._level = LEVELS[0]
        self.set_chapter(0)  # the year cursor starts inside the first chapter, never outside it

    # -- chapter ------------------------------------------------------------------------------------
    @property
    def chapter_index(self) -> int:
        return self._chapter

    @property
    def chapter_count(self) -> int:
        return len(self.pack.chapters)

    @property
    def chapter(self):
        return self.pack.chapters[self._chapter] if self.pack.chapters else None

    def set_chapter(self, index: int, move_year: bool = True) -> None:
        """Go to a chapter; the year cursor jumps to the chapter's first year unless already inside its span."""
        if not self.pack.chapters:
            return
        index = max(0, min(index, len(self.pack.chapters) - 1))
        changed = index != self._chapter
        self._chapter = index
        if changed:
            self.chapterChanged.emit(index)
        if move_year:
            span = self.pack.chapters[index].years
            if not span.covers_year(self._year):
                self.set_year(span.first_year)

    def set_chapter_by_id(self, chapter_id: str) -> None:
        for index, chapter in enumerate(self.pack.chapters):
            if chapter.id == chapter_id:
                self.set_chapter(index)
                return

    def next_chapter(self) -> None:
        self.set_chapter(self._chapter + 1)

    def previous_chapter(self) -> None:
        self.set_chapter(self._chapter - 1)

    # -- year ---------------------------------------------------------------------------------------
    @property
    def year(self) -> int:
        return self._year

    @property
    def first_year(self) -> int:
        return self.pack.start_year

    @property
    def last_year(self) -> int:
        return self.pack.end_year

    def set_year(self, year: int) -> None:
        year = max(self.first_year, min(int(year), self.last_year))
        if year != self._year:
            self._year = year
            self.yearChanged.emit(year)

    # -- screen, mode, scale ------------------------------------------------------------------------
    @property
    def screen(self) -> str:
        return self._screen

    def set_screen(self, key: str) -> None:
        if key != self._screen:
            self._screen = key
            self.screenChanged.emit(key)

    @property
    def mode(self) -> Mode:
        return self._mode

    def set_mode(self, mode: Mode) -> None:
        if mode is not self._mode:
            self._mode = mode
            self.modeChanged.emit(mode)

    @property
    def font_scale(self) -> float:
        return self._font_scale

    def set_font_scale(self, scale: float) -> None:
        scale = max(1.0, min(2.0, round(scale, 2)))
        if scale != self._font_scale:
            self._font_scale = scale
            self.fontScaleChanged.emit(scale)

    # -- theme ------------------------------------------------------------------------------------
    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def theme(self) -> themes.Theme:
        """The active theme: every view's colours come from here, never from the settings."""
        return themes.active(self._high_contrast)

    def set_high_contrast(self, on: bool) -> None:
        if bool(on) != self._high_contrast:
            self._high_contrast = bool(on)
            self.themeChanged.emit(self.theme)

    # -- reading level ------------------------------------------------------------------------------
    @property
    def level(self) -> str:
        return self._level

    def set_level(self, level: str) -> None:
        """Switch the reading level; unknown names are ignored (a hand-edited settings file)."""
        if level in LEVELS and level != self._level:
            self._level = level
            self.levelChanged.emit(level)

    def reset(self) -> None:
        """Back to the start (kiosk idle reset)."""
        self.set_screen("story")
        self.set_chapter(0, move_year=False)
        first = self.pack.chapters[0].years.first_year if self.pack.chapters else self.first_year
        self.set_year(first)
