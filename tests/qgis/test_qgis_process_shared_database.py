"""The demo county on a shared PostGIS database, as a province's scripts run it: every step through
`qgis_process.bin` with DATABASE a PostgreSQL connection (issue 14): create the schema, import the licences and
patch batches, pre-judge in the server (108 of 108 agree with the truth table), then check a county out into a
GeoPackage for field work and back in, a second check-in refused in words."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from osgeo import ogr

from demo.qgis_process import QgisProcessError
from demo.run import apply_right_attributes
from mine_supervision_plugin.store.database import open_database


def truth(county) -> dict[str, str]:
    with open(Path(county["out_dir"]) / "patches" / "truth.csv", encoding="utf-8-sig", newline="") as stream:
        return {row["TBBH"]: row["expected"] for row in csv.DictReader(stream)}


def patches(location: str) -> dict[str, dict]:
    source = ogr.Open(location)
    layer = source.GetLayerByName("patches")
    rows = {f.GetField("patch_no"): {"prejudgment": f.GetField("prejudgment"), "finding": f.GetField("finding"),
                                     "county_code": f.GetField("county_code")} for f in layer}
    layer = None
    return rows


@pytest.fixture(scope="module")
def shared(qgis, county, pg_server, tmp_path_factory) -> str:
    """The demo county loaded into a PostGIS database through qgis_process."""
    location = pg_server.create_database("shared_county")
    qgis.run("createdatabase", {"DATABASE": location, "CRS": "EPSG:4526"})
    folder = tmp_path_factory.mktemp("shared")
    qgis.run("importcoordinates", {"INPUT": county["rights_dir"], "DATABASE": location,
                                   "OUTPUT": folder / "parcels.gpkg"})
    apply_right_attributes(open_database(location), county["rights_attributes"])
    inputs = Path(county["out_dir"]) / "patches"
    for batch in sorted(inputs.glob("wp*.shp")):
        qgis.run("importpatches", {"INPUT": batch, "DATABASE": location, "SOURCE": 0, "BATCH": batch.stem,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    for patrol in sorted(inputs.glob("patrol_*.geojson")):
        qgis.run("importpatches", {"INPUT": patrol, "DATABASE": location, "SOURCE": 1, "BATCH": patrol.stem,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    return location


def test_the_server_prejudgment_agrees_with_the_truth_table(qgis, shared, county):
    answer = qgis.run("prejudgedatabase", {"DATABASE": shared, "TOLERANCE_M2": 1.0})
    assert answer["results"]["JUDGED"] == 108
    stored = {number: row["prejudgment"] for number, row in patches(shared).items()}
    expected = truth(county)
    assert {number: stored[number] for number in expected} == expected


def test_a_county_goes_to_the_field_and_comes_back(qgis, shared, pg_server, tmp_path):
    codes = {row["county_code"] for row in patches(shared).values()}
    county_code = sorted(code for code in codes if code)[0]
    dbname = shared.split("dbname=")[1].split()[0]
    pg_server.psql(f"UPDATE patches SET county_code = '{county_code}' WHERE county_code IS NULL", dbname=dbname)
    copy = tmp_path / "field.gpkg"
    qgis.run("checkoutcounty", {"DATABASE": shared, "COUNTY_CODE": county_code, "OUTPUT": copy})
    in_copy = patches(str(copy))
    assert in_copy and all(row["county_code"] == county_code for row in in_copy.values())
    first, second = sorted(in_copy)[:2]
    for number, text in ((first, "外业核实：越界开采"), (second, "外业核实：已复垦")):
        source = ogr.Open(str(copy), update=1)
        layer = source.GetLayerByName("patches")
        layer.SetAttributeFilter(f"patch_no = '{number}'")
        feature = layer.GetNextFeature()
        feature.SetField("finding", text)
        layer.SetFeature(feature)
        layer = None
        source = None
    pg_server.psql(f"UPDATE patches SET finding = '县局：已立案' WHERE patch_no = '{second}'", dbname=dbname)

    answer = qgis.run("checkindatabase", {"COPY": copy, "DATABASE": shared, "CONFLICTS": tmp_path / "conflicts.csv"})
    assert (answer["results"]["UPDATED"], answer["results"]["CONFLICT_COUNT"]) == (1, 1)
    stored = patches(shared)
    assert stored[first]["finding"] == "外业核实：越界开采" and stored[second]["finding"] == "县局：已立案"
    conflicts = (tmp_path / "conflicts.csv").read_text(encoding="utf-8")
    assert second in conflicts and "外业核实：已复垦" in conflicts and "县局：已立案" in conflicts

    with pytest.raises(QgisProcessError) as refused:
        qgis.run("checkindatabase", {"COPY": copy, "DATABASE": shared})
    message = str(refused.value)
    assert "already checked in" in message and "Traceback" not in message
    assert "ms-admin-test-password" not in message

    # the technician writes "副本" (the field copy) in the take column of the conflicts table and resolves
    with open(tmp_path / "conflicts.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(row["feature_key"], row["take"]) for row in rows] == [(second, "")] and rows[0]["checkout_id"]
    rows[0]["take"] = "副本"
    with open(tmp_path / "choices.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    answer = qgis.run("resolvecheckin", {"DATABASE": shared, "CONFLICTS": tmp_path / "choices.csv",
                                         "OUTPUT": tmp_path / "open.csv"})
    assert (answer["results"]["TAKEN"], answer["results"]["OPEN"]) == (1, 0)
    assert patches(shared)[second]["finding"] == "外业核实：已复垦"  # nothing of the field copy lost
    pg_server.psql(f"UPDATE patches SET finding = '县局：复核' WHERE patch_no = '{second}'", dbname=dbname)
    again = qgis.run("resolvecheckin", {"DATABASE": shared, "CONFLICTS": tmp_path / "choices.csv"})
    assert (again["results"]["TAKEN"], again["results"]["ALREADY"]) == (0, 1)  # resolved once
    assert patches(shared)[second]["finding"] == "县局：复核"
    rows[0]["take"] = "服务器"
    with open(tmp_path / "choices.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(QgisProcessError) as refused:
        qgis.run("resolvecheckin", {"DATABASE": shared, "CONFLICTS": tmp_path / "choices.csv"})
    assert "already resolved" in str(refused.value) and "Traceback" not in str(refused.value)
