"""The line scanner maps tomllib's paths to lines, including nested and inline tables."""

from __future__ import annotations

import tomllib

from content_helpers import EXAMPLE_PACK

from zusammenleben.content.tomlmap import scan_toml

DOCUMENT = '''\
# comment [[not.a.table]]
[pack]
title = "x" # trailing
"quoted key" = 1
dotted.key = 2

[[chapter]]
id = "a"
text = """
fake = "not a key"
[[chapter]]
"""
literal = \'\'\'
[also.not]
\'\'\'
image = { path = "p.png", alt = "b" }
list = [
  "one",   # a comment
  { x = 1 },
  [2, 3],
]

[chapter.quote]
text = "q"

[[chapter.perspective]]
claim = "c1"

[[chapter.perspective]]
claim = "c2"

[[chapter]]
id = "b"
when = 1979-05-27 07:32:00

[[chapter.perspective]]
claim = "c3"
'''


def test_paths_map_to_lines():
    data = tomllib.loads(DOCUMENT)
    lines = scan_toml(DOCUMENT)
    assert data["chapter"][0]["perspective"][1]["claim"] == "c2"
    expected = {
        ("pack",): 2,
        ("pack", "title"): 3,
        ("pack", "quoted key"): 4,
        ("pack", "dotted", "key"): 5,
        ("chapter",): 7,
        ("chapter", 0): 7,
        ("chapter", 0, "id"): 8,
        ("chapter", 0, "text"): 9,
        ("chapter", 0, "literal"): 13,
        ("chapter", 0, "image"): 16,
        ("chapter", 0, "image", "alt"): 16,
        ("chapter", 0, "list", 0): 18,
        ("chapter", 0, "list", 1): 19,
        ("chapter", 0, "list", 1, "x"): 19,
        ("chapter", 0, "list", 2, 1): 20,
        ("chapter", 0, "quote"): 23,
        ("chapter", 0, "quote", "text"): 24,
        ("chapter", 0, "perspective", 0, "claim"): 27,
        ("chapter", 0, "perspective", 1): 29,
        ("chapter", 0, "perspective", 1, "claim"): 30,
        ("chapter", 1): 32,
        ("chapter", 1, "when"): 34,
        ("chapter", 1, "perspective", 0, "claim"): 37,
    }
    assert {path: lines.line(path) for path in expected} == expected


def test_missing_paths_fall_back_to_the_nearest_parent():
    lines = scan_toml(DOCUMENT)
    assert lines.line(("chapter", 1, "title")) == 32
    assert lines.line(("chapter", 0, "quote", "speaker")) == 23
    assert lines.line(("nothing",)) == 0


def test_crlf_line_endings():
    text = '[[a]]\r\nx = 1\r\n\r\n[[a]]\r\ny = "2"\r\n'
    assert tomllib.loads(text)["a"][1]["y"] == "2"
    assert scan_toml(text).line(("a", 1, "y")) == 5


def test_text_tomllib_rejects_does_not_raise():
    assert scan_toml('x = "unclosed\n[[a]]\n').line(("a",)) in (0, 2)


def _paths(node, path=()):
    if path:
        yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


def test_every_value_of_the_example_pack_has_its_own_line():
    """Not just a fallback: each path tomllib returns is recorded, and a key's line holds that key."""
    for file in [*sorted(EXAMPLE_PACK.glob("*.toml")), None]:
        text = DOCUMENT if file is None else file.read_text("utf-8")
        lines, source_lines = scan_toml(text), text.splitlines()
        for path in _paths(tomllib.loads(text)):
            assert path in lines, (file, path)
            if isinstance(path[-1], str):
                assert path[-1] in source_lines[lines.line(path) - 1], (file, path)
