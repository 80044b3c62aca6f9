"""A list on the left, the chosen item's page on the right: the shape of the sources and glossary screens.

Both screens answer "what is X and what does it stand for?" for one item at a time; a
list keeps every item one tap away, and the page has room for large type.

The page's labels and links are kept and refilled, not deleted and built anew: every page
change (a choice in the list, a language switch, a kiosk reset) rebuilt ~10-30 widgets, and
each widget built and deleted left 0.5-1 KB of native memory behind (PySide keeps part of every
connection; benchmarks/RESULTS.md), ~1 KB per page on the sources screen: a kiosk month of
language switches.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.labels import wrapped_label
from zusammenleben.ui.layout_items import take_all
from zusammenleben.ui.screen import Screen
from zusammenleben.ui.text_button import TextButton, scrollbar_style

ID_ROLE = Qt.ItemDataRole.UserRole




class MasterDetailScreen(Screen):
    """Subclasses fill ``entries()`` and ``fill_page(item_id)``; selection goes through ``select``."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.state = context.state
        self.pack = context.pack
        self.selected_id = ""
        self.page_widgets: list[QWidget] = []
        self.page_buttons: list[TextButton] = []
        self._spare_labels: dict[tuple[str, str, str], list[QLabel]] = {}  # by role, name, style
        self._label_keys: dict[QLabel, tuple[str, str, str]] = {}  # every label add_label built
        self._spare_links: list[TextButton] = []
        self._link_actions: dict[TextButton, Callable[[], None]] = {}  # every link add_link built
        self._kept: set[QWidget] = set()  # widgets a subclass reuses itself (add_page_widget(keep=True))

        self.heading = wrapped_label(self, "title")
        self.count_label = wrapped_label(self, "caption")
        self.list = QListWidget(self)
        self.list.setObjectName(f"{self.key}List")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.list.currentItemChanged.connect(self._on_current)

        self.page = QWidget()
        self.page.setObjectName(f"{self.key}Page")
        self.page_layout = QVBoxLayout(self.page)
        self.page_items = QVBoxLayout()  # the page's widgets; page_layout adds the stretch below them
        self.page_items.setContentsMargins(0, 0, 0, 0)
        self.page_layout.addLayout(self.page_items)
        self.page_layout.addStretch(1)
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName(f"{self.key}PageScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_scroll.setWidget(self.page)

        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.count_label)
        left.addWidget(self.list, 1)
        self.left_layout = left
        self.columns = QHBoxLayout(self)
        self.columns.addLayout(left, 0)
        self.columns.addWidget(self.page_scroll, 1)
        self.state.fontScaleChanged.connect(self._on_scale)
        self.state.themeChanged.connect(lambda _theme: self._on_scale(self.state.font_scale))
        self._on_scale(self.state.font_scale)
        retranslate.bind(self, self.language)

    # -- for subclasses -----------------------------------------------------------------------------
    def entries(self) -> list[tuple[str, str]]:
        """``[(item_id, list text)]`` in display order for the current language."""
        raise NotImplementedError

    def fill_page(self, item_id: str) -> None:
        raise NotImplementedError

    def add_page_widget(self, widget: QWidget, *, keep: bool = False) -> QWidget:
        """Put ``widget`` next on the page; ``keep``: the caller reuses it, so a page change hides it."""
        if keep:
            self._kept.add(widget)
        self.page_items.addWidget(widget)
        widget.setVisible(True)
        self.page_widgets.append(widget)
        if isinstance(widget, TextButton):
            self.page_buttons.append(widget)
        return widget

    def add_label(self, text: str, role: str = "", *, name: str = "", style: str = "") -> QLabel:
        """A label from the pool of those with this role, name and own style sheet (set once: setting a
        style sheet again keeps native memory too)."""
        spare = self._spare_labels.get((role, name, style))
        if spare:
            label = spare.pop()
        else:
            label = wrapped_label(self.page, role, name)
            if style:
                label.setStyleSheet(style)
            self._label_keys[label] = (role, name, style)
        label.setText(text)
        self.add_page_widget(label)
        return label

    def add_link(self, text: str, description: str, action: Callable[[], None]) -> TextButton:
        if self._spare_links:
            button = self._spare_links.pop()
            button.setText(text)
        else:
            button = TextButton(self.context, text, self.page, style="link")
            button.clicked.connect(lambda _checked=False, b=button: self._link_actions[b]())
        self._link_actions[button] = action
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        self.add_page_widget(button)
        return button

    # -- public -------------------------------------------------------------------------------------
    def select(self, item_id: str) -> bool:
        """Select an item, show its page and scroll the list to it; False for an unknown id."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == item_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def reset_view(self) -> None:
        """Kiosk reset: the first entry chosen, the list and the page from the top."""
        ids = self.list_ids()
        if ids:
            self.select(ids[0])
        self.list.scrollToTop()
        self.page_scroll.verticalScrollBar().setValue(0)

    def list_ids(self) -> list[str]:
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())]

    def retranslate(self) -> None:
        keep = self.selected_id
        entries = self.entries()
        self.list.blockSignals(True)
        if self.list.count() != len(entries):  # first fill or another pack: new items
            self.list.clear()
            for _entry in entries:
                self.list.addItem(QListWidgetItem())
        for row, (item_id, text) in enumerate(entries):  # a language switch refills the same items
            item = self.list.item(row)
            item.setText(text)
            item.setData(ID_ROLE, item_id)
        self.list.blockSignals(False)
        ids = self.list_ids()
        if ids:
            self.selected_id = ""
            wanted = keep if keep in ids else ids[0]
            current = self.list.currentItem()
            if current is not None and current.data(ID_ROLE) == wanted:  # same row: no signal, fill it here
                self._on_current(current, None)
            else:
                self.select(wanted)

    # -- internals ----------------------------------------------------------------------------------
    def _on_current(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        self.selected_id = current.data(ID_ROLE)
        self._clear_page()
        self.fill_page(self.selected_id)
        self.page_scroll.verticalScrollBar().setValue(0)
        self._order_tabs()

    def _clear_page(self) -> None:
        """Hide the page's widgets and keep the pooled ones for the next page (see the module's docstring)."""
        for widget in take_all(self.page_items):
            widget.hide()
            if widget in self._link_actions:
                self._spare_links.append(widget)
            elif widget in self._label_keys:
                self._spare_labels.setdefault(self._label_keys[widget], []).append(widget)
            elif widget not in self._kept:
                widget.deleteLater()
        self.page_widgets = []
        self.page_buttons = []

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [self.list, *self.page_buttons]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_scale(self, scale: float) -> None:
        t = TypeScale(scale)
        colours = self.state.theme
        self.columns.setContentsMargins(t.px(24), t.px(16), t.px(24), t.px(12))
        self.columns.setSpacing(t.px(32))
        self.page_layout.setSpacing(t.px(12))
        self.page_items.setSpacing(t.px(12))
        self.page_layout.setContentsMargins(0, 0, t.px(16), t.px(16))
        self.list.setFixedWidth(t.px(420))
        self.heading.setFixedWidth(t.px(420))
        self.count_label.setFixedWidth(t.px(420))
        self.page.setMaximumWidth(t.px(900))
        self.setStyleSheet(scrollbar_style(self.state.theme, scale))
        self.list.setStyleSheet(
            f"QListWidget::item {{ padding: {t.px(10)}px {t.px(12)}px; min-height: {t.touch_target - 2 * t.px(10)}px;"
            f" border-bottom: 1px solid {colours.border}; }}"
            f"QListWidget::item:selected {{ background: {colours.accent}; color: {colours.accent_text}; }}"
        )
