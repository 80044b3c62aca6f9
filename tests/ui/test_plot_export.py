"""Plot exports: PNG at the chosen size, SVG that parses, CSV a German or Dutch spreadsheet reads."""

from __future__ import annotations

import csv
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.numbers import parse_decimal
from PySide6.QtGui import QImage

from zusammenleben.content.model import DataPoint, Indicator, IndicatorKind
from zusammenleben.core.mode import Mode
from zusammenleben.export.csv_table import list_separator as csv_delimiter
from zusammenleben.export.indicator_export import export_csv, export_image, export_indicator
from zusammenleben.export.plot_export import CsvHeaders, csv_number, write_csv
from zusammenleben.i18n.formatting import locale_name
from zusammenleben.ui.plots.screen import IndicatorCard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_plots import make_context

HEADERS = CsvHeaders("Jahr", "Wert", "Einheit", "Angabe", "Anmerkung", "Quelle", "Quellen-ID")
INDICATOR = Indicator(
    id="x", kind=IndicatorKind.SERIES, title="T", unit="Prozent", value_format="percent",
    points=(DataPoint(2000, 33.3, "s1", qualifier="jeder Dritte", note='sagt "er"; zeitweise'),
            DataPoint(2016, 84000.5, "s2"), DataPoint(2018, -75, "s3")),
)


@pytest.fixture
def context(qtbot, tmp_path):
    return make_context(tmp_path)


def read_csv(path: Path, lang: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=csv_delimiter(lang)))


# -- CSV (no Qt) -------------------------------------------------------------------------------------


def test_csv_writer_needs_no_qt():
    code = ("import sys, zusammenleben.export.plot_export; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_csv_numbers_use_the_locale_decimal_comma_and_semicolons(tmp_path, lang):
    path = write_csv(tmp_path / "x.csv", INDICATOR, lang, HEADERS, source_title=lambda sid: f"Titel {sid}")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "BOM: spreadsheets detect UTF-8"
    rows = read_csv(path, lang)
    assert csv_delimiter(lang) == ";"
    assert rows[0] == list(HEADERS.__dict__.values())
    assert [row[1] for row in rows[1:]] == ["33,3", "84000,5", "-75"]
    values = [float(parse_decimal(row[1], locale=locale_name(lang))) for row in rows[1:]]
    assert values == [33.3, 84000.5, -75.0]
    assert rows[1][0] == "2000" and rows[1][3] == "jeder Dritte" and rows[1][4] == 'sagt "er"; zeitweise'
    assert rows[2][5:] == ["Titel s2", "s2"]


def test_csv_number_never_groups():
    assert csv_number(1500, "de") == "1500"
    assert csv_number(0.25, "nl") == "0,25"


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_export_csv_of_a_pack_indicator(context, tmp_path, lang):
    context.language.set_language(lang)
    indicator = context.pack.indicator("far-right-vote")
    rows = read_csv(export_csv(context, indicator, tmp_path / "f.csv"), lang)
    assert rows[0][0] == context.language.ui("Year")
    assert len(rows) == 1 + len(indicator.points)
    exported = sorted((int(r[0]), float(parse_decimal(r[1], locale=locale_name(lang))), r[6]) for r in rows[1:])
    assert exported == sorted((int(p.key), p.value, p.source) for p in indicator.points)
    titles = {r[6]: r[5] for r in rows[1:]}
    assert titles["spiegel-2018-interview"] == context.language.content(
        context.pack.source("spiegel-2018-interview").title)


# -- images ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (640, 480)])
def test_png_has_the_chosen_size_and_content(context, tmp_path, size):
    path = export_image(context, context.pack.indicator("far-right-vote"), tmp_path / "p.png", size, "png")
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == size
    colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 7)}
    assert len(colours) > 20, "something was drawn"
    blue = 0xFF0072B2
    assert any(image.pixel(x, y) == blue for x in range(0, size[0], 2) for y in range(0, size[1], 2)), \
        "the Okabe–Ito markers are in the image"


def test_svg_parses_and_holds_the_plot(context, tmp_path):
    indicator = context.pack.indicator("is-departures")
    path = export_image(context, indicator, tmp_path / "p.svg", (1280, 720), "svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.attrib.get("viewBox") == "0 0 1280 720"
    assert root.find("svg:title", ns).text == context.language.content(indicator.title)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Brüssel" in texts and "200" in texts, "tick labels and value labels are real text"
    shapes = [e for e in root.iter() if e.tag.split("}")[1] in ("path", "polyline", "rect", "polygon")]
    assert len(shapes) > 10, "the plot is vector drawing, not one embedded bitmap"


def test_card_export_writes_all_three(qtbot, context, tmp_path):
    card = IndicatorCard(context, context.pack.indicator("far-right-vote"))
    qtbot.addWidget(card)
    assert card.export_button is not None and card.export_menu.actions()
    for kind in ("png", "svg", "csv"):
        path = export_indicator(context, card.indicator, tmp_path / f"out.{kind}", kind, (800, 450))
        assert path.exists() and path.stat().st_size > 100


def test_no_export_in_kiosk(qtbot, tmp_path):
    context = make_context(tmp_path, Mode.KIOSK)
    card = IndicatorCard(context, context.pack.indicator("far-right-vote"))
    qtbot.addWidget(card)
    assert card.export_button is None
    assert card.ask_and_export("png", (1280, 720)) is None, "no file dialog in kiosk mode"


def test_the_export_menu_keeps_its_actions_and_renames_them_on_a_language_switch(qtbot, context):
    """Built once (actions and connections built per switch kept memory); the texts follow the language."""
    card = IndicatorCard(context, context.pack.indicator("far-right-vote"))
    qtbot.addWidget(card)
    context.language.set_language("de")
    actions = card.export_menu.actions()
    german = [a.text() for a in actions]
    context.language.set_language("nl")
    assert card.export_menu.actions() == actions
    dutch = [a.text() for a in actions]
    assert len(dutch) == 5 and all(dutch) and dutch != german
    assert "1920" in dutch[1] and "1920" in german[1]
    asked = []
    card.ask_and_export = lambda kind, size: asked.append((kind, size))
    actions[1].trigger()
    actions[4].trigger()
    assert asked == [("png", (1920, 1080)), ("csv", None)]
