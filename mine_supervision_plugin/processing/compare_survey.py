"""minesupervision:comparesurvey — a survey round against the licences and the previous round (thin face)."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..analysis.survey import (
    APPROACH_FIELDS,
    APPROACH_M,
    GROWTH_FIELDS,
    MIN_AREA_M2,
    OUTSIDE_FIELDS,
    SUMMARY_FIELDS,
    compare_survey,
)
from ..i18n import tr
from ..store import fast_io
from .base import MineSupervisionAlgorithm, push_warnings, qgs_fields
from .columns import find_field
from .prejudge_patches import PrejudgePatchesAlgorithm, _destination_path, _same_shapefile
from .survey_inputs import RIGHTS_FIELDS, SURVEY_FIELDS, SurveyInputs

_destination_text = PrejudgePatchesAlgorithm._destination_text

_TYPES = {bool: QVariant.Bool, int: QVariant.Int, float: QVariant.Double, str: QVariant.String}
_KINDS = {
    "matched": bool, "extents": int, "outside_pieces": int, "piece_no": int, "in_excluded": bool,
    "grew_toward_boundary": bool, "approaching": bool, "toward_boundary": bool,
    "license_no": str, "survey_round": str, "near_corners": str, "position": str, "depth_finding": str, "finding": str,
}

_OUTPUTS = ("OUTPUT_OUTSIDE", "OUTPUT_SUMMARY", "OUTPUT_GROWTH", "OUTPUT_APPROACHING")
_FAST_KINDS = {bool: "boolean", int: "integer", float: "real", str: "text"}
#: Inputs whose files an output must not replace.
_INPUTS = ("SURVEY", "RIGHTS", "PREVIOUS")

def _fields(names):
    return qgs_fields([(name, _TYPES[_KINDS.get(name, float)]) for name in names])


class CompareSurveyAlgorithm(SurveyInputs, MineSupervisionAlgorithm):
    NAME = "comparesurvey"

    def displayName(self) -> str:
        return tr("Compare a survey round with the licences and the previous round")

    def shortHelpString(self) -> str:
        return tr(
            "Overlays the measured extents of a special survey round (SURVEY) on the licensed boundaries (RIGHTS) and "
            "on the previous round (PREVIOUS, optional). Each extent belongs to the licence whose number it carries "
            "(license_no), else to the licence it overlaps most; extents matching none are listed and held against "
            "every licence. OUTPUT_OUTSIDE: the pieces outside the licence (an excluded parcel counts as outside), "
            "each with its area, its greatest distance beyond the boundary and the corners it lies nearest to. "
            "OUTPUT_SUMMARY: per mine the surveyed, inside and outside areas, the growth since the previous round "
            "(and its part beyond the boundary), whether works come within APPROACH_M of the boundary, and for "
            "underground works with elevations (elevation_top_m / elevation_bottom_m) the metres above the licensed "
            "top or below the licensed bottom (depth_top_m / depth_bottom_m of RIGHTS). OUTPUT_GROWTH: the newly "
            "disturbed polygons; OUTPUT_APPROACHING: the works within APPROACH_M inside the boundary."
        )

    def initAlgorithm(self, config=None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource("SURVEY", tr("Survey extents (this round)"), polygons))
        self.addParameter(QgsProcessingParameterFeatureSource("RIGHTS", tr("Mining rights (licensed boundaries)"),
                                                              polygons))
        self.addParameter(QgsProcessingParameterFeatureSource("PREVIOUS", tr("Survey extents of the previous round"),
                                                              polygons, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "APPROACH_M", tr("Works closer than this to the boundary are approaching it (m)"),
            type=QgsProcessingParameterNumber.Double, defaultValue=APPROACH_M, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_AREA_M2", tr("Ignore pieces smaller than (m²)"), type=QgsProcessingParameterNumber.Double,
            defaultValue=MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_OUTSIDE", tr("Out-of-bounds pieces"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_SUMMARY", tr("Survey comparison per mine"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_GROWTH", tr("Growth since the previous round"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True,
                                                            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_APPROACHING",
                                                            tr("Works approaching the boundary"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True,
                                                            createByDefault=False))
        for name, description in (
            ("MINES", tr("Number of mines surveyed")),
            ("OUTSIDE_MINES", tr("Number of mines with works outside their licence")),
            ("OUTSIDE_PIECES", tr("Number of out-of-bounds pieces")),
            ("GROWING_MINES", tr("Number of mines that grew since the previous round")),
            ("GREW_TOWARD_BOUNDARY", tr("Number of mines that grew toward or across the boundary")),
            ("DEEPER_MINES", tr("Number of mines working above the licensed top or below the licensed bottom")),
            ("APPROACHING_MINES", tr("Number of mines whose works approach the boundary")),
            ("UNMATCHED", tr("Number of extents matching no licence")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # ------------------------------------------------------------------ writing

    def _input_paths(self, parameters, context) -> dict[str, Path]:
        paths = {}
        for name in _INPUTS:
            if parameters.get(name) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None or layer.providerType() != "ogr":
                continue
            path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
            if path and Path(path).exists():
                paths[name] = Path(path).resolve()
        return paths

    def _refuse_output_over_input(self, parameters, context) -> None:
        """An output file that is one of the inputs is refused before anything is read: writing it would destroy
        the input."""
        inputs = self._input_paths(parameters, context)
        for output in _OUTPUTS:
            text = _destination_text(parameters.get(output))
            destination = _destination_path(text) if text else None
            if destination is None or not destination[0].exists():
                continue
            for name, path in inputs.items():
                if path == destination[0].resolve() or _same_shapefile(path, destination[0].resolve()):
                    raise QgsProcessingException(tr(
                        "The output {output} is the input {parameter}: writing it would destroy that input. "
                        "Choose another output file.").format(output=destination[0].name, parameter=name))

    def _bulk_destination(self, parameters, name, context) -> str | None:
        """The GeoPackage file an output goes to when it can be written in bulk (:func:`..store.fast_io.write_gpkg`),
        else None (memory layers, other formats, databases: through the QGIS sink)."""
        text = _destination_text(parameters.get(name))
        if text and text.lower().endswith(".gpkg") and "|" not in text and not text.startswith(("ogr:", "memory:")):
            return self.parameterAsOutputLayer(parameters, name, context)
        return None

    def _write_sink(self, parameters, name, context, table: dict, names, geometries, target) -> str:
        """One output table through the QGIS sink; answers its destination."""
        import shapely

        fields = _fields(names)
        sink, destination = self.sink_or_fail(parameters, name, context, fields, QgsWkbTypes.MultiPolygon, target)
        batch = []
        for k, wkb in enumerate(shapely.to_wkb(geometries)):
            feature = QgsFeature(fields)
            feature.setAttributes([table[n][k] for n in names])
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
            batch.append(feature)
            if len(batch) >= 5000:
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
        if batch:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        return destination

    # ------------------------------------------------------------------ running

    def processAlgorithm(self, parameters, context, feedback):
        self._refuse_output_over_input(parameters, context)
        survey = self.survey_source(parameters, "SURVEY", context)
        rights = self.survey_source(parameters, "RIGHTS", context)
        previous = self.survey_source(parameters, "PREVIOUS", context, required=False)
        target = self.survey_target_crs(rights, context)
        self.check_layer_crs(survey, "SURVEY", target, feedback)
        if previous is not None:
            self.check_layer_crs(previous, "PREVIOUS", target, feedback)
        feedback.setProgress(2)
        if find_field(rights.fields().names(), *RIGHTS_FIELDS["license_no"]) is None:
            raise QgsProcessingException(tr("The mining rights layer lacks the field license_no."))
        with ThreadPoolExecutor(3) as pool:
            self.start_bulk_reads(parameters, {"RIGHTS": (rights, RIGHTS_FIELDS), "SURVEY": (survey, SURVEY_FIELDS),
                                               "PREVIOUS": (previous, SURVEY_FIELDS)}, target, context, pool)
            licences, _columns, _kept = self.read_licences(parameters, rights, RIGHTS_FIELDS, target, context,
                                                           feedback)
            current = self.read_extents(parameters, "SURVEY", survey, target, context, feedback)
            before = (self.read_extents(parameters, "PREVIOUS", previous, target, context, feedback)
                      if previous is not None else None)
        feedback.setProgress(30)
        result = compare_survey(current, licences, before,
                                approach_m=self.parameterAsDouble(parameters, "APPROACH_M", context),
                                min_area_m2=self.parameterAsDouble(parameters, "MIN_AREA_M2", context))
        push_warnings(feedback, result.warnings)
        feedback.setProgress(80)
        outputs = {}
        with ThreadPoolExecutor(3) as pool:  # the GeoPackages written at once: SQLite works without the GIL
            bulk = {}
            for name, table, names in (
                ("OUTPUT_OUTSIDE", result.outside, OUTSIDE_FIELDS),
                ("OUTPUT_SUMMARY", result.summary, SUMMARY_FIELDS),
                ("OUTPUT_GROWTH", result.growth, GROWTH_FIELDS),
                ("OUTPUT_APPROACHING", result.approaching, APPROACH_FIELDS),
            ):
                if not parameters.get(name):
                    outputs[name] = None
                    continue
                geometries = fast_io.multipolygons_of(np.array(table["geometry"] + [None], dtype=object)[:-1])
                path = self._bulk_destination(parameters, name, context)
                if path is not None:
                    bulk[name] = (path, pool.submit(fast_io.write_gpkg, path, [(n, _kind(n)) for n in names],
                                                    [table[n] for n in names], geometries,
                                                    target.authid() or target.toWkt()), table, names, geometries)
                else:
                    outputs[name] = self._write_sink(parameters, name, context, table, names, geometries, target)
            for name, (path, job, table, names, geometries) in bulk.items():
                try:
                    job.result()
                    outputs[name] = path
                except (RuntimeError, sqlite3.Error) as error:  # an older or stricter GDAL: the usual way then
                    feedback.pushInfo(tr("Writing through QGIS instead: {error}").format(error=error))
                    outputs[name] = self._write_sink(parameters, name, context, table, names, geometries, target)
        summary = result.summary
        mines = len(summary["license_no"])
        figures = {
            "MINES": mines,
            "OUTSIDE_MINES": sum(1 for a in summary["outside_area_m2"] if a > 0),
            "OUTSIDE_PIECES": len(result.outside["geometry"]),
            "GROWING_MINES": sum(1 for a in summary["growth_area_m2"] if a),
            "GREW_TOWARD_BOUNDARY": sum(summary["grew_toward_boundary"]),
            "DEEPER_MINES": sum(1 for a, b in zip(summary["above_top_m"], summary["below_bottom_m"]) if a or b),
            "APPROACHING_MINES": sum(summary["approaching"]),
            "UNMATCHED": len(result.unmatched),
        }
        feedback.pushInfo(tr(
            "{mines} mines compared: {outside} with works outside their licence ({pieces} pieces), {deeper} beyond "
            "their licensed depth, {approaching} approaching the boundary, {growing} grown since the previous round "
            "({toward} toward or across the boundary); {unmatched} extents match no licence.").format(
            mines=mines, outside=figures["OUTSIDE_MINES"], pieces=figures["OUTSIDE_PIECES"],
            deeper=figures["DEEPER_MINES"], approaching=figures["APPROACHING_MINES"],
            growing=figures["GROWING_MINES"], toward=figures["GREW_TOWARD_BOUNDARY"], unmatched=figures["UNMATCHED"]))
        return {**outputs, **figures}


def _kind(name: str) -> str:
    return _FAST_KINDS[_KINDS.get(name, float)]

