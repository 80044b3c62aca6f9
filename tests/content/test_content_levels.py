"""Reading levels in a pack: optional ``short`` and ``easy`` layers, and the validator's warnings.

The example pack has no level layers and must stay valid and quiet; a pack that adds them loads
them into the model, extracts them for translation, and gets warnings with file and line when a
label is too long or a plain-language text has a sentence that is too long.
"""

from __future__ import annotations

import io

import pytest
from content_helpers import EXAMPLE_PACK, line_of, replace

from zusammenleben.content import load_pack
from zusammenleben.content.cli_validate import run_validate
from zusammenleben.content.extract import iter_translatable
from zusammenleben.content.readability import (
    SHORT_WORD_LIMIT,
    W,
    check_level,
    pack_level_texts,
    score,
    sentences,
    words,
)

EASY_MD = (
    "Mechelen ist im Jahr 2001 eine Stadt mit Problemen.\n"
    "Viele Menschen fühlen sich nicht sicher.\n"
    "\n"
    "Am 1. Januar 2001 wird Bart Somers Bürgermeister.\n"
)
LONG_SENTENCE = " ".join(["Wort"] * 24) + " Ende."  # 25 words


def add_levels(pack, short: str = "Mechelen im Jahr 2001: schmutzig und unsicher, sagt Somers.",
               easy: str = EASY_MD) -> None:
    replace(pack, "chapters.toml", 'body = "chapters/01-city-2001.md"',
            f'body = "chapters/01-city-2001.md"\nshort = "{short}"\neasy = "chapters/01-city-2001.easy.md"')
    (pack / "chapters" / "01-city-2001.easy.md").write_text(easy, "utf-8")
    replace(pack, "pack.toml", '"chapter.body",', '"chapter.body", "chapter.short", "chapter.easy",')


def test_a_pack_without_levels_stays_valid_and_falls_back_to_the_body():
    pack = load_pack(EXAMPLE_PACK).pack
    chapter = pack.chapters[0]
    assert chapter.short == "" and chapter.easy == ()
    assert chapter.text_at("easy") == chapter.body == chapter.text_at("short")
    assert pack.events[0].text_at("easy") == pack.events[0].text


def test_levels_are_loaded_and_extracted(pack):
    add_levels(pack)
    loaded = load_pack(pack).pack
    chapter = loaded.chapters[0]
    assert chapter.short.startswith("Mechelen im Jahr 2001")
    assert chapter.easy[1] == "Am 1. Januar 2001 wird Bart Somers Bürgermeister."
    assert chapter.text_at("easy") == chapter.easy
    assert chapter.text_at("short") == (chapter.short,)
    fields = {(item.file, item.line, item.field) for item in iter_translatable(pack)}
    assert ("chapters.toml", line_of(pack, "chapters.toml", "short = "), "chapter.short") in fields
    assert ("chapters/01-city-2001.easy.md", 4, "chapter.easy") in fields


def test_event_and_glossary_easy_variants(pack):
    replace(pack, "events.toml", "[[event]]\n", '[[event]]\neasy = "Einfach gesagt."\n')
    replace(pack, "glossary.toml", "[[term]]\n", '[[term]]\neasy = "Ganz einfach erklärt."\n')
    loaded = load_pack(pack).pack
    assert loaded.events[0].text_at("easy") == "Einfach gesagt."
    assert loaded.glossary[0].definition_at("easy") == "Ganz einfach erklärt."
    assert loaded.glossary[0].definition_at("standard") == loaded.glossary[0].definition


def test_a_missing_easy_file_is_an_error_with_its_line(pack):
    add_levels(pack)
    (pack / "chapters" / "01-city-2001.easy.md").unlink()
    line = line_of(pack, "chapters.toml", "easy = ")
    result = load_pack(pack)
    assert [e.format() for e in result.errors] == [
        f"chapters.toml:{line}: chapter.easy: file 'chapters/01-city-2001.easy.md' does not exist in the pack"
    ]


def test_a_61_word_label_is_caught_with_file_and_line(pack):
    label = " ".join(f"Wort{i}" for i in range(SHORT_WORD_LIMIT + 1))
    add_levels(pack, short=label)
    line = line_of(pack, "chapters.toml", "short = ")
    warnings = [w for text in pack_level_texts(pack) for w in check_level(text)]
    assert [w.format() for w in warnings] == [
        f"chapters.toml:{line}: chapter.short: the label has 61 words; at most 60"
    ]
    assert load_pack(pack).ok  # a warning, not an error


def test_a_60_word_label_passes(pack):
    add_levels(pack, short=" ".join(["Wort"] * SHORT_WORD_LIMIT))
    assert [w for text in pack_level_texts(pack) for w in check_level(text)] == []


def test_a_25_word_sentence_in_an_easy_text_is_caught_on_its_line(pack):
    add_levels(pack, easy=EASY_MD + "\nKurz gesagt.\nDann kommt ein langer Satz.\n" + LONG_SENTENCE + "\n")
    warnings = [w for text in pack_level_texts(pack) for w in check_level(text)]
    assert [(w.file, w.line, w.message_id, w.params["words"]) for w in warnings] == [
        ("chapters/01-city-2001.easy.md", 8, W.SENTENCE_TOO_LONG, 25)
    ]


def test_a_long_average_is_caught(pack):
    sixteen = " ".join(["Wort"] * 15) + " Ende."
    add_levels(pack, easy=f"{sixteen}\n{sixteen}\n")
    warnings = [w for text in pack_level_texts(pack) for w in check_level(text)]
    assert [w.message_id for w in warnings] == [W.AVERAGE_TOO_LONG]


def test_validate_prints_warnings_and_scores_and_still_exits_0(pack):
    add_levels(pack, easy=EASY_MD + "\n" + LONG_SENTENCE + "\n")
    out = io.StringIO()
    assert run_validate(str(pack), out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("beispiel: no problems")
    assert "chapters/01-city-2001.easy.md:6: chapter.easy: warning: a sentence has 25 words" in lines[1]
    assert W.SCORES in lines
    assert any(line.startswith("chapters.toml:") and "chapter.short" in line and "score" in line for line in lines)
    assert any(line.startswith("chapters/01-city-2001.md:1: chapter.body:") for line in lines)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 1. Januar 2001 beginnt es. Dann endet es.", [6, 3]),
        ("Er sagt: „Das ist z. B. gut.“ Sie nicht!", [7, 2]),
        ("De sp.a protesteert. Zo gaat het.", [3, 3]),
        ("Rund 1.500 Autos. Mehr nicht?", [3, 2]),
        ("Mechelen steht auf Platz 9. In der Liste danach nicht.", [5, 5]),
        ("Am 6. Mai 2019 öffnet er. Op 9 januari 2015.", [6, 4]),
    ],
)
def test_sentence_rules(text, expected):
    assert [s.words for s in sentences(text)] == expected


def test_markdown_is_counted_as_the_reader_sees_it():
    found = words("Die [Mittelschicht](glossary:middle-class) zieht **weg**.")
    assert found == ["Die", "Mittelschicht", "zieht", "weg"]


def test_scores_use_amstad_for_german_and_douma_for_dutch():
    pytest.importorskip("textstat")
    german = score("Der Hund ist klein. Die Katze ist groß.", "de")
    dutch = score("De hond is klein. De kat is groot.", "nl")
    assert german.sentences == 2 and dutch.sentences == 2
    # Amstad: 180 - ASL - 58.5 * ASW; Douma: 206.835 - 0.93 * ASL - 77 * ASW (one syllable a word here
    # except "Katze"): the two formulas give different numbers for equally simple text
    assert german.score == pytest.approx(180 - 4 - 58.5 * 9 / 8, abs=0.2)
    assert dutch.score == pytest.approx(206.835 - 0.93 * 4 - 77 * 1.0, abs=0.2)
