"""minesupervision:prejudgepatches — batch pre-judgment of suspect patches against licences.

A thin face over :mod:`..analysis.prejudge`: it reads the layers into shapely
arrays, runs the core and writes every input patch with its own fields plus
the pre-judgment fields.

Reading and writing go the fast way when they can (the store-level
:mod:`..store.fast_io`: ``read_layer`` and ``write_joined_gpkg``), the
Processing way otherwise:

* a layer held in a file that OGR reads (GeoPackage, shapefile, GeoJSON...),
  without a subset filter, "selected features only" or a feature limit, and
  already in the analysis CRS, is read in bulk through OGR's Arrow interface;
  any other source (memory, PostGIS, selections, another CRS...) is read
  feature by feature through QGIS, reprojected by QGIS with the project's
  transformation context; read in bulk, the patches and the licences are read
  at the same time (the licences in a thread of their own) and their
  geometries checked and repaired batch by batch, in other threads, while OGR
  reads the next batch (GDAL and GEOS work without Python's GIL);
* when the output is a plain ``.gpkg`` file and the patches come from a
  GeoPackage, the results go to a small SQLite table and the output is
  ``patches LEFT JOIN results`` (geometry and fields byte for byte, fids kept):
  GDAL (``VectorTranslate``) makes the empty layer with its spatial index and
  one ``INSERT ... SELECT`` run by SQLite fills it, the spatial index of the
  patches (same fids, same geometries) being copied rather than built again;
  when that cannot be done (no complete index in the patches, patches read
  through QGIS...) GDAL copies the joined rows itself. Otherwise the output
  goes through the usual feature sink (memory layers, PostGIS, shapefiles...).

Invalid geometries are never filtered out by the Processing setting: the core
repairs and reports them, and every input patch reaches the output.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProperty,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..qgis_values import python_value
from ..store import fast_io
from ..store.fast_io import LayerData
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings
from .columns import ogr_location

_QVARIANT_TYPES = {
    "text": QVariant.String,
    "real": QVariant.Double,
    "integer": QVariant.Int,
    "boolean": QVariant.Bool,
}


def _python_value(value):
    """A QGIS attribute value as plain Python (None for NULL, date for QDate, datetime for QDateTime)."""
    return python_value(value, datetime_as_date=False)


class PrejudgePatchesAlgorithm(MineSupervisionAlgorithm):
    NAME = "prejudgepatches"

    def displayName(self) -> str:
        return tr("Pre-judge suspect patches")

    def shortHelpString(self) -> str:
        return tr(
            "For every patch, against the mining licences valid on its after-imagery date: the area inside "
            "and outside the licences, and the pre-judgment: suspected unlicensed mining (inside < tolerance), "
            "out-of-bounds mining (outside >= tolerance), mining on an expired licence (the part not covered by "
            "a licence valid on that date >= tolerance) or within licence. Also the licences touched, the key "
            "monitoring zone holding the largest share, the years of earlier patches it overlaps and, when "
            "penalty cases are given, the penalties in the two years before (two or more: transfer to the "
            "judiciary). Areas are planar in the Gauss-Kruger zone; geographic data are projected to the zone "
            "of their centre. Every input patch is in the output; repaired, empty or undated patches are named "
            "in the log and in the prejudge_note field."
        )

    def initAlgorithm(self, config=None) -> None:
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource("PATCHES", tr("Suspect patches"), polygon))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "RIGHTS", tr("Mining licences (license_no, valid_from, valid_to)"), polygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "ZONES", tr("Key monitoring zones (name, level)"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PREVIOUS_PATCHES", tr("Earlier patches (year or date)"), polygon, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CASES",
                tr("Administrative penalty cases (penalty_date, license_no and/or holder)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "DATE_FIELD",
                tr("After-imagery date field"),
                defaultValue="date_after",
                parentLayerParameterName="PATCHES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TOLERANCE_M2",
                tr("Area tolerance (m²)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Pre-judged patches"), QgsProcessing.TypeVectorPolygon)
        )

    # ------------------------------------------------------------------ processing

    def processAlgorithm(self, parameters, context, feedback):
        from ..analysis import prejudge as core

        self._refuse_output_over_input(parameters, context)
        patches_source = self.parameterAsSource(parameters, "PATCHES", context)
        rights_source = self.parameterAsSource(parameters, "RIGHTS", context)
        if patches_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "PATCHES"))
        if rights_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "RIGHTS"))
        for name in _CRS_INPUTS:
            self._refuse_layer_without_crs(parameters, name, context)
        tolerance = self.parameterAsDouble(parameters, "TOLERANCE_M2", context)
        date_field = (self.parameterAsString(parameters, "DATE_FIELD", context) or "").strip()
        date_field = date_field or core.DEFAULT_DATE_FIELD

        target = self._analysis_crs(patches_source, context, feedback)
        patch_names = patches_source.fields().names()
        date_name = core.find_column(patch_names, date_field)  # None: the core says validity is not checked
        cases = self._cases(parameters, context, core)
        with_previous = self.parameterAsSource(parameters, "PREVIOUS_PATCHES", context) is not None
        id_name = core.find_column(patch_names, *core.PATCH_ID_FIELDS)
        year_name = core.find_column(patch_names, "year") if with_previous else None
        holder_name = core.find_column(patch_names, "holder") if cases is not None else None

        rights_names = rights_source.fields().names()
        missing = [f for f in ("license_no", "valid_from", "valid_to") if core.find_column(rights_names, f) is None]
        if missing:
            raise QgsProcessingException(
                tr("The licence layer lacks required fields: {fields}").format(fields=", ".join(missing))
            )

        feedback.setProgressText(tr("Reading patches and licences"))
        self._patch_location = self._ogr_location(parameters, "PATCHES", context)
        rights_fields = [core.find_column(rights_names, f) for f in ("license_no", "valid_from", "valid_to")]
        rights_fields.append(core.find_column(rights_names, "holder") if cases is not None else None)
        rights_location = self._ogr_location(parameters, "RIGHTS", context)
        with ThreadPoolExecutor(1) as pool:
            # the licences are read and checked in a thread of their own while the patches are read here
            pending = None
            if rights_location is not None and rights_location[3] == target:
                pending = pool.submit(self._read_ogr, rights_location, _wanted(rights_fields), clean=True, workers=1)
            patches = self._read(
                parameters, "PATCHES", context, feedback, [date_name, id_name, year_name, holder_name], target, True
            )
            rights = pending.result() if pending is not None else None
        if rights is None:
            rights = self._read(parameters, "RIGHTS", context, feedback, rights_fields, target)
        if feedback.isCanceled():
            return {}
        licences = core.LicenceSet(
            rights.geometries,
            rights.attributes[rights_fields[0]],
            rights.attributes[rights_fields[1]],
            rights.attributes[rights_fields[2]],
            rights.attributes[rights_fields[3]] if rights_fields[3] else None,
            status=rights.status,
        )
        zones = self._zones(parameters, context, feedback, target, core)
        previous = self._previous(parameters, context, feedback, target, core, date_field)
        if feedback.isCanceled():
            return {}

        ids = patches.attributes.get(id_name) if id_name else None
        if ids is not None:
            ids = [
                f"{v}" if v not in (None, "") else tr("fid {fid}").format(fid=fid) for v, fid in zip(ids, patches.fids)
            ]
        else:
            ids = [tr("fid {fid}").format(fid=fid) for fid in patches.fids]

        feedback.setProgressText(tr("Pre-judging {count} patches").format(count=len(patches.fids)))
        try:
            result = core.prejudge_arrays(
                patches.geometries,
                licences,
                dates=patches.attributes.get(date_name) if date_name else None,
                patch_ids=ids,
                years=patches.attributes.get(year_name) if year_name else None,
                holders=patches.attributes.get(holder_name) if holder_name else None,
                zones=zones,
                previous=previous,
                cases=cases,
                tolerance_m2=tolerance,
                date_label=date_field,
                progress=lambda p: feedback.setProgress(5 + 0.85 * p),
                is_canceled=feedback.isCanceled,
                patch_status=patches.status,
            )
        except core.PrejudgeCanceled:
            return {}
        except core.PrejudgeError as error:
            raise QgsProcessingException(str(error)) from error
        push_warnings(feedback, result.warnings)

        feedback.setProgressText(tr("Writing the pre-judged patches"))
        destination = self._fast_destination(parameters)
        if destination is not None:
            dest = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
            try:
                self._write_gpkg(dest, patches, result, feedback)
            except (RuntimeError, sqlite3.Error) as error:  # an older or stricter GDAL: the usual way then
                feedback.pushInfo(tr("Writing through QGIS instead: {error}").format(error=error))
            else:
                self._summary(result, feedback)
                return {"OUTPUT": dest}
        row_of = {int(fid): k for k, fid in enumerate(patches.fids)}
        return self._write_sink(parameters, context, feedback, patches_source, result, row_of)

    # ------------------------------------------------------------------ refusals

    def _input_files(self, parameters, context) -> dict[str, tuple[str, Path, str | None]]:
        """The files the input layers are read from: parameter -> (name for the user, resolved path, layer name)."""
        files = {}
        for name in _FILE_INPUTS:
            if parameters.get(name) in (None, ""):
                continue
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None or layer.providerType() != "ogr":
                continue
            parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
            path = parts.get("path") or ""
            if path and Path(path).exists():
                files[name] = (layer.name() or Path(path).name, Path(path).resolve(), parts.get("layerName") or None)
        return files

    def _refuse_output_over_input(self, parameters, context) -> None:
        """Refuse, before anything is read or written, an OUTPUT that would replace one of the inputs.

        A plain output path replaces its whole file; ``ogr:dbname=... table=...``
        replaces that table: the patches (or licences...) would be lost.
        """
        text = self._destination_text(parameters.get("OUTPUT"))
        destination = _destination_path(text) if text else None
        if destination is None or not destination[0].exists():
            return
        target, out_layer = destination[0].resolve(), destination[1]
        for name, (layer_name, path, in_layer) in self._input_files(parameters, context).items():
            if not (path == target or _same_shapefile(path, target)):
                continue
            if out_layer and in_layer and out_layer.lower() != in_layer.lower():
                continue  # another table of the same GeoPackage: the input stays as it is
            raise QgsProcessingException(
                tr(
                    "The output {output} is the input {parameter} ({layer}): writing it would destroy that input. "
                    "Choose another output file."
                ).format(output=target.name, parameter=name, layer=layer_name)
            )

    def _refuse_layer_without_crs(self, parameters, name, context) -> None:
        """A spatial input without a CRS is refused by name: taken as the patches' CRS, it would misplace everything."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None or source.sourceCrs().isValid():
            return
        layer = self.parameterAsVectorLayer(parameters, name, context)
        layer_name = layer.name() if layer is not None else str(parameters.get(name))
        if layer is not None and layer.providerType() == "ogr":
            path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
            layer_name = Path(path).name if path else layer_name
        hint = ""
        extent = source.sourceExtent()
        if not extent.isNull() and source.featureCount() != 0:
            if -180 <= extent.xMinimum() and extent.xMaximum() <= 180 and -90 <= extent.yMinimum() and extent.yMaximum() <= 90:
                hint = " " + tr(
                    "Its coordinates look like longitudes and latitudes (e.g. EPSG:4490, CGCS2000); "
                    "check the datum before assigning it."
                )
            else:
                hint = " " + tr(
                    "Its coordinates are projected (x {x:.0f}, y {y:.0f}): assign its Gauss-Kruger CRS."
                ).format(x=extent.center().x(), y=extent.center().y())
        raise QgsProcessingException(
            tr(
                "The layer {layer} ({parameter}) has no coordinate reference system (a shapefile without .prj?): "
                "set its CRS and run again.{hint}"
            ).format(layer=layer_name, parameter=name, hint=hint)
        )

    # ------------------------------------------------------------------ CRS

    def _analysis_crs(self, patches_source, context, feedback) -> QgsCoordinateReferenceSystem:
        from ..analysis.prejudge import PrejudgeError
        from ..domain.crs import CrsError, gk_epsg

        crs = patches_source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(
                tr("The patch layer has no coordinate reference system: set it and run again.")
            )
        if not crs.isGeographic():
            if crs.mapUnits() != QgsUnitTypes.DistanceMeters:
                feedback.pushWarning(
                    tr("The patch layer's CRS {crs} is not in metres: areas are in its units squared.").format(
                        crs=crs.authid()
                    )
                )
            return crs
        extent = patches_source.sourceExtent()
        cgcs2000 = QgsCoordinateReferenceSystem("EPSG:4490")
        if crs != cgcs2000:
            extent = QgsCoordinateTransform(crs, cgcs2000, context.transformContext()).transformBoundingBox(extent)
            feedback.pushWarning(
                tr("The patches are in {crs}, not CGCS2000: check the datum of the data.").format(crs=crs.authid())
            )
        if patches_source.featureCount() == 0 or extent.isNull():
            return crs  # nothing to measure
        with processing_errors(PrejudgeError, CrsError):
            epsg = gk_epsg(extent.center().x())
        target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        feedback.pushInfo(tr("Geographic coordinates projected to {crs} to measure areas.").format(crs=target.authid()))
        return target

    # ------------------------------------------------------------------ reading

    def _ogr_location(self, parameters, name, context):
        """(path, layer name, layer index, CRS) of a layer OGR can read in bulk as the parameter asks, else None."""
        return ogr_location(self, parameters, name, context)

    def _read(self, parameters, name, context, feedback, fields, target, clean=False) -> LayerData:
        wanted = _wanted(fields)
        location = self._ogr_location(parameters, name, context)
        if location is not None and location[3] == target:
            data = self._read_ogr(location, wanted, clean=clean, workers=2)
            if data is not None:
                return data
        return self._read_qgis(parameters, name, context, feedback, wanted, target)

    @staticmethod
    def _read_ogr(location, wanted, *, clean=False, workers=1) -> LayerData | None:
        """The layer read in bulk (:func:`..store.fast_io.read_layer`); None when OGR cannot.

        With ``clean`` the geometries are checked and repaired
        (:func:`..analysis.prejudge.clean_polygons`) batch by batch as they
        arrive, in ``workers`` threads, while OGR reads on.
        """
        from ..analysis.prejudge import clean_polygons

        path, layer_name, layer_id, _ = location
        return fast_io.read_layer(
            path, layer_name, layer_id, wanted, check=clean_polygons if clean else None, workers=workers
        )

    def _read_qgis(self, parameters, name, context, feedback, wanted, target) -> LayerData:
        import shapely

        source = self.parameterAsSource(parameters, name, context)
        field_names = source.fields().names()
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes([field_names.index(n) for n in wanted if n in field_names])
        if source.sourceCrs() != target:
            request.setDestinationCrs(target, context.transformContext())
        fids, wkbs = [], []
        columns = {n: [] for n in wanted}
        indices = {n: field_names.index(n) for n in wanted if n in field_names}
        total = max(1, source.featureCount())
        for k, feature in enumerate(
            source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
        ):
            if k % 2000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(5.0 * k / total)
            fids.append(feature.id())
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                wkbs.append(None)
            else:
                if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                    geometry = QgsGeometry(geometry)
                    geometry.convertToStraightSegment()
                wkbs.append(bytes(geometry.asWkb()))
            attributes = feature.attributes()
            for n, i in indices.items():
                columns[n].append(_python_value(attributes[i]))
        wkb = np.array(wkbs, dtype=object)
        geometries = np.full(len(wkb), None, dtype=object)
        present = np.array([w is not None for w in wkbs], dtype=bool)
        if present.any():
            geometries[present] = shapely.from_wkb(wkb[present], on_invalid="ignore")
        return LayerData(np.array(fids, dtype=np.int64), geometries, columns, fast=False)

    def _zones(self, parameters, context, feedback, target, core):
        source = self.parameterAsSource(parameters, "ZONES", context)
        if source is None:
            return None
        names = source.fields().names()
        name_field = core.find_column(names, "zone_name", "name")
        level_field = core.find_column(names, "zone_level", "level")
        if name_field is None:
            raise QgsProcessingException(tr("The monitoring zone layer lacks the field name (or zone_name)."))
        data = self._read(parameters, "ZONES", context, feedback, [name_field, level_field], target)
        return core.ZoneSet(
            data.geometries, data.attributes[name_field], data.attributes[level_field] if level_field else None
        )

    def _previous(self, parameters, context, feedback, target, core, date_field):
        source = self.parameterAsSource(parameters, "PREVIOUS_PATCHES", context)
        if source is None:
            return None
        names = source.fields().names()
        field = core.find_column(names, "year") or core.find_column(names, date_field, "date_after", "date")
        if field is None:
            raise QgsProcessingException(tr("The earlier patches lack a year field (or a date field to take it from)."))
        data = self._read(parameters, "PREVIOUS_PATCHES", context, feedback, [field], target)
        return core.PreviousPatches(data.geometries, data.attributes[field])

    def _cases(self, parameters, context, core):
        source = self.parameterAsSource(parameters, "CASES", context)
        if source is None:
            return None
        names = source.fields().names()
        date_field = core.find_column(names, "penalty_date", "date")
        licence_field = core.find_column(names, "license_no")
        holder_field = core.find_column(names, "holder")
        if date_field is None or (licence_field is None and holder_field is None):
            raise QgsProcessingException(
                tr("The penalty cases need a penalty_date field and a license_no or holder field.")
            )
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        dates, licences, holders = [], [], []
        for feature in source.getFeatures(request):
            dates.append(_python_value(feature[date_field]))
            licences.append(_python_value(feature[licence_field]) if licence_field else None)
            holders.append(_python_value(feature[holder_field]) if holder_field else None)
        return core.PenaltyCases(dates, licences if licence_field else None, holders if holder_field else None)

    # ------------------------------------------------------------------ writing

    @staticmethod
    def _destination_text(value) -> str | None:
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            sink = value.sink
            if sink.propertyType() != QgsProperty.StaticProperty:
                return None
            return str(sink.staticValue())
        if isinstance(value, QgsProperty):
            return str(value.staticValue()) if value.propertyType() == QgsProperty.StaticProperty else None
        return None if value is None else str(value)

    def _fast_destination(self, parameters) -> str | None:
        """The .gpkg path when the output can be written by GDAL from the patch GeoPackage, else None."""
        location = getattr(self, "_patch_location", None)
        if not location or not location[0].lower().endswith(".gpkg"):
            return None
        text = self._destination_text(parameters.get("OUTPUT"))
        if not text or not text.lower().endswith(".gpkg") or "|" in text or text.startswith(("ogr:", "memory:")):
            return None
        if Path(text).exists() and Path(text).resolve() == Path(location[0]).resolve():
            return None
        return text

    def _write_gpkg(self, dest: str, patches: LayerData, result, feedback) -> None:
        """Patches GeoPackage + results -> output GeoPackage (:func:`..store.fast_io.write_joined_gpkg`).

        The output is ``patches LEFT JOIN results``: geometry and fields copied
        untouched with their types, fids kept, a spatial index as a Processing
        GeoPackage output has it.
        """
        from ..analysis.prejudge import OUTPUT_FIELDS

        path, layer_name, layer_id, _ = self._patch_location
        try:
            fast_io.write_joined_gpkg(
                dest,
                path,
                layer_name,
                layer_id,
                patches.fids,
                OUTPUT_FIELDS,
                result.output_values(),
                extent=patches.extent,
                progress=feedback.setProgress,
            )
        except fast_io.WriteFailed as error:
            raise QgsProcessingException(tr("Could not write {path}").format(path=dest)) from error

    def _write_sink(self, parameters, context, feedback, patches_source, result, row_of):
        from ..analysis.prejudge import OUTPUT_FIELDS

        in_fields = patches_source.fields()
        fields = QgsFields()
        replace = {}
        ours = {name.lower(): (name, kind) for name, kind in OUTPUT_FIELDS}
        for i in range(in_fields.count()):
            field = in_fields.at(i)
            key = field.name().lower()
            if key in ours:
                name, kind = ours[key]
                fields.append(QgsField(field.name(), _QVARIANT_TYPES[kind]))
                replace[name] = i
            else:
                fields.append(field)
        for name, kind in OUTPUT_FIELDS:
            if name not in replace:
                fields.append(QgsField(name, _QVARIANT_TYPES[kind]))
        positions = {}
        for name, _kind in OUTPUT_FIELDS:
            positions[name] = replace.get(name, fields.indexOf(name))
        sink, dest_id = self.sink_or_fail(
            parameters, "OUTPUT", context, fields, patches_source.wkbType(), patches_source.sourceCrs()
        )
        values = result.output_values()
        names = [name for name, _ in OUTPUT_FIELDS]
        total = max(1, len(row_of))
        batch = []
        for k, feature in enumerate(
            patches_source.getFeatures(QgsFeatureRequest(), QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
        ):
            if k % 2000 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(90 + 10.0 * k / total)
            row = row_of.get(feature.id())
            attributes = list(feature.attributes())
            extra = []
            for j, name in enumerate(names):
                value = values[j][row] if row is not None else None
                if name in replace:
                    attributes[replace[name]] = value
                else:
                    extra.append(value)
            out = QgsFeature(fields)
            out.setId(feature.id())
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            out.setAttributes(attributes + extra)
            batch.append(out)
            if len(batch) >= 5000:
                sink.addFeatures(batch, QgsFeatureSink.FastInsert)
                batch = []
        if batch:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
        self._summary(result, feedback)
        return {"OUTPUT": dest_id}

    @staticmethod
    def _summary(result, feedback) -> None:
        from ..domain.vocab import display_label

        counts = {}
        for code in result.columns["prejudgment"]:
            counts[code] = counts.get(code, 0) + 1
        for code, count in sorted(counts.items(), key=lambda item: str(item[0])):
            feedback.pushInfo(
                tr("{label}: {count} patches").format(
                    label=display_label("prejudgment", code) if code else tr("not pre-judged"), count=count
                )
            )


# ---------------------------------------------------------------------- helpers

#: Spatial inputs that must have a CRS (the patches' own is checked with the analysis CRS).
_CRS_INPUTS = ("RIGHTS", "ZONES", "PREVIOUS_PATCHES")
#: Inputs whose files the output must not replace.
_FILE_INPUTS = ("PATCHES", "RIGHTS", "ZONES", "PREVIOUS_PATCHES", "CASES")


def _destination_path(text: str) -> tuple[Path, str | None] | None:
    """The file an output destination names, and the layer inside it when it names one.

    Forms: a plain path (the whole file is written), ``path|layername=...``,
    ``ogr:dbname='path' table="name" (geom)``; None for memory and database outputs.
    """
    import re

    text = text.strip()
    if text.startswith("memory:") or text == "TEMPORARY_OUTPUT":
        return None
    if text.startswith("ogr:"):
        match = re.search(r"dbname='((?:[^']|'')*)'", text)
        if not match:
            return None
        table = re.search(r'table="((?:[^"]|"")*)"', text)
        return Path(match.group(1).replace("''", "'")), table.group(1).replace('""', '"') if table else None
    path, _, rest = text.partition("|")
    if re.match(r"^[A-Za-z][A-Za-z0-9]+:", path) and not re.match(r"^[A-Za-z]:[\\/]", path):
        return None  # another provider (postgres:..., spatialite:...)
    layer = re.search(r"layername=([^|]+)", rest)
    return Path(path), layer.group(1) if layer else None


def _same_shapefile(path: Path, other: Path) -> bool:
    """True for two parts (.shp, .dbf...) of the same shapefile."""
    shapefile = (".shp", ".dbf", ".shx", ".prj", ".cpg")
    return (
        path.suffix.lower() in shapefile
        and other.suffix.lower() in shapefile
        and path.with_suffix("") == other.with_suffix("")
    )


def _wanted(fields) -> list[str]:
    """The field names asked for, once each, without the missing (None) ones."""
    return [f for f in dict.fromkeys(fields) if f]
