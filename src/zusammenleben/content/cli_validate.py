"""``zusammenleben validate PATH``: print every problem of a pack, or one summary line.

After the summary come the reading-level warnings (a ``short`` over 60 words, an ``easy`` text
with a sentence over 20 words or an average over 15, an ``easy`` text scoring under 70) and the
readability score of every chapter text at every level. Warnings do not fail the check: the pack
loads and the exit status stays 0.
"""

from __future__ import annotations

import sys
from typing import TextIO

from zusammenleben.content import load_pack, summary
from zusammenleben.content.errors import ContentMessage, Translate, identity


def run_validate(path: str, translate: Translate = identity, out: TextIO | None = None) -> int:
    """0 and a summary line for a clean pack; 1 and one ``file:line: field: message`` line per problem."""
    out = sys.stdout if out is None else out
    result = load_pack(path)
    if result.pack is None:
        for error in result.errors:
            print(error.format(translate), file=out)
        return 1
    print(translate(ContentMessage.SUMMARY_OK) % {"id": result.pack.id, **summary(result.pack)}, file=out)
    print_levels(path, result.pack.source_language, translate, out)
    return 0


def print_levels(path: str, language: str, translate: Translate, out: TextIO) -> None:
    """Reading-level warnings, then one score line per text (only for packs that have a level layer)."""
    from zusammenleben.content import readability as r

    texts = r.pack_level_texts(path)
    if not any(text.field != r.BODY_FIELD for text in texts):
        return
    warnings = [w for text in texts for w in r.check_level(text)] + list(r.check_scores(texts, language))
    for warning in sorted(warnings, key=lambda w: (w.file, w.line)):
        where = f"{warning.file}:{warning.line}"
        print(f"{where}: {warning.field}: {translate(r.W.WARNING)}: {warning.message(translate)}", file=out)
    flesch = r.scorer(language)
    if flesch is None:
        print(translate(r.W.NO_TEXTSTAT), file=out)
        return
    print(translate(r.W.SCORES), file=out)
    for text in sorted(texts, key=lambda t: (t.file, t.line)):
        result = r.score(text.text, language, flesch)
        if result is None:
            continue
        line = translate(r.W.SCORE_LINE) % {
            "words": result.words, "sentences": result.sentences,
            "average": f"{result.average:.1f}", "score": f"{result.score:.0f}"}
        print(f"{text.file}:{text.line}: {text.field}: {line}", file=out)
