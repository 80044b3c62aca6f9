"""The one CSV writer: a table of texts for the spreadsheet of the reader's locale (no Qt).

Plots, the partnership table and the kiosk's usage statistics all write through here, so
they agree: UTF-8 with a byte-order mark (Excel and LibreOffice only recognise UTF-8 with
it), the locale's list separator (``;`` where numbers use a decimal comma, as in German and
Dutch, ``,`` elsewhere), CRLF line ends, and cells quoted only when they hold a separator,
a quote or a line break (the stdlib ``csv`` module does the quoting).

It writes to the path it is given; callers that replace a user's file go through
``safe_save.write_atomically`` (the save flow does), so a failed write never leaves
half a file.
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


def write_csv_table(path: Path | str, headers: Sequence[object], rows: Iterable[Sequence[object]],
                    separator: str = ";") -> Path:
    """Write the header row and the rows; returns the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(list(headers))
        writer.writerows(list(row) for row in rows)
    return path
