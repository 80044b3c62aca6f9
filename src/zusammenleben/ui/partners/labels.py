"""A greedy label placer for map points (no Qt): labels never pile on top of each other.

Points are taken in priority order (the selection first, then Mechelen, the German towns, the
partners). Each tries eight positions around its marker (right, left, above, below, then the
diagonals); the first position that stays inside the view and overlaps neither a placed label nor
another marker wins. A point with no free position gets no label; its name is counted into the
nearest placed label of its own group (German towns, partners) within reach, which becomes
"Name +2" when the longer text still fits; Mechelen never counts partner towns.
The selection is placed first, so it always gets a label when it fits in the view at all: its labels
may cover the dimmed markers of other places and try a second ring of positions further out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]  # x, y, width, height (pixels, y down)


@dataclass
class LabelRequest:
    key: str
    x: float  # the marker's centre in view pixels
    y: float
    width: float  # the label text's size
    height: float
    priority: int  # lower is placed first
    marker_radius: float = 6.0
    extra_width: float = 0.0  # how much wider the label gets per "+N" suffix (set by the caller)
    group: str = ""  # a hidden point is only counted into a label of its own group ("Rheine +3": German towns)
    chosen: bool = False  # part of the selection: may cover other (dimmed) markers and sit a little further out


@dataclass
class PlacedLabel:
    key: str
    rect: Rect
    hidden: list[str] = field(default_factory=list)  # keys of points counted into this label


def intersects(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def candidates(request: LabelRequest, gap: float = 4.0) -> list[Rect]:
    """The eight positions: E, W, N, S, NE, NW, SE, SW."""
    x, y, w, h, r = request.x, request.y, request.width, request.height, request.marker_radius + gap
    diagonal = r * 0.7
    return [
        (x + r, y - h / 2, w, h),
        (x - r - w, y - h / 2, w, h),
        (x - w / 2, y - r - h, w, h),
        (x - w / 2, y + r, w, h),
        (x + diagonal, y - diagonal - h, w, h),
        (x - diagonal - w, y - diagonal - h, w, h),
        (x + diagonal, y + diagonal, w, h),
        (x - diagonal - w, y + diagonal, w, h),
    ]


def _marker_rect(request: LabelRequest) -> Rect:
    r = request.marker_radius
    return (request.x - r, request.y - r, 2 * r, 2 * r)


def place_labels(requests: list[LabelRequest], bounds: Rect, collapse_distance: float = 80.0,
                 obstacles: tuple[Rect, ...] = ()) -> list[PlacedLabel]:
    """Place as many labels as fit; returns them in placement order (their rects never intersect).

    ``obstacles`` are areas no label may cover (the legend, buttons over the map).
    """
    ordered = sorted(requests, key=lambda request: request.priority)
    markers = {request.key: _marker_rect(request) for request in ordered}
    for number, obstacle in enumerate(obstacles):
        markers[f"\0obstacle{number}"] = obstacle
    placed: list[PlacedLabel] = []
    skipped: list[LabelRequest] = []
    chosen_keys = frozenset(request.key for request in ordered if request.chosen)
    for request in ordered:
        spot = _free_spot(request, placed, markers, bounds, chosen_keys)
        if spot is None:
            skipped.append(request)
        else:
            placed.append(PlacedLabel(request.key, spot))
    by_key = {request.key: request for request in ordered}
    for request in skipped:
        nearest = _nearest(request, placed, by_key, collapse_distance)
        if nearest is not None:
            nearest.hidden.append(request.key)
    for label in placed:
        if label.hidden:
            _widen(label, by_key[label.key], placed, markers, bounds)
    return placed


def _inside(rect: Rect, bounds: Rect) -> bool:
    return (rect[0] >= bounds[0] and rect[1] >= bounds[1] and rect[0] + rect[2] <= bounds[0] + bounds[2]
            and rect[1] + rect[3] <= bounds[1] + bounds[3])


def _free(rect: Rect, own_key: str, placed: list[PlacedLabel], markers: dict[str, Rect]) -> bool:
    if any(intersects(rect, label.rect) for label in placed if label.key != own_key):
        return False
    return not any(intersects(rect, marker) for key, marker in markers.items() if key != own_key)


def _free_spot(request: LabelRequest, placed: list[PlacedLabel], markers: dict[str, Rect],
               bounds: Rect, chosen_keys: frozenset[str] = frozenset()) -> Rect | None:
    if request.chosen:  # only the selection's own markers (and the legend) stay uncovered
        markers = {key: rect for key, rect in markers.items() if key in chosen_keys or key.startswith("\0")}
        spots = candidates(request) + candidates(request, gap=4.0 + request.height)
    else:
        spots = candidates(request)
    for rect in spots:
        if _inside(rect, bounds) and _free(rect, request.key, placed, markers):
            return rect
    return None


def _nearest(request: LabelRequest, placed: list[PlacedLabel], by_key: dict[str, LabelRequest],
             reach: float) -> PlacedLabel | None:
    best, best_distance = None, reach
    for label in placed:
        owner = by_key[label.key]
        if owner.group != request.group:
            continue
        distance = math.hypot(owner.x - request.x, owner.y - request.y)
        if distance <= best_distance:
            best, best_distance = label, distance
    return best


def _widen(label: PlacedLabel, request: LabelRequest, placed: list[PlacedLabel], markers: dict[str, Rect],
           bounds: Rect) -> None:
    """Make room for the "+N" suffix, keeping the label's side; drop the count if it does not fit."""
    x, y, w, h = label.rect
    extra = request.extra_width
    grown = (x - extra, y, w + extra, h) if x + w <= request.x else (x, y, w + extra, h)
    if _inside(grown, bounds) and _free(grown, label.key, placed, markers):
        label.rect = grown
    else:
        label.hidden.clear()
