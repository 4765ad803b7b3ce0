"""The database pre-judgment inside PostgreSQL gives the answers of the array path, patch by patch.

The same random county (overlapping, expired, not-yet-valid and invalid licences, zones of several list years,
patches of several years with repeats, a bow-tie, an undated patch, one without geometry) is stored in a
GeoPackage and in PostGIS; both are pre-judged and every stored answer is compared.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from osgeo import gdal, ogr
from shapely.geometry import MultiPolygon, Polygon, box

from mine_supervision_plugin.analysis.prejudge_store import prejudge_database
from mine_supervision_plugin.analysis.single_patch import RESULT_FIELDS
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry

X0, Y0 = 38_500_000.0, 4_000_000.0
gdal.UseExceptions()


def _insert(store, table: str, rows: list[dict]) -> None:
    with store.transaction() as source:
        layer = source.GetLayerByName(table)
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in row.items():
                if name == "geometry":
                    if value is not None:  # the store's tables hold multipolygons
                        feature.SetGeometry(to_ogr_geometry(MultiPolygon([value])))
                else:
                    set_field(feature, name, value)
            layer.CreateFeature(feature)


def _county(rng: np.random.Generator) -> dict[str, list[dict]]:
    rights = []
    for i in range(40):
        x, y = X0 + rng.uniform(0, 20_000), Y0 + rng.uniform(0, 20_000)
        w, h = rng.uniform(300, 2500), rng.uniform(300, 2500)
        start = dt.date(2010 + int(rng.integers(0, 12)), 1 + int(rng.integers(0, 12)), 1)
        end = start.replace(year=start.year + int(rng.integers(2, 15)))
        rights.append({"license_no": f"C{i:03d}", "mine_name": f"矿{i}", "holder": f"公司{i % 7}",
                       "valid_from": start if i % 9 else None, "valid_to": end if i % 11 else None,
                       "geometry": box(x, y, x + w, y + h)})
    # an invalid (self-intersecting) licence
    rights.append({"license_no": "C-BOW", "mine_name": "蝴蝶", "holder": "公司", "geometry":
                   Polygon([(X0, Y0), (X0 + 2000, Y0 + 2000), (X0 + 2000, Y0), (X0, Y0 + 2000)])})
    zones = [
        {"name": "甲区", "level": "county", "year": 2022, "geometry": box(X0, Y0, X0 + 10_000, Y0 + 10_000)},
        {"name": "乙区", "level": "省级", "year": 2024, "geometry": box(X0 + 5000, Y0, X0 + 20_000, Y0 + 12_000)},
        {"name": "常设区", "level": "city", "year": None, "geometry": box(X0 + 8000, Y0 + 8000, X0 + 21_000, Y0 + 21_000)},
    ]
    patches = []
    for i in range(220):
        x, y = X0 + rng.uniform(-500, 21_000), Y0 + rng.uniform(-500, 21_000)
        size = rng.uniform(20, 600)
        year = int(rng.choice([2021, 2022, 2023, 2024, 2025]))
        patches.append({"patch_no": f"P{i:04d}", "year": year if i % 5 else None,
                        "date_after": dt.date(year, 1 + int(rng.integers(0, 12)), 15) if i % 37 else None,
                        "geometry": box(x, y, x + size, y + size * rng.uniform(0.5, 1.5))})
    patches.append({"patch_no": "P-BOW", "year": 2025, "date_after": dt.date(2025, 5, 1), "geometry":
                    Polygon([(X0 + 100, Y0 + 100), (X0 + 600, Y0 + 600), (X0 + 600, Y0 + 100), (X0 + 100, Y0 + 600)])})
    patches.append({"patch_no": "P-NONE", "year": 2025, "date_after": dt.date(2025, 5, 1), "geometry": None})
    return {"mining_rights": rights, "monitoring_zones": zones, "patches": patches}


def _stored(location: str) -> dict[str, dict]:
    source = ogr.Open(location)
    layer = source.GetLayerByName("patches")
    rows = {f.GetField("patch_no"): {k: f.GetField(k) for k in RESULT_FIELDS} for f in layer}
    layer = None
    source = None
    return rows


@pytest.fixture(scope="module")
def county():
    return _county(np.random.default_rng(20261201))


def test_server_prejudgment_equals_the_array_path(tmp_path, pg_database, county):
    local = open_database(create_database(tmp_path / "county.gpkg", 4526))
    create_database(pg_database, 4526)
    server = open_database(pg_database)
    for store in (local, server):
        for table, rows in county.items():
            _insert(store, table, rows)

    local_report = prejudge_database(local)
    server_report = prejudge_database(server)

    assert server_report.judged == local_report.judged == len(county["patches"]) - 1
    assert server_report.counts == local_report.counts
    assert len(server_report.counts) >= 4, server_report.counts  # the county exercises the rules
    expected, got = _stored(local.location), _stored(server.location)
    assert set(got) == set(expected)
    differences = []
    for number, row in expected.items():
        for name, value in row.items():
            other = got[number][name]
            if isinstance(value, float) or isinstance(other, float):
                same = (value is None and other is None) or (
                    value is not None and other is not None and math.isclose(value, other, rel_tol=1e-7, abs_tol=1e-4)
                )
            else:
                same = value == other
            if not same:
                differences.append((number, name, value, other))
    assert differences == []
    assert got["P-BOW"]["prejudge_note"] and "repaired" in got["P-BOW"]["prejudge_note"]
    assert got["P-NONE"]["prejudgment"] is None and got["P-NONE"]["prejudge_note"]
    assert any(row["repeat_years"] for row in got.values())
    assert any(row["zone_name"] == "常设区" for row in got.values())


def test_a_cancelled_server_prejudgment_writes_nothing(pg_database, county):
    create_database(pg_database, 4526)
    server = open_database(pg_database)
    for table, rows in county.items():
        _insert(server, table, rows)
    report = prejudge_database(server, is_canceled=lambda: True)
    assert report.judged == 0
    assert all(row["prejudgment"] is None for row in _stored(server.location).values())
