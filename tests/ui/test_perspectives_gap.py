"""The perspectives panel fits the chapter shown, whichever chapters were shown before it."""

from __future__ import annotations

from ui_checks import settle


def panel_height(parts, chapter_index: int) -> int:
    parts.context.state.set_chapter(chapter_index)
    settle()
    return parts.window.screens["story"].chapter_view.perspectives.height()


def test_back_to_chapter_one_after_chapter_nine_the_panel_has_no_blank_gap(build_app):
    # A clicker pages through the whole story in Dutch, then jumps back to the start: each rebuild
    # must leave the panel exactly as high as when chapter 1 is shown fresh (no leftover spacing).
    parts = build_app(size=(1600, 960), lang="nl")
    chapters = parts.context.pack.chapters
    assert len(chapters) >= 9 and chapters[0].perspectives
    fresh = panel_height(parts, 0)
    for index in range(1, 9):
        panel_height(parts, index)
    again = panel_height(parts, 0)
    assert abs(again - fresh) <= 3, f"chapter 1 panel {again} px high after chapter 9, {fresh} px when fresh"
