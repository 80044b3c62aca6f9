"""Writing an indicator out: CSV for spreadsheets, PNG and SVG images of a plot.

The CSV part is Qt-free (the command line and tests use it without a display). It writes
numbers the way a German or Dutch spreadsheet reads them: the locale's decimal separator
(a comma for de and nl), no thousands grouping, an ASCII minus; the file itself goes through
the one CSV writer (``csv_table``: ``;`` where the decimal separator is a comma, a BOM).
Every row names its source (title and id).

The image part renders a widget with Qt: PNG into a ``QImage`` of the chosen size, SVG
through ``QSvgGenerator`` (pyqtgraph's own SVGExporter fails on Qt 6.12). Qt is imported
inside those functions only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from zusammenleben.content.model import DataPoint, Indicator, IndicatorKind
from zusammenleben.export.csv_table import list_separator, write_csv_table
from zusammenleben.i18n.formatting import locale_for


@dataclass(frozen=True)
class CsvHeaders:
    """Column names in the reader's language (the caller translates them)."""

    key: str
    value: str
    unit: str
    qualifier: str
    note: str
    source: str
    source_id: str


def csv_number(value: float, lang: str) -> str:
    """``8,7`` (de/nl), ``1500`` (never grouped), ``-75`` (ASCII minus: spreadsheets parse it)."""
    return format_decimal(value, locale=locale_for(lang), group_separator=False, decimal_quantization=False)


def csv_rows(
    indicator: Indicator,
    lang: str,
    *,
    translate: Callable[[str], str] = lambda text: text,
    source_title: Callable[[str], str] = lambda source_id: source_id,
    points: Iterable[DataPoint] | None = None,
) -> list[list[str]]:
    """One row per data point as its source gives it: key, value, unit, qualifier, note, source, source id."""
    unit = translate(indicator.unit)
    rows = []
    for point in points if points is not None else indicator.points:
        key = str(int(point.key)) if indicator.kind is IndicatorKind.SERIES else translate(str(point.key))
        rows.append([
            key,
            csv_number(point.value, lang),
            unit,
            translate(point.qualifier),
            translate(point.note),
            source_title(point.source),
            point.source,
        ])
    return rows


def write_csv(
    path: Path | str,
    indicator: Indicator,
    lang: str,
    headers: CsvHeaders,
    *,
    translate: Callable[[str], str] = lambda text: text,
    source_title: Callable[[str], str] = lambda source_id: source_id,
    points: Iterable[DataPoint] | None = None,
) -> Path:
    """Write the CSV through the one CSV writer (``csv_table``) and return its path."""
    rows = csv_rows(indicator, lang, translate=translate, source_title=source_title, points=points)
    return write_csv_table(path, [headers.key, headers.value, headers.unit, headers.qualifier, headers.note,
                                  headers.source, headers.source_id], rows, list_separator(lang))


# -- images (Qt) -------------------------------------------------------------------------------------


def _laid_out(widget, width: int, height: int) -> None:
    """Give a widget the export size and let its layout settle, without showing it on screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    if not widget.isVisible():
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.show()
    widget.resize(width, height)
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    QApplication.processEvents()


def save_png(widget, path: Path | str, width: int, height: int, background: str = "#FFFFFF",
             scale: float = 1.0) -> Path:
    """Render ``widget`` into a PNG of exactly ``width`` × ``height`` pixels.

    With ``scale`` > 1 the widget is laid out at the size divided by ``scale`` and drawn
    magnified, so a 3840 × 2160 image has the proportions of a slide, not tiny type.
    """
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QImage, QPainter

    scale = max(scale, 1.0)
    _laid_out(widget, round(width / scale), round(height / scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)  # like a high-DPI screen: pens, markers and type all grow
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    image.setDevicePixelRatio(1.0)
    path = Path(path)
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def save_svg(widget, path: Path | str, width: int, height: int, title: str = "", description: str = "",
             background: str = "#FFFFFF") -> Path:
    """Render ``widget`` at ``width`` × ``height`` into an SVG file through ``QSvgGenerator``."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgGenerator

    _laid_out(widget, width, height)
    path = Path(path)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {path}")
    painter.fillRect(QRect(0, 0, width, height), QColor(background))
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return path
