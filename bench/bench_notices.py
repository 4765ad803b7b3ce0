"""Bench: 1,000 rectification notices with map figures (goal: at most 60 s on 2 cores), side by side with
QGIS's own Atlas export of an equivalent one-page layout over the same findings, both inside the real QGIS
desktop (qgis --code on Xvfb, bench/in_qgis_notices.py), the plugin as built (MS_PLUGIN_DIR).

    python bench/bench_notices.py [--holders 1000] [--atlas-limit 0]

``--atlas-limit N`` exports only the first N atlas pages (the Atlas rate is then extrapolated to all).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("MS_PLUGIN_DIR"):
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])


def write_data(folder: Path, holders: int) -> None:
    """``holders`` licences (one holder each, 6 corners) on a grid, each with one out-of-bounds patch."""
    from osgeo import ogr, osr

    from mine_supervision_plugin.store.database import create_database

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    driver = ogr.GetDriverByName("GPKG")
    rights = driver.CreateDataSource(str(folder / "rights.gpkg"))
    rl = rights.CreateLayer("rights", srs, ogr.wkbPolygon)
    patches = driver.CreateDataSource(str(folder / "patches.gpkg"))
    pl = patches.CreateLayer("patches", srs, ogr.wkbPolygon)
    for name in ("license_no", "holder", "mine_name"):
        rl.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for name, kind in (("patch_no", ogr.OFTString), ("prejudgment", ogr.OFTString), ("license_no", ogr.OFTString),
                       ("inside_area_m2", ogr.OFTReal), ("outside_area_m2", ogr.OFTReal)):
        pl.CreateField(ogr.FieldDefn(name, kind))
    rl.StartTransaction()
    pl.StartTransaction()
    for i in range(holders):
        x = 38_400_000 + (i % 40) * 1500
        y = 4_000_000 + (i // 40) * 1500
        ring = [(x, y), (x + 500, y), (x + 600, y + 250), (x + 450, y + 500), (x, y + 450), (x - 80, y + 200), (x, y)]
        feature = ogr.Feature(rl.GetLayerDefn())
        feature.SetField("license_no", f"C14000020260{i:05d}")
        feature.SetField("holder", f"长治市第{i + 1}号矿业有限公司")
        feature.SetField("mine_name", f"第{i + 1}号石灰岩矿")
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON((" + ",".join(f"{a} {b}" for a, b in ring) + "))"))
        rl.CreateFeature(feature)
        patch = ogr.Feature(pl.GetLayerDefn())
        patch.SetField("patch_no", f"WP2026-{i + 1:05d}")
        patch.SetField("prejudgment", "out_of_bounds")
        patch.SetField("license_no", f"C14000020260{i:05d}")
        patch.SetField("inside_area_m2", 6000.0)
        patch.SetField("outside_area_m2", 4000.0)
        patch.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x + 450} {y + 150},{x + 650} {y + 150},{x + 650} {y + 200},{x + 450} {y + 200},"
            f"{x + 450} {y + 150}))"))
        pl.CreateFeature(patch)
    rl.CommitTransaction()
    pl.CommitTransaction()
    rights = patches = rl = pl = None
    create_database(folder / "bench.gpkg", crs_epsg=4526)


def in_qgis(phase: str, folder: Path, extra: dict | None = None) -> dict:
    from desktop import run_phase_in_qgis

    return run_phase_in_qgis(ROOT / "bench" / "in_qgis_notices.py", phase, folder, extra, timeout=7200)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--holders", type=int, default=1000)
    parser.add_argument("--atlas-limit", type=int, default=0)
    parser.add_argument("--folder", type=Path, default=ROOT / "bench" / "out" / "notices")
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    write_data(folder, args.holders)
    ours = in_qgis("notices", folder)
    atlas = in_qgis("atlas", folder, {"BENCH_ATLAS_LIMIT": str(args.atlas_limit)})
    pages = atlas["pages"] or 1
    atlas_all = atlas["time_s"] / pages * args.holders
    print(f"rectificationnotices: {ours['notices']} notices (PDF with QGIS map at 300 dpi, numbered and recorded) "
          f"in {ours['time_s']:.1f} s ({ours['time_s'] / max(ours['notices'], 1) * 1000:.0f} ms each); goal ≤ 60 s")
    print(f"QGIS Atlas export (one A4 page, map with grid, legend, scale bar, north arrow, 300 dpi): {pages} pages "
          f"in {atlas['time_s']:.1f} s ({atlas['time_s'] / pages * 1000:.0f} ms each; {atlas_all:.0f} s for "
          f"{args.holders})")
    (folder / "result.json").write_text(json.dumps({"notices": ours, "atlas": atlas}, indent=1), encoding="utf-8")
    return 0 if ours["time_s"] <= 60 and ours["notices"] == args.holders else 1


if __name__ == "__main__":
    sys.exit(main())
