"""The zones and rights docks' patrol compliance for a province: 10,000 mines, 500,000 inspections, 20 zones.

Generates a GeoPackage (fixed seed; licences on a 1 km grid, inspections spread over one year, twenty 15 km
zones of the year's list) and times what the docks compute in their QgsTask: ``overdue_mines`` (the rights
dock's patrols column) and ``zones_report`` (the zones dock: zones in force, their mines, compliance).
``--mines N --inspections M``, ``--keep DIR``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from osgeo import ogr  # noqa: E402

from mine_supervision_plugin.analysis.zones_report import overdue_mines, zones_report  # noqa: E402
from mine_supervision_plugin.store.database import create_database, open_database  # noqa: E402

E0, N0 = 38_400_000.0, 3_800_000.0


def square(x: float, y: float, size: float) -> str:
    return f"MULTIPOLYGON((({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y})))"


def generate(path: Path, mines: int, inspections: int, year: int) -> None:
    create_database(path)
    rnd = random.Random(2026)
    source = ogr.Open(str(path), update=1)
    source.StartTransaction()
    rights, patrols, zones = (source.GetLayerByName(n) for n in ("mining_rights", "inspections", "monitoring_zones"))
    side = int(mines ** 0.5) + 1
    for i in range(mines):
        feature = ogr.Feature(rights.GetLayerDefn())
        for name, value in (("license_no", f"C41{i:020d}"), ("mine_name", f"矿{i}"), ("holder", "某"),
                            ("status", rnd.choice(("producing", "suspended", "construction", "closed")))):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(square(E0 + (i % side) * 1000, N0 + (i // side) * 1000, 500)))
        rights.CreateFeature(feature)
    first = dt.date(year, 1, 1).toordinal()
    for _ in range(inspections):
        feature = ogr.Feature(patrols.GetLayerDefn())
        number = f"C41{rnd.randrange(mines):020d}"
        day = dt.date.fromordinal(first + rnd.randrange(365))
        feature.SetField("license_no", number)
        feature.SetField("license_nos", number)
        feature.SetField("kind", "patrol")
        feature.SetField("inspection_date", day.year, day.month, day.day, 0, 0, 0, 0)
        patrols.CreateFeature(feature)
    for z in range(20):
        feature = ogr.Feature(zones.GetLayerDefn())
        for name, value in (("name", f"重点矿区{z}"), ("level", "province"), ("year", year)):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(square(E0 + (z % 5) * 20_000, N0 + (z // 5) * 20_000, 15_000)))
        zones.CreateFeature(feature)
    source.CommitTransaction()
    source = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mines", type=int, default=10_000)
    parser.add_argument("--inspections", type=int, default=500_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    year = 2026
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_zones_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "province.gpkg"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.mines, args.inspections, year)
        print(f"generated {args.mines:,} mines, {args.inspections:,} inspections in {time.perf_counter() - started:.1f} s")
    store = open_database(path)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    started = time.perf_counter()
    overdue = overdue_mines(store, start, end)
    print(f"overdue_mines (rights dock): {time.perf_counter() - started:.2f} s, "
          f"{sum(m.overdue for m in overdue.values()):,} of {len(overdue):,} mines overdue")
    started = time.perf_counter()
    report = zones_report(store, year, start, end)
    print(f"zones_report (zones dock): {time.perf_counter() - started:.2f} s, {len(report.zones)} zones, "
          f"{sum(len(z.mines) for z in report.zones):,} mines in them")


if __name__ == "__main__":
    main()
