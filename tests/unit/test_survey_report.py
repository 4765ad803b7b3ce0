"""The special survey report as a real PDF from a real comparison (analysis.survey.compare_survey), checked with
poppler: text (pdftotext), every font embedded TrueType (pdffonts), the maps at 300 dpi (pdfimages), pages
rendered (pdftoppm). The maps here are plain JPEGs (QGIS is blocked in tests/unit); the maps QGIS renders are
checked in tests/qgis/test_qgis_process_survey_report.py."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess

import numpy as np
import pytest
import shapely
from PIL import Image, ImageDraw

from mine_supervision_plugin.analysis.survey import Extents, compare_survey, licence_table
from mine_supervision_plugin.domain.notices import Licence
from mine_supervision_plugin.reports.fonts import choose_fonts
from mine_supervision_plugin.reports.survey_report import (
    build_report,
    figure_case,
    piece_corners,
    write_survey_report,
)
from mine_supervision_plugin.reports.template import TemplateError, load_template

X, Y = 38_500_000.0, 4_000_000.0
TODAY = dt.date(2026, 6, 30)
LONG = "上党县<堃&㙟>\"矿业\"有限责任公司" + "很长的名称" * 8


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def fonts():
    return choose_fonts()


def box(x0, y0, x1, y1):
    return shapely.box(X + x0, Y + y0, X + x1, Y + y1)


@pytest.fixture
def survey():
    """Three mines: C1 worked 50 m beyond its east side (grown since the last round), C2 inside but 5 m from its
    boundary and 12 m below its licensed bottom, C3 wholly inside; one extent matches no licence."""
    licences = licence_table(["C1", "C2", "C3"], [box(0, 0, 400, 300), box(1000, 0, 1300, 300), box(2000, 0, 2300, 300)],
                             [500, 500, 500], [300, 300, 300])
    current = Extents(np.array([box(100, 100, 450, 200), box(1005, 50, 1100, 150), box(2100, 100, 2150, 150),
                                box(5000, 0, 5030, 30)], dtype=object),
                      ["C1", "C2", "C3", None], np.array([450, 420, 400, np.nan]), np.array([350, 288, 350, np.nan]),
                      ["e1", "e2", "e3", "外来范围"], ["2026-2"] * 4)
    previous = Extents(np.array([box(100, 100, 390, 200), box(1005, 50, 1100, 150), box(2100, 100, 2150, 150)],
                                dtype=object), ["C1", "C2", "C3"], labels=["p1", "p2", "p3"])
    before = compare_survey(previous, licences)
    now = compare_survey(current, licences, previous)
    rights = {"C1": Licence("C1", LONG, "堃石灰岩矿", geometry=licences.geometries[0]),
              "C2": Licence("C2", "乙公司", "乙砂石矿", geometry=licences.geometries[1]),
              "C3": Licence("C3", "丙公司", "丙矿", geometry=licences.geometries[2])}
    return now, before, rights


def jpeg(_mine=None) -> bytes:
    image = Image.new("RGB", (1772, 1087), "white")
    ImageDraw.Draw(image).rectangle((100, 100, 1600, 1000), outline="red", width=8)
    data = io.BytesIO()
    image.save(data, "JPEG", quality=90)
    return data.getvalue()


def test_the_report_prints_every_section_with_embedded_fonts_and_300_dpi_maps(survey, fonts, tmp_path):
    now, before, rights = survey
    report = build_report(now, rights, load_template(name="survey_report"), round_label="2026-2", previous=before,
                          previous_label="2026-1", crs_name="CGCS2000 / 3-degree Gauss-Kruger zone 38",
                          issued_at=TODAY)
    assert [m.key for m in report.mines][:3] == ["C1", "C2", "C3"]
    c1 = report.mines[0]
    assert c1.outside_m2 == pytest.approx(5000.0) and c1.growth_m2 == pytest.approx(6000.0)
    assert c1.previous_surveyed_m2 == pytest.approx(29000.0) and c1.previous_outside_m2 == 0
    assert report.mines[1].below_bottom_m == pytest.approx(12.0) and report.mines[1].approaching
    # the piece's corners, clockwise from the north-west: (X northing, Y easting)
    assert report.pieces[0].corners == [("J1", Y + 200, X + 400), ("J2", Y + 200, X + 450), ("J3", Y + 100, X + 450),
                                        ("J4", Y + 100, X + 400)]
    figures = {m.key: jpeg() for m in report.mines}
    path = tmp_path / "专项勘测报告.pdf"
    warnings = write_survey_report(report, fonts, path, figures)
    assert warnings == []
    text = poppler("pdftotext", str(path), "-")
    flat = text.replace("\n", "")
    for expected in ("矿产资源开发利用专项勘测报告", "（2026-2）", "上党县自然资源局", "2026年6月30日",
                     "一、勘测概况", "二、各矿山勘测结果汇总", "三、越界开采范围及拐点坐标", "四、与上一轮勘测对比",
                     "五、越界面积统计图", "六、结论与建议",
                     "堃石灰岩矿（C1）专项勘测叠加图", "5,000.00", "6,000.00", "29,000", "低于开采标高下限12.0米", "距边界5.0米",
                     "4000200.00", "38500450.00", "J4", "拐点1-2", "新增越界",
                     "2个矿山存在越出批准矿区范围开采的情况，共2处，越界面积合计5900.00平方米（8.85亩）",
                     "与上一轮（2026-1）相比", "未能对应采矿许可证的开采范围1处", "对越界开采的矿山（堃石灰岩矿（C1）、未对应采矿权的开采范围）",
                     "附图1", "堃石灰岩矿（C1）专项勘测叠加图", "— 1 —", "— 2 —"):
        assert expected in flat, expected
    assert "未发现越出批准矿区范围开采的情况" not in flat  # the sentence for a round without any
    assert "— 0 —" not in flat  # the cover has no number

    lines = poppler("pdffonts", str(path)).splitlines()[2:]
    assert lines and all(" TrueType " in line and line.split()[-5] == "yes" for line in lines), lines
    images = poppler("pdfimages", "-list", str(path)).splitlines()[2:]
    assert len(images) == 4
    for image in images:
        x_ppi, y_ppi = (int(v) for v in image.split()[12:14])
        assert x_ppi >= 300 and y_ppi >= 300
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 5 and all(p.stat().st_size > 3000 for p in pages)
    assert list(tmp_path.glob("*.part")) == [] and list(tmp_path.glob("*.jpg")) == []


def test_a_round_without_previous_or_out_of_bounds_says_so(survey, fonts, tmp_path):
    now, _before, rights = survey
    licences = licence_table(["C3"], [box(2000, 0, 2300, 300)])
    inside = compare_survey(Extents(np.array([box(2100, 100, 2150, 150)], dtype=object), ["C3"]), licences)
    report = build_report(inside, rights, load_template(name="survey_report"), round_label="2027-1", issued_at=TODAY)
    path = tmp_path / "r.pdf"
    write_survey_report(report, fonts, path)
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    for expected in ("未发现越出批准矿区范围开采的情况", "未提供上一轮勘测成果", "本轮勘测未发现越出批准矿区范围的开采范围",
                     "不作统计图"):
        assert expected in flat, expected
    assert "与上一轮（" not in flat and "对越界开采的矿山" not in flat
    assert poppler("pdfimages", "-list", str(path)).splitlines()[2:] == []


def test_conclusions_come_from_the_users_template_and_a_wrong_placeholder_is_named(survey, fonts, tmp_path):
    now, before, rights = survey
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"authority": "某县自然资源和规划局", "conclusions": ["共{mines}个矿山，越界{outside_mines}个。"],
                                "recommendations": []}, ensure_ascii=False), encoding="utf-8")
    report = build_report(now, rights, load_template(mine, name="survey_report"), round_label="2026-2",
                          issued_at=TODAY)
    assert report.conclusions == ["共4个矿山，越界2个。"] and report.authority == "某县自然资源和规划局"
    mine.write_text(json.dumps({"conclusions": ["共{mine_count}个矿山"]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError, match="mine_count"):
        build_report(now, rights, load_template(mine, name="survey_report"), issued_at=TODAY)


def test_the_overlay_map_case_holds_licence_extent_growth_and_pieces(survey):
    now, before, rights = survey
    report = build_report(now, rights, load_template(name="survey_report"), round_label="2026-2", previous=before,
                          previous_label="2026-1", issued_at=TODAY)
    case = figure_case(report.mines[0], report.pieces)
    assert [lic.license_no for lic in case.licences] == ["C1"]
    assert [f.prejudgment for f in case.findings] == ["within_licence", "expired_licence", "out_of_bounds"]
    assert piece_corners(shapely.box(0, 0, 10, 5))[0] == ("J1", 5.0, 0.0)


def test_monitoring_zones_get_a_summary_and_a_map(survey, fonts, tmp_path):
    from mine_supervision_plugin.reports.survey_report import add_zones, zone_case

    now, before, rights = survey
    report = build_report(now, rights, load_template(name="survey_report"), round_label="2026-2", previous=before,
                          previous_label="2026-1", issued_at=TODAY)
    zones = add_zones(report, [("东区<&>", box(-50, -50, 1400, 400)), ("空区", box(9000, 0, 9100, 100))])
    assert [z.mine_keys for z in zones] == [["C1", "C2"], []]
    assert zones[0].surveyed_m2 == pytest.approx(35000 + 9500) and zones[0].outside_m2 == pytest.approx(5000)
    case = zone_case(report, zones[0])
    assert [lic.license_no for lic in case.licences] == ["C1", "C2"]
    assert [f.prejudgment for f in case.findings].count("out_of_bounds") == 1
    figures = {m.key: jpeg() for m in report.mines} | {zones[0].key: jpeg()}
    path = tmp_path / "zones.pdf"
    write_survey_report(report, fonts, path, figures)
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    for expected in ("按重点监测矿区汇总（2个）", "东区<&>", "堃石灰岩矿、乙砂石矿", "44,500.00", "各矿山及重点监测矿区专项勘测叠加图",
                     "附图5", "东区<&>（重点监测矿区）专项勘测叠加图", "蓝色虚线为重点监测矿区"):
        assert expected in flat, expected
    assert len(poppler("pdfimages", "-list", str(path)).splitlines()[2:]) == 5


def test_patrols_and_corner_checks_of_the_period(survey, fonts, tmp_path):
    from mine_supervision_plugin.analysis.compliance import compliance
    from mine_supervision_plugin.reports.survey_report import add_checks, corner_summary

    now, before, rights = survey
    report = build_report(now, rights, load_template(name="survey_report"), round_label="2026-2", issued_at=TODAY)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    # C1 producing (monthly): Jan, Feb, May; C2 suspended (quarterly): both quarters; C3 closed (quarterly): none
    result = compliance(["C1", "C2", "C3"], ["producing", "suspended", "closed"],
                        ["C1", "C1", "C2", "C2,C1"], ["2026-01-05", "2026-02-07", "2026-02-01", "2026-05-03"],
                        start, end)
    patrols = {row["license_no"]: row for row in result.table.to_dict("records")}
    corners = corner_summary(["C1", "C1", "C2"], [True, False, True], [0.3, 2.75, None])
    add_checks(report, (start, end), patrols, corners)
    c1 = report.mines[0].checks
    assert (c1.required, c1.satisfied, c1.corners_checked, c1.corners_failed, c1.max_deviation_m) == (6, 3, 2, 1, 2.75)
    path = tmp_path / "checks.pdf"
    write_survey_report(report, fonts, path)
    flat = poppler("pdftotext", str(path), "-").replace("\n", "")
    for expected in ("六、巡查与拐点核查情况", "2026年1月1日至2026年6月30日期间，巡查频次不足的矿山2个（堃石灰岩矿、丙矿）",
                     "拐点核查有不合格的矿山1个（堃石灰岩矿）", "应巡查6个月，已巡查3个", "应巡查2个季度，已巡查2个",
                     "核查2个，不合格1个，最大偏差2.75米", "2026-05-03", "七、结论与建议"):
        assert expected in flat, expected
