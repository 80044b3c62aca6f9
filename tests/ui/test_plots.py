"""Indicator plots: only the sources' values, disagreements shown, localised ticks, kiosk-safe."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from zusammenleben.content.model import DataPoint, Indicator, IndicatorKind
from zusammenleben.core.context import UiContext
from zusammenleben.core.mode import Mode
from zusammenleben.core.state import AppState
from zusammenleben.i18n.language import Language
from zusammenleben.settings import Settings
from zusammenleben.ui.plots.axes import CategoryAxis, ValueAxis, YearAxis, whole_year_spacing
from zusammenleben.ui.plots.marks import connection_segments, marks
from zusammenleben.ui.plots.screen import IndicatorCard, IndicatorsScreen
from zusammenleben.ui.plots.widget import IndicatorPlot

EXAMPLE_PACK = Path(__file__).resolve().parents[1] / "data" / "example_pack"

SERIES = Indicator(
    id="test-series", kind=IndicatorKind.SERIES, title="Einwohnerzahl", unit="Einwohner", value_format="number",
    points=(
        DataPoint(2001, 75000, "a", qualifier="rund"),
        DataPoint(2006, 78680, "b"),
        DataPoint(2016, 84000, "c"),
        DataPoint(2016, 85772, "d", note="Stand Ende 2016"),
        DataPoint(2016, 84000, "e"),  # agrees with c: one mark, two sources
        DataPoint(2020, 86921, "b"),
    ),
)
COMPARISON = Indicator(
    id="test-comparison", kind=IndicatorKind.COMPARISON, title="Ausreisen", unit="Personen",
    points=(
        DataPoint("Brüssel", 200, "a"),
        DataPoint("Vilvoorde", 27, "a"),
        DataPoint("Vilvoorde", 28, "b", qualifier="mehr als"),
        DataPoint("Mechelen", 0, "a"),
        DataPoint("Mechelen", 0, "b"),
    ),
)


def distinct(indicator: Indicator) -> list[tuple[int | str, float]]:
    return sorted({(p.key, p.value) for p in indicator.points}, key=str)


def make_context(tmp_path: Path, mode: Mode = Mode.WINDOW, lang: str = "de") -> UiContext:
    """The example pack in a context of its own: these tests do not depend on the other screens."""
    from zusammenleben.app import create_qapplication, load_content
    from zusammenleben.core import theme

    app = create_qapplication()
    app.setStyleSheet(theme.stylesheet(theme.LIGHT, 1.0))
    pack, problems = load_content(str(EXAMPLE_PACK))
    assert not problems
    language = Language(lang)
    state = AppState(pack, mode)
    context = UiContext(pack=pack, state=state, language=language, settings=Settings(tmp_path / "settings.ini"))
    if mode.allows_export:  # as the composition root does
        from zusammenleben.export.screen_exports import ScreenExports

        context.exports = ScreenExports(context)
    state.fontScaleChanged.connect(lambda scale: app.setStyleSheet(theme.stylesheet(theme.LIGHT, scale)))
    return context


@pytest.fixture
def context(qtbot, tmp_path):
    return make_context(tmp_path)


def make_screen(qtbot, context, size=(1280, 640)) -> IndicatorsScreen:
    screen = IndicatorsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def make_plot(qtbot, context, indicator, size=(900, 600)) -> IndicatorPlot:
    plot = IndicatorPlot(context, indicator)
    qtbot.addWidget(plot)
    plot.resize(*size)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def scatter_points(plot: IndicatorPlot) -> list[tuple[float, float]]:
    found = []
    for item in plot.mark_items:
        xs, ys = item.getData()
        found.extend(zip(xs.tolist(), ys.tolist(), strict=True))
    return found


# -- honesty -------------------------------------------------------------------------------------------


def test_series_plots_exactly_the_pack_points(qtbot, context):
    indicator = context.pack.indicator("far-right-vote")
    plot = make_plot(qtbot, context, indicator)
    plotted = sorted(scatter_points(plot))
    assert plotted == sorted((float(k), float(v)) for k, v in distinct(indicator))
    assert plot.plotted_points() and sorted(plot.plotted_points()) == sorted(distinct(indicator))


def test_connection_line_invents_no_values(qtbot, context):
    plot = make_plot(qtbot, context, SERIES)
    xs, ys = plot.connection_line.getData()
    drawn = set(zip(xs.tolist(), ys.tolist(), strict=True))
    assert drawn <= set(scatter_points(plot)), "the line passes only through measured points"
    assert plot.connection_line.opts["pen"].style() == Qt.PenStyle.DashLine
    assert plot.connection_line.opts["connect"] == "pairs"
    # 2006 → both 2016 values, both 2016 values → 2020: a fan, never an average
    assert (2016.0, 84000.0, 2020.0, 86921.0) in connection_segments(marks(SERIES))
    assert (2016.0, 85772.0, 2020.0, 86921.0) in connection_segments(marks(SERIES))
    assert context.language.ui("line only connects the values given") in plot.legend.texts()


def test_disagreeing_values_are_both_drawn_and_flagged(qtbot, context):
    indicator = context.pack.indicator("far-right-vote")
    plot = make_plot(qtbot, context, indicator)
    year_2000 = sorted(y for x, y in scatter_points(plot) if x == 2000)
    assert year_2000 == [25.0, 33.3]
    flagged = [m for m in plot.marks if m.disagrees]
    assert {m.value for m in flagged} == {25.0, 33.3}
    first, second = (plot.mark_scene_pos(m) for m in flagged)
    assert abs(first.x() - second.x()) >= plot.style.marker_size, "side by side, not on top of each other"
    assert any("2000" in text for text in plot.legend.texts() if text != plot.legend.texts()[0])
    assert plot.disagreement_bracket is not None
    assert "2000" in plot.summary()


def test_agreeing_sources_share_one_mark(qtbot, context):
    plot = make_plot(qtbot, context, SERIES)
    mark = next(m for m in plot.marks if m.key == 2016 and m.value == 84000)
    assert [p.source for p in mark.points] == ["c", "e"]
    assert scatter_points(plot).count((2016.0, 84000.0)) == 1


def test_comparison_bars_are_the_pack_points(qtbot, context):
    plot = make_plot(qtbot, context, COMPARISON)
    assert sorted(plot.plotted_points(), key=str) == distinct(COMPARISON)
    widths = list(plot.bar_item.opts["width"])
    assert sorted(widths) == sorted(v for _k, v in distinct(COMPARISON))
    vilvoorde = [m for m in plot.marks if m.key == "Vilvoorde"]
    assert all(m.disagrees for m in vilvoorde) and len(vilvoorde) == 2
    assert [label.toPlainText() for label in plot.value_labels][:3] == ["200", "27", "mehr als 28"]


def test_example_comparison_from_the_pack(qtbot, context):
    indicator = context.pack.indicator("is-departures")
    plot = make_plot(qtbot, context, indicator)
    assert sorted(plot.plotted_points(), key=str) == distinct(indicator)


# -- ticks -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_value_ticks_follow_the_locale(lang):
    numbers = ValueAxis("left", lambda: lang, "number")
    assert numbers.tickStrings([1500, 2000, 0], 1.0, 500) == ["1.500", "2.000", "0"]
    assert numbers.tickStrings([0.5, 1.0], 1.0, 0.5) == ["0,5", "1,0"]
    percent = ValueAxis("left", lambda: lang, "percent")
    assert percent.tickStrings([10, 20], 1.0, 10) == (["10\u00a0%", "20\u00a0%"] if lang == "de" else ["10%", "20%"])
    change = ValueAxis("bottom", lambda: lang, "change")
    assert change.tickStrings([-75, 0], 1.0, 25)[0].startswith("\u2212")


def test_year_ticks_are_whole_and_ungrouped(qtbot):
    axis = YearAxis()
    assert axis.tickStrings([2004.0, 2004.5, 2010.0], 1.0, 0.5) == ["2004", "", "2010"]
    for low, high, size in ((2003, 2005, 900), (2000, 2026, 300), (2015.6, 2016.4, 500)):
        levels = axis.tickSpacing(low, high, size)
        assert levels and all(spacing >= 1 and spacing == int(spacing) for spacing, _ in levels)
    assert whole_year_spacing([(0.2, 0), (0.1, 0)]) == [(1.0, 0.0)]


def test_category_labels_wrap_instead_of_vanishing(qtbot):
    axis = CategoryAxis()
    axis.set_categories(["Überfallene Seniorinnen und Senioren", "Brüssel"], width=18)
    ticks = axis._tickLevels[0]
    assert ticks[0] == (0, "Überfallene\nSeniorinnen und\nSenioren") and ticks[1] == (1, "Brüssel")


def test_ticks_retranslate_live(qtbot, context):
    plot = make_plot(qtbot, context, context.pack.indicator("far-right-vote"))
    axis = plot.plot_item.getAxis("left")
    assert axis.tickStrings([8.5], 1.0, 0.5) == ["8,5\u00a0%"]
    context.language.set_language("nl")
    assert axis.tickStrings([8.5], 1.0, 0.5) == ["8,5%"]
    assert plot.legend.texts()[0] == context.language.ui("value given by a source")
    assert plot.sources_label.text().startswith(context.language.ui("Sources: %(sources)s").split("%")[0])


# -- hover, tap, cursor -------------------------------------------------------------------------------


def view_point(plot: IndicatorPlot, mark) -> QPoint:
    return plot.view.mapFromScene(plot.mark_scene_pos(mark))


def hover(widget, pos: QPoint) -> None:
    """A real mouse-move event (QTest.mouseMove does not reach an offscreen window's scene)."""
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), widget.mapToGlobal(QPointF(pos)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_hover_shows_value_year_source_qualifier_note(qtbot, context):
    plot = make_plot(qtbot, context, context.pack.indicator("far-right-vote"))
    mark = next(m for m in plot.marks if m.value == 33.3)
    hover(plot.view.viewport(), view_point(plot, mark))
    qtbot.waitUntil(lambda: plot.info_mark is mark)
    text = plot.info_text
    assert "2000: 33,3\u00a0%" in text
    assert "Interview mit Bart Somers" in text
    assert "jeder Dritte" in text and "zeitweise, laut Interview" in text
    assert "25\u00a0%" in text, "a disagreeing mark names the other sources' values"
    assert plot._info_item.isVisible()


def test_tap_pins_the_label_and_tap_elsewhere_hides_it(qtbot, context):
    plot = make_plot(qtbot, context, COMPARISON)
    mark = next(m for m in plot.marks if m.key == "Brüssel")
    qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(plot, mark) - QPoint(20, 0))
    qtbot.waitUntil(lambda: plot.info_mark is mark)
    assert plot.info_text.startswith("Brüssel: 200")
    corner = plot.view.mapFromScene(plot.view_box.sceneBoundingRect().bottomRight()) - QPoint(3, 3)
    hover(plot.view.viewport(), corner)
    assert plot.info_mark is mark, "a tapped label stays while the pointer moves"
    qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    qtbot.waitUntil(lambda: plot.info_mark is None)


def test_zero_bar_can_be_tapped(qtbot, context):
    plot = make_plot(qtbot, context, COMPARISON)
    mark = next(m for m in plot.marks if m.key == "Mechelen")
    qtbot.mouseClick(plot.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(plot, mark) + QPoint(40, 0))
    qtbot.waitUntil(lambda: plot.info_mark is mark)
    assert "a" in plot.info_text and "b" in plot.info_text  # both agreeing sources are named


def test_cursor_line_follows_the_year(qtbot, context):
    plot = make_plot(qtbot, context, context.pack.indicator("far-right-vote"))
    items_before = list(plot.plot_item.items)
    context.state.set_year(2012)
    assert plot.cursor.value() == 2012
    context.state.set_year(2019)
    assert plot.cursor.value() == 2019
    assert list(plot.plot_item.items) == items_before, "moving the year re-plots nothing"


# -- look, scale, accessibility ------------------------------------------------------------------------


def test_background_is_the_theme_not_black(qtbot, context):
    from zusammenleben.core import theme

    plot = make_plot(qtbot, context, SERIES)
    assert plot.view.backgroundBrush().color() == QColor(theme.LIGHT.background)
    centred = next(item for item in plot.mark_items if item.offset_factor == 0)
    assert centred.data["brush"][0].color() == QColor(theme.OKABE_ITO[0])
    shifted = next(item for item in plot.mark_items if item.offset_factor != 0)
    assert shifted.data["brush"][0].color() == QColor(theme.OKABE_ITO[1]), "disagreement in vermillion"


def test_font_scale_enlarges_markers_and_ticks(qtbot, context):
    plot = make_plot(qtbot, context, SERIES)
    size, font = plot.mark_items[0].opts["size"], plot.plot_item.getAxis("left").style["tickFont"].pixelSize()
    context.state.set_font_scale(2.0)
    assert plot.mark_items[0].opts["size"] >= 1.9 * size
    assert plot.plot_item.getAxis("left").style["tickFont"].pixelSize() >= 1.9 * font


@pytest.mark.parametrize("indicator", [SERIES, COMPARISON], ids=["series", "comparison"])
def test_font_scale_restyles_the_same_items_as_a_fresh_build_draws(qtbot, context, indicator):
    plot = make_plot(qtbot, context, indicator)
    plot_item, items = plot.plot_item, list(plot.plot_item.items)
    context.state.set_font_scale(1.5)
    assert plot.plot_item is plot_item and plot.plot_item.items == items, "restyled in place, not rebuilt"
    fresh = make_plot(qtbot, context, indicator)  # built at 1.5 from the start
    for widget in (plot, fresh):
        widget.layout().activate()
    qtbot.waitUntil(lambda: plot.view.size() == fresh.view.size())
    assert plot.view.grab().toImage() == fresh.view.grab().toImage(), "the same picture as a fresh build"

def test_a_deleted_plot_is_not_kept_alive_by_the_app_state(qtbot, context):
    """Exports, handouts and a mode change build plots and delete them; nothing long-lived may hold one."""
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    plot = IndicatorPlot(context, SERIES)
    reference = weakref.ref(plot)
    context.state.set_font_scale(1.25)  # its handlers run: they exist
    plot.deleteLater()
    del plot
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert reference() is None, "a connection from the state kept the deleted plot (and its ~0.5 MB) alive"

def test_accessible_name_and_summary(qtbot, context):
    plot = make_plot(qtbot, context, context.pack.indicator("far-right-vote"))
    interface = QAccessible.queryAccessibleInterface(plot.view)
    assert interface.text(QAccessible.Text.Name) == "Stimmen für die extreme Rechte"
    description = interface.text(QAccessible.Text.Description)
    assert "3" in description and "2000" in description and "2012" in description
    assert "8,7\u00a0%" in description and "33,3\u00a0%" in description


def test_no_pan_no_zoom_no_menu_in_any_mode(qtbot, context):
    plot = make_plot(qtbot, context, SERIES)
    box = plot.view_box
    assert box.state["mouseEnabled"] == [False, False]
    assert plot.plot_item.buttonsHidden and not plot.plot_item.menuEnabled()
    assert plot.view.scene().contextMenu == []
    before = box.viewRange()
    viewport = plot.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(viewport, QPoint(100, 200))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(100, 200))
    assert box.viewRange() == before


def visible_menus() -> list[QMenu]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def test_kiosk_right_click_opens_nothing_and_offers_no_export(qtbot, tmp_path):
    context = make_context(tmp_path, Mode.KIOSK)
    screen = make_screen(qtbot, context)
    screen.set_selected([indicator.id for indicator in context.pack.indicators])
    plots = screen.plots()
    assert len(plots) == len(context.pack.indicators)
    for plot in plots:
        screen.scroll.ensureWidgetVisible(plot)
        viewport = plot.view.viewport()
        centre = viewport.rect().center()
        qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=centre)
        qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=centre)
        qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=centre)
        QApplication.processEvents()
        assert QApplication.activePopupWidget() is None
        assert visible_menus() == []
    assert screen.findChildren(QPushButton, "exportPlot") == []
    assert all(card.export_button is None for card in screen.cards.values())


def test_window_mode_offers_export_and_table(qtbot, context):
    screen = make_screen(qtbot, context)
    assert screen.findChildren(QPushButton, "exportPlot")
    card: IndicatorCard = next(iter(screen.cards.values()))
    card.table_button.click()
    assert card.stack.currentWidget() is card.table_page
    assert card.table_button.text() == context.language.ui("Show as plot")


# -- table -------------------------------------------------------------------------------------------


def test_table_lists_every_point_with_qualifier_and_source(qtbot, context):
    card = IndicatorCard(context, context.pack.indicator("far-right-vote"))
    qtbot.addWidget(card)
    model = card.table.model()
    assert model.rowCount() == len(context.pack.indicator("far-right-vote").points)
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows[1][:4] == ["2000", "33,3\u00a0%", "jeder Dritte", "Interview mit Bart Somers"]
    assert rows[0][4].startswith(context.language.ui("Sources disagree on this value."))
    assert model.headerData(0, Qt.Orientation.Horizontal) == context.language.ui("Year")
    context.language.set_language("nl")
    assert model.headerData(1, Qt.Orientation.Horizontal) == context.language.ui("Value")
    assert model.index(1, 1).data() == "33,3%"


# -- the screen --------------------------------------------------------------------------------------


def test_chooser_toggles_small_multiples(qtbot, context):
    screen = make_screen(qtbot, context)
    screen.set_selected([])
    assert screen.plots() == [] and screen.empty_label.isVisible()
    item = screen.chooser.item(0)
    rect = screen.chooser.visualItemRect(item)
    assert rect.height() >= 48
    qtbot.mouseClick(screen.chooser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.selected_ids() == [item.data(Qt.ItemDataRole.UserRole)]
    assert len(screen.plots()) == 1
    screen.chooser.setCurrentRow(1)
    qtbot.keyClick(screen.chooser, Qt.Key.Key_Space)
    assert len(screen.plots()) == 2


@pytest.mark.parametrize("lang", ["de", "nl"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_screenshots(qtbot, build_app, artifacts_dir, lang, size):
    parts = build_app(size=size, lang=lang)
    screen: IndicatorsScreen = parts.window.screens["indicators"]
    parts.context.state.set_screen("indicators")
    wanted = ["population", "far-right-vote", "is-departures", "crime-change"]
    known = [i.id for i in parts.context.pack.indicators]
    screen.set_selected([i for i in wanted if i in known] or known[:4])
    parts.context.state.set_year(2016)
    qtbot.wait(50)
    plots = screen.plots()
    assert plots
    for plot in plots:
        assert plot.view.height() >= 200, "the plot keeps a legible height"
        assert plot.title_label.height() >= plot.title_label.heightForWidth(plot.title_label.width()) - 1
    mark = plots[0].marks[-1]
    plots[0].show_info_at(mark, pinned=True)
    path = artifacts_dir / f"indicators-{lang}-{size[0]}x{size[1]}.png"
    assert parts.window.grab().save(str(path))
