"""Key monitoring zones: import with field mapping (store) and the zones report (analysis), real GeoPackages."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
import shapely

from mine_supervision_plugin.analysis.zones_report import overdue_mines, zones_report
from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.store.corner_checks import record_corner_check
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import upsert_licences
from mine_supervision_plugin.store.zones import (
    ZoneImportError,
    ZoneInput,
    import_zones,
    resolve_fields,
    zone_level,
)

ZONE = 38_000_000.0
N0, E0 = 3_851_000.0, ZONE + 512_000.0
PRODUCING, SUSPENDED, OUTSIDE, EDGE = ("C41000020110311200000" + s for s in ("01", "02", "03", "04"))


def square(north, east, size):
    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    return [Corner(i + 1, x, y) for i, (x, y) in enumerate(points)]


def box(east, north, size):  # shapely (x = easting, y = northing), north-west corner given
    return shapely.box(east, north - size, east + size, north)


@pytest.fixture
def store(tmp_path):
    store = open_database(create_database(tmp_path / "county.gpkg"))
    upsert_licences(store, [
        Licence(license_no=PRODUCING, mine_name="青山矿", holder="甲", crs_epsg=4526,
                parcels=[Parcel("1", square(N0, E0, 200))], attributes={"生产状态": "在产"}),
        Licence(license_no=SUSPENDED, mine_name="金沟矿", holder="乙", crs_epsg=4526,
                parcels=[Parcel("1", square(N0, E0 + 300, 200))], attributes={"生产状态": "停产"}),
        Licence(license_no=OUTSIDE, mine_name="远山矿", holder="丙", crs_epsg=4526,
                parcels=[Parcel("1", square(N0 - 5000, E0, 200))], attributes={"生产状态": "在产"}),
        # touches the zone along its east edge only: not in it
        Licence(license_no=EDGE, mine_name="边界矿", holder="丁", crs_epsg=4526,
                parcels=[Parcel("1", square(N0, E0 + 1000, 100))], attributes={"生产状态": "在产"}),
    ])
    return store


def zone_input(where, name="青山重点矿区", level="省级", year=2026, geometry=None):
    return ZoneInput(where, geometry if geometry is not None else box(E0 - 100, N0 + 100, 1100), name, level, year)


def test_levels_are_read_as_codes_labels_or_words():
    assert [zone_level(v) for v in ("部", "省级", "city", "区县", "县级", "国家级", "乡", "", None)] == [
        "ministry", "province", "city", "county", "county", "ministry", None, None, None]


def test_usual_field_names_are_found_and_the_users_choice_wins():
    assert resolve_fields(["OBJECTID", "ZQMC", "级别", "ND"]) == {"name": "ZQMC", "level": "级别", "year": "ND", "note": None}
    assert resolve_fields(["ZQMC", "JB", "BZ"], {"name": "BZ", "level": ""}) == {
        "name": "BZ", "level": None, "year": None, "note": "BZ"}


def test_zones_are_imported_in_one_transaction(store):
    report = import_zones(store, [zone_input("zones.shp #1"), zone_input("zones.shp #2", "老区", None, "")],
                          default_level="县", default_year=None, source="zones.shp")
    with sqlite3.connect(store.location) as connection:
        rows = connection.execute("SELECT name, level, year FROM monitoring_zones ORDER BY fid").fetchall()
    assert rows == [("青山重点矿区", "province", 2026), ("老区", "county", None)]
    assert len(report.fids) == 2


def test_bad_zones_are_all_named_and_nothing_is_written(store):
    bad = [
        zone_input("zones.shp #1", name=" "),
        zone_input("zones.shp #2", level="乡"),
        zone_input("zones.shp #3", year="明年"),
        zone_input("zones.shp #4", geometry=shapely.LineString([(E0, N0), (E0 + 10, N0)])),
        zone_input("zones.shp #5", level=None),
    ]
    with pytest.raises(ZoneImportError) as raised:
        import_zones(store, bad)
    message = str(raised.value)
    for expected in ("#1: no zone name", "#2: level “乡”", "#3: year “明年”", "#4: no polygon", "#5: no level"):
        assert expected in message
    with sqlite3.connect(store.location) as connection:
        assert connection.execute("SELECT COUNT(*) FROM monitoring_zones").fetchone() == (0,)


def test_the_report_lists_each_zone_in_force_its_mines_field_check_list_and_overdue_mines(store):
    import_zones(store, [zone_input("a", "青山重点矿区", "省", 2026), zone_input("b", "旧名单矿区", "市", 2025),
                         zone_input("c", "常设矿区", "县", None, box(E0 + 250, N0 + 50, 300))])
    # patrols: the producing mine in March and May; the suspended one in February (Q1 done, Q2 missing)
    for day, number in ((dt.date(2026, 3, 5), PRODUCING), (dt.date(2026, 5, 5), PRODUCING),
                        (dt.date(2026, 2, 1), SUSPENDED)):
        record_corner_check(store, number, 1, measured=None, tolerance_m=1.0,
                            new_patrol={"inspection_date": day, "kind": "patrol"})
    report = zones_report(store, 2026, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    # the 2025 list is not in force in 2026 once a 2026 list exists; the zone without a year always is
    assert [(z.name, z.level) for z in report.zones] == [("青山重点矿区", "province"), ("常设矿区", "county")]
    first, standing = report.zones
    assert first.mines == [PRODUCING, SUSPENDED]  # the edge-touching licence is not inside
    assert standing.mines == [SUSPENDED]
    assert first.field_check_list(report.mines) == [PRODUCING]
    producing = report.mines[PRODUCING]
    assert (producing.required, producing.satisfied, producing.missing) == (6, 2, 4)
    assert producing.missing_periods == "2026-01, 2026-02, 2026-04, 2026-06"
    suspended = report.mines[SUSPENDED]
    assert (suspended.required, suspended.satisfied, suspended.missing_periods) == (2, 1, "2026-Q2")
    assert first.overdue(report.mines) == [PRODUCING, SUSPENDED]
    assert first.bounds == pytest.approx((E0 - 100, N0 - 1000, E0 + 1000, N0 + 100))
    # each of those patrols checked one corner: short of three
    assert (producing.short_patrols, suspended.short_patrols) == (2, 1)
    # 2025: only the 2025 list and the standing zone
    earlier = zones_report(store, 2025, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [z.name for z in earlier.zones] == ["旧名单矿区", "常设矿区"]
    # the same answer for the rights dock
    overdue = overdue_mines(store, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert overdue[PRODUCING].missing == 4 and overdue[OUTSIDE].missing == 6 and overdue[SUSPENDED].missing == 1


def test_patrols_with_three_corner_checks_are_not_short(store):
    first = record_corner_check(store, PRODUCING, 1, measured=None, tolerance_m=1.0,
                                new_patrol={"inspection_date": dt.date(2026, 3, 5), "kind": "patrol"})
    for corner in (2, 3):
        record_corner_check(store, PRODUCING, corner, measured=None, tolerance_m=1.0, inspection_id=first.inspection_id)
    record_corner_check(store, PRODUCING, 1, measured=None, tolerance_m=1.0,  # a field check: not a routine patrol
                        new_patrol={"inspection_date": dt.date(2026, 4, 5), "kind": "field_check"})
    record_corner_check(store, PRODUCING, 1, measured=None, tolerance_m=1.0,  # outside the period
                        new_patrol={"inspection_date": dt.date(2025, 4, 5), "kind": "patrol"})
    mines = zones_report(store, 2026, dt.date(2026, 1, 1), dt.date(2026, 6, 30)).mines
    assert mines[PRODUCING].short_patrols == 0 and mines[PRODUCING].satisfied == 2
    # one more routine patrol with a single check: short
    record_corner_check(store, PRODUCING, 4, measured=None, tolerance_m=1.0,
                        new_patrol={"inspection_date": dt.date(2026, 6, 5), "kind": "patrol"})
    assert zones_report(store, 2026, dt.date(2026, 1, 1), dt.date(2026, 6, 30)).mines[PRODUCING].short_patrols == 1
