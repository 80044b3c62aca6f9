"""Print the readability table of a pack: every chapter × three layers × German and Dutch.

Dev tool for pack editors (needs ``textstat``: ``pip install -e ".[content]"``). German comes from the
pack (its source language), Dutch from the content catalog ``translations/nl/LC_MESSAGES/content.po``,
paragraph by paragraph, exactly as the app shows it. Scores: Flesch reading ease after Amstad (German)
and Douma (Dutch), counted as ``zusammenleben.content.readability`` counts (see docs/content-packs.md).

    .venv/bin/python tools/level_table.py [PACK] [--po translations/nl/LC_MESSAGES/content.po] [--check]

Prints a Markdown table (pasted into docs/content-packs.md) and a summary line. ``--check`` exits 1 when an
``easy`` text scores under 70, breaks a sentence limit, a ``short`` has more than 60 words, or a level text
has no Dutch translation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from zusammenleben.content import load_pack
from zusammenleben.content.readability import (
    EASY_AVERAGE_LIMIT,
    EASY_SCORE_GOAL,
    EASY_SENTENCE_LIMIT,
    SHORT_WORD_LIMIT,
    score,
    scorer,
    sentences,
    words,
)

REPO = Path(__file__).resolve().parents[1]
LAYERS = (("short", "label"), ("standard", "full text"), ("easy", "easy"))


def chapter_texts(chapter, level: str) -> tuple[str, ...]:
    if level == "short":
        return (chapter.short,) if chapter.short else ()
    if level == "easy":
        return chapter.easy
    return chapter.body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", nargs="?", default=str(REPO / "resources/packs/mechelen"))
    parser.add_argument("--po", default=str(REPO / "translations/nl/LC_MESSAGES/content.po"))
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args(argv)
    result = load_pack(options.pack)
    if result.pack is None:
        for error in result.errors:
            print(error.format(), file=sys.stderr)
        return 1
    with open(options.po, "rb") as handle:
        catalog = read_po(handle)
    dutch = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    flesch = {"de": scorer("de"), "nl": scorer("nl")}
    if None in flesch.values():
        print("tools/level_table.py needs textstat (pip install textstat)", file=sys.stderr)
        return 2
    problems: list[str] = []
    worst = {("easy", "de"): 999.0, ("easy", "nl"): 999.0}
    longest_short = {"de": 0, "nl": 0}
    print("| chapter | layer | DE words | DE words/sentence | DE Amstad | NL words | NL words/sentence | NL Douma |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for chapter in result.pack.chapters:
        for level, name in LAYERS:
            german = chapter_texts(chapter, level)
            if not german:
                print(f"| {chapter.id} | {name} | — | — | — | — | — | — |")
                continue
            cells = []
            for language in ("de", "nl"):
                paragraphs = german if language == "de" else tuple(dutch.get(p, "") for p in german)
                if not all(paragraphs):
                    problems.append(f"{chapter.id} {level} {language}: not translated")
                    cells += ["—", "—", "—"]
                    continue
                text = "\n\n".join(paragraphs)
                found = score(text, language, flesch[language])
                cells += [str(found.words), f"{found.average:.1f}", f"{found.score:.0f}"]
                if level == "short":
                    count = len(words(text))
                    longest_short[language] = max(longest_short[language], count)
                    if count > SHORT_WORD_LIMIT:
                        problems.append(f"{chapter.id} short {language}: {count} words")
                if level == "easy":
                    worst[("easy", language)] = min(worst[("easy", language)], found.score)
                    if found.score < EASY_SCORE_GOAL:
                        problems.append(f"{chapter.id} easy {language}: score {found.score:.0f}")
                    if found.average > EASY_AVERAGE_LIMIT:
                        problems.append(f"{chapter.id} easy {language}: average {found.average:.1f}")
                    for paragraph in paragraphs:
                        for sentence in sentences(paragraph):
                            if sentence.words > EASY_SENTENCE_LIMIT:
                                problems.append(f"{chapter.id} easy {language}: {sentence.words} words: "
                                                f"{sentence.text[:70]}")
            print(f"| {chapter.id} | {name} | " + " | ".join(cells) + " |")
    print()
    print(f"Lowest easy score: German {worst[('easy', 'de')]:.0f} (Amstad), Dutch {worst[('easy', 'nl')]:.0f} "
          f"(Douma); longest label: German {longest_short['de']} words, Dutch {longest_short['nl']} words.")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if options.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
