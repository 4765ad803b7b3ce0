"""minesupervision:checkoutcounty / checkindatabase — a county's copy of the shared database for field work."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..store.checkout import check_in, check_out
from ..store.database import StoreError, open_database
from .base import MineSupervisionAlgorithm, processing_errors, qgs_fields


class CheckoutCountyAlgorithm(MineSupervisionAlgorithm):
    NAME = "checkoutcounty"

    def displayName(self) -> str:
        return tr("Check out a county for field work")

    def shortHelpString(self) -> str:
        return tr(
            "Copies one county of the shared (PostGIS) supervision database into a new GeoPackage for offline field "
            "work: its licences and patches (by administrative code) with their corners, workflow log, patrols, "
            "photos, corner checks, surveys, notices and ledger items, and the key monitoring zones. The checkout "
            "is recorded on the server; bring the copy back with 'Check in a field copy'."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString("COUNTY_CODE", tr("Administrative code of the county")))
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Field copy"), tr("GeoPackage (*.gpkg)"))
        )

    def processAlgorithm(self, parameters, context, feedback):
        server = self.open_store(parameters, context)
        county = self.parameterAsString(parameters, "COUNTY_CODE", context)
        target = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        with processing_errors():
            if not server.is_postgres:
                raise StoreError(tr("Check out works on a shared (PostGIS) database; {path} is a GeoPackage.").format(
                    path=server.location))
            report = check_out(server, county, target)
        for table, count in report.counts.items():
            if count:
                feedback.pushInfo(tr("{table}: {count} rows").format(table=table, count=count))
        feedback.pushInfo(tr("County {county} checked out to {path}").format(county=county, path=report.path))
        return {"OUTPUT": report.path}


class CheckinDatabaseAlgorithm(MineSupervisionAlgorithm):
    NAME = "checkindatabase"

    def displayName(self) -> str:
        return tr("Check in a field copy")

    def shortHelpString(self) -> str:
        return tr(
            "Merges a checked-out GeoPackage back into the shared database in one transaction: fields changed only in "
            "the copy are written; fields changed on both sides to different values are conflicts (the server keeps "
            "its value; the CONFLICTS table lists both values for you to resolve); rows added in the copy are added; "
            "rows deleted in the copy are listed, never deleted. A copy is checked in only once."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "COPY", tr("Field copy"), behavior=QgsProcessingParameterFile.File, fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink("CONFLICTS", tr("Check-in conflicts"), optional=True))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", tr("Rows updated")))
        self.addOutput(QgsProcessingOutputNumber("ADDED", tr("Rows added")))
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", tr("Conflicts")))

    def processAlgorithm(self, parameters, context, feedback):
        server = self.open_store(parameters, context)
        copy_path = self.parameterAsFile(parameters, "COPY", context)
        with processing_errors():
            report = check_in(open_database(copy_path), server)
        fields = qgs_fields(
            (name, QVariant.String)
            for name in ("table_name", "feature_key", "field", "base_value", "copy_value", "server_value")
        )
        results = {
            "UPDATED": sum(report.updated.values()),
            "ADDED": sum(report.added.values()),
            "CONFLICT_COUNT": len(report.conflicts),
        }
        if parameters.get("CONFLICTS"):
            sink, dest_id = self.sink_or_fail(
                parameters, "CONFLICTS", context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
            )
            for conflict in report.conflicts:
                feature = QgsFeature(fields)
                feature.setAttributes([conflict.table, conflict.key, conflict.field, *(
                    None if value is None else str(value) for value in (conflict.base, conflict.local, conflict.server)
                )])
                sink.addFeature(feature)
            results["CONFLICTS"] = dest_id
        for conflict in report.conflicts:
            feedback.reportError(conflict.describe())
        for line in report.deleted_in_copy:
            feedback.pushWarning(tr("Deleted in the copy, kept on the server: {row}").format(row=line))
        feedback.pushInfo(
            tr("Checked in: {updated} rows updated, {added} added, {conflicts} conflicts.").format(
                updated=results["UPDATED"], added=results["ADDED"], conflicts=results["CONFLICT_COUNT"]
            )
        )
        return results
