"""A live miniature of the audience view on the presenter console.

What the class sees is the audience window itself, so the miniature is that window's
``grab()``, scaled down: no second copy of the story to keep in step. Grabbing renders
the whole window (tens of milliseconds at 1920×1080, see benchmarks/bench_mirror.py), so
it is throttled: a change asks for an update, the update comes at most every
``THROTTLE_MS`` and once more after the chapter's fade has settled.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

THROTTLE_MS = 150
SETTLE_MS = 600  # after the chapter fade (transition.py) the picture is final


class AudienceMirror(QLabel):
    """Shows a scaled ``grab()`` of ``source``; ``request()`` after anything the class can see changed."""

    def __init__(self, source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setObjectName("audienceMirror")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(160, 90))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.updates = 0  # how many grabs were made (tests and the benchmark read it)
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(THROTTLE_MS)
        self._throttle.timeout.connect(self.refresh)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)

    def request(self) -> None:
        """Something on the audience view changed: update soon, not at once (keys can come fast)."""
        if not self._throttle.isActive():
            self._throttle.start()
        self._settle.start()

    def refresh(self) -> None:
        """Grab the audience window now and show it at the miniature's size."""
        if not self.isVisible() or not self.source.isVisible():
            return
        size = self.contentsRect().size()
        if size.width() < 2 or size.height() < 2:
            return
        picture: QPixmap = self.source.grab()
        self.setPixmap(picture.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        self.updates += 1

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.request()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.request()
