"""The content layer must work without Qt: the command line and the tests load packs with no display."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from content_helpers import EXAMPLE_PACK

import zusammenleben

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"):
                raise ImportError("Qt imported by the content layer: " + name)
            return None

    sys.meta_path.insert(0, NoQt())
    import zusammenleben.content as content
    for module in pkgutil.walk_packages(content.__path__, "zusammenleben.content."):
        importlib.import_module(module.name)
    result = content.load_pack(sys.argv[1])
    assert result.ok, result.errors
    from zusammenleben.content.extract import iter_translatable
    assert list(iter_translatable(sys.argv[1]))
    qt = ("PySide6", "shiboken6", "pyqtgraph")
    leaked = sorted(name for name in sys.modules if name.split(".")[0] in qt)
    assert not leaked, leaked
    print("ok", len(list(pkgutil.walk_packages(content.__path__))))
""")


def test_content_layer_imports_no_qt():
    env = dict(os.environ, PYTHONPATH=str(Path(zusammenleben.__file__).parents[1]))
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(EXAMPLE_PACK)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("ok ")
    assert int(completed.stdout.split()[1]) >= 10  # every module of the package was imported
