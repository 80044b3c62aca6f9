"""The chapter's figures beside the text: one plot at a time, with a switch when there are several.

Plots are built lazily (the first time a chapter needs them) and kept, so going back and
forth between chapters in class does not rebuild pyqtgraph scenes. If the plots package
is missing, the slot stays an empty, calm frame instead of breaking the story.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.content.model import Chapter
from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.text_button import TextButton

log = logging.getLogger(__name__)


def plot_class():
    """``IndicatorPlot`` if the plots package is there, else None (the lead wires it)."""
    try:
        return importlib.import_module("zusammenleben.ui.plots.widget").IndicatorPlot
    except (ImportError, AttributeError) as error:
        log.info("indicator plots are not available yet: %s", error)
        return None


class PlotSlot(QFrame):
    """Shows the current chapter's indicators; hidden for a chapter without any.

    The figure sits in its own scroll area: beside the text on a 720-pixel projector its
    legend, sources and notes may need more height than the column has, and scrolling the
    figure is better than squeezing its labels. Under the text (``fit_content``) the slot
    grows to the figure's full height instead, so the page has a single scroll bar.
    """

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.setObjectName("plotSlot")
        self.plots: dict[str, QWidget] = {}
        self.indicator_ids: list[str] = []
        self.current = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.switch_row = QHBoxLayout()
        self.caption = QLabel(self)
        self.caption.setProperty("role", "caption")
        self.caption.setWordWrap(True)
        self.switch_row.addWidget(self.caption, 1)
        layout.addLayout(self.switch_row)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("plotSlotScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = QWidget(self.scroll)
        self.page.setObjectName("plotSlotPage")
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QFrame(self.page)
        self.empty.setProperty("role", "panel")
        self.page_layout.addWidget(self.empty, 1)
        self.scroll.setWidget(self.page)
        layout.addWidget(self.scroll, 1)
        self.layout_ = layout
        self._shown: QWidget = self.empty
        self.fit_content = False
        self.floor_height = 0
        self.buttons: list[TextButton] = []  # this chapter's (a prefix of the pool)
        self._button_pool: list[TextButton] = []
        retranslate.bind(self, self.language)

    def show_chapter(self, chapter: Chapter) -> None:
        self.indicator_ids = [i for i in chapter.indicators if self._has(i)]
        self.current = 0
        self._rebuild_switch()
        self._show_current()

    def _has(self, indicator_id: str) -> bool:
        try:
            self.context.pack.indicator(indicator_id)
        except KeyError:
            return False
        return True

    def _rebuild_switch(self) -> None:
        """One numbered button per figure of the chapter; the buttons are kept and reused, not rebuilt.

        Every signal connection to a Python callable keeps ~0.1-0.2 KB in PySide 6.11 even after its
        button is deleted (benchmarks/pyside_connection_leak.py): rebuilt on each chapter move,
        they added up on a kiosk. The pool grows to the most figures a chapter has.
        """
        count = len(self.indicator_ids) if len(self.indicator_ids) >= 2 else 0
        while len(self._button_pool) < count:
            index = len(self._button_pool)
            button = TextButton(self.context, str(index + 1), self, style="card")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, i=index: self.select(i))
            self.switch_row.addWidget(button)
            self._button_pool.append(button)
        for index, button in enumerate(self._button_pool):
            button.setVisible(index < count)
        self.buttons = self._button_pool[:count]
        if self.buttons:
            self.retranslate()

    def select(self, index: int) -> None:
        self.current = max(0, min(index, len(self.indicator_ids) - 1))
        self._show_current()

    def current_plot(self) -> QWidget | None:
        return None if self._shown is self.empty else self._shown

    def set_fit_content(self, fit: bool, floor_height: int = 0) -> None:
        """Under the text: as tall as the figure needs (at least ``floor_height``), no scroll bar of its own."""
        self.fit_content = fit
        self.floor_height = floor_height
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fit
                                               else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._fit_height()

    def content_height(self, width: int) -> int:
        """The height the slot needs at ``width`` to show the figure without scrolling."""
        caption = self.switch_row.totalHeightForWidth(width) if self.switch_row.hasHeightForWidth() else \
            self.switch_row.sizeHint().height()
        page = self.page_layout.totalHeightForWidth(width)
        return caption + self.layout_.spacing() + page

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        if not self.fit_content:
            if self.minimumHeight() != self.floor_height:
                self.setMinimumHeight(self.floor_height)
            return
        wanted = max(self.floor_height, self.content_height(self.width()))
        if wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)

    def _show_current(self) -> None:
        if not self.indicator_ids:
            self._show_widget(self.empty)
            self.retranslate()
            return
        indicator_id = self.indicator_ids[self.current]
        plot = self.plots.get(indicator_id)
        if plot is None:
            cls = plot_class()
            if cls is not None:
                plot = cls(self.context, self.context.pack.indicator(indicator_id), self.page)
                plot.hide()
                self.plots[indicator_id] = plot
                self.page_layout.addWidget(plot, 1)
        self._show_widget(plot if plot is not None else self.empty)
        for index, button in enumerate(self.buttons):  # no QButtonGroup: each figure is its own Tab stop
            button.setChecked(index == self.current)
        self.retranslate()

    def _show_widget(self, widget: QWidget) -> None:
        """Only the shown figure takes part in the layout (hidden ones take no room)."""
        for other in (self.empty, *self.plots.values()):
            if other is not widget:
                other.hide()
        widget.show()
        self._shown = widget
        self.scroll.verticalScrollBar().setValue(0)
        self._fit_height()

    def retranslate(self) -> None:
        ui = self.language.ui
        total = len(self.indicator_ids)
        self.caption.setVisible(total > 1)
        self.caption.setText(ui("Figure %(number)d of %(total)d") % {"number": self.current + 1, "total": total})
        t = TypeScale(self.context.state.font_scale)
        for index, button in enumerate(self.buttons):
            title = self.language.content(self.context.pack.indicator(self.indicator_ids[index]).title)
            button.setAccessibleName(ui("Figure %(number)d of %(total)d: %(title)s")
                                     % {"number": index + 1, "total": total, "title": title})
            button.setAccessibleDescription(ui("Show this figure beside the chapter"))
            button.setToolTip(title)
            button.setFixedWidth(t.touch_target + t.px(8))
        self.empty.setAccessibleName(ui("No figure for this chapter"))
