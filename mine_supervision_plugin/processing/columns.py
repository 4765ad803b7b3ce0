"""Attribute columns of a Processing input (any table or layer: GeoPackage, shapefile, CSV...) as Python lists.

What the compliance and spot-check algorithms read: a few named fields (found
case-insensitively, among alternative names), without geometry, each value as
plain Python (None for NULL, ``datetime.date`` for a QDate), and a label per
feature to name it in messages (``line N`` of a CSV file, counting the header
line as 1; ``feature N`` otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
)

from ..i18n import tr
from ..qgis_values import python_value
from ..store import columns as store_columns


@dataclass
class Columns:
    """The columns read (by the key asked), the field name each came from, a label per feature."""

    values: dict[str, list] = field(default_factory=dict)
    names: dict[str, str | None] = field(default_factory=dict)
    labels: Sequence[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.labels)


def find_field(field_names: list[str], *candidates: str) -> str | None:
    """The first field named like one of ``candidates`` (case and surrounding blanks ignored)."""
    folded = {name.strip().lower(): name for name in field_names}
    for candidate in candidates:
        if candidate.lower() in folded:
            return folded[candidate.lower()]
    return None


def read_columns(
    algorithm, parameters, name: str, context, feedback, wanted: dict[str, tuple[str, ...]], required: tuple[str, ...]
) -> Columns:
    """The ``wanted`` columns (key -> candidate field names) of input ``name``; refuse when a required one is missing."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    field_names = source.fields().names()
    found = {key: find_field(field_names, *candidates) for key, candidates in wanted.items()}
    missing = [wanted[key][0] for key in required if found[key] is None]
    if missing:
        raise QgsProcessingException(
            tr("{input} lacks the field(s) {fields} (its fields: {present}).").format(
                input=name, fields=", ".join(missing), present=", ".join(field_names) or tr("none")
            )
        )
    csv = _is_csv(algorithm, parameters, name, context)
    template = tr("line {n}") if csv else tr("feature {n}")
    shift = 1 if csv else 0  # a CSV's line numbers count its header line

    location = ogr_location(algorithm, parameters, name, context)
    if location is not None:
        fast = store_columns.read_columns(*location[:3], [n for n in found.values() if n is not None])
        if fast is not None:
            values = {key: fast.columns[n] if n is not None else None for key, n in found.items()}
            return Columns(values, found, Labels(fast.fids + shift, template))

    indices = {key: field_names.index(n) for key, n in found.items() if n is not None}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(sorted(set(indices.values())))
    raw = {key: [] for key in indices}
    fids = []
    total = max(1, source.featureCount())
    for k, feature in enumerate(source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)):
        attributes = feature.attributes()
        for key, index in indices.items():
            raw[key].append(attributes[index])
        fids.append(feature.id())
        if k % 50000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(20 * k / total)
    values = {key: [python_value(v) for v in column] if _needs_conversion(column) else column for key, column in raw.items()}
    for key in wanted:
        values.setdefault(key, None)
    return Columns(values, found, Labels(np.asarray(fids, dtype=np.int64) + shift, template))


class Labels(Sequence):
    """``line N`` / ``feature N`` of each feature, made only for those a message names."""

    def __init__(self, numbers: np.ndarray, template: str):
        self.numbers = numbers
        self.template = template

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.template.format(n=int(self.numbers[index]))


def ogr_location(algorithm, parameters, name, context) -> tuple | None:
    """(path, layer name, layer index, CRS) of an input that GDAL's OGR can read in bulk exactly as the parameter
    asks (no selection, limit, filter or subset; text files only when QGIS reads them as UTF-8), else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) not in (-1, None):
            return None
        if getattr(value, "filterExpression", ""):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path or not Path(path).is_file():
        return None
    if Path(path).suffix.lower() in (".shp", ".dbf", ".csv", ".txt", ".tsv"):
        # text as QGIS decodes it (a user-chosen encoding such as GBK): leave it to QGIS
        if layer.dataProvider().encoding().upper().replace("-", "") != "UTF8":
            return None
    return path, parts.get("layerName") or None, parts.get("layerId"), layer.crs()


def _needs_conversion(column: list) -> bool:
    kinds = set(map(type, column))
    return bool(kinds - {str, int, float})


def _is_csv(algorithm, parameters, name, context) -> bool:
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return False
    if layer.providerType() == "delimitedtext":
        return True
    if layer.providerType() != "ogr":
        return False
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    return Path(path).suffix.lower() in (".csv", ".txt", ".tsv")
