"""The demo county generator: counts, variety, readable files and determinism."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from osgeo import gdal, ogr

from demo.county import generate
from mine_supervision_plugin.formats.coordinates import read_coordinate_files

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    out = tmp_path_factory.mktemp("county")
    return generate(out, seed=2026, today=TODAY)


def _features(path: Path, layer_name: str | None = None) -> list[dict]:
    # QGIS's OGR provider sets SHAPE_ENCODING="" process-wide once a test opened a shapefile in QGIS:
    # read with GDAL's own .cpg handling, as a user's GDAL does.
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        return _read_features(path, layer_name)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)


def _read_features(path: Path, layer_name: str | None = None) -> list[dict]:
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    rows = []
    for feature in layer:
        row = feature.items()
        row["_geometry"] = feature.GetGeometryRef().Clone()
        rows.append(row)
    return rows


def test_rights_files_read_back(county):
    files = county["rights_files"]
    assert len([f for f in files if f.suffix == ".txt"]) >= 64
    batch = read_coordinate_files(county["rights_dir"])
    assert batch.failures == {}
    licences = [licence for result in batch.results for licence in result.licences]
    assert len(licences) == county["counts"]["licences"] >= 66
    assert {result.crs_epsg for result in batch.results} == {4526}
    assert len({licence.license_no for licence in licences}) == len(licences)
    formats = Counter(result.format for result in batch.results)
    assert len(formats) == 3
    counts = county["counts"]
    assert counts["registration_files"] == counts["land_exchange_files"] == 32
    assert counts["table_licences"] == 2
    assert counts["two_parcel_licences"] >= 6
    assert any(parcel.excluded for licence in licences for parcel in licence.parcels)
    for licence in licences:
        assert licence.license_no.startswith("C1404042010127130") and len(licence.license_no) == 23
        assert 4 <= len([c for c in licence.parcels[0].corners if c.ring == 1]) <= 24
        east = licence.parcels[0].corners[0].y
        assert 38_440_000 < east < 38_480_000


def test_gbk_text_is_chinese(county):
    text = next(f for f in county["rights_files"] if f.suffix == ".txt").read_bytes()
    decoded = text.decode("gbk")
    assert "矿" in decoded and "有限公司" in decoded
    with pytest.raises(UnicodeDecodeError):
        text.decode("utf-8")


def test_rights_truth_and_attributes(county):
    rows = _features(county["rights_truth"], "mining_rights")
    assert len(rows) == county["counts"]["licences"]
    valid_to = [dt.date.fromisoformat(r["valid_to"].replace("/", "-")) for r in rows]
    assert sum(v < TODAY for v in valid_to) >= 8
    assert sum(TODAY <= v <= TODAY + dt.timedelta(days=90) for v in valid_to) >= 5
    assert {r["mining_method"] for r in rows} == {"open_pit", "underground", "combined"}
    geometries = [r["_geometry"] for r in rows]
    for k, a in enumerate(geometries):
        assert a.IsValid()
        assert 0.05e6 <= a.GetArea() <= 4e6
        for b in geometries[k + 1 :]:
            assert not a.Intersects(b)
    with open(county["rights_attributes"], encoding="utf-8-sig") as stream:
        attributes = list(csv.DictReader(stream))
    statuses = Counter(r["status"] for r in attributes)
    assert set(statuses) == {"producing", "suspended", "construction", "closed"}
    assert statuses.most_common(1)[0][0] == "producing"
    credit = Counter(r["credit_status"] for r in attributes)
    assert credit["abnormal_list"] >= 4 and credit["serious_dishonesty"] == 1


def test_zones(county):
    rows = _features(county["monitoring_zones"], "monitoring_zones")
    assert len(rows) == 3
    assert {r["level"] for r in rows} == {"province", "city", "county"}
    assert all(r["year"] == 2026 for r in rows)
    rights = _features(county["rights_truth"], "mining_rights")
    for zone in rows:
        inside = [r for r in rights if zone["_geometry"].Contains(r["_geometry"])]
        assert len(inside) >= 5


def test_patches(county):
    with open(county["patch_truth"], encoding="utf-8") as stream:
        truth = {r["TBBH"]: r for r in csv.DictReader(stream)}
    assert set(Counter(r["expected"] for r in truth.values())) == {"within_licence", "out_of_bounds", "expired_licence", "unlicensed"}
    invalid = 0
    for year in (2024, 2025, 2026):
        path = county["patch_shapefiles"][year]
        assert path.with_suffix(".prj").exists()
        assert path.with_suffix(".cpg").exists() == (year != 2026)
        if year != 2026:
            assert path.with_suffix(".cpg").read_text().strip() == "GBK"
        rows = _features(path)
        assert len(rows) >= 30
        expected = Counter(truth[r["TBBH"]]["expected"] for r in rows)
        assert len(expected) == 4
        for r in rows:
            assert r["TBBH"].startswith(f"140404-{year}-") and r["XZQDM"] == "140404"
            assert r["QSX"] < r["HSX"] and r["HSX"][:4] == str(year) and 9 <= int(r["HSX"][4:6]) <= 11
            assert r["JCMJ"] > 0
            invalid += not r["_geometry"].IsValid()
        # GBK remarks are read as Chinese with the .cpg (and by GBK decoding of the dbf without it)
        dbf = path.with_suffix(".dbf").read_bytes()
        assert "疑似".encode("gbk") in dbf or "图斑".encode("gbk") in dbf
        if year != 2026:
            assert any("疑似" in r["BZ"] or "图斑" in r["BZ"] or "推填土" in r["BZ"] for r in rows)
    assert invalid == 1
    assert county["counts"]["repeats"] >= 6
    # repeats really overlap a patch of an earlier year
    earlier = [r["_geometry"] for r in _features(county["patch_shapefiles"][2024])]
    later = [r["_geometry"] for r in _features(county["patch_shapefiles"][2025]) + _features(county["patch_shapefiles"][2026])]
    assert sum(any(g.Intersects(e) for e in earlier) for g in later if g.IsValid()) >= 4
    patrol = _features(county["patrol_patches"])
    assert len(patrol) == 6 and all(r["TBBH"].startswith("XC-2026-") for r in patrol)
    lon, lat = patrol[0]["_geometry"].Centroid().GetPoint_2D()
    assert 112 < lon < 115 and 35 < lat < 38


def test_inspections_and_surveys(county):
    routes = _features(county["routes"], "routes")
    assert len(routes) > 300
    assert {r["kind"] for r in routes} == {"patrol", "field_check"}
    dates = [r["inspection_date"].replace("/", "-") for r in routes]
    assert min(dates) >= "2025-12-01" and max(dates) <= "2026-11-21"
    assert 0.05 <= county["counts"]["missing_visits"] / county["counts"]["required_visits"] <= 0.15
    with open(county["corner_checks"], encoding="utf-8-sig") as stream:
        checks = list(csv.DictReader(stream))
    assert len({c["license_no"] for c in checks}) >= 10
    assert {c["stake_state"] for c in checks} == {"intact", "damaged", "missing"}
    with open(county["photos"], encoding="utf-8-sig") as stream:
        photos = list(csv.DictReader(stream))
    assert len(photos) >= 2 * len(routes)
    first, second = (_features(path, "survey_extents") for path in county["surveys"])
    assert len(first) == len(second) >= 5
    area1 = {r["license_no"]: r["_geometry"].GetArea() for r in first}
    assert all(r["_geometry"].GetArea() >= area1[r["license_no"]] for r in second)
    rights = {r["license_no"]: r["_geometry"] for r in _features(county["rights_truth"], "mining_rights")}
    beyond = [r["license_no"] for r in second if r["_geometry"].Difference(rights[r["license_no"]]).GetArea() > 1]
    assert len(beyond) == 3
    assert all(rights[r["license_no"]].Contains(r["_geometry"]) for r in first)


def test_imagery(county):
    for key, stamp in (("imagery_before", "2025:10:15"), ("imagery_after", "2026:10:20")):
        path = county[key]
        assert path.stat().st_size < 40_000_000
        ds = gdal.Open(str(path))
        assert ds.RasterCount == 3
        assert ds.GetSpatialRef().GetAuthorityCode(None) == "4526"
        assert ds.GetMetadataItem("TIFFTAG_DATETIME").startswith(stamp)
        assert ds.GetMetadataItem("ACQUISITION_DATE")
        assert ds.GetRasterBand(1).GetOverviewCount() == 4


def test_deterministic(county, tmp_path):
    again = generate(tmp_path / "again", seed=2026, today=TODAY)
    for a, b in zip(county["rights_files"], again["rights_files"]):
        assert a.name == b.name and a.read_bytes() == b.read_bytes()
    assert county["patch_truth"].read_bytes() == again["patch_truth"].read_bytes()
    assert county["rights_attributes"].read_bytes() == again["rights_attributes"].read_bytes()
    assert county["corner_checks"].read_bytes() == again["corner_checks"].read_bytes()


def test_enforcement_files_give_non_trivial_answers(county):
    """Issue 11 item 8: every routine patrol has corner checks, a few fewer than 3; the first determined holder had
    two penalties for illegal mining within two years (seed 003 → transfer); 2026-Q2 has no review."""
    def read(path):
        with open(path, encoding="utf-8-sig") as stream:
            return list(csv.DictReader(stream))

    routes = [r for r in _features(county["routes"], "routes") if r["kind"] == "patrol"]
    per_patrol = Counter(c["inspection_no"] for c in read(county["corner_checks"]))
    assert {r["inspection_no"] for r in routes} <= set(per_patrol)
    short = [n for n, count in per_patrol.items() if count < 3]
    assert 10 <= len(short) <= 0.2 * len(per_patrol)
    determinations = read(county["determinations"])
    assert len(determinations) == 3 and all(TODAY > dt.date.fromisoformat(d["field_check_date"]) for d in determinations)
    cases = read(county["penalty_cases"])
    first = dt.date.fromisoformat(determinations[0]["field_check_date"])
    prior = [c for c in cases if c["license_no"] == determinations[0]["license_no"]
             and first.replace(year=first.year - 2) <= dt.date.fromisoformat(c["decided_on"]) < first]
    assert len(prior) == 2 and {c["violation_type"] for c in prior} == {"越界开采"}
    assert sum(1 for c in cases if c["license_no"] == determinations[1]["license_no"]) == 1
    assert sum(1 for c in cases if c["violation_type"] == "无证开采") == 14
    assert [r["quarter"] for r in read(county["reviews"])] == ["2025-Q4", "2026-Q1", "2026-Q3"]
