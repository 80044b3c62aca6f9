"""The sources screen (every source with what it supports) and the glossary (every term)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QWidget
from ui_checks import reset, settle, shared_app  # noqa: F401 (a fixture)

from zusammenleben.ui.text_button import TextButton


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    return reset(shared_app)


def page_texts(screen) -> list[str]:
    return [w.text() for w in screen.page_widgets]


def citing_chapters(pack, source_id: str) -> list[int]:
    """Chapters that name the source: in their list, their quote or their perspectives (worked out here)."""
    found = []
    for index, chapter in enumerate(pack.chapters):
        ids = set(chapter.sources)
        if chapter.quote is not None:
            ids.add(chapter.quote.source)
        for perspective in chapter.perspectives:
            ids.update((perspective.claim_source, perspective.criticism_source))
        if source_id in ids:
            found.append(index)
    return found


def test_the_sources_screen_lists_every_source_with_what_it_supports(app):
    pack, language, state = app.context.pack, app.context.language, app.context.state
    screen = app.window.screens["sources"]
    state.set_screen("sources")
    settle()
    assert screen.list_ids() == [source.id for source in pack.sources]
    assert screen.count_label.text().startswith(str(len(pack.sources)))
    supports_something = 0
    for row, source in enumerate(pack.sources):
        assert screen.list.item(row).text().startswith(language.content(source.title))
        assert screen.select(source.id)
        texts = page_texts(screen)
        assert texts[0] == language.content(source.title)
        assert language.ui("What this source supports") in texts
        for index in citing_chapters(pack, source.id):
            link = language.ui("Chapter %(number)d: %(title)s") % {
                "number": index + 1, "title": language.content(pack.chapters[index].title)}
            assert link in texts, f"{source.id} supports chapter {index + 1}"
        figures = [language.content(i.title) for i in pack.indicators if any(p.source == source.id for p in i.points)]
        for title in figures:
            assert any(f"• {title}" in text for text in texts), f"{source.id} supports the figure {title}"
        events = [e for e in pack.events if source.id in e.sources]
        for event in events:
            assert any(text.endswith(language.content(event.title)) for text in texts), event.id
        if citing_chapters(pack, source.id) or figures or events:
            supports_something += 1
        else:
            assert language.ui("Nothing in this pack cites this source yet.") in texts or any(
                p.source == source.id for p in pack.partnerships) or any(source.id in t.sources for t in pack.glossary)
    assert supports_something >= len(pack.sources) // 2


def test_each_source_says_whether_it_is_a_seed_document(app):
    pack = app.context.pack
    screen = app.window.screens["sources"]
    app.context.state.set_screen("sources")
    for source in pack.sources:
        screen.select(source.id)
        badge = next(w for w in screen.page_widgets if w.objectName() in ("seedBadgeIn", "seedBadgeOut"))
        assert badge.objectName() == ("seedBadgeIn" if source.in_seeds else "seedBadgeOut")
        if source.in_seeds and source.seed.isdigit():
            assert badge.text() == f"Aus Quelltext {int(source.seed) + 1}", "counted from 1, not 000"


def test_a_chapter_link_on_a_source_page_opens_the_story_there(app, qtbot):
    pack, state = app.context.pack, app.context.state
    screen = app.window.screens["sources"]
    source_id, index = next((s.id, citing_chapters(pack, s.id)[-1]) for s in pack.sources
                            if citing_chapters(pack, s.id) and citing_chapters(pack, s.id)[-1] > 0)
    state.sourceRequested.emit(source_id)
    assert state.screen == "sources" and screen.selected_id == source_id
    settle()
    number = f"{index + 1}:"
    link = next(b for b in screen.page_buttons if number in b.text() and b.text().startswith("Kapitel"))
    screen.page_scroll.ensureWidgetVisible(link)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert (state.screen, state.chapter_index) == ("story", index)


def sort_keys(locale_name: str, names: list[str]) -> list[str]:
    collator = QCollator(QLocale(locale_name))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return sorted(names, key=collator.sortKey)


def test_the_glossary_lists_every_term_alphabetically_in_each_language(app):
    pack, language, state = app.context.pack, app.context.language, app.context.state
    screen = app.window.screens["glossary"]
    state.set_screen("glossary")
    for code in ("de", "nl"):
        language.set_language(code)
        settle()
        assert sorted(screen.list_ids()) == sorted(term.id for term in pack.glossary)
        shown = [screen.list.item(row).text() for row in range(screen.list.count())]
        assert shown == sort_keys(language.locale_name, [language.content(t.term) for t in pack.glossary])
        for term in pack.glossary:
            assert screen.select(term.id)
            texts = page_texts(screen)
            assert texts[0] == language.content(term.term)
            assert language.content(term.definition) in texts
            chapters = [i for i, c in enumerate(pack.chapters) if term.id in c.glossary]
            links = [b for b in screen.page_buttons if isinstance(b, TextButton)]
            assert len(links) == len(chapters) + len(term.sources)


def test_open_in_glossary_brings_the_term_forward(app, qtbot):
    pack, state = app.context.pack, app.context.state
    screen = app.window.screens["glossary"]
    term = pack.glossary[-1]
    state.termRequested.emit(term.id)
    assert state.screen == "glossary" and screen.selected_id == term.id
    assert screen.list.currentItem().data(Qt.ItemDataRole.UserRole) == term.id


def test_a_page_change_refills_the_kept_widgets_and_leaves_no_stale_ones(app):
    """Pages reuse their labels and links (each built and deleted widget kept native memory on a kiosk)."""
    from PySide6.QtWidgets import QLabel

    pack, language, state = app.context.pack, app.context.language, app.context.state
    screen = app.window.screens["sources"]
    state.set_screen("sources")
    settle()
    ids = screen.list_ids()
    for source_id in ids:  # every page once: the pool holds what the largest page needs
        screen.select(source_id)
    settle()
    built = set(screen.page.findChildren(QLabel)) | set(screen.page.findChildren(TextButton))
    for source_id in [*ids, *reversed(ids)]:
        screen.select(source_id)
        language.set_language("nl" if language.code == "de" else "de")
    settle()
    assert set(screen.page.findChildren(QLabel)) | set(screen.page.findChildren(TextButton)) == built
    # what is shown is this page's, in this language: no label or link from an earlier page
    shown = [w for w in screen.page.findChildren(QWidget) if w.isVisibleTo(screen.page)]
    assert set(shown) <= set(screen.page_widgets) | set(screen.page.findChildren(QWidget, "aboutNotices"))
    source = pack.source(screen.selected_id)
    assert page_texts(screen)[0] == language.display(source.title)
    badges = [w for w in screen.page_widgets if w.objectName() in ("seedBadgeIn", "seedBadgeOut")]
    assert [w.objectName() for w in badges] == ["seedBadgeIn" if source.in_seeds else "seedBadgeOut"]
    # a reused link runs this page's action, not the one of the page it was built for
    link = next((b for b in screen.page_buttons if b.text().startswith(("Kapitel", "Hoofdstuk"))), None)
    if link is not None:
        link.click()
        assert state.screen == "story"
