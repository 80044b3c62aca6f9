"""No way out: one application-wide event filter that closes every door a visitor could find.

An event filter on the QApplication sees every event of every widget, including widgets
built later (the indicator cards, pyqtgraph's menus, a combo box's popup), which a walk
over the window at start-up would miss. It

- eats context menus, and the right and middle mouse buttons that open them (pyqtgraph
  opens its menu, with its "Export…" file dialog, from a right-button release, so eating
  ``ContextMenu`` alone is not enough) and closes any menu that still
  tries to show;
- eats the keys that close, quit or leave fullscreen (Ctrl+Q, Ctrl+W, Ctrl+F4, Alt+F4,
  F11, Esc) before shortcuts see them;
- refuses drag and drop;
- hardens each widget when Qt first polishes it: no context-menu policy, no drops, no
  links out, no text selection that fights with scrolling, pyqtgraph made inert, kinetic
  (finger) scrolling on scroll areas, and text fields handed to the on-screen letters;
- routes ``http``, ``file`` … links to a handler that refuses them;
- reports every press, touch, key and wheel to the controller (idle timer, admin gesture).

Input is reported once per user action: Qt hands one press to the window, then to the
widget under the finger, then to its parents; they all carry the same time stamp and
position, so repeats are dropped. The mouse press Qt makes from a touch is not a second tap.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QScroller,
    QScrollerProperties,
    QStyledItemDelegate,
    QTextBrowser,
    QToolBar,
    QWidget,
)

log = logging.getLogger(__name__)

E = QEvent.Type
REFUSED_SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "ssh", "smb")
_BLOCKED_KEYS = (
    QKeySequence("Ctrl+Q"), QKeySequence("Ctrl+W"), QKeySequence("Ctrl+F4"), QKeySequence("Alt+F4"),
    QKeySequence("F11"), QKeySequence("Esc"), QKeySequence("Ctrl+Shift+Q"), QKeySequence("Meta+Q"),
)
_BLOCKED_STANDARD = (QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Close,
                     QKeySequence.StandardKey.FullScreen, QKeySequence.StandardKey.Cancel)
_MOUSE = (E.MouseButtonPress, E.MouseButtonRelease, E.MouseButtonDblClick)
_DRAG = (E.DragEnter, E.DragMove, E.Drop)
_KEYS = (E.KeyPress, E.KeyRelease, E.ShortcutOverride, E.Shortcut)
_WATCHED = frozenset((*_MOUSE, *_DRAG, *_KEYS, E.ContextMenu, E.Polish, E.Show, E.TouchBegin, E.Wheel,
                      E.TabletPress, E.MouseMove))
_SCROLL_ALWAYS_OFF = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_REPORTED = {E.MouseButtonPress: "press", E.TabletPress: "press", E.TouchBegin: "press", E.MouseMove: "drag",
             E.KeyPress: "key", E.Wheel: "wheel"}

InputCallback = Callable[[str, "QPointF | None", bool], None]  # kind, global position, in the main window


def is_blocked_key(event) -> bool:
    """Keys that would close the window, quit the app or leave fullscreen."""
    combination = QKeySequence(event.keyCombination())
    if any(combination.matches(blocked) == QKeySequence.SequenceMatch.ExactMatch for blocked in _BLOCKED_KEYS):
        return True
    return any(event.matches(standard) for standard in _BLOCKED_STANDARD)


def wants_kinetic_scrolling(area: QAbstractScrollArea) -> bool:
    """Scroll areas a finger should flick: not graphics views (the map and the plots drag their
    own content), not views that never scroll (text that grows instead), not popups."""
    if isinstance(area, QGraphicsView):
        return False
    if (area.verticalScrollBarPolicy() == _SCROLL_ALWAYS_OFF
            and area.horizontalScrollBarPolicy() == _SCROLL_ALWAYS_OFF):
        return False
    window = area.window()
    return not (window is not None and window.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup)


def enable_kinetic_scrolling(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    if viewport.property("kioskKinetic"):
        return
    viewport.setProperty("kioskKinetic", True)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    overshoot = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, overshoot)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, overshoot)
    scroller.setScrollerProperties(properties)


class TouchRowDelegate(QStyledItemDelegate):
    """Rows of a combo box's list at least one finger high."""

    def __init__(self, height: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.row_height = height

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt's name)
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), self.row_height))


class LockDown(QObject):
    """Install with ``install()``; ``suspended`` lets the admin's own file dialog work normally."""

    def __init__(self, window: QMainWindow, on_input: InputCallback | None = None,
                 on_line_edit: Callable[[QLineEdit], None] | None = None,
                 row_height: int = 48) -> None:
        super().__init__(window)
        self.window = window
        self.row_height = row_height
        self.on_input = on_input
        self.on_line_edit = on_line_edit
        self.suspended = False
        self.installed = False
        self.refused_urls: list[str] = []
        self._last_reported: tuple | None = None

    # -- installing ---------------------------------------------------------------------------------
    def install(self) -> None:
        app = QApplication.instance()
        if self.installed or app is None:
            return
        app.installEventFilter(self)
        self.installed = True
        for scheme in REFUSED_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "refuse_url")
        self.hide_bars()
        self.harden_tree(self.window)

    def harden_tree(self, root: QWidget) -> None:
        """``root`` and every widget in it (a screen the window built after ``install``: its widgets
        were polished before they were in the window, so the Polish filter could not attach them)."""
        if not self.installed or self.suspended:
            return
        for widget in [root, *root.findChildren(QWidget)]:
            self.harden(widget)

    def remove(self) -> None:
        app = QApplication.instance()
        if not self.installed or app is None:
            return
        app.removeEventFilter(self)
        self.installed = False
        for scheme in REFUSED_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

    def hide_bars(self) -> None:
        """No menu bar and no tool bars (other modes may add them)."""
        bar = self.window.menuWidget()
        if bar is not None:
            bar.hide()
        for widget in self.window.findChildren(QMenuBar) + self.window.findChildren(QToolBar):
            widget.hide()

    @Slot(QUrl)
    def refuse_url(self, url: QUrl) -> None:
        """Every link that would leave the app ends here."""
        log.warning("kiosk: refused to open %s", url.toString())
        self.refused_urls.append(url.toString())

    # -- per widget ---------------------------------------------------------------------------------
    def harden(self, widget: QWidget) -> None:
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        widget.setAcceptDrops(False)
        if isinstance(widget, QLabel):
            widget.setOpenExternalLinks(False)
            widget.setTextInteractionFlags(widget.textInteractionFlags() & ~(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard))
        elif isinstance(widget, QTextBrowser):
            widget.setOpenExternalLinks(False)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        elif isinstance(widget, QLineEdit):
            if self.on_line_edit is not None and widget.window() is self.window:
                self.on_line_edit(widget)
        elif isinstance(widget, QComboBox) and not isinstance(widget.itemDelegate(), TouchRowDelegate):
            widget.setItemDelegate(TouchRowDelegate(self.row_height, widget))
        if isinstance(widget, QAbstractScrollArea):
            if wants_kinetic_scrolling(widget):
                enable_kinetic_scrolling(widget)
            self._quiet_plot(widget)

    @staticmethod
    def _quiet_plot(widget: QWidget) -> None:
        """pyqtgraph's views: no menu, no buttons, no pan or zoom (they are QGraphicsViews)."""
        if not isinstance(widget, QGraphicsView) or not hasattr(widget, "getPlotItem"):
            return
        from zusammenleben.ui.plots.widget import make_kiosk_safe

        make_kiosk_safe(widget)  # type: ignore[arg-type]

    # -- the filter ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind == E.Polish:
            if isinstance(watched, QWidget) and not self.suspended:
                self.harden(watched)
            return False
        if kind == E.Show:
            if isinstance(watched, QMenu) and not self.suspended:
                log.warning("kiosk: a menu tried to open (%s); closed", type(watched).__name__)
                QTimer.singleShot(0, watched.close)
            return False
        self._report(kind, event, watched)
        if self.suspended:
            return False
        if kind == E.ContextMenu:
            return True
        if kind in _DRAG:
            event.ignore()
            return True
        if kind in _MOUSE:
            return event.button() in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton)
        if kind in _KEYS and kind != E.Shortcut and is_blocked_key(event):
            if kind == E.ShortcutOverride:
                event.accept()  # "the widget wants this key itself": Qt then tries no shortcut with it
            return True
        return False

    def _in_main_window(self, watched: QObject) -> bool:
        if watched.isWindowType():
            return watched is self.window.windowHandle()
        return isinstance(watched, QWidget) and watched.window() is self.window

    def _report(self, kind: QEvent.Type, event: QEvent, watched: QObject) -> None:
        if self.on_input is None or kind not in _REPORTED:
            return
        if kind == E.MouseMove and event.buttons() == Qt.MouseButton.NoButton:
            return
        if kind == E.TouchBegin:
            points = event.points()
            position = QPointF(points[0].globalPosition()) if points else None
        elif kind in (E.MouseButtonPress, E.TabletPress, E.MouseMove, E.Wheel):
            position = QPointF(event.globalPosition())
        else:
            position = None
        key = (kind, event.timestamp(), None if position is None else (position.x(), position.y()))
        if key == self._last_reported:
            return  # the same press on its way from the window to the widget and its parents
        self._last_reported = key
        if kind == E.MouseButtonPress and event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            self.on_input("touch-mouse", None, False)  # Qt's mouse copy of a touch already reported
        elif kind in (E.MouseButtonPress, E.TabletPress, E.TouchBegin):
            self.on_input("press", position, self._in_main_window(watched))
        else:
            self.on_input(_REPORTED[kind], None, self._in_main_window(watched))
