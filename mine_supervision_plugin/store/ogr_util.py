"""OGR helpers shared by the modules that read and write the supervision database.

The store is reached through OGR (GeoPackage or PostGIS, see
:mod:`.database`); these helpers are the one place that turns OGR field
values into Python values and back, builds attribute filters, finds features
by a key and converts geometries between OGR and shapely.

Conventions: a blank value (``None`` or ``""``) is written as NULL; dates
come back as ``datetime.date``, date-times as ``datetime.datetime`` (with
their fraction of a second).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from osgeo import ogr, osr

from ..tracebacks import release_ogr_on_error  # noqa: F401 - re-exported for the store modules
from .database import SupervisionStore, _ogr_name

ogr.UseExceptions()
osr.UseExceptions()

# Keys per ``IN (...)`` filter: long lists are looked up in chunks of this size.
KEY_CHUNK = 500


def open_read(store: SupervisionStore) -> ogr.DataSource:
    """The store opened read-only (the caller drops the data source when done)."""
    return ogr.Open(_ogr_name(store.location), update=0)


@lru_cache(maxsize=64)
def spatial_reference(epsg: int) -> osr.SpatialReference:
    """The SRS of an EPSG code, axes in easting, northing order (shared: do not modify it)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(epsg))
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def quote(text) -> str:
    """``text`` as an SQL string literal for an OGR attribute filter (quotes doubled)."""
    return "'" + str(text).replace("'", "''") + "'"


# --- field values -----------------------------------------------------------------


def field_value(feature: ogr.Feature, field: int | str, kind: int | None = None):
    """The value of one field as Python: None for NULL, dates and date-times as ``datetime`` objects.

    ``field`` is the field's index or name (an unknown name gives None);
    ``kind`` is its OGR type, looked up when not given.
    """
    index = feature.GetFieldIndex(field) if isinstance(field, str) else field
    if index < 0 or not feature.IsFieldSetAndNotNull(index):
        return None
    if kind is None:
        kind = feature.GetFieldDefnRef(index).GetType()
    if kind == ogr.OFTDate:
        year, month, day = feature.GetFieldAsDateTime(index)[:3]
        return dt.date(year, month, day)
    if kind == ogr.OFTDateTime:
        year, month, day, hour, minute, second = feature.GetFieldAsDateTime(index)[:6]
        whole = int(second)
        return dt.datetime(year, month, day, hour, minute, whole, int(round((second - whole) * 1_000_000)) % 1_000_000)
    return feature.GetField(index)


def as_dict(feature: ogr.Feature) -> dict:
    """Every field of a feature by name (see :func:`field_value`), with its ``fid`` first."""
    definition = feature.GetDefnRef()
    record = {"fid": feature.GetFID()}
    for index in range(definition.GetFieldCount()):
        field_definition = definition.GetFieldDefn(index)
        record[field_definition.GetName()] = field_value(feature, index, field_definition.GetType())
    return record


def set_field(feature: ogr.Feature, name: str, value) -> None:
    """Write a Python value into a field: None and ``""`` as NULL, dates, date-times and booleans as OGR wants them."""
    if value is None or (isinstance(value, str) and value == ""):
        feature.SetFieldNull(name)
    elif isinstance(value, dt.datetime):
        second = value.second + value.microsecond / 1_000_000
        feature.SetField(name, value.year, value.month, value.day, value.hour, value.minute, second, 0)
    elif isinstance(value, dt.date):
        feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
    elif isinstance(value, bool):
        feature.SetField(name, int(value))
    else:
        feature.SetField(name, value)


def json_ready(value):
    """A field value as JSON can hold it, for ``audit_log`` details and history rows (dates as ISO text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


# --- finding features ---------------------------------------------------------------


def feature_by_fid(layer: ogr.Layer, fid: int) -> ogr.Feature | None:
    """The feature ``fid`` of ``layer``, or None when there is none (PostgreSQL raises where GeoPackage gives None)."""
    try:
        return layer.GetFeature(int(fid))
    except RuntimeError as error:
        if "unknown feature id" in str(error).lower():
            return None
        raise


def features_with(layer: ogr.Layer, field: str, value) -> list[ogr.Feature]:
    """The features whose ``field`` equals ``value``, in reading order; the layer's filter is reset after."""
    layer.SetAttributeFilter(f"{field} = {quote(value)}")
    try:
        # Not list(layer): that asks the layer for its length, one COUNT query more.
        return [feature for feature in layer]
    finally:
        layer.SetAttributeFilter(None)
        layer.ResetReading()


def records_with(layer: ogr.Layer, field: str, value) -> list[dict]:
    """The rows (:func:`as_dict`) whose ``field`` equals ``value``, in the order written (by fid)."""
    return sorted((as_dict(feature) for feature in features_with(layer, field, value)), key=lambda r: r["fid"])


def features_by_key(layer: ogr.Layer, field: str, keys: Iterable[str]) -> dict[str, ogr.Feature]:
    """The features whose ``field`` is one of ``keys``, by that key (a key field is unique); missing keys are absent."""
    keys = list(keys)
    found: dict[str, ogr.Feature] = {}
    try:
        for start in range(0, len(keys), KEY_CHUNK):
            chunk = keys[start : start + KEY_CHUNK]
            layer.SetAttributeFilter(f"{field} IN ({', '.join(quote(key) for key in chunk)})")
            for feature in layer:
                found[feature.GetField(field)] = feature
    finally:
        layer.SetAttributeFilter(None)
        layer.ResetReading()
    return found


# --- geometries -------------------------------------------------------------------------


def to_ogr_geometry(geometry) -> ogr.Geometry:
    """A shapely geometry as an OGR one."""
    import shapely

    return ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry))


def to_shapely(reference: ogr.Geometry | None):
    """An OGR geometry as a shapely one (ISO WKB, so Z and M survive); None for None."""
    import shapely

    return shapely.from_wkb(bytes(reference.ExportToIsoWkb())) if reference is not None else None
