"""Mining rights in a real supervision GeoPackage: create, update with history, unchanged, atomicity."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from osgeo import ogr
from pyproj import Transformer

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import (
    RightsStoreError,
    history,
    list_license_nos,
    read_licence,
    upsert_licences,
)

ZONE = 38_000_000.0


def square(number_from: int, north: float, east: float, size: float, ring: int = 1) -> list[Corner]:
    """Four corners clockwise from the north-west one."""
    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    return [Corner(number_from + i, x, y, ring) for i, (x, y) in enumerate(points)]


def make_licence(license_no: str = "C4100002011031120123456", *, east: float = ZONE + 512_345.67) -> Licence:
    """A licence of three parcels: one with a hole, one plain, one excluded inside the second."""
    north = 3_851_234.56
    first = Parcel("1", square(1, north, east, 400.0) + square(5, north - 100, east + 100, 50.0, ring=2), 1200.0, 900.0)
    second = Parcel("2", square(1, north, east + 600, 300.0), 1150.0, 950.0)
    cut = Parcel("3", square(1, north - 100, east + 700, 50.0), 1150.0, 950.0, excluded=True)
    return Licence(
        license_no=license_no,
        mine_name="示范县青山石灰岩矿",
        holder="示范县青山矿业有限公司",
        mineral="建筑石料用灰岩",
        mining_method="open_pit",
        production_scale="30万吨/年",
        licensed_area_km2=0.2450,
        valid_from=dt.date(2024, 1, 1),
        valid_to=dt.date(2029, 12, 31),
        crs_epsg=4526,
        parcels=[first, second, cut],
        attributes={"生产状态": "在产"},
        source_file="/data/青山.txt",
    )


def bow_tie(license_no: str) -> Licence:
    """A licence whose only parcel crosses itself: its boundary cannot be stored."""
    corners = [Corner(1, 3_850_000.0, ZONE + 500_000.0), Corner(2, 3_850_000.0, ZONE + 500_100.0),
               Corner(3, 3_849_900.0, ZONE + 500_000.0), Corner(4, 3_849_900.0, ZONE + 500_100.0)]
    return Licence(license_no=license_no, mine_name="坏矿", holder="某人", crs_epsg=4526, parcels=[Parcel("1", corners)])


@pytest.fixture
def store(store_location):
    return open_database(create_database(store_location, 4526))


def rows(store, table: str, where: str | None = None) -> list[dict]:
    source = ogr.Open(store.location)
    layer = source.GetLayerByName(table)
    if where:
        layer.SetAttributeFilter(where)
    result = []
    for feature in layer:
        item = {name: feature.GetField(name) for name in feature.keys()}
        geometry = feature.GetGeometryRef()
        item["_geometry"] = geometry.ExportToWkt() if geometry is not None else None
        surface = geometry is not None and "POLYGON" in geometry.GetGeometryName()
        item["_area"] = geometry.GetArea() if surface else None
        result.append(item)
    return result


def coordinates(licence: Licence) -> list[tuple]:
    return [(p.parcel_no, c.ring, c.number, c.x, c.y) for p in licence.parcels for c in p.corners]


def test_create_writes_right_parcels_corners_and_log(store):
    licence = make_licence()
    report = upsert_licences(store, [licence])
    assert report.created == [licence.license_no] and not report.updated and not report.unchanged

    (right,) = rows(store, "mining_rights")
    assert right["mine_name"] == licence.mine_name
    assert right["status"] == "producing"  # 在产 from the file's 生产状态
    assert right["credit_status"] is None  # unknown stays unknown
    assert right["boundary_version"] == 1
    assert right["depth_top_m"] == 1200.0 and right["depth_bottom_m"] == 900.0
    assert right["valid_to"] == "2029/12/31"
    # Boundary: 400² less the 50² hole, plus 300² less the 50² excluded parcel.
    assert right["_area"] == pytest.approx(400**2 - 50**2 + 300**2 - 50**2, abs=0.01)

    parcels = rows(store, "mining_right_parcels")
    assert [(p["parcel_no"], p["excluded"]) for p in parcels] == [("1", 0), ("2", 0), ("3", 1)]
    assert parcels[0]["area_m2"] == pytest.approx(400**2 - 50**2, abs=0.01)
    # Ellipsoidal area is close to, but not the same as, the Gauss–Krüger plane area.
    assert parcels[1]["ellipsoidal_area_m2"] == pytest.approx(300**2, rel=2e-3)
    assert parcels[1]["ellipsoidal_area_m2"] != pytest.approx(300**2, abs=0.01)

    corners = rows(store, "mining_right_corners", "parcel_no = '1'")
    assert [(c["ring_no"], c["corner_no"]) for c in corners] == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 5), (2, 6), (2, 7), (2, 8)]
    assert corners[0]["x"] == 3_851_234.56 and corners[0]["y"] == ZONE + 512_345.67
    assert corners[0]["_geometry"] == f"POINT ({ZONE + 512_345.67} 3851234.56)"

    log = rows(store, "audit_log", "action = 'create'")
    assert [entry["feature_key"] for entry in log] == [licence.license_no]


def test_identical_reimport_is_unchanged_without_history(store):
    upsert_licences(store, [make_licence()])
    report = upsert_licences(store, [make_licence()])
    assert report.unchanged == [make_licence().license_no] and not report.created and not report.updated
    assert rows(store, "mining_right_history") == []
    assert len(rows(store, "mining_rights")) == 1
    assert len(rows(store, "audit_log", "action IN ('create', 'update')")) == 1


def test_a_repeated_closing_corner_is_the_same_licence(store):
    upsert_licences(store, [make_licence()])
    closed = make_licence()
    first = closed.parcels[1].corners[0]
    closed.parcels[1].corners.append(Corner(first.number, first.x, first.y))
    assert upsert_licences(store, [closed]).unchanged == [closed.license_no]
    assert len(rows(store, "mining_right_corners", "parcel_no = '2'")) == 4


def test_moved_corner_updates_and_keeps_history(store):
    original = make_licence()
    upsert_licences(store, [original])
    moved = make_licence()
    moved.parcels[1].corners[2].x -= 20.0  # corner 3 of parcel 2 moves 20 m south
    moved.source_file = "/data/青山-变更.txt"
    report = upsert_licences(store, [moved])
    assert report.updated == [moved.license_no]

    (right,) = rows(store, "mining_rights")
    assert right["boundary_version"] == 2
    assert right["source_file"] == "/data/青山-变更.txt"
    (entry,) = rows(store, "mining_right_history")
    assert entry["boundary_version"] == 1 and entry["source_file"] == "/data/青山.txt"
    assert entry["_area"] == pytest.approx(400**2 - 50**2 + 300**2 - 50**2, abs=0.01)
    state = json.loads(entry["attributes_json"])
    assert state["attributes"]["mine_name"] == original.mine_name
    assert state["parcels"][1]["corners"][2] == [1, 3, original.parcels[1].corners[2].x, original.parcels[1].corners[2].y]

    # Corners replaced, not added to.
    corners = rows(store, "mining_right_corners", "parcel_no = '2'")
    assert len(corners) == 4
    assert corners[2]["x"] == pytest.approx(original.parcels[1].corners[2].x - 20.0)
    assert coordinates(read_licence(store, moved.license_no)) == coordinates(moved)
    assert [h["boundary_version"] for h in history(store, moved.license_no)] == [1]
    assert len(rows(store, "audit_log", "action = 'update'")) == 1


def test_attribute_change_updates_but_keeps_status_the_file_does_not_give(store):
    first = make_licence()
    first.attributes = {"生产状态": "停产", "信用状态": "异常名录"}
    upsert_licences(store, [first])
    renamed = make_licence()
    renamed.attributes = {}
    renamed.holder = "示范县青山新材料有限公司"
    assert upsert_licences(store, [renamed]).updated == [renamed.license_no]
    (right,) = rows(store, "mining_rights")
    assert right["holder"] == "示范县青山新材料有限公司"
    assert (right["status"], right["credit_status"]) == ("suspended", "abnormal_list")
    # Saying nothing about the status is no change at all.
    assert upsert_licences(store, [renamed]).unchanged == [renamed.license_no]
    # A file that gives another status is a change.
    closed = copy.deepcopy(renamed)
    closed.attributes = {"生产状态": "closed"}
    assert upsert_licences(store, [closed]).updated == [closed.license_no]
    assert rows(store, "mining_rights")[0]["status"] == "closed"


def test_unknown_status_is_reported_and_ignored(store):
    licence = make_licence()
    licence.attributes = {"生产状态": "半停产"}
    report = upsert_licences(store, [licence])
    assert rows(store, "mining_rights")[0]["status"] is None
    assert any("半停产" in warning for warning in report.warnings)


def test_same_licence_twice_in_one_batch_never_duplicates(store):
    later = make_licence()
    later.mine_name = "示范县青山石灰岩矿（扩界）"
    report = upsert_licences(store, [make_licence(), later])
    assert report.created == [later.license_no] and report.updated == [later.license_no]
    assert len(rows(store, "mining_rights")) == 1
    assert len(rows(store, "mining_right_history")) == 1
    assert list_license_nos(store) == [later.license_no]


def test_read_licence_rebuilds_what_was_stored(store):
    licence = make_licence()
    upsert_licences(store, [licence, make_licence("C4100002011031120999999", east=ZONE + 520_000.0)])
    back = read_licence(store, licence.license_no)
    assert coordinates(back) == coordinates(licence)
    assert back.crs_epsg == 4526
    assert [(p.parcel_no, p.depth_top_m, p.depth_bottom_m, p.excluded) for p in back.parcels] == [
        ("1", 1200.0, 900.0, False),
        ("2", 1150.0, 950.0, False),
        ("3", 1150.0, 950.0, True),
    ]
    assert (back.valid_from, back.valid_to, back.mining_method) == (dt.date(2024, 1, 1), dt.date(2029, 12, 31), "open_pit")
    assert back.attributes["生产状态"] == "在产"
    assert list_license_nos(store) == ["C4100002011031120123456", "C4100002011031120999999"]
    with pytest.raises(RightsStoreError):
        read_licence(store, "C0000")


@pytest.mark.parametrize("epsg, east", [(4547, 512_345.67), (4527, 39_380_000.0), (4527, 39_250_000.0)])
def test_other_crs_of_the_same_datum_is_reprojected_and_given_coordinates_kept(store, epsg, east):
    """Zone 38 without prefix (exact shift) and zone 39 (a real reprojection) into a zone-38 store."""
    licence = make_licence(east=east)
    licence.crs_epsg = epsg
    upsert_licences(store, [licence])
    corner = rows(store, "mining_right_corners")[0]
    assert (corner["x"], corner["y"]) == (3_851_234.56, east)  # as the licence gives them
    point = ogr.CreateGeometryFromWkt(corner["_geometry"])
    if epsg == 4547:
        assert (point.GetX(), point.GetY()) == pytest.approx((ZONE + east, 3_851_234.56), abs=1e-6)
    else:
        expected = Transformer.from_crs(4527, 4526, always_xy=True).transform(east, 3_851_234.56)
        assert (point.GetX(), point.GetY()) == pytest.approx(expected, abs=1e-6)
        assert ZONE < point.GetX() < ZONE + 1_000_000  # really moved into zone 38
    back = read_licence(store, licence.license_no)
    assert back.crs_epsg == epsg
    assert coordinates(back) == coordinates(licence)
    # Areas are computed in the licence's own zone, not the store's.
    parcel = rows(store, "mining_right_parcels", "parcel_no = '2'")[0]
    assert parcel["area_m2"] == pytest.approx(300**2, abs=0.01)


def test_xian_1980_is_never_stored_as_cgcs2000(store):
    licence = make_licence()
    licence.crs_epsg = 2362  # Xi'an 1980 / 3-degree Gauss-Kruger zone 38
    with pytest.raises(RightsStoreError, match="2362"):
        upsert_licences(store, [licence])
    assert rows(store, "mining_rights") == []


def test_failure_in_the_middle_leaves_the_store_as_it_was(store):
    before_log = len(rows(store, "audit_log"))
    with pytest.raises(RightsStoreError, match="C-BAD"):
        upsert_licences(store, [make_licence("C-A"), make_licence("C-B", east=ZONE + 530_000.0), bow_tie("C-BAD")])
    for table in ("mining_rights", "mining_right_parcels", "mining_right_corners", "mining_right_history"):
        assert rows(store, table) == [], table
    assert len(rows(store, "audit_log")) == before_log


def test_failed_update_keeps_the_previous_version(store):
    upsert_licences(store, [make_licence("C-A")])
    moved = make_licence("C-A")
    moved.parcels[0].corners[0].x += 5.0
    with pytest.raises(RightsStoreError):
        upsert_licences(store, [moved, bow_tie("C-BAD")])
    (right,) = rows(store, "mining_rights")
    assert right["boundary_version"] == 1
    assert rows(store, "mining_right_history") == []
    assert coordinates(read_licence(store, "C-A")) == coordinates(make_licence("C-A"))
    assert len(rows(store, "mining_right_corners")) == 8 + 4 + 4


def test_licence_without_crs_or_number_is_refused(store):
    no_crs = make_licence()
    no_crs.crs_epsg = None
    with pytest.raises(RightsStoreError):
        upsert_licences(store, [no_crs])
    with pytest.raises(RightsStoreError):
        upsert_licences(store, [make_licence("  ")])
    assert rows(store, "mining_rights") == []


def test_a_parcel_number_used_twice_is_refused(store):
    licence = make_licence()
    licence.parcels[1].parcel_no = "1"
    with pytest.raises(RightsStoreError, match="parcel number twice"):
        upsert_licences(store, [licence])
    assert rows(store, "mining_rights") == []
