"""Every Processing algorithm run as users and scripts run it: `qgis_process.bin`, the plugin installed
from the zip, the Python packages on QGIS's path as `make run` gives them, on the demo county's inputs.

Inside qgis_process QGIS's own GEOS, GDAL and PROJ are loaded before any Python package, which the
pytest-qgis process does not reproduce: a shapely built for another GEOS fails here and only here.
"""

from __future__ import annotations

import csv
import os
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcess, QgisProcessError, venv_site_packages
from mine_supervision_plugin.formats.coordinates import read_coordinate_file

ROOT = Path(__file__).resolve().parent.parent.parent
# The PyPI shapely wheel (bundling GEOS 3.13), unpacked by the Makefile for the guard test only.
PYPI_SHAPELY = ROOT / ".venv" / "pypi-shapely"
CONTRACT_PARCEL_FIELDS = {"license_no", "parcel_no", "mine_name", "holder", "depth_top_m", "depth_bottom_m",
                          "area_m2", "source_file"}
CONTRACT_PREJUDGE_FIELDS = {"prejudgment", "inside_area_m2", "outside_area_m2", "license_no", "zone_name",
                            "zone_level", "repeat_years"}


@pytest.fixture(scope="module")
def database(database, qgis, county) -> Path:
    """The licence database (tests/qgis/conftest.py) filled further by the algorithms, as make demo does."""
    path = database
    inputs = Path(county["out_dir"])
    for batch in sorted((inputs / "patches").glob("wp*.shp")):
        qgis.run("importpatches", {"INPUT": batch, "DATABASE": path, "SOURCE": 0, "BATCH": batch.stem,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    for patrol in sorted((inputs / "patches").glob("patrol_*.geojson")):
        qgis.run("importpatches", {"INPUT": patrol, "DATABASE": path, "SOURCE": 1, "BATCH": patrol.stem,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    return path


def rows(path: Path, layer: str | None = None) -> list[dict]:
    source = ogr.Open(str(path))
    found = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    out = []
    for feature in found:
        row = feature.items()
        geometry = feature.GetGeometryRef()
        row["_area"] = geometry.GetArea() if geometry is not None else None
        out.append(row)
    return out


def truth(county) -> dict[str, str]:
    with open(Path(county["out_dir"]) / "patches" / "truth.csv", encoding="utf-8-sig", newline="") as stream:
        return {row["TBBH"]: row["expected"] for row in csv.DictReader(stream)}


def test_every_algorithm_is_listed_with_its_real_name(qgis):
    algorithms = qgis.algorithms()
    assert {f"minesupervision:{name}" for name in (
        "createdatabase", "importcoordinates", "exportcoordinates", "importpatches", "transitionpatches",
        "prejudgepatches", "prejudgedatabase")} <= set(algorithms)
    assert not [name for name, title in algorithms.items() if "unavailable" in title]


def test_import_one_land_exchange_file_without_database(qgis, county, tmp_path):
    """The README's example and the first failure of issue 8 (WKB output inside QGIS)."""
    source = next(f for f in county["rights_files"] if f.suffix == ".txt" and "坐标" not in f.read_text("gbk")[:0]
                  and read_coordinate_file(f).format == "land_exchange")
    out = tmp_path / "parcels.gpkg"
    answer = qgis.run("importcoordinates", {"INPUT": source, "OUTPUT": out})
    assert answer["results"]["LICENCES"] == 1
    expected = read_coordinate_file(source).licences[0]
    written = rows(out)
    assert CONTRACT_PARCEL_FIELDS <= set(written[0])
    assert {r["license_no"] for r in written} == {expected.license_no}
    assert Path(written[0]["source_file"]).name == source.name
    for row in written:
        assert row["area_m2"] == pytest.approx(row["_area"], abs=0.01)


def test_the_demo_folder_lands_in_the_database(database, county):
    assert len(rows(database, "mining_rights")) == county["counts"]["licences"] == 66
    parcels = rows(database.parent / "parcels.gpkg")
    assert {r["license_no"] for r in parcels} == {r["license_no"] for r in rows(database, "mining_rights")}


def test_patch_batches_land_in_the_database(database, county):
    patches = rows(database, "patches")
    assert len(patches) == len(truth(county)) == 108
    assert all(p["_area"] and p["_area"] > 0 for p in patches)
    assert {p["source"] for p in patches} == {"satellite", "patrol"}


def test_prejudge_the_database_agrees_with_the_truth_table(qgis, database, county):
    answer = qgis.run("prejudgedatabase", {"DATABASE": database, "TOLERANCE_M2": 1.0})
    assert answer["results"]["JUDGED"] == 108
    stored = {p["patch_no"]: p["prejudgment"] for p in rows(database, "patches")}
    expected = truth(county)
    assert {n: stored[n] for n in expected} == expected


def test_prejudge_layers_into_a_new_layer(qgis, database, county, tmp_path):
    gpkg = f"{database}|layername="
    out = tmp_path / "prejudged.gpkg"
    qgis.run("prejudgepatches", {"PATCHES": gpkg + "patches", "RIGHTS": gpkg + "mining_rights",
                                 "ZONES": gpkg + "monitoring_zones", "PREVIOUS_PATCHES": gpkg + "patches",
                                 "DATE_FIELD": "date_after", "TOLERANCE_M2": 1.0, "OUTPUT": out})
    written = rows(out)
    assert CONTRACT_PREJUDGE_FIELDS <= set(written[0])
    expected = truth(county)
    assert {r["patch_no"]: r["prejudgment"] for r in written if r["patch_no"] in expected} == expected
    for row in written:
        assert row["inside_area_m2"] + row["outside_area_m2"] == pytest.approx(row["_area"], abs=0.01)


def test_export_then_reimport_gives_the_same_corners(qgis, database, tmp_path):
    folder = tmp_path / "export"
    answer = qgis.run("exportcoordinates", {"DATABASE": database, "FORMAT": 1, "OUTPUT_FOLDER": folder})
    assert answer["results"]["LICENCE_COUNT"] == 66
    out = tmp_path / "again.gpkg"
    qgis.run("importcoordinates", {"INPUT": folder, "OUTPUT": out})
    before = {(r["license_no"], r["parcel_no"]): round(r["_area"], 1) for r in rows(database.parent / "parcels.gpkg")}
    after = {(r["license_no"], r["parcel_no"]): round(r["_area"], 1) for r in rows(out)}
    assert after == before


def test_a_workflow_step_on_many_patches(qgis, database):
    numbers = sorted(p["patch_no"] for p in rows(database, "patches"))[:3]
    answer = qgis.run("transitionpatches", {"DATABASE": database, "PATCH_NOS": ",".join(numbers), "TO_STATE": 1,
                                            "REASON": "实地核查", "FIELD_CHECK_DATE": "2026-11-20",
                                            "INSPECTORS": "张三,李四", "FINDING": "现场有开采痕迹"})
    assert answer["results"]["DONE_COUNT"] == 3
    states = {p["patch_no"]: p["state"] for p in rows(database, "patches")}
    assert {states[n] for n in numbers} == {"verified"}


def test_a_bad_request_is_refused_in_words(qgis, tmp_path):
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importcoordinates", {"INPUT": tmp_path / "nowhere", "OUTPUT": tmp_path / "x.gpkg"})
    assert "Traceback" not in str(refused.value)
    assert not (tmp_path / "x.gpkg").exists()


def test_shapely_is_linked_to_the_geos_qgis_loads():
    """The class of failure of issue 8, reproduced without QGIS: QGIS's libgeos_c loaded first."""
    check = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c",
         "import shapely; from qgis.core import Qgis; shapely.to_wkb(shapely.Point(1, 2)); "
         "print('.'.join(map(str, shapely.geos_version)), Qgis.geosVersion().split('-')[0])"],
        env={**os.environ, "LD_PRELOAD": "libgeos_c.so.1"}, capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stderr
    ours, qgis_geos = check.stdout.split()
    assert ours == qgis_geos


def test_a_shapely_with_its_own_geos_is_refused_with_the_reason(installed_plugin, tmp_path, county):
    """With PyPI's shapely first on QGIS's path, analysis algorithms say why and what to run; the rest works."""
    assert (PYPI_SHAPELY / "shapely.libs").is_dir(), "make test unpacks the PyPI wheel for this test"
    qgis = QgisProcess(installed_plugin, tmp_path / "home", [str(PYPI_SHAPELY), *venv_site_packages()])
    titles = qgis.algorithms()
    assert "unavailable" in titles["minesupervision:importcoordinates"]
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "OUTPUT": tmp_path / "x.gpkg"})
    message = str(refused.value)
    assert "GEOS 3.13" in message and "install_debian.sh" in message
    assert "WKB output dimension" not in message and "Traceback" not in message
    qgis.run("createdatabase", {"DATABASE": tmp_path / "county.gpkg", "CRS": "EPSG:4526"})
    assert (tmp_path / "county.gpkg").exists()


# --- bad input, as a batch script meets it: refused in words, nothing written ------------------------------


def test_a_geographic_crs_for_metre_coordinates_is_refused_before_writing(qgis, county, tmp_path):
    out = tmp_path / "parcels.gpkg"
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "CRS": "EPSG:4490", "OUTPUT": out})
    message = str(refused.value)
    assert "EPSG:4490" in message and "geographic" in message and "Traceback" not in message
    assert not out.exists()


def test_an_output_that_is_an_input_is_refused_and_the_input_kept(qgis, county, tmp_path):
    patches = tmp_path / "patches.gpkg"
    source = ogr.Open(str(Path(county["out_dir"]) / "patches" / "wp2024.shp"))
    ogr.GetDriverByName("GPKG").CopyDataSource(source, str(patches))
    source = None
    before = len(rows(patches))
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("prejudgepatches", {"PATCHES": patches, "RIGHTS": county["rights_truth"], "OUTPUT": patches})
    assert "destroy" in str(refused.value)
    assert len(rows(patches)) == before == 34


def test_a_truncated_shapefile_is_named_and_the_database_untouched(qgis, county, tmp_path):
    folder = tmp_path / "cut"
    folder.mkdir()
    original = Path(county["out_dir"]) / "patches" / "wp2025.shp"
    for part in original.parent.glob("wp2025.*"):
        data = part.read_bytes()
        (folder / part.name).write_bytes(data[: len(data) * 2 // 3] if part.suffix == ".dbf" else data)
    database = tmp_path / "county.gpkg"
    qgis.run("createdatabase", {"DATABASE": database, "CRS": "EPSG:4526"})
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("importpatches", {"INPUT": folder / "wp2025.shp", "DATABASE": database, "SOURCE": 0,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    message = str(refused.value)
    assert "wp2025.dbf" in message and "damaged" in message and "Traceback" not in message
    assert rows(database, "patches") == []
