"""``zusammenleben new-pack``: a minimal, valid content pack an author can grow.

Why templates and not a copy of the Mechelen pack: an author who copies a finished pack has to
guess what to delete; a small pack whose every file explains its fields in comments shows the
format by example and validates as it is. The templates live in ``resources/newpack/`` (plain
files with ``$name`` placeholders, ``string.Template``), so their wording can be improved without
touching code. The pack is written into a temporary folder beside the target and renamed into
place at the end: a failure leaves no half-written pack.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from string import Template

from zusammenleben.content.errors import N_

_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")
_TEXT_SUFFIXES = {".toml", ".md", ".csv"}
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


class NewPackError(Exception):
    """A reason the pack cannot be created: an English msgid and its parameters (translated when printed)."""

    def __init__(self, message_id: str, **params: object) -> None:
        super().__init__(message_id % params)
        self.message_id = message_id
        self.params = params


class NP:
    """The messages of ``new-pack`` (msgids only; ``N_`` marks them for the UI catalog)."""

    NOT_EMPTY = N_("'%(path)s' already exists and is not empty; choose a new folder")
    BAD_LANGUAGE = N_("'%(value)s' is not a language code such as 'de' or 'nl'")
    NO_LANGUAGE = N_("give at least one language, for example --languages de,nl")
    BAD_YEAR = N_("the start year %(value)s is not between 1000 and %(last)s")
    EMPTY_TITLE = N_("the title must not be empty")
    CREATED = N_("created the pack '%(id)s' in %(path)s with %(count)d files")


@dataclass(frozen=True)
class NewPack:
    """What ``create_pack`` wrote: the folder, the pack id and every file, relative to the folder."""

    folder: Path
    pack_id: str
    files: tuple[str, ...]


def templates_dir() -> Path:
    from zusammenleben.paths import resources_dir

    return resources_dir() / "newpack"


def pack_id_for(folder: Path, title: str) -> str:
    """A valid pack id from the folder's name (or the title): lowercase ASCII words joined by ``-``."""
    for candidate in (folder.name, title):
        text = unicodedata.normalize("NFKD", candidate.translate(_TRANSLITERATE))
        text = text.encode("ascii", "ignore").decode("ascii").lower()
        slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
        if slug:
            return slug
    return "pack"


def parse_languages(value: str) -> tuple[str, ...]:
    """``"de,nl"`` → ``("de", "nl")``; the first is the language the author writes in."""
    codes = tuple(code.strip() for code in value.split(",") if code.strip())
    if not codes:
        raise NewPackError(NP.NO_LANGUAGE)
    for code in codes:
        if not _LANGUAGE.fullmatch(code):
            raise NewPackError(NP.BAD_LANGUAGE, value=code)
    return tuple(dict.fromkeys(codes))


def _toml_text(text: str) -> str:
    """Text to put between TOML's double quotes (JSON's escapes are valid TOML basic-string escapes)."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def create_pack(
    folder: str | os.PathLike[str],
    title: str,
    languages: tuple[str, ...] = ("de", "nl"),
    start_year: int = 2001,
    end_year: int | None = None,
    version: str | None = None,
) -> NewPack:
    """Write a new pack into ``folder`` (which must not exist or be empty); raise ``NewPackError`` on bad input."""
    target = Path(folder)
    today = datetime.date.today()
    end_year = max(end_year or today.year, start_year)
    if not title.strip():
        raise NewPackError(NP.EMPTY_TITLE)
    if not 1000 <= start_year <= today.year:
        raise NewPackError(NP.BAD_YEAR, value=start_year, last=today.year)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewPackError(NP.NOT_EMPTY, path=str(target))
    pack_id = pack_id_for(target.resolve(), title)
    values = {
        "id": pack_id,
        "title": title.strip(),
        "start_year": str(start_year),
        "end_year": str(end_year),
        "version": version or f"{today.year}.{today.month:02d}",
        "source_language": languages[0],
        "languages": ", ".join(f'"{code}"' for code in languages),
        "folder": str(folder),
    }
    toml_values = {**values, "title": _toml_text(values["title"])}
    source = templates_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    written: list[str] = []
    try:
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(source).as_posix()
            text = path.read_text(encoding="utf-8")
            chosen = toml_values if path.suffix in _TEXT_SUFFIXES else values
            out = staging / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(Template(text).substitute(chosen), encoding="utf-8")
            written.append(rel)
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp's folder is private; the pack is an ordinary folder
        if target.exists():
            target.rmdir()  # empty (checked above)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return NewPack(target, pack_id, tuple(written))
