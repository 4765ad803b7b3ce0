"""Copy features from any OGR-readable file into a table of the supervision database.

Used for data that arrive as ready-made layers (key monitoring zones, patrol
routes, survey extents): fields are matched by name (or a mapping), geometries
reprojected to the store's CRS, and everything is written in one transaction:
a bad row names its file and row and nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from osgeo import ogr, osr

from ..domain.dates import to_date
from ..domain.vocab import to_code
from ..i18n import tr
from .database import StoreError, SupervisionStore
from .ogr_util import field_value, set_field, spatial_reference
from .schema import BOOLEAN, DATE, DATETIME, INTEGER, REAL, table


def _convert(kind: str, value):
    """A file value as the schema kind wants it; ValueError when it cannot be."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind == INTEGER:
        return int(float(value))
    if kind == REAL:
        return float(value)
    if kind == BOOLEAN:
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "y", "是", "合格")
        return bool(value)
    if kind == DATE:
        return to_date(value, strict=True)
    if kind == DATETIME:
        if isinstance(value, dt.datetime):
            return value
        return dt.datetime.fromisoformat(str(value).strip().replace("/", "-").replace("T", " "))
    return str(value).strip()


def copy_features(
    store: SupervisionStore,
    table_name: str,
    path: str | Path,
    *,
    layer_name: str | None = None,
    mapping: Mapping[str, str] | None = None,
    defaults: Mapping[str, object] | None = None,
) -> int:
    """Copy every feature of ``path`` into ``table_name``; return how many were written.

    ``mapping`` maps store field → file field where the names differ;
    ``defaults`` gives values for store fields the file lacks. Raises
    :class:`StoreError` naming the file and row when a value cannot be read
    or a required field is empty; nothing is written then.
    """
    spec = table(table_name)
    mapping = dict(mapping or {})
    defaults = dict(defaults or {})
    source = ogr.Open(str(path))
    if source is None:
        raise StoreError(tr("{path} cannot be read.").format(path=path))
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    if layer is None:
        raise StoreError(tr("{path} has no layer {layer}.").format(path=path, layer=layer_name))
    definition = layer.GetLayerDefn()
    indexes = {}
    for field_spec in spec.fields:
        index = definition.GetFieldIndex(mapping.get(field_spec.name, field_spec.name))
        if index >= 0:
            indexes[field_spec.name] = index
    transform = None
    if spec.geometry:
        source_srs = layer.GetSpatialRef()
        if source_srs is None:
            raise StoreError(tr("{path} has no coordinate reference system.").format(path=path))
        target_srs = spatial_reference(store.crs_epsg)
        source_srs = source_srs.Clone()
        source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not source_srs.IsSame(target_srs):
            transform = osr.CoordinateTransformation(source_srs, target_srs)
    rows = []
    for row_number, feature in enumerate(layer, start=1):
        values = {}
        for field_spec in spec.fields:
            raw = field_value(feature, indexes[field_spec.name]) if field_spec.name in indexes else None
            if raw is None:
                raw = defaults.get(field_spec.name)
            try:
                values[field_spec.name] = _convert(field_spec.kind, raw)
            except (TypeError, ValueError) as error:
                raise StoreError(
                    tr("{path}, row {row}: {field} value {value} cannot be read ({reason}).").format(
                        path=path, row=row_number, field=field_spec.name, value=raw, reason=error
                    )
                ) from error
            if field_spec.vocabulary and values[field_spec.name] is not None:
                code = to_code(field_spec.vocabulary, values[field_spec.name])
                if code is None:
                    raise StoreError(
                        tr("{path}, row {row}: {value} is not a known value of {field}.").format(
                            path=path, row=row_number, value=values[field_spec.name], field=field_spec.name
                        )
                    )
                values[field_spec.name] = code
            if field_spec.required and values[field_spec.name] is None:
                raise StoreError(
                    tr("{path}, row {row}: the required field {field} is empty.").format(
                        path=path, row=row_number, field=field_spec.name
                    )
                )
        geometry = None
        if spec.geometry:
            reference = feature.GetGeometryRef()
            if reference is not None and not reference.IsEmpty():
                geometry = reference.Clone()
                if transform is not None:
                    geometry.Transform(transform)
                if spec.geometry == "MultiPolygon":
                    geometry = ogr.ForceToMultiPolygon(geometry)
        rows.append((values, geometry))
    layer = source = None
    with store.transaction() as target:
        out = target.GetLayerByName(table_name)
        for values, geometry in rows:
            feature = ogr.Feature(out.GetLayerDefn())
            for name, value in values.items():
                set_field(feature, name, value)
            if geometry is not None:
                feature.SetGeometry(geometry)
            out.CreateFeature(feature)
        store.log(target, "copy_features", table_name, "", {"file": str(path), "count": len(rows)})
    return len(rows)
