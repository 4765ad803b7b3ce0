"""minesupervision:importsurvey — a special survey round from the contractor's files into the database."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain.dates import to_date
from ..domain.vocab import VOCABULARIES
from ..i18n import tr
from ..store.surveys import import_survey
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings, qdate, qgs_fields, qgs_geometry

METHODS: list[str] = list(VOCABULARIES["survey_method"])

_OUTPUT_FIELDS = (
    ("extent_id", QVariant.LongLong),
    ("survey_round", QVariant.String),
    ("license_no", QVariant.String),
    ("matched_by", QVariant.String),
    ("method", QVariant.String),
    ("surveyed_at", QVariant.Date),
    ("surveyor", QVariant.String),
    ("elevation_top_m", QVariant.Double),
    ("elevation_bottom_m", QVariant.Double),
    ("area_m2", QVariant.Double),
    ("source_file", QVariant.String),
    ("source_feature", QVariant.String),
)


class ImportSurveyAlgorithm(MineSupervisionAlgorithm):
    NAME = "importsurvey"

    def displayName(self) -> str:
        return tr("Import a special survey round (GeoPackage, shapefile, GeoJSON, DXF)")

    def shortHelpString(self) -> str:
        return tr(
            "Records a special survey round (e.g. 2026-1) in the supervision database: the measured extents of the "
            "mines from a file or a folder of files (GeoPackage, shapefile, GeoJSON, DXF). In a DXF, closed polylines "
            "become extents (choose the drawing layers in LAYERS); open polylines are named by layer and entity "
            "handle. Give the CRS of files that have none (DXF); data in another CRS are reprojected, except Xi'an "
            "1980 / Beijing 1954 data for a CGCS2000 database, which are refused. Invalid geometries are repaired and "
            "named. Elevations of underground workings come from fields (elevation_top_m, elevation_bottom_m) or "
            "from the Z of 3-D polylines. Each extent is matched to a licence by the licence number it carries, else "
            "by location; extents matching none are listed. The round is written in one transaction: a file that "
            "cannot be read refuses it whole."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT", tr("Survey file or folder"), behavior=QgsProcessingParameterFile.File,
                fileFilter=tr("Survey extents (*.gpkg *.shp *.geojson *.json *.dxf *.DXF);;All files (*)"),
            )
        )
        self.addParameter(QgsProcessingParameterString(
            "LAYERS", tr("Layers to read (DXF drawing layers or file layers, comma-separated; empty: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterCrs("CRS", tr("CRS of files without one (DXF)"), optional=True))
        self.addParameter(QgsProcessingParameterString("ROUND", tr("Survey round (e.g. 2026-1)")))
        self.addParameter(
            QgsProcessingParameterEnum(
                "METHOD", tr("Survey method (unless a feature says another)"),
                options=[f"{code} — {label}" for code, label in VOCABULARIES["survey_method"].items()],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString("DATE", tr("Survey date (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString("SURVEYOR", tr("Surveyor"), optional=True))
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Survey extents recorded"), type=QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        for name, description in (
            ("FILES_READ", tr("Number of files read")),
            ("EXTENTS", tr("Number of extents recorded")),
            ("MINES", tr("Number of mines surveyed")),
            ("UNMATCHED", tr("Number of extents matching no licence")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        layers = [name.strip() for name in self.parameterAsString(parameters, "LAYERS", context).split(",")
                  if name.strip()]
        crs = self.parameterAsCrs(parameters, "CRS", context)
        crs_epsg = None
        if crs.isValid():
            crs_epsg = crs.postgisSrid() or None
            if crs_epsg is None:
                raise QgsProcessingException(tr("The CRS {crs} has no EPSG code; choose it by its EPSG code.").format(
                    crs=crs.authid() or crs.description()))
        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)] if parameters.get("METHOD") not in (
            None, "") else None
        date_text = self.parameterAsString(parameters, "DATE", context).strip()
        try:
            surveyed_at = to_date(date_text, strict=True) if date_text else None
        except ValueError as error:
            raise QgsProcessingException(tr("{date} is not a date (YYYY-MM-DD).").format(date=date_text)) from error
        store = self.open_store(parameters, context)
        push_warnings(feedback, store.notes)
        with processing_errors():
            report = import_survey(
                store, path, round_id=self.parameterAsString(parameters, "ROUND", context), method=method,
                surveyed_at=surveyed_at, surveyor=self.parameterAsString(parameters, "SURVEYOR", context).strip() or None,
                layers=layers or None, crs_epsg=crs_epsg,
            )
        push_warnings(feedback, report.warnings)
        dest_id = None
        if parameters.get("OUTPUT"):
            fields = qgs_fields(_OUTPUT_FIELDS)
            sink, dest_id = self.sink_or_fail(parameters, "OUTPUT", context, fields, QgsWkbTypes.MultiPolygon,
                                              QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}"))
            for record in report.extents:
                feature = QgsFeature(fields)
                values = dict(record, extent_id=record["fid"])
                for name, _kind in _OUTPUT_FIELDS:
                    value = values.get(name)
                    feature[name] = qdate(value) if name == "surveyed_at" else value
                feature.setGeometry(qgs_geometry(record["geometry"]))
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.pushInfo(tr("Round {round}: {extents} extents of {mines} mines recorded in {database} "
                             "({unmatched} matching no licence).").format(
            round=report.round_id, extents=len(report.extents), mines=len(report.mines), database=store.shown,
            unmatched=len(report.unmatched)))
        return {"OUTPUT": dest_id, "FILES_READ": report.files_read, "EXTENTS": len(report.extents),
                "MINES": len(report.mines), "UNMATCHED": len(report.unmatched)}
