"""An indicator's data as a table: the plot's alternative for screen readers and the curious.

One row per data point as its source gives it (disagreeing sources are separate rows, marked
as such), values formatted in the current language, the qualifier (``rund``, ``mehr als``)
in its own column, the source by title, and the point's note.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from zusammenleben.content.model import DataPoint, Indicator, IndicatorKind
from zusammenleben.i18n.formatting import format_value, format_year
from zusammenleben.ui.plots.marks import ordered_keys


def source_title(pack, source_id: str, language) -> str:
    """A source's title in the current language; the id itself if the pack does not know it."""
    try:
        return language.content(pack.source(source_id).title)
    except KeyError:
        return source_id


def format_key(key: int | str, indicator: Indicator, language) -> str:
    if indicator.kind is IndicatorKind.SERIES:
        return format_year(int(key))
    return language.content(str(key))


def ordered_points(indicator: Indicator) -> list[DataPoint]:
    """Points grouped by key in plot order, each group in the data's order."""
    order = {key: index for index, key in enumerate(ordered_keys(indicator))}
    return sorted(indicator.points, key=lambda point: order[point.key])


class IndicatorTableModel(QAbstractTableModel):
    COLUMNS = ("key", "value", "qualifier", "source", "note")

    def __init__(self, indicator: Indicator, pack, language, parent=None) -> None:
        super().__init__(parent)
        self.indicator = indicator
        self.pack = pack
        self.language = language
        self.points = ordered_points(indicator)
        self._disagreeing = set(indicator.disagreements())

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.points)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        ui = self.language.ui
        key_header = ui("Year") if self.indicator.kind is IndicatorKind.SERIES else ui("Label")
        return (key_header, ui("Value"), ui("Qualifier"), ui("Source"), ui("Note"))[section]

    def cell_text(self, row: int, column: int) -> str:
        point = self.points[row]
        name = self.COLUMNS[column]
        if name == "key":
            return format_key(point.key, self.indicator, self.language)
        if name == "value":
            return format_value(point.value, self.indicator.value_format, self.language.code)
        if name == "qualifier":
            return self.language.content(point.qualifier)
        if name == "source":
            return source_title(self.pack, point.source, self.language)
        note = self.language.content(point.note)
        if point.key in self._disagreeing:
            warning = self.language.ui("Sources disagree on this value.")
            return f"{warning} {note}".strip()
        return note

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell_text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[index.column()] == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self.COLUMNS[index.column()] == "source":
            return self.points[index.row()].source
        return None

    def refresh(self) -> None:
        """Texts changed language: tell the views to re-read everything."""
        self.beginResetModel()
        self.endResetModel()
