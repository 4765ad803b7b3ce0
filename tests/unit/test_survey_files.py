"""Survey extents read from the files contractors deliver (formats.survey_extents) and recorded as a round
(store.surveys): GeoPackage, shapefile, GeoJSON and a real DXF written with GDAL's DXF driver."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import shapely
from osgeo import ogr, osr
from shapely import box

from mine_supervision_plugin.formats.survey_extents import SurveyReadError, read_survey_file, survey_layers
from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.ogr_util import to_ogr_geometry
from mine_supervision_plugin.store.schema import SCHEMA_VERSION
from mine_supervision_plugin.store.surveys import SurveyImportError, import_survey, survey_rounds

E0, N0 = 38_500_000.0, 4_000_000.0  # CGCS2000 3-degree zone 38, easting with zone prefix (EPSG:4526)
LIC_A, LIC_B = "C4100002026017120000001", "C4100002026017120000002"


def moved(geometry, dx=E0, dy=N0):
    return shapely.transform(geometry, lambda xy: xy + [dx, dy])


def write_layer(path: Path, rows, *, driver="GPKG", epsg=4526, name="extents", fields=("license_no",)):
    source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer(name, srs, ogr.wkbUnknown)
    for name_ in fields:
        layer.CreateField(ogr.FieldDefn(name_, ogr.OFTReal if name_.startswith("elevation") else ogr.OFTString))
    for geometry, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feature.SetField(key, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry, include_srid=False)))
        layer.CreateFeature(feature)
    source = layer = None
    return path


def write_dxf(path: Path, entities) -> Path:
    """entities: (drawing layer, WKT); GDAL's DXF driver writes lines as LWPOLYLINE, 3-D ones as POLYLINE.

    Then saved as a Chinese AutoCAD saves it: code page ANSI_936 (GBK), not the driver's UTF-8 under ANSI_1252.
    """
    source = ogr.GetDriverByName("DXF").CreateDataSource(str(path))
    layer = source.CreateLayer("entities")
    for drawing_layer, wkt in entities:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", drawing_layer)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = layer = None
    text = path.read_bytes().decode("utf-8").replace("$DWGCODEPAGE\n  3\nANSI_1252", "$DWGCODEPAGE\n  3\nANSI_936")
    assert "ANSI_936" in text
    path.write_bytes(text.encode("gbk"))
    return path


def ring_wkt(geometry, z=None) -> str:
    coords = list(geometry.exterior.coords)
    if z is None:
        return "LINESTRING (" + ", ".join(f"{x} {y}" for x, y in coords) + ")"
    return "LINESTRING Z (" + ", ".join(f"{x} {y} {zz}" for (x, y), zz in zip(coords, z)) + ")"


# --- readers ---------------------------------------------------------------------------------------


def test_a_dxf_closed_polylines_become_polygons_open_ones_are_named_by_layer_and_handle(tmp_path):
    pit = moved(box(0, 0, 100, 50))
    works = moved(box(200, 0, 260, 40))
    open_line = f"LINESTRING ({E0 + 300} {N0}, {E0 + 350} {N0 + 50}, {E0 + 400} {N0})"
    path = write_dxf(tmp_path / "survey.dxf", [
        ("开采范围", ring_wkt(pit)),
        ("井下巷道", ring_wkt(works, z=[212.5, 180.0, 175.0, 190.0, 212.5])),
        ("开采范围", open_line),
        ("注记", f"LINESTRING ({E0} {N0}, {E0 + 1} {N0 + 1})"),
    ])
    assert survey_layers(path) == ["井下巷道", "开采范围", "注记"]
    read = read_survey_file(path, target_epsg=4526, crs_epsg=4526)
    assert [f.geometry.area for f in read.features] == [5000.0, 2400.0]
    assert read.features[0].feature.startswith("layer 开采范围, entity ")
    underground = read.features[1]
    assert (underground.elevation_top_m, underground.elevation_bottom_m) == (212.5, 175.0)  # from the 3-D polyline
    (warning,) = [w for w in read.warnings if "open polylines" in w]
    handle = _handles(path)[2]
    assert f"layer 开采范围, entity {handle}" in warning and "layer 注记" in warning
    only_pit = read_survey_file(path, target_epsg=4526, crs_epsg=4526, layers=["开采范围"])
    assert len(only_pit.features) == 1


def _handles(path: Path) -> list[str]:
    source = ogr.Open(str(path))
    return [feature.GetField("EntityHandle") for feature in source.GetLayer(0)]


def test_a_dxf_polyline_with_its_closed_flag_is_a_polygon(tmp_path):
    """AutoCAD writes a closed LWPOLYLINE with flag 70 = 1 and no repeated vertex."""
    path = write_dxf(tmp_path / "flag.dxf",
                     [("KC", f"LINESTRING ({E0} {N0}, {E0 + 100} {N0}, {E0 + 100} {N0 + 100})")])
    text = path.read_text(encoding="gbk")
    head, tail = text.split("AcDbPolyline", 1)
    tail = tail.replace(" 70\n0\n", " 70\n1\n", 1)
    path.write_text(head + "AcDbPolyline" + tail, encoding="gbk")
    (feature,) = read_survey_file(path, target_epsg=4526, crs_epsg=4526).features
    assert feature.geometry.area == 5000.0


def test_a_dxf_without_closed_polylines_is_refused_naming_each_by_layer_and_handle(tmp_path):
    path = write_dxf(tmp_path / "open.dxf", [("KC", f"LINESTRING ({E0} {N0}, {E0 + 50} {N0 + 50}, {E0 + 90} {N0})"),
                                             ("KC2", f"LINESTRING ({E0} {N0}, {E0 + 9} {N0 + 5}, {E0 + 20} {N0})")])
    first, second = _handles(path)
    with pytest.raises(SurveyReadError) as refused:
        read_survey_file(path, target_epsg=4526, crs_epsg=4526)
    message = str(refused.value)
    assert "open.dxf has no closed polyline" in message
    assert f"layer KC, entity {first}" in message and f"layer KC2, entity {second}" in message


def test_a_dxf_needs_its_crs_and_coordinates_that_fit_it(tmp_path):
    path = write_dxf(tmp_path / "s.dxf", [("KC", ring_wkt(moved(box(0, 0, 10, 10))))])
    with pytest.raises(SurveyReadError, match="has no coordinate reference system"):
        read_survey_file(path, target_epsg=4526)
    with pytest.raises(SurveyReadError, match="do not fit EPSG:4539"):  # zone 30 without prefix: eastings < 1e6
        read_survey_file(path, target_epsg=4526, crs_epsg=4539)


def test_invalid_extents_are_repaired_and_named(tmp_path):
    bowtie = shapely.Polygon([(E0, N0), (E0 + 100, N0 + 100), (E0 + 100, N0), (E0, N0 + 100)])
    path = write_layer(tmp_path / "bow.gpkg", [(bowtie, {"license_no": LIC_A})])
    read = read_survey_file(path, target_epsg=4526)
    (feature,) = read.features
    assert feature.geometry.is_valid and feature.geometry.area == pytest.approx(5000.0)
    assert any("invalid extents repaired" in w and "extents #1" in w and "Self-intersection" in w
               for w in read.warnings)


def test_xian_1980_and_beijing_1954_are_refused_for_a_cgcs2000_database(tmp_path):
    for epsg in (2360, 2412):  # Xi'an 1980 / Beijing 1954, 3-degree zone 36 with prefix
        path = write_layer(tmp_path / f"old_{epsg}.gpkg", [(moved(box(0, 0, 10, 10), 36_500_000.0), {})], epsg=epsg)
        with pytest.raises(SurveyReadError) as refused:
            read_survey_file(path, target_epsg=4526)
        assert "a change of datum" in str(refused.value) and "China_2000" in str(refused.value)


def test_geojson_in_longitude_latitude_is_reprojected_to_the_database_crs(tmp_path):
    lonlat = box(114.0, 36.1, 114.001, 36.101)
    path = write_layer(tmp_path / "drone.geojson", [(lonlat, {"license_no": LIC_A})], driver="GeoJSON", epsg=4490)
    read = read_survey_file(path, target_epsg=4526)
    (feature,) = read.features
    x, y = feature.geometry.centroid.coords[0]
    assert 38_000_000 < x < 39_000_000 and 3_900_000 < y < 4_100_000
    assert 8_000 < feature.geometry.area < 10_000  # ~90 m x ~111 m
    assert any("reprojected from EPSG:4490 to EPSG:4526" in w for w in read.warnings)


def test_a_shapefile_without_prj_takes_the_crs_given(tmp_path):
    path = write_layer(tmp_path / "pit.shp", [(moved(box(0, 0, 20, 20)), {"license_no": LIC_B})],
                       driver="ESRI Shapefile", epsg=None)
    with pytest.raises(SurveyReadError, match="has no coordinate reference system"):
        read_survey_file(path, target_epsg=4526)
    (feature,) = read_survey_file(path, target_epsg=4526, crs_epsg=4526).features
    assert feature.license_no == LIC_B and feature.geometry.area == 400.0


# --- the round in the database -------------------------------------------------------------------


@pytest.fixture
def store(store_location):
    store = open_database(create_database(store_location))
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        for number, geometry in ((LIC_A, box(0, 0, 100, 100)), (LIC_B, box(200, 0, 300, 100))):
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in (("license_no", number), ("mine_name", number[-4:]), ("holder", "x")):
                feature.SetField(key, value)
            feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon([moved(geometry)])))
            layer.CreateFeature(feature)
    return store


def test_a_round_is_recorded_matched_by_number_or_location_unmatched_listed(store, tmp_path):
    folder = tmp_path / "round"
    folder.mkdir()
    write_layer(folder / "a.gpkg", [
        (moved(box(10, 10, 120, 50)), {"license_no": LIC_A, "elevation_top_m": 510.0}),
        (moved(box(210, 10, 250, 50)), {}),  # no number: found by location
        (moved(box(500, 500, 520, 520)), {"license_no": "C999"}),  # nowhere near a licence, unknown number
    ], fields=("license_no", "elevation_top_m"))
    write_dxf(folder / "b.dxf", [("KC", ring_wkt(moved(box(220, 60, 240, 80))))])
    report = import_survey(store, folder, round_id="2026-1", method="无人机", surveyed_at=dt.date(2026, 6, 1),
                           surveyor="某测绘院", crs_epsg=4526)
    assert report.files_read == 2
    by_number = {(r["source_file"], r["source_feature"]): r for r in report.extents}
    assert [(r["license_no"], r["matched_by"]) for r in report.extents] == [
        (LIC_A, "licence_no"), (LIC_B, "location"), (None, "none"), (LIC_B, "location")]
    assert report.unmatched == ["a.gpkg: extents #3"] and report.mines == [LIC_A, LIC_B]
    assert any("C999" in w for w in report.warnings)
    assert by_number[("a.gpkg", "extents #1")]["elevation_top_m"] == 510.0
    source = ogr.Open(store.location)
    rows = sorted((feature.items() | {"fid": feature.GetFID()} for feature in source.GetLayerByName("survey_extents")),
                  key=lambda row: row["fid"])
    assert len(rows) == 4 and {r["survey_round"] for r in rows} == {"2026-1"}
    assert {r["method"] for r in rows} == {"drone"} and {r["surveyor"] for r in rows} == {"某测绘院"}
    assert rows[3]["source_file"] == "b.dxf" and rows[3]["source_feature"].startswith("layer KC, entity ")
    log = [f.items() for f in source.GetLayerByName("audit_log") if f.GetField("action") == "import_survey"]
    assert len(log) == 1 and log[0]["feature_key"] == "2026-1"
    assert survey_rounds(store) == {"2026-1": 4}
    with pytest.raises(SurveyImportError, match="already recorded in round 2026-1"):
        import_survey(store, folder / "a.gpkg", round_id="2026-1")


def test_a_round_with_one_unreadable_file_is_not_recorded_at_all(store, tmp_path):
    folder = tmp_path / "round"
    folder.mkdir()
    write_layer(folder / "a.gpkg", [(moved(box(10, 10, 50, 50)), {"license_no": LIC_A})])
    write_dxf(folder / "open.dxf", [("KC", f"LINESTRING ({E0} {N0}, {E0 + 50} {N0 + 50}, {E0 + 90} {N0})")])
    with pytest.raises(SurveyImportError) as refused:
        import_survey(store, folder, round_id="2026-2", crs_epsg=4526)
    assert "open.dxf has no closed polyline" in str(refused.value)
    assert survey_rounds(store) == {}
    with pytest.raises(StoreError, match="not a survey method"):
        import_survey(store, folder / "a.gpkg", round_id="2026-2", method="卫星")


def test_a_version_4_database_gains_the_survey_fields(store_location):
    path = create_database(store_location, schema_version=4)
    source = ogr.Open(path, update=1)
    layer = source.GetLayerByName("survey_extents")
    assert layer.GetLayerDefn().GetFieldIndex("surveyor") < 0
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("survey_round", "2025-2")
    feature.SetField("license_no", LIC_A)
    layer.CreateFeature(feature)
    source = layer = feature = None
    store = open_database(path)
    assert store.migrated_from == 4 and store.schema_version == SCHEMA_VERSION >= 5
    source = ogr.Open(path)
    (row,) = [f.items() for f in source.GetLayerByName("survey_extents")]
    assert (row["survey_round"], row["license_no"], row["surveyor"], row["matched_by"]) == ("2025-2", LIC_A, None, None)
    assert survey_rounds(store) == {"2025-2": 1}
