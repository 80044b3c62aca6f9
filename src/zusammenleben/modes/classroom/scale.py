"""Type-size presets for the classroom: what Ctrl+plus, Ctrl+minus and Ctrl+0 step through (no Qt).

A projector at the back of a classroom needs big steps a teacher can find again, not
a slider: 100, 125, 150 and 200 per cent. A scale between presets (from a settings file)
steps to the nearest preset in the direction asked.
"""

from __future__ import annotations

PRESETS: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)
WINDOW_DEFAULT = 1.0
PRESENTER_DEFAULT = 1.5
_EPSILON = 1e-6


def larger(scale: float) -> float:
    """The next preset above ``scale`` (the largest stays)."""
    return next((preset for preset in PRESETS if preset > scale + _EPSILON), PRESETS[-1])


def smaller(scale: float) -> float:
    """The next preset below ``scale`` (the smallest stays)."""
    return next((preset for preset in reversed(PRESETS) if preset < scale - _EPSILON), PRESETS[0])


def percent(scale: float) -> int:
    """``1.25`` -> ``125``."""
    return round(scale * 100)
