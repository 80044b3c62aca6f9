"""What every view gets from the composition root: the pack, the state, the language, the mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from zusammenleben.content import Pack
from zusammenleben.i18n.language import Language
from zusammenleben.legal import LegalTexts
from zusammenleben.modes import Mode
from zusammenleben.settings import Settings
from zusammenleben.ui.state import AppState


@dataclass
class UiContext:
    pack: Pack
    state: AppState
    language: Language
    settings: Settings
    legal: LegalTexts = field(default_factory=LegalTexts)  # the licence notices (About screen)
    # the pack's map outlines, read by the content layer when the map is first shown (widgets open no files)
    map_outlines: Callable[[], tuple] = tuple

    @property
    def mode(self) -> Mode:
        return self.state.mode
