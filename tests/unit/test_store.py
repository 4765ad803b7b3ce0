"""The supervision database: creation, opening, migration and refusals."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess

import pytest
from osgeo import gdal, ogr
from store_sql import execute, fingerprint, is_pg

from mine_supervision_plugin.store.database import StoreError, create_database, open_database, schema_diff
from mine_supervision_plugin.store.schema import META_TABLE, SCHEMA_VERSION, TABLES, tables_at


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def layer_names(path) -> set[str]:
    # OGR lists only the tables with a geometry of a PostGIS database unless asked for all
    source = gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=["LIST_ALL_TABLES=YES"] if is_pg(path) else [])
    return {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())}


def test_new_database_holds_the_whole_schema(store_location):
    path = create_database(store_location, 4526)
    from mine_supervision_plugin.store.postgres_server import ROLES_TABLE

    server_only = {ROLES_TABLE} if is_pg(path) else set()  # who is which county's login: kept by the server
    assert layer_names(path) == {t.name for t in TABLES} | {META_TABLE} | server_only
    source = ogr.Open(path)
    assert schema_diff(source).empty
    rights = source.GetLayerByName("mining_rights")
    assert ogr.GeometryTypeToName(rights.GetGeomType()) == "Multi Polygon"
    assert rights.GetSpatialRef().GetAuthorityCode(None) == "4526"
    parcels = source.GetLayerByName("mining_right_parcels").GetLayerDefn()
    assert parcels.GetFieldIndex("depth_top_m") >= 0 and parcels.GetFieldIndex("depth_bottom_m") >= 0
    store = open_database(path)
    assert (store.schema_version, store.crs_epsg, store.migrated_from) == (SCHEMA_VERSION, 4526, None)


def test_unique_licence_number_is_enforced_by_the_database(store_location):
    store = open_database(create_database(store_location))
    with store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        for _ in range(1):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("license_no", "C1")
            layer.CreateFeature(feature)
    with pytest.raises(RuntimeError), store.transaction() as source:
        layer = source.GetLayerByName("mining_rights")
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("license_no", "C1")
        layer.CreateFeature(feature)
    assert ogr.Open(store.location).GetLayerByName("mining_rights").GetFeatureCount() == 1


def test_failed_transaction_leaves_nothing(store_location):
    store = open_database(create_database(store_location))
    with pytest.raises(ValueError), store.transaction() as source:
        layer = source.GetLayerByName("patches")
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("patch_no", "T-1")
        layer.CreateFeature(feature)
        raise ValueError("boom")
    assert ogr.Open(store.location).GetLayerByName("patches").GetFeatureCount() == 0


def test_older_file_is_migrated_and_keeps_its_data(store_location):
    path = create_database(store_location, schema_version=1)
    assert "mining_right_history" not in layer_names(path)
    source = ogr.Open(path, update=1)
    patches = source.GetLayerByName("patches")
    feature = ogr.Feature(patches.GetLayerDefn())
    feature.SetField("patch_no", "P-1")
    patches.CreateFeature(feature)
    source = patches = feature = None
    store = open_database(path)
    assert store.migrated_from == 1 and store.schema_version == SCHEMA_VERSION
    assert {t.name for t in tables_at(SCHEMA_VERSION)} <= layer_names(path)
    source = ogr.Open(path)
    assert schema_diff(source).empty
    patches = source.GetLayerByName("patches")
    assert [f.GetField("patch_no") for f in patches] == ["P-1"]
    actions = [f.GetField("action") for f in source.GetLayerByName("audit_log")]
    assert actions == ["migrate"]
    # Opening again migrates nothing more.
    assert open_database(path).migrated_from is None


def test_a_version_2_file_gains_the_version_3_patch_fields(store_location):
    path = create_database(store_location, schema_version=2)
    source = ogr.Open(path, update=1)
    patches = source.GetLayerByName("patches")
    names = {patches.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(patches.GetLayerDefn().GetFieldCount())}
    assert "repeat_years" in names and not names & {"remarks", "expired_area_m2", "prejudge_note"}
    feature = ogr.Feature(patches.GetLayerDefn())
    feature.SetField("patch_no", "P-2")
    feature.SetField("prejudgment", "unlicensed")
    patches.CreateFeature(feature)
    source = patches = feature = None
    store = open_database(path)
    assert store.migrated_from == 2 and store.schema_version == SCHEMA_VERSION
    source = ogr.Open(path)
    assert schema_diff(source).empty
    rows = [(f.GetField("patch_no"), f.GetField("prejudgment"), f.GetField("remarks")) for f in source.GetLayerByName("patches")]
    assert rows == [("P-2", "unlicensed", None)]


def test_file_from_a_newer_plugin_is_refused_untouched(store_location):
    path = create_database(store_location)
    execute(path, f"UPDATE {META_TABLE} SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    before = fingerprint(path)
    with pytest.raises(StoreError, match="newer version of the plugin"):
        open_database(path)
    assert fingerprint(path) == before


def test_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a GeoPackage"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "not a database"


def test_geopackage_without_our_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "other.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    source.CreateLayer("roads", geom_type=ogr.wkbLineString)
    source = None
    before = digest(path)
    with pytest.raises(StoreError, match="not a supervision database"):
        open_database(path)
    assert digest(path) == before


@pytest.fixture
def read_only_database(tmp_path):
    """A database file the user may not write: chmod for users, the immutable flag for root."""
    path = create_database(tmp_path / "ro.gpkg")
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    immutable = False
    if os.access(path, os.W_OK):  # root ignores permission bits
        immutable = subprocess.run(["chattr", "+i", path], capture_output=True).returncode == 0
        if not immutable:
            pytest.skip("cannot make a file read-only for root here")
    yield path
    if immutable:
        subprocess.run(["chattr", "-i", path], check=True)


def test_read_only_file_is_refused_untouched(read_only_database):
    before = digest(read_only_database)
    with pytest.raises(StoreError, match="read-only"):
        open_database(read_only_database)
    assert digest(read_only_database) == before


def test_locked_file_is_refused_untouched(tmp_path):
    path = create_database(tmp_path / "locked.gpkg")
    before = digest(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            open_database(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(path) == before


def test_a_postgis_database_without_our_schema_is_refused_untouched(pg_database):
    execute(pg_database, "CREATE TABLE roads (id serial PRIMARY KEY, name text); INSERT INTO roads (name) VALUES ('G5')")
    before = fingerprint(pg_database)
    with pytest.raises(StoreError, match="not a supervision database") as refused:
        open_database(pg_database)
    assert "ms-admin-test-password" not in str(refused.value)
    assert fingerprint(pg_database) == before


def test_create_refuses_to_overwrite(tmp_path):
    path = create_database(tmp_path / "c.gpkg")
    before = digest(path)
    with pytest.raises(StoreError, match="already exists"):
        create_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.gpkg"]
