"""The documents' user paths in the real QGIS desktop (tests/in_qgis/documents.py), the plugin installed from its
zip: Document settings… changes the prefix, deadline and font, and a notice issued afterwards carries them; then,
in the patches dock of a database with determined violations (tests/notice_county.py), the overdue notice stands
out, Issue notices… runs for the selection and for every determined violation (cancelled midway) as a task, and
Void notice… voids the current patch's notice with its reason. The batches use the prefix set in the dialog."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from notice_county import make_county
from osgeo import ogr, osr
from qgis_runner import run_in_qgis

from mine_supervision_plugin.store.database import create_database

SCRIPT = Path(__file__).resolve().parent.parent / "in_qgis" / "documents.py"
X, Y = 38_500_000, 4_000_000


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def write_layer(path: Path, fields: list[str], rows: list[tuple]) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer(path.stem, srs, ogr.wkbPolygon)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name.endswith("_m2") else ogr.OFTString))
    for *values, (x0, y0, x1, y1) in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(fields, values):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(feature)
    source = layer = None


@pytest.fixture(scope="module")
def desktop(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("documents")
    work = tmp / "work"
    work.mkdir()
    write_layer(work / "rights.gpkg", ["license_no", "holder", "mine_name"],
                [("C1", "甲矿业有限公司", "甲石灰岩矿", (X, Y, X + 400, Y + 300))])
    write_layer(work / "patches.gpkg", ["patch_no", "prejudgment", "license_no", "inside_area_m2", "outside_area_m2"],
                [("WP-1", "out_of_bounds", "C1", 5000.0, 2500.0, (X + 300, Y + 100, X + 450, Y + 150))])
    create_database(work / "county.gpkg", crs_epsg=4526)
    make_county(work / "batch.gpkg", holders=12)
    # a CFF (OpenType) CJK font among the user's fonts: listed as skipped, and refused when chosen as a file
    fonts = tmp / "home" / ".fonts"
    fonts.mkdir(parents=True)
    (fonts / "NotoSansCJKsc-Regular.otf").write_bytes(b"OTTO" + b"\0" * 60)
    report = run_in_qgis(SCRIPT, tmp, env={"MS_WORK": str(work), "HOME": str(tmp / "home"),
                                           "MS_CFF_FONT": str(fonts / "NotoSansCJKsc-Regular.otf")}, timeout=300)
    report["_work"] = work
    return report


def case(report: dict, name: str) -> dict:
    assert report["errors"] == [], report["errors"]
    facts = report["cases"][name]
    assert "error" not in facts, facts["error"]
    assert facts["python_errors"] == [], facts["python_errors"]
    return facts


def test_document_settings_change_the_prefix_and_the_next_notice_carries_it(desktop):
    facts = case(desktop, "settings")
    seen = facts["seen"]
    assert "error" not in seen, seen["error"]
    assert seen["initial_prefix"] == "上党自然资整"  # the shipped template's, before any setting
    assert any("ukai" in text for text in seen["body_fonts"]) and seen["body_fonts"][0].startswith("(")
    assert "NotoSansCJKsc-Regular.otf" in seen["skipped"] and "CFF" in seen["skipped"]
    assert seen["cff_accepted"] is False and any("CFF" in box and "reportlab" in box for box in facts["boxes"])
    assert not any("Noto" in text for text in seen["body_fonts"])
    # an empty prefix is refused in words, the dialog stays open with what was typed
    assert seen["open_after_refusal"] and any("prefix" in box for box in facts["boxes"]), facts["boxes"]
    assert seen["example"] == "e.g. 测试自然资整〔2026〕12号"
    assert facts["settings"]["template"] == seen["path"] and facts["settings"]["body"].endswith("ukai.ttc")
    stored = facts["template_file"]
    assert stored["number_prefix"] == "测试自然资整" and stored["deadline_days"] == 20
    assert any("Document settings saved" in m["text"] for m in facts["messages"]), facts["messages"]
    # the notice issued afterwards carries the new prefix, deadline and font
    assert facts["numbers"] == "测试自然资整〔2026〕1号"
    pdf = facts["files"]
    flat = poppler("pdftotext", pdf, "-").replace("\n", "")
    assert "测试自然资整〔2026〕1号" in flat and "2026年11月22日前整改完毕" in flat
    fonts = poppler("pdffonts", pdf).splitlines()[2:]
    assert any("UKai" in line for line in fonts) and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_the_overdue_notice_stands_out_in_the_patches_dock(desktop):
    facts = case(desktop, "batch")
    assert facts["overdue_text"].endswith("(overdue)") and facts["overdue_colour"] == facts["overdue_tint"]
    assert "2026-01-10" in facts["overdue_tooltip"] and facts["plain_colour"] is None


def test_issue_notices_for_the_selected_patches_from_the_dock(desktop):
    facts = case(desktop, "batch")["selection"]
    assert "error" not in facts, facts["error"]
    assert facts["selected_checked"] and facts["summary"].startswith("2 notices (one per holder) for 2 patches")
    assert facts["status"] == "complete"
    new = facts["numbers"][1:]  # the fixture's own notice first
    assert new == ["测试自然资整〔2026〕1号", "测试自然资整〔2026〕2号"]
    assert len(facts["files"]) == 2 and all(f.endswith(".pdf") for f in facts["files"])
    assert [f.split("_")[0] for f in facts["files"]] == new


def test_a_cancelled_batch_leaves_whole_pdfs_and_no_unused_number(desktop):
    facts = case(desktop, "batch")["cancel"]
    assert "error" not in facts, facts["error"]
    assert "10 notices (one per holder) for 10 patches" in facts["summary"]
    assert "WP-NOTICED" in facts["summary"]  # left out: its notice is issued
    assert facts["status"] == "cancelled"
    assert 1 <= facts["done"] < facts["total"] == 10
    assert facts["numbers"] == facts["done_numbers"] == [f"测试自然资整〔2026〕{k}号" for k in range(3, 3 + facts["done"])]
    # exactly the PDFs of the numbers recorded: nothing half-written (.part), no map left behind
    assert sorted(f.split("_")[0] for f in facts["files"]) == sorted(facts["numbers"])
    assert all(f.endswith(".pdf") for f in facts["files"])
    work = desktop["_work"]
    for name in facts["files"]:
        text = poppler("pdftotext", str(work / "cancelled" / name), "-")
        assert "送达回证" in text and name.split("_")[0] in text.replace("\n", "")


def test_void_notice_from_the_dock_with_its_reason(desktop):
    facts = case(desktop, "batch")
    void = facts["void"]
    assert "error" not in void, void["error"]
    assert facts["current_notice"] == "测试自然资整〔2026〕1号" and void["title"].endswith("测试自然资整〔2026〕1号")
    assert void["rows"] == [["测试自然资整〔2026〕1号", "voided"]] and void["patch_notice"] is None
    assert any("送达地址有误，重新制发" in detail for detail in void["audit"])
    assert facts["notice_cell_after_void"] == ""
