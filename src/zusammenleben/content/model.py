"""The content model: what a pack contains, as frozen dataclasses.

The model is the contract between the pack files (read by ``load``), the checks
(``validate``), the Babel extractor (``extract``) and the Qt views. It never
imports Qt, so it can be loaded and checked by the command line and by tests
without a display. Text fields hold the pack's source language (German); the
views translate them through the ``content`` gettext domain at display time.

The classes are standard frozen dataclasses whose generated methods are compiled on first use
(``model_dataclass``): a start from the pack cache needs almost none of them before the first frame.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum

from zusammenleben.content.model_dataclass import lazy_dataclass


class Precision(Enum):
    """How precisely a date is known; decides how it is formatted."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@lazy_dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (``2016``, ``2016-04``, ``2016-11-13``)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def decimal_year(self) -> float:
        """Position on a time axis: the middle of the known span."""
        if self.month is None:
            return self.year + 0.5
        if self.day is None:
            return self.year + (self.month - 0.5) / 12
        return self.year + (self.month - 1 + (self.day - 0.5) / 31) / 12

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@lazy_dataclass(frozen=True)
class DateSpan:
    """A single date (``end is None``) or a range ``start/end``."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def first_year(self) -> int:
        return self.start.year

    @property
    def last_year(self) -> int:
        return (self.end or self.start).year

    def covers_year(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"


@lazy_dataclass(frozen=True)
class Source:
    """Where a fact comes from. ``in_seeds`` is False for public pages outside the five seed documents."""

    id: str
    title: str
    publication: str
    kind: str
    date: DateSpan | None
    author: str = ""
    url: str = ""
    seed: str = ""
    in_seeds: bool = True
    note: str = ""

    @property
    def named_publication(self) -> str:
        """The publication, or "" where the text does not name it (the pack writes "—")."""
        return "" if self.publication.strip() in ("", "—", "-", "–") else self.publication


@lazy_dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    source: str
    note: str = ""


@lazy_dataclass(frozen=True)
class Perspective:
    """A claim and the criticism or counter-view the sources give, each with its source."""

    claim: str
    claim_source: str
    criticism: str
    criticism_source: str
    critic: str = ""
    claimant: str = ""


@lazy_dataclass(frozen=True)
class LearningGoal:
    """What pupils should be able to do after the chapter (for the teacher)."""

    text: str


@lazy_dataclass(frozen=True)
class Task:
    """A task for pupils, phrased with a standard operator (nennen, erklären, beurteilen …).

    ``level`` is the German Anforderungsbereich: 1 reproduce, 2 explain/apply, 3 judge.
    ``sources`` names the sources the task asks pupils to work with.
    """

    text: str
    level: int
    sources: tuple[str, ...] = ()

    @property
    def numeral(self) -> str:
        """The level as teachers write it (Anforderungsbereich I–III)."""
        return {1: "I", 2: "II", 3: "III"}.get(self.level, str(self.level))


@lazy_dataclass(frozen=True)
class TeacherNote:
    text: str


@lazy_dataclass(frozen=True)
class Question:
    text: str
    hint: str = ""


@lazy_dataclass(frozen=True)
class Image:
    path: str
    alt: str
    credit: str


@lazy_dataclass(frozen=True)
class Chapter:
    id: str
    years: DateSpan
    title: str
    lead: str
    body: tuple[str, ...]
    quote: Quote | None
    indicators: tuple[str, ...]
    perspectives: tuple[Perspective, ...]
    teacher_notes: tuple[TeacherNote, ...]
    questions: tuple[Question, ...]
    sources: tuple[str, ...]
    glossary: tuple[str, ...] = ()
    image: Image | None = None
    goals: tuple[LearningGoal, ...] = ()
    tasks: tuple[Task, ...] = ()
    #: the museum label (at most 60 words, one idea); "" where the pack has none
    short: str = ""
    #: the whole chapter in plain language (Einfache Sprache / eenvoudige taal), one string per paragraph
    easy: tuple[str, ...] = ()

    def text_at(self, level: str) -> tuple[str, ...]:
        """The paragraphs to show at a reading level ("standard", "easy" or "short").

        A pack without the layer falls back to the full text, so a level is never an empty page.
        """
        if level == "easy" and self.easy:
            return self.easy
        if level == "short" and self.short:
            return (self.short,)
        return self.body


@lazy_dataclass(frozen=True)
class Event:
    id: str
    date: DateSpan
    title: str
    label: str
    text: str
    sources: tuple[str, ...]
    tags: tuple[str, ...] = ()
    chapter: str = ""
    #: the text in plain language, where ``text`` is above that level
    easy: str = ""

    def text_at(self, level: str) -> str:
        return self.easy if level == "easy" and self.easy else self.text


class IndicatorKind(Enum):
    SERIES = "series"
    COMPARISON = "comparison"


@lazy_dataclass(frozen=True)
class DataPoint:
    """One value as one source gives it. ``key`` is the year (series) or the label (comparison)."""

    key: int | str
    value: float
    source: str
    qualifier: str = ""
    note: str = ""
    line: int = 0


@lazy_dataclass(frozen=True)
class Indicator:
    id: str
    kind: IndicatorKind
    title: str
    unit: str
    points: tuple[DataPoint, ...]
    description: str = ""
    note: str = ""
    value_format: str = "number"
    chapter: str = ""

    def keys(self) -> tuple[int | str, ...]:
        """Every distinct year or label, in the order the data gives them."""
        seen: dict[int | str, None] = {}
        for point in self.points:
            seen.setdefault(point.key, None)
        return tuple(seen)

    def disagreements(self) -> dict[int | str, tuple[DataPoint, ...]]:
        """Keys for which sources give different values."""
        groups: dict[int | str, list[DataPoint]] = {}
        for point in self.points:
            groups.setdefault(point.key, []).append(point)
        return {
            key: tuple(group)
            for key, group in groups.items()
            if len({p.value for p in group}) > 1
        }


@lazy_dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    lat: float
    lon: float
    role: str = "partner"


@lazy_dataclass(frozen=True)
class Partner:
    name: str
    place: str
    country: str
    kind: str = "municipality"


@lazy_dataclass(frozen=True)
class Partnership:
    id: str
    municipality: str
    place: str
    partners: tuple[Partner, ...]
    project: str
    project_type: str
    period_raw: str
    period: DateSpan | None
    aspect: str
    description: str
    source: str
    raw_partners: str = ""
    note: str = ""


@lazy_dataclass(frozen=True)
class Survey:
    title: str
    intro: str
    aspects: tuple[tuple[str, str], ...]
    findings: tuple[str, ...]
    source: str
    quote: Quote | None = None


@lazy_dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    definition: str
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    #: the definition in plain language, where ``definition`` is above that level
    easy: str = ""

    def definition_at(self, level: str) -> str:
        return self.easy if level == "easy" and self.easy else self.definition


@lazy_dataclass(frozen=True)
class Pack:
    id: str
    title: str
    subtitle: str
    version: str
    source_language: str
    languages: tuple[str, ...]
    start_year: int
    end_year: int
    translatable: tuple[str, ...]
    sources: tuple[Source, ...]
    chapters: tuple[Chapter, ...]
    events: tuple[Event, ...]
    indicators: tuple[Indicator, ...]
    places: tuple[Place, ...]
    partnerships: tuple[Partnership, ...]
    survey: Survey | None
    glossary: tuple[GlossaryTerm, ...]
    root: str = ""
    map_path: str = ""
    credits: str = ""
    outside_seeds_marker: str = ""
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def source(self, source_id: str) -> Source:
        return _lookup(self, "sources", source_id)

    def indicator(self, indicator_id: str) -> Indicator:
        return _lookup(self, "indicators", indicator_id)

    def place(self, place_id: str) -> Place:
        return _lookup(self, "places", place_id)

    def term(self, term_id: str) -> GlossaryTerm:
        return _lookup(self, "glossary", term_id)

    def chapter(self, chapter_id: str) -> Chapter:
        return _lookup(self, "chapters", chapter_id)


def _lookup(pack: Pack, attribute: str, item_id: str):
    """Find an item by id through a lazily built index (the dataclass is frozen, the dict is not)."""
    table = pack._index.get(attribute)
    if table is None:
        table = {item.id: item for item in getattr(pack, attribute)}
        pack._index[attribute] = table
    return table[item_id]
