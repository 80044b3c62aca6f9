"""The handout PDF: written without a dialog, A4, page numbers on every page, the chosen language(s), the variants."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from zusammenleben.export.handout import write_handout
from zusammenleben.export.handout_text import HandoutRequest, Variant

A4_POINTS = (595.3, 841.9)


@lru_cache(maxsize=1)
def _pack():
    from zusammenleben.app import load_content

    pack, problems = load_content(None)
    assert not problems
    return pack


@pytest.fixture
def context(qtbot, tmp_path):
    """The built-in pack in a context of its own (the app's language stays German throughout)."""
    from zusammenleben.app import create_qapplication
    from zusammenleben.core.context import UiContext
    from zusammenleben.core.state import AppState
    from zusammenleben.i18n.language import Language
    from zusammenleben.settings import Settings

    create_qapplication()
    pack = _pack()
    return UiContext(pack=pack, state=AppState(pack), language=Language("de"), settings=Settings(tmp_path / "s.ini"))


def flat(text: str) -> str:
    """PDF text as words: ligatures unfolded, tabs and line breaks as single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def page_texts(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(str(path)).pages]


def page_label(context, code: str, page: int, pages: int) -> str:
    return context.language.ui_in("Page %(page)d of %(pages)d", code) % {"page": page, "pages": pages}


def assert_numbered(context, texts: list[str], codes: tuple[str, ...]) -> None:
    """Every page says its own number (once per language) and no other page's."""
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        labels = [flat(page_label(context, code, number, total)) for code in codes]
        for label in set(labels):
            assert text.count(label) == labels.count(label), (number, label)
        for other in range(1, total + 1):
            if other != number:
                assert flat(page_label(context, codes[0], other, total)) not in text


@pytest.mark.parametrize("codes", [("de",), ("nl",), ("de", "nl")], ids=["de", "nl", "both"])
def test_one_chapter_in_each_language(context, tmp_path, codes):
    pack = context.pack
    chapter = pack.chapters[3]
    path = tmp_path / "handout.pdf"
    result = write_handout(path, context, HandoutRequest((chapter.id,), codes, Variant.WORKSHEET))
    reader = PdfReader(str(path))
    assert len(reader.pages) == result.pages
    assert 2 <= result.pages <= 6, "one chapter fits a few sheets"
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5, "A4 portrait"
    texts = page_texts(path)
    assert_numbered(context, texts, codes)
    everything = " ".join(texts)
    for code in ("de", "nl"):
        title = flat(context.language.content_in(chapter.title, code))
        question = flat(context.language.content_in(chapter.questions[0].text, code))
        if code in codes:
            assert title in everything, (code, title)
            assert question in everything
        else:
            assert title not in everything, f"{title!r} must not be in a {codes} handout"
    first_code = codes[0]
    assert flat(context.language.content_in(chapter.lead, first_code))[:60] in texts[0]
    indicator = pack.indicator(chapter.indicators[0])
    assert flat(context.language.content_in(indicator.title, first_code)) in everything, "the plot is vector text"
    quote = flat(context.language.content_in(chapter.quote.text, first_code))
    assert quote[:50] in everything
    note = flat(context.language.content_in(chapter.teacher_notes[0].text, first_code))
    assert note[:60] not in everything, "a worksheet has no teacher notes"
    source = pack.source(chapter.sources[0])
    assert flat(context.language.content_in(source.title, first_code))[:40] in everything


def test_teacher_handout_adds_the_notes(context, tmp_path):
    chapter = context.pack.chapters[0]
    worksheet = write_handout(tmp_path / "w.pdf", context, HandoutRequest((chapter.id,), ("de",), Variant.WORKSHEET))
    handout = write_handout(tmp_path / "h.pdf", context, HandoutRequest((chapter.id,), ("de",), Variant.HANDOUT))
    text = " ".join(page_texts(handout.path))
    for note in chapter.teacher_notes:
        assert flat(note.text)[:60] in text
    assert flat(context.language.ui_in("Teacher notes", "de")) in text
    assert handout.pages >= worksheet.pages
    name_line = flat(context.language.ui_in("Name", "de"))
    assert name_line + ":" in " ".join(page_texts(worksheet.path))


def test_whole_tour_has_a_cover_and_every_chapter_on_its_page(context, tmp_path):
    pack = context.pack
    ids = tuple(chapter.id for chapter in pack.chapters)
    result = write_handout(tmp_path / "tour.pdf", context, HandoutRequest(ids, ("nl",), Variant.HANDOUT))
    texts = page_texts(result.path)
    assert len(texts) == result.pages
    assert len(pack.chapters) * 2 + 1 <= result.pages <= len(pack.chapters) * 5 + 1
    assert_numbered(context, texts, ("nl",))
    cover = texts[0]
    assert flat(context.language.ui_in("Contents", "nl")) in cover
    starts = [result.chapter_pages[chapter.id] for chapter in pack.chapters]
    assert starts == sorted(starts) and starts[0] == 2
    for chapter, start in zip(pack.chapters, starts, strict=True):
        title = flat(context.language.content_in(chapter.title, "nl"))
        assert title in cover
        assert title in texts[start - 1], f"{chapter.id} starts on page {start}"


def test_first_page_renders_and_looks_like_a_page(context, artifacts_dir):
    """Rendered with poppler into test-artifacts/ (to look at), and checked for ink in the right places."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    chapter = context.pack.chapters[3]
    for codes, variant, name in ((("de",), Variant.WORKSHEET, "classroom-handout-de-page1"),
                                 (("de", "nl"), Variant.HANDOUT, "classroom-handout-both-page1")):
        pdf = artifacts_dir / f"{name}.pdf"
        write_handout(pdf, context, HandoutRequest((chapter.id,), codes, variant))
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(artifacts_dir / name)], check=True, timeout=60)
        image = QImage(str(artifacts_dir / f"{name}.png"))
        assert not image.isNull()
        assert abs(image.width() / image.height() - A4_POINTS[0] / A4_POINTS[1]) < 0.01
        margin = round(image.width() * 0.05)  # 20 mm margins: the outer 5 % stay white
        assert all(image.pixelColor(x, image.height() // 2).lightness() > 245 for x in range(0, margin, 3))
        dark = sum(image.pixelColor(x, y).lightness() < 100
                   for x in range(0, image.width(), 6) for y in range(0, image.height(), 6))
        assert dark > 400, "the page carries text"
        pdf.unlink()


def test_unwritable_path_raises_oserror(context, tmp_path):
    with pytest.raises(OSError):
        write_handout(tmp_path / "missing-folder" / "x.pdf", context,
                      HandoutRequest((context.pack.chapters[0].id,), ("de",)))


@pytest.mark.parametrize("code", ["de", "nl"])
def test_tasks_on_both_sheets_goals_only_for_the_teacher(context, tmp_path, code):
    """Tasks (with their level) are for pupils: on the worksheet; learning goals are for the teacher."""
    chapter = context.pack.chapter("elections")
    assert chapter.goals and chapter.tasks
    language = context.language
    worksheet = write_handout(tmp_path / "w.pdf", context, HandoutRequest((chapter.id,), (code,), Variant.WORKSHEET))
    handout = write_handout(tmp_path / "h.pdf", context, HandoutRequest((chapter.id,), (code,), Variant.HANDOUT))
    pupils, teacher = " ".join(page_texts(worksheet.path)), " ".join(page_texts(handout.path))
    goal = flat(language.content_in(chapter.goals[0].text, code))[:60]
    assert goal in teacher and goal not in pupils
    assert flat(language.ui_in("Learning goals", code)) in teacher
    for text in (pupils, teacher):
        assert flat(language.ui_in("Tasks", code)) in text
        for task in chapter.tasks:
            assert flat(language.content_in(task.text, code))[:50] in text
        level = flat(language.ui_in("Level %(level)s", code) % {"level": "III"})
        assert level in text
