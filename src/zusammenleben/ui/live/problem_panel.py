"""The problem panel: a broken save's problems beside the last good pack, never a modal dialog.

An author saves, looks at the window, fixes, saves again. A dialog would have to be closed on every
broken save and would hide the content she is fixing; the panel stays docked at the bottom until
the next good save, lists every problem as ``file:line: field: message`` (the same lines as
``zusammenleben validate``), and a click on a line copies it for a search in the editor or an
e-mail to a colleague.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.i18n.language import Language
from zusammenleben.ui import retranslate


class ProblemPanel(QDockWidget):
    """Lists ``ContentError``s in the current language; ``copied`` tells what went to the clipboard."""

    copied = Signal(str)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.errors: list = []
        self.setObjectName("problemPanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        body = QWidget(self)
        body.setObjectName("problemPanelBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 6, 12, 8)
        top = QHBoxLayout()
        self.summary = QLabel(body)
        self.summary.setObjectName("problemSummary")
        self.summary.setWordWrap(True)
        self.copy_all_button = QPushButton(body)
        self.copy_all_button.setObjectName("problemCopyAll")
        self.copy_all_button.clicked.connect(self.copy_all)
        top.addWidget(self.summary, 1)
        top.addWidget(self.copy_all_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.list = QListWidget(body)
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._copy_item)
        self.list.itemActivated.connect(self._copy_item)  # Enter on a line copies it too
        layout.addWidget(self.list, 1)
        self.status = QLabel(body)
        self.status.setObjectName("problemStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setWidget(body)
        retranslate.bind(self, language)

    # -- content -------------------------------------------------------------------------------------
    def show_problems(self, errors: list) -> None:
        self.errors = list(errors)
        self.status.clear()
        self.retranslate()
        self.show()
        self.raise_()

    def lines(self) -> list[str]:
        return [error.format(self.language.ui) for error in self.errors]

    def retranslate(self) -> None:
        ui = self.language.ui
        self.setWindowTitle(ui("Problems in the content pack"))
        count = len(self.errors)
        self.summary.setText(
            self.language.uin(
                "%(count)d problem. The app keeps showing the last version without problems; "
                "fix the file and save it again.",
                "%(count)d problems. The app keeps showing the last version without problems; "
                "fix the files and save them again.",
                count,
            ) % {"count": count}
        )
        self.copy_all_button.setText(ui("Copy all"))
        self.copy_all_button.setAccessibleName(ui("Copy all problems"))
        self.list.setAccessibleName(ui("Problems in the content pack"))
        self.list.setAccessibleDescription(ui("Click a line or press Enter to copy it"))
        self.list.clear()
        for line in self.lines():
            item = QListWidgetItem(line, self.list)
            item.setToolTip(ui("Click to copy"))

    # -- copying -------------------------------------------------------------------------------------
    def _copy_item(self, item: QListWidgetItem) -> None:
        self._copy(item.text())
        self.status.setText(self.language.ui("Copied: %(line)s") % {"line": item.text()})

    def copy_all(self) -> None:
        self._copy("\n".join(self.lines()))
        self.status.setText(self.language.ui("All problems copied."))

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
