"""kiosk.toml: the settings of an exhibition installation, checked like a content pack (no Qt).

A museum technician edits this file by hand, often once, and then the machine runs for
months. So a mistake must never stop the app: every problem is reported as
``file:line: field: message`` (the content layer's format, through ``ContentError``), the
broken field falls back to a safe default, and the admin panel lists the problems. The
reader is total: whatever bytes the file holds, ``load_kiosk_config`` returns a usable
``KioskConfig`` (a fuzz test holds it to that).

The file (every key optional; see docs/kiosk.md and packaging/kiosk.example.toml)::

    language = "de"                       # after every reset
    screens = ["story", "indicators", "partnerships", "sources", "glossary", "about"]
    [display]  screen = 0, font_scale = 1.25, hide_cursor = true
    [idle]     timeout_seconds = 90, countdown_seconds = 20
    [attract]  enabled = true, speed = 1.0
    [reading]  more = "easy"              (what "Mehr lesen" opens: "easy" or "standard")
    [admin]    pin_hash = "pbkdf2-sha256$…"   (or pin_sha256 = "<hex>")
    [stats]    enabled = true, folder = ""    ("" = the app's data folder)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from zusammenleben.bounded_read import ReadRefusedError, read_bounded
from zusammenleben.content.documents import parse_toml
from zusammenleben.content.errors import N_, ContentError, ContentMessage, ErrorList, Translate, identity
from zusammenleben.content.tomlmap import LineMap
from zusammenleben.modes.kiosk.pin import MAX_ITERATIONS, MIN_ITERATIONS, is_valid_hash, sha256_hash

#: Screen keys in header order (``zusammenleben.ui.screen_registry``; a test keeps the two in step).
SCREEN_KEYS = ("story", "indicators", "partnerships", "sources", "glossary", "about")
LANGUAGES = ("de", "nl")
MORE_LEVELS = ("easy", "standard")  # what "Mehr lesen / Meer lezen" opens under a chapter's label
ATTRACT_CHAPTER_SECONDS = 14.0  # one chapter of the attract loop at speed 1: a title read from 3 m
MAX_FILE_BYTES = 256 * 1024
_ROUNDS = re.compile(r"pbkdf2-sha256\$([0-9]{1,30})\$")


class KioskMessage:
    """Messages of the kiosk.toml reader (msgids; translated when shown)."""

    EXPECT_NUMBER = N_("expected a number")
    OUT_OF_RANGE = N_("%(value)s is outside the allowed range %(low)s to %(high)s")
    STORY_REQUIRED = N_("the story screen cannot be switched off")
    BAD_PIN_HASH = N_("not a PIN hash made by 'python -m zusammenleben.modes.kiosk.pin'")
    PIN_ROUNDS = N_("the hash uses %(value)s rounds; between %(low)s and %(high)s are allowed")
    BAD_SHA256 = N_("expected 64 hexadecimal digits")
    PIN_TWICE = N_("give pin_hash or pin_sha256, not both")
    NO_PIN = N_("no admin PIN is set: the admin panel cannot be opened")
    NO_SUCH_SCREEN = N_("screen %(value)s does not exist (this computer has %(count)s)")
    USING = N_("using %(value)s")
    USING_DEFAULTS = N_("using the built-in defaults")
    USING_PRIMARY = N_("using the primary screen")
    USING_APP_FOLDER = N_("using the app's data folder")
    LEFT_OUT = N_("left out")


@dataclass(frozen=True)
class ConfigProblem(ContentError):  # noqa: N818 (a record of a problem, not an exception)
    """A ``ContentError`` plus what the app does instead (``fallback`` is a msgid with ``%(value)s``)."""

    fallback: str = ""
    fallback_value: str = ""

    def format(self, translate: Translate = identity) -> str:
        text = super().format(translate)
        if not self.fallback:
            return text
        try:
            instead = translate(self.fallback) % {"value": self.fallback_value}
        except (KeyError, ValueError, TypeError):
            instead = self.fallback % {"value": self.fallback_value}
        return f"{text} → {instead}"


@dataclass(frozen=True)
class KioskConfig:
    """Every kiosk setting with a safe value; ``problems`` says what was wrong in the file."""

    screen: int | None = None  # None: the primary screen
    font_scale: float = 1.25
    hide_cursor: bool = False
    idle_timeout: float = 90.0  # seconds without a touch before "Still there?"
    countdown: float = 20.0  # seconds the question stays before the reset
    attract: bool = True
    attract_speed: float = 1.0
    language: str = "de"
    more_level: str = "easy"  # the text "Mehr lesen" opens: plain language, or the full text
    screens: tuple[str, ...] = SCREEN_KEYS
    pin_hash: str = ""  # "" → no admin access (the safe default)
    stats: bool = True
    stats_folder: str = ""  # "" → the app's data folder (QStandardPaths.AppDataLocation)
    source: str = ""  # the file read ("" for --kiosk without a file)
    problems: tuple[ConfigProblem, ...] = ()
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    @property
    def seconds_per_chapter(self) -> float:
        return ATTRACT_CHAPTER_SECONDS / self.attract_speed

    @property
    def file_name(self) -> str:
        return Path(self.source).name if self.source else "kiosk.toml"

    def with_problem(self, key: str, message_id: str, fallback: str = "", fallback_value: str = "",
                     **params: Any) -> KioskConfig:
        """A copy with one more problem found at run time (a screen that is not there)."""
        problem = ConfigProblem(self.file_name, self.lines.get(key, 0), key, message_id, params, fallback,
                                fallback_value)
        return replace(self, problems=(*self.problems, problem))


# -- reading ---------------------------------------------------------------------------------------
_DEFAULTS = KioskConfig()
_NUMBER_LIMITS: dict[str, tuple[float, float]] = {
    "display.font_scale": (1.0, 2.0),
    "idle.timeout_seconds": (10, 3600),
    "idle.countdown_seconds": (5, 120),
    "attract.speed": (0.25, 4.0),
}
_TABLES: dict[str, tuple[str, ...]] = {
    "display": ("screen", "font_scale", "hide_cursor"),
    "idle": ("timeout_seconds", "countdown_seconds"),
    "attract": ("enabled", "speed"),
    "reading": ("more",),
    "admin": ("pin_hash", "pin_sha256"),
    "stats": ("enabled", "folder"),
}
_TOP_KEYS = ("language", "screens", *_TABLES)


def toml_literal(value: object) -> str:
    """How a default reads in the file: ``true``, ``90``, ``"de"``, ``["story"]``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_literal(item) for item in value) + "]"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}"  # 1e308 reads "1e+308", not a 309-digit number
    return str(value)


class _Reader:
    """Walks the parsed document, collecting values that passed and problems for those that did not."""

    def __init__(self, name: str, data: dict[str, Any], lines: LineMap) -> None:
        self.name = name
        self.data = data
        self.lines = lines
        self.problems: list[ConfigProblem] = []
        self.values: dict[str, Any] = {}
        self.field_lines: dict[str, int] = {}

    def report(self, path: tuple[str | int, ...], message_id: str, fallback: str = "",
               fallback_value: object = None, **params: Any) -> None:
        key = ".".join(part for part in path if isinstance(part, str))
        value = "" if fallback_value is None else toml_literal(fallback_value)
        line = self.lines.line(path)
        self.problems.append(ConfigProblem(self.name, line, key, message_id, params, fallback, value))

    def table(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if isinstance(value, dict):
            for key in value:
                if key not in _TABLES[name]:
                    self.report((name, key), ContentMessage.UNKNOWN_KEY)
            return value
        self.report((name,), ContentMessage.EXPECT_TABLE, KioskMessage.USING_DEFAULTS)
        return {}

    def read(self) -> None:
        for key in self.data:
            if key not in _TOP_KEYS:
                self.report((key,), ContentMessage.UNKNOWN_KEY)
        for name in _TABLES:
            self.field_lines[name] = self.lines.line((name,))
        self._language()
        self._screens()
        display = self.table("display")
        self._screen_index(display)
        self._number(display, ("display", "font_scale"), "font_scale")
        self._bool(display, ("display", "hide_cursor"), "hide_cursor")
        idle = self.table("idle")
        self._number(idle, ("idle", "timeout_seconds"), "idle_timeout")
        self._number(idle, ("idle", "countdown_seconds"), "countdown")
        attract = self.table("attract")
        self._bool(attract, ("attract", "enabled"), "attract")
        self._number(attract, ("attract", "speed"), "attract_speed")
        self._more(self.table("reading"))
        self._pin(self.table("admin"))
        stats = self.table("stats")
        self._bool(stats, ("stats", "enabled"), "stats")
        self._text(stats, ("stats", "folder"), "stats_folder", KioskMessage.USING_APP_FOLDER)

    # -- typed fields ---------------------------------------------------------------------------
    def _present(self, table: dict[str, Any], path: tuple[str, ...]) -> bool:
        self.field_lines[".".join(path)] = self.lines.line(path)
        return path[-1] in table

    def _number(self, table: dict[str, Any], path: tuple[str, ...], attribute: str) -> None:
        if not self._present(table, path):
            return
        value = table[path[-1]]
        default = getattr(_DEFAULTS, attribute)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report(path, KioskMessage.EXPECT_NUMBER, KioskMessage.USING, default)
            return
        low, high = _NUMBER_LIMITS[".".join(path)]
        if not (math.isfinite(value) and low <= value <= high):
            self.report(path, KioskMessage.OUT_OF_RANGE, KioskMessage.USING, default, value=toml_literal(value),
                        low=toml_literal(float(low)), high=toml_literal(float(high)))
            return
        self.values[attribute] = float(value)

    def _bool(self, table: dict[str, Any], path: tuple[str, ...], attribute: str) -> None:
        if not self._present(table, path):
            return
        value = table[path[-1]]
        if not isinstance(value, bool):
            self.report(path, ContentMessage.EXPECT_BOOL, KioskMessage.USING, getattr(_DEFAULTS, attribute))
            return
        self.values[attribute] = value

    def _text(self, table: dict[str, Any], path: tuple[str, ...], attribute: str, fallback: str) -> None:
        if not self._present(table, path):
            return
        value = table[path[-1]]
        if not isinstance(value, str) or "\x00" in value:
            self.report(path, ContentMessage.EXPECT_TEXT, fallback)
            return
        self.values[attribute] = value.strip()

    def _language(self) -> None:
        path = ("language",)
        if not self._present(self.data, path):
            return
        value = self.data["language"]
        if not isinstance(value, str):
            self.report(path, ContentMessage.EXPECT_TEXT, KioskMessage.USING, _DEFAULTS.language)
        elif value not in LANGUAGES:
            self.report(path, ContentMessage.BAD_CHOICE, KioskMessage.USING, _DEFAULTS.language, value=value,
                        choices=", ".join(LANGUAGES))
        else:
            self.values["language"] = value

    def _more(self, reading: dict[str, Any]) -> None:
        path = ("reading", "more")
        if not self._present(reading, path):
            return
        value = reading["more"]
        if not isinstance(value, str):
            self.report(path, ContentMessage.EXPECT_TEXT, KioskMessage.USING, _DEFAULTS.more_level)
        elif value not in MORE_LEVELS:
            self.report(path, ContentMessage.BAD_CHOICE, KioskMessage.USING, _DEFAULTS.more_level, value=value,
                        choices=", ".join(MORE_LEVELS))
        else:
            self.values["more_level"] = value

    def _screens(self) -> None:
        path = ("screens",)
        if not self._present(self.data, path):
            return
        value = self.data["screens"]
        if not isinstance(value, list):
            self.report(path, ContentMessage.EXPECT_LIST, KioskMessage.USING, SCREEN_KEYS)
            return
        chosen: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self.report((*path, index), ContentMessage.EXPECT_TEXT, KioskMessage.LEFT_OUT)
            elif item not in SCREEN_KEYS:
                self.report((*path, index), ContentMessage.BAD_CHOICE, KioskMessage.LEFT_OUT, value=item,
                            choices=", ".join(SCREEN_KEYS))
            elif item not in chosen:
                chosen.append(item)
        if "story" not in chosen:
            self.report(path, KioskMessage.STORY_REQUIRED)
            chosen.insert(0, "story")
        self.values["screens"] = tuple(key for key in SCREEN_KEYS if key in chosen)  # header order

    def _screen_index(self, display: dict[str, Any]) -> None:
        path = ("display", "screen")
        if not self._present(display, path):
            return
        value = display["screen"]
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(path, ContentMessage.EXPECT_INT, KioskMessage.USING_PRIMARY)
        elif not 0 <= value <= 15:
            self.report(path, KioskMessage.OUT_OF_RANGE, KioskMessage.USING_PRIMARY, value=value, low=0, high=15)
        else:
            self.values["screen"] = value

    def _pin(self, admin: dict[str, Any]) -> None:
        hashed = self._present(admin, ("admin", "pin_hash"))
        plain = self._present(admin, ("admin", "pin_sha256"))
        self.field_lines["admin"] = self.lines.line(("admin",))
        if hashed and plain:
            self.report(("admin", "pin_sha256"), KioskMessage.PIN_TWICE)
        if hashed:
            value = admin["pin_hash"]
            if isinstance(value, str) and is_valid_hash(value.strip()):
                self.values["pin_hash"] = value.strip()
                return
            rounds = _ROUNDS.match(value.strip()) if isinstance(value, str) else None
            if rounds and not MIN_ITERATIONS <= int(rounds.group(1)) <= MAX_ITERATIONS:
                # say why ("not a PIN hash" was wrong): too few rounds are weak, too many hang the pad
                self.report(("admin", "pin_hash"), KioskMessage.PIN_ROUNDS, value=int(rounds.group(1)),
                            low=MIN_ITERATIONS, high=MAX_ITERATIONS)
            else:
                self.report(("admin", "pin_hash"),
                            KioskMessage.BAD_PIN_HASH if isinstance(value, str) else ContentMessage.EXPECT_TEXT)
        elif plain:
            value = admin["pin_sha256"]
            stored = sha256_hash(value) if isinstance(value, str) else None
            if stored is not None:
                self.values["pin_hash"] = stored
                return
            self.report(("admin", "pin_sha256"),
                        KioskMessage.BAD_SHA256 if isinstance(value, str) else ContentMessage.EXPECT_TEXT)
        self.report(("admin", "pin_hash"), KioskMessage.NO_PIN)


def parse_kiosk_config(text: str, name: str = "kiosk.toml", source: str = "") -> KioskConfig:
    """The config in ``text`` (the content of file ``name``); never raises."""
    errors = ErrorList()
    data, lines = parse_toml(text, name, errors)
    if data is None:
        problems = tuple(ConfigProblem(e.file, e.line, e.field, e.message_id, e.params, KioskMessage.USING_DEFAULTS)
                         for e in errors)
        missing_pin = ConfigProblem(name, 0, "admin.pin_hash", KioskMessage.NO_PIN)
        return KioskConfig(source=source, problems=(*problems, missing_pin))
    reader = _Reader(name, data, lines)
    reader.read()
    problems = tuple(sorted(reader.problems, key=lambda problem: problem.line))
    return replace(KioskConfig(source=source), **reader.values, problems=problems,
                   lines=reader.field_lines)


def load_kiosk_config(path: Path | str) -> KioskConfig:
    """Read ``path``; a missing, unreadable or broken file gives the defaults and says why."""
    path = Path(path)
    name = path.name or "kiosk.toml"

    def defaults_because(message_id: str, params: dict[str, Any] | None = None) -> KioskConfig:
        params = params or {}
        problems = (ConfigProblem(name, 0, "", message_id, params, KioskMessage.USING_DEFAULTS),
                    ConfigProblem(name, 0, "admin.pin_hash", KioskMessage.NO_PIN))
        return KioskConfig(source=str(path), problems=problems)

    try:  # never more than the limit, never a FIFO or a device (a 2 GB file ended in MemoryError)
        raw = read_bounded(path, MAX_FILE_BYTES)
    except ReadRefusedError as refused:
        return defaults_because(*{
            ReadRefusedError.MISSING: (ContentMessage.FILE_MISSING, {}),
            ReadRefusedError.NOT_A_FILE: (ContentMessage.NOT_A_FILE, {}),
            ReadRefusedError.TOO_LARGE: (ContentMessage.FILE_TOO_LARGE, {"limit": "0.25"}),
            ReadRefusedError.LINK_LOOP: (ContentMessage.PATH_LOOP, {"path": name}),
        }.get(refused.kind, (ContentMessage.FILE_UNREADABLE, {"reason": refused.detail})))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return defaults_because(ContentMessage.FILE_NOT_UTF8)
    return parse_kiosk_config(text, name, str(path))


def resolve_kiosk_config(options: object) -> KioskConfig:
    """The config for ``--kiosk`` / ``--kiosk-config``: from the file, or the defaults.

    ``options.kiosk_config`` may also be a ready ``KioskConfig`` (tests, embedding). A
    ``--lang`` given on the command line wins over the file's ``language``.
    """
    given = getattr(options, "kiosk_config", None)
    if isinstance(given, KioskConfig):
        config = given
    elif given:
        config = load_kiosk_config(Path(str(given)).expanduser())
    else:
        config = KioskConfig(problems=(ConfigProblem("kiosk.toml", 0, "admin.pin_hash", KioskMessage.NO_PIN),))
    lang = getattr(options, "lang", None)
    if lang in LANGUAGES and lang != config.language:
        config = replace(config, language=lang)
    return config


def stats_folder(config: KioskConfig) -> Path | None:
    """The statistics folder the file asks for (relative to the file's folder), or None for the default."""
    if not config.stats_folder:
        return None
    folder = Path(config.stats_folder).expanduser()
    if not folder.is_absolute() and config.source:
        folder = Path(config.source).expanduser().resolve().parent / folder
    return folder
