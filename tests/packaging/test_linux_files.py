"""The Linux desktop integration: menu entry, AppStream metadata, icons and the per-user installer.

The validators are the freedesktop tools themselves (skipped only where they are not
installed). install.sh is run against a small fake bundle in a temporary HOME, so it is
tested without building the real one.
"""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "io.github.zusammenleben.Zusammenleben"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates():
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_speaks_german_and_dutch():
    entry = _desktop_entry(DESKTOP)
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[f"{key}[de]"] != entry[f"{key}[nl]"] != entry[key]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "zusammenleben"


def test_metainfo_matches_the_desktop_file_and_the_mac_bundle():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.findtext("project_license") == "MIT"
    summaries = {element.get(XML_LANG): element.text for element in root.findall("summary")}
    assert set(summaries) == {None, "de", "nl"}
    paragraphs = {element.get(XML_LANG) for element in root.find("description").findall("p")}
    assert {None, "de", "nl"} <= paragraphs
    assert f'bundle_identifier="{APP_ID}"' in (REPO / "packaging" / "zusammenleben.spec").read_text(encoding="utf-8")


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icons_have_their_nominal_size(size):
    data = (ICONS / f"zusammenleben-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (size, size)


def test_scalable_windows_and_mac_icons_exist():
    assert ET.parse(ICONS / "zusammenleben.svg").getroot().tag.endswith("svg")
    assert (ICONS / "zusammenleben.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "zusammenleben.icns").read_bytes()[:4] == b"icns"


# -- install.sh ---------------------------------------------------------------------------------------
def _fake_bundle(root: Path, with_unit: bool = False) -> Path:
    """The shape install.sh relies on: the program, _internal/zusammenleben/resources/icons, linux/."""
    bundle = root / "zusammenleben"
    program = bundle / "zusammenleben"
    (bundle / "_internal" / "zusammenleben").mkdir(parents=True)
    program.write_text("#!/bin/sh\necho fake zusammenleben\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    shutil.copytree(ICONS, bundle / "_internal" / "zusammenleben" / "resources" / "icons")
    (bundle / "linux").mkdir()
    for name in ("install.sh", "check-qt-libs.sh", DESKTOP.name, METAINFO.name):
        shutil.copy2(LINUX / name, bundle / "linux" / name)
    if with_unit:
        (bundle / "linux" / "zusammenleben-kiosk.service").write_text(
            "[Service]\nExecStart=/usr/bin/zusammenleben --kiosk --kiosk-config %h/kiosk.toml\nRestart=always\n"
        )
    return bundle


def _run(script: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=60)


def test_install_then_uninstall_in_a_users_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    bundle = _fake_bundle(tmp_path / "unpacked", with_unit=True)
    result = _run(bundle / "linux" / "install.sh", home, "--kiosk-unit")
    assert result.returncode == 0, result.stdout + result.stderr

    target = home / ".local" / "opt" / "zusammenleben"
    data = home / ".local" / "share"
    assert os.access(target / "zusammenleben", os.X_OK)
    assert (home / ".local" / "bin" / "zusammenleben").resolve() == (target / "zusammenleben").resolve()
    desktop = data / "applications" / f"{APP_ID}.desktop"
    entry = _desktop_entry(desktop)
    assert entry["Exec"] == f'"{target}/zusammenleben"'
    assert entry["TryExec"] == f"{target}/zusammenleben"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    for size in ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    unit = (home / ".config" / "systemd" / "user" / "zusammenleben-kiosk.service").read_text()
    assert f"ExecStart={target}/zusammenleben --kiosk --kiosk-config %h/kiosk.toml" in unit

    # a second install (an update) replaces the folder in place
    assert _run(bundle / "linux" / "install.sh", home).returncode == 0

    cache = home / ".cache" / "zusammenleben" / "zusammenleben"  # the checked pack the program kept
    cache.mkdir(parents=True)
    (cache / "builtin-pack.pickle").write_bytes(b"kept to start faster")
    settings = home / ".config" / "zusammenleben" / "zusammenleben.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\n")
    result = _run(target / "linux" / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not target.exists()
    assert not cache.exists(), "the pack cache is the program's, not the user's: it goes with the program"
    assert settings.exists(), "the settings are the user's: they stay"
    assert not (home / ".local" / "bin" / "zusammenleben").exists()
    assert not desktop.exists()
    assert not (home / ".config" / "systemd" / "user" / "zusammenleben-kiosk.service").exists()
    leftovers = [p for p in (data / "icons").rglob("*") if p.is_file() and APP_ID in p.name]
    assert leftovers == []


def test_uninstall_refuses_a_folder_that_is_not_ours(tmp_path):
    home = tmp_path / "home"
    foreign = home / ".local" / "opt" / "zusammenleben"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("someone else's files")
    bundle = _fake_bundle(tmp_path / "unpacked")
    result = _run(bundle / "linux" / "install.sh", home, "--uninstall")
    assert result.returncode == 1
    assert (foreign / "notes.txt").exists()
    result = _run(bundle / "linux" / "install.sh", home)
    assert result.returncode == 1, "install must not replace a foreign folder either"
    assert (foreign / "notes.txt").exists()


def test_install_outside_a_bundle_explains_itself(tmp_path):
    result = _run(LINUX / "install.sh", tmp_path)
    assert result.returncode == 1
    assert "unpacked bundle" in result.stderr
