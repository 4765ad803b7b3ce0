"""Fast bulk I/O of vector layers in files: OGR's Arrow reader and a GeoPackage join writer.

What any batch needs, whatever face calls it (a Processing algorithm, the
database pre-judgment, a background task, the survey comparison at province
scale): no QGIS here, only GDAL/OGR, numpy, shapely and SQLite.

* :func:`read_layer` reads a layer of a file OGR reads (GeoPackage,
  shapefile, GeoJSON...) in bulk through OGR's Arrow interface into arrays:
  feature ids, shapely geometries, the asked attribute columns as Python
  values, the extent and the CRS (:class:`LayerData`). A ``check`` function
  (e.g. :func:`..analysis.prejudge.clean_polygons`) can be run on the
  geometries batch by batch, in threads, while OGR reads the next batch (GDAL
  and GEOS work without Python's GIL).
* :func:`write_joined_gpkg` writes ``source layer LEFT JOIN result columns``
  to a new GeoPackage: geometry and fields of the source byte for byte, fids
  kept, the result columns added (or replacing source fields of the same
  name), with a spatial index and its triggers as GDAL writes them. The
  source's own spatial index is copied rather than built again when it can be.

Both are optimisations: :func:`read_layer` answers None and
:func:`write_joined_gpkg` raises :class:`RuntimeError` (or
:class:`sqlite3.Error`) when GDAL cannot do it this way; the caller then
reads or writes the ordinary way (e.g. through QGIS).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

#: Features per Arrow batch: small enough for the checks to run while OGR reads the next one.
BATCH_SIZE = 8192

#: SQL type of each result column kind of :func:`write_joined_gpkg`.
SQL_TYPES = {"text": "TEXT", "real": "REAL", "integer": "INTEGER", "boolean": "BOOLEAN"}

_RTREE_COLUMNS = "(id,minx,maxx,miny,maxy)"


@dataclass
class LayerData:
    """One layer as arrays: feature ids, shapely geometries, some attributes."""

    #: feature ids (int64 array)
    fids: np.ndarray
    #: shapely geometries (object array; None where the feature has none)
    geometries: np.ndarray
    #: field name (as asked) -> list of Python values (str, float, int, datetime.date, None...)
    attributes: dict[str, list] = field(default_factory=dict)
    #: True when read in bulk by :func:`read_layer`
    fast: bool = False
    #: the second answer of ``check`` per geometry when the geometries were checked while read, else None
    status: np.ndarray | None = None
    #: (bounds, number of non-empty geometries) as read from the file, before any check: see :func:`extent_of`
    extent: tuple | None = None
    #: the layer's CRS as ``AUTHORITY:CODE`` (e.g. ``EPSG:4526``), or as WKT when it has no code; None without one
    crs: str | None = None


def read_layer(
    path: str | Path,
    layer_name: str | None = None,
    layer_index: int | str | None = None,
    fields: Sequence[str] = (),
    *,
    check: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]] | None = None,
    workers: int = 1,
) -> LayerData | None:
    """The layer ``layer_name`` (or number ``layer_index``, default the first) of the file ``path`` read in bulk.

    Only the ``fields`` asked are read (names as the layer has them; a field
    it lacks makes the answer None). Layers of curved geometries are not read
    this way (None).

    ``check(geometries) -> (geometries, status)`` is run on each batch of
    geometries as it arrives, in ``workers`` threads, while OGR reads on; the
    geometries returned replace the ones read and the statuses are gathered in
    :attr:`LayerData.status`. :attr:`LayerData.extent` is always that of the
    geometries as read.

    None when OGR cannot read the layer this way (GDAL < 3.6, a curved layer,
    an unreadable file...): read it another way then.
    """
    import shapely
    from osgeo import gdal, ogr

    wanted = list(dict.fromkeys(fields))
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None  # GDAL < 3.6
    try:
        gdal.UseExceptions()
        dataset = ogr.Open(str(path))
        if dataset is None:
            return None
        if layer_name:
            layer = dataset.GetLayerByName(layer_name)
        else:
            layer = dataset.GetLayer(int(layer_index) if layer_index not in (None, "") else 0)
        if layer is None or ogr.GT_IsNonLinear(layer.GetGeomType()):
            return None
        crs = _crs_text(layer.GetSpatialRef())
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        layer.SetIgnoredFields([n for n in names if n not in wanted])
        fid_column = layer.GetFIDColumn() or "OGC_FID"
        geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
        fids, parts, checks, columns = [], [], [], {n: [] for n in wanted}
        options = ["INCLUDE_FID=YES", f"MAX_FEATURES_IN_BATCH={BATCH_SIZE}"]
        with ThreadPoolExecutor(workers) as pool:
            for batch in layer.GetArrowStreamAsNumPy(options=options):
                fids.append(np.asarray(batch[fid_column]))
                wkb = wkb_array(batch[geometry_column])
                present = np.array([w is not None and len(w) > 0 for w in wkb], dtype=bool)
                geometries = np.full(len(wkb), None, dtype=object)
                geometries[present] = shapely.from_wkb(wkb[present])
                parts.append(geometries)
                if check is not None:  # GEOS works without the GIL: the check runs while OGR reads the next batch
                    checks.append(pool.submit(check, geometries))
                for n in wanted:
                    columns[n].extend(plain_values(batch[n]))
            checked = [job.result() for job in checks]
        layer = dataset = None
    except (RuntimeError, KeyError, ValueError, TypeError, shapely.errors.GEOSException):
        return None
    fids = np.concatenate(fids) if fids else np.zeros(0, dtype=np.int64)
    geometries = np.concatenate(parts) if parts else np.zeros(0, dtype=object)
    extent = extent_of(geometries)
    status = None
    if check is not None:
        geometries = np.concatenate([g for g, _ in checked]) if checked else geometries
        status = np.concatenate([t for _, t in checked]) if checked else np.zeros(0, dtype=np.int8)
    return LayerData(fids, geometries, columns, fast=True, status=status, extent=extent, crs=crs)


def _crs_text(srs) -> str | None:
    if srs is None:
        return None
    authority, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    return f"{authority}:{code}" if authority and code else srs.ExportToWkt()


def wkb_array(column) -> np.ndarray:
    """WKB values of an Arrow geometry column as an object array of bytes (None where null).

    GDAL gives an object array of bytes, or a fixed-size void/bytes array when
    every value has the same length (whose items must not be read as strings:
    that would cut trailing zero bytes).
    """
    mask = np.ma.getmaskarray(column) if np.ma.isMaskedArray(column) else None
    data = np.ma.getdata(column)
    if data.dtype.kind in "VS":
        size = data.dtype.itemsize
        rows = data.view(np.uint8).reshape(len(data), size) if len(data) else np.zeros((0, size), np.uint8)
        out = np.array([row.tobytes() for row in rows] + [None], dtype=object)[:-1]
    else:
        out = np.asarray(data, dtype=object).copy()
    if mask is not None:
        out[mask] = None
    return out


def plain_values(column) -> list:
    """An Arrow attribute column as Python values: str for text, date for dates, None where null."""
    mask = np.ma.getmaskarray(column) if np.ma.isMaskedArray(column) else None
    data = np.ma.getdata(column)
    if data.dtype.kind == "S":
        values = np.char.decode(data, "utf-8", "replace").astype(object)
    elif data.dtype.kind == "M":
        values = data.astype("datetime64[D]").astype(object)  # datetime.date
    else:
        values = data.astype(object)
    if mask is not None:
        values[mask] = None
    return values.tolist()


def extent_of(geometries: np.ndarray) -> tuple:
    """``(bounds, count)``: the (minx, miny, maxx, maxy) of the non-empty geometries and their number.

    Bounds are ``(None, None, None, None)`` when there is none.
    """
    import shapely

    present = geometries[~shapely.is_missing(geometries)]
    present = present[~shapely.is_empty(present)]
    return (shapely.total_bounds(present) if len(present) else (None, None, None, None)), len(present)


# ------------------------------------------------------------------------------- writing


def write_joined_gpkg(
    target: str | Path,
    source_path: str | Path,
    source_layer: str | None,
    source_index: int | str | None,
    fids: Sequence[int],
    columns: Sequence[tuple[str, str]],
    values: Sequence[list],
    *,
    extent: tuple | None = None,
    progress: Callable[[float], None] | None = None,
) -> None:
    """Write ``source LEFT JOIN results`` to the new GeoPackage ``target`` (replaced if it exists).

    ``source_layer`` (or number ``source_index``) of the GeoPackage
    ``source_path`` gives the geometry and fields, copied untouched with their
    types and fids; ``columns`` ``(name, kind)`` (kinds of :data:`SQL_TYPES`)
    with ``values[k][i]`` the value of column ``k`` for the feature
    ``fids[i]`` are the results: a source field of the same name (in any case)
    is replaced by the result column, the others are added after the source's
    fields. Features without results get NULLs. The output layer is named
    after the file and has a spatial index, as GDAL writes it.

    The results go to a small SQLite table keyed by fid, attached to the
    source; ``VectorTranslate`` makes the empty layer from the join with
    ``LIMIT 0`` (schema, spatial index, triggers) and one ``INSERT ... SELECT``
    run by SQLite fills it, copying the source's spatial index (same fids,
    same geometries) when it is a complete GeoPackage R*Tree: ``extent`` (see
    :func:`extent_of`, of the source's geometries as read) says how many
    entries it must have and gives the layer's extent. Otherwise (no extent,
    no usable index) ``VectorTranslate`` copies the rows and builds the index
    (about twice as long).

    Raises :class:`RuntimeError` or :class:`sqlite3.Error` when GDAL or
    SQLite cannot; :class:`WriteFailed` when GDAL wrote nothing.
    ``progress`` is called once with 93 (percent) when the results are
    stored and the join starts.
    """
    from osgeo import gdal

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    gdal.UseExceptions()
    with tempfile.TemporaryDirectory(prefix="prejudge_") as folder:
        results_db = Path(folder) / "results.sqlite"
        _store_results(results_db, fids, columns, values)
        if progress is not None:
            progress(93)

        source = gdal.OpenEx(str(source_path), gdal.OF_VECTOR)
        layer = source.GetLayerByName(source_layer) if source_layer else source.GetLayer(int(source_index or 0))
        defn = layer.GetLayerDefn()
        fid_column = layer.GetFIDColumn() or "fid"
        geometry_column = layer.GetGeometryColumn()
        ours = {name.lower(): name for name, _ in columns}
        select = [f"p.{quote(fid_column)} AS {quote(fid_column)}"]
        replaced = set()
        for i in range(defn.GetFieldCount()):
            name = defn.GetFieldDefn(i).GetName()
            if name.lower() in ours:
                select.append(f"r.{quote(ours[name.lower()])} AS {quote(name)}")
                replaced.add(ours[name.lower()])
            else:
                select.append(f"p.{quote(name)}")
        select += [f"r.{quote(name)}" for name, _ in columns if name not in replaced]
        if geometry_column:
            select.append(f"p.{quote(geometry_column)}")
        table_name = layer.GetName()
        layer = defn = None
        statement = (
            f"SELECT {', '.join(select)} FROM {quote(table_name)} p "
            f"LEFT JOIN prejudge_results.results r ON r.fid = p.{quote(fid_column)}"
        )
        source.ExecuteSQL(f"ATTACH DATABASE '{_sql_text(results_db)}' AS prejudge_results")
        try:
            copied = False
            if geometry_column and extent is not None:
                try:
                    # the empty layer by GDAL (schema, spatial index, triggers), the rows by SQLite
                    _translate(source, statement + " LIMIT 0", target)
                    source = None
                    copied = _copy_rows(
                        target, str(source_path), table_name, fid_column, select, geometry_column, results_db, extent
                    )
                except RuntimeError:
                    copied = False
                if not copied:
                    source = None
                    if target.exists():
                        target.unlink()
                    source = gdal.OpenEx(str(source_path), gdal.OF_VECTOR)
                    source.ExecuteSQL(f"ATTACH DATABASE '{_sql_text(results_db)}' AS prejudge_results")
            if not copied:
                _translate(source, statement, target)
        finally:
            source = None


class WriteFailed(Exception):
    """GDAL wrote no output file (``VectorTranslate`` answered nothing)."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def _store_results(results_db: Path, fids, columns, values) -> None:
    """The results in a new SQLite table ``results (fid INTEGER PRIMARY KEY, <columns>)``."""
    connection = sqlite3.connect(str(results_db))
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        definitions = ", ".join(f'"{name}" {SQL_TYPES[kind]}' for name, kind in columns)
        connection.execute(f"CREATE TABLE results (fid INTEGER PRIMARY KEY, {definitions})")
        fids = fids.tolist() if isinstance(fids, np.ndarray) else list(fids)
        # columns that are NULL throughout (no zones, no cases...) are left to their default, NULL
        filled = [k for k, column in enumerate(values) if column.count(None) != len(column)]
        names = ", ".join(["fid"] + [quote(columns[k][0]) for k in filled])
        marks = ", ".join("?" * (len(filled) + 1))
        connection.executemany(
            f"INSERT INTO results ({names}) VALUES ({marks})", zip(fids, *(values[k] for k in filled))
        )
        connection.commit()
    finally:
        connection.close()


def _translate(source, statement: str, target: Path) -> None:
    """``VectorTranslate`` of the rows of ``statement`` on ``source`` to the GeoPackage ``target``, fids kept."""
    from osgeo import gdal

    options = gdal.VectorTranslateOptions(
        format="GPKG",
        SQLStatement=statement,
        layerName=target.stem,
        options=["-preserve_fid"],
    )
    written = gdal.VectorTranslate(str(target), source, options=options)
    if written is None:
        raise WriteFailed(target)
    written = None


def quote(name: str) -> str:
    """An SQL identifier in double quotes."""
    return '"' + name.replace('"', '""') + '"'


def _sql_text(value) -> str:
    return str(value).replace("'", "''")


def rtree_of(connection: sqlite3.Connection, schema: str, table: str, column: str) -> str | None:
    """Name of the GeoPackage spatial index of ``table.column`` in ``schema`` when it is a plain one, else None.

    Plain: the ``rtree_<table>_<column>`` R*Tree table registered as the
    ``gpkg_rtree_index`` extension, with the standard columns.
    """
    name = f"rtree_{table}_{column}"
    row = connection.execute(
        f"SELECT sql FROM {schema}.sqlite_master WHERE type = 'table' AND lower(name) = lower(?)", (name,)
    ).fetchone()
    if row is None:
        return None
    try:
        registered = connection.execute(
            f"SELECT 1 FROM {schema}.gpkg_extensions WHERE lower(table_name) = lower(?) "
            "AND lower(column_name) = lower(?) AND extension_name = 'gpkg_rtree_index'",
            (table, column),
        ).fetchone()
    except sqlite3.OperationalError:  # no gpkg_extensions table: no registered index
        return None
    if registered is None:
        return None
    text = "".join((row[0] or "").split()).lower()
    return name if text.endswith("usingrtree" + _RTREE_COLUMNS) else None


def _copy_rows(
    target: Path, source_path: str, source_table: str, source_fid: str, select, geometry_column, results_db, bounds
) -> bool:
    """Fill the empty layer that GDAL made in ``target`` with one SQL statement run by SQLite.

    The rows are ``source LEFT JOIN results`` as in the GDAL statement; the
    spatial index of the source (same fids, same geometries) is copied as it is
    instead of being built again, when it is a complete GeoPackage R*Tree
    (one entry per geometry). ``bounds``: see :func:`extent_of`.
    False (nothing done that matters) when the layer is not as expected.
    """
    from osgeo import gdal

    dataset = gdal.OpenEx(str(target), gdal.OF_VECTOR | gdal.OF_UPDATE)
    try:
        if dataset is None or dataset.GetLayerCount() != 1:
            return False
        layer = dataset.GetLayer(0)
        table = layer.GetName()
        fid_column = layer.GetFIDColumn()
        geometry = layer.GetGeometryColumn()
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        if not fid_column or not geometry or len(names) + 2 != len(select) or layer.GetFeatureCount() != 0:
            return False
        columns = [fid_column, *names, geometry]
        insert = (
            f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
            f"SELECT {', '.join(select)} FROM source_db.{quote(source_table)} p "
            f"LEFT JOIN prejudge_results.results r ON r.fid = p.{quote(source_fid)}"
        )
    finally:
        layer = defn = None
        dataset = None
    connection = sqlite3.connect(str(target), isolation_level=None)
    try:
        # the triggers of the spatial index call GDAL's SQL functions: declared here, never called
        for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            connection.create_function(function, 1, _not_callable)
        connection.execute(f"ATTACH DATABASE '{_sql_text(source_path)}' AS source_db")
        connection.execute(f"ATTACH DATABASE '{_sql_text(results_db)}' AS prejudge_results")
        ours = rtree_of(connection, "main", table, geometry)
        theirs = rtree_of(connection, "source_db", source_table, geometry_column)
        if ours is None:
            return False
        connection.execute("BEGIN")
        try:
            # the per-row triggers of the layer's spatial index and feature count: done in bulk instead
            triggers = [
                connection.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(name) = lower(?)", (name,)
                ).fetchone()
                for name in (f"{ours}_insert", f"trigger_insert_feature_count_{table}")
            ]
            trigger = triggers[0]
            # the index holds one entry per non-empty geometry: as many as were read (every row was)
            indexed = (
                connection.execute(f"SELECT count(*) FROM source_db.{quote(theirs + '_rowid')}").fetchone()[0]
                if theirs
                else -1
            )
            if trigger is None or indexed != bounds[1]:
                connection.execute("ROLLBACK")
                return False  # no usable index to copy: GDAL builds it
            triggers = [t for t in triggers if t is not None]
            for name, _sql in triggers:
                connection.execute(f"DROP TRIGGER {quote(name)}")
            count = connection.execute(insert).rowcount
            for suffix in ("node", "parent", "rowid"):
                connection.execute(f"DELETE FROM {quote(ours + '_' + suffix)}")
                connection.execute(
                    f"INSERT INTO {quote(ours + '_' + suffix)} SELECT * FROM source_db.{quote(theirs + '_' + suffix)}"
                )
            for _name, sql in triggers:
                connection.execute(sql)
            connection.execute(
                "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)", (count, table)
            )
            connection.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE lower(table_name) = lower(?)",
                (*[None if v is None else float(v) for v in bounds[0]], table),
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        raise RuntimeError(str(error)) from error
    finally:
        connection.close()
    return True


def _not_callable(_value):
    raise sqlite3.OperationalError("GDAL SQL function called outside GDAL")


# ------------------------------------------------------------------------------- new layers from arrays

#: OGR field type (and subtype) of each column kind of :func:`write_gpkg`.
_OGR_KINDS = {"text": ("OFTString", None), "real": ("OFTReal", None), "integer": ("OFTInteger64", None),
              "boolean": ("OFTInteger", "OFSTBoolean")}


def multipolygons_of(geometries: np.ndarray) -> np.ndarray:
    """Each geometry as a MultiPolygon (its polygonal parts; an empty MultiPolygon for None or none), vectorised.

    What a MultiPolygon layer holds: the pieces of an overlay (Polygons), a mine's union (Polygon or
    MultiPolygon), a collection an overlay left with lines or points beside its polygons.
    """
    import shapely

    geometries = np.asarray(geometries, dtype=object)
    n = len(geometries)
    out = np.array([shapely.MultiPolygon()] * n + [None], dtype=object)[:n]
    if n == 0:
        return out
    parts, owner = shapely.get_parts(geometries, return_index=True)
    while len(parts):  # collections of multi-geometries: down to single parts
        kinds = shapely.get_type_id(parts)
        multi = kinds >= 4
        if not multi.any():
            break
        inner, inner_owner = shapely.get_parts(parts[multi], return_index=True)
        parts = np.concatenate([parts[~multi], inner])
        owner = np.concatenate([owner[~multi], owner[multi][inner_owner]])
        order = np.argsort(owner, kind="stable")
        parts, owner = parts[order], owner[order]
    keep = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    if len(parts):
        present, compact = np.unique(owner, return_inverse=True)
        out[present] = shapely.multipolygons(parts, indices=compact)
    return out


def write_gpkg(
    target: str | Path,
    columns: Sequence[tuple[str, str]],
    values: Sequence[Sequence],
    geometries: np.ndarray,
    crs: str,
    *,
    layer_name: str | None = None,
) -> None:
    """Write a new GeoPackage ``target`` (replaced if it exists): one MultiPolygon layer of ``geometries``.

    ``columns`` ``(name, kind)`` (kinds of :data:`SQL_TYPES`), ``values[k][i]``
    the value of column ``k`` for feature ``i`` (fids from 1); ``crs`` as
    ``EPSG:code`` or WKT. The layer (named ``layer_name``, else after the file)
    is made by GDAL, schema, spatial index and triggers as GDAL writes them; the
    rows and the index entries are inserted by SQLite in bulk, their GeoPackage
    blobs built from shapely's WKB (a feature-by-feature write through OGR or a
    QGIS sink takes ten times as long at province scale).

    Raises :class:`RuntimeError` (or :class:`sqlite3.Error`) when GDAL or
    SQLite cannot: the caller then writes the ordinary way.
    """
    import struct

    import shapely
    from osgeo import gdal, ogr, osr

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    name = layer_name or target.stem
    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if srs.SetFromUserInput(crs) != 0:
        raise RuntimeError(f"unknown CRS {crs}")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(target))
    if dataset is None:
        raise WriteFailed(target)
    layer = dataset.CreateLayer(name, srs, ogr.wkbMultiPolygon, ["SPATIAL_INDEX=YES", "FID=fid", "GEOMETRY_NAME=geom"])
    for column, kind in columns:
        field_type, subtype = _OGR_KINDS[kind]
        definition = ogr.FieldDefn(column, getattr(ogr, field_type))
        if subtype:
            definition.SetSubType(getattr(ogr, subtype))
        layer.CreateField(definition)
    table = layer.GetName()
    layer = dataset = None

    multi = np.asarray(geometries, dtype=object)
    if not (shapely.get_type_id(multi) == 6).all():  # a caller's multipolygons_of already: not twice
        multi = multipolygons_of(multi)
    wkbs = shapely.to_wkb(multi, byte_order=1)
    empty = shapely.is_empty(multi)
    bounds = shapely.bounds(multi)  # minx, miny, maxx, maxy
    connection = sqlite3.connect(str(target), isolation_level=None)
    try:
        for function in ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
            connection.create_function(function, 1, _not_callable)
        srs_id = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                                    (table,)).fetchone()[0]
        index = rtree_of(connection, "main", table, "geom")
        if index is None:
            raise RuntimeError("GDAL made no GeoPackage R*Tree")
        # GeoPackage blobs: 'GP', version 0, flags (little endian; with an xy envelope, or empty), srs id, WKB
        with_envelope = b"GP\x00\x03" + struct.pack("<i", srs_id)
        without = b"GP\x00\x11" + struct.pack("<i", srs_id)
        envelopes = bounds[:, [0, 2, 1, 3]].astype("<f8")
        blobs = [without + wkb if is_empty else with_envelope + envelope.tobytes() + wkb
                 for wkb, is_empty, envelope in zip(wkbs, empty, envelopes)]
        fids = range(1, len(blobs) + 1)
        names = ", ".join(["fid", "geom"] + [quote(c) for c, _ in columns])
        marks = ", ".join("?" * (len(columns) + 2))
        connection.execute("BEGIN")
        try:
            triggers = [row for row in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND lower(name) IN (lower(?), lower(?))",
                (f"{index}_insert", f"trigger_insert_feature_count_{table}"))]
            for trigger, _sql in triggers:  # done in bulk below, without GDAL's SQL functions
                connection.execute(f"DROP TRIGGER {quote(trigger)}")
            connection.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",
                                   zip(fids, blobs, *[_plain_column(v) for v in values]))
            entries = [(i + 1, *envelope) for i, envelope in enumerate(envelopes.tolist()) if not empty[i]]
            connection.executemany(f"INSERT INTO {quote(index)} VALUES (?, ?, ?, ?, ?)", entries)
            for _trigger, sql in triggers:
                connection.execute(sql)
            connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                               (len(blobs), table))
            if entries:
                box = shapely.total_bounds(multi[~empty]).tolist()
                connection.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                                   "WHERE lower(table_name) = lower(?)", (*box, table))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        raise RuntimeError(str(error)) from error
    finally:
        connection.close()


def _plain_column(values: Sequence) -> list:
    """Values SQLite binds: numpy scalars as Python numbers, NaN as NULL."""
    out = []
    for value in values:
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, float) and value != value:
            value = None
        out.append(value)
    return out
