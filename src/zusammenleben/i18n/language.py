"""The current language, switched live: one QObject every view asks for its texts.

Views never call gettext themselves and nothing goes into builtins. They hold the
``Language`` they were given, read texts through ``ui`` (UI strings, English msgids) and
``content`` (pack texts, German msgids), and re-read them in ``retranslate()`` when
``languageChanged`` fires (``zusammenleben.ui.retranslate.bind`` wires that).

A switch also moves Qt's own texts (dialog buttons, context menus) by installing Qt's
``qtbase_<lang>`` translator, sets ``QLocale``'s default, and sends ``LanguageChange`` to
every top-level widget itself: replacing a translator by an empty one posts nothing, and the
events Qt posts on its own arrive later and more than once, so they are dropped and one
synchronous event per window is sent instead.
"""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication

from zusammenleben.i18n.catalogs import (
    CONTENT_DOMAIN,
    SOURCE_LANGUAGE,
    UI_DOMAIN,
    available_languages,
    load_translations,
)
from zusammenleben.i18n.formatting import locale_name

log = logging.getLogger(__name__)

SIDE_BY_SIDE_SEPARATOR = "\n—\n"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_*.qm`` live: Qt's configured path, then PySide6's package folder."""
    places = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        places.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is imported above
        pass
    return places


class Language(QObject):
    """The app's language (``de``/``nl``/…), its side-by-side mode and the translation calls."""

    languageChanged = Signal(str)
    # after every receiver of languageChanged has its new texts: the windows lay out once, then paint
    languageApplied = Signal(str)

    def __init__(
        self,
        code: str = SOURCE_LANGUAGE,
        parent: QObject | None = None,
        *,
        translations: Path | None = None,
        pair_codes: tuple[str, str] = ("de", "nl"),
        fixed: bool = False,
    ) -> None:
        super().__init__(parent)
        self._directory = translations
        self._code = ""
        self._side_by_side = False
        self._pair_codes = pair_codes
        self._fixed = fixed
        self._qt_translator: QTranslator | None = None
        self._qt_translators: dict[str, QTranslator | None] = {}
        self._catalogs: dict[tuple[str, str], gettext.NullTranslations] = {}
        self._pack_catalogs: dict[str, gettext.NullTranslations] | None = None
        self._apply(code)

    def fixed(self, code: str, parent: QObject | None = None) -> Language:
        """This language's catalogs, fixed to ``code``: for paper (a handout in Dutch while the app shows German).

        The fixed form never switches, never shows two languages, and leaves Qt's translator and the
        default locale alone, so printing in another language retranslates no window. It shares the
        loaded catalogs with this one.
        """
        copy = Language(code, parent, translations=self._directory, pair_codes=self._pair_codes, fixed=True)
        copy._catalogs = self._catalogs
        return copy

    # -- state -------------------------------------------------------------------------------------
    @property
    def code(self) -> str:
        return self._code

    @property
    def side_by_side(self) -> bool:
        return self._side_by_side

    @property
    def is_fixed(self) -> bool:
        """True for the fixed form (``fixed``): ``set_language`` and ``set_side_by_side`` do nothing."""
        return self._fixed

    @property
    def locale_name(self) -> str:
        """``de_DE`` / ``nl_BE`` (Babel and QLocale name)."""
        return locale_name(self._code)

    @property
    def pair_codes(self) -> tuple[str, str]:
        """The two languages side-by-side mode shows, in reading order."""
        return self._pair_codes

    def available(self) -> list[str]:
        """Languages with catalogs (a new folder of .po files appears here without code changes)."""
        found = available_languages(self._directory)
        return found or [SOURCE_LANGUAGE]

    def set_language(self, code: str) -> None:
        """Switch every text, Qt's own texts and the locale; emits ``languageChanged`` if it changed."""
        if code == self._code or self._fixed:
            return
        self._apply(code)
        self._notify()

    def set_side_by_side(self, flag: bool) -> None:
        """Show both languages of ``pair_codes``; emits ``languageChanged`` so views re-lay themselves out."""
        flag = bool(flag)
        if flag == self._side_by_side or self._fixed:
            return
        self._side_by_side = flag
        self._notify()

    # -- UI strings (domain "zusammenleben", English msgids) -----------------------------------------
    def ui(self, msgid: str) -> str:
        return self._catalog(UI_DOMAIN, self._code).gettext(msgid)

    def uin(self, singular: str, plural: str, n: int) -> str:
        return self._catalog(UI_DOMAIN, self._code).ngettext(singular, plural, n)

    def ui_in(self, msgid: str, code: str) -> str:
        """A UI string in a given language (side-by-side labels, a handout in the other language)."""
        return self._catalog(UI_DOMAIN, code).gettext(msgid)

    def ui_pair(self, msgid: str) -> list[tuple[str, str]]:
        """Like ``pair`` for a UI string."""
        return self._pairs(lambda code: self.ui_in(msgid, code), self.ui(msgid))

    # -- content strings (domain "content", German msgids) --------------------------------------------
    def content(self, text: str) -> str:
        """The pack text in the current language; the German source itself when untranslated."""
        return self.content_in(text, self._code)

    def content_in(self, text: str, code: str) -> str:
        if not text:
            return text
        return self._catalog(CONTENT_DOMAIN, code).gettext(text)

    def content_paragraphs(self, paragraphs: list[str] | tuple[str, ...]) -> list[str]:
        """Markdown bodies are translated paragraph by paragraph (each is one catalog entry)."""
        return [self.content(paragraph) for paragraph in paragraphs]

    def pair(self, text: str) -> list[tuple[str, str]]:
        """``[(code, text)]`` to lay out: one entry normally, the two ``pair_codes`` side by side."""
        return self._pairs(lambda code: self.content_in(text, code), self.content(text))

    def display(self, text: str) -> str:
        """One string for simple labels: the translation, or ``German\\n—\\nDutch`` side by side."""
        texts = [translated for _code, translated in self.pair(text)]
        return SIDE_BY_SIDE_SEPARATOR.join(texts)

    def set_pack_catalogs(self, catalogs: dict[str, gettext.NullTranslations] | None) -> None:
        """Content texts from the pack's own catalogs (``i18n.pack_catalog``), or None for the project's.

        A pack that carries catalogs is translated only by them: a language it lacks shows the source text.
        The caller redraws (a reload rebuilds the screens anyway).
        """
        self._pack_catalogs = catalogs
        for key in [key for key in self._catalogs if key[0] == CONTENT_DOMAIN]:
            del self._catalogs[key]

    # -- internals -----------------------------------------------------------------------------------
    def _pairs(self, translate, single: str) -> list[tuple[str, str]]:
        if not self._side_by_side:
            return [(self._code, single)]
        pairs = [(code, translate(code)) for code in self._pair_codes]
        if pairs[0][1] == pairs[1][1]:  # names and numbers: show once
            return pairs[:1]
        return pairs

    def _catalog(self, domain: str, code: str) -> gettext.NullTranslations:
        key = (domain, code)
        catalog = self._catalogs.get(key)
        if catalog is None:
            if domain == CONTENT_DOMAIN and self._pack_catalogs is not None:
                catalog = self._pack_catalogs.get(code) or gettext.NullTranslations()
            else:
                catalog = load_translations(domain, code, self._directory)
            self._catalogs[key] = catalog
        return catalog

    def _apply(self, code: str) -> None:
        locale_name(code)  # raises ValueError for a code Babel does not know
        self._code = code
        if self._fixed:
            return
        QLocale.setDefault(QLocale(self.locale_name))
        self._install_qt_translator(code)

    def _install_qt_translator(self, code: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt_translator is not None:
            QCoreApplication.removeTranslator(self._qt_translator)
            self._qt_translator = None
        # each language's file is loaded once and kept: a new QTranslator per switch was never freed
        # (~125 KB a switch; benchmarks/soak.py found it)
        if code not in self._qt_translators:
            self._qt_translators[code] = self._load_qt_translator(code)
        translator = self._qt_translators[code]
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._qt_translator = translator

    def _load_qt_translator(self, code: str) -> QTranslator | None:
        translator = QTranslator(self)
        for folder in qt_translations_dirs():
            if translator.load(f"qtbase_{code}", str(folder)):
                return translator
        translator.deleteLater()
        if code != "en":
            log.warning("Qt's own translation qtbase_%s.qm was not found; Qt's buttons stay in English", code)
        return None

    def _notify(self) -> None:
        """One synchronous LanguageChange and LocaleChange per top-level widget, then the signal."""
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            windows = QApplication.topLevelWidgets()
            for event_type in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
                for window in windows:
                    QCoreApplication.removePostedEvents(window, event_type)
                    QCoreApplication.sendEvent(window, QEvent(event_type))
            for window in QApplication.topLevelWindows():
                QCoreApplication.removePostedEvents(window, QEvent.Type.LanguageChange)
        self.languageChanged.emit(self._code)
        self.languageApplied.emit(self._code)
