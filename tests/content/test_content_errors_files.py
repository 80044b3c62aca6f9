"""File-level problems: missing files, TOML syntax, encoding, paths that leave the pack, images."""

from __future__ import annotations

import os

import pytest
from content_helpers import append, line_of, problems, replace

from zusammenleben.content import load_pack


def test_the_example_pack_is_clean(pack):
    assert problems(pack) == []


@pytest.mark.parametrize("name", ["pack.toml", "sources.toml", "chapters.toml"])
def test_missing_required_file(pack, name):
    (pack / name).unlink()
    assert f"{name}: required file is missing" in problems(pack)


def test_missing_optional_files_are_fine(pack):
    for name in ("events.toml", "partnerships.toml", "places.csv"):
        (pack / name).unlink()
    # Only the survey cited the survey's source; without partnerships it would be an unused source.
    sources = (pack / "sources.toml").read_text("utf-8")
    (pack / "sources.toml").write_text(sources[: sources.index('[[source]]\nid = "rgre-survey"')], "utf-8")
    result = load_pack(pack)
    assert result.errors == []
    assert result.pack.events == () and result.pack.partnerships == () and result.pack.survey is None


def test_not_a_folder(tmp_path):
    missing = tmp_path / "nowhere"
    assert [e.format() for e in load_pack(missing).errors] == [f"{missing}: not a folder"]


def test_toml_syntax_error_has_its_line(pack):
    line = replace(pack, "events.toml", 'label = "Wahl 2012"', 'label = "Wahl 2012')
    assert problems(pack) == [f"events.toml:{line}: invalid TOML: Illegal character '\\n'"]


def test_toml_syntax_error_at_end_of_document(pack):
    line = append(pack, "glossary.toml", "x = ")
    assert problems(pack) == [f"glossary.toml:{line}: invalid TOML: Invalid value"]


def test_broken_sources_file_gives_no_flood_of_unknown_sources(pack):
    replace(pack, "sources.toml", "[[source]]", "[[source]")
    assert problems(pack) == [
        "sources.toml:1: invalid TOML: Expected ']]' at the end of an array declaration"
    ]


def test_markdown_not_utf8_reports_line_of_first_bad_byte(pack):
    path = pack / "chapters" / "02-security.md"
    path.write_bytes(path.read_bytes().replace(b"Integration", b"Integr\xe4tion"))
    line = 3
    assert problems(pack) == [f"chapters/02-security.md:{line}: body: not valid UTF-8"]


def test_toml_not_utf8(pack):
    path = pack / "glossary.toml"
    line = line_of(pack, "glossary.toml", 'term = "Bürgermeister"')
    path.write_bytes(path.read_bytes().replace("Bürgermeister".encode(), "Bürgermeister".encode("latin-1")))
    assert problems(pack) == [f"glossary.toml:{line}: not valid UTF-8"]


def test_byte_order_mark_is_accepted(pack):
    path = pack / "pack.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert problems(pack) == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../outside.md", "'../outside.md' leaves the pack folder ('..' is not allowed)"),
        (
            "chapters/../../outside.md",
            "'chapters/../../outside.md' leaves the pack folder ('..' is not allowed)",
        ),
        ("/etc/passwd", "'/etc/passwd' is an absolute path; write it relative to the pack folder"),
        ("C:/texte/a.md", "'C:/texte/a.md' is an absolute path; write it relative to the pack folder"),
        ("chapters\\\\02-security.md", "'chapters\\02-security.md' uses '\\'; separate folders with '/'"),
        ("chapters/fehlt.md", "file 'chapters/fehlt.md' does not exist in the pack"),
        ("chapters", "'chapters' is not a regular file"),
        ("", "the path is empty"),
    ],
)
def test_body_paths_must_stay_inside_the_pack(pack, path, message):
    line = replace(pack, "chapters.toml", 'body = "chapters/02-security.md"', f'body = "{path}"')
    expected = f"chapters.toml:{line}: chapter.body: {message}"
    if path == "":
        expected = f"chapters.toml:{line}: chapter.body: must not be empty"
    assert problems(pack) == [expected]


def test_symlink_leading_outside_the_pack(pack, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("Draußen.\n", "utf-8")
    os.symlink(outside, pack / "chapters" / "link.md")
    line = replace(pack, "chapters.toml", 'body = "chapters/02-security.md"', 'body = "chapters/link.md"')
    assert problems(pack) == [
        f"chapters.toml:{line}: chapter.body: 'chapters/link.md' leads outside the pack folder "
        "(symbolic link)"
    ]


def test_symlinked_folder_leading_outside(pack, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "v.csv").write_text("year,value,source\n2001,1,somers-oped\n", "utf-8")
    os.symlink(tmp_path / "elsewhere", pack / "indicators" / "ext")
    line = replace(pack, "indicators.toml", "indicators/far-right-vote.csv", "indicators/ext/v.csv")
    assert problems(pack) == [
        f"indicators.toml:{line}: indicator.data: 'indicators/ext/v.csv' leads outside the pack folder "
        "(symbolic link)"
    ]


def test_symlink_inside_the_pack_is_fine(pack):
    os.symlink(pack / "chapters" / "02-security.md", pack / "chapters" / "alias.md")
    replace(pack, "chapters.toml", 'body = "chapters/02-security.md"', 'body = "chapters/alias.md"')
    assert problems(pack) == []


def test_image_that_is_not_an_image(pack):
    (pack / "images" / "karte.png").write_text("kein Bild", "utf-8")
    line = line_of(pack, "chapters.toml", "image = {")
    assert problems(pack) == [
        f"chapters.toml:{line}: chapter.image.path: 'images/karte.png' is not a PNG, JPEG or SVG image"
    ]


def test_image_missing(pack):
    (pack / "images" / "karte.png").unlink()
    line = line_of(pack, "chapters.toml", "image = {")
    assert problems(pack) == [
        f"chapters.toml:{line}: chapter.image.path: file 'images/karte.png' does not exist in the pack"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', None),
        (b"\xff\xd8\xff\xe0 jpeg", None),
        (
            b'<html xmlns="http://www.w3.org/1999/xhtml"/>',
            "'images/bild.svg' is not a PNG, JPEG or SVG image",
        ),
        (b"<svg><unclosed></svg>", "'images/bild.svg' is not a PNG, JPEG or SVG image"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
            "'images/bild.svg' declares XML entities, which are not allowed",
        ),
    ],
)
def test_images_are_checked_by_content(pack, data, message):
    (pack / "images" / "bild.svg").write_bytes(data)
    line = replace(pack, "chapters.toml", "images/karte.png", "images/bild.svg")
    expected = [] if message is None else [f"chapters.toml:{line}: chapter.image.path: {message}"]
    assert problems(pack) == expected


def test_map_must_exist_and_be_json(pack):
    line = replace(pack, "pack.toml", 'credits = "', 'map = "map/europe.geojson"\ncredits = "')
    assert problems(pack) == [
        f"pack.toml:{line}: pack.map: file 'map/europe.geojson' does not exist in the pack"
    ]
    (pack / "map").mkdir()
    (pack / "map" / "europe.geojson").write_text("{kein json", "utf-8")
    assert problems(pack) == [
        f"pack.toml:{line}: pack.map: 'map/europe.geojson' is not a GeoJSON map the app can draw: "
        "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    ]
    (pack / "map" / "europe.geojson").write_text('{"type": "FeatureCollection", "features": []}', "utf-8")
    assert problems(pack) == []
    assert load_pack(pack).pack.map_path == "map/europe.geojson"


def test_all_problems_are_collected_sorted_by_file_and_line(pack):
    replace(pack, "glossary.toml", 'term = "Integration"', 'trem = "Integration"')
    (pack / "pack.toml").unlink()
    replace(pack, "events.toml", 'date = "2012-10"', 'date = "2012-13"')
    found = problems(pack)
    assert [line.split(":")[0] for line in found] == [
        "events.toml",
        "glossary.toml",
        "glossary.toml",
        "pack.toml",
    ]
    assert len(found) == 4
