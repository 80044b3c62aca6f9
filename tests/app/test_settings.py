"""Settings: remembered values, and a broken file falls back to defaults with a warning in the log."""

from __future__ import annotations

import logging

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
