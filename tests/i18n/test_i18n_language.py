"""Live switching: bound widgets, Qt's own texts and the locale follow DE → NL → DE without restart."""

from __future__ import annotations

import pytest
from i18n_helpers import write_catalog
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from zusammenleben.i18n.catalogs import compile_catalogs
from zusammenleben.i18n.language import SIDE_BY_SIDE_SEPARATOR, Language
from zusammenleben.ui import retranslate


@pytest.fixture
def catalogs(tmp_path):
    """A small catalog set, compiled, so the tests do not depend on `make i18n-compile` having run."""
    write_catalog(tmp_path, "de", "zusammenleben", {"Next chapter": "Nächstes Kapitel"})
    write_catalog(tmp_path, "nl", "zusammenleben", {"Next chapter": "Volgend hoofdstuk"})
    write_catalog(tmp_path, "de", "content", {"Die Stadt": "Die Stadt", "Mechelen": "Mechelen"})
    write_catalog(tmp_path, "nl", "content", {"Die Stadt": "De stad", "Mechelen": "Mechelen"})
    compile_catalogs(tmp_path)
    return tmp_path


@pytest.fixture
def language(qapp, catalogs):
    lang = Language("de", parent=None, translations=catalogs)
    yield lang
    lang.set_language("de")
    lang.deleteLater()


class ChapterLabel(QLabel):
    """A widget as views write them: texts only in retranslate(), bound once."""

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.calls = 0
        self.language_changes = 0
        retranslate.bind(self, language)

    def retranslate(self) -> None:
        self.calls += 1
        self.setText(self.language.ui("Next chapter"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changes += 1
        super().changeEvent(event)


def build_window(qtbot, language):
    window = QWidget()
    layout = QVBoxLayout(window)
    label = ChapterLabel(language, window)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, window)
    layout.addWidget(label)
    layout.addWidget(buttons)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, label, buttons.button(QDialogButtonBox.StandardButton.Cancel)


def test_switch_de_nl_de_updates_our_texts_and_qts(qtbot, language):
    _window, label, cancel = build_window(qtbot, language)
    language.set_language("nl")  # installs qtbase_nl after qtbase_de: Cancel must follow both ways
    language.set_language("de")
    assert label.text() == "Nächstes Kapitel"
    assert cancel.text() == "Abbrechen"

    with qtbot.waitSignal(language.languageChanged, timeout=1000) as signal:
        language.set_language("nl")
    assert signal.args == ["nl"]
    assert label.text() == "Volgend hoofdstuk"
    assert cancel.text() == "Annuleren"
    assert QLocale().name() == "nl_BE"
    assert language.locale_name == "nl_BE"

    language.set_language("de")
    assert label.text() == "Nächstes Kapitel"
    assert cancel.text() == "Abbrechen"
    assert QLocale().name() == "de_DE"


def test_each_switch_sends_exactly_one_language_change(qtbot, qapp, language):
    _window, label, _cancel = build_window(qtbot, language)
    label.language_changes = 0
    calls = label.calls
    language.set_language("nl")
    qapp.processEvents()
    qapp.processEvents()
    assert label.language_changes == 1  # Qt's own posted events are replaced by one synchronous event
    assert label.calls == calls + 1
    language.set_language("nl")  # no change, no work
    assert label.calls == calls + 1


def test_bind_lets_go_of_destroyed_widgets(qtbot, qapp, language):
    before = retranslate.bound_count(language)
    label = ChapterLabel(language)
    assert label.calls == 1  # bind() fills the texts at once
    assert retranslate.bound_count(language) == before + 1
    label.deleteLater()
    qtbot.waitUntil(lambda: retranslate.bound_count(language) == before, timeout=2000)
    language.set_language("nl")  # must not touch the deleted widget


def test_bind_refuses_a_widget_without_retranslate(language):
    with pytest.raises(TypeError):
        retranslate.bind(QLabel(), language)


def test_content_is_translated_and_falls_back_to_the_source(language):
    language.set_language("nl")
    assert language.content("Die Stadt") == "De stad"
    assert language.content("Ein Satz ohne Übersetzung") == "Ein Satz ohne Übersetzung"
    assert language.content_paragraphs(["Die Stadt", "Neu"]) == ["De stad", "Neu"]
    assert language.content_in("Die Stadt", "de") == "Die Stadt"
    assert language.ui_in("Next chapter", "de") == "Nächstes Kapitel"


def test_side_by_side_pairs_german_and_dutch(qtbot, language):
    with qtbot.waitSignal(language.languageChanged, timeout=1000):
        language.set_side_by_side(True)
    assert language.side_by_side
    assert language.pair("Die Stadt") == [("de", "Die Stadt"), ("nl", "De stad")]
    assert language.display("Die Stadt") == f"Die Stadt{SIDE_BY_SIDE_SEPARATOR}De stad"
    assert language.pair("Mechelen") == [("de", "Mechelen")]  # the same in both: shown once
    assert language.ui_pair("Next chapter") == [("de", "Nächstes Kapitel"), ("nl", "Volgend hoofdstuk")]
    language.set_side_by_side(False)
    assert language.display("Die Stadt") == "Die Stadt"


def test_languages_come_from_the_folders(language, catalogs):
    assert language.available() == ["de", "nl"]
    write_catalog(catalogs, "fr", "zusammenleben", {"Next chapter": "Chapitre suivant"})
    compile_catalogs(catalogs)
    assert language.available() == ["de", "fr", "nl"]
    language.set_language("fr")  # no code change needed for a third language
    assert language.ui("Next chapter") == "Chapitre suivant"
    assert language.content("Die Stadt") == "Die Stadt"  # no content catalog yet: the German source
