"""The chapter's figures beside the text: one plot at a time, with a switch when there are several.

Plots are built lazily (the first time a chapter needs them) and kept, so going back and
forth between chapters in class does not rebuild pyqtgraph scenes. If the plots package
is missing, the slot stays an empty, calm frame instead of breaking the story.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from zusammenleben.content.model import Chapter
from zusammenleben.ui import retranslate
from zusammenleben.ui.text_button import TextButton
from zusammenleben.ui.theme import TypeScale

log = logging.getLogger(__name__)


def plot_class():
    """``IndicatorPlot`` if the plots package is there, else None (the lead wires it)."""
    try:
        return importlib.import_module("zusammenleben.ui.plots.widget").IndicatorPlot
    except (ImportError, AttributeError) as error:
        log.info("indicator plots are not available yet: %s", error)
        return None


class PlotSlot(QFrame):
    """Shows the current chapter's indicators; hidden for a chapter without any."""

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
        self.stack = QStackedWidget(self)
        self.empty = QFrame(self.stack)
        self.empty.setProperty("role", "panel")
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[TextButton] = []
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
        for button in self.buttons:
            self.group.removeButton(button)
            self.switch_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        if len(self.indicator_ids) < 2:
            return
        for index, _indicator_id in enumerate(self.indicator_ids):
            button = TextButton(self.context, str(index + 1), self, style="card")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, i=index: self.select(i))
            self.group.addButton(button)
            self.switch_row.addWidget(button)
            self.buttons.append(button)
        self.retranslate()

    def select(self, index: int) -> None:
        self.current = max(0, min(index, len(self.indicator_ids) - 1))
        self._show_current()

    def current_plot(self) -> QWidget | None:
        widget = self.stack.currentWidget()
        return None if widget is self.empty else widget

    def _show_current(self) -> None:
        if not self.indicator_ids:
            self.stack.setCurrentWidget(self.empty)
            self.retranslate()
            return
        indicator_id = self.indicator_ids[self.current]
        plot = self.plots.get(indicator_id)
        if plot is None:
            cls = plot_class()
            if cls is not None:
                plot = cls(self.context, self.context.pack.indicator(indicator_id), self.stack)
                self.plots[indicator_id] = plot
                self.stack.addWidget(plot)
        self.stack.setCurrentWidget(plot if plot is not None else self.empty)
        if self.buttons:
            self.buttons[self.current].setChecked(True)
        self.retranslate()

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
