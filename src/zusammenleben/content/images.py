"""Is a file a real image? Checked by content, not by name, without an imaging library.

The app hands image files to Qt; a renamed text file or a hostile SVG should be caught
by ``validate`` first. PNG and JPEG are recognised by their signature; an SVG must parse
as XML with an ``<svg>`` root and may not declare entities (no "billion laughs").
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from zusammenleben.bounded_read import ReadRefusedError, read_bounded
from zusammenleben.content.errors import ContentMessage

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"


def image_problem(path: Path, max_bytes: int = 20 * 1024 * 1024) -> str | None:
    """None for a PNG, JPEG or SVG file; else the msgid of what is wrong."""
    try:
        data = read_bounded(path, max_bytes)
    except ReadRefusedError:
        return ContentMessage.NOT_AN_IMAGE
    if data.startswith(PNG_SIGNATURE) or data.startswith(JPEG_SIGNATURE):
        return None
    try:
        data.decode("utf-8")  # also rules out UTF-16, which would hide the entity check below
    except UnicodeDecodeError:
        return ContentMessage.NOT_AN_IMAGE
    if b"<!ENTITY" in data.upper():
        return ContentMessage.SVG_ENTITIES
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError, RecursionError):
        return ContentMessage.NOT_AN_IMAGE
    return None if root.tag in ("svg", "{http://www.w3.org/2000/svg}svg") else ContentMessage.NOT_AN_IMAGE
