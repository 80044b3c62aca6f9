"""Calm dialogs for the two things that can go wrong in front of a user.

An unexpected error names the log file (never a traceback); a broken content pack lists
every problem as ``file:line: field: message`` and says that the built-in pack is used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from zusammenleben.i18n.language import Language


def show_error(parent: QWidget | None, language: Language, summary: str, log_path: Path | None) -> None:
    ui = language.ui
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(ui("Something went wrong"))
    box.setText(ui("Something went wrong. You can keep working; the details are in the log file."))
    where = str(log_path) if log_path else ui("(no log file)")
    box.setInformativeText(ui("Log file: %(path)s") % {"path": where})
    box.setDetailedText(summary)
    box.setObjectName("errorDialog")
    box.open()


def content_error_lines(language: Language, errors: list) -> list[str]:
    return [error.format(language.ui) for error in errors]


def show_content_errors(parent: QWidget | None, language: Language, errors: list) -> QMessageBox:
    ui = language.ui
    box = QMessageBox(parent)
    box.setObjectName("contentErrorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(ui("Content pack has problems"))
    box.setText(
        ui("The content pack you chose has %(count)d problems. The built-in Mechelen pack is shown instead.")
        % {"count": len(errors)}
    )
    box.setDetailedText("\n".join(content_error_lines(language, errors)))
    box.open()
    return box
