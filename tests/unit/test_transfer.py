"""Pushing a supervision GeoPackage into an empty PostGIS database (store.transfer): one transaction, every row
with its fid, the counters carried, the counts checked; a target that is not empty is refused untouched."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely
from osgeo import ogr
from store_sql import add_failing_trigger, count, execute, fingerprint, query
from test_rights_store import make_licence

from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.notices import issuing
from mine_supervision_plugin.store.patches import add_patches, patch_history, transition_patches
from mine_supervision_plugin.store.rights import upsert_licences
from mine_supervision_plugin.store.schema import SCHEMA_VERSION, tables_at
from mine_supervision_plugin.store.transfer import push_database

PREFIX = "示范自然资整"


@pytest.fixture
def county(tmp_path):
    """A county's GeoPackage with licences, patches moved through the workflow and an issued notice."""
    store = open_database(create_database(tmp_path / "county.gpkg", 4526))
    upsert_licences(store, [make_licence(), make_licence("C4100002011031120654321", east=38_520_000.0)])
    boxes = [shapely.box(38_512_000 + 500 * i, 3_850_000, 38_512_100 + 500 * i, 3_850_100) for i in range(5)]
    add_patches(store, [{"patch_no": f"WP-{i}", "geometry": b, "date_after": dt.date(2026, 3, 1)}
                        for i, b in enumerate(boxes)], source="satellite")
    transition_patches(store, ["WP-0", "WP-1"], "verified", reason="核查",
                       updates={"field_check_date": dt.date(2026, 4, 1), "inspectors": "张三", "finding": "开挖"})
    with issuing(store, PREFIX, 2026) as allocation:
        allocation.record(holder="甲公司", license_nos=["C1"], patch_nos=["WP-0"], facts="越界", legal_basis="法",
                          requirement="停止", deadline=dt.date(2026, 6, 1), issued_at=dt.date(2026, 5, 2), pdf_path="/x.pdf")
    # a zone drawn by another program: a Polygon in the MultiPolygon column (a GeoPackage does not check)
    source = ogr.Open(store.location, update=1)
    zones = source.GetLayerByName("monitoring_zones")
    zone = ogr.Feature(zones.GetLayerDefn())
    zone.SetField("name", "荫城重点监测矿区")
    zone.SetField("level", "province")
    zone.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON((38510000 3849000, 38530000 3849000, 38530000 3852000, 38510000 3849000))"))
    zones.CreateFeature(zone)
    source = zones = zone = None
    return store


def counts(location) -> dict[str, int]:
    return {spec.name: count(location, spec.name) for spec in tables_at(SCHEMA_VERSION)}


def test_a_geopackage_is_pushed_whole_and_the_shared_database_carries_on(county, pg_database):
    before = counts(county.location)
    report = push_database(county.location, pg_database)
    assert report.created_schema and report.counts == before and report.total > 20
    after = counts(pg_database)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {k: v for k, v in before.items() if k != "audit_log"}
    assert after["audit_log"] == before["audit_log"] + 1  # the push itself is logged
    for table, columns in (("patches", "fid, patch_no, state, field_check_date, notice_no, area_m2"),
                           ("patch_events", "fid, patch_no, from_state, to_state, user_name, reason"),
                           ("mining_right_corners", "fid, license_no, parcel_no, ring_no, corner_no, x, y"),
                           ("notices", "fid, notice_no, holder, deadline, state")):
        assert query(pg_database, f"SELECT {columns} FROM {table} ORDER BY fid") == \
            query(county.location, f"SELECT {columns} FROM {table} ORDER BY fid"), table
    assert query(pg_database, "SELECT ST_Area(geom) FROM patches WHERE patch_no = 'WP-3'")[0][0] == pytest.approx(10_000)
    assert query(pg_database, "SELECT ST_GeometryType(geom), name FROM monitoring_zones") == [
        ("ST_MultiPolygon", "荫城重点监测矿区")]
    shared = open_database(pg_database)
    # the workflow and the numbers go on from where the GeoPackage left them
    assert [e["to_state"] for e in patch_history(shared, "WP-0")] == ["issued", "verified"]
    transition_patches(shared, ["WP-2"], "verified", reason="核查",
                       updates={"field_check_date": dt.date(2026, 4, 2), "inspectors": "李四", "finding": "无"})
    new_event = patch_history(shared, "WP-2")[-1]["fid"]
    assert new_event == max(e for (e,) in query(county.location, "SELECT fid FROM patch_events")) + 1
    with issuing(shared, PREFIX, 2026) as allocation:
        allocation.record(holder="乙公司", license_nos=["C2"], patch_nos=["WP-1"], facts="越界", legal_basis="法",
                          requirement="停止", deadline=dt.date(2026, 6, 1), issued_at=dt.date(2026, 5, 3), pdf_path="/y.pdf")
    assert allocation.number == f"{PREFIX}〔2026〕2号"


def test_a_target_that_is_not_empty_is_refused_untouched(county, pg_database):
    push_database(county.location, pg_database)
    before = fingerprint(pg_database)
    with pytest.raises(StoreError, match="already holds supervision data") as refused:
        push_database(county.location, pg_database)
    assert "ms-admin-test-password" not in str(refused.value)
    assert fingerprint(pg_database) == before


def test_a_row_refused_half_way_writes_no_row_and_the_push_can_be_done_again(county, pg_database):
    create_database(pg_database, 4526)
    add_failing_trigger(pg_database, "notices", "1")
    with pytest.raises(StoreError, match="refused by test trigger"):
        push_database(county.location, pg_database)
    assert sum(counts(pg_database).values()) == 0
    execute(pg_database, 'DROP TRIGGER "fail_notices" ON notices')
    report = push_database(county.location, pg_database)
    assert not report.created_schema and report.counts["notices"] == 1


def test_only_a_postgis_target_and_a_same_crs_are_taken(county, tmp_path, pg_database):
    with pytest.raises(StoreError, match="not a PostgreSQL connection"):
        push_database(county.location, str(tmp_path / "other.gpkg"))
    create_database(pg_database, 4527)
    with pytest.raises(StoreError, match="EPSG:4527"):
        push_database(county.location, pg_database)
