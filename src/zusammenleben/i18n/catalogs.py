"""The gettext catalogs: finding, loading, checking and compiling them (no Qt).

Two domains: ``zusammenleben`` (UI strings; English msgids written in the code) and
``content`` (the pack's texts; the msgids are the German source text). A language is a
folder ``translations/<code>/LC_MESSAGES/`` with one ``.po`` per domain, so adding a
language means adding files, not code. ``.mo`` files are build output: ``make i18n-compile``
writes them next to the ``.po`` in a checkout, the wheel's build hook into the package.
"""

from __future__ import annotations

import gettext
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from zusammenleben.paths import translations_dir

if TYPE_CHECKING:  # babel.messages is imported where .po files are read or written, not at every start
    from babel.messages.catalog import Catalog

log = logging.getLogger(__name__)

UI_DOMAIN = "zusammenleben"
CONTENT_DOMAIN = "content"
DOMAINS = (UI_DOMAIN, CONTENT_DOMAIN)
SOURCE_LANGUAGE = "de"  # the language the content pack is written in (its msgids)


def N_(message: str) -> str:  # noqa: N802 (gettext convention)
    """Mark a string for extraction without translating it now (translate it later with ``ui``)."""
    return message


class CatalogError(Exception):
    """A catalog has errors that must not reach users (placeholder mismatch, bad plural forms…)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


# -- discovery and loading -----------------------------------------------------------------------


def available_languages(directory: Path | None = None) -> list[str]:
    """Language codes that have a catalog folder (``<code>/LC_MESSAGES`` with a .po or .mo), sorted."""
    base = Path(directory) if directory is not None else translations_dir()
    if not base.is_dir():
        return []
    codes = []
    for folder in base.iterdir():
        messages = folder / "LC_MESSAGES"
        if messages.is_dir() and any(messages.glob("*.po")) | any(messages.glob("*.mo")):
            codes.append(folder.name)
    return sorted(codes)


def mo_path(domain: str, lang: str, directory: Path | None = None) -> Path:
    base = Path(directory) if directory is not None else translations_dir()
    return base / lang / "LC_MESSAGES" / f"{domain}.mo"


def po_path(domain: str, lang: str, directory: Path | None = None) -> Path:
    return mo_path(domain, lang, directory).with_suffix(".po")


def load_translations(domain: str, lang: str, directory: Path | None = None) -> gettext.NullTranslations:
    """The compiled catalog, or a ``NullTranslations`` (msgids shown as they are) and one logged warning."""
    path = mo_path(domain, lang, directory)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = None
    return _load(str(path), stamp)


@lru_cache(maxsize=64)
def _load(path: str, stamp: int | None) -> gettext.NullTranslations:
    """Cached per file and modification time, so a recompiled catalog is picked up."""
    if stamp is None:
        log.warning("translation catalog %s is missing; showing untranslated texts (run `make i18n-compile`)",
                    path)
        return gettext.NullTranslations()
    try:
        with open(path, "rb") as handle:
            return gettext.GNUTranslations(handle)
    except (OSError, ValueError) as error:  # a damaged .mo must not stop the app
        log.warning("translation catalog %s cannot be read (%s); showing untranslated texts", path, error)
        return gettext.NullTranslations()


# -- reading, checking and compiling -------------------------------------------------------------


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    """Read a .po/.pot with Babel, honouring GNU's ``no-python-format`` flag.

    Babel flags every msgid that merely looks like a %-format (``8,7 % der Stimmen`` contains
    ``% d``) as ``python-format``. Content texts are never %-formatted, so their entries carry
    ``no-python-format`` and the placeholder checks must skip them.
    """
    from babel.messages.pofile import read_po

    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang, abort_invalid=True)
    for message in catalog:
        if "no-python-format" in message.flags:
            message.flags.discard("python-format")
    return catalog


def catalog_problems(catalog: Catalog, label: str) -> list[str]:
    """Babel's checks (placeholders, plural count) as ``file:line: msgid: problem`` lines.

    Fuzzy entries are skipped, as ``msgfmt --check`` skips them: they never reach the ``.mo``.
    """
    problems = []
    for message, errors in catalog.check():
        if message.fuzzy:
            continue
        for error in errors:
            problems.append(f"{label}:{message.lineno}: {message.id!r}: {error}")
    return problems


@dataclass
class Statistics:
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    untranslated_ids: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def complete(self) -> bool:
        """Fuzzy entries count as untranslated: gettext does not use them."""
        return self.fuzzy == 0 and self.untranslated == 0


def statistics(catalog: Catalog) -> Statistics:
    stats = Statistics()
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if message.fuzzy:
            stats.fuzzy += 1
            stats.untranslated_ids.append(_msgid_text(message.id))
        elif all(strings):
            stats.translated += 1
        else:
            stats.untranslated += 1
            stats.untranslated_ids.append(_msgid_text(message.id))
    return stats


def _msgid_text(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, (list, tuple)) else msgid


def po_files(src_dir: Path) -> list[tuple[str, str, Path]]:
    """Every ``(lang, domain, path)`` below ``src_dir``, in a stable order."""
    found = []
    for path in sorted(Path(src_dir).glob("*/LC_MESSAGES/*.po")):
        found.append((path.parent.parent.name, path.stem, path))
    return found


def compile_catalogs(src_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/*.po`` below ``src_dir`` to ``.mo`` (beside it, or in ``out_dir``).

    All catalogs are checked first; if any has an error nothing is written and ``CatalogError``
    lists every problem (a placeholder mismatch must fail the build, not reach a user as a crash).
    Fuzzy entries are left out of the ``.mo``, as msgfmt does.
    """
    from babel.messages.mofile import write_mo

    src_dir = Path(src_dir)
    catalogs = []
    problems: list[str] = []
    for lang, domain, path in po_files(src_dir):
        try:
            catalog = read_catalog(path, lang)
        except Exception as error:  # babel raises PoFileError or ValueError for broken files
            problems.append(f"{path}: cannot be read: {error}")
            continue
        problems += catalog_problems(catalog, str(path))
        catalogs.append((lang, domain, catalog))
    if problems:
        raise CatalogError(problems)
    written = []
    for lang, domain, catalog in catalogs:
        target = mo_path(domain, lang, out_dir if out_dir is not None else src_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(target)
    _load.cache_clear()
    return written
