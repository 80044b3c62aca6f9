"""The Mechelen pack's reading levels: every chapter has a label and an easy text, in German and Dutch,
inside the limits, and every easy text scores at least 70 (Amstad for German, Douma for Dutch)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from zusammenleben.content import builtin_pack_path, load_pack
from zusammenleben.content.readability import (
    EASY_AVERAGE_LIMIT,
    EASY_SCORE_GOAL,
    EASY_SENTENCE_LIMIT,
    above_plain_level,
    check_level,
    pack_level_texts,
    score,
    sentences,
    words,
)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))


@pytest.fixture(scope="module")
def pack():
    return load_pack(builtin_pack_path()).pack


@pytest.fixture(scope="module")
def dutch():
    with (REPO / "translations/nl/LC_MESSAGES/content.po").open("rb") as handle:
        catalog = read_po(handle)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def test_every_chapter_has_both_layers(pack):
    for chapter in pack.chapters:
        assert chapter.short, chapter.id
        assert len(chapter.easy) >= 3, chapter.id


def test_no_level_warning_in_the_pack():
    assert [w.format() for text in pack_level_texts(builtin_pack_path()) for w in check_level(text)] == []


def test_labels_fit_in_both_languages(pack, dutch):
    for chapter in pack.chapters:
        assert len(words(chapter.short)) <= 60
        assert len(words(dutch[chapter.short])) <= 60, chapter.id


@pytest.mark.parametrize("language", ["de", "nl"])
def test_easy_texts_score_at_least_70(pack, dutch, language):
    pytest.importorskip("textstat")
    for chapter in pack.chapters:
        paragraphs = chapter.easy if language == "de" else [dutch[p] for p in chapter.easy]
        result = score("\n\n".join(paragraphs), language)
        assert result.score >= EASY_SCORE_GOAL, (chapter.id, language, result)
        assert result.average <= 15, (chapter.id, language, result)


def test_the_table_tool_checks_clean(capsys):
    pytest.importorskip("textstat")
    import level_table

    assert level_table.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "| city-2001 | easy |" in out and "Lowest easy score" in out
    table = "\n".join(line for line in out.splitlines() if line.startswith("|"))
    docs = (REPO / "docs/content-packs.md").read_text("utf-8")
    assert table in docs, (
        "docs/content-packs.md: paste the output of tools/level_table.py between the level-table marks")


def test_glossary_easy_variants_are_translated_and_simpler(pack, dutch):
    easy_terms = [term for term in pack.glossary if term.easy]
    assert len(easy_terms) >= 10
    for term in easy_terms:
        assert term.easy in dutch, term.id
        assert len(words(term.easy)) <= len(words(term.definition)) + 25, term.id


def _long_texts(pack):
    """(kind, id, text, easy) of every event text and glossary definition."""
    return ([("event", e.id, e.text, e.easy) for e in pack.events]
            + [("term", t.id, t.definition, t.easy) for t in pack.glossary])


def test_above_plain_level_follows_the_limits():
    assert above_plain_level(" ".join(["Wort"] * 21) + ".")
    assert above_plain_level((" ".join(["Wort"] * 16) + ". ") * 2)  # none over 20, but 16 on average
    assert not above_plain_level((" ".join(["Wort"] * 15) + ". ") * 2)
    assert not above_plain_level("Ein kurzer Satz. Noch einer.")


def test_every_event_and_term_above_the_level_has_an_easy_variant_in_both_languages(pack, dutch):
    above = [(kind, ident, text, easy) for kind, ident, text, easy in _long_texts(pack)
             if above_plain_level(text) or above_plain_level(dutch[text])]
    assert len(above) >= 30  # the pack has many; an empty list would make this test pass for nothing
    missing = [(kind, ident) for kind, ident, _text, easy in above if not easy]
    assert missing == [], "events/terms above the plain-language level without an easy variant"
    for kind, ident, _text, easy in above:
        assert easy in dutch, (kind, ident, "no Dutch translation of the easy variant")
        for language, variant in (("de", easy), ("nl", dutch[easy])):
            counts = [s.words for s in sentences(variant)]
            assert max(counts) <= EASY_SENTENCE_LIMIT, (kind, ident, language)
            assert sum(counts) / len(counts) <= EASY_AVERAGE_LIMIT, (kind, ident, language)
            assert not above_plain_level(variant), (kind, ident, language)
