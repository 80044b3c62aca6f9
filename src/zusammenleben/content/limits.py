"""Limits a real pack never meets, so that a pack that validates can always be shown quickly.

A pack may come from anyone; one that passes ``validate`` must open in seconds on a school
laptop. Each limit is far above what a real pack needs (the Mechelen pack: 27 years, bodies
under 2 000 characters, CSVs under 30 rows, under 100 entries per list) and is documented in
``docs/content-packs.md``. Changing a number here changes what ``validate`` accepts.
"""

from __future__ import annotations

#: The pack's years: what the dates can write (four digits), and a span the time bar can show.
MIN_YEAR = 1
MAX_YEAR = 9999
MAX_SPAN_YEARS = 500
#: Characters in one chapter body (about 25 printed pages): Qt lays out the whole text at once.
MAX_BODY_CHARS = 50_000
#: Rows in one CSV file (an indicator's data, places.csv); blank lines are not counted.
MAX_CSV_ROWS = 1_000
#: Data points of all indicators together (the figures screen draws them all).
MAX_DATA_POINTS = 10_000
#: Entries in one list of a TOML file ([[chapter]], [[event]], [[partnership]] …).
MAX_ENTRIES = 1_000
#: Problems listed per file; the rest are counted in one last line (a 20 MB file of bad rows).
MAX_PROBLEMS_PER_FILE = 200
#: Bytes of one file of a pack, read at most (``bounded_read``): a huge file is refused, not loaded.
MAX_FILE_BYTES = 20 * 1024 * 1024
