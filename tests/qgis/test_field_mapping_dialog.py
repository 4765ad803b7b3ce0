"""Issue 10 item 14: the field mapping of "Import patch batch…" is a table of combo boxes in QGIS's Processing
dialog (as "Refactor fields"), not JSON typed by hand; the algorithm still receives the same JSON text.

Driven as a user would through the menu's real Processing dialog (see test_plugin_gui.py).
"""

from __future__ import annotations

import json

import pytest
from osgeo import ogr, osr
from test_plugin_gui import _drive_modal_dialog, processing_plugin  # noqa: F401 - the fixture is used by name

from mine_supervision_plugin import classFactory, settings

EPSG = 4526


def write_shapefile(path, fields: list[tuple[str, int]], rows: list[dict]) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = dataset.CreateLayer(path.stem, srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"])
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for index, row in enumerate(rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in row.items():
            feature.SetField(name, value)
        x = 38_500_000 + index * 1000
        feature.SetGeometry(
            ogr.CreateGeometryFromWkt(f"POLYGON(({x} 4000000,{x + 50} 4000000,{x + 50} 4000050,{x} 4000000))")
        )
        layer.CreateFeature(feature)
    dataset = layer = None


@pytest.fixture
def saved_mapping():
    """The mapping saved in the settings, restored afterwards."""
    before = settings.PATCH_FIELD_MAPPING.value()
    yield settings.PATCH_FIELD_MAPPING
    settings.PATCH_FIELD_MAPPING.set_value(before or "")


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_mapping_table_in_the_import_dialog_feeds_the_algorithm(qgis_iface, tmp_path, processing_plugin, saved_mapping):  # noqa: F811
    """Menu → Import patch batch…: MAPPING is a table with one combo per patch field, prefilled from the saved
    mapping; the combos list the chosen file's fields and follow INPUT; the fields chosen become the JSON the
    algorithm uses (a shapefile with non-standard names imports with the right numbers and dates), and the
    mapping is saved for the next import."""
    from qgis.core import QgsProcessingContext, QgsProject

    from mine_supervision_plugin.gui.database_dialogs import create_and_load
    from mine_supervision_plugin.gui.field_mapping_widget import FieldMappingTable
    from mine_supervision_plugin.store.patches import get_patch

    # The usual names hold the wrong values: TBBH would be read automatically, the dates not at all.
    odd = tmp_path / "odd_names.shp"
    write_shapefile(
        odd,
        [("TBBH", ogr.OFTString), ("WPBH", ogr.OFTString), ("QSRQ", ogr.OFTDate), ("HSRQ", ogr.OFTString)],
        [
            {"TBBH": "WRONG-1", "WPBH": "WP2025-0001", "QSRQ": "2024/10/01", "HSRQ": "20250115"},
            {"TBBH": "WRONG-2", "WPBH": "WP2025-0002", "QSRQ": "2024/10/02", "HSRQ": "20250116"},
        ],
    )
    other = tmp_path / "other.shp"
    write_shapefile(other, [("JCBH", ogr.OFTString), ("SJ1", ogr.OFTString)], [{"JCBH": "X-1", "SJ1": "x"}])

    saved_mapping.set_value(json.dumps({"fields": {"patch_no": "WPBH"}, "area_unit": "auto"}))
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    seen: dict = {}
    try:
        store = create_and_load(plugin.context, str(tmp_path / "county.gpkg"), EPSG)

        def fill_in(dialog):
            panel = dialog.mainWidget()
            wrapper = panel.wrappers["MAPPING"]
            table = wrapper.widget
            seen["table"] = type(table).__name__
            assert isinstance(table, FieldMappingTable)
            seen["rows"] = [table.table.item(row, 0).text() for row in range(table.table.rowCount())]
            seen["label"] = wrapper.label.text() if wrapper.label is not None else None
            combos = table.combos
            seen["no_file"] = {"patch_no": combos["patch_no"].currentText(), "items": combo_texts(combos["patch_no"])}

            inputs = panel.wrappers["INPUT"]
            inputs.setParameterValue(str(other), QgsProcessingContext())
            seen["other"] = {
                "items": combo_texts(combos["date_before"]),
                "patch_no": combos["patch_no"].currentText(),
            }
            inputs.setParameterValue(str(odd), QgsProcessingContext())
            seen["odd"] = {
                "items": combo_texts(combos["date_before"]),
                "patch_no": combos["patch_no"].currentText(),
            }
            # the user picks the dates' fields
            combos["date_before"].setCurrentIndex(combos["date_before"].findText("QSRQ"))
            combos["date_after"].setCurrentIndex(combos["date_after"].findText("HSRQ"))
            combos["remarks"].setCurrentIndex(combos["remarks"].findText("(none)"))
            seen["value"] = wrapper.parameterValue()
            dialog.runAlgorithm()
            return True

        def wait_then_close(dialog):
            if not dialog.results():
                return False
            seen["results"] = dict(dialog.results())
            dialog.close()
            return True

        _drive_modal_dialog([fill_in, wait_then_close], seen, timeout_s=30)
        plugin.import_patches()
    finally:
        plugin.unload()
        QgsProject.instance().clear()  # the next test's plugin must not reopen this database from the project
    assert "timeout" not in seen and "error" not in seen, seen

    # the table: one row per patch field, prefilled from the saved mapping
    assert seen["table"] == "FieldMappingTable"
    assert seen["rows"] == [
        "Patch number", "County code", "Before-imagery date", "After-imagery date",
        "Declared area", "Remarks", "Year", "Batch",
    ]
    assert seen["label"] == "Field mapping"
    assert seen["no_file"] == {"patch_no": "WPBH", "items": ["(automatic)", "(none)", "WPBH"]}
    # INPUT → the other file: its fields; the saved WPBH is not there, so the usual name is shown as used
    assert seen["other"]["items"] == ["(automatic: none found)", "(none)", "JCBH", "SJ1"]
    assert seen["other"]["patch_no"] == "(automatic: JCBH)"
    # INPUT → the odd file: the combos refresh, WPBH is chosen again
    assert seen["odd"]["items"] == ["(automatic: none found)", "(none)", "TBBH", "WPBH", "QSRQ", "HSRQ"]
    assert seen["odd"]["patch_no"] == "WPBH"
    # the JSON the algorithm receives: what the table shows
    assert json.loads(seen["value"]) == {
        "version": 1,
        "fields": {"patch_no": "WPBH", "date_before": "QSRQ", "date_after": "HSRQ", "remarks": ""},
        "area_unit": "auto",
    }
    assert seen["results"]["IMPORTED"] == 2
    first, second = get_patch(store, "WP2025-0001"), get_patch(store, "WP2025-0002")
    assert first is not None and second is not None and get_patch(store, "WRONG-1") is None
    assert str(first["date_before"])[:10] == "2024-10-01" and str(first["date_after"])[:10] == "2025-01-15"
    assert str(second["date_before"])[:10] == "2024-10-02" and str(second["date_after"])[:10] == "2025-01-16"
    # saved for the next import
    assert json.loads(saved_mapping.value())["fields"] == {
        "patch_no": "WPBH", "date_before": "QSRQ", "date_after": "HSRQ", "remarks": "",
    }


def test_without_the_desktop_mapping_stays_a_json_text_parameter(qgis_iface):
    """qgis_process and scripts: no widget in the parameter's metadata until QGIS's GUI starts the plugin,
    and none again after unloading."""
    from qgis.core import QgsApplication

    from mine_supervision_plugin.processing.provider import MineSupervisionProvider

    def mapping_metadata():
        provider = MineSupervisionProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        try:
            algorithm = QgsApplication.processingRegistry().createAlgorithmById("minesupervision:importpatches")
            return algorithm.parameterDefinition("MAPPING").metadata()
        finally:
            QgsApplication.processingRegistry().removeProvider(provider)

    assert "widget_wrapper" not in mapping_metadata()
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        algorithm = plugin.provider.algorithm("importpatches").create()
        metadata = algorithm.parameterDefinition("MAPPING").metadata()
        assert metadata["widget_wrapper"]["class"] == (
            "mine_supervision_plugin.gui.field_mapping_widget.FieldMappingWidgetWrapper"
        )
    finally:
        plugin.unload()
    assert "widget_wrapper" not in mapping_metadata()
