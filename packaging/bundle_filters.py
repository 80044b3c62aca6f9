"""What goes into the PyInstaller bundle: the slimming rules, as plain functions the spec calls.

PyInstaller's PySide6 and Babel hooks collect everything a program *might* need: every Qt
plugin of an imported module, 200 Qt translation files, the CLDR data of 1,000 locales. The
app needs a fraction of that. The rules live here, not inline in the spec, so that a unit test
(tests/packaging/test_bundle_filters.py) pins what we keep and what we drop, on every platform.

A TOC entry is ``(dest_name, src_name, typecode)``; only ``dest_name`` (the path inside the
bundle) decides. Paths use ``/`` or ``\\`` depending on the build platform; both are handled.
No PyInstaller import here, so tests run without it.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import PurePosixPath

# Qt's own translations: the app installs only qtbase_<lang> (zusammenleben.i18n.language).
QT_TRANSLATIONS = ("qtbase_de.qm", "qtbase_nl.qm")

# Qt plugins, per folder: file stems (without "lib" and extension) to keep. A folder not listed
# is dropped whole: egldeviceintegrations, generic (evdev/tuio input), networkinformation, tls,
# sqldrivers, qmltooling, designer, vectorimageformats, wayland-graphics-integration-server.
QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # xcb (X11), offscreen (self-test, CI), wayland (cage kiosk, GNOME), windows, cocoa (macOS)
    "platforms": ("qxcb", "qoffscreen", "qwayland*", "qwindows", "qcocoa"),
    # PNG is built into QtGui; JPEG for pack photos, SVG for icons and the map
    "imageformats": ("qjpeg", "qsvg"),
    "iconengines": ("qsvgicon",),
    "xcbglintegrations": ("*",),  # pyqtgraph's OpenGL widgets on X11
    # the client side of the wayland platform plugin (not the compositor side)
    "wayland-shell-integration": ("xdg-shell", "qt-shell", "wl-shell-plugin", "fullscreen-shell-v1"),
    "wayland-decoration-client": ("bradient", "adwaita"),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl", "shm-emulation-server"),
    # dead keys / compose sequences (typing ü, ë in a search field on X11); not ibus
    "platforminputcontexts": ("composeplatforminputcontextplugin",),
    # desktop portal (file dialogs under Flatpak/GNOME); gtk3 pulls in all of GTK
    "platformthemes": ("qxdgdesktopportal",),
    "styles": ("*",),  # qmodernwindowsstyle (Windows 11), qmacstyle
    "printsupport": ("cupsprintersupport",),  # only collected when QtPrintSupport is imported
}

# Babel's CLDR data: the app formats as de_DE and nl_BE; a locale's data is merged with its
# parents (de_DE -> de -> root), and Babel falls back to en. global.dat is outside locale-data.
BABEL_LOCALES = ("root", "en", "de", "de_DE", "nl", "nl_BE")

# Modules PyInstaller's analysis would follow but the app never imports at run time.
# Kept: PySide6.QtOpenGL and QtOpenGLWidgets (pyqtgraph.graphicsItems.PlotCurveItem imports QtOpenGL at
# module level; QOpenGLWidget is looked up when painting), pydoc (pyqtgraph), QtSvg, QtPrintSupport.
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "test",
    "unittest",  # only numpy.testing imports it, and the app never loads numpy.testing
    "readline",  # no interactive prompt; saves libreadline + libtinfo
    # Readability scores (zusammenleben.content.readability) are for pack editors and tools/level_table.py;
    # the bundle's `validate` prints the limits and says scores need textstat. textstat pulls in nltk.
    "textstat",
    "nltk",
    # No network and no TLS: ssl/_hashlib pull in libssl + libcrypto (5.6 MB). hashlib and hmac
    # fall back to the built-in _md5/_sha*/_blake2 modules; urllib and http.client import ssl optionally.
    "ssl",
    "_ssl",
    "_hashlib",
    # East Asian codecs (0.9 MB): the app reads only UTF-8 files
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtQmlFeatures",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "ruff",
    "hatchling",
    "setuptools",
    "pkg_resources",
    "pip",
    "IPython",
    "matplotlib",
    "scipy",
    "pandas",
)


def _parts(dest_name: str) -> tuple[str, ...]:
    return PurePosixPath(dest_name.replace("\\", "/")).parts


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_plugin(folder: str, filename: str) -> bool:
    patterns = QT_PLUGINS.get(folder)
    if patterns is None:
        return False
    stem = _plugin_stem(filename)
    return any(fnmatch(stem, pattern) for pattern in patterns)


def keep(dest_name: str) -> bool:
    """True when the file at ``dest_name`` (path inside the bundle) belongs in the bundle."""
    parts = _parts(dest_name)
    if "translations" in parts and parts[:1] == ("PySide6",) and dest_name.endswith(".qm"):
        return parts[-1] in QT_TRANSLATIONS
    if "plugins" in parts and parts[:1] == ("PySide6",):
        index = parts.index("plugins")
        if len(parts) < index + 3:  # a file directly in plugins/
            return False
        return keep_qt_plugin(parts[index + 1], parts[-1])
    if parts[:1] == ("PySide6",) and ("qml" in parts[1:3] or "metatypes" in parts[1:3]):
        return False  # QML modules and build-time type descriptions (no QML in this app)
    if parts[:2] == ("babel", "locale-data") and parts[-1].endswith(".dat"):
        return parts[-1][: -len(".dat")] in BABEL_LOCALES
    return True


def filter_toc(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries of a PyInstaller TOC (``a.datas``, ``a.binaries``) that ``keep`` accepts."""
    return [entry for entry in toc if keep(entry[0])]


def dropped(toc: Iterable[tuple[str, str, str]]) -> list[str]:
    """The destination names ``filter_toc`` removes (printed by the spec, for the build log)."""
    return [entry[0] for entry in toc if not keep(entry[0])]
