"""minesupervision:importsurvey and comparesurvey run as a county's batch runs them: `qgis_process.bin`, the plugin
installed from the zip, on the demo county's two special-survey rounds (and a contractor's DXF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcessError

ROOT = Path(__file__).resolve().parent.parent.parent


def rows(path, layer=None) -> list[dict]:
    source = ogr.Open(str(path))
    found = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    return [feature.items() for feature in found]


def test_the_survey_algorithms_are_listed(qgis):
    listed = qgis.algorithms()
    assert "minesupervision:importsurvey" in listed and "minesupervision:comparesurvey" in listed


def test_the_demo_rounds_are_recorded_and_compared(qgis, county, database, tmp_path):
    surveyed = county["counts"]["surveyed_licences"]
    for round_id in ("2026-1", "2026-2"):
        results = qgis.run("importsurvey", {"INPUT": Path(county["out_dir"]) / "surveys" / f"survey_{round_id}.gpkg",
                                            "ROUND": round_id, "SURVEYOR": "演示县测绘队", "DATABASE": database})["results"]
        assert (results["EXTENTS"], results["MINES"], results["UNMATCHED"]) == (surveyed, surveyed, 0)
    stored = rows(database, "survey_extents")
    assert len(stored) == 2 * surveyed and {r["matched_by"] for r in stored} == {"licence_no"}
    with pytest.raises(QgisProcessError, match="already recorded in round 2026-1"):
        qgis.run("importsurvey", {"INPUT": Path(county["out_dir"]) / "surveys" / "survey_2026-1.gpkg",
                                  "ROUND": "2026-1", "DATABASE": database})

    layers = f"{database}|layername="
    out = {name: tmp_path / f"{name}.gpkg" for name in ("outside", "summary", "growth")}
    results = qgis.run("comparesurvey", {
        "SURVEY": layers + "survey_extents|subset=\"survey_round\" = '2026-2'", "RIGHTS": layers + "mining_rights",
        "PREVIOUS": layers + "survey_extents|subset=\"survey_round\" = '2026-1'",
        "OUTPUT_OUTSIDE": out["outside"], "OUTPUT_SUMMARY": out["summary"], "OUTPUT_GROWTH": out["growth"]})["results"]
    summary = {r["license_no"]: r for r in rows(out["summary"])}
    assert results["MINES"] == len(summary) == surveyed and results["UNMATCHED"] == 0
    # the contract's fields
    assert {"license_no", "surveyed_area_m2", "outside_area_m2", "growth_area_m2"} <= set(next(iter(summary.values())))
    assert {"license_no", "area_m2", "max_distance_m"} <= set(rows(out["outside"])[0])
    # the generator's pits that grow across their boundary come out outside, grown toward or across it
    crossing = set(county["counts"]["growing_beyond_boundary"]) & set(summary)
    assert crossing
    for number in crossing:
        assert summary[number]["outside_area_m2"] > 0 and summary[number]["growth_outside_area_m2"] > 0
        assert summary[number]["grew_toward_boundary"] == 1
    assert {r["license_no"] for r in rows(out["outside"])} == {n for n, r in summary.items() if r["outside_area_m2"]}
    assert all(r["max_distance_m"] > 0 and r["near_corners"] for r in rows(out["outside"]))
    assert results["GROWING_MINES"] >= len(crossing)
    # and the underground mines the generator sends below the licensed bottom / above the top
    deeper = county["beyond_depth"]
    assert results["DEEPER_MINES"] == len(deeper)
    assert [summary[n]["below_bottom_m"] for n in deeper[:2]] == [18.5, 32.0]
    assert summary[deeper[2]]["above_top_m"] == 12.0


def test_a_contractors_dxf_is_read_with_the_crs_given_and_one_without_closed_polylines_refused(qgis, database,
                                                                                            tmp_path):
    source = ogr.Open(str(database))
    licence = next(iter(source.GetLayerByName("mining_rights")))
    number, centre = licence.GetField("license_no"), licence.GetGeometryRef().PointOnSurface()
    source = None
    x, y = centre.GetX(), centre.GetY()
    closed = f"LINESTRING ({x - 20} {y - 20}, {x + 20} {y - 20}, {x + 20} {y + 20}, {x - 20} {y - 20})"
    for name, wkt in (("works.dxf", closed), ("open.dxf", f"LINESTRING ({x} {y}, {x + 30} {y + 30}, {x + 60} {y})")):
        dxf = ogr.GetDriverByName("DXF").CreateDataSource(str(tmp_path / name))
        layer = dxf.CreateLayer("entities")
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", "KC")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
        dxf = layer = feature = None
    with pytest.raises(QgisProcessError, match="has no coordinate reference system"):
        qgis.run("importsurvey", {"INPUT": tmp_path / "works.dxf", "ROUND": "2025-2", "DATABASE": database})
    results = qgis.run("importsurvey", {"INPUT": tmp_path / "works.dxf", "CRS": "EPSG:4526", "ROUND": "2025-2",
                                        "METHOD": 2, "DATABASE": database,
                                        "OUTPUT": tmp_path / "recorded.gpkg"})["results"]
    assert (results["EXTENTS"], results["UNMATCHED"]) == (1, 0)
    (row,) = rows(tmp_path / "recorded.gpkg")
    assert (row["license_no"], row["matched_by"], row["method"], row["area_m2"]) == (
        number, "location", "underground_survey", 800.0)
    assert row["source_feature"].startswith("layer KC, entity ")
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importsurvey", {"INPUT": tmp_path / "open.dxf", "CRS": "EPSG:4526", "ROUND": "2025-2",
                                  "DATABASE": database})
    assert "open.dxf has no closed polyline" in str(refused.value) and "layer KC, entity" in str(refused.value)


def test_files_read_and_written_in_bulk_give_what_qgis_reads_and_writes(qgis, tmp_path):
    """Plain GeoPackages are read through OGR's Arrow interface and written by SQLite in bulk; the same layers
    read through QGIS (a subset string) and written through its sink (an ogr: table) give the same rows."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_survey import generate, write_inputs

    data = generate(150, seed=7)
    inputs = write_inputs(data, tmp_path / "in")
    fast = {name: tmp_path / f"fast_{name}.gpkg" for name in ("outside", "summary", "growth")}
    common = {"APPROACH_M": 25, "MIN_AREA_M2": 0.5}
    bulk = qgis.run("comparesurvey", {
        "SURVEY": inputs["survey"], "RIGHTS": inputs["rights"], "PREVIOUS": inputs["previous"], **common,
        "OUTPUT_OUTSIDE": fast["outside"], "OUTPUT_SUMMARY": fast["summary"], "OUTPUT_GROWTH": fast["growth"]})
    slow_db = tmp_path / "slow.gpkg"
    subset = "|subset=fid > 0"
    through = qgis.run("comparesurvey", {
        "SURVEY": f"{inputs['survey']}|layername=survey{subset}", "RIGHTS": f"{inputs['rights']}|layername=rights{subset}",
        "PREVIOUS": f"{inputs['previous']}|layername=previous{subset}", **common,
        **{f"OUTPUT_{name.upper()}": f"ogr:dbname='{slow_db}' table=\"{name}\" (geom)"
           for name in ("outside", "summary", "growth")}})
    assert bulk["results"]["OUTSIDE_PIECES"] == through["results"]["OUTSIDE_PIECES"] > 0
    assert "Writing through QGIS instead" not in str(bulk)
    for name in ("outside", "summary", "growth"):
        ours, theirs = rows(fast[name]), rows(slow_db, name)
        assert len(ours) == len(theirs) > 0
        for mine, other in zip(ours, theirs):
            for key, value in mine.items():
                other_value = other[key]
                if isinstance(value, float):
                    assert value == pytest.approx(other_value, abs=1e-9), (name, key)
                else:
                    assert value == other_value, (name, key)
        mine_source, other_source = ogr.Open(str(fast[name])), ogr.Open(str(slow_db))
        areas = [f.GetGeometryRef().GetArea() for f in mine_source.GetLayer(0)]
        other_areas = [f.GetGeometryRef().GetArea() for f in other_source.GetLayerByName(name)]
        mine_source = other_source = None
        assert areas == pytest.approx(other_areas, abs=1e-6)
    # the spatial index holds every piece, each box holding its piece (the R*Tree rounds outward to float32)
    import sqlite3

    source = ogr.Open(str(fast["outside"]))
    envelopes = {f.GetFID(): f.GetGeometryRef().GetEnvelope() for f in source.GetLayer(0)}
    source = None
    connection = sqlite3.connect(str(fast["outside"]))
    entries = {row[0]: row[1:] for row in connection.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_fast_outside_geom")}
    connection.close()
    assert set(entries) == set(envelopes)
    for fid, (minx, maxx, miny, maxy) in envelopes.items():
        box = entries[fid]
        assert box[0] <= minx and box[1] >= maxx and box[2] <= miny and box[3] >= maxy
        assert maxx - minx + 20 > box[1] - box[0]  # float32 at 38,400 km: steps of 4 m


def test_an_output_over_an_input_is_refused_and_the_input_kept(qgis, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from bench_survey import generate, write_inputs

    inputs = write_inputs(generate(3, seed=3), tmp_path / "in")
    before = inputs["rights"].read_bytes()
    with pytest.raises(QgisProcessError, match="is the input RIGHTS"):
        qgis.run("comparesurvey", {"SURVEY": inputs["survey"], "RIGHTS": inputs["rights"],
                                   "OUTPUT_OUTSIDE": inputs["rights"], "OUTPUT_SUMMARY": tmp_path / "summary.gpkg"})
    assert inputs["rights"].read_bytes() == before


def test_a_rounds_findings_go_to_the_ledger_once_with_a_notice_draft_per_holder(qgis, county, database, tmp_path):
    import subprocess

    from mine_supervision_plugin.store.database import open_database
    from mine_supervision_plugin.store.surveys import survey_rounds

    if "2026-2" not in survey_rounds(open_database(database)):
        qgis.run("importsurvey", {"INPUT": Path(county["out_dir"]) / "surveys" / "survey_2026-2.gpkg",
                                  "ROUND": "2026-2", "DATABASE": database})
    compared = qgis.run("comparesurvey", {
        "SURVEY": f"{database}|layername=survey_extents|subset=\"survey_round\" = '2026-2'",
        "RIGHTS": f"{database}|layername=mining_rights", "OUTPUT_OUTSIDE": tmp_path / "outside.gpkg",
        "OUTPUT_SUMMARY": tmp_path / "summary.gpkg"})["results"]
    expected = compared["OUTSIDE_MINES"] + compared["DEEPER_MINES"]
    assert expected > 0
    first = qgis.run("surveyfindings", {"DATABASE": database, "ROUND": "2026-2", "FOUND_DATE": "2026-11-28",
                                        "OUTPUT_FOLDER": tmp_path / "drafts"})["results"]
    assert (first["FINDINGS"], first["ADDED"], first["ALREADY"]) == (expected, expected, 0)
    items = [r for r in rows(database, "ledger_items") if (r["problem"] or "").startswith("2026年第2轮专项勘测发现")]
    assert len(items) == expected and {r["state"] for r in items} == {"open"}
    assert {r["found_at"] for r in items} == {"2026/11/28"} or {str(r["found_at"]) for r in items} == {"2026-11-28"}
    beyond = [r for r in items if "越界开采" in r["problem"]]
    deeper = [r for r in items if "越层开采" in r["problem"]]
    assert (len(beyond), len(deeper)) == (compared["OUTSIDE_MINES"], compared["DEEPER_MINES"])
    assert all("最远超出矿区范围" in r["problem"] and "拐点" in r["problem"] for r in beyond)
    files = first["FILES"].split(";")
    assert first["NOTICES"] == len(files) > 0 and all(Path(f).exists() for f in files)
    text = subprocess.run(["pdftotext", files[0], "-"], check=True, capture_output=True, text=True).stdout
    assert "2026年第2轮专项勘测" in text.replace("\n", "") and "草稿" in text
    images = subprocess.run(["pdfimages", "-list", files[0]], check=True, capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) >= 3  # the map QGIS rendered (two header lines, then the image)
    again = qgis.run("surveyfindings", {"DATABASE": database, "ROUND": "2026-2", "KINDS": "0,1"})["results"]
    assert (again["ADDED"], again["ALREADY"], again["NOTICES"]) == (0, expected, 0)
    assert len([r for r in rows(database, "ledger_items")
                if (r["problem"] or "").startswith("2026年第2轮专项勘测发现")]) == expected
    with pytest.raises(QgisProcessError, match="no survey round 2031-1"):
        qgis.run("surveyfindings", {"DATABASE": database, "ROUND": "2031-1"})


def test_dsm_volumes_outside_the_boundary_and_below_the_bottom_with_a_difference_raster(qgis, tmp_path):
    import numpy as np
    import shapely
    from osgeo import gdal, osr

    x0, y0 = 38_500_000.0, 4_000_020.0

    def tiff(path, values, epsg=4526):
        out = gdal.GetDriverByName("GTiff").Create(str(path), values.shape[1], values.shape[0], 1, gdal.GDT_Float32)
        out.SetGeoTransform((x0, 1.0, 0, y0, 0, -1.0))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        out.SetProjection(srs.ExportToWkt())
        out.GetRasterBand(1).WriteArray(values)
        out = None
        return path

    before = np.full((20, 20), 100.0)
    after = before.copy()
    after[2:6, 2:6] = 95.0
    after[:, 12:18] = 98.0
    tiff(tmp_path / "before.tif", before)
    tiff(tmp_path / "after.tif", after)
    tiff(tmp_path / "xian80.tif", before, epsg=2362)
    rights = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "rights.gpkg"))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    layer = rights.CreateLayer("rights", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("license_no", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("depth_bottom_m", ogr.OFTReal))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("license_no", "C1")
    feature.SetField("depth_bottom_m", 97.0)
    feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.box(x0, y0 - 20, x0 + 10, y0))))
    layer.CreateFeature(feature)
    rights = layer = feature = None
    results = qgis.run("dsmvolumes", {"BEFORE": tmp_path / "before.tif", "AFTER": tmp_path / "after.tif",
                                      "RIGHTS": tmp_path / "rights.gpkg", "LICENCE": "C1",
                                      "OUTPUT": tmp_path / "difference.tif"})["results"]
    assert results["OUTSIDE_M3"] == pytest.approx(240.0) and results["BELOW_BOTTOM_M3"] == pytest.approx(32.0)
    assert results["EXCAVATED_M3"] == pytest.approx(320.0) and results["OUTSIDE_AREA_M2"] == pytest.approx(120.0)
    written = gdal.Open(str(tmp_path / "difference.tif"))
    assert written.GetRasterBand(1).ReadAsArray()[3, 3] == 5.0
    written = None
    with pytest.raises(QgisProcessError, match="xian80.tif"):
        qgis.run("dsmvolumes", {"BEFORE": tmp_path / "xian80.tif", "AFTER": tmp_path / "after.tif",
                                "RIGHTS": tmp_path / "rights.gpkg", "OUTPUT": tmp_path / "d2.tif"})
