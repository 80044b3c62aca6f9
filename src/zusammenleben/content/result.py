"""``LoadResult``, on its own so that a cached pack (``pack_cache``) is returned without importing the loader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from zusammenleben.content.model import Pack

if TYPE_CHECKING:
    from zusammenleben.content.errors import ContentError


@dataclass(frozen=True)
class LoadResult:
    """The pack (None if anything is wrong) and every problem, sorted by file and line."""

    pack: Pack | None
    errors: list[ContentError]

    @property
    def ok(self) -> bool:
        return self.pack is not None
