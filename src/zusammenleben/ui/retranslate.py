"""The one retranslate mechanism: a widget's ``retranslate()`` runs now and on every language change.

Every view that shows words calls ``bind(self, language)`` at the end of its ``__init__`` and
keeps all its texts in ``retranslate()``. There is no second path (no ``changeEvent``
overrides for our own texts, no ``_`` in builtins), so a switch is one pass over the bound
widgets, in the order they were built (parents before children).

Off-screen widgets catch up when shown: a bound widget that a hidden ancestor keeps off screen
(a page a QStackedWidget does not show: another screen, a hidden tab; a figure card kept hidden)
in a window that is on screen retranslates when that ancestor is shown, before it is painted, in
the same order. A switch then costs what the user sees, not
every screen (benchmarks/language_switch.py: the goal is ≤ 50 ms; rebuilding the hidden
plots and the partnership map alone took longer).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from zusammenleben.i18n.language import Language


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
        if target is None:
            return
        page = hidden_page(target)
        if page is None:
            target.retranslate()
        else:
            _CATCH_UP.defer(page, reference)

    if language not in _SETTLED:
        _SETTLED.add(language)
        language.languageApplied.connect(settle_layouts)
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


_SETTLED: weakref.WeakSet[Language] = weakref.WeakSet()
_DEFERRED: dict[int, Callable[[], None]] | None = None  # while settle_layouts lays out: the last call per key


def defer_while_settling(key: object, callback: Callable[[], None]) -> bool:
    """Inside ``settle_layouts``: keep ``callback`` (the last one per ``key``) for its end and return True.

    A plot view is resized several times while the cards around it settle; each resize made
    pyqtgraph recompute its ranges and every item's transform. Outside a settle: False (do it now).
    """
    if _DEFERRED is None:
        return False
    _DEFERRED[id(key)] = callback
    return True


def settle_layouts(*_args: object) -> None:
    """Lay out every changed widget now, so the window paints once, in its final geometry.

    Left to the event loop, the layout requests, the repaint requests and the plots' deferred
    view updates interleave: after a language switch with four plots in front, the window was
    painted five times while its cards settled (benchmarks/language_switch.py).
    """
    # each pass delivers the requests queued before it; a layout that changes a size posts its parent's
    # request for the next pass (the indicators screen settles in ~5; an empty pass costs nothing)
    global _DEFERRED
    _DEFERRED = {}
    try:
        for _ in range(8):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    finally:
        deferred, _DEFERRED = _DEFERRED, None
    for callback in deferred.values():
        callback()
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            for view in window.findChildren(QAbstractItemView):
                # a list or table lays its items out from a 0 ms timer, that is inside the first paint,
                # which then paints it once more; a view with nothing pending returns at once
                if view.isVisible():
                    view.executeDelayedItemsLayout()


def bound_count(language: Language) -> int:
    """How many receivers listen to ``languageChanged`` (tests check that destroyed widgets let go)."""
    return language.receivers("2languageChanged(QString)")


def hidden_page(widget: QWidget) -> QWidget | None:
    """The widget or ancestor that keeps ``widget`` off screen in a shown window (a hidden page of a
    QStackedWidget, a figure card kept hidden, a closed panel), else None: retranslate now."""
    if widget.isVisible() or not widget.window().isVisible():  # on screen, or nothing on screen yet
        return None
    child: QWidget | None = widget
    while child is not None and not child.isWindow():
        if child.isHidden():  # a stacked widget hides the pages it does not show
            return child
        child = child.parentWidget()
    return None


class _CatchUp(QObject):
    """Holds the retranslations of off-screen pages and runs them when a page's Show event comes."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: dict[int, tuple[weakref.ref, dict[int, weakref.ref]]] = {}

    def defer(self, page: QWidget, target: weakref.ref) -> None:
        key = id(page)
        entry = self.pending.get(key)
        if entry is None or entry[0]() is not page:  # new, or an id left by a destroyed page
            for stale in [k for k, (ref, _targets) in self.pending.items() if ref() is None]:
                del self.pending[stale]  # pages destroyed while waiting (rebuilt figure cards)
            self.pending[key] = (weakref.ref(page), {})
            page.installEventFilter(self)
        self.pending[key][1].setdefault(id(target), target)  # once per widget, in bind order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            entry = self.pending.pop(id(watched), None)
            if entry is not None and entry[0]() is watched:
                watched.removeEventFilter(self)
                for reference in entry[1].values():
                    target = reference()
                    if target is None:
                        continue
                    page = hidden_page(target)  # a tab inside this page may still be hidden
                    if page is None:
                        target.retranslate()
                    else:
                        self.defer(page, reference)
        return False


_CATCH_UP = _CatchUp()
