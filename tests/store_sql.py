"""Plain SQL on a supervision database of either kind, for tests that look under the store's API.

A GeoPackage is asked through ``sqlite3``; a PostGIS database through ``psql`` (statements) or OGR's
PostgreSQL driver in its native SQL (queries). Values come back as plain Python: dates as ISO text, as
SQLite holds them, booleans as 0/1, so one expected row fits both stores.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess

from osgeo import ogr

PG_BIN = os.environ.get("MS_PG_BIN", "/usr/lib/postgresql/15/bin")


def is_pg(location) -> bool:
    return str(location).startswith("PG:")


def _dsn(location: str) -> str:
    return str(location)[3:]


def execute(location, sql: str) -> None:
    """Run statements (DDL, DML) outside any store transaction."""
    if is_pg(location):
        result = subprocess.run([f"{PG_BIN}/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", _dsn(location), "-c", sql],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip())
        return
    connection = sqlite3.connect(str(location))
    try:
        connection.executescript(sql)
        connection.commit()
    finally:
        connection.close()


def _plain(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def query(location, sql: str) -> list[tuple]:
    """The rows a SELECT gives, as tuples of plain values."""
    if not is_pg(location):
        connection = sqlite3.connect(str(location))
        try:
            return [tuple(row) for row in connection.execute(sql)]
        finally:
            connection.close()
    from mine_supervision_plugin.store.ogr_util import field_value

    source = ogr.Open(str(location))
    result = source.ExecuteSQL(sql)
    try:
        definition = result.GetLayerDefn()
        rows = []
        for feature in result:
            rows.append(tuple(_plain(field_value(feature, i)) for i in range(definition.GetFieldCount())))
        return rows
    finally:
        source.ReleaseResultSet(result)
        source = None


def count(location, table: str) -> int:
    """The rows of ``table``; in ``audit_log`` only the plugin's own rows, not those the server's audit triggers
    add on PostGIS (actions ``db_...``), so that one count means the same on both databases."""
    where = " WHERE action NOT LIKE 'db\\_%' ESCAPE '\\'" if table == "audit_log" else ""
    return int(query(location, f'SELECT count(*) AS n FROM "{table}"{where}')[0][0])


def add_failing_trigger(location, table: str, condition: str) -> None:
    """Make the database itself refuse a row of ``table`` when ``condition`` holds (on ``NEW``), mid-transaction."""
    if is_pg(location):
        condition = "true" if condition.strip() == "1" else condition
        execute(location, f"""
            CREATE FUNCTION "fail_{table}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF {condition} THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER "fail_{table}" BEFORE INSERT ON "{table}" FOR EACH ROW EXECUTE FUNCTION "fail_{table}"();
        """)
        return
    execute(location, f'CREATE TRIGGER "fail_{table}" BEFORE INSERT ON "{table}" WHEN {condition} '
                      "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;")


def fingerprint(location) -> str:
    """A digest of everything the database holds: the file's bytes, or a PostgreSQL dump (schema and rows)."""
    import hashlib

    if not is_pg(location):
        with open(location, "rb") as stream:
            return hashlib.sha256(stream.read()).hexdigest()
    result = subprocess.run([f"{PG_BIN}/pg_dump", "--no-owner", "-d", _dsn(location)], capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.decode(errors="replace").strip())
    # pg_dump brackets its output with a random \restrict key: the rest is the content
    lines = [line for line in result.stdout.splitlines() if not line.startswith((b"\\restrict", b"\\unrestrict"))]
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def _fill(feature, values: dict) -> None:
    """``values`` into ``feature``: fields by name, ``geometry`` a shapely geometry."""
    from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry

    for name, value in values.items():
        if name == "geometry":
            feature.SetGeometry(to_ogr_geometry(value))
        else:
            set_field(feature, name, value)


def insert_row(store, table: str, row: dict) -> int:
    """One row into ``table`` of ``store`` in its own transaction (``geometry``: a shapely geometry); its fid."""
    with store.transaction() as source:
        layer = source.GetLayerByName(table)
        feature = ogr.Feature(layer.GetLayerDefn())
        _fill(feature, row)
        layer.CreateFeature(feature)
        return feature.GetFID()


def update_row(store, table: str, key: str, value, **fields) -> None:
    """The first row of ``table`` whose ``key`` is ``value`` given ``fields`` (``geometry``: shapely)."""
    with store.transaction() as source:
        layer = source.GetLayerByName(table)
        layer.SetAttributeFilter(f"\"{key}\" = '{value}'")
        feature = layer.GetNextFeature()
        _fill(feature, fields)
        layer.SetFeature(feature)


def table_rows(store, table: str) -> list[dict]:
    """Every row of ``table`` of ``store`` as a dict, read through OGR."""
    from mine_supervision_plugin.store.ogr_util import as_dict

    source = ogr.Open(store.location)
    layer = source.GetLayerByName(table)
    rows = [as_dict(feature) for feature in layer]
    layer = source = None
    return rows
