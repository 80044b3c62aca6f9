"""The command line: help in the user's language, version, validate, self-test."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zusammenleben import __version__
from zusammenleben.cli import build_parser
from zusammenleben.i18n.catalogs import load_translations
from zusammenleben.i18n.choice import guess_language


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
