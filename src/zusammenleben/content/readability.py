"""Reading levels: the limits a museum label and a plain-language text must keep, and their scores.

A chapter can have three layers: the full ``body``, the museum label ``short`` (at most 60
words, one idea) and ``easy``, the whole chapter in plain language (Einfache Sprache /
eenvoudige taal, CEFR B1: no sentence over 20 words, at most 15 on average). Events and
glossary terms may have an ``easy`` variant too. Breaking a limit is a *warning*, not an
error: the pack still loads, because a long label is a matter of editing, not of a broken file.

Word and sentence counts are plain rules (documented in ``docs/content-packs.md``), so a
warning is reproducible without any library. The readability *score* is Flesch reading ease
as adapted by Amstad (German) and Douma (Dutch), computed by ``textstat``
(``flesch_reading_ease`` after ``set_lang``; syllables from ``pyphen``'s hyphenation
dictionaries). textstat is imported only here and only when a score is asked for: the app
itself never scores, so the desktop bundle does not carry it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from zusammenleben.content.errors import N_, ContentError
from zusammenleben.content.extract import Translatable, iter_translatable
from zusammenleben.content.schema import BODY_FIELD, EASY_FIELD

SHORT_WORD_LIMIT = 60
EASY_SENTENCE_LIMIT = 20
EASY_AVERAGE_LIMIT = 15
EASY_SCORE_GOAL = 70
#: Flesch scores of very short texts swing with one long word (a glossary definition of 40 words whose
#: subject is "Willkommenskultur"); the goal is checked from this length on, the limits always.
SCORE_MIN_WORDS = 100

SHORT_FIELD = "chapter.short"
EASY_TEXT_FIELDS = ("event.easy", "glossary.easy")
LEVEL_FIELDS = frozenset({BODY_FIELD, SHORT_FIELD, EASY_FIELD, *EASY_TEXT_FIELDS})

#: the formula behind each language's score, for the report
FORMULAS = {"de": "Flesch-Amstad", "nl": "Flesch-Douma"}


class W:
    """Warning and report msgids (translated through the UI catalog when printed)."""

    SHORT_TOO_LONG = N_("the label has %(words)s words; at most %(limit)s")
    SENTENCE_TOO_LONG = N_(
        "a sentence has %(words)s words (at most %(limit)s in plain language): %(start)s …"
    )
    AVERAGE_TOO_LONG = N_("sentences have %(average)s words on average (at most %(limit)s in plain language)")
    SCORE_LOW = N_("readability %(score)s (%(formula)s) is below the goal of %(goal)s for plain language")
    WARNING = N_("warning")
    SCORES = N_("Readability (Flesch reading ease: Amstad for German, Douma for Dutch; higher is easier):")
    SCORE_LINE = N_("%(words)s words, %(sentences)s sentences, %(average)s words per sentence, score %(score)s")
    NO_TEXTSTAT = N_("readability scores need the Python package textstat (pip install textstat)")


# -- counting ------------------------------------------------------------------------------------

_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\([^()]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_WORD = re.compile(r"[^\W_](?:[\w'’.,+/-]*[^\W_])?")
# words after which a full stop does not end a sentence (German and Dutch)
_ABBREVIATIONS = frozenset((
    "z", "b", "bzw", "ca", "d", "h", "u", "a", "usw", "vgl", "nr", "dr", "st", "etc", "evtl", "ggf", "inkl",
    "mio", "mrd", "jh", "jhd", "jr", "sog", "bv", "o.a", "enz", "mr", "mevr", "ir", "prof", "blz", "m.a.w",
))
# after a number, a full stop is an ordinal (not a sentence end) only before these words: "1. Januar"
_ORDINAL_NOUNS = frozenset((
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "jahrhundert", "jahrestag", "geburtstag", "mal", "platz", "stock", "klasse",
    "weltkrieg", "januari", "februari", "maart", "mei", "augustus", "eeuw",
))
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”„«»‹›)\]]*(?=\s+|$)")


def plain_text(markdown: str) -> str:
    """The words a reader sees: link text without targets, no emphasis marks or list bullets."""
    text = _LINK.sub(r"\1", markdown)
    text = _EMPHASIS.sub(r"\2", text)
    return _LIST_MARK.sub("", text)


def words(text: str) -> list[str]:
    """Words: runs of letters and digits (``1.500``, ``DE+NL``, ``sp.a`` are one word each)."""
    return _WORD.findall(plain_text(text))


@dataclass(frozen=True)
class Sentence:
    text: str
    line_offset: int  # lines after the start of the text
    words: int


def sentences(text: str) -> list[Sentence]:
    """Split at ``.``, ``!``, ``?`` followed by a space, except in an ordinal before a month or a
    word such as ``Jahrhundert`` (``1. Januar``), after a single letter or a common abbreviation
    (``z. B.``, ``bzw.``, ``ca.``)."""
    plain = plain_text(text)
    result: list[Sentence] = []
    start = 0

    def close(end: int) -> None:
        nonlocal start
        piece = plain[start:end]
        count = len(_WORD.findall(piece))
        if count:
            offset = plain.count("\n", 0, start + (len(piece) - len(piece.lstrip())))
            result.append(Sentence(piece.strip(), offset, count))
        start = end

    for match in _SENTENCE_END.finditer(plain):
        before = plain[start:match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        after = plain[match.end():].split(maxsplit=1)
        following = after[0].lower().strip("„“\"'(") if after else ""
        if match.group() == "." and (
            (last.isdigit() and following in _ORDINAL_NOUNS)
            or last in _ABBREVIATIONS
            or (len(last) == 1 and last.isalpha())
        ):
            continue
        close(match.end())
    close(len(plain))
    return result


# -- checks -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LevelText:
    """One text of a reading level: a label, a chapter's easy text (all paragraphs), an easy variant."""

    file: str
    line: int
    field: str
    paragraphs: tuple[tuple[int, str], ...]  # (line, text)

    @property
    def text(self) -> str:
        return "\n\n".join(text for _line, text in self.paragraphs)

    @property
    def is_easy(self) -> bool:
        return self.field in (EASY_FIELD, *EASY_TEXT_FIELDS)


def level_texts(items: Iterable[Translatable]) -> list[LevelText]:
    """Group the paragraphs of one Markdown file into one text; every other field is one text."""
    grouped: dict[tuple[str, str], list[Translatable]] = {}
    texts: list[LevelText] = []
    for item in items:
        if item.field not in LEVEL_FIELDS:
            continue
        if item.field in (BODY_FIELD, EASY_FIELD):
            grouped.setdefault((item.file, item.field), []).append(item)
        else:
            texts.append(LevelText(item.file, item.line, item.field, ((item.line, item.text),)))
    for (file, field), parts in grouped.items():
        texts.append(LevelText(file, parts[0].line, field, tuple((p.line, p.text) for p in parts)))
    return texts


def pack_level_texts(pack_root: str | os.PathLike[str]) -> list[LevelText]:
    return level_texts(iter_translatable(Path(pack_root), LEVEL_FIELDS))


def check_level(text: LevelText) -> list[ContentError]:
    """The limits of ``short`` and ``easy``, as warnings with file and line."""
    problems: list[ContentError] = []
    if text.field == SHORT_FIELD:
        count = len(words(text.text))
        if count > SHORT_WORD_LIMIT:
            problems.append(ContentError(text.file, text.line, text.field, W.SHORT_TOO_LONG,
                                         {"words": count, "limit": SHORT_WORD_LIMIT}))
    elif text.is_easy:
        counts: list[int] = []
        for line, paragraph in text.paragraphs:
            for sentence in sentences(paragraph):
                counts.append(sentence.words)
                if sentence.words > EASY_SENTENCE_LIMIT:
                    start = " ".join(sentence.text.split()[:6])
                    problems.append(ContentError(
                        text.file, line + sentence.line_offset, text.field, W.SENTENCE_TOO_LONG,
                        {"words": sentence.words, "limit": EASY_SENTENCE_LIMIT, "start": start}))
        average = sum(counts) / len(counts) if counts else 0.0
        if average > EASY_AVERAGE_LIMIT:
            problems.append(ContentError(text.file, text.line, text.field, W.AVERAGE_TOO_LONG,
                                         {"average": f"{average:.1f}", "limit": EASY_AVERAGE_LIMIT}))
    return problems


def above_plain_level(text: str) -> bool:
    """True when a text breaks the plain-language limits (a sentence over 20 words, or over 15 on
    average): where an event's ``text`` or a term's ``definition`` does, the pack gives an ``easy`` variant."""
    counts = [s.words for s in sentences(text)]
    return bool(counts) and (max(counts) > EASY_SENTENCE_LIMIT or sum(counts) / len(counts) > EASY_AVERAGE_LIMIT)


# -- scores -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    score: float

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def scorer(language: str) -> Callable[[str], float] | None:
    """textstat's Flesch reading ease for ``de`` (Amstad) or ``nl`` (Douma); None without textstat."""
    try:
        import textstat
    except ImportError:
        return None
    root = language.split("_")[0]
    engine = textstat.textstat.__class__()  # a private instance: set_lang is global state on the module's one
    engine.set_lang(root)
    return engine.flesch_reading_ease


def score(text: str, language: str, flesch: Callable[[str], float] | None = None) -> Score | None:
    """Words and sentences by this module's rules; the Flesch score by textstat, sentence by sentence.

    The text is handed to textstat one sentence per line ending in a full stop, so textstat's own
    sentence splitter counts the same sentences as the limits do (``1. Januar`` is no sentence end).
    """
    flesch = flesch or scorer(language)
    if flesch is None:
        return None
    found = [s for paragraph in text.split("\n\n") for s in sentences(paragraph)]
    if not found:
        return None
    normalised = "\n".join(_as_one_sentence(s.text) for s in found)
    return Score(sum(s.words for s in found), len(found), round(flesch(normalised), 1))


def _as_one_sentence(sentence: str) -> str:
    """Words only, one full stop at the end: numbers with points and abbreviations stop splitting."""
    return " ".join(word.replace(".", "") for word in _WORD.findall(sentence)) + "."


def check_scores(texts: Iterable[LevelText], language: str) -> Iterator[ContentError]:
    """A warning for every easy text below the goal (nothing without textstat)."""
    flesch = scorer(language)
    if flesch is None:
        return
    for text in texts:
        if text.is_easy:
            result = score(text.text, language, flesch)
            if result is not None and result.words >= SCORE_MIN_WORDS and result.score < EASY_SCORE_GOAL:
                yield ContentError(text.file, text.line, text.field, W.SCORE_LOW, {
                    "score": f"{result.score:.0f}", "formula": FORMULAS.get(language[:2], "Flesch"),
                    "goal": EASY_SCORE_GOAL})
