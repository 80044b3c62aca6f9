"""An offline map of Europe with the German municipalities, their partners and Mechelen.

Country outlines (Natural Earth, from the pack's GeoJSON) are drawn in a ``QGraphicsScene`` in
Lambert azimuthal equal-area kilometres. Markers and labels ignore the view's zoom, so they stay
the same size on screen; labels are placed in view pixels by ``labels.place_labels`` after every
fit, zoom, resize and selection change, so they never pile up. A click or tap picks the nearest
marker or line in pixels (generous radius for fingers) and reports the partnership.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
    QPushButton,
    QWidget,
)

from zusammenleben.content.geojson import Outline
from zusammenleben.content.model import Partnership, Place
from zusammenleben.core import theme
from zusammenleben.core.context import UiContext
from zusammenleben.ui.accessible_marks import AccessibleMarks, Mark
from zusammenleben.ui.partners.labels import LabelRequest, place_labels
from zusammenleben.ui.partners.projection import project
from zusammenleben.ui.partners.text import country_name

GERMAN_COLOUR = theme.OKABE_ITO[0]  # blue circle
PARTNER_COLOUR = theme.OKABE_ITO[1]  # vermillion diamond
FOCUS_COLOUR = theme.OKABE_ITO[2]  # bluish-green star (Mechelen)
SEA = "#DCE7EE"
LAND = "#F3F0E9"
BORDER = "#B4AC9E"
LINE = "#6F6A62"
SELECTED_LINE = "#1B1B1B"
PICK_RADIUS = 22.0  # pixels: a fingertip


def to_scene(lon: float, lat: float) -> QPointF:
    x, y = project(lon, lat)
    return QPointF(x, -y)


def marker_shape(role: str) -> str:
    return {"focus": "star", "german": "circle"}.get(role, "diamond")


def marker_colour(role: str) -> str:
    return {"focus": FOCUS_COLOUR, "german": GERMAN_COLOUR}.get(role, PARTNER_COLOUR)


def marker_path(shape: str, radius: float) -> QPainterPath:
    """The marker outline around (0, 0); shapes differ so colour is never the only cue."""
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), radius, radius)
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -radius), QPointF(radius, 0), QPointF(0, radius),
                                   QPointF(-radius, 0), QPointF(0, -radius)]))
    else:  # star, five points
        outer, inner = radius * 1.35, radius * 0.6
        points = []
        for i in range(10):
            angle = -math.pi / 2 + i * math.pi / 5
            r = outer if i % 2 == 0 else inner
            points.append(QPointF(r * math.cos(angle), r * math.sin(angle)))
        points.append(points[0])
        path.addPolygon(QPolygonF(points))
    return path


class MarkerItem(QGraphicsItem):
    """A place's marker, constant size on screen."""

    def __init__(self, place: Place, radius: float) -> None:
        super().__init__()
        self.place = place
        self.radius = radius
        self.dimmed = False
        self.selected = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(20 if place.role == "focus" else 10)
        self._path = marker_path(marker_shape(place.role), radius)

    def set_radius(self, radius: float) -> None:
        self.prepareGeometryChange()
        self.radius = radius
        self._path = marker_path(marker_shape(self.place.role), radius)

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = self.radius * 1.6 + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(marker_colour(self.place.role))
        painter.setOpacity(0.3 if self.dimmed else 1.0)
        painter.setPen(QPen(QColor("#FFFFFF" if not self.selected else "#1B1B1B"), 2.5 if self.selected else 1.5))
        painter.setBrush(QBrush(colour))
        painter.drawPath(self._path)


class LabelItem(QGraphicsItem):
    """A place name on a soft background; ``rect`` is in pixels relative to the place's marker."""

    def __init__(self, text: str, font: QFont) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.rect = QRectF()
        self.strong = False
        self.dimmed = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(30)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self.rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(0.7 if self.dimmed else 1.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(self.rect, 4, 4)
        font = QFont(self.font)
        font.setBold(self.strong)
        painter.setFont(font)
        painter.setPen(QColor("#1B1B1B"))
        painter.drawText(self.rect, int(Qt.AlignmentFlag.AlignCenter), self.text)


@dataclass
class _Link:
    partnership_id: str
    item: object  # QGraphicsLineItem
    line: QLineF  # scene coordinates


class PartnershipMap(QGraphicsView):
    partnershipClicked = Signal(str)

    def __init__(self, context: UiContext, outlines: tuple[Outline, ...] | Callable[[], tuple[Outline, ...]],
                 parent: QWidget | None = None) -> None:
        """``outlines`` may be a callable: the GeoJSON is then read and drawn when the map is first shown."""
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.pack = context.pack
        self.places = {place.id: place for place in self.pack.places}
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor(SEA))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.partnerships: list[Partnership] = []
        self.selected_id: str | None = None
        self.markers: dict[str, MarkerItem] = {}
        self.labels: dict[str, LabelItem] = {}
        self.links: list[_Link] = []
        self.hidden_counts: dict[str, int] = {}
        self._auto_fit = True
        self._fitting = False
        self._press: QPointF | None = None
        self.legend_entries: list[tuple[str, str]] = []  # (role, text), painted in the bottom-left corner
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.marks = AccessibleMarks(self.viewport)  # the places as named children, for screen readers
        self.fit_button = QPushButton(self.viewport())
        self.fit_button.setObjectName("mapFit")
        self.fit_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit_button.clicked.connect(self.fit)
        self._outlines = outlines
        self._outline_rect = QRectF()
        self._outlines_drawn = False  # drawn when first shown: reading and projecting them slowed start-up
        self.apply_mode()
        context.state.fontScaleChanged.connect(lambda _scale: (self._place_button(), self._restyle()))
        context.state.themeChanged.connect(lambda _theme: self._restyle())
        context.state.modeChanged.connect(lambda _mode: self.apply_mode())

    # -- building -----------------------------------------------------------------------------------
    def ensure_outlines(self) -> None:
        if not self._outlines_drawn:
            self._outlines_drawn = True
            self._draw_outlines(self._outlines() if callable(self._outlines) else self._outlines)

    def _draw_outlines(self, outlines: tuple[Outline, ...]) -> None:
        pen = QPen(QColor(BORDER), 1.0)
        pen.setCosmetic(True)
        brush = QBrush(QColor(LAND))
        self._outline_rect = QRectF()
        for outline in outlines:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for polygon in outline.polygons:
                for ring in polygon:
                    path.addPolygon(QPolygonF([to_scene(lon, lat) for lon, lat in ring]))
            item = self.scene().addPath(path, pen, brush)
            item.setZValue(0)
            item.setToolTip("")
            self._outline_rect = self._outline_rect.united(path.boundingRect())

    def apply_mode(self) -> None:
        policy = (Qt.ContextMenuPolicy.DefaultContextMenu if self.context.mode.allows_menus
                  else Qt.ContextMenuPolicy.NoContextMenu)
        self.setContextMenuPolicy(policy)
        self.viewport().setContextMenuPolicy(policy)

    def _scale(self) -> theme.TypeScale:
        return theme.TypeScale(self.context.state.font_scale)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self._scale().px(17))
        return font

    def set_partnerships(self, partnerships: list[Partnership]) -> None:
        """Show these partnerships (the table's filtered rows); Mechelen is always shown."""
        if self.markers and [p.id for p in partnerships] == [p.id for p in self.partnerships]:
            return  # the same rows (a year step that changed nothing): keep the scene, no repaint
        self.partnerships = list(partnerships)
        if self.selected_id not in {p.id for p in self.partnerships}:
            self.selected_id = None
        scene = self.scene()
        for item in list(self.markers.values()) + list(self.labels.values()):
            scene.removeItem(item)
        for link in self.links:
            scene.removeItem(link.item)
        self.markers.clear()
        self.labels.clear()
        self.links.clear()
        place_ids: list[str] = [place.id for place in self.pack.places if place.role == "focus"]
        for p in self.partnerships:
            place_ids.append(p.place)
            place_ids.extend(partner.place for partner in p.partners)
        radius = self._scale().px(7)
        font = self._font()
        for place_id in dict.fromkeys(place_ids):
            place = self.places.get(place_id)
            if place is None:
                continue
            marker = MarkerItem(place, radius)
            marker.setPos(to_scene(place.lon, place.lat))
            marker.setToolTip(self.language.content(place.name))
            scene.addItem(marker)
            self.markers[place_id] = marker
            label = LabelItem(self.language.content(place.name), font)
            label.setPos(marker.pos())
            scene.addItem(label)
            self.labels[place_id] = label
        for p in self.partnerships:
            home = self.places.get(p.place)
            if home is None:
                continue
            for place_id in dict.fromkeys(partner.place for partner in p.partners):  # two partners, one town
                other = self.places.get(place_id)
                if other is None or other.id == home.id:
                    continue
                line = QLineF(to_scene(home.lon, home.lat), to_scene(other.lon, other.lat))
                # built here, not by scene.addLine: a wrapper Qt created can be invalidated by shiboken
                # while the item lives on (seen after chapters' widgets were deleted)
                item = QGraphicsLineItem(line)
                scene.addItem(item)
                item.setZValue(5)
                self.links.append(_Link(p.id, item, line))
        self._restyle(relayout=False)
        if self._auto_fit:
            self.fit()
        else:
            self.relayout()

    def retranslate(self) -> None:
        for place_id, label in self.labels.items():
            label.text = self.language.content(self.places[place_id].name)
            self.markers[place_id].setToolTip(label.text)
        ui = self.language.ui
        self.fit_button.setText(ui("Whole map"))
        self.fit_button.setAccessibleName(ui("Zoom to fit"))
        self.fit_button.setAccessibleDescription(ui("Zooms the map to show every place"))
        self.fit_button.adjustSize()
        self._place_button()
        self.set_legend([("german", ui("German municipality")), ("partner", ui("Partner")), ("focus", "Mechelen"),
                         ("line", ui("Chosen partnership"))])
        self.setAccessibleName(ui("Map of the partnerships"))
        self.setAccessibleDescription(ui("German municipalities, their partners and Mechelen; tap a town or a line "
                                         "to choose a partnership"))
        self.relayout()

    # -- selection ----------------------------------------------------------------------------------
    def set_selected(self, partnership_id: str | None) -> None:
        selected = partnership_id if partnership_id in {p.id for p in self.partnerships} else None
        if selected == self.selected_id and self.markers:
            return  # unchanged (every filter pass re-applies it): no relayout, no repaint of the map
        self.selected_id = selected
        self._restyle()

    def selected_places(self) -> set[str]:
        for p in self.partnerships:
            if p.id == self.selected_id:
                return {p.place, *(partner.place for partner in p.partners)}
        return set()

    def _restyle(self, relayout: bool = True) -> None:
        chosen = self.selected_places()
        radius = self._scale().px(7)
        font = self._font()
        for place_id, marker in self.markers.items():
            marker.set_radius(radius * (1.3 if place_id in chosen else 1.0))
            marker.selected = place_id in chosen
            marker.dimmed = bool(chosen) and place_id not in chosen and marker.place.role != "focus"
            marker.setZValue(25 if place_id in chosen else (20 if marker.place.role == "focus" else 10))
            marker.update()
        for place_id, label in self.labels.items():
            label.font = font
            label.strong = place_id in chosen or self.places[place_id].role in ("focus", "german")
            label.dimmed = bool(chosen) and place_id not in chosen and self.places[place_id].role != "focus"
        for link in self.links:
            pen = QPen()
            pen.setCosmetic(True)
            if link.partnership_id == self.selected_id:
                pen.setColor(QColor(SELECTED_LINE))
                pen.setWidthF(max(3.0, self._scale().px(3)))
                link.item.setZValue(8)
            else:
                colour = QColor(LINE)
                colour.setAlphaF(0.15 if chosen else 0.55)
                pen.setColor(colour)
                pen.setWidthF(1.5)
                link.item.setZValue(5)
            link.item.setPen(pen)
        if relayout:
            self.relayout()

    # -- geometry -----------------------------------------------------------------------------------
    def points_rect(self) -> QRectF:
        rect = QRectF()
        for marker in self.markers.values():
            point = marker.pos()
            rect = rect.united(QRectF(point.x() - 1, point.y() - 1, 2, 2))
        return rect

    def fit(self) -> None:
        """Zoom to fit every shown place with room for labels (Europe's outline if there are none)."""
        self._auto_fit = True
        if self.isVisible():
            self.ensure_outlines()
        rect = self.points_rect()
        if rect.isEmpty() or len(self.markers) < 2:
            rect = self._outline_rect if not self._outline_rect.isEmpty() else QRectF(-1500, -1500, 3000, 3000)
        minimum = 900.0  # km: never zoom into a single street
        if rect.width() < minimum:
            rect.adjust(-(minimum - rect.width()) / 2, 0, (minimum - rect.width()) / 2, 0)
        if rect.height() < minimum:
            rect.adjust(0, -(minimum - rect.height()) / 2, 0, (minimum - rect.height()) / 2)
        rect = rect.adjusted(-rect.width() * 0.12, -rect.height() * 0.1, rect.width() * 0.12, rect.height() * 0.1)
        self._fitting = True
        try:
            self.setSceneRect(self._outline_rect.united(rect))
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._fitting = False
        self.relayout()

    def zoom(self, factor: float) -> None:
        self._auto_fit = False
        self.scale(factor, factor)
        self.relayout()

    def view_point(self, scene_point: QPointF) -> QPointF:
        return self.viewportTransform().map(scene_point)

    def relayout(self) -> None:
        """Place every label again in view pixels (the selection first, then Mechelen, towns, partners)."""
        if not self.labels:
            return
        chosen = self.selected_places()
        home = next((p.place for p in self.partnerships if p.id == self.selected_id), None)
        font = self._font()
        metrics = QFontMetricsF(font)
        bold = QFont(font)
        bold.setBold(True)
        bold_metrics = QFontMetricsF(bold)
        pad_x, pad_y = 6.0, 2.0
        requests = []
        viewport = QRectF(self.viewport().rect())
        for place_id, label in self.labels.items():
            place = self.places[place_id]
            point = self.view_point(self.markers[place_id].pos())
            strong = place_id in chosen or place.role in ("focus", "german")
            m = bold_metrics if strong else metrics
            if place_id == home:
                priority = 0
            elif place_id in chosen:
                priority = 1
            else:
                priority = {"focus": 2, "german": 3}.get(place.role, 4)
            requests.append(LabelRequest(
                key=place_id, x=point.x(), y=point.y(), width=m.horizontalAdvance(label.text) + 2 * pad_x,
                height=m.height() + 2 * pad_y, priority=priority, marker_radius=self.markers[place_id].radius * 1.3,
                extra_width=m.horizontalAdvance(" +99"), group=place.role, chosen=place_id in chosen))
        inside = [r for r in requests if viewport.contains(QPointF(r.x, r.y))]
        obstacles = tuple((r.x(), r.y(), r.width(), r.height()) for r in (self.legend_rect(), *self.overlay_rects()))
        placed = place_labels(inside, (4.0, 4.0, viewport.width() - 8, viewport.height() - 8), obstacles=obstacles)
        self.hidden_counts = {}
        shown = set()
        shown_rects: dict[str, QRect] = {}
        for result in placed:
            label = self.labels[result.key]
            x, y, w, h = result.rect
            point = self.view_point(self.markers[result.key].pos())
            text = self.language.content(self.places[result.key].name)
            if result.hidden:
                text += f" +{len(result.hidden)}"
                self.hidden_counts[result.key] = len(result.hidden)
                names = ", ".join(self.language.content(self.places[key].name) for key in result.hidden)
                label.setToolTip(names)
            else:
                label.setToolTip("")
            label.text = text
            label.set_rect(QRectF(x - point.x(), y - point.y(), w, h))
            label.setVisible(True)
            shown_rects[result.key] = QRectF(x, y, w, h).toRect()
            label.update()
            shown.add(result.key)
        for place_id, label in self.labels.items():
            if place_id not in shown:
                label.setVisible(False)
        self._update_marks(inside, shown_rects)

    def _update_marks(self, inside: list[LabelRequest], shown_rects: dict[str, QRect]) -> None:
        """Every place in view as a named child (name; country) for screen readers, over its label or dot."""
        code = self.language.code
        items = []
        for request in inside:
            place = self.places[request.key]
            rect = shown_rects.get(request.key) or QRect(round(request.x) - 6, round(request.y) - 6, 12, 12)
            items.append((self.language.content(place.name), country_name(place.country, code) if place.country
                          else "", rect))
        self.marks.update(items)

    # -- legend (painted in the top-left corner, over the sea) ---------------------------------------
    def set_legend(self, entries: list[tuple[str, str]]) -> None:
        self.legend_entries = entries
        self.viewport().update()
        self.relayout()

    def overlay_rects(self) -> list[QRectF]:
        """Widgets placed over the map (the zoom button), in viewport pixels."""
        return [QRectF(child.geometry()) for child in self.viewport().children()
                if isinstance(child, QWidget) and child.isVisible() and not isinstance(child, Mark)]

    def _legend_metrics(self) -> tuple[QFont, float, float, float]:
        font = QFont(self.font())
        font.setPixelSize(self._scale().px(16))
        metrics = QFontMetricsF(font)
        row = max(metrics.height(), self._scale().px(22)) + 4
        icon = self._scale().px(20)
        return font, row, icon, metrics.horizontalAdvance(max((t for _r, t in self.legend_entries), key=len,
                                                                 default=""))

    def legend_rect(self) -> QRectF:
        if not self.legend_entries:
            return QRectF()
        _font, row, icon, text_width = self._legend_metrics()
        return QRectF(8, 8, 10 + icon + 8 + text_width + 12, 8 + row * len(self.legend_entries) + 4)

    def drawForeground(self, painter: QPainter, _rect: QRectF) -> None:  # noqa: N802
        if not self.legend_entries:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.legend_rect()
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 6, 6)
        font, row, icon, _width = self._legend_metrics()
        painter.setFont(font)
        y = box.top() + 6
        for role, text in self.legend_entries:
            centre = QPointF(box.left() + 10 + icon / 2, y + row / 2)
            if role == "line":
                pen = QPen(QColor(SELECTED_LINE), 3)
                painter.setPen(pen)
                painter.drawLine(QPointF(centre.x() - icon / 2, centre.y()), QPointF(centre.x() + icon / 2, centre.y()))
            else:
                painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
                painter.setBrush(QColor(marker_colour(role)))
                painter.drawPath(marker_path(marker_shape(role), icon * 0.36).translated(centre))
            painter.setPen(QColor("#1B1B1B"))
            painter.drawText(QRectF(box.left() + 10 + icon + 8, y, box.width(), row),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
            y += row
        painter.restore()

    def label_rects(self) -> dict[str, QRectF]:
        """Visible labels' rectangles in viewport pixels (what the user sees; tests check they never overlap)."""
        transform = self.viewportTransform()
        return {key: label.deviceTransform(transform).mapRect(label.boundingRect())
                for key, label in self.labels.items() if label.isVisible()}

    # -- events -------------------------------------------------------------------------------------
    def _place_button(self) -> None:
        self.fit_button.adjustSize()
        size = self.fit_button.sizeHint()
        self.fit_button.setGeometry(self.viewport().width() - size.width() - 8, 8, size.width(), size.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_button()
        if self._auto_fit:
            self.fit()
        else:
            self.relayout()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ensure_outlines()
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.15 ** steps)
        event.accept()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        if (dx or dy) and not self._fitting:
            self.relayout()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if self._press is not None and (event.position() - self._press).manhattanLength() > 8:
            self._auto_fit = False  # the user is panning: keep their view on resize

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = (event.position() - self._press).manhattanLength()
        self._press = None
        if moved <= 8:
            picked = self.pick(event.position())
            if picked is not None:
                self.partnershipClicked.emit(picked)

    def pick(self, position: QPointF) -> str | None:
        """The partnership under a viewport position: a marker first, then the nearest line."""
        best_place, best_distance = None, PICK_RADIUS
        for place_id, marker in self.markers.items():
            point = self.view_point(marker.pos())
            distance = math.hypot(point.x() - position.x(), point.y() - position.y())
            if distance <= best_distance:
                best_place, best_distance = place_id, distance
        if best_place is not None:
            owners = [p.id for p in self.partnerships
                      if p.place == best_place or any(partner.place == best_place for partner in p.partners)]
            if owners:
                if self.selected_id in owners:  # tap again: the next partnership of the same place
                    return owners[(owners.index(self.selected_id) + 1) % len(owners)]
                return owners[0]
        best_link, best_distance = None, PICK_RADIUS / 2
        for link in self.links:
            distance = _segment_distance(position, self.view_point(link.line.p1()), self.view_point(link.line.p2()))
            if distance <= best_distance:
                best_link, best_distance = link.partnership_id, distance
        return best_link


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(p.x() - a.x(), p.y() - a.y())
    t = max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length))
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))
