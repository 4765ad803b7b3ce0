"""Side-by-side benchmark of the patch pre-judgment (issue 4).

Generates synthetic but realistic data with a fixed seed (licences as irregular
polygons of 20-120 vertices laid out over a county-size area in EPSG:4526, some
licences overlapping a neighbour, some expired; patches of various sizes inside,
straddling and outside licences), writes both layers to GeoPackages, then runs
on the same files, each phase in its own Python process:

* ``native``: the chain a technician would use in QGIS, ``native:intersection``
  then ``native:difference`` (patches against licences), written to GeoPackages,
  run inside the real QGIS desktop on Xvfb (``qgis --code``; QGIS's own GEOS, GDAL, PROJ);
* ``algorithm``: ``minesupervision:prejudgepatches`` end to end inside the QGIS desktop,
  with the plugin as built (layers read from the GeoPackages, output written to a GeoPackage);
* ``core``: :func:`mine_supervision_plugin.analysis.prejudge.prejudge` alone on
  GeoDataFrames read with OGR, with QGIS's GEOS loaded first (LD_PRELOAD; reading timed apart).

It then compares every patch's inside/outside area with the native chain's
(inside = union of the intersection pieces of the patch, outside = area of its
difference piece, both measured with GEOS) and prints times, speed-up, peak RSS
of each phase and the largest area difference.

    .venv/bin/python bench/bench_prejudge.py               # 50,000 patches x 35,000 licences
    .venv/bin/python bench/bench_prejudge.py --small       # 5,000 x 3,500
    .venv/bin/python bench/bench_prejudge.py --patches 20000 --rights 14000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EPSG = 4526  # CGCS2000 3-degree GK zone 38, easting with the zone prefix
X0, Y0 = 38_430_000.0, 4_180_000.0
CELL = 600.0  # one licence per 600 m cell of a jittered grid (plus the overlapping ones)
SEED = 20240604


# --------------------------------------------------------------------------- data


def star_polygons(rng, cx, cy, radius, nverts, amp=0.3):
    """Irregular star-shaped (hence simple) polygons, coordinates rounded to the centimetre."""
    n = len(cx)
    total = int(nverts.sum())
    owner = np.repeat(np.arange(n), nverts)
    start = np.concatenate([[0], np.cumsum(nverts)[:-1]])
    pos = np.arange(total) - start[owner]
    step = 2 * np.pi / nverts[owner]
    phase = rng.uniform(0, 2 * np.pi, n)[owner]
    ang = phase + step * (pos + rng.uniform(-0.35, 0.35, total))  # sorted angles
    k1 = rng.integers(2, 5, n)[owner]
    k2 = rng.integers(5, 9, n)[owner]
    a1 = rng.uniform(0, amp * 0.6, n)[owner]
    a2 = rng.uniform(0, amp * 0.3, n)[owner]
    p1 = rng.uniform(0, 2 * np.pi, n)[owner]
    p2 = rng.uniform(0, 2 * np.pi, n)[owner]
    rad = radius[owner] * (
        1 + a1 * np.sin(k1 * ang + p1) + a2 * np.sin(k2 * ang + p2) + rng.uniform(-0.04, 0.04, total)
    )
    x = np.round(cx[owner] + rad * np.cos(ang), 2)
    y = np.round(cy[owner] + rad * np.sin(ang), 2)
    ends = np.append(start[1:], total)
    xs = np.insert(x, ends, x[start])  # close each ring
    ys = np.insert(y, ends, y[start])
    rings = shapely.linearrings(np.column_stack([xs, ys]), indices=np.repeat(np.arange(n), nverts + 1))
    polys = shapely.polygons(rings)
    bad = ~shapely.is_valid(polys)
    if bad.any():
        polys[bad] = shapely.convex_hull(polys[bad])
    return polys


def generate(n_patches: int, n_rights: int, seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    n_overlap = int(round(n_rights * 0.06))
    n_grid = n_rights - n_overlap
    side_cells = int(np.ceil(np.sqrt(n_grid / 0.6)))
    cells = rng.choice(side_cells * side_cells, n_grid, replace=False)
    ci, cj = np.divmod(cells, side_cells)
    r = np.clip(rng.lognormal(np.log(140), 0.4, n_grid), 50, 220)
    slack = CELL / 2 - 1.32 * r
    cx = X0 + (cj + 0.5) * CELL + rng.uniform(-1, 1, n_grid) * slack
    cy = Y0 + (ci + 0.5) * CELL + rng.uniform(-1, 1, n_grid) * slack
    # licences drawn over a neighbour (adjacent or re-issued licences overlapping)
    host = rng.choice(n_grid, n_overlap, replace=False)
    th = rng.uniform(0, 2 * np.pi, n_overlap)
    ocx = cx[host] + np.cos(th) * r[host] * rng.uniform(0.7, 1.1, n_overlap)
    ocy = cy[host] + np.sin(th) * r[host] * rng.uniform(0.7, 1.1, n_overlap)
    orr = r[host] * rng.uniform(0.4, 0.7, n_overlap)
    rcx, rcy, rr = np.concatenate([cx, ocx]), np.concatenate([cy, ocy]), np.concatenate([r, orr])
    rights = star_polygons(rng, rcx, rcy, rr, rng.integers(20, 121, n_rights))
    order = rng.permutation(n_rights)
    rights, rcx, rcy, rr = rights[order], rcx[order], rcy[order], rr[order]
    is_overlapping = order >= n_grid
    base = dt.date(2008, 1, 1).toordinal()
    valid_from = base + rng.integers(0, 15 * 365, n_rights)
    valid_to = valid_from + rng.integers(3 * 365, 10 * 365, n_rights)

    kind = rng.choice(4, n_patches, p=[0.30, 0.30, 0.08, 0.32])
    lic = rng.integers(0, n_rights, n_patches)
    th = rng.uniform(0, 2 * np.pi, n_patches)
    pcx, pcy, pr = np.empty(n_patches), np.empty(n_patches), np.empty(n_patches)
    m = kind == 0  # well inside a licence
    off = rng.uniform(0, 0.4, m.sum()) * rr[lic[m]]
    pcx[m], pcy[m] = rcx[lic[m]] + np.cos(th[m]) * off, rcy[lic[m]] + np.sin(th[m]) * off
    pr[m] = rr[lic[m]] * rng.uniform(0.05, 0.3, m.sum())
    m = kind == 1  # straddling a licence boundary
    off = rng.uniform(0.85, 1.15, m.sum()) * rr[lic[m]]
    pcx[m], pcy[m] = rcx[lic[m]] + np.cos(th[m]) * off, rcy[lic[m]] + np.sin(th[m]) * off
    pr[m] = rr[lic[m]] * rng.uniform(0.15, 0.6, m.sum())
    m = kind == 2  # over a pair of overlapping licences
    overlapping = np.flatnonzero(is_overlapping)
    pick = overlapping[rng.integers(0, len(overlapping), m.sum())]
    pcx[m], pcy[m] = rcx[pick], rcy[pick]
    pr[m] = rr[pick] * rng.uniform(0.5, 1.2, m.sum())
    m = kind == 3  # anywhere in the county
    pcx[m] = X0 + rng.uniform(0, side_cells * CELL, m.sum())
    pcy[m] = Y0 + rng.uniform(0, side_cells * CELL, m.sum())
    pr[m] = np.clip(rng.lognormal(np.log(60), 0.5, m.sum()), 15, 250)
    patches = star_polygons(rng, pcx, pcy, pr, rng.integers(20, 121, n_patches), amp=0.45)
    date_after = dt.date(2023, 1, 1).toordinal() + rng.integers(0, 730, n_patches)
    date_before = date_after - rng.integers(90, 400, n_patches)
    return {
        "patches": patches,
        "date_before": date_before,
        "date_after": date_after,
        "rights": rights,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "side_km": side_cells * CELL / 1000,
    }


def _write_layer(path: Path, name: str, geoms, fields: list[tuple[str, int]], rows) -> None:
    from osgeo import ogr, osr

    driver = ogr.GetDriverByName("GPKG")
    if path.exists():
        driver.DeleteDataSource(str(path))
    ds = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon, options=["SPATIAL_INDEX=YES"])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    defn = layer.GetLayerDefn()
    wkbs = shapely.to_wkb(geoms)
    layer.StartTransaction()
    for wkb, row in zip(wkbs, rows):
        feature = ogr.Feature(defn)
        for i, value in enumerate(row):
            if isinstance(value, dt.date):
                feature.SetField(i, value.year, value.month, value.day, 0, 0, 0, 0)
            else:
                feature.SetField(i, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None


def write_data(data: dict, folder: Path) -> tuple[Path, Path]:
    from osgeo import ogr

    folder.mkdir(parents=True, exist_ok=True)
    patches_path, rights_path = folder / "patches.gpkg", folder / "rights.gpkg"
    areas = shapely.area(data["patches"])
    fromord = dt.date.fromordinal
    _write_layer(
        patches_path,
        "patches",
        data["patches"],
        [
            ("patch_no", ogr.OFTString),
            ("source", ogr.OFTString),
            ("year", ogr.OFTInteger),
            ("county_code", ogr.OFTString),
            ("date_before", ogr.OFTDate),
            ("date_after", ogr.OFTDate),
            ("area_m2", ogr.OFTReal),
            ("remark", ogr.OFTString),
        ],
        (
            (
                f"TB{fromord(int(a)).year}{i + 1:06d}",
                "satellite",
                fromord(int(a)).year,
                "130123",
                fromord(int(b)),
                fromord(int(a)),
                round(float(area), 2),
                "卫片执法图斑",
            )
            for i, (a, b, area) in enumerate(zip(data["date_after"], data["date_before"], areas))
        ),
    )
    _write_layer(
        rights_path,
        "rights",
        data["rights"],
        [
            ("license_no", ogr.OFTString),
            ("mine_name", ogr.OFTString),
            ("holder", ogr.OFTString),
            ("mineral", ogr.OFTString),
            ("valid_from", ogr.OFTDate),
            ("valid_to", ogr.OFTDate),
        ],
        (
            (
                f"C13000020{int(f) % 10000:04d}{i + 1:010d}",
                f"第{i + 1}号采石场",
                f"某某矿业有限公司{i % 7000 + 1}",
                "建筑用石料",
                fromord(int(f)),
                fromord(int(t)),
            )
            for i, (f, t) in enumerate(zip(data["valid_from"], data["valid_to"]))
        ),
    )
    return patches_path, rights_path


# --------------------------------------------------------------------------- phases


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _in_qgis_desktop(phase: str, folder: Path) -> dict:
    """Run one phase inside the real QGIS desktop on Xvfb (bench/in_qgis_phase.py), plugin as built."""
    from desktop import run_phase_in_qgis

    report = run_phase_in_qgis(ROOT / "bench" / "in_qgis_phase.py", phase, folder)
    if report["geos"]["qgis"].split("-")[0] != report["geos"]["shapely"]:
        raise SystemExit(f"shapely and QGIS use different GEOS: {report['geos']}")
    return report


def phase_native(folder: Path) -> dict:
    """The chain a technician runs, native:intersection then native:difference, inside the QGIS desktop."""
    return _in_qgis_desktop("native", folder)


def phase_algorithm(folder: Path) -> dict:
    """minesupervision:prejudgepatches, gpkg in and gpkg out, inside the QGIS desktop."""
    return _in_qgis_desktop("algorithm", folder)


def read_frame(path: Path, columns: list[str] | None = None):
    """A GeoDataFrame read with GDAL's own OGR (no pyogrio: it bundles another GDAL)."""
    import geopandas as gpd
    from osgeo import ogr

    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    wanted = [n for n in names if columns is None or n in columns]
    rows, wkbs = {n: [] for n in wanted}, []
    for feature in layer:
        for name in wanted:
            rows[name].append(feature.GetField(name))
        geometry = feature.GetGeometryRef()
        wkbs.append(bytes(geometry.ExportToIsoWkb()) if geometry is not None else None)
    srs = layer.GetSpatialRef()
    crs = f"EPSG:{srs.GetAuthorityCode(None)}" if srs is not None and srs.GetAuthorityCode(None) else None
    return gpd.GeoDataFrame(rows, geometry=shapely.from_wkb(wkbs), crs=crs)


def phase_core(folder: Path) -> dict:
    """prejudge() alone, in a plain process with QGIS's GEOS loaded first (LD_PRELOAD in run_phase)."""
    from mine_supervision_plugin.analysis.prejudge import prejudge

    start = time.perf_counter()
    patches = read_frame(folder / "patches.gpkg")
    rights = read_frame(folder / "rights.gpkg")
    t_read = time.perf_counter() - start
    start = time.perf_counter()
    result = prejudge(patches, rights, date_field="date_after", tolerance_m2=1.0)
    t_core = time.perf_counter() - start
    frame = result.frame
    frame[["patch_no", "inside_area_m2", "outside_area_m2"]].to_csv(folder / "core.csv", index=False)
    counts = frame["prejudgment"].value_counts(dropna=False).to_dict()
    return {
        "time_s": t_core,
        "read_s": t_read,
        "peak_rss_mb": _peak_rss_mb(),
        "classes": {str(k): int(v) for k, v in counts.items()},
        "warnings": len(result.warnings),
        "geos": ".".join(map(str, shapely.geos_version)),
    }


PHASES = {"native": phase_native, "algorithm": phase_algorithm, "core": phase_core}


def _median_run(runs: list[dict]) -> dict:
    """The run of median time (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: run["time_s"])
    return dict(ordered[(len(ordered) - 1) // 2])


def run_phase(name: str, folder: Path) -> dict:
    """Run one phase in a fresh interpreter so that its peak RSS is its own."""
    # QGIS's GEOS loaded first, as inside QGIS (for the core phase; qgis_process has it anyway)
    env = {**os.environ, "LD_PRELOAD": "libgeos_c.so.1"}
    completed = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--out", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if completed.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{completed.stdout}\n{completed.stderr}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["load"] = os.getloadavg()[0]
    return result


# --------------------------------------------------------------------------- comparison


def compare(folder: Path) -> dict:
    import pandas as pd

    patches = read_frame(folder / "patches.gpkg", ["patch_no"])
    area = pd.Series(shapely.area(patches.geometry.values), index=patches["patch_no"].values)
    inter = read_frame(folder / "native_intersection.gpkg", ["patch_no"])
    diff = read_frame(folder / "native_difference.gpkg", ["patch_no"])
    # native inside: union of the intersection pieces of each patch (overlapping licences give overlapping pieces)
    pieces = inter.geometry.values
    codes, uniques = pd.factorize(inter["patch_no"])
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    inside_native = {}
    for group in np.split(order, bounds):
        if len(group) == 0:
            continue
        key = uniques[codes[group[0]]]
        geoms = pieces[group]
        inside_native[key] = float(shapely.area(shapely.union_all(geoms) if len(group) > 1 else geoms[0]))
    inside_native = pd.Series(inside_native, dtype=float).reindex(area.index).fillna(0.0)
    outside_native = (
        pd.Series(shapely.area(diff.geometry.values), index=diff["patch_no"].values)
        .groupby(level=0)
        .sum()
        .reindex(area.index)
        .fillna(0.0)
    )
    ours = pd.DataFrame(
        read_frame(folder / "prejudged.gpkg", ["patch_no", "inside_area_m2", "outside_area_m2"]).drop(columns="geometry")
    ).set_index("patch_no")
    result = {
        "patches_in_output": int(len(ours)),
        "patches_in_input": int(len(area)),
    }
    ours = ours.reindex(area.index)
    d_in = (ours["inside_area_m2"] - inside_native).abs()
    d_out = (ours["outside_area_m2"] - outside_native).abs()
    result["max_inside_diff_m2"] = float(d_in.max())
    result["max_outside_diff_m2"] = float(d_out.max())
    result["patches_over_0.01_m2"] = int(((d_in > 0.01) | (d_out > 0.01)).sum())
    result["native_sum_check_max_m2"] = float((inside_native + outside_native - area).abs().max())
    core_file = folder / "core.csv"
    if core_file.exists():
        core = pd.read_csv(core_file)
        core = core.set_index("patch_no").reindex(area.index)
        result["core_max_inside_diff_m2"] = float((core["inside_area_m2"] - inside_native).abs().max())
        result["core_max_outside_diff_m2"] = float((core["outside_area_m2"] - outside_native).abs().max())
    return result


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patches", type=int, default=50_000)
    parser.add_argument("--rights", type=int, default=35_000)
    parser.add_argument("--small", action="store_true", help="5,000 patches x 3,500 licences")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--skip-native", action="store_true", help="reuse the native outputs of a previous run")
    parser.add_argument("--reuse-data", action="store_true", help="reuse the GeoPackages of a previous run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternating native / prejudgepatches runs; medians compared (default 3)"
    )
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(PHASES[args.phase](args.out), ensure_ascii=False))
        return 0
    if args.small:
        args.patches, args.rights = 5_000, 3_500
    folder = args.out
    if not (args.reuse_data and (folder / "patches.gpkg").exists()):
        start = time.perf_counter()
        data = generate(args.patches, args.rights, args.seed)
        write_data(data, folder)
        print(
            f"data: {args.patches} patches x {args.rights} licences over {data['side_km']:.0f} x {data['side_km']:.0f} km "
            f"(seed {args.seed}), written in {time.perf_counter() - start:.1f} s to {folder}"
        )
    # native and ours alternate, round after round, so that a slow spell of the machine hits both alike
    natives, algorithms = [], []
    for round_no in range(1, args.rounds + 1):
        if not args.skip_native:
            natives.append(run_phase("native", folder))
        algorithms.append(run_phase("algorithm", folder))
        line = f"round {round_no}: prejudgepatches {algorithms[-1]['time_s']:.2f} s"
        if natives:
            ratio = natives[-1]["time_s"] / algorithms[-1]["time_s"]
            line = f"round {round_no}: native chain {natives[-1]['time_s']:.2f} s, " + line[len(f"round {round_no}: ") :]
            line += f", {ratio:.1f}x"
        print(line, flush=True)
    native = _median_run(natives) if natives else None
    algorithm = _median_run(algorithms)
    algorithm["peak_rss_mb"] = max(run["peak_rss_mb"] for run in algorithms)
    core = run_phase("core", folder)
    agreement = compare(folder)
    print()
    loads = ", ".join(f"{p['load']:.2f}" for p in (*natives, *algorithms, core))
    print(f"load average (1 min) after each phase: {loads} on {os.cpu_count()} CPUs")
    if args.rounds > 1:
        print(f"medians of {args.rounds} alternating rounds (peak RSS: the largest):")
    if native:
        print(
            f"native:intersection + native:difference  {native['time_s']:7.2f} s "
            f"(intersection {native['intersection_s']:.2f} s, difference {native['difference_s']:.2f} s), "
            f"peak RSS {native['peak_rss_mb']:.0f} MB"
        )
    print(
        f"prejudgepatches (Processing, gpkg->gpkg) {algorithm['time_s']:7.2f} s, peak RSS {algorithm['peak_rss_mb']:.0f} MB"
    )
    print(
        f"prejudge() core alone                    {core['time_s']:7.2f} s "
        f"(+ {core['read_s']:.2f} s reading with OGR), peak RSS {core['peak_rss_mb']:.0f} MB, GEOS {core['geos']} "
        "(QGIS's, loaded first)"
    )
    if native:
        print(f"speed-up, Processing algorithm vs native chain: {native['time_s'] / algorithm['time_s']:.1f}x "
              "(both inside the QGIS desktop, same build, QGIS's GEOS)")
        if args.rounds > 1:
            ratios = sorted(n["time_s"] / a["time_s"] for n, a in zip(natives, algorithms))
            print(f"  per round: {', '.join(f'{r:.1f}x' for r in ratios)} (lowest {ratios[0]:.1f}x)")
        print(f"speed-up, core alone vs native chain:           {native['time_s'] / core['time_s']:.1f}x")
    print(f"classes: {core['classes']}")
    print(f"agreement with the native chain: {json.dumps(agreement)}")
    for message in algorithm.get("messages", []):
        print("  algorithm:", message)
    ok = (
        agreement["patches_in_output"] == agreement["patches_in_input"]
        and agreement["patches_over_0.01_m2"] == 0
        and algorithm["peak_rss_mb"] < 2048
        and (native is None or native["time_s"] / algorithm["time_s"] >= 8)
    )
    print("RESULT:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
