"""The content layer: content packs read, checked and turned into model objects (no Qt here).

Public API: ``load_pack`` → ``LoadResult(pack, errors)``; ``ContentError`` and its
``format(translate)``; the model classes; ``summary(pack)``; ``builtin_pack_path()``.
"""

from __future__ import annotations

from pathlib import Path

from zusammenleben.content.errors import ContentError
from zusammenleben.content.load import LoadResult, load_pack
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
