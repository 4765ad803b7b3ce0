"""Issue 14: a province's special-survey comparison inside PostgreSQL/PostGIS, side by side with the local path.

A province (default 10,000 mines of bench_survey.py's ``generate``: star-shaped licences of 40–200 corners, extents
of 50–500 vertices, a third beyond their boundary, a previous round; fixed seed) is stored once in a GeoPackage
supervision database and once in a PostGIS one on a throwaway server on loopback (tests/pg_server.py); the rounds
go in through the store's own ``import_survey``. Each round compares the current survey round with the licences and
the previous round by ``compare_stored_round`` on both stores: on the GeoPackage every extent and licence is read
into this process and overlaid with shapely; on PostGIS the overlays run in the server and only the numbers and the
pieces found travel. Medians of alternating rounds, and whether every mine's answer agrees (areas and distances to
0.01, corners, findings).

    .venv/bin/python bench/bench_survey_server.py                # 10,000 mines
    .venv/bin/python bench/bench_survey_server.py --mines 2000
"""

from __future__ import annotations

import argparse
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

from bench_survey import generate, write_layer  # noqa: E402
from pg_server import start_server  # noqa: E402

gdal.UseExceptions()


def _fill(location: str, data: dict, folder: Path) -> None:
    """The licences written as rows of ``mining_rights``; the two rounds imported by ``import_survey``."""
    import shapely

    from mine_supervision_plugin.store.database import open_database
    from mine_supervision_plugin.store.ogr_util import to_ogr_geometry
    from mine_supervision_plugin.store.surveys import import_survey

    store = open_database(location)
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        for number, geometry, top, bottom in zip(data["numbers"], data["licences"], data["tops"], data["bottoms"]):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("license_no", number)
            feature.SetField("depth_top_m", top)
            feature.SetField("depth_bottom_m", bottom)
            feature.SetGeometry(to_ogr_geometry(shapely.MultiPolygon(list(shapely.get_parts(geometry)))))
            layer.CreateFeature(feature)
    for round_id, name in (("2026-1", "previous"), ("2026-2", "survey")):
        import_survey(store, folder / f"{name}.gpkg", round_id=round_id)


def _write_rounds(data: dict, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write_layer(folder / "survey.gpkg", "survey", data["current"],
                {"license_no": data["numbers"], "elevation_top_m": data["e_top"],
                 "elevation_bottom_m": data["e_bottom"]})
    write_layer(folder / "previous.gpkg", "previous", data["previous"], {"license_no": data["numbers"]})


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return abs(a - b) <= 0.01
    return a == b


def _differing(local, server) -> list[str]:
    """The mines whose answers differ between the two comparisons."""
    fields = ("license_no", "matched", "extents", "surveyed_area_m2", "outside_area_m2", "outside_pieces",
              "max_distance_m", "growth_area_m2", "growth_outside_area_m2", "grew_toward_boundary", "approaching",
              "boundary_distance_m", "above_top_m", "below_bottom_m")
    differing = []
    if len(local.summary["license_no"]) != len(server.summary["license_no"]):
        return ["(the number of mines)"]
    corners_local: dict = {}
    corners_server: dict = {}
    for table, corners in ((local.outside, corners_local), (server.outside, corners_server)):
        for number, area, where in zip(table["license_no"], table["area_m2"], table["near_corners"]):
            corners.setdefault(number, []).append((round(area), where))
    for k, number in enumerate(local.summary["license_no"]):
        same = all(_close(local.summary[name][k], server.summary[name][k]) for name in fields)
        if not same or sorted(corners_local.get(number, [])) != sorted(corners_server.get(number, [])):
            differing.append(number)
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mines", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from mine_supervision_plugin.analysis.survey_findings import compare_stored_round
    from mine_supervision_plugin.store.database import create_database, open_database

    folder = Path(tempfile.mkdtemp(prefix="bench-pg-survey-"))
    print(f"Generating {args.mines:,} mines, their licences and two rounds...", flush=True)
    data = generate(args.mines)
    vertices = [len(g.exterior.coords) - 1 for g in data["current"] if g.geom_type == "Polygon"]
    _write_rounds(data, folder / "rounds")
    server = start_server()
    try:
        gpkg = create_database(folder / "province.gpkg", 4526)
        pg = server.create_database("province")
        create_database(pg, 4526)
        started = time.perf_counter()
        _fill(gpkg, data, folder / "rounds")
        _fill(pg, data, folder / "rounds")
        server.psql("VACUUM ANALYZE", dbname="province")
        print(f"province: {args.mines:,} mines, extents of {min(vertices)}–{max(vertices)} vertices (mean "
              f"{np.mean(vertices):.0f}), two rounds, written to both stores in {time.perf_counter() - started:.1f} s",
              flush=True)
        stores = {"local": open_database(gpkg), "server": open_database(pg)}
        times: dict[str, list[float]] = {"local": [], "server": []}
        answers = {}
        for round_no in range(args.rounds):
            for phase, store in stores.items():
                began = time.perf_counter()
                answers[phase] = compare_stored_round(store, "2026-2", "2026-1")
                times[phase].append(time.perf_counter() - began)
                summary = answers[phase].summary
                print(f"round {round_no + 1} {phase:6s}: {times[phase][-1]:7.2f} s  {len(summary['license_no']):,} "
                      f"mines, {sum(summary['outside_pieces']):,} pieces outside, {sum(summary['approaching']):,} "
                      f"approaching, {sum(summary['grew_toward_boundary']):,} grew toward the boundary", flush=True)
        m_local, m_server = statistics.median(times["local"]), statistics.median(times["server"])
        differing = _differing(answers["local"], answers["server"])
        print(f"\nmedian local (GeoPackage, shapely in this process) {m_local:.2f} s; server (PostGIS SQL) "
              f"{m_server:.2f} s; server/local {m_server / m_local:.2f}; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} CPUs")
        print(f"mines whose answers differ between the two paths: {len(differing)} of "
              f"{len(answers['local'].summary['license_no']):,} {differing[:5]}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
