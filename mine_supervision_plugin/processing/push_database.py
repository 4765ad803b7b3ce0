"""minesupervision:pushdatabase — a supervision GeoPackage pushed into an empty shared PostGIS database."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFile

from ..connections import resolve
from ..i18n import tr
from .base import DATABASE, MineSupervisionAlgorithm, database_file_filter, processing_errors


class PushDatabaseAlgorithm(MineSupervisionAlgorithm):
    NAME = "pushdatabase"

    def displayName(self) -> str:
        return tr("Push a GeoPackage into the shared database")

    def shortHelpString(self) -> str:
        return tr(
            "Copies every table of a supervision GeoPackage (licences, patches and their workflow log, patrols, "
            "notices, the ledger, the audit log, the document-number counters) into an empty PostgreSQL/PostGIS "
            "database, in one transaction: everything arrives, with the counts checked, or nothing does. "
            "DATABASE is the name of a QGIS PostgreSQL connection, service=… or dbname=… host=… port=… user=…; "
            "its schema is created when it has none. The GeoPackage is only read."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", tr("Supervision GeoPackage"), behavior=QgsProcessingParameterFile.File,
            fileFilter=tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterFile(
            DATABASE, tr("Shared database (PostgreSQL connection)"), behavior=QgsProcessingParameterFile.File,
            fileFilter=database_file_filter()))
        self.addOutput(QgsProcessingOutputNumber("ROWS", tr("Rows pushed")))
        self.addOutput(QgsProcessingOutputString("DATABASE", tr("Shared database")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..store.transfer import push_database

        source = self.parameterAsFile(parameters, "INPUT", context)
        with processing_errors():
            target = resolve(self.parameterAsFile(parameters, DATABASE, context))
            report = push_database(source, target.location, progress=feedback.setProgress)
        for table, count in report.counts.items():
            if count:
                feedback.pushInfo(tr("{table}: {count} rows").format(table=table, count=count))
        feedback.pushInfo(tr("{count} rows pushed into {database}.").format(count=report.total, database=target.reference))
        return {"ROWS": report.total, DATABASE: target.reference}
