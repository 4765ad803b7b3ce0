"""Moving a supervision database: a county's GeoPackage pushed into an empty shared PostGIS database.

:func:`push_database` copies every row of every table (with its fid, so links by fid stay: a photo's
inspection, a correction's event) and the document-number counters, checks the counts, and writes it
all in one transaction of the target: either everything arrives or nothing does. The GeoPackage is
only read (opened, so an older one is first brought to the current schema, as opening always does).

The target must be a PostgreSQL database with PostGIS and either no supervision schema yet (it is
created, in the GeoPackage's CRS) or the current schema with every table empty (a push that failed
before, or a database its administrator prepared with ``createdatabase``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from osgeo import gdal, ogr

from ..i18n import tr
from .database import (
    META_TABLE,
    StoreError,
    create_database,
    is_postgres,
    open_database,
    redact_password,
    shown_location,
)
from .schema import SCHEMA_VERSION, tables_at

#: ms_meta keys that describe the database itself, written by the target's own creation
_OWN_META = {"application", "schema_version", "crs_epsg", "created_at"}


@dataclass
class PushReport:
    """Rows copied per table, the counters carried over, and whether the target's schema was created here."""

    counts: dict[str, int] = field(default_factory=dict)
    meta_keys: list[str] = field(default_factory=list)
    created_schema: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _count(layer: ogr.Layer) -> int:
    return int(layer.GetFeatureCount(force=1))


def _check_target(target: str, crs_epsg: int) -> bool:
    """Refuse a target that is not an empty PostGIS supervision database; True when its schema must be made."""
    shown = shown_location(target)
    if not is_postgres(target):
        raise StoreError(tr("{path} is not a PostgreSQL connection: a GeoPackage is pushed into a shared "
                            "PostGIS database.").format(path=shown))
    from .database import _open_source, _read_meta

    source = _open_source(target, update=False)
    try:
        meta = _read_meta(source)
    finally:
        source = None
    if not meta:
        return True
    store = open_database(target)  # refuses a newer schema or another application's tables in words
    if store.crs_epsg != crs_epsg:
        raise StoreError(tr("{path} is in EPSG:{target_crs}, the GeoPackage in EPSG:{source_crs}: push into a "
                            "database of the same CRS.").format(path=shown, target_crs=store.crs_epsg,
                                                                source_crs=crs_epsg))
    source = _open_source(target, update=False)
    try:
        filled = [spec.name for spec in tables_at(SCHEMA_VERSION) if _count(source.GetLayerByName(spec.name))]
    finally:
        source = None
    if filled:
        raise StoreError(tr("{path} already holds supervision data (tables {tables}); nothing was pushed. "
                            "Push into an empty database.").format(path=shown, tables=", ".join(filled)))
    return False


def push_database(
    geopackage: str,
    target: str,
    *,
    progress: Callable[[float], None] | None = None,
) -> PushReport:
    """Copy the supervision GeoPackage ``geopackage`` into the empty PostGIS database ``target``; one transaction.

    Raises :class:`StoreError` in words (nothing written to the target's rows) when the GeoPackage is not a
    supervision database, the target is not empty, or a row cannot be written.
    """
    if is_postgres(geopackage):
        raise StoreError(tr("{path} is not a GeoPackage file.").format(path=shown_location(geopackage)))
    origin = open_database(geopackage)
    report = PushReport()
    report.created_schema = _check_target(target, origin.crs_epsg)
    if report.created_schema:
        create_database(target, origin.crs_epsg)
    store = open_database(target)
    source = ogr.Open(origin.location)
    specs = tables_at(SCHEMA_VERSION)
    expected = {spec.name: _count(source.GetLayerByName(spec.name)) for spec in specs}
    heard: list[str] = []

    def listen(_class, _number, message) -> None:
        heard.append(str(message))

    # one INSERT per row, not COPY: a refused row is named at once (COPY tells only at its end, without the row)
    try:
        with store.transaction() as out:
            done = 0
            for spec in specs:
                layer_in = source.GetLayerByName(spec.name)
                layer_out = out.GetLayerByName(spec.name)
                definition = layer_out.GetLayerDefn()
                kind = layer_out.GetGeomType()
                names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
                layer_in.ResetReading()
                for feature in layer_in:
                    copy = ogr.Feature(definition)
                    copy.SetFrom(feature, forgiving=1)
                    copy.SetFID(feature.GetFID())  # links by fid (photos to patrols, corrections to events) stay
                    geometry = feature.GetGeometryRef()
                    if geometry is not None and kind != ogr.wkbNone and geometry.GetGeometryType() != kind:
                        # a GeoPackage takes a Polygon in a MultiPolygon column; PostGIS checks the type
                        copy.SetGeometry(ogr.ForceTo(geometry.Clone(), kind))
                    for name in names:
                        if feature.GetFieldIndex(name) < 0:
                            copy.SetFieldNull(name)
                    heard.clear()
                    gdal.PushErrorHandler(listen)
                    try:
                        layer_out.CreateFeature(copy)
                    except RuntimeError as error:
                        # the server's own words come first; GDAL then adds a guess about FIDs
                        reason = next((m for m in heard if "ERROR" in m), str(error)).strip()
                        raise StoreError(tr("{path}: row {fid} of {table} could not be written ({reason}); nothing "
                                            "was pushed.").format(path=shown_location(target), fid=feature.GetFID(),
                                                                  table=spec.name, reason=redact_password(reason))
                                         ) from None
                    finally:
                        gdal.PopErrorHandler()
                done += 1
                if progress is not None:
                    progress(90.0 * done / len(specs))
            for spec in specs:
                layer_out = out.GetLayerByName(spec.name)
                found = _count(layer_out)
                if found != expected[spec.name]:
                    raise StoreError(tr("{table}: {found} rows arrived of {expected}; nothing was pushed.").format(
                        table=spec.name, found=found, expected=expected[spec.name]))
                report.counts[spec.name] = found
                # the next fid a new row gets follows the copied ones
                result = out.ExecuteSQL(
                    f"SELECT setval(pg_get_serial_sequence('\"{spec.name}\"', 'fid'), "
                    f"(SELECT COALESCE(MAX(fid), 0) + 1 FROM \"{spec.name}\"), false) AS next_fid")
                try:
                    result.GetNextFeature()  # the statement runs when its row is fetched
                finally:
                    out.ReleaseResultSet(result)
            meta_in = {feature.GetField("key"): feature.GetField("value") for feature in source.GetLayerByName(META_TABLE)}
            carried = {key: value for key, value in meta_in.items() if key not in _OWN_META}
            if carried:
                from .database import _write_meta

                _write_meta(out, carried)
            report.meta_keys = sorted(carried)
            store.log(out, "push_database", "", "", {"from": origin.location, "counts": report.counts,
                                                     "meta": report.meta_keys})
    finally:
        source = None
    if progress is not None:
        progress(100.0)
    return report
