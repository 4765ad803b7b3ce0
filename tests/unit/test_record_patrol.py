"""One patrol recorded by hand (store.inspections.record_patrol), in a real GeoPackage."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from osgeo import ogr

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.domain.patrol_checklist import ITEMS, checklist_json, problems
from mine_supervision_plugin.formats.photos import PhotoInfo
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.inspections import PatrolImportError, record_patrol
from mine_supervision_plugin.store.rights import upsert_licences

ZONE = 38_000_000.0
FIRST, SECOND = "C4100002011031120000001", "C4100002011031120000002"
GPX = ('<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>XJ-9</name>'
       '<trkseg><trkpt lat="34.780" lon="114.000"><time>2026-03-05T01:00:00Z</time></trkpt>'
       '<trkpt lat="34.781" lon="114.002"><time>2026-03-05T02:00:00Z</time></trkpt></trkseg></trk></gpx>')


def square(north, east, size):
    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    return [Corner(i + 1, x, y) for i, (x, y) in enumerate(points)]


@pytest.fixture
def store(tmp_path):
    store = open_database(create_database(tmp_path / "county.gpkg"))
    upsert_licences(store, [
        Licence(license_no=FIRST, mine_name="青山矿", holder="甲", crs_epsg=4526,
                parcels=[Parcel("1", square(3_851_000.0, ZONE + 500_000.0, 200))]),
        Licence(license_no=SECOND, mine_name="金沟矿", holder="乙", crs_epsg=4526,
                parcels=[Parcel("1", square(3_851_000.0, ZONE + 501_000.0, 200))]),
    ])
    source = ogr.Open(store.location, update=1)
    layer = source.GetLayerByName("patches")
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("patch_no", "410001-2026-001")
    layer.CreateFeature(feature)
    source = None
    return store


def rows(store, table):
    with sqlite3.connect(store.location) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(r) for r in connection.execute(f"SELECT * FROM {table} ORDER BY fid")]


def test_checklist_answers_are_kept_in_order():
    assert checklist_json({"village": "problem", "signboard": "ok", "farmland": None}) == \
        '{"signboard": "ok", "village": "problem"}'
    assert checklist_json({}) is None
    assert problems('{"signboard": "ok", "village": "problem"}') == ["向村委会了解线索"]
    assert len(ITEMS) == 5
    with pytest.raises(ValueError):
        checklist_json({"weather": "ok"})
    with pytest.raises(ValueError):
        checklist_json({"signboard": "maybe"})


def test_a_patrol_of_two_mines_with_route_checklist_and_photos(store, tmp_path):
    gpx = tmp_path / "XJ-9.gpx"
    gpx.write_text(GPX, encoding="utf-8")
    placed, unplaced = tmp_path / "a.jpg", tmp_path / "b.jpg"
    placed.write_bytes(b"jpeg a")
    unplaced.write_bytes(b"jpeg b")
    record = record_patrol(
        store, inspection_date=dt.date(2026, 3, 5), kind="实地核查", inspectors="张伟、李强",
        license_nos=[FIRST, SECOND], patch_nos=["410001-2026-001"],
        checklist={"signboard": "ok", "piles": "problem"}, finding="尾矿堆放在矿区外", result="责令整改",
        route_file=gpx,
        photos=[PhotoInfo(str(placed), 114.001, 34.7805, dt.datetime(2026, 3, 5, 9, 30), 45.0),
                PhotoInfo(str(unplaced))],
    )
    row = rows(store, "inspections")[0]
    assert (row["kind"], row["inspectors"], row["license_no"], row["license_nos"], row["patch_no"]) == (
        "field_check", "张伟、李强", FIRST, f"{FIRST},{SECOND}", "410001-2026-001")
    assert json.loads(row["checklist"]) == {"signboard": "ok", "piles": "problem"}
    assert (row["finding"], row["result"], row["source_file"], row["route_source"]) == (
        "尾矿堆放在矿区外", "责令整改", "XJ-9.gpx", "gpx_track")
    assert row["started_at"].startswith("2026-03-05T09:00") and row["route_length_m"] > 100
    photos = rows(store, "inspection_photos")
    assert [p["inspection_id"] for p in photos] == [record["fid"]] * 2
    assert photos[0]["photo_path"] == f"county_attachments/inspections/{record['fid']}/a.jpg"
    assert photos[0]["geom"] is not None and photos[1]["geom"] is None
    assert any("no GPS position" in w for w in record["warnings"])
    assert (tmp_path / photos[1]["photo_path"]).read_bytes() == b"jpeg b"


def test_a_patrol_without_route_or_photos(store):
    record = record_patrol(store, inspection_date=dt.date(2026, 4, 1), kind="patrol", license_nos=[SECOND])
    row = rows(store, "inspections")[0]
    assert row["fid"] == record["fid"] and row["geom"] is None and row["checklist"] is None


def test_bad_input_is_all_named_and_nothing_is_written(store, tmp_path):
    broken = tmp_path / "broken.gpx"
    broken.write_text("<gpx><trk>", encoding="utf-8")
    with pytest.raises(PatrolImportError) as raised:
        record_patrol(store, inspection_date=dt.date(2026, 4, 1), kind="散步", license_nos=[FIRST, "C999"],
                      patch_nos=["nope"], checklist={"signboard": "maybe"}, route_file=broken,
                      photos=[PhotoInfo(str(tmp_path / "gone.jpg"))])
    message = str(raised.value)
    for expected in ("散步", "C999", "nope", "maybe", "broken.gpx", "gone.jpg"):
        assert expected in message
    with pytest.raises(PatrolImportError) as raised:
        record_patrol(store, inspection_date=dt.date(2026, 4, 1), kind="patrol", license_nos=[])
    assert "at least one mine" in str(raised.value)
    assert rows(store, "inspections") == [] and rows(store, "inspection_photos") == []
    assert not (tmp_path / "county_attachments").exists()


def test_a_route_drawn_on_the_map(store, tmp_path):
    import shapely

    east, north = ZONE + 500_100.0, 3_850_900.0
    drawn = shapely.LineString([(east, north), (east + 300, north), (east + 300, north + 400), (east + 300, north + 400)])
    record = record_patrol(store, inspection_date=dt.date(2026, 3, 5), kind="patrol", license_nos=[FIRST],
                           route_line=drawn)
    assert record["route_source"] == "drawn" and record["route_length_m"] == 700.0
    (row,) = rows(store, "inspections")
    assert row["route_source"] == "drawn" and row["route_length_m"] == 700.0
    gpx = tmp_path / "r.gpx"
    gpx.write_text(GPX, encoding="utf-8")
    with pytest.raises(PatrolImportError, match="not both"):
        record_patrol(store, inspection_date=dt.date(2026, 3, 6), kind="patrol", license_nos=[FIRST],
                      route_file=gpx, route_line=drawn)
    with pytest.raises(PatrolImportError, match="fewer than two"):
        record_patrol(store, inspection_date=dt.date(2026, 3, 6), kind="patrol", license_nos=[FIRST],
                      route_line=shapely.LineString([(east, north), (east, north)]))
    assert len(rows(store, "inspections")) == 1
