"""The one save flow: the extension, a writable place, a safe write, and a message the user sees on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from zusammenleben.export.save_flow import save_with_dialog
from zusammenleben.i18n.language import Language
from zusammenleben.safe_save import unwritable_reason, with_extension, write_atomically


@pytest.fixture
def language(qapp):
    return Language("de")


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def choose(monkeypatch, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def write_text(text: str):
    def write(path: Path) -> int:
        path.write_text(text, encoding="utf-8")
        return len(text)
    return write


def test_the_extension_is_added_only_when_missing():
    assert with_extension("/x/tabelle", "csv") == Path("/x/tabelle.csv")
    assert with_extension("/x/tabelle.CSV", "csv") == Path("/x/tabelle.CSV")
    assert with_extension("/x/karte.v2", ".png") == Path("/x/karte.v2.png")


def test_a_failed_write_keeps_the_file_it_would_have_replaced(tmp_path):
    target = tmp_path / "handout.pdf"
    target.write_text("last week's handout")

    def half_then_fail(path: Path) -> None:
        path.write_text("half a fi")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, half_then_fail)
    assert target.read_text() == "last week's handout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"], "no temporary file is left behind"


def test_a_complete_write_replaces_the_file_and_keeps_normal_permissions(tmp_path):
    target = tmp_path / "new.csv"
    assert write_atomically(target, write_text("a;b")) == 3
    assert target.read_text() == "a;b"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask, "not mkstemp's private 0600"
    target.chmod(0o640)
    write_atomically(target, write_text("c"))
    assert target.read_text() == "c" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_unwritable_places_are_named(tmp_path):
    assert unwritable_reason(tmp_path / "ok.csv") is None
    assert "does not exist" in unwritable_reason(tmp_path / "missing" / "x.csv")
    assert "is a folder" in unwritable_reason(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_unwritable(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert "may not be written" in unwritable_reason(folder / "x.csv")
    finally:
        folder.chmod(0o700)


def test_the_flow_adds_the_extension_and_writes(tmp_path, monkeypatch, language, warnings):
    choose(monkeypatch, tmp_path / "partnerschaften")
    saved = save_with_dialog(None, language, title="Export", suggested_name="p.csv", file_filter="CSV (*.csv)",
                             extension="csv", write=write_text("x"))
    assert saved is not None and saved.path == tmp_path / "partnerschaften.csv" and saved.result == 1
    assert saved.path.read_text() == "x" and not warnings


def test_the_flow_refuses_a_missing_folder_with_a_message(tmp_path, monkeypatch, language, warnings):
    choose(monkeypatch, tmp_path / "gone" / "tabelle.csv")
    called = []
    saved = save_with_dialog(None, language, title="Export", suggested_name="t.csv", file_filter="CSV (*.csv)",
                             extension="csv", write=lambda path: called.append(path))
    assert saved is None and not called
    assert len(warnings) == 1 and str(tmp_path / "gone") in warnings[0][1]
    assert "Bitte einen anderen Ort" in warnings[0][1], "the message is in the user's language"


def test_a_failing_write_is_told_to_the_user_and_loses_nothing(tmp_path, monkeypatch, language, warnings):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old picture")
    choose(monkeypatch, target)

    def fail(path: Path) -> None:
        raise OSError(f"cannot write {path}")

    assert save_with_dialog(None, language, title="Export", suggested_name="p.png", file_filter="PNG (*.png)",
                            extension="png", write=fail) is None
    assert target.read_bytes() == b"old picture"
    assert len(warnings) == 1 and warnings[0][1].startswith("Die Datei konnte nicht gespeichert werden")


def test_cancelling_writes_nothing(tmp_path, monkeypatch, language, warnings):
    choose(monkeypatch, "")
    assert save_with_dialog(None, language, title="Export", suggested_name="p.png", file_filter="PNG (*.png)",
                            extension="png", write=write_text("x")) is None
    assert not list(tmp_path.iterdir()) and not warnings
