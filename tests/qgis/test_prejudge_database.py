"""Pre-judging all patches of a supervision database in place."""

from __future__ import annotations

import datetime as dt

import pytest
from osgeo import ogr
from shapely.geometry import box

from mine_supervision_plugin.analysis.prejudge_store import prejudge_database
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry
from mine_supervision_plugin.store.patches import add_patches

X0, Y0 = 38_500_000.0, 4_000_000.0


def insert(store, table: str, rows: list[dict]) -> None:
    with store.transaction() as source:
        layer = source.GetLayerByName(table)
        for row in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in row.items():
                if name == "geometry":  # as the column holds it (PostGIS checks: a MultiPolygon column)
                    feature.SetGeometry(ogr.ForceTo(to_ogr_geometry(value), layer.GetGeomType()))
                else:
                    set_field(feature, name, value)
            layer.CreateFeature(feature)


@pytest.fixture
def store(store_location):
    """A county database on either store (GeoPackage, PostGIS)."""
    store = open_database(create_database(store_location, 4526))
    insert(store, "mining_rights", [
        {"license_no": "C-VALID", "mine_name": "甲矿", "holder": "甲公司", "valid_from": dt.date(2020, 1, 1),
         "valid_to": dt.date(2030, 1, 1), "geometry": box(X0, Y0, X0 + 1000, Y0 + 1000)},
        {"license_no": "C-EXPIRED", "mine_name": "乙矿", "holder": "乙公司", "valid_from": dt.date(2015, 1, 1),
         "valid_to": dt.date(2024, 6, 30), "geometry": box(X0 + 3000, Y0, X0 + 4000, Y0 + 1000)},
    ])
    insert(store, "monitoring_zones", [
        {"name": "旧矿区", "level": "county", "year": 2024, "geometry": box(X0 - 100, Y0 - 100, X0 + 5000, Y0 + 2000)},
        {"name": "新矿区", "level": "province", "year": 2025, "geometry": box(X0 - 100, Y0 - 100, X0 + 5000, Y0 + 2000)},
    ])
    records = [
        {"patch_no": "P24-1", "date_after": dt.date(2024, 10, 1), "geometry": box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200)},
        {"patch_no": "P25-1", "date_after": dt.date(2025, 10, 1), "geometry": box(X0 + 150, Y0 + 150, X0 + 250, Y0 + 250)},
        {"patch_no": "P25-2", "date_after": dt.date(2025, 10, 1), "geometry": box(X0 + 950, Y0 + 100, X0 + 1050, Y0 + 200)},
        {"patch_no": "P25-3", "date_after": dt.date(2025, 10, 1), "geometry": box(X0 + 3100, Y0 + 100, X0 + 3200, Y0 + 200)},
        {"patch_no": "P25-4", "date_after": dt.date(2025, 10, 1), "geometry": box(X0 + 8000, Y0, X0 + 8100, Y0 + 100)},
    ]
    add_patches(store, records, source="satellite", crs_epsg=4526)
    return store


def stored(store) -> dict[str, dict]:
    source = ogr.Open(store.location)  # kept alive while its layer is read
    layer = source.GetLayerByName("patches")
    return {f.GetField("patch_no"): {k: f.GetField(k) for k in ("prejudgment", "inside_area_m2", "outside_area_m2",
                                                                 "license_no", "zone_name", "zone_level", "repeat_years",
                                                                 "expired_area_m2", "prejudge_note")}
            for f in layer}


def test_every_patch_is_judged_and_stored(store):
    report = prejudge_database(store)
    assert report.judged == 5
    rows = stored(store)
    assert rows["P24-1"]["prejudgment"] == "within_licence"
    assert rows["P25-2"]["prejudgment"] == "out_of_bounds"
    assert rows["P25-2"]["inside_area_m2"] == pytest.approx(5000.0)
    assert rows["P25-2"]["outside_area_m2"] == pytest.approx(5000.0)
    assert rows["P25-3"]["prejudgment"] == "expired_licence"
    assert rows["P25-3"]["license_no"] == "C-EXPIRED"
    assert rows["P25-4"]["prejudgment"] == "unlicensed"
    # The zone list in force follows the patch's year.
    assert rows["P24-1"]["zone_name"] == "旧矿区" and rows["P24-1"]["zone_level"] == "county"
    assert rows["P25-1"]["zone_name"] == "新矿区" and rows["P25-1"]["zone_level"] == "province"
    assert rows["P25-4"]["zone_name"] is None
    # Changed again where a 2024 patch was: 多年连续变化.
    assert rows["P25-1"]["repeat_years"] == "2024"
    assert rows["P24-1"]["repeat_years"] in (None, "")
    assert report.counts == {"within_licence": 2, "out_of_bounds": 1, "expired_licence": 1, "unlicensed": 1}
    # The area on an expired licence is kept with the patch (schema 3); a dated patch carries no note.
    assert rows["P25-3"]["expired_area_m2"] == pytest.approx(10000.0)
    assert rows["P24-1"]["expired_area_m2"] == pytest.approx(0.0)
    assert rows["P25-3"]["prejudge_note"] is None


def test_the_note_says_why_a_patch_could_not_be_fully_judged(store):
    add_patches(store, [{"patch_no": "P-NODATE", "geometry": box(X0 + 300, Y0 + 300, X0 + 400, Y0 + 400)}],
                source="patrol", crs_epsg=4526)
    prejudge_database(store)
    row = stored(store)["P-NODATE"]
    assert row["prejudgment"] == "within_licence"
    assert "validity" in row["prejudge_note"]
    assert row["expired_area_m2"] is None


def test_processing_algorithm_updates_the_database(store, registry):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    algorithm = registry.createAlgorithmById("minesupervision:prejudgedatabase")
    result, ok = algorithm.run({"DATABASE": store.location, "TOLERANCE_M2": 1.0}, QgsProcessingContext(),
                               QgsProcessingFeedback())
    assert ok and result["JUDGED"] == 5
    assert stored(store)["P25-4"]["prejudgment"] == "unlicensed"


def test_gui_task_prejudges_in_the_background_and_reports(store, qgis_iface):
    from qgis.core import Qgis, QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from mine_supervision_plugin.deps import check_dependencies
    from mine_supervision_plugin.gui.context import PluginContext
    from mine_supervision_plugin.gui.tasks import start_prejudge_database

    context = PluginContext(qgis_iface, check_dependencies())
    context.store = store
    changed = []
    context.dataChanged.connect(changed.append)
    task = start_prejudge_database(context)
    assert task is not None
    for _ in range(600):
        QCoreApplication.processEvents()
        if not QgsApplication.taskManager().tasks() and changed:
            break
        QCoreApplication.instance().thread().msleep(20)
    assert changed == ["patches"]
    assert stored(store)["P25-3"]["prejudgment"] == "expired_licence"
    assert any("5" in message for message in qgis_iface.messageBar().get_messages(Qgis.Success))


# --------------------------------------------------------------------------- zones in force: one rule


def test_zones_in_force_rule():
    from mine_supervision_plugin.domain.zones import list_year_in_force, zone_in_force, zones_in_force_mask

    years = [2022, None, 2024, 2024, float("nan"), "", 2026]
    assert list_year_in_force(years, 2021) is None
    assert list_year_in_force(years, 2023) == 2022
    assert list_year_in_force(years, 2024) == 2024
    assert list_year_in_force(years, 2025) == 2024  # this year's list not entered yet: the latest earlier one
    assert list_year_in_force(years, 2030) == 2026
    assert zone_in_force(None, None) and zone_in_force(float("nan"), 2024)  # a zone of every list
    assert zone_in_force(2024, 2024) and not zone_in_force(2022, 2024) and not zone_in_force(2024, None)
    assert zones_in_force_mask(years, 2025) == [False, True, True, True, True, True, False]
    assert zones_in_force_mask(years, 2021) == [False, True, False, False, True, True, False]


def test_draw_tool_and_database_take_the_zones_in_force_from_one_rule(store):
    """The single-patch pre-judgment (list year asked of the whole store) and the database pre-judgment (all zones
    read) choose the same zones for every year, including one with no list yet and one with a zone of every list."""
    import pandas as pd

    from mine_supervision_plugin.analysis.prejudge_store import zones_in_force
    from mine_supervision_plugin.analysis.single_patch import _latest_zone_year, read_table, zones_of_list_year
    from mine_supervision_plugin.domain.zones import list_year_in_force

    insert(store, "monitoring_zones", [
        {"name": "常设矿区", "level": "county", "geometry": box(X0 + 9000, Y0, X0 + 9100, Y0 + 100)},
        {"name": "远矿区", "level": "county", "year": 2022, "geometry": box(X0 + 9000, Y0, X0 + 9100, Y0 + 100)},
    ])
    zones = read_table(store, "monitoring_zones", ("name", "level", "year"))
    for year in range(2020, 2028):
        list_year = _latest_zone_year(store, year)
        assert list_year == list_year_in_force(zones["year"].tolist(), year), year
        chosen = zones_of_list_year(zones, list_year)
        assert sorted(zones_in_force(zones, year)["name"]) == sorted(chosen["name"]), year
    by_year = {year: sorted(zones_in_force(zones, year)["name"]) for year in (2021, 2023, 2024, 2026)}
    assert by_year[2021] == ["常设矿区"]
    assert by_year[2023] == sorted(["常设矿区", "远矿区"])
    assert by_year[2024] == sorted(["常设矿区", "旧矿区"])
    assert by_year[2026] == sorted(["常设矿区", "新矿区"])
    assert isinstance(zones, pd.DataFrame)
