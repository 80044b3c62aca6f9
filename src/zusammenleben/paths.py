"""Where the app finds its read-only resources, in a checkout, an install and a frozen bundle.

A wheel carries ``resources/`` and ``translations/`` inside the package (force-include);
a checkout has them at the repository root; PyInstaller puts them beside the package
under ``sys._MEIPASS``. One function per folder keeps that knowledge in one place.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    places = [_PACKAGE_DIR / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        places.insert(0, Path(frozen_root) / "zusammenleben" / name)
    places.append(_PACKAGE_DIR.parent.parent / name)  # src/zusammenleben -> repo root
    return places


def _first_existing(name: str) -> Path:
    for place in _candidates(name):
        if place.is_dir():
            return place
    return _candidates(name)[-1]


def resources_dir() -> Path:
    """The folder with packs/, icons/ and the map."""
    return _first_existing("resources")


def translations_dir() -> Path:
    """The folder with <lang>/LC_MESSAGES/*.mo (compiled by make or the build hook)."""
    return _first_existing("translations")


def builtin_pack_dir() -> Path:
    return resources_dir() / "packs" / "mechelen"


def legal_dir() -> Path:
    """The licence notices (THIRD_PARTY_NOTICES*.md) and the LGPL/GPL texts."""
    return resources_dir() / "legal"
