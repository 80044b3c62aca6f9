"""Issue 20, faults 1–4 and 17 (content side): a pack that validates opens quickly; files are read bounded.

Each test here failed on the main branch before the limits existed: ``end_year = 999999999`` and
a 1 MB body validated, a 19.5 MB CSV of bad rows gave millions of problems, a FIFO or a symlink
loop was "a missing file".
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest
from content_helpers import line_of, problems, replace

from zusammenleben.bounded_read import ReadRefusedError, check_regular_file, read_bounded
from zusammenleben.content import load_pack
from zusammenleben.content.limits import (
    MAX_BODY_CHARS,
    MAX_CSV_ROWS,
    MAX_DATA_POINTS,
    MAX_ENTRIES,
    MAX_PROBLEMS_PER_FILE,
    MAX_SPAN_YEARS,
)

SERIES = "indicators/far-right-vote.csv"
COMPARISON = "indicators/is-departures.csv"


@pytest.mark.parametrize("end", [999_999_999, 10_000])
def test_a_year_no_timeline_can_show_is_refused(pack, end):
    line = replace(pack, "pack.toml", "end_year = 2026", f"end_year = {end}")
    assert f"pack.toml:{line}: pack.end_year: {end} is not a year between 1 and 9999" in problems(pack)


def test_a_span_longer_than_the_time_bar_shows_is_refused(pack):
    line = replace(pack, "pack.toml", "start_year = 2001", "start_year = 1001")
    end_line = line_of(pack, "pack.toml", "end_year")
    assert problems(pack) == [
        f"pack.toml:{end_line}: pack.end_year: the pack spans 1026 years; the time bar shows at most {MAX_SPAN_YEARS}"
    ]
    replace(pack, "pack.toml", "start_year = 1001", f"start_year = {2026 - MAX_SPAN_YEARS + 1}")
    assert line and load_pack(pack).ok  # exactly the limit is fine (the pack's dates still overlap)


def test_a_chapter_body_over_the_limit_is_refused(pack):
    body = pack / "chapters" / "01-city-2001.md"
    paragraph = "Ein Satz, der sich wiederholt, damit der Text lang wird. " * 10 + "\n\n"
    body.write_text(paragraph * (MAX_BODY_CHARS // len(paragraph) + 1), "utf-8")
    length = len(body.read_text("utf-8"))
    assert problems(pack) == [
        f"chapters/01-city-2001.md: body: the body has {length} characters; at most {MAX_BODY_CHARS} are allowed"
    ]
    body.write_text(paragraph * (MAX_BODY_CHARS // len(paragraph)), "utf-8")
    assert load_pack(pack).ok


def test_a_csv_with_more_rows_than_the_limit_stops_at_the_limit(pack):
    path = pack / COMPARISON
    header = path.read_text("utf-8").splitlines()[0]
    rows = "".join(f"Ort {i},{i},spiegel-2018-interview,,\n" for i in range(MAX_CSV_ROWS + 5))
    path.write_text(header + "\n" + rows, "utf-8")
    assert problems(pack) == [
        f"{COMPARISON}:{MAX_CSV_ROWS + 2}: more than {MAX_CSV_ROWS} rows; a pack's table has at most {MAX_CSV_ROWS}"
    ]


def test_data_points_of_all_indicators_are_limited(pack):
    indicators = (pack / "indicators.toml").read_text("utf-8")
    count = MAX_DATA_POINTS // MAX_CSV_ROWS + 1
    for number in range(count):
        rows = "".join(f"Ort {i},{i},spiegel-2018-interview,,\n" for i in range(MAX_CSV_ROWS))
        (pack / f"indicators/extra-{number}.csv").write_text("label,value,source,qualifier,note\n" + rows, "utf-8")
        indicators += (f'\n[[indicator]]\nid = "extra-{number}"\nkind = "comparison"\ntitle = "X"\nunit = "Y"\n'
                       f'data = "indicators/extra-{number}.csv"\n')
    (pack / "indicators.toml").write_text(indicators, "utf-8")
    found = problems(pack)
    assert len(found) == 1 and found[0].startswith("indicators.toml: ") and f"at most {MAX_DATA_POINTS}" in found[0]


def test_too_many_entries_in_one_list_are_one_problem(pack):
    extra = "".join(f'\n[[term]]\nid = "t{i}"\nterm = "T{i}"\ndefinition = "D."\n' for i in range(MAX_ENTRIES + 1))
    path = pack / "glossary.toml"
    path.write_text(path.read_text("utf-8") + extra, "utf-8")
    found = [p for p in problems(pack) if p.startswith("glossary.toml")]
    assert found == [f"glossary.toml: term: {MAX_ENTRIES + 3} entries; at most {MAX_ENTRIES} are allowed"] or (
        len(found) == 1 and f"at most {MAX_ENTRIES} are allowed" in found[0])


def test_a_huge_csv_of_bad_rows_is_reported_in_bounded_time_and_memory(pack):
    """19.5 MB of bad rows took 47 s and 1.25 GB: now reading stops at the row limit, problems are capped."""
    path = pack / COMPARISON
    path.write_bytes(b"label,value,source,qualifier,note\n" + b"x,y\n" * 4_000_000)  # 16 MB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    found = problems(pack)
    assert time.process_time() - started < 20  # a hang guard, not a benchmark (it takes well under 1 s)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 400 * 1024  # KiB: 400 MB
    bad = [p for p in found if p.startswith(COMPARISON)]
    assert MAX_PROBLEMS_PER_FILE <= len(bad) <= MAX_PROBLEMS_PER_FILE + 1
    assert bad[-1].endswith("more problems in this file are not listed")


def test_many_problems_in_one_file_end_with_a_count(pack):
    path = pack / COMPARISON
    path.write_text("label,value,source,qualifier,note\n" + "x,y\n" * (MAX_PROBLEMS_PER_FILE + 50), "utf-8")
    bad = [p for p in problems(pack) if p.startswith(COMPARISON)]
    assert len(bad) == MAX_PROBLEMS_PER_FILE + 1
    assert bad[-1] == f"{COMPARISON}: 51 more problems in this file are not listed"  # + "at least one entry"
    assert not load_pack(pack).ok


# -- fault 4 and 17: bounded reads, file types, symlink loops ---------------------------------------
def test_a_fifo_in_the_pack_is_not_a_regular_file_and_does_not_block(pack):
    body = pack / "chapters" / "02-security.md"
    body.unlink()
    os.mkfifo(body)
    found = problems(pack)  # would block for ever in open() without O_NONBLOCK / the type check
    line = line_of(pack, "chapters.toml", 'body = "chapters/02-security.md"')
    assert f"chapters.toml:{line}: chapter.body: 'chapters/02-security.md' is not a regular file" in found


def test_a_symlink_loop_is_called_a_loop_not_a_missing_file(pack):
    body = pack / "chapters" / "02-security.md"
    body.unlink()
    os.symlink("02-security.md", body)
    line = line_of(pack, "chapters.toml", 'body = "chapters/02-security.md"')
    message = "'chapters/02-security.md' is a loop of symbolic links"
    assert f"chapters.toml:{line}: chapter.body: {message}" in problems(pack)


def test_a_standard_file_that_is_a_fifo_is_reported(pack):
    (pack / "glossary.toml").unlink()
    os.mkfifo(pack / "glossary.toml")
    assert "glossary.toml: 'glossary.toml' is not a regular file" in problems(pack)


def test_read_bounded_refuses_devices_fifos_and_big_files(tmp_path):
    with pytest.raises(ReadRefusedError) as refused:
        read_bounded("/dev/zero", 1024)
    assert refused.value.kind == ReadRefusedError.NOT_A_FILE
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ReadRefusedError) as refused:
        read_bounded(fifo, 1024)
    assert refused.value.kind == ReadRefusedError.NOT_A_FILE
    big = tmp_path / "big"
    with big.open("wb") as handle:  # a sparse 2 GB file: reading it whole would need 2 GB
        handle.truncate(2 * 1024**3)
    with pytest.raises(ReadRefusedError) as refused:
        read_bounded(big, 1024 * 1024)
    assert refused.value.kind == ReadRefusedError.TOO_LARGE
    with pytest.raises(ReadRefusedError) as refused:
        check_regular_file(big, 1024)
    assert refused.value.kind == ReadRefusedError.TOO_LARGE
    loop = tmp_path / "loop"
    os.symlink("loop", loop)
    with pytest.raises(ReadRefusedError) as refused:
        read_bounded(loop, 10)
    assert refused.value.kind == ReadRefusedError.LINK_LOOP
    small = tmp_path / "small"
    small.write_bytes(b"x" * 10)
    assert read_bounded(small, 10) == b"x" * 10
    check_regular_file(tmp_path / "absent", 10)  # absent is fine: the caller starts a new file


def test_a_pack_at_every_limit_still_loads(pack):
    """The limits refuse only what no real pack needs: the example pack and the Mechelen pack pass."""
    assert load_pack(pack).ok
    assert load_pack(Path(__file__).resolve().parents[2] / "resources" / "packs" / "mechelen").ok


# -- fault 17: messages that say what is wrong --------------------------------------------------------
@pytest.mark.parametrize("value", ["1e308", "2.5E-3", "-1e5"])
def test_exponent_notation_is_named_not_called_no_number(pack, value):
    line = replace(pack, COMPARISON, "Vilvoorde,27,", f"Vilvoorde,{value},")
    assert problems(pack) == [
        f"{COMPARISON}:{line}: value: '{value}' uses exponent notation, which is not allowed: write the digits out"
    ]


def test_a_word_is_still_not_a_number(pack):
    line = replace(pack, COMPARISON, "Vilvoorde,27,", "Vilvoorde,viele,")
    assert problems(pack) == [f"{COMPARISON}:{line}: value: 'viele' is not a number (use '.' as the decimal point)"]
