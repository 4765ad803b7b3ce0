"""The conflicts of a check-in resolved later, on both stores (issue 14): the field copy's value taken or the
server's kept per conflict, in one transaction, with the version check (a value changed again on the server is
refused), the workflow rules, the audit log, and the choice kept so that resolving twice changes nothing."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from shapely.geometry import MultiPolygon, box
from store_sql import insert_row as _insert
from store_sql import table_rows as _rows
from store_sql import update_row as _update

from mine_supervision_plugin.store.checkout import check_in, check_out, open_conflicts, resolve_conflicts, take_choice
from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.ogr_util import to_ogr_geometry

X0, Y0 = 38_500_000.0, 4_000_000.0
TODAY = dt.date.today()








def _patch(store, number: str) -> dict:
    return next(row for row in _rows(store, "patches") if row["patch_no"] == number)


def _resolutions(store) -> list[dict]:
    """The plugin's audit rows of resolutions (not the PostGIS triggers' own rows)."""
    return [json.loads(row["detail"]) | {"key": row["feature_key"]} for row in _rows(store, "audit_log")
            if row["action"] == "resolve_conflict"]


def _square(x: float, size: float = 100.0) -> MultiPolygon:
    return MultiPolygon([box(X0 + x, Y0, X0 + x + size, Y0 + size)])


@pytest.fixture
def server(store_location):
    create_database(store_location, 4526)
    store = open_database(store_location)
    _insert(store, "mining_rights", {"license_no": "C-A1", "mine_name": "甲矿", "holder": "甲", "county_code": "140402",
                                     "geometry": _square(0, 1000)})
    for number, x in (("P-A1", 100), ("P-A2", 300), ("P-A3", 500)):
        _insert(store, "patches", {"patch_no": number, "county_code": "140402", "state": "issued", "geometry": _square(x)})
    return store


@pytest.fixture
def checked_in(server, tmp_path):
    """Three conflicts: P-A2's finding, P-A3's finding, P-A1's workflow state (the copy went one step further)."""
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    checked = TODAY.isoformat()
    _update(copy, "patches", "patch_no", "P-A2", finding="复垦完成")
    _update(copy, "patches", "patch_no", "P-A3", finding="已停工")
    _update(copy, "patches", "patch_no", "P-A1", state="determined", field_check_date=checked, inspectors="王芳",
            finding="越界开采", determination="illegal", violation_type="out_of_bounds")
    _update(server, "patches", "patch_no", "P-A2", finding="已拆除")
    _update(server, "patches", "patch_no", "P-A3", finding="正在开采")
    _update(server, "patches", "patch_no", "P-A1", state="verified", field_check_date=checked, inspectors="王芳",
            finding="越界开采")
    result = check_in(open_database(report.path), server)
    assert sorted((c.key, c.field) for c in result.conflicts) == [("P-A1", "state"), ("P-A2", "finding"),
                                                                   ("P-A3", "finding")]
    return server


def _choice(server, key: str, field: str = "finding") -> tuple[str, int]:
    conflict = next(c for c in open_conflicts(server) if (c.key, c.field) == (key, field))
    return conflict.checkout_id, conflict.id


def test_the_conflicts_are_kept_on_the_server_with_both_values_and_who(checked_in):
    conflicts = {(c.key, c.field): c for c in open_conflicts(checked_in)}
    a2 = conflicts[("P-A2", "finding")]
    assert (a2.table, a2.local, a2.server, a2.resolution) == ("patches", "复垦完成", "已拆除", None)
    assert a2.checked_in_by and a2.checked_in_at and a2.county == "140402"
    assert a2.resolvable_by_copy


def test_taking_the_copy_writes_it_logs_it_and_closes_the_conflict(checked_in):
    report = resolve_conflicts(checked_in, {_choice(checked_in, "P-A2"): "copy", _choice(checked_in, "P-A3"): "服务器"})
    assert len(report.taken) == 1 and len(report.kept) == 1 and report.already == []
    assert _patch(checked_in, "P-A2")["finding"] == "复垦完成"  # the field copy's value, nothing lost
    assert _patch(checked_in, "P-A3")["finding"] == "正在开采"  # the server's kept
    logged = {row["key"]: row for row in _resolutions(checked_in)}
    assert logged["P-A2"]["take"] == "copy" and logged["P-A2"]["server_value"] == "已拆除"
    assert logged["P-A3"]["take"] == "server"
    assert [(c.key, c.field) for c in open_conflicts(checked_in)] == [("P-A1", "state")]
    done = {c.key: c.resolution for c in open_conflicts(checked_in, resolved=True)}
    assert done["P-A2"]["take"] == "copy" and done["P-A2"]["by"]


def test_resolving_twice_changes_nothing_and_a_different_second_choice_is_refused(checked_in):
    choice = _choice(checked_in, "P-A2")
    resolve_conflicts(checked_in, {choice: "copy"})
    _update(checked_in, "patches", "patch_no", "P-A2", finding="又改了")  # later work on the row
    again = resolve_conflicts(checked_in, {choice: "copy"})
    assert again.taken == [] and len(again.already) == 1
    assert _patch(checked_in, "P-A2")["finding"] == "又改了"
    with pytest.raises(StoreError, match="already resolved"):
        resolve_conflicts(checked_in, {choice: "server"})
    assert len(_resolutions(checked_in)) == 1


def test_a_value_changed_again_on_the_server_is_refused_and_nothing_is_written(checked_in):
    choices = {_choice(checked_in, "P-A2"): "copy", _choice(checked_in, "P-A3"): "copy"}
    _update(checked_in, "patches", "patch_no", "P-A3", finding="县局复核")
    with pytest.raises(StoreError) as raised:
        resolve_conflicts(checked_in, choices)
    assert "P-A3" in str(raised.value) and "changed again" in str(raised.value) and "县局复核" in str(raised.value)
    assert "Nothing was written" in str(raised.value)
    assert _patch(checked_in, "P-A2")["finding"] == "已拆除"  # not half-resolved
    assert len(open_conflicts(checked_in)) == 3 and _resolutions(checked_in) == []


def test_the_workflow_decides_whether_the_copys_state_may_be_taken(checked_in, tmp_path):
    # the copy determined the patch the server has verified: the next step, allowed
    resolve_conflicts(checked_in, {_choice(checked_in, "P-A1", "state"): "copy"})
    assert _patch(checked_in, "P-A1")["state"] == "determined"


def test_a_state_the_workflow_cannot_reach_from_the_servers_is_refused(server, tmp_path):
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    _update(copy, "patches", "patch_no", "P-A1", state="verified")
    _update(server, "patches", "patch_no", "P-A1", state="closed")
    check_in(copy, server)
    with pytest.raises(StoreError, match="workflow refuses"):
        resolve_conflicts(server, {_choice(server, "P-A1", "state"): "copy"})
    assert _patch(server, "P-A1")["state"] == "closed"


def test_a_patch_added_on_both_sides_can_only_keep_the_servers(server, tmp_path):
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    _insert(copy, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "外业", "geometry": _square(700)})
    _insert(server, "patches", {"patch_no": "P-NEW", "county_code": "140402", "finding": "县局", "geometry": _square(700)})
    check_in(copy, server)
    choice = _choice(server, "P-NEW", "patch_no")
    with pytest.raises(StoreError, match="cannot replace"):
        resolve_conflicts(server, {choice: "copy"})
    assert len(resolve_conflicts(server, {choice: "server"}).kept) == 1
    assert open_conflicts(server) == []


def test_take_words():
    assert [take_choice(w) for w in ("copy", " 副本 ", "Server", "服务器", "", None)] == [
        "copy", "copy", "server", "server", None, None]
    with pytest.raises(StoreError, match="not a choice"):
        take_choice("maybe")


def test_a_licence_boundary_keeps_the_servers_it_is_changed_by_importing_corners(server, tmp_path):
    report = check_out(server, "140402", tmp_path / "field.gpkg")
    copy = open_database(report.path)
    for store, size in ((copy, 1100), (server, 1200)):
        with store.transaction() as source:
            layer = source.GetLayerByName("mining_rights")
            layer.SetAttributeFilter("license_no = 'C-A1'")
            feature = layer.GetNextFeature()
            feature.SetGeometry(to_ogr_geometry(_square(0, size)))
            layer.SetFeature(feature)
            layer.ResetReading()  # no read cursor left open at the commit (SQLite)
            feature = layer = None
    check_in(copy, server)
    [conflict] = open_conflicts(server)
    assert (conflict.table, conflict.field, conflict.resolvable_by_copy) == ("mining_rights", "geom", False)
    with pytest.raises(StoreError, match="importing its corner coordinates"):
        resolve_conflicts(server, {(conflict.checkout_id, conflict.id): "copy"})
    assert len(resolve_conflicts(server, {(conflict.checkout_id, conflict.id): "server"}).kept) == 1
