"""Run inside a real QGIS (qgis --code): load and unload the plugin many times.

Writes a JSON report to $MS_RESULT and quits QGIS. The plugin is enabled in
the profile, so QGIS itself loaded it at start-up, as for a user.
"""

import json
import os
import sys
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar
from qgis.utils import active_plugins, iface, loadPlugin, startPlugin, unloadPlugin

PLUGIN = "mine_supervision_plugin"
ROUNDS = int(os.environ.get("MS_ROUNDS", "20"))


def flush() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QCoreApplication.processEvents()


def snapshot() -> dict:
    flush()
    window = iface.mainWindow()
    project = QgsProject.instance()
    return {
        "actions": len(window.findChildren(QAction)),
        "docks": sorted(d.objectName() for d in window.findChildren(QDockWidget)),
        "toolbars": sorted(t.objectName() for t in window.findChildren(QToolBar)),
        # Sorted: at start-up QGIS adds its Processing menu after the plugins, so positions differ.
        "menus": sorted(a.text() for a in window.menuBar().actions()),
        "menu_objects": len(window.findChildren(QMenu)),
        "providers": sorted(p.id() for p in QgsApplication.processingRegistry().providers()),
        "read_project_receivers": project.receivers(project.readProject),
        "cleared_receivers": project.receivers(project.cleared),
        "translated_menu": QCoreApplication.translate("@default", "&Mine supervision"),
        "map_tool": type(iface.mapCanvas().mapTool()).__name__ if iface.mapCanvas().mapTool() else None,
    }


def main() -> None:
    report = {"errors": [], "rounds": ROUNDS}
    try:
        report["loaded_at_start"] = PLUGIN in active_plugins
        # what QGIS's start-up paid for the plugin: the heavy analysis packages are imported on first use only
        report["imported_at_start"] = sorted(m for m in ("geopandas", "pandas", "pyproj", "reportlab") if m in sys.modules)
        report["loaded"] = snapshot()
        if not unloadPlugin(PLUGIN):
            report["errors"].append("first unload failed")
        report["baseline"] = snapshot()
        loaded_states, unloaded_states = [], []
        for _ in range(ROUNDS):
            if not (loadPlugin(PLUGIN) and startPlugin(PLUGIN)):
                report["errors"].append("startPlugin returned False")
            loaded_states.append(snapshot())
            if not unloadPlugin(PLUGIN):
                report["errors"].append("unloadPlugin returned False")
            unloaded_states.append(snapshot())
        report["loaded_states_differ"] = [i for i, s in enumerate(loaded_states) if s != report["loaded"]]
        report["unloaded_states_differ"] = [i for i, s in enumerate(unloaded_states) if s != report["baseline"]]
        report["last_unloaded"] = unloaded_states[-1] if unloaded_states else None
        if loaded_states:
            report["loaded_diff"] = {
                key: [report["loaded"][key], value]
                for key, value in loaded_states[-1].items()
                if report["loaded"][key] != value
            }
    except Exception:  # noqa: BLE001 - everything goes into the report
        report["errors"].append(traceback.format_exc())
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(report, stream, ensure_ascii=False, indent=1)
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(500, main)
