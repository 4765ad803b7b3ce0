"""The Processing provider ``minesupervision``: thin wrappers over the core."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr

PROVIDER_ID = "minesupervision"


def _algorithm_classes() -> list[type]:
    # Imported here so that loading the plugin does not import analysis code
    # (and its optional dependencies) before Processing asks for it.
    from .create_database import CreateDatabaseAlgorithm
    from .export_coordinates import ExportCoordinatesAlgorithm
    from .import_coordinates import ImportCoordinatesAlgorithm
    from .import_patches import ImportPatchesAlgorithm
    from .transition_patches import TransitionPatchesAlgorithm

    return [
        CreateDatabaseAlgorithm,
        ImportPatchesAlgorithm,
        TransitionPatchesAlgorithm,
        ImportCoordinatesAlgorithm,
        ExportCoordinatesAlgorithm,
    ]


class MineSupervisionProvider(QgsProcessingProvider):
    """Registers the plugin's batch algorithms with Processing."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Mine supervision")

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        icon = Path(__file__).resolve().parent.parent / "resources" / "icons" / "mine.svg"
        return QIcon(str(icon)) if icon.exists() else QgsProcessingProvider.icon(self)

    def loadAlgorithms(self) -> None:
        for algorithm_class in _algorithm_classes():
            self.addAlgorithm(algorithm_class())
