"""The content layer: content packs read, checked and turned into model objects (no Qt here).

Public API: ``load_pack`` → ``LoadResult(pack, errors)``; ``ContentError`` and its
``format(translate)``; the model classes; ``summary(pack)``; ``builtin_pack_path()``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zusammenleben.content.model import (
    Chapter,
    DataPoint,
    DateSpan,
    Event,
    GlossaryTerm,
    Image,
    Indicator,
    IndicatorKind,
    Pack,
    PartialDate,
    Partner,
    Partnership,
    Perspective,
    Place,
    Precision,
    Question,
    Quote,
    Source,
    Survey,
    TeacherNote,
)

if TYPE_CHECKING:
    from zusammenleben.content.errors import ContentError
    from zusammenleben.content.load import load_pack
    from zusammenleben.content.result import LoadResult

# The loader (TOML, CSV, GeoJSON, the checks) is imported on first use: a start-up that finds the
# checked pack in its cache (content.pack_cache) needs only the model.
_LAZY = {"ContentError": "zusammenleben.content.errors", "LoadResult": "zusammenleben.content.result",
         "load_pack": "zusammenleben.content.load"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def summary(pack: Pack) -> dict[str, int]:
    """How much a pack holds (for the command line and the about box)."""
    return {
        "chapters": len(pack.chapters),
        "events": len(pack.events),
        "indicators": len(pack.indicators),
        "data_points": sum(len(indicator.points) for indicator in pack.indicators),
        "partnerships": len(pack.partnerships),
        "sources": len(pack.sources),
        "glossary_terms": len(pack.glossary),
    }


def builtin_pack_path() -> Path:
    """The Mechelen pack shipped with the app (checkout, wheel or frozen bundle)."""
    from zusammenleben.paths import builtin_pack_dir

    return builtin_pack_dir()


__all__ = [
    "Chapter",
    "ContentError",
    "DataPoint",
    "DateSpan",
    "Event",
    "GlossaryTerm",
    "Image",
    "Indicator",
    "IndicatorKind",
    "LoadResult",
    "Pack",
    "PartialDate",
    "Partner",
    "Partnership",
    "Perspective",
    "Place",
    "Precision",
    "Question",
    "Quote",
    "Source",
    "Survey",
    "TeacherNote",
    "builtin_pack_path",
    "load_pack",
    "summary",
]
