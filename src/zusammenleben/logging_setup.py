"""Logging to a rotating file in the platform's log folder, and the last-resort exception hook.

A visitor at a kiosk must never see a traceback; a teacher should see a calm message that
names the log file so that whoever maintains the machine can find what happened.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "zusammenleben.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that fails quietly: a full disk gives one line on stderr, once.

    The standard handler prints ``--- Logging error ---`` and a traceback to stderr for every
    record it cannot write, which on a full disk floods the journal (and the terminal of
    whoever is trying to fix the disk). The records that cannot be written are dropped; when
    writing works again, logging simply resumes.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        if self.failed:
            return
        self.failed = True
        error = sys.exc_info()[1]
        with contextlib.suppress(OSError, ValueError):  # no stderr either (a closed pipe): nothing to do
            sys.stderr.write(f"zusammenleben: cannot write the log file {self.baseFilename} ({error}); "
                             "further log records are dropped\n")


def log_dir_from_qt() -> Path:
    """The platform's app-local data folder + /logs (QStandardPaths), created if missing."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    folder = Path(base or Path.home() / ".zusammenleben") / "logs"
    return folder


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to ``folder/zusammenleben.log`` (1 MB × 5 files) and to stderr for warnings."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_zusammenleben", False):
            root.removeHandler(handler)
            handler.close()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = QuietFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:  # read-only home on a locked-down kiosk: keep running, log to stderr
        file_handler = logging.StreamHandler(sys.stderr)
        logging.getLogger(__name__).warning("cannot write log file %s: %s", path, error)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler._zusammenleben = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter(_FORMAT))
    console._zusammenleben = True  # type: ignore[attr-defined]
    root.addHandler(console)
    return path


ErrorReporter = Callable[[str], None]


def install_excepthook(report: ErrorReporter | None) -> None:
    """Log every uncaught exception; then call ``report`` (a dialog) unless it is None (kiosk)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        logging.getLogger("zusammenleben.crash").error("uncaught exception\n%s", text)
        if report is not None:
            try:
                report(f"{kind.__name__}: {value}")
            except Exception:  # the reporter itself must never take the app down
                logging.getLogger("zusammenleben.crash").exception("error dialog failed")

    sys.excepthook = hook
