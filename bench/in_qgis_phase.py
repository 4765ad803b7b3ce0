"""Run inside the real QGIS desktop (qgis --code): one timed phase of bench_prejudge.py.

QGIS's own GEOS, GDAL and PROJ are loaded first, as for a user; times are taken around
processing.run in this process, so QGIS's start-up is not in them. Writes JSON to $BENCH_RESULT.
"""

import json
import os
import time
import traceback
from pathlib import Path

import processing
from qgis.core import QgsProcessingContext, QgsProcessingFeedback
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def timed(algorithm: str, parameters: dict) -> float:
    start = time.perf_counter()
    processing.run(algorithm, parameters, context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    return time.perf_counter() - start


def main() -> None:
    folder = Path(os.environ["BENCH_FOLDER"])
    phase = os.environ["BENCH_PHASE"]
    report: dict = {}
    try:
        patches, rights = str(folder / "patches.gpkg"), str(folder / "rights.gpkg")
        if phase == "native":
            out_inter, out_diff = folder / "native_intersection.gpkg", folder / "native_difference.gpkg"
            for path in (out_inter, out_diff):
                path.unlink(missing_ok=True)
            # as a technician runs them from the toolbox: default parameters
            t_inter = timed("native:intersection", {"INPUT": patches, "OVERLAY": rights, "OUTPUT": str(out_inter)})
            t_diff = timed("native:difference", {"INPUT": patches, "OVERLAY": rights, "OUTPUT": str(out_diff)})
            report = {"time_s": t_inter + t_diff, "intersection_s": t_inter, "difference_s": t_diff}
        else:
            out = folder / "prejudged.gpkg"
            out.unlink(missing_ok=True)
            report = {"time_s": timed("minesupervision:prejudgepatches", {
                "PATCHES": patches, "RIGHTS": rights, "DATE_FIELD": "date_after", "TOLERANCE_M2": 1.0,
                "OUTPUT": str(out)})}
        import shapely
        from qgis.core import Qgis

        report["geos"] = {"qgis": Qgis.geosVersion(), "shapely": ".".join(map(str, shapely.geos_version))}
        report["peak_rss_mb"] = peak_rss_mb()
    except Exception:  # noqa: BLE001 - reported to the bench
        report["error"] = traceback.format_exc()
    Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(report), encoding="utf-8")
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(200, main)
