"""The mining-rights dock in real QGIS: a real GeoPackage, its layers in the project, a real main window.

Filters, search as you type, selection synced both ways with the map,
double-click zoom, the detail pane (corners, depth, linked records),
expiry colours, reloading, shutdown; and a 10,000-licence load figure.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QMainWindow

from mine_supervision_plugin.deps import DependencyReport
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.rights_dock import (
    OBJECT_NAME,
    RightsDock,
    depth_range_text,
    ensure_corner_labels,
    format_coordinate,
    licence_list_expression,
)
from mine_supervision_plugin.gui.rights_model import (
    EXPIRED_COLOURS,
    EXPIRING_COLOURS,
    EXPIRY_EXPIRED,
    EXPIRY_EXPIRED_OR_WITHIN,
    EXPIRY_WITHIN,
    ExpiryRole,
)
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.project import find_layer, load_into_project

pytestmark = pytest.mark.gui

ZONE_PREFIX = 38_000_000.0
BASE_NORTH = 3_850_000.0
BASE_EAST = ZONE_PREFIX + 500_000.0
SIZE = 400.0
TODAY = dt.date.today()


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


# licence no, mine, holder, mineral, method, status, valid_to, credit, grid column
RIGHTS = [
    ("C4100002011031120000001", "青山石灰岩矿", "青山矿业有限公司", "石灰岩", "open_pit", "producing", days(1000), "normal", 0),
    ("C4100002011031120000002", "金沟金矿", "金沟矿业公司", "金矿", "underground", "suspended", days(-10), "abnormal_list", 1),
    ("C4100002011031120000003", "白石采石场", "白石建材厂", "石灰岩", "combined", "construction", days(30), "serious_dishonesty", 2),
    ("C4100002011031120000004", "东山煤矿", "东山煤业", "煤", "open_pit", "closed", days(200), "normal", 3),
    ("C4100002011031120000005", "西岭金矿", "西岭黄金", "金矿", "underground", "producing", days(90), "normal", 4),
    ("C4100002011031120000006", "河滩砂石场", "张三", "砂石", "open_pit", "producing", None, "normal", 5),
]
# Monitoring zones (see fill_database): one overlaps licence 1, one overlaps licence 5, and one only
# touches licence 3 along its edge (touching does not count as inside).


def square_ring(east: float, north: float, size: float = SIZE) -> list[tuple[float, float]]:
    """Clockwise from the north-west corner, closed; (easting, northing)."""
    return [(east, north), (east + size, north), (east + size, north - size), (east, north - size), (east, north)]


def ring_wkt(ring) -> str:
    return "(" + ", ".join(f"{e:.3f} {n:.3f}" for e, n in ring) + ")"


def column_origin(cell: int) -> tuple[float, float]:
    """North-west corner of grid cell ``cell``: 100 cells a row, 1 km apart."""
    return BASE_EAST + (cell % 100) * 1000.0, BASE_NORTH - (cell // 100) * 1000.0


def fill_database(path, rights=RIGHTS, *, with_details: bool = True, zones: bool = True) -> None:
    """Write rights (with parcels, corners and linked records) straight into the GeoPackage with OGR."""
    source = ogr.Open(str(path), update=1)
    source.StartTransaction()
    layer = source.GetLayerByName("mining_rights")
    parcels = source.GetLayerByName("mining_right_parcels")
    corners = source.GetLayerByName("mining_right_corners")
    for number, mine, holder, mineral, method, status, valid_to, credit, column in rights:
        east, north = column_origin(column)
        outer = square_ring(east, north)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (
            ("license_no", number),
            ("mine_name", mine),
            ("holder", holder),
            ("mineral", mineral),
            ("mining_method", method),
            ("status", status),
            ("credit_status", credit),
            ("valid_from", "2020-01-01"),
            ("depth_top_m", 1200.0),
            ("depth_bottom_m", 900.0),
        ):
            feature.SetField(name, value)
        if valid_to:
            feature.SetField("valid_to", valid_to)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON(({ring_wkt(outer)}))"))
        layer.CreateFeature(feature)
        if not with_details:
            continue
        parcel = ogr.Feature(parcels.GetLayerDefn())
        parcel.SetField("license_no", number)
        parcel.SetField("parcel_no", "1")
        parcel.SetField("depth_top_m", 1200.0)
        parcel.SetField("depth_bottom_m", 900.0)
        parcel.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON({ring_wkt(outer)})"))
        parcels.CreateFeature(parcel)
        for corner_no, (e, n) in enumerate(outer[:-1], start=1):
            corner = ogr.Feature(corners.GetLayerDefn())
            corner.SetField("license_no", number)
            corner.SetField("parcel_no", "1")
            corner.SetField("ring_no", 1)
            corner.SetField("corner_no", corner_no)
            corner.SetField("x", n + 0.56)  # northing, as licences give it
            corner.SetField("y", e + 0.67)  # easting with the zone prefix
            corner.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({e} {n})"))
            corners.CreateFeature(corner)
    if zones:
        zone_layer = source.GetLayerByName("monitoring_zones")
        east0, north0 = column_origin(0)
        east4, north4 = column_origin(4)
        east2, north2 = column_origin(2)
        for name, level, ring in (
            ("青山重点矿区", "province", square_ring(east0 - 100, north0 + 100, 300)),  # overlaps licence 1
            ("西岭重点矿区", "county", square_ring(east4 + 200, north4 + 100, 600)),  # overlaps licence 5
            ("边界矿区", "city", square_ring(east2 + SIZE, north2, 200)),  # only touches licence 3
        ):
            zone = ogr.Feature(zone_layer.GetLayerDefn())
            zone.SetField("name", name)
            zone.SetField("level", level)
            zone.SetField("year", 2026)
            zone.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON(({ring_wkt(ring)}))"))
            zone_layer.CreateFeature(zone)
    if with_details:
        first = rights[0][0]
        second = rights[1][0]
        inspections = source.GetLayerByName("inspections")
        east, north = column_origin(0)
        for day in ("2026-01-10", "2026-02-10"):
            inspection = ogr.Feature(inspections.GetLayerDefn())
            inspection.SetField("inspection_date", day)
            inspection.SetField("kind", "patrol")
            inspection.SetField("license_no", first)
            inspection.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING({east} {north}, {east + 300} {north - 300})"))
            inspections.CreateFeature(inspection)
        patches = source.GetLayerByName("patches")
        for index, number in enumerate((first, first, first, second)):
            patch = ogr.Feature(patches.GetLayerDefn())
            patch.SetField("patch_no", f"P2026-{index:03d}")
            patch.SetField("license_no", number)
            patch.SetField("state", "issued")
            e, n = column_origin(0 if number == first else 1)
            ring = square_ring(e + 50 + index * 60, n - 50, 40)
            patch.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON(({ring_wkt(ring)}))"))
            patches.CreateFeature(patch)
        notices = source.GetLayerByName("notices")
        notice = ogr.Feature(notices.GetLayerDefn())
        notice.SetField("notice_no", "〔2026〕1号")
        notice.SetField("license_no", first)
        notice.SetField("holder", rights[0][2])
        notices.CreateFeature(notice)
    source.CommitTransaction()
    source = None


class Env:
    """A dock in a real main window over a real database loaded into QgsProject.instance()."""

    def __init__(self, store, context, window, dock, canvas):
        self.store, self.context, self.window, self.dock, self.canvas = store, context, window, dock, canvas

    @property
    def layer(self) -> QgsVectorLayer:
        return find_layer("mining_rights")

    def fid_of(self, license_no: str) -> int:
        return next(f.id() for f in self.layer.getFeatures() if f["license_no"] == license_no)

    def shown(self) -> list[str]:
        return self.dock.visible_license_nos()

    def selected(self) -> list[str]:
        return sorted(record.license_no for record in self.dock.selected_records())


def wait(ms: int = 0) -> None:
    QTest.qWait(ms)
    QCoreApplication.processEvents()


def make_env(tmp_path, qgis_iface, qgis_canvas, *, rights=RIGHTS, with_details=True, location=None):
    from mine_supervision_plugin.connections import open_store

    path = create_database(location or tmp_path / "county.gpkg")
    fill_database(path, rights, with_details=with_details)
    store = open_store(path)  # as the plugin opens it (a PostGIS database's layers get its credentials)
    load_into_project(store, QgsProject.instance())
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4526"))
    qgis_canvas.setExtent(find_layer("mining_rights").extent())
    context = PluginContext(qgis_iface, DependencyReport([]))
    context.store = store
    window = QMainWindow()
    window.resize(1200, 800)
    dock = RightsDock(context, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.show()
    wait()
    return Env(store, context, window, dock, qgis_canvas)


@pytest.fixture()
def env(tmp_path, qgis_iface, qgis_canvas, store_location):
    """The dock on a database of each store (GeoPackage, PostGIS)."""
    environment = make_env(tmp_path, qgis_iface, qgis_canvas, location=store_location)
    yield environment
    environment.dock.shutdown()
    environment.window.close()
    environment.window.deleteLater()
    QgsProject.instance().clear()
    wait()


# --------------------------------------------------------------------------- basics


def test_dock_identity_and_rows(env):
    dock = env.dock
    assert dock.objectName() == OBJECT_NAME
    assert dock.windowTitle() == "Mining rights"
    assert not dock.windowIcon().isNull()
    assert env.window.findChild(RightsDock, OBJECT_NAME) is dock
    assert dock.model.rowCount() == len(RIGHTS)
    assert env.shown() == sorted(r[0] for r in RIGHTS)
    assert dock.count_label.text() == "6 of 6 licences"
    headers = [dock.proxy.headerData(c, Qt.Horizontal) for c in range(dock.proxy.columnCount())]
    assert headers == ["Licence no", "Mine", "Holder", "Mineral", "Method", "Status", "Validity", "Credit status",
                       "Monitoring zone", "Patrols"]
    # Codes are shown as labels in the interface's language (English here, no translator installed).
    row = env.shown().index("C4100002011031120000002")
    texts = [dock.proxy.index(row, c).data() for c in range(dock.proxy.columnCount())]
    assert texts[:6] == ["C4100002011031120000002", "金沟金矿", "金沟矿业公司", "金矿", "underground", "suspended"]
    assert texts[6] == f"2020-01-01 to {days(-10)}"
    assert texts[7] == "abnormal list"


def test_zone_membership_uses_overlap_not_touching(env):
    records = {r.license_no: r for r in env.dock.model.records()}
    assert records["C4100002011031120000001"].zones == ["青山重点矿区 (province)"]
    assert records["C4100002011031120000005"].zones == ["西岭重点矿区 (county)"]
    assert records["C4100002011031120000003"].zones == []  # the city zone only touches its edge
    assert records["C4100002011031120000002"].zones == []


# --------------------------------------------------------------------------- filters


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filter_by_status_method_mineral(env):
    dock = env.dock
    choose(dock.status_combo, "producing")
    assert env.shown() == ["C4100002011031120000001", "C4100002011031120000005", "C4100002011031120000006"]
    choose(dock.method_combo, "open_pit")
    assert env.shown() == ["C4100002011031120000001", "C4100002011031120000006"]
    choose(dock.status_combo, None)
    choose(dock.method_combo, None)
    assert [dock.mineral_combo.itemText(i) for i in range(1, dock.mineral_combo.count())] == sorted(
        {"石灰岩", "金矿", "煤", "砂石"}
    )
    choose(dock.mineral_combo, "金矿")
    assert env.shown() == ["C4100002011031120000002", "C4100002011031120000005"]
    assert dock.count_label.text() == "2 of 6 licences"
    choose(dock.mineral_combo, None)
    assert len(env.shown()) == 6


def test_filter_by_expiry(env):
    dock = env.dock
    assert not dock.expiry_days.isEnabled()
    choose(dock.expiry_combo, EXPIRY_EXPIRED)
    assert env.shown() == ["C4100002011031120000002"]
    choose(dock.expiry_combo, EXPIRY_WITHIN)
    assert dock.expiry_days.isEnabled() and dock.expiry_days.value() == 90
    assert env.shown() == ["C4100002011031120000003", "C4100002011031120000005"]
    dock.expiry_days.setValue(60)
    assert env.shown() == ["C4100002011031120000003"]
    dock.expiry_days.setValue(365)
    assert env.shown() == ["C4100002011031120000003", "C4100002011031120000004", "C4100002011031120000005"]
    choose(dock.expiry_combo, EXPIRY_EXPIRED_OR_WITHIN)
    dock.expiry_days.setValue(90)
    assert env.shown() == ["C4100002011031120000002", "C4100002011031120000003", "C4100002011031120000005"]


def test_filter_in_zone_and_abnormal_list(env):
    dock = env.dock
    dock.zone_check.setChecked(True)
    assert env.shown() == ["C4100002011031120000001", "C4100002011031120000005"]
    dock.zone_check.setChecked(False)
    dock.abnormal_check.setChecked(True)
    # abnormal_list and serious_dishonesty both count.
    assert env.shown() == ["C4100002011031120000002", "C4100002011031120000003"]
    dock.zone_check.setChecked(True)
    assert env.shown() == []
    assert dock.count_label.text() == "0 of 6 licences"


def test_search_as_you_type_is_debounced(env):
    dock = env.dock
    dock.search_edit.setFocus()
    QTest.keyClicks(dock.search_edit, "0000005")
    # Nothing re-filters on every keystroke...
    assert len(env.shown()) == 6
    wait(500)
    # ... but once typing pauses.
    assert env.shown() == ["C4100002011031120000005"]
    dock.search_edit.clear()
    wait(500)
    assert len(env.shown()) == 6
    dock.search_edit.setText("金沟")  # mine name
    wait(500)
    assert env.shown() == ["C4100002011031120000002"]
    dock.search_edit.setText("张三")  # holder
    wait(500)
    assert env.shown() == ["C4100002011031120000006"]
    dock.search_edit.setText("金矿 西岭")  # every word must match
    wait(500)
    assert env.shown() == ["C4100002011031120000005"]
    print(f"\nfilter time (6 rights): {dock.last_filter_seconds * 1000:.2f} ms")


# --------------------------------------------------------------------------- selection


def select_rows(dock, license_nos) -> None:
    from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel

    selection = QItemSelection()
    shown = dock.visible_license_nos()
    for number in license_nos:
        row = shown.index(number)
        selection.select(dock.proxy.index(row, 0), dock.proxy.index(row, dock.proxy.columnCount() - 1))
    dock.table_view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


def test_selecting_rows_selects_on_the_map(env):
    emissions = []
    env.layer.selectionChanged.connect(lambda *args: emissions.append(args))
    select_rows(env.dock, ["C4100002011031120000002", "C4100002011031120000004"])
    expected = sorted(env.fid_of(n) for n in ("C4100002011031120000002", "C4100002011031120000004"))
    assert sorted(env.layer.selectedFeatureIds()) == expected
    assert len(emissions) == 1  # one selectByIds, no echo back
    # A click on a row replaces the selection.
    view = env.dock.table_view
    row = env.shown().index("C4100002011031120000006")
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(env.dock.proxy.index(row, 1)).center())
    assert env.layer.selectedFeatureIds() == [env.fid_of("C4100002011031120000006")]
    assert env.selected() == ["C4100002011031120000006"]


def test_selecting_on_the_map_selects_rows_without_feedback(env):
    emissions = []
    env.layer.selectionChanged.connect(lambda *args: emissions.append(args))
    ids = [env.fid_of("C4100002011031120000001"), env.fid_of("C4100002011031120000003")]
    env.layer.selectByIds(ids)
    assert env.selected() == ["C4100002011031120000001", "C4100002011031120000003"]
    assert len(emissions) == 1
    assert sorted(env.layer.selectedFeatureIds()) == sorted(ids)
    env.layer.removeSelection()
    assert env.selected() == []


def test_filtering_keeps_the_map_selection(env):
    ids = [env.fid_of("C4100002011031120000001"), env.fid_of("C4100002011031120000002")]
    env.layer.selectByIds(ids)
    choose(env.dock.status_combo, "producing")  # hides licence 2
    assert env.selected() == ["C4100002011031120000001"]
    assert sorted(env.layer.selectedFeatureIds()) == sorted(ids)
    choose(env.dock.status_combo, None)
    assert env.selected() == ["C4100002011031120000001", "C4100002011031120000002"]


def test_sorting_keeps_selection_and_sorts_validity_by_date(env):
    dock = env.dock
    env.layer.selectByIds([env.fid_of("C4100002011031120000004")])
    dock.table_view.sortByColumn(6, Qt.AscendingOrder)  # validity
    assert env.shown() == [
        "C4100002011031120000002",
        "C4100002011031120000003",
        "C4100002011031120000005",
        "C4100002011031120000004",
        "C4100002011031120000001",
        "C4100002011031120000006",  # no end date: last
    ]
    assert env.selected() == ["C4100002011031120000004"]
    dock.table_view.sortByColumn(0, Qt.DescendingOrder)
    assert env.shown()[0] == "C4100002011031120000006"
    assert env.selected() == ["C4100002011031120000004"]
    assert env.layer.selectedFeatureIds() == [env.fid_of("C4100002011031120000004")]


# --------------------------------------------------------------------------- zoom


def test_double_click_zooms_to_the_licence(env):
    canvas = env.canvas
    canvas.setExtent(QgsRectangle(BASE_EAST - 20000, BASE_NORTH - 20000, BASE_EAST + 20000, BASE_NORTH + 20000))
    before = canvas.extent()
    view = env.dock.table_view
    row = env.shown().index("C4100002011031120000004")
    point = view.visualRect(env.dock.proxy.index(row, 1)).center()
    # A real double-click starts with a click; QTest.mouseDClick alone never emits doubleClicked in Qt 5.
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    wait()
    after = canvas.extent()
    east, north = column_origin(3)
    licence = QgsRectangle(east, north - SIZE, east + SIZE, north)
    assert after != before
    assert after.contains(licence)
    # The licence fills the canvas along its tighter side, whatever the canvas's aspect ratio.
    assert min(after.width(), after.height()) < 2 * SIZE
    assert after.area() < before.area() / 100


# --------------------------------------------------------------------------- detail pane


def test_detail_pane_shows_corners_depth_and_linked_counts(env):
    dock = env.dock
    assert not dock.link_buttons["patches"].isEnabled()
    select_rows(dock, ["C4100002011031120000001"])
    assert "C4100002011031120000001" in dock.detail_title.text()
    model = dock.corners_model
    assert [model.headerData(c, Qt.Horizontal) for c in range(4)] == ["Parcel", "Corner no", "X (northing)", "Y (easting)"]
    rows = [[model.item(r, c).text() for c in range(4)] for r in range(model.rowCount())]
    east, north = column_origin(0)
    assert rows == [
        ["1", "1", format_coordinate(north + 0.56), format_coordinate(east + 0.67)],
        ["1", "2", format_coordinate(north + 0.56), format_coordinate(east + SIZE + 0.67)],
        ["1", "3", format_coordinate(north - SIZE + 0.56), format_coordinate(east + SIZE + 0.67)],
        ["1", "4", format_coordinate(north - SIZE + 0.56), format_coordinate(east + 0.67)],
    ]
    assert rows[0][2] == "3850000.56" and rows[0][3] == "38500000.67"
    assert "1200 m to 900 m" in dock.depth_label.text()
    assert dock.link_buttons["inspections"].text() == "Inspections: 2"
    assert dock.link_buttons["patches"].text() == "Patches: 3"
    assert dock.link_buttons["notices"].text() == "Notices: 1"
    assert all(button.isEnabled() for button in dock.link_buttons.values())
    select_rows(dock, ["C4100002011031120000004"])
    assert dock.link_buttons["patches"].text() == "Patches: 0"
    assert not dock.link_buttons["patches"].isEnabled()
    assert "Expires in 200 days" in dock.detail_info.text()


def test_detail_pane_lists_every_parcel_ring_and_depth(env):
    """A second parcel with its own depth range, a hole (ring 2) and an excluded parcel, written by OGR."""
    number = "C4100002011031120000004"
    east, north = column_origin(3)
    source = ogr.Open(env.store.location, update=1)
    source.StartTransaction()
    parcels = source.GetLayerByName("mining_right_parcels")
    corners = source.GetLayerByName("mining_right_corners")
    for parcel_no, top, bottom, excluded in (("2", 1100.0, 800.0, 0), ("10", 1100.0, 800.0, 1)):
        parcel = ogr.Feature(parcels.GetLayerDefn())
        for name, value in (("license_no", number), ("parcel_no", parcel_no), ("depth_top_m", top),
                            ("depth_bottom_m", bottom), ("excluded", excluded)):
            parcel.SetField(name, value)
        parcels.CreateFeature(parcel)
    hole = square_ring(east + 100, north - 100, 50)[:-1]
    for corner_no, (e, n) in enumerate(hole, start=5):
        corner = ogr.Feature(corners.GetLayerDefn())
        for name, value in (("license_no", number), ("parcel_no", "1"), ("ring_no", 2), ("corner_no", corner_no),
                            ("x", n + 0.125), ("y", e)):
            corner.SetField(name, value)
        corner.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({e} {n})"))
        corners.CreateFeature(corner)
    source.CommitTransaction()
    source = None
    select_rows(env.dock, [number])
    env.context.dataChanged.emit("mining_right_corners")
    model = env.dock.corners_model
    rows = [[model.item(r, c).text() for c in range(4)] for r in range(model.rowCount())]
    assert [row[:2] for row in rows] == [["1", str(n)] for n in range(1, 5)] + [["1 (ring 2)", str(n)] for n in range(5, 9)]
    assert rows[4][2] == format_coordinate(north - 100 + 0.125) == "3849900.125"
    depth = env.dock.depth_label.text()
    assert depth.startswith("Depth range: 1200 m to 900 m")
    assert "Parcel 1: 1200 m to 900 m" in depth and "Parcel 2: 1100 m to 800 m" in depth
    assert "Parcel 10: 1100 m to 800 m (excluded)" in depth
    assert depth.index("Parcel 2:") < depth.index("Parcel 10:")  # natural order of parcel numbers


def test_a_patch_on_two_licences_counts_under_both(env, qgis_iface):
    """Pre-judgment writes "C1,C2" for a patch touching two licences: it is linked to each, not to a
    licence whose number merely contains the other's, and the attribute table opened shows it."""
    first, second = "C4100002011031120000001", "C4100002011031120000002"
    source = ogr.Open(env.store.location, update=1)
    patches = source.GetLayerByName("patches")
    east, north = column_origin(0)
    for number, licences in (("P2026-100", f"{second},{first}"), ("P2026-101", f"{first}9")):
        patch = ogr.Feature(patches.GetLayerDefn())
        patch.SetField("patch_no", number)
        patch.SetField("license_no", licences)
        patch.SetField("state", "issued")
        patch.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON(({ring_wkt(square_ring(east + 400, north - 400, 30))}))"))
        patches.CreateFeature(patch)
    source = None
    env.context.dataChanged.emit("patches")
    dock = env.dock
    opened = []
    qgis_iface.showAttributeTable = lambda layer, expression="": opened.append((layer, expression))
    try:
        select_rows(dock, [first])
        assert dock.link_buttons["patches"].text() == "Patches: 4"
        select_rows(dock, [second])
        assert dock.link_buttons["patches"].text() == "Patches: 2"
        QTest.mouseClick(dock.link_buttons["patches"], Qt.LeftButton)
        layer, expression = opened[-1]
        request = QgsFeatureRequest().setFilterExpression(expression)
        assert sorted(f["patch_no"] for f in layer.getFeatures(request)) == ["P2026-003", "P2026-100"]
        assert sorted(f["patch_no"] for f in layer.selectedFeatures()) == ["P2026-003", "P2026-100"]
    finally:
        del qgis_iface.showAttributeTable


def test_clicking_a_count_selects_and_opens_the_records(env, qgis_iface):
    dock = env.dock
    opened = []
    qgis_iface.showAttributeTable = lambda layer, expression="": opened.append((layer.id(), expression))
    try:
        select_rows(dock, ["C4100002011031120000001"])
        signals = []
        dock.linkedRecordsOpened.connect(lambda table, ids: signals.append((table, ids)))
        QTest.mouseClick(dock.link_buttons["patches"], Qt.LeftButton)
        patches = find_layer("patches")
        selected = sorted(f["patch_no"] for f in patches.selectedFeatures())
        assert selected == ["P2026-000", "P2026-001", "P2026-002"]
        assert signals and signals[0][0] == "patches"
        assert opened == [(patches.id(), licence_list_expression("C4100002011031120000001"))]
        assert env.canvas.extent().contains(patches.boundingBoxOfSelected())
        QTest.mouseClick(dock.link_buttons["notices"], Qt.LeftButton)
        notices = find_layer("notices")
        assert [f["notice_no"] for f in notices.selectedFeatures()] == ["〔2026〕1号"]
        assert opened[-1][0] == notices.id()
        # The rights selection is untouched by opening linked records.
        assert env.selected() == ["C4100002011031120000001"]
    finally:
        del qgis_iface.showAttributeTable


def test_patches_link_opens_our_patches_dock_filtered_to_the_licence(env, qgis_iface):
    """With the patches dock in the main window, "Patches: 3" shows that licence's patches there (not a table)."""
    from mine_supervision_plugin.gui.patches_dock import PatchesDock

    env.context.set_store(env.store)
    main = qgis_iface.mainWindow()
    patches_dock = PatchesDock(env.context, main)
    main.addDockWidget(Qt.RightDockWidgetArea, patches_dock)
    patches_dock.hide()
    opened = []
    qgis_iface.showAttributeTable = lambda layer, expression="": opened.append(layer.id())
    try:
        select_rows(env.dock, ["C4100002011031120000001"])
        QTest.mouseClick(env.dock.link_buttons["patches"], Qt.LeftButton)
        assert opened == []
        assert patches_dock.isVisibleTo(main)
        assert sorted(patches_dock.visible_patch_nos()) == ["P2026-000", "P2026-001", "P2026-002"]
        assert patches_dock.licence_filter_label.isVisibleTo(patches_dock)
        assert "C4100002011031120000001" in patches_dock.licence_filter_label.text()
        patches_dock.clear_filters()
        assert len(patches_dock.visible_patch_nos()) > 3
        # inspections still open in the attribute table, their layer switched on
        inspections = find_layer("inspections")
        node = QgsProject.instance().layerTreeRoot().findLayer(inspections.id())
        node.setItemVisibilityChecked(False)
        assert env.dock.link_buttons["inspections"].isEnabled()
        QTest.mouseClick(env.dock.link_buttons["inspections"], Qt.LeftButton)
        assert opened == [inspections.id()] and node.itemVisibilityChecked()
    finally:
        del qgis_iface.showAttributeTable
        patches_dock.shutdown()
        main.removeDockWidget(patches_dock)
        patches_dock.deleteLater()


# --------------------------------------------------------------------------- colours


def test_expired_and_expiring_licences_stand_out(env):
    dock = env.dock
    colours = {}
    for row, number in enumerate(env.shown()):
        index = dock.proxy.index(row, 0)
        background = index.data(Qt.BackgroundRole)
        foreground = index.data(Qt.ForegroundRole)
        colours[number] = (
            index.data(ExpiryRole),
            background.color().name() if background else None,
            foreground.color().name() if foreground else None,
        )
    assert colours["C4100002011031120000002"] == ("expired", *EXPIRED_COLOURS)
    assert colours["C4100002011031120000003"] == ("expiring", *EXPIRING_COLOURS)
    assert colours["C4100002011031120000005"] == ("expiring", *EXPIRING_COLOURS)  # exactly 90 days
    assert colours["C4100002011031120000004"] == ("valid", None, None)
    assert colours["C4100002011031120000006"] == ("unknown", None, None)
    legend = dock.legend_label.text()
    assert EXPIRED_COLOURS[0] in legend and EXPIRING_COLOURS[0] in legend and "90 days" in legend


# --------------------------------------------------------------------------- reloading


def test_reloads_after_committed_edits_and_data_changed(env):
    dock = env.dock
    layer = env.layer
    layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature["license_no"] = "C4100002011031120000007"
    feature["mine_name"] = "新矿"
    feature["holder"] = "新矿主"
    feature["status"] = "producing"
    east, north = column_origin(7)
    feature.setGeometry(QgsGeometry.fromWkt(f"MULTIPOLYGON(({ring_wkt(square_ring(east, north))}))"))
    assert layer.addFeature(feature)
    wait()
    assert dock.model.rowCount() == 6  # not committed yet
    assert layer.commitChanges()
    wait()
    assert dock.model.rowCount() == 7
    assert "C4100002011031120000007" in env.shown()

    # Another part of the plugin writes with OGR and says so.
    source = ogr.Open(env.store.location, update=1)
    rights = source.GetLayerByName("mining_rights")
    rights.SetAttributeFilter("license_no = 'C4100002011031120000004'")
    row = rights.GetNextFeature()
    row.SetField("credit_status", "abnormal_list")
    rights.SetFeature(row)
    source = None
    env.context.dataChanged.emit("mining_rights")
    wait()
    env.dock.abnormal_check.setChecked(True)
    assert "C4100002011031120000004" in env.shown()


def test_hidden_dock_reloads_when_shown(env):
    dock = env.dock
    dock.hide()
    extra = [("C4100002011031120000009", "后来矿", "后来公司", "煤", "underground", "producing", days(500), "normal", 9)]
    fill_database(env.store.location, extra, with_details=False, zones=False)
    env.context.dataChanged.emit("mining_rights")
    wait()
    assert dock.model.rowCount() == 6  # no work while nobody looks
    dock.show()
    wait()
    assert dock.model.rowCount() == 7


def test_project_cleared_and_store_changed(env):
    dock = env.dock
    QgsProject.instance().clear()
    wait()
    assert dock.model.rowCount() == 0
    assert dock.count_label.text() == "No supervision database is open."
    load_into_project(env.store, QgsProject.instance())
    env.context.set_store(env.store)
    wait()
    assert dock.model.rowCount() == 6
    # The new layers are the ones synchronised.
    env.layer.selectByIds([env.fid_of("C4100002011031120000003")])
    assert env.selected() == ["C4100002011031120000003"]


def test_shutdown_disconnects_everything_outside(tmp_path, qgis_iface, qgis_canvas):
    path = create_database(tmp_path / "county.gpkg")
    fill_database(path)
    store = open_database(path)
    load_into_project(store, QgsProject.instance())
    layer = find_layer("mining_rights")
    project = QgsProject.instance()
    context = PluginContext(qgis_iface, DependencyReport([]))

    def receivers():
        return (
            layer.receivers(layer.selectionChanged),
            layer.receivers(layer.afterCommitChanges),
            context.receivers(context.storeChanged),
            context.receivers(context.dataChanged),
            project.receivers(project.layersAdded),
            project.receivers(project.layersWillBeRemoved),
        )

    baseline = receivers()
    window = QMainWindow()
    dock = RightsDock(context, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.show()
    wait()
    assert dock.model.rowCount() == len(RIGHTS)
    assert all(now > before for now, before in zip(receivers(), baseline))
    dock.shutdown()
    assert receivers() == baseline
    layer.selectByIds([next(layer.getFeatures()).id()])  # no slot of the dock runs
    assert dock.selected_records() == []
    window.close()
    window.deleteLater()
    QgsProject.instance().clear()
    wait()


# --------------------------------------------------------------------------- corner labels


def test_corner_labels_come_from_style_or_are_set(env):
    corners = find_layer("mining_right_corners")
    assert corners.labelsEnabled()
    assert corners.labeling().settings().fieldName == "corner_no"
    bare = QgsVectorLayer(env.store.layer_uri("mining_right_corners"), "bare", "ogr")
    assert not bare.labelsEnabled()
    assert ensure_corner_labels(bare) is True
    assert bare.labelsEnabled()
    settings = bare.labeling().settings()
    assert settings.fieldName == "corner_no" and settings.scaleVisibility
    assert ensure_corner_labels(bare) is False  # never overrides existing labels


# --------------------------------------------------------------------------- 10,000 rights


def many_rights(count: int):
    statuses = ("producing", "suspended", "construction", "closed")
    methods = ("open_pit", "underground", "combined")
    minerals = ("石灰岩", "金矿", "煤", "砂石", "铁矿", "铜矿")
    credits = ("normal",) * 8 + ("abnormal_list", "serious_dishonesty")
    for i in range(count):
        yield (
            f"C41000020110311{i:08d}",
            f"示范矿山{i}号",
            f"矿业公司{i % 997}",
            minerals[i % len(minerals)],
            methods[i % len(methods)],
            statuses[i % len(statuses)],
            days((i % 1500) - 200),
            credits[i % len(credits)],
            i,
        )


def test_ten_thousand_rights_load_and_filter(tmp_path, qgis_iface, qgis_canvas):
    count = 10_000
    path = create_database(tmp_path / "province.gpkg")
    fill_database(path, list(many_rights(count)), with_details=False, zones=False)  # a 100 x 100 grid
    source = ogr.Open(str(path), update=1)
    source.StartTransaction()
    zones = source.GetLayerByName("monitoring_zones")
    for z in range(3):
        zone = ogr.Feature(zones.GetLayerDefn())
        zone.SetField("name", f"重点矿区{z}")
        zone.SetField("level", "province")
        east, north = BASE_EAST + z * 30_000.0, BASE_NORTH - z * 30_000.0
        zone.SetGeometry(ogr.CreateGeometryFromWkt(f"MULTIPOLYGON(({ring_wkt(square_ring(east, north, 20_000))}))"))
        zones.CreateFeature(zone)
    source.CommitTransaction()
    source = None

    store = open_database(path)
    load_into_project(store, QgsProject.instance())
    context = PluginContext(qgis_iface, DependencyReport([]))
    window = QMainWindow()
    started = time.perf_counter()
    dock = RightsDock(context, window)
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.show()
    wait()
    first = time.perf_counter() - started
    try:
        assert dock.model.rowCount() == count
        dock.reload()
        load = dock.last_load_seconds
        in_zone = sum(1 for r in dock.model.records() if r.zones)
        assert in_zone == 3 * 20 * 20  # each 20 km zone covers 20 x 20 licences

        timings = {}
        started = time.perf_counter()
        dock.search_edit.setText("矿业公司12")
        dock.apply_filters()
        timings["search"] = time.perf_counter() - started
        shown_search = dock.proxy.rowCount()
        dock.search_edit.setText("")
        started = time.perf_counter()
        choose(dock.status_combo, "producing")
        timings["status"] = time.perf_counter() - started
        started = time.perf_counter()
        dock.abnormal_check.setChecked(True)
        timings["abnormal"] = time.perf_counter() - started
        started = time.perf_counter()
        dock.table_view.sortByColumn(6, Qt.DescendingOrder)
        timings["sort"] = time.perf_counter() - started
        rights_layer = find_layer("mining_rights")
        started = time.perf_counter()
        rights_layer.selectByIds(list(range(1, 2001)))
        timings["map selection of 2,000"] = time.perf_counter() - started
        choose(dock.status_combo, None)
        dock.abnormal_check.setChecked(False)
        started = time.perf_counter()
        dock.table_view.selectAll()
        timings["select all rows"] = time.perf_counter() - started
        assert rights_layer.selectedFeatureCount() == count

        print(
            f"\n10,000 rights: dock built and loaded in {first:.3f} s; reload {load:.3f} s; "
            + "; ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in timings.items())
            + f"; search hits {shown_search}; in zones {in_zone}"
        )
    finally:
        dock.shutdown()
        window.close()
        window.deleteLater()
        QgsProject.instance().clear()
        wait()


def test_a_depth_not_recorded_is_said_so(qgis_app):
    # Issue 10, item 8: "Parcel 1: ? m to ? m" read as a fault; the words say what is missing.
    assert depth_range_text(None, None) == "not recorded"
    assert depth_range_text(1200.0, None) == "1200 m to not recorded"
    assert depth_range_text(1200.0, 900.5) == "1200 m to 900.5 m"


# --------------------------------------------------------------------------- patrols (issue 11)


def test_patrols_column_colours_overdue_mines_and_the_filter_keeps_them(env):
    from mine_supervision_plugin.gui.rights_model import OVERDUE_COLOURS, PATROLS_COLUMN
    from mine_supervision_plugin.store.inspections import record_patrol

    dock = env.dock
    dock.today = dt.date(2026, 1, 15)  # the year so far: January (months), Q1 (quarters)
    record_patrol(env.store, inspection_date=dt.date(2026, 1, 10), kind="patrol",
                  license_nos=["C4100002011031120000001", "C4100002011031120000002"])
    env.context.dataChanged.emit("inspections")
    wait(100)
    deadline = time.monotonic() + 30
    while dock.overdue_loading and time.monotonic() < deadline:
        wait(50)
    assert not dock.overdue_loading
    model = dock.model
    cells = {}
    for row in range(model.rowCount()):
        index = model.index(row, PATROLS_COLUMN)
        background = index.data(Qt.BackgroundRole)
        cells[model.record(row).license_no[-1]] = (index.data(), background.color().name() if background else None)
    assert cells["1"] == ("", None) and cells["2"] == ("", None)  # patrolled this month / this quarter
    for number in "3456":
        assert cells[number] == ("1 period(s) overdue", OVERDUE_COLOURS[0]), cells
    dock.overdue_check.setChecked(True)
    wait()
    assert env.shown() == [f"C410000201103112000000{n}" for n in "3456"]
    assert OVERDUE_COLOURS[0] in dock.legend_label.text()
