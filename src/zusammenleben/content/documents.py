"""The first stage of loading: the pack's TOML and CSV files parsed, with line numbers.

Both the loader (which builds the model) and the Babel extractor (which walks the raw
tables) start here, so they see exactly the same strings.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zusammenleben.content.errors import ContentMessage, ErrorList
from zusammenleben.content.limits import MAX_CSV_ROWS
from zusammenleben.content.packfiles import PackFiles
from zusammenleben.content.tomlmap import LineMap, scan_toml

PACK_TOML = "pack.toml"
SOURCES_TOML = "sources.toml"
CHAPTERS_TOML = "chapters.toml"
EVENTS_TOML = "events.toml"
INDICATORS_TOML = "indicators.toml"
PARTNERSHIPS_TOML = "partnerships.toml"
GLOSSARY_TOML = "glossary.toml"
PLACES_CSV = "places.csv"

#: Each TOML file, whether it is required, and the top-level keys it may hold.
TOML_FILES: dict[str, tuple[bool, tuple[str, ...]]] = {
    PACK_TOML: (True, ("pack",)),
    SOURCES_TOML: (True, ("source",)),
    CHAPTERS_TOML: (True, ("chapter",)),
    EVENTS_TOML: (False, ("event",)),
    INDICATORS_TOML: (False, ("indicator",)),
    PARTNERSHIPS_TOML: (False, ("survey", "partnership")),
    GLOSSARY_TOML: (False, ("term",)),
}

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


@dataclass
class TomlDocument:
    """A parsed TOML file. ``data`` is None when the file is missing or broken; ``usable`` says
    whether its ids can be trusted for reference checks (true for an absent optional file)."""

    name: str
    data: dict[str, Any] | None
    lines: LineMap = field(default_factory=LineMap)
    usable: bool = True


def parse_toml(text: str, name: str, errors: ErrorList) -> tuple[dict[str, Any] | None, LineMap]:
    """tomllib's result and the line map, or None after reporting the syntax error with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail = str(error)
        line = 0
        at_line = _AT_LINE.search(detail)
        if at_line:
            line = int(at_line.group(1))
            detail = detail[: at_line.start()]
        elif _AT_END.search(detail):
            line = text.count("\n") + 1
            detail = detail[: _AT_END.search(detail).start()]
        errors.add(name, line, "", ContentMessage.TOML_SYNTAX, detail=detail)
        return None, LineMap()
    except RecursionError:
        errors.add(name, 0, "", ContentMessage.TOML_TOO_DEEP)
        return None, LineMap()
    except ValueError as error:  # tomllib lets int() errors through (e.g. a 5000-digit number)
        errors.add(name, 0, "", ContentMessage.TOML_SYNTAX, detail=str(error).split(":")[0])
        return None, LineMap()
    return data, scan_toml(text)


def read_toml_documents(files: PackFiles, errors: ErrorList) -> dict[str, TomlDocument]:
    documents: dict[str, TomlDocument] = {}
    for name, (required, _keys) in TOML_FILES.items():
        present = files.exists(name)
        text = files.read_standard(name, required)
        if text is None:
            documents[name] = TomlDocument(name, None, usable=not present and not required)
            continue
        data, lines = parse_toml(text, name, errors)
        documents[name] = TomlDocument(name, data, lines, usable=data is not None)
    return documents


@dataclass(frozen=True)
class CsvRow:
    line: int
    cells: dict[str, str]


def read_csv(
    text: str, name: str, required: tuple[str, ...], optional: tuple[str, ...], errors: ErrorList,
    max_rows: int = MAX_CSV_ROWS,
) -> list[CsvRow] | None:
    """Rows as ``{column: stripped cell}`` with their first line; None if the header is unusable or
    the file has more than ``max_rows`` rows (reading stops there: the cost is bounded)."""
    rows: list[CsvRow] = []
    seen_rows = 0
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    last_line = 0
    try:
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = [cell.strip() for cell in row]
            if header is None:
                header = cells
                if not _header_ok(header, name, line, required, optional, errors):
                    return None
                continue
            seen_rows += 1
            if seen_rows > max_rows:
                errors.add(name, line, "", ContentMessage.TOO_MANY_ROWS, limit=max_rows)
                return None
            if len(cells) != len(header):
                errors.add(name, line, "", ContentMessage.CSV_ROW_LENGTH, found=len(cells), expected=len(header))
                continue
            rows.append(CsvRow(line, dict(zip(header, cells, strict=True))))
    except csv.Error as error:
        errors.add(name, reader.line_num, "", ContentMessage.CSV_ERROR, detail=str(error))
        return None
    if header is None:
        errors.add(name, 0, "", ContentMessage.CSV_NO_HEADER)
        return None
    return rows


def _header_ok(
    header: list[str],
    name: str,
    line: int,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    errors: ErrorList,
) -> bool:
    ok = True
    for column in required:
        if column not in header:
            errors.add(name, line, "", ContentMessage.CSV_MISSING_COLUMN, column=column)
            ok = False
    seen: set[str] = set()
    for column in header:
        if (column not in required and column not in optional) or column in seen:
            errors.add(name, line, "", ContentMessage.CSV_UNKNOWN_COLUMN, column=column)
            ok = False
        seen.add(column)
    return ok


def open_pack(root: Path, errors: ErrorList) -> tuple[PackFiles, dict[str, TomlDocument]]:
    files = PackFiles(root, errors)
    return files, read_toml_documents(files, errors)
