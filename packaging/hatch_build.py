"""Hatchling build hook: compile translations/*.po to .mo before the wheel is assembled.

The wheel's ``force-include`` copies ``translations/`` into ``zusammenleben/translations``;
this hook writes the ``.mo`` files next to the ``.po`` first (they are gitignored build
output), so the installed app finds ``<lang>/LC_MESSAGES/*.mo`` inside its package. A
catalog error (a translated ``%(count)d`` that lost its placeholder, wrong plural forms)
fails the build: Babel's checkers always, ``msgfmt --check`` too where GNU gettext is installed.
Only the wheel (and editable installs) are compiled; an sdist ships sources only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from zusammenleben.i18n.catalogs import CatalogError, compile_catalogs
        finally:
            sys.path.remove(str(root / "src"))
        source = root / "translations"
        _msgfmt_check(source)
        try:
            written = compile_catalogs(source)
        except CatalogError as error:
            problems = "\n  ".join(error.problems)
            raise RuntimeError(f"translation catalogs have errors:\n  {problems}") from None
        self.app.display_info(f"compiled {len(written)} translation catalogs ({version})")


def _msgfmt_check(source: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    failures = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        command = [msgfmt, "--check", "-o", os.devnull, str(po)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            failures.append(f"{po}: {result.stderr.strip()}")
    if failures:
        raise RuntimeError("msgfmt --check failed:\n  " + "\n  ".join(failures))
