"""minesupervision:importpatrols — patrols from GPX tracks / flight logs and a photo folder into the database."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, QVariant

from ..domain.vocab import VOCABULARIES, display_label
from ..i18n import tr
from ..store.inspections import MATCH_DISTANCE_M, import_patrols
from .base import MineSupervisionAlgorithm, processing_errors, push_warnings, qdate, qgs_fields, qgs_geometry

KINDS: list[str] = list(VOCABULARIES["inspection_kind"])

_OUTPUT_FIELDS = (
    ("inspection_id", QVariant.LongLong),
    ("inspection_no", QVariant.String),
    ("inspection_date", QVariant.Date),
    ("started_at", QVariant.DateTime),
    ("ended_at", QVariant.DateTime),
    ("kind", QVariant.String),
    ("inspectors", QVariant.String),
    ("license_no", QVariant.String),
    ("license_nos", QVariant.String),
    ("matched_by", QVariant.String),
    ("photos", QVariant.Int),
    ("route_source", QVariant.String),
    ("route_length_m", QVariant.Double),
    ("source_file", QVariant.String),
)


def _qdatetime(value):
    return QDateTime(value) if value is not None else None


class ImportPatrolsAlgorithm(MineSupervisionAlgorithm):
    NAME = "importpatrols"

    def displayName(self) -> str:
        return tr("Import patrols (GPX, flight logs, photos)")

    def shortHelpString(self) -> str:
        return tr(
            "Records patrols in the supervision database from GPX files (tracks or routes, GPX 1.1 or 1.0) or drone "
            "flight logs (CSV with latitude, longitude and time columns), one file or a folder of them: each track, "
            "route or log becomes an inspection with its route line, date and start/end time. Each patrol is matched "
            "to the mines whose licence numbers its name, description or file name carries, else to every licence "
            "its route passes within MATCH_DISTANCE metres. Photos of the optional PHOTOS folder are placed by their "
            "EXIF GPS position, linked to the patrol whose time they were taken in, and copied into the folder "
            "<database name>_attachments beside the database (linked by relative path, so the folder can be moved). "
            "Photos without GPS are kept unplaced, never dropped. Files that cannot be read are refused one by one, "
            "each named; everything else is written in one transaction."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "INPUT",
                tr("GPX file, flight log (CSV) or a folder of them"),
                behavior=QgsProcessingParameterFile.File,
                # "All files (*)" lets a folder path through the parameter check as well.
                fileFilter=tr("Patrol routes (*.gpx *.GPX *.csv *.CSV);;All files (*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "PHOTOS", tr("Photo folder"), behavior=QgsProcessingParameterFile.Folder, optional=True
            )
        )
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "KIND",
                tr("Inspection kind (unless a route's description says another)"),
                options=[f"{code} — {display_label('inspection_kind', code)}" for code in KINDS],
                defaultValue=0,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterString("INSPECTORS", tr("Inspectors"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                "MATCH_DISTANCE",
                tr("Match a route to the licences it passes within (m)"),
                type=QgsProcessingParameterNumber.Double,
                defaultValue=MATCH_DISTANCE_M,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Patrol routes"), type=QgsProcessing.TypeVectorLine)
        )
        for name, description in (
            ("FILES_READ", tr("Number of files read")),
            ("FILES_REFUSED", tr("Number of files or routes refused")),
            ("PATROLS", tr("Number of patrols recorded")),
            ("MINES", tr("Number of mines patrolled")),
            ("PHOTOS_PLACED", tr("Number of photos placed on the map")),
            ("PHOTOS_UNPLACED", tr("Number of photos kept without a GPS position")),
            ("PHOTOS_UNASSIGNED", tr("Number of photos that fit no patrol")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, "INPUT", context)
        photos = self.parameterAsFile(parameters, "PHOTOS", context) or None
        kind = KINDS[self.parameterAsEnum(parameters, "KIND", context)] if parameters.get("KIND") not in (None, "") else "patrol"
        inspectors = self.parameterAsString(parameters, "INSPECTORS", context).strip() or None
        distance = self.parameterAsDouble(parameters, "MATCH_DISTANCE", context)
        store = self.open_store(parameters, context)
        push_warnings(feedback, store.notes)
        with processing_errors():
            report = import_patrols(
                store, path, photos, kind=kind, inspectors=inspectors, match_distance_m=distance
            )
        push_warnings(feedback, report.refused)
        push_warnings(feedback, report.skipped)
        push_warnings(feedback, report.warnings)

        fields = qgs_fields(_OUTPUT_FIELDS)
        sink, dest_id = self.sink_or_fail(
            parameters, "OUTPUT", context, fields, QgsWkbTypes.LineString,
            QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}"),
        )
        for record in report.inspections:
            feature = QgsFeature(fields)
            values = dict(record, inspection_id=record["fid"], license_nos=",".join(record["license_nos"]))
            for name, _kind in _OUTPUT_FIELDS:
                value = values.get(name)
                if name == "inspection_date":
                    value = qdate(value)
                elif name in ("started_at", "ended_at"):
                    value = _qdatetime(value)
                feature[name] = value
            feature.setGeometry(qgs_geometry(record["geometry"]))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.pushInfo(
            tr("{patrols} patrols of {mines} mines recorded in {database}; photos: {placed} placed, {unplaced} without "
               "GPS position, {unassigned} fitting no patrol.").format(
                patrols=len(report.inspections), mines=len(report.mines), database=store.shown,
                placed=len(report.photos_placed), unplaced=len(report.photos_unplaced),
                unassigned=len(report.photos_unassigned),
            )
        )
        return {
            "OUTPUT": dest_id,
            "FILES_READ": report.files_read,
            "FILES_REFUSED": len(report.refused),
            "PATROLS": len(report.inspections),
            "MINES": len(report.mines),
            "PHOTOS_PLACED": len(report.photos_placed),
            "PHOTOS_UNPLACED": len(report.photos_unplaced),
            "PHOTOS_UNASSIGNED": len(report.photos_unassigned),
        }
