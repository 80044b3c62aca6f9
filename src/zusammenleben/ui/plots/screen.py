"""The indicators screen: pick several figures and compare them as small multiples.

Each figure sits in a card with "show as table" (the data for screen readers and the
curious) and, outside kiosk mode, an export menu (PNG at a chosen size, SVG, CSV). The
menu asks the export layer through ``context.exports`` (the screen never imports it); file
dialogs never open from the plot widget, and never in kiosk mode.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.content.model import Indicator
from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.labels import WrappedLabel
from zusammenleben.ui.layout_items import take_item
from zusammenleben.ui.plots.table import IndicatorTableModel
from zusammenleben.ui.plots.widget import IndicatorPlot
from zusammenleben.ui.screen import Screen

log = logging.getLogger(__name__)

PNG_SIZES = ((1280, 720), (1920, 1080), (3840, 2160))
SVG_SIZE = (1280, 720)


class IndicatorTable(QTableView):
    """The data of one indicator, rows growing to fit wrapped notes."""

    def __init__(self, context, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = context.language
        self.indicator = indicator
        self.model_ = IndicatorTableModel(indicator, context.pack, context.language, self)
        self.setModel(self.model_)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        self.setObjectName(f"indicatorTable-{indicator.id}")
        retranslate.bind(self, self.language)

    def retranslate(self) -> None:
        self.model_.refresh()
        self.resizeRowsToContents()
        title = self.language.content(self.indicator.title)
        self.setAccessibleName(self.language.ui("Table: %(title)s") % {"title": title})
        self.setAccessibleDescription(self.language.ui("Every value with its qualifier, source and note"))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.resizeRowsToContents()


class IndicatorCard(QFrame):
    """One figure of the small multiples: the plot or its table, and the card's buttons."""

    def __init__(self, context, indicator: Indicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.indicator = indicator
        self.setObjectName(f"indicatorCard-{indicator.id}")
        theme = context.state.theme
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ border: 2px solid {theme.border}; border-radius: 10px; }}")
        layout = QVBoxLayout(self)
        scale = TypeScale(context.state.font_scale)
        layout.setContentsMargins(scale.px(14), scale.px(12), scale.px(14), scale.px(12))
        self.stack = QStackedWidget(self)
        self.plot = IndicatorPlot(context, indicator, self.stack)
        self.table_page = QWidget(self.stack)
        table_layout = QVBoxLayout(self.table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        self.table_title = WrappedLabel(self.table_page)
        self.table_title.setProperty("role", "heading")
        self.table_title.setWordWrap(True)
        self.table = IndicatorTable(context, indicator, self.table_page)
        table_layout.addWidget(self.table_title)
        table_layout.addWidget(self.table, 1)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.table_page)
        layout.addWidget(self.stack, 1)

        buttons = QHBoxLayout()
        self.table_button = QPushButton(self)
        self.table_button.setCheckable(True)
        self.table_button.setObjectName("showTable")
        self.table_button.toggled.connect(self.show_table)
        buttons.addWidget(self.table_button)
        buttons.addStretch(1)
        self.export_button: QPushButton | None = None
        if context.can_export:
            self.export_button = QPushButton(self)
            self.export_button.setObjectName("exportPlot")
            self.export_menu = QMenu(self.export_button)
            self.export_button.setMenu(self.export_menu)
            buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        retranslate.bind(self, self.language)

    def show_table(self, flag: bool) -> None:
        self.stack.setCurrentWidget(self.table_page if flag else self.plot)
        self._retranslate_table_button()

    def retranslate(self) -> None:
        ui = self.language.ui
        title = self.language.content(self.indicator.title)
        self.table_title.setText(self.language.display(self.indicator.title))
        self._retranslate_table_button()
        self.table_button.setAccessibleDescription(
            ui("Switch between the plot of %(title)s and its values as a table") % {"title": title})
        if self.export_button is not None:
            self.export_button.setText(ui("Export…"))
            self.export_button.setAccessibleName(ui("Export %(title)s") % {"title": title})
            self.export_button.setAccessibleDescription(ui("Save the plot as an image or the data as a table file"))
            self._fill_export_menu()

    def _retranslate_table_button(self) -> None:
        ui = self.language.ui
        text = ui("Show as plot") if self.table_button.isChecked() else ui("Show as table")
        self.table_button.setText(text)
        self.table_button.setAccessibleName(text)

    def _fill_export_menu(self) -> None:
        ui = self.language.ui
        menu = self.export_menu
        menu.clear()
        for width, height in PNG_SIZES:
            action = menu.addAction(ui("PNG image, %(width)d × %(height)d pixels") % {"width": width,
                                                                                       "height": height})
            action.triggered.connect(lambda _=False, w=width, h=height: self.ask_and_export("png", (w, h)))
        menu.addAction(ui("SVG vector image")).triggered.connect(lambda _=False: self.ask_and_export("svg", SVG_SIZE))
        menu.addAction(ui("CSV table for spreadsheets")).triggered.connect(
            lambda _=False: self.ask_and_export("csv", None))

    def ask_and_export(self, kind: str, size: tuple[int, int] | None) -> Path | None:
        """Ask the export layer (installed by the composition root) to save; never in kiosk mode."""
        if not self.context.can_export:
            return None
        return self.context.exports.save_indicator(self, self.indicator, kind, size)


class CheckListDelegate(QStyledItemDelegate):
    """Rows at least one finger high, tall enough for their wrapped title (Qt's own hint elides)."""

    def __init__(self, minimum_height: int, indicator_width: int, view: QListWidget) -> None:
        super().__init__(view)
        self.minimum_height = minimum_height
        self.indicator_width = indicator_width
        self.view = view

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        available = max(80, self.view.viewport().width() - self.indicator_width - 40)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, available, 10_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(available, max(rect.height() + 20, self.minimum_height))


class IndicatorChooser(QListWidget):
    """A checkable list a finger can use: tapping anywhere on a row toggles it (Space does too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(self.toggle)

    def toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.toggle(self.currentItem())
            return
        super().keyPressEvent(event)


class IndicatorsScreen(Screen):
    key = "indicators"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.pack = context.pack
        self.state = context.state
        self.cards: dict[str, IndicatorCard] = {}
        scale = TypeScale(self.state.font_scale)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(scale.px(16), scale.px(12), scale.px(16), scale.px(12))
        layout.setSpacing(scale.px(16))

        self.side = QFrame(self)
        self.side.setProperty("role", "panel")
        side_layout = QVBoxLayout(self.side)
        self.heading = WrappedLabel(self.side)
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.hint = WrappedLabel(self.side)
        self.hint.setProperty("role", "small")
        self.hint.setWordWrap(True)
        self.chooser = IndicatorChooser(self.side)
        self.chooser.setItemDelegate(CheckListDelegate(scale.touch_target, scale.px(26), self.chooser))
        self.chooser.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.chooser.setObjectName("indicatorChooser")
        side_layout.addWidget(self.heading)
        side_layout.addWidget(self.hint)
        side_layout.addWidget(self.chooser, 1)
        layout.addWidget(self.side, 0)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no nameless Tab stop; it follows the focus
        self.grid_host = QWidget(self.scroll)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(scale.px(16))
        self.empty_label = WrappedLabel(self.grid_host)
        self.empty_label.setProperty("role", "lead")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setWidget(self.grid_host)
        self.scroll.viewport().installEventFilter(self)
        layout.addWidget(self.scroll, 1)

        initial = self._start_selection()
        for indicator in self.pack.indicators:
            item = QListWidgetItem(self.chooser)
            item.setData(Qt.ItemDataRole.UserRole, indicator.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)  # toggled by tap, see chooser
            item.setCheckState(Qt.CheckState.Checked if indicator.id in initial else Qt.CheckState.Unchecked)
        self.chooser.itemChanged.connect(lambda _item: self._update_cards())
        self.state.modeChanged.connect(lambda _mode: self._rebuild_all())
        self._columns = 0
        self._cards_pending = True  # the plots are built when the screen is first shown: a faster start
        retranslate.bind(self, self.language)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._cards_pending:
            self._update_cards()
        super().showEvent(event)

    # -- Screen -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        ui = self.language.ui
        self.heading.setText(ui("Choose figures"))
        self.hint.setText(ui("Tap to show or hide; several can be compared."))
        self.empty_label.setText(ui("Choose one or more figures on the left."))
        self.chooser.setAccessibleName(ui("Figures to compare"))
        self.chooser.setAccessibleDescription(ui("Checked figures are shown side by side"))
        self.chooser.blockSignals(True)  # a new text is no new choice: itemChanged would rebuild the cards
        try:
            for row in range(self.chooser.count()):
                item = self.chooser.item(row)
                indicator = self.pack.indicator(item.data(Qt.ItemDataRole.UserRole))
                item.setText(self.language.display(indicator.title))
        finally:
            self.chooser.blockSignals(False)
        self.chooser.viewport().update()
        scale = TypeScale(self.state.font_scale)
        self.side.setFixedWidth(scale.px(330))
        box = scale.px(26)
        self.chooser.setStyleSheet(f"QListView::indicator {{ width: {box}px; height: {box}px; }}"
                                   f" QListView::item {{ padding: {scale.px(4)}px; }}")

    # -- selection ----------------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        return [self.chooser.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.chooser.count())
                if self.chooser.item(row).checkState() == Qt.CheckState.Checked]

    def set_selected(self, indicator_ids: list[str]) -> None:
        self.chooser.blockSignals(True)
        for row in range(self.chooser.count()):
            item = self.chooser.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in indicator_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self.chooser.blockSignals(False)
        self._update_cards()

    def _start_selection(self) -> list[str]:
        """The first chapter's figures (else the first two): what the screen starts with, whenever it is
        built (after the first paint or on first use, when the reader may be in another chapter)."""
        first = self.pack.chapters[0] if self.pack.chapters else None
        initial = [i for i in (first.indicators if first else ()) if self._known(i)]
        return initial or [indicator.id for indicator in self.pack.indicators[:2]]

    def reset_view(self) -> None:
        """Kiosk reset: the first chapter's figures (as at start), each as a plot, scrolled to the top."""
        self.set_selected(self._start_selection())
        for card in self.cards.values():
            card.table_button.setChecked(False)
        self.chooser.scrollToTop()
        self.scroll.verticalScrollBar().setValue(0)

    def plots(self) -> list[IndicatorPlot]:
        if self._cards_pending:
            self._update_cards()
        return [self.cards[i].plot for i in self.selected_ids() if i in self.cards]

    def _known(self, indicator_id: str) -> bool:
        return any(indicator.id == indicator_id for indicator in self.pack.indicators)

    def _rebuild_all(self) -> None:
        for card in self.cards.values():
            card.deleteLater()
        self.cards.clear()
        self._columns = 0
        self._update_cards()

    def _update_cards(self) -> None:
        """Build the cards of newly chosen figures; unchosen ones are hidden and kept, not deleted.

        The cache is bounded by the pack's indicators. Deleting and rebuilding a card on every
        toggle kept native memory each time (pyqtgraph scenes), which a kiosk running for weeks
        cannot afford (benchmarks/soak_kind.py figures).
        """
        self._cards_pending = False
        for indicator_id in self.selected_ids():
            if indicator_id not in self.cards:
                card = IndicatorCard(self.context, self.pack.indicator(indicator_id), self.grid_host)
                card.hide()
                self.cards[indicator_id] = card
        self._layout_cards(force=True)

    def _column_count(self) -> int:
        count = len([i for i in self.selected_ids() if i in self.cards])
        wide_enough = self.scroll.viewport().width() >= TypeScale(self.state.font_scale).px(900)
        return 2 if count > 1 and wide_enough else 1

    def _layout_cards(self, force: bool = False) -> None:
        columns = self._column_count()
        if columns == self._columns and not force:
            return
        self._columns = columns
        # removeWidget deletes each layout item; an item only taken (takeAt) stays registered with its
        # widget, and the new item's height-for-width cache is then never cleared: a card kept its
        # old height after a language switch and its plot overlapped the legend
        for index in reversed(range(self.grid.count())):
            widget = self.grid.itemAt(index).widget()
            if widget is not None:
                self.grid.removeWidget(widget)
            else:
                take_item(self.grid, index)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        selected = [i for i in self.selected_ids() if i in self.cards]
        for indicator_id, card in self.cards.items():
            if indicator_id not in selected:
                card.hide()
        if not selected:
            self.grid.addWidget(self.empty_label, 0, 0)
            self.empty_label.show()
            return
        self.empty_label.hide()
        for index, indicator_id in enumerate(selected):
            card = self.cards[indicator_id]
            self.grid.addWidget(card, index // columns, index % columns)
            card.show()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._layout_cards()  # one or two columns, by the room the scroll area really has
        return super().eventFilter(watched, event)
