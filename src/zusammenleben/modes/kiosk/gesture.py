"""The hidden admin gesture: five taps in the top-left corner within three seconds (no Qt).

Visitors do not find it by accident: the corner holds only the title, a press anywhere
else starts the count again, and a few stray taps do nothing. Staff remember it. The
lock-down filter feeds it one press per tap (a touch, or a real mouse press, never the
mouse press Qt makes from a touch), so each tap counts once.
"""

from __future__ import annotations

from collections import deque

TAPS = 5
WITHIN_SECONDS = 3.0


class CornerTaps:
    """Feed it ``tap(t)`` for presses inside the corner, ``miss()`` for presses elsewhere."""

    def __init__(self, taps: int = TAPS, within: float = WITHIN_SECONDS) -> None:
        self.taps = taps
        self.within = within
        self._times: deque[float] = deque(maxlen=taps)

    def tap(self, time: float) -> bool:
        """Record a tap at ``time`` (seconds); True when it completes the gesture (which then starts over)."""
        self._times.append(time)
        if len(self._times) == self.taps and self._times[-1] - self._times[0] <= self.within:
            self._times.clear()
            return True
        return False

    def miss(self) -> None:
        """A press anywhere else breaks the sequence."""
        self._times.clear()

    @property
    def pending(self) -> int:
        return len(self._times)
