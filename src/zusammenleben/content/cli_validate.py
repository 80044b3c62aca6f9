"""``zusammenleben validate PATH``: print every problem of a pack, or one summary line."""

from __future__ import annotations

import sys
from typing import TextIO

from zusammenleben.content import load_pack, summary
from zusammenleben.content.errors import M, Translate, identity


def run_validate(path: str, translate: Translate = identity, out: TextIO | None = None) -> int:
    """0 and a summary line for a clean pack; 1 and one ``file:line: field: message`` line per problem."""
    out = sys.stdout if out is None else out
    result = load_pack(path)
    if result.pack is None:
        for error in result.errors:
            print(error.format(translate), file=out)
        return 1
    print(translate(M.SUMMARY_OK) % {"id": result.pack.id, **summary(result.pack)}, file=out)
    return 0
