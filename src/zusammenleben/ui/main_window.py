"""The main window: a header (title, screens, language), the screen stack and the time bar.

The window only arranges; it builds no content views itself. The composition root
(``app.py``) hands it the screens and the time bar, so tests and modes can assemble the
same parts differently.

Screens can be added built (``add_screen``) or as a factory (``add_screen_factory``): the header
button is there at once, the screen itself is built when it is first shown or looked up, or after
the window's first paint, one per event-loop turn, so the first frame pays only for the screen in
front (benchmarks/startup.py). ``screens`` keeps meaning "every screen": looking one up builds it.

The modes (``zusammenleben.modes.classroom``, ``.kiosk``, a presenter console) change the
window only through its small host API (the "host API" section below, documented in
``docs/architecture.md``): they never index into the header's layouts or the footer, so the
window can rearrange its insides without breaking a mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core.context import UiContext
from zusammenleben.ui import retranslate
from zusammenleben.ui.flow_layout import FlowLayout
from zusammenleben.ui.language_switch import LanguageSwitch
from zusammenleben.ui.screen import Screen
from zusammenleben.ui.screen_registry import label_msgid

log = logging.getLogger(__name__)

#: After the first paint, wait this long before building the screens not yet built (one per event-loop
#: turn): the first frame is flushed and the input that came with it is handled first.
IDLE_BUILD_DELAY_MS = 50

ScreenFactory = Callable[[QWidget], "Screen | None"]  # called with the stack, the screen's parent


class ScreenMap(Mapping[str, Screen]):
    """Every screen of a window by key, in the order of the header buttons.

    Keys, ``in`` and ``len`` never build anything; looking a screen up (``[key]``, ``get``,
    ``values()``, ``items()``) builds it if it is still waiting, so every reader of
    ``window.screens`` (modes, tests, benchmarks) gets a real screen without knowing about
    lazy building. Who only wants what exists asks ``window.built_screens()``.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> Screen:
        screen = self._window.ensure_screen(key)
        if screen is None:
            raise KeyError(key)
        return screen

    def __contains__(self, key: object) -> bool:
        return key in self._window._order

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._window._order))

    def __len__(self) -> int:
        return len(self._window._order)


class MainWindow(QMainWindow):
    closing = Signal()  # the window is about to close (after the close guard agreed): save what must be kept
    screenBuilt = Signal(QWidget)  # a screen added by a factory was built (and is in the stack now)
    firstPainted = Signal()  # once, after the window's first frame is drawn (from the next event-loop turn)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.state = context.state
        self.setObjectName("mainWindow")
        self._screens: dict[str, Screen] = {}  # built
        self._factories: dict[str, ScreenFactory] = {}  # not built yet
        self._order: list[str] = []  # every screen's key, in header order
        self.missing_screens: list[str] = []  # keys whose factory failed (their button is gone)
        self.nav_buttons: dict[str, QPushButton] = {}
        self._close_guard: Callable[[], bool] | None = None
        self._overlays: list[QWidget] = []
        self._chrome_hidden: list[QWidget] | None = None  # what set_chrome_visible(False) hid, to show again

        central = QWidget(self)
        self.setCentralWidget(central)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.header = QWidget(central)
        self.header.setObjectName("header")
        header_layout = QHBoxLayout(self.header)
        header_layout.setContentsMargins(16, 8, 16, 8)
        header_layout.setSpacing(8)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("appTitle")
        header_layout.addWidget(self.title_label)
        self.title_gap = 16
        header_layout.addSpacing(self.title_gap)
        self.nav_layout = FlowLayout(spacing=6)  # wraps to a second row rather than cutting a label
        header_layout.addLayout(self.nav_layout, 1)
        self.header_extras = QHBoxLayout()
        header_layout.addLayout(self.header_extras)
        self.language_switch = LanguageSwitch(self.language, self.header)
        header_layout.addWidget(self.language_switch)
        outer.addWidget(self.header)
        self.header.installEventFilter(self)  # its size hints change with language, font scale and modes

        self.stack = QStackedWidget(central)
        outer.addWidget(self.stack, 1)
        self.footer = QVBoxLayout()
        self.footer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.footer)

        # no QButtonGroup: Qt makes a group's buttons one Tab stop (arrows move inside), but the story
        # uses the arrow keys for chapters, so every screen button is its own Tab stop
        self.state.screenChanged.connect(self._show_screen)
        retranslate.bind(self, self.language)
        self._idle_build = QTimer(self)
        self._idle_build.setSingleShot(True)
        self._idle_build.timeout.connect(self._build_next_pending)
        self._first_paint = _FirstPaint(self, self._on_first_paint)

    # -- assembly -----------------------------------------------------------------------------------
    def add_screen(self, screen: Screen) -> None:
        """A built screen and its header button."""
        self._order.append(screen.key)
        self._screens[screen.key] = screen
        self.stack.insertWidget(self._stack_index(screen.key), screen)
        self._add_button(screen.key)
        self._show_if_first(screen.key)

    def add_screen_factory(self, key: str, build: ScreenFactory, requests: Iterable[SignalInstance] = ()) -> None:
        """The header button of screen ``key`` now, the screen from ``build()`` when it is first needed.

        ``build`` returns None when the screen cannot be built (it logs why); its button then goes.
        ``requests`` are the signals the screen answers with ``reveal(id)`` (``state.sourceRequested``):
        one that comes while the screen waits builds it and hands it on.
        """
        self._order.append(key)
        self._factories[key] = build
        for signal in requests:
            signal.connect(lambda *args, key=key: self._answer_request(key, args))
        self._add_button(key)
        self._show_if_first(key)

    def _answer_request(self, key: str, args: tuple) -> None:
        if key not in self._factories:  # built: the screen listens itself
            return
        screen = self.ensure_screen(key)
        if screen is not None:
            screen.reveal(*args)

    def _add_button(self, key: str) -> None:
        button = QPushButton(self.header)
        button.setCheckable(True)
        button.setObjectName(f"nav-{key}")
        button.clicked.connect(lambda _checked=False, key=key: self._choose_screen(key))
        self.nav_layout.addWidget(button)
        self.nav_buttons[key] = button
        label = self._nav_label(key)
        button.setText(label)
        button.setAccessibleName(label)
        button.setAccessibleDescription(self.language.ui("Open this screen"))

    def _show_if_first(self, key: str) -> None:
        if len(self._order) == 1 or key == self.state.screen:
            self._show_screen(self.state.screen if self.state.screen in self._order else key)

    def _nav_label(self, key: str) -> str:
        screen = self._screens.get(key)
        if screen is not None:
            return screen.nav_label()
        msgid = label_msgid(key)
        return self.language.ui(msgid) if msgid is not None else key

    def _stack_index(self, key: str) -> int:
        """Where ``key`` goes in the stack: after the built screens that come before it in the header."""
        position = self._order.index(key)
        return sum(1 for other in self._order[:position] if other in self._screens)

    # -- screens built on demand --------------------------------------------------------------------
    def ensure_screen(self, key: str) -> Screen | None:
        """The screen ``key``, built now if it was waiting; None for an unknown key or one that failed."""
        screen = self._screens.get(key)
        if screen is not None:
            return screen
        build = self._factories.pop(key, None)
        if build is None:
            return None
        screen = build(self.stack)
        if screen is None:
            self._drop(key)
            return None
        self._screens[key] = screen
        self.stack.insertWidget(self._stack_index(key), screen)
        self.screenBuilt.emit(screen)
        return screen

    def built_screens(self) -> Mapping[str, Screen]:
        """The screens built so far, in header order (the others are still as they start)."""
        return MappingProxyType({key: self._screens[key] for key in self._order if key in self._screens})

    def pending_screens(self) -> list[str]:
        """The keys of the screens not built yet, in header order."""
        return [key for key in self._order if key in self._factories]

    def build_all_screens(self) -> None:
        """Build every screen still waiting (the self-test, a benchmark, a kiosk before its first visitor)."""
        for key in self.pending_screens():
            self.ensure_screen(key)

    def _drop(self, key: str) -> None:
        self._order.remove(key)
        self.missing_screens.append(key)
        button = self.nav_buttons.pop(key, None)
        if button is not None:
            self.nav_layout.removeWidget(button)
            button.hide()
            button.deleteLater()

    def _on_first_paint(self) -> None:
        QTimer.singleShot(0, self.firstPainted.emit)  # this paint event is the window's; its children paint next
        if self.pending_screens():
            self._idle_build.start(IDLE_BUILD_DELAY_MS)

    def _build_next_pending(self) -> None:
        """Build one waiting screen, then give the event loop a turn before the next."""
        pending = self.pending_screens()
        if not pending:
            return
        self.ensure_screen(pending[0])
        if len(pending) > 1:
            self._idle_build.start(0)

    def set_footer(self, widget: QWidget) -> None:
        """The time bar: always visible under every screen."""
        self.footer.addWidget(widget)

    # -- host API: what the modes may change ---------------------------------------------------------
    @property
    def screens(self) -> Mapping[str, Screen]:
        """Every screen by key, in the order of their buttons (read-only); a lookup builds a waiting screen."""
        return ScreenMap(self)

    def current_screen(self) -> Screen:
        """The screen on show."""
        return self.stack.currentWidget()  # type: ignore[return-value]

    def open_view(self, key: str) -> None:
        """Show the screen ``key`` (through the state, so every listener follows)."""
        self.state.set_screen(key)

    def add_header_action(self, widget: QWidget) -> None:
        """A button or menu at the header's right end, before the language switch (in the order added)."""
        widget.setParent(self.header)
        self.header_extras.addWidget(widget)

    def add_header_status(self, widget: QWidget, stretch: int = 1) -> None:
        """A status display beside the screen buttons (the presenter's chapter progress); hidden until shown."""
        widget.setParent(self.header)
        widget.hide()
        layout = self.header.layout()
        extras = layout.indexOf(self.header_extras)
        layout.insertWidget(extras if extras >= 0 else layout.count(), widget, stretch)

    def set_chrome_visible(self, visible: bool) -> None:
        """Hide (or bring back) what only a mouse can use: the app's name, the screen buttons and the time bar.

        Only what was visible is hidden, and only that comes back; a header status then takes the row
        from the left.
        """
        if visible == self.chrome_visible():
            return
        layout = self.header.layout()
        if not visible:
            self._chrome_hidden = [w for w in self._chrome_widgets() if not w.isHidden()]
            for widget in self._chrome_hidden:
                widget.hide()
            layout.setStretchFactor(self.nav_layout, 0)
        else:
            layout.setStretchFactor(self.nav_layout, 1)
            for widget in self._chrome_hidden or []:
                widget.show()
            self._chrome_hidden = None

    def chrome_visible(self) -> bool:
        return self._chrome_hidden is None

    def set_navigation_visible(self, key: str, visible: bool) -> None:
        """Offer the screen ``key`` in the header or not (a kiosk shows only the screens its settings allow)."""
        if key in self.nav_buttons:
            self.nav_buttons[key].setVisible(visible)

    def set_close_guard(self, guard: Callable[[], bool] | None) -> None:
        """``guard()`` is asked before the window closes and may veto it (a kiosk's "no way out"); None: no guard."""
        self._close_guard = guard

    def close_guard(self) -> Callable[[], bool] | None:
        return self._close_guard

    def place_overlay(self, widget: QWidget) -> None:
        """Lay ``widget`` over the whole window (header and time bar included), kept at the window's size."""
        if widget.parentWidget() is not self:
            widget.setParent(self)
        if widget not in self._overlays:
            self._overlays.append(widget)
            widget.destroyed.connect(lambda _obj=None, w=widget: self._forget_overlay(w))
        widget.setGeometry(self.rect())

    def footer_rect(self):
        """Where the time bar is, in window coordinates (empty without one): overlays keep clear of it."""
        from PySide6.QtCore import QRect

        geometry = self.footer.geometry()
        return QRect(geometry) if geometry.height() > 0 else QRect()

    def _forget_overlay(self, widget: QWidget) -> None:
        self._overlays = [w for w in self._overlays if w is not widget]

    def _chrome_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.title_label, *self.nav_buttons.values()]
        for index in range(self.footer.count()):
            widget = self.footer.itemAt(index).widget()
            if widget is not None:
                widgets.append(widget)
        return widgets

    # -- behaviour ----------------------------------------------------------------------------------
    def _show_screen(self, key: str) -> None:
        screen = self.ensure_screen(key)
        if screen is None:
            log.warning("no screen %r", key)
            return
        self.stack.setCurrentWidget(screen)
        self._mark_screen(key)
        screen.activated()

    def _choose_screen(self, key: str) -> None:
        self.state.set_screen(key)
        self._mark_screen(self.state.screen)  # a click on the current screen's button must not uncheck it

    def _mark_screen(self, key: str) -> None:
        for other, button in self.nav_buttons.items():
            button.setChecked(other == key)

    def retranslate(self) -> None:
        ui = self.language.ui
        pack_title = self.language.content(self.context.pack.title)
        self.title_label.setText(pack_title)
        self.setWindowTitle(pack_title)
        self.title_label.setAccessibleName(ui("Application title"))
        for key, button in self.nav_buttons.items():
            label = self._nav_label(key)  # a waiting screen stays unbuilt: its label is in the registry
            button.setText(label)
            button.setAccessibleName(label)
            button.setAccessibleDescription(ui("Open this screen"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._close_guard is not None and not self._close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

    # -- header fitting -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        for overlay in self._overlays:
            overlay.setGeometry(self.rect())
        self._fit_header()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.header and event.type() == QEvent.Type.LayoutRequest:
            self._fit_header()
        return super().eventFilter(watched, event)

    def _fit_header(self) -> None:
        """Show the app's name only while the header still fits in one row with it.

        On a 1280-pixel projector six screen buttons, the classroom menu and the languages fill
        the row; a second row would cost the story 50 pixels of height, the name costs nothing
        that the window title does not also say.
        """
        layout = self.header.layout()
        needed = layout.sizeHint().width()
        if self.title_label.isHidden():
            needed += self.title_label.sizeHint().width() + layout.spacing()
        fits = needed <= self.width()
        if fits == self.title_label.isHidden():
            self.title_label.setVisible(fits)

    # -- keyboard order -----------------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """What Tab visits, in reading order: the header left to right, the current screen, the time bar.

        Screens order their own widgets (``QWidget.setTabOrder``); the window only puts the three
        regions in sequence, so widgets a screen builds later (links of a new chapter) never land
        after the time bar or before the header.
        """
        stops = _tab_stops(self.header, self)
        in_nav = [self.nav_layout.itemAt(i).widget() for i in range(self.nav_layout.count())]
        header = [w for w in in_nav if w in stops]  # the screen buttons in their order, however they wrap
        header += sorted((w for w in stops if w not in header),
                         key=lambda w: w.mapTo(self.header, w.rect().topLeft()).x())
        screen = self.stack.currentWidget()
        content = _tab_stops(screen, self) if screen is not None else []
        footer: list[QWidget] = []
        for index in range(self.footer.count()):
            widget = self.footer.itemAt(index).widget()
            if widget is not None:
                footer += _tab_stops(widget, self)
        return header + content + footer

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's name)
        chain = self.tab_chain()
        if not chain:
            return super().focusNextPrevChild(next)
        index = _position_in(chain, QApplication.focusWidget())
        if index is None:
            target = chain[0] if next else chain[-1]
        else:
            target = chain[(index + (1 if next else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        return True

class _FirstPaint(QObject):
    """Calls ``then()`` once, after the window's first paint event (then lets go of the window)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._then()
        return False


def _position_in(chain: list[QWidget], current: QWidget | None) -> int | None:
    """Where the focus is in ``chain``: the widget itself, else the closest entry that contains it."""
    if current is None:
        return None
    for position, widget in enumerate(chain):
        if widget is current:
            return position
    parent = current.parentWidget()
    while parent is not None:
        for position, widget in enumerate(chain):
            if widget is parent:
                return position
        parent = parent.parentWidget()
    return None


def _tab_stops(root: QWidget, window: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach, in the order of Qt's focus chain."""
    stops: list[QWidget] = []
    candidates = [root]
    widget = root.nextInFocusChain()
    while widget is not root and widget is not None and len(candidates) < 10_000:
        candidates.append(widget)
        widget = widget.nextInFocusChain()
    for widget in candidates:
        if (widget.window() is window and (widget is root or root.isAncestorOf(widget))
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
                and widget.isVisibleTo(window) and widget.focusProxy() is None):
            stops.append(widget)
    return stops

