"""What a passer-by and a visitor see of the kiosk: "Touch to start" and "Still there?".

Overlays are children of the main window laid over all of it (no second window that a
window manager could misplace or a test could miss). They are large and quiet: one card,
one message, one button, type readable from three metres, the theme's accent colour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zusammenleben.core.theme import Theme, TypeScale
from zusammenleben.ui import retranslate

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
          QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.ContextMenu}
_KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}


class ModalInput(QObject):
    """While an overlay is open it is modal for keys and clicks, like a dialog: nothing behind it gets any.

    Covering the window was not enough: the keyboard focus stayed on a widget behind the PIN
    pad, so Tab walked through the screen's buttons and Space pressed one. This application-wide
    filter drops every input event (keys, shortcuts, clicks, wheel, touch) addressed to a widget
    outside the top-most open overlay and puts the focus back into it; Tab cycles inside it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[Overlay] = []

    def push(self, overlay: Overlay) -> None:
        if overlay in self.stack:
            self.stack.remove(overlay)
        self.stack.append(overlay)
        if len(self.stack) == 1:
            QApplication.instance().installEventFilter(self)

    def pop(self, overlay: Overlay) -> None:
        if overlay in self.stack:
            self.stack.remove(overlay)
        if not self.stack and QApplication.instance() is not None:
            QApplication.instance().removeEventFilter(self)

    def top(self) -> Overlay | None:
        shown = [overlay for overlay in self.stack if overlay.isVisible()]
        return max(shown, key=_stacking, default=None)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() not in _INPUT:
            return False
        top = self.top()
        if top is None or not top.host.isVisible():
            return False
        if not isinstance(watched, QWidget):
            # a shortcut of the window behind (the story's arrow keys) is dropped; other events to
            # non-widgets (the window handle) are followed by the widget's own event
            return event.type() == QEvent.Type.Shortcut
        if watched.window() is not top.window() or watched is top or top.isAncestorOf(watched):
            return False  # another window (a system dialog), or inside the overlay: its own business
        if watched is top.host and event.type() not in _KEYS:
            return False  # a press on the window itself is on no control (and the admin corner listens to it)
        # a press behind the overlay may already have moved the focus there (Qt gives focus on click
        # before filters run): put it back
        QTimer.singleShot(0, top.take_focus)
        event.accept()
        return True


def _stacking(overlay: QWidget) -> int:
    parent = overlay.parentWidget()
    return parent.children().index(overlay) if parent is not None else 0


MODAL = ModalInput()


class Overlay(QWidget):
    """A widget over the whole main window that follows its size; ``veil`` dims what is under it.

    An open overlay is modal for keys and clicks (``ModalInput``): what is under it is shown, never
    operated."""

    def __init__(self, window: QWidget, context, veil: QColor | None = None) -> None:
        super().__init__(window)
        self.context = context
        self.language = context.language
        self.colours: Theme = context.state.theme
        self.scale = TypeScale(context.state.font_scale)
        self.veil = veil
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.hide()
        self.host = window
        window.place_overlay(self)  # the window keeps it at its size

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.take_focus()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        MODAL.push(self)

    def hideEvent(self, event) -> None:  # noqa: N802
        super().hideEvent(event)
        MODAL.pop(self)

    def focusable(self) -> list[QWidget]:
        """The overlay's own Tab stops, in focus-chain order (the overlay itself when it has none)."""
        found: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not self and widget is not None:
            if (self.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                found.append(widget)
            widget = widget.nextInFocusChain()
        return found

    def take_focus(self) -> None:
        """Put the keyboard focus inside the overlay unless it already is."""
        current = QApplication.focusWidget()
        if current is self or (current is not None and self.isAncestorOf(current)):
            return
        stops = self.focusable()
        if stops:
            stops[0].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            if self.focusPolicy() == Qt.FocusPolicy.NoFocus:
                self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab cycle inside the overlay (a focus trap is right for a modal dialog)."""
        stops = self.focusable()
        if not stops:
            return True
        current = QApplication.focusWidget()
        index = stops.index(current) if current in stops else -1
        stops[(index + (1 if forward else -1)) % len(stops)].setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.veil is not None:
            QPainter(self).fillRect(self.rect(), self.veil)

    def make_card(self, name: str) -> QFrame:
        """A rounded card with a soft shadow; the overlay's style sheet names it."""
        card = QFrame(self)
        card.setObjectName(name)
        shadow = QGraphicsDropShadowEffect(card)
        shadow.setBlurRadius(self.scale.px(40))
        shadow.setOffset(0, self.scale.px(6))
        shadow.setColor(QColor(0, 0, 0, 90))
        card.setGraphicsEffect(shadow)
        return card

    def label(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label


def play_pause_icon(playing: bool, size: int, colour: str) -> QIcon:
    """Two bars while playing (tap to pause), a triangle while paused (tap to play): drawn, not a font glyph."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    if playing:
        bar = size * 0.22
        painter.drawRoundedRect(QRectF(size * 0.2, size * 0.15, bar, size * 0.7), 3, 3)
        painter.drawRoundedRect(QRectF(size * 0.8 - bar, size * 0.15, bar, size * 0.7), 3, 3)
    else:
        path = QPainterPath(QPointF(size * 0.25, size * 0.12))
        path.lineTo(QPointF(size * 0.85, size * 0.5))
        path.lineTo(QPointF(size * 0.25, size * 0.88))
        path.closeSubpath()
        painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)


class TouchMark(QWidget):
    """A fingertip with two rings: "touch here", understood without words."""

    def __init__(self, colour: str, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        radius = self.width() / 2
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for share, alpha in ((0.92, 90), (0.68, 160)):
            colour = QColor(self.colour)
            colour.setAlpha(alpha)
            painter.setPen(QPen(colour, max(2.0, radius * 0.07)))
            painter.drawEllipse(centre, radius * share, radius * share)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawEllipse(centre, radius * 0.36, radius * 0.36)


class AttractOverlay(Overlay):
    """While the tour plays itself: "Touch to start" in both languages, and play/pause.

    The whole screen is the touch target (a tap anywhere starts); only the play/pause
    button and the hidden admin corner do something else. No veil: the moving figures
    behind are the invitation.
    """

    touched = Signal(QPoint)
    playPauseClicked = Signal()

    def __init__(self, window: QWidget, context, codes: tuple[str, ...]) -> None:
        super().__init__(window, context, veil=None)
        self.setObjectName("kioskAttract")
        self.codes = codes
        self.first_code = codes[0]
        self.playing = True
        t, c = self.scale, self.colours
        self.setStyleSheet(
            f"QFrame#kioskAttractCard {{ background: {c.accent}; border-radius: {t.px(28)}px; }}"
            f" QLabel {{ background: transparent; color: {c.accent_text}; }}"
            f" QLabel#attractPrimary {{ font-size: {t.px(46)}px; font-weight: 700; }}"
            f" QLabel#attractSecondary {{ font-size: {t.px(30)}px; font-weight: 400; }}"
            f" QPushButton#attractPlayPause {{ background: {c.accent_text}; border: none;"
            f" border-radius: {t.px(76) // 2 - 1}px; min-width: {t.px(76)}px; min-height: {t.px(76)}px;"
            f" max-width: {t.px(76)}px; max-height: {t.px(76)}px; padding: 0px; }}"
            f" QPushButton#attractPlayPause:focus {{ border: {t.px(4)}px solid {c.highlight}; }}"
        )
        self.card = self.make_card("kioskAttractCard")
        row = QHBoxLayout(self.card)
        row.setContentsMargins(t.px(40), t.px(26), t.px(30), t.px(26))
        row.setSpacing(t.px(32))
        self.mark = TouchMark(c.accent_text, t.px(88), self.card)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(t.px(4))
        self.primary = self.label(self.card, "attractPrimary")
        self.secondary = self.label(self.card, "attractSecondary")
        for label in (self.primary, self.secondary):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setWordWrap(False)
            texts.addWidget(label)
        row.addLayout(texts, 1)
        self.play_pause = QPushButton(self.card)
        self.play_pause.setObjectName("attractPlayPause")
        self.play_pause.setIconSize(QSize(t.px(36), t.px(36)))
        self.play_pause.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.play_pause.clicked.connect(self.playPauseClicked)
        row.addWidget(self.play_pause, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        retranslate.bind(self, self.language)

    def set_first_language(self, code: str) -> None:
        """The default language reads first and largest; the other follows."""
        self.first_code = code
        self.retranslate()

    def set_playing(self, playing: bool) -> None:
        self.playing = playing
        self._update_button()

    def retranslate(self) -> None:
        others = [code for code in self.codes if code != self.first_code]
        self.primary.setText(self.language.ui_in("Touch to start", self.first_code))
        self.secondary.setText("  ·  ".join(self.language.ui_in("Touch to start", code) for code in others))
        self.secondary.setVisible(bool(others))
        self.setAccessibleName(self.language.ui("Touch to start"))
        self.setAccessibleDescription(self.language.ui("The tour plays by itself; touch the screen to explore it"))
        self._update_button()
        self._place()

    def _update_button(self) -> None:
        ui = self.language.ui
        self.play_pause.setIcon(play_pause_icon(self.playing, self.scale.px(36), self.colours.accent))
        text = ui("Pause the tour") if self.playing else ui("Play the tour")
        self.play_pause.setAccessibleName(text)
        self.play_pause.setToolTip(text)
        self.play_pause.setAccessibleDescription(ui("Stops or continues the tour that plays by itself"))

    def _place(self) -> None:
        """Centred, low: above the time bar, leaving the chapter title and the figure in view."""
        self.card.adjustSize()
        size = self.card.sizeHint()
        width = min(size.width(), self.width() - 2 * self.scale.px(24))
        x = (self.width() - width) // 2
        y = round(self.height() * 0.86) - size.height()
        footer = self.host.footer_rect()
        if not footer.isEmpty():
            y = min(y, footer.top() - size.height() - self.scale.px(20))
        self.card.setGeometry(x, max(self.scale.px(24), y), width, size.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._place()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.touched.emit(event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and not self.play_pause.hasFocus():
            self.touched.emit(QPoint(-1, -1))
            return
        super().keyPressEvent(event)


class CountdownRing(QWidget):
    """The seconds left, large, inside a ring that empties: readable at a glance and from afar."""

    def __init__(self, colours: Theme, scale: TypeScale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self.scale = scale
        self.fraction = 1.0
        self.seconds = 0
        side = scale.px(150)
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_time(self, seconds: int, fraction: float) -> None:
        self.seconds, self.fraction = seconds, max(0.0, min(1.0, fraction))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.scale.px(12)
        rect = QRectF(self.rect()).adjusted(width, width, -width, -width)
        painter.setPen(QPen(QColor(self.colours.border), width))
        painter.drawEllipse(rect)
        pen = QPen(QColor(self.colours.accent), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(rect, 90 * 16, round(360 * 16 * self.fraction))
        font = painter.font()
        font.setPixelSize(self.scale.px(56))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self.colours.text))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(self.seconds))


class CountdownOverlay(Overlay):
    """ "Still there?": the time left and one big "Continue" button; a tap anywhere also continues."""

    continued = Signal()

    def __init__(self, window: QWidget, context) -> None:
        super().__init__(window, context, veil=QColor(16, 16, 16, 150))
        self.setObjectName("kioskCountdown")
        t, c = self.scale, self.colours
        self.setStyleSheet(
            f"QFrame#kioskCountdownCard {{ background: {c.surface}; border-radius: {t.px(28)}px; }}"
            f" QLabel {{ background: transparent; color: {c.text}; }}"
            f" QLabel#countdownTitle {{ font-size: {t.px(56)}px; font-weight: 700; }}"
            f" QLabel#countdownText {{ font-size: {t.px(26)}px; }}"
            f" QPushButton#countdownContinue {{ background: {c.accent}; color: {c.accent_text};"
            f" border: none; border-radius: {t.px(16)}px; font-size: {t.px(36)}px; font-weight: 700;"
            f" min-height: {t.px(92)}px; min-width: {t.px(340)}px; padding: 0px {t.px(40)}px; }}"
            f" QPushButton#countdownContinue:focus {{ border: {t.px(4)}px solid {c.text}; }}"
        )
        self.card = self.make_card("kioskCountdownCard")
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(t.px(64), t.px(48), t.px(64), t.px(56))
        layout.setSpacing(t.px(24))
        self.title = self.label(self.card, "countdownTitle")
        self.ring = CountdownRing(c, t, self.card)
        self.text = self.label(self.card, "countdownText")
        self.button = QPushButton(self.card)
        self.button.setObjectName("countdownContinue")
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.clicked.connect(self.continued)
        layout.addWidget(self.title)
        layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.seconds = 0
        retranslate.bind(self, self.language)

    def set_time(self, seconds: int, fraction: float) -> None:
        changed = seconds != self.seconds
        self.seconds = seconds
        self.ring.set_time(seconds, fraction)
        if changed:
            self._update_text()

    def retranslate(self) -> None:
        ui = self.language.ui
        self.title.setText(ui("Still there?"))
        self.button.setText(ui("Continue"))
        self.button.setAccessibleName(ui("Continue"))
        self.button.setAccessibleDescription(ui("Keep exploring where you are"))
        self.setAccessibleName(ui("Still there?"))
        self._update_text()

    def _update_text(self) -> None:
        text = self.language.uin("The exhibition starts again in %(seconds)d second.",
                                 "The exhibition starts again in %(seconds)d seconds.", self.seconds)
        self.text.setText(text % {"seconds": self.seconds})
        self.ring.setAccessibleName(self.text.text())
        self._place()

    def _place(self) -> None:
        width = min(self.scale.px(820), self.width() - 2 * self.scale.px(24))
        self.card.setFixedWidth(max(1, width))
        self.card.adjustSize()
        height = self.card.heightForWidth(width) if self.card.hasHeightForWidth() else self.card.sizeHint().height()
        height = max(height, self.card.sizeHint().height())
        self.card.setGeometry((self.width() - width) // 2, max(0, (self.height() - height) // 2), width, height)

    def open(self) -> None:
        super().open()
        self._place()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        event.accept()
        self.continued.emit()

