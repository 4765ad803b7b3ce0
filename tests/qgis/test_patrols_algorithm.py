"""minesupervision:importpatrols in real QGIS Processing: GPX tracks, a drone flight log and real geotagged JPEGs
(EXIF read by QGIS's exiv2) into a real supervision GeoPackage."""

from __future__ import annotations

import datetime as dt

import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from demo.county import write_patrol_photos
from mine_supervision_plugin.processing.provider import PROVIDER_ID
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.inspections import patrol_photos

LICENCE = "C1404042010127130000001"


def _transform(source_epsg, target_epsg):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(source_epsg)
    target.ImportFromEPSG(target_epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)


@pytest.fixture()
def patrol_batch(tmp_path, store_kind, new_store_location):
    """A database with one licence, a GPX file naming it, a flight log passing it, and a phone's photos.

    On PostGIS the photos go to the folder its administrator set: here where a GeoPackage's would be."""
    (tmp_path / "db").mkdir()
    if store_kind == "gpkg":
        database = create_database(tmp_path / "db" / "county.gpkg")
    else:
        from mine_supervision_plugin.store.inspections import set_attachments_folder

        database = create_database(new_store_location())
        set_attachments_folder(open_database(database), tmp_path / "db" / "county_attachments")
    to_store = _transform(4490, 4526)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for lon, lat in ((113.998, 36.098), (114.002, 36.098), (114.002, 36.102), (113.998, 36.102), (113.998, 36.098)):
        ring.AddPoint_2D(*to_store.TransformPoint(lon, lat)[:2])
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    source = ogr.Open(database, update=1)
    layer = source.GetLayerByName("mining_rights")
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("license_no", LICENCE), ("mine_name", "示范煤矿"), ("holder", "示范煤业")):
        feature.SetField(name, value)
    feature.SetGeometry(ogr.ForceToMultiPolygon(polygon))
    layer.CreateFeature(feature)
    source = layer = feature = None
    routes = tmp_path / "routes"
    routes.mkdir()
    (routes / "巡查.gpx").write_text(
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>XJ-0001</name>'
        f"<desc>许可证号：{LICENCE}；巡查人员：张伟</desc><trkseg>"
        '<trkpt lat="36.095" lon="113.995"><ele>900</ele><time>2026-03-05T00:45:00Z</time></trkpt>'
        '<trkpt lat="36.098" lon="113.998"><ele>910</ele><time>2026-03-05T02:00:00Z</time></trkpt>'
        '<trkpt lat="36.095" lon="113.995"><ele>900</ele><time>2026-03-05T05:15:00Z</time></trkpt>'
        "</trkseg></trk></gpx>", encoding="utf-8")
    (routes / "DJI_0007.csv").write_text(
        "datetime(utc),latitude,longitude,altitude(m)\n2026-03-20 01:00:00,36.1,113.99,1000\n"
        "2026-03-20 01:10:00,36.1,114.0,1010\n", encoding="utf-8")
    (routes / "broken.gpx").write_text("<gpx><trk><name>x</name>", encoding="utf-8")
    to_gk = _transform(4490, 4526)
    photos = []
    for minute, (lon, lat) in enumerate(((113.9985, 36.0985), (113.999, 36.099), (114.0, 36.1))):
        x, y, _ = to_gk.TransformPoint(lon, lat)
        photos.append({"inspection_no": "XJ-0001", "x": y, "y": x, "note": "采场全景", "azimuth_deg": 90.0 + minute,
                       "taken_at": dt.datetime(2026, 3, 5, 10, minute).isoformat()})
    write_patrol_photos(photos, tmp_path / "phone")
    return {"database": database, "routes": routes, "photos": tmp_path / "phone"}


def run(registry, parameters, feedback=None):
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importpatrols")
    assert algorithm is not None
    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, feedback or QgsProcessingFeedback(), {}, False)
    assert ok
    return results


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 - Qt API
        self.warnings.append(warning)


def test_importpatrols_records_routes_mines_and_real_photos(registry, patrol_batch, tmp_path):
    out = tmp_path / "routes_out.gpkg"
    feedback = Warnings()
    results = run(registry, {"INPUT": str(patrol_batch["routes"]), "PHOTOS": str(patrol_batch["photos"]),
                             "DATABASE": patrol_batch["database"], "OUTPUT": str(out)}, feedback)
    assert {k: results[k] for k in ("FILES_READ", "FILES_REFUSED", "PATROLS", "MINES", "PHOTOS_PLACED",
                                    "PHOTOS_UNPLACED", "PHOTOS_UNASSIGNED")} == {
        "FILES_READ": 2, "FILES_REFUSED": 1, "PATROLS": 2, "MINES": 1, "PHOTOS_PLACED": 2, "PHOTOS_UNPLACED": 1,
        "PHOTOS_UNASSIGNED": 0}
    assert any("broken.gpx is not well-formed XML" in w for w in feedback.warnings)
    assert any("has no GPS position" in w for w in feedback.warnings)

    layer = QgsVectorLayer(str(out), "routes", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4526"
    rows = {f["inspection_no"]: f for f in layer.getFeatures()}
    gpx, drone = rows["XJ-0001"], rows["DJI_0007"]
    assert (gpx["license_no"], gpx["matched_by"], gpx["kind"], gpx["inspectors"]) == (LICENCE, "licence_no", "patrol", "张伟")
    assert (drone["license_no"], drone["matched_by"], drone["route_source"]) == (LICENCE, "route_distance", "flight_log")
    assert gpx["started_at"].toPyDateTime() == dt.datetime(2026, 3, 5, 8, 45)
    assert gpx["photos"] == 3 and gpx.geometry().length() > 500

    store = open_database(patrol_batch["database"])
    photos = patrol_photos(store, gpx["inspection_id"])
    assert [p["photo_path"].split("/")[:3] for p in photos] == [["county_attachments", "inspections",
                                                                  str(gpx["inspection_id"])]] * 3
    assert all(p["file"].is_file() for p in photos)
    # the EXIF direction and time, read by exiv2; the photo without GPS tags kept without a point
    assert sorted(p["azimuth_deg"] for p in photos if p["azimuth_deg"] is not None) == [90.0, 91.0]
    assert sorted(p["taken_at"] for p in photos)[0] == dt.datetime(2026, 3, 5, 10, 0)
    source = ogr.Open(patrol_batch["database"])
    points = [f.GetGeometryRef() is not None for f in source.GetLayerByName("inspection_photos")]
    assert sorted(points) == [False, True, True]


def test_nothing_readable_is_refused_naming_each_file(registry, patrol_batch, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "points.gpx").write_text('<gpx version="1.1"><wpt lat="36" lon="114"/></gpx>', encoding="utf-8")
    algorithm = registry.createAlgorithmById(f"{PROVIDER_ID}:importpatrols")
    with pytest.raises(QgsProcessingException, match="points.gpx has no track or route"):
        algorithm.run({"INPUT": str(bad), "DATABASE": patrol_batch["database"], "OUTPUT": "TEMPORARY_OUTPUT"},
                      QgsProcessingContext(), QgsProcessingFeedback(), {}, False)
    source = ogr.Open(patrol_batch["database"])
    assert source.GetLayerByName("inspections").GetFeatureCount() == 0
