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
    EVENTS_TOML,
    GLOSSARY_TOML,
    INDICATORS_TOML,
    PARTNERSHIPS_TOML,
    PLACES_CSV,
    SOURCES_TOML,
)
from zusammenleben.content.errors import ContentMessage, ErrorList
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
        self.sources()
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
                self.report(where, "id", ContentMessage.DUPLICATE_ID, id=item.id, line=first[item.id])
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
        self.check_ref(where, field, item, self.source_ids, SOURCES_TOML, ContentMessage.UNKNOWN_SOURCE)

    def within_years(self, where: Where, field: str, span: DateSpan | None) -> None:
        meta = self.loaded.meta or {}
        start, end = meta.get("start_year"), meta.get("end_year")
        if span is None or start is None or end is None:
            return
        if span.last_year < start or span.first_year > end:
            self.report(where, field, ContentMessage.OUTSIDE_YEARS, value=span.iso(), start=start, end=end)

    # -- per kind --------------------------------------------------------------------------------
    def chapters(self) -> None:
        for chapter in self.loaded.chapters:
            where = self.where(chapter)
            self.within_years(where, "years", chapter.years)
            self.check_refs(
                where, "sources", chapter.sources, self.source_ids, SOURCES_TOML, ContentMessage.UNKNOWN_SOURCE
            )
            self.check_refs(
                where,
                "indicators",
                chapter.indicators,
                self.indicator_ids,
                INDICATORS_TOML,
                ContentMessage.UNKNOWN_INDICATOR,
            )
            self.check_refs(where, "glossary", chapter.glossary, self.term_ids, GLOSSARY_TOML,
                            ContentMessage.UNKNOWN_TERM)
            if chapter.quote is not None:
                self.source_ref(self.where(chapter.quote), "source", chapter.quote.source)
            for perspective in chapter.perspectives:
                self.source_ref(self.where(perspective), "claim_source", perspective.claim_source)
                self.source_ref(self.where(perspective), "criticism_source", perspective.criticism_source)
                self.critic_not_claimant(perspective)
            for task in chapter.tasks:
                self.check_refs(self.where(task), "sources", task.sources, self.source_ids, SOURCES_TOML,
                                ContentMessage.UNKNOWN_SOURCE)

    def critic_not_claimant(self, perspective: Any) -> None:
        """A criticism must come from someone else than the claim: else it is one voice twice."""
        critic, claimant = _name(perspective.critic), _name(perspective.claimant)
        if critic and critic == claimant:
            self.report(self.where(perspective), "critic", ContentMessage.CRITIC_IS_CLAIMANT, critic=perspective.critic)

    # -- sources ---------------------------------------------------------------------------------
    def sources(self) -> None:
        """Seeds and outside sources are marked consistently, and every source is cited somewhere."""
        marker = ((self.loaded.meta or {}).get("outside_seeds_marker") or "").strip()
        for source in self.loaded.sources:
            where = self.where(source)
            if source.in_seeds is True and not source.seed:
                self.report(where, "in_seeds", ContentMessage.SEED_MISSING)
            if source.in_seeds is False and source.seed:
                self.report(where, "seed", ContentMessage.SEED_OUTSIDE)
            if not marker or source.in_seeds is None:
                continue
            note = (source.note or "").strip()
            if source.in_seeds is False and not note.startswith(marker):
                self.report(where, "note" if note else "in_seeds", ContentMessage.OUTSIDE_NOT_MARKED, marker=marker)
            if source.in_seeds is True and marker in note:
                self.report(where, "note", ContentMessage.SEED_MARKED_OUTSIDE, marker=marker)
        if not all(name in self.loaded.usable for name in _CITING_FILES):
            return  # a file that could not be read cites nothing: "unused" would be noise
        used = self.cited_sources()
        for source in self.loaded.sources:
            if source.id and source.id not in used:
                self.report(self.where(source), "id", ContentMessage.SOURCE_UNUSED, id=source.id)

    def cited_sources(self) -> set[str]:
        """Every source id the pack cites: chapters, events, data points, partnerships, glossary, bodies."""
        used: set[str] = set()
        for chapter in self.loaded.chapters:
            used.update(chapter.sources or ())
            if chapter.quote is not None:
                used.add(chapter.quote.source)
            for perspective in chapter.perspectives:
                used.update((perspective.claim_source, perspective.criticism_source))
            for task in chapter.tasks:
                used.update(task.sources)
        for event in self.loaded.events:
            used.update(event.sources or ())
        for indicator in self.loaded.indicators:
            used.update(point.source for point in indicator.points)
        survey = self.loaded.survey
        if survey is not None:
            used.add(survey.source)
            if survey.quote is not None:
                used.add(survey.quote.source)
        for partnership in self.loaded.partnerships:
            used.add(partnership.source)
        for term in self.loaded.glossary:
            used.update(term.sources or ())
        for body in self.loaded.bodies:
            for link in find_links(body.text):
                scheme, target = split_target(link.target)
                if scheme == "source":
                    used.add(target)
        return used

    def events(self) -> None:
        for event in self.loaded.events:
            where = self.where(event)
            self.within_years(where, "date", event.date)
            self.check_refs(where, "sources", event.sources, self.source_ids, SOURCES_TOML,
                            ContentMessage.UNKNOWN_SOURCE)
            self.check_ref(
                where, "chapter", event.chapter, self.chapter_ids, CHAPTERS_TOML, ContentMessage.UNKNOWN_CHAPTER
            )

    def indicators(self) -> None:
        for indicator in self.loaded.indicators:
            where = self.where(indicator)
            self.check_ref(
                where, "chapter", indicator.chapter, self.chapter_ids, CHAPTERS_TOML, ContentMessage.UNKNOWN_CHAPTER
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
                    self.report(point_where, "value", ContentMessage.DUPLICATE_ROW, key=key, line=previous.line)
                else:
                    self.report(
                        point_where,
                        "value",
                        ContentMessage.VALUE_CONFLICT,
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
                        ContentMessage.COUNTRY_MISMATCH,
                        value=partner.country,
                        place=place.id,
                        expected=place.country,
                    )

    def place_ref(self, where: Where, place_id: str | None, role: str):
        if not place_id or PLACES_CSV not in self.loaded.usable:
            return None
        place = self.places.get(place_id)
        if place is None:
            self.report(where, "place", ContentMessage.UNKNOWN_PLACE, id=place_id)
        elif place.role in PLACE_ROLES and place.role != role:  # a bad role is reported in places.csv
            self.report(where, "place", ContentMessage.PLACE_ROLE, place=place_id, role=place.role,
                        expected=f"'{role}'")
        return place

    def glossary(self) -> None:
        names: dict[str, str] = {}
        for term in self.loaded.glossary:
            where = self.where(term)
            self.check_refs(where, "sources", term.sources, self.source_ids, SOURCES_TOML,
                            ContentMessage.UNKNOWN_SOURCE)
            for index, name in enumerate([term.term, *(term.aliases or ())]):
                if not name or not term.id:
                    continue
                owner = names.setdefault(name.casefold(), term.id)
                if owner != term.id:
                    field, position = ("term", ()) if index == 0 else ("aliases", (index - 1,))
                    self.report(where, field, ContentMessage.ALIAS_CLASH, *position, alias=name, other=owner)

    def bodies(self) -> None:
        for body in self.loaded.bodies:
            for link in find_links(body.text):
                scheme, target = split_target(link.target)
                if link.is_image:
                    self.errors.add(body.file, link.line, body.field, ContentMessage.MD_IMAGE)
                elif scheme == "glossary":
                    if GLOSSARY_TOML in self.loaded.usable and target not in self.term_ids:
                        self.errors.add(body.file, link.line, body.field, ContentMessage.UNKNOWN_TERM, id=target)
                elif scheme == "source":
                    if SOURCES_TOML in self.loaded.usable and target not in self.source_ids:
                        self.errors.add(body.file, link.line, body.field, ContentMessage.UNKNOWN_SOURCE, id=target)
                else:
                    self.errors.add(body.file, link.line, body.field, ContentMessage.MD_LINK, target=link.target)

    def images(self) -> None:
        for image in self.loaded.images:
            problem = image_problem(image.path)
            if problem is not None:
                self.report(image.where, "path", problem, path=image.rel)


_CITING_FILES = (CHAPTERS_TOML, EVENTS_TOML, INDICATORS_TOML, PARTNERSHIPS_TOML, GLOSSARY_TOML)


def _name(text: str | None) -> str:
    """A speaker's name for comparison: case, spaces and a trailing "selbst"/"zelf" do not count."""
    words = " ".join((text or "").split()).casefold()
    for suffix in (" selbst", " zelf"):
        words = words.removesuffix(suffix)
    return words


def _number(value: float) -> str:
    return f"{value:g}"


def validate(loaded: Loaded, errors: ErrorList) -> None:
    """Run every cross-file check on what the builder produced; problems go to ``errors``."""
    Validator(loaded, errors).run()
