"""Write the filtered partnership table as CSV for the spreadsheet of the user's locale (no Qt).

Spreadsheets separate fields with the locale's list separator: where the decimal separator is a
comma (German, Dutch), Excel and LibreOffice expect ``;``, elsewhere ``,``. They only recognise
UTF-8 when the file starts with a byte-order mark, hence ``utf-8-sig``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.numbers import get_decimal_symbol

from zusammenleben.i18n.formatting import locale_for


def list_separator(lang: str) -> str:
    """``;`` where numbers use a decimal comma (``de``, ``nl``), ``,`` otherwise."""
    return ";" if get_decimal_symbol(locale_for(lang)) == "," else ","


def write_table_csv(path: Path | str, headers: Sequence[str], rows: Iterable[Sequence[str]],
                    separator: str = ";") -> Path:
    """Write headers and rows; returns the path. Newlines and separators inside cells are quoted."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(list(headers))
        for row in rows:
            writer.writerow(list(row))
    return path
