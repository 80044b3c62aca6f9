"""Check the Windows bundle's file list: what must be in it, and what must never be.

Never: test and build tools (pytest, hypothesis, pypdf, ruff, PyInstaller, pip), the Wine bridges of the
check (wine/README.md) or any other Wine file, API-set DLLs. Always: the program, Qt's windows platform
plugin, the catalogs, the pack, the licences (MIT + the LGPL/GPL texts for Qt). Also compares the list
with the one ``make windows`` recorded (``dist/windows/zusammenleben.files``) and, when the build folder
is there, looks inside the bundled Python archive (PYZ TOC) for test modules.
Usage: ``python packaging/windows/check_bundle.py [BUNDLE]``; exit 1 with one line per problem.
"""

from __future__ import annotations

import re
import sys
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "windows" / "zusammenleben"

# file names (lower case, any folder) that belong to the Wine check, never to the program
BRIDGES = ("icuuc.dll", "ucrtbase.dll", "ucrtwine.dll")
FORBIDDEN = (
    *(f"*/{name}" for name in BRIDGES),
    *BRIDGES,
    "*wine*",  # Wine's own files (winex11.drv, wine.inf, ...)
    "*.so", "*.so.*",  # Linux libraries: a Windows bundle must not contain them
    "*api-ms-win-*",  # API sets are part of Windows 10/11
    "*/pytest/*", "*/_pytest/*", "*/pytestqt/*", "*/hypothesis/*", "*/pypdf/*", "*/ruff/*",
    "*/pyinstaller/*", "*/pip/*", "*/setuptools/*", "*/textstat/*", "*/nltk/*",
)
REQUIRED = (
    "zusammenleben.exe",
    "LICENSE.txt",
    "THIRD_PARTY_NOTICES.md",
    "THIRD_PARTY_NOTICES.de.md",
    "THIRD_PARTY_NOTICES.nl.md",
    "licenses/Qt-PySide6/LGPL-3.0.txt",
    "licenses/Qt-PySide6/GPL-3.0.txt",
    "licenses/Python/LICENSE.txt",
    "licenses/numpy/LICENSE.txt",
    "licenses/pyqtgraph/LICENSE.txt",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/PySide6/translations/qtbase_de.qm",
    "_internal/PySide6/translations/qtbase_nl.qm",
    "_internal/zusammenleben/translations/de/LC_MESSAGES/zusammenleben.mo",
    "_internal/zusammenleben/translations/nl/LC_MESSAGES/zusammenleben.mo",
    "_internal/zusammenleben/resources/packs/mechelen/pack.toml",
)
# modules that must not be inside the bundled Python archive
TOOLS = "pytest|_pytest|pytestqt|hypothesis|pypdf|ruff|PyInstaller|pip|setuptools|textstat|nltk"
TEST_MODULES = re.compile(rf"'({TOOLS})(\.|')")


def file_list(bundle: Path) -> list[str]:
    return sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file())


def problems_in(files: list[str]) -> list[str]:
    """What is wrong with a bundle's file list (relative paths with ``/``)."""
    problems = []
    lowered = {name.lower(): name for name in files}
    for lower, name in lowered.items():
        for pattern in FORBIDDEN:
            if fnmatch(lower, pattern) or fnmatch("/" + lower, pattern):
                problems.append(f"must not be in the bundle: {name} ({pattern})")
                break
    for name in REQUIRED:
        if name.lower() not in lowered:
            problems.append(f"missing from the bundle: {name}")
    return problems


def pyz_problems(toc: Path) -> list[str]:
    if not toc.is_file():
        return []
    text = toc.read_text(encoding="utf-8", errors="replace")
    found = sorted({match.group(1) for match in TEST_MODULES.finditer(text)})
    return [f"test/build module inside the bundled Python archive: {name}" for name in found]


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else BUNDLE
    if not (bundle / "zusammenleben.exe").is_file():
        print(f"check_bundle: no zusammenleben.exe in {bundle}: run `make windows`", file=sys.stderr)
        return 2
    files = file_list(bundle)
    problems = problems_in(files)
    recorded = bundle.parent / "zusammenleben.files"
    if recorded.is_file() and recorded.read_text(encoding="utf-8").splitlines() != files:
        problems.append(f"the file list differs from {recorded} (written by `make windows`)")
    problems += pyz_problems(ROOT / "build" / "windows" / "pyinstaller" / "zusammenleben" / "PYZ-00.toc")
    for problem in problems:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if not problems:
        print(f"check_bundle: {len(files)} files; licences present; no test tools, Wine files or bridges")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
