"""minesupervision:surveyreport run as a county's batch runs it: `qgis_process.bin`, the plugin installed from the
zip, on the demo county's two special-survey rounds; the PDF checked with poppler (text, fonts, the maps QGIS
rendered at 300 dpi, pages rendered)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcessError


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def rows_of(path: Path) -> list[dict]:
    source = ogr.Open(str(path))
    found = [feature.items() for feature in source.GetLayer(0)]
    source = None
    return found


def test_the_algorithm_is_listed(qgis):
    assert "minesupervision:surveyreport" in qgis.algorithms()


def test_the_demo_countys_survey_report(qgis, county, database, tmp_path):
    surveys = Path(county["out_dir"]) / "surveys"
    rights = f"{database}|layername=mining_rights"
    output = tmp_path / "报告" / "专项勘测报告.pdf"
    zones = Path(county["out_dir"]) / "monitoring_zones.gpkg"
    results = qgis.run("surveyreport", {
        "SURVEY": surveys / "survey_2026-2.gpkg", "RIGHTS": rights, "PREVIOUS": surveys / "survey_2026-1.gpkg",
        "ZONES": zones,
        "ROUND": "2026年第二轮", "PREVIOUS_ROUND": "2026年第一轮", "REPORT_DATE": "2026-07-15", "OUTPUT": output,
    })["results"]
    surveyed = county["counts"]["surveyed_licences"]
    zone_count = len(rows_of(zones))
    assert results["MINES"] == surveyed and results["ZONES_COUNT"] == zone_count > 0
    assert results["MAPS_DRAWN"] == surveyed + zone_count
    assert results["OUTSIDE_MINES"] >= len(county["counts"]["growing_beyond_boundary"]) > 0
    assert Path(results["OUTPUT"]) == output and output.exists()
    flat = poppler("pdftotext", str(output), "-").replace("\n", "")
    source = ogr.Open(str(database))
    holders = {f.GetField("license_no"): f.GetField("mine_name") for f in source.GetLayerByName("mining_rights")}
    source = None
    crossing = sorted(county["counts"]["growing_beyond_boundary"])
    for expected in ("矿产资源开发利用专项勘测报告", "（2026年第二轮）", "2026年7月15日", "各矿山勘测结果汇总",
                     "越界开采范围及拐点坐标", "与上一轮（2026年第一轮）相比", "越界面积统计图", "结论与建议",
                     f"{holders[crossing[0]]}（{crossing[0]}）", "EPSG:4526", "附图1", "专项勘测叠加图",
                     "低于开采标高下限18.5米", "按重点监测矿区汇总", "重点监测矿区专项勘测叠加图", "— 1 —"):
        assert expected in flat, expected
    fonts = poppler("pdffonts", str(output)).splitlines()[2:]
    assert fonts and all(" TrueType " in line and line.split()[-5] == "yes" for line in fonts), fonts
    images = poppler("pdfimages", "-list", str(output)).splitlines()[2:]
    assert len(images) == surveyed + zone_count
    assert all(min(int(v) for v in image.split()[12:14]) >= 300 for image in images)
    pages = int(next(line for line in poppler("pdfinfo", str(output)).splitlines()
                     if line.startswith("Pages:")).split()[1])
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "6", str(output), str(tmp_path / "page")],
                   check=True)
    assert pages >= 6 and all(p.stat().st_size > 3000 for p in tmp_path.glob("page-*.png"))


def table(path: Path, fields: dict, rows: list[tuple]) -> Path:
    """A GeoPackage table without geometry (as patrols and corner checks come from a database or a sheet)."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer(path.stem, None, ogr.wkbNone)
    for name, kind in fields.items():
        layer.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(fields, row):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    source = layer = None
    return path


def test_patrols_and_corner_checks_of_the_period_in_the_report(qgis, county, database, tmp_path):
    surveys = Path(county["out_dir"]) / "surveys"
    number = sorted(county["counts"]["growing_beyond_boundary"])[0]
    patrols = table(tmp_path / "patrols.gpkg", {"license_no": ogr.OFTString, "inspection_date": ogr.OFTDate},
                    [(number, "2026/01/15"), (number, "2026/03/02"), ("C-NOT-A-MINE", "2026/02/01")])
    corners = table(tmp_path / "corners.gpkg", {"license_no": ogr.OFTString, "passed": ogr.OFTInteger,
                                                "deviation_m": ogr.OFTReal},
                    [(number, 1, 0.4), (number, 0, 3.25), (number, 1, 0.1)])
    output = tmp_path / "report.pdf"
    answer = qgis.run("surveyreport", {
        "SURVEY": surveys / "survey_2026-2.gpkg", "RIGHTS": f"{database}|layername=mining_rights", "MAPS": False,
        "PATROLS": patrols, "CORNER_CHECKS": corners, "PERIOD_START": "2026-01-01", "PERIOD_END": "2026-06-30",
        "REPORT_DATE": "2026-07-01", "OUTPUT": output})
    assert answer["results"]["MAPS_DRAWN"] == 0
    assert "C-NOT-A-MINE" in json.dumps(answer, ensure_ascii=False)  # a patrol of no licence is said in the log
    flat = poppler("pdftotext", str(output), "-").replace("\n", "")
    for expected in ("巡查与拐点核查情况", "2026年1月1日至2026年6月30日期间", "拐点核查有不合格的矿山1个",
                     "核查3个，不合格1个，最大偏差3.25米", "2026-03-02"):
        assert expected in flat, expected
    assert poppler("pdfimages", "-list", str(output)).splitlines()[2:] == []


def test_an_unwritable_report_fails_in_words_and_leaves_nothing(qgis, county, database, tmp_path):
    surveys = Path(county["out_dir"]) / "surveys"
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(QgisProcessError) as failure:
        qgis.run("surveyreport", {"SURVEY": surveys / "survey_2026-2.gpkg",
                                  "RIGHTS": f"{database}|layername=mining_rights", "MAPS": False,
                                  "OUTPUT": blocked / "report.pdf"})
    assert "a-file" in str(failure.value) and "Traceback" not in str(failure.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
