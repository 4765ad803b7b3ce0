"""The GeoPackage writer of new layers from arrays (store.fast_io.write_gpkg) and the MultiPolygon conversion."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from gpkg_checks import check_gpkg_output_index
from osgeo import ogr
from shapely.geometry import box

from mine_supervision_plugin.store import fast_io

X0, Y0 = 38_500_000.0, 3_850_000.0

ogr.UseExceptions()


def test_multipolygons_of_keeps_the_polygonal_parts_of_everything():
    collection = shapely.GeometryCollection([box(0, 0, 1, 1), shapely.LineString([(0, 0), (5, 5)]),
                                             shapely.MultiPolygon([box(2, 2, 3, 3), box(4, 4, 5, 5)])])
    out = fast_io.multipolygons_of(np.array([box(0, 0, 2, 2), None, shapely.Polygon(), collection,
                                             shapely.MultiPolygon([box(0, 0, 1, 1), box(3, 3, 4, 4)])], dtype=object))
    assert [g.geom_type for g in out] == ["MultiPolygon"] * 5
    assert out[0].equals(shapely.MultiPolygon([box(0, 0, 2, 2)]))
    assert out[1].is_empty and out[2].is_empty
    assert len(out[3].geoms) == 3 and out[3].area == 3.0
    assert len(out[4].geoms) == 2


def test_write_gpkg_writes_every_row_its_types_and_a_working_spatial_index(tmp_path):
    geometries = np.array([box(X0 + 100 * i, Y0, X0 + 100 * i + 50, Y0 + 50 + i) for i in range(6)] + [shapely.Polygon()],
                          dtype=object)
    names = [f"C{i}" for i in range(6)] + ["许可证"]
    areas = [float(g.area) for g in geometries[:-1]] + [np.nan]
    flags = [True, False, None, True, False, True, False]
    counts = [np.int64(i) for i in range(7)]
    target = tmp_path / "out" / "outside.gpkg"
    target.parent.mkdir()
    target.write_text("an old file, replaced")
    fast_io.write_gpkg(target, [("license_no", "text"), ("area_m2", "real"), ("flag", "boolean"),
                                ("pieces", "integer")], [names, areas, flags, counts], geometries, "EPSG:4526")
    source = ogr.Open(str(target))
    layer = source.GetLayer(0)
    assert layer.GetName() == "outside" and layer.GetGeomType() == ogr.wkbMultiPolygon
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "4526"
    defn = layer.GetLayerDefn()
    kinds = {defn.GetFieldDefn(i).GetName(): (defn.GetFieldDefn(i).GetType(), defn.GetFieldDefn(i).GetSubType())
             for i in range(defn.GetFieldCount())}
    assert kinds == {"license_no": (ogr.OFTString, ogr.OFSTNone), "area_m2": (ogr.OFTReal, ogr.OFSTNone),
                     "flag": (ogr.OFTInteger, ogr.OFSTBoolean), "pieces": (ogr.OFTInteger64, ogr.OFSTNone)}
    rows = [(f.GetFID(), f.GetField("license_no"), f.GetField("area_m2"), f.GetField("flag"), f.GetField("pieces"),
             f.GetGeometryRef().ExportToWkt()) for f in layer]
    assert [r[0] for r in rows] == list(range(1, 8))
    assert [r[1] for r in rows] == names
    assert [r[2] for r in rows][:6] == pytest.approx(areas[:6]) and rows[6][2] is None
    assert [r[3] for r in rows] == [1, 0, None, 1, 0, 1, 0]
    assert [r[4] for r in rows] == list(range(7))
    for (_fid, *_rest, wkt), geometry in zip(rows, geometries):
        assert shapely.from_wkt(wkt).equals(geometry) or (geometry.is_empty and shapely.from_wkt(wkt).is_empty)
    minx, maxx, miny, maxy = layer.GetExtent()
    assert (minx, miny, maxx, maxy) == pytest.approx(tuple(shapely.total_bounds(geometries[:-1])))
    layer = source = None
    check_gpkg_output_index(target, "license_no")


def test_write_gpkg_of_nothing_is_an_empty_layer(tmp_path):
    target = tmp_path / "none.gpkg"
    fast_io.write_gpkg(target, [("license_no", "text")], [[]], np.zeros(0, dtype=object), "EPSG:4526",
                       layer_name="growth")
    source = ogr.Open(str(target))
    assert source.GetLayer(0).GetName() == "growth" and source.GetLayer(0).GetFeatureCount() == 0
