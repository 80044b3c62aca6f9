"""The partnership browser: filters and table on the left, the map and the detail or survey on the right.

The table, the map and the detail show the same selection: choosing a row highlights it on the
map, tapping a town or line on the map selects its row. The map shows exactly the table's
filtered rows. The CSV export (window and classroom modes) writes those rows as shown.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.content.model import Partnership
from zusammenleben.core.context import UiContext
from zusammenleben.ui import retranslate
from zusammenleben.ui.flow_layout import FlowLayout
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

        self._build_splitters()
        self._build_left()
        self._build_right()
        self._build_info()
        self.compact: bool | None = None  # decided on the first resize
        self._user_split = False
        self.splitter.splitterMoved.connect(self._split_moved)
        self.right_splitter.splitterMoved.connect(self._split_moved)

        self.filter_bar.changed.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        self.map.partnershipClicked.connect(self.select_partnership)
        self.context.state.modeChanged.connect(lambda _mode: self.apply_mode())
        self.context.state.fontScaleChanged.connect(lambda _scale: (self._arrange(), self._size_columns()))
        self._apply_filter(self.filter_bar.criteria())
        self.apply_mode()
        retranslate.bind(self, self.language)

    # -- construction, in named parts -----------------------------------------------------------------
    def _build_splitters(self) -> None:
        """Two columns the user can resize: the list on the left, the map and the details on the right."""
        root = QHBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 6)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        root.addWidget(self.splitter)

    def _build_left(self) -> None:
        """Filters (with the export button beside the choosers: no extra row under the table) and the table."""
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(8)
        self.filter_bar = FilterBar(self.context, self.partnerships, left)
        left_layout.addWidget(self.filter_bar)
        self.table = self._build_table(left)
        left_layout.addWidget(self.table, 1)
        self.table.installEventFilter(self)  # its width decides which columns fit, whatever resized it
        self.export_button = QPushButton(left)
        self.export_button.setObjectName("exportPartnerships")
        self.export_button.clicked.connect(self._export_dialog)
        self.filter_bar.add_action(self.export_button)  # beside the choosers: no extra row under the table

    def _build_table(self, parent: QWidget) -> QTableView:
        """Sortable rows that grow to fit their wrapped cells: nothing is cut off at 200 %."""
        self.table = QTableView(parent)
        self.table.setObjectName("partnershipTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (to the map, the tabs, "Whole map"); the arrow keys move inside it.
        # QTableView's default moved Tab from cell to cell for ever: a keyboard trap (WCAG 2.1.2)
        self.table.setTabKeyNavigation(False)
        # long partner lists and periods wrap inside their cell and the row grows: nothing is cut off
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAlternatingRowColors(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("partners"), QHeaderView.ResizeMode.Stretch)
        # the sort arrow reserves its room in every header: shown only once the user sorts, so the
        # unsorted table (the survey's order) gives that room to the partners
        header.setSortIndicatorShown(False)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setDefaultAlignment(Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)))
        return self.table

    def _build_right(self) -> None:
        """The map over the detail/survey pages when there is height for both; otherwise the map is a third tab."""
        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, right)
        self.right_splitter.setChildrenCollapsible(False)
        right_layout.addWidget(self.right_splitter)
        self.map_slot = QWidget(self.right_splitter)
        self.map_slot_layout = QVBoxLayout(self.map_slot)
        self.map_slot_layout.setContentsMargins(0, 0, 0, 4)
        self.map = PartnershipMap(self.context, self.context.map_outlines, self.map_slot)  # read when first shown
        self.map.setObjectName("partnershipMap")
        self.map.setMinimumHeight(160)
        self.map_slot_layout.addWidget(self.map)

    def _build_info(self) -> None:
        """Tabs (map, details, survey) over a stack of pages."""
        info = QWidget(self.right_splitter)
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 4, 0, 0)
        info_layout.setSpacing(6)
        tabs = FlowLayout(spacing=6)  # wraps at 200 % instead of widening the window
        self.map_tab = QPushButton(info)
        self.details_tab = QPushButton(info)
        self.survey_tab = QPushButton(info)
        self.tab_group = QButtonGroup(self)
        for index, button in enumerate((self.map_tab, self.details_tab, self.survey_tab)):
            button.setCheckable(True)
            self.tab_group.addButton(button, index)
            tabs.addWidget(button)
        self.map_tab.setObjectName("mapTab")
        self.details_tab.setObjectName("detailsTab")
        self.survey_tab.setObjectName("surveyTab")
        info_layout.addLayout(tabs)
        self.info_stack = QStackedWidget(info)
        self.map_page = QWidget(self.info_stack)
        self.map_page_layout = QVBoxLayout(self.map_page)
        self.map_page_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = PartnershipDetail(self.context, self.info_stack)
        self.survey_panel = SurveyPanel(self.context, self.info_stack)
        self.info_stack.addWidget(self.map_page)
        self.info_stack.addWidget(self.detail)
        self.info_stack.addWidget(self.survey_panel)
        info_layout.addWidget(self.info_stack, 1)
        self.tab_group.idClicked.connect(self.info_stack.setCurrentIndex)
        self.details_tab.setChecked(True)
        self.info_stack.setCurrentWidget(self.detail)

    # -- texts --------------------------------------------------------------------------------------
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
        self.table.setAccessibleName(ui("Partnerships of German municipalities"))
        self.table.setAccessibleDescription(ui("One row per partnership; choose a row to see it on the map"))
        self.export_button.setText(ui("Export CSV"))
        self.export_button.setAccessibleName(ui("Export table (CSV)"))
        self.export_button.setAccessibleDescription(ui("Saves the rows shown as a spreadsheet file"))
        self.map_tab.setText(ui("Map"))
        self.map_tab.setAccessibleName(ui("Map"))
        self.map_tab.setAccessibleDescription(ui("Show the map of the partnerships"))
        self.details_tab.setText(ui("Details"))
        self.details_tab.setAccessibleName(ui("Details"))
        self.details_tab.setAccessibleDescription(ui("Show the chosen partnership"))
        self.survey_tab.setText(ui("About the survey"))
        self.survey_tab.setAccessibleName(ui("About the survey"))
        self.survey_tab.setAccessibleDescription(ui("Show what the survey asked and found"))

    # the widest a column other than the partners gets, in "M" widths; longer texts wrap
    COLUMN_CAPS: ClassVar[dict[str, int]] = {
        "municipality": 11, "countries": 10, "project_type": 10, "period": 12, "aspect": 8}
    # shown in this order while the partners column keeps PARTNERS_MIN "M" widths (all stay in the detail)
    OPTIONAL_COLUMNS = ("project_type", "aspect", "countries")
    PARTNERS_MIN = 15

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        em = max(1, metrics.horizontalAdvance("M"))
        header = self.table.horizontalHeader()
        # the same texts in the same fonts measure the same: a language switch back and forth measured
        # every cell of five columns again each time (~6 ms of a switch with the partnerships in front)
        state, language = self.context.state, self.language
        measured_for = (language.code, language.side_by_side, state.font_scale, state.theme,
                        header.isSortIndicatorShown(), self.table.font().key(), header.font().key())
        cache = self.__dict__.setdefault("_measured", {})
        if cache.get("rows") is not self.model.partnerships:  # other rows (a reload): measure again
            cache.clear()
            cache["rows"] = self.model.partnerships
        if not self.table.isVisible():  # not yet polished by the style sheet: measure, keep nothing
            measured_for = None
        if measured_for in cache:
            self._column_widths, self._column_floors = (dict(d) for d in cache[measured_for])
            for key, width in self._column_widths.items():
                header.resizeSection(COLUMNS.index(key), width)
            self._adapt_columns()
            return
        self._column_widths: dict[str, int] = {}  # the width each column gets when there is room
        self._column_floors: dict[str, int] = {}  # the narrowest it may get: its longest word
        for column, key in enumerate(COLUMNS):
            if key in self.COLUMN_CAPS:
                hidden = self.table.isColumnHidden(column)
                self.table.setColumnHidden(column, False)
                self.table.resizeColumnToContents(column)  # the larger of the header and the cells
                words = (word for row in range(self.model.rowCount())
                         for word in str(self.model.index(row, column).data()).split())
                longest_word = max((metrics.horizontalAdvance(word) for word in words), default=0) + em
                # wrap long texts (cells and headers), but never cut a single word ("Jongerenseminarie")
                floor = max(self._header_word_width(column), longest_word)
                self._column_floors[key] = floor
                cap = max(em * self.COLUMN_CAPS[key], floor)
                width = min(header.sectionSize(column) + em // 2, cap)
                header.resizeSection(column, width)
                self._column_widths[key] = width
                self.table.setColumnHidden(column, hidden)
        if measured_for is not None:
            cache[measured_for] = (dict(self._column_widths), dict(self._column_floors))
        self._adapt_columns()

    # -- header texts wrap like the cells ("Deutsche / Kommune") --------------------------------------
    def _header_metrics(self) -> QFontMetrics:
        font = QFont(self.table.horizontalHeader().font())
        font.setBold(True)  # the style sheet sets the sections bold, not the header's own font
        return QFontMetrics(font)

    def _header_text(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")

    def _header_extra(self, column: int) -> int:
        """Padding, margins and the sort arrow: what a section needs besides its text."""
        header = self.table.horizontalHeader()
        return max(0, header.sectionSizeHint(column) - self._header_metrics().horizontalAdvance(
            self._header_text(column)))

    def _header_word_width(self, column: int) -> int:
        words = self._header_text(column).split() or [""]
        return max(self._header_metrics().horizontalAdvance(word) for word in words) + self._header_extra(column)

    def _fit_header_height(self) -> None:
        """As tall as the most wrapped header needs (Qt sizes headers for one line)."""
        header, metrics = self.table.horizontalHeader(), self._header_metrics()
        single = header.sizeHint().height()
        tallest = metrics.height()
        for column in range(len(COLUMNS)):
            if self.table.isColumnHidden(column):
                continue
            room = max(1, header.sectionSize(column) - self._header_extra(column))
            text_rect = metrics.boundingRect(QRect(0, 0, room, 100_000), int(Qt.TextFlag.TextWordWrap),
                                             self._header_text(column))
            tallest = max(tallest, text_rect.height())
        header.setMinimumHeight(single + tallest - metrics.height())

    def _sort_changed(self, column: int, _order) -> None:
        header = self.table.horizontalHeader()
        if header.isSortIndicatorShown() != (column >= 0):
            header.setSortIndicatorShown(column >= 0)
            self._size_columns()

    def _adapt_columns(self) -> None:
        """Show the optional columns only while the partners column stays wide enough to read."""
        widths = getattr(self, "_column_widths", None)
        if not widths:
            return
        em = max(1, self.table.fontMetrics().horizontalAdvance("M"))
        room = self.table.viewport().width() - widths["municipality"] - widths["period"] - em * self.PARTNERS_MIN
        for key in self.OPTIONAL_COLUMNS:
            fits = widths[key] <= room
            if fits:
                room -= widths[key]
            self.table.setColumnHidden(COLUMNS.index(key), not fits)
        header = self.table.horizontalHeader()
        for key in ("municipality", "period"):  # still too narrow (200 %): these wrap down to their longest word
            floor = self._column_floors[key]
            width = max(floor, widths[key] + min(0, room))
            room += widths[key] - width
            header.resizeSection(COLUMNS.index(key), width)
        self._fit_header_height()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._adapt_columns()
        return super().eventFilter(watched, event)

    # -- layout -------------------------------------------------------------------------------------
    def _wants_compact(self) -> bool:
        """Map and detail one above the other need height; below it the map becomes a tab (1280×720)."""
        return self.height() < 640 * (0.5 + 0.5 * self.context.state.font_scale)

    def _arrange(self) -> None:
        """Move the map between its own slot (tall screens) and the first tab (short screens)."""
        compact = self._wants_compact()
        self.filter_bar.set_foldable(self.height() < 430 * self.context.state.font_scale)
        if compact != self.compact:
            first = self.compact is None
            self.compact = compact
            if compact:
                self.map_page_layout.addWidget(self.map)
                self.map_slot.hide()
                self.map_tab.show()
                if first or self.selected_id() is None:
                    self._show_page(self.map_page)
            else:
                self.map_slot_layout.addWidget(self.map)
                self.map_slot.show()
                self.map_tab.hide()
                if self.info_stack.currentWidget() is self.map_page:
                    self._show_page(self.detail)
        if not self._user_split:
            width = self.splitter.width()
            left = round(width * (0.57 if compact else 0.5))
            self.splitter.setSizes([left, width - left])
            if not compact:
                height = self.right_splitter.height()
                self.right_splitter.setSizes([round(height * 0.55), height - round(height * 0.55)])

    def _split_moved(self, *_args) -> None:
        self._user_split = True  # the user chose a split: keep it on later resizes

    def _show_page(self, page: QWidget) -> None:
        self.info_stack.setCurrentWidget(page)
        self.tab_group.button(self.info_stack.currentIndex()).setChecked(True)

    # -- mode ---------------------------------------------------------------------------------------
    def apply_mode(self) -> None:
        mode = self.context.mode
        self.export_button.setVisible(self.context.can_export)
        policy = Qt.ContextMenuPolicy.DefaultContextMenu if mode.allows_menus else Qt.ContextMenuPolicy.NoContextMenu
        for widget in [self, *self.findChildren(QWidget)]:
            widget.setContextMenuPolicy(policy)
        self.map.apply_mode()

    def reset_view(self) -> None:
        """Kiosk reset: every filter off, no row chosen, the table from the top, the map fitted."""
        self.filter_bar.reset()
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().clearCurrentIndex()
        self._show(None)
        self.table.scrollToTop()
        self.map.fit()
        self._show_page(self.map_page if self.compact else self.detail)

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
        if partnership is not None and self.info_stack.currentWidget() is self.survey_panel:
            self._show_page(self.detail)  # the map tab stays: it shows the choice too

    # -- export -------------------------------------------------------------------------------------
    def _export_dialog(self) -> Path | None:
        """The rows shown, as shown, with the headers in the current language, through the export layer."""
        if not self.context.can_export:
            return None
        return self.context.exports.save_table(self, self.language.ui("partnerships"), column_headers(self.language),
                                               self.proxy.visible_rows_texts())
