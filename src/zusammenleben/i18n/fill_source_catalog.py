"""Fill the source-language content catalog: ``de/content.po`` gets msgstr = msgid everywhere.

Why a German "translation" of German text: the content msgids *are* the German source
sentences, so gettext would show them anyway. Filling the catalog keeps German an ordinary
language with no special case: the completeness test and a PO editor's statistics read
100 % for it, ``msgfmt --check`` sees a real catalog, and a German .mo exists like any other.
When an author edits a German sentence, ``make i18n-update`` turns the Dutch entry fuzzy (a
reviewer must look at it) and this script refreshes the German one, which cannot be wrong.

    python -m zusammenleben.i18n.fill_source_catalog [--root CHECKOUT]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zusammenleben.i18n.catalogs import CONTENT_DOMAIN, SOURCE_LANGUAGE, read_catalog
from zusammenleben.i18n.manage import fill_source, mark_not_python_format, render, repo_root, write_if_changed


def fill(root: Path) -> int:
    """Fill ``<root>/translations/de/LC_MESSAGES/content.po``; returns how many entries changed."""
    path = root / "translations" / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{CONTENT_DOMAIN}.po"
    catalog = read_catalog(path, SOURCE_LANGUAGE)
    mark_not_python_format(catalog)
    changed = fill_source(catalog)
    write_if_changed(path, render(catalog))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=None)
    options = parser.parse_args(argv)
    changed = fill((options.root or repo_root()).resolve())
    print(f"{SOURCE_LANGUAGE}/{CONTENT_DOMAIN}.po: {changed} entries set to their source text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
