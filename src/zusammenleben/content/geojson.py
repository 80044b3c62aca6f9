"""A tiny, strict GeoJSON reader for the partnership map's country outlines (no Qt, nothing executed).

Only what the map needs: a FeatureCollection of Polygon and MultiPolygon features, lon/lat degrees.
Everything is validated (types, nesting, numeric finite coordinates in range, closed rings), so a
broken or hostile file gives a clear ``GeoJsonError`` instead of a half-drawn map. Other geometry
types are skipped, not errors: a pack author may leave points or lines in the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from zusammenleben.bounded_read import ReadRefusedError, read_text_bounded

MAX_BYTES = 5 * 1024 * 1024  # a country outline file is ~100 KB; refuse anything absurd

Ring = tuple[tuple[float, float], ...]


class GeoJsonError(ValueError):
    """The file is not the GeoJSON the map can draw; the message says where."""


@dataclass(frozen=True)
class Outline:
    """One country (or other area): its name and polygons, each an outer ring followed by its holes."""

    name: str
    polygons: tuple[tuple[Ring, ...], ...]
    code: str = ""


def parse_outlines(text: str) -> tuple[Outline, ...]:
    """Parse GeoJSON text into outlines; raises ``GeoJsonError`` with the feature index on bad input."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise GeoJsonError(f"not JSON: {error}") from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeoJsonError("expected a FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise GeoJsonError("'features' must be a list")
    outlines = []
    for index, feature in enumerate(features):
        outline = _feature(feature, index)
        if outline is not None:
            outlines.append(outline)
    return tuple(outlines)


def read_outlines(path: Path) -> tuple[Outline, ...]:
    """Read a GeoJSON file (UTF-8, at most ``MAX_BYTES``)."""
    path = Path(path)
    try:
        text = read_text_bounded(path, MAX_BYTES)
    except ReadRefusedError as problem:
        if problem.kind == ReadRefusedError.TOO_LARGE:
            raise GeoJsonError(f"{path.name}: larger than {MAX_BYTES // 1024 // 1024} MB") from None
        raise GeoJsonError(f"{path.name}: {problem.kind} {problem.detail}".rstrip()) from None
    except UnicodeDecodeError as error:
        raise GeoJsonError(f"{path.name}: not UTF-8") from error
    return parse_outlines(text)


def pack_outlines(pack) -> tuple[Outline, ...]:
    """The outlines a pack names in ``pack.toml`` (``map``), or none; never raises for a missing map."""
    if not pack.map_path or not pack.root:
        return ()
    root = Path(pack.root).resolve()
    path = (root / pack.map_path).resolve()
    if root not in path.parents or not path.is_file():
        return ()
    try:
        return read_outlines(path)
    except (GeoJsonError, OSError):
        return ()


def bounds(outlines: tuple[Outline, ...]) -> tuple[float, float, float, float] | None:
    """``(lon_min, lat_min, lon_max, lat_max)`` over every ring, or None for no outlines."""
    lons = [lon for o in outlines for p in o.polygons for r in p for lon, _lat in r]
    lats = [lat for o in outlines for p in o.polygons for r in p for _lon, lat in r]
    if not lons:
        return None
    return min(lons), min(lats), max(lons), max(lats)


# -- validation ------------------------------------------------------------------------------------


def _feature(feature: object, index: int) -> Outline | None:
    where = f"feature {index}"
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise GeoJsonError(f"{where}: expected a Feature")
    geometry = feature.get("geometry")
    if geometry is None:
        return None
    if not isinstance(geometry, dict):
        raise GeoJsonError(f"{where}: 'geometry' must be an object")
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = (_polygon(coordinates, where),)
    elif kind == "MultiPolygon":
        if not isinstance(coordinates, list) or not coordinates:
            raise GeoJsonError(f"{where}: MultiPolygon needs a non-empty list of polygons")
        polygons = tuple(_polygon(polygon, f"{where} polygon {i}") for i, polygon in enumerate(coordinates))
    else:
        return None
    properties = feature.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        raise GeoJsonError(f"{where}: 'properties' must be an object")
    name = properties.get("name", "")
    code = properties.get("iso_a2", properties.get("iso_n3", ""))
    return Outline(name=str(name) if isinstance(name, str) else "", polygons=polygons,
                   code=str(code) if isinstance(code, str | int) else "")


def _polygon(rings: object, where: str) -> tuple[Ring, ...]:
    if not isinstance(rings, list) or not rings:
        raise GeoJsonError(f"{where}: a polygon is a non-empty list of rings")
    return tuple(_ring(ring, f"{where} ring {i}") for i, ring in enumerate(rings))


def _ring(ring: object, where: str) -> Ring:
    if not isinstance(ring, list) or len(ring) < 4:
        raise GeoJsonError(f"{where}: a ring needs at least four positions")
    points = tuple(_position(position, where) for position in ring)
    if points[0] != points[-1]:
        raise GeoJsonError(f"{where}: ring is not closed")
    return points


def _position(position: object, where: str) -> tuple[float, float]:
    if not isinstance(position, list) or len(position) < 2:
        raise GeoJsonError(f"{where}: a position is [lon, lat]")
    lon, lat = position[0], position[1]
    for value in (lon, lat):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise GeoJsonError(f"{where}: coordinates must be finite numbers")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise GeoJsonError(f"{where}: [{lon}, {lat}] is outside lon −180…180, lat −90…90")
    return float(lon), float(lat)
