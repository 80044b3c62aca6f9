"""The pictures of docs/authoring.md, in German and Dutch: a new pack in the app, a live reload, the problem panel.

Each file is rewritten only when the picture changed. The Dutch pictures use a pack whose
``translations/nl.po`` was filled the way an author would (``translate``, then the translations).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from authoring_helpers import replace_in
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from zusammenleben.content.newpack import create_pack
from zusammenleben.i18n.catalogs import read_catalog
from zusammenleben.i18n.manage import render
from zusammenleben.i18n.pack_catalog import catalog_path, update_catalog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WAIT_MS = 8000
DUTCH = {
    "Unsere Stadt": "Onze stad",
    "Unsere Stadt seit 2001": "Onze stad sinds 2001",
    "Die Stadt im Jahr 2001": "De stad in 2001",
    "Ein oder zwei Sätze, die neugierig machen.": "Een of twee zinnen die nieuwsgierig maken.",
    "Hier steht der Text des ersten Kapitels. Absätze trennen Sie durch eine Leerzeile.":
        "Hier staat de tekst van het eerste hoofdstuk. Alinea's scheidt u met een lege regel.",
    "Ein oder zwei Sätze, die neugierig machen – jetzt live geändert.":
        "Een of twee zinnen die nieuwsgierig maken – nu live gewijzigd.",
    "Einwohnerinnen und Einwohner": "Inwoners",
    "Personen": "personen",
    "Ein erstes Ereignis": "Een eerste gebeurtenis",
    "Erstes Ereignis": "Eerste gebeurtenis",
}


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return rows[:, : image.width()].copy()


def save(window, name: str) -> Path:
    """Written when the picture really changed: a few pixels of anti-aliasing differ from run to run,
    and a screenshot rewritten by every test run would leave every checkout dirty."""
    image = window.grab().toImage()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if path.exists():
        old = QImage(str(path))
        if old.size() == image.size() and (pixels(old) != pixels(image)).mean() < 0.01:
            return path
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(buffer.data()))
    return path


def translated_pack(folder: Path) -> Path:
    root = create_pack(folder, "Unsere Stadt", ("de", "nl"), 2001).folder
    update_catalog(root, "nl")
    path = catalog_path(root, "nl")
    catalog = read_catalog(path, "nl")
    for msgid, msgstr in DUTCH.items():  # the sentence edited below is translated ahead, as if by a colleague
        if msgid in catalog:
            catalog[msgid].string = msgstr
        else:
            catalog.add(msgid, msgstr, flags=("no-python-format",))
    path.write_bytes(render(catalog))
    return root


def settled(parts, qtbot) -> None:
    """Wait until the story has placed its figure beside the text (layouts settle over a few passes)."""
    story = parts.window.screens["story"]
    qtbot.waitUntil(lambda: story.plot_slot.x() > story.scroll.x() and parts.window.width() == 1280,
                    timeout=WAIT_MS)
    for _ in range(4):  # the figure's axes size themselves over a few more passes
        QApplication.processEvents()
        QApplication.sendPostedEvents()


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_screenshots_of_new_pack_live_reload_and_problem_panel(live_app, tmp_path, qtbot, lang):
    root = translated_pack(tmp_path / "unsere-stadt")
    parts = live_app(content=str(root), watch=True, lang=lang)
    settled(parts, qtbot)
    assert save(parts.window, f"authoring-new-pack-{lang}").stat().st_size > 10_000

    replace_in(root / "chapters.toml", "Ein oder zwei Sätze, die neugierig machen.",
               "Ein oder zwei Sätze, die neugierig machen – jetzt live geändert.")
    expected = "Ein oder zwei Sätze" if lang == "de" else "Een of twee zinnen"
    qtbot.waitUntil(lambda: "live" in parts.window.screens["story"].chapter_view.lead_label.text(), timeout=WAIT_MS)
    assert expected in parts.window.screens["story"].chapter_view.lead_label.text()
    settled(parts, qtbot)
    save(parts.window, f"authoring-live-reload-{lang}")

    replace_in(root / "events.toml", 'date = "2001"', 'date = "um 2001"')
    replace_in(root / "indicators/einwohner.csv", "2001,10000", "2001,10.000,5")
    qtbot.waitUntil(lambda: parts.live.panel.isVisible(), timeout=WAIT_MS)
    assert len(parts.live.panel.lines()) == 2
    settled(parts, qtbot)
    save(parts.window, f"authoring-problems-{lang}")
