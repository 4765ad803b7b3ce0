"""minesupervision:surveyreport run as a county's batch runs it: `qgis_process.bin`, the plugin installed from the
zip, on the demo county's two special-survey rounds; the PDF checked with poppler (text, fonts, the maps QGIS
rendered at 300 dpi, pages rendered)."""

from __future__ import annotations

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
                     "低于开采标高下限18.5米", "按重点监测矿区汇总", "（重点监测矿区）专项勘测叠加图", "— 1 —"):
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
