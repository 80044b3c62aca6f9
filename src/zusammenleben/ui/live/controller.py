"""``LiveReload``: reload the pack into the running app on every save, on a drop, or when asked.

A reload loads the pack (``authoring.loading.load_for_app``, the same checks as ``validate``). A pack
with problems never replaces the one on screen: the problem panel lists them until a good version
arrives. A good pack gets a fresh window from the composition root (``rebuild``: ``build_parts`` with
the loaded pack and the old window's language and settings), the reader's place is carried over
(``view_state``) and the old window is closed. ``parts`` — the ``AppParts`` the app and tests hold —
is updated in place, so ``parts.window`` is always the window on screen.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from zusammenleben.authoring.loading import LoadedPack, load_for_app
from zusammenleben.ui.live.drop import DropTarget
from zusammenleben.ui.live.problem_panel import ProblemPanel

if TYPE_CHECKING:  # the watcher and the view state are imported when they are used (start-up, issue 19)
    from zusammenleben.ui.live.watcher import PackWatcher

log = logging.getLogger(__name__)


class LiveReload(QObject):
    """Owns the watcher, the problem panel and the drop target across the windows it builds."""

    reloaded = Signal()  # a good pack is on screen in a new window
    problemsShown = Signal(int)  # a load failed; the panel lists this many problems

    def __init__(self, parts, options, rebuild: Callable, watch: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.options = options
        self._rebuild = rebuild
        self.watch = watch
        content = getattr(options, "content", None)
        self.path: Path | None = Path(content) if content else None
        self.last_reload_seconds = 0.0
        self.drop_target = DropTarget(self.open_path, self)
        self._panel: ProblemPanel | None = None  # docked when first needed: a hidden dock is polished at start
        self.watcher: PackWatcher | None = None
        self._swapping = False
        self._attach(parts.window)
        self._start_watching()
        if watch and parts.content_errors:
            self.show_problems(parts.content_errors)

    # -- watching ------------------------------------------------------------------------------------
    def _start_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None
        if self.watch and self.path is not None and self.path.is_dir():
            from zusammenleben.ui.live.watcher import PackWatcher

            self.watcher = PackWatcher(self.path, self)
            self.watcher.changed.connect(self.reload)

    # -- loading -------------------------------------------------------------------------------------
    def reload(self) -> bool:
        """Load the pack again; True if the window now shows it."""
        if self.path is None:
            return False
        return self.apply(load_for_app(self.path))

    def open_path(self, path: Path) -> bool:
        """A dropped pack: shown if it has no problems, else its problems are listed and nothing changes."""
        loaded = load_for_app(path)
        if not loaded.ok:
            self.show_problems(loaded.errors)
            return False
        self.path = Path(path)
        self._start_watching()
        return self.apply(loaded)

    def apply(self, loaded: LoadedPack) -> bool:
        if not loaded.ok:
            self.show_problems(loaded.errors)
            return False
        started = time.perf_counter()
        self._swap(loaded)
        self.last_reload_seconds = time.perf_counter() - started
        if self._panel is not None:
            self._panel.hide()
        log.info("content pack reloaded in %.0f ms", self.last_reload_seconds * 1000)
        self.reloaded.emit()
        return True

    def show_problems(self, errors: list) -> None:
        self.panel.show_problems(errors)
        self.problemsShown.emit(len(errors))

    # -- the window ----------------------------------------------------------------------------------
    @property
    def panel(self) -> ProblemPanel:
        """The problem list, docked under the window on screen (built when first needed)."""
        if self._panel is None:
            self._panel = ProblemPanel(self.parts.context.language)
            self._panel.hide()
            self._dock(self.parts.window)
        return self._panel

    def _attach(self, window) -> None:
        window.closing.connect(self._on_window_closing)
        window.setAcceptDrops(True)
        window.installEventFilter(self.drop_target)
        if self._panel is not None:
            self._dock(window)

    def _dock(self, window) -> None:
        hidden = self._panel.isHidden()
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self._panel)
        if hidden:
            self._panel.hide()

    def _swap(self, loaded: LoadedPack) -> None:
        from zusammenleben.ui.live.view_state import capture, restore_place, restore_scrolls

        old = self.parts
        old_window, old_state = old.window, old.context.state
        view = capture(old_window, old_state)
        was_shown = old_window.isVisible()
        panel_shown = self._panel is not None and not self._panel.isHidden()
        self._swapping = True
        try:
            new = self._rebuild(self.options, preloaded=loaded, reuse=old)
        finally:
            self._swapping = False
        restore_place(new.context.state, view)
        new.window.setGeometry(old_window.geometry())  # the same place and size (maximised: shown so below)
        old_window.removeEventFilter(self.drop_target)
        self._attach(new.window)
        if self._panel is not None:
            self._panel.setVisible(panel_shown)
        if was_shown:
            # the author is typing in her editor: the new window must not take the keyboard from it
            quiet = not old_window.isActiveWindow()
            new.window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, quiet)
            if view.full_screen:
                new.window.showFullScreen()
            elif view.maximized:
                new.window.showMaximized()
            else:
                new.window.show()
            new.window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)
        restore_scrolls(new.window, view)
        for item in dataclasses.fields(new):
            if item.name != "live":
                setattr(self.parts, item.name, getattr(new, item.name))
        self._swapping = True
        try:
            old_window.close()
        finally:
            self._swapping = False
        old_window.deleteLater()
        old_state.deleteLater()

    def _on_window_closing(self) -> None:
        """The user closed the window (not a reload replacing it): stop watching, go with it."""
        if self._swapping:
            return
        if self.watcher is not None:
            self.watcher.stop()
        self.deleteLater()
