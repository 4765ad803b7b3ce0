"""minesupervision:createdatabase — an empty supervision database with the whole schema."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
)

from ..connections import create_store, resolve
from ..i18n import tr
from ..store.schema import DEFAULT_CRS_EPSG
from .base import MineSupervisionAlgorithm, processing_errors


class CreateDatabaseAlgorithm(MineSupervisionAlgorithm):
    NAME = "createdatabase"

    def displayName(self) -> str:
        return tr("Create supervision database")

    def shortHelpString(self) -> str:
        return tr(
            "Creates an empty supervision database (GeoPackage) holding every table of the schema: "
            "mining rights, parcels, corners, monitoring zones, patches and their workflow log, inspections, "
            "photos, corner checks, survey extents, notices, the problem ledger and the audit log."
        ) + "\n\n" + tr(
            "DATABASE is a new .gpkg file, or an existing empty PostgreSQL database with PostGIS: the name of a "
            "QGIS PostgreSQL connection, service=…, or dbname=… host=… port=… user=…. The schema is created in "
            "one transaction; a database that already holds one is never overwritten."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "DATABASE", tr("Supervision database"), tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                "CRS", tr("Coordinate reference system"), QgsCoordinateReferenceSystem(f"EPSG:{DEFAULT_CRS_EPSG}")
            )
        )
        self.addOutput(QgsProcessingOutputString("SCHEMA_VERSION", tr("Schema version")))

    def processAlgorithm(self, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, "CRS", context)
        epsg = crs.postgisSrid() if crs.isValid() else DEFAULT_CRS_EPSG
        raw = parameters.get("DATABASE")
        with processing_errors():
            # a PostgreSQL connection is taken as typed: as a file name it would gain a .gpkg
            if isinstance(raw, str) and resolve(raw).is_postgres:
                created = create_store(raw, epsg)
            else:
                created = create_store(self.parameterAsFileOutput(parameters, "DATABASE", context), epsg)
        from ..store.schema import SCHEMA_VERSION

        feedback.pushInfo(tr("Created {path}").format(path=created.reference))
        return {"DATABASE": created.reference, "SCHEMA_VERSION": str(SCHEMA_VERSION)}
