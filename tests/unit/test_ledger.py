"""Issue 11 item 6: penalty cases, the seed-003 transfer rule on determined patches, the ledger's closing rule,
quarterly reviews, and schema 6 migrated onto a real schema-5 file."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely
from osgeo import ogr

from mine_supervision_plugin.domain.cases import is_illegal_mining, transfer_finding, years_before
from mine_supervision_plugin.domain.ledger import closing_reasons, overdue_days, state_of
from mine_supervision_plugin.store.cases import CaseError, add_cases, penalty_cases, transfers
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ledger import LedgerError, add_items, ledger_items, record_progress
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry
from mine_supervision_plugin.store.patches import add_patches, take_step
from mine_supervision_plugin.store.reviews import quarter_label, record_review, reviews
from mine_supervision_plugin.store.schema import SCHEMA_VERSION, table

D = dt.date
SQUARE = shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)


def add_right(store, number, holder):
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("license_no", number), ("mine_name", holder + "矿"), ("holder", holder),
                            ("status", "producing")):
            set_field(feature, name, value)
        feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon([SQUARE])))
        layer.CreateFeature(feature)


@pytest.fixture
def store(tmp_path):
    path = create_database(tmp_path / "county.gpkg", crs_epsg=4526)
    store = open_database(path)
    add_right(store, "C1", "甲矿业有限公司")
    add_right(store, "C2", "乙公司")
    add_patches(store, [{"patch_no": n, "geometry": SQUARE, "license_no": lic, "date_after": D(2026, 3, 1)}
                        for n, lic in (("WP-1", "C1"), ("WP-2", "C2"), ("WP-3", "C1"))], source="satellite")
    return store


def determine(store, number, violation="out_of_bounds", checked=D(2026, 4, 2)):
    take_step(store, [number], "verified", reason="核查", updates={
        "field_check_date": checked, "inspectors": "张伟", "finding": "越界开采"}, today=D(2026, 5, 1))
    return take_step(store, [number], "determined", reason="判定", updates={
        "determination": "illegal", "violation_type": violation}, today=D(2026, 5, 1))


def patch(store, number):
    source = ogr.Open(store.location)
    layer = source.GetLayerByName("patches")
    layer.SetAttributeFilter(f"patch_no = '{number}'")
    return next(iter(layer)).items()


# --- the seed-003 rule -------------------------------------------------------------------------------------


CASES = [
    {"party": "甲矿业有限公司", "violation_type": "out_of_bounds", "decided_on": D(2024, 6, 1), "decision_no": "罚1"},
    {"party": "甲矿业有限公司 ", "violation_type": "无证开采", "decided_on": D(2025, 9, 1), "decision_no": "罚2"},
    {"party": "乙公司", "violation_type": "unlicensed", "decided_on": D(2025, 9, 1), "decision_no": "罚3"},
    {"party": "乙公司", "violation_type": "destructive", "decided_on": D(2025, 10, 1), "decision_no": "罚4"},
]


def test_two_penalties_for_illegal_mining_within_two_years_then_a_new_one_means_transfer():
    finding = transfer_finding("甲矿业有限公司", "越界开采", D(2026, 4, 2), CASES)
    assert finding.required and finding.prior == ("罚1", "罚2") and "移送司法机关" in finding.basis
    # two years back from the violation: 2024-06-01 is out of the window on 2026-06-02
    assert not transfer_finding("甲矿业有限公司", "out_of_bounds", D(2026, 6, 2), CASES)
    # destructive mining is not illegal mining; a penalty of this very violation does not count
    assert not transfer_finding("乙公司", "unlicensed", D(2026, 4, 2), CASES)
    assert not transfer_finding("甲矿业有限公司", "out_of_bounds", D(2026, 4, 2), CASES, exclude_decisions=["罚2"])
    # the new violation must itself be illegal mining
    assert not transfer_finding("甲矿业有限公司", "farmland", D(2026, 4, 2), CASES)
    assert is_illegal_mining("以工程建设或治理为名开采") and not is_illegal_mining("illegal_transfer")
    assert years_before(D(2024, 2, 29), 2) == D(2022, 2, 28)


def test_cases_are_stored_and_the_determined_patch_of_that_party_is_flagged(store):
    determine(store, "WP-1")
    assert not patch(store, "WP-1")["transfer_required"]
    report = add_cases(store, [
        {"decision_no": "罚1", "party": "甲矿业有限公司", "license_no": "C1", "violation_type": "越界开采",
         "decided_on": "2024-06-01", "penalty": "罚款5万元，没收违法所得", "fine_yuan": "50,000"},
        {"decision_no": "罚2", "party": "甲矿业有限公司", "license_no": "C1", "violation_type": "out_of_bounds",
         "decided_on": "2025年9月1日", "penalty": "罚款8万元"},
    ])
    assert report.added == ["罚1", "罚2"] and report.transfers == ["WP-1"]
    flagged = patch(store, "WP-1")
    assert flagged["transfer_required"] and "罚1、罚2" in flagged["transfer_basis"]
    assert [c["fine_yuan"] for c in penalty_cases(store)] == [50000.0, None]
    assert [p["patch_no"] for p in transfers(store)] == ["WP-1"]
    # a later determination of the same holder is flagged as it is made; another holder's is not
    assert determine(store, "WP-3").done == ["WP-3"] and patch(store, "WP-3")["transfer_required"]
    determine(store, "WP-2", violation="unlicensed")
    assert not patch(store, "WP-2")["transfer_required"]


def test_a_bad_case_batch_is_refused_whole_and_named(store):
    with pytest.raises(CaseError) as refused:
        add_cases(store, [{"decision_no": "罚9", "party": "丙", "decided_on": "2026-01-01"},
                          {"decision_no": "", "party": "丙", "decided_on": "明天"},
                          {"decision_no": "罚9", "party": "", "decided_on": "2026-01-01", "violation_type": "偷矿"}])
    text = str(refused.value)
    assert "row 2" in text and "明天" in text and "appears twice" in text and "偷矿" in text
    assert penalty_cases(store) == []
    add_cases(store, [{"decision_no": "罚9", "party": "丙", "decided_on": "2026-01-01"}])
    with pytest.raises(CaseError, match="already recorded"):
        add_cases(store, [{"decision_no": "罚9", "party": "丙", "decided_on": "2026-01-01"}])


# --- the ledger -------------------------------------------------------------------------------------------


def test_closing_needs_rectification_and_the_penalty_where_one_applies():
    assert closing_reasons({"rectification_done": True}) == []
    assert len(closing_reasons({"rectification_done": True, "penalty_required": True})) == 1
    assert state_of({"penalty_required": True, "penalized_on": D(2026, 1, 1)}) == "rectifying"
    assert state_of({"penalty_required": True, "rectified_on": D(2026, 1, 1), "penalty_done": 1}) == "closed"
    assert overdue_days({"deadline": D(2026, 1, 1), "state": "open"}, D(2026, 1, 11)) == 10
    assert overdue_days({"deadline": D(2026, 1, 1), "state": "closed"}, D(2026, 1, 11)) == 0


def test_a_determined_patch_gets_an_item_with_a_deadline_that_closes_only_when_both_are_recorded(store):
    determine(store, "WP-1")
    (item,) = ledger_items(store)
    assert (item["source_kind"], item["source_key"], item["penalty_required"]) == ("patch", "WP-1", 1)
    assert item["deadline"] == D(2026, 7, 1) and item["state"] == "open"  # 90 days after the field check
    after = record_progress(store, item["fid"], rectified_on=D(2026, 6, 1))
    assert after["state"] == "rectifying"
    with pytest.raises(LedgerError, match="penalty"):
        record_progress(store, item["fid"], close=True)
    after = record_progress(store, item["fid"], penalized_on=D(2026, 6, 20), decision_no="罚5")
    assert after["state"] == "closed" and after["closed_at"] == D(2026, 6, 20)
    with pytest.raises(LedgerError, match="already struck off"):
        record_progress(store, item["fid"], rectified_on=D(2026, 7, 1))


def test_items_from_other_sources_are_added_once(store):
    item = {"problem": "巡查发现越界", "license_no": "C1", "found_at": D(2026, 8, 3), "deadline": D(2026, 11, 1),
            "source_kind": "patrol", "source_key": "inspection:7:C1"}
    assert len(add_items(store, [item, {**item, "source_key": "inspection:8:C1"}])) == 2
    assert add_items(store, [item]) == []
    with pytest.raises(LedgerError):
        add_items(store, [{"problem": " ", "source_key": "x"}])
    assert len(ledger_items(store)) == 2


def test_quarterly_reviews_are_recorded_by_quarter(store):
    assert quarter_label("2026年第3季度") == quarter_label("2026Q3") == "2026-Q3"
    assert quarter_label(None, D(2026, 4, 2)) == "2026-Q2"
    record_review(store, "2026-04-02", quarter="2026-Q1", participants="局务会", conclusion="无新增问题")
    assert [(r["quarter"], r["reviewed_on"]) for r in reviews(store)] == [("2026-Q1", D(2026, 4, 2))]
    with pytest.raises(Exception, match="not a quarter"):
        record_review(store, "2026-04-02", quarter="2026-Q5")


def test_a_real_schema_5_file_is_migrated_to_6_with_its_rows_kept(tmp_path):
    path = create_database(tmp_path / "v5.gpkg", schema_version=5)
    source = ogr.Open(path, update=1)
    assert source.GetLayerByName("penalty_cases") is None
    layer = source.GetLayerByName("ledger_items")
    assert layer.GetLayerDefn().GetFieldIndex("deadline") < 0
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("problem", "旧问题")
    layer.CreateFeature(feature)
    source = None
    store = open_database(path)
    assert store.migrated_from == 5 and store.schema_version == SCHEMA_VERSION >= 6
    (item,) = ledger_items(store)
    assert item["problem"] == "旧问题" and item["deadline"] is None and "penalty_required" in item
    source = ogr.Open(path)
    for name in ("penalty_cases", "reviews"):
        definition = source.GetLayerByName(name).GetLayerDefn()
        assert {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())} == {
            f.name for f in table(name).fields}
    assert source.GetLayerByName("patches").GetLayerDefn().GetFieldIndex("transfer_required") >= 0
    source = None
    record_review(store, D(2026, 1, 5), quarter="2025-Q4")
    add_cases(store, [{"decision_no": "罚1", "party": "甲", "decided_on": "2025-01-01"}])


def test_an_item_opened_by_a_notice_says_what_is_suspected_and_needs_a_penalty_once_determined(store):
    from mine_supervision_plugin.store.patches import update_patch_fields

    with store.transaction() as source:
        layer = source.GetLayerByName("patches")
        layer.SetAttributeFilter("patch_no = 'WP-2'")
        feature = next(iter(layer))
        set_field(feature, "prejudgment", "out_of_bounds")
        layer.SetFeature(feature)
        layer.ResetReading()
        feature = layer = None  # released before the commit
    update_patch_fields(store, "WP-2", {"notice_no": "整〔2026〕1号"})
    (item,) = ledger_items(store)
    assert item["problem"] == "图斑WP-2：疑似越界开采" and item["penalty_required"] == 0
    determine(store, "WP-2")
    (item,) = ledger_items(store)
    assert item["problem"].startswith("图斑WP-2：越界开采") and item["penalty_required"] == 1
    assert closing_reasons(item) == ["its rectification is not recorded as complete",
                                     "its penalty is not recorded as in place"]


def test_progress_of_many_items_is_all_or_nothing_and_names_bad_rows(store):
    from mine_supervision_plugin.store.ledger import record_progress_batch

    first, second = add_items(store, [
        {"problem": "a", "source_kind": "patrol", "source_key": "inspection:1:C1", "penalty_required": True},
        {"problem": "b", "source_kind": "corner_check", "source_key": "corner_check:9"}])
    with pytest.raises(LedgerError) as refused:
        record_progress_batch(store, [{"item": first, "rectified_on": "2026-05-01"},
                                      {"source_key": "corner_check:404", "rectified_on": "2026-05-01"},
                                      {"item": second, "rectified_on": "五月"}], labels=["line 2", "line 3", "line 4"])
    text = str(refused.value)
    assert "line 3" in text and "corner_check:404" in text and "line 4" in text and "五月" in text
    assert {i["state"] for i in ledger_items(store)} == {"open"}  # nothing written
    done = record_progress_batch(store, [{"item": str(first), "rectified_on": "2026-05-01", "decision_no": "罚7"},
                                         {"source_key": "corner_check:9", "rectified_on": "2026/5/3"}])
    assert [d["state"] for d in done] == ["rectifying", "closed"] and done[1]["closed_at"] == D(2026, 5, 3)
    with pytest.raises(LedgerError, match="already struck off"):
        record_progress_batch(store, [{"item": second, "rectified_on": "2026-05-04"}])
