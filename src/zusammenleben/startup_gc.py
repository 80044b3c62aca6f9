"""Python's cycle collector held back while the app starts, until the window's first paint.

A start allocates ~100,000 container objects that all live on (modules, classes, Qt wrappers, the
pack). The collector's young-generation passes ran ~165 times during it and a full pass once
(~20–30 ms over ~75,000 objects), finding next to nothing: together 40–70 ms of CPU before the first
frame (benchmarks/RESULTS.md, issue 19, third session). For the start the first threshold is raised
so those passes are skipped; reference counting frees everything as before, and the collector still
runs every ``START_THRESHOLD`` allocations (a start that waits in a dialog does not pile up cycles).
``release`` restores the thresholds the process had; the app calls it once the first frame is
painted (or before the self-test, or when the start fails).
"""

from __future__ import annotations

import gc

#: Net container allocations between two young-generation passes while starting (Python's default: 700).
START_THRESHOLD = 100_000

_saved: tuple[int, ...] | None = None


def hold() -> None:
    """Raise the collector's first threshold for the start (no-op if held, or if a threshold is 0: off)."""
    global _saved
    thresholds = gc.get_threshold()
    if _saved is not None or not gc.isenabled() or thresholds[0] == 0:
        return
    _saved = thresholds
    gc.set_threshold(max(START_THRESHOLD, thresholds[0]), *thresholds[1:])


def release() -> None:
    """Give the collector back the thresholds ``hold`` found (no-op if not held)."""
    global _saved
    if _saved is None:
        return
    gc.set_threshold(*_saved)
    _saved = None


def held() -> bool:
    return _saved is not None
