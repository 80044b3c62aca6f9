"""A view context for paper: one fixed language, font scale 1, the light theme.

The handout may be in Dutch while the app shows German (or in both while the app shows
one), and it is printed on white paper even when the projector runs the high-contrast
theme. The views (the indicator plot) only read ``context.language``, ``context.state`` and
``context.settings``, so giving them this context prints them in the wanted language
without switching the app's language (which would retranslate every window): the language
is the app's ``Language`` in its fixed form (``Language.fixed``), the state a fresh one
(font scale 1, no high contrast).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject

from zusammenleben.core.context import UiContext
from zusammenleben.core.state import AppState


@dataclass(frozen=True)
class PaperSettings:
    """The settings a view may read, as paper wants them."""

    reduced_motion: bool = True


def paper_context(context, code: str, parent: QObject | None = None) -> UiContext:
    """A context with the app's pack and catalogs, fixed to ``code``, at font scale 1, light theme."""
    language = context.language.fixed(code, parent)
    state = AppState(context.pack, parent=parent)
    return UiContext(pack=context.pack, state=state, language=language, settings=PaperSettings())  # type: ignore[arg-type]
