"""The translatable strings of a pack, for the ``content`` gettext catalog.

``iter_translatable(pack_root)`` walks the raw files (the same parsing the loader uses,
so a msgid is exactly the string the model will hold) and yields every non-empty value
of the fields ``pack.toml`` lists in ``translatable``, with file and line. Markdown
bodies yield one unit per paragraph.

``extract_pack`` is the Babel extractor (entry point ``zusammenleben_pack``). Babel
extracts one file at a time and records that file's name, so:

* on ``pack.toml`` it yields the strings of the whole pack (the comment says which file
  and line each comes from: ``chapters.toml:12 chapter.title``);
* with the option ``scope = file`` (as in ``babel-content.cfg``, which maps every pack
  file) each file yields only its own strings, so the ``#:`` references are exact too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zusammenleben.content.documents import (
    CHAPTERS_TOML,
    INDICATORS_TOML,
    PACK_TOML,
    PLACES_CSV,
    TOML_FILES,
    TomlDocument,
    open_pack,
    read_csv,
)
from zusammenleben.content.errors import ErrorList
from zusammenleben.content.markdown import split_paragraphs
from zusammenleben.content.packfiles import PackFiles
from zusammenleben.content.schema import (
    BODY_FIELD,
    DATAPOINT_FIELDS,
    EASY_FIELD,
    PLACE_FIELDS,
    STAR,
    TOML_TEXT_FIELDS,
)


@dataclass(frozen=True)
class Translatable:
    file: str
    line: int
    field: str
    text: str


def iter_translatable(
    pack_root: str | os.PathLike[str], fields: set[str] | frozenset[str] | None = None
) -> Iterator[Translatable]:
    """Every translatable string of the pack, file by file, in line order; problems are ignored here
    (``validate`` reports them). ``fields`` picks field names instead of ``pack.toml``'s list (the
    readability check reads the ``short`` and ``easy`` texts wherever a pack has them)."""
    errors = ErrorList()
    files, documents = open_pack(Path(pack_root), errors)
    names = _translatable_names(documents[PACK_TOML]) if fields is None else set(fields)
    for file_name in TOML_FILES:
        document = documents[file_name]
        if document.data is None:
            continue
        items = [
            Translatable(file_name, document.lines.line(path), name, value)
            for name, (target, pattern) in TOML_TEXT_FIELDS.items()
            if name in names and target == file_name
            for path, value in _walk(document.data, pattern, ())
        ]
        yield from sorted(items, key=lambda item: item.line)
    for field, key in ((BODY_FIELD, "body"), (EASY_FIELD, "easy")):
        if field in names:
            yield from _bodies(files, documents[CHAPTERS_TOML], errors, key, field)
    datapoint_fields = {name: column for name, column in DATAPOINT_FIELDS.items() if name in names}
    if datapoint_fields:
        yield from _data_points(files, documents[INDICATORS_TOML], datapoint_fields, errors)
    place_fields = {name: column for name, column in PLACE_FIELDS.items() if name in names}
    if place_fields and files.exists(PLACES_CSV):
        text = files.read_standard(PLACES_CSV, required=False)
        rows = (
            None
            if text is None
            else read_csv(text, PLACES_CSV, ("id", "name", "country", "lat", "lon", "role"), (), errors)
        )
        yield from _csv_texts(PLACES_CSV, rows or [], place_fields)


def _translatable_names(document: TomlDocument) -> set[str]:
    pack = (document.data or {}).get("pack")
    names = pack.get("translatable") if isinstance(pack, dict) else None
    return {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()


def _walk(node: Any, pattern: tuple[str, ...], path: tuple[str | int, ...]) -> Iterator[tuple[tuple, str]]:
    """Values at ``pattern`` (``*`` = every list element or table value); only non-empty strings."""
    if not pattern:
        if isinstance(node, str) and node.strip():
            yield path, node
        return
    head, rest = pattern[0], pattern[1:]
    if head == STAR:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from _walk(item, rest, (*path, index))
        elif isinstance(node, dict):
            for key, item in node.items():
                yield from _walk(item, rest, (*path, key))
    elif isinstance(node, dict) and head in node:
        yield from _walk(node[head], rest, (*path, head))


def _tables(document: TomlDocument, key: str) -> list[dict]:
    tables = (document.data or {}).get(key)
    return [table for table in tables if isinstance(table, dict)] if isinstance(tables, list) else []


def _read_named(files: PackFiles, rel: Any, errors: ErrorList) -> tuple[str, str] | None:
    if not isinstance(rel, str):
        return None
    path = files.locate(rel, "", 0, "")
    if path is None:
        return None
    name = path.relative_to(files.root).as_posix()
    text = files.read_text(path, name)
    return None if text is None else (name, text)


def _bodies(
    files: PackFiles, chapters: TomlDocument, errors: ErrorList, key: str = "body", field: str = BODY_FIELD
) -> Iterator[Translatable]:
    for chapter in _tables(chapters, "chapter"):
        named = _read_named(files, chapter.get(key), errors)
        if named is not None:
            name, text = named
            for paragraph in split_paragraphs(text):
                yield Translatable(name, paragraph.line, field, paragraph.text)


def _data_points(
    files: PackFiles, indicators: TomlDocument, fields: dict[str, str], errors: ErrorList
) -> Iterator[Translatable]:
    for indicator in _tables(indicators, "indicator"):
        kind = indicator.get("kind")
        key_column = {"series": "year", "comparison": "label"}.get(kind) if isinstance(kind, str) else None
        named = _read_named(files, indicator.get("data"), errors) if key_column else None
        if named is None:
            continue
        name, text = named
        rows = read_csv(text, name, (key_column, "value", "source"), ("qualifier", "note"), errors)
        yield from _csv_texts(name, rows or [], fields)


def _csv_texts(name: str, rows, fields: dict[str, str]) -> Iterator[Translatable]:
    for row in rows:
        for field, column in fields.items():
            text = row.cells.get(column, "")
            if text:
                yield Translatable(name, row.line, field, text)


# -- Babel --------------------------------------------------------------------------------------


def extract_pack(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extractor: ``(lineno, None, message, [comment])`` per translatable string (see module doc)."""
    name = getattr(fileobj, "name", None)
    if not isinstance(name, str | bytes | os.PathLike):
        return
    path = Path(os.fsdecode(name)).resolve()
    root = _pack_root(path)
    if root is None:
        return
    rel = path.relative_to(root).as_posix()
    whole_pack = rel == PACK_TOML and (options or {}).get("scope", "pack") == "pack"
    for item in iter_translatable(root):
        if whole_pack or item.file == rel:
            yield item.line, None, item.text, [f"{item.file}:{item.line} {item.field}"]


def _pack_root(path: Path, levels: int = 6) -> Path | None:
    """The nearest folder above ``path`` that holds a ``pack.toml``."""
    for folder in list(path.parents)[:levels]:
        if (folder / PACK_TOML).is_file():
            return folder
    return None
