"""What the screens may ask of the export layer, installed into ``UiContext.exports`` by the composition root.

The screens sit below the export layer and never import it; they call these methods
through the context (``core.context.Exports`` is the interface). Each method goes through
the one save flow (``export.save_flow``): dialog, extension, a writable place, a safe write,
a message when anything fails.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zusammenleben.content.model import Indicator

# The save flow, the plot export and the CSV writer are imported when a user exports, not at every
# start-up: the composition root installs this object before the first frame (issue 19).


class ScreenExports:
    """Exports for one app context (its language names the files and the dialogs)."""

    def __init__(self, context) -> None:
        self.context = context

    def save_indicator(self, parent, indicator: Indicator, kind: str, size: tuple[int, int] | None) -> Path | None:
        """Ask for a file and save the plot (``png``/``svg`` at ``size``) or its data (``csv``)."""
        from zusammenleben.export.indicator_export import export_indicator
        from zusammenleben.export.save_flow import save_with_dialog

        ui = self.context.language.ui
        filters = {"png": ui("PNG image (*.png)"), "svg": ui("SVG image (*.svg)"), "csv": ui("CSV table (*.csv)")}
        saved = save_with_dialog(parent, self.context.language, title=ui("Export"),
                                 suggested_name=f"{indicator.id}.{kind}", file_filter=filters[kind], extension=kind,
                                 write=lambda path: export_indicator(self.context, indicator, path, kind, size))
        return saved.path if saved is not None else None

    def save_table(self, parent, name: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Path | None:
        """Ask for a file and save a table of texts as CSV (``name`` without extension suggests the file name)."""
        from zusammenleben.export.csv_table import list_separator, write_csv_table
        from zusammenleben.export.save_flow import save_with_dialog

        language = self.context.language
        ui = language.ui
        rows = [list(row) for row in rows]  # as shown now, not when the dialog closes
        saved = save_with_dialog(parent, language, title=ui("Export table (CSV)"), suggested_name=f"{name}.csv",
                                 file_filter=ui("CSV files (*.csv)"), extension="csv",
                                 write=lambda path: write_csv_table(path, headers, rows, list_separator(language.code)))
        return saved.path if saved is not None else None
