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
