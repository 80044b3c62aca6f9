"""Put the licence texts beside the frozen app: the app's, the notices, and every bundled component's.

A user who got only the bundle must find, at its top level, what they may do with it and
how to replace the Qt libraries (LGPL-3.0). The texts come from the installed distributions'
metadata (``*.dist-info/licenses``), so they match exactly what PyInstaller bundled; PySide6's
wheels carry none, so the LGPL/GPL texts are kept in ``resources/legal/licenses``.

Usage: ``python packaging/collect_licenses.py DEST`` (``build.sh`` runs it for ``dist/zusammenleben``).
Exit 1 when an expected licence is missing, so a bundle never ships without it.
"""

from __future__ import annotations

import shutil
import sys
import sysconfig
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEGAL = ROOT / "resources" / "legal"

# distribution name -> folder under licenses/ (the runtime dependencies that ship licence files)
DISTRIBUTIONS = {"pyqtgraph": "pyqtgraph", "babel": "Babel", "numpy": "numpy"}


def _licence_files(name: str) -> list[tuple[Path, str]]:
    """``(source, relative destination)`` for every licence file a distribution declares."""
    dist = distribution(name)
    found = []
    for entry in dist.files or []:
        parts = entry.parts
        if len(parts) >= 3 and parts[0].endswith(".dist-info") and parts[1] == "licenses":
            found.append((Path(dist.locate_file(entry)), "/".join(parts[2:])))
    return found


def collect(dest: Path) -> list[str]:
    """Copy everything into ``dest``; return the problems (missing licences)."""
    problems: list[str] = []
    shutil.copyfile(ROOT / "LICENSE", dest / "LICENSE.txt")
    for notices in sorted(LEGAL.glob("THIRD_PARTY_NOTICES*.md")):
        shutil.copyfile(notices, dest / notices.name)
    licenses = dest / "licenses"
    if licenses.exists():
        shutil.rmtree(licenses)
    qt = licenses / "Qt-PySide6"
    qt.mkdir(parents=True)
    for text in sorted((LEGAL / "licenses").glob("*.txt")):
        shutil.copyfile(text, qt / text.name)
    for name, folder in DISTRIBUTIONS.items():
        try:
            files = _licence_files(name)
        except PackageNotFoundError:
            problems.append(f"{name} is not installed")
            continue
        if not files:
            problems.append(f"{name}: no licence file in its metadata")
        for source, relative in files:
            target = licenses / folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    # Linux/macOS: <stdlib>/LICENSE.txt; Windows: <install folder>/LICENSE.txt
    places = [Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)]
    python_licence = next((p / "LICENSE.txt" for p in places if (p / "LICENSE.txt").is_file()), None)
    if python_licence is not None:
        (licenses / "Python").mkdir()
        shutil.copyfile(python_licence, licenses / "Python" / "LICENSE.txt")
    else:
        problems.append(f"Python's LICENSE.txt not found in {', '.join(map(str, places))}")
    map_readme = ROOT / "resources" / "packs" / "mechelen" / "map" / "README.md"
    (licenses / "map-data").mkdir()
    shutil.copyfile(map_readme, licenses / "map-data" / "README.md")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    dest = Path(argv[0])
    if not dest.is_dir():
        print(f"collect_licenses: {dest} is not a folder", file=sys.stderr)
        return 2
    problems = collect(dest)
    for problem in problems:
        print(f"collect_licenses: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
