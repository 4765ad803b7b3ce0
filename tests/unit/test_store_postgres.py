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
