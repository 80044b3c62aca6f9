"""The Qt-free parts of the handout (request, links, file names) and the page flow's arithmetic."""

from __future__ import annotations

import subprocess
import sys

import pytest

from zusammenleben.export.handout_text import HandoutRequest, Variant, plain_links, slug, suggested_filename


def test_handout_text_needs_no_qt():
    code = ("import sys, zusammenleben.export.handout_text, zusammenleben.modes.classroom.scale; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_in_app_links_become_plain_words_on_paper():
    text = "Die [Mittelschicht](glossary:middle-class) sagt im [Interview](source:spiegel-2018) **nein**."
    assert plain_links(text) == "Die Mittelschicht sagt im Interview **nein**."
    assert plain_links("[Text](https://example.org)") == "[Text](https://example.org)"


def test_request_checks_its_languages_and_chapters():
    assert HandoutRequest(("a",), ("de", "nl")).side_by_side
    assert not HandoutRequest(("a",), ("nl",)).side_by_side
    assert Variant.HANDOUT.with_teacher_notes and not Variant.WORKSHEET.with_teacher_notes
    with pytest.raises(ValueError):
        HandoutRequest((), ("de",))
    with pytest.raises(ValueError):
        HandoutRequest(("a",), ("de", "de"))
    with pytest.raises(ValueError):
        HandoutRequest(("a",), ())


def test_file_names_are_ascii_and_readable():
    assert slug("Straßen, neue Plätze") == "Strassen-neue-Platze"
    name = suggested_filename("Zusammenleben", "Kapitel 3", "Arbeitsblatt", ("de", "nl"))
    assert name == "Zusammenleben-Kapitel-3-Arbeitsblatt-de-nl.pdf"


def test_flow_breaks_pages_and_keeps_headings_with_what_follows(qtbot):
    from zusammenleben.export.handout_flow import AtomicBlock, PageBreak, paginate

    class Heading(AtomicBlock):
        keep_with_next = True

    def box(height, before=0.0):
        return AtomicBlock(height, lambda *_args: None, space_before=before)

    blocks = [PageBreak(label="one", anchor="a"), box(60), box(30, before=5), PageBreak(label="two", anchor="b"),
              box(40), Heading(10, lambda *_a: None, space_before=5), box(50, before=5)]
    pagination = paginate(blocks, page_height=100)
    heights = [[round(piece.height) for _y, piece in page.placements] for page in pagination.pages]
    assert heights == [[60, 30], [40], [10, 50]], "the heading moved with its block to the next page"
    assert pagination.anchors == {"a": 0, "b": 1}
    assert [page.label for page in pagination.pages] == ["one", "two", "two"]
    ys = [y for y, _piece in pagination.pages[0].placements]
    assert ys == [0, 65]
