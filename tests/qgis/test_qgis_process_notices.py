"""minesupervision:rectificationnotices run as scripts run it: `qgis_process.bin`, the plugin installed from
the zip (QGIS's own GEOS/GDAL/PROJ loaded first), the PDFs checked with poppler."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from osgeo import ogr, osr

from demo.qgis_process import QgisProcessError
from mine_supervision_plugin.store.database import open_database
from mine_supervision_plugin.store.notices import notices

ROOT = Path(__file__).resolve().parent.parent.parent


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def write_layer(path: Path, fields: list[str], rows: list[tuple]) -> str:
    """A GeoPackage of rectangles (the last item of a row: x0, y0, x1, y1) in EPSG:4526."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer(path.stem, srs, ogr.wkbPolygon)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name.endswith("_m2") else ogr.OFTString))
    for *values, (x0, y0, x1, y1) in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(fields, values):
            if value is not None:
                feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(feature)
    source = layer = None
    return str(path)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("inputs")
    x, y = 38_500_000, 4_000_000
    rights = write_layer(folder / "rights.gpkg", ["license_no", "holder", "mine_name"], [
        ("C1", "甲矿业有限公司", "甲石灰岩矿", (x, y, x + 400, y + 300)),
        ("C2", "乙堃㙟砂石有限公司" + "很长的名称" * 8, "乙砂石矿", (x + 1000, y, x + 1300, y + 300)),
    ])
    patches = write_layer(folder / "patches.gpkg",
                          ["patch_no", "prejudgment", "license_no", "inside_area_m2", "outside_area_m2"], [
        ("WP-1", "out_of_bounds", "C1", 5000.0, 2500.0, (x + 300, y + 100, x + 450, y + 150)),
        ("WP-2", "疑似无证开采", "C2", 0.0, 1200.0, (x + 1300, y + 100, x + 1340, y + 130)),
        ("WP-3", "within_licence", "C1", 900.0, 0.0, (x + 50, y + 50, x + 80, y + 80)),
    ])
    return {"RIGHTS": rights, "PATCHES": patches, "folder": folder}


def test_the_algorithm_is_listed(qgis):
    assert "minesupervision:rectificationnotices" in qgis.algorithms()


def test_numbered_notices_from_qgis_process(qgis, inputs, tmp_path):
    database = tmp_path / "county.gpkg"
    qgis.run("createdatabase", {"DATABASE": database, "CRS": "EPSG:4526"})
    out = tmp_path / "notices"
    answer = qgis.run("rectificationnotices", {"PATCHES": inputs["PATCHES"], "RIGHTS": inputs["RIGHTS"],
                                               "OUTPUT_FOLDER": out, "DATABASE": database,
                                               "ISSUE_DATE": "2026-11-02"})
    results = answer["results"]
    assert results["NOTICES"] == 2
    assert results["NUMBERS"].split(";") == ["上党自然资整〔2026〕1号", "上党自然资整〔2026〕2号"]
    files = [Path(f) for f in results["FILES"].split(";")]
    assert all(f.parent == out and f.exists() for f in files)
    text = poppler("pdftotext", str(files[0]), "-").replace("\n", "")  # holders in order: 乙 (U+4E59) first
    assert "乙堃㙟砂石有限公司" + "很长的名称" * 8 + "：" in text
    assert "上党自然资整〔2026〕1号" in text and "WP-2" in text and "1200.00平方米（1.80亩）" in text
    assert "涉嫌无证开采" in text and "送达回证" in text
    for pdf in files:
        fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
        assert fonts and all(" TrueType " in line and line.split()[-5] == "yes" for line in fonts), fonts
        image = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
        assert len(image) == 1 and min(int(v) for v in image[0].split()[12:14]) >= 300
    assert [r["notice_no"] for r in notices(open_database(database))] == results["NUMBERS"].split(";")
    # a second batch continues the sequence
    again = qgis.run("rectificationnotices", {"PATCHES": inputs["PATCHES"], "RIGHTS": inputs["RIGHTS"],
                                              "OUTPUT_FOLDER": out, "DATABASE": database, "ISSUE_DATE": "2026-11-03"})
    assert again["results"]["NUMBERS"] == "上党自然资整〔2026〕3号;上党自然资整〔2026〕4号"


def test_an_unwritable_folder_fails_in_words_and_allocates_nothing(qgis, inputs, tmp_path):
    database = tmp_path / "county.gpkg"
    qgis.run("createdatabase", {"DATABASE": database, "CRS": "EPSG:4526"})
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(QgisProcessError) as failure:
        qgis.run("rectificationnotices", {"PATCHES": inputs["PATCHES"], "RIGHTS": inputs["RIGHTS"],
                                          "OUTPUT_FOLDER": blocked / "notices", "DATABASE": database})
    assert "a-file" in str(failure.value)
    assert notices(open_database(database)) == []
