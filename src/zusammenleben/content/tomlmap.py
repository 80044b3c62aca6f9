"""Line numbers for TOML values, which ``tomllib`` does not report.

``scan_toml`` walks a document that ``tomllib`` has already accepted and records the line
of every table header, key and array element under the same path ``tomllib``'s result
uses: ``("chapter", 2, "quote", "text")`` is the ``text`` key of the third chapter's
``[chapter.quote]``. An error about a field can then point at its line, and an error
about a missing field at the line of its table.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_VALUE_END = frozenset(",]}#\n\r \t")
_MAX_DEPTH = 200
_NEWLINE = re.compile("\n")
_STRING_BODY = {  # the content of each kind of string, up to (not including) its closing quote(s)
    '"""': re.compile(r'(?:[^"\\]|\\[\s\S]|"(?!""))*'),
    "'''": re.compile(r"(?:[^']|'(?!''))*"),
    '"': re.compile(r'(?:[^"\\\n]|\\[^\n])*'),
    "'": re.compile(r"[^'\n]*"),
}


class LineMap:
    """Path → 1-based line; lookups fall back to the nearest recorded parent (0 if none)."""

    def __init__(self, lines: dict[Path, int] | None = None) -> None:
        self._lines: dict[Path, int] = lines or {}

    def record(self, path: Path, line: int) -> None:
        self._lines.setdefault(path, line)

    def line(self, path: Sequence[str | int]) -> int:
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return 0

    def __contains__(self, path: object) -> bool:
        return path in self._lines


class _Unexpected(Exception):  # noqa: N818 (a signal inside the parser, not an error to report)
    """The text is not the TOML we expected (only if called on text tomllib rejected)."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self.map = LineMap()
        self.tree: dict = {}

    # -- low level -------------------------------------------------------------------------------
    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self.newlines, pos) + 1

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def startswith(self, token: str) -> bool:
        return self.text.startswith(token, self.pos)

    def skip_blanks(self) -> None:
        while self.peek() in (" ", "\t"):
            self.pos += 1

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.text.find("\n", self.pos)
            self.pos = len(self.text) if end < 0 else end

    def skip_space_and_newlines(self) -> None:
        """Blanks, newlines and comments (inside arrays and between statements)."""
        while True:
            self.skip_blanks()
            self.skip_comment()
            if self.peek() in ("\n", "\r"):
                self.pos += 1
                continue
            return

    # -- keys and strings ---------------------------------------------------------------------
    def key(self) -> list[str]:
        parts = [self.simple_key()]
        while True:
            self.skip_blanks()
            if self.peek() != ".":
                return parts
            self.pos += 1
            self.skip_blanks()
            parts.append(self.simple_key())

    def simple_key(self) -> str:
        char = self.peek()
        if char in ('"', "'"):
            return self.string()
        start = self.pos
        while self.peek() and self.peek() in _BARE_KEY:
            self.pos += 1
        if self.pos == start:
            raise _Unexpected
        return self.text[start : self.pos]

    def string(self) -> str:
        """Skip a string of any of the four kinds; return its raw content (keys need it unescaped
        only for plain names, which have no escapes)."""
        quote = self.peek()
        triple = quote * 3
        if self.startswith(triple):
            self.pos += 3
            start = self.pos
            # one regex jump to the closing quotes (char by char, the pack's long texts took ~40 ms)
            end = _STRING_BODY[triple].match(self.text, start).end()
            if not self.text.startswith(triple, end):
                raise _Unexpected
            self.pos = end + 3
            while self.peek() == quote and self.pos - end < 5:  # up to two quotes end the content
                self.pos += 1
            return self.text[start:end]
        self.pos += 1
        start = self.pos
        self.pos = _STRING_BODY[quote].match(self.text, start).end()
        while True:
            char = self.peek()
            if char in ("", "\n"):
                raise _Unexpected
            if quote == '"' and char == "\\":
                self.pos += 2
                continue
            if char == quote:
                content = self.text[start : self.pos]
                self.pos += 1
                return content
            self.pos += 1

    # -- values ------------------------------------------------------------------------------
    def value(self, path: Path, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _Unexpected
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char == "[":
            self.array(path, depth)
        elif char == "{":
            self.inline_table(path, depth)
        else:
            start = self.pos
            while self.peek() and self.peek() not in _VALUE_END:
                self.pos += 1
            # a date-time may contain one space between date and time: "1979-05-27 07:32:00"
            if self.peek() == " " and self.peek(1).isdigit() and self.pos - start == 10:
                self.pos += 1
                while self.peek() and self.peek() not in _VALUE_END:
                    self.pos += 1
            if self.pos == start:
                raise _Unexpected

    def array(self, path: Path, depth: int) -> None:
        self.pos += 1
        index = 0
        while True:
            self.skip_space_and_newlines()
            if self.peek() == "]":
                self.pos += 1
                return
            if not self.peek():
                raise _Unexpected
            element = (*path, index)
            self.map.record(element, self.line_at(self.pos))
            self.value(element, depth + 1)
            index += 1
            self.skip_space_and_newlines()
            if self.peek() == ",":
                self.pos += 1

    def inline_table(self, path: Path, depth: int) -> None:
        self.pos += 1
        while True:
            self.skip_blanks()
            if self.peek() == "}":
                self.pos += 1
                return
            if not self.peek():
                raise _Unexpected
            self.key_value(path, depth + 1)
            self.skip_blanks()
            if self.peek() == ",":
                self.pos += 1

    def key_value(self, table: Path, depth: int) -> None:
        line = self.line_at(self.pos)
        keys = self.key()
        for length in range(1, len(keys) + 1):
            self.map.record((*table, *keys[:length]), line)
        self.skip_blanks()
        if self.peek() != "=":
            raise _Unexpected
        self.pos += 1
        self.skip_blanks()
        self.value((*table, *keys), depth)

    # -- tables ------------------------------------------------------------------------------
    def header(self) -> Path:
        is_array = self.startswith("[[")
        line = self.line_at(self.pos)
        self.pos += 2 if is_array else 1
        self.skip_blanks()
        keys = self.key()
        self.skip_blanks()
        closing = "]]" if is_array else "]"
        if not self.startswith(closing):
            raise _Unexpected
        self.pos += len(closing)
        path = self.resolve(keys, is_array)
        for length in range(1, len(path) + 1):  # ("chapter",) points at the first [[chapter]]
            self.map.record(path[:length], line)
        return path

    def resolve(self, keys: list[str], is_array: bool) -> Path:
        """The path a header names: parents that are arrays of tables resolve to their last element."""
        node = self.tree
        path: list[str | int] = []
        for key in keys[:-1]:
            child = node.setdefault(key, {})
            if isinstance(child, list):
                path += [key, len(child) - 1]
                node = child[-1]
            else:
                path.append(key)
                node = child
        last = keys[-1]
        if is_array:
            tables = node.setdefault(last, [])
            if not isinstance(tables, list):
                raise _Unexpected
            tables.append({})
            return (*path, last, len(tables) - 1)
        child = node.setdefault(last, {})
        if isinstance(child, list):
            raise _Unexpected
        return (*path, last)

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_space_and_newlines()
            if not self.peek():
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table, 0)


def scan_toml(text: str) -> LineMap:
    """Map the paths of ``text`` (already accepted by tomllib) to lines; best effort otherwise."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Unexpected):  # keep what was mapped; unmapped paths fall back to parents
        scanner.document()
    return scanner.map
