"""Issue 20: the app as a screen reader meets it, through AT-SPI on a real X server (Xvfb).

The app runs on Xvfb with a private session bus (``dbus-run-session``), Qt's AT-SPI bridge on;
``atspi_walker.py`` (the system's python3 with pyatspi) opens every screen through its button,
walks the tree and presses Tab in every table. Asserted: no unnamed interactive node on any
screen, the chapter text's links are nodes of their own, and Tab leaves every table.

Skipped, with the reason, where the tools are missing. Debian packages: xvfb, dbus (for
dbus-run-session), at-spi2-core, python3-pyatspi (with python3-gi, gir1.2-atspi-2.0), xdotool.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from zusammenleben.i18n.catalogs import load_translations

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def missing_tools() -> str | None:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for tool in ("Xvfb", "dbus-run-session", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: xvfb, dbus, xdotool)"
    if not any(Path(path).exists() for path in BUS_LAUNCHERS):
        return "at-spi-bus-launcher is not installed (Debian: at-spi2-core)"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60).returncode != 0:
        return "pyatspi is not importable by /usr/bin/python3 (Debian: python3-pyatspi)"
    return None


def free_display() -> int:
    for number in range(70, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture(scope="module")
def walk_report(tmp_path_factory):
    reason = missing_tools()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("atspi")
    ui = load_translations("zusammenleben", "de").gettext
    request = {
        "app": "zusammenleben",
        "screens": {key: ui(label) for key, label in (("story", "Story"), ("indicators", "Figures"),
                                                       ("partnerships", "Partnerships"), ("sources", "Sources"),
                                                       ("glossary", "Glossary"), ("about", "About"))},
        "tables_on": ["partnerships"],  # the screens whose tables are on screen when they are open
        "link_descriptions": [ui("Show this term in the glossary"), ui("Show this source on the sources screen")],
    }
    display = free_display()
    driver = folder / "driver.sh"
    driver.write_text(f"""
Xvfb :{display} -screen 0 1280x800x24 -nolisten tcp >"{folder}/xvfb.log" 2>&1 &
XPID=$!
for i in $(seq 100); do [ -e /tmp/.X11-unix/X{display} ] && break; sleep 0.1; done
export DISPLAY=:{display} QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 QT_QPA_PLATFORM=xcb
"{sys.executable}" -m zusammenleben --lang de --settings "{folder}/settings.ini" >"{folder}/app.log" 2>&1 &
APID=$!
"{SYSTEM_PYTHON}" "{HERE / 'atspi_walker.py'}" '{json.dumps(request)}'
RC=$?
kill $APID 2>/dev/null; wait $APID 2>/dev/null
kill $XPID 2>/dev/null; wait $XPID 2>/dev/null
exit $RC
""", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                                        "DBUS_SESSION_BUS_ADDRESS")}
    env.update(HOME=str(folder), XDG_RUNTIME_DIR=str(folder), XDG_CONFIG_HOME=str(folder / "config"),
               XDG_DATA_HOME=str(folder / "data"), LANG="de_DE.UTF-8")
    result = subprocess.run(["dbus-run-session", "--", "sh", str(driver)], capture_output=True, text=True,
                            env=env, timeout=600)
    if result.returncode != 0 or not result.stdout.strip():
        log = (folder / "app.log").read_text("utf-8", "replace")[-2000:] if (folder / "app.log").exists() else ""
        pytest.fail(f"the AT-SPI walk failed ({result.returncode}): {result.stderr[-2000:]}\napp: {log}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_screen_was_walked(walk_report):
    screens = walk_report["screens"]
    assert set(screens) == {"story", "indicators", "partnerships", "sources", "glossary", "about"}
    assert all("error" not in report and report["nodes"] > 20 for report in screens.values()), screens


def test_no_interactive_node_without_a_name(walk_report):
    unnamed = {key: report["unnamed"] for key, report in walk_report["screens"].items() if report.get("unnamed")}
    assert not unnamed, json.dumps(unnamed, indent=1, ensure_ascii=False)


def test_the_chapter_texts_links_are_nodes(walk_report):
    assert len(walk_report["screens"]["story"]["links"]) >= 2, walk_report["screens"]["story"]["links"]


def test_tab_leaves_every_table(walk_report):
    tables = [table for report in walk_report["screens"].values() for table in report["tables"]]
    assert tables, "the partnership screen has a table"
    stuck = [table for table in tables if not table["left"]]
    assert not stuck, stuck
