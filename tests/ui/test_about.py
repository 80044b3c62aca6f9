"""The About screen: version, credits, the content's sources and the licences, in both languages."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from zusammenleben import __version__
from zusammenleben.legal import LegalTexts
from zusammenleben.ui.about.screen import PAGE_APP, PAGE_LICENCES, PAGE_SOURCES, AboutScreen, split_title
from zusammenleben.ui.text_button import TextButton


def _open(parts, page: str) -> AboutScreen:
    parts.context.state.set_screen("about")
    screen = parts.window.screens["about"]
    assert screen.select(page)
    return screen


def _texts(screen: AboutScreen) -> list[str]:
    return [widget.text() for widget in screen.page_widgets if hasattr(widget, "text")]


def test_about_is_the_last_screen_in_the_header(build_app):
    window = build_app().window
    assert list(window.screens)[-1] == "about"
    assert window.nav_buttons["about"].isVisibleTo(window)


def test_app_page_shows_version_and_the_packs_credits(build_app):
    parts = build_app(lang="nl")
    screen = _open(parts, PAGE_APP)
    texts = _texts(screen)
    language = parts.context.language
    assert any(__version__ in text for text in texts)
    assert language.content(parts.context.pack.credits) in texts
    assert any("LGPL-3.0" in text and "Natural Earth" in text for text in texts)


def test_sources_page_lists_every_source_and_opens_it(build_app, qtbot):
    parts = build_app()
    screen = _open(parts, PAGE_SOURCES)
    links = [widget for widget in screen.page_widgets if isinstance(widget, TextButton)]
    pack = parts.context.pack
    assert len(links) == len(pack.sources)
    somers = next(source for source in pack.sources if source.author == "Bart Somers")
    link = next(button for button in links if parts.context.language.content(somers.title) in button.text())
    # a layout shows and sizes new children on a later event loop turn (38 sources: more than one turn)
    qtbot.waitUntil(lambda: link.isVisible() and link.height() > 0)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: parts.context.state.screen == "sources")
    assert parts.window.screens["sources"].selected_id == somers.id


def test_licences_page_follows_the_language(build_app, artifacts_dir):
    parts = build_app()
    screen = _open(parts, PAGE_LICENCES)
    german = screen.notices_view.markdown()
    assert "LGPL-3.0" in german and "Qt-Bibliotheken ersetzen" in german
    assert any(text.startswith("Lizenzen und Hinweise") for text in _texts(screen))
    parts.window.grab().save(str(artifacts_dir / "about-licences-de-1280x720.png"))

    parts.context.language.set_language("nl")
    assert screen.selected_id == PAGE_LICENCES
    dutch = screen.notices_view.markdown()
    assert "Qt-bibliotheken vervangen" in dutch and "Kaartgegevens" in dutch
    parts.window.grab().save(str(artifacts_dir / "about-licences-nl-1280x720.png"))


def test_missing_notices_are_said_not_hidden(build_app, qtbot):
    parts = build_app(show=False)
    context = dataclasses.replace(parts.context, legal=LegalTexts())
    screen = AboutScreen(context)
    qtbot.addWidget(screen)
    screen.select(PAGE_LICENCES)
    assert screen.notices_view is None
    assert any("THIRD_PARTY_NOTICES.md" in text for text in _texts(screen))


def test_split_title():
    assert split_title("# Licences\n\nBody\n") == ("Licences", "Body\n")
    assert split_title("No title\n# Later") == ("", "No title\n# Later")
