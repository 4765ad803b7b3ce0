"""The plugin object inside QGIS's Python: menus, provider, missing dependencies."""

from __future__ import annotations

import sys

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject

from mine_supervision_plugin import classFactory


def provider_ids() -> set[str]:
    return {p.id() for p in QgsApplication.processingRegistry().providers()}


def test_init_gui_and_unload(qgis_iface):
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert "minesupervision" in provider_ids()
        menu_titles = [a.text() for a in qgis_iface.mainWindow().menuBar().actions()]
        assert any("Mine supervision" in t or "矿产监管" in t for t in menu_titles)
        assert len(plugin.actions) >= 2
        algorithms = {a.id() for a in QgsApplication.processingRegistry().providerById("minesupervision").algorithms()}
        assert "minesupervision:createdatabase" in algorithms
    finally:
        plugin.unload()
    assert "minesupervision" not in provider_ids()
    assert not [a for a in qgis_iface.mainWindow().menuBar().actions() if "Mine supervision" in a.text()]


@pytest.mark.parametrize("missing", ["geopandas", "reportlab", "shapely"])
def test_plugin_loads_without_an_optional_package_and_says_what_to_install(qgis_iface, monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)  # makes "import <missing>" raise ImportError
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert missing in plugin.context.dependencies.missing
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert any("install_debian.sh" in w and missing in w for w in warnings)
        assert "minesupervision" in provider_ids()
        feature = {"geopandas": "analysis", "shapely": "analysis", "reportlab": "documents"}[missing]
        for action in plugin.actions:
            if action.property("ms_feature") == feature:
                assert not action.isEnabled()
                assert missing in action.toolTip()
    finally:
        plugin.unload()


def test_shapely_built_for_another_geos_is_refused_with_the_reason():
    """The rule the start-up check carries: shapely's GEOS must be QGIS's GEOS."""
    from mine_supervision_plugin.deps import qgis_geos_version, shapely_problem

    assert shapely_problem() is None  # the project's shapely: built against the system GEOS, as QGIS's
    problem = shapely_problem(qgis_geos="3.13.0")
    assert problem is not None and "3.13.0" in problem and qgis_geos_version() in problem


def test_the_tests_use_the_assembled_plugin_when_built():
    """What is tested is what users install: with MS_PLUGIN_DIR the package comes from the build folder."""
    import os
    from pathlib import Path

    import mine_supervision_plugin

    if not os.environ.get("MS_PLUGIN_DIR"):
        pytest.skip("run from the source tree (make test sets MS_PLUGIN_DIR)")
    assert Path(mine_supervision_plugin.__file__).resolve().is_relative_to(Path(os.environ["MS_PLUGIN_DIR"]).resolve())


def test_draw_tool_needs_an_open_database_then_becomes_the_map_tool(qgis_iface, tmp_path):
    from mine_supervision_plugin.gui.database_dialogs import create_and_load
    from mine_supervision_plugin.gui.draw_patch_tool import DrawPatchTool

    QgsProject.instance().clear()  # no database of an earlier test's project
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        plugin.draw_action.trigger()
        assert not plugin.draw_action.isChecked()
        assert any("Open a supervision database first" in w or "请先打开监管数据库" in w
                   for w in qgis_iface.messageBar().get_messages(Qgis.Warning))
        create_and_load(plugin.context, str(tmp_path / "county.gpkg"), 4526)
        plugin.draw_action.trigger()
        assert plugin.draw_action.isChecked()
        assert isinstance(qgis_iface.mapCanvas().mapTool(), DrawPatchTool)
    finally:
        plugin.unload()
    assert not isinstance(qgis_iface.mapCanvas().mapTool(), DrawPatchTool)


def _drive_modal_dialog(steps: list, seen: dict, timeout_s: float = 60.0) -> None:
    """Act on the modal dialog the next call opens, as a user would, once Qt shows it.

    ``steps`` are callables taking the dialog; each returns True when done
    (else it is called again a little later): fill in, run, wait, close.
    """
    import time

    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialog

    deadline = time.monotonic() + timeout_s

    def shown_dialog():
        # activeModalWidget() needs a window manager; the offscreen platform has none
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        return dialogs[-1] if dialogs else None

    def tick():
        dialog = shown_dialog()
        if time.monotonic() > deadline:
            seen["timeout"] = f"{len(steps)} steps left, dialog {type(dialog).__name__}"
            if dialog is not None:
                log = getattr(dialog, "textLog", None)
                seen["log"] = log.toPlainText() if log is not None else None
                dialog.done(0)
            return
        if dialog is None or not steps:
            QTimer.singleShot(50, tick)
            return
        try:
            if steps[0](dialog):
                steps.pop(0)
        except Exception as error:  # noqa: BLE001 - reported by the test, never left hanging
            seen["error"] = repr(error)
            dialog.done(0)
            return
        if steps:
            QTimer.singleShot(50, tick)

    QTimer.singleShot(0, tick)


def _run_menu_dialog(qgis_iface, tmp_path, open_dialog, input_path) -> tuple:
    """Open a database, then a menu's Processing dialog; fill INPUT in as a user would, run, wait, close.

    Returns (store, what the dialog showed, tables the panels were told about).
    """
    from qgis.core import QgsProcessingContext

    from mine_supervision_plugin.gui.database_dialogs import create_and_load

    plugin = classFactory(qgis_iface)
    plugin.initGui()
    changed: list[str] = []
    seen: dict = {}
    try:
        store = create_and_load(plugin.context, str(tmp_path / "county.gpkg"), 4526)
        plugin.context.dataChanged.connect(changed.append)

        def fill_in(dialog):
            panel = dialog.mainWidget()
            seen["database"] = panel.wrappers["DATABASE"].parameterValue()
            panel.wrappers["INPUT"].setParameterValue(str(input_path), QgsProcessingContext())
            dialog.runAlgorithm()
            return True

        def wait_then_close(dialog):
            if not dialog.results():
                return False
            seen["results"] = dict(dialog.results())
            dialog.close()
            return True

        _drive_modal_dialog([fill_in, wait_then_close], seen, timeout_s=30)
        open_dialog(plugin)
    finally:
        plugin.unload()
    assert "timeout" not in seen and "error" not in seen, seen
    return store, seen, changed


@pytest.fixture
def processing_plugin(monkeypatch, qgis_iface):
    """QGIS's Processing plugin (its Python package and dialogs), as the desktop application has it."""
    from qgis.gui import QgsBrowserGuiModel

    monkeypatch.syspath_prepend("/usr/share/qgis/python/plugins")
    model = QgsBrowserGuiModel()  # the desktop's browser, which the parameter widgets ask for
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    from processing.core.Processing import Processing

    Processing.initialize()
    return Processing


def test_without_the_processing_plugin_the_menu_says_so(qgis_iface, tmp_path, monkeypatch):
    from mine_supervision_plugin.gui.database_dialogs import create_and_load

    monkeypatch.setitem(sys.modules, "processing", None)  # the user switched Processing off
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        create_and_load(plugin.context, str(tmp_path / "county.gpkg"), 4526)
        plugin.import_patches()
        errors = qgis_iface.messageBar().get_messages(Qgis.Critical)
        assert any("Processing" in e for e in errors), errors
    finally:
        plugin.unload()


def test_import_patch_batch_menu_runs_the_algorithm_dialog_on_the_open_database(qgis_iface, tmp_path, processing_plugin):
    """Menu → Import patch batch…: the Processing dialog opens on the open database; run as a user would,
    the patches are in the database and the panels are told."""
    from osgeo import ogr, osr

    from mine_supervision_plugin.store.patches import get_patch

    batch = tmp_path / "batch.geojson"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    dataset = ogr.GetDriverByName("GeoJSON").CreateDataSource(str(batch))
    layer = dataset.CreateLayer("batch", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("TBBH", ogr.OFTString))
    for number, x in (("TB2025-0001", 38_500_000), ("TB2025-0002", 38_501_000)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("TBBH", number)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} 4000000,{x + 50} 4000000,{x + 50} 4000050,{x} 4000000))"))
        layer.CreateFeature(feature)
    dataset = layer = None

    def open_dialog(plugin):
        next(a for a in plugin.actions if "batch" in a.text().lower() or "图斑批次" in a.text()).trigger()

    store, seen, changed = _run_menu_dialog(qgis_iface, tmp_path, open_dialog, batch)
    assert seen["database"] == store.location
    assert get_patch(store, "TB2025-0001") is not None and get_patch(store, "TB2025-0002") is not None
    assert "patches" in changed and "patch_events" in changed


def test_import_licence_coordinates_menu_runs_the_algorithm_dialog_on_the_open_database(
    qgis_iface, tmp_path, processing_plugin
):
    """Menu → Import licence coordinates…: the dialog opens on the open database; run on a ministry file,
    the licence is in the database and the rights panel is told."""
    from pathlib import Path

    from mine_supervision_plugin.store.rights import read_licence

    source = Path(__file__).parent.parent / "data" / "coordinates" / "land_exchange_area_m2.txt"
    store, seen, changed = _run_menu_dialog(qgis_iface, tmp_path, lambda plugin: plugin.import_coordinates(), source)
    assert seen["database"] == store.location
    assert read_licence(store, "C1301002010127120012345") is not None
    assert "mining_rights" in changed and "mining_right_corners" in changed
