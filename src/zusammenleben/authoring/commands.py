"""The command-line ends of the author's loop: ``new-pack``, ``translate``, ``pack``.

Each runner prints what it did (or every problem, one per line) in the user's language and
returns the exit code; nothing here raises to the user. The work is done by the content
layer (``content.newpack``, ``content.zlpack``) and the pack catalogs (``i18n.pack_catalog``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from zusammenleben.content.errors import Translate, identity


def _out(out: TextIO | None) -> TextIO:
    return sys.stdout if out is None else out


def run_new_pack(folder: str, title: str, languages: str, start_year: int, translate: Translate = identity,
                 out: TextIO | None = None) -> int:
    """0 and one line naming the new pack, or 1 and the reason (nothing is written then)."""
    from zusammenleben.content.newpack import NP, NewPackError, create_pack, parse_languages

    out = _out(out)
    try:
        created = create_pack(folder, title, parse_languages(languages), start_year)
    except NewPackError as error:
        print(translate(error.message_id) % error.params, file=out)
        return 1
    except OSError as error:
        from zusammenleben.content.errors import ContentMessage

        print(translate(ContentMessage.FILE_UNREADABLE) % {"reason": error.strerror or type(error).__name__}, file=out)
        return 1
    print(translate(NP.CREATED) % {"id": created.pack_id, "path": str(created.folder),
                                   "count": len(created.files)}, file=out)
    return 0


def run_translate(folder: str, lang: str, translate: Translate = identity, out: TextIO | None = None) -> int:
    """Write/update the pack's ``translations/<lang>.po`` and print translated / fuzzy / missing."""
    from zusammenleben.content.errors import ContentMessage
    from zusammenleben.i18n.pack_catalog import PC, update_catalog

    out = _out(out)
    if not (Path(folder) / "pack.toml").is_file():
        print(f"{folder}/pack.toml: {translate(ContentMessage.FILE_MISSING)}", file=out)
        return 1
    try:
        result = update_catalog(folder, lang)
    except ValueError:
        print(translate(PC.BAD_LANGUAGE) % {"value": lang}, file=out)
        return 1
    except Exception as error:  # a broken .po: say which file, never a traceback
        print(f"{folder}/translations/{lang}.po: " + translate(PC.UNREADABLE) % {"detail": error}, file=out)
        return 1
    stats = result.stats
    print(translate(PC.COUNTS) % {"path": str(result.path), "translated": stats.translated,
                                  "fuzzy": stats.fuzzy, "missing": stats.untranslated}, file=out)
    return 0


def run_pack(folder: str, out_dir: str | None = None, translate: Translate = identity,
             out: TextIO | None = None) -> int:
    """Validate and write ``<id>-<version>.zlpack``; or print every problem and exit 1."""
    from zusammenleben.content.errors import ErrorList
    from zusammenleben.content.zlpack import ZM, pack_files, write_zlpack

    out = _out(out)
    target, errors = write_zlpack(folder, out_dir)
    if target is None:
        for error in errors:
            print(error.format(translate), file=out)
        return 1
    count = len(pack_files(Path(folder), ErrorList()))
    print(translate(ZM.WRITTEN) % {"path": str(target), "count": count}, file=out)
    return 0
