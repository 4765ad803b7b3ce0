"""Patrols recorded from GPX routes and photos (store.inspections), in real GeoPackages."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from osgeo import ogr, osr

from mine_supervision_plugin.formats.photos import PhotoInfo
from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.inspections import (
    PatrolImportError,
    attachments_folder,
    import_patrols,
    patrol_mines,
    patrol_photos,
    set_attachments_folder,
)
from mine_supervision_plugin.store.schema import SCHEMA_VERSION

NAMED = "C1404042010127130000001"
NEAR = "C1404042010127130000002"
FAR = "C1404042010127130000003"


def _to_store(lon, lat):
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4490)
    target.ImportFromEPSG(4526)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(source, target).TransformPoint(lon, lat)
    return x, y


def _add_licence(path, number, lon, lat, half=0.002):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1), (-1, -1)):
        ring.AddPoint_2D(*_to_store(lon + dx * half, lat + dy * half))
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    source = ogr.Open(str(path), update=1)
    layer = source.GetLayerByName("mining_rights")
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("license_no", number), ("mine_name", number[-3:] + "矿"), ("holder", "某矿业")):
        feature.SetField(name, value)
    feature.SetGeometry(ogr.ForceToMultiPolygon(polygon))
    layer.CreateFeature(feature)
    source = None


def _track(name, desc, points):
    pts = "".join(f'<trkpt lat="{lat}" lon="{lon}"><ele>900</ele><time>{t}</time></trkpt>' for lon, lat, t in points)
    return f"<trk><name>{name}</name><desc>{desc}</desc><trkseg>{pts}</trkseg></trk>"


def _gpx(*tracks):
    return '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">' + "".join(tracks) + "</gpx>"


@pytest.fixture()
def county(tmp_path, store_kind, new_store_location):
    """A database with three licences, a folder of GPX files and a folder of photos.

    A PostGIS database keeps its photos in the folder its administrator sets: here the folder a
    GeoPackage's would be, so both stores give the same paths."""
    folder = tmp_path / "county"
    folder.mkdir()
    if store_kind == "gpkg":
        database = create_database(folder / "supervision.gpkg")
    else:
        database = create_database(new_store_location())
        set_attachments_folder(open_database(database), folder / "supervision_attachments")
    _add_licence(database, NAMED, 114.000, 36.100)
    _add_licence(database, NEAR, 114.050, 36.100)
    _add_licence(database, FAR, 114.500, 36.500)
    gpx = tmp_path / "gpx"
    gpx.mkdir()
    (gpx / "2026-03.gpx").write_text(_gpx(
        # names its licence: matched by number even though it also passes NEAR's corner
        _track("XJ-1", f"许可证号：{NAMED}；巡查人员：张伟、李强；发现：未发现越界开采",
               [(113.990, 36.095, "2026-03-05T01:00:00Z"), (114.000, 36.100, "2026-03-05T01:30:00Z"),
                (114.048, 36.098, "2026-03-05T02:00:00Z")]),
        # names none: matched by the licences it passes (within 100 m)
        _track("XJ-2", "类型：实地核查", [(114.040, 36.090, "2026-03-06T01:00:00Z"),
                                           (114.0505, 36.1005, "2026-03-06T02:00:00Z")]),
    ), encoding="utf-8")
    photos = tmp_path / "phone"
    photos.mkdir()
    infos = {}
    for name, lon, lat, taken in (
        ("IMG_0001.jpg", 114.0001, 36.1001, dt.datetime(2026, 3, 5, 9, 20)),  # during XJ-1 (Beijing time)
        ("IMG_0002.jpg", None, None, dt.datetime(2026, 3, 6, 9, 45)),  # no GPS, during XJ-2
        ("IMG_0003.jpg", 116.0, 39.9, dt.datetime(2026, 8, 1, 12, 0)),  # fits no patrol
    ):
        (photos / name).write_bytes(b"\xff\xd8 fake jpeg " + name.encode())
        infos[name] = PhotoInfo(str(photos / name), lon, lat, taken, 45.0)
    return {"database": database, "gpx": gpx, "photos": photos,
            "read_photo": lambda path: infos[path.name]}


def rows(path, table):
    source = ogr.Open(str(path))
    return [feature.items() | {"fid": feature.GetFID()} for feature in source.GetLayerByName(table)]


def test_a_batch_records_patrols_their_mines_and_photos(county):
    store = open_database(county["database"])
    report = import_patrols(store, county["gpx"], county["photos"], read_photo=county["read_photo"])
    assert report.files_read == 1 and report.refused == []
    by_no = {record["inspection_no"]: record for record in report.inspections}
    first, second = by_no["XJ-1"], by_no["XJ-2"]
    assert (first["license_nos"], first["matched_by"]) == ([NAMED], "licence_no")
    assert (second["license_nos"], second["matched_by"]) == ([NEAR], "route_distance")
    assert report.mines == [NAMED, NEAR]
    assert (first["kind"], second["kind"]) == ("patrol", "field_check")  # KIND default, the description's word
    assert (first["inspectors"], first["finding"]) == ("张伟、李强", "未发现越界开采")
    assert (first["started_at"], first["ended_at"]) == (dt.datetime(2026, 3, 5, 9, 0), dt.datetime(2026, 3, 5, 10, 0))
    assert first["route_length_m"] > 5000

    stored = {row["inspection_no"]: row for row in rows(store.location, "inspections")}
    assert stored["XJ-1"]["license_no"] == NAMED and stored["XJ-1"]["inspection_date"] == "2026/03/05"
    assert stored["XJ-2"]["route_source"] == "gpx_track" and stored["XJ-2"]["source_file"] == "2026-03.gpx"
    assert (patrol_mines(stored["XJ-1"]), stored["XJ-1"]["matched_by"]) == ([NAMED], "licence_no")
    assert (patrol_mines(stored["XJ-2"]), stored["XJ-2"]["matched_by"]) == ([NEAR], "route_distance")

    # photos: copied beside the database, linked by a relative path; the one without GPS kept unplaced,
    # the one that fits no patrol kept unassigned
    assert [p.rsplit("/", 1)[-1] for p in report.photos_placed] == ["IMG_0001.jpg", "IMG_0003.jpg"]
    assert [p.rsplit("/", 1)[-1] for p in report.photos_unplaced] == ["IMG_0002.jpg"]
    assert [p.rsplit("/", 1)[-1] for p in report.photos_unassigned] == ["IMG_0003.jpg"]
    (photo,) = patrol_photos(store, first["fid"])
    assert photo["photo_path"] == f"supervision_attachments/inspections/{first['fid']}/IMG_0001.jpg"
    assert photo["file"].read_bytes() == (county["photos"] / "IMG_0001.jpg").read_bytes()
    assert photo["azimuth_deg"] == 45.0 and photo["taken_at"] == dt.datetime(2026, 3, 5, 9, 20)
    (unplaced,) = patrol_photos(store, second["fid"])
    assert unplaced["file"].is_file()
    photo_rows = rows(store.location, "inspection_photos")
    assert len(photo_rows) == 3
    assert any(row["photo_path"] == "supervision_attachments/inspections/unassigned/IMG_0003.jpg" for row in photo_rows)
    assert any("IMG_0002.jpg has no GPS position" in w for w in report.warnings)
    assert any("IMG_0003.jpg fits no patrol" in w for w in report.warnings)
    # the originals stay where they were
    assert len(list(county["photos"].iterdir())) == 3


def test_moving_the_folder_keeps_the_photo_links(county, tmp_path):
    store = open_database(county["database"])
    report = import_patrols(store, county["gpx"], county["photos"], read_photo=county["read_photo"])
    shutil.rmtree(county["photos"])  # the phone export is gone
    moved = tmp_path / "elsewhere" / "county"
    shutil.move(str(tmp_path / "county"), str(moved))
    if store.is_postgres:  # the share mounted elsewhere: its new place is set once
        set_attachments_folder(store, moved / "supervision_attachments")
    else:
        store = open_database(moved / "supervision.gpkg")
    for record in report.inspections:
        for photo in patrol_photos(store, record["fid"]):
            assert photo["file"].is_file() and str(photo["file"]).startswith(str(moved))


def test_importing_the_same_tracks_again_records_nothing_twice(county):
    store = open_database(county["database"])
    import_patrols(store, county["gpx"], read_photo=county["read_photo"])
    with pytest.raises(PatrolImportError, match=r"No new patrol to record \(2 already recorded, 0 refused\)"):
        import_patrols(store, county["gpx"], read_photo=county["read_photo"])
    assert len(rows(store.location, "inspections")) == 2


def test_a_failing_batch_leaves_database_and_attachments_unchanged(county, monkeypatch):
    store = open_database(county["database"])
    before = {table: len(rows(store.location, table)) for table in ("inspections", "inspection_photos", "audit_log")}
    import mine_supervision_plugin.store.inspections as inspections

    copies = []

    def copy_then_fail(source, target):
        copies.append(target)
        if len(copies) == 2:
            raise OSError("disk full")
        return shutil.copyfile(source, target)

    monkeypatch.setattr(inspections.shutil, "copy2", copy_then_fail)
    with pytest.raises(OSError, match="disk full"):
        import_patrols(store, county["gpx"], county["photos"], read_photo=county["read_photo"])
    after = {table: len(rows(store.location, table)) for table in before}
    assert after == before
    assert not attachments_folder(store).exists()  # the copied photo and its folders removed again


def test_no_readable_route_is_refused_with_each_file_named(county, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "waypoints.gpx").write_text('<gpx version="1.1"><wpt lat="36" lon="114"/></gpx>', encoding="utf-8")
    (bad / "broken.gpx").write_text("<gpx><trk>", encoding="utf-8")
    store = open_database(county["database"])
    with pytest.raises(PatrolImportError) as refused:
        import_patrols(store, bad)
    message = str(refused.value)
    assert "broken.gpx is not well-formed XML (line 1" in message and "waypoints.gpx has no track or route" in message
    assert rows(store.location, "inspections") == []


def test_unknown_kind_and_unknown_licence_are_named(county, tmp_path):
    store = open_database(county["database"])
    with pytest.raises(PatrolImportError, match="inspection kind"):
        import_patrols(store, county["gpx"], kind="picnic")
    gpx = tmp_path / "unknown.gpx"
    gpx.write_text(_gpx(_track("XJ-9", "许可证号 C9999992010127130000009", [
        (114.5, 36.5, "2026-04-01T01:00:00Z"), (114.501, 36.501, "2026-04-01T02:00:00Z")])), encoding="utf-8")
    report = import_patrols(store, gpx, kind="日常巡查")
    (record,) = report.inspections
    assert record["kind"] == "patrol" and record["license_nos"] == [FAR]  # matched by distance instead
    assert any("C9999992010127130000009, which is not in the database" in w for w in report.warnings)


def test_a_version_3_database_gains_the_patrol_fields_and_keeps_its_inspections(store_location):
    path = create_database(store_location, schema_version=3)
    source = ogr.Open(path, update=1)
    layer = source.GetLayerByName("inspections")
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("inspection_date", "2026/01/02")
    feature.SetField("kind", "patrol")
    feature.SetField("license_no", NAMED)
    layer.CreateFeature(feature)
    source = layer = feature = None
    store = open_database(path)
    assert store.migrated_from == 3 and store.schema_version == SCHEMA_VERSION >= 4
    (row,) = rows(path, "inspections")
    assert (row["license_no"], row["kind"], row["started_at"], row["license_nos"]) == (NAMED, "patrol", None, None)
    assert patrol_mines(row) == [NAMED]  # an older row's one licence
    source = ogr.Open(path)
    definition = source.GetLayerByName("inspection_photos").GetLayerDefn()
    assert definition.GetFieldIndex("source_file") >= 0


def test_photos_of_a_postgis_database_without_an_attachments_folder_are_refused_in_words(pg_database, tmp_path):
    store = open_database(create_database(pg_database))
    _add_licence(store.location, NAMED, 114.000, 36.100)
    gpx = tmp_path / "one.gpx"
    gpx.write_text(_gpx(_track("XJ-1", f"许可证号：{NAMED}", [(114.0, 36.1, "2026-03-05T01:00:00Z"),
                                                            (114.001, 36.101, "2026-03-05T02:00:00Z")])), encoding="utf-8")
    photos = tmp_path / "phone"
    photos.mkdir()
    (photos / "IMG_1.jpg").write_bytes(b"\xff\xd8 fake")
    info = PhotoInfo(str(photos / "IMG_1.jpg"), 114.0, 36.1, dt.datetime(2026, 3, 5, 9, 20), None)
    with pytest.raises(StoreError, match="no attachments folder yet") as refused:
        import_patrols(store, gpx, photos, read_photo=lambda path: info)
    assert "ms-admin-test-password" not in str(refused.value)
    assert rows(store.location, "inspections") == []
    # without photos the patrol is recorded
    assert len(import_patrols(store, gpx).inspections) == 1
