"""User settings through QSettings, with typed values and a safe fallback.

Settings live in an INI file so that a museum technician can read it. A file that Qt
cannot parse, or a value of the wrong type, never stops the app: we fall back to the
default for that value and say so in the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

log = logging.getLogger(__name__)

LANGUAGES = ("de", "nl")
FONT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
MIN_FONT_SCALE, MAX_FONT_SCALE = 1.0, 2.0
READING_LEVELS = ("standard", "easy")  # ui.state.LEVELS (this module stays free of the views)


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


class Settings:
    """Typed access to the settings file; every getter validates and falls back."""

    def __init__(self, path: Path | None = None, defaults: Defaults | None = None) -> None:
        self.path = path or default_settings_path()
        self.defaults = defaults or Defaults()
        self.fell_back = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("settings folder %s cannot be created (%s); using defaults", self.path.parent, error)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        status = self._qsettings.status()
        if status != QSettings.Status.NoError or not self._readable():
            log.warning("settings file %s is unreadable or corrupt (%s); using defaults", self.path, status.name)
            self.fell_back = True
            self._qsettings.clear()

    def _readable(self) -> bool:
        if not self.path.exists():
            return True
        try:
            self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        return True

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
            log.warning("settings: %s has an invalid value %r; using %r", key, raw, default)
            self.fell_back = True
            return default

    @property
    def language(self) -> str:
        value = self._get("language", self.defaults.language, str)
        if value not in LANGUAGES:
            log.warning("settings: unknown language %r; using %r", value, self.defaults.language)
            return self.defaults.language
        return value

    @language.setter
    def language(self, value: str) -> None:
        self._qsettings.setValue("language", value)

    @property
    def font_scale(self) -> float:
        value = self._get("font_scale", self.defaults.font_scale, float)
        if not MIN_FONT_SCALE <= value <= MAX_FONT_SCALE:
            log.warning("settings: font_scale %r out of range; using %r", value, self.defaults.font_scale)
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
            log.warning("settings: presenter_font_scale %r out of range; using %r", value,
                        self.defaults.presenter_font_scale)
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

    def sync(self) -> None:
        self._qsettings.sync()
        if self._qsettings.status() != QSettings.Status.NoError:
            log.warning("settings could not be written to %s", self.path)
