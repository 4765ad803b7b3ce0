"""minesupervision:prejudgepatches — batch pre-judgment of suspect patches against licences.

A thin face over :mod:`..analysis.prejudge`: it reads the layers into shapely
arrays, runs the core and writes every input patch with its own fields plus
the pre-judgment fields.

Reading and writing go the fast way when they can, the Processing way
otherwise:

* a layer held in a file that OGR reads (GeoPackage, shapefile, GeoJSON...),
  without a subset filter, "selected features only" or a feature limit, and
  already in the analysis CRS, is read in bulk through OGR's Arrow interface;
  any other source (memory, PostGIS, selections, another CRS...) is read
  feature by feature through QGIS, reprojected by QGIS with the project's
  transformation context;
* when the output is a plain ``.gpkg`` file and the patches come from an OGR
  file, the patches are copied by GDAL (``VectorTranslate``: geometry and
  fields byte for byte) and the result columns are filled with one SQL
  ``UPDATE`` per patch in a single transaction; otherwise the output goes
  through the usual feature sink (memory layers, PostGIS, shapefiles...).

Invalid geometries are never filtered out by the Processing setting: the core
repairs and reports them, and every input patch reaches the output.
"""

from __future__ import annotations

import sqlite3
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
    QgsProcessingFeatureSourceDefinition,
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
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..i18n import tr
from .base import MineSupervisionAlgorithm

_QVARIANT_TYPES = {
    "text": QVariant.String,
    "real": QVariant.Double,
    "integer": QVariant.Int,
    "boolean": QVariant.Bool,
}
_SQL_TYPES = {"text": "TEXT", "real": "REAL", "integer": "INTEGER", "boolean": "BOOLEAN"}


def _python_value(value):
    """A QGIS attribute value as plain Python (None for NULL, date for QDate...)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    return value


class _LayerData:
    """What the core needs from one input layer: feature ids, shapely geometries, some attributes."""

    def __init__(self, fids, geometries, attributes, fast):
        self.fids = fids
        self.geometries = geometries
        self.attributes = attributes  # field name (as asked) -> list of Python values
        self.fast = fast


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

        patches_source = self.parameterAsSource(parameters, "PATCHES", context)
        rights_source = self.parameterAsSource(parameters, "RIGHTS", context)
        if patches_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "PATCHES"))
        if rights_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "RIGHTS"))
        tolerance = self.parameterAsDouble(parameters, "TOLERANCE_M2", context)
        date_field = (self.parameterAsString(parameters, "DATE_FIELD", context) or "").strip()

        target = self._analysis_crs(patches_source, rights_source, context, feedback)
        patch_names = patches_source.fields().names()
        date_name = core.find_column(patch_names, date_field) if date_field else None
        if date_field and date_name is None:
            feedback.pushWarning(
                tr("The patch layer has no field {field}: licence validity is not checked.").format(field=date_field)
            )
        id_name = core.find_column(patch_names, *core.PATCH_ID_FIELDS)
        year_name = core.find_column(patch_names, "year")
        holder_name = core.find_column(patch_names, "holder")

        rights_names = rights_source.fields().names()
        missing = [f for f in ("license_no", "valid_from", "valid_to") if core.find_column(rights_names, f) is None]
        if missing:
            raise QgsProcessingException(
                tr("The licence layer lacks required fields: {fields}").format(fields=", ".join(missing))
            )

        feedback.setProgressText(tr("Reading patches and licences"))
        self._patch_location = self._ogr_location(parameters, "PATCHES", context)
        patches = self._read(
            parameters, "PATCHES", context, feedback, [date_name, id_name, year_name, holder_name], target
        )
        rights_fields = [core.find_column(rights_names, f) for f in ("license_no", "valid_from", "valid_to", "holder")]
        rights = self._read(parameters, "RIGHTS", context, feedback, rights_fields, target)
        if feedback.isCanceled():
            return {}
        licences = core.LicenceSet(
            rights.geometries,
            rights.attributes[rights_fields[0]],
            rights.attributes[rights_fields[1]],
            rights.attributes[rights_fields[2]],
            rights.attributes[rights_fields[3]] if rights_fields[3] else None,
        )
        zones = self._zones(parameters, context, feedback, target, core)
        previous = self._previous(parameters, context, feedback, target, core, date_field)
        cases = self._cases(parameters, context, core)
        if feedback.isCanceled():
            return {}

        ids = patches.attributes.get(id_name) if id_name else None
        if ids is not None:
            ids = [f"{v}" if v not in (None, "") else tr("fid {fid}").format(fid=fid) for v, fid in zip(ids, patches.fids)]
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
                date_label=date_field or core.DEFAULT_DATE_FIELD,
                progress=lambda p: feedback.setProgress(5 + 0.85 * p),
                is_canceled=feedback.isCanceled,
            )
        except core.PrejudgeCanceled:
            return {}
        except core.PrejudgeError as error:
            raise QgsProcessingException(str(error)) from error
        for warning in result.warnings:
            feedback.pushWarning(warning)

        feedback.setProgressText(tr("Writing the pre-judged patches"))
        row_of = {int(fid): k for k, fid in enumerate(patches.fids)}
        destination = self._fast_destination(parameters, patches)
        if destination is not None:
            dest = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
            self._write_gpkg(dest, patches, result, row_of, feedback)
            self._summary(result, feedback)
            return {"OUTPUT": dest}
        return self._write_sink(parameters, context, feedback, patches_source, result, row_of)

    # ------------------------------------------------------------------ CRS

    def _analysis_crs(self, patches_source, rights_source, context, feedback) -> QgsCoordinateReferenceSystem:
        from ..analysis.prejudge import PrejudgeError, gk_epsg

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
        try:
            epsg = gk_epsg(extent.center().x())
        except PrejudgeError as error:
            raise QgsProcessingException(str(error)) from error
        target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        feedback.pushInfo(
            tr("Geographic coordinates projected to {crs} to measure areas.").format(crs=target.authid())
        )
        return target

    # ------------------------------------------------------------------ reading

    def _ogr_location(self, parameters, name, context):
        """(path, layer name) of a layer OGR can read in bulk as the parameter asks, else None."""
        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            if value.selectedFeaturesOnly or getattr(value, "featureLimit", -1) not in (-1, None):
                return None
            if getattr(value, "filterExpression", ""):
                return None
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None or layer.providerType() != "ogr" or layer.subsetString():
            return None
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path or not Path(path).is_file():
            return None
        return path, parts.get("layerName") or None, parts.get("layerId"), layer.crs()

    def _read(self, parameters, name, context, feedback, fields, target) -> _LayerData:
        wanted = [f for f in dict.fromkeys(fields) if f]
        location = self._ogr_location(parameters, name, context)
        if location is not None and location[3] == target:
            data = self._read_ogr(location, wanted)
            if data is not None:
                return data
        return self._read_qgis(parameters, name, context, feedback, wanted, target)

    def _read_ogr(self, location, wanted) -> _LayerData | None:
        import shapely
        from osgeo import gdal, ogr

        path, layer_name, layer_id, _ = location
        if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
            return None  # GDAL < 3.6
        try:
            gdal.UseExceptions()
            dataset = ogr.Open(path)
            if layer_name:
                layer = dataset.GetLayerByName(layer_name)
            else:
                layer = dataset.GetLayer(int(layer_id) if layer_id not in (None, "") else 0)
            if layer is None or ogr.GT_IsNonLinear(layer.GetGeomType()):
                return None
            defn = layer.GetLayerDefn()
            names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
            layer.SetIgnoredFields([n for n in names if n not in wanted])
            fid_column = layer.GetFIDColumn() or "OGC_FID"
            geometry_column = layer.GetGeometryColumn() or "wkb_geometry"
            fids, wkbs, columns = [], [], {n: [] for n in wanted}
            for batch in layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"]):
                fids.append(np.asarray(batch[fid_column]))
                wkbs.append(np.ma.filled(batch[geometry_column], None) if np.ma.isMaskedArray(batch[geometry_column])
                            else batch[geometry_column])
                for n in wanted:
                    values = batch[n]
                    values = np.ma.filled(values.astype(object), None) if np.ma.isMaskedArray(values) else values
                    columns[n].extend(
                        v.decode("utf-8", "replace") if isinstance(v, bytes) else
                        (v.item() if isinstance(v, np.generic) else v)
                        for v in values
                    )
            dataset = None
        except (RuntimeError, KeyError, ValueError, TypeError):
            return None
        fids = np.concatenate(fids) if fids else np.zeros(0, dtype=np.int64)
        wkb = np.concatenate(wkbs) if wkbs else np.zeros(0, dtype=object)
        present = np.array([w is not None and len(w) > 0 for w in wkb], dtype=bool)
        geometries = np.full(len(wkb), None, dtype=object)
        try:
            geometries[present] = shapely.from_wkb(wkb[present])
        except shapely.errors.GEOSException:
            return None
        return _LayerData(fids, geometries, columns, fast=True)

    def _read_qgis(self, parameters, name, context, feedback, wanted, target) -> _LayerData:
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
            source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidation)
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
        return _LayerData(np.array(fids, dtype=np.int64), geometries, columns, fast=False)

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
        field = core.find_column(names, "year") or core.find_column(
            names, date_field or core.DEFAULT_DATE_FIELD, "date_after", "date"
        )
        if field is None:
            raise QgsProcessingException(
                tr("The earlier patches lack a year field (or a date field to take it from).")
            )
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

    def _fast_destination(self, parameters, patches: _LayerData) -> str | None:
        """The .gpkg path when the output can be written by copying the patch file, else None."""
        if not getattr(self, "_patch_location", None):
            return None
        text = self._destination_text(parameters.get("OUTPUT"))
        if not text or not text.lower().endswith(".gpkg") or "|" in text or text.startswith(("ogr:", "memory:")):
            return None
        return text

    def _write_gpkg(self, dest: str, patches: _LayerData, result, row_of, feedback) -> None:
        from osgeo import gdal

        from ..analysis.prejudge import OUTPUT_FIELDS

        path, layer_name, layer_id, _ = self._patch_location
        target = Path(dest)
        if target.exists():
            target.unlink()
        out_layer = target.stem
        preserve = path.lower().endswith(".gpkg")
        options = gdal.VectorTranslateOptions(
            format="GPKG",
            layers=[layer_name] if layer_name else None,
            layerName=out_layer,
            options=["-preserve_fid"] if preserve else [],
        )
        gdal.UseExceptions()
        source = gdal.OpenEx(path, gdal.OF_VECTOR)
        if not layer_name and layer_id not in (None, ""):
            options = gdal.VectorTranslateOptions(
                format="GPKG",
                layers=[source.GetLayer(int(layer_id)).GetName()],
                layerName=out_layer,
                options=["-preserve_fid"] if preserve else [],
            )
        copied = gdal.VectorTranslate(str(target), source, options=options)
        if copied is None:
            raise QgsProcessingException(tr("Could not write {path}").format(path=dest))
        copied = None
        source = None
        feedback.setProgress(95)

        connection = sqlite3.connect(str(target))
        try:
            _register_gpkg_functions(connection)
            table, fid_column = _gpkg_table(connection, out_layer)
            existing = {row[1].lower(): row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
            columns = []
            for name, kind in OUTPUT_FIELDS:
                if name.lower() not in existing:
                    connection.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {_SQL_TYPES[kind]}')
                    columns.append(name)
                else:
                    columns.append(existing[name.lower()])
            assignments = ", ".join(f'"{c}" = ?' for c in columns)
            statement = f'UPDATE "{table}" SET {assignments} WHERE "{fid_column}" = ?'
            n = len(patches.fids)
            out_fids = patches.fids if preserve else np.arange(1, n + 1)
            values = _column_values(result)
            connection.executemany(
                statement, (tuple(column[k] for column in values) + (int(out_fids[k]),) for k in range(n))
            )
            connection.commit()
        finally:
            connection.close()

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
        sink, dest_id = self.parameterAsSink(
            parameters, "OUTPUT", context, fields, patches_source.wkbType(), patches_source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        values = _column_values(result)
        names = [name for name, _ in OUTPUT_FIELDS]
        total = max(1, len(row_of))
        batch = []
        for k, feature in enumerate(patches_source.getFeatures(QgsFeatureRequest(),
                                                               QgsProcessingFeatureSource.FlagSkipGeometryValidation)):
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
        from ..domain.vocab import label

        counts = {}
        for code in result.columns["prejudgment"]:
            counts[code] = counts.get(code, 0) + 1
        for code, count in sorted(counts.items(), key=lambda item: str(item[0])):
            feedback.pushInfo(
                tr("{label}: {count} patches").format(
                    label=label("prejudgment", code) if code else tr("not pre-judged"), count=count
                )
            )


# ---------------------------------------------------------------------- helpers


def _column_values(result) -> list[list]:
    """The output columns as lists of Python values, in OUTPUT_FIELDS order."""
    from ..analysis.prejudge import OUTPUT_FIELDS

    out = []
    for name, kind in OUTPUT_FIELDS:
        column = result.columns[name]
        if kind == "real":
            array = np.asarray(column, dtype=float)
            values = np.round(array, 4).astype(object)
            values[~np.isfinite(array)] = None
            out.append(values.tolist())
        elif kind == "integer":
            array = np.asarray(column, dtype=np.int64)
            values = array.astype(object)
            values[array < 0] = None
            out.append(values.tolist())
        elif kind == "boolean":
            out.append([None if v is None else bool(v) for v in column])
        else:
            out.append([None if v is None else str(v) for v in column])
    return out


def _register_gpkg_functions(connection: sqlite3.Connection) -> None:
    """The SQL functions GeoPackage triggers name (GDAL provides them; plain sqlite3 does not).

    Our UPDATE never changes the geometry or the fid, so the R-tree triggers
    that call these never fire; they only have to exist for the statement to
    compile. They are still correct, from the GeoPackage header of the blob.
    """
    import struct

    def header(blob):
        if blob is None or len(blob) < 8 or blob[:2] != b"GP":
            return None, None
        flags = blob[3]
        empty = bool(flags & 0x10)
        little = bool(flags & 0x01)
        env = (flags >> 1) & 0x07
        if env == 0:
            return empty, None
        box = struct.unpack(("<" if little else ">") + "4d", blob[8:40])
        return empty, box

    def is_empty(blob):
        empty, _ = header(blob)
        return None if empty is None else int(empty)

    def coordinate(index):
        def function(blob):
            _, box = header(blob)
            if box is None:
                import shapely

                if blob is None:
                    return None
                flags = blob[3]
                env = (flags >> 1) & 0x07
                size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(env, 0)
                geometry = shapely.from_wkb(bytes(blob[8 + size:]))
                minx, miny, maxx, maxy = geometry.bounds
                box = (minx, maxx, miny, maxy)
            return box[index]

        return function

    connection.create_function("ST_IsEmpty", 1, is_empty)
    connection.create_function("ST_MinX", 1, coordinate(0))
    connection.create_function("ST_MaxX", 1, coordinate(1))
    connection.create_function("ST_MinY", 1, coordinate(2))
    connection.create_function("ST_MaxY", 1, coordinate(3))


def _gpkg_table(connection: sqlite3.Connection, layer: str) -> tuple[str, str]:
    row = connection.execute(
        "SELECT table_name FROM gpkg_contents WHERE lower(table_name) = lower(?)", (layer,)
    ).fetchone()
    if row is None:
        row = connection.execute("SELECT table_name FROM gpkg_contents LIMIT 1").fetchone()
    table = row[0]
    fid_column = "fid"
    for info in connection.execute(f'PRAGMA table_info("{table}")'):
        if info[5] == 1:  # primary key
            fid_column = info[1]
            break
    return table, fid_column

