"""Resume: the app reopens where the class stopped (chapter and language), and each layout keeps its type size."""

from __future__ import annotations


def test_reopens_at_the_last_chapter_and_language(build_app, qtbot):
    first = build_app(size=(1280, 720), lang=None)  # no --lang: the remembered language counts
    state, language = first.context.state, first.context.language
    assert (state.chapter_index, language.code) == (0, "de")
    state.set_chapter(3)
    language.set_language("nl")
    first.window.close()
    assert first.context.settings.last_chapter == first.context.pack.chapters[3].id

    second = build_app(size=(1280, 720), lang=None)  # same settings file (the fixture's tmp path)
    assert second.context.settings.path == first.context.settings.path
    assert second.context.state.chapter_index == 3
    assert second.context.language.code == "nl"
    story = second.window.screens["story"]
    chapter = second.context.pack.chapters[3]
    assert story.chapter_view.title_label.text() == second.context.language.content_in(chapter.title, "nl")
    assert second.context.state.year in range(chapter.years.first_year, chapter.years.last_year + 1)


def test_presenter_and_window_keep_their_own_type_size(build_app, qtbot):
    first = build_app(size=(1920, 1080), lang=None, classroom=True)
    first.classroom.set_text_scale(2.0)
    first.window.close()
    settings = first.context.settings
    assert settings.presenter_font_scale == 2.0
    assert settings.font_scale == 1.0, "the window's size is not overwritten by the projector's"

    second = build_app(size=(1920, 1080), lang=None, classroom=True)
    assert second.classroom.presenting
    assert second.context.state.font_scale == 2.0
    second.classroom.set_presenter(False)
    assert second.context.state.font_scale == 1.0
