"""Drawing a patrol patch on a real canvas over a real supervision GeoPackage: storing, numbering, pre-judgment,
snapping to licence corners, cancelling, repairing a bow-tie.

The tool gets real QgsMapMouseEvent / QKeyEvent objects at pixel positions of
the map canvas, the way a user's clicks arrive.
"""

from __future__ import annotations

import datetime as dt

import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtWidgets import QApplication

from mine_supervision_plugin.analysis.single_patch import (
    SinglePatchError,
    next_patrol_patch_no,
    prejudge_geometry,
    store_drawn_patch,
)
from mine_supervision_plugin.deps import check_dependencies
from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.draw_patch_tool import DrawPatchTool, PatchResultDialog
from mine_supervision_plugin.store.database import create_database
from mine_supervision_plugin.store.patches import add_patches, get_patch, patch_history
from mine_supervision_plugin.store.project import load_into_project
from mine_supervision_plugin.store.rights import upsert_licences

ogr.UseExceptions()

E0, N0 = 38_512_000.0, 3_851_000.0  # EPSG:4526 easting (zone prefix) / northing
SEEN_ON = dt.date(2025, 6, 1)


def licence(license_no: str, east: float, north: float, size: float, valid_from: dt.date, valid_to: dt.date) -> Licence:
    """A square licence whose north-west corner is (east, north); corners clockwise as on a licence."""
    points = [(north, east), (north, east + size), (north - size, east + size), (north - size, east)]
    corners = [Corner(i + 1, x, y) for i, (x, y) in enumerate(points)]
    return Licence(
        license_no=license_no,
        mine_name=f"{license_no}矿",
        holder=f"{license_no}矿业有限公司",
        crs_epsg=4526,
        valid_from=valid_from,
        valid_to=valid_to,
        parcels=[Parcel("1", corners)],
    )


def insert_zone(store, name: str, level: str, year: int, polygon) -> None:
    with store.transaction() as source:
        layer = source.GetLayerByName("monitoring_zones")
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetField("level", level)
        feature.SetField("year", year)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.MultiPolygon([polygon]))))
        layer.CreateFeature(feature)


@pytest.fixture
def store(store_location):
    """A county database of each store (GeoPackage, PostGIS), opened as the plugin opens it."""
    from mine_supervision_plugin.connections import open_store

    store = open_store(create_database(store_location, 4526))
    upsert_licences(
        store,
        [
            licence("C-VALID", E0, N0, 400.0, dt.date(2024, 1, 1), dt.date(2029, 12, 31)),
            licence("C-EXPIRED", E0 + 1000.0, N0, 400.0, dt.date(2015, 1, 1), dt.date(2020, 12, 31)),
        ],
    )
    insert_zone(store, "青山重点矿区", "province", 2025, shapely.box(E0 - 100, N0 - 500, E0 + 300, N0 + 100))
    insert_zone(store, "旧矿区", "city", 2019, shapely.box(E0 - 100, N0 - 500, E0 + 1500, N0 + 100))
    return store


def square(east: float, north: float, size: float):
    """A shapely square whose north-west corner is (east, north)."""
    return shapely.box(east, north - size, east + size, north)


# --- the shared core -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("east", "expected", "licences", "inside", "outside"),
    [
        (E0 + 100, "within_licence", "C-VALID", 2500.0, 0.0),
        (E0 + 380, "out_of_bounds", "C-VALID", 1000.0, 1500.0),
        (E0 + 1100, "expired_licence", "C-EXPIRED", 2500.0, 0.0),
        (E0 + 600, "unlicensed", None, 0.0, 2500.0),
    ],
)
def test_store_drawn_patch_prejudges_and_stores(store, east, expected, licences, inside, outside):
    result = store_drawn_patch(store, square(east, N0 - 100, 50.0), date_after=SEEN_ON)
    assert result.stored and result.patch_no == "XC-2025-0001"
    assert result.prejudgment == expected
    assert result.license_no == licences
    assert result.inside_area_m2 == pytest.approx(inside, abs=1e-6)
    assert result.outside_area_m2 == pytest.approx(outside, abs=1e-6)
    stored = get_patch(store, result.patch_no)
    assert stored["source"] == "patrol" and stored["state"] == "issued"
    assert stored["year"] == 2025 and stored["date_after"] == SEEN_ON
    assert stored["area_m2"] == pytest.approx(2500.0)
    assert stored["prejudgment"] == expected
    assert stored["inside_area_m2"] == pytest.approx(inside, abs=1e-6)
    assert [e["to_state"] for e in patch_history(store, result.patch_no)] == ["issued"]


def test_zone_of_the_year_and_earlier_patches(store):
    add_patches(
        store,
        [{"patch_no": "WP-2024-17", "year": 2024, "date_after": "2024-05-01", "geometry": square(E0 + 90, N0 - 90, 60.0)}],
        source="satellite",
    )
    result = prejudge_geometry(store, square(E0 + 100, N0 - 100, 50.0), date_after=SEEN_ON, patch_no="XC-2025-0009")
    # The 2025 list holds 青山重点矿区; the 2019 list (旧矿区) is no longer in force.
    assert (result.zone_name, result.zone_level) == ("青山重点矿区", "province")
    assert result.zone_level_label == "省"
    assert result.repeat_years == "2024"
    later = prejudge_geometry(store, square(E0 + 1100, N0 - 100, 50.0), date_after=dt.date(2019, 6, 1))
    assert later.zone_name == "旧矿区"
    assert later.repeat_years is None


def test_numbers_are_unique_and_per_year(store):
    numbers = [store_drawn_patch(store, square(E0 + 100 + 10 * k, N0 - 100, 5.0), date_after=SEEN_ON).patch_no for k in range(3)]
    assert numbers == ["XC-2025-0001", "XC-2025-0002", "XC-2025-0003"]
    assert next_patrol_patch_no(store, 2026) == "XC-2026-0001"
    assert store_drawn_patch(store, square(E0, N0, 5.0), date_after="2026-01-03").patch_no == "XC-2026-0001"


def test_a_number_taken_meanwhile_is_skipped(store, monkeypatch):
    import mine_supervision_plugin.analysis.single_patch as single_patch

    add_patches(store, [{"patch_no": "XC-2025-0001", "geometry": square(E0, N0, 5.0)}], source="patrol")
    calls = []
    real = single_patch.next_patrol_patch_no

    def stale(store_, year=None):
        calls.append(year)
        return "XC-2025-0001" if len(calls) == 1 else real(store_, year)  # another user took it

    monkeypatch.setattr(single_patch, "next_patrol_patch_no", stale)
    assert store_drawn_patch(store, square(E0 + 100, N0 - 100, 5.0), date_after=SEEN_ON).patch_no == "XC-2025-0002"


def test_bow_tie_is_repaired_and_said(store):
    bow_tie = shapely.Polygon([(E0 - 500, N0), (E0 - 400, N0 - 100), (E0 - 400, N0), (E0 - 500, N0 - 100)])
    result = store_drawn_patch(store, bow_tie, date_after=SEEN_ON)
    assert result.repaired
    assert any("repaired" in w for w in result.warnings)
    assert result.area_m2 == pytest.approx(5000.0)
    assert get_patch(store, result.patch_no)["geometry"].is_valid


def test_empty_geometry_is_refused(store):
    with pytest.raises(SinglePatchError):
        store_drawn_patch(store, shapely.Polygon(), date_after=SEEN_ON)


# --- the map tool --------------------------------------------------------------------------


@pytest.fixture
def drawing(qgis_iface, store):
    """The store loaded into the project, the canvas on the licences, and the tool active.

    The canvas is shown (offscreen) so that its map settings get its real
    pixel size, as on screen: 600 × 600 px, 1600 m wide, 8/3 m a pixel.
    """
    project = QgsProject.instance()
    layers = load_into_project(store, project)
    context = PluginContext(qgis_iface, check_dependencies())
    context.set_store(store)
    canvas = QgsMapCanvas()
    canvas.resize(600, 600)
    canvas.show()
    QApplication.processEvents()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4526"))
    canvas.setLayers([layers["patches"], layers["mining_rights"]])
    canvas.setExtent(QgsRectangle(E0 - 100, N0 - 700, E0 + 1500, N0 + 100))
    tool = DrawPatchTool(canvas, context)
    tool.ask_details = False
    tool.show_result = False
    tool.date_after = SEEN_ON
    canvas.setMapTool(tool)
    stored: list[str] = []
    tool.patchStored.connect(stored.append)
    yield tool, canvas, stored
    canvas.unsetMapTool(tool)
    tool.clean_up()
    canvas.setLayers([])
    canvas.hide()
    canvas.deleteLater()
    project.clear()


def pixel(canvas, east: float, north: float) -> QPoint:
    point = canvas.getCoordinateTransform().transform(QgsPointXY(east, north))
    return QPoint(round(point.x()), round(point.y()))


def release(tool, canvas, east, north, button=Qt.LeftButton) -> None:
    at = pixel(canvas, east, north)
    tool.canvasPressEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonPress, at, button, button))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, at, button))


def key(tool, which) -> QKeyEvent:
    event = QKeyEvent(QEvent.KeyPress, which, Qt.NoModifier)
    tool.keyPressEvent(event)
    return event


def draw(tool, canvas, corners, finish: str = "right") -> None:
    for east, north in corners:
        tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.MouseMove, pixel(canvas, east, north)))
        release(tool, canvas, east, north)
    if finish == "right":
        release(tool, canvas, *corners[-1], button=Qt.RightButton)
    elif finish == "enter":
        key(tool, Qt.Key_Return)
    elif finish == "double":
        east, north = corners[-1]
        at = pixel(canvas, east, north)
        tool.canvasDoubleClickEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonDblClick, at, Qt.LeftButton, Qt.LeftButton))
        tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, at, Qt.LeftButton))


def ring(east, north, size):
    return [(east, north), (east + size, north), (east + size, north - size), (east, north - size)]


def patch_count(store) -> int:
    source = ogr.Open(store.location)
    return source.GetLayerByName("patches").GetFeatureCount()


@pytest.mark.parametrize(
    ("east", "finish", "expected"),
    [
        (E0 + 100, "right", "within_licence"),
        (E0 + 350, "enter", "out_of_bounds"),
        (E0 + 600, "double", "unlicensed"),
        (E0 + 1100, "right", "expired_licence"),
    ],
)
def test_drawn_patch_is_stored_and_prejudged(drawing, store, east, finish, expected):
    tool, canvas, stored = drawing
    draw(tool, canvas, ring(east, N0 - 100, 100.0), finish)
    assert stored == ["XC-2025-0001"]
    patch = get_patch(store, "XC-2025-0001")
    assert patch["prejudgment"] == expected
    assert patch["source"] == "patrol" and patch["date_after"] == SEEN_ON
    per_pixel = canvas.mapUnitsPerPixel()
    assert patch["area_m2"] == pytest.approx(10_000.0, abs=4 * 100.0 * per_pixel)
    assert patch["inside_area_m2"] + patch["outside_area_m2"] == pytest.approx(patch["area_m2"])
    assert tool.last_result.prejudgment == expected
    assert tool.points == []  # ready for the next patch
    assert tool.rubber_band().numberOfVertices() == 0


def test_second_drawing_gets_the_next_number(drawing, store):
    tool, canvas, stored = drawing
    draw(tool, canvas, ring(E0 + 100, N0 - 100, 100.0))
    draw(tool, canvas, ring(E0 + 600, N0 - 100, 100.0))
    assert stored == ["XC-2025-0001", "XC-2025-0002"]
    assert patch_count(store) == 2


def test_click_near_a_licence_corner_snaps_onto_it(drawing, store):
    tool, canvas, stored = drawing
    per_pixel = canvas.mapUnitsPerPixel()
    near = (E0 + 400 + 4 * per_pixel, N0 - 400 - 3 * per_pixel)  # 5 px from the south-east corner of C-VALID
    release(tool, canvas, *near)
    assert tool.points[0] == QgsPointXY(E0 + 400, N0 - 400)
    far = (E0 + 600, N0 - 600)  # nothing within the tolerance: stays where clicked
    release(tool, canvas, *far)
    assert tool.points[1].distance(QgsPointXY(*far)) <= per_pixel
    release(tool, canvas, E0 + 600, N0 - 300)
    release(tool, canvas, E0 + 600, N0 - 300, button=Qt.RightButton)
    geometry = get_patch(store, stored[0])["geometry"]
    assert (E0 + 400, N0 - 400) in [tuple(xy) for xy in shapely.get_coordinates(geometry).tolist()]


def test_click_near_a_licence_edge_snaps_onto_the_segment(drawing):
    tool, canvas, _ = drawing
    per_pixel = canvas.mapUnitsPerPixel()
    release(tool, canvas, E0 + 200, N0 - 400 + 4 * per_pixel)  # 4 px inside the south edge
    assert tool.points[0].y() == pytest.approx(N0 - 400)
    assert tool.points[0].x() == pytest.approx(E0 + 200, abs=per_pixel)


def test_project_snapping_settings_are_left_alone(drawing):
    tool, canvas, _ = drawing
    before = QgsProject.instance().snappingConfig()
    assert {layer.customProperty("mine_supervision/table") for layer in tool.snapping_layers()} == {
        "mining_rights",
        "mining_right_parcels",
    }
    assert QgsProject.instance().snappingConfig() == before
    assert canvas.snappingUtils() is not tool.snapping_utils()


def test_escape_cancels_and_stores_nothing(drawing, store):
    tool, canvas, stored = drawing
    for east, north in ring(E0 + 100, N0 - 100, 100.0):
        release(tool, canvas, east, north)
    assert len(tool.points) == 4
    assert tool.rubber_band().numberOfVertices() >= 4
    assert key(tool, Qt.Key_Escape).isAccepted()
    assert tool.points == []
    assert tool.rubber_band().numberOfVertices() == 0
    release(tool, canvas, E0 + 100, N0 - 100, button=Qt.RightButton)
    assert stored == [] and patch_count(store) == 0


def test_backspace_removes_the_last_vertex(drawing, store):
    tool, canvas, stored = drawing
    corners = ring(E0 + 100, N0 - 100, 100.0)
    for east, north in corners:
        release(tool, canvas, east, north)
    release(tool, canvas, E0 + 900, N0 - 600)  # a slip
    key(tool, Qt.Key_Backspace)
    assert len(tool.points) == 4
    release(tool, canvas, *corners[-1], button=Qt.RightButton)
    assert get_patch(store, stored[0])["prejudgment"] == "within_licence"


def test_two_vertices_are_not_a_patch(drawing, store, qgis_iface):
    tool, canvas, stored = drawing
    release(tool, canvas, E0 + 100, N0 - 100)
    release(tool, canvas, E0 + 200, N0 - 100)
    release(tool, canvas, E0 + 200, N0 - 100, button=Qt.RightButton)
    assert stored == [] and patch_count(store) == 0
    assert len(tool.points) == 2  # still drawing


def test_self_intersecting_drawing_is_repaired(drawing, store, qgis_iface):
    tool, canvas, stored = drawing
    bow_tie = [(E0 + 600, N0 - 100), (E0 + 700, N0 - 200), (E0 + 700, N0 - 100), (E0 + 600, N0 - 200)]
    draw(tool, canvas, bow_tie)
    geometry = get_patch(store, stored[0])["geometry"]
    assert geometry.is_valid and len(geometry.geoms) == 2
    assert tool.last_result.repaired
    assert any("repaired" in message for message in qgis_iface.messageBar().get_messages(1))  # Qgis.Warning


def test_without_a_database_nothing_is_stored(drawing, store, qgis_iface):
    tool, canvas, stored = drawing
    tool.context.set_store(None)
    draw(tool, canvas, ring(E0 + 100, N0 - 100, 100.0))
    assert stored == [] and patch_count(store) == 0


def test_result_dialog_shows_the_answer_in_chinese(drawing, store):
    tool, canvas, stored = drawing
    tool.show_result = True
    draw(tool, canvas, ring(E0 + 250, N0 - 100, 200.0))  # across the licence's east edge and the zone's
    dialog = tool.result_dialog
    assert isinstance(dialog, PatchResultDialog) and dialog.isVisible()
    assert dialog.prejudgment_label.text() == "疑似越界开采"
    assert "C-VALID" in dialog.rows["licences"] and "C-VALID矿" in dialog.rows["licences"]
    assert "m²" in dialog.rows["inside"]
    assert dialog.rows["zone"].startswith("青山重点矿区")
    dialog.close()


def test_dates_asked_in_the_details_dialog(drawing, store, monkeypatch):
    from qgis.PyQt.QtCore import QDate
    from qgis.PyQt.QtWidgets import QDialog

    from mine_supervision_plugin.gui import draw_patch_tool

    tool, canvas, stored = drawing
    tool.ask_details = True
    shown = []

    def answer(dialog):
        shown.append(dialog)
        dialog.date_after.setDate(QDate(2024, 11, 20))
        dialog.has_before.setChecked(True)
        dialog.date_before.setDate(QDate(2023, 11, 2))
        dialog.remarks.setText("巡查发现新开挖")
        return QDialog.Accepted

    monkeypatch.setattr(draw_patch_tool.PatchDetailsDialog, "exec_", answer)
    draw(tool, canvas, ring(E0 + 1100, N0 - 100, 100.0))
    assert stored == ["XC-2024-0001"]  # numbered in the year of the after date
    patch = get_patch(store, "XC-2024-0001")
    assert (patch["date_before"], patch["date_after"], patch["year"]) == (dt.date(2023, 11, 2), dt.date(2024, 11, 20), 2024)
    assert patch["prejudgment"] == "expired_licence"
    assert "巡查发现新开挖" in patch_history(store, "XC-2024-0001")[0]["reason"]
    assert shown[0].findChildren(type(shown[0].remarks))  # the dialog was built with its fields

    monkeypatch.setattr(draw_patch_tool.PatchDetailsDialog, "exec_", lambda dialog: QDialog.Rejected)
    draw(tool, canvas, ring(E0 + 100, N0 - 100, 100.0))
    assert stored == ["XC-2024-0001"] and patch_count(store) == 1


def test_licence_layer_removed_while_drawing(drawing, store):
    from mine_supervision_plugin.store.project import find_layer

    tool, canvas, stored = drawing
    project = QgsProject.instance()
    project.removeMapLayer(find_layer("mining_right_parcels", project).id())
    assert [layer.customProperty("mine_supervision/table") for layer in tool.snapping_layers()] == ["mining_rights"]
    per_pixel = canvas.mapUnitsPerPixel()
    release(tool, canvas, E0 + 400 + 3 * per_pixel, N0 - 400 - 3 * per_pixel)
    assert tool.points[0] == QgsPointXY(E0 + 400, N0 - 400)
    project.removeMapLayer(find_layer("mining_rights", project).id())
    assert tool.snapping_layers() == []
    release(tool, canvas, E0 + 400 + 3 * per_pixel, N0 - 300)
    assert tool.points[1].x() != E0 + 400  # nothing to snap to any more


def test_keys_are_left_to_qgis_when_not_drawing(drawing):
    tool, _, _ = drawing
    for which in (Qt.Key_Escape, Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Return):
        assert not key(tool, which).isAccepted()


def test_deactivating_cancels_and_forgets_the_licence_layers(drawing, store):
    tool, canvas, stored = drawing
    release(tool, canvas, E0 + 100, N0 - 100)
    canvas.unsetMapTool(tool)
    assert tool.points == [] and tool.snapping_layers() == []
    canvas.setMapTool(tool)
    assert len(tool.snapping_layers()) == 2


def test_canvas_in_another_crs(drawing, store):
    """Over a Web Mercator basemap (天地图) the outline is stored in the database CRS."""
    from qgis.core import QgsCoordinateTransform

    tool, canvas, stored = drawing
    store_crs, web = QgsCoordinateReferenceSystem("EPSG:4526"), QgsCoordinateReferenceSystem("EPSG:3857")
    to_web = QgsCoordinateTransform(store_crs, web, QgsProject.instance())
    canvas.setDestinationCrs(web)
    canvas.setExtent(to_web.transformBoundingBox(QgsRectangle(E0 - 100, N0 - 700, E0 + 1500, N0 + 100)))
    corners = [to_web.transform(QgsPointXY(east, north)) for east, north in ring(E0 + 100, N0 - 100, 100.0)]
    draw(tool, canvas, [(p.x(), p.y()) for p in corners])
    patch = get_patch(store, stored[0])
    assert patch["prejudgment"] == "within_licence"
    minx, miny, maxx, maxy = patch["geometry"].bounds
    assert (minx, maxy) == (pytest.approx(E0 + 100, abs=5), pytest.approx(N0 - 100, abs=5))
    assert patch["area_m2"] == pytest.approx(10_000.0, rel=0.1)
