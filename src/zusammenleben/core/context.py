"""What every view gets from the composition root: the pack, the state, the language, the mode, the exports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from zusammenleben.content import Pack
from zusammenleben.core.mode import Mode
from zusammenleben.core.state import AppState
from zusammenleben.i18n.language import Language
from zusammenleben.legal import LegalTexts
from zusammenleben.settings import Settings


class Exports(Protocol):
    """What a screen may ask of the export layer (``export.screen_exports.ScreenExports`` implements it).

    Screens sit below the export layer: they never import it, they call these through
    ``context.exports``, which the composition root installs (None: no exports, e.g. in tests).
    Both return the saved file, or None when the user cancelled or was told why it failed.
    """

    def save_indicator(self, parent, indicator, kind: str, size: tuple[int, int] | None) -> Path | None: ...

    def save_table(self, parent, name: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Path | None: ...


@dataclass
class UiContext:
    pack: Pack
    state: AppState
    language: Language
    settings: Settings
    legal: LegalTexts = field(default_factory=LegalTexts)  # the licence notices (About screen)
    # the pack's map outlines, read by the content layer when the map is first shown (widgets open no files)
    map_outlines: Callable[[], tuple] = tuple
    exports: Exports | None = None  # installed by the composition root

    @property
    def can_export(self) -> bool:
        """Offer exports: the mode allows file dialogs and the composition root installed the exports."""
        return self.mode.allows_export and self.exports is not None

    @property
    def mode(self) -> Mode:
        return self.state.mode
