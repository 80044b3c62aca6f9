"""What the content layer needs to know about a chapter's Markdown body.

The body is split into paragraphs (blank-line separated), each a translation unit with
its line. Links are found so they can be checked: the app is offline and the kiosk has no
way out, so only ``glossary:<id>`` and ``source:<id>`` targets are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    line: int
    text: str


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    is_image: bool = False


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks, lines kept (lists stay one unit), trailing blanks dropped."""
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            paragraphs.append(Paragraph(start, "\n".join(block)))
            block = []
    if block:
        paragraphs.append(Paragraph(start, "\n".join(block)))
    return paragraphs


# [text](target "title"), ![alt](target), <scheme:target>, [ref]: target, <a href=…>, bare web addresses
_INLINE = re.compile(r"(!?)\[(?:[^\[\]\\]|\\.)*\]\(\s*<?([^()\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)")
_HTML_LINK = re.compile(r"<a\s[^>]*href\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
_BARE_WEB = re.compile(r"(?<![\w(<])((?:https?|ftp)://\S+|www\.[A-Za-z0-9-]+\.\S+)")


def find_links(text: str) -> Iterator[Link]:
    """Every link target in the text, with its line (inline, image, autolink, reference, HTML, bare URL)."""
    for number, line in enumerate(text.splitlines(), start=1):
        covered: list[tuple[int, int]] = []
        for pattern in (_INLINE, _AUTOLINK, _HTML_LINK):
            for match in pattern.finditer(line):
                covered.append(match.span())
                if pattern is _INLINE:
                    yield Link(number, match.group(2), is_image=match.group(1) == "!")
                else:
                    yield Link(number, match.group(1))
        reference = _REFERENCE.match(line)
        if reference:
            covered.append(reference.span())
            yield Link(number, reference.group(1))
        for match in _BARE_WEB.finditer(line):
            if not any(start <= match.start() < end for start, end in covered):
                yield Link(number, match.group(1))


def split_target(target: str) -> tuple[str, str]:
    """``"glossary:integration"`` → ``("glossary", "integration")``; anything else → ``("", target)``."""
    scheme, colon, rest = target.partition(":")
    if colon and scheme in ("glossary", "source"):
        return scheme, rest
    return "", target
