"""Settings: remembered values, and a broken file falls back to defaults with a warning in the log."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from zusammenleben.settings import Settings


def test_values_survive_a_restart(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    first = Settings(path)
    first.language = "nl"
    first.font_scale = 1.5
    first.last_chapter = "security"
    first.sync()
    second = Settings(path)
    assert (second.language, second.font_scale, second.last_chapter) == ("nl", 1.5, "security")
    assert not second.fell_back


def test_corrupt_file_falls_back_to_defaults_and_logs(qapp, tmp_path, caplog):
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\xff\xfe\x00garbage[[[\n\x00\x01language=\xff\n")
    with caplog.at_level(logging.WARNING):
        settings = Settings(path)
    assert settings.language == "de"
    assert settings.font_scale == 1.0
    assert settings.fell_back
    assert any("settings" in record.getMessage() for record in caplog.records)


def test_wrong_types_fall_back_per_value(qapp, tmp_path, caplog):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=fr\nfont_scale=banana\nhigh_contrast=perhaps\nlast_chapter=diversity\n")
    with caplog.at_level(logging.WARNING):
        settings = Settings(path)
        assert settings.language == "de"
        assert settings.font_scale == 1.0
        assert settings.high_contrast is False
        assert settings.last_chapter == "diversity"
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) >= 3


def test_out_of_range_font_scale_is_refused(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nfont_scale=9\n")
    assert Settings(path).font_scale == 1.0


# -- issue 20, faults 4, 6, 7 -----------------------------------------------------------------------
def _alarm(seconds: int):
    """A hang guard for code that blocked for ever before the fix (QSettings on a FIFO)."""
    import contextlib
    import signal

    @contextlib.contextmanager
    def guard():
        def hung(_signal, _frame):
            raise TimeoutError(f"still blocked after {seconds} s")

        previous = signal.signal(signal.SIGALRM, hung)
        signal.alarm(seconds)
        try:
            yield
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)

    return guard()


def test_dev_zero_as_settings_is_not_read(qapp, caplog):
    with caplog.at_level(logging.WARNING), _alarm(20):
        settings = Settings(Path("/dev/zero"))  # MemoryError before: read_text read it for ever
        assert settings.language == "de"
        settings.language = "nl"
        settings.sync()
        assert settings.language == "nl"  # kept in memory for the session
    assert settings.in_memory and settings.fell_back
    assert any("/dev/zero cannot be used" in record.getMessage() for record in caplog.records)


def test_a_fifo_as_settings_does_not_hang(qapp, tmp_path, caplog):
    fifo = tmp_path / "settings.ini"
    os.mkfifo(fifo)
    with caplog.at_level(logging.WARNING), _alarm(20):
        settings = Settings(fifo)
        assert settings.font_scale == 1.0
        settings.sync()
    assert settings.in_memory
    assert fifo.is_fifo()


def test_a_huge_settings_file_is_not_read(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with _alarm(20):
        settings = Settings(path)
    assert settings.in_memory and settings.language == "de"


def test_a_corrupt_file_is_kept_beside_the_new_one_and_the_log_tells_the_truth(qapp, tmp_path, caplog):
    path = tmp_path / "settings.ini"
    broken = b"\xff\xfe\x00garbage[[[\n\x00\x01language=\xff\n"
    path.write_bytes(broken)
    with caplog.at_level(logging.WARNING):
        settings = Settings(path)
        settings.language = "nl"
        settings.sync()
    kept = list(tmp_path.glob("settings.ini.broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == broken
    assert Settings(path).language == "nl"  # the new file was written
    messages = [record.getMessage() for record in caplog.records]
    assert any(f"kept it as {kept[0].name}" in message for message in messages)
    assert not any("could not be written" in message for message in messages)


def test_a_bad_value_is_logged_once_however_often_it_is_read(qapp, tmp_path, caplog):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nfont_scale=banana\nlanguage=fr\nhigh_contrast=perhaps\n")
    settings = Settings(path)
    with caplog.at_level(logging.WARNING):
        for _ in range(120):
            assert settings.font_scale == 1.0
            assert settings.language == "de"
            assert settings.high_contrast is False
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 3, messages
