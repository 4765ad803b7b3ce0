"""Run inside the real QGIS desktop (qgis --code): the special-survey dock on the demo county's database.

The plugin was installed from its zip. The database (MS_DATABASE: licences, key monitoring zones, the two
recorded rounds) is opened through the plugin's context; the dock is shown, round 2026-2 compared against
2026-1 (its QgsTask run by QGIS's task manager), the first mine out of bounds clicked (the map zooms to
it), the overlay layers read back, a screenshot of the window taken, then the selected findings sent to
the ledger twice through the dock's button. The report says what was seen.

Environment: MS_RESULT (JSON report), MS_DATABASE (a .gpkg or a PostGIS database's ``PG:`` location: the same
steps on either store, issue 14), MS_WORK (where the PNG goes).
"""

import json
import os
import sqlite3
import time
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QItemSelectionModel, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import active_plugins, iface, plugins

PLUGIN = "mine_supervision_plugin"
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
REPORT: dict = {"errors": []}


def finish() -> None:
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    QCoreApplication.exit(0)


def checkpoint(step: str) -> None:
    """The report so far, written at each step: a run that hangs still says how far it came."""
    REPORT["step"] = step
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)


def wait(condition, seconds: float) -> bool:
    started = time.monotonic()
    while not condition() and time.monotonic() - started < seconds:
        QCoreApplication.processEvents()
        time.sleep(0.05)
    return condition()


LEDGER_SQL = "SELECT count(*) FROM ledger_items WHERE problem LIKE '2026年第2轮专项勘测%'"


def ledger_count(database: str) -> int:
    """The round's ledger items, read under the plugin (sqlite3 on a GeoPackage, OGR's SQL on PostGIS)."""
    if database.startswith("PG:"):
        from osgeo import ogr

        source = ogr.Open(database)
        result = source.ExecuteSQL(LEDGER_SQL)
        try:
            return int(result.GetNextFeature().GetField(0))
        finally:
            source.ReleaseResultSet(result)
    connection = sqlite3.connect(database)
    try:
        return connection.execute(LEDGER_SQL).fetchone()[0]
    finally:
        connection.close()


def main() -> None:
    try:
        wait(lambda: PLUGIN in active_plugins, 60)
        REPORT["plugin_loaded"] = PLUGIN in active_plugins
        from mine_supervision_plugin.connections import open_store

        database = os.environ["MS_DATABASE"]
        plugin = plugins[PLUGIN]
        store = open_store(database)  # as the plugin opens it (a PostGIS database's layers get its credentials)
        REPORT["store_is_postgres"] = store.is_postgres
        from mine_supervision_plugin.store.project import load_into_project

        load_into_project(store, QgsProject.instance())  # the database's layers, as the menu opens it
        plugin.context.set_store(store)
        REPORT["layer_providers"] = sorted({layer.providerType() for layer in QgsProject.instance().mapLayers().values()})
        checkpoint('plugin.context.set_store(open_')
        window = iface.mainWindow()
        window.setGeometry(QApplication.desktop().availableGeometry())  # a laptop's QGIS, maximised
        dock = window.findChild(QDockWidget, "MineSupervisionSurveyDock")
        REPORT["dock_found"] = dock is not None
        REPORT["dock_title"] = dock.windowTitle()
        dock.show()
        checkpoint('dock.show()')
        dock.raise_()
        wait(lambda: dock.isVisible(), 5)
        REPORT["rounds"] = [dock.round_box.itemData(i) for i in range(dock.round_box.count())]
        REPORT["previous_choice"] = dock.previous_box.currentData()
        REPORT["due_text"] = dock.due.text()
        dock.round_box.setCurrentIndex(REPORT["rounds"].index("2026-2"))
        dock.previous_box.setCurrentIndex(dock.previous_box.findData("2026-1"))
        dock.compare_button.click()
        checkpoint('dock.compare_button.click()')
        REPORT["compared"] = wait(lambda: dock.comparison is not None, 120)
        checkpoint('REPORT["compared"] = wait(lamb')
        REPORT["status"] = dock.status.text()
        REPORT["rows_shown"] = dock.proxy.rowCount()
        REPORT["rows_all"] = dock.model.rowCount()
        REPORT["headers"] = [dock.proxy.headerData(c, 1) for c in range(dock.proxy.columnCount())]
        dock.findings_only.setChecked(False)
        REPORT["rows_unfiltered"] = dock.proxy.rowCount()
        dock.findings_only.setChecked(True)
        # the first mine out of bounds (sorted by outside area, largest first)
        first = dock.proxy.index(0, 0)
        REPORT["first_licence"] = dock.proxy.data(first)
        REPORT["first_outside"] = dock.model.rows[dock.proxy.mapToSource(first).row()]["outside_area_m2"]
        dock.table.selectionModel().select(first, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        dock.table.clicked.emit(first)
        checkpoint('dock.table.clicked.emit(first)')
        QCoreApplication.processEvents()
        canvas = iface.mapCanvas()
        wait(lambda: not canvas.isDrawing(), 20)
        extent = canvas.extent()
        REPORT["canvas_extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        row = dock.model.rows[dock.proxy.mapToSource(first).row()]
        REPORT["mine_bounds"] = list(row["geometry"].bounds)
        REPORT["canvas_crs"] = canvas.mapSettings().destinationCrs().authid()
        REPORT["canvas_scale"] = canvas.scale()
        root = QgsProject.instance().layerTreeRoot()
        groups = [g for g in root.findGroups() if g.customProperty(dock.GROUP)]
        REPORT["overlay_group"] = groups[0].name() if groups else None
        REPORT["drawn_first"] = [layer.name() for layer in root.layerOrder()[:6]]
        REPORT["custom_order"] = root.hasCustomLayerOrder()
        REPORT["overlay_layers"] = {layer.name(): layer.layer().featureCount() for layer in groups[0].findLayers()} \
            if groups else {}
        outside = next((n.layer() for n in groups[0].findLayers() if n.layer().name() == dock.outside_layer_name), None)
        symbol = outside.renderer().symbol() if outside is not None else None
        REPORT["outside_style"] = {"layers": [symbol.symbolLayer(i).layerType() for i in range(symbol.symbolLayerCount())],
                                   "colour": symbol.symbolLayer(0).strokeColor().name()} if symbol else None
        QApplication.processEvents()
        time.sleep(1.0)
        wait(lambda: not canvas.isDrawing(), 20)
        QApplication.processEvents()
        window.grab().save(str(WORK / "survey_dock.png"))
        checkpoint('window.grab().save(str(WORK / ')
        REPORT["screenshot"] = str(WORK / "survey_dock.png")
        REPORT["window"] = [window.width(), window.height()]
        # the findings of every mine shown, to the ledger, twice
        dock.table.selectAll()
        before = ledger_count(database)
        dock.ledger_button.click()
        checkpoint('dock.ledger_button.click()')
        QCoreApplication.processEvents()
        REPORT["ledger_added"] = ledger_count(database) - before
        dock.ledger_button.click()
        QCoreApplication.processEvents()
        REPORT["ledger_after_second"] = ledger_count(database) - before
        bar = iface.messageBar()
        REPORT["messages"] = [item.text() for item in bar.items()] if hasattr(bar, "items") else []
        REPORT["tasks_left"] = QgsApplication.taskManager().count()
    except Exception:  # noqa: BLE001 - reported to the test
        REPORT["errors"].append(traceback.format_exc())
    finish()


QTimer.singleShot(int(os.environ.get("MS_WATCHDOG_S", "300")) * 1000, finish)
QTimer.singleShot(500, main)
