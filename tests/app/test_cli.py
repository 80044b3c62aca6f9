"""The command line: help in the user's language, version, validate, self-test."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zusammenleben import __version__
from zusammenleben.cli import build_parser
from zusammenleben.i18n.catalogs import load_translations
from zusammenleben.i18n.choice import guess_language

EXAMPLE_PACK = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "example_pack"


def run_cli(*args: str, env_lang: str = "de_DE.UTF-8") -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "LANG": env_lang, "QT_QPA_PLATFORM": "offscreen", "HOME": "/tmp"}
    return subprocess.run(
        [sys.executable, "-m", "zusammenleben", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["--lang", "nl"], {}, "nl"),
        (["--lang=de"], {"LANG": "nl_BE.UTF-8"}, "de"),
        ([], {"LANG": "nl_BE.UTF-8"}, "nl"),
        ([], {"LANG": "fr_FR.UTF-8"}, "de"),
    ],
)
def test_language_for_help_comes_from_flag_then_environment(monkeypatch, argv, env, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert guess_language(argv) == expected


@pytest.mark.parametrize(("lang", "words"), [("de", ("Aufruf", "Optionen")), ("nl", ("Gebruik", "opties"))])
def test_help_is_in_the_users_language(lang, words):
    text = build_parser(load_translations("zusammenleben", lang).gettext).format_help()
    for word in words:
        assert word.lower() in text.lower()
    assert "--self-test" in text and "--kiosk" in text and "validate" in text


def test_version_prints_the_package_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_unknown_option_is_an_error_not_a_traceback():
    result = run_cli("--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_self_test_opens_every_screen_and_exits_zero(tmp_path):
    result = run_cli("--self-test", "--settings", str(tmp_path / "s.ini"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout


# -- issue 20, fault 18: no display -----------------------------------------------------------------
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux (X11, Wayland)")
@pytest.mark.parametrize(("lang", "words"), [("de_DE.UTF-8", "keine anzeige"), ("nl_BE.UTF-8", "geen beeldscherm")])
@pytest.mark.parametrize("display", [None, ":9876"])
def test_without_a_display_the_user_reads_what_to_do_in_their_language(tmp_path, lang, words, display):
    env = {"PATH": "/usr/bin:/bin", "LANG": lang, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    if display:
        env["DISPLAY"] = display  # names a server that is not running
    result = subprocess.run([sys.executable, "-m", "zusammenleben", "--settings", str(tmp_path / "s.ini")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert words in result.stderr.lower(), result.stderr
    assert "--self-test" in result.stderr
    assert "could not connect to display" not in result.stderr and "Traceback" not in result.stderr


def test_the_display_check_trusts_other_platforms_and_a_live_socket(tmp_path):
    import socket

    from zusammenleben.display_check import has_display

    assert has_display({}, platform="win32")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, platform="linux")
    assert not has_display({}, platform="linux")
    assert not has_display({"WAYLAND_DISPLAY": "wayland-77", "XDG_RUNTIME_DIR": str(tmp_path)}, platform="linux")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "wayland-77"))
        assert has_display({"WAYLAND_DISPLAY": "wayland-77", "XDG_RUNTIME_DIR": str(tmp_path)}, platform="linux")


def test_self_test_lists_content_problems_in_the_users_language(tmp_path):
    """Issue 20, fault 17: the self-test printed the content errors of a broken pack in English."""
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(EXAMPLE_PACK, pack)
    (pack / "sources.toml").unlink()
    result = run_cli("--self-test", "--lang", "de", "--content", str(pack), "--settings", str(tmp_path / "s.ini"))
    assert result.returncode == 1
    assert "sources.toml: Pflichtdatei fehlt" in result.stdout or "sources.toml:" in result.stdout
    german = load_translations("zusammenleben", "de").gettext("required file is missing")
    assert german != "required file is missing"
    assert f"content: sources.toml: {german}" in result.stdout, result.stdout
