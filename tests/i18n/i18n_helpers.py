"""Helpers for the i18n tests: small catalogs written in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po


def write_catalog(base: Path, lang: str, domain: str, entries: dict, flags: dict | None = None) -> Path:
    catalog = Catalog(locale=lang, fuzzy=False)
    for msgid, msgstr in entries.items():
        catalog.add(msgid, msgstr, flags=(flags or {}).get(msgid, ()))
    path = base / lang / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog)
    return path
