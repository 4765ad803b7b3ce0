"""The supervision database on a real PostgreSQL/PostGIS server (tests/pg_server.py starts it)."""

from __future__ import annotations

import pytest

from mine_supervision_plugin.store import database
from mine_supervision_plugin.store.schema import SCHEMA_VERSION, tables_at


def test_create_builds_every_table_of_the_schema_and_opens(pg_server, pg_database):
    database.create_database(pg_database)
    dbname = pg_database.split("dbname=")[1].split()[0]
    tables = set(pg_server.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", dbname=dbname).split())
    assert {spec.name for spec in tables_at(SCHEMA_VERSION)} <= tables
    geometry = pg_server.psql(
        "SELECT type, srid FROM geometry_columns WHERE f_table_name = 'patches'", dbname=dbname
    )
    assert geometry == "MULTIPOLYGON|4526"
    store = database.open_database(pg_database)
    assert store.is_postgres and store.schema_version == SCHEMA_VERSION


def test_a_second_create_is_refused_without_touching_the_first(pg_database):
    database.create_database(pg_database)
    with pytest.raises(database.StoreError, match="already holds a supervision database") as refused:
        database.create_database(pg_database, overwrite=True)
    assert "ms-admin-test-password" not in str(refused.value)
    assert database.open_database(pg_database).schema_version == SCHEMA_VERSION


def test_database_without_postgis_is_refused_in_words(pg_server):
    target = pg_server.create_database("no_postgis_here", postgis=False)
    with pytest.raises(database.StoreError, match="PostGIS"):
        database.create_database(target)
    assert pg_server.psql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", dbname="no_postgis_here") == "0"


def test_passwords_are_never_shown():
    shown = database.redact_password("PG:dbname=a host=h password=s3cret user=u and postgresql://u:pw@h/db")
    assert "s3cret" not in shown and "pw@" not in shown and "password=***" in shown


def test_what_is_kept_has_no_password_at_all():
    assert database.without_password("PG:dbname=a password='s e' host=h user=u") == "PG:dbname=a host=h user=u"
    assert database.without_password("postgresql://u:pw@h/db") == "postgresql://u@h/db"
    store = database.SupervisionStore("PG:dbname=a host=h password=s3cret", 4526, 5)
    assert "s3cret" not in store.kept_reference and "s3cret" not in store.shown


@pytest.mark.parametrize("typed", ["service=county", "dbname=county host=db.example port=5433 user=gis",
                                   "postgresql://gis@db.example/county", "PG:dbname=county"])
def test_connection_strings_are_postgres_locations(typed):
    assert database.is_postgres(typed)
    assert database.postgres_location(typed).startswith("PG:")
    assert not database.is_postgres("/data/county.gpkg") and not database.is_postgres("county.gpkg")


def test_wrong_credentials_unknown_database_and_unreachable_server_are_refused_in_words(pg_server):
    from pg_server import SUPERUSER

    wrong = f"PG:dbname=postgres host=127.0.0.1 port={pg_server.port} user={SUPERUSER} password=not-the-password"
    with pytest.raises(database.StoreError, match="refused the user name or password") as refused:
        database.open_database(wrong)
    assert "not-the-password" not in str(refused.value)
    with pytest.raises(database.StoreError, match="refused the user name or password"):
        database.create_database(wrong)
    with pytest.raises(database.StoreError, match="no such database"):
        database.open_database(pg_server.ogr_target("no_such_database"))
    closed = f"PG:dbname=postgres host=127.0.0.1 port=1 user={SUPERUSER} password=secret-here"
    with pytest.raises(database.StoreError, match="cannot be reached") as refused:
        database.open_database(closed)
    assert "secret-here" not in str(refused.value)


def test_a_password_changed_between_saves_is_worded_and_nothing_written(pg_database):
    from mine_supervision_plugin.store.patches import add_patches

    store = database.open_database(database.create_database(pg_database))
    import shapely

    add_patches(store, [{"patch_no": "A-1", "geometry": shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)}],
                source="satellite")
    # the same store reached through a wrong password (as after a password change on the server)
    moved = database.SupervisionStore(pg_database.replace("ms-admin-test-password", "changed"), 4526, store.schema_version)
    with pytest.raises(database.StoreError, match="refused the user name or password") as refused:
        add_patches(moved, [{"patch_no": "A-2", "geometry": shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)}],
                    source="satellite")
    assert "password=changed" not in str(refused.value) and "password=***" in str(refused.value)


def test_date_times_are_kept_as_written_without_a_time_zone(pg_server, pg_database):
    """The workflow log shows the times the users saw, whatever the server's time zone (a GeoPackage's way)."""
    import datetime as dt

    import shapely

    from mine_supervision_plugin.store.patches import add_patches, patch_history

    database.create_database(pg_database, schema_version=3)  # a migrated database gets the same columns
    store = database.open_database(pg_database)
    dbname = pg_database.split("dbname=")[1].split()[0]
    kinds = pg_server.psql("SELECT DISTINCT data_type FROM information_schema.columns WHERE column_name IN "
                           "('event_time', 'started_at', 'updated_at', 'taken_at')", dbname=dbname)
    assert kinds == "timestamp without time zone"
    pg_server.psql(f"ALTER DATABASE {dbname} SET timezone = 'America/New_York'")
    before = dt.datetime.now().replace(microsecond=0)
    add_patches(store, [{"patch_no": "T-1", "geometry": shapely.box(38_500_000, 4_000_000, 38_500_100, 4_000_100)}],
                source="satellite")
    (event,) = patch_history(store, "T-1")
    assert before <= event["event_time"] <= dt.datetime.now()


def test_a_connection_dropped_in_the_middle_of_a_save_is_worded_and_nothing_is_written(pg_server, pg_database):
    """The server ends the session half-way through a transaction (a network cut, a restart): nothing of it stays."""
    from osgeo import ogr

    store = database.open_database(database.create_database(pg_database))
    dbname = pg_database.split("dbname=")[1].split()[0]
    with pytest.raises(database.StoreError, match="connection to the server was lost") as refused:
        with store.transaction() as source:
            layer = source.GetLayerByName("patches")
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("patch_no", "CUT-1")
            layer.CreateFeature(feature)
            pg_server.psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}' "
                           "AND pid <> pg_backend_pid()")
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("patch_no", "CUT-2")
            layer.CreateFeature(feature)
    assert "ms-admin-test-password" not in str(refused.value)
    assert pg_server.psql("SELECT count(*) FROM patches", dbname=dbname) == "0"
    # the next save, on a new connection, works
    with store.transaction() as source:
        layer = source.GetLayerByName("patches")
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("patch_no", "CUT-1")
        layer.CreateFeature(feature)
    assert pg_server.psql("SELECT patch_no FROM patches", dbname=dbname) == "CUT-1"
