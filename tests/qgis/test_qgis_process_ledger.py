"""Issue 11 items 4, 6 and 7 through `qgis_process.bin`, the plugin installed from the zip: compliance with the
database's corner checks, zones, surveys and reviews; penalty cases and the seed-003 transfer; the ledger updated and
exported to XLSX; the patrol summary and the two rates. Bad input is answered in words, never with a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
import shapely
from osgeo import ogr

from demo.qgis_process import QgisProcessError
from mine_supervision_plugin.store.cases import add_cases
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry
from mine_supervision_plugin.store.patches import add_patches, take_step
from mine_supervision_plugin.store.reviews import record_review

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


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    """Three mines (two producing in a key zone), a half-year of patrols, corner checks, a survey, one review,
    a patch determined out-of-bounds mining for the holder of C1."""
    path = Path(create_database(tmp_path_factory.mktemp("ledger") / "county.gpkg", crs_epsg=4526))
    store = open_database(path)
    with store.transaction() as source:
        for i, (number, status) in enumerate((("C1", "producing"), ("C2", "producing"), ("C3", "suspended"))):
            box = shapely.box(X0 + i * 1000, Y0, X0 + i * 1000 + 100, Y0 + 100)
            _add(source, "mining_rights", {"license_no": number, "mine_name": f"{number}矿", "holder": f"{number}公司",
                                           "status": status, "depth_bottom_m": 400.0}, shapely.MultiPolygon([box]))
        _add(source, "monitoring_zones", {"name": "北山矿区", "level": "county", "year": 2026},
             shapely.MultiPolygon([shapely.box(X0 - 10, Y0 - 10, X0 + 1200, Y0 + 200)]))
        line = shapely.LineString([(X0, Y0), (X0 + 50, Y0 + 50)])
        for month in range(1, 7):
            for number, corners in (("C1", 3), ("C2", 2 if month == 3 else 3)):
                if number == "C2" and month == 5:
                    continue  # C2 not patrolled in May: May is not fully covered
                fid = _add(source, "inspections", {
                    "inspection_date": D(2026, month, 10), "kind": "patrol", "license_no": number,
                    "inspection_no": f"XJ-{month}-{number}",
                    "finding": "发现采场越出矿区范围" if (number, month) == ("C2", 6) else "未发现越界开采"}, line)
                for k in range(corners):
                    _add(source, "corner_checks", {"inspection_id": fid, "license_no": number, "corner_no": k + 1,
                                                   "stake_state": "missing" if (month, k) == (2, 0) else "intact",
                                                   "checked_at": dt.datetime(2026, month, 10, 10)},
                         shapely.Point(X0, Y0))
        _add(source, "inspections", {"inspection_date": D(2026, 2, 1), "kind": "patrol", "license_no": "C3"}, line)
        _add(source, "survey_extents", {"survey_round": "2026-1", "license_no": "C1", "surveyed_at": D(2026, 5, 20),
                                        "elevation_bottom_m": 380.0},
             shapely.MultiPolygon([shapely.box(X0 + 50, Y0, X0 + 150, Y0 + 50)]))
    record_review(store, D(2026, 4, 3), quarter="2026-Q1", conclusion="无新增问题")
    add_patches(store, [{"patch_no": "WP-1", "geometry": shapely.box(X0, Y0, X0 + 20, Y0 + 20), "license_no": "C1",
                         "date_after": D(2026, 3, 1)}], source="satellite")
    take_step(store, ["WP-1"], "verified", reason="核查", updates={
        "field_check_date": D(2026, 4, 2), "inspectors": "张伟", "finding": "越界开采"})
    take_step(store, ["WP-1"], "determined", reason="判定", updates={
        "determination": "illegal", "violation_type": "out_of_bounds"})
    return path


def rows(path, key="license_no", layer=None) -> dict:
    source = ogr.Open(str(path))
    return {f.GetField(key): f.items() for f in (source.GetLayerByName(layer) if layer else source.GetLayer(0))}


def test_the_new_algorithms_are_listed(qgis):
    listed = qgis.algorithms()
    for name in ("importpenaltycases", "updateledger", "exportledger", "recordledgerprogress", "patrolsummary",
                 "tworates"):
        assert f"minesupervision:{name}" in listed and "unavailable" not in listed[f"minesupervision:{name}"]


def test_compliance_with_the_database_names_every_duty(qgis, county, tmp_path):
    gpkg = f"{county}|layername="
    answer = qgis.run("inspectioncompliance", {
        "RIGHTS": gpkg + "mining_rights", "INSPECTIONS": gpkg + "inspections", "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-06-30", "DATABASE": county, "OUTPUT": tmp_path / "c.gpkg",
        "OUTPUT_PERIODS": tmp_path / "periods.gpkg"})
    results = answer["results"]
    assert results["SHORT_CORNER_PATROLS"] == 2 and results["MINES_MISSING_SURVEYS"] == 2
    assert results["QUARTERS_WITHOUT_REVIEW"] == 1 and results["MONTHS_WITHOUT_FULL_COVERAGE"] == 5  # February: all three
    mines = rows(tmp_path / "c.gpkg")
    assert mines["C2"]["short_corner_patrol_nos"] == "XJ-3-C2" and mines["C2"]["missing_periods"] == "2026-05"
    assert mines["C1"]["key_zones"] == "北山矿区" and mines["C1"]["surveys_done"] == 1
    assert mines["C1"]["surveys_missing"] == "2026: 1/2 (≤2026-11-30)" and mines["C3"]["surveys_required"] == 0
    source = ogr.Open(str(tmp_path / "periods.gpkg"))
    periods = [(f.GetField("period"), f.GetField("kind"), f.GetField("full_coverage"), f.GetField("reviewed"))
               for f in source.GetLayer(0)]
    assert ("2026-05", "month", 0, None) in periods and ("2026-02", "month", 1, None) in periods
    assert ("2026-Q1", "review", None, 1) in periods and ("2026-Q2", "review", None, 0) in periods
    assert "Traceback" not in str(answer["log"])


def test_cases_flag_the_transfer_and_the_ledger_is_exported(qgis, county, tmp_path):
    cases = tmp_path / "cases.csv"
    cases.write_text("处罚决定书文号,当事人,许可证号,违法类型,处罚决定日期,处罚内容\n"
                     "罚〔2024〕3号,C1公司,C1,越界开采,2024-09-01,罚款5万元\n"
                     "罚〔2025〕8号,C1公司,C1,out_of_bounds,2025年10月9日,罚款10万元\n", encoding="utf-8")
    answer = qgis.run("importpenaltycases", {"INPUT": cases, "DATABASE": county})
    assert answer["results"]["CASES"] == 2 and answer["results"]["TRANSFER_PATCHES"] == "WP-1"
    patch = rows(county, "patch_no", "patches")["WP-1"]
    assert patch["transfer_required"] == 1 and "移送司法机关" in patch["transfer_basis"]

    update = qgis.run("updateledger", {"DATABASE": county, "DEADLINE_DAYS": 30})["results"]
    assert (update["PATROL_PROBLEMS"], update["CORNER_PROBLEMS"], update["SURVEY_PROBLEMS"]) == (1, 2, 2)
    assert update["ADDED"] == 5
    assert qgis.run("updateledger", {"DATABASE": county})["results"]["ADDED"] == 0

    out = tmp_path / "台账.xlsx"
    export = qgis.run("exportledger", {"DATABASE": county, "AS_OF": "2026-11-22", "OUTPUT": out})["results"]
    assert (export["ITEMS"], export["OPEN"], export["OVERDUE"]) == (6, 6, 6)
    sheet = openpyxl.load_workbook(out).active
    headers = [c.value for c in sheet[3]]
    assert headers[:4] == ["序号", "矿山名称", "采矿权人", "许可证号"] and sheet.max_row == 9
    patch_row = next(r for r in sheet.iter_rows(min_row=4, values_only=True) if r[headers.index("图斑编号")] == "WP-1")
    assert patch_row[headers.index("是否移送司法机关")] == "是" and patch_row[headers.index("采矿权人")] == "C1公司"


def test_bad_cases_and_a_bad_date_are_refused_in_words(qgis, county, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("decision_no,party,decided_on\nX1,甲,2026-13-45\n,乙,2026-01-01\n", encoding="utf-8")
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importpenaltycases", {"INPUT": bad, "DATABASE": county})
    text = str(refused.value)
    assert "line 2" in text and "2026-13-45" in text and "line 3" in text and "Traceback" not in text
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("exportledger", {"DATABASE": county, "AS_OF": "昨天", "OUTPUT": tmp_path / "x.xlsx"})
    assert "AS_OF is not a date" in str(refused.value) and not (tmp_path / "x.xlsx").exists()


def test_the_patrol_summary_and_the_two_rates(qgis, county, tmp_path):
    # a copy of the county with its own 2025 penalty case: whatever the other tests did to the county
    county = Path(shutil.copy(county, tmp_path / "county.gpkg"))
    store = open_database(county)
    with store.transaction() as source:
        layer = source.GetLayerByName("penalty_cases")
        layer.SetAttributeFilter("decided_on >= '2025-01-01' AND decided_on <= '2025-12-31'")
        for fid in [f.GetFID() for f in layer]:
            layer.DeleteFeature(fid)
        layer = None
    add_cases(store, [{"decision_no": "罚〔2025〕8号", "party": "C1公司", "license_no": "C1",
                       "violation_type": "out_of_bounds", "decided_on": D(2025, 10, 9), "penalty": "罚款10万元"}])
    summary = qgis.run("patrolsummary", {"DATABASE": county, "YEAR": 2026, "OUTPUT": tmp_path / "s.gpkg"})["results"]
    assert (summary["MINES"], summary["PATROLS"], summary["CORNERS"]) == (3, 12, 32)
    table = rows(tmp_path / "s.gpkg")
    assert table["C2"]["short_corner_patrols"] == 1 and table["合计"]["patrols_done"] == 12
    rates = qgis.run("tworates", {"DATABASE": county, "YEAR": 2025, "PERIOD": 0, "OUTPUT": tmp_path / "r.gpkg"})
    row = next(iter(rows(tmp_path / "r.gpkg", "period").values()))
    assert row["period"] == "2025年度" and row["holder_cases"] == 1 and row["rights_in_force"] == 3
    assert rates["results"]["HOLDER_INCIDENCE_RATE"] == pytest.approx(33.33)
    assert row["unlicensed_change_rate_pct"] is None


def test_progress_from_a_sheet_strikes_problems_off(qgis, county, tmp_path):
    from mine_supervision_plugin.store.ledger import ledger_items

    qgis.run("updateledger", {"DATABASE": county})
    items = {i["source_key"]: i for i in ledger_items(open_database(county)) if i["source_key"]}
    corner = next(k for k in items if k.startswith("corner_check:"))
    sheet = tmp_path / "progress.csv"
    sheet.write_text(f"来源记录,整改完成时间,处罚到位时间\n{corner},2026-03-01,\nWP-404,2026-03-01,\n", encoding="utf-8")
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("recordledgerprogress", {"INPUT": sheet, "DATABASE": county})
    assert "line 3" in str(refused.value) and "Traceback" not in str(refused.value)
    assert items[corner]["state"] == {i["fid"]: i for i in ledger_items(open_database(county))}[items[corner]["fid"]]["state"]
    sheet.write_text(f"来源记录,整改完成时间,处罚到位时间\n{corner},2026-03-01,\n", encoding="utf-8")
    done = qgis.run("recordledgerprogress", {"INPUT": sheet, "DATABASE": county})["results"]
    assert (done["UPDATED"], done["CLOSED"]) == (1, 1)
    after = {i["fid"]: i for i in ledger_items(open_database(county))}[items[corner]["fid"]]
    assert after["state"] == "closed" and str(after["closed_at"]) == "2026-03-01"


def _pdf_text_and_fonts(path: Path) -> tuple[str, str]:
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return text, fonts


def _all_embedded_truetype(fonts: str) -> bool:
    lines = fonts.splitlines()[2:]
    return bool(lines) and all(" yes " in line and "TrueType" in line for line in lines)


def test_the_ledger_summary_and_rates_print_as_documents(qgis, county, tmp_path):
    """Issue 13 'Also printed': the same tables as PDFs, in the documents' fonts (all embedded TrueType)."""
    ledger = qgis.run("exportledger", {"DATABASE": county, "AS_OF": "2026-11-22", "OUTPUT": tmp_path / "l.xlsx",
                                       "OUTPUT_PDF": tmp_path / "ledger.pdf"})["results"]
    text, fonts = _pdf_text_and_fonts(tmp_path / "ledger.pdf")
    assert "问题台账" in text and "统计截止日期：2026年11月22日" in text and "— 1 —" in text
    assert ledger["ITEMS"] > 0 and _all_embedded_truetype(fonts), fonts
    qgis.run("patrolsummary", {"DATABASE": county, "YEAR": 2026, "OUTPUT": tmp_path / "s.gpkg",
                               "OUTPUT_PDF": tmp_path / "summary.pdf"})
    text, fonts = _pdf_text_and_fonts(tmp_path / "summary.pdf")
    assert "2026年度矿山巡查工作汇总表" in text and "合计" in text and "C2" in text and _all_embedded_truetype(fonts)
    qgis.run("tworates", {"DATABASE": county, "YEAR": 2025, "PERIOD": 0, "OUTPUT": tmp_path / "r.gpkg",
                          "OUTPUT_PDF": tmp_path / "rates.pdf"})
    text, fonts = _pdf_text_and_fonts(tmp_path / "rates.pdf")
    assert "2025年度矿产资源“两率”统计表" in text and "33.33" in text and _all_embedded_truetype(fonts)
    # without OUTPUT_PDF nothing is printed
    qgis.run("tworates", {"DATABASE": county, "YEAR": 2025, "PERIOD": 1, "OUTPUT": tmp_path / "r2.gpkg"})
    assert not list(tmp_path.glob("*.pdf.*")) and len(list(tmp_path.glob("*.pdf"))) == 3


def test_a_quarterly_review_is_recorded_and_counted(qgis, county, tmp_path):
    from mine_supervision_plugin.store.reviews import reviews

    before = len(reviews(open_database(county)))
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("recordreview", {"DATABASE": county, "REVIEWED_ON": "2026-04-03", "QUARTER": "第五季度"})
    assert "2026-Q1" in str(refused.value) and "Traceback" not in str(refused.value)
    answer = qgis.run("recordreview", {"DATABASE": county, "REVIEWED_ON": "2026-04-03", "QUARTER": "2026年第1季度",
                                       "PARTICIPANTS": "矿管股、执法队", "CONCLUSION": "C2 巡查拐点不足，限期补查",
                                       "PROBLEMS_FOUND": 1})
    rows = reviews(open_database(county))
    assert len(rows) == before + 1 and answer["results"]["REVIEW_ID"] == rows[-1]["fid"]
    assert (rows[-1]["quarter"], str(rows[-1]["reviewed_on"]), rows[-1]["problems_found"]) == ("2026-Q1", "2026-04-03", 1)
