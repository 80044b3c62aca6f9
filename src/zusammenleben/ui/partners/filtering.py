"""Which partnerships a set of filters lets through (no Qt; the proxy model asks this).

Kept apart from the proxy so the rules can be read and tested without a view: free text over
town, partners, project and description in German and in the current language, accent- and
case-insensitive; partner country; project type; a year the project ran in; survey aspect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from zusammenleben.content.model import Partnership
from zusammenleben.ui.partners.text import fold, matches_all_words

ASPECTS = ("a", "b", "c", "unknown")


@dataclass
class PartnershipFilter:
    text: str = ""
    countries: frozenset[str] = field(default_factory=frozenset)  # empty: any
    project_types: frozenset[str] = field(default_factory=frozenset)  # German source strings; empty: any
    aspects: frozenset[str] = field(default_factory=frozenset)  # subset of ASPECTS; empty: any
    year: int | None = None  # only projects whose period covers this year

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.countries or self.project_types or self.aspects or self.year is not None)


def search_key(partnership: Partnership, translate: Callable[[str], str] = lambda text: text) -> str:
    """The folded text the search looks through: German and translated, names and raw survey text."""
    parts = [partnership.municipality, partnership.raw_partners, partnership.project, partnership.description,
             partnership.project_type]
    parts.extend(partner.name for partner in partnership.partners)
    translated = [translate(text) for text in parts if text]
    return fold("\n".join(parts + translated))


def accepts(partnership: Partnership, criteria: PartnershipFilter, haystack: str | None = None) -> bool:
    """True if the partnership passes every active filter (``haystack`` from ``search_key``, cached by the caller)."""
    if criteria.countries and not criteria.countries & {partner.country for partner in partnership.partners}:
        return False
    if criteria.project_types and partnership.project_type not in criteria.project_types:
        return False
    if criteria.aspects and partnership.aspect not in criteria.aspects:
        return False
    if criteria.year is not None and (partnership.period is None or not partnership.period.covers_year(criteria.year)):
        return False
    if criteria.text.strip():
        return matches_all_words(criteria.text, haystack if haystack is not None else search_key(partnership))
    return True


def years_of(partnerships: tuple[Partnership, ...]) -> list[int]:
    """Every year some partnership ran in, ascending (the year filter's choices)."""
    years: set[int] = set()
    for partnership in partnerships:
        if partnership.period is not None:
            years.update(range(partnership.period.first_year, partnership.period.last_year + 1))
    return sorted(years)
