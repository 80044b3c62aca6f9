"""kiosk.toml: every problem as file:line: field: message, a safe default for the broken field."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zusammenleben.modes.kiosk.config import (
    LANGUAGES,
    SCREEN_KEYS,
    KioskConfig,
    KioskMessage,
    load_kiosk_config,
    parse_kiosk_config,
    resolve_kiosk_config,
    stats_folder,
)
from zusammenleben.modes.kiosk.pin import hash_pin, is_valid_hash

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "packaging" / "kiosk.example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def formatted(config: KioskConfig) -> list[str]:
    return [problem.format() for problem in config.problems]


def test_a_complete_file_is_read(tmp_path):
    pin = hash_pin("1357", iterations=1000)
    config = load_kiosk_config(write(tmp_path, f"""
        language = "nl"
        screens = ["partnerships", "story"]
        [display]
        screen = 1
        font_scale = 1.5
        hide_cursor = true
        [idle]
        timeout_seconds = 120
        countdown_seconds = 15.5
        [attract]
        enabled = false
        speed = 2
        [admin]
        pin_hash = "{pin}"
        [stats]
        enabled = false
        folder = "usage"
    """))
    assert config.problems == ()
    assert (config.language, config.screens, config.screen, config.font_scale, config.hide_cursor) == (
        "nl", ("story", "partnerships"), 1, 1.5, True)
    assert (config.idle_timeout, config.countdown, config.attract, config.attract_speed) == (120, 15.5, False, 2)
    assert config.pin_hash == pin and not config.stats
    assert stats_folder(config) == tmp_path.resolve() / "usage"  # relative to the file's folder


def test_every_problem_has_file_line_field_and_the_default_used(tmp_path):
    config = load_kiosk_config(write(tmp_path, """
        language = "fr"
        screens = ["story", "map"]
        colour = "blue"
        [display]
        font_scale = 3
        hide_cursor = "yes"
        screen = -1
        [idle]
        timeout_seconds = "ninety"
        countdown_seconds = 2
        [attract]
        speed = nan
        [admin]
        pin_hash = "1234"
    """))
    lines = formatted(config)
    assert lines == [
        "kiosk.toml:1: language: 'fr' is not one of: de, nl → using \"de\"",
        "kiosk.toml:2: screens: 'map' is not one of: story, indicators, partnerships, sources, glossary, about"
        " → left out",
        "kiosk.toml:3: colour: unknown field (a typo?)",
        "kiosk.toml:5: display.font_scale: 3 is outside the allowed range 1 to 2 → using 1.25",
        "kiosk.toml:6: display.hide_cursor: expected true or false → using false",
        "kiosk.toml:7: display.screen: -1 is outside the allowed range 0 to 15 → using the primary screen",
        "kiosk.toml:9: idle.timeout_seconds: expected a number → using 90",
        "kiosk.toml:10: idle.countdown_seconds: 2 is outside the allowed range 5 to 120 → using 20",
        "kiosk.toml:12: attract.speed: nan is outside the allowed range 0.25 to 4 → using 1",
        "kiosk.toml:14: admin.pin_hash: not a PIN hash made by 'python -m zusammenleben.modes.kiosk.pin'",
        "kiosk.toml:14: admin.pin_hash: no admin PIN is set: the admin panel cannot be opened",
    ]
    defaults = KioskConfig()
    assert (config.language, config.font_scale, config.hide_cursor, config.screen) == ("de", 1.25, False, None)
    assert (config.idle_timeout, config.countdown, config.attract_speed) == (
        defaults.idle_timeout, defaults.countdown, defaults.attract_speed)
    assert config.screens == ("story",) and config.pin_hash == ""


def test_the_story_cannot_be_switched_off(tmp_path):
    config = load_kiosk_config(write(tmp_path, 'screens = ["glossary", "indicators", "glossary"]\n'))
    assert config.screens == ("story", "indicators", "glossary")
    assert "kiosk.toml:1: screens: the story screen cannot be switched off" in formatted(config)


def test_a_table_of_the_wrong_kind_falls_back_as_a_whole(tmp_path):
    config = load_kiosk_config(write(tmp_path, 'idle = 5\n[admin]\npin_sha256 = "xyz"\n'))
    assert "kiosk.toml:1: idle: expected a table { … } → using the built-in defaults" in formatted(config)
    assert "kiosk.toml:3: admin.pin_sha256: expected 64 hexadecimal digits" in formatted(config)
    assert config.idle_timeout == KioskConfig().idle_timeout


def test_broken_toml_gives_its_line_and_every_default(tmp_path):
    config = load_kiosk_config(write(tmp_path, 'language = "de"\n[idle\ntimeout_seconds = 30\n'))
    first = formatted(config)[0]
    assert first.startswith("kiosk.toml:2: invalid TOML: ") and first.endswith("→ using the built-in defaults")
    assert config.idle_timeout == KioskConfig().idle_timeout and config.language == "de"


@pytest.mark.parametrize(("content", "expected"), [
    (None, "kiosk.toml: required file is missing → using the built-in defaults"),
    (b"language = \"de\xff\"", "kiosk.toml: not valid UTF-8 → using the built-in defaults"),
])
def test_missing_or_undecodable_files_give_the_defaults(tmp_path, content, expected):
    path = tmp_path / "kiosk.toml"
    if content is not None:
        path.write_bytes(content)
    config = load_kiosk_config(path)
    assert formatted(config)[0] == expected
    assert config.screens == SCREEN_KEYS and config.pin_hash == ""


def test_a_plain_sha256_is_accepted(tmp_path):
    import hashlib

    digest = hashlib.sha256(b"8642").hexdigest().upper()
    config = load_kiosk_config(write(tmp_path, f'[admin]\npin_sha256 = "{digest}"\n'))
    assert config.problems == () and config.pin_hash == f"sha256${digest.lower()}"


def test_the_example_file_is_valid_apart_from_the_missing_pin():
    config = load_kiosk_config(EXAMPLE)
    assert [(p.field, p.message_id) for p in config.problems] == [("admin.pin_hash", KioskMessage.NO_PIN)]
    assert config.attract and config.hide_cursor and config.screens == SCREEN_KEYS


def test_the_screen_keys_are_the_apps_screens():
    import importlib

    from zusammenleben.ui.screen_registry import SCREENS

    keys = tuple(getattr(importlib.import_module(entry.module), entry.class_name).key for entry in SCREENS)
    assert keys == SCREEN_KEYS == tuple(entry.key for entry in SCREENS)


def test_resolving_the_command_line():
    bare = resolve_kiosk_config(argparse.Namespace(kiosk=True, kiosk_config=None, lang=None))
    assert bare.language == "de" and [p.field for p in bare.problems] == ["admin.pin_hash"]
    ready = KioskConfig(language="nl", idle_timeout=0.2)
    assert resolve_kiosk_config(argparse.Namespace(kiosk_config=ready, lang=None)) is ready
    assert resolve_kiosk_config(argparse.Namespace(kiosk_config=ready, lang="de")).language == "de"


def test_the_config_module_does_not_import_qt():
    import subprocess
    import sys

    code = ("import sys, zusammenleben.modes.kiosk.config, zusammenleben.modes.kiosk.pin, "
            "zusammenleben.modes.kiosk.stats, zusammenleben.modes.kiosk.gesture; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- fuzzing -----------------------------------------------------------------------------------------
KEYS = {
    "": ["language", "screens", "display", "idle", "attract", "admin", "stats", "typo"],
    "display": ["screen", "font_scale", "hide_cursor", "x"],
    "idle": ["timeout_seconds", "countdown_seconds"],
    "attract": ["enabled", "speed"],
    "admin": ["pin_hash", "pin_sha256"],
    "stats": ["enabled", "folder"],
}
scalars = st.one_of(
    st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["de", "nl", "fr", "story", "", "pbkdf2-sha256$1000$00$" + "0" * 64, "0" * 64]),
    st.text(max_size=12),
)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').encode("unicode_escape").decode("ascii") + '"'


@st.composite
def kiosk_documents(draw) -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(["language", "screens", "typo"]), unique=True)):
        value = draw(st.one_of(scalars, st.lists(st.one_of(st.sampled_from(SCREEN_KEYS), scalars), max_size=4)))
        lines.append(f"{key} = {toml_value(value)}")
    for table in draw(st.lists(st.sampled_from(["display", "idle", "attract", "admin", "stats"]), unique=True)):
        lines.append(f"[{table}]")
        for key in draw(st.lists(st.sampled_from(KEYS[table]), unique=True)):
            lines.append(f"{key} = {toml_value(draw(scalars))}")
    text = "\n".join(lines)
    if draw(st.booleans()):  # sometimes break it
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.text(max_size=4)) + text[position:]
    return text


def assert_usable(config: KioskConfig) -> None:
    assert config.language in LANGUAGES
    assert "story" in config.screens and set(config.screens) <= set(SCREEN_KEYS)
    assert 1.0 <= config.font_scale <= 2.0
    assert 10 <= config.idle_timeout <= 3600 and 5 <= config.countdown <= 120
    assert 0.25 <= config.attract_speed <= 4
    assert config.screen is None or 0 <= config.screen <= 15
    assert isinstance(config.hide_cursor, bool) and isinstance(config.attract, bool)
    assert config.pin_hash == "" or is_valid_hash(config.pin_hash)
    assert isinstance(config.stats_folder, str) and "\x00" not in config.stats_folder
    for problem in config.problems:
        assert problem.format().startswith("kiosk.toml")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kiosk_documents())
def test_fuzz_structured_documents_always_give_a_usable_config(text):
    assert_usable(parse_kiosk_config(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_any_text_gives_a_usable_config(text):
    assert_usable(parse_kiosk_config(text))


# -- issue 20, faults 4 and 17 ---------------------------------------------------------------------------
def _messages(config) -> list[str]:
    return [problem.format() for problem in config.problems]


def test_a_huge_kiosk_toml_is_refused_without_reading_it(tmp_path):
    import resource

    path = tmp_path / "kiosk.toml"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: reading it whole needed 2 GB (MemoryError)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    config = load_kiosk_config(path)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024
    assert _messages(config)[0] == "kiosk.toml: file is larger than 0.25 MB → using the built-in defaults"


def test_a_fifo_or_a_link_loop_as_kiosk_toml_is_named_for_what_it_is(tmp_path):
    import os

    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    assert _messages(load_kiosk_config(fifo))[0] == "kiosk.toml: not a regular file → using the built-in defaults"
    loop = tmp_path / "loop.toml"
    os.symlink("loop.toml", loop)
    assert _messages(load_kiosk_config(loop))[0] == (
        "loop.toml: 'loop.toml' is a loop of symbolic links → using the built-in defaults")


def test_a_huge_number_is_shown_short():
    config = parse_kiosk_config("[idle]\ntimeout_seconds = 1e308\n")
    assert ("kiosk.toml:2: idle.timeout_seconds: 1e+308 is outside the allowed range "
                                    "10 to 3600 → using 90") in _messages(config)


@pytest.mark.parametrize("rounds", ["10", "999", "99000000"])
def test_pin_hash_rounds_out_of_range_say_so(rounds):
    stored = f"pbkdf2-sha256${rounds}${'ab' * 16}${'cd' * 32}"
    config = parse_kiosk_config(f'[admin]\npin_hash = "{stored}"\n')
    assert (f"kiosk.toml:2: admin.pin_hash: the hash uses {rounds} rounds; between 1000 "
                                    "and 5000000 are allowed") in _messages(config)
