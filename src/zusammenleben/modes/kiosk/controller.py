"""The kiosk's life cycle: attract loop → visit → "Still there?" → reset → attract loop.

``install_kiosk`` is the one call the composition root makes in kiosk mode. The
controller owns the phase and moves between phases; the pieces it wires know nothing of
each other: the lock-down filter reports input, the idle timer and the countdown tick, the
attract loop drives ``AppState``, the overlays show and emit, ``UsageStats`` writes.

Phases: ``attract`` (nobody there, the tour plays, "Touch to start"), ``waiting`` (the
same without the loop, when the loop is switched off), ``session`` (a visitor), and
``countdown`` ("Still there?"). The PIN pad and the admin panel lie over any phase and
hold its timers while open.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, QRect, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from zusammenleben.core.theme import TypeScale
from zusammenleben.modes.kiosk.admin import AdminPanel
from zusammenleben.modes.kiosk.attract import AttractLoop
from zusammenleben.modes.kiosk.config import KioskConfig, KioskMessage, stats_folder
from zusammenleben.modes.kiosk.gesture import CornerTaps
from zusammenleben.modes.kiosk.idle import Countdown, IdleTimer
from zusammenleben.modes.kiosk.keypad import LetterPadField
from zusammenleben.modes.kiosk.lockdown import LockDown
from zusammenleben.modes.kiosk.overlays import AttractOverlay, CountdownOverlay
from zusammenleben.modes.kiosk.pin import PinGuard
from zusammenleben.modes.kiosk.pin_pad import PinPad
from zusammenleben.modes.kiosk.stats import CsvLabels, UsageStats
from zusammenleben.modes.kiosk.watchdog import Watchdog
from zusammenleben.modes.kiosk.window_guard import WindowGuard

log = logging.getLogger(__name__)

ADMIN_EXIT_CODE = 10  # packaging/linux/zusammenleben-kiosk.service: RestartPreventExitStatus=10
PIN_IDLE_SECONDS = 30.0
ADMIN_IDLE_SECONDS = 180.0
STATS_RETRY_MS = 60_000  # a full disk: try writing the waiting statistics again every minute
CORNER_PX = 96  # the admin corner, at font scale 1


class Phase(Enum):
    ATTRACT = "attract"
    WAITING = "waiting"
    SESSION = "session"
    COUNTDOWN = "countdown"


def log_file_path() -> str:
    """The app's rotating log file (set up by ``logging_setup``), for the admin panel."""
    for handler in logging.getLogger().handlers:
        if getattr(handler, "_zusammenleben", False) and hasattr(handler, "baseFilename"):
            return str(handler.baseFilename)
    return ""


class KioskController(QObject):
    phaseChanged = Signal(str)

    def __init__(self, window, context, config: KioskConfig, content_errors: Iterable = ()) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.state = context.state
        self.language = context.language
        self.config = self._check_display(config)
        self.content_errors = list(content_errors)
        self.phase = Phase.WAITING
        self.admin_open = False
        self.session_started: float | None = None
        self.last_input = time.monotonic()
        self.exit_app = QCoreApplication.exit
        self._may_close = False
        self._cursor_hidden = False
        self._resume_attract = False
        self._allowed_screen = "story"
        self._shut_down = False
        for problem in self.config.problems:
            log.warning("kiosk settings: %s", problem.format())

        self.window_guard = WindowGuard(window, lambda code: self.exit_app(code), self)
        self.watchdog = Watchdog.from_environment(self)
        self.stats = self._open_stats()
        self.stats_retry = QTimer(self)  # records kept in memory while the disk fails are written later
        self.stats_retry.setInterval(STATS_RETRY_MS)
        self.stats_retry.timeout.connect(lambda: self.stats is not None and self.stats.pending and self.stats.retry())
        self.stats_retry.start()
        self.gesture = CornerTaps()
        self.guard = PinGuard(self.config.pin_hash)
        self.letters = LetterPadField(context, window)
        self.lockdown = LockDown(window, on_input=self._on_input, on_line_edit=self.letters.attach,
                                 row_height=TypeScale(self.config.font_scale).touch_target)
        self.idle = IdleTimer(self.config.idle_timeout, self)
        self.idle.idle.connect(self._on_idle)
        self.admin_timer = IdleTimer(PIN_IDLE_SECONDS, self)
        self.admin_timer.idle.connect(self.close_admin)
        self.countdown = Countdown(self)
        self.attract = AttractLoop(self.state, self.config.seconds_per_chapter, self)

        self.attract_overlay = AttractOverlay(window, context, self.language.pair_codes)
        self.countdown_overlay = CountdownOverlay(window, context)
        self.pin_pad = PinPad(window, context, self.guard)
        self.admin_panel = AdminPanel(window, context)

        self.attract_overlay.touched.connect(self._on_attract_touched)
        self.attract_overlay.playPauseClicked.connect(self.toggle_attract)
        self.attract.runningChanged.connect(self.attract_overlay.set_playing)
        self.countdown.tick.connect(lambda seconds: self.countdown_overlay.set_time(seconds, self.countdown.fraction))
        self.countdown.expired.connect(self._on_countdown_expired)
        self.countdown_overlay.continued.connect(self.continue_session)
        self.pin_pad.accepted.connect(self._on_pin_accepted)
        self.pin_pad.cancelled.connect(self.close_admin)
        self.admin_panel.closeRequested.connect(self.close_admin)
        self.admin_panel.exportRequested.connect(lambda: self.export_statistics())
        self.admin_panel.quitRequested.connect(self.quit_app)

        self.state.set_level(self.config.more_level)  # the text "Mehr lesen" opens under each label
        story = window.screens.get("story")
        if story is not None and hasattr(story, "set_label_mode"):
            story.set_label_mode(True)
        window.screenBuilt.connect(self.lockdown.harden_tree)  # screens built after the first paint
        self.state.chapterChanged.connect(self._on_chapter)
        self.state.screenChanged.connect(self._on_screen)
        self.language.languageChanged.connect(self._on_language)
        window.set_close_guard(self.may_close)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- setting up -------------------------------------------------------------------------------------
    def _check_display(self, config: KioskConfig) -> KioskConfig:
        count = len(QGuiApplication.screens())
        if config.screen is not None and config.screen >= count:
            return config.with_problem("display.screen", KioskMessage.NO_SUCH_SCREEN, KioskMessage.USING_PRIMARY,
                                       value=config.screen, count=count)
        return config

    def _open_stats(self) -> UsageStats | None:
        if not self.config.stats:
            return None
        folder = stats_folder(self.config)
        if folder is None:
            base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
            folder = Path(base or Path.home() / ".local" / "share" / "zusammenleben")
        return UsageStats.open_in(folder)

    def start(self) -> None:
        """Lock the window down, apply the settings and begin with the attract loop."""
        for key in self.window.screens:
            self.window.set_navigation_visible(key, key in self.config.screens)
        if self.config.hide_cursor and not self._cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True
        self.lockdown.install()
        self.window_guard.start()
        if self.watchdog is not None:
            self.watchdog.start()
        self.reset_to_start()
        self.enter_idle_phase()

    def shutdown(self) -> None:
        """Undo everything application-wide (the filter, the cursor, the timers); idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.idle.stop()
        self.admin_timer.stop()
        self.countdown.stop()
        self.attract.stop()
        self.letters.close()
        self.lockdown.remove()
        self.window_guard.stop()
        if self.watchdog is not None:
            self.watchdog.stop()
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        if self.stats is not None:
            self.stats.close()
        self.window.set_close_guard(None)

    def may_close(self) -> bool:
        """The window's close guard: only the admin's "Quit" closes a kiosk."""
        return self._may_close

    # -- phases ---------------------------------------------------------------------------------------
    def _set_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            log.info("kiosk: %s", phase.value)
            self.phaseChanged.emit(phase.value)

    def enter_idle_phase(self) -> None:
        """Nobody is there: play the tour (or wait quietly if the loop is off)."""
        self.countdown.stop()
        self.countdown_overlay.hide()
        self.idle.stop()
        self.window_guard.check()  # a reset must never happen in a hidden or framed window
        if self.config.attract:
            self._set_phase(Phase.ATTRACT)
            self.attract_overlay.set_first_language(self.language.code)
            self.attract_overlay.set_playing(True)
            self.attract_overlay.open()
            self.attract_overlay.setFocus()
            self.attract.start(0)
        else:
            self._set_phase(Phase.WAITING)
            self.attract_overlay.hide()

    def start_session(self) -> None:
        """A visitor touched: stop the loop where it is (they saw something) and start counting."""
        if self.phase in (Phase.SESSION, Phase.COUNTDOWN):
            return
        self.attract.stop()
        self.attract_overlay.hide()
        self._set_phase(Phase.SESSION)
        self.session_started = self.last_input = time.monotonic()
        if self.stats is not None:
            self.stats.start_session(self._language_tag())
            self._record("chapter", self._chapter_id())
            self._record("screen", self.state.screen)
        self.idle.restart()

    def continue_session(self) -> None:
        """ "Continue" (or any touch) while the countdown runs."""
        if self.phase is not Phase.COUNTDOWN:
            return
        self.countdown.stop()
        self.countdown_overlay.hide()
        self._set_phase(Phase.SESSION)
        self.last_input = time.monotonic()
        self.idle.restart()

    def end_session(self, reason: str) -> None:
        if self.session_started is None:
            return
        seconds = max(0.0, self.last_input - self.session_started)
        self.session_started = None
        if self.stats is not None:
            self.stats.end_session(seconds, reason)

    def reset_to_start(self) -> None:
        """Start screen, chapter 1, first year, default language, every filter and selection cleared."""
        self.close_popups()
        self.pin_pad.hide()
        self.admin_panel.hide()
        self.admin_open = False
        self.admin_timer.stop()
        for key, screen in self.window.built_screens().items():  # one not built yet is as it starts
            try:
                screen.reset_view()
            except Exception:  # one screen's reset must not stop the others (and never shows)
                log.exception("kiosk: resetting screen %s failed", key)
        self.language.set_side_by_side(False)
        self.language.set_language(self.config.language)
        self.state.reset()
        self.state.set_font_scale(self.config.font_scale)

    def close_popups(self) -> None:
        """The letter pad, a combo box list, an event popup, the admin's folder dialog: all of them."""
        self.letters.close()
        for _attempt in range(10):
            widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
            if widget is None:
                break
            if isinstance(widget, QDialog):
                widget.reject()
            else:
                widget.close()

    # -- timers ---------------------------------------------------------------------------------------
    def _on_idle(self) -> None:
        if self.admin_open:
            return
        if self.phase is Phase.SESSION:
            self._set_phase(Phase.COUNTDOWN)
            self.close_popups()  # nothing may hide the question
            self.countdown_overlay.open()
            self.countdown.start(self.config.countdown)
            self.countdown_overlay.set_time(self.countdown_seconds(), 1.0)
        elif self.phase is Phase.ATTRACT and self.attract.paused:
            self.attract.resume()  # a visitor paused the loop and walked away

    def countdown_seconds(self) -> int:
        return max(0, round(self.countdown.remaining + 0.499))

    def _on_countdown_expired(self) -> None:
        if self.phase is not Phase.COUNTDOWN:
            return
        self.end_session("idle")
        self.reset_to_start()
        self.enter_idle_phase()

    # -- input ----------------------------------------------------------------------------------------
    def admin_corner(self) -> QRect:
        side = TypeScale(self.state.font_scale).px(CORNER_PX)
        return QRect(0, 0, side, side)

    def _on_input(self, kind: str, position: QPointF | None, in_main_window: bool) -> None:
        """Every press, touch, key, wheel or drag (``position`` is global, for presses)."""
        now = time.monotonic()
        in_corner = False
        if kind == "press" and position is not None and in_main_window:
            in_corner = self.admin_corner().contains(self.window.mapFromGlobal(position.toPoint()))
            if in_corner:
                if self.gesture.tap(now):
                    self.open_pin_pad()
            else:
                self.gesture.miss()
        if self.admin_open:
            self.admin_timer.restart()
            return
        if in_corner and self.phase in (Phase.ATTRACT, Phase.WAITING):
            return  # staff on their way to the PIN pad are not visitors
        self.last_input = now
        if self.phase is Phase.SESSION:
            self.idle.restart()
        elif self.phase is Phase.COUNTDOWN:
            self.continue_session()
        elif self.phase is Phase.WAITING and kind in ("press", "key"):
            self.start_session()
        elif self.phase is Phase.ATTRACT and self.attract.paused:
            self.idle.restart()

    def _on_attract_touched(self, position: QPoint) -> None:
        if self.admin_open or self.admin_corner().contains(position):
            return
        self.start_session()

    def toggle_attract(self) -> None:
        self.attract.toggle()
        if self.attract.paused:
            self.idle.restart()  # resume by itself when nobody comes
        else:
            self.idle.stop()

    # -- statistics -----------------------------------------------------------------------------------
    def _language_tag(self) -> str:
        return "+".join(self.language.pair_codes) if self.language.side_by_side else self.language.code

    def _chapter_id(self) -> str:
        chapter = self.state.chapter
        return chapter.id if chapter is not None else ""

    def _record(self, kind: str, value: str) -> None:
        if self.stats is not None and self.phase in (Phase.SESSION, Phase.COUNTDOWN) and value:
            self.stats.record(kind, value)

    def _on_chapter(self, _index: int) -> None:
        self._record("chapter", self._chapter_id())

    def _on_language(self, _code: str) -> None:
        self._record("language", self._language_tag())

    def _on_screen(self, key: str) -> None:
        if key not in self.config.screens:  # reached through a link to a switched-off screen: go back
            self.state.set_screen(self._allowed_screen)
            return
        self._allowed_screen = key
        self._record("screen", key)

    # -- admin ----------------------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        if self.pin_pad.isVisible() or self.admin_panel.isVisible():
            return
        if self.phase is Phase.COUNTDOWN:
            self.continue_session()
        self.admin_open = True
        self.idle.stop()
        self._resume_attract = self.attract.playing
        self.attract.pause()
        self.admin_timer.set_seconds(PIN_IDLE_SECONDS)
        self.admin_timer.restart()
        self.pin_pad.open()

    def _on_pin_accepted(self) -> None:
        ui = self.language.ui
        self.admin_panel.set_facts(
            config_source=self.config.source,
            config_problems=[problem.format(ui) for problem in self.config.problems],
            content_problems=[error.format(ui) for error in self.content_errors],
            visits=self.stats.session_count() if self.stats is not None else None,
            stats_path=str(self.stats.path) if self.stats is not None else "",
            stats_problem=(self.stats.io_problem or "") if self.stats is not None else "",
            stats_waiting=self.stats.pending if self.stats is not None else 0,
            log_path=log_file_path(),
        )
        self.admin_timer.set_seconds(ADMIN_IDLE_SECONDS)
        self.admin_timer.restart()
        self.admin_panel.open()
        log.info("kiosk: admin panel opened")

    def close_admin(self) -> None:
        """Back to the exhibition from the PIN pad or the panel (or when staff walked away)."""
        if self.admin_open:
            self.close_popups()  # a folder dialog left open must not stay over the exhibition
        self.pin_pad.hide()
        self.admin_panel.hide()
        self.admin_timer.stop()
        if not self.admin_open:
            return
        self.admin_open = False
        if self.phase is Phase.ATTRACT:
            self.attract_overlay.setFocus()
            if self._resume_attract:
                self.attract.resume()
            else:
                self.idle.restart()
        elif self.phase is Phase.SESSION:
            self.last_input = time.monotonic()
            self.idle.restart()

    def csv_labels(self) -> CsvLabels:
        ui = self.language.ui
        return CsvLabels(
            session=ui("Visit"), started=ui("Start"), seconds=ui("Seconds"), language=ui("Language"),
            ended_by=ui("Ended by"), chapters=ui("Chapters viewed"), screens=ui("Screens used"), time=ui("Time"),
            kind=ui("Kind"), value=ui("Value"), count=ui("Count"), sessions_total=ui("Visits"),
            seconds_median=ui("Median visit length (seconds)"), seconds_total=ui("Total time (seconds)"),
            kind_names=(("chapter", ui("Chapter")), ("language", ui("Language")), ("screen", ui("Screen"))),
        )

    def export_statistics(self, folder: Path | str | None = None) -> list[Path]:
        """Write the CSV files into ``folder`` (asked for with a file dialog when None)."""
        ui = self.language.ui
        if self.stats is None:
            return []
        if folder is None:
            folder = self._choose_folder()
            if folder is None:
                return []
        try:
            written = self.stats.export_csv(folder, self.csv_labels())
        except OSError as error:
            log.error("kiosk: statistics export to %s failed: %s", folder, error)
            self.admin_panel.set_status(ui("The files could not be saved: %(error)s") % {"error": error.strerror})
            return []
        log.info("kiosk: statistics exported to %s", folder)
        self.admin_panel.set_status(self.language.uin("%(count)d file saved in %(folder)s",
                                                      "%(count)d files saved in %(folder)s", len(written))
                                    % {"count": len(written), "folder": folder})
        return written

    def _choose_folder(self) -> Path | None:
        """The one file dialog of a kiosk, behind the PIN; the lock-down steps aside while it is open."""
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.lockdown.suspended = True
        try:
            chosen = QFileDialog.getExistingDirectory(self.admin_panel, self.language.ui("Folder for the statistics"),
                                                      base or str(Path.home()))
        finally:
            self.lockdown.suspended = False
            self.admin_timer.restart()
        return Path(chosen) if chosen else None

    def quit_app(self) -> None:
        """The admin's "Quit": the only way out; the exit status tells systemd not to restart."""
        log.info("kiosk: quit by the admin")
        self.end_session("admin")
        self._may_close = True
        self.shutdown()
        self.window.close()
        self.exit_app(ADMIN_EXIT_CODE)


def install_kiosk(window, context, config: KioskConfig, content_errors: Iterable = ()) -> KioskController:
    """Turn the main window into a kiosk (the composition root's one call in kiosk mode)."""
    controller = KioskController(window, context, config, content_errors)
    controller.start()
    return controller
