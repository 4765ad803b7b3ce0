"""Benchmark: read 5,000 licence coordinate files, then store them in a supervision GeoPackage.

    .venv/bin/python bench/bench_import_coordinates.py [--files 5000] [--keep DIR]

Files are generated with a fixed seed: half mining-right registration txt
(GBK), half land coordinate exchange txt; irregular star-shaped parcels of
4–40 corners, 500 m to 1.6 km across, in CGCS2000 zone 38 with the zone
prefix; one licence in five has 2–3 parcels, one in ten an excluded parcel
cut out of its first parcel. Prints files per second for reading (with every
check of the ministry) and licences per second for the database upsert.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel  # noqa: E402
from mine_supervision_plugin.formats.coordinate_writers import (  # noqa: E402
    write_land_exchange_txt,
    write_registration_txt,
)
from mine_supervision_plugin.formats.coordinates import read_coordinate_files  # noqa: E402
from mine_supervision_plugin.formats.geometry import area_summary, licence_multipolygon  # noqa: E402
from mine_supervision_plugin.store.database import create_database, open_database  # noqa: E402
from mine_supervision_plugin.store.rights import upsert_licences  # noqa: E402

SEED = 20_240_601
MINERALS = ("建筑石料用灰岩", "煤", "铁矿", "金矿", "水泥用灰岩", "砖瓦用页岩", "石英岩", "萤石")
METHODS = ("open_pit", "underground", "combined")


def ring(rng: random.Random, north: float, east: float, radius: float, count: int, start: int) -> list[Corner]:
    """A star-shaped (hence simple) ring: one corner per angular sector, clockwise as surveyors number them."""
    corners = []
    for i in range(count):
        angle = -2 * math.pi * (i + rng.uniform(0.1, 0.9)) / count
        r = radius * rng.uniform(0.6, 1.0)
        corners.append(Corner(start + i, round(north + r * math.sin(angle), 2), round(east + r * math.cos(angle), 2)))
    return corners


def make_licence(rng: random.Random, index: int) -> Licence:
    north = rng.uniform(3_800_000, 3_900_000)
    east = 38_000_000 + rng.uniform(450_000, 560_000)
    parcels = []
    count = 1 if rng.random() >= 0.2 else rng.choice((2, 3))
    radius = rng.uniform(250, 800)
    for p in range(count):
        corners = rng.randint(4, 40)
        centre_east = east + p * 2.5 * radius  # side by side, never overlapping (radius ≤ R)
        parcels.append(Parcel(str(p + 1), ring(rng, north, centre_east, radius, corners, 1),
                              rng.choice((1200.0, 800.0, 450.0)), rng.choice((100.0, -50.0, 300.0))))
    first = parcels[0]
    if rng.random() < 0.1 and len(first.corners) >= 8:
        # A cut-out well inside the first parcel: radius 0.25 R against an inner radius above 0.45 R.
        parcels.append(Parcel(str(len(parcels) + 1), ring(rng, north, east, radius * 0.25, rng.randint(3, 6), 1),
                              first.depth_top_m, first.depth_bottom_m, excluded=True))
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    licence = Licence(
        license_no=f"C41070020{index:06d}{rng.randrange(10**8):08d}",
        mine_name=f"示范县第{index}号{rng.choice(MINERALS)}矿",
        holder=f"示范县矿业公司{index}",
        mineral=rng.choice(MINERALS),
        mining_method=rng.choice(METHODS),
        production_scale=f"{rng.choice((5, 10, 30, 60, 100))}万吨/年",
        valid_from=start,
        valid_to=start + dt.timedelta(days=365 * rng.choice((3, 5, 10))),
        crs_epsg=4526,
        parcels=parcels,
        attributes={"生产状态": rng.choice(("在产", "停产", "基建", "关闭"))},
    )
    licence.licensed_area_km2 = area_summary(licence_multipolygon(licence), 4526)["ellipsoidal_km2"]
    return licence


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(SEED)
    paths = []
    for index in range(count):
        licence = make_licence(rng, index)
        if index % 2:
            path = folder / f"{index:05d}_登记.txt"
            write_registration_txt(licence, path)
        else:
            path = folder / f"{index:05d}_交换.txt"
            write_land_exchange_txt(licence, path)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--keep", type=Path, help="write the files and the database here and keep them")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-coordinates-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = folder / "files"
        files.mkdir(exist_ok=True)
        started = time.perf_counter()
        paths = generate(files, args.files)
        generated = time.perf_counter() - started

        started = time.perf_counter()
        batch = read_coordinate_files(files)
        reading = time.perf_counter() - started
        licences = [licence for result in batch.results for licence in result.licences]
        corners = sum(len(p.corners) for licence in licences for p in licence.parcels)
        parcels = sum(len(licence.parcels) for licence in licences)
        if batch.failures:
            first = next(iter(batch.failures.items()))
            print(f"REFUSED {len(batch.failures)} files, first: {first[0]}: {first[1][0]}")

        database = folder / "bench.gpkg"
        if database.exists():
            database.unlink()
        store = open_database(create_database(database, 4526))
        started = time.perf_counter()
        report = upsert_licences(store, licences)
        storing = time.perf_counter() - started
        started = time.perf_counter()
        again = upsert_licences(store, licences)
        checking = time.perf_counter() - started

        print(f"generated {len(paths)} files ({parcels} parcels, {corners} corners) in {generated:.1f} s")
        print(f"read + checked: {len(batch.results)} accepted, {len(batch.failures)} refused in {reading:.2f} s "
              f"= {len(paths) / reading:.0f} files/s")
        print(f"upsert (create) {len(report.created)} licences in one transaction: {storing:.2f} s "
              f"= {len(licences) / storing:.0f} licences/s")
        print(f"upsert again (all unchanged: {len(again.unchanged)}): {checking:.2f} s "
              f"= {len(licences) / checking:.0f} licences/s")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
