"""A view context for paper: one fixed language, font scale 1, the light theme.

The handout may be in Dutch while the app shows German (or in both while the app shows
one), and it is printed on white paper even when the projector runs the high-contrast
theme. The views (the indicator plot) only read ``context.language``, ``context.state`` and
``context.settings``, so giving them this context prints them in the wanted language
without switching the app's language (which would retranslate every window).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from zusammenleben.i18n.catalogs import UI_DOMAIN, load_translations
from zusammenleben.i18n.formatting import locale_name
from zusammenleben.ui.context import UiContext
from zusammenleben.ui.state import AppState


class FixedLanguage(QObject):
    """The ``Language`` interface for one language that never changes (texts from the app's catalogs)."""

    languageChanged = Signal(str)  # never emitted; views bind to it like to the app's language

    def __init__(self, base, code: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base = base
        self._code = code

    @property
    def code(self) -> str:
        return self._code

    @property
    def side_by_side(self) -> bool:
        return False

    @property
    def pair_codes(self) -> tuple[str, str]:
        return self.base.pair_codes

    @property
    def locale_name(self) -> str:
        return locale_name(self._code)

    def ui(self, msgid: str) -> str:
        return self.base.ui_in(msgid, self._code)

    def ui_in(self, msgid: str, code: str) -> str:
        return self.base.ui_in(msgid, code)

    def uin(self, singular: str, plural: str, n: int) -> str:
        return load_translations(UI_DOMAIN, self._code, getattr(self.base, "_directory", None)).ngettext(
            singular, plural, n)

    def content(self, text: str) -> str:
        return self.base.content_in(text, self._code)

    def content_in(self, text: str, code: str) -> str:
        return self.base.content_in(text, code)

    def content_paragraphs(self, paragraphs) -> list[str]:
        return [self.content(paragraph) for paragraph in paragraphs]

    def pair(self, text: str) -> list[tuple[str, str]]:
        return [(self._code, self.content(text))]

    def ui_pair(self, msgid: str) -> list[tuple[str, str]]:
        return [(self._code, self.ui(msgid))]

    def display(self, text: str) -> str:
        return self.content(text)


@dataclass(frozen=True)
class PaperSettings:
    """The settings a view may read, as paper wants them."""

    high_contrast: bool = False
    reduced_motion: bool = True


def paper_context(context, code: str, parent: QObject | None = None) -> UiContext:
    """A context with the app's pack and catalogs, fixed to ``code``, at font scale 1, light theme."""
    language = FixedLanguage(context.language, code, parent)
    state = AppState(context.pack, parent=parent)
    return UiContext(pack=context.pack, state=state, language=language, settings=PaperSettings())  # type: ignore[arg-type]
