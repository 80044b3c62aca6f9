"""Issue 20, fault 2: a long chapter body is laid out once per width, not once per question."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from zusammenleben.content.limits import MAX_BODY_CHARS
from zusammenleben.ui.markdown_view import MarkdownView


def test_a_body_at_the_limit_is_laid_out_once_per_width(qtbot):
    view = MarkdownView()
    qtbot.addWidget(view)
    paragraph = "Ein Satz mit einem [Wort](glossary:integration) und **fett**, der weiterläuft. " * 6
    view.set_paragraphs([paragraph] * (MAX_BODY_CHARS // len(paragraph)))
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    own = view.width()
    before = view.layouts_measured
    for _ in range(10):
        view.heightForWidth(own)  # the view's own width: the document's layout answers, no copy
    assert view.layouts_measured == before
    for _ in range(10):
        view.heightForWidth(own - 100)  # another width: one copy laid out, then the cache answers
    assert view.layouts_measured == before + 1
    assert view.heightForWidth(own - 100) > view.heightForWidth(own)
