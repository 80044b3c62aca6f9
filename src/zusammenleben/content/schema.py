"""Which text fields of a pack can be translated, and where each one lives.

``pack.toml`` lists the translatable fields as ``kind.field`` names; this table says,
for every name the format knows, which file holds it and how to reach it (``*`` is
every element of a list, or every value of a table). The validator rejects names that
are not here; the extractor walks the paths.
"""

from __future__ import annotations

from zusammenleben.content.documents import (
    CHAPTERS_TOML,
    EVENTS_TOML,
    GLOSSARY_TOML,
    INDICATORS_TOML,
    PACK_TOML,
    PARTNERSHIPS_TOML,
    SOURCES_TOML,
)

STAR = "*"

#: name → (file, path pattern) for text stored in TOML files.
TOML_TEXT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pack.title": (PACK_TOML, ("pack", "title")),
    "pack.subtitle": (PACK_TOML, ("pack", "subtitle")),
    "pack.credits": (PACK_TOML, ("pack", "credits")),
    "source.title": (SOURCES_TOML, ("source", STAR, "title")),
    "source.kind": (SOURCES_TOML, ("source", STAR, "kind")),
    "source.note": (SOURCES_TOML, ("source", STAR, "note")),
    "chapter.title": (CHAPTERS_TOML, ("chapter", STAR, "title")),
    "chapter.lead": (CHAPTERS_TOML, ("chapter", STAR, "lead")),
    "chapter.short": (CHAPTERS_TOML, ("chapter", STAR, "short")),
    "chapter.quote.text": (CHAPTERS_TOML, ("chapter", STAR, "quote", "text")),
    "chapter.quote.note": (CHAPTERS_TOML, ("chapter", STAR, "quote", "note")),
    "chapter.perspective.claim": (CHAPTERS_TOML, ("chapter", STAR, "perspective", STAR, "claim")),
    "chapter.perspective.criticism": (CHAPTERS_TOML, ("chapter", STAR, "perspective", STAR, "criticism")),
    "chapter.perspective.critic": (CHAPTERS_TOML, ("chapter", STAR, "perspective", STAR, "critic")),
    "chapter.perspective.claimant": (CHAPTERS_TOML, ("chapter", STAR, "perspective", STAR, "claimant")),
    "chapter.goal.text": (CHAPTERS_TOML, ("chapter", STAR, "goal", STAR, "text")),
    "chapter.task.text": (CHAPTERS_TOML, ("chapter", STAR, "task", STAR, "text")),
    "chapter.teacher_note.text": (CHAPTERS_TOML, ("chapter", STAR, "teacher_note", STAR, "text")),
    "chapter.question.text": (CHAPTERS_TOML, ("chapter", STAR, "question", STAR, "text")),
    "chapter.question.hint": (CHAPTERS_TOML, ("chapter", STAR, "question", STAR, "hint")),
    "chapter.image.alt": (CHAPTERS_TOML, ("chapter", STAR, "image", "alt")),
    "event.title": (EVENTS_TOML, ("event", STAR, "title")),
    "event.label": (EVENTS_TOML, ("event", STAR, "label")),
    "event.text": (EVENTS_TOML, ("event", STAR, "text")),
    "event.easy": (EVENTS_TOML, ("event", STAR, "easy")),
    "indicator.title": (INDICATORS_TOML, ("indicator", STAR, "title")),
    "indicator.unit": (INDICATORS_TOML, ("indicator", STAR, "unit")),
    "indicator.description": (INDICATORS_TOML, ("indicator", STAR, "description")),
    "indicator.note": (INDICATORS_TOML, ("indicator", STAR, "note")),
    "partnership.project": (PARTNERSHIPS_TOML, ("partnership", STAR, "project")),
    "partnership.project_type": (PARTNERSHIPS_TOML, ("partnership", STAR, "project_type")),
    "partnership.period_raw": (PARTNERSHIPS_TOML, ("partnership", STAR, "period_raw")),
    "partnership.description": (PARTNERSHIPS_TOML, ("partnership", STAR, "description")),
    "partnership.note": (PARTNERSHIPS_TOML, ("partnership", STAR, "note")),
    "partner.name": (PARTNERSHIPS_TOML, ("partnership", STAR, "partner", STAR, "name")),
    "survey.title": (PARTNERSHIPS_TOML, ("survey", "title")),
    "survey.intro": (PARTNERSHIPS_TOML, ("survey", "intro")),
    "survey.aspect": (PARTNERSHIPS_TOML, ("survey", "aspects", STAR)),
    "survey.finding": (PARTNERSHIPS_TOML, ("survey", "findings", STAR)),
    "survey.quote.text": (PARTNERSHIPS_TOML, ("survey", "quote", "text")),
    "survey.quote.note": (PARTNERSHIPS_TOML, ("survey", "quote", "note")),
    "glossary.term": (GLOSSARY_TOML, ("term", STAR, "term")),
    "glossary.definition": (GLOSSARY_TOML, ("term", STAR, "definition")),
    "glossary.easy": (GLOSSARY_TOML, ("term", STAR, "easy")),
}

#: Text in Markdown bodies and CSV files (the extractor handles them specially).
BODY_FIELD = "chapter.body"
EASY_FIELD = "chapter.easy"  # the plain-language body: a Markdown file like ``body``, one unit per paragraph
DATAPOINT_FIELDS = {"datapoint.label": "label", "datapoint.qualifier": "qualifier", "datapoint.note": "note"}
PLACE_FIELDS = {"place.name": "name"}

KNOWN_TRANSLATABLE: frozenset[str] = frozenset(
    {*TOML_TEXT_FIELDS, BODY_FIELD, EASY_FIELD, *DATAPOINT_FIELDS, *PLACE_FIELDS}
)
