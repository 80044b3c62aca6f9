"""The translatable strings of a pack, for iter_translatable, the Babel extractor and pybabel."""

from __future__ import annotations

import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

from babel.messages.extract import extract_from_dir
from content_helpers import EXAMPLE_PACK, line_of, replace

import zusammenleben
from zusammenleben.content import load_pack
from zusammenleben.content.extract import extract_pack, iter_translatable

REPO = Path(__file__).resolve().parents[2]


def test_iter_translatable_yields_fields_with_file_and_line():
    items = list(iter_translatable(EXAMPLE_PACK))
    found = {(i.file, i.line, i.field, i.text) for i in items}
    expected = {
        ("pack.toml", line_of(EXAMPLE_PACK, "pack.toml", "title ="), "pack.title", "Zusammenleben"),
        (
            "sources.toml",
            line_of(EXAMPLE_PACK, "sources.toml", "note ="),
            "source.note",
            "Der Beitrag nennt keine Zeitung.",
        ),
        (
            "chapters.toml",
            line_of(EXAMPLE_PACK, "chapters.toml", "Mr. Null"),
            "chapter.perspective.criticism",
            "Linke Kritiker nannten ihn „Mr. Null Toleranz“.",
        ),
        (
            "chapters.toml",
            line_of(EXAMPLE_PACK, "chapters.toml", "claimant ="),
            "chapter.perspective.claimant",
            "Der Bürgermeister im Interview",
        ),
        (
            "chapters.toml",
            line_of(EXAMPLE_PACK, "chapters.toml", "Die Schülerinnen und Schüler können zwei"),
            "chapter.goal.text",
            "Die Schülerinnen und Schüler können zwei Angaben über die Stadt im Jahr 2001 vergleichen.",
        ),
        (
            "chapters.toml",
            line_of(EXAMPLE_PACK, "chapters.toml", "Nenne zwei Probleme"),
            "chapter.task.text",
            "Nenne zwei Probleme der Stadt im Jahr 2001.",
        ),
        (
            "chapters.toml",
            line_of(EXAMPLE_PACK, "chapters.toml", "image ="),
            "chapter.image.alt",
            "Eine kleine Karte",
        ),
        ("chapters/01-city-2001.md", 6, "chapter.body", "- viele leere Läden\n- wenig Vertrauen"),
        ("indicators/far-right-vote.csv", 3, "datapoint.qualifier", "jeder Dritte"),
        ("indicators/far-right-vote.csv", 3, "datapoint.note", "zeitweise, laut Interview"),
        ("indicators/is-departures.csv", 2, "datapoint.label", "Brüssel"),
        ("places.csv", 3, "place.name", "Rheine"),
        ("partnerships.toml", 5, "survey.aspect", "Hilfe für Kommunen in den Syrien-Anrainerstaaten"),
        ("partnerships.toml", 8, "survey.finding", "Überall fehlt Wohnraum."),
        (
            "partnerships.toml",
            line_of(EXAMPLE_PACK, "partnerships.toml", 'name = "Borne"'),
            "partner.name",
            "Borne",
        ),
        (
            "glossary.toml",
            4,
            "glossary.definition",
            "Eine rechtsextreme Partei in Flandern. Bis 2004 hieß sie Vlaams Blok.",
        ),
    }
    assert expected <= found
    # never ids, sources, dates, names, or empty strings
    texts = {i.text for i in items}
    assert not texts & {"beispiel", "somers-oped", "2018-02", "Bart Somers", "SPIEGEL ONLINE", ""}
    assert "Wahl 2012" in texts  # event.label


def test_every_translatable_string_is_in_the_model():
    """The extractor yields exactly the strings the loader puts in the model (same msgids)."""
    pack = load_pack(EXAMPLE_PACK).pack
    bodies = {p for c in pack.chapters for p in c.body}
    extracted_bodies = {i.text for i in iter_translatable(EXAMPLE_PACK) if i.field == "chapter.body"}
    assert extracted_bodies == bodies


def test_only_listed_fields_are_extracted(pack):
    replace(pack, "pack.toml", '"chapter.body", ', "")
    replace(pack, "pack.toml", '"place.name",', "")
    fields = {i.field for i in iter_translatable(pack)}
    assert "chapter.body" not in fields and "place.name" not in fields and "chapter.title" in fields


def test_babel_extractor_on_pack_toml_reads_the_whole_pack():
    with open(EXAMPLE_PACK / "pack.toml", "rb") as fileobj:
        messages = list(extract_pack(fileobj, ["_"], [], {}))
    by_text = {message: (lineno, comments) for lineno, _, message, comments in messages}
    assert by_text["Die Stadt im Jahr 2001"] == (4, ["chapters.toml:4 chapter.title"])
    assert by_text["Zusammenleben"] == (4, ["pack.toml:4 pack.title"])
    assert len(messages) == len(list(iter_translatable(EXAMPLE_PACK)))


def test_babel_extractor_per_file_scope():
    with open(EXAMPLE_PACK / "glossary.toml", "rb") as fileobj:
        messages = list(extract_pack(fileobj, ["_"], [], {"scope": "file"}))
    assert [(lineno, text) for lineno, _, text, _ in messages][:2] == [
        (3, "Vlaams Belang"),
        (4, "Eine rechtsextreme Partei in Flandern. Bis 2004 hieß sie Vlaams Blok."),
    ]
    assert list(extract_pack(BytesIO(b"[pack]"), ["_"], [], {})) == []  # no file name, no pack


def test_extract_from_dir_with_the_mapping_of_babel_content_cfg():
    method_map = [
        (f"**.{ext}", "zusammenleben.content.extract.extract_pack") for ext in ("toml", "md", "csv")
    ]
    options_map = {pattern: {"scope": "file"} for pattern, _ in method_map}
    found = {
        (Path(filename).as_posix(), lineno, message)
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(EXAMPLE_PACK), method_map, options_map
        )
    }
    assert (
        "chapters/02-security.md",
        3,
        "Die Stadt setzte zugleich auf [Integration](glossary:integration).\n"
        "Aus Mechelen reiste niemand zum IS aus.",
    ) in found
    assert ("events.toml", 4, "Bart Somers wird Bürgermeister") in found


def test_pybabel_extract_command_with_babel_content_cfg(tmp_path):
    pot = tmp_path / "content.pot"
    env = dict(os.environ, PYTHONPATH=str(Path(zusammenleben.__file__).parents[1]))
    pybabel = Path(sys.executable).with_name("pybabel")
    command = [str(pybabel), "extract", "-F", "babel-content.cfg", "-o", str(pot), str(EXAMPLE_PACK)]
    completed = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    text = pot.read_text("utf-8")
    assert "#. chapters.toml:4 chapter.title\n" in text
    assert 'example_pack/chapters.toml:4\nmsgid "Die Stadt im Jahr 2001"' in text
    assert 'msgid "Borne"' in text and "example_pack/places.csv:4" in text
    assert text.count('msgid "Borne"') == 1  # one message, several locations
