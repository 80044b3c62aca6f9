"""The map's GeoJSON reader: strict about what it draws, clear about what is wrong, and the built-in map."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from zusammenleben.content import geojson
from zusammenleben.content.geojson import GeoJsonError, bounds, pack_outlines, parse_outlines, read_outlines
from zusammenleben.content.load import load_pack
from zusammenleben.paths import builtin_pack_dir

SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
HOLE = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]]


def collection(*features) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def feature(geometry, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def test_polygons_multipolygons_and_holes():
    outlines = parse_outlines(collection(
        feature({"type": "Polygon", "coordinates": [SQUARE, HOLE]}, name="A", iso_n3="056"),
        feature({"type": "MultiPolygon", "coordinates": [[SQUARE], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}, name="B"),
    ))
    assert [o.name for o in outlines] == ["A", "B"]
    assert outlines[0].code == "056"
    assert len(outlines[0].polygons) == 1 and len(outlines[0].polygons[0]) == 2  # outer ring and hole
    assert len(outlines[1].polygons) == 2
    assert outlines[0].polygons[0][0][1] == (1.0, 0.0)
    assert bounds(outlines) == (0.0, 0.0, 6.0, 6.0)
    assert bounds(()) is None


def test_other_geometries_and_empty_features_are_skipped():
    outlines = parse_outlines(collection(
        feature({"type": "Point", "coordinates": [4.48, 51.03]}, name="Mechelen"),
        feature({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
        feature(None),
        feature({"type": "Polygon", "coordinates": [SQUARE]}, name="kept"),
    ))
    assert [o.name for o in outlines] == ["kept"]


@pytest.mark.parametrize(("text", "message"), [
    ("{kein json", "not JSON"),
    ('{"type": "Feature"}', "expected a FeatureCollection"),
    ('{"type": "FeatureCollection", "features": {}}', "'features' must be a list"),
    (collection({"type": "Geometry"}), "feature 0: expected a Feature"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]})), "not closed"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]})), "at least four"),
    (collection(feature({"type": "Polygon", "coordinates": []})), "non-empty list of rings"),
    (collection(feature({"type": "MultiPolygon", "coordinates": []})), "non-empty list of polygons"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]})), "outside"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0, 0], [True, 0], [1, 1], [0, 0]]]})),
     "finite numbers"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0, 0], ["1", 0], [1, 1], [0, 0]]]})),
     "finite numbers"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": '
     '{"type": "Polygon", "coordinates": [[[0, 0], [NaN, 0], [1, 1], [0, 0]]]}}]}', "finite numbers"),
    (collection(feature({"type": "Polygon", "coordinates": [[[0], [1, 0], [1, 1], [0]]]})), "[lon, lat]"),
    (json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": [], "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}]}),
     "'properties' must be an object"),
    (collection(feature("Polygon")), "'geometry' must be an object"),
    ("[" * 100_000 + "]" * 100_000, "not JSON"),
])
def test_broken_files_give_a_clear_error(text, message):
    with pytest.raises(GeoJsonError) as error:
        parse_outlines(text)
    assert message in str(error.value)


def test_read_refuses_huge_and_non_utf8_files(tmp_path, monkeypatch):
    path = tmp_path / "map.geojson"
    path.write_bytes(b'{"type": "FeatureCollection", "features": []}  ' + "é".encode("latin-1"))
    with pytest.raises(GeoJsonError, match="not UTF-8"):
        read_outlines(path)
    path.write_text(collection(feature({"type": "Polygon", "coordinates": [SQUARE]})), encoding="utf-8")
    assert len(read_outlines(path)) == 1
    monkeypatch.setattr(geojson, "MAX_BYTES", 10)
    with pytest.raises(GeoJsonError, match="larger than"):
        read_outlines(path)


def test_pack_outlines_never_leave_the_pack_and_never_raise(tmp_path):
    root = tmp_path / "pack"
    (root / "map").mkdir(parents=True)
    (root / "map" / "europe.geojson").write_text(collection(feature({"type": "Polygon", "coordinates": [SQUARE]})))
    (tmp_path / "outside.geojson").write_text(collection(feature({"type": "Polygon", "coordinates": [SQUARE]})))
    (root / "map" / "broken.geojson").write_text("{kein json")
    pack = lambda rel: SimpleNamespace(root=str(root), map_path=rel)  # noqa: E731
    assert len(pack_outlines(pack("map/europe.geojson"))) == 1
    assert pack_outlines(pack("../outside.geojson")) == ()
    assert pack_outlines(pack("map/missing.geojson")) == ()
    assert pack_outlines(pack("map/broken.geojson")) == ()
    assert pack_outlines(pack("")) == ()


# -- the built-in map ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def builtin():
    result = load_pack(builtin_pack_dir())
    assert result.pack is not None
    return result.pack


def test_builtin_map_covers_every_place_with_room_around(builtin):
    outlines = pack_outlines(builtin)
    assert len(outlines) >= 60
    lon_min, lat_min, lon_max, lat_max = bounds(outlines)
    for place in builtin.places:
        # a fitted map on a wide screen shows far beyond the towns: no cut edge of the data may show
        assert lon_min + 15 <= place.lon <= lon_max - 15, place.id
        assert lat_min + 5 <= place.lat <= lat_max - 5, place.id
    names = {outline.name for outline in outlines}
    assert {"Belgium", "Germany", "Lithuania", "Cyprus", "Malta", "Turkey", "Norway"} <= names


def test_builtin_map_records_its_origin_and_licence(builtin):
    readme = (Path(builtin.root) / "map" / "README.md").read_text(encoding="utf-8")
    for needed in ("Natural Earth", "public domain", "world-atlas", "make_map.py", "sha256"):
        assert needed in readme
    data = json.loads((Path(builtin.root) / builtin.map_path).read_text(encoding="utf-8"))
    assert "Natural Earth" in data["properties"]["source"]
    assert (Path(builtin.root) / builtin.map_path).stat().st_size < 400 * 1024  # small enough to ship
