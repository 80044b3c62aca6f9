"""One line that names a source the same way everywhere (story, time bar, sources screen, handouts).

Qt-free, beside the locale formatting it needs (dates through Babel): the views and the
handout both use it, so it lives below both. (Not in ``content``: ``i18n.formatting`` already
builds on the content model, and the content layer imports nothing above it.)
"""

from __future__ import annotations

from zusammenleben.content.model import Pack
from zusammenleben.i18n.formatting import format_span


def source_caption(pack: Pack, language, source_id: str) -> str:
    """``Interview mit Bart Somers — SPIEGEL ONLINE, Februar 2018`` in the current language."""
    try:
        source = pack.source(source_id)
    except KeyError:
        return source_id
    parts = [language.content(source.title)]
    where = source.named_publication
    if source.date is not None:
        where = f"{where}, {format_span(source.date, language.code)}" if where else format_span(
            source.date, language.code
        )
    if where:
        parts.append(where)
    return " — ".join(parts)
