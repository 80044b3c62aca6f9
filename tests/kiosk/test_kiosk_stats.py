"""Usage statistics: anonymous, committed record by record, exported as CSV for spreadsheets."""

from __future__ import annotations

import csv
import sqlite3

from zusammenleben.modes.kiosk.gesture import CornerTaps
from zusammenleben.modes.kiosk.stats import DB_NAME, CsvLabels, UsageStats


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_a_session_is_written_as_it_happens(tmp_path):
    stats = UsageStats.open_in(tmp_path)
    stats.start_session("de")
    stats.record("chapter", "the-city-2001")
    stats.record("chapter", "the-city-2001")  # a repeat in a row counts once
    stats.record("screen", "story")
    stats.record("language", "nl")
    stats.record("weather", "sunny")  # unknown kinds are not kept
    # another connection (a power cut now) already sees every record
    other = sqlite3.connect(tmp_path / DB_NAME)
    assert other.execute("SELECT count(*) FROM views").fetchone()[0] == 3
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()
    stats.end_session(42.4, "idle")
    assert [(s.language, s.seconds, s.ended_by) for s in stats.sessions()] == [("de", 42, "idle")]
    stats.close()


def test_the_export_has_sessions_views_and_a_summary(tmp_path):
    stats = UsageStats.open_in(tmp_path / "db")
    for language, chapters, seconds in (("de", ["a", "b"], 30), ("nl", ["a"], 90)):
        stats.start_session(language)
        for chapter in chapters:
            stats.record("chapter", chapter)
        stats.end_session(seconds, "idle")
    stats.start_session("de")  # cut off: no length yet
    labels = CsvLabels(session="Besuch", kind_names=(("chapter", "Kapitel"),))
    sessions, views, summary = stats.export_csv(tmp_path, labels, stamp="T")
    assert sessions.name == "zusammenleben-sessions-T.csv"
    rows = read_csv(sessions)
    assert rows[0][0] == "Besuch"
    assert [row[2:5] for row in rows[1:]] == [["30", "de", "a, b"], ["90", "nl", "a"], ["", "de", ""]]
    assert [row[2:] for row in read_csv(views)[1:]] == [["Kapitel", "a"], ["Kapitel", "b"], ["Kapitel", "a"]]
    table = {(row[0], row[1]): row[2] for row in read_csv(summary)[1:]}
    assert table[("sessions", "")] == "3"
    assert table[("median seconds", "")] == "60"
    assert table[("Kapitel", "a")] == "2" and table[("Kapitel", "b")] == "1"
    stats.close()


def test_a_damaged_database_is_moved_aside(tmp_path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    stats = UsageStats.open_in(tmp_path)
    assert stats is not None and stats.session_count() == 0
    assert any(path.name.startswith(f"{DB_NAME}.broken-") for path in tmp_path.iterdir())
    stats.close()


def test_an_unusable_folder_switches_statistics_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert UsageStats.open_in(blocker / "sub") is None


def test_five_corner_taps_within_three_seconds():
    taps = CornerTaps()
    assert not any(taps.tap(t) for t in (0.0, 0.5, 1.0, 1.5))
    assert taps.tap(2.0)
    assert taps.pending == 0
    assert not any(taps.tap(t) for t in (10.0, 11.0, 12.0, 13.0, 14.0))  # 4 s: too slow
    taps.miss()
    for t in (20.0, 20.1, 20.2, 20.3):
        taps.tap(t)
    taps.miss()  # a press elsewhere starts over
    assert not taps.tap(20.4)


# -- issue 20, fault 5: a full disk is not damage -------------------------------------------------------
def io_error(message: str = "disk I/O error", name: str = "SQLITE_IOERR") -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorname = name  # what SQLite sets on a real I/O error (Python 3.11+)
    error.sqlite_errorcode = 10
    return error


class FailingDisk:
    """A real connection whose writes fail while ``failing`` is set (a full disk, a dying USB stick)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.failing = False

    def execute(self, sql, parameters=()):
        if self.failing and not sql.lstrip().upper().startswith("SELECT"):
            raise io_error("database or disk is full", "SQLITE_FULL")
        return self.db.execute(sql, parameters)

    def __enter__(self):
        return self.db.__enter__()

    def __exit__(self, *exc):
        return self.db.__exit__(*exc)

    def close(self):
        self.db.close()


def test_a_full_disk_keeps_the_database_and_counts_in_memory(tmp_path, monkeypatch):
    stats = UsageStats(tmp_path / DB_NAME)
    stats.start_session("de")
    stats.end_session(10, "idle")
    disk = FailingDisk(stats._db)
    stats._db = disk
    disk.failing = True
    stats.start_session("nl")  # the disk is full now
    stats.record("chapter", "security")
    stats.end_session(25, "idle")
    assert stats.io_problem and "full" in stats.io_problem
    assert stats.pending == 3 and stats.session_count() == 2, "the visit counts while it waits"
    assert not list(tmp_path.glob("*.broken-*")), "a healthy database was set aside"
    disk.failing = False
    assert stats.retry()
    assert stats.io_problem is None and stats.pending == 0
    sessions = stats.sessions()
    assert [(s.language, s.seconds, s.ended_by) for s in sessions] == [("de", 10, "idle"), ("nl", 25, "idle")]
    assert [(v.session, v.value) for v in stats.views()] == [(sessions[1].id, "security")]
    stats.close()


def test_an_io_error_when_opening_a_sound_file_keeps_it(tmp_path, monkeypatch):
    path = tmp_path / DB_NAME
    UsageStats(path).close()
    real_connect = UsageStats._connect
    calls = {"n": 0}

    def connect_once_failing(self):
        calls["n"] += 1
        if calls["n"] == 1:
            raise io_error()
        return real_connect(self)

    monkeypatch.setattr(UsageStats, "_connect", connect_once_failing)
    stats = UsageStats(path)
    assert stats.io_problem == "disk I/O error"
    assert not list(tmp_path.glob("*.broken-*")) and path.exists()
    stats.start_session("de")  # the next write opens the file again and succeeds
    assert stats.io_problem is None and stats.session_count() == 1
    stats.close()


def test_real_damage_is_still_moved_aside(tmp_path):
    path = tmp_path / DB_NAME
    path.write_bytes(b"this is not a database at all" * 100)
    stats = UsageStats(path)
    assert len(list(tmp_path.glob(f"{DB_NAME}.broken-*"))) == 1
    assert stats.io_problem is None
    stats.close()


def test_the_admin_panel_reports_statistics_waiting_for_the_disk(qtbot, kiosk_app):
    from kiosk_helpers import PIN, enter_pin

    kiosk = kiosk_app().kiosk
    disk = FailingDisk(kiosk.stats._db)
    kiosk.stats._db = disk
    disk.failing = True
    kiosk.stats.start_session("de")
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk, PIN)
    text = kiosk.admin_panel.problems.text()
    assert "database or disk is full" in text and "1" in text, text
    disk.failing = False
