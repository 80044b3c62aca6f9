"""The screens of the main window, in header order.

Listed by import path so that the composition root is the only place that decides which
screens exist; ``--self-test`` fails if one of them cannot be built.
"""

from __future__ import annotations

SCREENS: tuple[tuple[str, str], ...] = (
    ("zusammenleben.ui.story.screen", "StoryScreen"),
    ("zusammenleben.ui.plots.screen", "IndicatorsScreen"),
    ("zusammenleben.ui.partners.screen", "PartnershipsScreen"),
    ("zusammenleben.ui.sources.screen", "SourcesScreen"),
    ("zusammenleben.ui.glossary.screen", "GlossaryScreen"),
    ("zusammenleben.ui.about.screen", "AboutScreen"),
)

TIME_BAR = ("zusammenleben.ui.timeline.time_bar", "TimeBar")
