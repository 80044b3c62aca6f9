"""The one retranslate mechanism: a widget's ``retranslate()`` runs now and on every language change.

Every view that shows words calls ``bind(self, language)`` at the end of its ``__init__`` and
keeps all its texts in ``retranslate()``. There is no second path (no ``changeEvent``
overrides for our own texts, no ``_`` in builtins), so a switch is one pass over the bound
widgets, in the order they were built (parents before children).
"""

from __future__ import annotations

import contextlib
import weakref
from typing import Protocol

from PySide6.QtWidgets import QWidget

from zusammenleben.i18n.language import Language


class Retranslatable(Protocol):
    def retranslate(self) -> None: ...


def bind(widget: QWidget, language: Language) -> None:
    """Call ``widget.retranslate()`` once now and whenever ``language.languageChanged`` fires.

    The connection holds only a weak reference and is removed when the widget is destroyed,
    so a closed dialog is neither kept alive nor called after Qt deleted its C++ side.
    """
    if not callable(getattr(widget, "retranslate", None)):
        raise TypeError(f"{type(widget).__name__} has no retranslate() method")
    reference = weakref.ref(widget)

    def on_language_changed(_code: str) -> None:
        target = reference()
        if target is not None:
            target.retranslate()

    connection = language.languageChanged.connect(on_language_changed)
    pending = [connection]

    def disconnect(*_args: object) -> None:
        if not pending:  # destroyed() and the finalizer both land here; disconnect once
            return
        pending.clear()
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with the language object
            language.languageChanged.disconnect(connection)

    widget.destroyed.connect(disconnect)
    weakref.finalize(widget, disconnect)
    widget.retranslate()


def bound_count(language: Language) -> int:
    """How many receivers listen to ``languageChanged`` (tests check that destroyed widgets let go)."""
    return language.receivers("2languageChanged(QString)")
