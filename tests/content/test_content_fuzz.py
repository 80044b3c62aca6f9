"""Property tests: whatever bytes a pack holds, the loader answers with ContentErrors, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from content_helpers import EXAMPLE_PACK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zusammenleben.content import ContentError, load_pack
from zusammenleben.content.extract import iter_translatable

FILES = [
    "pack.toml",
    "sources.toml",
    "chapters.toml",
    "events.toml",
    "indicators.toml",
    "partnerships.toml",
    "glossary.toml",
    "places.csv",
    "indicators/far-right-vote.csv",
    "indicators/is-departures.csv",
    "chapters/01-city-2001.md",
]
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "pack"
    shutil.copytree(EXAMPLE_PACK, root)
    return root


def check_with(root: Path, name: str, data: bytes) -> None:
    """Write ``data`` into one file, load, check the answer, restore the file."""
    path = root / name
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        result = load_pack(root)
        assert all(isinstance(error, ContentError) for error in result.errors)
        assert (result.pack is None) == bool(result.errors)
        for error in result.errors:
            assert isinstance(error.format(), str) and error.line >= 0
            assert not Path(error.file).is_absolute()
        list(iter_translatable(root))
    finally:
        path.write_bytes(original)


@FUZZ
@given(name=st.sampled_from(FILES), data=st.binary(max_size=1500))
def test_random_bytes(base, name, data):
    check_with(base, name, data)


@st.composite
def mutated(draw):
    name = draw(st.sampled_from(FILES))
    data = bytearray((EXAMPLE_PACK / name).read_bytes())
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(
            st.sampled_from(
                [
                    b"\n",
                    b"[",
                    b"]",
                    b"=",
                    b'"',
                    b"'",
                    b",",
                    b"{",
                    b"}",
                    b"#",
                    b"..",
                    b"/",
                    b"\xff",
                    b"\x00",
                    b"-",
                    b"9",
                    b" ",
                    b"[[",
                    b'"""',
                    b"\r",
                ]
            )
        )
        if operation == "insert":
            data[position:position] = chunk
        elif operation == "delete":
            del data[position : position + len(chunk)]
        else:
            data[position : position + len(chunk)] = chunk
    return name, bytes(data)


@FUZZ
@given(case=mutated())
def test_mutated_files(base, case):
    check_with(base, *case)


_scalars = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.booleans(),
    st.sampled_from(
        [
            "../x",
            "/abs",
            "images/karte.png",
            "chapters/01-city-2001.md",
            "2016-02-30",
            "UK",
            "spiegel-2018-interview",
            "far-right-vote",
            "series",
            "comparison",
            "a",
            "borne",
        ]
    ),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "x", "path", "text"]), inner, max_size=3),
    ),
    max_leaves=8,
)
_KEYS = [
    "id",
    "title",
    "lead",
    "body",
    "years",
    "date",
    "sources",
    "source",
    "kind",
    "data",
    "image",
    "quote",
    "place",
    "country",
    "partner",
    "aspect",
    "aspects",
    "findings",
    "term",
    "label",
    "text",
    "titel",
    "in_seeds",
    "publication",
    "start_year",
    "translatable",
    "languages",
    "period_raw",
    "indicators",
]


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + "}"


@st.composite
def structured(draw):
    """Syntactically valid TOML with the right table names but random keys and value types."""
    name, table = draw(
        st.sampled_from(
            [
                ("pack.toml", "[pack]"),
                ("sources.toml", "[[source]]"),
                ("chapters.toml", "[[chapter]]"),
                ("events.toml", "[[event]]"),
                ("indicators.toml", "[[indicator]]"),
                ("glossary.toml", "[[term]]"),
                ("partnerships.toml", "[[partnership]]"),
                ("partnerships.toml", "[survey]"),
                ("chapters.toml", '[[chapter]]\nid = "x"\n[chapter.quote]'),
                ("partnerships.toml", "[[partnership]]\n[[partnership.partner]]"),
            ]
        )
    )
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        lines.append(table)
        keys = draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=8))
        lines += [f"{key} = {toml_value(draw(_values))}" for key in keys]
    return name, ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


@FUZZ
@given(case=structured())
def test_valid_toml_with_wrong_content(base, case):
    check_with(base, *case)


# -- the shapes of issue 20, faults 1–4: huge years, big bodies, big and special files ----------------
SHAPES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
TIME_BOUND_S = 20.0  # a hang guard: each case takes well under a second
MEMORY_BOUND_KIB = 400 * 1024


def bounded_check(root: Path, name: str, data: bytes) -> None:
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    check_with(root, name, data)
    assert time.process_time() - started < TIME_BOUND_S
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < MEMORY_BOUND_KIB


@SHAPES
@given(start=st.integers(-(10**12), 10**12), end=st.integers(-(10**12), 10**12))
def test_any_years_validate_or_are_refused_quickly(base, start, end):
    text = (EXAMPLE_PACK / "pack.toml").read_text("utf-8")
    text = text.replace("start_year = 2001", f"start_year = {start}").replace("end_year = 2026", f"end_year = {end}")
    bounded_check(base, "pack.toml", text.encode())


@SHAPES
@given(size=st.integers(0, 3_000_000), chunk=st.sampled_from([b"Wort ", b"[w](glossary:integration) ", b"\n\n",
                                                               b"**", b"x" * 1000, b"- item\n"]))
def test_big_bodies_are_checked_in_bounded_time(base, size, chunk):
    bounded_check(base, "chapters/01-city-2001.md", chunk * (size // len(chunk) + 1))


@SHAPES
@given(rows=st.integers(0, 600_000), row=st.sampled_from([b"x,y\n", b"Ort,1,spiegel-2018-interview,,\n",
                                                          b'"a,b",1e308,,x,y\n', b"\n"]))
def test_big_csv_files_are_checked_in_bounded_time(base, rows, row):
    bounded_check(base, "indicators/is-departures.csv", b"label,value,source,qualifier,note\n" + row * rows)


@pytest.mark.parametrize("special", ["fifo", "loop", "folder", "devzero", "sparse"])
def test_special_files_in_place_of_pack_files(base, special, tmp_path):
    import os
    import resource
    import time

    for name in ("glossary.toml", "chapters/02-security.md", "indicators/is-departures.csv"):
        path = base / name
        keep = tmp_path / "kept"
        shutil.move(path, keep)
        try:
            if special == "fifo":
                os.mkfifo(path)
            elif special == "loop":
                os.symlink(path.name, path)
            elif special == "folder":
                path.mkdir()
            elif special == "devzero":
                os.symlink("/dev/zero", path)
            else:
                with path.open("wb") as handle:
                    handle.truncate(2 * 1024**3)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.process_time()
            result = load_pack(base)
            assert time.process_time() - started < TIME_BOUND_S
            assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < MEMORY_BOUND_KIB
            assert not result.ok and all(isinstance(error.format(), str) for error in result.errors)
        finally:
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()
            shutil.move(keep, path)
