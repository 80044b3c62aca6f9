"""What each source supports, computed from the pack (no Qt).

A pupil who doubts a claim should see at once which chapters, events, figures and
partnerships stand on a source; the pack only records the reverse direction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zusammenleben.content.model import Pack


@dataclass
class Support:
    """The items that cite one source, in pack order, without repeats."""

    chapters: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    partnerships: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.chapters or self.events or self.indicators or self.partnerships or self.terms)


def _add(items: list[str], item_id: str) -> None:
    if item_id not in items:
        items.append(item_id)


def chapter_source_ids(chapter) -> list[str]:
    """Every source a chapter names: its list, its quote and its perspectives, in reading order."""
    ids: list[str] = []
    for source_id in chapter.sources:
        _add(ids, source_id)
    if chapter.quote is not None:
        _add(ids, chapter.quote.source)
    for perspective in chapter.perspectives:
        _add(ids, perspective.claim_source)
        _add(ids, perspective.criticism_source)
    return ids


def compute_support(pack: Pack) -> dict[str, Support]:
    """``{source_id: Support}`` for every source of the pack (empty Support when nothing cites it)."""
    table = {source.id: Support() for source in pack.sources}

    def cite(source_id: str, kind: str, item_id: str) -> None:
        support = table.setdefault(source_id, Support())
        _add(getattr(support, kind), item_id)

    for chapter in pack.chapters:
        for source_id in chapter_source_ids(chapter):
            cite(source_id, "chapters", chapter.id)
    for event in pack.events:
        for source_id in event.sources:
            cite(source_id, "events", event.id)
    for indicator in pack.indicators:
        for point in indicator.points:
            cite(point.source, "indicators", indicator.id)
    for partnership in pack.partnerships:
        cite(partnership.source, "partnerships", partnership.id)
    for term in pack.glossary:
        for source_id in term.sources:
            cite(source_id, "terms", term.id)
    return table
