"""Create, open, check and migrate a supervision database.

The database is reached through OGR, which speaks both GeoPackage (the
embedded default, one file) and PostgreSQL/PostGIS (the shared database), so
nothing here assumes one of them. Every change runs inside one transaction;
a GeoPackage is also created in a temporary file and renamed into place, so a
failure never leaves a half-made file behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from osgeo import ogr, osr

from ..i18n import tr
from .schema import (
    APPLICATION_ID,
    BOOLEAN,
    DATE,
    DATETIME,
    DEFAULT_CRS_EPSG,
    INTEGER,
    META_TABLE,
    REAL,
    SCHEMA_VERSION,
    TEXT,
    Field,
    SchemaDiff,
    Table,
    tables_at,
)

ogr.UseExceptions()
osr.UseExceptions()

_GEOMETRY_TYPES = {
    "Point": ogr.wkbPoint,
    "LineString": ogr.wkbLineString,
    "Polygon": ogr.wkbPolygon,
    "MultiPolygon": ogr.wkbMultiPolygon,
    None: ogr.wkbNone,
}
_FIELD_TYPES = {
    TEXT: ogr.OFTString,
    INTEGER: ogr.OFTInteger64,
    REAL: ogr.OFTReal,
    DATE: ogr.OFTDate,
    DATETIME: ogr.OFTDateTime,
    BOOLEAN: ogr.OFTInteger,
}
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"


class StoreError(Exception):
    """A problem with a supervision database, worded for the user."""


class CredentialsRefused(StoreError):
    """The PostgreSQL server refused the user name or password (or none was given): a face may ask for them."""


class StoreWriteError(StoreError, RuntimeError):
    """A GDAL/OGR error inside a store transaction, worded for the user (see :func:`store_error`).

    Also a ``RuntimeError``, as GDAL raised it, for callers that caught GDAL's own errors.
    """


_CONNINFO_START = re.compile(r"^\s*(service|dbname|host|hostaddr|port|user)\s*=", re.IGNORECASE)


def is_postgres(target: str) -> bool:
    """True when ``target`` names a PostgreSQL connection rather than a file.

    ``PG:...``, a ``postgresql://`` URI or a libpq connection string (``service=...``, ``dbname=... host=...``).
    """
    target = str(target)
    return target.startswith(("PG:", "postgresql://", "postgres://")) or bool(_CONNINFO_START.match(target))


def postgres_location(target: str) -> str:
    """The store location (``PG:...``) of a PostgreSQL connection written any way :func:`is_postgres` takes."""
    target = str(target).strip()
    if target.startswith("PG:"):
        return target
    return "PG:" + target


def _ogr_name(target: str) -> str:
    if is_postgres(target) and not target.startswith("PG:"):
        return postgres_location(target)
    return target


def without_password(location: str) -> str:
    """A PostgreSQL location with any password left out altogether (for what is kept: projects, results)."""
    text = re.sub(r"\s*password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", "", str(location), flags=re.IGNORECASE)
    return re.sub(r"(postgres(?:ql)?://[^:/@\s]+):[^@\s]+@", r"\1@", text).strip()


def shown_location(location: str) -> str:
    """The database as messages and logs name it: a file's path; a PostgreSQL connection without its password."""
    location = str(location)
    return redact_password(location) if is_postgres(location) else location


def _connection_error(location: str, detail: str) -> StoreError:
    """Why a PostgreSQL database could not be reached, in words (never with its password)."""
    shown = shown_location(location)
    reason = redact_password(detail.replace("PQconnectdb failed.", "").strip()) or tr("no reason given")
    text = reason.lower()
    if "password authentication failed" in text or "no password supplied" in text or "authentication failed" in text:
        message = tr("{path}: the server refused the user name or password ({reason}). Check the user and the "
                     "authentication configuration of the connection. Nothing was written.")
        # its own kind: the desktop asks for the password then (connections.open_store), Processing cannot
        return CredentialsRefused(message.format(path=shown, reason=reason))
    elif "database" in text and "does not exist" in text:
        message = tr("{path}: the server has no such database ({reason}). Ask its administrator to create it "
                     "(createdb, then CREATE EXTENSION postgis). Nothing was written.")
    elif "definition of service" in text:
        message = tr("{path}: this PostgreSQL service is not defined in pg_service.conf ({reason}). Nothing was written.")
    elif any(word in text for word in ("connection refused", "could not translate host", "timeout", "no route",
                                       "could not connect", "network is unreachable", "server closed the connection")):
        message = tr("{path}: the server cannot be reached ({reason}). Check the host and port, that the server "
                     "is running and that the network lets you through. Nothing was written.")
    elif "permission denied" in text:
        message = tr("{path}: the server refused access ({reason}). Ask its administrator for the rights you need. "
                     "Nothing was written.")
    else:
        message = tr("{path} cannot be opened: {reason}")
    return StoreError(message.format(path=shown, reason=reason))


def _open_source(location: str, *, update: bool) -> ogr.DataSource:
    """``location`` opened through OGR.

    A PostgreSQL database that cannot be reached is a :class:`StoreError` in words; a file keeps GDAL's
    ``RuntimeError``, which :func:`store_error` words (locked, read-only, damaged...).
    """
    from osgeo import gdal

    gdal.ErrorReset()
    try:
        source = ogr.Open(_ogr_name(location), update=1 if update else 0)
    except RuntimeError as error:
        if not is_postgres(location):
            raise
        source, detail = None, str(error)
    else:
        detail = gdal.GetLastErrorMsg()
    if source is None:
        if is_postgres(location):
            raise _connection_error(location, detail)
        raise RuntimeError(detail or tr("cannot be opened"))
    return source


def _field_definition(spec: Field) -> ogr.FieldDefn:
    definition = ogr.FieldDefn(spec.name, _FIELD_TYPES[spec.kind])
    if spec.kind == BOOLEAN:
        definition.SetSubType(ogr.OFSTBoolean)
    return definition


def _create_table(source: ogr.DataSource, spec: Table, srs: osr.SpatialReference, version: int) -> None:
    options = [f"FID={FID_COLUMN}"]
    if spec.geometry:
        spatial_index = "GIST" if source.GetDriver().GetName() == "PostgreSQL" else "YES"
        options += [f"GEOMETRY_NAME={GEOMETRY_COLUMN}", f"SPATIAL_INDEX={spatial_index}"]
    layer = source.CreateLayer(
        spec.name,
        srs=srs if spec.geometry else None,
        geom_type=_GEOMETRY_TYPES[spec.geometry],
        options=options,
    )
    for field_spec in spec.fields_at(version):
        layer.CreateField(_field_definition(field_spec))
    _postgres_local_times(source, spec, spec.fields_at(version))
    _create_indexes(source, spec, spec.fields_at(version))


def _postgres_local_times(source: ogr.DataSource, spec: Table, fields: tuple[Field, ...]) -> None:
    """Date-times as written, without a time zone, as in a GeoPackage (OGR makes them ``timestamptz``).

    With a time zone, PostgreSQL would read the plugin's local times in the server's zone and QGIS would
    show them moved by the difference; a workflow log must show the times the users saw.
    """
    if source.GetDriver().GetName() != "PostgreSQL":
        return
    for field_spec in fields:
        if field_spec.kind == DATETIME:
            source.ExecuteSQL(f'ALTER TABLE "{spec.name}" ALTER COLUMN "{field_spec.name}" '
                              "TYPE timestamp without time zone")


def _create_indexes(source: ogr.DataSource, spec: Table, fields: tuple[Field, ...]) -> None:
    for field_spec in fields:
        if field_spec.unique:
            source.ExecuteSQL(
                f'CREATE UNIQUE INDEX "ux_{spec.name}_{field_spec.name}" ON "{spec.name}" ("{field_spec.name}")'
            )
        elif field_spec.name in ("license_no", "patch_no", "inspection_id"):
            source.ExecuteSQL(f'CREATE INDEX "ix_{spec.name}_{field_spec.name}" ON "{spec.name}" ("{field_spec.name}")')


def _write_meta(source: ogr.DataSource, values: dict[str, str]) -> None:
    layer = source.GetLayerByName(META_TABLE)
    existing = {feature.GetField("key"): feature.GetFID() for feature in layer}
    layer.ResetReading()
    for key, value in values.items():
        if key in existing:
            feature = layer.GetFeature(existing[key])
            feature.SetField("value", value)
            layer.SetFeature(feature)
        else:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("key", key)
            feature.SetField("value", value)
            layer.CreateFeature(feature)


def _read_meta(source: ogr.DataSource) -> dict[str, str]:
    layer = source.GetLayerByName(META_TABLE)
    if layer is None:
        return {}
    values = {feature.GetField("key"): feature.GetField("value") for feature in layer}
    layer.ResetReading()
    return values


def _populate(source: ogr.DataSource, crs_epsg: int, version: int) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(crs_epsg)
    meta = source.CreateLayer(META_TABLE, geom_type=ogr.wkbNone, options=[f"FID={FID_COLUMN}"])
    meta.CreateField(ogr.FieldDefn("key", ogr.OFTString))
    meta.CreateField(ogr.FieldDefn("value", ogr.OFTString))
    for spec in tables_at(version):
        _create_table(source, spec, srs, version)
    _write_meta(
        source,
        {
            "application": APPLICATION_ID,
            "schema_version": str(version),
            "crs_epsg": str(crs_epsg),
            "created_at": dt.datetime.now().isoformat(timespec="seconds"),
        },
    )


def create_database(
    target: str | os.PathLike,
    crs_epsg: int = DEFAULT_CRS_EPSG,
    *,
    overwrite: bool = False,
    schema_version: int = SCHEMA_VERSION,
) -> str:
    """Create an empty supervision database with the whole schema; return its location.

    ``schema_version`` below the current one builds the tables of that older
    version; it exists so migrations can be exercised on a real older file.
    """
    target = str(target)
    if is_postgres(target):
        return _create_postgres_database(target, crs_epsg, overwrite=overwrite, schema_version=schema_version)
    path = Path(target)
    if path.suffix.lower() != ".gpkg":
        path = path.with_suffix(".gpkg")
    if path.exists() and not overwrite:
        raise StoreError(tr("{path} already exists; choose another name or open it.").format(path=path))
    if not path.parent.is_dir():
        raise StoreError(tr("The folder {folder} does not exist.").format(folder=path.parent))
    if not os.access(path.parent, os.W_OK):
        raise StoreError(tr("The folder {folder} is not writable.").format(folder=path.parent))
    handle, temporary = tempfile.mkstemp(suffix=".gpkg", prefix=".creating-", dir=path.parent)
    os.close(handle)
    os.unlink(temporary)
    try:
        source = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        source.StartTransaction()
        _populate(source, crs_epsg, schema_version)
        source.CommitTransaction()
        source = None
        os.replace(temporary, path)
    finally:
        for leftover in (temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
    return str(path)


def _create_postgres_database(target: str, crs_epsg: int, *, overwrite: bool, schema_version: int) -> str:
    """Create the schema in an existing PostgreSQL database with PostGIS, in one transaction."""
    target = postgres_location(target)
    shown = shown_location(target)
    source = _open_source(target, update=True)
    try:
        if source.GetLayerByName(META_TABLE) is not None:
            # ``overwrite`` is ignored on purpose: a shared database is never dropped by the plugin.
            raise StoreError(tr("{path} already holds a supervision database; open it instead.").format(path=shown))
        found = source.ExecuteSQL("SELECT extname FROM pg_extension WHERE extname = 'postgis'")
        has_postgis = found.GetFeatureCount() > 0
        source.ReleaseResultSet(found)
        if not has_postgis:
            raise StoreError(
                tr("{path} has no PostGIS: ask its administrator to run CREATE EXTENSION postgis in it.").format(
                    path=shown
                )
            )
        source.StartTransaction()
        try:
            _populate(source, crs_epsg, schema_version)
            _install_server_side(source, schema_version)
        except RuntimeError as error:
            source.RollbackTransaction()
            reason = redact_password(str(error))
            raise StoreError(tr("{path} could not be written: {reason}. Nothing was written.").format(path=shown, reason=reason)) from None
        source.CommitTransaction()
    finally:
        source = None
    return target


def _close_cursors(source: ogr.DataSource) -> None:
    """Close the reading cursors of a PostgreSQL data source before rolling back.

    GDAL (3.6) closes a layer's cursor left open (a read stopped early) inside
    ``RollbackTransaction`` with a COMMIT before its ROLLBACK: the transaction
    would be committed instead of rolled back. Closed first, it is not.
    """
    for index in range(source.GetLayerCount()):
        source.GetLayer(index).ResetReading()


def _install_server_side(source: ogr.DataSource, version: int) -> None:
    """Audit triggers, the append-only log, roles and row-level security of a shared database (see postgres_server)."""
    from .postgres_server import install

    install(source, version)


def redact_password(text: str) -> str:
    """``text`` with any ``password=...`` of a connection string replaced by ``password=***``.

    Messages, logs and project files never show a password."""
    text = re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", text, flags=re.IGNORECASE)
    return re.sub(r"(postgres(?:ql)?://[^:/@\s]+:)[^@\s]+@", r"\1***@", text)


def _recover_hot_journal(path: Path) -> bool:
    """Roll back what a writer killed mid-transaction left in ``path``; True when it was done.

    Such a writer leaves a *hot* rollback journal (``path-journal``) holding
    the pages as they were before its transaction. Only a connection that may
    write rolls it back (a read-only one is refused, "attempt to write a
    readonly database"); a live writer's journal is not hot and is left alone.
    """
    journal = Path(str(path) + "-journal")
    try:
        if journal.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    connection = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # SQLite replays the journal here
    finally:
        connection.close()
    return not journal.exists() or journal.stat().st_size == 0


def _check_geopackage_file(path: Path) -> list[str]:
    """Refuse files that cannot be a writable supervision GeoPackage; return notes for the user.

    Nothing is touched, except a hot journal left by a writer killed
    mid-transaction, which is rolled back (and said so in the notes).
    """
    if not path.exists():
        raise StoreError(tr("{path} does not exist.").format(path=path))
    if not path.is_file():
        raise StoreError(tr("{path} is not a file.").format(path=path))
    if not os.access(path, os.R_OK):
        raise StoreError(tr("{path} cannot be read (permission denied).").format(path=path))
    with open(path, "rb") as stream:
        header = stream.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(tr("{path} is not a GeoPackage file.").format(path=path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            tr("{path} is read-only: copy it to a folder where you may write, or ask for write permission.").format(
                path=path
            )
        )
    notes = []
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        if _recover_hot_journal(path):
            notes.append(
                tr(
                    "{path} was left in the middle of a change by a program that stopped (crash, power cut, killed): "
                    "that unfinished change was rolled back from its journal; the data are as they were before it."
                ).format(path=path)
            )
        connection = sqlite3.connect(uri, uri=True, timeout=0.5)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "gpkg_contents" not in names:
                raise StoreError(tr("{path} is not a GeoPackage file.").format(path=path))
            if META_TABLE not in names:
                raise StoreError(
                    tr("{path} is a GeoPackage but not a supervision database (no {table} table).").format(
                        path=path, table=META_TABLE
                    )
                )
            rows = dict(connection.execute(f'SELECT "key", "value" FROM "{META_TABLE}"').fetchall())
            if rows.get("application") != APPLICATION_ID:
                raise StoreError(
                    tr("{path} is a GeoPackage but not a supervision database.").format(path=path)
                )
        finally:
            connection.close()
        # A writer holding the file (another QGIS, a sync tool) shows as a lock.
        connection = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreError(
                tr("{path} is locked by another program; close it there and try again.").format(path=path)
            ) from error
        raise StoreError(tr("{path} is not a GeoPackage file ({reason}).").format(path=path, reason=error)) from error
    return notes


@dataclass
class SupervisionStore:
    """An opened, checked and up-to-date supervision database."""

    location: str
    crs_epsg: int
    schema_version: int
    migrated_from: int | None = None
    #: what opening it did that the user should know (a rolled-back interrupted change...)
    notes: list[str] = field(default_factory=list)
    #: PostgreSQL: what the user named (a QGIS connection's name, a connection string without password), set by
    #: the face that resolved it; kept in projects and shown in messages in place of the location
    reference: str = ""
    #: PostgreSQL: the libpq connection string QGIS's layers use (a service or an authcfg, never a password)
    qgis_connection: str = ""

    @property
    def is_postgres(self) -> bool:
        return is_postgres(self.location)

    @property
    def shown(self) -> str:
        """The database as messages name it (never with a password)."""
        return self.reference or shown_location(self.location)

    @property
    def kept_reference(self) -> str:
        """What a project or a result may keep to find the database again: the file, or a reference without password."""
        if not self.is_postgres:
            return self.location
        return self.reference or without_password(self.location)

    def layer_uri(self, table_name: str) -> str:
        """The QGIS OGR data source string of one table."""
        return f"{self.location}|layername={table_name}"

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ogr.DataSource]:
        """Open the database for writing; commit on success, roll back on any error.

        GDAL/OGR errors (raised as ``RuntimeError``) while opening, writing or
        committing become a :class:`StoreError` naming the database and the
        cause (locked by another program, disk full, damaged file); so does a
        table of the schema gone missing. The store is left as it was.
        """
        try:
            source = _open_source(self.location, update=True)
            source.StartTransaction()
        except (RuntimeError, StoreError) as error:
            source = None
            raise store_error(self.location, error) from error.with_traceback(None)
        try:
            yield source
        except BaseException as error:
            with contextlib.suppress(RuntimeError):
                if self.is_postgres:
                    _close_cursors(source)
                # SQLite may have rolled back by itself (a full disk): the first error is the one that counts
                source.RollbackTransaction()
            if isinstance(error, RuntimeError):
                raise store_error(self.location, error) from error.with_traceback(None)
            if isinstance(error, (AttributeError, TypeError)):
                missing = _missing_tables(source)
                if missing:
                    raise _damaged_schema_error(self.location, missing) from error.with_traceback(None)
            raise
        else:
            try:
                source.CommitTransaction()
            except RuntimeError as error:
                with contextlib.suppress(RuntimeError):
                    source.RollbackTransaction()
                raise store_error(self.location, error) from error.with_traceback(None)
        finally:
            source = None

    def log(self, source: ogr.DataSource, action: str, table_name: str = "", key: str = "", detail=None) -> None:
        """Append an audit_log row inside the caller's transaction."""
        layer = source.GetLayerByName("audit_log")
        feature = ogr.Feature(layer.GetLayerDefn())
        now = dt.datetime.now()
        feature.SetField("event_time", now.year, now.month, now.day, now.hour, now.minute, now.second, 0)
        feature.SetField("user_name", current_user())
        feature.SetField("action", action)
        feature.SetField("table_name", table_name)
        feature.SetField("feature_key", key)
        if detail is not None:
            feature.SetField("detail", detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False))
        layer.CreateFeature(feature)


@contextlib.contextmanager
def reading(location: str) -> Iterator[None]:
    """Word the GDAL/OGR errors raised while reading the database ``location`` (see :func:`store_error`)."""
    try:
        yield
    except RuntimeError as error:
        raise store_error(location, error, reading=True) from error.with_traceback(None)


def store_error(location: str, error: BaseException, *, reading: bool = False) -> StoreWriteError:
    """A GDAL/OGR or SQLite error on the database ``location`` as a message for the user.

    The one place that words what went wrong underneath: locked by another
    program, disk full, damaged or read-only file, else the raw reason.
    Nothing was written in any of these cases (the transaction is rolled back).
    """
    if isinstance(error, StoreWriteError):
        return error
    if isinstance(error, StoreError):
        return StoreWriteError(str(error))
    reason = redact_password(str(error).strip()) or type(error).__name__
    text = reason.lower()
    if is_postgres(location) and ("pqconnectdb" in text or "server closed the connection" in text
                                  or "connection" in text and ("lost" in text or "refused" in text or "terminat" in text)):
        message = tr(
            "{path}: the connection to the server was lost or refused ({reason}); nothing was written. "
            "Check the network and the server, then try again."
        )
    elif is_postgres(location) and ("deadlock" in text or "could not serialize" in text or "lock timeout" in text):
        message = tr(
            "{path} is busy with another user's change ({reason}); nothing was written. Try again in a moment."
        )
    elif "locked" in text or "busy" in text:
        message = tr(
            "{path} is locked by another program (another QGIS, a copy or synchronisation tool...); "
            "nothing was written. Close it there and try again."
        )
    elif "full" in text or "no space" in text or "quota" in text:
        message = tr(
            "{path}: the disk is full (SQLite: {reason}); nothing was written. Free some space on the disk "
            "of {folder} and try again."
        )
    elif "row-level security" in text:
        # Shared database: the login's region (see postgres_server) does not cover the row.
        message = tr(
            "{path}: your login may not write this row: it belongs to another county or city, or has no "
            "administrative code (county_code) of yours; nothing was written. ({reason})"
        )
    elif "readonly" in text or "read-only" in text or "permission" in text:
        message = tr("{path} cannot be written (read-only: {reason}); nothing was written.")
    elif any(
        word in text for word in ("malformed", "not a database", "corrupt", "i/o error", "damaged", "short read")
    ):
        message = tr(
            "{path} is damaged ({reason}); nothing was written. Restore it from a backup, or repair a copy of it."
        )
    elif reading:
        message = tr("{path} could not be read: {reason}.")
    else:
        message = tr("{path} could not be written: {reason}. Nothing was written.")
    if is_postgres(location):  # a connection string may hold a password: never shown
        reason = redact_password(reason)
    folder = Path(location).parent if not is_postgres(location) else shown_location(location)
    return StoreWriteError(message.format(path=shown_location(location), reason=reason, folder=folder))


def _missing_tables(source: ogr.DataSource | None) -> list[str]:
    """The tables of the current schema that ``source`` lacks (none when it cannot be asked)."""
    if source is None:
        return []
    try:
        return [spec.name for spec in schema_diff(source).missing_tables]
    except RuntimeError:
        return []


def _damaged_schema_error(location: str, missing: list[str]) -> StoreWriteError:
    return StoreWriteError(
        tr(
            "{path} is damaged: the table(s) {tables} of the supervision database are missing (deleted by "
            "another program?). Nothing was written. Restore the database from a backup."
        ).format(path=shown_location(location), tables=", ".join(missing))
    )


def current_user() -> str:
    """The name written into logs: the QGIS user setting if any, else the login."""
    from .. import settings

    name = settings.USER_NAME.value()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def schema_diff(source: ogr.DataSource) -> SchemaDiff:
    """What the database lacks compared with the current schema."""
    diff = SchemaDiff()
    for spec in tables_at(SCHEMA_VERSION):
        layer = source.GetLayerByName(spec.name)
        if layer is None:
            diff.missing_tables.append(spec)
            continue
        definition = layer.GetLayerDefn()
        present = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
        for field_spec in spec.fields:
            if field_spec.name not in present:
                diff.missing_fields.append((spec, field_spec))
    return diff


def _migrate(source: ogr.DataSource, crs_epsg: int) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(crs_epsg)
    diff = schema_diff(source)
    for spec in diff.missing_tables:
        _create_table(source, spec, srs, SCHEMA_VERSION)
    for spec, field_spec in diff.missing_fields:
        source.GetLayerByName(spec.name).CreateField(_field_definition(field_spec))
        _postgres_local_times(source, spec, (field_spec,))
        _create_indexes(source, spec, (field_spec,))


def open_database(target: str | os.PathLike, *, migrate: bool = True) -> SupervisionStore:
    """Check a supervision database, migrate an older one, and return it.

    Raises :class:`StoreError` with a message for the user when the file is
    not a GeoPackage, has no supervision schema, is read-only or locked, or
    was written by a newer plugin. Nothing is written in those cases.
    """
    target = str(target)
    if is_postgres(target):
        target = postgres_location(target)
        notes = []
    else:
        notes = _check_geopackage_file(Path(target))
    shown = shown_location(target)
    try:
        source = _open_source(target, update=False)
    except RuntimeError as error:
        raise StoreError(tr("{path} cannot be opened: {reason}").format(path=shown, reason=error)) from error
    try:
        meta = _read_meta(source)
    except RuntimeError as error:
        source = None
        raise store_error(target, error, reading=True) from None
    if meta.get("application") != APPLICATION_ID:
        source = None
        raise StoreError(tr("{path} is not a supervision database.").format(path=shown))
    try:
        version = int(meta.get("schema_version", "0"))
        crs_epsg = int(meta.get("crs_epsg", str(DEFAULT_CRS_EPSG)))
    except ValueError as error:
        source = None
        raise StoreError(tr("{path} has a damaged schema record: {reason}").format(path=shown, reason=error)) from error
    # Tables its own schema version has must be there: a dropped table is damage, never migrated over.
    missing = [spec.name for spec in tables_at(min(version, SCHEMA_VERSION)) if source.GetLayerByName(spec.name) is None]
    source = None
    if missing:
        raise _damaged_schema_error(target, missing)
    if version > SCHEMA_VERSION:
        raise StoreError(
            tr(
                "{path} was written by a newer version of the plugin (schema {found}; this plugin knows up to {known}). "
                "Update the Mine supervision plugin to open it."
            ).format(path=shown, found=version, known=SCHEMA_VERSION)
        )
    store = SupervisionStore(target, crs_epsg, version, notes=notes)
    if notes:
        with store.transaction() as source:
            store.log(source, "recover", "", "", {"notes": notes})
    if version < SCHEMA_VERSION:
        if not migrate:
            raise StoreError(
                tr("{path} has schema {found} and needs migrating to {known}.").format(
                    path=shown, found=version, known=SCHEMA_VERSION
                )
            )
        with store.transaction() as source:
            _migrate(source, crs_epsg)
            if store.is_postgres:
                _install_server_side(source, SCHEMA_VERSION)
            _write_meta(source, {"schema_version": str(SCHEMA_VERSION)})
            store.log(source, "migrate", META_TABLE, "", {"from": version, "to": SCHEMA_VERSION})
        store.schema_version = SCHEMA_VERSION
        store.migrated_from = version
    return store
