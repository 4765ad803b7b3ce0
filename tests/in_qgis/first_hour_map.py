"""Run inside the real QGIS desktop (qgis --code): the demo county's map read at 1:50,000 and 1:10,000.

The plugin was installed from its zip; the demo county's supervision database is
opened into the project with the plugin's own styles (``load_into_project``), the
layers a user switches on for a review (patches, survey extents) made visible, and
the canvas's map settings rendered at both scales around the mine with the most
patches. For each scale the report holds the labels drawn (layer table, text,
corner points in map units), the pairs that overlap, and the PNG written.

Environment: MS_RESULT (JSON report), MS_DATABASE (the demo's supervision.gpkg, a copy),
MS_WORK (where the PNGs go).
"""

import json
import os
import sqlite3
import time
import traceback
from pathlib import Path

from qgis.core import (
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, QTimer
from qgis.utils import active_plugins, iface

PLUGIN = "mine_supervision_plugin"
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
REPORT: dict = {"errors": [], "scales": {}}
SIZE = QSize(1600, 1000)
DPI = 96


def finish() -> None:
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    QCoreApplication.exit(0)


def busiest_mine(database: str) -> tuple[str, float, float]:
    """The licence with the most patches of several years, and the centre of its patches."""
    connection = sqlite3.connect(database)
    try:
        licence = connection.execute(
            "SELECT license_no FROM patches WHERE license_no IS NOT NULL "
            "GROUP BY license_no ORDER BY count(DISTINCT year) DESC, count(*) DESC LIMIT 1"
        ).fetchone()[0]
        rtree = connection.execute(
            "SELECT min(r.minx), max(r.maxx), min(r.miny), max(r.maxy) FROM patches p "
            "JOIN rtree_patches_geom r ON r.id = p.fid WHERE p.license_no = ?",
            (licence,),
        ).fetchone()
    finally:
        connection.close()
    return licence, (rtree[0] + rtree[1]) / 2, (rtree[2] + rtree[3]) / 2


def render(scale: int, centre: QgsPointXY, layers_by_id: dict) -> dict:
    settings = iface.mapCanvas().mapSettings()
    settings.setOutputSize(SIZE)
    settings.setOutputDpi(DPI)
    root = QgsProject.instance().layerTreeRoot()
    settings.setLayers([layer for layer in root.layerOrder() if root.findLayer(layer.id()).isVisible()])
    half_width = scale * SIZE.width() / DPI * 0.0254 / 2
    half_height = half_width * SIZE.height() / SIZE.width()
    settings.setExtent(
        QgsRectangle(centre.x() - half_width, centre.y() - half_height, centre.x() + half_width, centre.y() + half_height)
    )
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    path = WORK / f"map_1_{scale}.png"
    image.save(str(path))
    results = job.takeLabelingResults()
    drawn = []
    for position in results.allLabels():
        if position.isUnplaced:
            continue
        corners = [(p.x(), p.y()) for p in position.cornerPoints]
        drawn.append(
            {"table": layers_by_id.get(position.layerID, position.layerID), "text": position.labelText,
             "corners": corners}
        )
    overlaps = []
    shapes = [QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in label["corners"]]]) for label in drawn]
    for i in range(len(drawn)):
        for j in range(i + 1, len(drawn)):
            common = shapes[i].intersection(shapes[j])
            if not common.isEmpty() and common.area() > 1e-6 * min(shapes[i].area(), shapes[j].area()):
                overlaps.append([drawn[i]["text"], drawn[j]["text"], common.area()])
    return {
        "scale": round(settings.scale()),
        "png": str(path),
        "labels": drawn,
        "overlaps": overlaps,
        "map_units_per_mm": scale / 1000,
    }


def run() -> None:
    started = time.monotonic()
    while PLUGIN not in active_plugins and time.monotonic() - started < 60:
        QCoreApplication.processEvents()
    REPORT["plugin_loaded"] = PLUGIN in active_plugins
    from mine_supervision_plugin.store.database import open_database
    from mine_supervision_plugin.store.project import load_into_project

    database = os.environ["MS_DATABASE"]
    store = open_database(database)
    layers = load_into_project(store, QgsProject.instance())
    root = QgsProject.instance().layerTreeRoot()
    for name in ("patches", "survey_extents", "mining_rights", "monitoring_zones", "mining_right_corners"):
        root.findLayer(layers[name].id()).setItemVisibilityChecked(True)
    layers_by_id = {layer.id(): name for name, layer in layers.items()}
    licence, x, y = busiest_mine(database)
    REPORT["licence"] = licence
    iface.mapCanvas().refresh()
    QCoreApplication.processEvents()
    for scale in (50_000, 10_000):
        REPORT["scales"][str(scale)] = render(scale, QgsPointXY(x, y), layers_by_id)


def main() -> None:
    try:
        run()
    except Exception:  # noqa: BLE001 - the report carries the traceback to pytest
        REPORT["errors"].append(traceback.format_exc())
    finish()


QTimer.singleShot(0, main)
