"""The second stage of loading: model objects built from the parsed files.

Each builder reads one file's tables through ``Fields``, so presence, types, ids, dates,
country codes, coordinates and unknown keys are checked as the objects are made. Checks
that need more than one file (references, duplicates, images, links) are in ``validate``;
the ``Loaded`` record carries what they need, including where every object came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zusammenleben.content.documents import (
    CHAPTERS_TOML,
    EVENTS_TOML,
    GLOSSARY_TOML,
    INDICATORS_TOML,
    PACK_TOML,
    PARTNERSHIPS_TOML,
    PLACES_CSV,
    SOURCES_TOML,
    TomlDocument,
    read_csv,
)
from zusammenleben.content.errors import ContentMessage, ErrorList
from zusammenleben.content.fields import ID_PATTERN, Fields, Where, check_country, finite_number, number_problem
from zusammenleben.content.geojson import GeoJsonError, parse_outlines
from zusammenleben.content.limits import (
    MAX_BODY_CHARS,
    MAX_DATA_POINTS,
    MAX_ENTRIES,
    MAX_SPAN_YEARS,
    MAX_YEAR,
    MIN_YEAR,
)
from zusammenleben.content.markdown import split_paragraphs
from zusammenleben.content.model import (
    Chapter,
    DataPoint,
    Event,
    GlossaryTerm,
    Image,
    Indicator,
    IndicatorKind,
    LearningGoal,
    Partner,
    Partnership,
    Perspective,
    Place,
    Question,
    Quote,
    Source,
    Survey,
    Task,
    TeacherNote,
)
from zusammenleben.content.packfiles import PackFiles
from zusammenleben.content.schema import KNOWN_TRANSLATABLE

LABEL_LIMIT = 24
VALUE_FORMATS = ("number", "percent", "change")
ASPECTS = ("a", "b", "c", "unknown")
PLACE_ROLES = ("focus", "german", "partner")
TASK_LEVELS = (1, 2, 3)  # Anforderungsbereiche I–III
PARTNER_KINDS = ("municipality", "organisation", "region", "network")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
_YEAR = re.compile(r"[0-9]{4}")


class Origins:
    """Where each model object was written, keyed by identity (equal objects may sit in different places)."""

    def __init__(self) -> None:
        self._where: dict[int, tuple[object, Where]] = {}

    def put(self, obj: object, where: Where) -> None:
        self._where[id(obj)] = (obj, where)  # holding obj keeps its id unique

    def of(self, obj: object) -> Where:
        return self._where[id(obj)][1]


@dataclass
class Body:
    chapter: Chapter
    file: str
    text: str
    field: str = "body"  # "body" or "easy": which of the chapter's Markdown files


@dataclass
class ImageFile:
    where: Where
    rel: str
    path: Path


@dataclass
class Loaded:
    """Everything read from a pack, before the cross-file checks; fields hold None where a value was bad."""

    root: Path
    meta: dict[str, Any] | None = None
    meta_where: Where | None = None
    sources: list[Source] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    survey: Survey | None = None
    glossary: list[GlossaryTerm] = field(default_factory=list)
    origins: Origins = field(default_factory=Origins)
    #: kinds whose file was read, so a reference to a missing id is a real error
    usable: set[str] = field(default_factory=set)
    bodies: list[Body] = field(default_factory=list)
    images: list[ImageFile] = field(default_factory=list)


class Builder:
    def __init__(self, files: PackFiles, documents: dict[str, TomlDocument], errors: ErrorList) -> None:
        self.files = files
        self.documents = documents
        self.errors = errors
        self.loaded = Loaded(files.root)

    def build(self) -> Loaded:
        self.pack_meta()
        self.sources()
        self.chapters()
        self.events()
        self.indicators()
        self.places()
        self.partnerships()
        self.glossary()
        return self.loaded

    # -- helpers ---------------------------------------------------------------------------------
    def top(self, name: str) -> Fields | None:
        """The document's top level; unknown top-level tables are reported when the caller finishes it."""
        document = self.documents[name]
        if document.usable:
            self.loaded.usable.add(name)
        if document.data is None:
            return None
        return Fields(document.data, Where(name, "", (), document.lines), self.errors)

    def bounded(self, top: Fields, tables: list[Fields], kind: str) -> list[Fields]:
        """At most ``MAX_ENTRIES`` tables of one kind; more are one error, and none of them is built."""
        if len(tables) > MAX_ENTRIES:
            self.errors.add(top.where.file, 0, kind, ContentMessage.TOO_MANY_ENTRIES, count=len(tables),
                            limit=MAX_ENTRIES)
            return []
        return tables

    def put(self, obj: Any, where: Where) -> Any:
        self.loaded.origins.put(obj, where)
        return obj

    def items(self, name: str, kind: str, required: bool) -> list[Fields]:
        top = self.top(name)
        if top is None:
            return []
        tables = self.bounded(top, top.tables(kind), kind)
        if required and kind not in top.data:  # (a value of the wrong type is reported by tables())
            self.errors.add(name, 0, kind, ContentMessage.NEED_ONE)
        top.finish()
        return tables

    # -- pack.toml -------------------------------------------------------------------------------
    def pack_meta(self) -> None:
        top = self.top(PACK_TOML)
        if top is None:
            return
        table = top.table("pack", required=True)
        top.finish()
        if table is None:
            return
        meta: dict[str, Any] = {
            "id": table.ident(),
            "title": table.text("title"),
            "subtitle": table.text("subtitle"),
            "version": table.text("version"),
            "source_language": table.text("source_language"),
            "languages": table.texts("languages", required=True, at_least_one=True),
            "start_year": table.integer("start_year"),
            "end_year": table.integer("end_year"),
            "credits": table.text("credits", required=False),
            "map_path": table.text("map", required=False),
            "outside_seeds_marker": table.text("outside_seeds_marker", required=False),
            "translatable": table.texts("translatable"),
        }
        table.finish()
        self.loaded.meta, self.loaded.meta_where = meta, table.where
        for index, language in enumerate(meta["languages"] or ()):
            if not _LANGUAGE.fullmatch(language):
                table.report("languages", ContentMessage.BAD_LANGUAGE, index, value=language)
        source_language = meta["source_language"]
        if source_language and meta["languages"] is not None and source_language not in meta["languages"]:
            table.report("source_language", ContentMessage.SOURCE_LANGUAGE, value=source_language)
        start, end = meta["start_year"], meta["end_year"]
        for key, year in (("start_year", start), ("end_year", end)):
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                table.report(key, ContentMessage.YEAR_RANGE, value=year, low=MIN_YEAR, high=MAX_YEAR)
                meta[key] = start = end = None  # the later checks cannot use it
        if start is not None and end is not None and start > end:
            table.report("end_year", ContentMessage.YEARS_REVERSED, start=start, end=end)
        elif start is not None and end is not None and end - start + 1 > MAX_SPAN_YEARS:
            table.report("end_year", ContentMessage.SPAN_TOO_LONG, years=end - start + 1, limit=MAX_SPAN_YEARS)
        for index, name in enumerate(meta["translatable"] or ()):
            if name not in KNOWN_TRANSLATABLE:
                table.report("translatable", ContentMessage.UNKNOWN_TRANSLATABLE, index, value=name)
        if meta["map_path"]:
            self.check_map(meta["map_path"], table)

    def check_map(self, rel: str, table: Fields) -> None:
        """The map must be GeoJSON the partnership map can draw (the same reader the map uses)."""
        path = self.files.locate(rel, PACK_TOML, table.where.line("map"), "pack.map")
        text = None if path is None else self.files.read_text(path, rel)
        if text is None:
            return
        try:
            parse_outlines(text)
        except GeoJsonError as error:
            table.report("map", ContentMessage.MAP_NOT_GEOJSON, path=rel, detail=str(error))

    # -- sources.toml ----------------------------------------------------------------------------
    def sources(self) -> None:
        for f in self.items(SOURCES_TOML, "source", required=True):
            source = Source(
                id=f.ident(),
                title=f.text("title"),
                publication=f.text("publication"),
                kind=f.text("kind"),
                date=f.date("date", required=False),
                author=f.text("author", required=False),
                url=f.text("url", required=False),
                seed=f.text("seed", required=False),
                in_seeds=f.boolean("in_seeds"),
                note=f.text("note", required=False),
            )
            f.finish()
            self.loaded.sources.append(self.put(source, f.where))

    # -- chapters.toml + Markdown ----------------------------------------------------------------
    def chapters(self) -> None:
        for f in self.items(CHAPTERS_TOML, "chapter", required=True):
            chapter_id = f.ident()
            years = f.date("years")
            title, lead = f.text("title"), f.text("lead")
            body_rel = f.text("body")
            short = f.text("short", required=False)
            easy_rel = f.text("easy", required=False)
            indicators = f.texts("indicators")
            sources = f.texts("sources", required=True, at_least_one=True)
            glossary = f.texts("glossary")
            image = self.image(f.table("image"))
            quote = self.quote(f.table("quote"))
            perspectives = tuple(self.perspective(p) for p in f.tables("perspective"))
            notes = tuple(self.teacher_note(n) for n in f.tables("teacher_note"))
            questions = tuple(self.question(q) for q in f.tables("question"))
            goals = tuple(self.goal(g) for g in f.tables("goal"))
            tasks = tuple(self.task(t) for t in f.tables("task"))
            f.finish()
            body_file, body_text = self.read_body(body_rel, f)
            paragraphs = tuple(p.text for p in split_paragraphs(body_text or ""))
            easy_file, easy_text = self.read_body(easy_rel, f, "easy")
            easy = tuple(p.text for p in split_paragraphs(easy_text or ""))
            chapter = Chapter(
                id=chapter_id,
                years=years,
                title=title,
                lead=lead,
                body=paragraphs,
                quote=quote,
                indicators=indicators,
                perspectives=perspectives,
                teacher_notes=notes,
                questions=questions,
                sources=sources,
                glossary=glossary,
                image=image,
                goals=goals,
                tasks=tasks,
                short=short or "",
                easy=easy,
            )
            self.loaded.chapters.append(self.put(chapter, f.where))
            for name, file, text, units in (("body", body_file, body_text, paragraphs),
                                             ("easy", easy_file, easy_text, easy)):
                if file is not None and text is not None:
                    if not units:
                        self.errors.add(file, 0, name, ContentMessage.EMPTY_TEXT)
                    self.loaded.bodies.append(Body(chapter, file, text, name))

    def read_body(self, rel: str | None, f: Fields, key: str = "body") -> tuple[str | None, str | None]:
        """A chapter's Markdown file (``body``, or the optional plain-language ``easy``)."""
        if not rel:
            return None, None
        path = self.files.locate(rel, CHAPTERS_TOML, f.where.line(key), f"chapter.{key}")
        if path is None:
            return None, None
        display = path.relative_to(self.files.root).as_posix()
        text = self.files.read_text(path, display, field=key)
        if text is not None and len(text) > MAX_BODY_CHARS:
            self.errors.add(display, 0, key, ContentMessage.BODY_TOO_LONG, length=len(text), limit=MAX_BODY_CHARS)
            return display, None
        return display, text

    def image(self, f: Fields | None) -> Image | None:
        if f is None:
            return None
        image = Image(path=f.text("path"), alt=f.text("alt"), credit=f.text("credit"))
        f.finish()
        if image.path:
            path = self.files.locate(image.path, f.where.file, f.where.line("path"), f.where.field("path"))
            if path is not None:
                self.loaded.images.append(ImageFile(f.where, image.path, path))
        return self.put(image, f.where)

    def quote(self, f: Fields | None) -> Quote | None:
        if f is None:
            return None
        quote = Quote(
            text=f.text("text"),
            speaker=f.text("speaker"),
            source=f.text("source"),
            note=f.text("note", required=False),
        )
        f.finish()
        return self.put(quote, f.where)

    def perspective(self, f: Fields) -> Perspective:
        perspective = Perspective(
            claim=f.text("claim"),
            claim_source=f.text("claim_source"),
            criticism=f.text("criticism"),
            criticism_source=f.text("criticism_source"),
            critic=f.text("critic"),
            claimant=f.text("claimant"),
        )
        f.finish()
        return self.put(perspective, f.where)

    def teacher_note(self, f: Fields) -> TeacherNote:
        note = TeacherNote(text=f.text("text"))
        f.finish()
        return self.put(note, f.where)

    def goal(self, f: Fields) -> LearningGoal:
        goal = LearningGoal(text=f.text("text"))
        f.finish()
        return self.put(goal, f.where)

    def task(self, f: Fields) -> Task:
        level = f.integer("level")
        if level is not None and level not in TASK_LEVELS:
            f.report("level", ContentMessage.BAD_LEVEL, value=level)
        task = Task(text=f.text("text"), level=level or 0, sources=f.texts("sources") or ())
        f.finish()
        return self.put(task, f.where)

    def question(self, f: Fields) -> Question:
        question = Question(text=f.text("text"), hint=f.text("hint", required=False))
        f.finish()
        return self.put(question, f.where)

    # -- events.toml -----------------------------------------------------------------------------
    def events(self) -> None:
        for f in self.items(EVENTS_TOML, "event", required=False):
            event = Event(
                id=f.ident(),
                date=f.date("date"),
                title=f.text("title"),
                label=f.text("label"),
                text=f.text("text"),
                sources=f.texts("sources", required=True, at_least_one=True),
                tags=f.texts("tags"),
                chapter=f.text("chapter", required=False),
                easy=f.text("easy", required=False) or "",
            )
            f.finish()
            if event.label and len(event.label) > LABEL_LIMIT:
                f.report("label", ContentMessage.LABEL_TOO_LONG, length=len(event.label), limit=LABEL_LIMIT)
            self.loaded.events.append(self.put(event, f.where))

    # -- indicators.toml + CSV -------------------------------------------------------------------
    def indicators(self) -> None:
        for f in self.items(INDICATORS_TOML, "indicator", required=False):
            indicator_id = f.ident()
            kind = f.choice("kind", [k.value for k in IndicatorKind])
            title, unit = f.text("title"), f.text("unit")
            data = f.text("data")
            value_format = f.choice("value_format", VALUE_FORMATS, required=False, default="number")
            description, note = f.text("description", required=False), f.text("note", required=False)
            chapter = f.text("chapter", required=False)
            f.finish()
            points = self.data_points(data, IndicatorKind(kind) if kind else None, f)
            indicator = Indicator(
                id=indicator_id,
                kind=IndicatorKind(kind) if kind else None,
                title=title,
                unit=unit,
                points=points,
                description=description,
                note=note,
                value_format=value_format,
                chapter=chapter,
            )
            self.loaded.indicators.append(self.put(indicator, f.where))
        total = sum(len(indicator.points) for indicator in self.loaded.indicators)
        if total > MAX_DATA_POINTS:
            self.errors.add(INDICATORS_TOML, 0, "", ContentMessage.TOO_MANY_POINTS, count=total, limit=MAX_DATA_POINTS)

    def data_points(self, rel: str | None, kind: IndicatorKind | None, f: Fields) -> tuple[DataPoint, ...]:
        if not rel:
            return ()
        path = self.files.locate(rel, INDICATORS_TOML, f.where.line("data"), "indicator.data")
        if path is None or kind is None:
            return ()
        name = path.relative_to(self.files.root).as_posix()
        text = self.files.read_text(path, name)
        key_column = "year" if kind is IndicatorKind.SERIES else "label"
        rows = (
            None
            if text is None
            else read_csv(text, name, (key_column, "value", "source"), ("qualifier", "note"), self.errors)
        )
        if rows is None:
            return ()
        if not rows:
            self.errors.add(name, 0, "", ContentMessage.NEED_ONE)
        points = []
        for row in rows:
            key: int | str | None = row.cells[key_column]
            if not key:
                self.errors.add(name, row.line, key_column, ContentMessage.REQUIRED)
                key = None
            elif kind is IndicatorKind.SERIES:
                if _YEAR.fullmatch(key):
                    key = int(key)
                else:
                    self.errors.add(name, row.line, "year", ContentMessage.NOT_A_YEAR, value=key)
                    key = None
            value = finite_number(row.cells["value"])
            if value is None:
                self.errors.add(name, row.line, "value", number_problem(row.cells["value"]), value=row.cells["value"])
            source = row.cells["source"]
            if not source:
                self.errors.add(name, row.line, "source", ContentMessage.REQUIRED)
            point = DataPoint(
                key=key,
                value=value,
                source=source,
                qualifier=row.cells.get("qualifier", ""),
                note=row.cells.get("note", ""),
                line=row.line,
            )
            points.append(self.put(point, Where(name, "", fixed_line=row.line)))
        return tuple(points)

    # -- places.csv ------------------------------------------------------------------------------
    def places(self) -> None:
        if not self.files.exists(PLACES_CSV):
            self.loaded.usable.add(PLACES_CSV)
            return
        text = self.files.read_standard(PLACES_CSV, required=False)
        columns = ("id", "name", "country", "lat", "lon", "role")
        rows = None if text is None else read_csv(text, PLACES_CSV, columns, (), self.errors)
        if rows is None:
            return
        self.loaded.usable.add(PLACES_CSV)
        for row in rows:
            cells = row.cells

            def report(field: str, message_id: str, line: int = row.line, **params: Any) -> None:
                self.errors.add(PLACES_CSV, line, field, message_id, **params)

            place_id: str | None = cells["id"]
            if not ID_PATTERN.fullmatch(place_id):
                report("id", ContentMessage.BAD_ID, value=place_id)
                place_id = None
            if not cells["name"]:
                report("name", ContentMessage.REQUIRED)
            country = check_country(
                cells["country"], lambda message_id, **params: report("country", message_id, **params)
            )
            lat, lon = finite_number(cells["lat"]), finite_number(cells["lon"])
            for name, number, limit, message_id in (
                ("lat", lat, 90, ContentMessage.LAT_RANGE),
                ("lon", lon, 180, ContentMessage.LON_RANGE),
            ):
                if number is None:
                    report(name, number_problem(cells[name]), value=cells[name])
                elif not -limit <= number <= limit:
                    report(name, message_id, value=cells[name])
            role = cells["role"]
            if role not in PLACE_ROLES:
                report("role", ContentMessage.BAD_CHOICE, value=role, choices=", ".join(PLACE_ROLES))
            place = Place(id=place_id, name=cells["name"], country=country, lat=lat, lon=lon, role=role)
            self.loaded.places.append(self.put(place, Where(PLACES_CSV, "", fixed_line=row.line)))

    # -- partnerships.toml -----------------------------------------------------------------------
    def partnerships(self) -> None:
        top = self.top(PARTNERSHIPS_TOML)
        if top is None:
            return
        survey = top.table("survey")
        tables = self.bounded(top, top.tables("partnership"), "partnership")
        top.finish()
        if survey is not None:
            self.loaded.survey = self.survey(survey)
        for f in tables:
            partnership = Partnership(
                id=f.ident(),
                municipality=f.text("municipality"),
                place=f.text("place"),
                partners=tuple(self.partner(p) for p in f.tables("partner")),
                project=f.text("project"),
                project_type=f.text("project_type"),
                period_raw=f.text("period_raw", allow_empty=True),
                period=f.date("period", required=False),
                aspect=f.choice("aspect", ASPECTS),
                description=f.text("description"),
                source=f.text("source"),
                raw_partners=f.text("raw_partners", required=False),
                note=f.text("note", required=False),
            )
            f.finish()
            self.loaded.partnerships.append(self.put(partnership, f.where))

    def partner(self, f: Fields) -> Partner:
        partner = Partner(
            name=f.text("name"),
            place=f.text("place"),
            country=f.country(),
            kind=f.choice("kind", PARTNER_KINDS, required=False, default="municipality"),
        )
        f.finish()
        return self.put(partner, f.where)

    def survey(self, f: Fields) -> Survey:
        title, intro, source = f.text("title"), f.text("intro"), f.text("source")
        aspects: list[tuple[str, str]] = []
        table = f.table("aspects", required=True)
        if table is not None:
            for key in list(table.data):
                text = table.text(key)
                if key not in ASPECTS[:3]:
                    table.report(key, ContentMessage.BAD_CHOICE, value=key, choices=", ".join(ASPECTS[:3]))
                aspects.append((key, text))
        findings = f.texts("findings")
        quote = self.quote(f.table("quote"))
        f.finish()
        return self.put(
            Survey(
                title=title,
                intro=intro,
                aspects=tuple(aspects),
                findings=findings,
                source=source,
                quote=quote,
            ),
            f.where,
        )

    # -- glossary.toml ---------------------------------------------------------------------------
    def glossary(self) -> None:
        for f in self.items(GLOSSARY_TOML, "term", required=False):
            term = GlossaryTerm(
                id=f.ident(),
                term=f.text("term"),
                definition=f.text("definition"),
                sources=f.texts("sources"),
                aliases=f.texts("aliases"),
                easy=f.text("easy", required=False) or "",
            )
            f.finish()
            self.loaded.glossary.append(self.put(term, f.where))
