"""minesupervision:rectificationnotices through the real Processing registry: one PDF per holder, its map
rendered by QGIS at 300 dpi, numbers from the database, drafts without it."""

from __future__ import annotations

import subprocess

import pytest
from osgeo import ogr, osr

from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.notices import notices
from mine_supervision_plugin.store.patches import add_patches


def run(registry, name, parameters):
    """Run ``minesupervision:<name>``; (results, ok, everything it said)."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    lines = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, text):  # noqa: N802
            lines.append(text)

        def pushWarning(self, text):  # noqa: N802
            lines.append(text)

        def reportError(self, text, fatalError=False):  # noqa: N802, N803
            lines.append(text)

    algorithm = registry.createAlgorithmById(f"minesupervision:{name}")
    result, ok = algorithm.run(parameters, QgsProcessingContext(), Feedback())
    return result, ok, "\n".join(lines), None


def poppler(*arguments) -> str:
    return subprocess.run(arguments, check=True, capture_output=True, text=True).stdout


def polygon(x0, y0, x1, y1):
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


@pytest.fixture
def inputs(tmp_path):
    """Two holders: 甲 with an out-of-bounds and an expired-licence patch, 乙<&> with an unlicensed one touching
    its licence; a patch within its licence and one far from any licence get no notice."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    driver = ogr.GetDriverByName("GPKG")
    rights = driver.CreateDataSource(str(tmp_path / "rights.gpkg"))
    layer = rights.CreateLayer("rights", srs, ogr.wkbPolygon)
    for name in ("license_no", "holder", "mine_name", "valid_to"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    x, y = 38_500_000, 4_000_000
    for number, holder, mine, valid_to, box in (
        ("C1", "甲矿业有限公司", "甲石灰岩矿", "2030-01-01", (x, y, x + 400, y + 300)),
        ("C2", '乙<&>"堃"公司', "乙砂石矿", "2025-01-01", (x + 1000, y, x + 1300, y + 300)),
    ):
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in zip(("license_no", "holder", "mine_name", "valid_to"), (number, holder, mine, valid_to)):
            feature.SetField(key, value)
        feature.SetGeometry(polygon(*box))
        layer.CreateFeature(feature)
    rights = layer = None
    patches = driver.CreateDataSource(str(tmp_path / "patches.gpkg"))
    layer = patches.CreateLayer("patches", srs, ogr.wkbPolygon)
    for name, kind in (("patch_no", ogr.OFTString), ("prejudgment", ogr.OFTString), ("license_no", ogr.OFTString),
                       ("inside_area_m2", ogr.OFTReal), ("outside_area_m2", ogr.OFTReal),
                       ("expired_area_m2", ogr.OFTReal), ("date_after", ogr.OFTDate)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for number, code, licence, inside, outside, box in (
        ("P-OOB", "out_of_bounds", "C1", 5000.0, 2500.0, (x + 300, y + 100, x + 450, y + 150)),
        ("P-EXP", "expired_licence", "C2", 2000.0, 0.0, (x + 1100, y + 100, x + 1140, y + 150)),
        ("P-UNL", "unlicensed", "C2", 0.0, 1200.0, (x + 1300, y + 100, x + 1340, y + 130)),
        ("P-OK", "within_licence", "C1", 900.0, 0.0, (x + 50, y + 50, x + 80, y + 80)),
        ("P-FAR", "unlicensed", None, 0.0, 800.0, (x + 3000, y, x + 3040, y + 20)),
    ):
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in (("patch_no", number), ("prejudgment", code), ("license_no", licence),
                           ("inside_area_m2", inside), ("outside_area_m2", outside),
                           ("expired_area_m2", inside if code == "expired_licence" else None)):
            if value is not None:
                feature.SetField(key, value)
        feature.SetField("date_after", 2026, 4, 3, 0, 0, 0, 0)
        feature.SetGeometry(polygon(*box))
        layer.CreateFeature(feature)
    patches = layer = None
    return tmp_path


def parameters(inputs, **more):
    return {"PATCHES": str(inputs / "patches.gpkg"), "RIGHTS": str(inputs / "rights.gpkg"),
            "OUTPUT_FOLDER": str(inputs / "notices"), "ISSUE_DATE": "2026-05-08", **more}


def test_drafts_without_database_one_per_holder_with_a_qgis_map(registry, inputs):
    result, ok, log, _ = run(registry, "rectificationnotices", parameters(inputs))
    assert ok, log
    assert result["NOTICES"] == 2
    files = sorted((inputs / "notices").glob("*.pdf"))
    assert [f.name for f in files] == ["草稿_乙_&__堃_公司.pdf", "草稿_甲矿业有限公司.pdf"]
    assert "P-FAR" in log and "drafts" in log
    text = poppler("pdftotext", str(files[0]), "-").replace("\n", "")
    assert '乙<&>"堃"公司：' in text and "P-EXP" in text and "P-UNL" in text and "P-OOB" not in text
    assert "上党自然资整〔2026〕" in text and "草稿" in text and "2000.00平方米（3.00亩）" in text
    for pdf in files:
        fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
        assert fonts and all(" TrueType " in line and line.split()[-5] == "yes" for line in fonts)
        images = poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
        assert len(images) == 1 and int(images[0].split()[3]) >= 1772  # 150 mm at 300 dpi
        assert int(images[0].split()[12]) >= 300 and int(images[0].split()[13]) >= 300


def test_numbers_from_the_database_and_the_patches_linked(registry, inputs, store_location):
    """On either store: a GeoPackage, or a PostGIS database named by its connection string."""
    database = create_database(store_location, crs_epsg=4526)
    store = open_database(database)
    import shapely

    add_patches(store, [{"patch_no": n, "geometry": shapely.box(0, 0, 1, 1)} for n in ("P-OOB", "P-EXP")],
                source="satellite", crs_epsg=4526)
    typed = database[len("PG:"):] if database.startswith("PG:") else database  # dbname=... host=... as typed
    result, ok, log, _ = run(registry, "rectificationnotices", parameters(inputs, DATABASE=typed))
    assert ok, log
    assert result["NUMBERS"] == "上党自然资整〔2026〕1号;上党自然资整〔2026〕2号"
    rows = notices(store)
    assert [(r["holder"], r["patch_no"], r["state"]) for r in rows] == [
        ('乙<&>"堃"公司', "P-EXP,P-UNL", "issued"), ("甲矿业有限公司", "P-OOB", "issued")]
    source = ogr.Open(str(database))
    linked = {f.GetField("patch_no"): f.GetField("notice_no") for f in source.GetLayerByName("patches")}
    assert linked == {"P-OOB": "上党自然资整〔2026〕2号", "P-EXP": "上党自然资整〔2026〕1号"}
    first = poppler("pdftotext", result["FILES"].split(";")[0], "-")
    assert "上党自然资整〔2026〕1号" in first


def test_rights_without_holder_are_refused_in_words(registry, inputs):
    source = ogr.Open(str(inputs / "rights.gpkg"), update=1)
    source.ExecuteSQL("ALTER TABLE rights RENAME COLUMN holder TO owner")
    source = None
    _, ok, log, _ = run(registry, "rectificationnotices", parameters(inputs))
    assert not ok and "holder" in log
