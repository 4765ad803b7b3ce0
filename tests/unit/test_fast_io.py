"""Store-level fast I/O (store/fast_io.py): OGR's Arrow reader into arrays and the GeoPackage join writer.

No QGIS application needed: GDAL, numpy, shapely and SQLite only."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest
import shapely
from gpkg_checks import check_gpkg_output_index
from osgeo import ogr, osr
from shapely.geometry import box

from mine_supervision_plugin.store import fast_io

X0, Y0 = 38_500_000.0, 3_850_000.0
EPSG = 4526

ogr.UseExceptions()


def sq(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


BOW_TIE = shapely.Polygon([(X0, Y0 + 500), (X0 + 10, Y0 + 510), (X0 + 10, Y0 + 500), (X0, Y0 + 510)])
#: (patch_no, date_after, area, count, geometry): a null geometry, an empty one, an invalid one
ROWS = [
    ("TB001", dt.date(2024, 6, 1), 1.5, 3, sq(0, 0, 10, 10)),
    ("TB002", None, None, None, sq(100, 100, 130, 120)),
    ("方块三", dt.date(2023, 1, 31), 2.25, -4, sq(300, 300, 400, 420)),
    ("TB004", dt.date(2024, 2, 29), 0.0, 0, None),
    ("TB005", dt.date(2024, 6, 1), 7.0, 1, shapely.Polygon()),
    ("TB006", dt.date(2024, 6, 1), 8.0, 2, BOW_TIE),
    ("TB007", dt.date(2024, 6, 2), 9.0, 5, sq(900, 50, 960, 90)),
]
FIELDS = [
    ("patch_no", ogr.OFTString),
    ("date_after", ogr.OFTDate),
    ("area", ogr.OFTReal),
    ("count", ogr.OFTInteger),
    ("prejudgment", ogr.OFTString),  # replaced by the result column of the same name
]


def write_layer(path, rows=ROWS, *, spatial_index=True, layer_name="patches"):
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    options = [] if spatial_index else ["SPATIAL_INDEX=NO"]
    layer = source.CreateLayer(layer_name, srs, ogr.wkbPolygon, options=options)
    for name, kind in FIELDS:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for number, day, area, count, geometry in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("patch_no", number)
        if day is not None:
            feature.SetField("date_after", day.year, day.month, day.day, 0, 0, 0, 0)
        if area is not None:
            feature.SetField("area", area)
            feature.SetField("count", count)
        feature.SetField("prejudgment", "stale")
        if geometry is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    layer = source = None
    return path


# ------------------------------------------------------------------------------- reading


def test_read_layer_into_arrays(tmp_path):
    path = write_layer(tmp_path / "patches.gpkg")
    data = fast_io.read_layer(path, "patches", None, ["patch_no", "date_after", "area", "count", "patch_no"])
    assert data is not None and data.fast
    assert data.fids.tolist() == list(range(1, len(ROWS) + 1))
    assert list(data.attributes) == ["patch_no", "date_after", "area", "count"]  # asked once each
    assert data.attributes["patch_no"] == [r[0] for r in ROWS]
    assert data.attributes["date_after"] == [r[1] for r in ROWS]
    assert all(isinstance(v, dt.date) for v in data.attributes["date_after"] if v is not None)
    assert data.attributes["area"] == [r[2] for r in ROWS]
    assert data.attributes["count"] == [r[3] for r in ROWS]
    # geometries as stored: none where there is none, the empty one empty, the bow tie as it is (invalid)
    assert data.geometries[3] is None
    assert data.geometries[4] is not None and data.geometries[4].is_empty
    assert not data.geometries[5].is_valid
    for k in (0, 1, 2, 5, 6):
        assert shapely.equals_exact(data.geometries[k], ROWS[k][4], 0), k
    bounds, count = data.extent
    assert count == 5
    assert tuple(bounds) == (X0, Y0, X0 + 960, Y0 + 510)
    assert data.crs == f"EPSG:{EPSG}"
    assert data.status is None
    # by number, only the geometry
    again = fast_io.read_layer(str(path), None, 0)
    assert again.attributes == {} and again.fids.tolist() == data.fids.tolist()


def test_read_layer_answers_none_when_it_cannot(tmp_path):
    path = write_layer(tmp_path / "patches.gpkg")
    assert fast_io.read_layer(path, "patches", None, ["no_such_field"]) is None
    assert fast_io.read_layer(path, "no_such_layer") is None
    assert fast_io.read_layer(tmp_path / "missing.gpkg") is None


def test_read_layer_checks_geometries_batch_by_batch(tmp_path, monkeypatch):
    """The check runs on every batch as it is read; statuses and repaired geometries stay with their features,
    the extent is that of the geometries as read."""
    path = write_layer(tmp_path / "patches.gpkg")
    seen = []

    def check(geometries):
        seen.append(len(geometries))
        status = np.array([0 if g is None else (1 if g.is_valid else 2) for g in geometries], dtype=np.int8)
        fixed = np.array([g if g is None or g.is_valid else shapely.make_valid(g) for g in geometries], dtype=object)
        return fixed, status

    monkeypatch.setattr(fast_io, "BATCH_SIZE", 2)
    data = fast_io.read_layer(path, "patches", None, ["patch_no"], check=check, workers=2)
    assert seen == [2, 2, 2, 1]
    assert data.status.tolist() == [1, 1, 1, 0, 1, 2, 1]
    assert data.geometries[5].is_valid and data.geometries[5].area == pytest.approx(50.0)
    assert data.extent[1] == 5 and tuple(data.extent[0]) == (X0, Y0, X0 + 960, Y0 + 510)


def test_wkb_array_keeps_trailing_zero_bytes():
    """Same-length WKB comes as a fixed-size array: the values keep every byte, nulls stay None."""
    wkb = [shapely.to_wkb(shapely.Point(0, 0)), shapely.to_wkb(shapely.Point(1, 0))]
    assert wkb[0].endswith(b"\x00")
    column = np.ma.masked_array(np.array(wkb + [b"\x00" * len(wkb[0])], dtype="V21"), mask=[False, False, True])
    values = fast_io.wkb_array(column)
    assert values.tolist() == wkb + [None]
    assert fast_io.wkb_array(np.array(wkb, dtype=object)).tolist() == wkb


def test_plain_values():
    assert fast_io.plain_values(np.array(["方块".encode(), b"x"], dtype="S6")) == ["方块", "x"]
    days = np.ma.masked_array(np.array(["2024-06-01", "2024-01-01"], dtype="datetime64[ms]"), mask=[False, True])
    assert fast_io.plain_values(days) == [dt.date(2024, 6, 1), None]
    assert fast_io.plain_values(np.array([1.5, 2.0])) == [1.5, 2.0]


def test_extent_of():
    geometries = np.array([None, shapely.Polygon(), sq(0, 0, 1, 1), sq(5, 5, 6, 7)], dtype=object)
    bounds, count = fast_io.extent_of(geometries)
    assert count == 2 and tuple(bounds) == (X0, Y0, X0 + 6, Y0 + 7)
    assert fast_io.extent_of(np.array([None], dtype=object)) == ((None, None, None, None), 0)


# ------------------------------------------------------------------------------- writing

COLUMNS = [("prejudgment", "text"), ("inside_area_m2", "real"), ("repeat", "integer"), ("flag", "boolean"),
           ("zone_name", "text")]


def results_for(fids):
    """Results for every feature but the last; zone_name NULL throughout."""
    fids = [int(f) for f in fids][:-1]
    return fids, [
        [f"code{f}" for f in fids],
        [f * 1.25 for f in fids],
        [f if f % 2 else None for f in fids],
        [bool(f % 2) for f in fids],
        [None for _ in fids],
    ]


def stored_rows(path):
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    kinds = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetTypeName() for i in range(defn.GetFieldCount())}
    rows = {}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows[feature.GetFID()] = (
            {n: feature.GetField(n) for n in names},
            None if geometry is None else bytes(geometry.ExportToIsoWkb()),
        )
    info = (layer.GetName(), names, kinds, layer.GetSpatialRef().GetAuthorityCode(None), layer.GetFeatureCount())
    layer = source = None
    return info, rows


@pytest.mark.parametrize("spatial_index", [True, False], ids=["index copied", "index built"])
def test_write_joined_gpkg(tmp_path, spatial_index):
    source = write_layer(tmp_path / "patches.gpkg", spatial_index=spatial_index)
    data = fast_io.read_layer(source, "patches", None, [])
    fids, values = results_for(data.fids)
    target = tmp_path / "out" / "judged.gpkg"
    target.parent.mkdir()
    target.write_bytes(b"an older output")  # replaced
    steps = []
    fast_io.write_joined_gpkg(
        target, source, "patches", None, fids, COLUMNS, values, extent=data.extent, progress=steps.append
    )
    assert steps == [93]
    (name, names, kinds, epsg, count), rows = stored_rows(target)
    assert name == "judged" and epsg == str(EPSG) and count == len(ROWS)
    # the source's fields in order (prejudgment replaced in place), then the new result columns
    assert names == ["patch_no", "date_after", "area", "count", "prejudgment", "inside_area_m2", "repeat", "flag",
                     "zone_name"]
    assert kinds["date_after"] == "Date" and kinds["inside_area_m2"] == "Real"
    assert kinds["repeat"] in ("Integer", "Integer64") and kinds["patch_no"] == "String"
    _, source_rows = stored_rows(source)
    assert sorted(rows) == sorted(source_rows)  # fids kept
    for fid, (fields, geometry) in rows.items():
        source_fields, source_geometry = source_rows[fid]
        assert geometry == source_geometry  # the invalid one too, untouched
        for key in ("patch_no", "date_after", "area", "count"):
            assert fields[key] == source_fields[key]
        if fid in fids:
            assert fields["prejudgment"] == f"code{fid}"
            assert fields["inside_area_m2"] == fid * 1.25
            assert fields["repeat"] == (fid if fid % 2 else None)
            assert fields["flag"] == fid % 2
        else:  # no results: NULLs, the stale source value replaced too
            assert all(fields[n] is None for n, _ in COLUMNS)
        assert fields["zone_name"] is None
    if spatial_index:  # the source's R-tree copied entry for entry
        connection = sqlite3.connect(str(target))
        try:
            connection.execute(f"ATTACH DATABASE '{source}' AS source_db")
            ours = connection.execute("SELECT * FROM rtree_judged_geom ORDER BY id").fetchall()
            theirs = connection.execute("SELECT * FROM source_db.rtree_patches_geom ORDER BY id").fetchall()
            assert ours == theirs and len(ours) == 5
        finally:
            connection.close()
    check_gpkg_output_index(target)  # answers a bounding-box query, indexes a feature added later


def test_write_joined_gpkg_without_extent_lets_gdal_copy(tmp_path):
    """Without the extent read (nothing known of the source's index) GDAL copies the rows and builds the index."""
    source = write_layer(tmp_path / "patches.gpkg")
    fids, values = results_for(range(1, len(ROWS) + 1))
    target = tmp_path / "judged.gpkg"
    fast_io.write_joined_gpkg(target, source, None, 0, fids, COLUMNS, values)
    (_, names, _, _, count), rows = stored_rows(target)
    assert count == len(ROWS) and rows[1][0]["prejudgment"] == "code1" and rows[7][0]["prejudgment"] is None
    check_gpkg_output_index(target)


def test_rtree_of(tmp_path):
    with_index = write_layer(tmp_path / "a.gpkg")
    without = write_layer(tmp_path / "b.gpkg", spatial_index=False)
    connection = sqlite3.connect(str(with_index))
    try:
        connection.execute(f"ATTACH DATABASE '{without}' AS other")
        assert fast_io.rtree_of(connection, "main", "patches", "geom") == "rtree_patches_geom"
        assert fast_io.rtree_of(connection, "main", "PATCHES", "GEOM") is not None  # names in any case
        assert fast_io.rtree_of(connection, "other", "patches", "geom") is None
    finally:
        connection.close()
