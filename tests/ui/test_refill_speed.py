"""What the speed work of issue 19 must not change: refilled widgets say and do what new ones did.

The perspectives panel and the chapter's source buttons are kept and refilled on a chapter move,
a wrapped label remembers its height per width, and a language switch lays the window out before
it returns. Each test checks the behaviour a pupil or a layout relies on, not the speed
(benchmarks/chapter_move.py and language_switch.py measure that).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget
from ui_checks import settle

from zusammenleben.content.support import chapter_source_ids
from zusammenleben.ui.labels import WrappedLabel


def test_a_wrapped_label_measures_like_a_qlabel_after_text_and_font_changes(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    cached, plain = WrappedLabel(host), QLabel(host)
    for label in (cached, plain):
        label.setWordWrap(True)
    text = "Mechelen will, dass sich Menschen unterschiedlicher Herkunft begegnen: im Jugendzentrum. " * 3
    for label in (cached, plain):
        label.setText(text)
    for width in (120, 300, 120):
        assert cached.heightForWidth(width) == plain.heightForWidth(width)
    short = cached.heightForWidth(300)
    for label in (cached, plain):
        label.setText(text * 2)
    assert cached.heightForWidth(300) == plain.heightForWidth(300) > short
    font = QFont(cached.font())
    font.setPixelSize(font.pixelSize() * 2 if font.pixelSize() > 0 else 30)
    before = cached.heightForWidth(300)
    for label in (cached, plain):
        label.setFont(font)
    assert cached.heightForWidth(300) == plain.heightForWidth(300) > before


def test_refilled_perspectives_and_sources_lead_to_their_own_sources(build_app, qtbot):
    parts = build_app(size=(1600, 960))
    state = parts.context.state
    story = parts.window.screens["story"]
    view = story.chapter_view
    chapters = parts.context.pack.chapters
    most = max(range(len(chapters)), key=lambda i: len(chapters[i].perspectives))
    fewer = next((i for i, c in enumerate(chapters) if 0 < len(c.perspectives) < len(chapters[most].perspectives)),
                 None)
    order = [most, fewer if fewer is not None else most, len(chapters) - 1, 0]
    requested: list[str] = []
    state.sourceRequested.connect(requested.append)
    for index in order:
        state.set_chapter(index)
        settle()
        chapter = chapters[index]
        panel = view.perspectives
        # the blocks a chapter does not need are out of sight; the shown ones are this chapter's
        shown_buttons = [b for block in panel.blocks for b in (block.claim_source, block.criticism_source)
                         if b.isVisibleTo(panel)]
        assert shown_buttons == panel.source_buttons
        assert len(panel.source_buttons) == 2 * len(chapter.perspectives)
        expected = [sid for p in chapter.perspectives for sid in (p.claim_source, p.criticism_source)]
        requested.clear()
        for button in panel.source_buttons:
            button.click()
        assert requested == expected
        # the chapter's own source list: one visible button per source, named and leading to it
        ids = chapter_source_ids(chapter)
        assert [b.objectName() for b in view.source_buttons] == [f"chapterSource-{sid}" for sid in ids]
        assert all(b.isVisibleTo(view) for b in view.source_buttons)
        assert not any(b.isVisibleTo(view) for b in view._source_pool[len(ids):])
        requested.clear()
        for button in view.source_buttons:
            button.click()
        assert requested == list(ids)
        state.set_screen("story")


def geometries(window: QWidget) -> dict[QWidget, QRect]:
    return {w: w.geometry() for w in window.findChildren(QWidget) if w.isVisible()}


def test_a_language_switch_returns_with_the_window_laid_out(build_app):
    # texts change length with the language; the switch lays the window out before it returns, so
    # the first paint after it is the final one (no card or button painted at its old size first)
    parts = build_app(size=(1600, 960))
    state, language = parts.context.state, parts.context.language
    for screen in ("indicators", "story"):
        state.set_screen(screen)
        settle()
        for code in ("nl", "de"):
            language.set_language(code)
            at_return = geometries(parts.window)
            settle()
            after = geometries(parts.window)
            moved = {f"{type(w).__name__}#{w.objectName()}": (at_return.get(w), rect)
                     for w, rect in after.items() if at_return.get(w) != rect}
            assert not moved, f"{screen}, {code}: laid out only after the switch returned: {moved}"


def test_a_hidden_figure_card_speaks_the_new_language_when_it_is_shown_again(build_app):
    # cards of figures chosen away are kept hidden; a switch retranslates them when they come back
    parts = build_app(size=(1600, 960))
    state, language, pack = parts.context.state, parts.context.language, parts.context.pack
    state.set_screen("indicators")
    settle()
    screen = parts.window.screens["indicators"]
    first = screen.selected_ids()
    others = [i.id for i in pack.indicators if i.id not in first]
    screen.set_selected(first + others[:1])
    settle()
    screen.set_selected(first)  # the extra card is kept, hidden
    settle()
    card = screen.cards[others[0]]
    assert card.isHidden()
    indicator = pack.indicator(others[0])
    language.set_language("nl")
    settle()
    screen.set_selected(first + others[:1])
    settle()
    assert card.isVisible()
    assert card.plot.title_label.text() == language.content_in(indicator.title, "nl")
    assert card.table_button.text() == language.ui_in("Show as table", "nl")
