"""Local, anonymous usage counts of a kiosk, kept in SQLite and exported as CSV (no Qt).

What a museum wants to know: how many visits, how long, which chapters, which language,
which screens. Nothing identifies a visitor: a session is a running number, a start time
and what was opened. Every record is its own committed transaction in a WAL journal with
``synchronous=FULL``, so pulling the plug loses at most the touch that was being written;
a session cut off that way keeps its start and views and simply has no length.

Storage problems never reach the visitor: a folder that cannot be written disables the
statistics (logged), a damaged database is moved aside and a new one started.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import sqlite3
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zusammenleben.export.csv_table import write_csv_table
from zusammenleben.export.safe_save import write_atomically

log = logging.getLogger(__name__)

DB_NAME = "kiosk-usage.sqlite3"
KINDS = ("chapter", "language", "screen")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    language TEXT NOT NULL,
    seconds INTEGER,
    ended_by TEXT
);
CREATE TABLE IF NOT EXISTS views (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session INTEGER NOT NULL REFERENCES sessions(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS views_by_session ON views(session);
"""


def now_text() -> str:
    """Local time with its UTC offset, to the second: readable and unambiguous."""
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Session:
    id: int
    started: str
    language: str
    seconds: int | None
    ended_by: str | None


@dataclass(frozen=True)
class View:
    session: int
    at: str
    kind: str
    value: str


@dataclass(frozen=True)
class CsvLabels:
    """Column names and words in the admin's language (the caller translates)."""

    session: str = "session"
    started: str = "started"
    seconds: str = "seconds"
    language: str = "language"
    ended_by: str = "ended by"
    chapters: str = "chapters viewed"
    screens: str = "screens used"
    time: str = "time"
    kind: str = "kind"
    value: str = "value"
    count: str = "count"
    kind_names: tuple[tuple[str, str], ...] = ()  # ("chapter", "Kapitel") …
    sessions_total: str = "sessions"
    seconds_median: str = "median seconds"
    seconds_total: str = "total seconds"

    def kind_name(self, kind: str) -> str:
        return dict(self.kind_names).get(kind, kind)


class UsageStats:
    """One SQLite file; ``start_session`` → ``record``… → ``end_session``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.session_id: int | None = None
        self._last: dict[str, str] = {}
        self._db = self._open()

    # -- opening -----------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=5, isolation_level=None)  # autocommit; explicit transactions
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
        db.execute("SELECT count(*) FROM sessions").fetchone()
        return db

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as error:  # a damaged file: keep it for inspection, start afresh
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            broken = self.path.with_name(f"{self.path.name}.broken-{stamp}")
            log.error("usage statistics %s are damaged (%s); moved to %s", self.path, error, broken)
            for suffix in ("", "-wal", "-shm"):
                source = Path(f"{self.path}{suffix}")
                if source.exists():
                    source.replace(Path(f"{broken}{suffix}"))
            return self._connect()

    @classmethod
    def open_in(cls, folder: Path) -> UsageStats | None:
        """Statistics in ``folder``, or None (logged) when they cannot be kept there."""
        try:
            return cls(Path(folder) / DB_NAME)
        except (OSError, sqlite3.Error) as error:
            log.error("usage statistics disabled: cannot use %s (%s)", folder, error)
            return None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    # -- writing -----------------------------------------------------------------------------------
    def _write(self, sql: str, parameters: Sequence[object]) -> int | None:
        try:
            with self._db:  # one transaction, committed (and synced) on leaving
                return self._db.execute(sql, parameters).lastrowid
        except sqlite3.Error as error:
            log.error("usage statistics: cannot write (%s)", error)
            return None

    def start_session(self, language: str) -> int | None:
        """A visitor started; returns the running session number."""
        if self.session_id is not None:
            self.end_session(None, "restart")
        self.session_id = self._write("INSERT INTO sessions (started, language) VALUES (?, ?)",
                                      (now_text(), language))
        self._last = {}
        return self.session_id

    def record(self, kind: str, value: str) -> None:
        """A chapter, language or screen was opened during the session (repeats in a row count once)."""
        if self.session_id is None or kind not in KINDS or self._last.get(kind) == value:
            return
        self._last[kind] = value
        self._write("INSERT INTO views (session, at, kind, value) VALUES (?, ?, ?, ?)",
                    (self.session_id, now_text(), kind, value))

    def end_session(self, seconds: float | None, ended_by: str) -> None:
        """The session ended (``idle``, ``admin``, ``quit``); ``seconds`` from the first to the last touch."""
        if self.session_id is None:
            return
        length = None if seconds is None else max(0, round(seconds))
        self._write("UPDATE sessions SET seconds = ?, ended_by = ? WHERE id = ?",
                    (length, ended_by, self.session_id))
        self.session_id = None
        self._last = {}

    # -- reading -----------------------------------------------------------------------------------
    def sessions(self) -> list[Session]:
        rows = self._db.execute("SELECT id, started, language, seconds, ended_by FROM sessions ORDER BY id")
        return [Session(*row) for row in rows]

    def views(self) -> list[View]:
        rows = self._db.execute("SELECT session, at, kind, value FROM views ORDER BY id")
        return [View(*row) for row in rows]

    def session_count(self) -> int:
        try:
            return int(self._db.execute("SELECT count(*) FROM sessions").fetchone()[0])
        except sqlite3.Error:
            return 0

    # -- export ------------------------------------------------------------------------------------
    def export_csv(self, folder: Path | str, labels: CsvLabels | None = None,
                   stamp: str | None = None) -> list[Path]:
        """Three files for spreadsheets (``;``, UTF-8 with BOM): sessions, views and a summary."""
        folder = Path(folder)
        labels = labels or CsvLabels()
        stamp = stamp or datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S")
        sessions, views = self.sessions(), self.views()
        by_session: dict[int, list[View]] = {}
        for view in views:
            by_session.setdefault(view.session, []).append(view)

        def distinct(session: int, kind: str) -> str:
            values = [v.value for v in by_session.get(session, []) if v.kind == kind]
            return ", ".join(dict.fromkeys(values))

        session_rows = [
            [s.id, s.started, "" if s.seconds is None else s.seconds, s.language,
             distinct(s.id, "chapter"), distinct(s.id, "screen"), s.ended_by or ""]
            for s in sessions
        ]
        view_rows = [[v.session, v.at, labels.kind_name(v.kind), v.value] for v in views]
        lengths = [s.seconds for s in sessions if s.seconds is not None]
        summary_rows: list[list[object]] = [
            [labels.sessions_total, "", len(sessions)],
            [labels.seconds_median, "", round(statistics.median(lengths)) if lengths else ""],
            [labels.seconds_total, "", sum(lengths)],
        ]
        for kind in KINDS:
            counts = Counter(v.value for v in views if v.kind == kind)
            summary_rows += [[labels.kind_name(kind), value, count] for value, count in counts.most_common()]
        files = (
            ("sessions", [labels.session, labels.started, labels.seconds, labels.language, labels.chapters,
                          labels.screens, labels.ended_by], session_rows),
            ("views", [labels.session, labels.time, labels.kind, labels.value], view_rows),
            ("summary", [labels.kind, labels.value, labels.count], summary_rows),
        )
        written = []
        for name, headers, rows in files:
            path = folder / f"zusammenleben-{name}-{stamp}.csv"
            # ";" and a BOM (the one CSV writer): what Excel in German and Dutch locales opens correctly
            write_atomically(path, lambda target, h=headers, r=rows: write_csv_table(target, h, r, separator=";"))
            written.append(path)
        return written

