"""Record patrol… with a route drawn on the map (issue 11 item 2): the technician digitizes the route as a line in
any line layer with QGIS's own tools, selects it, and the dialog takes it, reprojected to the database's CRS."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
from qgis.PyQt.QtCore import QDate

from mine_supervision_plugin.deps import DependencyReport
from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.gui.context import PluginContext
from mine_supervision_plugin.gui.patrol_dialog import RecordPatrolDialog
from mine_supervision_plugin.store.corner_checks import patrols_of
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import upsert_licences

LICENCE = "C4100002011031120000001"
EAST, NORTH = 38_500_000.0, 3_851_000.0


def test_a_selected_line_becomes_the_patrol_route(tmp_path, qgis_iface):
    store = open_database(create_database(tmp_path / "county.gpkg"))
    corners = [Corner(i + 1, x, y) for i, (x, y) in enumerate(
        [(NORTH, EAST), (NORTH, EAST + 200), (NORTH - 200, EAST + 200), (NORTH - 200, EAST)])]
    upsert_licences(store, [Licence(license_no=LICENCE, mine_name="青山矿", holder="甲", crs_epsg=4526,
                                    parcels=[Parcel("1", corners)])])
    context = PluginContext(qgis_iface, DependencyReport([]))
    context.set_store(store)
    dialog = RecordPatrolDialog(context)
    polygons = QgsVectorLayer("Polygon?crs=EPSG:4526", "not a line", "memory")
    assert not dialog.use_selected_line(polygons) and dialog.drawn_route is None
    assert dialog.drawn_label.text()  # says what to do
    # drawn in geographic CGCS2000 (EPSG:4490), as a scratch layer often is
    route = QgsVectorLayer("LineString?crs=EPSG:4490", "scratch", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(114.000, 34.780), QgsPointXY(114.004, 34.780)]))
    route.dataProvider().addFeatures([feature])
    route.selectAll()
    assert dialog.use_selected_line(route)
    assert 360 < dialog.drawn_route.length < 370  # 0.004° of longitude at 34.78° N, in metres of EPSG:4526
    dialog.date_edit.setDate(QDate(2026, 3, 5))
    for row in range(dialog.mines_list.count()):
        dialog.mines_list.item(row).setCheckState(2)
    dialog.accept()
    assert dialog.record is not None, dialog.error_label.text()
    (patrol,) = patrols_of(store, LICENCE)
    assert patrol["route_source"] == "drawn" and 360 < patrol["route_length_m"] < 370
    assert patrol["inspection_date"] == dt.date(2026, 3, 5)
