"""User settings through QSettings, with typed values and a safe fallback.

Settings live in an INI file so that a museum technician can read it. A file that Qt
cannot parse, or a value of the wrong type, never stops the app: we fall back to the
default for that value and say so in the log (once per value, not on every read). A broken
file is kept beside the new one (``settings.ini.broken-<time>``) so nothing is lost without
a trace. Something that is not a regular file of a sane size (``/dev/zero``, a FIFO, which
would hang QSettings) is never opened: settings then live in memory for this session.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from zusammenleben.bounded_read import ReadRefusedError, check_regular_file, read_bounded

log = logging.getLogger(__name__)

MAX_SETTINGS_BYTES = 1024 * 1024  # a real settings file is under 1 KB

LANGUAGES = ("de", "nl")
FONT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
MIN_FONT_SCALE, MAX_FONT_SCALE = 1.0, 2.0
READING_LEVELS = ("standard", "easy")  # core.state.LEVELS (this module stays free of Qt state)


@dataclass
class Defaults:
    language: str = "de"
    font_scale: float = 1.0
    last_chapter: str = ""
    side_by_side: bool = False
    high_contrast: bool = False
    reduced_motion: bool = False
    presenter_font_scale: float = 1.5
    reading_level: str = "standard"


def default_settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(base or Path.home() / ".config" / "zusammenleben") / "settings.ini"


class MemorySettings:
    """The part of QSettings ``Settings`` uses, kept in memory: for a path that must not be opened."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def value(self, key: str, default=None):
        return self._values.get(key, default)

    def setValue(self, key: str, value) -> None:  # noqa: N802 (QSettings' name)
        self._values[key] = value

    def clear(self) -> None:
        self._values.clear()

    def sync(self) -> None:
        pass

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError


class Settings:
    """Typed access to the settings file; every getter validates and falls back."""

    def __init__(self, path: Path | None = None, defaults: Defaults | None = None) -> None:
        self.path = path or default_settings_path()
        self.defaults = defaults or Defaults()
        self.fell_back = False
        self.in_memory = False
        self._warned: set[str] = set()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("settings folder %s cannot be created (%s); using defaults", self.path.parent, error)
        try:
            check_regular_file(self.path, MAX_SETTINGS_BYTES)
        except ReadRefusedError as refused:
            log.warning("settings file %s cannot be used (%s); settings are kept for this session only",
                        self.path, refused.kind)
            self.fell_back = self.in_memory = True
            self._qsettings: QSettings | MemorySettings = MemorySettings()
            return
        problem = self._problem()
        if problem is not None:
            self._set_aside(problem)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        status = self._qsettings.status()
        if status != QSettings.Status.NoError:
            self._set_aside(status.name)
            self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _problem(self) -> str | None:
        """Why the file cannot be read as text (None if it can, or if there is none yet)."""
        if not self.path.exists():
            return None
        try:
            read_bounded(self.path, MAX_SETTINGS_BYTES).decode("utf-8")
        except ReadRefusedError as refused:
            return refused.kind
        except UnicodeDecodeError:
            return "not UTF-8"
        return None

    def _set_aside(self, reason: str) -> None:
        """Keep a broken file beside the new one, so whoever maintains the machine can look at it."""
        self.fell_back = True
        kept = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(kept)
        except OSError as error:
            log.warning("settings file %s is corrupt (%s) and cannot be set aside (%s); using defaults",
                        self.path, reason, error)
            return
        log.warning("settings file %s is corrupt (%s); kept it as %s and started with defaults",
                    self.path, reason, kept.name)

    # -- typed getters -----------------------------------------------------------------------------
    def _get(self, key: str, default, kind: type):
        raw = self._qsettings.value(key, default)
        if raw is None:
            return default
        try:
            if kind is bool:
                if isinstance(raw, bool):
                    return raw
                text = str(raw).strip().lower()
                if text in {"true", "1", "yes"}:
                    return True
                if text in {"false", "0", "no"}:
                    return False
                raise ValueError(text)
            return kind(raw)
        except (TypeError, ValueError):
            self._warn_once(key, "settings: %s has an invalid value %r; using %r", key, raw, default)
            self.fell_back = True
            return default

    def _warn_once(self, key: str, message: str, *args) -> None:
        """A bad value is read many times per run (every screen asks); the log says it once."""
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message, *args)

    @property
    def language(self) -> str:
        value = self._get("language", self.defaults.language, str)
        if value not in LANGUAGES:
            self._warn_once("language", "settings: unknown language %r; using %r", value, self.defaults.language)
            return self.defaults.language
        return value

    @language.setter
    def language(self, value: str) -> None:
        self._qsettings.setValue("language", value)

    @property
    def font_scale(self) -> float:
        value = self._get("font_scale", self.defaults.font_scale, float)
        if not MIN_FONT_SCALE <= value <= MAX_FONT_SCALE:
            self._warn_once("font_scale", "settings: font_scale %r out of range; using %r", value,
                            self.defaults.font_scale)
            return self.defaults.font_scale
        return value

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self._qsettings.setValue("font_scale", round(float(value), 2))

    @property
    def last_chapter(self) -> str:
        return self._get("last_chapter", self.defaults.last_chapter, str)

    @last_chapter.setter
    def last_chapter(self, value: str) -> None:
        self._qsettings.setValue("last_chapter", value)

    @property
    def side_by_side(self) -> bool:
        return self._get("side_by_side", self.defaults.side_by_side, bool)

    @side_by_side.setter
    def side_by_side(self, value: bool) -> None:
        self._qsettings.setValue("side_by_side", bool(value))

    @property
    def reading_level(self) -> str:
        """``standard`` or ``easy`` (plain language); anything else falls back to the default."""
        value = self._get("reading_level", self.defaults.reading_level, str)
        if value not in READING_LEVELS:
            log.warning("settings: reading_level %r unknown; using %r", value, self.defaults.reading_level)
            return self.defaults.reading_level
        return value

    @reading_level.setter
    def reading_level(self, value: str) -> None:
        self._qsettings.setValue("reading_level", value if value in READING_LEVELS else self.defaults.reading_level)

    @property
    def high_contrast(self) -> bool:
        return self._get("high_contrast", self.defaults.high_contrast, bool)

    @high_contrast.setter
    def high_contrast(self, value: bool) -> None:
        self._qsettings.setValue("high_contrast", bool(value))

    @property
    def presenter_font_scale(self) -> float:
        """The classroom presenter layout's own type size (the window keeps ``font_scale``)."""
        value = self._get("presenter_font_scale", self.defaults.presenter_font_scale, float)
        if not MIN_FONT_SCALE <= value <= MAX_FONT_SCALE:
            self._warn_once("presenter_font_scale", "settings: presenter_font_scale %r out of range; using %r",
                            value, self.defaults.presenter_font_scale)
            return self.defaults.presenter_font_scale
        return value

    @presenter_font_scale.setter
    def presenter_font_scale(self, value: float) -> None:
        self._qsettings.setValue("presenter_font_scale", round(float(value), 2))

    @property
    def reduced_motion(self) -> bool:
        return self._get("reduced_motion", self.defaults.reduced_motion, bool)

    @reduced_motion.setter
    def reduced_motion(self, value: bool) -> None:
        self._qsettings.setValue("reduced_motion", bool(value))

    @property
    def geometry(self) -> QByteArray | None:
        raw = self._qsettings.value("window/geometry")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    # -- presenter console (classroom on two screens) ------------------------------------------------
    @property
    def console_language(self) -> str:
        """The teacher's language on the presenter console; empty: the app's language when it opened."""
        value = self._get("console/language", "", str)
        return value if value in LANGUAGES else ""

    @console_language.setter
    def console_language(self, value: str) -> None:
        self._qsettings.setValue("console/language", value)

    @property
    def projector_screen(self) -> str:
        """The name of the screen that was the projector (``QScreen.name()``), empty: not chosen yet."""
        return self._get("console/projector_screen", "", str)

    @projector_screen.setter
    def projector_screen(self, value: str) -> None:
        self._qsettings.setValue("console/projector_screen", value)

    @property
    def console_state(self) -> QByteArray | None:
        """The console's splitter (how wide the mirror, the notes and the controls are)."""
        raw = self._qsettings.value("console/splitter")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    @console_state.setter
    def console_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("console/splitter", value)

    def lesson_timer(self) -> tuple[float, float | None]:
        """``(elapsed seconds while paused, wall-clock start of the running stretch or None)``."""
        elapsed = self._get("console/timer_elapsed", 0.0, float)
        started = self._get("console/timer_started", -1.0, float)
        return max(0.0, elapsed), (started if started >= 0 else None)

    def set_lesson_timer(self, elapsed: float, started: float | None) -> None:
        self._qsettings.setValue("console/timer_elapsed", round(float(elapsed), 3))
        self._qsettings.setValue("console/timer_started", -1.0 if started is None else round(float(started), 3))
        self._qsettings.sync()  # a crash or a pulled plug mid-lesson must not lose the lesson's time

    def sync(self) -> None:
        self._qsettings.sync()
        if self._qsettings.status() != QSettings.Status.NoError:
            self._warn_once("\0sync", "settings could not be written to %s (%s)", self.path,
                            self._qsettings.status().name)
