"""Screenshot of the X display the Windows program draws on (Xvfb), once the window has settled.

Run by test.sh with the Linux venv's PySide6 on Qt's xcb platform: it grabs the root window of
$DISPLAY, i.e. what Wine shows of zusammenleben.exe, not an offscreen rendering. Waits until the
picture has real content (many colours) and stops changing, at most TIMEOUT seconds; exit 1 and
no file when nothing was drawn in time.
Usage: ``QT_QPA_PLATFORM=xcb DISPLAY=:N python packaging/windows/grab.py OUT.png [TIMEOUT]``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QImage

MIN_COLOURS = 64  # an empty Wine desktop is one colour; text and a plot give hundreds


def colours(image: QImage) -> int:
    small = image.scaled(320, 200)
    return len({small.pixel(x, y) for x in range(small.width()) for y in range(small.height())})


def fingerprint(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.scaled(320, 200).save(buffer, "PNG")
    return bytes(buffer.data())


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    timeout = float(argv[1]) if len(argv) > 1 else 120.0
    app = QGuiApplication([sys.argv[0]])
    screen = app.primaryScreen()
    deadline = time.monotonic() + timeout
    previous = b""
    while time.monotonic() < deadline:
        app.processEvents()
        image = screen.grabWindow(0).toImage()
        if not image.isNull() and colours(image) >= MIN_COLOURS:
            current = fingerprint(image)
            if current == previous:  # drawn, and the same as a second ago: settled
                out.parent.mkdir(parents=True, exist_ok=True)
                image.save(str(out))
                print(f"grab.py: {out} {image.width()}x{image.height()}, {colours(image)} colours")
                return 0
            previous = current
        time.sleep(1.0)
    print(f"grab.py: nothing drawn on the display within {timeout:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
