"""The Windows version resource of zusammenleben.exe (Explorer → Properties → Details).

Built from the package version, so it never disagrees with ``--version``. Imported by the
spec only when it runs on Windows (or under Wine, `make windows`); needs PyInstaller.
"""

from __future__ import annotations

import re


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)``: the four 16-bit numbers Windows shows; a suffix is dropped."""
    numbers = []
    for part in version.split(".")[:4]:
        leading = re.match(r"\d+", part)  # "0rc1" -> 0
        numbers.append(int(leading.group()[:5]) & 0xFFFF if leading else 0)
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_resource(version: str):
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    strings = [
        StringStruct("CompanyName", "Zusammenleben contributors"),
        StringStruct("FileDescription", "Zusammenleben"),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", "zusammenleben"),
        StringStruct("LegalCopyright", "MIT License; Qt and PySide6: LGPL-3.0"),
        StringStruct("OriginalFilename", "zusammenleben.exe"),
        StringStruct("ProductName", "Zusammenleben"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1,
                          subtype=0x0, date=(0, 0)),
        # 0x0407 German (Germany), code page 1200 (Unicode); the strings are names, not sentences
        kids=[
            StringFileInfo([StringTable("040704B0", strings)]),
            VarFileInfo([VarStruct("Translation", [0x0407, 1200])]),
        ],
    )
