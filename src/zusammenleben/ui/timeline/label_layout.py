"""Where the event labels of the time bar go, so that no two ever overlap (no Qt).

Labels sit above the axis on a few rows. Each label wants to be centred over its marker;
a label that fits on no row is merged with its nearest neighbour group, and a group of
several events is shown as one small ``+N`` bubble that expands on tap. Merging repeats
until everything fits, so the result never overlaps, whatever the width, language or
font scale. The layout depends only on widths, never on the year, so it is computed on
resize and language change, not while the cursor moves.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    """One event on the axis: its id, its x position and its label text."""

    id: str
    x: float
    label: str


@dataclass
class Placed:
    """A label (one event) or a bubble (several) with its box: ``left``, ``row`` and ``width``."""

    markers: list[Marker]
    left: float
    width: float
    row: int
    text: str

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def x(self) -> float:
        """Where the group points to on the axis: the middle of its markers."""
        return sum(marker.x for marker in self.markers) / len(self.markers)

    @property
    def is_cluster(self) -> bool:
        return len(self.markers) > 1


def cluster_text(count: int) -> str:
    return f"+{count}"


def layout_labels(
    markers: Sequence[Marker],
    measure: Callable[[str], float],
    left: float,
    right: float,
    rows: int,
    gap: float,
    bubble_text: Callable[[int], str] = cluster_text,
) -> list[Placed]:
    """Place every marker's label (or its group's bubble) on ``rows`` rows between ``left`` and ``right``."""
    groups: list[list[Marker]] = [[marker] for marker in sorted(markers, key=lambda m: (m.x, m.id))]
    while True:
        placed, failed = _try_place(groups, measure, left, right, rows, gap, bubble_text)
        if failed is None:
            return placed
        if len(groups) == 1:  # one box wider than the whole bar: shown across it, so its events stay reachable
            text = _text_for(groups[0], bubble_text)
            return [Placed(list(groups[0]), left, min(measure(text), max(0.0, right - left)), 0, text)]
        _merge_with_nearest(groups, failed)


def _text_for(group: list[Marker], bubble_text: Callable[[int], str]) -> str:
    return group[0].label if len(group) == 1 else bubble_text(len(group))


def _try_place(groups, measure, left, right, rows, gap, bubble_text) -> tuple[list[Placed], int | None]:
    row_ends = [left - gap] * max(1, rows)
    placed: list[Placed] = []
    for index, group in enumerate(groups):
        text = _text_for(group, bubble_text)
        width = measure(text)
        centre = sum(marker.x for marker in group) / len(group)
        box_left = min(max(centre - width / 2, left), max(left, right - width))
        for row, row_end in enumerate(row_ends):
            start = max(box_left, row_end + gap)
            # a label may shift right to make room, but not so far that it leaves its marker
            if start + width <= right and start - box_left <= width / 2:
                row_ends[row] = start + width
                placed.append(Placed(list(group), start, width, row, text))
                break
        else:
            return placed, index
    return placed, None


def _merge_with_nearest(groups: list[list[Marker]], index: int) -> None:
    """Merge group ``index`` into the neighbour whose markers are closest on the axis."""
    def centre(group: list[Marker]) -> float:
        return sum(marker.x for marker in group) / len(group)

    candidates = [i for i in (index - 1, index + 1) if 0 <= i < len(groups)]
    nearest = min(candidates, key=lambda i: abs(centre(groups[i]) - centre(groups[index])))
    low, high = sorted((index, nearest))
    groups[low] = sorted(groups[low] + groups[high], key=lambda m: (m.x, m.id))
    del groups[high]


def overlaps(placed: Sequence[Placed], gap: float = 0.0) -> list[tuple[Placed, Placed]]:
    """Pairs of boxes on the same row that overlap (tests and a debug check)."""
    found = []
    for row in {item.row for item in placed}:
        boxes = sorted((item for item in placed if item.row == row), key=lambda item: item.left)
        for first, second in itertools.pairwise(boxes):
            if second.left < first.right + gap - 1e-6:
                found.append((first, second))
    return found
