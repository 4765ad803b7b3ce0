"""Run inside the real QGIS desktop (qgis --code): the corner-check map tool and the zones dock, as a user works them.

A supervision database is made in $MS_WORK (two licences with numbered corners,
monitoring zones, patrols), opened through the plugin (its layers in the
project), and then: the menu's "Check boundary corners" action, the mine
chooser, clicks on the canvas near corners, the check dialog filled (pasted
receiver text, a point picked on the map, a typed point without zone prefix,
an implausible point), OK; the zones dock shown and worked. Facts (rows read
back with sqlite3, widget states, message bar texts, screenshots) go under
report["cases"][name]; the pytest side (tests/qgis/test_desktop_field_checks.py)
asserts them.

Environment: MS_RESULT (JSON report), MS_WORK (a folder), MS_SHOTS (a folder for screenshots), MS_DATABASE
(optional: an empty PostGIS database's ``PG:`` location; without it a GeoPackage in MS_WORK), so the same user
paths run on either store (issue 14).
"""

import datetime as dt
import json
import os
import sqlite3
import sys
import time
import traceback
from pathlib import Path

from qgis.core import QgsPointXY, QgsProject
from qgis.gui import QgsMessageBarItem
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QInputMethodEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox, QDockWidget, QTextEdit
from qgis.utils import iface, plugins

PLUGIN = "mine_supervision_plugin"
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
SHOTS = Path(os.environ.get("MS_SHOTS", str(WORK)))
REPORT: dict = {"cases": {}, "errors": [], "messages": [], "python_errors": []}
PYTHON_ERROR_TITLES = ("An error has occurred while executing Python code", "执行Python代码时发生错误")
ZONE = 38_000_000.0
NORTH, EAST = 3_851_234.56, ZONE + 512_345.67
LICENCE, OTHER, FAR = "C4100002011031120000001", "C4100002011031120000002", "C4100002011031120000003"


# --- helpers (as tests/in_qgis/user_paths.py) ---------------------------------------------------


def progress(text: str) -> None:
    with open(os.environ["MS_RESULT"] + ".log", "a", encoding="utf-8") as stream:
        stream.write(f"{time.monotonic():.1f} {text}\n")


def watchdog() -> None:
    shown = [f"{type(w).__name__}:{w.windowTitle()}" for w in QApplication.topLevelWidgets() if w.isVisible()]
    REPORT["errors"].append(f"watchdog: still running; visible top-level widgets: {shown}")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    os._exit(3)


def catch_python_errors() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowTitle().startswith(PYTHON_ERROR_TITLES):
            texts = [w.toPlainText() for w in widget.findChildren(QTextEdit)]
            REPORT["python_errors"].append("\n".join(texts) or widget.windowTitle())
            progress("python error " + REPORT["python_errors"][-1][-600:].replace("\n", " | "))
            widget.close()
    QTimer.singleShot(300, catch_python_errors)


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Key by key when ASCII, else committed by the input method, as Chinese is typed."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def wait_until(condition, timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        wait(50)
    return bool(condition())


def record_message(widget) -> None:
    item = sip.cast(widget, QgsMessageBarItem)
    REPORT["messages"].append({"level": int(item.level()), "title": item.title(), "text": item.text()})


def visible_dialogs(kind=QDialog) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def drive(find, steps: list, seen: dict, timeout_s: float = 60.0) -> None:
    """Act on the dialog the next call opens, once Qt shows it (see user_paths.drive)."""
    deadline = time.monotonic() + timeout_s

    def tick():
        dialog = find()
        if time.monotonic() > deadline:
            seen.setdefault("errors", []).append(f"timeout with {len(steps)} steps left, dialog {dialog!r}")
            if dialog is not None:
                dialog.reject()
            return
        if dialog is None or not steps:
            if steps:
                QTimer.singleShot(50, tick)
            return
        try:
            if steps[0](dialog):
                steps.pop(0)
        except Exception:  # noqa: BLE001 - reported, never left hanging
            seen.setdefault("errors", []).append(traceback.format_exc())
            dialog.reject()
            return
        if steps:
            QTimer.singleShot(50, tick)

    QTimer.singleShot(0, tick)


def plugin_actions() -> dict:
    menu = next(a.menu() for a in iface.mainWindow().menuBar().actions()
                if a.menu() is not None and a.menu().objectName() == "mMineSupervisionMenu")
    return {a.objectName(): a for a in menu.actions() if a.objectName().startswith("mMineSupervision_")}


def rows(database, sql: str) -> list[dict]:
    """The rows of a query as plain values; on PostGIS through OGR (dates as ISO text, booleans 0/1, the geometry
    as ``geom``: WKT or None), so one expected row fits both stores."""
    if not str(database).startswith("PG:"):
        with sqlite3.connect(database) as connection:
            connection.row_factory = sqlite3.Row
            return [dict(r) for r in connection.execute(sql)]
    from osgeo import ogr

    from mine_supervision_plugin.store.ogr_util import field_value

    source = ogr.Open(str(database))
    result = source.ExecuteSQL(sql)
    try:
        definition = result.GetLayerDefn()
        found = []
        for feature in result:
            row = {}
            for i in range(definition.GetFieldCount()):
                value = field_value(feature, i)
                row[definition.GetFieldDefn(i).GetName()] = value.isoformat() if isinstance(
                    value, (dt.date, dt.datetime)) else value
            if definition.GetGeomFieldCount():
                geometry = feature.GetGeometryRef()
                row["geom"] = geometry.ExportToWkt() if geometry is not None else None
            found.append(row)
        return found
    finally:
        source.ReleaseResultSet(result)
        source = None


def shot(widget, name: str) -> str:
    path = SHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return str(path)


class Case:
    def __init__(self, name: str):
        self.name = name
        self.facts: dict = {}

    def __enter__(self) -> dict:
        progress("case " + self.name)
        self.mark = len(REPORT["messages"])
        self.errors_mark = len(REPORT["python_errors"])
        REPORT["cases"][self.name] = self.facts
        return self.facts

    def __exit__(self, kind, error, tb) -> bool:
        self.facts["messages"] = REPORT["messages"][self.mark:]
        self.facts["python_errors"] = REPORT["python_errors"][self.errors_mark:]
        if error is not None:
            self.facts["error"] = "".join(traceback.format_exception(kind, error, tb))
        return True


# --- the database -------------------------------------------------------------------------------


def square(north: float, east: float, size: float):
    from mine_supervision_plugin.domain.licence import Corner

    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    return [Corner(i + 1, x, y) for i, (x, y) in enumerate(points)]


def make_database(path) -> str:
    """The county's three licences in a new database at ``path`` (a .gpkg or an empty PostGIS database); a PostGIS
    database gets its attachments folder in MS_WORK, where a GeoPackage keeps them beside itself."""
    from mine_supervision_plugin.domain.licence import Licence, Parcel
    from mine_supervision_plugin.store.database import create_database, open_database
    from mine_supervision_plugin.store.inspections import set_attachments_folder
    from mine_supervision_plugin.store.rights import upsert_licences

    create_database(str(path))
    store = open_database(str(path))
    if store.is_postgres:
        set_attachments_folder(store, WORK / "county_attachments")
    upsert_licences(store, [
        Licence(license_no=LICENCE, mine_name="青山石灰岩矿", holder="青山矿业", crs_epsg=4526,
                parcels=[Parcel("1", square(NORTH, EAST, 400.0))], attributes={"生产状态": "在产"}),
        Licence(license_no=OTHER, mine_name="金沟金矿", holder="金沟矿业", crs_epsg=4526,
                parcels=[Parcel("1", square(NORTH, EAST + 1500, 300.0))], attributes={"生产状态": "停产"}),
        Licence(license_no=FAR, mine_name="远山砂石矿", holder="远山建材", crs_epsg=4526,
                parcels=[Parcel("1", square(NORTH - 20_000, EAST, 300.0))], attributes={"生产状态": "在产"}),
    ])
    return store.location


def open_in_plugin(path):
    from mine_supervision_plugin.gui.database_dialogs import open_and_load

    plugin = plugins[PLUGIN]
    store = open_and_load(plugin.context, str(path))
    wait(300)
    return plugin, store


# --- corner checks ------------------------------------------------------------------------------


def pixel_of(north: float, east: float, dx: int = 0, dy: int = 0) -> QPoint:
    canvas = iface.mapCanvas()
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(east, north))
    return QPoint(round(pixel.x()) + dx, round(pixel.y()) + dy)


def click(position: QPoint, button=Qt.LeftButton) -> None:
    viewport = iface.mapCanvas().viewport()
    QTest.mouseMove(viewport, position)
    QTest.mouseClick(viewport, button, Qt.NoModifier, position)


def corner_checks(facts: dict, database: Path) -> None:
    from mine_supervision_plugin.gui.corner_check_tool import CornerCheckDialog, CornerCheckTool, MineChooserDialog

    photo = WORK / "J2.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 field photo")
    plugin, store = open_in_plugin(database)
    facts["store_is_postgres"] = store.is_postgres
    facts["layer_providers"] = sorted({layer.providerType() for layer in QgsProject.instance().mapLayers().values()})
    canvas = iface.mapCanvas()
    action = plugin_actions()["mMineSupervision_check_corners"]
    facts["action_text"] = action.text()

    # 1. the action without a selected licence asks for the mine
    seen: dict = {}

    def choose(dialog):
        seen["choices"] = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
        dialog.combo.setCurrentIndex(dialog.combo.findData(LICENCE))
        seen["shot"] = shot(dialog, "mine_chooser")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(MineChooserDialog)), None), [choose], seen)
    action.trigger()
    wait(400)
    facts["chooser"] = seen
    tool = canvas.mapTool()
    facts["map_tool"] = type(tool).__name__ if tool is not None else None
    facts["action_checked"] = action.isChecked()
    facts["tool_mine"] = getattr(tool, "license_no", None)
    facts["corner_labels"] = [c["label"] for c in getattr(tool, "corners", [])]
    facts["extent_holds_licence"] = canvas.extent().contains(QgsPointXY(EAST + 200, NORTH - 200))
    facts["mupp"] = canvas.mapUnitsPerPixel()

    # 2. corner 2: pasted receiver text, stake intact, photo, note, a new patrol
    first: dict = {}

    def fill_first(dialog):
        first["title"] = dialog.windowTitle()
        first["patrols"] = [dialog.patrol_combo.itemText(i) for i in range(dialog.patrol_combo.count())]
        type_text(dialog.paste_edit, f"J2,{NORTH + 0.3:.3f},{EAST + 400.4:.3f},1203.4")
        first["north"], first["east"] = dialog.north_edit.text(), dialog.east_edit.text()
        first["verdict"] = dialog.verdict_label.text()
        dialog.stake_combo.setCurrentIndex(dialog.stake_combo.findData("intact"))
        dialog.photo_widget.setFilePath(str(photo))
        type_text(dialog.note_edit, "界桩清晰")
        type_text(dialog.inspectors_edit, "张伟、李强")
        first["flag"] = dialog.patrol_flag.text()
        first["shot"] = shot(dialog, "corner_check_dialog")
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(CornerCheckDialog)), None), [fill_first], first)
    click(pixel_of(NORTH, EAST + 400, 4, 3))  # 5 pixels off the corner: still its check
    wait(400)
    facts["first"] = first

    # 3. corner 3: an implausible point first (OK disabled), then the point picked on the map
    second: dict = {}

    def far_then_pick(dialog):
        second["patrols"] = [dialog.patrol_combo.itemText(i) for i in range(dialog.patrol_combo.count())]
        type_text(dialog.north_edit, f"{NORTH - 400 + 10_000:.2f}")
        type_text(dialog.east_edit, f"{EAST + 400:.2f}")
        second["far_verdict"] = dialog.verdict_label.text()
        second["far_ok_enabled"] = dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
        second["far_accept_visible"] = dialog.accept_far.isVisible()
        second["far_shot"] = shot(dialog, "corner_check_implausible")
        dialog.pick_button.click()
        return True

    drive(lambda: next(iter(visible_dialogs(CornerCheckDialog)), None), [far_then_pick], second)
    click(pixel_of(NORTH - 400, EAST + 400, 3, 3))
    wait(300)
    second["picking"] = tool.picking is not None

    def after_pick(dialog):
        second["picked_north"], second["picked_east"] = dialog.north_edit.text(), dialog.east_edit.text()
        second["picked_verdict"] = dialog.verdict_label.text()
        second["accept_visible_after_pick"] = dialog.accept_far.isVisible()
        dialog.patrol_combo.setCurrentIndex(0)  # the patrol made with corner 2
        second["flag"] = dialog.patrol_flag.text()
        dialog.stake_combo.setCurrentIndex(dialog.stake_combo.findData("damaged"))
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(CornerCheckDialog)), None), [after_pick], second)
    click(pixel_of(NORTH - 400 + 2.0, EAST + 400 + 1.5))  # the measured position (2.5 m off the corner)
    wait(400)
    facts["second"] = second

    # 4. corner 4: typed without the zone prefix, same patrol: three checks, no more flag
    third: dict = {}

    def typed(dialog):
        type_text(dialog.north_edit, f"{NORTH - 400 + 0.2:.2f}")
        type_text(dialog.east_edit, f"{EAST - ZONE:.2f}")
        third["verdict"] = dialog.verdict_label.text()
        dialog.patrol_combo.setCurrentIndex(0)
        third["flag"] = dialog.patrol_flag.text()
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(CornerCheckDialog)), None), [typed], third)
    click(pixel_of(NORTH - 400, EAST))
    wait(400)
    facts["third"] = third

    # 5. a click far from every corner opens nothing
    mark = len(REPORT["messages"])
    click(pixel_of(NORTH - 200, EAST + 200))
    wait(200)
    facts["far_click_dialogs"] = len(visible_dialogs(CornerCheckDialog))
    facts["far_click_messages"] = [m["text"] for m in REPORT["messages"][mark:]]
    facts["drawn_checks"] = [(c["corner_no"], c["label"], c["colour"]) for c in tool.checks]
    wait_render = time.monotonic() + 10
    while canvas.isDrawing() and time.monotonic() < wait_render:
        wait(50)
    wait(300)
    facts["canvas_shot"] = shot(iface.mainWindow(), "corner_check_window")
    facts["checks"] = rows(database, "SELECT * FROM corner_checks ORDER BY fid")
    facts["inspections"] = rows(database, "SELECT fid, inspection_date, kind, inspectors, license_no, license_nos, "
                                          "matched_by FROM inspections ORDER BY fid")
    facts["attachments"] = sorted(str(p.relative_to(WORK)) for p in (WORK / "county_attachments").rglob("*")
                                  if p.is_file()) if (WORK / "county_attachments").exists() else []
    from mine_supervision_plugin.store.project import find_layer

    layer = find_layer("corner_checks")
    facts["layer_features"] = layer.featureCount() if layer is not None else None

    # 6. unchecking the action leaves the tool; the drawing goes
    action.trigger()
    wait(100)
    facts["after_uncheck_tool"] = type(canvas.mapTool()).__name__ if canvas.mapTool() else None
    facts["item_cleared"] = tool.item is not None and not tool.item.corners
    facts["is_corner_tool"] = isinstance(tool, CornerCheckTool)


# --- the zones dock ----------------------------------------------------------------------------------


def zones_layer(path: Path):
    """A scratch polygon layer of zones as a province sends them: fields ZQMC, JB (级别 words), ND."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("Polygon?crs=EPSG:4526", "省厅下发重点矿区", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("ZQMC", QVariant.String), QgsField("JB", QVariant.String),
                            QgsField("ND", QVariant.Int)])
    layer.updateFields()
    year = dt.date.today().year
    shapes = [
        ("青山重点矿区", "省级", year, (EAST - 100, NORTH - 600, EAST + 2000, NORTH + 100)),
        ("远山监测区", "县级", year, (EAST - 100, NORTH - 20_400, EAST + 400, NORTH - 19_900)),
        ("旧名单矿区", "市级", year - 1, (EAST - 100, NORTH - 600, EAST + 600, NORTH + 100)),
    ]
    for name, level, year, (x0, y0, x1, y1) in shapes:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, level, year])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        provider.addFeature(feature)
    QgsProject.instance().addMapLayer(layer)
    return layer


def zones_dock(facts: dict, database: Path) -> None:
    from mine_supervision_plugin.gui.zones_dock import ZoneImportDialog, ZoneRole

    plugin, store = plugins[PLUGIN], plugins[PLUGIN].context.store
    if store is None or store.location != str(database):
        plugin, store = open_in_plugin(database)
    source = zones_layer(WORK)
    dock = next(d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "MineSupervisionZonesDock")
    facts["toggle_in_menu"] = dock.toggleViewAction() in plugin.menu.actions()
    dock.toggleViewAction().trigger()  # shown from the menu, as a user does
    wait(300)
    wait_until(lambda: not dock.loading)
    facts["visible"] = dock.isVisible()
    facts["summary_empty"] = dock.summary.text()
    seen: dict = {}

    def fill(dialog):
        seen["layers"] = [dialog.layer_combo.itemText(i) for i in range(dialog.layer_combo.count())]
        dialog.layer_combo.setLayer(source)
        wait(100)
        seen["mapping"] = {t: c.currentText() for t, c in dialog.mapping.combos.items()}
        seen["shot"] = shot(dialog, "zones_import")
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(ZoneImportDialog)), None), [fill], seen)
    dock.import_button.click()
    wait(300)
    facts["loaded_after_import"] = wait_until(lambda: not dock.loading)
    facts["import"] = seen
    facts["zones_rows"] = rows(database, "SELECT name, level, year FROM monitoring_zones ORDER BY fid")
    facts["table"] = [[dock.proxy.index(r, c).data() for c in range(dock.proxy.columnCount())]
                      for r in range(dock.proxy.rowCount())]
    facts["summary"] = dock.summary.text()
    # a patrol of the producing mine in the period: it is no longer overdue for that month
    from mine_supervision_plugin.store.corner_checks import record_corner_check

    today = dt.date.today()
    record_corner_check(store, LICENCE, 1, measured=None, tolerance_m=1.0,
                        new_patrol={"inspection_date": today, "kind": "patrol"})
    plugin.context.dataChanged.emit("inspections")
    wait(300)
    wait_until(lambda: not dock.loading)
    zone_row = next(r for r in range(dock.proxy.rowCount()) if dock.proxy.index(r, 0).data() == "青山重点矿区")
    dock.zones_view.clicked.emit(dock.proxy.index(zone_row, 0))  # a click zooms to the zone
    dock.zones_view.setCurrentIndex(dock.proxy.index(zone_row, 0))
    wait(500)
    zone = dock.proxy.index(zone_row, 0).data(ZoneRole)
    facts["zone_title"] = dock.zone_title.text()
    facts["mines"] = [[dock.mines_model.index(r, c).data() for c in range(dock.mines_model.columnCount())]
                      for r in range(dock.mines_model.rowCount())]
    facts["mine_backgrounds"] = [
        (dock.mines_model.index(r, 0).data(Qt.BackgroundRole).color().name()
         if dock.mines_model.index(r, 0).data(Qt.BackgroundRole) is not None else None)
        for r in range(dock.mines_model.rowCount())]
    extent = iface.mapCanvas().extent()
    facts["extent_holds_zone"] = extent.contains(QgsPointXY(zone.bounds[0], zone.bounds[1])) and extent.contains(
        QgsPointXY(zone.bounds[2], zone.bounds[3]))
    facts["extent_width"] = extent.width()
    # the level filter
    dock.level_combo.setCurrentIndex(dock.level_combo.findData("county"))
    wait(100)
    facts["county_only"] = [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]
    dock.level_combo.setCurrentIndex(0)
    # last year's list
    dock.year_spin.setValue(today.year - 1)
    wait(300)
    wait_until(lambda: not dock.loading)
    facts["last_year"] = [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]
    dock.year_spin.setValue(today.year)
    wait(300)
    wait_until(lambda: not dock.loading)
    dock.zones_view.setCurrentIndex(dock.proxy.index(zone_row, 0))
    wait(300)
    # Draw: QGIS's own add-feature tool on the zones layer, in edit mode
    from mine_supervision_plugin.store.project import find_layer

    dock.draw_button.click()
    wait(200)
    zones = find_layer("monitoring_zones")
    tool = iface.mapCanvas().mapTool()
    facts["draw"] = {"editable": zones.isEditable(), "active": iface.activeLayer() is zones,
                     "tool": type(tool).__name__ if tool else None,
                     "add_feature_checked": iface.actionAddFeature().isChecked()}
    zones.rollBack()
    iface.actionPan().trigger()
    facts["dock_shot"] = shot(dock, "zones_dock")
    facts["window_shot"] = shot(iface.mainWindow(), "zones_window")
    # the rights dock: the patrols column
    rights = next(d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == "MineSupervisionRightsDock")
    rights.toggleViewAction().trigger()
    wait(300)
    facts["rights_loaded"] = wait_until(lambda: not rights.overdue_loading)
    model = rights.model
    column = model.columnCount() - 1
    facts["rights_header"] = model.headerData(column, Qt.Horizontal)
    facts["rights_patrols"] = {model.record(r).license_no: [
        model.index(r, column).data(),
        model.index(r, column).data(Qt.BackgroundRole).color().name()
        if model.index(r, column).data(Qt.BackgroundRole) is not None else None,
        model.index(r, column).data(Qt.ToolTipRole)] for r in range(model.rowCount())}
    facts["rights_zones"] = {r.license_no: r.zones for r in model.records()}
    facts["rights_shot"] = shot(rights, "rights_dock_patrols")


# --- Record patrol… ---------------------------------------------------------------------------------

GPX = ('<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>XJ-9</name>'
       '<trkseg><trkpt lat="34.780" lon="114.000"><time>2026-03-05T01:00:00Z</time></trkpt>'
       '<trkpt lat="34.781" lon="114.002"><time>2026-03-05T02:00:00Z</time></trkpt></trkseg></trk></gpx>')


def record_patrol(facts: dict, database: Path) -> None:
    from mine_supervision_plugin.gui.patrol_dialog import RecordPatrolDialog
    from mine_supervision_plugin.store.project import find_layer

    plugin, store = plugins[PLUGIN], plugins[PLUGIN].context.store
    if store is None or store.location != str(database):
        plugin, store = open_in_plugin(database)
    gpx = WORK / "XJ-9.gpx"
    gpx.write_text(GPX, encoding="utf-8")
    photos = [WORK / "p1.jpg", WORK / "p2.jpg"]
    for photo in photos:
        photo.write_bytes(b"\xff\xd8 not a real jpeg")
    rights = find_layer("mining_rights")
    rights.selectByExpression(f"license_no = '{OTHER}'")
    before = len(rows(database, "SELECT fid FROM inspections"))
    seen: dict = {}

    def refuse_then_fill(dialog):
        seen["ticked"] = dialog.mines()
        seen["mines"] = dialog.mines_list.count()
        seen["kinds"] = [b.text() for b in dialog.kind_buttons.buttons()]
        # untick the preselected mine: OK is refused in words, the dialog stays
        for i in range(dialog.mines_list.count()):
            dialog.mines_list.item(i).setCheckState(Qt.Unchecked)
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        wait(100)
        seen["refusal"] = dialog.error_label.text()
        seen["still_open"] = dialog.isVisible()
        for i in range(dialog.mines_list.count()):
            if dialog.mines_list.item(i).data(Qt.UserRole) in (LICENCE, OTHER):
                dialog.mines_list.item(i).setCheckState(Qt.Checked)
        dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "kind_field_check").click()
        type_text(dialog.inspectors_edit, "王芳")
        dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "check_signboard_ok").click()
        dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "check_piles_problem").click()
        dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "check_village_ok").click()
        dialog.findChild(type(dialog.kind_buttons.buttons()[0]), "check_village_ok").click()  # taken back
        type_text(dialog.finding_edit, "尾矿堆放在矿区外")
        type_text(dialog.result_edit, "责令整改")
        dialog.route_widget.setFilePath(str(gpx))
        dialog.photos_widget.setFilePath(" ".join(f'"{p}"' for p in photos))
        seen["shot"] = shot(dialog, "record_patrol_dialog")
        dialog.buttons.button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(RecordPatrolDialog)), None), [refuse_then_fill], seen)
    plugin_actions()["mMineSupervision_record_patrol"].trigger()
    wait(500)
    facts["seen"] = seen
    written = rows(database, "SELECT * FROM inspections ORDER BY fid")
    facts["new_rows"] = len(written) - before
    facts["row"] = {k: v for k, v in written[-1].items() if k != "geom"}
    facts["has_route"] = written[-1]["geom"] is not None
    facts["photos"] = rows(database, f"SELECT inspection_id, photo_path FROM inspection_photos "
                                     f"WHERE inspection_id = {written[-1]['fid']} ORDER BY fid")


# --- driver ---------------------------------------------------------------------------------------


def main() -> None:
    try:
        iface.mainWindow().setGeometry(0, 0, 1366, 768)  # a laptop screen (Xvfb has no window manager to maximise)
        wait(300)
        database = make_database(os.environ.get("MS_DATABASE") or WORK / "county.gpkg")
        cases = os.environ.get("MS_CASES", "corner_checks").split(",")
        if "corner_checks" in cases:
            with Case("corner_checks") as facts:
                corner_checks(facts, database)
        if "record_patrol" in cases:
            with Case("record_patrol") as facts:
                record_patrol(facts, database)
        if "zones" in cases:
            with Case("zones") as facts:
                zones_dock(facts, database)
    except Exception:  # noqa: BLE001 - everything goes into the report
        REPORT["errors"].append(traceback.format_exc())
    finish()


def finish() -> None:
    progress("finish")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)

    def quit_qgis():
        QgsProject.instance().clear()
        iface.actionExit().trigger()

    QTimer.singleShot(0, quit_qgis)


def begin() -> None:
    progress("begin")
    QTimer.singleShot(int(os.environ.get("MS_WATCHDOG_S", "150")) * 1000, watchdog)
    iface.messageBar().widgetAdded.connect(record_message)
    catch_python_errors()
    QTimer.singleShot(200, main)


progress("script started")
sys.stdout.flush()
QTimer.singleShot(0, begin)
