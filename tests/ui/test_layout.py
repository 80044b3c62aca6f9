"""Every screen, in German and Dutch, at 1280×720 and 1920×1080: no text cut off, nothing overlapping.

Saves the screenshots the README shows to docs/screenshots/ (each file is rewritten only when
the picture changed, so an unchanged UI leaves git clean).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from ui_checks import layout_problems, reset, settle, shared_app  # noqa: F401 (a fixture)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    return reset(shared_app)


def compact(image: QImage) -> QImage:
    """The picture with its 256 most frequent colours (a UI has few; edges take the nearest): ~3× smaller."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(height, image.bytesPerLine() // 4)
    pixels = rows[:, :width].ravel()
    colours, counts = np.unique(pixels, return_counts=True)
    inverse = np.searchsorted(colours, pixels)  # much faster than unique(return_inverse=True)
    palette = colours[np.argsort(counts)[::-1][:256]]

    def channels(values: np.ndarray) -> np.ndarray:
        return np.stack([(values >> shift) & 0xFF for shift in (16, 8, 0)], axis=-1).astype(np.int32)

    distance = ((channels(colours)[:, None, :] - channels(palette)[None, :, :]) ** 2).sum(axis=2)
    indices = distance.argmin(axis=1).astype(np.uint8)[inverse].reshape(height, width)
    stride = (width + 3) // 4 * 4
    padded = np.zeros((height, stride), dtype=np.uint8)
    padded[:, :width] = indices
    result = QImage(padded.tobytes(), width, height, stride, QImage.Format.Format_Indexed8)
    result.setColorTable([int(colour) | 0xFF000000 for colour in palette])
    return result.copy()


def save_screenshot(window, name: str) -> Path:
    """A compact PNG (they are committed); written only if it differs from the one on disk."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    compact(window.grab().toImage()).save(buffer, "PNG", 50)  # a middle zlib level: ~10 % larger, 15× faster
    data = bytes(buffer.data())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path


def problems_when_settled(qtbot, window) -> list[str]:
    """Layouts settle over a few event-loop passes; wait briefly for them before judging."""
    found: list[str] = []

    def clean() -> bool:
        settle(2)
        found[:] = layout_problems(window)
        return not found

    for _ in range(8):  # layouts settle over a few event-loop passes
        if clean():
            break
    return found


def check_screens(app, qtbot, size: tuple[int, int], screenshot_keys: set[str]) -> list[str]:
    window, state, language = app.window, app.context.state, app.context.language
    window.resize(*size)
    settle()
    problems: list[str] = []
    for code in ("de", "nl"):
        language.set_language(code)
        for key, screen in window.screens.items():
            state.set_screen(key)
            where = f"{key}, {code}, {size[0]}×{size[1]}"
            assert window.size().toTuple() == size, f"the window had to grow at {where}: {window.size()}"
            problems += [f"{where}: {p}" for p in problems_when_settled(qtbot, window)]
            if key in screenshot_keys:
                save_screenshot(window, f"{key}-{code}-{size[0]}x{size[1]}")
            if key == "story":
                for index in range(1, state.chapter_count):
                    state.set_chapter(index)
                    problems += [f"{where}, chapter {index + 1}: {p}" for p in problems_when_settled(qtbot, window)]
                state.set_chapter(0)
            elif key in ("sources", "glossary"):  # and the page with the longest text
                longest = _longest_item(app.context, key)
                screen.select(longest)
                problems += [f"{where}, {longest}: {p}" for p in problems_when_settled(qtbot, window)]
                screen.reset_view()
    return problems


def _longest_item(context, key: str) -> str:
    language, pack = context.language, context.pack
    if key == "sources":
        return max(pack.sources, key=lambda s: len(language.content(s.title)) + len(language.content(s.note))).id
    return max(pack.glossary, key=lambda t: len(language.content(t.definition))).id


def test_every_screen_holds_at_1280x720_in_both_languages(app, qtbot):
    problems = check_screens(app, qtbot, (1280, 720), set(app.window.screens))
    assert not problems, "\n".join(problems)


def test_every_screen_holds_at_1920x1080_in_both_languages(app, qtbot):
    problems = check_screens(app, qtbot, (1920, 1080), {"story"})
    assert not problems, "\n".join(problems)


def test_the_story_holds_at_200_percent_on_1920x1080(app, qtbot):
    """Last in the module: a font-scale change restyles the whole window."""
    window, state, language = app.window, app.context.state, app.context.language
    window.resize(1920, 1080)
    state.set_font_scale(2.0)
    problems: list[str] = []
    for code in ("de", "nl"):
        language.set_language(code)
        for index in range(state.chapter_count):
            state.set_chapter(index)
            problems += [f"{code}, chapter {index + 1}: {p}" for p in problems_when_settled(qtbot, window)]
        state.set_chapter(0)
    assert window.size().toTuple() == (1920, 1080)
    assert not problems, "\n".join(problems)
    assert QApplication.activePopupWidget() is None


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_presenter_layout_keeps_lead_and_figure_in_view_on_old_projectors(app, qtbot, size):
    """XGA and WXGA projectors at 150 %: the figure beside the text, the lead in view, in DE, NL and DE+NL."""
    window, state, language, classroom = app.window, app.context.state, app.context.language, app.classroom
    classroom.set_presenter(True)
    try:
        state.set_font_scale(1.5)
        window.resize(*size)
        story = window.screens["story"]
        problems: list[str] = []
        for code, both in (("de", False), ("nl", False), ("de", True)):
            language.set_language(code)
            language.set_side_by_side(both)
            for index in range(state.chapter_count):
                state.set_chapter(index)
                where = f"{code}{'+nl' if both else ''}, {size[0]}×{size[1]}, chapter {index + 1}"
                problems += [f"{where}: {p}" for p in problems_when_settled(qtbot, window)]
                if not story.plot_slot.indicator_ids:
                    continue
                figure = story.plot_slot
                top_left = figure.mapTo(window, figure.rect().topLeft())
                figure_rect = figure.rect().translated(top_left)
                if not (figure.isVisible() and window.rect().contains(figure_rect)):
                    problems.append(f"{where}: the figure is not in view ({figure_rect})")
                lead = story.chapter_view.lead_label
                lead_top = lead.mapTo(story.scroll.viewport(), lead.rect().topLeft()).y()
                # DE+NL at XGA: the two titles fill most of the height, the lead begins in view and scrolls
                lines = 0 if both and size == (1024, 768) else 2
                if not 0 <= lead_top < story.scroll.viewport().height() - lines * lead.fontMetrics().lineSpacing():
                    problems.append(f"{where}: the lead is not in view (top at {lead_top})")
            if size == (1024, 768) and not both:
                state.set_chapter(3)
                qtbot.waitUntil(lambda: not story.fade.running, timeout=5000)  # not a half-faded picture
                settle(4)
                save_screenshot(window, f"presenter-xga-{code}-1024x768")
        assert window.size().toTuple() == size
        assert not problems, "\n".join(problems[:20])
    finally:
        classroom.set_presenter(False)
        language.set_side_by_side(False)
