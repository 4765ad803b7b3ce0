"""The before / after imagery dock: synchronised views, zoom to a patch, dates, automatic choice of imagery,
choices remembered per project, swipe, the 天地图 layer source and its key kept out of project files.

Imagery are small GeoTIFFs written with GDAL; the supervision layers come from
a real GeoPackage. Nothing here needs the network.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QApplication

from mine_supervision_plugin.deps import check_dependencies
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.imagery_compare import (
    TIANDITU_KEY_PLACEHOLDER,
    TIANDITU_KEY_SETTING,
    ImageryCompareDock,
    date_in_text,
    imagery_date,
    pick_imagery,
    tianditu_key_is_plausible,
    tianditu_source,
    tianditu_url,
)
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.project import load_into_project

gdal.UseExceptions()
ogr.UseExceptions()

E0, N0 = 38_512_000.0, 3_851_000.0
KEY = "0123456789abcdef0123456789abcdef"
PATCH = shapely.box(E0 + 100, N0 - 200, E0 + 200, N0 - 100)


def geotiff(path, *, value: int = 100, acquired: str | None = None, tiff_datetime: str | None = None) -> str:
    """A 3-band 100 × 100 GeoTIFF of 2 km × 2 km around the licence area, in EPSG:4526."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), 100, 100, 3, gdal.GDT_Byte)
    dataset.SetGeoTransform([E0 - 1000, 20.0, 0.0, N0 + 1000, 0.0, -20.0])
    dataset.SetProjection(srs.ExportToWkt())
    for band in range(1, 4):
        dataset.GetRasterBand(band).Fill(value + 20 * band)
    if acquired:
        dataset.SetMetadataItem("ACQUISITIONDATETIME", acquired, "IMAGERY")
    if tiff_datetime:
        dataset.SetMetadataItem("TIFFTAG_DATETIME", tiff_datetime)
    dataset.FlushCache()
    dataset = None
    return str(path)


@pytest.fixture
def settings_backup():
    """Put the plugin's settings back as they were after the test."""
    settings = QgsSettings()
    saved = {name: settings.value(name) for name in (TIANDITU_KEY_SETTING, "mine_supervision/imagery_follow_main")}
    yield settings
    for name, value in saved.items():
        if value is None:
            settings.remove(name)
        else:
            settings.setValue(name, value)


@pytest.fixture
def scene(qgis_iface, tmp_path, settings_backup):
    """A project with the supervision layers and three imagery layers, a shown main canvas, and the dock."""
    project = QgsProject.instance()
    project.clear()
    store = open_database(create_database(tmp_path / "county.gpkg", 4526))
    load_into_project(store, project)
    rasters = {
        "before": QgsRasterLayer(geotiff(tmp_path / "imagery_2024-10-15_before.tif", value=40), "imagery_2024-10-15_before"),
        "after": QgsRasterLayer(geotiff(tmp_path / "imagery_2025-10-15_after.tif", value=120), "imagery_2025-10-15_after"),
        "drone": QgsRasterLayer(geotiff(tmp_path / "uav_ortho.tif", acquired="2025-05-02T03:04:05Z"), "正射影像"),
    }
    for layer in rasters.values():
        assert layer.isValid()
        project.addMapLayer(layer)
    settings_backup.setValue("mine_supervision/imagery_follow_main", False)
    main = QgsMapCanvas()
    main.resize(500, 400)
    main.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4526"))
    main.show()
    context = PluginContext(qgis_iface, check_dependencies())
    context.set_store(store)
    dock = ImageryCompareDock(context, None, main_canvas=main)
    dock.resize(1000, 600)
    dock.show()
    QApplication.processEvents()
    yield dock, main, rasters, project
    dock.shutdown()
    dock.hide()
    dock.deleteLater()
    main.hide()
    main.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    project.clear()


def same_view(a: QgsMapCanvas, b: QgsMapCanvas) -> bool:
    return (
        a.center().distance(b.center()) < 1e-6 * max(1.0, a.mapUnitsPerPixel())
        and a.mapUnitsPerPixel() == pytest.approx(b.mapUnitsPerPixel(), rel=1e-9)
    )


# --- pure helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("imagery_2025-10-15_before.tif", dt.date(2025, 10, 15)),
        ("GF2_20240301_pan", dt.date(2024, 3, 1)),
        ("后时相2025年6月1日", None),  # one-digit month: not a date the pattern trusts
        ("后时相2025年06月01日", dt.date(2025, 6, 1)),
        ("2025:10:15 10:00:00", dt.date(2025, 10, 15)),
        ("scene_12345678901", None),
        ("2025-13-01", None),
    ],
)
def test_date_in_text(text, expected):
    assert date_in_text(text) == expected


def test_imagery_date_sources(scene, tmp_path):
    _, _, rasters, _ = scene
    assert imagery_date(rasters["before"])[0] == dt.date(2024, 10, 15)
    assert imagery_date(rasters["drone"])[0] == dt.date(2025, 5, 2)  # GDAL IMAGERY metadata
    tagged = QgsRasterLayer(geotiff(tmp_path / "ortho.tif", tiff_datetime="2023:08:09 10:11:12"), "ortho")
    assert imagery_date(tagged)[0] == dt.date(2023, 8, 9)
    assert imagery_date(None) == (None, "")


def test_pick_imagery_by_dates_and_names(scene):
    _, _, rasters, _ = scene
    layers = list(rasters.values())
    assert pick_imagery(layers, "2024-10-15", "2025-10-15") == (rasters["before"], rasters["after"])
    # Nearest date within half a year: the drone flight of May 2025 is the after image of a June 2025 patch.
    assert pick_imagery(layers, dt.date(2024, 9, 1), dt.date(2025, 6, 1)) == (rasters["before"], rasters["drone"])
    # Without dates, the words before / after in the names decide.
    assert pick_imagery(layers, None, None) == (rasters["before"], rasters["after"])
    # Never one layer for both roles.
    before, after = pick_imagery([rasters["after"]], "2025-10-15", "2025-10-15")
    assert after is rasters["after"] and before is None


# --- synchronised views ----------------------------------------------------------------------------


def test_views_stay_synchronised_both_ways(scene):
    dock, _, _, _ = scene
    before, after = dock.canvases()
    assert before.width() > 100 and after.width() > 100
    before.setExtent(QgsRectangle(E0, N0 - 300, E0 + 300, N0))
    assert same_view(before, after)
    after.setExtent(QgsRectangle(E0 + 500, N0 - 800, E0 + 1500, N0 - 100))
    assert same_view(before, after)
    after.zoomByFactor(0.5)
    assert same_view(before, after)


def test_no_feedback_loop(scene):
    dock, _, _, _ = scene
    before, after = dock.canvases()
    counts = {"before": 0, "after": 0}
    before.extentsChanged.connect(lambda: counts.__setitem__("before", counts["before"] + 1))
    after.extentsChanged.connect(lambda: counts.__setitem__("after", counts["after"] + 1))
    before.setExtent(QgsRectangle(E0, N0 - 300, E0 + 300, N0))
    QApplication.processEvents()
    assert counts == {"before": 1, "after": 1}


def test_following_the_main_map_is_optional(scene):
    dock, main, _, _ = scene
    before, after = dock.canvases()
    before.setExtent(QgsRectangle(E0, N0 - 300, E0 + 300, N0))
    main.setExtent(QgsRectangle(E0 + 5000, N0 - 5000, E0 + 6000, N0 - 4000))
    assert not same_view(main, before)
    dock.follow_main.setChecked(True)
    assert main.center().distance(before.center()) < 1e-6
    main.setExtent(QgsRectangle(E0 - 2000, N0 - 2000, E0 - 1000, N0 - 1000))
    assert same_view(before, after)
    assert main.center().distance(before.center()) < 1e-6
    assert main.mapUnitsPerPixel() == pytest.approx(before.mapUnitsPerPixel())
    after.setExtent(QgsRectangle(E0, N0 - 300, E0 + 300, N0))
    assert main.center().distance(after.center()) < 1e-6
    dock.follow_main.setChecked(False)
    main.setExtent(QgsRectangle(E0 + 5000, N0 - 5000, E0 + 6000, N0 - 4000))
    assert main.center().distance(before.center()) > 1000


# --- a patch ------------------------------------------------------------------------------------------


def test_show_patch_zooms_both_views_picks_imagery_and_shows_dates(scene):
    dock, _, rasters, _ = scene
    dock.show_patch(QgsGeometry.fromWkt(PATCH.wkt), "2024-10-15", dt.date(2025, 10, 15))
    before, after = dock.canvases()
    assert dock.before_layer() is rasters["before"] and dock.after_layer() is rasters["after"]
    box = QgsRectangle(*PATCH.bounds)
    for canvas in (before, after):
        assert canvas.extent().contains(box)
        assert canvas.extent().width() < 10 * box.width()  # zoomed in, with a margin
        assert canvas.extent().width() > box.width() * 1.5
    assert same_view(before, after)
    before_text, after_text = dock.date_texts()
    assert "2024-10-15" in before_text and "2025-10-15" in after_text
    # Each view shows its raster under the supervision layers.
    assert rasters["before"] in before.layers() and rasters["after"] in after.layers()
    tables = {layer.customProperty("mine_supervision/table") for layer in before.layers()}
    assert {"patches", "mining_rights"} <= tables


def test_show_patch_from_another_crs(scene):
    dock, _, _, _ = scene
    wgs = QgsCoordinateReferenceSystem("EPSG:4490")
    from qgis.core import QgsCoordinateTransform

    geometry = QgsGeometry.fromWkt(PATCH.wkt)
    geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4526"), wgs, QgsProject.instance()))
    dock.show_patch(geometry, None, None, crs=wgs)
    before, _ = dock.canvases()
    assert before.extent().contains(QgsRectangle(*PATCH.bounds).buffered(-0.01))
    assert before.extent().width() < 2000


def test_imagery_far_from_the_patch_date_is_flagged(scene):
    dock, _, rasters, _ = scene
    dock.show_patch(QgsGeometry.fromWkt(PATCH.wkt), "2020-01-01", "2021-01-01")
    # No imagery within half a year: the current choice stays, and the date gap is shown.
    dock.set_imagery(rasters["before"], rasters["after"])
    before_text, _ = dock.date_texts()
    assert "2020-01-01" in before_text and "2024-10-15" in before_text
    assert "c62828" in dock.before_label.styleSheet()


def test_choices_are_remembered_per_project(scene, qgis_iface):
    dock, main, rasters, project = scene
    for combo, layer in ((dock.before_combo, rasters["drone"]), (dock.after_combo, rasters["after"])):
        combo.setLayer(layer)  # as the user does it: pick an entry, and the combo says so
        combo.activated.emit(combo.currentIndex())
    assert project.readEntry("mine_supervision", "imagery/before", "")[0] == rasters["drone"].id()
    second = ImageryCompareDock(dock.context, None, main_canvas=main)
    try:
        assert second.before_layer() is rasters["drone"] and second.after_layer() is rasters["after"]
    finally:
        second.shutdown()
        second.deleteLater()
    # Choosing automatically for a patch does not overwrite what the user chose.
    dock.show_patch(QgsGeometry.fromWkt(PATCH.wkt), "2024-10-15", "2025-10-15")
    assert project.readEntry("mine_supervision", "imagery/before", "")[0] == rasters["drone"].id()


def test_removed_layer_leaves_its_view(scene):
    dock, _, rasters, project = scene
    dock.set_imagery(rasters["before"], rasters["after"])
    project.removeMapLayer(rasters["after"].id())
    QApplication.processEvents()
    assert dock.after_layer() is None
    assert [layer.customProperty("mine_supervision/table") for layer in dock.after_canvas.layers()] == [
        "patches",
        "mining_rights",
    ]
    assert "no imagery chosen" in dock.date_texts()[1]


# --- swipe ---------------------------------------------------------------------------------------------


def test_swipe_shows_the_after_image_over_the_before_one(scene):
    dock, _, rasters, _ = scene
    dock.set_imagery(rasters["before"], rasters["after"])
    dock.before_canvas.setExtent(QgsRectangle(E0 - 500, N0 - 500, E0 + 500, N0 + 500))
    dock.set_swipe(True)
    assert dock.swipe_slider.isVisible() and not dock.after_canvas.isVisible()
    dock.wait_for_swipe()
    image = dock.swipe_item.image
    assert image is not None and not image.isNull()
    # The after GeoTIFF (value 120 + 20·band) fills the rendered image.
    colour = image.pixelColor(image.width() // 4, image.height() // 2)
    assert (colour.red(), colour.green(), colour.blue()) == (140, 160, 180)
    dock.swipe_slider.setValue(25)
    assert dock.swipe_item.fraction == pytest.approx(0.25)
    dock.set_swipe(False)
    assert not dock.swipe_slider.isVisible() and dock.after_canvas.isVisible()
    assert dock.swipe_item.image is None


# --- 天地图 ---------------------------------------------------------------------------------------------


def test_tianditu_source_string():
    source = tianditu_source(KEY)
    assert source.startswith("type=xyz&url=")
    assert "zmax=18" in source
    url = unquote(source.split("url=", 1)[1].split("&zmax")[0].split("&zmin")[0])
    assert url == tianditu_url(KEY)
    assert url == (
        "http://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default"
        f"&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={KEY}"
    )
    # The template's own & and = are encoded, so QGIS does not take them for parameters of the layer source.
    assert "%26tk%3D" + KEY in source and "%7Bz%7D" in source


@pytest.mark.parametrize(
    ("key", "plausible"), [(KEY, True), (KEY.upper(), True), ("", False), ("abc", False), (KEY + "0", False), ("g" * 32, False)]
)
def test_tianditu_key_check(key, plausible):
    assert tianditu_key_is_plausible(key) is plausible


def test_tianditu_layer_from_settings_and_kept_out_of_the_project_file(scene, tmp_path, settings_backup):
    dock, _, _, project = scene
    settings_backup.setValue(TIANDITU_KEY_SETTING, KEY)
    layer = dock.add_tianditu_basemap()
    assert layer is not None and layer.isValid()
    assert layer.providerType() == "wms" and KEY in layer.source()
    assert project.mapLayer(layer.id()) is layer
    path = tmp_path / "county.qgs"
    assert project.write(str(path))
    text = path.read_text(encoding="utf-8")
    assert KEY not in text and TIANDITU_KEY_PLACEHOLDER in text
    assert KEY in layer.source()  # the open project keeps working
    project.clear()
    assert project.read(str(path))
    restored = [candidate for candidate in project.mapLayers().values() if "tianditu.gov.cn" in candidate.source()]
    assert len(restored) == 1 and KEY in restored[0].source()
    assert TIANDITU_KEY_PLACEHOLDER not in restored[0].source()


def test_implausible_key_is_refused(scene, settings_backup, qgis_iface):
    dock, _, _, project = scene
    settings_backup.remove(TIANDITU_KEY_SETTING)
    count = len(project.mapLayers())
    assert dock.add_tianditu_basemap("not-a-key") is None
    assert len(project.mapLayers()) == count
    assert QgsSettings().value(TIANDITU_KEY_SETTING, "") in ("", None)


def test_key_is_asked_once(scene, settings_backup, monkeypatch):
    import mine_supervision_plugin.gui.imagery_compare as module

    dock, _, _, _ = scene
    settings_backup.remove(TIANDITU_KEY_SETTING)
    asked = []

    def ask(*args, **kwargs):
        asked.append(args)
        return KEY, True

    monkeypatch.setattr(module.QInputDialog, "getText", staticmethod(ask))
    assert dock.add_tianditu_basemap() is not None
    assert dock.add_tianditu_basemap() is not None
    assert len(asked) == 1
    assert QgsSettings().value(TIANDITU_KEY_SETTING) == KEY


# --- teardown ---------------------------------------------------------------------------------------------


def test_shutdown_disconnects_from_the_outside(scene):
    dock, main, rasters, project = scene
    dock.follow_main.setChecked(True)
    dock.shutdown()
    before, _ = dock.canvases()
    centre = before.center()
    main.setExtent(QgsRectangle(E0 + 5000, N0 - 5000, E0 + 6000, N0 - 4000))
    assert before.center() == centre
    project.removeMapLayer(rasters["drone"].id())  # no slot of the dock runs any more
    assert before.layers() == []


def test_the_imagery_choice_is_pure_python():
    from mine_supervision_plugin.domain.imagery import choose_imagery, role_in_text

    assert role_in_text("2025前时相.tif") == "before" and role_in_text("HSX_20251001") == "after"
    described = [("a", dt.date(2025, 3, 1), None), ("b", dt.date(2025, 10, 2), None), ("c", None, "before")]
    assert choose_imagery(described, "2025-03-03", dt.date(2025, 10, 1)) == ("a", "b")
    assert choose_imagery(described, None, None) == ("c", None)
