"""minesupervision:setattachmentsfolder — where a shared (PostGIS) database keeps its patrol photos."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterFile

from ..i18n import tr
from .base import MineSupervisionAlgorithm, processing_errors


class SetAttachmentsFolderAlgorithm(MineSupervisionAlgorithm):
    NAME = "setattachmentsfolder"

    def displayName(self) -> str:
        return tr("Set the attachments folder of a shared database")

    def shortHelpString(self) -> str:
        return tr(
            "A GeoPackage keeps its patrol photos in a folder beside itself; a shared PostgreSQL/PostGIS database "
            "keeps them in a folder every user reaches (a network share), named here once by its administrator. "
            "Stored photo paths are relative to the folder's parent, so a share mounted elsewhere is set again "
            "here and every link follows."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", tr("Attachments folder (a network share)"), behavior=QgsProcessingParameterFile.Folder))
        self.addOutput(QgsProcessingOutputString("FOLDER", tr("Attachments folder")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..store.inspections import set_attachments_folder

        store = self.open_store(parameters, context)
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        with processing_errors():
            path = set_attachments_folder(store, folder)
        feedback.pushInfo(tr("The photos of {database} are kept in {folder}.").format(database=store.shown, folder=path))
        return {"FOLDER": str(path)}
