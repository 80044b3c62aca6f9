"""Loading, discovering, checking and compiling catalogs (no Qt)."""

from __future__ import annotations

import gettext
import logging

import pytest
from i18n_helpers import write_catalog

from zusammenleben.i18n.catalogs import (
    CatalogError,
    available_languages,
    compile_catalogs,
    load_translations,
    read_catalog,
    statistics,
)
from zusammenleben.i18n.fill_source_catalog import fill


def test_compiled_catalog_translates(tmp_path):
    entries = {"Next": "Volgende", "Log file: %(path)s": "Logbestand: %(path)s"}
    write_catalog(tmp_path, "nl", "zusammenleben", entries)
    written = compile_catalogs(tmp_path)
    assert [p.name for p in written] == ["zusammenleben.mo"]
    translations = load_translations("zusammenleben", "nl", tmp_path)
    assert translations.gettext("Next") == "Volgende"
    assert translations.gettext("Log file: %(path)s") % {"path": "x"} == "Logbestand: x"
    assert translations.gettext("Not in the catalog") == "Not in the catalog"


def test_missing_catalog_falls_back_with_a_warning(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="zusammenleben.i18n.catalogs"):
        translations = load_translations("zusammenleben", "fr", tmp_path)
    assert type(translations) is gettext.NullTranslations
    assert translations.gettext("Next") == "Next"
    assert any("fr/LC_MESSAGES/zusammenleben.mo" in record.getMessage() for record in caplog.records)


def test_recompiled_catalog_is_picked_up(tmp_path):
    write_catalog(tmp_path, "nl", "zusammenleben", {"Next": "Verder"})
    compile_catalogs(tmp_path)
    assert load_translations("zusammenleben", "nl", tmp_path).gettext("Next") == "Verder"
    write_catalog(tmp_path, "nl", "zusammenleben", {"Next": "Volgende"})
    compile_catalogs(tmp_path)
    assert load_translations("zusammenleben", "nl", tmp_path).gettext("Next") == "Volgende"


def test_a_new_language_is_found_from_its_folder(tmp_path):
    write_catalog(tmp_path, "de", "zusammenleben", {"Next": "Weiter"})
    write_catalog(tmp_path, "nl", "zusammenleben", {"Next": "Volgende"})
    assert available_languages(tmp_path) == ["de", "nl"]
    write_catalog(tmp_path, "fr", "zusammenleben", {"Next": "Suivant"})
    (tmp_path / "wordlists").mkdir()  # other folders are not languages
    assert available_languages(tmp_path) == ["de", "fr", "nl"]


def test_placeholder_mismatch_fails_and_writes_nothing(tmp_path):
    write_catalog(tmp_path, "de", "zusammenleben", {"Next": "Weiter"})
    write_catalog(tmp_path, "nl", "zusammenleben", {"Log file: %(path)s": "Logbestand: %(pad)s"})
    with pytest.raises(CatalogError) as raised:
        compile_catalogs(tmp_path)
    assert any("nl/LC_MESSAGES/zusammenleben.po" in p and "Log file" in p for p in raised.value.problems)
    assert not list(tmp_path.glob("*/LC_MESSAGES/*.mo"))


def test_fuzzy_entries_are_not_used(tmp_path):
    write_catalog(tmp_path, "nl", "content", {"Die Stadt": "De stad", "Der Fluss": "De rivier"},
                  flags={"Der Fluss": ("fuzzy",)})
    compile_catalogs(tmp_path)
    translations = load_translations("content", "nl", tmp_path)
    assert translations.gettext("Die Stadt") == "De stad"
    assert translations.gettext("Der Fluss") == "Der Fluss"  # a fuzzy entry is not a translation
    stats = statistics(read_catalog(tmp_path / "nl" / "LC_MESSAGES" / "content.po", "nl"))
    assert (stats.translated, stats.fuzzy, stats.complete) == (1, 1, False)


def test_german_text_with_percent_is_not_a_format_string(tmp_path):
    """``8,7 % der`` contains ``% d``; with no-python-format it must compile, and msgfmt agrees."""
    msgid = "Vlaams Belang erhielt 8,7 % der Stimmen."
    path = write_catalog(tmp_path, "nl", "content", {msgid: "Vlaams Belang kreeg 8,7% van de stemmen."},
                         flags={msgid: ("no-python-format",)})
    assert "python-format" not in next(m for m in read_catalog(path, "nl") if m.id).flags
    compile_catalogs(tmp_path)
    assert load_translations("content", "nl", tmp_path).gettext(msgid).endswith("van de stemmen.")


def test_source_catalog_is_filled_with_its_msgids(tmp_path):
    write_catalog(tmp_path / "translations", "de", "content", {"Die Stadt": "", "Der Fluss": "alt"},
                  flags={"Der Fluss": ("fuzzy",)})
    assert fill(tmp_path) == 2
    catalog = read_catalog(tmp_path / "translations" / "de" / "LC_MESSAGES" / "content.po", "de")
    assert {m.id: m.string for m in catalog if m.id} == {"Die Stadt": "Die Stadt", "Der Fluss": "Der Fluss"}
    assert statistics(catalog).complete
