"""Write a core table ``(keys and headers, rows)`` to a Processing feature sink without geometry."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

from .base import qdate, qgs_fields


def _kind(values: list) -> QVariant.Type:
    present = [v for v in values if v is not None and v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return QVariant.Bool
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return QVariant.Int
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return QVariant.Double
    if present and all(isinstance(v, dt.date) for v in present):
        return QVariant.Date
    return QVariant.String


def write_table(algorithm, parameters, name: str, context, columns: tuple[tuple[str, str], ...], rows: list[list]):
    """One feature per row, fields named by the column keys (aliases: the Chinese headers); return the dest id."""
    specs = [(key, _kind([row[i] for row in rows]), header) for i, (key, header) in enumerate(columns)]
    fields = qgs_fields(specs)
    sink, dest_id = algorithm.sink_or_fail(parameters, name, context, fields, QgsWkbTypes.NoGeometry,
                                           QgsCoordinateReferenceSystem())
    for row in rows:
        feature = QgsFeature(fields)
        values = []
        for (_, kind, _header), value in zip(specs, row):
            if value == "" and kind != QVariant.String:
                value = None
            elif isinstance(value, dt.date):
                value = qdate(value)
            elif kind == QVariant.String and value is not None:
                value = str(value)
            values.append(value)
        feature.setAttributes(values)
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    return dest_id
