"""minesupervision:importsurvey and comparesurvey in real QGIS Processing (the registry): a DXF round and a
GeoPackage round of hand-made extents, recorded in a real supervision GeoPackage, then compared."""

from __future__ import annotations

import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback
from shapely import box

from mine_supervision_plugin.processing.provider import PROVIDER_ID
from mine_supervision_plugin.store.database import create_database
from mine_supervision_plugin.store.ogr_util import to_ogr_geometry

E0, N0 = 38_500_000.0, 4_000_000.0
LIC_A, LIC_B = "C1404042010127130000001", "C1404042010127130000002"


def moved(geometry):
    return shapely.transform(geometry, lambda xy: xy + [E0, N0])


def run(registry, name, parameters):
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:{name}")
    assert algorithm is not None
    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, QgsProcessingFeedback(), {}, False)
    assert ok
    return results


def dxf(path, entities):
    source = ogr.GetDriverByName("DXF").CreateDataSource(str(path))
    layer = source.CreateLayer("entities")
    for drawing_layer, geometry in entities:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", drawing_layer)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    source = layer = None
    return path


def rows(path, layer=None):
    source = ogr.Open(str(path))
    found = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    return [dict(feature.items(), _area=feature.GetGeometryRef().GetArea()) for feature in found]


@pytest.fixture()
def database(tmp_path):
    path = create_database(tmp_path / "county.gpkg")
    source = ogr.Open(path, update=1)
    layer = source.GetLayerByName("mining_rights")
    for number, geometry, top, bottom in ((LIC_A, box(0, 0, 100, 100), 500.0, 300.0),
                                          (LIC_B, box(200, 0, 300, 100), 500.0, 300.0)):
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in (("license_no", number), ("mine_name", "示范矿"), ("holder", "示范"),
                           ("depth_top_m", top), ("depth_bottom_m", bottom)):
            feature.SetField(key, value)
        feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon([moved(geometry)])))
        layer.CreateFeature(feature)
    source = layer = feature = None
    return path


def test_a_dxf_round_and_its_comparison_with_the_previous_one(registry, database, tmp_path):
    first = dxf(tmp_path / "2026-1.dxf", [("开采范围", moved(box(10, 10, 50, 50)).exterior),
                                          ("开采范围", moved(box(210, 10, 250, 50)).exterior)])
    ring = moved(box(10, 10, 130, 50)).exterior  # across A's east side by 30 m
    works = shapely.LineString([(x, y, z) for (x, y), z in zip(moved(box(220, 20, 260, 60)).exterior.coords,
                                                                (290.0, 280.0, 285.0, 290.0, 290.0))])
    second = dxf(tmp_path / "2026-2.dxf", [("开采范围", ring), ("井下", works),
                                           ("开采范围", shapely.LineString([(E0, N0), (E0 + 5, N0 + 9)]))])
    for path, round_id in ((first, "2026-1"), (second, "2026-2")):
        results = run(registry, "importsurvey", {"INPUT": str(path), "CRS": "EPSG:4526", "ROUND": round_id,
                                                 "METHOD": 0, "DATE": "2026-06-01", "SURVEYOR": "某测绘院",
                                                 "DATABASE": database})
        assert (results["FILES_READ"], results["EXTENTS"], results["MINES"], results["UNMATCHED"]) == (1, 2, 2, 0)
    stored = rows(database, "survey_extents")
    assert {r["matched_by"] for r in stored} == {"location"} and {r["surveyor"] for r in stored} == {"某测绘院"}
    gpkg = f"{database}|layername=survey_extents|subset="
    outside, summary, growth = tmp_path / "outside.gpkg", tmp_path / "summary.gpkg", tmp_path / "growth.gpkg"
    results = run(registry, "comparesurvey", {
        "SURVEY": gpkg + "\"survey_round\" = '2026-2'", "RIGHTS": f"{database}|layername=mining_rights",
        "PREVIOUS": gpkg + "\"survey_round\" = '2026-1'", "APPROACH_M": 20,
        "OUTPUT_OUTSIDE": str(outside), "OUTPUT_SUMMARY": str(summary), "OUTPUT_GROWTH": str(growth)})
    assert {k: results[k] for k in ("MINES", "OUTSIDE_MINES", "OUTSIDE_PIECES", "GROWING_MINES", "DEEPER_MINES",
                                    "UNMATCHED")} == {
        "MINES": 2, "OUTSIDE_MINES": 1, "OUTSIDE_PIECES": 1, "GROWING_MINES": 2, "DEEPER_MINES": 1, "UNMATCHED": 0}
    (piece,) = rows(outside)
    assert (piece["license_no"], piece["area_m2"], piece["max_distance_m"], piece["near_corners"]) == (
        LIC_A, 1200.0, 30.0, "1-2")  # shapely.box: corner 1 is (maxx, miny), the east side 1-2
    by_mine = {r["license_no"]: r for r in rows(summary)}
    a, b = by_mine[LIC_A], by_mine[LIC_B]
    assert (a["surveyed_area_m2"], a["outside_area_m2"], a["growth_area_m2"], a["growth_outside_area_m2"]) == (
        4800.0, 1200.0, 3200.0, 1200.0)
    assert a["grew_toward_boundary"] == 1
    assert (b["below_bottom_m"], b["above_top_m"], b["elevation_bottom_m"]) == (20.0, None, 280.0)
    assert b["depth_finding"] == "20.0 m below the licensed bottom"
    assert sum(r["area_m2"] for r in rows(growth)) == 3200.0 + 1600.0 - 900.0  # B: its new 1600 less 900 kept


def test_a_dxf_without_closed_polylines_is_refused_by_layer_and_handle(registry, database, tmp_path):
    path = dxf(tmp_path / "open.dxf", [("KC", shapely.LineString([(E0, N0), (E0 + 50, N0 + 50), (E0 + 90, N0)]))])
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importsurvey")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException) as refused:
        algorithm.run({"INPUT": str(path), "CRS": "EPSG:4526", "ROUND": "2026-1", "DATABASE": database}, context,
                      feedback, {}, False)
    assert "open.dxf has no closed polyline" in str(refused.value) and "layer KC, entity" in str(refused.value)
    assert rows(database, "survey_extents") == []
