"""``--self-test``: open every screen once, in both languages, and report what failed.

Used by CI and by the packaged build's smoke test, so it checks what a missing file or
import would break: the pack, the catalogs, every screen painting without an exception.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def run_self_test(parts, out=sys.stdout) -> int:
    problems: list[str] = []
    qt_warnings: list[str] = []

    def on_message(kind: QtMsgType, _context, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            qt_warnings.append(message)

    previous = qInstallMessageHandler(on_message)
    errors: list[str] = []
    old_hook = sys.excepthook

    def hook(kind, value, tb):
        errors.append(f"{kind.__name__}: {value}")
        old_hook(kind, value, tb)

    sys.excepthook = hook
    try:
        window = parts.window
        context = parts.context
        # in the language the user reads (the UI catalog translates the content layer's msgids)
        problems += [f"content: {error.format(context.language.ui)}" for error in parts.content_errors]
        window.resize(1280, 720)
        window.show()
        QApplication.processEvents()
        for code in ("de", "nl"):
            context.language.set_language(code)
            if code != "de" and context.language.ui("Next") == "Next" and context.language.ui("German") == "German":
                problems.append(f"no UI translation loaded for {code}")
            for key in list(window.screens):
                context.state.set_screen(key)
                QApplication.processEvents()
                image = window.grab().toImage()
                if image.isNull() or image.width() < 100:
                    problems.append(f"screen {key} ({code}) did not paint")
        window.build_all_screens()  # a screen that failed to build has no button: missing_screens names it
        problems += [f"screen missing: {name}" for name in parts.missing_screens]
        for index in range(context.state.chapter_count):
            context.state.set_chapter(index)
            QApplication.processEvents()
        for year in range(context.state.first_year, context.state.last_year + 1):
            context.state.set_year(year)
        QApplication.processEvents()
        problems += [f"exception: {text}" for text in errors]
        problems += [f"Qt: {text}" for text in qt_warnings]
    except Exception as error:  # the self-test reports; it never crashes with a traceback
        log.exception("self-test failed")
        problems.append(f"exception: {type(error).__name__}: {error}")
    finally:
        sys.excepthook = old_hook
        qInstallMessageHandler(previous)
    if problems:
        print("self-test FAILED:", file=out)
        for problem in problems:
            print(f"  - {problem}", file=out)
        return 1
    pack = parts.context.pack
    print(
        f"self-test ok: {len(parts.window.screens)} screens, {len(pack.chapters)} chapters, 2 languages",
        file=out,
    )
    return 0
