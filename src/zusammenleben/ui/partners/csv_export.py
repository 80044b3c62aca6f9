"""Write the filtered partnership table as CSV for German and Dutch spreadsheets (no Qt).

Excel in these locales expects ``;`` between fields (``,`` is the decimal comma) and only
recognises UTF-8 when the file starts with a byte-order mark, hence ``utf-8-sig``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_table_csv(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Write headers and rows; returns the path. Newlines inside cells are kept (quoted)."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(list(headers))
        for row in rows:
            writer.writerow(list(row))
    return path
