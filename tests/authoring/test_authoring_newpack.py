"""``new-pack``: a minimal pack that validates as it is, explains its fields, and opens in the app."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from zusammenleben.authoring.commands import run_new_pack
from zusammenleben.content import load_pack, summary
from zusammenleben.content.newpack import NewPackError, create_pack, pack_id_for, parse_languages


def test_new_pack_validates_clean_and_holds_one_of_each(tmp_path):
    created = create_pack(tmp_path / "Unsere Stadt", 'Unsere "Stadt" Köln', ("de", "nl"), 2001)
    result = load_pack(created.folder)
    assert result.errors == []
    pack = result.pack
    assert pack.title == 'Unsere "Stadt" Köln'
    assert pack.id == "unsere-stadt" and pack.languages == ("de", "nl") and pack.start_year == 2001
    counts = summary(pack)
    assert counts["chapters"] == 1 and counts["events"] == 1 and counts["indicators"] == 1
    assert counts["data_points"] == 2 and counts["sources"] == 1 and counts["glossary_terms"] == 1
    assert counts["partnerships"] == 0
    assert all(point.source for point in pack.indicators[0].points)
    assert (created.folder / "partnerships.toml").is_file() and (created.folder / "README.md").is_file()


def test_every_toml_file_explains_its_fields_in_comments(tmp_path):
    folder = create_pack(tmp_path / "stadt", "Stadt").folder
    for path in folder.glob("*.toml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#"), path.name
        assignments = [line for line in lines if "=" in line and not line.lstrip().startswith("#")
                       and not line.startswith(" ")]
        assert all("#" in line for line in assignments if not line.startswith("translatable")), path.name


def test_the_cli_creates_and_validate_finds_no_problem(tmp_path):
    folder = tmp_path / "mein-ort"
    run = [sys.executable, "-m", "zusammenleben", "--lang", "de"]
    created = subprocess.run([*run, "new-pack", str(folder), "--title", "Mein Ort", "--languages", "de,nl",
                              "--start-year", "1990"], capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stdout + created.stderr
    assert "mein-ort" in created.stdout
    checked = subprocess.run([*run, "validate", str(folder)], capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout
    assert "keine Probleme" in checked.stdout


def test_an_existing_folder_is_refused_and_left_untouched(tmp_path):
    folder = tmp_path / "stadt"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    out = io.StringIO()
    assert run_new_pack(str(folder), "Stadt", "de,nl", 2001, out=out) == 1
    assert "already exists" in out.getvalue()
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["stadt"]  # no staging folder left behind


@pytest.mark.parametrize("value", ["de,NL", "deutsch", ""])
def test_bad_languages_are_refused(value):
    with pytest.raises(NewPackError):
        parse_languages(value)


def test_pack_ids_are_made_valid():
    from pathlib import Path

    assert pack_id_for(Path("Über Köln"), "x") == "ueber-koeln"
    assert pack_id_for(Path("???"), "Gent 2000") == "gent-2000"


def test_the_app_opens_the_new_pack(build_app, tmp_path):
    folder = create_pack(tmp_path / "stadt", "Unsere Stadt").folder
    parts = build_app(content=str(folder))
    assert parts.content_errors == []
    assert parts.context.pack.id == "stadt"
    assert parts.window.windowTitle() == "Unsere Stadt"
    story = parts.window.screens["story"]
    assert story.chapter_view.title_label.text() == "Die Stadt im Jahr 2001"


@pytest.mark.parametrize("command", ["new-pack", "translate", "pack", "validate"])
def test_subcommand_help_is_translated_and_says_usage_once(command, capsys):
    from zusammenleben.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "nl", command, "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"gebruik: zusammenleben {command} ")
    assert text.count("gebruik:") == 1
