"""The content layer and the formatting code never import Qt (they run in the CLI and in tests without Qt)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CODE = """
import sys
import {module}
qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6", "pyqtgraph")))
print(",".join(qt))
"""


@pytest.mark.parametrize(
    "module",
    ["zusammenleben.content", "zusammenleben.content.load", "zusammenleben.content.validate",
     "zusammenleben.content.extract", "zusammenleben.i18n.formatting", "zusammenleben.i18n.catalogs"],
)
def test_module_imports_no_qt(module):
    result = subprocess.run([sys.executable, "-c", CODE.format(module=module)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} pulled in {result.stdout.strip()}"
