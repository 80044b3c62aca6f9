"""The layers hold: ``lint-imports`` keeps every contract in pyproject.toml, and it would notice a breach.

The contracts ([tool.importlinter] in pyproject.toml, pictured in docs/architecture.md): content
imports no Qt and nothing above it; i18n imports no views; the views import neither the modes'
insides nor the export layer nor the composition root; export imports no mode; each layer
imports only the layers below it. The second test plants one forbidden import in a copy of
the package, so a configuration that checks nothing cannot pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "zusammenleben"


def lint_imports() -> Path:
    found = Path(sys.executable).parent / ("lint-imports.exe" if os.name == "nt" else "lint-imports")
    if not found.exists():
        pytest.fail("lint-imports is missing: install the test extras (make install-test)")
    return found


def run_contracts(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([str(lint_imports()), "--no-cache", "--config", str(cwd / "pyproject.toml")],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_package_keeps_every_import_contract():
    result = run_contracts(REPO, REPO / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    assert "KEPT" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("content/planted.py", "from PySide6.QtCore import QObject\n", "The content layer imports no Qt"),
    ("ui/planted.py", "from zusammenleben.export import save_flow\n", "The views import neither"),
    ("i18n/planted.py", "from zusammenleben.ui import main_window\n", "i18n imports no views"),
])
def test_a_planted_forbidden_import_breaks_a_contract(tmp_path, module, line, contract):
    tree = tmp_path / "src"
    shutil.copytree(PACKAGE, tree / "zusammenleben", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    (tree / "zusammenleben" / module).write_text(f'"""A forbidden import, planted by the test."""\n\n{line}')
    result = run_contracts(tmp_path, tree)
    assert result.returncode != 0, result.stdout
    broken = result.stdout[result.stdout.index("Broken contracts"):] if "Broken contracts" in result.stdout else ""
    assert contract in broken, result.stdout
    assert f"zusammenleben.{module[:-3].replace('/', '.')}" in broken, "the report names the planted module"
