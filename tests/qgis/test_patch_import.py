"""Reading enforcement patch batches: encodings, field mapping, CRS, bad input, and the import algorithm.

Every fixture file is written here with osgeo.ogr (or by hand for GeoJSON),
the way county data arrive: GBK shapefiles with and without .cpg, GeoJSON in
EPSG:4490, files without CRS, bow-ties, empty geometries, missing numbers.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import shapely
from osgeo import gdal, ogr, osr
from pyproj import Transformer

from mine_supervision_plugin.formats.patch_batches import (
    FieldMapping,
    PatchFormatError,
    detect_shapefile_encoding,
    parse_date,
    read_patch_batch,
)

ogr.UseExceptions()

X0, Y0 = 38_500_000.0, 4_000_000.0  # EPSG:4526 (zone 38 with prefix), near 114°E 36°N


def square(dx: float = 0.0, size: float = 100.0) -> str:
    x, y = X0 + dx, Y0
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


BOW_TIE = f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},{X0} {Y0}))"

STANDARD_FIELDS = [
    ("TBBH", ogr.OFTString),
    ("XZQDM", ogr.OFTString),
    ("QSX", ogr.OFTString),
    ("HSX", ogr.OFTString),
    ("JCMJ", ogr.OFTReal),
    ("TBLX", ogr.OFTString),
    ("BZ", ogr.OFTString),
]


def write_layer(
    path: Path,
    fields: list[tuple[str, int]],
    rows: list[tuple[dict, str | None]],
    *,
    epsg: int | None = 4526,
    driver: str = "ESRI Shapefile",
    encoding: str | None = None,
    layer_name: str | None = None,
    append: bool = False,
) -> Path:
    """Write ``rows`` (attributes, WKT or None) as a polygon layer."""
    # QGIS sets SHAPE_ENCODING="" once it has opened a shapefile (it recodes by itself);
    # the fixture must be written in the encoding asked for whatever ran before.
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        return _write_layer(
            path, fields, rows, epsg=epsg, driver=driver, encoding=encoding, layer_name=layer_name, append=append
        )
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)


def _write_layer(path, fields, rows, *, epsg, driver, encoding, layer_name, append) -> Path:
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if append:
        source = ogr.Open(str(path), update=1)
    else:
        source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    options = [f"ENCODING={encoding}"] if encoding else []
    layer = source.CreateLayer(layer_name or path.stem, srs, ogr.wkbPolygon, options=options)
    for name, kind in fields:
        definition = ogr.FieldDefn(name, kind)
        if kind == ogr.OFTString:
            definition.SetWidth(80)
        layer.CreateField(definition)
    for attributes, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attributes.items():
            if isinstance(value, dt.date):
                feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
            elif value is not None:
                feature.SetField(name, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer = None
    source = None
    return path


def gbk_batch(tmp_path: Path, *, cpg: bool) -> Path:
    """A satellite batch with Chinese field names and text, in GBK as ArcGIS on Chinese Windows writes it."""
    path = write_layer(
        tmp_path / "卫片图斑.shp",
        [
            ("图斑编号", ogr.OFTString),
            ("前时相", ogr.OFTString),
            ("后时相", ogr.OFTString),
            ("监测面积", ogr.OFTReal),
            ("备注", ogr.OFTString),
        ],
        [
            (
                {
                    "图斑编号": "130123-001",
                    "前时相": "20230105",
                    "后时相": "2023年6月1日",
                    "监测面积": 10000.0,
                    "备注": "疑似无证开采，石灰岩",
                },
                square(),
            ),
            (
                {
                    "图斑编号": "130123-002",
                    "前时相": "2023/01/05",
                    "后时相": "2023-06-01",
                    "监测面积": 2500.0,
                    "备注": "河道采砂（砂石）",
                },
                square(500, 50),
            ),
        ],
        encoding="GBK",
    )
    if not cpg:
        path.with_suffix(".cpg").unlink()
    return path


# --- encodings --------------------------------------------------------------------


@pytest.fixture(params=[None, ""], ids=["gdal-default", "as-inside-qgis"])
def shape_encoding(request):
    """Read under GDAL's default, and under SHAPE_ENCODING="" as QGIS sets it after opening a shapefile."""
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", request.param)
    yield request.param
    gdal.SetConfigOption("SHAPE_ENCODING", saved)


@pytest.mark.parametrize("cpg", [True, False], ids=["with-cpg", "without-cpg"])
def test_gbk_shapefile_reads_chinese_right(tmp_path, cpg, shape_encoding):
    path = gbk_batch(tmp_path, cpg=cpg)
    assert path.with_suffix(".cpg").exists() is cpg
    batch = read_patch_batch(path, target_epsg=4526)
    frame = batch.frame
    assert batch.encoding in ("CP936", "GBK")
    assert list(frame["patch_no"]) == ["130123-001", "130123-002"]
    assert list(frame["remarks"]) == ["疑似无证开采，石灰岩", "河道采砂（砂石）"]
    assert batch.mapping_used["patch_no"] == ["图斑编号"]
    assert batch.mapping_used["area_m2"] == ["监测面积"]
    assert list(frame["date_before"]) == [dt.date(2023, 1, 5)] * 2
    assert list(frame["date_after"]) == [dt.date(2023, 6, 1)] * 2
    assert batch.warnings == []


def test_without_cpg_gdal_alone_would_garble_the_text(tmp_path):
    # Guards the fixture: without .cpg, a plain OGR open does not give the Chinese text back.
    path = gbk_batch(tmp_path, cpg=False)
    dataset = ogr.Open(str(path))  # held: a layer outlives its dataset only in a crash
    layer = dataset.GetLayer()
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
    assert "图斑编号" not in names
    assert "no .cpg" in detect_shapefile_encoding(path)[1]


def test_a_chinese_language_driver_byte_is_used_without_cpg(tmp_path):
    path = gbk_batch(tmp_path, cpg=False)
    dbf = path.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0x4D  # LDID 77: code page 936, as some Chinese tools write it
    dbf.write_bytes(bytes(data))
    encoding, note = detect_shapefile_encoding(path)
    assert encoding == "CP936" and "language driver" in note
    assert read_patch_batch(path, target_epsg=4526).frame["remarks"][1] == "河道采砂（砂石）"


def test_utf8_shapefile_without_cpg_is_recognised(tmp_path):
    path = write_layer(
        tmp_path / "utf8.shp",
        [("TBBH", ogr.OFTString), ("BZ", ogr.OFTString)],
        [({"TBBH": "A1", "BZ": "越界开采，煤"}, square())],
        encoding="UTF-8",
    )
    path.with_suffix(".cpg").unlink()
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.encoding == "UTF-8"
    assert batch.frame["remarks"][0] == "越界开采，煤"


def test_a_cpg_that_contradicts_the_bytes_is_overruled_and_said(tmp_path):
    path = gbk_batch(tmp_path, cpg=True)
    path.with_suffix(".cpg").write_text("UTF-8")
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.frame["remarks"][0] == "疑似无证开采，石灰岩"
    assert "says UTF-8" in batch.encoding_note


# --- field mapping, dates, areas ------------------------------------------------------


def test_usual_enforcement_fields_are_mapped(tmp_path):
    path = write_layer(
        tmp_path / "batch.shp",
        STANDARD_FIELDS,
        [
            (
                {
                    "TBBH": "WP2023-17",
                    "XZQDM": "130123",
                    "QSX": "2022/11/03",
                    "HSX": "20230610",
                    "JCMJ": 10000.0,
                    "TBLX": "采矿用地",
                    "BZ": "新增",
                },
                square(),
            )
        ],
        encoding="GBK",
    )
    frame = read_patch_batch(path, target_epsg=4526).frame
    row = frame.iloc[0]
    assert row["patch_no"] == "WP2023-17"
    assert row["county_code"] == "130123"
    assert row["date_before"] == dt.date(2022, 11, 3)
    assert row["date_after"] == dt.date(2023, 6, 10)
    assert row["area_m2"] == pytest.approx(10000.0)
    assert row["remarks"] == "TBLX: 采矿用地; BZ: 新增"
    assert row["source_row"] == 1


def test_real_date_fields_are_read_as_dates(tmp_path):
    path = write_layer(
        tmp_path / "dates.gpkg",
        [("JCBH", ogr.OFTString), ("QSX", ogr.OFTDate), ("HSX", ogr.OFTDate)],
        [({"JCBH": "J-1", "QSX": dt.date(2024, 2, 29), "HSX": dt.date(2024, 9, 30)}, square())],
        driver="GPKG",
    )
    row = read_patch_batch(path, target_epsg=4526).frame.iloc[0]
    assert (row["patch_no"], row["date_before"], row["date_after"]) == (
        "J-1",
        dt.date(2024, 2, 29),
        dt.date(2024, 9, 30),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20230105", dt.date(2023, 1, 5)),
        (20230105, dt.date(2023, 1, 5)),
        (20230105.0, dt.date(2023, 1, 5)),
        ("2023-01-05", dt.date(2023, 1, 5)),
        ("2023-1-5", dt.date(2023, 1, 5)),
        ("2023/01/05", dt.date(2023, 1, 5)),
        ("2023/1/5 0:00:00", dt.date(2023, 1, 5)),
        ("2023年01月05日", dt.date(2023, 1, 5)),
        ("2023年1月5日", dt.date(2023, 1, 5)),
        (dt.datetime(2023, 1, 5, 8, 30), dt.date(2023, 1, 5)),
        ("20230231", None),
        ("2023年", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_forms(value, expected):
    assert parse_date(value) == expected


def test_unreadable_dates_are_named_not_guessed(tmp_path):
    path = write_layer(
        tmp_path / "baddate.shp",
        [("TBBH", ogr.OFTString), ("HSX", ogr.OFTString)],
        [({"TBBH": "D-1", "HSX": "六月"}, square())],
        encoding="UTF-8",
    )
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.frame["date_after"][0] is None
    assert any("row 1 (patch D-1)" in w and "六月" in w for w in batch.warnings)


def test_area_declared_in_mu_is_recognised_and_converted(tmp_path):
    path = write_layer(
        tmp_path / "mu.shp",
        [("TBBH", ogr.OFTString), ("JCMJ", ogr.OFTReal)],
        [({"TBBH": "M-1", "JCMJ": 15.0}, square()), ({"TBBH": "M-2", "JCMJ": 3.75}, square(300, 50))],
    )
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.area_unit == "mu"
    assert list(batch.frame["area_m2"]) == pytest.approx([10000.0, 2500.0])
    assert any("亩" in w for w in batch.warnings)
    # An explicit unit wins over recognition.
    explicit = read_patch_batch(path, target_epsg=4526, mapping=FieldMapping(area_unit="m2"))
    assert list(explicit.frame["area_m2"]) == [15.0, 3.75]
    assert any("M-1" in w and "differs" in w for w in explicit.warnings)


def test_without_declared_area_the_computed_one_is_used(tmp_path):
    path = write_layer(tmp_path / "noarea.shp", [("BH", ogr.OFTString)], [({"BH": "N-1"}, square(size=20))])
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.frame["area_m2"][0] == pytest.approx(400.0)
    assert batch.area_unit is None


def test_an_unmapped_patch_number_is_refused_naming_fields_and_a_mapping_fixes_it(tmp_path):
    path = write_layer(tmp_path / "odd.shp", [("WPBH", ogr.OFTString)], [({"WPBH": "Q-1"}, square())])
    with pytest.raises(PatchFormatError) as caught:
        read_patch_batch(path, target_epsg=4526)
    assert "odd.shp" in str(caught.value) and "WPBH" in str(caught.value)
    mapping = FieldMapping(fields={"patch_no": "wpbh"})
    assert read_patch_batch(path, target_epsg=4526, mapping=mapping).frame["patch_no"][0] == "Q-1"


def test_field_mapping_round_trips_and_rejects_nonsense():
    mapping = FieldMapping(fields={"patch_no": "WPBH", "remarks": ["说明", "BZ"], "county_code": ""}, area_unit="mu")
    restored = FieldMapping.from_dict(json.loads(json.dumps(mapping.to_dict())))
    assert restored == mapping
    assert FieldMapping.from_json(mapping.to_json()) == mapping
    assert restored.candidates("county_code") == ()
    assert restored.resolve(["wpbh", "BZ", "XZQDM"]) == {"patch_no": ["wpbh"], "remarks": ["BZ"]}
    assert FieldMapping.from_dict(None) == FieldMapping()
    with pytest.raises(ValueError):
        FieldMapping(area_unit="acre")
    with pytest.raises(ValueError):
        FieldMapping(fields={"colour": "YS"})


# --- CRS -------------------------------------------------------------------------


def test_geojson_in_cgcs2000_geographic_is_reprojected(tmp_path):
    ring = [[114.0, 36.1], [114.001, 36.1], [114.001, 36.101], [114.0, 36.101], [114.0, 36.1]]
    document = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"JCBH": "G-1", "HSX": "2024-05-01"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        ],
    }
    path = tmp_path / "patches.geojson"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    batch = read_patch_batch(path, target_epsg=4526)
    assert "4490" in batch.source_crs
    assert batch.frame.crs.to_epsg() == 4526
    geometry = batch.frame.geometry[0]
    # Independent check with pyproj's own PROJ.
    to_gk = Transformer.from_crs(4490, 4526, always_xy=True)
    x, y = to_gk.transform(114.0, 36.1)
    assert shapely.get_coordinates(geometry)[:, 0].min() == pytest.approx(x, abs=0.001)
    assert shapely.get_coordinates(geometry)[:, 1].min() == pytest.approx(y, abs=0.001)
    assert 38_000_000 < x < 39_000_000
    assert batch.frame["area_m2"][0] == pytest.approx(geometry.area)
    assert 9_000 < geometry.area < 10_100  # ~ 90 m × 111 m


def test_a_file_without_crs_is_refused_by_name(tmp_path):
    path = write_layer(tmp_path / "无坐标系.shp", [("TBBH", ogr.OFTString)], [({"TBBH": "C-1"}, square())], epsg=None)
    assert not path.with_suffix(".prj").exists()
    with pytest.raises(PatchFormatError) as caught:
        read_patch_batch(path, target_epsg=4526)
    assert "无坐标系.shp" in str(caught.value) and "unknown" in str(caught.value)


def test_projected_coordinates_in_a_geojson_without_crs_are_refused(tmp_path):
    # GDAL takes a GeoJSON without "crs" for WGS 84; Gauss-Krüger metres cannot be degrees.
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"TBBH": "P-1"},
                "geometry": json.loads(shapely.to_geojson(shapely.from_wkt(square()))),
            }
        ],
    }
    path = tmp_path / "nocrs.geojson"
    path.write_text(json.dumps(document))
    with pytest.raises(PatchFormatError) as caught:
        read_patch_batch(path, target_epsg=4526)
    assert "nocrs.geojson" in str(caught.value) and "not longitudes" in str(caught.value)


def test_xian_1980_is_never_taken_for_cgcs2000(tmp_path):
    path = write_layer(
        tmp_path / "xian80.shp",
        [("TBBH", ogr.OFTString)],
        [({"TBBH": "X-1"}, "POLYGON((114 36,114.001 36,114.001 36.001,114 36))")],
        epsg=4610,
    )
    with pytest.raises(PatchFormatError) as caught:
        read_patch_batch(path, target_epsg=4526)
    assert "xian80.shp" in str(caught.value) and "Xian" in str(caught.value)


def test_data_far_from_the_target_zone_are_warned(tmp_path):
    path = write_layer(
        tmp_path / "far.shp",
        [("TBBH", ogr.OFTString)],
        [({"TBBH": "F-1"}, "POLYGON((87 43,87.001 43,87.001 43.001,87 43))")],
        epsg=4490,
    )
    batch = read_patch_batch(path, target_epsg=4526)
    assert any("outside the area" in w and "4526" in w for w in batch.warnings)


def test_longitudes_and_latitudes_declared_as_gauss_kruger_are_refused(tmp_path):
    """Degrees in a file declared EPSG:4526 were warned as "longitude inf" and imported as specks: refused."""
    path = write_layer(
        tmp_path / "lonlat_as_gk.shp",
        [("TBBH", ogr.OFTString)],
        [({"TBBH": "L-1"}, "POLYGON((113.1 36.1,113.101 36.1,113.101 36.101,113.1 36.1))")],
        epsg=4526,
    )
    with pytest.raises(PatchFormatError) as refused:
        read_patch_batch(path, target_epsg=4526)
    message = str(refused.value)
    assert "lonlat_as_gk.shp" in message and "longitudes and latitudes" in message and "EPSG:4490" in message
    assert "inf" not in message


def test_a_geopackage_with_several_layers_needs_the_layer_named(tmp_path):
    path = tmp_path / "two.gpkg"
    write_layer(path, [("TBBH", ogr.OFTString)], [({"TBBH": "L-1"}, square())], driver="GPKG", layer_name="batch1")
    write_layer(path, [("TBBH", ogr.OFTString)], [({"TBBH": "L-2"}, square())], layer_name="batch2", append=True)
    with pytest.raises(PatchFormatError) as caught:
        read_patch_batch(path, target_epsg=4526)
    assert "batch1" in str(caught.value) and "batch2" in str(caught.value)
    assert read_patch_batch(path, target_epsg=4526, layer_name="batch2").frame["patch_no"][0] == "L-2"


# --- bad input -----------------------------------------------------------------------


def bad_batch(tmp_path: Path) -> Path:
    return write_layer(
        tmp_path / "bad.shp",
        [("TBBH", ogr.OFTString), ("BZ", ogr.OFTString)],
        [
            ({"TBBH": "B-1", "BZ": "自相交"}, BOW_TIE),
            ({"TBBH": "B-2", "BZ": "无图形"}, None),
            ({"TBBH": "", "BZ": "无编号"}, square(1000)),
            ({"TBBH": "B-4", "BZ": "正常"}, square(2000)),
            ({"TBBH": "B-4", "BZ": "重复编号"}, square(3000)),
        ],
        encoding="GBK",
    )


def test_bad_input_is_repaired_or_named_and_nothing_dropped(tmp_path):
    batch = read_patch_batch(bad_batch(tmp_path), target_epsg=4526)
    frame = batch.frame
    assert list(frame["source_row"]) == [1, 2, 3, 4, 5]
    assert list(frame["remarks"]) == ["自相交", "无图形", "无编号", "正常", "重复编号"]

    bow_tie = frame.geometry[0]
    assert bow_tie.is_valid and bow_tie.geom_type == "MultiPolygon"
    assert len(bow_tie.geoms) == 2 and bow_tie.area == pytest.approx(5000.0)
    assert any("row 1 (patch B-1)" in w and "repaired" in w for w in batch.warnings)

    assert frame.geometry[1] is None
    assert any("row 2 (patch B-2)" in w and "empty" in w for w in batch.warnings)

    assert frame["patch_no"][2] is None
    assert frame.geometry[2] is not None
    assert any("row 3 (no patch number)" in w and "missing" in w for w in batch.warnings)

    assert any("B-4" in w and "rows 4, 5" in w for w in batch.warnings)
    assert frame.geometry[3].is_valid and frame.geometry[3].geom_type == "MultiPolygon"


def test_non_polygon_geometries_are_named(tmp_path):
    path = tmp_path / "mixed.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    layer = source.CreateLayer("mixed", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("TBBH", ogr.OFTString))
    for number, wkt in (("K-1", f"LINESTRING({X0} {Y0},{X0 + 10} {Y0})"), ("K-2", square())):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("TBBH", number)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer = source = None
    batch = read_patch_batch(path, target_epsg=4526)
    assert batch.frame.geometry[0] is None
    assert any("K-1" in w and "LineString" in w for w in batch.warnings)
    assert batch.frame.geometry[1] is not None


# --- the Processing algorithm ---------------------------------------------------------------


def run_algorithm(algorithm, parameters: dict) -> tuple[dict, bool, list[str]]:
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages: list[str] = []

        def pushWarning(self, text):
            self.messages.append(text)

        def reportError(self, text, fatalError=False):
            self.messages.append(text)

        def pushInfo(self, text):
            self.messages.append(text)

    algorithm.initAlgorithm()
    feedback = Feedback()
    results, ok = algorithm.run(parameters, QgsProcessingContext(), feedback)
    return results, ok, feedback.messages


def test_import_algorithm_stores_the_batch_and_outputs_it(qgis_app, tmp_path, store_location):
    from mine_supervision_plugin.processing.import_patches import ImportPatchesAlgorithm
    from mine_supervision_plugin.processing.provider import _algorithms
    from mine_supervision_plugin.store.database import create_database, open_database
    from mine_supervision_plugin.store.patches import get_patch, patch_history

    assert any(isinstance(a, ImportPatchesAlgorithm) for a in _algorithms())
    database = create_database(store_location)  # a GeoPackage, or a PostGIS database
    path = gbk_batch(tmp_path, cpg=False)
    output = tmp_path / "imported.gpkg"
    results, ok, messages = run_algorithm(
        ImportPatchesAlgorithm(),
        {
            "INPUT": str(path),
            "DATABASE": database,
            "SOURCE": 0,
            "YEAR": 2023,
            "BATCH": "2023年第一批",
            "OUTPUT": str(output),
        },
    )
    assert ok, messages
    assert results["IMPORTED"] == 2
    store = open_database(database)
    stored = get_patch(store, "130123-001")
    assert (stored["state"], stored["source"], stored["year"], stored["batch"]) == (
        "issued",
        "satellite",
        2023,
        "2023年第一批",
    )
    assert stored["date_after"] == dt.date(2023, 6, 1)
    history = patch_history(store, "130123-001")
    assert len(history) == 1 and "疑似无证开采，石灰岩" in history[0]["reason"]
    # The file is named, not its folders (issue 10, item 9).
    assert history[0]["reason"].startswith(f"Imported from {path.name}")
    assert str(path.parent) not in history[0]["reason"]
    dataset = ogr.Open(str(output))
    layer = dataset.GetLayer()
    assert layer.GetFeatureCount() == 2
    assert sorted(f.GetField("patch_no") for f in layer) == ["130123-001", "130123-002"]
    layer = dataset = None

    # Importing the same batch again is refused as a whole, naming the numbers.
    results, ok, messages = run_algorithm(
        ImportPatchesAlgorithm(), {"INPUT": str(path), "DATABASE": database, "SOURCE": 0, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert not ok
    assert any("130123-001" in m and "130123-002" in m for m in messages)


def test_import_algorithm_refuses_a_file_without_crs(qgis_app, tmp_path):
    from mine_supervision_plugin.processing.import_patches import ImportPatchesAlgorithm
    from mine_supervision_plugin.store.database import create_database

    database = create_database(tmp_path / "supervision.gpkg")
    path = write_layer(tmp_path / "nocrs.shp", [("TBBH", ogr.OFTString)], [({"TBBH": "C-1"}, square())], epsg=None)
    results, ok, messages = run_algorithm(
        ImportPatchesAlgorithm(), {"INPUT": str(path), "DATABASE": database, "SOURCE": 1, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert not ok
    assert any("nocrs.shp" in m for m in messages)
