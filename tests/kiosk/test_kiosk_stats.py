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
