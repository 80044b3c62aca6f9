"""Make the partnership map's country outlines: Natural Earth → a small, simplified GeoJSON of Europe.

Dev-only (not shipped, not run by the app or CI). Input: ``countries-50m.json`` from the npm package
``world-atlas`` 2.0.2, a TopoJSON redistribution of Natural Earth 4.1.0 "Admin 0 – Countries" 1:50m
(public domain). Get it with ``npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz``.

Why TopoJSON: neighbouring countries share their border arcs, so simplifying each arc once keeps the
borders of both countries identical (no slivers or gaps). Steps: decode the quantized arcs, simplify
each arc (Douglas–Peucker, endpoints kept), assemble the polygons, clip them to the map frame
(Sutherland–Hodgman against the rectangle), drop rings that became too small, round coordinates.

    python tools/make_map.py /tmp/ne/package/countries-50m.json resources/packs/mechelen/map/europe.geojson

Standard library only, deterministic output.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from pathlib import Path

FRAME = (-45.0, 22.0, 75.0, 78.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.03  # degrees; Douglas–Peucker distance
MIN_RING_AREA = 0.005  # square degrees; smaller islands are dropped (Malta, ~0.03, stays)
DECIMALS = 2

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Quantized, delta-encoded arcs → absolute lon/lat points."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _distance(point: Point, start: Point, end: Point) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative; the first and last point always stay (they are shared with other arcs)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def ring_from_arcs(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    ring: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc if not ring else arc[1:])
    return ring


def clip_ring(ring: list[Point], frame: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman against the four edges of the frame."""
    lon_min, lat_min, lon_max, lat_max = frame
    edges = (
        (lambda p: p[0] >= lon_min, lambda a, b: _cut_x(a, b, lon_min)),
        (lambda p: p[0] <= lon_max, lambda a, b: _cut_x(a, b, lon_max)),
        (lambda p: p[1] >= lat_min, lambda a, b: _cut_y(a, b, lat_min)),
        (lambda p: p[1] <= lat_max, lambda a, b: _cut_y(a, b, lat_max)),
    )
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, cut in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cut(previous, current))
            previous = current
        points = result
    return points + points[:1] if points else []


def _cut_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def area(ring: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))) / 2


def rounded(ring: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def country_polygons(geometry: dict, arcs: list[list[Point]]) -> list[list[list[list[float]]]]:
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    result = []
    for polygon in polygons:
        rings = []
        for position, ring_arcs in enumerate(polygon):
            ring = clip_ring(ring_from_arcs(ring_arcs, arcs), FRAME)
            if len(ring) < 4 or area(ring) < MIN_RING_AREA:
                if position == 0:
                    break  # the outer ring is gone: so is the polygon
                continue
            ring = rounded(ring)
            if len(ring) >= 4:
                rings.append(ring)
            elif position == 0:
                break
        if rings:
            result.append(rings)
    return result


def make_geojson(topology: dict) -> dict:
    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology)]
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = country_polygons(geometry, arcs)
        if not polygons:
            continue
        shape = {"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1 else {
            "type": "MultiPolygon", "coordinates": polygons}
        features.append({
            "type": "Feature",
            "properties": {"name": geometry.get("properties", {}).get("name", ""), "iso_n3": geometry.get("id", "")},
            "geometry": shape,
        })
    features.sort(key=lambda feature: feature["properties"]["name"])
    return {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 4.1.0, Admin 0 – Countries 1:50m (public domain), via npm world-atlas 2.0.2",
            "frame": list(FRAME),
            "tolerance": TOLERANCE,
        },
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-50m.json from world-atlas 2.0.2")
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    collection = make_geojson(topology)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} countries, {len(text.encode()) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
