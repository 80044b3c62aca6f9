"""``load_pack``: read a content pack folder into a ``Pack``, collecting every problem.

Loading never raises for anything wrong *in the pack* — a museum's typo must produce a
readable list, not a traceback. The stages are: read and parse the files
(``documents``), build the model objects with field checks (``build``), run the
cross-file checks (``validate``). The pack is returned only when there is no problem.
"""

from __future__ import annotations

import os
from pathlib import Path

from zusammenleben.content.build import Builder, Loaded
from zusammenleben.content.documents import open_pack
from zusammenleben.content.errors import ContentMessage, ErrorList
from zusammenleben.content.model import Pack
from zusammenleben.content.result import LoadResult
from zusammenleben.content.validate import validate

__all__ = ["LoadResult", "load_pack"]


def load_pack(path: str | os.PathLike[str]) -> LoadResult:
    errors = ErrorList()
    root = Path(path)
    if not root.is_dir():
        errors.add(str(path), 0, "", ContentMessage.NOT_A_FOLDER)
        return LoadResult(None, errors.sorted())
    files, documents = open_pack(root, errors)
    loaded = Builder(files, documents, errors).build()
    validate(loaded, errors)
    if len(errors):
        return LoadResult(None, errors.sorted())
    return LoadResult(_assemble(loaded), [])


def _assemble(loaded: Loaded) -> Pack:
    meta = loaded.meta
    assert meta is not None  # no errors means pack.toml was read
    return Pack(
        id=meta["id"],
        title=meta["title"],
        subtitle=meta["subtitle"],
        version=meta["version"],
        source_language=meta["source_language"],
        languages=tuple(meta["languages"]),
        start_year=meta["start_year"],
        end_year=meta["end_year"],
        translatable=tuple(meta["translatable"]),
        sources=tuple(loaded.sources),
        chapters=tuple(loaded.chapters),
        events=tuple(loaded.events),
        indicators=tuple(loaded.indicators),
        places=tuple(loaded.places),
        partnerships=tuple(loaded.partnerships),
        survey=loaded.survey,
        glossary=tuple(loaded.glossary),
        root=str(loaded.root),
        map_path=meta["map_path"],
        credits=meta["credits"],
        outside_seeds_marker=meta["outside_seeds_marker"] or "",
    )
