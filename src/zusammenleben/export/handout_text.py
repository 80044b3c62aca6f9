"""What a handout says and is called, decided without Qt (the PDF layout lives in ``handout.py``).

A printed page cannot follow a link, so the in-app links of a chapter body
(``[Vlaams Belang](glossary:vlaams-belang)``) are reduced to their words. The request
(which chapters, which languages, which variant) is a plain value the dialog builds and
the tests pass directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

# [words](glossary:id) / [words](source:id) -> words; the target never contains a parenthesis or a space
_IN_APP_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\((?:glossary|source):[^()\s]*\)")
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


class Variant(Enum):
    """Who the paper is for: pupils (no teacher notes) or the teacher (with them)."""

    WORKSHEET = "worksheet"
    HANDOUT = "handout"

    @property
    def with_teacher_notes(self) -> bool:
        return self is Variant.HANDOUT


@dataclass(frozen=True)
class HandoutRequest:
    """Which chapters (pack ids, in tour order), in which languages (one, or two side by side), which variant."""

    chapter_ids: tuple[str, ...]
    languages: tuple[str, ...] = ("de",)
    variant: Variant = Variant.WORKSHEET
    #: "standard" (the full text) or "easy" (the plain-language text, where a chapter has one)
    level: str = "standard"

    def __post_init__(self) -> None:
        if not self.chapter_ids:
            raise ValueError("a handout needs at least one chapter")
        if not 1 <= len(self.languages) <= 2 or len(set(self.languages)) != len(self.languages):
            raise ValueError(f"one language or two different ones, not {self.languages!r}")
        if self.level not in ("standard", "easy"):
            raise ValueError(f"the level is 'standard' or 'easy', not {self.level!r}")

    @property
    def side_by_side(self) -> bool:
        return len(self.languages) == 2


def plain_links(markdown: str) -> str:
    """Markdown with every ``glossary:``/``source:`` link replaced by its words (paper has no links)."""
    return _IN_APP_LINK.sub(lambda match: match.group(1), markdown)


def slug(text: str) -> str:
    """``Vielfalt im Alltag`` -> ``Vielfalt-im-Alltag`` (ASCII, safe on every file system)."""
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss")).encode("ascii", "ignore").decode("ascii")
    return _SLUG_UNSAFE.sub("-", folded).strip("-")


def suggested_filename(pack_title: str, chapter_label: str, variant_label: str, languages: tuple[str, ...]) -> str:
    """``Zusammenleben-Kapitel-3-Arbeitsblatt-de.pdf``: readable, sortable, no spaces."""
    parts = [slug(pack_title), slug(chapter_label), slug(variant_label), "-".join(languages)]
    return "-".join(part for part in parts if part) + ".pdf"
