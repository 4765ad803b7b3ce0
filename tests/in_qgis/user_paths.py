"""Run inside the real QGIS desktop (qgis --code): every user path of the plugin, as a user walks it.

The plugin was installed from its zip into the profile and loaded by QGIS at start-up.
Menu actions are triggered; the dialogs they open (our own, QGIS's file dialogs,
Processing's algorithm dialog) are found among the top-level widgets and filled in
and accepted; the draw tool gets mouse clicks on the map canvas.

Each case writes its facts (rows read back from the GeoPackage with sqlite3, layers
of the project, message bar texts, widget states) under report["cases"][name], with
"error" holding the traceback when the case failed; the pytest side asserts them.

Environment: MS_RESULT (JSON report), MS_DEMO (the generated demo county),
MS_WORK (a folder for the databases), MS_INSTALLED_PLUGIN (where the zip was unpacked).
"""

import datetime as dt
import json
import os
import sqlite3
import sys
import time
import traceback
from pathlib import Path

from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsRectangle, QgsSettings
from qgis.gui import QgsMessageBarItem
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QInputMethodEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAction,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QToolButton,
)
from qgis.utils import active_plugins, iface

PLUGIN = "mine_supervision_plugin"
DEMO = Path(os.environ.get("MS_DEMO", ""))
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
REPORT: dict = {"cases": {}, "errors": [], "startup_messages": [], "messages": [], "python_errors": []}
PYTHON_ERROR_TITLE = "An error has occurred while executing Python code"


# --- helpers -----------------------------------------------------------------------------------


def progress(text: str) -> None:
    """A line in $MS_RESULT.log, so a run that hangs shows where."""
    with open(os.environ["MS_RESULT"] + ".log", "a", encoding="utf-8") as stream:
        stream.write(f"{time.monotonic():.1f} {text}\n")


def watchdog() -> None:
    """Still running long after it should have finished: report what is shown and end QGIS."""
    shown = [f"{type(w).__name__}:{w.windowTitle()}" for w in QApplication.topLevelWidgets() if w.isVisible()]
    REPORT["errors"].append(f"watchdog: still running; visible top-level widgets: {shown}")
    progress("watchdog " + repr(shown))
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    os._exit(3)


def catch_python_errors() -> None:
    """QGIS shows a Python exception raised in a slot in a dialog: record its text, close it, carry on."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowTitle().startswith(PYTHON_ERROR_TITLE):
            texts = [w.toPlainText() for w in widget.findChildren(QTextEdit)]
            REPORT["python_errors"].append("\n".join(texts) or widget.windowTitle())
            progress("python error " + REPORT["python_errors"][-1][:300].replace("\n", " | "))
            widget.close()
    QTimer.singleShot(300, catch_python_errors)


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget``: key by key when ASCII, else committed by the input method, as Chinese is typed."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def wait_until(condition, timeout_s: float = 30.0, step_ms: int = 50) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        wait(step_ms)
    return bool(condition())


def bar_items() -> list[dict]:
    """What the message bar shows now (the current item and the ones stacked under it)."""
    return [{"level": int(i.level()), "title": i.title(), "text": i.text()} for i in iface.messageBar().items()]


def log_panel_messages() -> str:
    """The text of the "Messages" tab of QGIS's Log Messages panel (every message bar text is logged there)."""
    texts = []
    for tabs in iface.mainWindow().findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.tabText(index).replace("&", "") in ("Messages", "Mine supervision"):
                edit = tabs.widget(index)
                if isinstance(edit, QPlainTextEdit):
                    texts.append(edit.toPlainText())
    return "\n".join(texts)


def record_message(widget) -> None:
    item = sip.cast(widget, QgsMessageBarItem)  # the signal hands over a QWidget
    REPORT["messages"].append({"level": int(item.level()), "title": item.title(), "text": item.text()})


def messages_since(mark: int) -> list[dict]:
    return REPORT["messages"][mark:]


def plugin_actions() -> dict[str, QAction]:
    """The plugin's menu actions by object name (mMineSupervision_<slot>)."""
    menu = next(a.menu() for a in iface.mainWindow().menuBar().actions()
                if a.menu() is not None and a.menu().objectName() == "mMineSupervisionMenu")
    return {a.objectName(): a for a in menu.actions() if a.objectName().startswith("mMineSupervision_")}


def dock(object_name: str) -> QDockWidget:
    return next(d for d in iface.mainWindow().findChildren(QDockWidget) if d.objectName() == object_name)


def visible_dialogs(kind=QDialog) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def drive(find, steps: list, seen: dict, timeout_s: float = 60.0) -> None:
    """Act on the dialog the next call opens, once Qt shows it, as a user would.

    ``find()`` returns the dialog (or None); each step takes it and returns True when done,
    else it is called again 50 ms later. A step that opens a nested modal dialog blocks
    until that one is closed (its own driver was set up before). Errors and timeouts are
    written into ``seen`` and the dialog is closed, so the run never hangs.
    """
    deadline = time.monotonic() + timeout_s

    def tick():
        dialog = find()
        if dialog is not None and not seen.get("_found"):
            seen["_found"] = True
            progress(f"dialog {type(dialog).__name__}")
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


def answer_file_dialog(path: str, seen: dict, key: str) -> None:
    """Answer the next QFileDialog: type ``path`` into its file name box and accept, as a user does."""

    def find():
        dialogs = visible_dialogs(QFileDialog)
        return dialogs[-1] if dialogs else None

    def fill(dialog):
        seen[key] = {"title": dialog.windowTitle(), "filters": dialog.nameFilters(),
                     "class": type(dialog).__name__,
                     "mode": int(dialog.acceptMode())}
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        progress(f"file dialog {dialog.windowTitle()}: entering {path}")
        edit.setText(path)  # typed at once: key by key, the completer's popup takes the keys
        box = dialog.findChild(QDialogButtonBox)
        button = box.button(QDialogButtonBox.Save) or box.button(QDialogButtonBox.Open)
        seen[key]["button"] = button.text()
        seen[key]["selected"] = dialog.selectedFiles()
        progress(f"file dialog: {edit.text()!r} {dialog.selectedFiles()} clicking {button.text()} ({button.isEnabled()})")
        button.click()  # (QFileDialog.accept() is protected)
        progress(f"file dialog visible after click: {dialog.isVisible()}")
        return True

    drive(find, [fill], seen)


def rows(database: Path, sql: str, *args) -> list:
    with sqlite3.connect(str(database)) as connection:
        return [tuple(r) for r in connection.execute(sql, args).fetchall()]


def project_tables() -> dict[str, dict]:
    """The supervision layers of the project: table -> name, feature count, source."""
    result = {}
    for layer in QgsProject.instance().mapLayers().values():
        table = layer.customProperty("mine_supervision/table")
        if table:
            result[str(table)] = {"name": layer.name(), "features": layer.featureCount() if hasattr(layer, "featureCount") else None,
                                  "source": layer.source()}
    return result


def plugin_module(name: str):
    """A module of the installed plugin (the one QGIS loaded)."""
    __import__(f"{PLUGIN}.{name}")
    return sys.modules[f"{PLUGIN}.{name}"]


def the_plugin():
    from qgis.utils import plugins

    return plugins[PLUGIN]


class Case:
    """Collects the facts of one user path; an exception is recorded as the case's error."""

    def __init__(self, name: str):
        self.name = name
        self.facts: dict = {}

    def __enter__(self) -> dict:
        progress("case " + self.name)
        self.started = time.monotonic()
        self.mark = len(REPORT["messages"])
        self.errors_mark = len(REPORT["python_errors"])
        REPORT["cases"][self.name] = self.facts
        return self.facts

    def __exit__(self, kind, error, tb) -> bool:
        self.facts["messages"] = messages_since(self.mark)
        self.facts["seconds"] = round(time.monotonic() - self.started, 2)
        self.facts["python_errors"] = REPORT["python_errors"][self.errors_mark:]
        if error is not None:
            self.facts["error"] = "".join(traceback.format_exception(kind, error, tb))
        return True


# --- the paths --------------------------------------------------------------------------------


def start_up(facts: dict) -> None:
    """What the desktop shows after start-up: the plugin loaded from the installed zip, no GEOS warning."""
    module = sys.modules.get(PLUGIN)
    facts["active"] = PLUGIN in active_plugins
    facts["module_file"] = getattr(module, "__file__", None)
    facts["installed"] = os.environ.get("MS_INSTALLED_PLUGIN")
    facts["bar"] = REPORT["startup_messages"]
    facts["log"] = log_panel_messages()
    facts["actions"] = {name: {"enabled": a.isEnabled(), "feature": a.property("ms_feature"), "text": a.text()}
                        for name, a in plugin_actions().items()}
    facts["docks"] = sorted(d.objectName() for d in iface.mainWindow().findChildren(QDockWidget)
                            if d.objectName().startswith("MineSupervision"))
    shapely = sys.modules.get("shapely")
    facts["shapely"] = getattr(shapely, "__file__", None)
    facts["qgis_geos"] = plugin_module("deps").qgis_geos_version()


def new_database(facts: dict, database: Path) -> None:
    """Menu › New supervision database…: the dialog's file button, QGIS's file dialog, OK."""
    from mine_supervision_plugin.gui.database_dialogs import LAST_FOLDER_KEY, NewDatabaseDialog

    seen: dict = {}

    def fill(dialog):
        seen["title"] = dialog.windowTitle()
        seen["crs_default"] = dialog.crs_widget.crs().authid()
        button = next(b for b in dialog.file_widget.findChildren(QToolButton) if b.text() in ("…", "..."))
        answer_file_dialog(str(database), seen, "file_dialog")
        button.click()  # opens the file dialog; returns when it was answered
        seen["file_widget"] = dialog.file_widget.filePath()
        return True

    def ok(dialog):
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(NewDatabaseDialog)), None), [fill, ok], seen)
    plugin_actions()["mMineSupervision_new_database"].trigger()
    wait(100)
    facts["seen"] = seen
    facts["exists"] = database.exists()
    facts["gpkg_tables"] = sorted(r[0] for r in rows(database, "SELECT table_name FROM gpkg_contents")) if database.exists() else []
    facts["srs"] = rows(database, "SELECT DISTINCT srs_id FROM gpkg_geometry_columns") if database.exists() else []
    facts["project_tables"] = sorted(project_tables())
    facts["project_database"] = QgsProject.instance().readEntry("mine_supervision", "database", "")[0]
    facts["project_crs"] = QgsProject.instance().crs().authid()
    store = the_plugin().context.store
    facts["store"] = store.location if store is not None else None
    facts["last_folder"] = QgsSettings().value(LAST_FOLDER_KEY, "", type=str)


def run_processing_menu(action_name: str, input_path: Path, seen: dict) -> None:
    """Trigger a menu import: fill INPUT in Processing's dialog, Run, wait for the results, Close."""
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsProcessingAlgorithmDialogBase

    def fill_in(dialog):
        seen["algorithm"] = dialog.algorithm().id()
        panel = dialog.mainWidget()
        seen["database"] = panel.wrappers["DATABASE"].parameterValue()
        panel.wrappers["INPUT"].setParameterValue(str(input_path), QgsProcessingContext())
        dialog.runAlgorithm()
        return True

    def wait_then_close(dialog):
        if not dialog.results():
            return False
        seen["results"] = {k: v for k, v in dict(dialog.results()).items() if isinstance(v, (int, float, str))}
        dialog.close()
        return True

    drive(lambda: next(iter(visible_dialogs(QgsProcessingAlgorithmDialogBase)), None), [fill_in, wait_then_close],
          seen, timeout_s=120)
    plugin_actions()[action_name].trigger()
    wait(100)


def import_licences(facts: dict, database: Path) -> None:
    seen: dict = {}
    run_processing_menu("mMineSupervision_import_coordinates", DEMO / "rights", seen)
    facts["seen"] = seen
    facts["rights_rows"] = rows(database, "SELECT count(*) FROM mining_rights")[0][0]
    facts["distinct_licences"] = rows(database, "SELECT count(DISTINCT license_no) FROM mining_rights")[0][0]
    facts["corner_rows"] = rows(database, "SELECT count(*) FROM mining_right_corners")[0][0]
    facts["project_tables"] = project_tables()


def import_patches(facts: dict, database: Path) -> None:
    seen: dict = {}
    run_processing_menu("mMineSupervision_import_patches", DEMO / "patches" / "wp2024.shp", seen)
    facts["seen"] = seen
    facts["patch_rows"] = rows(database, "SELECT count(*) FROM patches")[0][0]
    facts["sources"] = rows(database, "SELECT source, state, count(*) FROM patches GROUP BY source, state")
    facts["issued_events"] = rows(database, "SELECT count(*) FROM patch_events WHERE to_state = 'issued'")[0][0]
    facts["project_tables"] = project_tables()


def open_database(facts: dict, database: Path) -> None:
    """A new empty project (the plugin forgets the database), then Menu › Open supervision database…."""
    iface.newProject(False)
    iface.messageBar().clearWidgets()  # the bar shows a text once: "Opened …" of the New step must go
    wait(100)
    facts["store_after_new_project"] = the_plugin().context.store is not None
    facts["tables_after_new_project"] = sorted(project_tables())
    seen: dict = {}
    answer_file_dialog(str(database), seen, "file_dialog")
    plugin_actions()["mMineSupervision_open_database"].trigger()
    wait(100)
    facts["seen"] = seen
    tables = project_tables()
    facts["project_tables"] = tables
    facts["project_database"] = QgsProject.instance().readEntry("mine_supervision", "database", "")[0]
    store = the_plugin().context.store
    facts["store"] = store.location if store is not None else None
    # the docks follow the opened database
    patches_dock = dock("MineSupervisionPatchesDock")
    rights_dock = dock(plugin_module("gui.rights_dock").OBJECT_NAME)
    wait_until(lambda: patches_dock.model.rowCount() > 0, 10)
    facts["patches_dock_rows"] = patches_dock.model.rowCount()
    facts["rights_dock_visible_before"] = rights_dock.isVisible()
    if not rights_dock.isVisible():
        rights_dock.toggleViewAction().trigger()  # it reads the licences when shown
    wait_until(lambda: rights_dock.model.rowCount() > 0, 10)
    facts["rights_dock_rows"] = rights_dock.model.rowCount()
    facts["bar_now"] = bar_items()


def as_date(value) -> dt.date | None:
    if hasattr(value, "toPyDate"):
        return value.toPyDate() if value.isValid() else None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None  # NULL


def pick_licence(database: Path, on: dt.date):
    """A licence valid on ``on`` and a square well inside its first parcel (map units of the project)."""
    from mine_supervision_plugin.store.project import find_layer

    layer = find_layer("mining_rights")
    candidates = []
    for feature in layer.getFeatures():
        valid_from, valid_to = as_date(feature["valid_from"]), as_date(feature["valid_to"])
        if valid_from is None or valid_to is None or not (valid_from <= on <= valid_to) or not feature.hasGeometry():
            continue
        geometry = feature.geometry()
        candidates.append((geometry.area(), feature["license_no"], QgsGeometry(geometry)))
    candidates.sort(key=lambda c: -c[0])
    for _area, license_no, geometry in candidates:
        others = [f.geometry() for f in layer.getFeatures() if f["license_no"] != license_no and f.hasGeometry()]
        centre = geometry.pointOnSurface().asPoint()
        side = (geometry.area() ** 0.5) * 0.3
        for _ in range(8):
            square = QgsGeometry.fromRect(QgsRectangle(centre.x() - side / 2, centre.y() - side / 2,
                                                       centre.x() + side / 2, centre.y() + side / 2))
            if geometry.contains(square) and not any(o.intersects(square.buffer(side, 4)) for o in others):
                return license_no, square
            side /= 1.6
    raise RuntimeError(f"no licence valid on {on} with room for a square")


def draw_patch(facts: dict, database: Path) -> dict:
    """Draw patrol patch: clicks on the canvas inside a valid licence, the details dialog, the pre-judgment."""
    from mine_supervision_plugin.gui.draw_patch_tool import PatchDetailsDialog, PatchResultDialog

    before, after = dt.date(2025, 10, 15), dt.date(2026, 10, 20)  # the demo imagery's dates
    license_no, square = pick_licence(database, after)
    facts["licence"] = license_no
    facts["square_area"] = square.area()
    canvas = iface.mapCanvas()
    box = QgsRectangle(square.boundingBox())
    box.grow(box.width() * 1.2)
    canvas.setExtent(box)
    canvas.refresh()
    wait(300)
    action = plugin_actions()["mMineSupervision_draw_patch"]
    action.trigger()
    wait(50)
    tool = canvas.mapTool()
    facts["map_tool"] = type(tool).__name__ if tool is not None else None
    facts["action_checked"] = action.isChecked()
    viewport = canvas.viewport()
    transform = canvas.getCoordinateTransform()
    ring = square.asPolygon()[0][:-1]
    pixels = []
    for point in ring:
        pixel = transform.transform(QgsPointXY(point))
        position = QPoint(round(pixel.x()), round(pixel.y()))
        pixels.append([position.x(), position.y()])
        QTest.mouseMove(viewport, position)
        QTest.mouseClick(viewport, Qt.LeftButton, Qt.NoModifier, position)
        wait(120)
    facts["pixels"] = pixels
    facts["vertices_before_finish"] = len(tool.points)
    facts["rubber_band_points"] = tool.rubber_band().numberOfVertices()

    seen: dict = {}

    def fill(dialog):
        seen["title"] = dialog.windowTitle()
        dialog.date_after.setDate(QDate(after.year, after.month, after.day))
        dialog.has_before.click()
        dialog.date_before.setDate(QDate(before.year, before.month, before.day))
        type_text(dialog.remarks, "巡查发现新开挖")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()
        return True

    drive(lambda: next(iter(visible_dialogs(PatchDetailsDialog)), None), [fill], seen)
    last = QPoint(*pixels[-1])
    QTest.mouseClick(viewport, Qt.RightButton, Qt.NoModifier, last)  # right click finishes
    wait(200)
    facts["seen"] = seen
    result = tool.last_result
    facts["patch_no"] = result.patch_no if result else None
    shown = visible_dialogs(PatchResultDialog)
    facts["result_dialog"] = (
        {"title": shown[-1].windowTitle(), "prejudgment": shown[-1].prejudgment_label.text(), "rows": shown[-1].rows}
        if shown else None
    )
    if result is not None:
        facts["stored"] = rows(
            database,
            "SELECT source, state, prejudgment, license_no, area_m2, date_before, date_after, remarks "
            "FROM patches WHERE patch_no = ?", result.patch_no)
        facts["events"] = rows(database, "SELECT from_state, to_state FROM patch_events WHERE patch_no = ?",
                               result.patch_no)
    for dialog in shown:
        dialog.close()
    facts["patches_layer_features"] = project_tables().get("patches", {}).get("features")
    action.trigger()  # the tool off again
    wait(50)
    facts["map_tool_after"] = type(canvas.mapTool()).__name__ if canvas.mapTool() is not None else None
    return {"patch_no": facts["patch_no"]}


def workflow_step(facts: dict, database: Path) -> None:
    """The patches dock: find a satellite patch, fill the verification form, → 已核查 with the real reason dialog."""
    from mine_supervision_plugin.gui.verification_dialog import ReasonDialog

    patches = dock("MineSupervisionPatchesDock")
    toggle = patches.toggleViewAction()
    if not patches.isVisible():
        toggle.trigger()
    wait(100)
    facts["dock_visible"] = patches.isVisible()
    patch_no = rows(database, "SELECT patch_no FROM patches WHERE source = 'satellite' AND state = 'issued' "
                              "ORDER BY patch_no LIMIT 1")[0][0]
    facts["patch_no"] = patch_no
    patches.search_edit.clear()
    QTest.keyClicks(patches.search_edit, patch_no)
    wait(50)
    facts["listed"] = patches.visible_patch_nos()
    patches.next_button.click()
    wait(100)
    facts["current"] = patches.current_patch_no()
    facts["step_buttons"] = sorted(patches.step_buttons)
    form = patches.form
    form.today_button.click()
    form.inspectors_edit.clear()
    type_text(form.inspectors_edit, "张三, 李四")
    type_text(form.finding_edit, "现场有开采痕迹")
    facts["form_dirty"] = form.is_dirty()

    seen: dict = {}

    def answer(dialog):
        seen["title"] = dialog.windowTitle()
        seen["prompt"] = dialog.prompt_label.text()
        ok = dialog.buttons.button(QDialogButtonBox.Ok)
        seen["ok_enabled_empty"] = ok.isEnabled()
        type_text(dialog.reason_edit, "现场核查完成，确有开采")
        seen["ok_enabled_filled"] = ok.isEnabled()
        ok.click()
        return True

    drive(lambda: next(iter(visible_dialogs(ReasonDialog)), None), [answer], seen)
    patches.step_buttons["verified"].click()
    wait(200)
    facts["seen"] = seen
    facts["stored"] = rows(database, "SELECT state, field_check_date, inspectors, finding FROM patches WHERE patch_no = ?",
                           patch_no)
    facts["events"] = rows(database, "SELECT from_state, to_state, reason, user_name, event_time FROM patch_events "
                                     "WHERE patch_no = ? ORDER BY fid", patch_no)
    facts["today"] = dt.date.today().isoformat()
    facts["history_rows"] = [list(r) for r in patches.history_rows()]
    facts["step_buttons_after"] = sorted(patches.step_buttons)
    facts["current_label"] = patches.current_label.text()
    from mine_supervision_plugin.store.project import find_layer

    layer = find_layer("patches")
    facts["layer_state"] = next((f["state"] for f in layer.getFeatures() if f["patch_no"] == patch_no), None)


def imagery(facts: dict, database: Path, patch_no: str) -> None:
    """The imagery dock: the demo GeoTIFFs added to the project, the drawn patch shown before / after."""
    tifs = sorted((DEMO / "imagery").glob("*.tif"))
    facts["tifs"] = [t.name for t in tifs]
    for tif in tifs:
        iface.addRasterLayer(str(tif), tif.stem)
    viewer = dock("MineSupervisionImageryDock")
    facts["dock_name"] = viewer.objectName()
    if not viewer.isVisible():
        viewer.toggleViewAction().trigger()
    wait(200)
    facts["dock_visible"] = viewer.isVisible()
    patches = dock("MineSupervisionPatchesDock")
    patches.search_edit.clear()
    QTest.keyClicks(patches.search_edit, patch_no)
    wait(50)
    facts["listed"] = patches.visible_patch_nos()
    view = patches.view
    cell = view.visualRect(patches.proxy.index(0, 0)).center()
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, cell)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, cell)  # double-click zooms: the imagery follows
    wait(500)
    facts["current"] = patches.current_patch_no()
    before, after = viewer.before_layer(), viewer.after_layer()
    facts["before_layer"] = before.name() if before is not None else None
    facts["after_layer"] = after.name() if after is not None else None
    facts["labels"] = list(viewer.date_texts())
    before_canvas, after_canvas = viewer.canvases()
    facts["before_canvas_layers"] = [layer.name() for layer in before_canvas.layers()]
    facts["after_canvas_layers"] = [layer.name() for layer in after_canvas.layers()]
    patch_box = None
    from mine_supervision_plugin.store.project import find_layer

    for feature in find_layer("patches").getFeatures():
        if feature["patch_no"] == patch_no:
            patch_box = feature.geometry().boundingBox()
    extent = before_canvas.extent()
    facts["before_extent_contains_patch"] = patch_box is not None and extent.contains(patch_box)
    facts["after_extent_contains_patch"] = patch_box is not None and after_canvas.extent().contains(patch_box)
    facts["extent_to_patch_ratio"] = extent.width() / patch_box.width() if patch_box else None
    # what the views show: rendered, not blank
    for name, canvas in (("before", before_canvas), ("after", after_canvas)):
        wait_until(lambda c=canvas: not c.isDrawing(), 20)
        image = canvas.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), max(1, image.width() // 40))
                   for y in range(0, image.height(), max(1, image.height() // 40))}
        facts[f"{name}_size"] = [image.width(), image.height()]
        facts[f"{name}_colours"] = len(colours)


def main() -> None:
    try:
        database = WORK / "county.gpkg"
        with Case("startup") as facts:
            start_up(facts)
        with Case("new_database") as facts:
            new_database(facts, database)
        with Case("import_licences") as facts:
            import_licences(facts, database)
        with Case("import_patches") as facts:
            import_patches(facts, database)
        with Case("open_database") as facts:
            open_database(facts, database)
        drawn: dict = {}
        with Case("draw_patch") as facts:
            drawn = draw_patch(facts, database)
        with Case("workflow_step") as facts:
            workflow_step(facts, database)
        with Case("imagery") as facts:
            if not drawn.get("patch_no"):
                raise RuntimeError("no drawn patch to show (draw_patch failed)")
            imagery(facts, database, drawn["patch_no"])
    except Exception:  # noqa: BLE001 - everything goes into the report
        REPORT["errors"].append(traceback.format_exc())
    finish()


def finish() -> None:
    progress("finish")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)

    def quit_qgis():
        QgsProject.instance().clear()  # quit without questions (unsaved project, scratch layers of Processing)
        iface.actionExit().trigger()

    QTimer.singleShot(0, quit_qgis)


def begin() -> None:
    """Called as soon as the event loop runs: read what start-up left in the message bar, then listen."""
    progress("begin")
    QTimer.singleShot(int(os.environ.get("MS_WATCHDOG_S", "300")) * 1000, watchdog)
    REPORT["startup_messages"] = bar_items()
    iface.messageBar().widgetAdded.connect(record_message)
    catch_python_errors()
    mode = os.environ.get("MS_MODE", "paths")
    if mode == "startup":
        with Case("startup") as facts:
            start_up(facts)
        finish()
    else:
        QTimer.singleShot(200, main)


progress("script started")
QTimer.singleShot(0, begin)
