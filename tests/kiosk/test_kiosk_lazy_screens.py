"""The kiosk with screens built on demand: the reset covers what was built, the rest starts fresh when built."""

from __future__ import annotations


def test_the_reset_covers_the_built_screens_and_builds_the_start_screen(kiosk_app):
    parts = kiosk_app()
    window, state, kiosk = parts.window, parts.context.state, parts.kiosk
    state.set_screen("sources")  # a visitor opened one screen before the others were built
    sources = window.built_screens()["sources"]
    sources.select(sources.list_ids()[-1])
    kiosk.reset_to_start()
    assert state.screen == "story" and window.current_screen() is window.built_screens()["story"]
    assert sources.selected_id == sources.list_ids()[0]
    window.build_all_screens()  # built after the reset: as at start
    partners = window.screens["partnerships"]
    assert partners.proxy.rowCount() == len(parts.context.pack.partnerships)


def test_screens_built_after_the_lockdown_are_hardened(qtbot, kiosk_app):
    parts = kiosk_app()
    window = parts.window
    assert "partnerships" in window.pending_screens()
    search = window.screens["partnerships"].filter_bar.search
    assert search in parts.kiosk.letters.fields and search.isReadOnly()  # only the on-screen letter pad types
