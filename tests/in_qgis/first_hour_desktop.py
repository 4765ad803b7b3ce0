"""Run inside the real QGIS desktop (qgis --code): a technician's first hour on a laptop, in Chinese.

QGIS runs on a 1366 × 768 Xvfb screen with the locale zh-Hans (Debian's name for its Chinese).
The paths: QGIS's own menus and Qt's buttons are Chinese, and so are ours; the main window fits
the screen with the plugin's docks tabified and the verification form's Save button reachable;
New / Open supervision database on a dirty project holding the user's raster asks to save
(Cancel changes nothing; continuing keeps the raster); a refused action's warning leaves the bar
once an action succeeds; a selected patch leaves the imagery under it visible in the main map,
both compare views and the swipe; opening another database resets the imagery dock's dates.

Environment: MS_RESULT (JSON report), MS_DEMO (the generated demo county), MS_WORK (a folder).
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QScrollArea,
)
from qgis.utils import iface, plugins

PLUGIN = "mine_supervision_plugin"
DEMO = Path(os.environ.get("MS_DEMO", ""))
WORK = Path(os.environ.get("MS_WORK", "/tmp"))
REPORT: dict = {"cases": {}, "errors": []}
OUR_DOCKS = ("MineSupervisionRightsDock", "MineSupervisionPatchesDock", "MineSupervisionImageryDock")


# --- helpers -----------------------------------------------------------------------------------


def progress(text: str) -> None:
    with open(os.environ["MS_RESULT"] + ".log", "a", encoding="utf-8") as stream:
        stream.write(f"{time.monotonic():.1f} {text}\n")


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def wait_until(condition, timeout_s: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        wait(50)
    return bool(condition())


def visible(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def answer_later(find, act, seen: dict, timeout_s: float = 15.0) -> None:
    """Once ``find()`` returns a shown dialog, ``act(dialog)`` answers it (as a user would, from a timer).

    Not found in time: every dialog shown is rejected and named in ``seen``, so the run never hangs.
    """
    deadline = time.monotonic() + timeout_s

    def tick():
        dialog = find()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(50, tick)
            else:
                seen["timeout"] = [f"{type(d).__name__}:{d.windowTitle()}" for d in visible(QDialog)]
                progress(f"timeout, dialogs {seen['timeout']}")
                for shown in visible(QDialog):
                    shown.reject()
            return
        progress(f"answering {type(dialog).__name__}: {dialog.windowTitle()}")
        try:
            act(dialog)
        except Exception:  # noqa: BLE001 - reported, never left hanging
            seen.setdefault("errors", []).append(traceback.format_exc())
            dialog.reject()

    QTimer.singleShot(0, tick)


def answer_save_prompt(button: int, seen: dict) -> None:
    """Answer the plugin's "save changes?" box with ``button`` (QMessageBox.Cancel, Discard, Save)."""
    def act(box):
        seen["prompt"] = {"title": box.windowTitle(), "text": box.text(), "name": box.objectName(),
                          "buttons": sorted(b.text() for b in box.buttons()),
                          "continue": box.button(QMessageBox.Discard).text(),
                          "continue_translated": QCoreApplication.translate("@default", "Continue without saving"),
                          "save": box.button(QMessageBox.Save).text(), "cancel": box.button(QMessageBox.Cancel).text()}
        box.button(button).click()

    answer_later(lambda: next(iter(visible(QMessageBox)), None), act, seen)


def answer_file_dialog(path: str, seen: dict) -> None:
    def act(dialog):
        seen["file_dialog"] = dialog.windowTitle()
        dialog.findChild(QLineEdit, "fileNameEdit").setText(path)
        box = dialog.findChild(QDialogButtonBox)
        (box.button(QDialogButtonBox.Open) or box.button(QDialogButtonBox.Save)).click()

    answer_later(lambda: next(iter(visible(QFileDialog)), None), act, seen)


def actions() -> dict:
    menu = next(a.menu() for a in iface.mainWindow().menuBar().actions()
                if a.menu() is not None and a.menu().objectName() == "mMineSupervisionMenu")
    return {a.objectName(): a for a in menu.actions() if a.objectName().startswith("mMineSupervision_")}


def dock(name: str) -> QDockWidget:
    return iface.mainWindow().findChild(QDockWidget, name)


def context():
    return plugins[PLUGIN].context


def bar_texts() -> list[str]:
    return [item.text() for item in iface.messageBar().items()]


def layer_names() -> list[str]:
    return sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())


def supervision_tables() -> list[str]:
    return sorted(str(layer.customProperty("mine_supervision/table")) for layer in QgsProject.instance().mapLayers().values()
                  if layer.customProperty("mine_supervision/table"))


def rgb(colour: QColor) -> list[int]:
    return [colour.red(), colour.green(), colour.blue(), colour.alpha()]


def render(settings: QgsMapSettings):
    job = QgsMapRendererParallelJob(QgsMapSettings(settings))
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def interior_pixels(image, settings: QgsMapSettings, geometry, step: int = 3) -> list[tuple[int, int]]:
    """Pixels well inside ``geometry`` (map units of ``settings``): away from its outline and labels."""
    transform = settings.mapToPixel()
    inner = geometry.buffer(-max(geometry.boundingBox().width(), geometry.boundingBox().height()) * 0.12, 4)
    box = inner.boundingBox()
    pixels = []
    from qgis.core import QgsGeometry, QgsPointXY

    top_left = transform.transform(QgsPointXY(box.xMinimum(), box.yMaximum()))
    bottom_right = transform.transform(QgsPointXY(box.xMaximum(), box.yMinimum()))
    for x in range(int(top_left.x()), int(bottom_right.x()) + 1, step):
        for y in range(int(top_left.y()), int(bottom_right.y()) + 1, step):
            if not (0 <= x < image.width() and 0 <= y < image.height()):
                continue
            point = transform.toMapCoordinates(x, y)
            if inner.contains(QgsGeometry.fromPointXY(QgsPointXY(point))):
                pixels.append((x, y))
    return pixels


def compare_selected(image_selected, image_plain, pixels) -> dict:
    """How the selected rendering differs from the plain one inside the patch."""
    diffs, yellow = [], 0
    for x, y in pixels:
        a, b = QColor(image_selected.pixel(x, y)), QColor(image_plain.pixel(x, y))
        diffs.append((abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())) / 3)
        if a.red() > 235 and a.green() > 215 and a.blue() < 60:
            yellow += 1
    return {"pixels": len(pixels), "mean_diff": sum(diffs) / len(diffs) if diffs else None,
            "max_diff": max(diffs) if diffs else None, "yellow_share": yellow / len(pixels) if pixels else None,
            "plain_colours": len({image_plain.pixel(x, y) for x, y in pixels})}


class Case:
    def __init__(self, name: str):
        self.name = name
        self.facts: dict = {}

    def __enter__(self) -> dict:
        progress("case " + self.name)
        REPORT["cases"][self.name] = self.facts
        return self.facts

    def __exit__(self, kind, error, tb) -> bool:
        if error is not None:
            self.facts["error"] = "".join(traceback.format_exception(kind, error, tb))
        return True


# --- preparing the databases (Processing, as a script would) -----------------------------------------


def make_databases() -> tuple[Path, Path]:
    import processing

    full, empty = WORK / "county.gpkg", WORK / "other.gpkg"
    for path in (full, empty):
        processing.run("minesupervision:createdatabase", {"DATABASE": str(path), "CRS": "EPSG:4526"})
    processing.run("minesupervision:importcoordinates",
                   {"INPUT": str(DEMO / "rights"), "DATABASE": str(full), "OUTPUT": "TEMPORARY_OUTPUT"})
    processing.run("minesupervision:importpatches",
                   {"INPUT": str(DEMO / "patches" / "wp2024.shp"), "DATABASE": str(full), "OUTPUT": "TEMPORARY_OUTPUT"})
    return full, empty


# --- the paths ----------------------------------------------------------------------------------------


def chinese(facts: dict) -> None:
    """QGIS's own menus, Qt's buttons and ours in Chinese with the locale zh-Hans."""
    window = iface.mainWindow()
    facts["locale"] = QgsSettingsValue("locale/userLocale")
    facts["menus"] = [a.text() for a in window.menuBar().actions()]
    facts["project_menu"] = iface.projectMenu().title()
    facts["save_action"] = iface.actionSaveProject().text()
    facts["our_menu"] = next(a.text() for a in window.menuBar().actions()
                             if a.menu() is not None and a.menu().objectName() == "mMineSupervisionMenu")
    facts["our_actions"] = [a.text() for a in actions().values()]
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    facts["qt_buttons"] = [box.button(QDialogButtonBox.Ok).text(), box.button(QDialogButtonBox.Cancel).text()]
    box.deleteLater()


def QgsSettingsValue(key: str) -> str:  # noqa: N802
    from qgis.core import QgsSettings

    return str(QgsSettings().value(key, ""))


def layout(facts: dict) -> None:
    """At 1366 × 768 the window fits with the plugin's docks tabified; the form's Save button can be reached."""
    window = iface.mainWindow()
    screen = QApplication.primaryScreen()
    available = screen.availableGeometry()
    facts["screen"] = [screen.geometry().width(), screen.geometry().height()]
    window.setGeometry(available)
    window.showMaximized()
    for name in OUR_DOCKS:
        widget = dock(name)
        if not widget.isVisible():
            widget.toggleViewAction().trigger()
        wait(100)
    patches = dock("MineSupervisionPatchesDock")
    facts["front_after_showing"] = [name for name in OUR_DOCKS if not dock(name).visibleRegion().isEmpty()]
    # the user clicks the patches tab of the tab group
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QTabBar

    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()
            and patches.windowTitle() in [bar.tabText(i) for i in range(bar.count())]]
    facts["tab_bars"] = [[bar.tabText(i) for i in range(bar.count())] for bar in bars]
    if bars:
        index = [bars[0].tabText(i) for i in range(bars[0].count())].index(patches.windowTitle())
        QTest.mouseClick(bars[0], Qt.LeftButton, Qt.NoModifier, bars[0].tabRect(index).center())
    wait(300)
    facts["window"] = [window.frameGeometry().width(), window.frameGeometry().height()]
    facts["window_minimum"] = [window.minimumSizeHint().width(), window.minimumSizeHint().height()]
    status = window.statusBar()
    bottom_left = status.mapToGlobal(status.rect().bottomLeft())
    facts["status_bar_visible"] = status.isVisible()
    facts["status_bar_bottom"] = bottom_left.y()
    facts["areas"] = {name: int(window.dockWidgetArea(dock(name))) for name in OUR_DOCKS}
    facts["tabified"] = {name: sorted(d.objectName() for d in window.tabifiedDockWidgets(dock(name))) for name in OUR_DOCKS}
    facts["scrolls"] = {name: isinstance(dock(name).widget(), QScrollArea) for name in OUR_DOCKS}
    facts["patches_in_front"] = patches.isVisible() and not patches.visibleRegion().isEmpty()
    facts["patches_height"] = patches.height()
    # the Save button: brought into view by its scroll areas (as a user scrolls), then visible on screen
    patches.tabs.setCurrentIndex(0)
    save = patches.form.save_button
    parent, areas = save.parentWidget(), []
    while parent is not None and parent is not patches:
        if isinstance(parent, QScrollArea):
            areas.append(parent)
        parent = parent.parentWidget()
    for area in areas:  # innermost first
        area.ensureWidgetVisible(save, 0, 0)
        wait(50)
    facts["save_scroll_areas"] = len(areas)
    top_left = save.mapToGlobal(save.rect().topLeft())
    bottom_right = save.mapToGlobal(save.rect().bottomRight())
    facts["save_visible"] = save.isVisible() and not save.visibleRegion().isEmpty()
    facts["save_visible_height"] = save.visibleRegion().boundingRect().height()
    facts["save_height"] = save.height()
    facts["save_global"] = [top_left.x(), top_left.y(), bottom_right.x(), bottom_right.y()]
    grab = window.grab()
    grab.save(str(WORK / "laptop.png"))


def prompt_and_layers(facts: dict, full: Path, raster_path: Path) -> None:
    """A dirty project with the user's raster: New… asks (Cancel: nothing changes), Open… keeps the raster."""
    project = QgsProject.instance()
    facts["selection_colour_before"] = rgb(iface.mapCanvas().selectionColor())
    raster = iface.addRasterLayer(str(raster_path), "我的影像")
    wait(200)
    facts["dirty"] = project.isDirty()
    # a refused action first: its warning must leave the bar once an action succeeds
    actions()["mMineSupervision_draw_patch"].trigger()
    wait(100)
    facts["bar_after_refusal"] = bar_texts()

    seen: dict = {}
    answer_save_prompt(QMessageBox.Cancel, seen)
    actions()["mMineSupervision_new_database"].trigger()
    wait(200)
    facts["cancel"] = {
        "seen": seen, "new_dialog_shown": bool(visible(QDialog) and any(type(d).__name__ == "NewDatabaseDialog" for d in visible(QDialog))),
        "layers": layer_names(), "dirty": project.isDirty(), "store": context().store is not None,
        "raster_valid": raster.isValid(),
    }
    for dialog in visible(QDialog):
        dialog.reject()

    seen = {}
    answer_save_prompt(QMessageBox.Discard, seen)
    answer_file_dialog(str(full), seen)
    actions()["mMineSupervision_open_database"].trigger()
    wait(300)
    store = context().store
    root = project.layerTreeRoot()
    facts["continue"] = {
        "seen": seen, "store": store.location if store is not None else None, "layers": layer_names(),
        "tables": supervision_tables(), "raster_kept": project.mapLayer(raster.id()) is not None,
        "raster_in_root": root.findLayer(raster.id()) is not None and root.findLayer(raster.id()).parent() is root,
        "groups": [g.name() for g in root.findGroups()],
    }
    facts["bar_after_success"] = bar_texts()
    facts["warning_text"] = QCoreApplication.translate(
        "@default", "Open a supervision database first: the drawn patch is stored in it.")
    facts["selection_colour_open"] = rgb(iface.mapCanvas().selectionColor())


def selection(facts: dict, full: Path) -> None:
    """A patch selected with Next in the patches dock: the imagery under it stays visible everywhere."""
    from mine_supervision_plugin.store.project import find_layer

    for tif in sorted((DEMO / "imagery").glob("*.tif")):
        iface.addRasterLayer(str(tif), tif.stem)
    wait(200)
    patches, viewer = dock("MineSupervisionPatchesDock"), dock("MineSupervisionImageryDock")
    if not viewer.isVisible():
        viewer.toggleViewAction().trigger()
    viewer.raise_()
    wait(200)
    patches.reload()
    wait_until(lambda: patches.proxy.rowCount() > 0)
    patch_no = patches.next_patch()
    wait(300)
    rasters = {lyr.name(): lyr for lyr in QgsProject.instance().mapLayers().values()}
    viewer.set_imagery(rasters["imagery_2025-10-15_before"], rasters["imagery_2026-10-20_after"])  # the demo's two
    wait(300)
    facts["patch_no"] = patch_no
    layer = find_layer("patches")
    facts["selected"] = layer.selectedFeatureCount()
    feature = next(f for f in layer.getFeatures() if f["patch_no"] == patch_no)
    geometry = feature.geometry()
    canvas = iface.mapCanvas()
    wait_until(lambda: not canvas.isDrawing())
    facts["main_selection_colour"] = rgb(canvas.mapSettings().selectionColor())
    # the main map as the canvas renders it, selected and not
    settings = QgsMapSettings(canvas.mapSettings())
    selected_image = render(settings)
    selected_ids = layer.selectedFeatureIds()
    layer.removeSelection()
    plain_image = render(settings)
    pixels = interior_pixels(selected_image, settings, geometry)
    facts["main"] = compare_selected(selected_image, plain_image, pixels)
    selected_image.save(str(WORK / "main_selected.png"))
    # the two compare views and the swipe
    layer.selectByIds(selected_ids)
    before, after = viewer.canvases()
    for canvas_ in (before, after):
        wait_until(lambda c=canvas_: not c.isDrawing())
    facts["views_selection_colour"] = [rgb(before.mapSettings().selectionColor()), rgb(after.mapSettings().selectionColor())]
    facts["view_layers"] = [[lyr.name() for lyr in c.layers()] for c in (before, after)]
    for name, canvas_ in (("before", before), ("after", after)):
        view_settings = QgsMapSettings(canvas_.mapSettings())
        with_selection = render(view_settings)
        layer.removeSelection()
        without = render(view_settings)
        layer.selectByIds(selected_ids)
        facts[name] = compare_selected(with_selection, without, interior_pixels(with_selection, view_settings, geometry))
        with_selection.save(str(WORK / f"{name}_selected.png"))
    viewer.set_swipe(True)
    wait(200)
    viewer.wait_for_swipe()
    swipe_selected = viewer.swipe_item.image.copy()
    swipe_settings = QgsMapSettings(before.mapSettings())
    layer.removeSelection()
    viewer._render_swipe()
    viewer.wait_for_swipe()
    swipe_plain = viewer.swipe_item.image.copy()
    layer.selectByIds(selected_ids)
    facts["swipe"] = compare_selected(swipe_selected, swipe_plain, interior_pixels(swipe_selected, swipe_settings, geometry))
    viewer.set_swipe(False)
    facts["labels_with_patch"] = list(viewer.date_texts())


def other_database(facts: dict, empty: Path) -> None:
    """Opening another database: the imagery dock forgets the previous patch's dates; the user's rasters stay."""
    viewer = dock("MineSupervisionImageryDock")
    project = QgsProject.instance()
    rasters_before = sorted(lyr.name() for lyr in project.mapLayers().values() if lyr.type() == lyr.RasterLayer)
    seen: dict = {}
    if project.isDirty():
        answer_save_prompt(QMessageBox.Discard, seen)
    answer_file_dialog(str(empty), seen)
    actions()["mMineSupervision_open_database"].trigger()
    wait(300)
    store = context().store
    facts["seen"] = seen
    facts["store"] = store.location if store is not None else None
    facts["labels"] = list(viewer.date_texts())
    facts["unknown_text"] = QCoreApplication.translate("@default", "patch date unknown")
    facts["rasters_before"] = rasters_before
    facts["rasters_after"] = sorted(lyr.name() for lyr in project.mapLayers().values() if lyr.type() == lyr.RasterLayer)
    facts["tables"] = supervision_tables()
    facts["supervision_groups"] = [g.name() for g in project.layerTreeRoot().findGroups()]
    facts["patches_features"] = next((lyr.featureCount() for lyr in project.mapLayers().values()
                                      if lyr.customProperty("mine_supervision/table") == "patches"), None)
    # closing the database: the user's selection colour comes back
    iface.newProject(False)
    wait(200)
    facts["selection_colour_closed"] = rgb(iface.mapCanvas().selectionColor())


def main() -> None:
    try:
        full, empty = make_databases()
        with Case("chinese") as facts:
            chinese(facts)
        with Case("layout") as facts:
            layout(facts)
        with Case("prompt") as facts:
            prompt_and_layers(facts, full, sorted((DEMO / "imagery").glob("*before.tif"))[0])
        with Case("selection") as facts:
            selection(facts, full)
        with Case("other_database") as facts:
            other_database(facts, empty)
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


def watchdog() -> None:
    shown = [f"{type(w).__name__}:{w.windowTitle()}" for w in QApplication.topLevelWidgets() if w.isVisible()]
    REPORT["errors"].append(f"watchdog: still running; visible top-level widgets: {shown}")
    with open(os.environ["MS_RESULT"], "w", encoding="utf-8") as stream:
        json.dump(REPORT, stream, ensure_ascii=False, indent=1, default=str)
    os._exit(3)


def catch_python_errors() -> None:
    """QGIS shows a Python exception raised in a slot in a dialog: record its text, close it, carry on."""
    from qgis.PyQt.QtWidgets import QTextEdit

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and isinstance(widget, QDialog) and widget.findChildren(QTextEdit) \
                and "Python" in widget.windowTitle():
            text = "\n".join(w.toPlainText() for w in widget.findChildren(QTextEdit))
            REPORT.setdefault("python_errors", []).append(text)
            progress("python error " + text[:400].replace("\n", " | "))
            widget.close()
    QTimer.singleShot(300, catch_python_errors)


def begin() -> None:
    progress("begin")
    catch_python_errors()
    QTimer.singleShot(int(os.environ.get("MS_WATCHDOG_S", "240")) * 1000, watchdog)
    QTimer.singleShot(200, main)


progress("script started")
QTimer.singleShot(0, begin)
