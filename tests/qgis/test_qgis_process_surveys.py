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
