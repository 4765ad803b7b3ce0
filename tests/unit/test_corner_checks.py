"""Boundary-corner checks: the deviation rule (domain) and recording checks in a real database (store), on both
stores: a GeoPackage and PostGIS (issue 14)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from osgeo import ogr

from mine_supervision_plugin.domain import corner_checks as rule
from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.store.corner_checks import (
    CornerCheckError,
    corner_checks_of,
    licence_choices,
    licence_corners,
    patrols_of,
    record_corner_check,
)
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.inspections import set_attachments_folder
from mine_supervision_plugin.store.ogr_util import as_dict
from mine_supervision_plugin.store.rights import upsert_licences

ZONE = 38_000_000.0
NORTH, EAST = 3_851_234.56, ZONE + 512_345.67
LICENCE = "C4100002011031120123456"
OTHER = "C4100002011031120654321"


# --- the rule --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, north, east",
    [
        ("3851234.56,38512345.67", 3851234.56, 38512345.67),
        ("3851234.56，38512345.67", 3851234.56, 38512345.67),
        ("3851234.56\t38512345.67", 3851234.56, 38512345.67),
        ("N=3851234.56 E=38512345.67", 3851234.56, 38512345.67),
        ("E:38512345.67  N:3851234.56", 3851234.56, 38512345.67),
        ("X=3851234.56, Y=38512345.67", 3851234.56, 38512345.67),
        ("北 3851234.56 东 38512345.67", 3851234.56, 38512345.67),
        ("J3,3851234.560,38512345.670,1203.45", 3851234.56, 38512345.67),  # point name, N, E, height
        ("12,3851234.56,38512345.67,1203.4", 3851234.56, 38512345.67),  # a numeric point number is skipped
    ],
)
def test_receiver_text_gives_north_and_east(text, north, east):
    measured = rule.parse_measured(text)
    assert (measured.north, measured.east) == (north, east)
    assert measured.note == ""


def test_a_pair_given_east_first_is_turned_round_and_said():
    measured = rule.parse_measured("38512345.67,3851234.56")
    assert (measured.north, measured.east) == (3851234.56, 38512345.67)
    assert "E, N" in measured.note


@pytest.mark.parametrize("text", ["", "   ", "abc", "3851234.56", "12, 34, 56"])
def test_text_without_a_pair_is_refused_with_a_message(text):
    with pytest.raises(rule.CoordinateTextError) as raised:
        rule.parse_measured(text)
    assert "N, E" in str(raised.value)


def test_zone_prefix_is_added_when_the_receiver_leaves_it_out():
    assert rule.with_zone_prefix(512345.67, EAST) == (pytest.approx(EAST), True)
    assert rule.with_zone_prefix(EAST + 1, EAST) == (EAST + 1, False)
    assert rule.with_zone_prefix(512345.67, 512340.0) == (512345.67, False)  # the store has no prefix either


def test_deviation_and_verdicts():
    corner = (NORTH, EAST)
    assert rule.deviation_m(corner, (NORTH + 3, EAST + 4)) == 5.0
    passed = rule.judge(corner, (NORTH + 0.3, EAST + 0.4), 1.0)
    assert (passed.outcome, passed.deviation_m, passed.passed) == (rule.PASSED, 0.5, True)
    assert "passed" in passed.text()
    edge = rule.judge(corner, (NORTH + 0.6, EAST + 0.8), 1.0)  # exactly the tolerance passes
    assert edge.passed is True
    failed = rule.judge(corner, (NORTH + 3, EAST + 4), 1.0)
    assert (failed.outcome, failed.passed) == (rule.EXCEEDED, False)
    assert "5.00 m" in failed.text() and "failed" in failed.text()
    # ten kilometres off: a typing or CRS error, flagged and never judged
    far = rule.judge(corner, (NORTH + 10_000, EAST), 1.0)
    assert (far.outcome, far.passed, far.deviation_m) == (rule.IMPLAUSIBLE, None, 10_000.0)
    assert "typing error" in far.text()
    just_under = rule.judge(corner, (NORTH + 999, EAST), 1.0)
    assert just_under.outcome == rule.EXCEEDED
    nothing = rule.judge(corner, None, 1.0)
    assert (nothing.outcome, nothing.passed) == (rule.NOT_MEASURED, None)
    with pytest.raises(ValueError):
        rule.judge(corner, None, 0)


def test_fewer_than_three_corners_fall_short():
    assert [rule.short_of_corners(n) for n in range(5)] == [True, True, True, False, False]
    assert "at least 3" in rule.short_text(2)


# --- the store ---------------------------------------------------------------------------------------


def _square(north: float, east: float, size: float) -> list[Corner]:
    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    return [Corner(i + 1, x, y) for i, (x, y) in enumerate(points)]


@pytest.fixture
def store(store_location, tmp_path):
    path = create_database(store_location)
    store = open_database(path)
    if store.is_postgres:  # a shared database keeps its photos in the folder its administrator sets
        set_attachments_folder(store, tmp_path / "county_attachments")
    upsert_licences(store, [
        Licence(license_no=LICENCE, mine_name="青山石灰岩矿", holder="青山矿业", crs_epsg=4526,
                parcels=[Parcel("1", _square(NORTH, EAST, 400.0))]),
        Licence(license_no=OTHER, mine_name="金沟金矿", holder="金沟矿业", crs_epsg=4526,
                parcels=[Parcel("1", _square(NORTH, EAST + 2000, 300.0))]),
    ])
    return store


def _rows(store, table):
    """The table's rows as plain values (dates as ISO text), without the PostGIS audit triggers' own rows."""
    if not store.is_postgres:
        with sqlite3.connect(store.location) as connection:
            connection.row_factory = sqlite3.Row
            return [dict(r) for r in connection.execute(f"SELECT * FROM {table} ORDER BY fid")]
    source = ogr.Open(store.location)
    layer = source.GetLayerByName(table)
    rows = []
    for feature in layer:
        row = {name: value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
               for name, value in as_dict(feature).items()}
        if table != "audit_log" or not str(row.get("action", "")).startswith("db_"):
            rows.append(row)
    layer = source = None
    return sorted(rows, key=lambda row: row["fid"])


def test_corners_and_choices_are_read(store):
    assert licence_choices(store) == [(LICENCE, "青山石灰岩矿"), (OTHER, "金沟金矿")]
    corners = licence_corners(store, LICENCE)
    assert [c["corner_no"] for c in corners] == [1, 2, 3, 4]
    assert (corners[1]["north"], corners[1]["east"]) == pytest.approx((NORTH, EAST + 400))


def test_a_check_with_a_new_patrol_is_recorded_with_its_photo(store, tmp_path):
    photo = tmp_path / "J2.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    done = record_corner_check(
        store, LICENCE, 2, measured=(NORTH + 0.3, EAST + 400.4), stake_state="完好", note="界桩清晰",
        photo=photo, new_patrol={"inspection_date": dt.date(2026, 3, 5), "kind": "日常巡查", "inspectors": "张伟"},
        tolerance_m=1.0, checked_at=dt.datetime(2026, 3, 5, 10, 30),
    )
    assert done.new_patrol and done.verdict.passed is True and done.checks_in_patrol == 1 and done.short_of_corners
    patrol = _rows(store, "inspections")[0]
    assert (patrol["fid"], patrol["license_no"], patrol["license_nos"], patrol["kind"], patrol["inspectors"],
            patrol["inspection_date"]) == (done.inspection_id, LICENCE, LICENCE, "patrol", "张伟", "2026-03-05")
    check = _rows(store, "corner_checks")[0]
    assert check["inspection_id"] == done.inspection_id and check["corner_no"] == 2 and check["parcel_no"] == "1"
    assert check["licensed_x"] == pytest.approx(NORTH) and check["licensed_y"] == pytest.approx(EAST + 400)
    assert (check["measured_x"], check["measured_y"]) == (NORTH + 0.3, EAST + 400.4)
    assert (check["deviation_m"], check["passed"], check["stake_state"], check["note"]) == (0.5, 1, "intact", "界桩清晰")
    assert check["photo_path"] == f"county_attachments/corner_checks/{check['fid']}/J2.jpg"
    assert (tmp_path / check["photo_path"]).read_bytes() == photo.read_bytes()
    assert _rows(store, "audit_log")[-1]["action"] == "corner_check"

    # two more checks on the same patrol: it no longer falls short
    for number, east, deviation in ((3, EAST + 400, 3.0), (4, EAST, 0.2)):
        more = record_corner_check(store, LICENCE, number, measured=(NORTH - 400 + deviation, east),
                                   stake_state="damaged", inspection_id=done.inspection_id, tolerance_m=1.0)
    assert more.checks_in_patrol == 3 and not more.short_of_corners
    checks = corner_checks_of(store, LICENCE)
    assert [c["corner_no"] for c in checks] == [2, 3, 4]
    assert [c["passed"] for c in checks] == [True, False, True]
    patrols = patrols_of(store, LICENCE)
    assert [(p["fid"], p["corner_checks"], p["short_of_corners"]) for p in patrols] == [(done.inspection_id, 3, False)]
    assert patrols_of(store, OTHER) == []


def test_an_implausible_point_is_refused_unless_accepted_and_then_left_unjudged(store):
    patrol = {"inspection_date": dt.date(2026, 3, 5), "kind": "patrol"}
    before = (_rows(store, "inspections"), _rows(store, "corner_checks"))
    with pytest.raises(CornerCheckError) as raised:
        record_corner_check(store, LICENCE, 1, measured=(NORTH + 10_000, EAST), new_patrol=patrol, tolerance_m=1.0)
    assert "typing error" in str(raised.value)
    assert (_rows(store, "inspections"), _rows(store, "corner_checks")) == before  # not even the patrol
    done = record_corner_check(store, LICENCE, 1, measured=(NORTH + 10_000, EAST), new_patrol=patrol,
                               tolerance_m=1.0, accept_implausible=True)
    check = _rows(store, "corner_checks")[0]
    assert done.verdict.outcome == rule.IMPLAUSIBLE and check["passed"] is None and check["deviation_m"] == 10_000.0


def test_a_missing_stake_without_measurement_is_recorded_at_the_corner(store):
    done = record_corner_check(store, LICENCE, 4, stake_state="缺失", new_patrol={
        "inspection_date": dt.date(2026, 4, 1), "kind": "field_check"}, tolerance_m=1.0)
    check = _rows(store, "corner_checks")[0]
    assert done.verdict.outcome == rule.NOT_MEASURED
    assert (check["stake_state"], check["passed"], check["deviation_m"], check["measured_x"]) == ("missing", None, None, None)


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"corner_no": 9}, "has no corner 9"),
        ({"license_no": "C999"}, "has no corner"),
        ({"stake_state": "歪了"}, "is not a stake state"),
        ({"photo": "/nowhere/J1.jpg"}, "does not exist"),
        ({"inspection_id": 99, "new_patrol": None}, "not in the database"),
        ({"new_patrol": None}, "one patrol"),
        ({"new_patrol": {"inspection_date": dt.date(2026, 3, 1), "kind": "散步"}}, "not an inspection kind"),
        ({"new_patrol": {"kind": "patrol"}}, "needs its date"),
        ({"tolerance_m": 0}, "tolerance"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(store, tmp_path, arguments, message):
    values = {"license_no": LICENCE, "corner_no": 1, "measured": (NORTH, EAST), "tolerance_m": 1.0,
              "new_patrol": {"inspection_date": dt.date(2026, 3, 1), "kind": "patrol"}}
    values.update(arguments)
    before = (_rows(store, "inspections"), _rows(store, "corner_checks"))
    with pytest.raises(CornerCheckError) as raised:
        record_corner_check(store, values.pop("license_no"), values.pop("corner_no"), **values)
    assert message in str(raised.value)
    assert (_rows(store, "inspections"), _rows(store, "corner_checks")) == before
    assert not (tmp_path / "county_attachments").exists()


def test_a_patrol_of_another_mine_is_refused(store):
    other = record_corner_check(store, OTHER, 1, measured=None, new_patrol={
        "inspection_date": dt.date(2026, 3, 1), "kind": "patrol"}, tolerance_m=1.0)
    with pytest.raises(CornerCheckError) as raised:
        record_corner_check(store, LICENCE, 1, measured=(NORTH, EAST), inspection_id=other.inspection_id,
                            tolerance_m=1.0)
    assert "does not cover licence" in str(raised.value)
    assert len(_rows(store, "corner_checks")) == 1


def test_a_failure_after_the_photo_was_copied_removes_it(store, tmp_path, monkeypatch):
    photo = tmp_path / "J1.jpg"
    photo.write_bytes(b"jpeg")

    def broken_log(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(type(store), "log", broken_log)
    with pytest.raises(Exception):  # noqa: B017 - the store words it; what matters is what is left
        record_corner_check(store, LICENCE, 1, measured=(NORTH, EAST), photo=photo, tolerance_m=1.0,
                            new_patrol={"inspection_date": dt.date(2026, 3, 1), "kind": "patrol"})
    assert _rows(store, "corner_checks") == [] and _rows(store, "inspections") == []
    assert not (tmp_path / "county_attachments").exists()
