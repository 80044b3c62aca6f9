"""The bundle's slimming rules (packaging/bundle_filters.py) keep what the app needs and drop the rest.

The rules run inside PyInstaller on three platforms; these tests pin them without building,
with the path shapes each platform produces (Linux ``PySide6/Qt/plugins``, Windows
``PySide6\\plugins``, macOS ``.dylib``).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import bundle_filters as bf  # noqa: E402


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_nl.qm",
        "PySide6\\translations\\qtbase_nl.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "babel/locale-data/de.dat",
        "babel/locale-data/nl_BE.dat",
        "babel/locale-data/root.dat",
        "babel/locale-data/en.dat",
        "babel/locale-data/LICENSE.unicode",
        "babel/global.dat",
        "zusammenleben/resources/packs/mechelen/pack.toml",
        "zusammenleben/translations/nl/LC_MESSAGES/zusammenleben.mo",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "numpy.libs/libscipy_openblas64_.so",
    ],
)
def test_kept(dest):
    assert bf.keep(dest), dest


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/translations/qt_de.qm",  # the meta catalog; the app installs qtbase_<lang> itself
        "PySide6/Qt/translations/qtdeclarative_nl.qm",
        "PySide6\\translations\\qtbase_ja.qm",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",  # pulls in all of GTK
        "PySide6/Qt/plugins/imageformats/libqgif.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/plugins/generic/libqevdevtouchplugin.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6/Qt/qml/QtQuick/libqtquick2plugin.so",
        "PySide6/Qt/metatypes/qt6core_relwithdebinfo_metatypes.json",
        "babel/locale-data/fr.dat",
        "babel/locale-data/nl_NL.dat",
        "babel/locale-data/de_AT.dat",
    ],
)
def test_dropped(dest):
    assert not bf.keep(dest), dest


def test_filter_toc_and_dropped_partition_the_toc():
    toc = [
        ("babel/locale-data/de.dat", "/x/de.dat", "DATA"),
        ("babel/locale-data/fr.dat", "/x/fr.dat", "DATA"),
        ("PySide6/Qt/translations/qtbase_nl.qm", "/x/qtbase_nl.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_pl.qm", "/x/qtbase_pl.qm", "DATA"),
    ]
    kept = bf.filter_toc(toc)
    assert [entry[0] for entry in kept] == ["babel/locale-data/de.dat", "PySide6/Qt/translations/qtbase_nl.qm"]
    assert bf.dropped(toc) == ["babel/locale-data/fr.dat", "PySide6/Qt/translations/qtbase_pl.qm"]


def test_qt_translations_match_the_app_languages():
    """Every language the app ships has Qt's own translation in the bundle, and no other."""
    languages = sorted(p.name for p in (REPO / "translations").iterdir() if (p / "LC_MESSAGES").is_dir())
    assert sorted(bf.QT_TRANSLATIONS) == [f"qtbase_{code}.qm" for code in languages]


def test_babel_locales_cover_the_app_locales():
    """Babel merges a locale with its parents: de_DE -> de -> root, nl_BE -> nl -> root."""
    from zusammenleben.i18n.formatting import locale_name

    for code in ("de", "nl"):
        name = locale_name(code)
        chain = {name, name.split("_")[0], "root"}
        assert chain <= set(bf.BABEL_LOCALES), (code, chain - set(bf.BABEL_LOCALES))


def test_pyqtgraph_needs_are_not_excluded():
    """pyqtgraph's PlotCurveItem imports QtOpenGL at module level; excluding it breaks every plot."""
    for needed in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "pydoc", "numpy"):
        assert needed not in bf.EXCLUDED_MODULES


# Imported inside try/except ImportError: absent from the bundle, they degrade gracefully. PySide6.QtTest by
# pyqtgraph; _hashlib (OpenSSL) by hashlib, which then uses its built-in hashes (the pack cache's blake2b).
OPTIONAL_IMPORTS = {"PySide6.QtTest", "_hashlib"}

RUN_AND_LIST_MODULES = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from zusammenleben.cli import main
code = main(["--self-test", "--lang", "nl", "--settings", sys.argv[1]])
print("MODULES " + " ".join(sorted(sys.modules)))
sys.stdout.flush()
os._exit(code)
"""


def test_the_running_app_imports_no_excluded_module(tmp_path):
    """Run the self-test (every screen, both languages) and compare what it imported with the excludes."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env["HOME"] = str(tmp_path)  # logs and settings stay out of the developer's home
    result = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(tmp_path / "settings.ini")],
        capture_output=True, text=True, timeout=180, cwd=tmp_path, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES "))
    loaded = set(line.split()[1:])
    excluded = set(bf.EXCLUDED_MODULES)
    hit = {name for name in loaded if name in excluded or name.split(".")[0] in excluded} - OPTIONAL_IMPORTS
    assert not hit, f"the app imports modules the bundle excludes: {sorted(hit)}"
    assert "PySide6.QtOpenGL" in loaded  # the reason it is kept


def test_spec_never_strips():
    """``strip=True`` breaks numpy's OpenBLAS (pyinstaller#9463); build.sh strips libpython only."""
    tree = ast.parse((REPO / "packaging" / "zusammenleben.spec").read_text(encoding="utf-8"))
    strips = [kw.value for node in ast.walk(tree) if isinstance(node, ast.Call) for kw in node.keywords
              if kw.arg == "strip"]
    assert strips, "the spec should say strip=False explicitly"
    assert all(isinstance(value, ast.Constant) and value.value is False for value in strips)


def test_build_script_is_valid_bash_and_checks_missing_libraries():
    script = REPO / "packaging" / "build.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    text = script.read_text(encoding="utf-8")
    assert '"Library not found"' in text
    assert "--strip-unneeded" in text
