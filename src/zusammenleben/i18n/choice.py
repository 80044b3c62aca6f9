"""Which language to speak before any window exists: for ``--help``, the PIN tool, the first start.

Qt-free on purpose: command-line tools (``zusammenleben --help``, ``python -m
zusammenleben.modes.kiosk.pin``) format their help before any Qt object exists, and the
language choice must not pull in the app to do so.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Sequence


def guess_language(argv: Sequence[str]) -> str:
    """``--lang xx`` / ``--lang=xx`` if given, else the system's language when it is Dutch, else German."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in ("de", "nl") else "de"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("de", "nl") else "de"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "de"
    system = (locale.getlocale()[0] or "").lower()
    return "nl" if system.startswith("nl") else "de"
