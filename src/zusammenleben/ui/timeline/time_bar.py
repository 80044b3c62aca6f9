"""The time bar: always visible under every screen; the one year cursor everything follows.

Custom-painted, because it must do what no stock widget does at once: a year axis,
event labels that never overlap (rows, then ``+N`` bubbles), the current chapter's span,
and a cursor a finger can drag. Dragging sets ``state.year`` only; which chapter is shown
stays the teacher's decision. Label positions are computed on resize, font scale and
language change (``geometry.py``); moving the year only repaints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from zusammenleben.content.model import Event
from zusammenleben.core.theme import TypeScale
from zusammenleben.ui import retranslate
from zusammenleben.ui.accessible_marks import AccessibleMarks
from zusammenleben.ui.timeline.event_popup import EventPopup
from zusammenleben.ui.timeline.geometry import BarGeometry, build_geometry
from zusammenleben.ui.timeline.label_layout import Marker, Placed

MAX_BAR_SCALE = 1.5
BAR_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Up,
            Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space}


class TimeBar(QWidget):
    """``start_year → end_year`` with event labels, the chapter span and the draggable year cursor."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = context.state
        self.language = context.language
        self.pack = context.pack
        self.setObjectName("timeBar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        self.events: dict[str, Event] = {event.id: event for event in self.pack.events}
        self.geometry_: BarGeometry | None = None
        self.focused_group = -1
        self._press: QPointF | None = None
        self._pressed_group: Placed | None = None
        self._dragging = False
        self.marks = AccessibleMarks(self)  # the events as named children, for screen readers
        self._popup: EventPopup | None = None  # built when first opened: a hidden child is polished at every start

        self.state.yearChanged.connect(self._on_year)
        self.state.chapterChanged.connect(lambda _index: self.update())
        self.state.fontScaleChanged.connect(lambda _scale: self.relayout())
        self.state.themeChanged.connect(lambda _theme: self.relayout())
        self.state.eventOpened.connect(self._on_event_opened)
        retranslate.bind(self, self.language)

    # -- public API ---------------------------------------------------------------------------------
    def relayout(self) -> None:
        """Recompute label boxes for the current width, scale and language; resize if needed."""
        self.geometry_ = self._measure(self.width())
        self.setFixedHeight(round(self.geometry_.height))
        self.focused_group = min(self.focused_group, len(self.geometry_.placed) - 1)
        self._update_marks()
        self.update()

    def bar_scale(self) -> float:
        """The font scale, but never above 150 %: 24-pixel labels read from the back of a classroom,
        and at 200 % the bar would take a third of a 1080-pixel screen from the story."""
        return min(self.state.font_scale, MAX_BAR_SCALE)

    def bar_geometry(self) -> BarGeometry:
        if self.geometry_ is None or abs(self.geometry_.width - self.width()) > 0.5:
            self.geometry_ = self._measure(self.width())
        return self.geometry_

    def label_rects(self) -> list[QRectF]:
        """The label and bubble boxes as painted, in widget coordinates (the overlap test reads them)."""
        return self.bar_geometry().label_rects()

    def placed_labels(self) -> list[Placed]:
        return self.bar_geometry().placed

    def x_for_year(self, year: int) -> float:
        return self.bar_geometry().x_for(year + 0.5)

    def open_event(self, event_id: str) -> None:
        """Move the year to the event and show it; tell the others (``state.eventOpened``)."""
        event = self.events.get(event_id)
        if event is None:
            return
        self.state.set_year(event.date.first_year)
        self._show_popup([event_id], event.date.start.decimal_year)
        self.state.eventOpened.emit(event_id)

    def open_group(self, item: Placed) -> None:
        if item.is_cluster:
            first = item.markers[0].id
            self._show_popup([marker.id for marker in item.markers], self.events[first].date.start.decimal_year,
                             at_x=item.left + item.width / 2)
        else:
            self.open_event(item.markers[0].id)

    # -- Qt -----------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(800, round(self.bar_geometry().height))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()

    def retranslate(self) -> None:
        ui = self.language.ui
        self.setAccessibleName(ui("Time bar"))
        self.setAccessibleDescription(
            ui("Years %(first)d to %(last)d with events. Drag the cursor or use the arrow keys to choose a "
               "year; Up and Down pick an event, Enter opens it.") % {"first": self.pack.start_year,
                                                                        "last": self.pack.end_year}
        )
        self.setToolTip(ui("Drag to choose a year; tap an event to open it"))
        self.relayout()

    def event(self, event: QEvent) -> bool:
        # Keys this bar uses are not taken by window shortcuts (the story's arrow keys) while it has focus.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in BAR_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        placed = self.bar_geometry().placed
        if key == Qt.Key.Key_Left:
            self.state.set_year(self.state.year - 1)
        elif key == Qt.Key.Key_Right:
            self.state.set_year(self.state.year + 1)
        elif key == Qt.Key.Key_Home:
            self.state.set_year(self.state.first_year)
        elif key == Qt.Key.Key_End:
            self.state.set_year(self.state.last_year)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and placed:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.focused_group = (self.focused_group + step) % len(placed)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and 0 <= self.focused_group < len(
                placed):
            self.open_group(placed[self.focused_group])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position()
        self._press = position
        self._dragging = False
        self._pressed_group = self._group_at(position)
        if self._pressed_group is None:
            self._dragging = True
            self.state.set_year(self.bar_geometry().year_at(position.x()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        position = event.position()
        if not self._dragging and (position - self._press).manhattanLength() >= QApplication.startDragDistance():
            self._dragging = True
            self._pressed_group = None
        if self._dragging:
            self.state.set_year(self.bar_geometry().year_at(position.x()))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._pressed_group is not None and not self._dragging:
            item = self._pressed_group
            self._pressed_group = None
            self._press = None
            self.open_group(item)
            event.accept()
            return
        self._press = None
        self._dragging = False
        self._pressed_group = None
        super().mouseReleaseEvent(event)

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        geometry = self.bar_geometry()
        colours = self.context.state.theme
        t = TypeScale(self.bar_scale())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(colours.surface))
        painter.setPen(QPen(QColor(colours.border), 1))
        painter.drawLine(0, 0, self.width(), 0)
        self._paint_chapter_span(painter, geometry, colours, t)
        self._paint_axis(painter, geometry, colours, t)
        self._paint_labels(painter, geometry, colours, t)
        self._paint_cursor(painter, geometry, colours, t)
        if self.hasFocus():
            painter.setPen(QPen(QColor(colours.accent), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def _paint_chapter_span(self, painter: QPainter, g: BarGeometry, colours, t: TypeScale) -> None:
        chapter = self.state.chapter
        if chapter is None:
            return
        first = max(chapter.years.first_year, g.first_year)
        last = min(chapter.years.last_year, g.last_year)
        band = QRectF(g.x_for(first), g.axis_y - t.px(7), g.x_for(last + 1) - g.x_for(first), t.px(14))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.highlight))
        painter.drawRoundedRect(band.adjusted(0, -t.px(4), 0, t.px(4)), t.px(6), t.px(6))
        accent = QColor(colours.accent)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(band.left(), g.axis_y - t.px(3), band.width(), t.px(6)), t.px(3), t.px(3))

    def _paint_axis(self, painter: QPainter, g: BarGeometry, colours, t: TypeScale) -> None:
        painter.setPen(QPen(QColor(colours.muted), max(1, t.px(2))))
        painter.drawLine(QPointF(g.left, g.axis_y), QPointF(g.right, g.axis_y))
        painter.setFont(g.label_font)
        metrics = QFontMetricsF(g.label_font)
        # ticks from the geometry: their number depends on the width, never on the pack's span
        painter.setPen(QPen(QColor(colours.muted), 1))
        for year in g.minor_ticks():
            x = g.x_for(year)
            painter.drawLine(QPointF(x, g.axis_y - t.px(3)), QPointF(x, g.axis_y + t.px(3)))
        for year in g.labelled_ticks():
            x = g.x_for(year)
            painter.drawLine(QPointF(x, g.axis_y - t.px(5)), QPointF(x, g.axis_y + t.px(5)))
        painter.setPen(QColor(colours.text))
        for year in g.labelled_ticks():
            if year == self.state.year:
                continue  # the cursor's pill shows it
            centre = g.x_for(year + 0.5)
            text = str(year)
            width = metrics.horizontalAdvance(text)
            painter.drawText(QRectF(centre - width / 2 - 2, g.tick_y, width + 4, g.pill_height),
                             int(Qt.AlignmentFlag.AlignCenter), text)

    def _paint_labels(self, painter: QPainter, g: BarGeometry, colours, t: TypeScale) -> None:
        year = self.state.year
        radius = t.px(6)
        for index, item in enumerate(g.placed):
            rect = g.label_rect(item)
            events = [self.events[marker.id] for marker in item.markers]
            current = any(event.date.covers_year(year) for event in events)
            marker_x = [g.x_for(event.date.start.decimal_year) for event in events]
            # leader line from the box down to the axis, and the marker dots
            anchor_x = min(max(item.x, rect.left() + radius), rect.right() - radius)
            line_colour = QColor(colours.accent if current else colours.muted)
            painter.setPen(QPen(line_colour, 1))
            painter.drawLine(QPointF(anchor_x, rect.bottom()), QPointF(anchor_x, g.axis_y - t.px(6)))
            if item.is_cluster and len(marker_x) > 1:
                painter.drawLine(QPointF(min(marker_x), g.axis_y - t.px(6)),
                                 QPointF(max(marker_x), g.axis_y - t.px(6)))
            span_colour = QColor(line_colour)
            span_colour.setAlpha(70)
            for event, x in zip(events, marker_x, strict=True):
                if event.date.end is not None and event.date.end != event.date.start:
                    end_x = g.x_for(event.date.end.decimal_year)
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(span_colour)
                    painter.drawRoundedRect(QRectF(x, g.axis_y - t.px(3), max(end_x - x, t.px(4)), t.px(6)),
                                            t.px(3), t.px(3))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(line_colour)
                painter.drawEllipse(QPointF(x, g.axis_y), t.px(4), t.px(4))
            # the box
            fill = QColor(colours.accent if item.is_cluster else colours.surface)
            border = QColor(colours.accent if (current or item.is_cluster) else colours.border)
            painter.setPen(QPen(border, 2 if current else 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            if index == self.focused_group and self.hasFocus():
                painter.setPen(QPen(QColor(colours.text), 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), radius, radius)
            font = g.year_font if (item.is_cluster or current) else g.label_font
            painter.setFont(font)
            painter.setPen(QColor(colours.accent_text if item.is_cluster else colours.text))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), item.text)

    def _paint_cursor(self, painter: QPainter, g: BarGeometry, colours, t: TypeScale) -> None:
        x = g.x_for(self.state.year + 0.5)
        accent = QColor(colours.accent)
        painter.setPen(QPen(accent, max(2, t.px(3))))
        painter.drawLine(QPointF(x, g.top - t.px(4)), QPointF(x, g.tick_y))
        text = str(self.state.year)
        metrics = QFontMetricsF(g.year_font)
        width = metrics.horizontalAdvance(text) + 2 * t.px(10)
        pill = QRectF(x - width / 2, g.tick_y, width, g.pill_height)
        path = QPainterPath()
        path.addRoundedRect(pill, g.pill_height / 2, g.pill_height / 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillPath(path, accent)
        painter.setFont(g.year_font)
        painter.setPen(QColor(colours.accent_text))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.setBrush(accent)
        painter.setPen(QPen(QColor(colours.surface), 2))
        painter.drawEllipse(QPointF(x, g.axis_y), t.px(8), t.px(8))

    # -- internals ----------------------------------------------------------------------------------
    def _measure(self, width: int) -> BarGeometry:
        scale = self.bar_scale()
        markers = [Marker(event.id, event.date.start.decimal_year, self.language.content(event.label))
                   for event in self.pack.events]
        # placing the labels is the slow part of a language switch here: each layout is computed once
        key = (max(width, 200), scale, self.font().key(), tuple(marker.label for marker in markers))
        cache = self.__dict__.setdefault("_measured", {})
        geometry = cache.get(key)
        if geometry is None:
            geometry = build_geometry(max(width, 200), scale, self.font(), self.pack.start_year, self.pack.end_year,
                                      markers, lambda count: f"+{count}")
            if len(cache) > 16:
                cache.clear()
            cache[key] = geometry
        return geometry

    def _update_marks(self) -> None:
        """One named child per label box: ``2016: title`` (or the titles of a ``+N`` bubble)."""
        geometry = self.geometry_
        if geometry is None:
            return
        content = self.language.content
        items = []
        for item in geometry.placed:
            events = [self.events[marker.id] for marker in item.markers if marker.id in self.events]
            name = "; ".join(f"{event.date.iso()}: {content(event.title)}" for event in events)
            items.append((name, self.language.ui("Event on the time bar"), geometry.label_rect(item).toRect()))
        self.marks.update(items)

    def _group_at(self, position: QPointF) -> Placed | None:
        geometry = self.bar_geometry()
        for item in geometry.placed:
            if geometry.label_rect(item).adjusted(-2, -4, 2, 4).contains(position):
                return item
        return None

    @property
    def popup(self) -> EventPopup:
        """The event popup, built when first asked for."""
        if self._popup is None:
            self._popup = EventPopup(self.context, self)
            self._popup.eventChosen.connect(lambda event_id: self.open_event(event_id))
        return self._popup

    def _show_popup(self, event_ids: list[str], decimal_year: float, at_x: float | None = None) -> None:
        x = self.bar_geometry().x_for(decimal_year) if at_x is None else at_x
        anchor = self.mapToGlobal(QPoint(round(x), 0))
        window = self.window()
        bounds = window.geometry() if window.isWindow() else self.rect()
        self.popup.show_events(event_ids, anchor, bounds)

    def _on_year(self, _year: int) -> None:
        self.update()

    def _on_event_opened(self, event_id: str) -> None:
        if self._popup is not None and self._popup.isVisible() and self._popup.current_id == event_id:
            return
        event = self.events.get(event_id)
        if event is not None and self.isVisible():
            self._show_popup([event_id], event.date.start.decimal_year)
