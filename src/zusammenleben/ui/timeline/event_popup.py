"""The panel that opens from the time bar: one event (date, title, text, sources) or a group of events.

A popup rather than a dialog: a tap outside closes it, which is what a visitor at a kiosk
expects, and it has no title bar or close box that could lead out of the app.
At the easy reading level an event shows its plain-language ``easy`` text where the pack has one,
like the glossary's definitions, and follows a level switch while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from zusammenleben.content.model import Event
from zusammenleben.core.theme import TypeScale
from zusammenleben.i18n.formatting import format_span
from zusammenleben.i18n.sources import source_caption
from zusammenleben.ui import retranslate
from zusammenleben.ui.text_button import TextButton, scrollbar_style


class EventPopup(QFrame):
    """Shows one event, or the list of a ``+N`` bubble's events to choose from."""

    eventChosen = Signal(str)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.context = context
        self.language = context.language
        self.pack = context.pack
        self.setObjectName("eventPopup")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.event_ids: list[str] = []
        self.current_id = ""
        self.buttons: list[TextButton] = []

        self.layout_ = QVBoxLayout(self)
        # the event's text and sources scroll when they need more height than there is above the bar
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget(self.scroll)
        self.content.setObjectName("eventPopupContent")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll.setWidget(self.content)
        self.scroll.setObjectName("eventPopupScroll")
        self.date_label = self._label("caption")
        self.title_label = self._label("heading")
        self.text_label = self._label("")
        self.sources_heading = self._label("small")
        self.list_layout = QVBoxLayout()
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        for widget in (self.date_label, self.title_label, self.text_label, self.sources_heading):
            self.content_layout.addWidget(widget)
        self.content_layout.addLayout(self.list_layout)
        self.content_layout.addStretch(1)
        self.layout_.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.layout_.addLayout(row)
        retranslate.bind(self, self.language)
        context.state.levelChanged.connect(self._on_level)  # the events' easy texts

    def _on_level(self, _level: str) -> None:
        if self.isVisible():
            self._fill()

    def _label(self, role: str) -> QLabel:
        label = QLabel(self.content)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if role:
            label.setProperty("role", role)
        return label

    # -- showing ------------------------------------------------------------------------------------
    def show_events(self, event_ids: list[str], anchor: QPoint, bounds: QRect) -> None:
        """Open above ``anchor`` (global position), kept inside ``bounds`` (the window, global)."""
        self.event_ids = list(event_ids)
        self.current_id = event_ids[0] if len(event_ids) == 1 else ""
        self._fill()
        self.ensurePolished()  # the style sheet's fonts (heading, caption) before measuring, not after
        for child in self.findChildren(QWidget):
            child.ensurePolished()
        t = TypeScale(self.context.state.font_scale)
        surface = self.context.state.theme.surface
        self.scroll.setStyleSheet(  # the card's colour behind the text, and a calm, finger-wide scroll bar
            scrollbar_style(self.context.state.theme, self.context.state.font_scale)
            + f"QScrollArea#eventPopupScroll, QScrollArea#eventPopupScroll > QWidget > QWidget#eventPopupContent,"
              f" QScrollArea#eventPopupScroll > QWidget {{ background: {surface}; }}")
        width = min(t.px(560), bounds.width() - 2 * t.px(16))
        self.setFixedWidth(width)
        margins = self.layout_.contentsMargins()
        inner = width - margins.left() - margins.right() - 2 * self.frameWidth()
        self.content_layout.invalidate()
        wanted = (self.content_layout.totalHeightForWidth(inner) + self.layout_.spacing()
                  + self.close_button.sizeHint().height() + margins.top() + margins.bottom()
                  + 2 * self.frameWidth())
        above = anchor.y() - bounds.top() - t.px(16) - t.px(8)  # the room between the window's top and the bar
        self.setFixedHeight(max(min(wanted, above), t.touch_target * 3))
        self.scroll.verticalScrollBar().setValue(0)
        x = min(max(anchor.x() - width // 2, bounds.left() + t.px(16)), bounds.right() - width - t.px(16))
        y = max(bounds.top() + t.px(16), anchor.y() - self.height() - t.px(8))
        self.move(x, y)
        self.show()
        self.raise_()
        focus_target = self.buttons[0] if self.buttons else self.close_button
        focus_target.setFocus(Qt.FocusReason.PopupFocusReason)

    def retranslate(self) -> None:
        ui = self.language.ui
        self.close_button.setText(ui("Close"))
        self.close_button.setAccessibleName(ui("Close"))
        self.close_button.setAccessibleDescription(ui("Close this panel and return to the time bar"))
        self.setAccessibleName(ui("Event"))
        if self.isVisible():
            self._fill()

    def _fill(self) -> None:
        ui = self.language.ui
        for button in self.buttons:
            self.list_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        events = [event for event in self.pack.events if event.id in self.event_ids]
        if self.current_id:
            event = next(e for e in events if e.id == self.current_id)
            self._fill_event(event)
            return
        self.date_label.setText(_span_of(events, self.language.code))
        self.title_label.setText(self.language.uin("%(count)d event", "%(count)d events", len(events))
                                 % {"count": len(events)})
        self.text_label.setVisible(False)
        self.sources_heading.setText(ui("Choose an event:"))
        for event in events:
            text = f"{format_span(event.date, self.language.code)}: {self.language.content(event.title)}"
            button = TextButton(self.context, text, self.content, style="card")
            button.setAccessibleName(self.language.content(event.title))
            button.setAccessibleDescription(ui("Open this event"))
            button.clicked.connect(lambda _checked=False, event_id=event.id: self.eventChosen.emit(event_id))
            self.list_layout.addWidget(button)
            self.buttons.append(button)

    def _fill_event(self, event: Event) -> None:
        ui = self.language.ui
        self.date_label.setText(format_span(event.date, self.language.code))
        self.title_label.setText(self.language.display(event.title))
        self.text_label.setText(self.language.display(event.text_at(self.context.state.level)))
        self.text_label.setVisible(True)
        self.sources_heading.setText(ui("Sources"))
        for source_id in event.sources:
            button = TextButton(self.context, source_caption(self.pack, self.language, source_id), self.content,
                                style="link")
            button.setAccessibleName(source_caption(self.pack, self.language, source_id))
            button.setAccessibleDescription(ui("Show this source on the sources screen"))
            button.clicked.connect(lambda _checked=False, sid=source_id: self._open_source(sid))
            self.list_layout.addWidget(button)
            self.buttons.append(button)

    def _open_source(self, source_id: str) -> None:
        self.close()
        self.context.state.sourceRequested.emit(source_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def _span_of(events: list[Event], lang: str) -> str:
    if not events:
        return ""
    first = min(event.date.first_year for event in events)
    last = max(event.date.last_year for event in events)
    return str(first) if first == last else f"{first}–{last}"
