"""minesupervision:importpatches — an enforcement patch batch into the supervision database."""

from __future__ import annotations

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain.vocab import VOCABULARIES, display_label
from ..formats.patch_batches import AREA_UNITS, FieldMapping, PatchFormatError, load_saved_mapping, read_patch_batch
from ..i18n import tr
from ..store.patches import add_patches
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings, qdate, qgs_fields, qgs_geometry

SOURCES: list[str] = list(VOCABULARIES["patch_source"])
AREA_UNIT_CHOICES: list[str] = ["auto", *AREA_UNITS]

#: The widget of MAPPING in QGIS's Processing dialog (a WidgetWrapper class or its dotted path), set by the
#: desktop face when QGIS's GUI starts (plugin.py: a table of combo boxes); None, the default, leaves the
#: JSON text box. ``qgis_process`` and scripts never use it: MAPPING stays JSON text for them.
MAPPING_WIDGET_WRAPPER: object | None = None

# Output fields: the stored patch fields a user checks after an import.
_OUTPUT_FIELDS = (
    ("patch_no", QVariant.String),
    ("source", QVariant.String),
    ("year", QVariant.Int),
    ("batch", QVariant.String),
    ("county_code", QVariant.String),
    ("date_before", QVariant.Date),
    ("date_after", QVariant.Date),
    ("area_m2", QVariant.Double),
    ("state", QVariant.String),
)


class ImportPatchesAlgorithm(MineSupervisionAlgorithm):
    NAME = "importpatches"

    def displayName(self) -> str:
        return tr("Import patch batch")

    def shortHelpString(self) -> str:
        return tr(
            "Imports suspect patches (satellite enforcement batch, patrol, tip-off or assigned) from a shapefile, "
            "GeoPackage or GeoJSON into the supervision database, each in state 'issued' with its first workflow "
            "event. The text encoding of shapefiles is detected (.cpg, else UTF-8 / GBK), the usual field names "
            "(TBBH/JCBH/BH, XZQDM, QSX, HSX, JCMJ, TBLX/BZ and their Chinese names) are mapped, and the patches are "
            "reprojected to the database CRS. A file without a CRS is refused. Invalid geometries are repaired and "
            "reported; the import is refused as a whole when patch numbers are missing or already used.\n"
            'MAPPING (optional) is a JSON field mapping, e.g. {"fields": {"patch_no": "WPBH"}, '
            '"area_unit": "mu"}; without it the mapping saved in the plugin settings is used.'
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT",
                tr("Patch batch"),
                behavior=QgsProcessingParameterFile.File,
                fileFilter=tr("Vector files (*.shp *.gpkg *.geojson *.json)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString("LAYER", tr("Layer inside the file (GeoPackage)"), optional=True)
        )
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "SOURCE",
                tr("Patch source"),
                options=[display_label("patch_source", code) for code in SOURCES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "YEAR",
                tr("Year (default: the file's year field, else the after-imagery year)"),
                type=QgsProcessingParameterNumber.Integer,
                optional=True,
                minValue=1990,
                maxValue=2100,
            )
        )
        self.addParameter(QgsProcessingParameterString("BATCH", tr("Batch name"), optional=True))
        mapping = QgsProcessingParameterString("MAPPING", tr("Field mapping (JSON)"), optional=True)
        if MAPPING_WIDGET_WRAPPER is not None:
            mapping.setMetadata({"widget_wrapper": {"class": MAPPING_WIDGET_WRAPPER}})
        self.addParameter(mapping)
        self.addParameter(
            QgsProcessingParameterEnum(
                "AREA_UNIT",
                tr("Unit of the declared area (default: as in the field mapping)"),
                options=AREA_UNIT_CHOICES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Imported patches"), type=QgsProcessing.TypeVectorPolygon)
        )
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Number of patches imported")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        layer_name = self.parameterAsString(parameters, "LAYER", context).strip() or None
        source = SOURCES[self.parameterAsEnum(parameters, "SOURCE", context)]
        year = None
        if parameters.get("YEAR") not in (None, ""):
            year = self.parameterAsInt(parameters, "YEAR", context)
        batch_name = self.parameterAsString(parameters, "BATCH", context).strip() or None
        mapping_text = self.parameterAsString(parameters, "MAPPING", context).strip()
        try:
            mapping = FieldMapping.from_json(mapping_text) if mapping_text else load_saved_mapping()
        except (ValueError, TypeError) as error:
            raise QgsProcessingException(
                tr("The field mapping cannot be read: {reason}").format(reason=error)
            ) from error
        if parameters.get("AREA_UNIT") not in (None, ""):
            mapping.area_unit = AREA_UNIT_CHOICES[self.parameterAsEnum(parameters, "AREA_UNIT", context)]

        store = self.open_store(parameters, context)
        push_warnings(feedback, store.notes)  # e.g. an interrupted change rolled back on opening
        with processing_errors(PatchFormatError):
            batch = read_patch_batch(path, target_epsg=store.crs_epsg, mapping=mapping, layer_name=layer_name)
        feedback.pushInfo(
            tr("{file}: {count} patches, {crs}, {encoding}.").format(
                file=batch.path, count=len(batch.frame), crs=batch.source_crs, encoding=batch.encoding_note
            )
        )
        feedback.pushInfo(
            tr("Fields used: {mapping}").format(
                mapping=", ".join(f"{target} ← {'+'.join(names)}" for target, names in batch.mapping_used.items())
            )
        )
        push_warnings(feedback, batch.warnings)
        if feedback.isCanceled():
            return {}
        with processing_errors():
            report = add_patches(
                store,
                batch.frame,
                source=source,
                year=year,
                batch=batch_name,
                reason=tr("Imported from {file}").format(file=os.path.basename(batch.path)),
                reader_warned=True,
            )
        push_warnings(feedback, report.warnings, skip=batch.warnings)

        fields = qgs_fields(_OUTPUT_FIELDS)
        sink, dest_id = self.sink_or_fail(
            parameters,
            "OUTPUT",
            context,
            fields,
            QgsWkbTypes.MultiPolygon,
            QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}"),
        )
        for record in report.records:
            feature = QgsFeature(fields)
            for name, _kind in _OUTPUT_FIELDS:
                value = record.get(name)
                if name in ("date_before", "date_after"):
                    value = qdate(value)
                feature[name] = value
            if record.get("geometry") is not None:
                feature.setGeometry(qgs_geometry(record["geometry"]))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.pushInfo(
            tr("{count} patches imported into {database}.").format(count=len(report.added), database=store.shown)
        )
        return {"OUTPUT": dest_id, "IMPORTED": len(report.added)}
