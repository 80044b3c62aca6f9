"""Plug and unplug screens of Qt's offscreen platform while a test runs.

The offscreen plugin reads its screens from ``QT_QPA_PLATFORM=offscreen:configfile=FILE.json``
at start-up, and its native interface offers ``setConfiguration`` to change them later: it
diffs the screens by name and calls ``QWindowSystemInterface::handleScreenAdded/Removed``,
so ``QGuiApplication.screenAdded/screenRemoved`` fire as when a projector cable is pulled.
PySide6 does not wrap the native interface, so this goes through ctypes into QtGui/QtCore
(exported symbols only; the virtual slot of ``nativeResourceForIntegration`` is found by
comparing the base class's vtable with the exported base implementation).
"""

from __future__ import annotations

import ctypes
import json
from pathlib import Path

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QByteArray

LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96,
          "dpr": 1.0}
PROJECTOR = {"name": "projector", "x": 1366, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96,
             "logicalBaseDpi": 96, "dpr": 1.0}


def config_file(folder: Path, screens: list[dict]) -> Path:
    path = folder / "screens.json"
    path.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                                "screens": screens}), encoding="utf-8")
    return path


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    folder = Path(QtCore.__file__).resolve().parent / "Qt" / "lib"
    return ctypes.CDLL(str(folder / "libQt6Gui.so.6")), ctypes.CDLL(str(folder / "libQt6Core.so.6"))


def _resource(name: bytes) -> int:
    gui, _core = _libraries()
    get_interface = gui._ZN15QGuiApplication23platformNativeInterfaceEv
    get_interface.restype = ctypes.c_void_p
    interface = get_interface()
    assert interface, "no platform native interface"
    base = ctypes.cast(gui._ZN24QPlatformNativeInterface28nativeResourceForIntegrationERK10QByteArray,
                       ctypes.c_void_p).value
    table = (ctypes.c_void_p * 64).from_address(ctypes.addressof(ctypes.c_void_p.in_dll(
        gui, "_ZTV24QPlatformNativeInterface")))
    slot = next(index for index in range(64) if table[index] == base) - 2  # offset-to-top, typeinfo
    own_table = (ctypes.c_void_p * 64).from_address(ctypes.c_void_p.from_address(interface).value)
    function = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(own_table[slot])
    key = QByteArray(name)
    pointer = function(interface, shiboken6.getCppPointer(key)[0])
    assert pointer, f"the platform does not offer {name!r} (not the offscreen platform?)"
    return interface, pointer


def set_screens(screens: list[dict]) -> None:
    """Make the offscreen platform's screens exactly ``screens`` (by name: new ones plugged in, missing ones pulled)."""
    _gui, core = _libraries()
    interface, set_configuration = _resource(b"setConfiguration")
    data = QByteArray(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": False,
                                  "screens": screens}).encode())
    document = ctypes.create_string_buffer(64)
    obj = ctypes.create_string_buffer(64)
    from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
    from_json.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    from_json(document, shiboken6.getCppPointer(data)[0], None)
    to_object = core._ZNK13QJsonDocument6objectEv
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    to_object(obj, document)
    ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(set_configuration)(ctypes.addressof(obj), interface)
    for name, buffer in (("QJsonObject", obj), ("QJsonDocument", document)):  # free what Qt allocated
        destructor = getattr(core, f"_ZN{len(name)}{name}D1Ev")
        destructor.argtypes = [ctypes.c_void_p]
        destructor(buffer)
