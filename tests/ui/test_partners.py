"""The partnership browser on the built-in pack: table, filters, detail, map, survey, export, kiosk, languages.

Expectations are computed from the pack model (so the tests follow the content), with a few
hard-coded sanity cases from the survey itself (Nürnberg–Kavala is the only aspect c row).
"""

from __future__ import annotations

import csv
import itertools
import math
import re
import socket
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsPathItem,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from zusammenleben.content.geojson import pack_outlines, read_outlines
from zusammenleben.core.context import UiContext
from zusammenleben.core.mode import Mode
from zusammenleben.core.state import AppState
from zusammenleben.core.theme import TypeScale
from zusammenleben.export.csv_table import list_separator
from zusammenleben.i18n.formatting import format_span
from zusammenleben.ui.partners.filtering import years_of
from zusammenleben.ui.partners.labels import LabelRequest, intersects, place_labels
from zusammenleben.ui.partners.map_view import PICK_RADIUS, PartnershipMap, _segment_distance
from zusammenleben.ui.partners.screen import PartnershipsScreen
from zusammenleben.ui.partners.table_model import COLUMNS, ID_ROLE, column_headers, row_texts
from zusammenleben.ui.partners.text import country_name, fold


def open_screen(build_app, size=(1280, 720), **options) -> PartnershipsScreen:
    """A fresh app (for modes and first-start behaviour), showing the partnership browser."""
    parts = build_app(size=size, **options)
    parts.context.state.set_screen("partnerships")
    screen = parts.window.screens["partnerships"]
    assert parts.window.current_screen() is screen
    return screen


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory, request):
    """``shared(lang, size)``: one window per size for this module, reset (and switched to ``lang``) before use.

    Building the main window takes seconds (the app style sheet polishes every widget), so the
    many filter and map tests share windows; tests of modes and first start use ``build_app``.
    """
    from zusammenleben.app import build_parts

    make_options = request.getfixturevalue("options_factory")

    built: dict[tuple[int, int], object] = {}

    def get(lang: str = "de", size: tuple[int, int] = (1280, 720)) -> PartnershipsScreen:
        if size not in built:
            folder = tmp_path_factory.mktemp("partners")
            parts = build_parts(make_options(lang=lang), settings_path=folder / "settings.ini",
                                log_folder=folder / "logs", show_dialogs=False)
            parts.window.resize(*size)
            parts.window.show()
            QTest.qWaitForWindowExposed(parts.window)
            built[size] = parts
        parts = built[size]
        context, window = parts.context, parts.window
        context.language.set_side_by_side(False)
        context.language.set_language(lang)
        context.state.set_font_scale(1.0)
        context.state.set_mode(Mode.WINDOW)
        context.state.set_screen("partnerships")
        window.resize(*size)
        screen = window.screens["partnerships"]
        screen.filter_bar.reset()
        screen.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the survey's order
        screen._show(None)
        screen.detail.raw_toggle.setChecked(False)
        screen._user_split = False
        settle()
        screen._arrange()
        screen._show_page(screen.map_page if screen.compact else screen.detail)
        screen.map.fit()
        settle()
        return screen

    yield get
    for parts in built.values():
        parts.context.language.set_side_by_side(False)
        parts.window.close()
        parts.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def screen(shared) -> PartnershipsScreen:
    return shared()


def shown_ids(screen: PartnershipsScreen) -> list[str]:
    return [screen.proxy.index(row, 0).data(ID_ROLE) for row in range(screen.proxy.rowCount())]


def count_numbers(screen: PartnershipsScreen) -> list[int]:
    return [int(number) for number in re.findall(r"\d+", screen.filter_bar.count_label.text())]


def assert_shows(screen: PartnershipsScreen, expected: set[str]) -> None:
    """The table shows exactly these rows, the count label says so, the map shows exactly their places."""
    assert set(shown_ids(screen)) == expected
    assert count_numbers(screen) == [len(expected), len(screen.partnerships)]
    assert screen.filter_bar.count_label.isVisible()
    assert {p.id for p in screen.map.partnerships} == expected


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Type like a user; QTest can only synthesise ASCII keys, so accented text is inserted as a whole."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def ids(partnerships, condition) -> set[str]:
    return {p.id for p in partnerships if condition(p)}


# -- kiosk first: a fresh build is quickest while few windows exist (the style sheet polishes all) --


def test_kiosk_has_no_export_and_no_context_menus(build_app, qtbot, monkeypatch):
    def no_dialog(*_args, **_kwargs):
        raise AssertionError("no file dialogs in kiosk mode")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    screen = open_screen(build_app, kiosk=True)
    assert screen.context.mode is Mode.KIOSK
    assert not screen.export_button.isVisible()
    assert not [button for button in screen.findChildren(QPushButton)
                if button.isVisible() and "CSV" in button.text()]
    screen._export_dialog()  # even if called, nothing opens
    for widget in (screen.table, screen.map, screen.map.viewport(), screen.filter_bar.search):
        assert widget.contextMenuPolicy() in (Qt.ContextMenuPolicy.NoContextMenu,
                                              Qt.ContextMenuPolicy.PreventContextMenu)
    screen.filter_bar.search.setText("telsiai")  # the filters still work (the attract overlay takes keys)
    assert_shows(screen, {"lauingen-segre-telsiai"})


# -- table --------------------------------------------------------------------------------------------


def test_every_partnership_of_the_pack_is_a_row(screen):
    pack = screen.context.pack
    assert len(pack.partnerships) >= 13  # the survey's table has 13 rows
    assert shown_ids(screen) == [p.id for p in pack.partnerships]  # unsorted: the survey's order
    for row, partnership in enumerate(pack.partnerships):
        texts = [screen.proxy.index(row, column).data() for column in range(len(COLUMNS))]
        assert texts == row_texts(partnership, screen.language)
        assert texts[0] == partnership.municipality
        for partner in partnership.partners:
            assert partner.name in texts[1]
    assert count_numbers(screen) == [len(pack.partnerships)] * 2


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["de", "nl"])
def test_long_cells_wrap_instead_of_being_cut(shared, lang, size):
    """Partner lists and periods wrap in their cell; each row is as tall as its text needs."""
    screen = shared(lang, size)
    table = screen.table
    assert table.wordWrap()
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    longest = max(range(len(screen.partnerships)), key=lambda row: len(screen.partnerships[row].partners))
    assert table.rowHeight(longest) >= 3 * table.fontMetrics().lineSpacing()  # several lines of partners
    for column in range(len(COLUMNS)):
        if table.isColumnHidden(column):
            continue
        for row in range(screen.proxy.rowCount()):
            hint = table.sizeHintForRow(row)
            assert table.rowHeight(row) >= hint - 1
        _assert_header_readable(screen, column)
        metrics = table.fontMetrics()
        for row in range(screen.proxy.rowCount()):
            for word in screen.proxy.index(row, column).data().split():
                assert metrics.horizontalAdvance(word) < table.columnWidth(column), f"{word!r} cut"


def _assert_header_readable(screen, column: int) -> None:
    """A header may wrap between words ("Deutsche / Kommune"), never inside one, and gets the lines it needs."""
    header = screen.table.horizontalHeader()
    assert screen._header_word_width(column) <= header.sectionSize(column) + 1, screen._header_text(column)
    metrics = screen._header_metrics()
    room = header.sectionSize(column) - screen._header_extra(column)
    lines = metrics.boundingRect(QRect(0, 0, max(1, room), 10_000), int(Qt.TextFlag.TextWordWrap),
                                 screen._header_text(column)).height() // metrics.lineSpacing()
    assert header.height() >= lines * metrics.lineSpacing(), screen._header_text(column)


def test_sorting_by_period_puts_rows_without_period_last(screen):
    screen.table.sortByColumn(COLUMNS.index("period"), Qt.SortOrder.AscendingOrder)
    partnerships = {p.id: p for p in screen.partnerships}
    starts = [partnerships[i].period.start.decimal_year if partnerships[i].period else math.inf
              for i in shown_ids(screen)]
    assert starts == sorted(starts)
    assert math.isinf(starts[-1])
    header = screen.table.horizontalHeader()
    assert header.isSortIndicatorShown()  # the arrow appears once sorted, and no header text is cut for it
    for column in range(len(COLUMNS)):
        if not screen.table.isColumnHidden(column):
            _assert_header_readable(screen, column)
    screen.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert not header.isSortIndicatorShown()
    assert shown_ids(screen) == [p.id for p in screen.partnerships]


# -- filters ------------------------------------------------------------------------------------------


def test_partner_country_filter(screen):
    bar, partnerships = screen.filter_bar, screen.partnerships
    countries = sorted({partner.country for p in partnerships for partner in p.partners})
    assert len(countries) >= 15
    for code in countries:
        bar.select_country(code)
        assert_shows(screen, ids(partnerships, lambda p, c=code: c in {x.country for x in p.partners}))
    bar.select_country("LT")  # sanity: Lauingen (Telšiai) and Bocholt (Akmenė)
    assert set(shown_ids(screen)) == {"lauingen-segre-telsiai", "bocholt-eu-dialogue"}
    bar.select_country("")
    assert_shows(screen, ids(partnerships, lambda p: True))


def test_project_type_filter(screen):
    bar, partnerships = screen.filter_bar, screen.partnerships
    types = list(dict.fromkeys(p.project_type for p in partnerships))
    assert bar.type_box.count() == len(types) + 1
    for project_type in types:
        bar.select_type(project_type)
        assert_shows(screen, ids(partnerships, lambda p, t=project_type: p.project_type == t))
    bar.select_type("EU-Projekt")  # sanity
    assert set(shown_ids(screen)) == {"magdeburg-erasmus", "enzkreis-erasmus"}


def test_year_filter_with_its_own_control(screen):
    bar, partnerships = screen.filter_bar, screen.partnerships
    years = years_of(partnerships)
    assert years[0] == 2015 and years[-1] == 2018
    for year in years:
        bar.select_year(str(year))
        assert bar.criteria().year == year
        assert_shows(screen, ids(partnerships, lambda p, y=year: p.period is not None and p.period.covers_year(y)))
    bar.select_year("2017")  # sanity: the projects running into 2017
    assert set(shown_ids(screen)) == {"magdeburg-erasmus", "enzkreis-erasmus", "pforzheim-easy-towns"}


def test_year_filter_follows_the_shared_year_cursor(screen):
    bar, partnerships, state = screen.filter_bar, screen.partnerships, screen.context.state
    bar.select_year("cursor")
    for year in (2015, 2016, 2018, 2010):
        state.set_year(year)
        assert str(year) in bar.year_box.currentText()
        assert_shows(screen, ids(partnerships, lambda p, y=year: p.period is not None and p.period.covers_year(y)))
    assert shown_ids(screen) == []
    assert count_numbers(screen) == [0, len(partnerships)]
    bar.select_year("2016")  # a fixed year no longer follows the cursor
    state.set_year(2018)
    assert_shows(screen, ids(partnerships, lambda p: p.period is not None and p.period.covers_year(2016)))


def test_aspect_chips(screen, qtbot):
    bar, partnerships = screen.filter_bar, screen.partnerships
    for aspect in ("a", "b", "c", "unknown"):
        chip = bar.aspect_chips[aspect]
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
        assert chip.isChecked()
        assert_shows(screen, ids(partnerships, lambda p, a=aspect: p.aspect == a))
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
        assert_shows(screen, ids(partnerships, lambda p: True))
    qtbot.mouseClick(bar.aspect_chips["c"], Qt.MouseButton.LeftButton)
    assert shown_ids(screen) == ["nuernberg-kavala"]  # the survey's own example for aspect c
    qtbot.mouseClick(bar.aspect_chips["b"], Qt.MouseButton.LeftButton)  # two chips: either aspect
    assert shown_ids(screen) == ["nuernberg-kavala"]  # the survey gives no row for aspect b
    qtbot.mouseClick(bar.aspect_chips["a"], Qt.MouseButton.LeftButton)
    assert_shows(screen, ids(partnerships, lambda p: p.aspect in ("a", "c")))


def test_filters_combine_and_show_all_resets(screen, qtbot):
    bar, partnerships = screen.filter_bar, screen.partnerships
    bar.select_country("IT")
    bar.select_year("2018")
    expected = ids(partnerships, lambda p: "IT" in {x.country for x in p.partners}
                   and p.period is not None and p.period.covers_year(2018))
    assert_shows(screen, expected)
    assert expected == {"magdeburg-erasmus", "enzkreis-erasmus"}
    qtbot.keyClicks(bar.search, "Magdeburg")
    assert_shows(screen, {"magdeburg-erasmus"})
    qtbot.mouseClick(bar.reset_button, Qt.MouseButton.LeftButton)
    assert bar.search.text() == "" and bar.country_box.currentIndex() == 0 and bar.year_box.currentIndex() == 0
    assert_shows(screen, ids(partnerships, lambda p: True))


@pytest.mark.parametrize("query", ["telsiai", "TELŠIAI", "Telšiai", "tElSiAi", "  telsiai  "])
def test_search_is_accent_and_case_insensitive(screen, qtbot, query):
    type_into(qtbot, screen.filter_bar.search, query)
    assert_shows(screen, {"lauingen-segre-telsiai"})


def test_search_finds_towns_partners_and_projects(screen, qtbot):
    search, partnerships = screen.filter_bar.search, screen.partnerships
    cases = {"nurnberg": "Nürnberg", "KAVALA": "Kavala", "strassburg": "Straßburg", "niepolomice": "Niepołomice",
             "gardshuset": "Gårdshuset", "jugendseminar": "Jugendseminar"}
    for query, original in cases.items():
        search.clear()
        qtbot.keyClicks(search, query)
        expected = ids(partnerships, lambda p, o=original: fold(o) in fold(" ".join(
            [p.municipality, p.project, p.project_type, p.description, p.raw_partners,
             *(x.name for x in p.partners)])))
        assert expected, original
        assert_shows(screen, expected)
    search.clear()
    qtbot.keyClicks(search, "Magdeburg Malta")  # every word must match
    assert_shows(screen, {"magdeburg-erasmus"})
    search.clear()
    qtbot.keyClicks(search, "xyzzy")
    assert_shows(screen, set())


def test_fold_drops_accents_and_case():
    assert fold("TELŠIAI") == fold("Telšiai") == "telsiai"
    assert fold("Straße") == "strasse"
    assert fold("Niepołomice") == "niepolomice"
    assert fold("Ørsted Æble") == "orsted aeble"


def test_filter_controls_are_touch_sized(screen):
    minimum = TypeScale(screen.context.state.font_scale).touch_target
    bar = screen.filter_bar
    controls = [*bar.aspect_chips.values(), bar.search, bar.country_box, bar.type_box, bar.year_box,
                bar.reset_button, screen.export_button, screen.map_tab, screen.details_tab, screen.survey_tab,
                screen.map.fit_button]
    for control in controls:
        assert control.isVisible(), control.objectName()
        assert control.height() >= minimum, (control.objectName(), control.height())
        assert control.width() >= minimum, (control.objectName(), control.width())
        assert control.accessibleName(), control.objectName()
        assert control.accessibleDescription(), control.objectName()


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_filter_bar_is_not_cut_at_1280(shared, lang):
    """Chips, buttons and the closed choosers ("All …") get the width their text needs."""
    screen = shared(lang)
    bar = screen.filter_bar
    for button in [*bar.aspect_chips.values(), bar.reset_button, screen.export_button]:
        assert button.width() >= button.sizeHint().width(), button.text()
    assert bar.count_label.width() >= bar.count_label.sizeHint().width()
    for box in (bar.country_box, bar.type_box, bar.year_box):
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, box)
        assert field.width() >= box.fontMetrics().horizontalAdvance(box.currentText()), box.currentText()
    assert screen.window().width() == 1280  # nothing pushed the window wider


# -- detail -------------------------------------------------------------------------------------------


def test_detail_shows_everything_about_a_partnership(screen, qtbot):
    pack, detail = screen.context.pack, screen.detail
    screen._show_page(screen.detail)
    assert detail.empty.isVisible()
    for partnership in pack.partnerships:
        screen.select_partnership(partnership.id)
        assert screen.selected_id() == partnership.id
        assert detail.partnership is partnership
        assert detail.title.text() == partnership.municipality
        for partner in partnership.partners:
            assert f"{partner.name} – {country_name(partner.country, 'de')}" in detail.partners.text()
        assert partnership.project_type in detail.project_heading.text()
        assert detail.project.text() == partnership.project
        expected_period = format_span(partnership.period, "de") if partnership.period else "kein Zeitraum angegeben"
        assert detail.period.text() == expected_period
        assert detail.description.text() == partnership.description
        letter = partnership.aspect if partnership.aspect in "abc" else None
        if letter:
            assert detail.aspect.text().startswith(f"Aspekt {letter}")
            assert dict(pack.survey.aspects)[letter] in detail.aspect.text()
        else:
            assert "a, b oder c" in detail.aspect.text()
        assert pack.source(partnership.source).publication in detail.source_button.text()
        assert not detail.empty.isVisible()
    screen.select_partnership("gerlingen-tata")
    assert detail.period.text() == "13.–16. November 2016"
    raw = next(p for p in pack.partnerships if p.id == "gerlingen-tata").period_raw
    qtbot.mouseClick(detail.raw_toggle, Qt.MouseButton.LeftButton)
    assert detail.raw_toggle.isChecked()
    assert detail.period.text().startswith("13.–16. November 2016\n")
    assert raw in detail.period.text()
    qtbot.mouseClick(detail.raw_toggle, Qt.MouseButton.LeftButton)
    assert raw not in detail.period.text()


def test_detail_source_opens_the_sources_screen(screen, qtbot):
    screen._show_page(screen.detail)
    screen.select_partnership("nuernberg-kavala")
    with qtbot.waitSignal(screen.context.state.sourceRequested) as blocker:
        qtbot.mouseClick(screen.detail.source_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["rgre-survey"]


def test_selection_in_the_survey_tab_switches_to_details(screen, qtbot):
    qtbot.mouseClick(screen.survey_tab, Qt.MouseButton.LeftButton)
    assert screen.info_stack.currentWidget() is screen.survey_panel
    screen.select_partnership("rheine-borne")
    assert screen.info_stack.currentWidget() is screen.detail
    assert screen.details_tab.isChecked()


def test_a_filter_that_hides_the_selection_clears_the_detail(screen, qtbot):
    screen.select_partnership("rheine-borne")
    qtbot.keyClicks(screen.filter_bar.search, "kavala")
    assert screen.selected_id() is None
    assert screen.detail.partnership is None
    assert screen.map.selected_id is None


# -- survey panel -------------------------------------------------------------------------------------


def test_survey_panel_explains_findings_and_aspects(screen, qtbot):
    survey = screen.context.pack.survey
    qtbot.mouseClick(screen.survey_tab, Qt.MouseButton.LeftButton)
    panel = screen.survey_panel
    assert screen.info_stack.currentWidget() is panel and panel.isVisible()
    texts = [label.text() for label in panel.widget().findChildren(QWidget) if hasattr(label, "text")]
    joined = "\n".join(texts)
    assert survey.title in joined and survey.intro in joined
    for letter, text in survey.aspects:
        assert f"Aspekt {letter}: {text}" in texts
    assert [letter for letter, _text in survey.aspects] == ["a", "b", "c"]
    for finding in survey.findings:
        assert f"• {finding}" in texts
    assert survey.quote.text in joined


# -- map ----------------------------------------------------------------------------------------------


def test_map_shows_every_town_partner_line_and_mechelen(screen):
    pack, view = screen.context.pack, screen.map
    screen._show_page(screen.map_page)
    assert view.isVisible()
    places = {place.id: place for place in pack.places}
    expected_places = {p.place for p in pack.partnerships} | {x.place for p in pack.partnerships for x in p.partners}
    focus = [place.id for place in pack.places if place.role == "focus"]
    assert focus == ["mechelen"]
    assert set(view.markers) == expected_places | {"mechelen"}
    assert all(places[p.place].role == "german" for p in pack.partnerships)
    assert view.markers["mechelen"].place.role == "focus"
    expected_links = {(p.id, x.place) for p in pack.partnerships for x in p.partners if x.place != p.place}
    assert len(view.links) == len(expected_links)
    viewport = QRectF(view.viewport().rect())
    for place_id, marker in view.markers.items():
        assert viewport.contains(view.view_point(marker.pos())), f"{place_id} outside the fitted map"
    assert view.labels["mechelen"].isVisible()  # Mechelen is always labelled


def test_map_shows_only_the_filtered_rows(screen):
    screen.filter_bar.select_country("SE")
    view = screen.map
    shown = [p for p in screen.partnerships if p.id in set(shown_ids(screen))]
    expected = {p.place for p in shown} | {x.place for p in shown for x in p.partners} | {"mechelen"}
    assert set(view.markers) == expected
    assert {link.partnership_id for link in view.links} == {p.id for p in shown}


def _clear_spot(view, place_id: str) -> bool:
    """No other marker within the pick radius: a click there can only mean this place."""
    point = view.view_point(view.markers[place_id].pos())
    return all(math.dist((point.x(), point.y()), (other.x(), other.y())) > PICK_RADIUS
               for key, marker in view.markers.items() if key != place_id
               for other in [view.view_point(marker.pos())])


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_clicking_the_map_selects_in_the_table_and_back(shared, qtbot, size):
    screen = shared("de", size)
    screen._show_page(screen.map_page)
    view, partnerships = screen.map, screen.partnerships
    owners: dict[str, list[str]] = {}
    for p in partnerships:
        for place in {p.place, *(x.place for x in p.partners)}:
            owners.setdefault(place, []).append(p.id)
    checked = 0
    for p in partnerships:
        own = [x.place for x in p.partners if owners[x.place] == [p.id] and _clear_spot(view, x.place)]
        if not own:
            continue
        point = view.view_point(view.markers[own[0]].pos()).toPoint()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert screen.selected_id() == p.id, own[0]
        assert view.selected_id == p.id
        assert view.markers[own[0]].selected
        checked += 1
    assert checked >= 8
    # a tap on a line (away from every marker and every other line) chooses that line's partnership
    lines = 0
    for link in view.links:
        a, b = view.view_point(link.line.p1()), view.view_point(link.line.p2())
        middle = (a + b) / 2
        near_marker = any(math.dist((middle.x(), middle.y()), (p.x(), p.y())) <= PICK_RADIUS
                          for p in (view.view_point(m.pos()) for m in view.markers.values()))
        near_other = any(_segment_distance(middle, view.view_point(o.line.p1()), view.view_point(o.line.p2()))
                         <= PICK_RADIUS for o in view.links if o.partnership_id != link.partnership_id)
        if near_marker or near_other or not QRectF(view.viewport().rect()).contains(middle):
            continue
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=middle.toPoint())
        assert screen.selected_id() == link.partnership_id
        lines += 1
    assert lines >= 1
    # and back: choosing a row highlights its places and its lines
    row = shown_ids(screen).index("pforzheim-easy-towns")
    screen.table.selectRow(row)
    assert view.selected_id == "pforzheim-easy-towns"
    chosen = {"pforzheim"} | {x.place for x in partnerships[row].partners}
    assert {key for key, marker in view.markers.items() if marker.selected} == chosen
    assert not any(marker.dimmed for key, marker in view.markers.items() if key in chosen)
    thick = {link.partnership_id for link in view.links if link.item.pen().widthF() >= 3}
    assert thick == {"pforzheim-easy-towns"}
    # a click on empty sea changes nothing
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view.viewport().width() - 3,
                                                                          view.viewport().height() - 3))
    assert screen.selected_id() == "pforzheim-easy-towns"


def _assert_labels_apart(view) -> None:
    rects = view.label_rects()
    assert len(rects) >= 10
    viewport = QRectF(view.viewport().rect())
    obstacles = [view.legend_rect(), *view.overlay_rects()]
    for key, rect in rects.items():
        assert viewport.contains(rect), f"label {key} leaves the map: {rect} / {viewport}"
        for obstacle in obstacles:
            assert not rect.intersects(obstacle), f"label {key} under the legend or a button"
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        overlap = ra.intersected(rb)
        assert overlap.isEmpty() or overlap.width() * overlap.height() < 1, f"labels {a} and {b} overlap"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["de", "nl"])
def test_map_labels_never_overlap_and_stay_inside(shared, size, lang):
    screen = shared(lang, size)
    screen._show_page(screen.map_page)
    view = screen.map
    assert view.height() >= 380, "the map needs room to be read from the back of the room"
    _assert_labels_apart(view)
    for partnership_id in ("pforzheim-easy-towns", "magdeburg-erasmus", "lauingen-segre-telsiai"):
        screen.select_partnership(partnership_id)
        _assert_labels_apart(view)
        home = next(p.place for p in screen.partnerships if p.id == partnership_id)
        assert home in view.label_rects(), "the chosen town is always labelled"
        assert view.labels[home].strong
    view.zoom(1.6)
    _assert_labels_apart(view)


def test_collapsed_labels_count_only_their_own_kind(screen):
    view = screen.map
    screen._show_page(screen.map_page)
    places = {place.id: place for place in screen.context.pack.places}
    for key, count in view.hidden_counts.items():
        assert places[key].role != "focus"
        assert view.labels[key].text.endswith(f"+{count}")
        assert view.labels[key].toolTip()


def test_map_is_drawn_offline_from_the_pack_geojson(screen, qtbot, monkeypatch):
    """The outlines come from the pack's GeoJSON; building and showing a map never opens a socket."""
    def no_network(*_args, **_kwargs):
        raise AssertionError("the map must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    pack = screen.context.pack
    outlines = read_outlines(Path(pack.root) / pack.map_path)
    assert pack_outlines(pack) == outlines
    view = PartnershipMap(screen.context, pack_outlines(pack))
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.set_partnerships(list(pack.partnerships))
    view.show()
    qtbot.waitExposed(view)
    view.grab()
    for shown in (view, screen.map):
        paths = [item for item in shown.scene().items() if isinstance(item, QGraphicsPathItem)]
        assert len(paths) == len(outlines) >= 40
    assert "PySide6.QtWebEngineWidgets" not in sys.modules


def test_map_follows_font_scale(screen, qtbot):
    """Markers and labels grow with the font scale and still never overlap (own state: no app restyle)."""
    pack = screen.context.pack
    state = AppState(pack, Mode.WINDOW)
    context = UiContext(pack=pack, state=state, language=screen.language, settings=screen.context.settings)
    view = PartnershipMap(context, pack_outlines(pack))
    qtbot.addWidget(view)
    view.resize(1000, 560)
    view.set_partnerships(list(pack.partnerships))
    view.show()
    qtbot.waitExposed(view)
    view.retranslate()
    before = view.markers["mechelen"].radius
    font_before = view._font().pixelSize()
    _assert_labels_apart(view)
    for scale in (1.5, 2.0):
        state.set_font_scale(scale)
        assert view.markers["mechelen"].radius > before
        assert view._font().pixelSize() > font_before
        _assert_labels_apart(view)
        view.set_selected("pforzheim-easy-towns")
        _assert_labels_apart(view)
        assert "pforzheim" in view.label_rects()


# -- layout -------------------------------------------------------------------------------------------


def test_short_screens_make_the_map_a_tab_tall_screens_stack_it(shared):
    small = shared("de", (1280, 720))
    assert small.compact and small.map_tab.isVisible()
    assert small.info_stack.currentWidget() is small.map_page and small.map.isVisible()
    small.select_partnership("nuernberg-kavala")  # on the map tab, the map keeps showing the choice
    assert small.map.isVisible() and small.map.selected_id == "nuernberg-kavala"
    small.window().resize(1920, 1080)
    settle()
    assert not small.compact and not small.map_tab.isVisible()
    assert small.map.isVisible() and small.detail.isVisible()  # both at once
    assert small.map.height() >= 400
    small.window().resize(1280, 720)
    settle()
    assert small.compact and small.map_tab.isVisible()
    assert small.detail.isVisible()  # a partnership is chosen: its detail stays


def test_short_screens_fold_the_filters_behind_a_toggle(shared, qtbot):
    screen = shared("de", (1280, 720))
    bar = screen.filter_bar
    assert bar.filters.isVisible() and not bar.filters_toggle.isVisible()
    screen.window().resize(1280, 560)
    settle()
    assert bar.filters_toggle.isVisible() and not bar.filters.isVisible()
    assert bar.count_label.isVisible() and bar.search.isVisible()
    assert bar.filters_toggle.height() >= TypeScale(1.0).touch_target
    qtbot.mouseClick(bar.filters_toggle, Qt.MouseButton.LeftButton)
    assert bar.filters.isVisible()
    qtbot.mouseClick(bar.aspect_chips["c"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.filters_toggle, Qt.MouseButton.LeftButton)
    assert not bar.filters.isVisible()
    assert_shows(screen, {"nuernberg-kavala"})  # folded away, the filter still applies (and the count says so)
    screen.window().resize(1280, 720)
    settle()
    assert bar.filters.isVisible() and not bar.filters_toggle.isVisible()


# -- export and modes ---------------------------------------------------------------------------------


def read_csv(path, separator):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=separator))


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_export_writes_the_filtered_rows_with_the_locale_separator(shared, tmp_path, qtbot, monkeypatch, lang):
    screen = shared(lang)
    assert screen.export_button.isVisible()
    screen.filter_bar.select_country("IT")
    target = tmp_path / "partnerschaften.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    separator = list_separator(lang)
    assert separator == ";"  # both languages write numbers with a decimal comma
    rows = read_csv(target, separator)
    assert rows[0] == column_headers(screen.language)
    expected = [row_texts(p, screen.language) for p in screen.partnerships
                if "IT" in {x.country for x in p.partners}]
    assert rows[1:] == expected
    assert len(rows) - 1 == screen.proxy.rowCount() == count_numbers(screen)[0]


def test_list_separator_follows_the_decimal_separator():
    assert list_separator("de") == list_separator("nl") == ";"
    assert list_separator("en") == ","


def test_classroom_mode_keeps_the_export(screen):
    state = screen.context.state
    state.set_mode(Mode.CLASSROOM)
    try:
        assert screen.export_button.isVisible()
        assert screen.table.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu
    finally:
        state.set_mode(Mode.WINDOW)


# -- languages ----------------------------------------------------------------------------------------


def test_language_switch_retranslates_table_countries_chips_detail_and_map(screen, qtbot):
    language, view = screen.language, screen.map
    screen.filter_bar.select_country("IT")
    screen.select_partnership("magdeburg-erasmus")
    screen._show_page(screen.detail)
    headers = lambda: [screen.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]  # noqa: E731
    german_headers = headers()
    assert german_headers[0] == "Deutsche Kommune"
    assert "Politecnico di Torino – Italien" in screen.detail.partners.text()
    assert screen.filter_bar.country_box.currentText() == "Italien"
    assert screen.filter_bar.aspect_chips["unknown"].text() == "nicht angegeben"
    assert view.labels["italien-ohne-ort"].text.startswith("Italien (Ort nicht bekannt)")
    country_column = COLUMNS.index("countries")
    row = shown_ids(screen).index("magdeburg-erasmus")

    language.set_language("nl")
    assert headers() == column_headers(language) and headers() != german_headers
    assert headers()[0] == "Duitse gemeente"
    assert screen.filter_bar.country_box.currentText() == "Italië"  # same filter, new name
    assert set(shown_ids(screen)) == ids(screen.partnerships, lambda p: "IT" in {x.country for x in p.partners})
    assert screen.proxy.index(row, country_column).data() == "Denemarken, Cyprus, Italië, Malta"
    assert screen.filter_bar.aspect_chips["unknown"].text() == "niet vermeld"
    assert screen.selected_id() == "magdeburg-erasmus"  # the selection survives
    assert "Politecnico di Torino – Italië" in screen.detail.partners.text()
    assert screen.detail.period.text() == format_span(screen.detail.partnership.period, "nl")
    assert "augustus 2018" in screen.detail.period.text()
    assert screen.detail.period_heading.text() == "Periode"
    assert screen.nav_label() == "Partnerschappen"
    assert re.search(r"partnerschappen", screen.filter_bar.count_label.text())
    assert view.labels["italien-ohne-ort"].text.startswith(language.content("Italien (Ort nicht bekannt)"))
    assert not view.labels["italien-ohne-ort"].text.startswith("Italien")
    type_into(qtbot, screen.filter_bar.search, "TELŠIAI")  # search works in Dutch too (no Italian partner)
    assert_shows(screen, set())
    screen.filter_bar.select_country("")
    assert_shows(screen, {"lauingen-segre-telsiai"})

    screen.select_partnership("lauingen-segre-telsiai")
    if screen.compact:
        screen._show_page(screen.map_page)  # the detail is hidden now: it catches up when shown
    language.set_language("de")
    assert headers() == german_headers
    screen._show_page(screen.detail)
    settle()
    assert "Segré – Frankreich" in screen.detail.partners.text()
    assert screen.detail.period.text() == "September 2015"


def test_every_control_reads_in_dutch(shared):
    screen = shared("nl")
    for widget in screen.findChildren(QWidget):
        if isinstance(widget, QPushButton | QLineEdit | QComboBox) and widget.isVisible():
            assert widget.accessibleName(), widget.objectName()
    assert screen.filter_bar.search.placeholderText().startswith("Stad")


# -- screenshots (for people to look at; the assertions above are the checks) ---------------------------


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["de", "nl"])
def test_screenshots(shared, artifacts_dir, size, lang):
    screen = shared(lang, size)
    screen.select_partnership("lauingen-segre-telsiai")
    settle()
    _assert_labels_apart(screen.map)
    if not screen.compact:
        _assert_detail_readable(screen.detail)
    path = artifacts_dir / f"partners-{lang}-{size[0]}.png"
    assert screen.window().grab().save(str(path))
    if size == (1280, 720):
        screen._show_page(screen.detail)
        settle()
        _assert_detail_readable(screen.detail)
        assert screen.window().grab().save(str(artifacts_dir / f"partners-{lang}-{size[0]}-detail.png"))


def _assert_detail_readable(detail) -> None:
    """Every shown text of the detail gets the height its wrapped lines need, and none covers another."""
    body = detail.widget()
    shown = [w for w in body.findChildren(QWidget) if w.isVisible() and w.parent() is body]
    assert len(shown) >= 10
    for widget in shown:
        if isinstance(widget, QLabel) and widget.wordWrap():
            assert widget.height() >= widget.heightForWidth(widget.width()) - 1, widget.text()[:40]
    for a, b in itertools.combinations(shown, 2):
        assert not a.geometry().intersects(b.geometry()), (a.objectName(), b.objectName())


# -- the label placer on its own (no Qt) ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 600), st.floats(0, 400), st.integers(3, 30), st.sampled_from(
    ["german", "partner"])), min_size=1, max_size=45))
def test_placed_labels_never_overlap_labels_markers_or_obstacles(points):
    legend = (0.0, 0.0, 150.0, 80.0)
    requests = [LabelRequest(key=str(i), x=x, y=y, width=8.0 * length, height=22.0, priority=0 if i == 0 else 4,
                             extra_width=30.0, group=group, chosen=i == 0)
                for i, (x, y, length, group) in enumerate(points)]
    bounds = (0.0, 0.0, 600.0, 400.0)
    placed = place_labels(requests, bounds, obstacles=(legend,))
    by_key = {request.key: request for request in requests}
    for label in placed:
        x, y, w, h = label.rect
        assert x >= 0 and y >= 0 and x + w <= 600 and y + h <= 400
        assert not intersects(label.rect, legend)
        assert all(by_key[hidden].group == by_key[label.key].group for hidden in label.hidden)
        for other in requests:
            if other.key != label.key and not by_key[label.key].chosen:
                r = other.marker_radius
                assert not intersects(label.rect, (other.x - r, other.y - r, 2 * r, 2 * r))
    for a, b in itertools.combinations(placed, 2):
        assert not intersects(a.rect, b.rect)
    keys = [label.key for label in placed]
    assert len(keys) == len(set(keys))
    hidden = [key for label in placed for key in label.hidden]
    assert not set(hidden) & set(keys) and len(hidden) == len(set(hidden))
