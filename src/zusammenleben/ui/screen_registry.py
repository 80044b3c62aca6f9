"""The screens of the main window, in header order.

Listed by import path so that the composition root is the only place that decides which
screens exist; ``--self-test`` fails if one of them cannot be built.

Each entry also names the screen's key and its header label (an English msgid, translated
with ``language.ui``): the header shows all six buttons in the first frame, but only the
screen in front is built then — the others are imported and built after the first paint
(``MainWindow.build_pending_screens``) or when first opened, whichever comes first.
"""

from __future__ import annotations

from typing import NamedTuple

from zusammenleben.i18n.catalogs import N_


class ScreenEntry(NamedTuple):
    module: str
    class_name: str
    key: str  # the class's ``key``; a test keeps the two in step
    label: str  # the msgid of the header button (the screen's ``nav_label``)
    #: AppState signals the screen answers with ``reveal(id)`` (a source or term link): one not built yet is
    #: built by the request, which it would otherwise miss
    requests: tuple[str, ...] = ()


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("zusammenleben.ui.story.screen", "StoryScreen", "story", N_("Story")),
    ScreenEntry("zusammenleben.ui.plots.screen", "IndicatorsScreen", "indicators", N_("Figures")),
    ScreenEntry("zusammenleben.ui.partners.screen", "PartnershipsScreen", "partnerships", N_("Partnerships")),
    ScreenEntry("zusammenleben.ui.sources.screen", "SourcesScreen", "sources", N_("Sources"), ("sourceRequested",)),
    ScreenEntry("zusammenleben.ui.glossary.screen", "GlossaryScreen", "glossary", N_("Glossary"), ("termRequested",)),
    ScreenEntry("zusammenleben.ui.about.screen", "AboutScreen", "about", N_("About")),
)

TIME_BAR = ("zusammenleben.ui.timeline.time_bar", "TimeBar")

_LABELS = {entry.key: entry.label for entry in SCREENS}


def label_msgid(key: str) -> str | None:
    """The header label's msgid of the screen ``key`` (None for a screen not listed here)."""
    return _LABELS.get(key)
