"""A pack's own translations: ``translations/<lang>.po`` inside the pack, made and read without ``make``.

Why packs carry catalogs: a town's pack is not part of the project, so its Dutch sentences cannot
live in the project's ``translations/content.po``. ``zusammenleben translate FOLDER --lang nl``
extracts the pack's translatable fields exactly as ``make i18n-extract`` does for the Mechelen pack
(Babel with ``zusammenleben.content.extract.extract_pack``, one file at a time) and merges them into
the pack's ``.po`` (new entries empty, changed ones fuzzy). The app compiles these ``.po`` files in
memory with Babel when it loads the pack, so no ``.mo`` is ever written into an author's folder or
needed in a ``.zlpack``. A pack without a ``translations`` folder uses the project's catalogs.
"""

from __future__ import annotations

import gettext
import io
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo

from zusammenleben.content.errors import N_, ContentError
from zusammenleben.i18n.catalogs import Statistics, read_catalog, statistics
from zusammenleben.safe_save import write_atomically

PACK_TRANSLATIONS = "translations"
EXTRACTOR = "zusammenleben.content.extract:extract_pack"
#: the same mapping as babel-content.cfg: each file yields its own strings, so references are exact
METHOD_MAP = [("**.toml", EXTRACTOR), ("**.md", EXTRACTOR), ("**.csv", EXTRACTOR)]
OPTIONS_MAP = {pattern: {"scope": "file"} for pattern, _method in METHOD_MAP}


class PC:
    """Messages about a pack's catalogs (msgids only)."""

    UNREADABLE = N_("cannot be read: %(detail)s")
    CATALOG_PROBLEM = N_("the translation has an error: %(detail)s")
    COUNTS = N_("%(path)s: %(translated)d translated, %(fuzzy)d fuzzy (check them), %(missing)d missing")
    BAD_LANGUAGE = N_("'%(value)s' is not a language code such as 'de' or 'nl'")


@dataclass(frozen=True)
class TranslateResult:
    path: Path
    stats: Statistics
    changed: bool


def catalog_path(pack_root: str | os.PathLike[str], lang: str) -> Path:
    return Path(pack_root) / PACK_TRANSLATIONS / f"{lang}.po"


def source_language(pack_root: str | os.PathLike[str]) -> str:
    """The pack's ``source_language`` (``de`` if ``pack.toml`` cannot tell)."""
    try:
        data = tomllib.loads((Path(pack_root) / "pack.toml").read_text(encoding="utf-8-sig"))
        value = data["pack"]["source_language"]
        return value if isinstance(value, str) and value else "de"
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return "de"


def extract_template(pack_root: str | os.PathLike[str]) -> Catalog:
    """The pack's translatable texts as a template; ``#:`` names the pack file and line."""
    from zusammenleben.i18n.manage import mark_not_python_format

    root = Path(pack_root)
    catalog = Catalog(project=_title(root), version="1", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        root, METHOD_MAP, OPTIONS_MAP, keywords={}, comment_tags=(),
        directory_filter=lambda path: not Path(path).name.startswith(".") and Path(path).name != PACK_TRANSLATIONS,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    mark_not_python_format(catalog)
    return catalog


def _title(root: Path) -> str:
    try:
        data = tomllib.loads((root / "pack.toml").read_text(encoding="utf-8-sig"))
        return str(data["pack"]["title"])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return root.name


def update_catalog(pack_root: str | os.PathLike[str], lang: str) -> TranslateResult:
    """Write or update ``translations/<lang>.po``; the source language is filled with its own text.

    Raises ``ValueError`` for a language code Babel does not know. The file is replaced atomically.
    """
    from zusammenleben.i18n.manage import fill_source, mark_not_python_format, render

    locale = Locale.parse(lang)
    root = Path(pack_root)
    path = catalog_path(root, lang)
    template = extract_template(root)
    if path.exists():
        catalog = read_catalog(path, lang)
    else:
        catalog = Catalog(locale=locale, project=template.project, version="1", charset="utf-8", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=False, update_creation_date=False)
    mark_not_python_format(catalog)
    if lang == source_language(root):
        fill_source(catalog)
    data = render(catalog)
    changed = not path.exists() or path.read_bytes() != data
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, lambda temporary: temporary.write_bytes(data))
    return TranslateResult(path, statistics(catalog), changed)


def load_pack_catalogs(pack_root: str | os.PathLike[str]
                       ) -> tuple[dict[str, gettext.NullTranslations] | None, list[ContentError]]:
    """Every ``translations/<lang>.po`` of the pack compiled in memory, or None when the pack has none.

    A catalog with errors (a broken file, a wrong placeholder) is left out and reported; fuzzy entries
    are not used, as with ``msgfmt``.
    """
    folder = Path(pack_root) / PACK_TRANSLATIONS
    if not folder.is_dir():
        return None, []
    catalogs: dict[str, gettext.NullTranslations] = {}
    problems: list[ContentError] = []
    for path in sorted(folder.glob("*.po")):
        try:
            info = path.stat()
        except OSError:
            continue
        translations, found = _compile(str(path), info.st_mtime_ns, info.st_size)
        problems += found
        if translations is not None:
            catalogs[path.stem] = translations
    return catalogs, problems


@lru_cache(maxsize=32)
def _compile(path_text: str, _mtime_ns: int, _size: int
             ) -> tuple[gettext.NullTranslations | None, tuple[ContentError, ...]]:
    """One ``.po`` compiled in memory; cached per file version (a live reload recompiles only what was saved)."""
    path = Path(path_text)
    lang = path.stem
    rel = f"{PACK_TRANSLATIONS}/{path.name}"
    try:
        catalog = read_catalog(path, lang)
    except Exception as error:  # Babel raises PoFileError, ValueError, UnicodeError …
        return None, (ContentError(rel, getattr(error, "lineno", 0) or 0, "", PC.UNREADABLE,
                                   {"detail": str(error)}),)
    found = tuple(ContentError(rel, message.lineno, "msgstr", PC.CATALOG_PROBLEM, {"detail": str(error)})
                  for message, errors in catalog.check() if not message.fuzzy for error in errors)
    if found:
        return None, found
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer), ()
