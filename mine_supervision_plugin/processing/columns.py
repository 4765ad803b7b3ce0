"""Attribute columns of a Processing input (any table or layer: GeoPackage, shapefile, CSV...) as Python lists.

What the compliance and spot-check algorithms read: a few named fields (found
case-insensitively, among alternative names), without geometry, each value as
plain Python (None for NULL, ``datetime.date`` for a QDate), and a label per
feature to name it in messages (``line N`` of a CSV file, counting the header
line as 1; ``feature N`` otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsProcessingFeatureSource, QgsProviderRegistry

from ..i18n import tr
from ..qgis_values import python_value


@dataclass
class Columns:
    """The columns read (by the key asked), the field name each came from, a label per feature."""

    values: dict[str, list] = field(default_factory=dict)
    names: dict[str, str | None] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)

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
    if _is_csv(algorithm, parameters, name, context):
        labels = [tr("line {n}").format(n=fid + 1) for fid in fids]
    else:
        labels = [tr("feature {n}").format(n=fid) for fid in fids]
    return Columns(values, found, labels)


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
