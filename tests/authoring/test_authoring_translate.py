"""``translate``: the pack's own .po from the same extraction as the project's catalog; the app uses it."""

from __future__ import annotations

import io

from authoring_helpers import new_pack, replace_in

from zusammenleben.authoring.commands import run_translate
from zusammenleben.authoring.loading import load_for_app
from zusammenleben.content.extract import iter_translatable
from zusammenleben.i18n.catalogs import read_catalog
from zusammenleben.i18n.manage import render
from zusammenleben.i18n.pack_catalog import catalog_path, update_catalog


def translate_entry(path, msgid: str, msgstr: str) -> None:
    catalog = read_catalog(path, "nl")
    catalog[msgid].string = msgstr
    path.write_bytes(render(catalog))


def test_translate_round_trip(tmp_path, build_app):
    folder = new_pack(tmp_path / "stadt", chapters=1)
    out = io.StringIO()
    assert run_translate(str(folder), "nl", out=out) == 0
    texts = {item.text for item in iter_translatable(folder)}
    po = catalog_path(folder, "nl")
    assert po.is_file()
    assert f"0 translated, 0 fuzzy (check them), {len(texts)} missing" in out.getvalue()
    assert {message.id for message in read_catalog(po, "nl") if message.id} == texts

    translate_entry(po, "Die Stadt im Jahr 2001", "De stad in 2001")
    stats = update_catalog(folder, "nl").stats
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (1, 0, len(texts) - 1)

    parts = build_app(content=str(folder), lang="nl")
    assert parts.window.screens["story"].chapter_view.title_label.text() == "De stad in 2001"
    parts.context.language.set_language("de")
    assert parts.window.screens["story"].chapter_view.title_label.text() == "Die Stadt im Jahr 2001"

    replace_in(folder / "chapters.toml", 'title = "Die Stadt im Jahr $start_year"'.replace("$start_year", "2001"),
               'title = "Die Stadt im Jahr 2001, neu"')
    out = io.StringIO()
    assert run_translate(str(folder), "nl", out=out) == 0
    assert f"0 translated, 1 fuzzy (check them), {len(texts) - 1} missing" in out.getvalue()
    assert read_catalog(po, "nl")["Die Stadt im Jahr 2001, neu"].fuzzy


def test_the_source_language_catalog_is_filled_with_its_own_text(tmp_path):
    folder = new_pack(tmp_path / "stadt", chapters=1)
    stats = update_catalog(folder, "de").stats
    assert stats.untranslated == 0 and stats.fuzzy == 0 and stats.translated > 10


def test_a_broken_catalog_is_a_problem_of_the_pack(tmp_path):
    folder = new_pack(tmp_path / "stadt", chapters=1)
    update_catalog(folder, "nl")
    po = catalog_path(folder, "nl")
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "x"\nthis is not a catalog line\n', encoding="utf-8")
    loaded = load_for_app(folder)
    assert not loaded.ok
    assert loaded.errors[0].file == "translations/nl.po"


def test_an_unknown_language_is_refused_with_a_message(tmp_path):
    folder = new_pack(tmp_path / "stadt", chapters=1)
    out = io.StringIO()
    assert run_translate(str(folder), "xx_YY", out=out) == 1
    assert "xx_YY" in out.getvalue()
    assert not (folder / "translations").exists()
