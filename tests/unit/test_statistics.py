"""Issue 11 item 7: the year's patrol summary and the two rates of seed 001 §四(六), from a real database."""

from __future__ import annotations

import datetime as dt

import shapely
from osgeo import ogr

from mine_supervision_plugin.analysis.statistics import filed_cases, patrol_summary, rate, two_rates
from mine_supervision_plugin.store.cases import add_cases
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry
from mine_supervision_plugin.store.patches import add_patches, take_step

D = dt.date
X0, Y0 = 38_500_000, 4_000_000


def _add(source, name, values, geometry=None):
    layer = source.GetLayerByName(name)
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        set_field(feature, key, value)
    if geometry is not None:
        feature.SetGeometry(to_ogr_geometry(geometry))
    layer.CreateFeature(feature)
    return feature.GetFID()


def make_store(tmp_path):
    store = open_database(create_database(tmp_path / "c.gpkg", crs_epsg=4526))
    box = shapely.MultiPolygon([shapely.box(X0, Y0, X0 + 100, Y0 + 100)])
    line = shapely.LineString([(X0, Y0), (X0 + 50, Y0 + 50)])
    with store.transaction() as source:
        for number, status, until in (("C1", "producing", D(2030, 1, 1)), ("C2", "suspended", None),
                                      ("C3", "closed", D(2024, 12, 31))):
            _add(source, "mining_rights", {"license_no": number, "mine_name": number + "矿", "holder": "h" + number,
                                           "status": status, "valid_to": until}, box)
        for day, number, corners in ((D(2026, 1, 5), "C1", 3), (D(2026, 2, 5), "C1", 1), (D(2026, 3, 5), "C2", 0),
                                     (D(2025, 12, 5), "C1", 3)):
            fid = _add(source, "inspections", {"inspection_date": day, "kind": "patrol", "license_no": number}, line)
            for k in range(corners):
                _add(source, "corner_checks", {"inspection_id": fid, "license_no": number, "corner_no": k + 1},
                     shapely.Point(X0, Y0))
        for number, found, state, closed in (("C1", D(2026, 2, 5), "closed", D(2026, 3, 1)),
                                             ("C1", D(2026, 5, 5), "open", None),
                                             (None, D(2026, 6, 1), "closed", D(2027, 1, 5)),
                                             ("C2", D(2025, 6, 1), "closed", D(2025, 7, 1))):
            _add(source, "ledger_items", {"license_no": number, "problem": "p", "found_at": found, "state": state,
                                          "closed_at": closed})
    return store


def test_the_patrol_summary_of_a_year(tmp_path):
    store = make_store(tmp_path)
    headers, rows = patrol_summary(store, 2026)
    assert headers[:3] == ("许可证号", "矿山名称", "生产状态") and headers[-1] == "已销号问题数"
    table = {row[0]: dict(zip(headers, row)) for row in rows}
    c1, c2, total = table["C1"], table["C2"], table["合计"]
    assert (c1["生产状态"], c1["应巡查次数"], c1["按期巡查次数"], c1["实际巡查次数"]) == ("在产", 12, 2, 2)
    assert (c1["核查拐点数"], c1["拐点不足3处的巡查"], c1["发现问题数"], c1["已销号问题数"]) == (4, 1, 2, 1)
    assert (c2["应巡查次数"], c2["按期巡查次数"], c2["拐点不足3处的巡查"]) == (4, 1, 1)
    assert rows[-1][0] == "合计" and total["矿山名称"] == "3座矿山"
    # the problem of no mine is counted; closed after the year's end, it is not closed in the year
    assert (total["实际巡查次数"], total["核查拐点数"], total["发现问题数"], total["已销号问题数"]) == (3, 4, 3, 1)


def test_the_two_rates_of_a_half_year_and_a_year(tmp_path):
    store = make_store(tmp_path)
    add_cases(store, [
        {"decision_no": "罚1", "party": "无名氏", "violation_type": "unlicensed", "decided_on": "2025-03-01"},
        {"decision_no": "罚2", "party": "张三", "violation_type": "无证开采", "decided_on": "2026-02-01"},
        {"decision_no": "罚3", "party": "李四", "decided_on": "2026-05-01"},  # no licence: unlicensed
        {"decision_no": "罚4", "party": "李四", "decided_on": "2026-06-01", "case_no": "案1"},
        {"decision_no": "罚5", "party": "hC1", "license_no": "C1", "violation_type": "out_of_bounds",
         "decided_on": "2026-03-01", "case_no": "案2"},
        {"decision_no": "罚6", "party": "hC1", "license_no": "C1", "violation_type": "out_of_bounds",
         "decided_on": "2026-04-01", "case_no": "案2"},  # the same case: counted once
        {"decision_no": "罚7", "party": "hC2", "license_no": "C2", "violation_type": "destructive",
         "decided_on": "2026-09-01"},
    ])
    assert len(filed_cases(store)) == 6
    headers, (row,) = two_rates(store, 2026, half=True)
    first_half = dict(zip(headers, row))
    assert first_half["统计期"] == "2026年上半年" and first_half["截止日期"] == "2026-06-30"
    assert (first_half["本期无证勘查开采案件数"], first_half["上年同期无证勘查开采案件数"]) == (3, 1)
    assert first_half["无证勘查开采案件增减率(%)"] == 200.0
    # C3 expired at the end of 2024: two rights in force, one holder's case
    assert (first_half["本期矿业权人违法违规案件数"], first_half["矿业权总数"]) == (1, 2)
    assert first_half["矿业权人违法违规案件发生率(%)"] == 50.0
    _, (year_row,) = two_rates(store, 2026)
    assert dict(zip(headers, year_row))["本期矿业权人违法违规案件数"] == 2
    _, (none_before,) = two_rates(store, 2025)
    assert dict(zip(headers, none_before))["无证勘查开采案件增减率(%)"] is None  # no cases in 2024
    assert rate(4, 5) == -20.0


def test_a_patch_case_counts_on_the_day_it_was_filed(tmp_path):
    store = make_store(tmp_path)
    add_patches(store, [{"patch_no": "WP-1", "geometry": shapely.box(X0, Y0, X0 + 9, Y0 + 9), "license_no": "C1",
                         "date_after": D(2025, 3, 1)}], source="satellite")
    today = dt.date.today()
    for state, updates in (("verified", {"field_check_date": D(2025, 4, 1), "inspectors": "a", "finding": "越界"}),
                           ("determined", {"determination": "illegal", "violation_type": "out_of_bounds"}),
                           ("case_filed", {"case_no": "案9"})):
        assert take_step(store, ["WP-1"], state, reason="r", updates=updates).done == ["WP-1"]
    (case,) = filed_cases(store)
    assert (case.key, case.day, case.unlicensed) == ("案9", today, False)
