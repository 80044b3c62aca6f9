"""Emptying a layout deletes its items (PySide leaves a taken item to the caller, and it leaked)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from zusammenleben.ui.layout_items import take_all, take_item


def test_take_all_returns_the_widgets_in_order_and_deletes_every_item(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    labels = [QLabel(str(number), page) for number in range(3)]
    for label in labels:
        layout.addWidget(label)
    layout.addStretch(1)
    items = [layout.itemAt(index) for index in range(layout.count())]

    assert take_all(layout) == labels
    assert layout.count() == 0
    assert not any(shiboken6.isValid(item) for item in items)
    assert all(shiboken6.isValid(label) and label.parent() is page for label in labels)


def test_take_item_deletes_a_spacer(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    spacer = layout.itemAt(0)
    take_item(layout, 0)
    assert layout.count() == 0
    assert not shiboken6.isValid(spacer)
