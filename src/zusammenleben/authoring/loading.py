"""One call that loads what the app shows: the pack (folder or ``.zlpack``) and its own catalogs.

Start-up, the live reload and drag-and-drop all load through ``load_for_app`` so they accept and
refuse exactly the same packs. A pack's broken ``.po`` counts as a problem of the pack: a save that
breaks a catalog must not replace the last good version in a running window.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zusammenleben.content import Pack

if TYPE_CHECKING:  # the readers (.zlpack, .po via Babel) are imported by load_for_app: the built-in pack needs none
    import gettext

    from zusammenleben.content import ContentError


@dataclass(frozen=True)
class LoadedPack:
    """The pack (None when anything is wrong), every problem, and the pack's catalogs (None: the project's)."""

    pack: Pack | None
    errors: list[ContentError] = field(default_factory=list)
    catalogs: dict[str, gettext.NullTranslations] | None = None

    @property
    def ok(self) -> bool:
        return self.pack is not None


def load_for_app(path: str | os.PathLike[str]) -> LoadedPack:
    from zusammenleben.content.open import open_content
    from zusammenleben.i18n.pack_catalog import load_pack_catalogs

    result = open_content(path)
    if result.pack is None:
        return LoadedPack(None, list(result.errors))
    catalogs, problems = load_pack_catalogs(result.pack.root)
    if problems:
        return LoadedPack(None, problems)
    return LoadedPack(result.pack, [], catalogs)
