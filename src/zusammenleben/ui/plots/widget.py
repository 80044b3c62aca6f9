"""One indicator as a plot: title, unit, the plot, a legend, the sources and the note.

Honest by construction: it draws only the marks of ``marks.marks`` (one per value a source
gives), shows disagreeing sources side by side in a distinct colour and shape, draws the
line between years dashed and calls it a connection, and names every source under the
plot. Hover or tap on a mark shows its value, year or label, qualifier, source and note.

The plot cannot be panned, zoomed or given pyqtgraph's context menu (whose "Export…"
opens a file dialog, a way out of a kiosk, and whose SVG export is broken on Qt 6.12): a
pupil cannot lose the plot, so no "reset view" is needed. The year cursor is an
``InfiniteLine`` moved by ``state.yearChanged``; nothing is re-plotted when the year moves.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsView, QSizePolicy, QVBoxLayout, QWidget

from zusammenleben.content.model import Indicator, IndicatorKind
from zusammenleben.i18n.formatting import format_value, format_year
from zusammenleben.ui import retranslate
from zusammenleben.ui.labels import WrappedLabel
from zusammenleben.ui.plots.axes import CategoryAxis, ValueAxis, YearAxis
from zusammenleben.ui.plots.legend import Legend
from zusammenleben.ui.plots.marks import (
    Mark,
    bar_position,
    connection_segments,
    disagreeing_keys,
    marks,
    ordered_keys,
    value_range,
)
from zusammenleben.ui.plots.style import PlotStyle
from zusammenleben.ui.plots.table import format_key, source_title


class PlotView(pg.PlotWidget):
    """A ``PlotWidget`` that lets wheel events scroll the page and reports when the pointer leaves."""

    def __init__(self, *args, on_leave=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._on_leave = on_leave
        # QGraphicsView's size hint is its scene rect, which pyqtgraph sets to the view's own last
        # size: a figure that was once tall asked to stay tall, and the layout depended on history
        self._size_hint = super().sizeHint()

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return self._size_hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # while a language switch settles the window's layout, only the last size counts
        if not retranslate.defer_while_settling(self, self._apply_size):
            super().resizeEvent(event)

    def _apply_size(self) -> None:
        pg.PlotWidget.resizeEvent(self, None)  # pyqtgraph's handler reads only the view's size
        # and the new ranges and transforms now: done in the paint, they changed the scene once more
        # and the plot was painted twice
        self.scene().prepareForPaint()

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.ignore()  # zoom is off; the scroll area around the plots gets the wheel

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        event.accept()  # no menu, in any mode

    def leaveEvent(self, event) -> None:  # noqa: N802
        super().leaveEvent(event)
        if self._on_leave is not None:
            self._on_leave()


def make_kiosk_safe(plot_widget: pg.PlotWidget) -> None:
    """No context menu, no "A" button, no pan or zoom, switched off in pyqtgraph itself.

    An event filter is not enough: pyqtgraph's scene opens its menu (with "Export…", a file
    dialog) from a right-button release, not from a ``ContextMenu`` event.
    """
    item = plot_widget.getPlotItem()
    item.setMenuEnabled(False, enableViewBoxMenu=False)
    item.hideButtons()
    item.getViewBox().setMouseEnabled(False, False)
    item.getViewBox().setMenuEnabled(False)
    plot_widget.scene().contextMenu = []
    plot_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


def restyle_scatter(scatter: pg.ScatterPlotItem, size: float, pen, brushes: list | None = None) -> None:
    """A new size, pen and (per-point) brushes for a scatter, its atlas of drawn symbols started afresh.

    pyqtgraph keeps every marker it has drawn in the scatter's ``SymbolAtlas``, keyed by the
    *identity* of the pen and brush objects, and drops old entries only past 1,000 of them: each
    restyle with new pens kept one more rendered symbol per point, ~5 KB each, per plot
    (benchmarks/pyqtgraph_plot_leak.py, variant kept-plot-restyle). Only the current style is kept.
    """
    scatter.setSize(size, update=False)
    scatter.setPen(pen, update=False)
    if brushes is not None:
        scatter.setBrush(brushes, update=False)
    scatter.fragmentAtlas.clear()
    scatter.updateSpots()


class IndicatorPlot(QWidget):
    """An indicator shown as a series (values over years) or a comparison (bars between labels)."""

    def __init__(self, context, indicator: Indicator, parent: QWidget | None = None, *,
                 interactive: bool = True, pen_scale: float = 1.0) -> None:
        """``interactive=False`` (exports): no cursor, no hover, markers drawn as vector paths."""
        super().__init__(parent)
        self.pen_scale = pen_scale
        self.context = context
        self.language = context.language
        self.state = context.state
        self.pack = context.pack
        self.indicator = indicator
        self.interactive = interactive
        self.is_series = indicator.kind is IndicatorKind.SERIES
        self.marks: list[Mark] = marks(indicator)
        self.categories = [] if self.is_series else ordered_keys(indicator)
        self.mark_items: list[pg.ScatterPlotItem] = []
        self.bar_item: pg.BarGraphItem | None = None
        self.value_labels: list[pg.TextItem] = []
        self.cursor: pg.InfiniteLine | None = None
        self.info_mark: Mark | None = None
        self.info_text = ""
        self._pinned = False
        self.setObjectName(f"indicatorPlot-{indicator.id}")
        self._build_labels()
        self._build_view()
        self._build_sources()
        self._arrange()
        self._connect()
        retranslate.bind(self, self.language)

    # -- construction, in named parts -----------------------------------------------------------------
    def _build_labels(self) -> None:
        """The title above and the unit beside the value axis (words a pupil reads before the numbers)."""
        self.title_label = WrappedLabel(self)
        self.title_label.setProperty("role", "heading")
        self.title_label.setWordWrap(True)
        self.unit_label = WrappedLabel(self)
        self.unit_label.setProperty("role", "small")
        self.unit_label.setWordWrap(True)

    def _build_view(self) -> None:
        """The pyqtgraph view: our axes, no pyqtgraph menus or export, no background cache."""
        # enableMenu=False: the ViewBox never builds its context menu (two axis forms; make_kiosk_safe
        # removed it right after anyway), a few ms of every plot built (start-up, issue 19)
        self.view = PlotView(self, on_leave=self._pointer_left,
                             axisItems=self._make_axes(), enableMenu=False)
        self.view.setObjectName("indicatorPlotView")
        self.view.setMinimumHeight(240)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAntialiasing(True)
        # pyqtgraph caches the (plain colour) background as a window-sized pixmap per view, kept while a
        # figure card is hidden in the indicators screen's cache; filling a colour needs no cache
        self.view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        make_kiosk_safe(self.view)
        self.legend = Legend(self)

    def _build_sources(self) -> None:
        """The source line (links to the sources screen when interactive) and the note under the figure."""
        self.sources_label = WrappedLabel(self)
        self.sources_label.setProperty("role", "small")
        self.sources_label.setWordWrap(True)
        if self.interactive:  # every figure leads to its sources in one click (in-app links only)
            self.sources_label.setTextFormat(Qt.TextFormat.RichText)
            self.sources_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                       | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            self.sources_label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            self.sources_label.linkActivated.connect(self._open_source_link)
        self.note_label = WrappedLabel(self)
        self.note_label.setProperty("role", "small")
        self.note_label.setWordWrap(True)

    def _arrange(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        if self.is_series:  # the unit sits at the top of the value axis, read before the values
            layout.addWidget(self.unit_label)
            layout.addWidget(self.view, 1)
        else:  # the value axis of a bar comparison is at the bottom
            layout.addWidget(self.view, 1)
            self.unit_label.setAlignment(Qt.AlignmentFlag.AlignRight)
            layout.addWidget(self.unit_label)
        layout.addWidget(self.legend)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.note_label)

    def _connect(self) -> None:
        """Hover and the year cursor (interactive only), restyling, items that keep their pixel offsets."""
        if self.interactive:
            scene = self.view.scene()
            scene.sigMouseMoved.connect(self._on_mouse_moved)
            scene.sigMouseClicked.connect(self._on_mouse_clicked)
            self.state.yearChanged.connect(self.set_year)
        # bound methods, not lambdas: a lambda's connection outlives a deleted plot and keeps it in memory
        self.state.fontScaleChanged.connect(self._on_font_scale)
        self.state.themeChanged.connect(self._on_theme)
        view_box = self.view.getPlotItem().getViewBox()
        view_box.sigTransformChanged.connect(self._place_offset_items)
        view_box.sigResized.connect(self._place_offset_items)
        view_box.sigTransformChanged.connect(self._keep_cursor_label_inside)
        view_box.sigResized.connect(self._keep_cursor_label_inside)

    # -- public -------------------------------------------------------------------------------------
    @property
    def plot_item(self) -> pg.PlotItem:
        return self.view.getPlotItem()

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot_item.getViewBox()

    def set_year(self, year: int) -> None:
        """Move the cursor line (cheap: one item moves, nothing is re-plotted)."""
        if self.cursor is not None:
            self.cursor.setValue(year)
            self._keep_cursor_label_inside()

    def plotted_points(self) -> list[tuple[int | str, float]]:
        """(key, value) of every drawn mark, read back from the plot items themselves."""
        result: list[tuple[int | str, float]] = []
        if self.is_series:
            for item in self.mark_items:
                xs, ys = item.getData()
                result.extend((int(x), float(y)) for x, y in zip(xs, ys, strict=True))
        elif self.bar_item is not None:
            centres = self.bar_item.opts["y"]
            widths = self.bar_item.opts["width"]
            for centre, width in zip(centres, widths, strict=True):
                result.append((self.categories[round(centre)], float(width)))
        return result

    def show_info_at(self, mark: Mark, pinned: bool = False) -> None:
        """Show the label of a mark (what hover and tap do)."""
        self._pinned = pinned
        self.info_mark = mark
        self.info_text = self._info_plain(mark)
        self._info_item.setHtml(self._info_html(mark))
        self._position_info(mark)
        self._info_item.show()
        self._highlight.show()

    def hide_info(self) -> None:
        self._pinned = False
        self.info_mark = None
        self.info_text = ""
        self._info_item.hide()
        self._highlight.hide()

    def mark_scene_pos(self, mark: Mark) -> QPointF:
        """Where a mark is drawn, in scene (= view widget) pixels; used for hit tests and by tests."""
        if self.is_series:
            point = self.view_box.mapViewToScene(QPointF(float(mark.key), mark.value))
            return QPointF(point.x() + mark.offset * self.style.marker_spacing, point.y())
        centre, _thickness = bar_position(self.categories.index(mark.key), mark)
        return self.view_box.mapViewToScene(QPointF(mark.value, centre))

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        language = self.language
        ui = language.ui
        self.title_label.setText(language.display(self.indicator.title))
        self.unit_label.setText(language.content(self.indicator.unit))
        plain = ui("Sources: %(sources)s") % {"sources": "; ".join(self._source_names())}
        if self.interactive:
            accent = self.context.state.theme.accent
            links = "; ".join(f'<a href="source:{escape(source_id)}" style="color: {accent};">{escape(name)}</a>'
                              for source_id, name in self._source_entries())
            self.sources_label.setText(escape(ui("Sources: %(sources)s")).replace("%(sources)s", links))
            self.sources_label.setAccessibleName(plain)
            self.sources_label.setAccessibleDescription(ui("Show this source on the sources screen"))
        else:
            self.sources_label.setText(plain)
        note = language.display(self.indicator.note) if self.indicator.note else ""
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        if isinstance(self.__dict__.get("style"), PlotStyle):  # drawn before
            self._relabel()  # marks, lines and bars do not depend on the language: keep them
        else:
            self._rebuild()
        name = language.content(self.indicator.title)
        summary = self.summary()
        for widget in (self, self.view):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(summary)
        self.view.setToolTip("")

    def summary(self) -> str:
        """A sentence or three for screen readers: how many values, the span, extremes, disagreements."""
        ui, uin = self.language.ui, self.language.uin
        code = self.language.code
        title = self.language.content(self.indicator.title)
        points = self.indicator.points
        if not points:
            return title
        fmt = self.indicator.value_format
        count = len(points)
        if self.is_series:
            years = sorted({int(p.key) for p in points})
            text = uin("%(title)s, %(count)d value from %(first)s to %(last)s.",
                       "%(title)s, %(count)d values from %(first)s to %(last)s.", count) % {
                "title": title, "count": count, "first": format_year(years[0]), "last": format_year(years[-1])}
        else:
            labels = ", ".join(self.language.content(str(key)) for key in self.categories)
            text = uin("%(title)s, %(count)d value for %(labels)s.",
                       "%(title)s, %(count)d values for %(labels)s.", count) % {
                "title": title, "count": count, "labels": labels}
        low = min(points, key=lambda p: p.value)
        high = max(points, key=lambda p: p.value)
        text += " " + ui("Lowest %(low)s (%(low_key)s), highest %(high)s (%(high_key)s).") % {
            "low": format_value(low.value, fmt, code), "low_key": format_key(low.key, self.indicator, self.language),
            "high": format_value(high.value, fmt, code),
            "high_key": format_key(high.key, self.indicator, self.language)}
        disagreeing = disagreeing_keys(self.marks)
        if disagreeing:
            keys = ", ".join(format_key(k, self.indicator, self.language) for k in disagreeing)
            text += " " + ui("Sources disagree for %(keys)s.") % {"keys": keys}
        text += " " + ui("Unit: %(unit)s.") % {"unit": self.language.content(self.indicator.unit)}
        return text

    def _source_names(self) -> list[str]:
        return [name for _source_id, name in self._source_entries()]

    def _open_source_link(self, link: str) -> None:
        scheme, _colon, source_id = link.partition(":")
        if scheme == "source" and source_id:
            self.state.sourceRequested.emit(source_id)

    def _source_entries(self) -> list[tuple[str, str]]:
        """``(source id, name)`` of every source the points cite, in the order they first appear."""
        seen: dict[str, None] = {}
        for point in self.indicator.points:
            seen.setdefault(point.source, None)
        names = []
        for source_id in seen:
            title = source_title(self.pack, source_id, self.language)
            try:
                publication = self.pack.source(source_id).named_publication
            except KeyError:
                publication = ""
            publication = publication.strip(" —-")
            names.append((source_id, f"{title} ({publication})" if publication and publication not in title
                          else title))
        return names

    # -- building -----------------------------------------------------------------------------------
    def _make_axes(self) -> dict:
        code = lambda: self.language.code  # noqa: E731 (the axis asks at paint time)
        if self.is_series:
            return {"bottom": YearAxis("bottom"),
                    "left": ValueAxis("left", code, self.indicator.value_format)}
        return {"left": CategoryAxis("left"),
                "bottom": ValueAxis("bottom", code, self.indicator.value_format)}

    def _on_font_scale(self, _scale: float) -> None:
        self._restyle()

    def _on_theme(self, _theme) -> None:
        self._restyle()

    def _rebuild(self) -> None:
        """Draw every item from the indicator, once: at the first retranslate (later ones relabel)."""
        self.style = PlotStyle(self.context.state.theme, self.state.font_scale, self.pen_scale)
        item = self.plot_item
        item.clear()
        self.mark_items, self.value_labels, self.bar_item, self.cursor = [], [], None, None
        self.connection_line = self.disagreement_bracket = self.zero_line = None
        self._style_view()
        if self.is_series:
            self._draw_series()
        else:
            self._draw_comparison()
        self._info_item = pg.TextItem(anchor=(0, 1))
        self._info_item.setZValue(100)
        self._info_item.hide()
        item.addItem(self._info_item, ignoreBounds=True)
        self._highlight = pg.ScatterPlotItem(symbol="o", brush=None)
        self._highlight.setZValue(90)
        self._highlight.hide()
        item.addItem(self._highlight, ignoreBounds=True)
        self._set_ranges()
        self._style_items()

    def _restyle(self) -> None:
        """Font scale or theme changed: the same items get new pens, sizes and fonts.

        Clearing and re-adding every item on each change kept native memory per plot
        (benchmarks/soak_kind.py "font scale"); the items' data do not depend on the style.
        """
        if not isinstance(self.__dict__.get("style"), PlotStyle):
            return  # not drawn yet: the first retranslate draws in the current style
        self.style = PlotStyle(self.context.state.theme, self.state.font_scale, self.pen_scale)
        self._style_view()
        self._style_items()

    def _style_view(self) -> None:
        style = self.style
        self.view.setBackground(style.theme.background)
        self.view.setMinimumHeight(style.type.px(220))
        self._style_axes()

    def _style_items(self) -> None:
        """Pens, brushes, sizes and fonts of the drawn items, from ``self.style``; then what depends on them."""
        style = self.style
        if self.is_series:
            self._style_series()
        else:
            self._style_comparison()
        self._info_item.fill = pg.mkBrush(style.theme.surface)
        self._info_item.border = pg.mkPen(style.theme.text, width=2)
        self._info_item.update()
        restyle_scatter(self._highlight, style.marker_size * 1.7, pg.mkPen(style.theme.text, width=style.line_width))
        self._place_offset_items()
        self._keep_cursor_label_inside()
        self._update_legend()
        if self.info_mark is not None:
            self.show_info_at(self.info_mark, self._pinned)

    def _relabel(self) -> None:
        """The language-dependent parts of a drawn series: tick texts, legend, an open value label.

        Rebuilding every plot item took ~15 ms per plot on a language switch (benchmarks/).
        """
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.picture = None  # tick strings are asked again at the next paint, in the new language
            axis.update()
        if not self.is_series:
            labels = [self.language.content(str(key)) for key in self.categories]
            self.plot_item.getAxis("left").set_categories(labels, width=max(12, round(24 / self.style.scale)))
            code = self.language.code
            for mark, label in zip(self.marks, self.value_labels, strict=True):
                label.setText(self._value_label_text(mark, code))
        self._update_legend()
        if self.info_mark is not None:
            self.show_info_at(self.info_mark, self._pinned)

    def _style_axes(self) -> None:
        style = self.style
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            value_axis = (name == "left") == self.is_series
            axis.setStyle(tickFont=style.tick_font, tickTextOffset=style.type.px(8),
                          tickLength=-style.type.px(8), maxTickLevel=0 if value_axis else 1)
            axis.setPen(pg.mkPen(style.theme.muted, width=style.axis_width))
            axis.setTextPen(pg.mkPen(style.theme.text))
            axis.picture = None
            axis.update()
        for name in ("top", "right"):
            self.plot_item.hideAxis(name)
        value_axis = "left" if self.is_series else "bottom"
        self.plot_item.showGrid(x=not self.is_series, y=self.is_series, alpha=0.25)
        self.plot_item.getAxis(value_axis).setGrid(60)
        if not self.is_series:
            labels = [self.language.content(str(key)) for key in self.categories]
            self.plot_item.getAxis("left").set_categories(labels, width=max(12, round(24 / style.scale)))
            self.plot_item.getAxis("left").setGrid(False)
        else:
            self.plot_item.getAxis("bottom").setGrid(False)

    def _draw_series(self) -> None:
        """The items of a series (their look is set by ``_style_series``)."""
        item = self.plot_item
        segments = connection_segments(self.marks)
        if segments:
            xs = [v for s in segments for v in (s[0], s[2])]
            ys = [v for s in segments for v in (s[1], s[3])]
            self.connection_line = pg.PlotDataItem(xs, ys, connect="pairs")
            self.connection_line.setZValue(10)
            item.addItem(self.connection_line)
        ranges = []
        for key in disagreeing_keys(self.marks):
            values = [m.value for m in self.marks if m.key == key]
            ranges.extend([(float(key), min(values)), (float(key), max(values))])
        if ranges:
            self.disagreement_bracket = pg.PlotDataItem([p[0] for p in ranges], [p[1] for p in ranges],
                                                        connect="pairs")
            self.disagreement_bracket.setZValue(15)
            item.addItem(self.disagreement_bracket)
        if self.interactive:
            self.cursor = pg.InfiniteLine(
                pos=self.state.year, angle=90, movable=False, label="{value:.0f}",
                labelOpts={"position": 0.985, "anchors": [(0.5, 0), (0.5, 0)]})
            self.cursor.setZValue(5)
            item.addItem(self.cursor, ignoreBounds=True)
        offsets = sorted({m.offset for m in self.marks})
        for offset in offsets:
            group = [m for m in self.marks if m.offset == offset]
            scatter = pg.ScatterPlotItem(
                x=[float(m.key) for m in group], y=[m.value for m in group], data=group,
                symbol=["d" if m.disagrees else "o" for m in group], hoverable=False,
                useCache=self.interactive)  # exports: real paths in SVG, not embedded bitmaps
            scatter.offset_factor = offset
            scatter.setZValue(20)
            item.addItem(scatter)
            self.mark_items.append(scatter)

    def _style_series(self) -> None:
        style = self.style
        if self.connection_line is not None:
            self.connection_line.setPen(pg.mkPen(style.value_colour, width=style.line_width,
                                                 style=Qt.PenStyle.DashLine))
        if self.disagreement_bracket is not None:
            self.disagreement_bracket.setPen(pg.mkPen(style.disagreement_colour, width=style.line_width))
        if self.cursor is not None:
            self.cursor.setPen(pg.mkPen(style.cursor_colour, width=style.line_width))
            label = self.cursor.label
            label.setColor(style.theme.text)
            label.fill = pg.mkBrush(style.theme.surface)
            label.setFont(style.font(16, bold=True))
        for scatter in self.mark_items:
            brushes = [pg.mkBrush(style.disagreement_colour if m.disagrees else style.value_colour)
                       for m in scatter.data["data"]]
            restyle_scatter(scatter, style.marker_size, pg.mkPen(style.theme.background, width=2), brushes)

    def _draw_comparison(self) -> None:
        """The bars, the zero line and the value labels (their look is set by ``_style_comparison``)."""
        item = self.plot_item
        centres, thicknesses, widths = [], [], []
        for mark in self.marks:
            centre, thickness = bar_position(self.categories.index(mark.key), mark)
            centres.append(centre)
            thicknesses.append(thickness)
            widths.append(mark.value)
        self.bar_item = pg.BarGraphItem(x0=[0.0] * len(widths), y=centres, height=thicknesses, width=widths)
        self.bar_item.setZValue(10)
        item.addItem(self.bar_item)
        self.zero_line = pg.InfiniteLine(pos=0, angle=90, movable=False)
        item.addItem(self.zero_line, ignoreBounds=True)
        code = self.language.code
        for mark, centre in zip(self.marks, centres, strict=True):
            label = pg.TextItem(text=self._value_label_text(mark, code),
                                anchor=(1.08, 0.5) if mark.value < 0 else (-0.08, 0.5))
            label.setPos(mark.value, centre)
            label.setZValue(30)
            item.addItem(label, ignoreBounds=True)
            self.value_labels.append(label)

    def _style_comparison(self) -> None:
        style = self.style
        self.bar_item.setOpts(
            brushes=[pg.mkBrush(style.disagreement_colour if m.disagrees else style.value_colour) for m in self.marks],
            pen=pg.mkPen(style.theme.background, width=1))
        self.zero_line.setPen(pg.mkPen(style.theme.text, width=style.axis_width))
        for label in self.value_labels:
            label.setColor(style.theme.text)
            label.setFont(style.font(17, bold=True))

    def _value_label_text(self, mark: Mark, code: str) -> str:
        qualifier = " / ".join(dict.fromkeys(self.language.content(p.qualifier) for p in mark.points if p.qualifier))
        return f"{qualifier} {format_value(mark.value, self.indicator.value_format, code)}".strip()

    def _set_ranges(self) -> None:
        values = [m.value for m in self.marks] or [0.0]
        box = self.view_box
        box.disableAutoRange()
        if self.is_series:
            years = [int(m.key) for m in self.marks] + [self.pack.start_year, self.pack.end_year]
            y_low, y_high = value_range(values, include_zero=False)
            y_high += (y_high - y_low) * 0.12  # headroom: the cursor's year label sits above the marks
            box.invertY(False)
            box.setRange(xRange=(min(years) - 1.2, max(years) + 1.2), yRange=(y_low, y_high), padding=0)
        else:
            low, high = value_range(values, include_zero=True)
            span = (high - low) or 1.0
            if max(values) >= 0:
                high += span * 0.35  # room for the value labels right of the bars
            if min(values) < 0:
                low -= span * 0.45  # and left of negative bars
                high = max(high, span * 0.04)  # the zero line stays inside the plot
            box.invertY(True)  # the first category on top, as in the table
            box.setRange(xRange=(low, high), yRange=(-0.55, len(self.categories) - 0.45), padding=0)

    def _keep_cursor_label_inside(self, *_args) -> None:
        """Slide the cursor's year label sideways near the plot's edges so all four digits stay visible.

        Centred on the line, "2000" would be cut to "000" when the cursor stands at the first year.
        """
        if self.cursor is None:
            return
        label = self.cursor.label
        width = label.textItem.boundingRect().width()
        box = self.view_box.sceneBoundingRect()
        if width <= 0 or box.width() <= width:
            return
        x = self.view_box.mapViewToScene(QPointF(float(self.cursor.value()), 0.0)).x() - box.left()
        anchor_x = min(max(0.5, 1.0 - (box.width() - x) / width), x / width)
        anchor_x = min(max(anchor_x, 0.0), 1.0)
        label.anchors = [(anchor_x, 0), (anchor_x, 0)]
        label.updatePosition()

    def _place_offset_items(self, *_args) -> None:
        """Shift disagreeing markers sideways by pixels (their data stay the exact year)."""
        if not self.mark_items:
            return
        pixel_width = self.view_box.viewPixelSize()[0]
        for scatter in self.mark_items:
            scatter.setPos(scatter.offset_factor * self.style.marker_spacing * pixel_width, 0)

    def _update_legend(self) -> None:
        ui = self.language.ui
        entries = []
        if self.is_series:
            entries.append(("marker", ui("value given by a source")))
            if getattr(self, "connection_line", None) is not None:
                entries.append(("line", ui("line only connects the values given")))
        else:
            entries.append(("bar", ui("value given by a source")))
        disagreeing = disagreeing_keys(self.marks)
        if disagreeing:
            keys = ", ".join(format_key(k, self.indicator, self.language) for k in disagreeing)
            entries.append(("disagreement", ui("sources disagree (%(keys)s): every value is shown") % {"keys": keys}))
        # swatches are bitmaps: scaled with the page
        self.legend.set_entries(entries, replace(self.style, pen_scale=1.0))

    # -- hover and tap ------------------------------------------------------------------------------
    def mark_at(self, scene_pos: QPointF) -> Mark | None:
        """The mark under a scene position, with a finger-sized tolerance."""
        if not self.view_box.sceneBoundingRect().contains(scene_pos):
            return None
        if self.is_series:
            tolerance = self.style.marker_size / 2 + self.style.type.px(14)
            best, best_distance = None, tolerance
            for mark in self.marks:
                point = self.mark_scene_pos(mark)
                distance = ((point.x() - scene_pos.x()) ** 2 + (point.y() - scene_pos.y()) ** 2) ** 0.5
                if distance <= best_distance:
                    best, best_distance = mark, distance
            return best
        view_pos = self.view_box.mapSceneToView(scene_pos)
        for mark in self.marks:
            centre, thickness = bar_position(self.categories.index(mark.key), mark)
            if abs(view_pos.y() - centre) <= thickness / 2:
                return mark
        return None

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._pinned:
            return
        mark = self.mark_at(scene_pos)
        if mark is None:
            self.hide_info()
        elif mark is not self.info_mark:
            self.show_info_at(mark)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        mark = self.mark_at(event.scenePos())
        if mark is None or (self._pinned and mark is self.info_mark):
            self.hide_info()
        else:
            self.show_info_at(mark, pinned=True)

    def _pointer_left(self) -> None:
        if not self._pinned:
            self.hide_info()

    def _info_lines(self, mark: Mark) -> tuple[str, list[tuple[str, str]]]:
        """The heading (key and value) and (label, text) lines for each source of a mark."""
        ui, language = self.language.ui, self.language
        fmt, code = self.indicator.value_format, language.code
        heading = f"{format_key(mark.key, self.indicator, language)}: {format_value(mark.value, fmt, code)}"
        lines: list[tuple[str, str]] = []
        for point in mark.points:
            lines.append((ui("Source"), source_title(self.pack, point.source, language)))
            if point.qualifier:
                lines.append((ui("Qualifier"), language.content(point.qualifier)))
            if point.note:
                lines.append((ui("Note"), language.content(point.note)))
        if mark.disagrees:
            others = [format_value(m.value, fmt, code) for m in self.marks if m.key == mark.key and m is not mark]
            lines.append((ui("Sources disagree"), ui("other sources give %(values)s") % {"values": ", ".join(others)}))
        return heading, lines

    def _info_plain(self, mark: Mark) -> str:
        heading, lines = self._info_lines(mark)
        return "\n".join([heading, *(f"{label}: {text}" for label, text in lines)])

    def _info_html(self, mark: Mark) -> str:
        heading, lines = self._info_lines(mark)
        style = self.style
        body = "".join(f"<br><b>{escape(label)}:</b> {escape(text)}" for label, text in lines)
        return (f'<div style="font-size:{style.type.px(17)}px; color:{style.theme.text};">'
                f'<span style="font-size:{style.type.px(20)}px;"><b>{escape(heading)}</b></span>{body}</div>')

    def _position_info(self, mark: Mark) -> None:
        scene_point = self.mark_scene_pos(mark)
        rect = self.view_box.sceneBoundingRect()
        width = max(160.0, min(rect.width() * 0.75, self.style.type.px(420)))
        self._info_item.setTextWidth(width)
        right = scene_point.x() > rect.center().x()
        lower = scene_point.y() > rect.center().y()
        self._info_item.setAnchor((1 if right else 0, 1 if lower else 0))
        gap = self.style.marker_size * 0.8
        shifted = QPointF(scene_point.x() + (-gap if right else gap), scene_point.y() + (-gap if lower else gap))
        self._info_item.setPos(self.view_box.mapSceneToView(shifted))
        # the same pen object as before (set by _style_items): a new one would add a symbol to the atlas
        self._highlight.setData(pos=[self.view_box.mapSceneToView(scene_point)])
