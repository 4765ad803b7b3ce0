"""minesupervision:createdatabase — an empty supervision database with the whole schema."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
)

from ..i18n import tr
from ..store.database import create_database
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
        target = self.parameterAsFileOutput(parameters, "DATABASE", context)
        crs = self.parameterAsCrs(parameters, "CRS", context)
        epsg = crs.postgisSrid() if crs.isValid() else DEFAULT_CRS_EPSG
        with processing_errors():
            location = create_database(target, epsg)
        from ..store.schema import SCHEMA_VERSION

        feedback.pushInfo(tr("Created {path}").format(path=location))
        return {"DATABASE": location, "SCHEMA_VERSION": str(SCHEMA_VERSION)}
