"""Copying ready-made layers (zones, routes, surveys) into the supervision database."""

from __future__ import annotations

import pytest
from osgeo import ogr, osr

from mine_supervision_plugin.store.database import StoreError, create_database, open_database
from mine_supervision_plugin.store.features import copy_features


def zones_file(path, rows, epsg=4490):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("zones", srs, ogr.wkbPolygon)
    for name, kind in (("name", ogr.OFTString), ("level", ogr.OFTString), ("year", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for name, level, year, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        feature.SetField("level", level)
        feature.SetField("year", year)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return path


SQUARE = "POLYGON((113.9 36.1, 114.0 36.1, 114.0 36.2, 113.9 36.2, 113.9 36.1))"


def count(store, table):
    source = ogr.Open(store.location)
    return source.GetLayerByName(table).GetFeatureCount()


def test_zones_are_copied_and_reprojected(tmp_path, store_location):
    store = open_database(create_database(store_location, 4526))
    path = zones_file(tmp_path / "z.gpkg", [("荫城重点监测矿区", "province", "2026", SQUARE)])
    assert copy_features(store, "monitoring_zones", path) == 1
    source = ogr.Open(store.location)
    feature = source.GetLayerByName("monitoring_zones").GetNextFeature()
    assert feature.GetField("name") == "荫城重点监测矿区"
    assert feature.GetField("year") == 2026
    minx, maxx, miny, maxy = feature.GetGeometryRef().GetEnvelope()
    assert 38_490_000 < minx < maxx < 38_510_000  # zone 38 with its prefix, around 114°E
    assert 3_990_000 < miny < maxy < 4_020_000
    assert ogr.GeometryTypeToName(feature.GetGeometryRef().GetGeometryType()) == "Multi Polygon"


def test_a_bad_row_names_file_and_row_and_writes_nothing(tmp_path, store_location):
    store = open_database(create_database(store_location, 4526))
    path = zones_file(tmp_path / "z.gpkg", [("甲", "province", "2026", SQUARE), ("乙", "city", "twenty", SQUARE)])
    with pytest.raises(StoreError, match=r"z\.gpkg, row 2: year"):
        copy_features(store, "monitoring_zones", path)
    assert count(store, "monitoring_zones") == 0


def test_a_missing_required_value_is_named(tmp_path, store_location):
    store = open_database(create_database(store_location, 4526))
    path = zones_file(tmp_path / "z.gpkg", [("甲", "", "2026", SQUARE)])
    with pytest.raises(StoreError, match="row 1: the required field level is empty"):
        copy_features(store, "monitoring_zones", path)
    assert count(store, "monitoring_zones") == 0


def test_chinese_labels_become_codes_and_unknown_values_are_refused(tmp_path, store_location):
    store = open_database(create_database(store_location, 4526))
    assert copy_features(store, "monitoring_zones", zones_file(tmp_path / "a.gpkg", [("甲", "省", "2026", SQUARE)])) == 1
    source = ogr.Open(store.location)
    assert source.GetLayerByName("monitoring_zones").GetNextFeature().GetField("level") == "province"
    source = None
    with pytest.raises(StoreError, match="row 1: 乡 is not a known value of level"):
        copy_features(store, "monitoring_zones", zones_file(tmp_path / "b.gpkg", [("乙", "乡", "2026", SQUARE)]))
