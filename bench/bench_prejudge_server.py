"""Issue 14: a province's database pre-judgment inside PostgreSQL/PostGIS, side by side with the local path.

A province (default 10,000 licences, 100,000 patches of five years, 30 key monitoring zones; fixed seed) is stored
once in a GeoPackage supervision database and once in a PostGIS one on a throwaway server on loopback
(tests/pg_server.py). Each round pre-judges both stores with ``prejudge_database`` inside the real QGIS desktop
(bench/desktop.py): on the GeoPackage the arrays path reads every geometry into QGIS's process, on PostGIS the
overlays run in the server and only one row of numbers per patch travels. Medians of alternating rounds, and whether
every patch's answer agrees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
if os.environ.get("MS_PLUGIN_DIR"):
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])

from desktop import run_phase_in_qgis  # noqa: E402
from pg_server import start_server  # noqa: E402

gdal.UseExceptions()
X0, Y0 = 38_400_000.0, 3_900_000.0


def _box(x: float, y: float, w: float, h: float) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)):
        ring.AddPoint_2D(px, py)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    multi.AddGeometry(polygon)
    return multi


def _fill(path: str, licences: int, patches: int, seed: int) -> None:
    from mine_supervision_plugin.store.database import open_database

    rng = np.random.default_rng(seed)
    extent = math.sqrt(licences) * 2500.0
    store = open_database(path)
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        for i in range(licences):
            feature = ogr.Feature(layer.GetLayerDefn())
            start = dt.date(2008 + int(rng.integers(0, 14)), 1 + int(rng.integers(0, 12)), 1)
            feature.SetField("license_no", f"C{i:06d}")
            feature.SetField("mine_name", f"矿山{i}")
            feature.SetField("holder", f"公司{i % 997}")
            feature.SetField("valid_from", start.isoformat())
            feature.SetField("valid_to", start.replace(year=start.year + int(rng.integers(3, 15))).isoformat())
            feature.SetGeometry(_box(X0 + rng.uniform(0, extent), Y0 + rng.uniform(0, extent),
                                     rng.uniform(300, 2000), rng.uniform(300, 2000)))
            layer.CreateFeature(feature)
        zones = source.GetLayerByName("monitoring_zones")
        for i in range(30):
            feature = ogr.Feature(zones.GetLayerDefn())
            feature.SetField("name", f"重点矿区{i}")
            feature.SetField("level", ("county", "city", "province", "ministry")[i % 4])
            feature.SetField("year", (2022, 2024, None)[i % 3] or None)
            feature.SetGeometry(_box(X0 + rng.uniform(0, extent), Y0 + rng.uniform(0, extent),
                                     rng.uniform(5000, 20000), rng.uniform(5000, 20000)))
            zones.CreateFeature(feature)
        layer = source.GetLayerByName("patches")
        for i in range(patches):
            feature = ogr.Feature(layer.GetLayerDefn())
            year = 2021 + int(rng.integers(0, 5))
            feature.SetField("patch_no", f"P{i:07d}")
            feature.SetField("year", year)
            feature.SetField("date_after", dt.date(year, 1 + int(rng.integers(0, 12)), 15).isoformat())
            size = rng.uniform(20, 400)
            feature.SetGeometry(_box(X0 + rng.uniform(0, extent), Y0 + rng.uniform(0, extent), size, size * 0.8))
            layer.CreateFeature(feature)


def _answers(location: str) -> dict:
    source = ogr.Open(location)
    layer = source.GetLayerByName("patches")
    layer.SetIgnoredFields(["OGR_GEOMETRY"])
    rows = {f.GetField("patch_no"): (f.GetField("prejudgment"), f.GetField("inside_area_m2"), f.GetField("license_no"),
                                     f.GetField("zone_name"), f.GetField("repeat_years")) for f in layer}
    layer = None
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--licences", type=int, default=10_000)
    parser.add_argument("--patches", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    from mine_supervision_plugin.store.database import create_database

    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    server = start_server()
    try:
        gpkg = create_database(folder / "province.gpkg", 4526)
        pg = server.create_database("province")
        create_database(pg, 4526)
        started = time.perf_counter()
        _fill(gpkg, args.licences, args.patches, args.seed)
        _fill(pg, args.licences, args.patches, args.seed)
        server.psql("VACUUM ANALYZE", dbname="province")
        print(f"province: {args.licences:,} licences, {args.patches:,} patches, written to both stores in "
              f"{time.perf_counter() - started:.1f} s")
        times = {"local": [], "server": []}
        for round_no in range(args.rounds):
            for phase, store in (("local", gpkg), ("server", pg)):
                report = run_phase_in_qgis(ROOT / "bench" / "in_qgis_store_prejudge.py", phase, folder,
                                           {"BENCH_STORE": store})
                times[phase].append(report["time_s"])
                print(f"round {round_no + 1} {phase:6s}: {report['time_s']:7.2f} s  judged {report['judged']:,} "
                      f"{report['counts']}")
        local, remote = _answers(gpkg), _answers(pg)
        differing = [key for key, row in local.items()
                     if row[0] != remote[key][0] or row[2:] != remote[key][2:]
                     or not math.isclose(row[1] or 0.0, remote[key][1] or 0.0, rel_tol=1e-7, abs_tol=1e-3)]
        m_local, m_server = statistics.median(times["local"]), statistics.median(times["server"])
        print(f"median local (GeoPackage, arrays in QGIS) {m_local:.2f} s; server (PostGIS SQL) {m_server:.2f} s; "
              f"server/local {m_server / m_local:.2f}")
        print(f"answers differing between the two paths: {len(differing)} of {len(local):,} {differing[:5]}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
