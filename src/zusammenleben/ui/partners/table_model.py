"""A thin table model over ``pack.partnerships`` and its filter proxy.

The model only turns partnerships into texts in the current language; the proxy only asks
``filtering.accepts``. Both are rebuilt from nothing but the pack and the language, so a
language switch is a ``beginResetModel`` and a fresh set of search keys.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from zusammenleben.content.model import Partnership
from zusammenleben.i18n.formatting import format_span
from zusammenleben.i18n.language import Language
from zusammenleben.ui.partners.filtering import PartnershipFilter, accepts, search_key
from zusammenleben.ui.partners.text import country_name

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("municipality", "partners", "countries", "project_type", "period", "aspect")


def column_headers(language: Language) -> list[str]:
    ui = language.ui
    return [ui("German municipality"), ui("Partners"), ui("Countries"), ui("Project type"), ui("Period"),
            ui("Aspect")]


def partner_countries(partnership: Partnership) -> list[str]:
    """The partners' country codes, each once, in the survey's order."""
    return list(dict.fromkeys(partner.country for partner in partnership.partners))


def aspect_text(aspect: str, language: Language) -> str:
    return aspect if aspect in ("a", "b", "c") else language.ui("not stated")


def period_text(partnership: Partnership, language: Language) -> str:
    if partnership.period is not None:
        return format_span(partnership.period, language.code)
    return language.ui("no period given")


def row_texts(partnership: Partnership, language: Language) -> list[str]:
    """The six cells of a row, as shown and as exported."""
    content, code = language.content, language.code
    return [
        partnership.municipality,
        ", ".join(content(partner.name) for partner in partnership.partners),
        ", ".join(country_name(country, code) for country in partner_countries(partnership)),
        content(partnership.project_type),
        period_text(partnership, language),
        aspect_text(partnership.aspect, language),
    ]


def _sort_key(partnership: Partnership, column: int, text: str):
    if column == COLUMNS.index("period"):
        return partnership.period.start.decimal_year if partnership.period else 9999.0
    if column == COLUMNS.index("aspect"):
        return "abcz".index(partnership.aspect[0]) if partnership.aspect in ("a", "b", "c") else 3
    return text.casefold()


class PartnershipTableModel(QAbstractTableModel):
    def __init__(self, partnerships: tuple[Partnership, ...], language: Language, parent=None) -> None:
        super().__init__(parent)
        self.partnerships = partnerships
        self.language = language
        self._texts = [row_texts(p, language) for p in partnerships]
        self._headers = column_headers(language)

    def retranslate(self) -> None:
        self.beginResetModel()
        self._texts = [row_texts(p, self.language) for p in self.partnerships]
        self._headers = column_headers(self.language)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.partnerships)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        partnership = self.partnerships[index.row()]
        text = self._texts[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == ID_ROLE:
            return partnership.id
        if role == SORT_ROLE:
            return _sort_key(partnership, index.column(), text)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        # the row header is hidden on screen, but screen readers announce it with every row
        if (orientation == Qt.Orientation.Vertical and 0 <= section < len(self.partnerships)
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)):
            return self.partnerships[section].municipality
        return None

    def row_of(self, partnership_id: str) -> int:
        for row, partnership in enumerate(self.partnerships):
            if partnership.id == partnership_id:
                return row
        return -1


class PartnershipFilterProxy(QSortFilterProxyModel):
    """Filters by ``PartnershipFilter``; search keys are folded once per language, not per keystroke."""

    def __init__(self, source: PartnershipTableModel, parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self._criteria = PartnershipFilter()
        self._keys: list[str] = [search_key(p, source.language.content) for p in source.partnerships]
        self._keys_for = source.partnerships
        self._key_cache: dict[str, list[str]] = {source.language.code: self._keys}
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    @property
    def criteria(self) -> PartnershipFilter:
        return self._criteria

    def set_criteria(self, criteria: PartnershipFilter) -> None:
        self.beginFilterChange()
        self._criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refresh_keys(self) -> None:
        """The search keys (German plus the current language's translations), folded once per language.

        Folding every row again took ~3 ms of each language switch with the partnerships in front.
        """
        language = self._source.language
        partnerships = self._source.partnerships
        if partnerships is not self._keys_for:  # other rows (a reload): forget the folded keys
            self._keys_for, self._key_cache = partnerships, {}
        keys = self._key_cache.get(language.code)
        if keys is None:
            keys = self._key_cache[language.code] = [search_key(p, language.content) for p in partnerships]
        self.beginFilterChange()
        self._keys = keys
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        partnership = self._source.partnerships[source_row]
        return accepts(partnership, self._criteria, self._keys[source_row])

    def visible_partnerships(self) -> list[Partnership]:
        """The partnerships shown, in the view's order."""
        rows = [self.mapToSource(self.index(row, 0)).row() for row in range(self.rowCount())]
        return [self._source.partnerships[row] for row in rows]

    def visible_rows_texts(self) -> list[list[str]]:
        return [[self.index(row, column).data() for column in range(self.columnCount())]
                for row in range(self.rowCount())]
