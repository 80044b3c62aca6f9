"""A broken pack given with ``--content``: every problem in a dialog, then the built-in pack; no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from zusammenleben.app import build_parts

EXAMPLE_PACK = Path(__file__).resolve().parents[1] / "data" / "example_pack"


def broken_copy(tmp_path: Path) -> Path:
    pack = tmp_path / "broken"
    shutil.copytree(EXAMPLE_PACK, pack)
    events = pack / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace('date = "', 'date = "um ', 1), encoding="utf-8")
    sources = pack / "sources.toml"
    sources.write_text(sources.read_text(encoding="utf-8") + '\n[[source]]\nid = "x"\ntitel = "typo"\n',
                       encoding="utf-8")
    return pack


def test_the_app_lists_the_problems_and_starts_with_the_builtin_pack(qtbot, tmp_path, options_factory):
    pack = broken_copy(tmp_path)
    parts = build_parts(options_factory(content=str(pack)), settings_path=tmp_path / "s.ini",
                        log_folder=tmp_path / "logs", show_dialogs=True)
    qtbot.addWidget(parts.window)
    assert parts.context.pack.id == "mechelen"
    assert len(parts.content_errors) >= 2
    dialog = parts.window.findChild(QMessageBox, "contentErrorDialog")
    assert dialog is not None and dialog.isVisible()
    details = dialog.detailedText().splitlines()
    assert any(line.startswith("events.toml:") and "date" in line for line in details), details
    assert any(line.startswith("sources.toml:") and "titel" in line for line in details), details
    dialog.close()


def test_validate_prints_the_same_problems_and_exits_1(tmp_path):
    pack = broken_copy(tmp_path)
    result = subprocess.run([sys.executable, "-m", "zusammenleben", "--lang", "de", "validate", str(pack)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert any(line.startswith("events.toml:") for line in lines)
    assert any(line.startswith("sources.toml:") and "titel" in line for line in lines)
