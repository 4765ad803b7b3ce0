"""Run inside a real QGIS (qgis --code): Connect to shared database… with a QGIS PostgreSQL connection whose
credentials live in an authentication configuration (issue 14).

The menu action's dialog is driven as a user would (the connection chosen, "create the schema" ticked); then a
zone is added through the layer QGIS loaded (the postgres provider, with the authcfg), the project is saved,
cleared and read again (the plugin reconnects by the connection's name). Writes a JSON report to $MS_RESULT.
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
    except Exception:  # noqa: BLE001 - everything goes into the report
        report["errors"].append(traceback.format_exc())
    write_report()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(1000, main)
