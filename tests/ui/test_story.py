"""The guided story: one state for chapter and year, the rail, navigation, links, perspectives, languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ui_checks import reset, settle, shared_app  # noqa: F401 (a fixture)

from zusammenleben.core.theme import active as active_theme
from zusammenleben.ui.story import transition


@pytest.fixture
def app(shared_app):  # noqa: F811 (the fixture imported above)
    """The real window in German at 1280×720, the story at chapter 1 (shared by this module's tests)."""
    return reset(shared_app)


def story_of(parts):
    return parts.window.screens["story"]


def expected_where(parts) -> str:
    from zusammenleben.i18n.formatting import format_span

    language, state = parts.context.language, parts.context.state
    return language.ui("%(span)s · time bar at %(year)d") % {
        "span": format_span(state.chapter.years, language.code), "year": state.year}


def cursor_line_is_drawn_at(bar, year: int) -> bool:
    """The time bar's cursor line runs above the label rows, where nothing else is painted."""
    image = bar.grab().toImage()
    geometry = bar.bar_geometry()
    x = round(geometry.x_for(year + 0.5))
    accent = QColor(active_theme().accent)
    return any(QColor(image.pixel(x + dx, round(geometry.top) - 3)) == accent for dx in (-1, 0, 1))


def span_is_highlighted_at(bar, year: int) -> bool:
    """The chapter's span is a band in the highlight colour around the axis."""
    from zusammenleben.core.theme import TypeScale

    image = bar.grab().toImage()
    geometry = bar.bar_geometry()
    t = TypeScale(bar.state.font_scale)
    highlight = QColor(active_theme().highlight)
    y = round(geometry.axis_y - t.px(9))
    left, right = geometry.x_for(year), geometry.x_for(year + 1)
    samples = [round(left + (right - left) * f) for f in (0.3, 0.45, 0.6, 0.75)]
    return any(QColor(image.pixel(x, y)) == highlight for x in samples)


def test_the_start_puts_the_year_cursor_inside_the_first_chapter(app):
    state = app.context.state
    story = story_of(app)
    assert state.chapter_index == 0
    assert state.chapter.years.covers_year(state.year), "the story must not open 'outside this chapter'"
    assert story.chapter_view.where_label.text() == expected_where(app)
    bar = time_bar_of(app)
    assert cursor_line_is_drawn_at(bar, state.year)
    assert span_is_highlighted_at(bar, state.year)


def time_bar_of(parts):
    from zusammenleben.ui.timeline.time_bar import TimeBar

    return parts.window.findChild(TimeBar)


def test_changing_chapter_moves_the_year_and_updates_text_plot_and_time_bar(app):
    state, language = app.context.state, app.context.language
    story, bar = story_of(app), time_bar_of(app)
    state.set_year(state.last_year)
    state.set_chapter(1)
    settle()
    chapter = state.chapter
    assert state.year == chapter.years.first_year, "the year jumps into the chapter's span"
    assert story.chapter_view.title_label.text() == language.content(chapter.title)
    assert story.chapter_view.lead_label.text() == language.content(chapter.lead)
    assert story.chapter_view.body_views[0].markdown() == "\n\n".join(language.content_paragraphs(chapter.body))
    assert story.chapter_view.where_label.text() == expected_where(app)
    plot = story.plot_slot.current_plot()
    assert plot is not None and plot.indicator.id == chapter.indicators[0]
    assert plot.cursor.value() == state.year
    assert cursor_line_is_drawn_at(bar, state.year)
    assert span_is_highlighted_at(bar, chapter.years.last_year)
    assert not span_is_highlighted_at(bar, state.last_year)

    inside = chapter.years.first_year + 3
    state.set_year(inside)  # moving the year inside the chapter keeps the chapter, moves every cursor
    settle()
    assert state.chapter_index == 1
    assert plot.cursor.value() == inside
    assert cursor_line_is_drawn_at(bar, inside)
    assert str(inside) in story.chapter_view.where_label.text()


def send_mouse(widget, kind: QEvent.Type, position: QPointF, buttons: Qt.MouseButton) -> None:
    event = QMouseEvent(kind, position, widget.mapToGlobal(position), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_dragging_the_time_bar_cursor_moves_the_year_everywhere(app):
    state = app.context.state
    story, bar = story_of(app), time_bar_of(app)
    geometry = bar.bar_geometry()
    y = geometry.axis_y
    left = Qt.MouseButton.LeftButton
    send_mouse(bar, QEvent.Type.MouseButtonPress, QPointF(bar.x_for_year(2005), y), left)
    assert state.year == 2005
    for year in (2007, 2010, 2012):
        send_mouse(bar, QEvent.Type.MouseMove, QPointF(bar.x_for_year(year), y), left)
        assert state.year == year
    send_mouse(bar, QEvent.Type.MouseButtonRelease, QPointF(bar.x_for_year(2012), y), Qt.MouseButton.NoButton)
    settle()
    assert state.year == 2012
    assert state.chapter_index == 0, "the year never changes the chapter by itself"
    assert story.plot_slot.current_plot().cursor.value() == 2012
    assert "2012" in story.chapter_view.where_label.text()
    assert cursor_line_is_drawn_at(bar, 2012)


def test_the_chapter_rail_numbers_and_titles_every_chapter_and_marks_the_current(app, qtbot):
    state, language, pack = app.context.state, app.context.language, app.context.pack
    rail = story_of(app).rail
    assert len(rail.buttons) == len(pack.chapters) >= 2
    for index, (button, chapter) in enumerate(zip(rail.buttons, pack.chapters, strict=True)):
        assert button.number == str(index + 1)
        assert button.text() == language.content(chapter.title)
    assert [b.isChecked() for b in rail.buttons] == [i == 0 for i in range(len(rail.buttons))]
    target = rail.buttons[3]
    rail.ensureWidgetVisible(target)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert state.chapter_index == 3
    assert [b.isChecked() for b in rail.buttons] == [i == 3 for i in range(len(rail.buttons))]
    state.set_chapter(5)
    assert rail.buttons[5].isChecked() and not rail.buttons[3].isChecked()


def test_next_and_previous_buttons_move_one_chapter(app, qtbot):
    state = app.context.state
    story = story_of(app)
    assert not story.previous_button.isEnabled()
    qtbot.mouseClick(story.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(story.next_button, Qt.MouseButton.LeftButton)
    assert state.chapter_index == 2
    qtbot.mouseClick(story.previous_button, Qt.MouseButton.LeftButton)
    assert state.chapter_index == 1
    state.set_chapter(state.chapter_count - 1)
    assert not story.next_button.isEnabled() and story.previous_button.isEnabled()
    language = app.context.language
    assert story.progress_label.text() == language.ui("Chapter %(number)d of %(total)d") % {
        "number": state.chapter_count, "total": state.chapter_count}


def activate(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_arrow_keys_page_keys_home_and_end_move_chapters(app, qtbot):
    state = app.context.state
    story = story_of(app)
    activate(app.window, qtbot)
    last = state.chapter_count - 1
    steps = [(Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_Left, 1), (Qt.Key.Key_PageUp, 0),
             (Qt.Key.Key_End, last), (Qt.Key.Key_Home, 0)]
    for focus in (story.rail.buttons[0], story.chapter_view.body_views[0], story.next_button):
        focus.setFocus()
        for key, expected in steps:
            QTest.keyClick(QApplication.focusWidget(), key)
            assert state.chapter_index == expected, f"{key!r} with the focus on {focus.objectName()}"


def test_arrow_keys_on_the_time_bar_move_the_year_not_the_chapter(app, qtbot):
    state = app.context.state
    activate(app.window, qtbot)
    bar = time_bar_of(app)
    bar.setFocus()
    year = state.year
    QTest.keyClick(bar, Qt.Key.Key_Right)
    QTest.keyClick(bar, Qt.Key.Key_Right)
    assert (state.year, state.chapter_index) == (year + 2, 0)
    QTest.keyClick(bar, Qt.Key.Key_End)
    assert state.year == state.last_year and state.chapter_index == 0


def swipe(window, start: QPoint, end: QPoint) -> None:
    device = QTest.createTouchDevice()
    steps = 6
    QTest.touchEvent(window, device).press(0, start, window)
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.touchEvent(window, device).move(0, point, window)
    QTest.touchEvent(window, device).release(0, end, window)


def test_a_horizontal_swipe_over_the_story_moves_chapters(app):
    state = app.context.state
    story = story_of(app)
    window = app.window
    centre = story.scroll.mapTo(window, story.scroll.rect().center())
    swipe(window, centre + QPoint(150, 0), centre - QPoint(150, 0))
    settle()
    assert state.chapter_index == 1, "a swipe to the left shows the next chapter"
    swipe(window, centre - QPoint(150, 0), centre + QPoint(150, 0))
    settle()
    assert state.chapter_index == 0, "a swipe to the right goes back"
    swipe(window, centre, centre + QPoint(20, 0))  # too short: a tap or a wobble, not a swipe
    swipe(window, centre, centre + QPoint(160, 200))  # mostly vertical: scrolling, not a swipe
    settle()
    assert state.chapter_index == 0


def test_chapter_changes_fade_unless_reduced_motion_is_asked_for(app, monkeypatch):
    monkeypatch.setattr(transition, "platform_prefers_reduced_motion", lambda: False)
    state, settings = app.context.state, app.context.settings
    story = story_of(app)
    settings.reduced_motion = False
    state.next_chapter()
    assert story.fade.running and story.scroll.graphicsEffect() is not None
    story.fade.stop()
    settings.reduced_motion = True
    state.next_chapter()
    assert not story.fade.running
    assert story.scroll.graphicsEffect() is None
    assert state.chapter_index == 2


def anchor_point(view, href: str) -> QPoint:
    """Where the link ``href`` is drawn in the view's viewport."""
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                return view.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link {href} in the chapter text")


def click_link(story, href: str, qtbot) -> None:
    view = story.chapter_view.body_views[0]
    point = anchor_point(view, href)
    story.scroll.ensureVisible(*view.mapTo(story.scroll.widget(), point).toTuple(), 40, 80)
    settle()
    point = anchor_point(view, href)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_source_link_in_the_chapter_text_opens_that_source_in_one_click(app, qtbot):
    state = app.context.state
    story = story_of(app)
    links = story.chapter_view.body_views[0].links()
    source_links = [link for link in links if link.startswith("source:")]
    assert source_links, "chapter 1 cites a source in its text"
    click_link(story, source_links[0], qtbot)
    sources = app.window.screens["sources"]
    assert state.screen == "sources"
    assert sources.selected_id == source_links[0].removeprefix("source:")
    title = app.context.language.content(app.context.pack.source(sources.selected_id).title)
    assert any(w.text() == title for w in sources.page_widgets if hasattr(w, "text"))


def test_the_quote_and_every_listed_source_lead_to_their_source(app, qtbot):
    state = app.context.state
    story = story_of(app)
    view = story.chapter_view
    chapter = state.chapter
    assert view.quote_label.isVisible() and view.quote_source.isVisible()
    story.scroll.ensureWidgetVisible(view.quote_source)
    qtbot.mouseClick(view.quote_source, Qt.MouseButton.LeftButton)
    assert (state.screen, app.window.screens["sources"].selected_id) == ("sources", chapter.quote.source)
    assert view.source_buttons
    for button in view.source_buttons:
        state.set_screen("story")
        settle()
        story.scroll.ensureWidgetVisible(button)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        expected = button.objectName().removeprefix("chapterSource-")
        assert (state.screen, app.window.screens["sources"].selected_id) == ("sources", expected)


def test_a_figure_names_its_sources_as_links_to_the_sources_screen(app):
    state = app.context.state
    plot = story_of(app).plot_slot.current_plot()
    source_id = plot.indicator.points[0].source
    assert f'href="source:{source_id}"' in plot.sources_label.text()
    plot.sources_label.linkActivated.emit(f"source:{source_id}")  # what a click on the link does
    assert (state.screen, app.window.screens["sources"].selected_id) == ("sources", source_id)


def test_a_glossary_link_opens_the_terms_explanation_and_leads_to_the_glossary(app, qtbot):
    state, language, pack = app.context.state, app.context.language, app.context.pack
    story = story_of(app)
    term_links = [link for link in story.chapter_view.body_views[0].links() if link.startswith("glossary:")]
    assert term_links
    term_id = term_links[0].removeprefix("glossary:")
    click_link(story, term_links[0], qtbot)
    panel = story.term_panel
    assert panel.isVisible()
    term = pack.term(term_id)
    assert panel.title.text() == language.content(term.term)
    assert panel.definition.text() == language.content(term.definition)
    assert state.screen == "story", "the explanation opens in place"
    qtbot.mouseClick(panel.glossary_button, Qt.MouseButton.LeftButton)
    assert state.screen == "glossary"
    assert app.window.screens["glossary"].selected_id == term_id


def test_the_perspectives_panel_shows_claims_criticism_and_their_sources(app, qtbot):
    state, language = app.context.state, app.context.language
    story = story_of(app)
    panel = story.chapter_view.perspectives
    chapter = state.chapter
    assert chapter.perspectives and panel.isVisible()
    assert panel.heading.text() == "Was sagen Kritiker?"
    shown = [w.text() for w in panel.items]
    for perspective in chapter.perspectives:
        assert language.content(perspective.claim) in shown
        assert language.content(perspective.criticism) in shown
        # who claims and who objects are both named, and they are never the same voice
        assert f"Aussage: {language.content(perspective.claimant)}" in shown
        assert f"Kritik: {language.content(perspective.critic)}" in shown
        assert perspective.claimant != perspective.critic
    assert len(panel.source_buttons) == 2 * len(chapter.perspectives)
    button = panel.source_buttons[1]
    story.scroll.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert app.window.screens["sources"].selected_id == chapter.perspectives[0].criticism_source
    state.set_screen("story")
    language.set_language("nl")
    assert panel.heading.text() == "Wat zeggen critici?"
    shown = [w.text() for w in panel.items]
    assert language.content_in(chapter.perspectives[0].claim, "nl") in shown
    assert f"Bewering: {language.content_in(chapter.perspectives[0].claimant, 'nl')}" in shown


def test_the_language_switch_changes_every_text_live_and_shows_both_side_by_side(app, qtbot):
    language, pack, state = app.context.language, app.context.pack, app.context.state
    window = app.window
    story, bar = story_of(app), time_bar_of(app)
    chapter = state.chapter
    switch = window.language_switch
    assert switch.isVisible() and window.header.isAncestorOf(switch)

    qtbot.mouseClick(switch.buttons["nl"], Qt.MouseButton.LeftButton)
    settle()
    assert language.code == "nl"
    assert window.nav_buttons["story"].text() == "Verhaal"
    assert story.chapter_view.title_label.text() == language.content_in(chapter.title, "nl")
    assert story.chapter_view.title_label.text() != chapter.title
    assert story.next_button.text() == language.ui("Next →") != "Weiter →"
    labels = {item.text for item in bar.placed_labels() if not item.is_cluster}
    dutch_labels = {language.content_in(event.label, "nl") for event in pack.events}
    assert labels and labels <= dutch_labels
    plot = story.plot_slot.current_plot()
    assert plot.title_label.text() == language.content_in(plot.indicator.title, "nl")

    qtbot.mouseClick(switch.buttons["both"], Qt.MouseButton.LeftButton)
    settle()
    assert language.side_by_side
    views = story.chapter_view.body_views
    assert all(view.isVisible() for view in views)
    assert views[0].markdown() != views[1].markdown()
    assert {h.text() for h in story.chapter_view.body_headings} == {"Deutsch", "Nederlands"}
    title = story.chapter_view.title_label.text()
    assert chapter.title in title and language.content_in(chapter.title, "nl") in title

    qtbot.mouseClick(switch.buttons["de"], Qt.MouseButton.LeftButton)
    settle()
    assert not language.side_by_side and language.code == "de"
    assert not views[1].isVisible()
    assert story.chapter_view.title_label.text() == chapter.title
    assert window.nav_buttons["story"].text() == "Geschichte"
