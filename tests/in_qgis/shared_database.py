"""Run inside a real QGIS (qgis --code): Connect to shared database… with a QGIS PostgreSQL connection whose
credentials live in an authentication configuration (issue 14).

The menu action's dialog is driven as a user would (the connection chosen, "create the schema" ticked); then a
zone is added through the layer QGIS loaded (the postgres provider, with the authcfg), the project is saved,
cleared and read again (the plugin reconnects by the connection's name). Last, a county is checked out, the same
patch's finding changed in the field copy and on the server, checked in, and the conflict resolved through
*Resolve check-in conflicts…* (the field copy's value taken). Writes a JSON report to $MS_RESULT.
"""

import json
import os
import traceback

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication
from qgis.utils import iface, plugins

PLUGIN = "mine_supervision_plugin"
CONNECTION = "county-server"
report = {"errors": [], "log": []}


def on_log(message, tag, level):
    report["log"].append(f"{tag}: {message}")


def drive_dialog():
    """Choose the connection in the modal dialog, tick "create the schema", press OK."""
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "MineSupervisionSharedDatabaseDialog" and widget.isVisible():
            combo = widget.connection_combo
            report["connections_offered"] = [combo.itemText(i) for i in range(combo.count())]
            combo.setCurrentText(CONNECTION)
            widget.create_check.setChecked(True)
            widget.accept()
            return
    QTimer.singleShot(200, drive_dialog)


def _insert(store, table: str, row: dict) -> None:
    from osgeo import ogr

    from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry

    with store.transaction() as source:
        layer = source.GetLayerByName(table)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in row.items():
            if name == "geometry":
                feature.SetGeometry(to_ogr_geometry(value))
            else:
                set_field(feature, name, value)
        layer.CreateFeature(feature)


def _finding(store, value=None):
    """The finding of patch P-R1; with ``value``, set it first."""
    from mine_supervision_plugin.store.ogr_util import set_field

    with store.transaction() as source:
        layer = source.GetLayerByName("patches")
        layer.SetAttributeFilter("patch_no = 'P-R1'")
        feature = layer.GetNextFeature()
        if value is not None:
            set_field(feature, "finding", value)
            layer.SetFeature(feature)
        return feature.GetField("finding")


def check_in_with_a_conflict(store) -> int:
    """A licence and a patch of county 140402 on the server, the county checked out, P-R1's finding changed in the
    copy and on the server, the copy checked in: the conflicts left."""
    from shapely.geometry import MultiPolygon, box

    from mine_supervision_plugin.store.checkout import check_in, check_out
    from mine_supervision_plugin.store.database import open_database

    x0, y0 = 38_500_000.0, 4_000_000.0
    _insert(store, "mining_rights", {"license_no": "C-R1", "mine_name": "甲矿", "holder": "甲", "county_code": "140402",
                                     "geometry": MultiPolygon([box(x0, y0, x0 + 1000, y0 + 1000)])})
    _insert(store, "patches", {"patch_no": "P-R1", "county_code": "140402", "state": "issued",
                               "geometry": MultiPolygon([box(x0 + 100, y0, x0 + 200, y0 + 100)])})
    copy = open_database(check_out(store, "140402", os.path.join(os.environ["MS_WORK"], "field.gpkg")).path)
    _finding(copy, "复垦完成")
    _finding(store, "已拆除")
    return len(check_in(copy, store).conflicts)


def drive_conflicts():
    """In the resolve dialog: what it lists, the field copy's value chosen for the first row, OK."""
    from mine_supervision_plugin.gui.checkin_dialog import CheckinConflictsDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, CheckinConflictsDialog) and widget.isVisible():
            table = widget.table
            report["conflict_rows"] = [[table.item(r, c).text() if table.item(r, c) else ""
                                        for c in range(table.columnCount())] for r in range(table.rowCount())]
            widget.set_choice(0, "copy")
            widget.buttons.button(widget.buttons.Ok).click()
            return
    QTimer.singleShot(200, drive_conflicts)


def messages():
    bar = iface.messageBar()
    return [f"{item.title()} {item.text()}" for item in bar.items()]


def write_report():
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(report, stream, ensure_ascii=False, indent=1)


def watchdog():
    """A run stuck in a modal window: say which, then leave."""
    report["errors"].append("stuck at " + report.get("stage", "?") + "; windows: " + repr(
        [(w.objectName(), type(w).__name__, w.windowTitle()) for w in QApplication.topLevelWidgets() if w.isVisible()]))
    from qgis.PyQt.QtWidgets import QTextEdit

    for window in QApplication.topLevelWidgets():
        if window.isVisible() and type(window).__name__ != "QMainWindow":
            report["errors"] += [edit.toPlainText()[-3000:] for edit in window.findChildren(QTextEdit)]
    write_report()
    os._exit(1)


def main():
    QTimer.singleShot(int(os.environ.get('MS_WATCHDOG_MS', '150000')), watchdog)
    try:
        QgsApplication.messageLog().messageReceived.connect(on_log)
        manager = QgsApplication.authManager()
        report["master_password_set"] = manager.setMasterPassword("master-for-tests", True)
        config = QgsAuthMethodConfig("Basic")
        config.setName("county server login")
        config.setConfig("username", os.environ["MS_PG_USER"])
        config.setConfig("password", os.environ["MS_PG_PASSWORD"])
        stored = manager.storeAuthenticationConfig(config)
        report["authcfg_stored"] = bool(stored[0] if isinstance(stored, tuple) else stored)
        authcfg = config.id()
        report["authcfg"] = authcfg
        settings = QgsSettings()
        key = f"PostgreSQL/connections/{CONNECTION}/"
        for name, value in (("host", "127.0.0.1"), ("port", os.environ["MS_PG_PORT"]),
                            ("database", os.environ["MS_PG_DB"]), ("authcfg", authcfg), ("username", ""),
                            ("password", ""), ("saveUsername", "false"), ("savePassword", "false"), ("sslmode", 1)):
            settings.setValue(key + name, value)
        settings.sync()

        action = next(a for a in iface.mainWindow().findChildren(QAction)
                      if a.objectName() == "mMineSupervision_connect_shared_database")
        report["action_text"] = action.text()
        QTimer.singleShot(300, drive_dialog)
        report["stage"] = "connect"
        action.trigger()  # the modal dialog runs until drive_dialog accepts it
        QCoreApplication.processEvents()
        context = plugins[PLUGIN].context
        store = context.store
        report["messages_after_connect"] = messages()
        report["store_open"] = store is not None
        if store is None:
            raise RuntimeError("no store after connecting")
        report["store_is_postgres"] = store.is_postgres
        report["store_shown"] = store.shown
        project = QgsProject.instance()
        ours = [layer for layer in project.mapLayers().values() if layer.customProperty("mine_supervision/table")]
        report["layers"] = {layer.customProperty("mine_supervision/table"): [layer.providerType(), layer.isValid()]
                            for layer in ours}
        zones = next(layer for layer in ours if layer.customProperty("mine_supervision/table") == "monitoring_zones")
        report["stage"] = "edit"
        zones.startEditing()
        feature = QgsFeature(zones.fields())
        feature.setAttribute("name", "荫城重点监测矿区")
        feature.setAttribute("level", "province")
        feature.setAttribute("year", 2026)
        feature.setGeometry(QgsGeometry.fromWkt(
            "MultiPolygon(((38500000 4000000, 38501000 4000000, 38501000 4001000, 38500000 4000000)))"))
        zones.addFeature(feature)
        report["zone_committed"] = zones.commitChanges()
        report["commit_errors"] = zones.commitErrors()
        report["stage"] = "save"
        path = os.path.join(os.environ["MS_WORK"], "shared.qgs")
        report["project_written"] = project.write(path)
        report["project_path"] = path
        project.clear()
        QCoreApplication.processEvents()
        report["store_after_clear"] = context.store is not None
        report["stage"] = "read"
        report["project_read"] = project.read(path)
        QCoreApplication.processEvents()
        report["store_after_read"] = context.store is not None and context.store.reference == CONNECTION
        report["layers_after_read"] = sorted(
            [layer.customProperty("mine_supervision/table"), layer.isValid(), layer.featureCount()]
            for layer in project.mapLayers().values() if layer.customProperty("mine_supervision/table"))
        report["messages_at_end"] = messages()
        report["stage"] = "check-in"
        report["conflicts_left"] = check_in_with_a_conflict(context.store)
        report["stage"] = "resolve"
        resolve = next(a for a in iface.mainWindow().findChildren(QAction)
                       if a.objectName() == "mMineSupervision_resolve_checkin")
        report["resolve_action_text"] = resolve.text()
        QTimer.singleShot(300, drive_conflicts)
        resolve.trigger()  # the modal dialog runs until drive_conflicts presses OK
        QCoreApplication.processEvents()
        report["finding_after_resolve"] = _finding(context.store)
        report["messages_after_resolve"] = messages()
    except Exception:  # noqa: BLE001 - everything goes into the report
        report["errors"].append(traceback.format_exc())
    write_report()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(1000, main)
