"""Patches in the supervision database: adding, batch transitions, corrections, history, atomicity."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
import shapely
import store_sql
from osgeo import ogr
from store_sql import count, query

from mine_supervision_plugin.domain.workflow import TransitionError
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.patches import (
    PatchStoreError,
    add_patch_photos,
    add_patches,
    correct_event,
    get_patch,
    next_patch_no,
    patch_history,
    patch_photos,
    take_step,
    transition_patches,
    update_patch_fields,
)

X0, Y0 = 38_500_000.0, 4_000_000.0
TODAY = dt.date.today()
CHECK = {
    "field_check_date": TODAY - dt.timedelta(days=3),
    "inspectors": "张三、李四",
    "finding": "现场开挖，堆有矿石",
}


def box(i: int, size: float = 100.0):
    return shapely.box(X0 + 1000 * i, Y0, X0 + 1000 * i + size, Y0 + size)


@pytest.fixture
def store(store_location):
    """A new database, on each store (GeoPackage and PostGIS)."""
    return open_database(create_database(store_location))


def counts(store) -> dict[str, int]:
    return {name: count(store.location, name) for name in ("patches", "patch_events", "audit_log")}


def snapshot(store) -> list[tuple]:
    """Every stored row of patches and events, to prove nothing changed."""
    return [
        *query(store.location, "SELECT fid, patch_no, state, determination, field_check_date, case_no FROM patches "
                               "ORDER BY fid"),
        *query(store.location, "SELECT * FROM patch_events ORDER BY fid"),
    ]


def add(store, numbers, **kwargs):
    records = [{"patch_no": n, "geometry": box(i), "date_after": dt.date(2025, 10, 1)} for i, n in enumerate(numbers)]
    return add_patches(store, records, source=kwargs.pop("source", "satellite"), **kwargs)


def determine(store, numbers, determination, violation_type=None):
    assert transition_patches(store, numbers, "verified", reason="核查", updates=CHECK).done == list(numbers)
    updates = {"determination": determination}
    if violation_type:
        updates["violation_type"] = violation_type
    assert transition_patches(store, numbers, "determined", reason="判定", updates=updates).done == list(numbers)


# --- adding -------------------------------------------------------------------------


def test_added_patches_are_issued_with_one_event_and_audit_row_each(store):
    report = add(store, ["P-1", "P-2"], reason="2025年卫片第一批")
    assert report.added == ["P-1", "P-2"]
    assert counts(store) == {"patches": 2, "patch_events": 2, "audit_log": 2}
    patch = get_patch(store, "P-1")
    assert (patch["state"], patch["source"], patch["year"]) == ("issued", "satellite", 2025)
    assert patch["area_m2"] == pytest.approx(10000.0)
    assert patch["geometry"].geom_type == "MultiPolygon"
    (event,) = patch_history(store, "P-1")
    assert (event["from_state"], event["to_state"], event["reason"]) == (None, "issued", "2025年卫片第一批")
    assert event["user_name"]


def test_a_frame_from_the_reader_is_added_and_reprojected(store):
    lon_lat = shapely.box(114.0, 36.1, 114.001, 36.101)
    frame = gpd.GeoDataFrame(
        {"patch_no": ["G-1"], "remarks": ["疑似越界"], "source_row": [1]}, geometry=[lon_lat], crs="EPSG:4490"
    )
    report = add_patches(store, frame, source="卫片")
    stored = get_patch(store, "G-1")
    assert stored["source"] == "satellite"
    x_min = shapely.get_coordinates(stored["geometry"])[:, 0].min()
    assert 38_000_000 < x_min < 39_000_000
    assert "疑似越界" in patch_history(store, "G-1")[0]["reason"]
    assert stored["remarks"] == "疑似越界"  # kept with the patch too (schema 3)
    assert report.records[0]["patch_no"] == "G-1"


def test_a_patch_drawn_on_patrol_is_recorded_with_its_number(store):
    add(store, ["XC2026-001"], source="patrol")
    number = next_patch_no(store, "XC2026-")
    assert number == "XC2026-002"
    bow_tie = shapely.Polygon([(X0, Y0), (X0 + 50, Y0 + 50), (X0 + 50, Y0), (X0, Y0 + 50)])
    report = add_patches(store, [{"patch_no": number, "geometry": bow_tie}], source="patrol", reason="巡查发现")
    assert report.added == ["XC2026-002"]
    assert any("XC2026-002" in w and "repaired" in w for w in report.warnings)
    stored = get_patch(store, number)
    assert stored["source"] == "patrol" and stored["geometry"].is_valid
    assert stored["area_m2"] == pytest.approx(1250.0)
    assert stored["year"] == TODAY.year


def test_a_patch_without_geometry_is_kept_and_named(store):
    report = add_patches(store, [{"patch_no": "E-1", "geometry": None}], source="tip_off")
    assert report.added == ["E-1"]
    assert any("E-1" in w and "empty" in w for w in report.warnings)
    assert get_patch(store, "E-1")["geometry"] is None


def test_duplicates_refuse_the_whole_batch(store):
    add(store, ["D-1"])
    before = snapshot(store), counts(store)
    with pytest.raises(PatchStoreError) as caught:
        add(store, ["D-2", "D-3", "D-3", "D-1"])
    assert caught.value.duplicates == ["D-3", "D-1"]
    assert "D-1" in str(caught.value) and "D-3" in str(caught.value)
    assert (snapshot(store), counts(store)) == before


def test_missing_numbers_and_bad_values_refuse_the_batch_by_row(store):
    with pytest.raises(PatchStoreError) as caught:
        add_patches(
            store,
            [
                {"patch_no": "M-1", "geometry": box(0)},
                {"patch_no": "  ", "geometry": box(1)},
                {"patch_no": "M-3", "geometry": box(2), "date_after": "去年"},
            ],
            source="satellite",
        )
    problems = "\n".join(caught.value.problems)
    assert "row 2 (no patch number)" in problems
    assert "row 3 (patch M-3)" in problems and "去年" in problems
    assert counts(store) == {"patches": 0, "patch_events": 0, "audit_log": 0}


def test_an_unknown_source_is_refused(store):
    with pytest.raises(PatchStoreError):
        add(store, ["S-1"], source="rumour")


# --- transitions ------------------------------------------------------------------------


def test_the_form_fields_are_written_with_the_move(store):
    add(store, ["F-1"])
    updates = {**CHECK, "field_check_date": CHECK["field_check_date"].strftime("%Y年%m月%d日"), "evidence": "照片3张"}
    report = transition_patches(store, ["F-1"], "已核查", reason="实地核查", user="王五", updates=updates)
    assert report.done == ["F-1"] and report.ok
    patch = get_patch(store, "F-1")
    assert patch["state"] == "verified"
    assert patch["field_check_date"] == CHECK["field_check_date"]
    assert (patch["inspectors"], patch["evidence"]) == ("张三、李四", "照片3张")
    event = patch_history(store, "F-1")[-1]
    assert (event["from_state"], event["to_state"], event["user_name"], event["reason"]) == (
        "issued",
        "verified",
        "王五",
        "实地核查",
    )
    assert event["fid"] == report.events["F-1"]
    assert isinstance(event["event_time"], dt.datetime)
    report = transition_patches(
        store, ["F-1"], "determined", reason="判定", updates={"determination": "违法", "violation_type": "越界开采"}
    )
    assert report.ok
    patch = get_patch(store, "F-1")
    assert (patch["determination"], patch["violation_type"]) == ("illegal", "out_of_bounds")


def test_a_batch_close_moves_the_allowed_and_lists_the_refused(store):
    add(store, ["C-1", "C-2", "C-3", "C-4", "C-5"])
    determine(store, ["C-1", "C-2"], "legal")
    determine(store, ["C-3"], "illegal", "unlicensed")
    determine(store, ["C-4"], "other")
    before = counts(store)
    report = transition_patches(
        store, ["C-1", "C-2", "C-3", "C-4", "C-5", "C-404", "C-1"], "closed", reason="2025年度销号"
    )
    assert report.done == ["C-1", "C-2", "C-4"]
    assert set(report.refused) == {"C-3", "C-5", "C-404"}
    assert "case is filed" in report.refused["C-3"][0]
    assert "no patch C-404" in report.refused["C-404"][0]
    assert [get_patch(store, n)["state"] for n in ("C-1", "C-3", "C-5")] == ["closed", "determined", "issued"]
    after = counts(store)
    assert after["patch_events"] - before["patch_events"] == 3
    assert after["audit_log"] - before["audit_log"] == 3


def test_all_or_nothing_writes_nothing_when_one_is_refused(store):
    add(store, ["A-1", "A-2"])
    determine(store, ["A-1"], "legal")
    before = snapshot(store), counts(store)
    report = transition_patches(store, ["A-1", "A-2"], "closed", reason="销号", all_or_nothing=True)
    assert report.done == []
    assert set(report.refused) == {"A-1", "A-2"}
    assert "other patches" in report.refused["A-1"][0]
    assert (snapshot(store), counts(store)) == before


def test_the_full_path_of_an_illegal_patch(store):
    add(store, ["I-1"])
    determine(store, ["I-1"], "illegal", "unlicensed")
    assert transition_patches(store, ["I-1"], "case_filed", reason="立案").refused["I-1"] == [
        "The case number is missing."
    ]
    assert transition_patches(store, ["I-1"], "case_filed", reason="立案", updates={"case_no": "〔2026〕3号"}).ok
    assert transition_patches(
        store, ["I-1"], "rectifying", reason="下达整改通知", updates={"notice_no": "〔2026〕12号"}
    ).ok
    refused = transition_patches(store, ["I-1"], "closed", reason="销号")
    assert "not recorded as completed" in refused.refused["I-1"][0]
    assert transition_patches(store, ["I-1"], "closed", reason="整改到位、罚没到位", rectification_completed=True).ok
    history = patch_history(store, "I-1")
    assert [e["to_state"] for e in history] == [
        "issued",
        "verified",
        "determined",
        "case_filed",
        "rectifying",
        "closed",
    ]
    assert [e["from_state"] for e in history] == [None, "issued", "verified", "determined", "case_filed", "rectifying"]
    patch = get_patch(store, "I-1")
    assert (patch["case_no"], patch["notice_no"]) == ("〔2026〕3号", "〔2026〕12号")


def test_a_determination_is_not_changed_by_a_later_move(store):
    add(store, ["R-1"])
    determine(store, ["R-1"], "other")
    report = transition_patches(store, ["R-1"], "closed", reason="销号", updates={"determination": "legal"})
    assert "correcting the determination" in report.refused["R-1"][0]
    assert get_patch(store, "R-1")["determination"] == "other"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reason": "  "}, "A reason is required"),
        ({"reason": "x", "updates": {"state": "closed"}}, "cannot be set"),
        ({"reason": "x", "to_state": "archived"}, "Unknown workflow state"),
    ],
)
def test_errors_of_the_call_itself_raise_before_writing(store, kwargs, message):
    add(store, ["B-1"])
    before = snapshot(store), counts(store)
    arguments = {"to_state": "verified", "updates": CHECK, **kwargs}
    with pytest.raises(TransitionError) as caught:
        transition_patches(store, ["B-1"], arguments.pop("to_state"), **arguments)
    assert message in str(caught.value)
    assert (snapshot(store), counts(store)) == before


# --- corrections and history -------------------------------------------------------------------


def test_a_wrong_closing_is_corrected_by_a_new_event_and_history_stays(store):
    add(store, ["H-1"])
    determine(store, ["H-1"], "other")
    closing = transition_patches(store, ["H-1"], "closed", reason="销号").events["H-1"]
    history_before = patch_history(store, "H-1")

    fid = correct_event(store, closing, to_state="determined", reason="误销号，整改未完成", user="赵六")
    assert get_patch(store, "H-1")["state"] == "determined"
    history = patch_history(store, "H-1")
    assert len(history) == len(history_before) + 1
    # Append-only: every earlier event is exactly as it was; only the link to its correction is new.
    for old, new in zip(history_before, history):
        assert {k: v for k, v in old.items() if k != "corrected_by"} == {
            k: v for k, v in new.items() if k != "corrected_by"
        }
    correction = history[-1]
    assert (correction["fid"], correction["corrects_event"], correction["from_state"], correction["to_state"]) == (
        fid,
        closing,
        "closed",
        "determined",
    )
    assert correction["user_name"] == "赵六"
    assert history[-2]["corrected_by"] == fid

    # The determination "other" may now go to rectification instead.
    assert transition_patches(store, ["H-1"], "rectifying", reason="限期整改").ok


def test_a_correction_may_lead_to_another_allowed_state(store):
    add(store, ["K-1"])
    determine(store, ["K-1"], "other")
    closing = transition_patches(store, ["K-1"], "closed", reason="销号").events["K-1"]
    correct_event(store, closing, to_state="rectifying", reason="应先整改")
    assert get_patch(store, "K-1")["state"] == "rectifying"


def test_a_determination_is_redone_through_a_correction(store):
    add(store, ["J-1"])
    determine(store, ["J-1"], "legal")
    determining = patch_history(store, "J-1")[-1]["fid"]
    with pytest.raises(TransitionError):
        correct_event(store, determining, to_state="verified", reason="复核", updates={"state": "issued"})
    correct_event(store, determining, to_state="verified", reason="市局抽查复核：判定有误")
    report = transition_patches(
        store,
        ["J-1"],
        "determined",
        reason="重新判定",
        updates={"determination": "illegal", "violation_type": "unlicensed"},
    )
    assert report.ok
    assert get_patch(store, "J-1")["determination"] == "illegal"
    assert [e["to_state"] for e in patch_history(store, "J-1")] == [
        "issued",
        "verified",
        "determined",
        "verified",
        "determined",
    ]


def test_corrections_that_are_refused_write_nothing(store):
    add(store, ["N-1", "N-2"])
    determine(store, ["N-1"], "legal")
    history = patch_history(store, "N-1")
    _issued, verified, determined = (e["fid"] for e in history)
    issued = patch_history(store, "N-2")[0]["fid"]
    before = snapshot(store), counts(store)
    cases = [
        (verified, "issued", "x", "latest event"),
        (issued, "verified", "x", "issue record"),
        (determined, "rectifying", "x", "cannot move from field-verified to rectifying"),
        (determined, "determined", "x", "nothing to correct"),
        (determined, "verified", "", "A reason is required"),
        (99999, "verified", "x", "no workflow event"),
    ]
    for fid, to_state, reason, message in cases:
        with pytest.raises(TransitionError) as caught:
            correct_event(store, fid, to_state=to_state, reason=reason)
        assert message in str(caught.value), (fid, to_state)
    assert (snapshot(store), counts(store)) == before


def test_no_api_rewrites_history_rows(store):
    add(store, ["Z-1"])
    determine(store, ["Z-1"], "legal")
    first = snapshot(store)
    events_before = [row for row in first if len(row) > 6]
    transition_patches(store, ["Z-1"], "closed", reason="销号")
    correct_event(store, patch_history(store, "Z-1")[-1]["fid"], to_state="determined", reason="更正")
    events_after = [row for row in snapshot(store) if len(row) > 6]
    assert events_after[: len(events_before)] == events_before
    assert len(events_after) == len(events_before) + 2


# --- the verification form without a workflow step ---------------------------------------------


def audit_rows(store, action: str) -> list[tuple]:
    return query(store.location,
                 f"SELECT table_name, feature_key, detail FROM audit_log WHERE action = '{action}' ORDER BY fid")


def test_form_fields_are_saved_without_a_move_and_logged(store):
    add(store, ["S-1"])
    before = counts(store)
    changed = update_patch_fields(
        store,
        "S-1",
        {"field_check_date": "2025年10月3日", "inspectors": " 张三 ", "finding": "", "determination": "违法"},
        user="王五",
    )
    assert changed == {"field_check_date": dt.date(2025, 10, 3), "inspectors": "张三", "determination": "illegal"}
    patch = get_patch(store, "S-1")
    assert patch["state"] == "issued"
    assert (patch["field_check_date"], patch["inspectors"], patch["finding"]) == (dt.date(2025, 10, 3), "张三", None)
    assert patch["determination"] == "illegal"
    after = counts(store)
    assert (after["patch_events"], after["audit_log"]) == (before["patch_events"], before["audit_log"] + 1)
    table, key, detail = audit_rows(store, "update")[-1]
    assert (table, key) == ("patches", "S-1")
    assert '"field_check_date": "2025-10-03"' in detail and "王五" in detail
    # The same values again change nothing and write nothing.
    again = snapshot(store), counts(store)
    assert update_patch_fields(store, "S-1", {"inspectors": "张三", "field_check_date": dt.date(2025, 10, 3)}) == {}
    assert (snapshot(store), counts(store)) == again


@pytest.mark.parametrize(
    ("patch_no", "updates", "message"),
    [
        ("D-1", {"determination": "illegal"}, "correcting the determination"),
        ("D-1", {"state": "closed"}, "cannot be set"),
        ("D-404", {"inspectors": "张三"}, "no patch D-404"),
    ],
)
def test_refused_form_saves_write_nothing(store, patch_no, updates, message):
    add(store, ["D-1"])
    determine(store, ["D-1"], "legal")
    before = snapshot(store), counts(store)
    with pytest.raises(TransitionError) as caught:
        update_patch_fields(store, patch_no, updates)
    assert message in str(caught.value)
    assert (snapshot(store), counts(store)) == before


def test_a_determined_patch_keeps_its_determination_when_saved_unchanged(store):
    add(store, ["D-2"])
    determine(store, ["D-2"], "legal")
    assert update_patch_fields(store, "D-2", {"determination": "合法", "evidence": "照片"}) == {"evidence": "照片"}
    assert get_patch(store, "D-2")["determination"] == "legal"


def test_photos_are_linked_once_each_with_their_inspection(store, tmp_path, monkeypatch):
    add(store, ["P-1", "P-2"])
    monkeypatch.chdir(tmp_path)
    first = tmp_path / "a.jpg"
    before = counts(store)
    fids = add_patch_photos(store, "P-1", ["a.jpg", str(first), "", None, str(tmp_path / "b.jpg")], inspection_id=7)
    assert len(fids) == 2
    rows = patch_photos(store, "P-1")
    assert [row["fid"] for row in rows] == fids
    assert [row["photo_path"] for row in rows] == [str(first), str(tmp_path / "b.jpg")]
    assert [row["inspection_id"] for row in rows] == [7, 7]
    assert counts(store)["audit_log"] == before["audit_log"] + 1
    table, key, detail = audit_rows(store, "add_photos")[-1]
    assert (table, key) == ("inspection_photos", "P-1") and '"inspection_id": 7' in detail
    # Already linked: nothing new, nothing logged; another patch may link the same file.
    assert add_patch_photos(store, "P-1", [str(first)]) == []
    assert add_patch_photos(store, "P-1", []) == []
    assert counts(store)["audit_log"] == before["audit_log"] + 1
    assert len(add_patch_photos(store, "P-2", [str(first)], note="东侧")) == 1
    (row,) = patch_photos(store, "P-2")
    assert (row["photo_path"], row["note"], row["inspection_id"]) == (str(first), "东侧", None)
    assert patch_photos(store, "P-404") == []


def test_a_step_writes_form_fields_move_and_photos_together(store, tmp_path):
    add(store, ["S-1", "S-2"])
    photo = tmp_path / "现场.jpg"
    report = take_step(store, ["S-1", "S-2"], "verified", reason="核查", updates=CHECK, photos=[str(photo), str(photo)])
    assert report.done == ["S-1", "S-2"] and not report.refused
    assert [row["fid"] for row in patch_photos(store, "S-1")] == report.photos["S-1"]
    assert [row["photo_path"] for row in patch_photos(store, "S-2")] == [str(photo)]
    assert get_patch(store, "S-1")["inspectors"] == CHECK["inspectors"]
    assert any("S-1" in text for text in report.warnings)  # no such file: no GPS position, said per patch
    # refused: nothing linked
    report = take_step(store, ["S-1"], "closed", reason="销号", photos=[str(tmp_path / "b.jpg")])
    assert report.refused and not report.photos
    assert len(patch_photos(store, "S-1")) == 1


def test_a_photo_that_cannot_be_written_rolls_the_whole_step_back(store, tmp_path):
    add(store, ["S-3"])
    add_failing_trigger(store, "inspection_photos", "1")
    before = snapshot(store), counts(store)
    with pytest.raises(RuntimeError):
        take_step(store, ["S-3"], "verified", reason="核查", updates=CHECK, photos=[str(tmp_path / "a.jpg")])
    assert (snapshot(store), counts(store)) == before
    assert get_patch(store, "S-3")["state"] == "issued"


# --- atomicity under a real failure --------------------------------------------------------------


def add_failing_trigger(store, table: str, condition: str) -> None:
    """Make the database itself refuse a row half-way through a transaction (no mocks)."""
    store_sql.add_failing_trigger(store.location, table, condition)


def test_a_failure_mid_batch_rolls_the_whole_transition_back(store):
    add(store, ["T-1", "T-2", "T-3"])
    determine(store, ["T-1", "T-2", "T-3"], "legal")
    # The third patch's event fails after the first two patches were already updated.
    add_failing_trigger(store, "patch_events", "NEW.patch_no = 'T-3'")
    before = snapshot(store), counts(store)
    with pytest.raises(RuntimeError):
        transition_patches(store, ["T-1", "T-2", "T-3"], "closed", reason="销号")
    assert (snapshot(store), counts(store)) == before
    assert get_patch(store, "T-1")["state"] == "determined"


def test_a_failure_mid_import_leaves_nothing(store):
    add_failing_trigger(store, "audit_log", "NEW.feature_key = 'U-3'")
    with pytest.raises(RuntimeError):
        add(store, ["U-1", "U-2", "U-3", "U-4"])
    assert counts(store) == {"patches": 0, "patch_events": 0, "audit_log": 0}


def test_a_failure_in_a_correction_rolls_it_back(store):
    add(store, ["V-1"])
    determine(store, ["V-1"], "legal")
    add_failing_trigger(store, "audit_log", "NEW.action = 'correct'")
    before = snapshot(store), counts(store)
    with pytest.raises(RuntimeError):
        correct_event(store, patch_history(store, "V-1")[-1]["fid"], to_state="verified", reason="更正")
    assert (snapshot(store), counts(store)) == before


def test_a_failure_in_a_form_save_rolls_it_back(store):
    add(store, ["W-1"])
    add_failing_trigger(store, "audit_log", "NEW.action IN ('update', 'add_photos')")
    before = snapshot(store), counts(store)
    with pytest.raises(RuntimeError):
        update_patch_fields(store, "W-1", {"inspectors": "张三"})
    with pytest.raises(RuntimeError):
        add_patch_photos(store, "W-1", ["/photos/w1.jpg"])
    assert (snapshot(store), counts(store)) == before
    assert patch_photos(store, "W-1") == []


# --- the case's records: the notice and the ledger item a typed number names ---------------------


def rows(store, table_name: str, columns: str) -> list[tuple]:
    return query(store.location, f'SELECT {columns} FROM "{table_name}" ORDER BY fid')


def add_right(store, license_no: str, holder: str) -> None:
    source = ogr.Open(store.location, update=1)
    layer = source.GetLayerByName("mining_rights")
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("license_no", license_no), ("mine_name", "某石料厂"), ("holder", holder)):
        feature.SetField(name, value)
    layer.CreateFeature(feature)
    layer = source = None


def add_on_licences(store, licences: dict[str, str]):
    records = [
        {"patch_no": n, "license_no": licence, "geometry": box(i), "date_after": dt.date(2025, 10, 1)}
        for i, (n, licence) in enumerate(licences.items())
    ]
    return add_patches(store, records, source="satellite")


def test_typed_case_and_notice_numbers_create_the_notice_and_the_ledger_item(store):
    add_right(store, "C1400002011", "某某建材有限公司")
    add_on_licences(store, {"N-1": "C1400002011"})
    determine(store, ["N-1"], "illegal", "out_of_bounds")
    # Determined illegal: a problem of the ledger, still open.
    assert rows(store, "ledger_items", "patch_no, license_no, state, problem") == [
        ("N-1", "C1400002011", "open", "图斑N-1：越界开采（现场开挖，堆有矿石）")
    ]
    assert take_step(store, ["N-1"], "case_filed", reason="立案", updates={"case_no": "〔2026〕3号"}).ok
    assert take_step(store, ["N-1"], "rectifying", reason="下达整改通知", updates={"notice_no": "〔2026〕12号"}).ok
    assert rows(store, "notices", "notice_no, license_no, holder, patch_no, state") == [
        ("〔2026〕12号", "C1400002011", "某某建材有限公司", "N-1", "issued")
    ]
    assert rows(store, "ledger_items", "notice_no, state, rectification_done") == [("〔2026〕12号", "rectifying", 0)]
    assert take_step(store, ["N-1"], "closed", reason="整改到位", rectification_completed=True).ok
    assert rows(store, "notices", "state") == [("completed",)]
    ledger = rows(store, "ledger_items", "state, rectification_done, penalty_done, closed_at")
    assert ledger == [("closed", 1, 1, TODAY.isoformat())]
    # Each step's audit row says what it did to the case's records.
    details = [d for (d,) in rows(store, "audit_log", "detail") if "case_records" in (d or "")]
    assert len(details) == 4  # determined, case filed, notice typed, closed
    assert '"notice_created": "〔2026〕12号"' in details[2]


def test_a_known_notice_number_is_linked_not_duplicated(store):
    add(store, ["L-1", "L-2"])
    determine(store, ["L-1", "L-2"], "other")
    update_patch_fields(store, "L-1", {"notice_no": "〔2026〕20号"})
    update_patch_fields(store, "L-2", {"notice_no": "〔2026〕20号"})
    assert rows(store, "notices", "notice_no, patch_no") == [("〔2026〕20号", "L-1")]
    assert rows(store, "ledger_items", "patch_no, notice_no") == [("L-1", "〔2026〕20号"), ("L-2", "〔2026〕20号")]


def test_a_notice_of_another_licence_is_refused_and_nothing_written(store):
    add_on_licences(store, {"M-1": "C-A", "M-2": "C-B"})
    determine(store, ["M-1", "M-2"], "other")
    update_patch_fields(store, "M-1", {"notice_no": "〔2026〕30号"})
    before = snapshot(store), rows(store, "notices", "*"), rows(store, "ledger_items", "*")
    report = take_step(store, ["M-2"], "rectifying", reason="整改", updates={"notice_no": "〔2026〕30号"})
    assert report.refused["M-2"] == [
        "Notice 〔2026〕30号 was issued for licence C-A, not for this patch's licence C-B."
    ]
    with pytest.raises(TransitionError):
        update_patch_fields(store, "M-2", {"notice_no": "〔2026〕30号"})
    assert (snapshot(store), rows(store, "notices", "*"), rows(store, "ledger_items", "*")) == before


def test_a_legal_patch_makes_no_ledger_item(store):
    add(store, ["G-1"])
    determine(store, ["G-1"], "legal")
    assert transition_patches(store, ["G-1"], "closed", reason="合法").ok
    assert rows(store, "ledger_items", "*") == [] and rows(store, "notices", "*") == []


def test_a_failing_ledger_write_rolls_the_step_back(store):
    add(store, ["F-1"])
    determine(store, ["F-1"], "illegal", "unlicensed")
    add_failing_trigger(store, "notices", "1")
    before = snapshot(store), rows(store, "ledger_items", "*")
    with pytest.raises(RuntimeError):
        take_step(store, ["F-1"], "case_filed", reason="立案", updates={"case_no": "〔2026〕5号", "notice_no": "〔2026〕6号"})
    assert (snapshot(store), rows(store, "ledger_items", "*")) == before


# --- the Processing algorithm -------------------------------------------------------------------


def test_transition_algorithm_moves_a_list_and_reports_refusals(qgis_app, store):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from mine_supervision_plugin.domain.workflow import STATES
    from mine_supervision_plugin.processing.provider import _algorithms
    from mine_supervision_plugin.processing.transition_patches import (
        DETERMINATIONS,
        TransitionPatchesAlgorithm,
        split_patch_numbers,
    )

    assert any(isinstance(a, TransitionPatchesAlgorithm) for a in _algorithms())
    assert split_patch_numbers("Q-1, Q-2，Q-3、Q-4\nQ-5") == ["Q-1", "Q-2", "Q-3", "Q-4", "Q-5"]
    add(store, ["Q-1", "Q-2", "Q-3"])
    transition_patches(store, ["Q-3"], "verified", reason="核查", updates=CHECK)

    def run(parameters):
        algorithm = TransitionPatchesAlgorithm()
        algorithm.initAlgorithm()
        return algorithm.run(
            {"DATABASE": store.location, **parameters}, QgsProcessingContext(), QgsProcessingFeedback()
        )

    results, ok = run(
        {
            "PATCH_NOS": "Q-1，Q-2 Q-3",
            "TO_STATE": STATES.index("verified"),
            "REASON": "实地核查",
            "FIELD_CHECK_DATE": CHECK["field_check_date"].isoformat(),
            "INSPECTORS": "张三",
            "FINDING": "无开采迹象",
        }
    )
    assert ok
    assert results["DONE"] == "Q-1,Q-2" and results["DONE_COUNT"] == 2 and results["REFUSED_COUNT"] == 1
    assert "already" in results["REFUSED"]
    assert get_patch(store, "Q-1")["inspectors"] == "张三"

    results, ok = run(
        {
            "PATCH_NOS": "Q-1,Q-2",
            "TO_STATE": STATES.index("determined"),
            "REASON": "判定",
            "DETERMINATION": 1 + DETERMINATIONS.index("legal"),
        }
    )
    assert ok and results["DONE_COUNT"] == 2
    assert get_patch(store, "Q-2")["determination"] == "legal"

    # Nothing movable at all is an error for scripts and models.
    results, ok = run({"PATCH_NOS": "Q-1", "TO_STATE": STATES.index("case_filed"), "REASON": "立案"})
    assert not ok
    assert get_patch(store, "Q-1")["state"] == "determined"
