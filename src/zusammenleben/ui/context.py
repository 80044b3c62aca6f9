"""What every view gets from the composition root: the pack, the state, the language, the mode."""

from __future__ import annotations

from dataclasses import dataclass

from zusammenleben.content import Pack
from zusammenleben.i18n.language import Language
from zusammenleben.modes import Mode
from zusammenleben.settings import Settings
from zusammenleben.ui.state import AppState


@dataclass
class UiContext:
    pack: Pack
    state: AppState
    language: Language
    settings: Settings

    @property
    def mode(self) -> Mode:
        return self.state.mode
