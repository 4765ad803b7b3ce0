"""Patrol compliance of a province (issue 11 item 4): 10,000 mines, 500,000 inspections, one year, under 5 s.

Generates the data with a fixed seed (statuses as codes and labels mixed, some
inspections outside the year, some of unknown licence numbers, a few
unreadable dates), then times, side by side:

* ``loop``: the anchor, a plain per-mine Python loop: dates read one by one
  with ``domain.dates.to_date``, inspections grouped by licence in a dict, then
  ``domain.compliance.mine_compliance`` for each mine;
* ``core``: ``analysis.compliance.compliance`` on the same columns, dates as
  text (as a CSV gives them) and as ``datetime.date`` (as a GeoPackage gives them);
* ``algorithm``: ``minesupervision:inspectioncompliance`` inside a real QGIS
  process (``qgis_process.bin``, plugin as built in ``MS_PLUGIN_DIR``),
  inspections from a GeoPackage table and from a CSV file, output to a
  GeoPackage; the wall time of the process, and that minus the same run on a
  one-mine input (QGIS's start-up and the plugin's loading).

The answers of the three are compared mine by mine.

    .venv/bin/python bench/bench_compliance.py            # 10,000 x 500,000
    .venv/bin/python bench/bench_compliance.py --mines 1000 --inspections 50000
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("MS_PLUGIN_DIR"):
    sys.path.insert(0, os.environ["MS_PLUGIN_DIR"])

SEED = 20260101
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
STATUSES = ["producing", "在产", "suspended", "停产", "construction", "基建", "closed", "关闭"]
STATUS_P = [0.35, 0.25, 0.08, 0.07, 0.06, 0.04, 0.08, 0.07]


def generate(n_mines: int, n_inspections: int, seed: int = SEED) -> dict:
    rng = np.random.default_rng(seed)
    numbers = [f"C4100002026{i:08d}" for i in range(n_mines)]
    statuses = rng.choice(STATUSES, n_mines, p=STATUS_P).tolist()
    # busy mines get more patrols: a skewed choice of mine per inspection
    weight = rng.gamma(0.8, 1.0, n_mines)
    mine = rng.choice(n_mines, n_inspections, p=weight / weight.sum())
    day = np.datetime64("2025-12-01") + rng.integers(0, 426, n_inspections)  # December 2025 to January 2027
    licences = np.array(numbers, dtype=object)[mine]
    stranger = rng.random(n_inspections) < 0.002
    licences[stranger] = [f"X{k:06d}" for k in rng.integers(0, 500, int(stranger.sum()))]
    texts = np.datetime_as_string(day.astype("datetime64[D]")).astype(object)
    bad = rng.random(n_inspections) < 0.0002
    texts[bad] = "2026-02-30"
    dates = [dt.date.fromisoformat(t) if t != "2026-02-30" else None for t in texts]
    return {"numbers": numbers, "statuses": statuses, "licences": licences.tolist(), "texts": texts.tolist(),
            "dates": dates}


def write_inputs(data: dict, folder: Path) -> dict[str, Path]:
    from osgeo import ogr

    folder.mkdir(parents=True, exist_ok=True)
    rights = folder / "rights.csv"
    with open(rights, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["license_no", "mine_name", "status"])
        writer.writerows((n, f"第{i + 1}号矿", s) for i, (n, s) in enumerate(zip(data["numbers"], data["statuses"])))
    inspections_csv = folder / "inspections.csv"
    with open(inspections_csv, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["license_no", "inspected_on", "kind"])
        writer.writerows((n, t, "patrol") for n, t in zip(data["licences"], data["texts"]))
    inspections_gpkg = folder / "inspections.gpkg"
    driver = ogr.GetDriverByName("GPKG")
    if inspections_gpkg.exists():
        driver.DeleteDataSource(str(inspections_gpkg))
    source = driver.CreateDataSource(str(inspections_gpkg))
    layer = source.CreateLayer("inspections", None, ogr.wkbNone)
    layer.CreateField(ogr.FieldDefn("license_no", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("inspected_on", ogr.OFTDate))
    layer.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for number, day in zip(data["licences"], data["dates"]):
        feature = ogr.Feature(definition)
        feature.SetField(0, number)
        if day is not None:
            feature.SetField(1, day.year, day.month, day.day, 0, 0, 0, 0)
        feature.SetField(2, "patrol")
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = layer = None
    tiny = folder / "tiny"
    tiny.mkdir(exist_ok=True)
    (tiny / "rights.csv").write_text("license_no,status\nC1,producing\n", encoding="utf-8")
    (tiny / "inspections.csv").write_text("license_no,inspected_on\nC1,2026-01-05\n", encoding="utf-8")
    return {"rights": rights, "csv": inspections_csv, "gpkg": inspections_gpkg, "tiny": tiny}


# --------------------------------------------------------------------------------------------- phases


def phase_loop(data: dict) -> tuple[float, dict]:
    """The anchor: one mine at a time, in plain Python."""
    from mine_supervision_plugin.domain.compliance import mine_compliance
    from mine_supervision_plugin.domain.dates import to_date

    began = time.perf_counter()
    by_mine: dict[str, list] = {}
    for number, text in zip(data["licences"], data["texts"]):
        day = to_date(text)
        if day is not None:
            by_mine.setdefault(number, []).append(day)
    answer = {}
    for number, status in zip(data["numbers"], data["statuses"]):
        mine = mine_compliance(status, START, END, by_mine.get(number, ()))
        answer[number] = (len(mine.required), len(mine.satisfied), mine.missing_text)
    return time.perf_counter() - began, answer


def phase_core(data: dict, dates: str) -> tuple[float, dict]:
    from mine_supervision_plugin.analysis.compliance import compliance

    began = time.perf_counter()
    result = compliance(data["numbers"], data["statuses"], data["licences"], data[dates], START, END)
    seconds = time.perf_counter() - began
    table = result.table
    answer = {n: (int(r), int(s), m) for n, r, s, m in zip(table["license_no"], table["required_periods"],
                                                             table["satisfied_periods"], table["missing_periods"])}
    return seconds, answer


def phase_algorithm(inputs: dict, inspections: Path, folder: Path) -> tuple[float, float, dict]:
    """qgis_process.bin with the plugin as built: wall time on the province, and on one mine (start-up)."""
    from osgeo import ogr

    from demo.qgis_process import QgisProcess

    plugins = Path(os.environ.get("MS_PLUGIN_DIR") or ROOT / "build")
    qgis = QgisProcess(plugins, folder / "qgis-home")
    tiny = inputs["tiny"]
    began = time.perf_counter()
    qgis.run("inspectioncompliance", {"RIGHTS": tiny / "rights.csv", "INSPECTIONS": tiny / "inspections.csv",
                                      "PERIOD_START": START, "PERIOD_END": END, "OUTPUT": folder / "tiny_out.gpkg"})
    startup = time.perf_counter() - began
    out = folder / f"compliance_{inspections.suffix[1:]}.gpkg"
    out.unlink(missing_ok=True)
    began = time.perf_counter()
    qgis.run("inspectioncompliance", {"RIGHTS": inputs["rights"], "INSPECTIONS": inspections,
                                      "PERIOD_START": START, "PERIOD_END": END, "OUTPUT": out})
    wall = time.perf_counter() - began
    source = ogr.Open(str(out))
    answer = {f.GetField("license_no"): (f.GetField("required_periods"), f.GetField("satisfied_periods"),
                                         f.GetField("missing_periods") or "") for f in source.GetLayer(0)}
    return wall, startup, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mines", type=int, default=10_000)
    parser.add_argument("--inspections", type=int, default=500_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "compliance")
    parser.add_argument("--no-qgis", action="store_true", help="skip the qgis_process phase")
    args = parser.parse_args()

    print(f"Generating {args.mines:,} mines and {args.inspections:,} inspections (seed {SEED})...", flush=True)
    data = generate(args.mines, args.inspections)
    inputs = write_inputs(data, args.out)

    loop_s, expected = phase_loop(data)
    core_text_s, core_text = phase_core(data, "texts")
    core_date_s, core_date = phase_core(data, "dates")
    assert core_text == expected, "the core (text dates) and the per-mine loop disagree"
    assert core_date == expected, "the core (date objects) and the per-mine loop disagree"
    rows = [
        ("per-mine Python loop (anchor)", loop_s, ""),
        ("core, dates as text (CSV)", core_text_s, f"x{loop_s / core_text_s:.1f}"),
        ("core, dates as dates (GeoPackage)", core_date_s, f"x{loop_s / core_date_s:.1f}"),
    ]
    if not args.no_qgis:
        for kind in ("gpkg", "csv"):
            wall, startup, answer = phase_algorithm(inputs, inputs[kind], args.out)
            assert answer == expected, f"the algorithm ({kind}) and the per-mine loop disagree"
            rows.append((f"qgis_process inspectioncompliance, {kind} (wall)", wall, f"x{loop_s / wall:.1f}"))
            rows.append((f"  minus start-up on one mine ({startup:.2f} s)", wall - startup,
                         f"x{loop_s / (wall - startup):.1f}"))
    late = sum(1 for r, s, _ in expected.values() if s < r)
    print(f"\n{args.mines:,} mines, {args.inspections:,} inspections, {START} .. {END}: {late:,} mines with missing "
          f"periods; all phases agree mine by mine.\n")
    print(f"{'phase':<52} {'seconds':>8}  speed-up vs loop")
    for name, seconds, speed in rows:
        print(f"{name:<52} {seconds:8.2f}  {speed}")
    limit = [s for n, s, _ in rows if n.startswith("core")]
    print(f"\nUnder 5 s: {'yes' if max(limit) < 5 else 'NO'} (core, worst {max(limit):.2f} s)")


if __name__ == "__main__":
    main()
