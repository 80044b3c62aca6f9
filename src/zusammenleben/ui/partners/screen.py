"""The partnership browser: filters and table on the left, the map and the detail or survey on the right.

The table, the map and the detail show the same selection: choosing a row highlights it on the
map, tapping a town or line on the map selects its row. The map shows exactly the table's
filtered rows. The CSV export (window and classroom modes) writes those rows as shown.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.content.geojson import pack_outlines
from zusammenleben.content.model import Partnership
from zusammenleben.ui import retranslate
from zusammenleben.ui.context import UiContext
from zusammenleben.ui.partners.csv_export import write_table_csv
from zusammenleben.ui.partners.detail import PartnershipDetail
from zusammenleben.ui.partners.filter_bar import FilterBar
from zusammenleben.ui.partners.map_view import PartnershipMap
from zusammenleben.ui.partners.survey_panel import SurveyPanel
from zusammenleben.ui.partners.table_model import (
    COLUMNS,
    ID_ROLE,
    PartnershipFilterProxy,
    PartnershipTableModel,
    column_headers,
)
from zusammenleben.ui.screen import Screen

log = logging.getLogger(__name__)


class PartnershipsScreen(Screen):
    key = "partnerships"

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        pack = context.pack
        self.partnerships: tuple[Partnership, ...] = pack.partnerships
        self.model = PartnershipTableModel(self.partnerships, self.language, self)
        self.proxy = PartnershipFilterProxy(self.model, self)

        root = QHBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        root.addWidget(self.splitter)

        # left: filters, table, export
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(8)
        self.filter_bar = FilterBar(context, self.partnerships, left)
        left_layout.addWidget(self.filter_bar)
        self.table = QTableView(left)
        self.table.setObjectName("partnershipTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("partners"), QHeaderView.ResizeMode.Stretch)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.filter_bar.count_label, 1)
        self.export_button = QPushButton(left)
        self.export_button.setObjectName("exportPartnerships")
        self.export_button.clicked.connect(self._export_dialog)
        bottom.addWidget(self.export_button)
        left_layout.addLayout(bottom)

        # right: map over detail/survey
        right = QSplitter(Qt.Orientation.Vertical, self.splitter)
        right.setChildrenCollapsible(False)
        self.right_splitter = right
        map_panel = QWidget(right)
        map_layout = QVBoxLayout(map_panel)
        map_layout.setContentsMargins(6, 0, 0, 4)
        map_layout.setSpacing(4)
        self.map = PartnershipMap(context, pack_outlines(pack), map_panel)
        self.map.setObjectName("partnershipMap")
        self.map.setMinimumHeight(200)
        map_layout.addWidget(self.map, 1)

        info = QWidget(right)
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(6, 4, 0, 0)
        info_layout.setSpacing(6)
        tabs = QHBoxLayout()
        tabs.setSpacing(6)
        self.details_tab = QPushButton(info)
        self.survey_tab = QPushButton(info)
        self.tab_group = QButtonGroup(self)
        for index, button in enumerate((self.details_tab, self.survey_tab)):
            button.setCheckable(True)
            self.tab_group.addButton(button, index)
            tabs.addWidget(button)
        tabs.addStretch(1)
        self.details_tab.setObjectName("detailsTab")
        self.survey_tab.setObjectName("surveyTab")
        info_layout.addLayout(tabs)
        self.info_stack = QStackedWidget(info)
        self.detail = PartnershipDetail(context, self.info_stack)
        self.survey_panel = SurveyPanel(context, self.info_stack)
        self.info_stack.addWidget(self.detail)
        self.info_stack.addWidget(self.survey_panel)
        info_layout.addWidget(self.info_stack, 1)
        self.tab_group.idClicked.connect(self.info_stack.setCurrentIndex)
        self.details_tab.setChecked(True)

        self.splitter.setStretchFactor(0, 10)
        self.splitter.setStretchFactor(1, 11)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        self.filter_bar.changed.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        self.map.partnershipClicked.connect(self.select_partnership)
        context.state.modeChanged.connect(lambda _mode: self.apply_mode())
        self._apply_filter(self.filter_bar.criteria())
        self.apply_mode()
        retranslate.bind(self, self.language)

    # -- texts --------------------------------------------------------------------------------------
    def nav_label(self) -> str:
        return self.language.ui("Partnerships")

    def retranslate(self) -> None:
        ui = self.language.ui
        selected = self.selected_id()
        self.model.retranslate()
        self.proxy.refresh_keys()
        self.map.retranslate()
        self._after_filter()
        if selected:
            self.select_partnership(selected)
        self._size_columns()
        self._adapt_columns()
        self.table.setAccessibleName(ui("Partnerships of German municipalities"))
        self.table.setAccessibleDescription(ui("One row per partnership; choose a row to see it on the map"))
        self.export_button.setText(ui("Export table (CSV)"))
        self.export_button.setAccessibleName(ui("Export table (CSV)"))
        self.export_button.setAccessibleDescription(ui("Saves the rows shown as a spreadsheet file"))
        self.details_tab.setText(ui("Details"))
        self.details_tab.setAccessibleName(ui("Details"))
        self.details_tab.setAccessibleDescription(ui("Show the chosen partnership"))
        self.survey_tab.setText(ui("About the survey"))
        self.survey_tab.setAccessibleName(ui("About the survey"))
        self.survey_tab.setAccessibleDescription(ui("Show what the survey asked and found"))

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            if column == COLUMNS.index("partners"):
                continue
            self.table.resizeColumnToContents(column)
            width = min(header.sectionSize(column), metrics.horizontalAdvance("M") * 14)
            header.resizeSection(column, width)

    def _adapt_columns(self) -> None:
        """Narrow tables hide the aspect, then the countries column (both stay in the detail and the chips)."""
        em = max(1, self.table.fontMetrics().horizontalAdvance("M"))
        width = self.table.width() / em
        self.table.setColumnHidden(COLUMNS.index("countries"), width < 62)
        self.table.setColumnHidden(COLUMNS.index("aspect"), width < 52)
        self.table.setColumnHidden(COLUMNS.index("project_type"), width < 44)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._adapt_columns()

    # -- mode ---------------------------------------------------------------------------------------
    def apply_mode(self) -> None:
        mode = self.context.mode
        self.export_button.setVisible(mode.allows_export)
        policy = Qt.ContextMenuPolicy.DefaultContextMenu if mode.allows_menus else Qt.ContextMenuPolicy.NoContextMenu
        for widget in [self, *self.findChildren(QWidget)]:
            widget.setContextMenuPolicy(policy)
        self.map.apply_mode()

    # -- filtering and selection -------------------------------------------------------------------
    def _apply_filter(self, criteria) -> None:
        selected = self.selected_id()
        self.proxy.set_criteria(criteria)
        self._after_filter()
        if selected and self._proxy_row(selected) >= 0:
            self.select_partnership(selected)
        else:
            self._show(None)

    def _after_filter(self) -> None:
        self.filter_bar.set_count(self.proxy.rowCount(), len(self.partnerships))
        self.map.set_partnerships(self.proxy.visible_partnerships())

    def _proxy_row(self, partnership_id: str) -> int:
        source_row = self.model.row_of(partnership_id)
        if source_row < 0:
            return -1
        return self.proxy.mapFromSource(self.model.index(source_row, 0)).row()

    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def select_partnership(self, partnership_id: str) -> None:
        """Select a partnership's row (the map calls this); scrolls the table to it."""
        row = self._proxy_row(partnership_id)
        if row < 0:
            return
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show(partnership_id)

    def _table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(current.siblingAtColumn(0).data(ID_ROLE) if current.isValid() else None)

    def _show(self, partnership_id: str | None) -> None:
        partnership = next((p for p in self.partnerships if p.id == partnership_id), None)
        if partnership is None:
            self.table.clearSelection()
        self.map.set_selected(partnership.id if partnership else None)
        if partnership is not self.detail.partnership:
            self.detail.show_partnership(partnership)
        if partnership is not None and self.info_stack.currentWidget() is not self.detail:
            self.details_tab.setChecked(True)
            self.info_stack.setCurrentWidget(self.detail)

    # -- export -------------------------------------------------------------------------------------
    def export_table(self, path: Path | str) -> Path:
        """The rows shown, as shown, with the headers in the current language (no dialog)."""
        return write_table_csv(path, column_headers(self.language), self.proxy.visible_rows_texts())

    def _export_dialog(self) -> None:
        if not self.context.mode.allows_export:
            return
        ui = self.language.ui
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / (ui("partnerships") + ".csv"))
        path, _filter = QFileDialog.getSaveFileName(self, ui("Export table (CSV)"), suggested,
                                                    ui("CSV files (*.csv)"))
        if path:
            try:
                self.export_table(path)
            except OSError as error:
                log.error("CSV export to %s failed: %s", path, error)
