"""A county checked out of a real PostGIS database into a GeoPackage for field work, edited on both sides, and
checked back in: changes merged field by field, conflicts listed, additions kept, a second check-in refused."""

from __future__ import annotations

import datetime as dt

import pytest
from osgeo import ogr
from shapely.geometry import MultiPolygon, Point, box
from store_sql import insert_row as _insert
from store_sql import table_rows as _rows
from store_sql import update_row as _update

from mine_supervision_plugin.store.checkout import check_in, check_out
from mine_supervision_plugin.store.database import StoreError, create_database, open_database

X0, Y0 = 38_500_000.0, 4_000_000.0








def _patch(store, number: str) -> dict:
    return next(row for row in _rows(store, "patches") if row["patch_no"] == number)


def _square(x: float, size: float = 100.0) -> MultiPolygon:
    return MultiPolygon([box(X0 + x, Y0, X0 + x + size, Y0 + size)])


@pytest.fixture
def server(pg_database):
    create_database(pg_database, 4526)
    store = open_database(pg_database)
    _insert(store, "mining_rights", {"license_no": "C-A1", "mine_name": "甲矿", "holder": "甲", "county_code": "140402",
                                     "geometry": _square(0, 1000)})
    _insert(store, "mining_rights", {"license_no": "C-B1", "mine_name": "乙矿", "holder": "乙", "county_code": "140403",
                                     "geometry": _square(5000, 1000)})
    for number, county, x in (("P-A1", "140402", 100), ("P-A2", "140402", 300), ("P-B1", "140403", 5100)):
        _insert(store, "patches", {"patch_no": number, "county_code": county, "state": "assigned", "geometry": _square(x)})
    _insert(store, "patch_events", {"patch_no": "P-A1", "from_state": "prejudged", "to_state": "assigned",
                                    "event_time": dt.datetime(2026, 11, 1, 9, 0), "user_name": "县局"})
    _insert(store, "ledger_items", {"license_no": "C-A1", "patch_no": "P-A1", "problem": "越界开采", "state": "open"})
    return store


def test_check_out_edit_both_sides_and_check_in(server, tmp_path):
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    assert {row["patch_no"] for row in _rows(copy, "patches")} == {"P-A1", "P-A2"}
    assert [row["license_no"] for row in _rows(copy, "mining_rights")] == ["C-A1"]
    assert report.counts["patch_events"] == 1 and report.counts["ledger_items"] == 1

    # in the field, offline
    _update(copy, "patches", "patch_no", "P-A1", finding="现场确认越界", geometry=_square(100, 120))
    _update(copy, "patches", "patch_no", "P-A2", finding="复垦完成")
    _insert(copy, "patches", {"patch_no": "P-A3", "county_code": "140402", "state": "assigned", "geometry": _square(600)})
    _insert(copy, "patch_events", {"patch_no": "P-A1", "from_state": "assigned", "to_state": "field_checked",
                                   "event_time": dt.datetime(2026, 11, 20, 15, 0), "user_name": "外业"})
    patrol = _insert(copy, "inspections", {"inspection_date": dt.date(2026, 11, 20), "kind": "patrol",
                                           "license_no": "C-A1"})
    _insert(copy, "corner_checks", {"inspection_id": patrol, "license_no": "C-A1", "corner_no": 1,
                                    "deviation_m": 0.4, "geometry": Point(X0, Y0)})
    # meanwhile at the bureau
    _update(server, "patches", "patch_no", "P-A2", finding="已拆除")
    _update(server, "patches", "patch_no", "P-A1", evidence="卫片2026-11")
    _insert(server, "patch_events", {"patch_no": "P-A1", "from_state": "assigned", "to_state": "assigned",
                                     "event_time": dt.datetime(2026, 11, 10, 10, 0), "user_name": "县局", "reason": "补充材料"})
    a_server_patrol = _insert(server, "inspections", {"inspection_date": dt.date(2026, 11, 15), "kind": "patrol",
                                                      "license_no": "C-B1"})

    result = check_in(open_database(report.path), server)

    a1 = _patch(server, "P-A1")
    assert a1["finding"] == "现场确认越界" and a1["evidence"] == "卫片2026-11"  # both sides' fields kept
    source = ogr.Open(server.location)
    layer = source.GetLayerByName("patches")
    layer.SetAttributeFilter("patch_no = 'P-A1'")
    assert round(layer.GetNextFeature().GetGeometryRef().GetArea()) == 120 * 120
    layer = None
    source = None
    assert _patch(server, "P-A2")["finding"] == "已拆除"  # the server keeps its value; the conflict is listed
    [conflict] = result.conflicts
    assert (conflict.table, conflict.key, conflict.field, conflict.local, conflict.server) == (
        "patches", "P-A2", "finding", "复垦完成", "已拆除")
    assert _patch(server, "P-A3")["county_code"] == "140402"
    events = sorted(_rows(server, "patch_events"), key=lambda row: row["event_time"])
    assert [row["user_name"] for row in events] == ["县局", "县局", "外业"]
    [new_patrol] = [row for row in _rows(server, "inspections") if row["fid"] != a_server_patrol]
    [check] = _rows(server, "corner_checks")
    assert new_patrol["fid"] != patrol  # the server numbered the field patrol anew ...
    assert check["inspection_id"] == new_patrol["fid"]  # ... and its corner check follows it
    assert result.added == {"patches": 1, "patch_events": 1, "inspections": 1, "corner_checks": 1}
    assert result.updated == {"patches": 1}

    before = _rows(server, "patches")
    with pytest.raises(StoreError, match="already checked in"):
        check_in(open_database(report.path), server)
    assert _rows(server, "patches") == before


def test_a_patch_added_on_both_sides_is_a_conflict_not_a_failure(server, tmp_path):
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    _insert(copy, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "外业", "geometry": _square(700)})
    _insert(server, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "县局", "geometry": _square(700)})
    result = check_in(copy, server)
    assert [(c.key, c.field) for c in result.conflicts] == [("P-NEW", "patch_no")]
    assert _patch(server, "P-NEW")["finding"] == "县局"


def test_a_gpkg_that_is_no_checkout_is_refused(server, tmp_path):
    plain = open_database(create_database(tmp_path / "plain.gpkg", 4526))
    with pytest.raises(StoreError, match="not a checked-out copy"):
        check_in(plain, server)
