"""Local, anonymous usage counts of a kiosk, kept in SQLite and exported as CSV (no Qt).

What a museum wants to know: how many visits, how long, which chapters, which language,
which screens. Nothing identifies a visitor: a session is a running number, a start time
and what was opened. Every record is its own committed transaction in a WAL journal with
``synchronous=FULL``, so pulling the plug loses at most the touch that was being written;
a session cut off that way keeps its start and views and simply has no length.

Storage problems never reach the visitor: a folder that cannot be written disables the
statistics (logged), a damaged database is moved aside and a new one started. Damage is
told from trouble with the disk: only SQLite's own verdict (``SQLITE_CORRUPT``,
``SQLITE_NOTADB``, or ``PRAGMA integrity_check`` failing) moves a file aside. A full disk or
an I/O error keeps the database as it is; the records wait in memory, in order, and are
written when a later write (or ``retry``) succeeds; the admin panel says so meanwhile.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from zusammenleben.export.csv_table import write_csv_table
from zusammenleben.safe_save import write_atomically

log = logging.getLogger(__name__)

DB_NAME = "kiosk-usage.sqlite3"
KINDS = ("chapter", "language", "screen")
MAX_PENDING = 100_000  # records kept in memory while the disk fails (a few MB; weeks of visits)
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(error: sqlite3.Error) -> bool:
    """SQLite says the file itself is broken (not the disk under it, not a lock)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(_DAMAGE) or "malformed" in str(error) or "not a database" in str(error)


def integrity_ok(path: Path) -> bool:
    """``PRAGMA integrity_check`` on a fresh read-only connection: True only for a sound file."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.Error as error:
        return not is_damage(error)  # an I/O error while checking says nothing about the file

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
        #: records not yet written (the disk failed), oldest first; session ids below 0 are not yet in the file
        self._pending: list[tuple] = []
        self._ids: dict[int, int] = {}
        self._next_local = -1
        #: why writing fails right now (None when it works): shown in the admin panel
        self.io_problem: str | None = None
        self._db: sqlite3.Connection | None = self._open()

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
        except sqlite3.DatabaseError as error:
            if not self.path.exists():
                raise  # nothing to keep: the folder cannot be used (the caller switches statistics off)
            if not is_damage(error) and integrity_ok(self.path):
                # the disk, not the file: keep the file, count in memory, write when the disk works again
                self._note_io(error)
                return None
            # a damaged file: keep it for inspection, start afresh
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
        self.retry()
        if self._pending:
            log.error("usage statistics: %d records could not be written to %s (%s)", len(self._pending),
                      self.path, self.io_problem)
        with contextlib.suppress(sqlite3.Error, AttributeError):
            self._db.close()

    # -- writing -----------------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        """Records waiting in memory for the disk."""
        return len(self._pending)

    def _note_io(self, error: sqlite3.Error) -> None:
        if self.io_problem is None:
            log.error("usage statistics: cannot write %s (%s); keeping the records in memory and trying again",
                      self.path, error)
        self.io_problem = str(error)

    def _submit(self, record: tuple) -> None:
        if len(self._pending) >= MAX_PENDING:
            self._pending.pop(0)  # weeks without a disk: the oldest give way, memory stays bounded
        self._pending.append(record)
        self.retry()

    def retry(self) -> bool:
        """Write what waits, in order; True when nothing waits any more. Never raises."""
        if self._db is None:
            try:
                self._db = self._connect()
            except sqlite3.Error as error:
                self._note_io(error)
                return False
        while self._pending:
            try:
                with self._db:  # one transaction per record, committed (and synced) on leaving
                    self._apply(self._pending[0])
            except sqlite3.Error as error:
                self._note_io(error)
                return False
            self._pending.pop(0)
        if self.io_problem is not None:
            log.warning("usage statistics: writing to %s works again; every waiting record is written", self.path)
            self.io_problem = None
        return True

    def _apply(self, record: tuple) -> None:
        kind, session, *values = record
        db = self._db
        assert db is not None
        if kind == "session":
            self._ids[session] = db.execute("INSERT INTO sessions (started, language) VALUES (?, ?)",
                                            values).lastrowid
        elif kind == "view":
            db.execute("INSERT INTO views (session, at, kind, value) VALUES (?, ?, ?, ?)",
                       (self._ids.get(session, session), *values))
        else:
            db.execute("UPDATE sessions SET seconds = ?, ended_by = ? WHERE id = ?",
                       (*values, self._ids.get(session, session)))

    def start_session(self, language: str) -> int | None:
        """A visitor started; returns the running session number (negative while it waits for the disk)."""
        if self.session_id is not None:
            self.end_session(None, "restart")
        local = self._next_local
        self._next_local -= 1
        self._submit(("session", local, now_text(), language))
        self.session_id = self._ids.get(local, local)
        self._last = {}
        return self.session_id

    def record(self, kind: str, value: str) -> None:
        """A chapter, language or screen was opened during the session (repeats in a row count once)."""
        if self.session_id is None or kind not in KINDS or self._last.get(kind) == value:
            return
        self._last[kind] = value
        self._submit(("view", self.session_id, now_text(), kind, value))

    def end_session(self, seconds: float | None, ended_by: str) -> None:
        """The session ended (``idle``, ``admin``, ``quit``); ``seconds`` from the first to the last touch."""
        if self.session_id is None:
            return
        length = None if seconds is None else max(0, round(seconds))
        self._submit(("end", self.session_id, length, ended_by))
        self.session_id = None
        self._last = {}

    # -- reading -----------------------------------------------------------------------------------
    def sessions(self) -> list[Session]:
        self.retry()
        if self._db is None:
            return []
        rows = self._db.execute("SELECT id, started, language, seconds, ended_by FROM sessions ORDER BY id")
        return [Session(*row) for row in rows]

    def views(self) -> list[View]:
        if self._db is None:
            return []
        rows = self._db.execute("SELECT session, at, kind, value FROM views ORDER BY id")
        return [View(*row) for row in rows]

    def session_count(self) -> int:
        """Visits in the file plus the visits waiting in memory for the disk."""
        waiting = sum(1 for record in self._pending if record[0] == "session")
        try:
            stored = int(self._db.execute("SELECT count(*) FROM sessions").fetchone()[0]) if self._db else 0
        except sqlite3.Error:
            stored = 0
        return stored + waiting

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

