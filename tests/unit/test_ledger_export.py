"""Issue 11 item 6: problems of patrols, corner checks and surveys into the ledger (once), the ledger table counties
report upward (Chinese headers, one row per problem, overdue days) and its XLSX file, read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
import shapely
from osgeo import ogr

from mine_supervision_plugin.analysis.ledger_sync import sync_ledger
from mine_supervision_plugin.domain.ledger import finding_is_problem, finding_needs_penalty
from mine_supervision_plugin.reports.ledger import HEADERS, ledger_records, ledger_table, write_ledger_xlsx
from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.ledger import ledger_items, record_progress
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry

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


@pytest.fixture
def store(tmp_path):
    store = open_database(create_database(tmp_path / "c.gpkg", crs_epsg=4526))
    licence = shapely.MultiPolygon([shapely.box(X0, Y0, X0 + 100, Y0 + 100)])
    with store.transaction() as source:
        _add(source, "mining_rights", {"license_no": "C1", "mine_name": "北山石料厂", "holder": "甲公司",
                                       "status": "producing", "depth_top_m": 500.0, "depth_bottom_m": 400.0}, licence)
        line = shapely.LineString([(X0, Y0), (X0 + 50, Y0 + 50)])
        for no, day, finding in (("XJ-1", D(2026, 3, 1), "未发现越界开采"),
                                 ("XJ-2", D(2026, 8, 3), "发现采场越出矿区范围，已拍照取证"),
                                 ("XJ-3", D(2026, 9, 3), "停产期间发现少量动土，已责令停止")):
            fid = _add(source, "inspections", {"inspection_no": no, "inspection_date": day, "kind": "patrol",
                                               "license_no": "C1", "finding": finding}, line)
        _add(source, "corner_checks", {"inspection_id": fid, "license_no": "C1", "parcel_no": "1", "corner_no": 4,
                                       "stake_state": "missing", "checked_at": dt.datetime(2026, 9, 3, 10)},
             shapely.Point(X0, Y0))
        _add(source, "corner_checks", {"inspection_id": fid, "license_no": "C1", "corner_no": 5,
                                       "stake_state": "intact", "passed": True}, shapely.Point(X0, Y0))
        _add(source, "survey_extents", {"survey_round": "2026-2", "license_no": "C1", "surveyed_at": D(2026, 10, 20),
                                        "elevation_top_m": 480.0, "elevation_bottom_m": 380.0},
             shapely.MultiPolygon([shapely.box(X0 + 50, Y0 + 50, X0 + 130, Y0 + 90)]))
    return store


def test_findings_that_are_problems():
    assert finding_is_problem("发现采场越出矿区范围，已拍照取证") and finding_needs_penalty("发现采场越出矿区范围")
    assert finding_is_problem("停产（基建）期间发现少量动土，已责令停止")
    assert not finding_needs_penalty("停产（基建）期间发现少量动土，已责令停止")
    for nothing in ("未发现越界开采", "界桩完好，未发现越界", "矿山已关闭，未发现开采迹象", "未发现超层越界开采，生产正常", "", None):
        assert not finding_is_problem(nothing)


def test_problems_become_items_once_and_the_table_reports_them(store, tmp_path):
    first = sync_ledger(store, deadline_days=60)
    assert first.candidates == {"patrol": 2, "corner_check": 1, "survey": 2} and len(first.added) == 5
    assert sync_ledger(store).added == []  # run again after the next import: nothing twice
    survey = [i for i in ledger_items(store) if i["source_kind"] == "survey"]
    # the survey comparison's own findings and words, as the survey panel's *To the ledger* writes them
    assert {i["problem"] for i in survey} == {
        "2026年第2轮专项勘测发现越界开采：实测开采范围超出批准的矿区范围1处，面积合计1200.00平方米（1.80亩），"
        "最远超出矿区范围30.00米（拐点1-2附近）。",
        "2026年第2轮专项勘测发现越层开采：开采最低标高380.00米，低于批准的开采下限（400.00米）20.00米。"}
    assert {i["found_at"] for i in survey} == {D(2026, 10, 20)}
    (corner,) = [i for i in ledger_items(store) if i["source_kind"] == "corner_check"]
    assert corner["penalty_required"] == 0 and corner["problem"] == "拐点核查：1地块拐点4界桩缺失，责令恢复"
    patrol = [i for i in ledger_items(store) if i["source_kind"] == "patrol"]
    assert [(i["found_at"], i["deadline"], i["penalty_required"]) for i in patrol] == [
        (D(2026, 8, 3), D(2026, 10, 2), 1), (D(2026, 9, 3), D(2026, 11, 2), 0)]
    # the second patrol's problem is rectified (no penalty applies): struck off; the others stay open
    record_progress(store, patrol[1]["fid"], rectified_on=D(2026, 9, 20))
    headers, rows = ledger_table(store, as_of=D(2026, 11, 22))
    assert headers == HEADERS and headers[0] == "序号" and "问题描述" in headers and "逾期天数" in headers
    assert len(rows) == 5 and [r[0] for r in rows] == [1, 2, 3, 4, 5]
    by_problem = {r[headers.index("问题描述")]: dict(zip(headers, r)) for r in rows}
    overdue = by_problem["日常巡查XJ-2：发现采场越出矿区范围，已拍照取证"]
    assert (overdue["矿山名称"], overdue["采矿权人"], overdue["逾期天数"], overdue["是否需行政处罚"]) == (
        "北山石料厂", "甲公司", 51, "是")
    done = by_problem["日常巡查XJ-3：停产期间发现少量动土，已责令停止"]
    assert (done["整改状态"], done["销号时间"], done["逾期天数"]) == ("已销号", "2026-09-20", 0)
    assert len(ledger_table(store, as_of=D(2026, 11, 22), open_only=True)[1]) == 4

    records = ledger_records(store, as_of=D(2026, 11, 22))
    path = write_ledger_xlsx(tmp_path / "台账", records, title="演示县问题台账", as_of=D(2026, 11, 22))
    assert path.name == "台账.xlsx"
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "演示县问题台账" and "2026-11-22" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == list(HEADERS)
    assert sheet.max_row == 3 + 5
    problems = [sheet.cell(row=r, column=HEADERS.index("问题描述") + 1).value for r in range(4, 9)]
    overdue_row = 4 + problems.index("日常巡查XJ-2：发现采场越出矿区范围，已拍照取证")
    assert sheet.cell(row=overdue_row, column=1).fill.fgColor.rgb.endswith("F8CBAD")
    with pytest.raises(StoreError, match="does not exist"):
        write_ledger_xlsx(tmp_path / "no" / "x.xlsx", records, title="t", as_of=D(2026, 11, 22))
