"""The shipped catalogs: fresh, complete (fuzzy counts as missing), well-formed and spelled right."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from zusammenleben.i18n.catalogs import (
    CONTENT_DOMAIN,
    UI_DOMAIN,
    catalog_problems,
    po_files,
    read_catalog,
    statistics,
)
from zusammenleben.i18n.manage import (
    content_extractor_available,
    extract_content,
    extract_ui,
    message_keys,
    template_path,
)
from zusammenleben.i18n.spelling import dictionary_for, load_wordlist, translated_texts, unknown_words

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "translations"
PO_FILES = po_files(TRANSLATIONS)
PO_IDS = [f"{lang}/{domain}" for lang, domain, _path in PO_FILES]
LANGUAGES = sorted({lang for lang, _domain, _path in PO_FILES})


def test_both_languages_have_both_domains():
    found = {(lang, domain) for lang, domain, _path in PO_FILES}
    for lang in ("de", "nl"):
        assert {(lang, UI_DOMAIN), (lang, CONTENT_DOMAIN)} <= found


@pytest.mark.parametrize(("lang", "domain", "path"), PO_FILES, ids=PO_IDS)
def test_catalog_is_complete(lang, domain, path):
    stats = statistics(read_catalog(path, lang))
    assert stats.total > 0
    assert stats.complete, (
        f"{lang}/{domain}.po: {stats.untranslated} untranslated and {stats.fuzzy} fuzzy of {stats.total}, "
        f"e.g. {stats.untranslated_ids[:3]}"
    )


@pytest.mark.parametrize(("lang", "domain", "path"), PO_FILES, ids=PO_IDS)
def test_catalog_passes_babel_checks(lang, domain, path):
    assert catalog_problems(read_catalog(path, lang), str(path)) == []


NO_MSGFMT = "GNU gettext's msgfmt is not installed (apt install gettext)"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason=NO_MSGFMT)
@pytest.mark.parametrize(("lang", "domain", "path"), PO_FILES, ids=PO_IDS)
def test_msgfmt_check_is_clean(lang, domain, path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def _compare(fresh: set, stored: set, what: str) -> None:
    missing = sorted(key[0] for key in fresh - stored)
    obsolete = sorted(key[0] for key in stored - fresh)
    assert not missing and not obsolete, (
        f"{what} is stale; run `make i18n-extract i18n-update`. "
        f"Missing: {missing[:5]} Obsolete: {obsolete[:5]}"
    )


def test_ui_template_matches_the_code():
    _compare(message_keys(extract_ui(REPO)), message_keys(read_catalog(template_path(REPO, UI_DOMAIN))),
             "translations/zusammenleben.pot")


@pytest.mark.skipif(not content_extractor_available(), reason="no zusammenleben.content.extract yet")
def test_content_template_matches_the_pack():
    fresh = extract_content(REPO)
    assert fresh is not None
    _compare(message_keys(fresh), message_keys(read_catalog(template_path(REPO, CONTENT_DOMAIN))),
             "translations/content.pot")


@pytest.mark.parametrize(("lang", "domain", "path"), PO_FILES, ids=PO_IDS)
def test_catalog_matches_its_template(lang, domain, path):
    template = read_catalog(template_path(REPO, domain))
    _compare(message_keys(template), message_keys(read_catalog(path, lang)), f"{lang}/{domain}.po")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_are_spelled_right(lang):
    if shutil.which("hunspell") is None:
        pytest.skip("hunspell is not installed (apt install hunspell hunspell-de-de hunspell-nl)")
    dictionary = dictionary_for(lang)
    if dictionary is None:
        pytest.skip(f"no hunspell dictionary for {lang}")
    texts = translated_texts(REPO, lang)
    accepted = load_wordlist(TRANSLATIONS / "wordlists" / f"{lang}.txt")
    unknown = unknown_words(texts, dictionary, accepted)
    assert not unknown, (
        f"{len(unknown)} words {dictionary} does not know; fix them or add reviewed names to "
        f"translations/wordlists/{lang}.txt: "
        + "; ".join(f"{word!r} in {texts[0][:50]!r}" for word, texts in unknown.items())
    )


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell is not installed")
def test_spell_check_catches_a_typo():
    dictionary = dictionary_for("de")
    if dictionary is None:
        pytest.skip("no German hunspell dictionary")
    unknown = unknown_words(["Die Stadt hat viele Einwohnner."], dictionary, set())
    assert list(unknown) == ["Einwohnner"]
