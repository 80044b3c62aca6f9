"""What a museum's power cut and a second monitor do to kiosk mode.

Both need a real process: a kill must hit a process that is writing, and the offscreen
platform only offers two screens when it starts with a screen configuration.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from zusammenleben.modes.kiosk.stats import UsageStats

REPO = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from zusammenleben.modes.kiosk.stats import UsageStats
    stats = UsageStats.open_in(Path(sys.argv[1]))
    stats.start_session("nl")
    stats.record("screen", "story")
    stats.end_session(12.0, "idle")
    print("first visit saved", flush=True)
    visit = 0
    while True:  # the second visit never ends: the process is killed while it writes
        visit += 1
        stats.start_session("de")
        for chapter in range(9):
            stats.record("chapter", f"chapter-{visit}-{chapter}")
""")


def test_statistics_survive_a_kill_in_the_middle_of_writing(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                              env=env)
    try:
        assert writer.stdout.readline().strip() == "first visit saved"
        # let it write for a moment, then cut the power
        with contextlib.suppress(subprocess.TimeoutExpired):
            writer.wait(timeout=0.5)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.stdout.close()
    stats = UsageStats.open_in(tmp_path)
    assert stats is not None
    sessions = stats.sessions()
    assert (sessions[0].language, sessions[0].seconds, sessions[0].ended_by) == ("nl", 12, "idle")
    assert len(sessions) >= 2, "the visit that was running is kept, unfinished"
    assert len(stats.views()) > 1
    (tmp_path / "export").mkdir()
    exported = stats.export_csv(tmp_path / "export")
    assert exported, "the admin can still export after the cut"
    stats.close()


SHOW_ON_SCREEN = textwrap.dedent("""
    import argparse, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from zusammenleben.app import build_parts, create_qapplication, show_window
    folder = Path(sys.argv[1])
    app = create_qapplication()
    options = argparse.Namespace(lang="de", classroom=False, kiosk=True, kiosk_config=None, content=None,
                                 screen=1, settings=str(folder / "s.ini"), self_test=False, command=None)
    parts = build_parts(options, log_folder=folder / "logs", show_dialogs=False)
    show_window(parts, 1)
    for _ in range(20):
        app.processEvents()
    window = parts.window
    print(window.screen().name(), window.isFullScreen(), window.geometry().x(), window.geometry().width(),
          flush=True)
    app.exit(0)
""")


def test_kiosk_fullscreen_lands_on_the_chosen_screen(tmp_path):
    config = tmp_path / "screens.json"
    screen = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [
        {"name": "left", "x": 0, "y": 0, "width": 1280, "height": 720, **screen},
        {"name": "right", "x": 1280, "y": 0, "width": 1920, "height": 1080, **screen},
    ]}))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", SHOW_ON_SCREEN, str(tmp_path)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    name, fullscreen, x, width = result.stdout.split()[-4:]
    assert (name, fullscreen) == ("right", "True")
    assert 1280 <= int(x) < 1280 + 1920 and int(width) >= 1900  # the offscreen frame adds a margin
