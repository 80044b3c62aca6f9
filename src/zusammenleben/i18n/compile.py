"""``python -m zusammenleben.i18n.compile [SRC_DIR] [--out DIR]``: .po → .mo, failing on catalog errors.

The short form ``make catalogs`` / ``make install`` use; the same as ``manage compile``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zusammenleben.i18n.catalogs import CatalogError, compile_catalogs
from zusammenleben.paths import translations_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("src_dir", nargs="?", type=Path, default=None,
                        help="default: the app's translations folder")
    parser.add_argument("--out", type=Path, default=None,
                        help="write the .mo files here (default: next to the .po)")
    options = parser.parse_args(argv)
    try:
        written = compile_catalogs(options.src_dir or translations_dir(), options.out)
    except CatalogError as error:
        print("catalog errors; nothing compiled:", *error.problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"compiled {len(written)} catalogs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
