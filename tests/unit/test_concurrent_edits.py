"""Two users save the same patch, licence or ledger item: the second save is refused with the first one's change,
on a GeoPackage and on a shared PostgreSQL/PostGIS database alike; nothing is overwritten silently."""

from __future__ import annotations

import copy
import threading
import time

import psycopg2
import pytest
import shapely
from osgeo import ogr
from test_rights_store import make_licence

from mine_supervision_plugin.store import database
from mine_supervision_plugin.store.ogr_util import as_dict, to_shapely
from mine_supervision_plugin.store.patches import (
    add_patches,
    get_patch,
    get_patches,
    patch_history,
    take_step,
    transition_patches,
    update_patch_fields,
)
from mine_supervision_plugin.store.rights import upsert_licences
from mine_supervision_plugin.store.versions import ConcurrentEditError, edit_row

CHECKED = {"field_check_date": "2026-05-01", "inspectors": "李四", "finding": "开挖"}
LICENCE = "C4100002011031120123456"


@pytest.fixture(params=["gpkg", "postgis"])
def store(request, tmp_path):
    if request.param == "gpkg":
        target = database.create_database(tmp_path / "county.gpkg")
    else:
        target = database.create_database(request.getfixturevalue("pg_database"))
    store = database.open_database(target)
    upsert_licences(store, [make_licence(LICENCE)])
    add_patches(
        store,
        [{"patch_no": "P1", "county_code": "130102", "license_no": LICENCE,
          "geometry": shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)}],
        source="satellite",
    )
    return store


def licence_row(store) -> dict:
    """The licence's row as a user reads it (its attribute table, with the boundary)."""
    source = ogr.Open(database._ogr_name(store.location))
    layer = source.GetLayerByName("mining_rights")
    layer.SetAttributeFilter(f"license_no = '{LICENCE}'")
    feature = layer.GetNextFeature()
    row = {**as_dict(feature), "geometry": to_shapely(feature.GetGeometryRef())}
    layer = source = None
    return row


def test_the_second_form_save_is_refused_with_the_first_users_change(store):
    mine, theirs = get_patch(store, "P1"), get_patch(store, "P1")
    # A save with what was read, unchanged since, passes: the record as read (dates, geometry...) compares equal.
    assert update_patch_fields(store, "P1", {"finding": "开挖痕迹"}, user="王五", expected=theirs) == {"finding": "开挖痕迹"}
    with pytest.raises(ConcurrentEditError) as refused:
        update_patch_fields(store, "P1", {"inspectors": "张三"}, user="张三", expected=mine)
    message = str(refused.value)
    assert "王五" in message and "finding" in message and "(empty) → 开挖痕迹" in message
    [conflict] = refused.value.conflicts
    assert conflict.changes == {"finding": (None, "开挖痕迹")} and conflict.when is not None
    assert get_patch(store, "P1")["inspectors"] is None  # nothing of the refused save was written
    # Read again, the same save passes.
    assert update_patch_fields(store, "P1", {"inspectors": "张三"}, user="张三", expected=get_patch(store, "P1"))


def test_a_workflow_step_on_a_patch_moved_by_someone_else_is_refused(store):
    mine = get_patch(store, "P1")
    assert take_step(store, ["P1"], "verified", reason="核查", user="王五", updates=CHECKED,
                     expected={"P1": get_patch(store, "P1")}).done == ["P1"]
    report = take_step(store, ["P1"], "verified", reason="核查", user="张三", updates=CHECKED, expected={"P1": mine})
    assert report.done == [] and set(report.conflicts) == {"P1"}
    assert "王五" in report.refused["P1"][0] and "state" in report.refused["P1"][0]
    assert report.conflicts["P1"].changes["state"] == ("issued", "verified")
    assert [event["user_name"] for event in patch_history(store, "P1")] == [database.current_user(), "王五"]


def test_a_batch_checks_the_patches_as_read_when_it_started(store):
    add_patches(store, [{"patch_no": "P2", "county_code": "130102", "license_no": LICENCE,
                         "geometry": shapely.box(38_500_200, 4_000_000, 38_500_300, 4_000_100)}], source="satellite")
    for number in ("P1", "P2"):
        update_patch_fields(store, number, CHECKED)
    read = get_patches(store, ["P1", "P2", "P9"])
    assert sorted(read) == ["P1", "P2"] and read["P2"]["finding"] == "开挖"
    # while the batch's user types the reason, another user corrects P2's finding
    update_patch_fields(store, "P2", {"finding": "复核：无开采"}, user="王五", expected=get_patch(store, "P2"))
    everything = transition_patches(store, ["P1", "P2"], "verified", reason="批量核查", all_or_nothing=True, expected=read)
    assert everything.done == [] and set(everything.conflicts) == {"P2"}
    assert [get_patch(store, n)["state"] for n in ("P1", "P2")] == ["issued", "issued"]
    report = transition_patches(store, ["P1", "P2"], "verified", reason="批量核查", expected=read)
    assert report.done == ["P1"] and set(report.refused) == {"P2"}
    assert "王五" in report.refused["P2"][0] and "复核：无开采" in report.refused["P2"][0]  # named, with the change
    p2 = get_patch(store, "P2")
    assert (p2["state"], p2["finding"]) == ("issued", "复核：无开采")  # nothing of the move written on P2
    assert [e["to_state"] for e in patch_history(store, "P2")] == ["issued"]


def test_a_licence_changed_since_it_was_read_is_not_overwritten_by_an_import(store):
    read = licence_row(store)
    moved = make_licence(LICENCE, east=38_512_400.0)  # another user imports a new boundary
    upsert_licences(store, [moved], expected={LICENCE: licence_row(store)})
    mine = copy.deepcopy(make_licence(LICENCE))
    mine.holder = "新采矿权人"
    with pytest.raises(ConcurrentEditError, match="geometry") as refused:
        upsert_licences(store, [mine], expected={LICENCE: read})
    assert "boundary_version" in str(refused.value)
    assert licence_row(store)["holder"] == "示范县青山矿业有限公司"


def test_ledger_item_ticks_of_two_users(store):
    take_step(store, ["P1"], "verified", reason="核查", updates=CHECKED)
    take_step(store, ["P1"], "determined", reason="判定", updates={"determination": "illegal", "violation_type": "out_of_bounds"})
    source = ogr.Open(database._ogr_name(store.location))
    item = as_dict(source.GetLayerByName("ledger_items").GetNextFeature())
    source = None
    edit_row(store, "ledger_items", "fid", item["fid"], {"rectification_done": True}, expected=item, user="王五")
    with pytest.raises(ConcurrentEditError, match="王五") as refused:
        edit_row(store, "ledger_items", "fid", item["fid"], {"penalty_done": True}, expected=item, user="张三")
    assert refused.value.conflicts[0].changes == {"rectification_done": (0, 1)}


def test_an_edit_in_the_attribute_table_of_the_shared_database_is_seen_with_its_login(pg_server, pg_database):
    database.create_database(pg_database)
    store = database.open_database(pg_database)
    add_patches(store, [{"patch_no": "P1", "geometry": shapely.box(0, 0, 10, 10)}], source="satellite")
    read = get_patch(store, "P1")
    dbname = pg_database.split("dbname=")[1].split()[0]
    pg_server.psql("UPDATE patches SET state = 'verified', inspectors = '赵六' WHERE patch_no = 'P1'", dbname=dbname)
    report = take_step(store, ["P1"], "verified", reason="核查", updates=CHECKED, expected={"P1": read})
    assert "ms_admin" in report.refused["P1"][0]
    assert report.conflicts["P1"].changes == {"inspectors": (None, "赵六"), "state": ("issued", "verified")}


def test_a_save_waits_for_a_concurrent_one_and_then_sees_its_change(pg_server, pg_database):
    """The check runs inside the write transaction, after the row lock: no window between check and write."""
    database.create_database(pg_database)
    store = database.open_database(pg_database)
    add_patches(store, [{"patch_no": "P1", "geometry": shapely.box(0, 0, 10, 10)}], source="satellite")
    read = get_patch(store, "P1")
    other = psycopg2.connect(pg_database[3:])
    outcome = {}
    try:
        with other.cursor() as cursor:
            cursor.execute("UPDATE patches SET finding = 'other user' WHERE patch_no = 'P1'")  # not committed yet

        def save():
            try:
                outcome["result"] = update_patch_fields(store, "P1", {"inspectors": "张三"}, expected=read)
            except ConcurrentEditError as error:
                outcome["error"] = error

        writer = threading.Thread(target=save)
        writer.start()
        time.sleep(1.5)
        assert writer.is_alive() and not outcome  # waiting for the other transaction's row lock
        other.commit()
        writer.join(30)
    finally:
        other.close()
    assert outcome["error"].conflicts[0].changes == {"finding": (None, "other user")}
    assert get_patch(store, "P1")["inspectors"] is None
