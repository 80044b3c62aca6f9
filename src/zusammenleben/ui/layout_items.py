"""Emptying a layout without leaking its items.

``QLayout.takeAt`` hands the layout item to the caller, who must delete it; PySide does not
take ownership of the returned item, so a dropped wrapper leaves the C++ item behind (~90 bytes
per widget, every time a page is refilled: benchmarks/RESULTS.md, "takeAt"). On a kiosk that
refills pages at every language switch this was the largest part of the memory growth.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLayout, QWidget


def take_all(layout: QLayout) -> list[QWidget]:
    """Remove every item from ``layout`` and delete the items; return the widgets, in order.

    The widgets themselves are kept (still children of their parent); the caller hides,
    reuses or deletes them. Spacers and nested layouts go with their items.
    """
    widgets: list[QWidget] = []
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widgets.append(widget)
        shiboken6.delete(item)
    return widgets


def take_item(layout: QLayout, index: int) -> None:
    """Remove and delete the item at ``index`` (a spacer, a nested layout): see the module's docstring."""
    item = layout.takeAt(index)
    if item is not None:
        shiboken6.delete(item)
