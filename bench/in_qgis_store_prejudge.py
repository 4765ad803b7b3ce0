"""Run inside the real QGIS desktop (qgis --code): the database pre-judgment of one store (bench_prejudge_server.py).

$BENCH_STORE is a .gpkg path or a PG: connection; times are taken around the core call in this process.
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface


def main() -> None:
    report: dict = {}
    try:
        from mine_supervision_plugin.analysis.prejudge_store import prejudge_database
        from mine_supervision_plugin.store.database import open_database

        store = open_database(os.environ["BENCH_STORE"])
        start = time.perf_counter()
        result = prejudge_database(store)
        report = {"time_s": time.perf_counter() - start, "judged": result.judged, "counts": result.counts}
    except Exception:  # noqa: BLE001 - reported to the bench
        report["error"] = traceback.format_exc()
    Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(report), encoding="utf-8")
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(200, main)
