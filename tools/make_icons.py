"""Draw the app icon: two overlapping speech bubbles (German and Dutch, talking together).

Dev-only; the output is committed under resources/icons/ (it is a resource, like the map):
``zusammenleben.svg`` (scalable), ``zusammenleben-<n>.png`` for n in SIZES, ``zusammenleben.ico``
(Windows, written by Qt's ico plugin) and ``zusammenleben.icns`` (macOS, Qt's icns plugin).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icons.py [resources/icons]

One drawing function paints into a 512-unit square; the SVG generator and each PNG size get the
same painter calls, so the bitmaps and the SVG never drift apart. Calm colours from the app's
theme: the accent blue and the quote bar's vermillion, on the warm background.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgGenerator

SIZES = (16, 32, 48, 64, 128, 256, 512)
UNITS = 512.0
BACKGROUND = "#FAF8F4"
BORDER = "#D6D2CA"
BLUE = "#0B5C8C"
VERMILLION = "#D55E00"


def bubble(rect: QRectF, tail_left: bool) -> QPainterPath:
    """A rounded speech bubble with a short tail at the bottom, to the left or the right."""
    path = QPainterPath()
    path.addRoundedRect(rect, rect.height() * 0.32, rect.height() * 0.32)
    tail = QPainterPath()
    bottom = rect.bottom() - 2
    if tail_left:
        x = rect.left() + rect.width() * 0.22
        tail.moveTo(x, bottom)
        tail.lineTo(x - rect.width() * 0.10, bottom + rect.height() * 0.30)
        tail.lineTo(x + rect.width() * 0.16, bottom)
    else:
        x = rect.right() - rect.width() * 0.22
        tail.moveTo(x, bottom)
        tail.lineTo(x + rect.width() * 0.10, bottom + rect.height() * 0.30)
        tail.lineTo(x - rect.width() * 0.16, bottom)
    tail.closeSubpath()
    return path.united(tail)


def paint(painter: QPainter, size: float) -> None:
    """The icon in a ``size``-pixel square (drawn in 512 units, scaled)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / UNITS, size / UNITS)
    painter.setPen(QPen(QColor(BORDER), 8))
    painter.setBrush(QColor(BACKGROUND))
    painter.drawRoundedRect(QRectF(16, 16, 480, 480), 96, 96)

    back = bubble(QRectF(64, 96, 268, 196), tail_left=True)
    front = bubble(QRectF(184, 200, 268, 196), tail_left=False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BLUE))
    painter.drawPath(back)
    # a thin background-coloured halo separates the two bubbles where they overlap
    painter.setPen(QPen(QColor(BACKGROUND), 16))
    painter.setBrush(QColor(VERMILLION))
    painter.drawPath(front)

    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BACKGROUND))
    for index in range(3):  # "…" in the front bubble: a conversation going on
        painter.drawEllipse(QPointF(258 + index * 60, 298), 19, 19)


def write_svg(path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(UNITS), int(UNITS)))
    generator.setViewBox(QRectF(0, 0, UNITS, UNITS))
    generator.setTitle("Zusammenleben")
    generator.setDescription("Two overlapping speech bubbles")
    painter = QPainter(generator)
    paint(painter, UNITS)
    painter.end()


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint(painter, size)
    painter.end()
    return image


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication(argv[:1])
    write_svg(out / "zusammenleben.svg")
    for size in SIZES:
        if not render(size).save(str(out / f"zusammenleben-{size}.png")):
            raise SystemExit(f"could not write the {size} px PNG")
    # ico/icns: best effort (they need Qt's imageformats plugins qico/qicns)
    if not render(256).save(str(out / "zusammenleben.ico"), "ICO"):
        print("make_icons: no ICO writer (Qt imageformats/qico); zusammenleben.ico not written", file=sys.stderr)
    if not render(512).save(str(out / "zusammenleben.icns"), "ICNS"):
        print("make_icons: no ICNS writer (Qt imageformats/qicns); zusammenleben.icns not written", file=sys.stderr)
    print(f"make_icons: wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
