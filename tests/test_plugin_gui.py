"""The plugin object inside QGIS's Python: menus, provider, missing dependencies."""

from __future__ import annotations

import sys

import pytest
from qgis.core import Qgis, QgsApplication

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
        assert any("python3 -m pip install" in w and missing in w for w in warnings)
        assert "minesupervision" in provider_ids()
        feature = {"geopandas": "analysis", "shapely": "analysis", "reportlab": "documents"}[missing]
        for action in plugin.actions:
            if action.property("ms_feature") == feature:
                assert not action.isEnabled()
                assert missing in action.toolTip()
    finally:
        plugin.unload()


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
