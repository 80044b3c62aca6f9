"""The checks that span files: ids, references, data conflicts, places, links and images.

Field-level checks happen while the objects are built (``build``); this module runs on
the built objects and their origins, and reports every problem it finds. A reference is
checked only against a file that could be read — one broken ``sources.toml`` should give
one syntax error, not a hundred "unknown source" lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zusammenleben.content.build import PLACE_ROLES, Loaded
from zusammenleben.content.documents import (
    CHAPTERS_TOML,
    GLOSSARY_TOML,
    INDICATORS_TOML,
    PLACES_CSV,
    SOURCES_TOML,
)
from zusammenleben.content.errors import ErrorList, M
from zusammenleben.content.fields import Where
from zusammenleben.content.images import image_problem
from zusammenleben.content.markdown import find_links, split_target
from zusammenleben.content.model import DateSpan, IndicatorKind


class Validator:
    def __init__(self, loaded: Loaded, errors: ErrorList) -> None:
        self.loaded = loaded
        self.errors = errors
        self.where = loaded.origins.of
        self.source_ids = self.unique_ids(loaded.sources)
        self.chapter_ids = self.unique_ids(loaded.chapters)
        self.unique_ids(loaded.events)
        self.indicator_ids = self.unique_ids(loaded.indicators)
        self.places: dict[str, Any] = {}
        for place in loaded.places:
            self.places.setdefault(place.id, place)
        self.unique_ids(loaded.places)
        self.unique_ids(loaded.partnerships)
        self.term_ids = self.unique_ids(loaded.glossary)

    def run(self) -> None:
        self.chapters()
        self.events()
        self.indicators()
        self.partnerships()
        self.glossary()
        self.bodies()
        self.images()

    # -- helpers ---------------------------------------------------------------------------------
    def report(self, where: Where, field: str, message_id: str, /, *index: int, **params: Any) -> None:
        self.errors.add(where.file, where.line(field, *index), where.field(field), message_id, **params)

    def unique_ids(self, items: Iterable[Any]) -> set[str]:
        first: dict[str, int] = {}
        for item in items:
            if not item.id:
                continue
            where = self.where(item)
            line = where.line("id")
            if item.id in first:
                self.report(where, "id", M.DUPLICATE_ID, id=item.id, line=first[item.id])
            else:
                first[item.id] = line
        return set(first)

    def check_refs(
        self,
        where: Where,
        field: str,
        ids: Iterable[str] | None,
        known: set[str],
        usable_file: str,
        message_id: str,
    ) -> None:
        """Each id in a list field must exist (line of each element)."""
        if ids is None or usable_file not in self.loaded.usable:
            return
        for index, item in enumerate(ids):
            if item not in known:
                self.report(where, field, message_id, index, id=item)

    def check_ref(
        self, where: Where, field: str, item: str | None, known: set[str], usable_file: str, message_id: str
    ) -> None:
        if item and usable_file in self.loaded.usable and item not in known:
            self.report(where, field, message_id, id=item)

    def source_ref(self, where: Where, field: str, item: str | None) -> None:
        self.check_ref(where, field, item, self.source_ids, SOURCES_TOML, M.UNKNOWN_SOURCE)

    def within_years(self, where: Where, field: str, span: DateSpan | None) -> None:
        meta = self.loaded.meta or {}
        start, end = meta.get("start_year"), meta.get("end_year")
        if span is None or start is None or end is None:
            return
        if span.last_year < start or span.first_year > end:
            self.report(where, field, M.OUTSIDE_YEARS, value=span.iso(), start=start, end=end)

    # -- per kind --------------------------------------------------------------------------------
    def chapters(self) -> None:
        for chapter in self.loaded.chapters:
            where = self.where(chapter)
            self.within_years(where, "years", chapter.years)
            self.check_refs(
                where, "sources", chapter.sources, self.source_ids, SOURCES_TOML, M.UNKNOWN_SOURCE
            )
            self.check_refs(
                where,
                "indicators",
                chapter.indicators,
                self.indicator_ids,
                INDICATORS_TOML,
                M.UNKNOWN_INDICATOR,
            )
            self.check_refs(where, "glossary", chapter.glossary, self.term_ids, GLOSSARY_TOML, M.UNKNOWN_TERM)
            if chapter.quote is not None:
                self.source_ref(self.where(chapter.quote), "source", chapter.quote.source)
            for perspective in chapter.perspectives:
                self.source_ref(self.where(perspective), "claim_source", perspective.claim_source)
                self.source_ref(self.where(perspective), "criticism_source", perspective.criticism_source)

    def events(self) -> None:
        for event in self.loaded.events:
            where = self.where(event)
            self.within_years(where, "date", event.date)
            self.check_refs(where, "sources", event.sources, self.source_ids, SOURCES_TOML, M.UNKNOWN_SOURCE)
            self.check_ref(
                where, "chapter", event.chapter, self.chapter_ids, CHAPTERS_TOML, M.UNKNOWN_CHAPTER
            )

    def indicators(self) -> None:
        for indicator in self.loaded.indicators:
            where = self.where(indicator)
            self.check_ref(
                where, "chapter", indicator.chapter, self.chapter_ids, CHAPTERS_TOML, M.UNKNOWN_CHAPTER
            )
            seen: dict[tuple[Any, str], Any] = {}
            for point in indicator.points:
                point_where = self.where(point)
                self.source_ref(point_where, "source", point.source)
                if point.key is None or point.value is None or not point.source:
                    continue
                previous = seen.setdefault((point.key, point.source), point)
                if previous is point:
                    continue
                key_name = "year" if indicator.kind is IndicatorKind.SERIES else "label"
                key = f"{key_name} {point.key}"
                if previous.value == point.value:
                    self.report(point_where, "value", M.DUPLICATE_ROW, key=key, line=previous.line)
                else:
                    self.report(
                        point_where,
                        "value",
                        M.VALUE_CONFLICT,
                        source=point.source,
                        key=key,
                        line=previous.line,
                        other=_number(previous.value),
                        value=_number(point.value),
                    )

    def partnerships(self) -> None:
        survey = self.loaded.survey
        if survey is not None:
            self.source_ref(self.where(survey), "source", survey.source)
            if survey.quote is not None:
                self.source_ref(self.where(survey.quote), "source", survey.quote.source)
        for partnership in self.loaded.partnerships:
            where = self.where(partnership)
            self.source_ref(where, "source", partnership.source)
            self.place_ref(where, partnership.place, "german")
            for partner in partnership.partners:
                place = self.place_ref(self.where(partner), partner.place, "partner")
                if (
                    place is not None
                    and place.country
                    and partner.country
                    and partner.country != place.country
                ):
                    self.report(
                        self.where(partner),
                        "country",
                        M.COUNTRY_MISMATCH,
                        value=partner.country,
                        place=place.id,
                        expected=place.country,
                    )

    def place_ref(self, where: Where, place_id: str | None, role: str):
        if not place_id or PLACES_CSV not in self.loaded.usable:
            return None
        place = self.places.get(place_id)
        if place is None:
            self.report(where, "place", M.UNKNOWN_PLACE, id=place_id)
        elif place.role in PLACE_ROLES and place.role != role:  # a bad role is reported in places.csv
            self.report(where, "place", M.PLACE_ROLE, place=place_id, role=place.role, expected=f"'{role}'")
        return place

    def glossary(self) -> None:
        names: dict[str, str] = {}
        for term in self.loaded.glossary:
            where = self.where(term)
            self.check_refs(where, "sources", term.sources, self.source_ids, SOURCES_TOML, M.UNKNOWN_SOURCE)
            for index, name in enumerate([term.term, *(term.aliases or ())]):
                if not name or not term.id:
                    continue
                owner = names.setdefault(name.casefold(), term.id)
                if owner != term.id:
                    field, position = ("term", ()) if index == 0 else ("aliases", (index - 1,))
                    self.report(where, field, M.ALIAS_CLASH, *position, alias=name, other=owner)

    def bodies(self) -> None:
        for body in self.loaded.bodies:
            for link in find_links(body.text):
                scheme, target = split_target(link.target)
                if link.is_image:
                    self.errors.add(body.file, link.line, body.field, M.MD_IMAGE)
                elif scheme == "glossary":
                    if GLOSSARY_TOML in self.loaded.usable and target not in self.term_ids:
                        self.errors.add(body.file, link.line, body.field, M.UNKNOWN_TERM, id=target)
                elif scheme == "source":
                    if SOURCES_TOML in self.loaded.usable and target not in self.source_ids:
                        self.errors.add(body.file, link.line, body.field, M.UNKNOWN_SOURCE, id=target)
                else:
                    self.errors.add(body.file, link.line, body.field, M.MD_LINK, target=link.target)

    def images(self) -> None:
        for image in self.loaded.images:
            problem = image_problem(image.path)
            if problem is not None:
                self.report(image.where, "path", problem, path=image.rel)


def _number(value: float) -> str:
    return f"{value:g}"


def validate(loaded: Loaded, errors: ErrorList) -> None:
    """Run every cross-file check on what the builder produced; problems go to ``errors``."""
    Validator(loaded, errors).run()
