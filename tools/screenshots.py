"""Run inside QGIS (qgis --code, on Xvfb): open the demo project, show the docks, save screenshots.

The profile's locale is zh-Hans (tools/qgis_profile.py), so QGIS itself is Chinese, not only the plugin.
The plugin's docks are tabified in the right dock area; each shot brings one to the front. The shots are
taken at 1600 × 1000, and once more with the window at 1366 × 768 (a laptop).

Environment: MS_SCREENSHOT_DIR (output folder), MS_DEMO_PROJECT (the .qgz), MS_RESULT (optional JSON report).
"""

import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

OUT = Path(os.environ.get("MS_SCREENSHOT_DIR", "docs/screenshots"))
PROJECT = os.environ.get("MS_DEMO_PROJECT", "")
report = {"shots": [], "errors": []}


def wait(seconds: float) -> None:
    """Let timers (debounced reloads) fire, as a user's pause would."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(rounds: int = 30) -> None:
    wait(1.0)
    canvas = iface.mapCanvas()
    canvas.refresh()
    for _ in range(rounds):
        QCoreApplication.processEvents()
    canvas.waitWhileRendering()
    for _ in range(rounds):
        QCoreApplication.processEvents()


def dock(name: str):
    return iface.mainWindow().findChild(QDockWidget, name)


def shoot(name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    iface.mainWindow().grab().save(str(path))
    report["shots"].append(str(path))


def select_licence(rights) -> None:
    """Select a licence with several parcels in the panel, as a user would, and zoom to it."""
    view = rights.table_view
    model = view.model()
    row = min(5, model.rowCount() - 1)
    view.setFocus()
    view.selectRow(row)
    rights.zoom_to_selection()


def hide_docks() -> None:
    for widget in iface.mainWindow().findChildren(QDockWidget):
        if widget.objectName().startswith("MineSupervision"):
            widget.hide()


def to_front(widget) -> None:
    if not widget.isVisible():
        widget.toggleViewAction().trigger()  # as from the menu: joins the tab group
    widget.raise_()
    wait(0.5)


def main() -> None:
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        window = iface.mainWindow()
        screen = QApplication.primaryScreen().availableGeometry()
        window.setGeometry(screen)
        window.showMaximized()
        if PROJECT and QgsProject.instance().fileName() != PROJECT:
            QgsProject.instance().read(PROJECT)
        plugin = plugins.get("mine_supervision_plugin")
        report["plugin_loaded"] = plugin is not None
        # Close the panels QGIS opens by default that would crowd the picture.
        for name in ("Browser", "Browser2", "LayerStyling", "PythonConsole"):
            widget = window.findChild(QDockWidget, name)
            if widget is not None:
                widget.hide()
        rights = dock("MineSupervisionRightsDock")
        patches = dock("MineSupervisionPatchesDock")
        imagery = dock("MineSupervisionImageryDock")
        hide_docks()
        for widget in (rights, patches, imagery):
            if widget is not None:
                to_front(widget)
        if rights is not None:
            to_front(rights)
            window.resizeDocks([rights], [560], Qt.Horizontal)  # the panels' columns readable at 1600 px
            wait(2.0)  # the panel loads when first shown
            select_licence(rights)
            shoot("rights_dock")
        if patches is not None:
            to_front(patches)
            patches.reload()
            for _ in range(3):
                patches.next_patch()
            shoot("patches_dock")
        if imagery is not None and patches is not None:
            patches.next_patch()  # selected: its outline over the imagery, in the main map and both views
            to_front(imagery)
            iface.mainWindow().resizeDocks([imagery], [760], Qt.Horizontal)  # two views wide enough to read
            settle()
            shoot("imagery_compare")
            iface.mainWindow().resizeDocks([imagery], [560], Qt.Horizontal)
        zones = dock("MineSupervisionZonesDock")
        if zones is not None:
            hide_docks()
            to_front(zones)
            window.resizeDocks([zones], [560], Qt.Horizontal)
            wait(4.0)  # the zones' patrol compliance runs in a task, then the columns fill in
            view = zones.zones_view
            if view.model().rowCount():
                index = view.model().index(0, 0)
                view.setCurrentIndex(index)
                from mine_supervision_plugin.gui.zones_dock import ZoneRole

                zones.zoom_to_zone(index.data(ZoneRole))  # as a click on the zone does
                settle()
            shoot("zones_dock")
        survey = dock("MineSupervisionSurveyDock")
        if survey is not None:
            hide_docks()
            to_front(survey)
            window.resizeDocks([survey], [560], Qt.Horizontal)
            wait(1.0)
            survey.compare()  # the round against the one before it, as the panel's Compare button does
            wait(8.0)
            if survey.proxy.rowCount():  # the first mine (most outside), as a click on it: its overlay on the map
                index = survey.proxy.index(0, 0)
                survey.table.selectRow(0)
                survey._clicked(index)
                settle()
            shoot("survey_dock")
        if patches is not None:
            window.showNormal()
            window.setGeometry(screen.x(), screen.y(), 1366, 768)
            to_front(patches)
            patches.previous_patch()
            settle()
            shoot("laptop_1366x768")
            window.setGeometry(screen)
        hide_docks()
        extent = QgsRectangle()
        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty("mine_supervision/table") == "mining_rights":
                extent = layer.extent()
        if not extent.isEmpty():
            iface.mapCanvas().setExtent(extent)
        shoot("overview")
    except Exception:  # noqa: BLE001 - everything goes into the report
        report["errors"].append(traceback.format_exc())
    if os.environ.get("MS_RESULT"):
        Path(os.environ["MS_RESULT"]).write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(json.dumps(report, indent=1))
    QgsProject.instance().setDirty(False)  # the survey overlay was added: no "save the project?" on exit
    QTimer.singleShot(0, iface.actionExit().trigger)


QTimer.singleShot(3000, main)
