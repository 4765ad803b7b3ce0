"""How the survey algorithms read their layers: ``comparesurvey`` and ``surveyreport`` read the same SURVEY,
RIGHTS and PREVIOUS layers the same way (a mixin of their Processing algorithms).

In bulk through OGR when a layer is a file OGR reads as the parameter asks, in
the target CRS (:func:`..store.fast_io.read_layer`, the geometries checked while
read), else feature by feature through QGIS; invalid geometries repaired and
named, unusable ones named and left out.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSource,
)

from ..analysis.survey import Extents, Licences, licence_table
from ..domain.crs import CrsError, gk_epsg
from ..formats.survey_extents import SurveyReadError, choose_crs
from ..i18n import tr
from ..qgis_values import python_value
from ..store import fast_io
from .base import processing_errors, push_warnings
from .columns import find_field, ogr_location

SURVEY_FIELDS = {
    "license_no": ("license_no", "licence_no", "许可证号", "xkzh"),
    "elevation_top_m": ("elevation_top_m", "top_m", "标高上限"),
    "elevation_bottom_m": ("elevation_bottom_m", "bottom_m", "标高下限"),
    "survey_round": ("survey_round", "round", "勘测轮次"),
}
RIGHTS_FIELDS = {
    "license_no": ("license_no", "licence_no", "许可证号", "xkzh"),
    "depth_top_m": ("depth_top_m", "开采标高上限", "top_m"),
    "depth_bottom_m": ("depth_bottom_m", "开采标高下限", "bottom_m"),
    "excluded": ("excluded", "扣除地块", "flag"),
}


class SurveyInputs:
    """Reading methods of a Processing algorithm with SURVEY / RIGHTS / PREVIOUS layer parameters."""

    def survey_source(self, parameters, name, context, required=True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def survey_target_crs(self, rights, context) -> QgsCoordinateReferenceSystem:
        crs = rights.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(tr("The mining rights layer has no coordinate reference system: set it."))
        if not crs.isGeographic():
            return crs
        with processing_errors(CrsError):
            return QgsCoordinateReferenceSystem(f"EPSG:{gk_epsg(rights.sourceExtent().center().x())}")

    def check_layer_crs(self, source, label, target, feedback) -> None:
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(tr("The layer {layer} has no coordinate reference system: set it.").format(
                layer=label))
        if crs == target:
            return
        own, wanted = crs.postgisSrid(), target.postgisSrid()
        if own and wanted:
            warnings: list[str] = []
            with processing_errors(SurveyReadError):
                choose_crs(label, own, True, None, wanted, warnings)
            push_warnings(feedback, warnings)

    def read_survey_layer(self, parameters, name, source, wanted: dict, target, context, feedback):
        """Geometries (shapely, in ``target``), the wanted columns, feature ids and the field names found.

        In bulk through OGR (:func:`..store.fast_io.read_layer`, the geometries checked while read) when the
        layer is a file OGR reads as the parameter asks in the target CRS; else feature by feature through QGIS.
        Answers ``(geometries, columns, fids, found, status)``; ``status`` is None when not yet checked.
        """
        names = source.fields().names()
        found = {key: find_field(names, *candidates) for key, candidates in wanted.items()}
        pending = getattr(self, "_bulk_reads", {}).get(name)  # none started: read through QGIS
        if pending is not None:
            data = pending.result()
            if data is not None:
                columns = {key: data.attributes[n] if n else [None] * len(data.fids) for key, n in found.items()}
                return data.geometries, columns, data.fids.tolist(), found, data.status
        return (*self._read_qgis(source, found, target, context, feedback), found, None)

    def start_bulk_reads(self, parameters, sources: dict, target, context, pool) -> None:
        """Start reading in ``pool`` (all layers at once: GDAL and GEOS work without the GIL) each input OGR
        can read in bulk as the parameter asks, in the target CRS (see :meth:`_read`)."""
        from ..analysis.prejudge.inputs import clean_polygons

        self._bulk_reads = {}
        for name, (source, wanted) in sources.items():
            if source is None:
                continue
            location = ogr_location(self, parameters, name, context)
            if location is None or location[3] != target:
                continue
            names = source.fields().names()
            fields = [n for n in (find_field(names, *c) for c in wanted.values()) if n]
            path, layer_name, layer_id, _ = location
            self._bulk_reads[name] = pool.submit(fast_io.read_layer, path, layer_name, layer_id, fields,
                                                 check=clean_polygons, workers=1)

    @staticmethod
    def _read_qgis(source, found: dict, target, context, feedback):
        import shapely

        names = source.fields().names()
        indices = {key: names.index(n) for key, n in found.items() if n is not None}
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes(sorted(set(indices.values())))
        if source.sourceCrs() != target:
            request.setDestinationCrs(target, context.transformContext())
        wkbs, columns, fids = [], {key: [] for key in found}, []
        for feature in source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            wkbs.append(None if geometry.isNull() or geometry.isEmpty() else bytes(geometry.asWkb()))
            attributes = feature.attributes()
            fids.append(feature.id())
            for key in found:
                columns[key].append(python_value(attributes[indices[key]]) if key in indices else None)
        geometries = np.full(len(wkbs), None, dtype=object)
        present = np.array([w is not None for w in wkbs], dtype=bool)
        if present.any():
            geometries[present] = shapely.from_wkb(np.array(wkbs, dtype=object)[present], on_invalid="ignore")
        return geometries, columns, fids

    @staticmethod
    def clean_geometries(geometries, labels, what: str, feedback, status=None):
        from ..analysis.prejudge.inputs import clean_polygons, short_list

        if status is None:
            cleaned, status = clean_polygons(geometries)
        else:  # checked while read
            cleaned = geometries
        if (status == 1).any():
            feedback.pushWarning(tr("Invalid {what} geometries repaired (make_valid): {names}").format(
                what=what, names=short_list([labels[i] for i in np.flatnonzero(status == 1)])))
        if (status >= 2).any():
            feedback.pushWarning(tr("{what} without usable geometry, ignored: {names}").format(
                what=what, names=short_list([labels[i] for i in np.flatnonzero(status >= 2)])))
        return cleaned, status < 2

    def read_extents(self, parameters, name, source, target, context, feedback) -> Extents:
        geometries, columns, fids, _, status = self.read_survey_layer(parameters, name, source, SURVEY_FIELDS, target, context,
                                                          feedback)
        template = tr("{layer} feature {fid}")
        labels = [template.format(layer=name, fid=fid) for fid in fids]
        geometries, usable = self.clean_geometries(geometries, labels, tr("survey extent"), feedback, status)
        keep = np.flatnonzero(usable)

        def pick(values):
            return [values[i] for i in keep]

        return Extents(
            geometries[keep], pick(columns["license_no"]),
            np.array([np.nan if v is None else _float(v) for v in pick(columns["elevation_top_m"])], dtype=float),
            np.array([np.nan if v is None else _float(v) for v in pick(columns["elevation_bottom_m"])], dtype=float),
            pick(labels), pick(columns["survey_round"]),
        )

    def read_licences(self, parameters, rights, wanted: dict, target, context, feedback) -> tuple[Licences, dict, list[int]]:
        """The licences of RIGHTS (rows of one number merged, excluded parcels cut out), the ``wanted`` columns
        read and the rows kept (usable geometry)."""
        geometries, columns, fids, found, status = self.read_survey_layer(parameters, "RIGHTS", rights, wanted,
                                                                          target, context, feedback)
        if found["license_no"] is None:
            raise QgsProcessingException(tr("The mining rights layer lacks the field license_no."))
        feature = tr("feature {n}")
        labels = [str(n) if n else feature.format(n=f) for n, f in zip(columns["license_no"], fids)]
        geometries, usable = self.clean_geometries(geometries, labels, tr("licence"), feedback, status)
        keep = np.flatnonzero(usable).tolist()
        licences = licence_table([columns["license_no"][i] for i in keep], geometries[keep],
                                 [columns["depth_top_m"][i] for i in keep],
                                 [columns["depth_bottom_m"][i] for i in keep],
                                 [columns["excluded"][i] for i in keep] if found["excluded"] else None)
        return licences, columns, keep


def _float(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return np.nan
