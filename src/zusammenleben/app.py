"""The composition root: builds the QApplication, the state, the views and wires them.

Nothing else constructs long-lived objects. Tests call ``build_parts`` to get the same
window the user gets, offscreen.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zusammenleben.core.context import UiContext
    from zusammenleben.modes.classroom.controller import Classroom
    from zusammenleben.modes.kiosk.controller import KioskController
    from zusammenleben.ui.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class AppParts:
    """Everything the composition root built, for the event loop, the self-test and tests.

    The mode controllers live here, not on the window: the window is a host the modes attach
    to through its API, and nobody reads a controller back from it.
    """

    window: MainWindow
    context: UiContext
    log_path: Path | None
    content_errors: list = field(default_factory=list)
    missing_screens: list[str] = field(default_factory=list)
    classroom: Classroom | None = None  # outside kiosk mode
    kiosk: KioskController | None = None  # in kiosk mode
    live: object | None = None  # the live reload and drop target (zusammenleben.ui.live), not in kiosk mode


def _ensure_platform(self_test: bool) -> None:
    """The self-test runs offscreen, whatever display there is."""
    if self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


#: Qt's pixmap cache (style primitives drawn once and kept, keyed by size and state) in KB. Qt's
#: default of 10 MB fills slowly over a day of random use and stays full: on a kiosk it was most of
#: the memory growth after the warm-up (benchmarks/RESULTS.md, "Issue 19, fourth session — memory").
#: The app's working set of cached pixmaps is far smaller, and drawing one again is cheap.
PIXMAP_CACHE_KB = 2048


def create_qapplication(argv: list[str] | None = None):
    from PySide6.QtGui import QPixmapCache
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
    app.setApplicationName("zusammenleben")
    app.setOrganizationName("zusammenleben")
    app.setApplicationDisplayName("Zusammenleben")
    return app


def load_content(content_path: str | None) -> tuple[object, list]:
    """The pack to show and the problems of a user-given pack (shown, then the built-in pack is used)."""
    loaded, problems = load_content_with_catalogs(content_path)
    return loaded.pack, problems


def load_content_with_catalogs(content_path: str | None):
    """``(LoadedPack, problems)``: a given pack (folder or .zlpack) with its own catalogs, else the built-in one."""
    from zusammenleben.authoring.loading import LoadedPack, load_for_app
    from zusammenleben.content.pack_cache import load_pack_cached
    from zusammenleben.paths import builtin_pack_dir

    problems: list = []
    if content_path:  # an author's pack is read afresh every time (--watch, drag-and-drop: it changes)
        loaded = load_for_app(Path(content_path))
        if loaded.ok:
            return loaded, []
        problems = list(loaded.errors)
        log.warning("content pack %s has %d problems; using the built-in pack", content_path, len(problems))
    builtin = load_pack_cached(builtin_pack_dir(), pack_cache_dir())
    if builtin.pack is None or builtin.errors:
        for error in builtin.errors:
            log.error("built-in pack: %s", error.format())
        if builtin.pack is None:
            raise RuntimeError("the built-in content pack cannot be loaded; see the log")
    return LoadedPack(builtin.pack), problems


def pack_cache_dir() -> Path | None:
    """The platform's cache folder for this app (QStandardPaths; tests get Qt's test folder), or None."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base) if base else None


def build_parts(
    options: argparse.Namespace,
    *,
    settings_path: Path | None = None,
    log_folder: Path | None = None,
    show_dialogs: bool = True,
    preloaded=None,
    reuse=None,
) -> AppParts:
    """Build settings, logging, language, pack, state, screens and the main window; show nothing yet.

    The live reload (``ui.live``) builds a fresh window for a reloaded pack: it passes the pack it
    loaded (``preloaded``, a ``LoadedPack``) and the old ``AppParts`` (``reuse``: language, settings and
    log file carry over); a new window is cheaper to get right than patching every screen's insides.
    """
    from zusammenleben.core import theme
    from zusammenleben.core.context import UiContext
    from zusammenleben.core.mode import Mode
    from zusammenleben.core.state import AppState
    from zusammenleben.i18n.language import Language
    from zusammenleben.legal import load_legal_texts
    from zusammenleben.logging_setup import install_excepthook, log_dir_from_qt, setup_logging
    from zusammenleben.settings import Settings
    from zusammenleben.ui.main_window import MainWindow
    from zusammenleben.ui.screen_registry import SCREENS, TIME_BAR

    app = create_qapplication()
    log_path = setup_logging(log_folder or log_dir_from_qt()) if reuse is None else reuse.log_path
    if reuse is not None:
        settings = reuse.context.settings
    else:
        settings = Settings(Path(options.settings) if getattr(options, "settings", None) else settings_path)
    mode = Mode.KIOSK if (options.kiosk or getattr(options, "kiosk_config", None)) else (
        Mode.CLASSROOM if options.classroom else Mode.WINDOW
    )
    kiosk_config = None
    if mode is Mode.KIOSK:
        from zusammenleben.modes.kiosk.config import resolve_kiosk_config

        kiosk_config = resolve_kiosk_config(options)  # read first: its language and type size shape the build

    if reuse is not None:
        language = reuse.context.language
    else:
        language = Language(parent=app)
        language.set_language(kiosk_config.language if kiosk_config else options.lang or settings.language)
        if settings.side_by_side and mode is not Mode.KIOSK:
            language.set_side_by_side(True)

    watching = bool(getattr(options, "watch", False)) and mode is not Mode.KIOSK
    if getattr(options, "watch", False) and mode is Mode.KIOSK and reuse is None:
        log.warning("--watch is ignored in kiosk mode: visitors must not see a pack change under them")
    if preloaded is not None:
        loaded, content_errors = preloaded, []
    else:
        loaded, content_errors = load_content_with_catalogs(getattr(options, "content", None))
    pack = loaded.pack
    language.set_pack_catalogs(loaded.catalogs)
    state = AppState(pack, mode, parent=app)
    scale = settings.font_scale
    if mode is Mode.CLASSROOM:
        scale = max(scale, 1.5)
    if kiosk_config is not None:
        scale = kiosk_config.font_scale
    state.set_font_scale(scale)
    state.set_high_contrast(settings.high_contrast)
    if mode is not Mode.KIOSK:  # the kiosk shows its label first and opens the text kiosk.toml names
        state.set_level(settings.reading_level)
    if settings.last_chapter and mode is not Mode.KIOSK:  # before the views: the story is built at it, once
        state.set_chapter_by_id(settings.last_chapter)
    context = UiContext(pack=pack, state=state, language=language, settings=settings, legal=load_legal_texts(),
                        map_outlines=cache(partial(_pack_outlines, pack)))
    if mode.allows_export:  # the screens ask for exports through this callback; they never import export/
        from zusammenleben.export.screen_exports import ScreenExports

        context.exports = ScreenExports(context)

    def apply_theme() -> None:
        sheet = theme.stylesheet(state.theme, state.font_scale)
        if app.styleSheet() != sheet:  # restyling every widget is costly (a third of a live reload): only on change
            app.setStyleSheet(sheet)

    def remember_theme() -> None:
        if mode is not Mode.KIOSK:
            settings.high_contrast = state.high_contrast

    apply_theme()
    state.fontScaleChanged.connect(lambda _scale: apply_theme())
    state.themeChanged.connect(lambda _theme: (apply_theme(), remember_theme()))

    window = MainWindow(context)
    if mode is not Mode.KIOSK:
        from zusammenleben.ui.level_switch import LevelSwitch

        level_switch = LevelSwitch(context)
        window.add_header_action(level_switch)
        state.levelChanged.connect(lambda level: setattr(settings, "reading_level", level))
    missing: list[str] = []
    for entry in SCREENS:  # the one in front is built now, the others after the first paint or when opened
        window.add_screen_factory(entry.key, partial(_build_screen, entry.module, entry.class_name, context, missing),
                                  [getattr(state, name) for name in entry.requests])
    time_bar_class = _import(*TIME_BAR, missing)
    if time_bar_class is not None:
        window.set_footer(time_bar_class(context))


    def remember() -> None:
        if mode is Mode.KIOSK:
            return
        settings.language = language.code
        settings.side_by_side = language.side_by_side
        settings.font_scale = state.font_scale
        settings.reading_level = state.level
        if state.chapter is not None:
            settings.last_chapter = state.chapter.id
        settings.geometry = window.saveGeometry()
        settings.sync()

    kiosk = None
    if kiosk_config is not None:
        from zusammenleben.modes.kiosk.controller import install_kiosk

        kiosk = install_kiosk(window, context, kiosk_config, content_errors)
    from zusammenleben.modes.classroom import install_classroom

    classroom = install_classroom(window, context)  # before `remember`: it hands back the window's type size
    if classroom is not None and mode is not Mode.KIOSK:
        # the presenter header has no room for it at 200 %: there the classroom menu offers the level
        def fit_level_switch(presenting: bool) -> None:
            level_switch.setVisible(not presenting)
            # lower the window's minimum width now, not at the next layout pass: a resize right after
            # entering the presenter layout (a 1024-pixel projector) must not be held by the old minimum
            for widget in (window.header, window.centralWidget(), window):
                widget.layout().activate()

        classroom.presenter.activeChanged.connect(fit_level_switch)
        level_switch.setVisible(not classroom.presenter.active)
    window.closing.connect(remember)

    def report(summary: str) -> None:
        from zusammenleben.ui.dialogs import show_error

        show_error(window, language, summary, log_path)

    install_excepthook(None if mode is Mode.KIOSK or not show_dialogs else report)
    if content_errors and show_dialogs and mode is not Mode.KIOSK and not watching:  # kiosk: in the admin panel
        from zusammenleben.ui.dialogs import show_content_errors

        show_content_errors(window, language, content_errors)
    parts = AppParts(window, context, log_path, content_errors, missing, classroom=classroom, kiosk=kiosk)
    if reuse is None and mode is not Mode.KIOSK:  # a reload keeps the controller it came from
        from zusammenleben.ui.live.controller import LiveReload

        parts.live = LiveReload(parts, options, partial(build_parts, settings_path=settings_path,
                                                        log_folder=log_folder, show_dialogs=show_dialogs),
                                watch=watching, parent=app)
    return parts


def _pack_outlines(pack) -> tuple:
    """The map's outlines, read when the partnership map is first shown (the GeoJSON reader is imported then)."""
    from zusammenleben.content.geojson import pack_outlines

    return pack_outlines(pack)


def _build_screen(module_name: str, class_name: str, context: UiContext, missing: list[str], parent):
    """One screen of the registry, imported and built when the window first needs it (None if it cannot load)."""
    screen_class = _import(module_name, class_name, missing)
    return screen_class(context, parent) if screen_class is not None else None


def _import(module_name: str, class_name: str, missing: list[str]):
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as error:
        log.error("screen %s.%s cannot be loaded: %s", module_name, class_name, error)
        missing.append(f"{module_name}.{class_name}")
        return None


def show_window(parts: AppParts, screen_index: int | None) -> None:
    """Place the window on the chosen screen, fullscreen in kiosk mode, remembered geometry otherwise."""
    from PySide6.QtGui import QGuiApplication

    from zusammenleben.core.mode import Mode

    window = parts.window
    context = parts.context
    screens = QGuiApplication.screens()
    target = screens[screen_index] if screen_index is not None and 0 <= screen_index < len(screens) else None
    if screen_index is not None and target is None:
        log.warning("screen %s does not exist (%d screens); using the primary screen", screen_index, len(screens))
    if target is not None:
        window.setScreen(target)
        window.move(target.availableGeometry().topLeft())
    if context.mode is Mode.KIOSK:
        window.showFullScreen()
        return
    geometry = context.settings.geometry
    if geometry is not None and target is None:
        window.restoreGeometry(geometry)
    else:
        available = (target or QGuiApplication.primaryScreen()).availableGeometry()
        window.resize(min(1600, available.width()), min(960, available.height()))
    if context.mode is Mode.CLASSROOM:
        window.showMaximized()
    else:
        window.show()


def release_collector_after_first_paint(window: MainWindow) -> None:
    """``cli.main`` held the cycle collector back (``startup_gc``); it runs again after the first frame.

    Released with the idle work that follows the first frame (the screens built after it wait as long):
    the first young-generation pass then sweeps everything the start allocated, a few ms nobody waits for.
    """
    from PySide6.QtCore import QTimer

    from zusammenleben import startup_gc
    from zusammenleben.ui.main_window import IDLE_BUILD_DELAY_MS

    window.firstPainted.connect(lambda: QTimer.singleShot(IDLE_BUILD_DELAY_MS, startup_gc.release))


def run(options: argparse.Namespace) -> int:
    """Start the app (or the self-test) and return the exit code."""
    from zusammenleben import startup_gc

    _ensure_platform(options.self_test)
    app = create_qapplication()
    try:
        parts = build_parts(options, show_dialogs=not options.self_test)
    except Exception as error:  # the built-in pack itself is broken: nothing sensible to show
        startup_gc.release()
        logging.getLogger(__name__).exception("start-up failed")
        print(f"zusammenleben: start-up failed: {error}", file=sys.stderr)
        return 1
    if options.self_test:
        from zusammenleben.selftest import run_self_test

        startup_gc.release()
        return run_self_test(parts)
    release_collector_after_first_paint(parts.window)
    kiosk = parts.kiosk
    if parts.classroom is not None:  # `--screen N` names the projector when the console opens
        parts.classroom.two_screens.placement.requested = options.screen
    show_window(parts, options.screen if options.screen is not None or kiosk is None else kiosk.config.screen)
    return app.exec()
