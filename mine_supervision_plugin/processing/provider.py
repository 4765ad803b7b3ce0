"""The Processing provider ``minesupervision``: thin wrappers over the core."""

from __future__ import annotations

import importlib
from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..deps import check_dependencies
from ..i18n import tr

PROVIDER_ID = "minesupervision"


# (module, class, feature group): a group whose packages are missing in the
# user's Python is left out of the toolbox instead of breaking the provider.
# To add an algorithm, add one line here.
ALGORITHMS: tuple[tuple[str, str, str | None], ...] = (
    ("create_database", "CreateDatabaseAlgorithm", None),
    ("import_coordinates", "ImportCoordinatesAlgorithm", "analysis"),
    ("export_coordinates", "ExportCoordinatesAlgorithm", "analysis"),
    ("import_patches", "ImportPatchesAlgorithm", "analysis"),
    ("transition_patches", "TransitionPatchesAlgorithm", "analysis"),
    ("prejudge_patches", "PrejudgePatchesAlgorithm", "analysis"),
    ("prejudge_database", "PrejudgeDatabaseAlgorithm", "analysis"),
)


def _algorithm_classes() -> list[type]:
    """The algorithm classes whose dependencies are installed."""
    dependencies = check_dependencies()
    classes = []
    for module_name, class_name, feature in ALGORITHMS:
        if not dependencies.available(feature):
            continue
        module = importlib.import_module(f"{__package__}.{module_name}")
        classes.append(getattr(module, class_name))
    if dependencies.missing:
        QgsMessageLog.logMessage(dependencies.install_hint(), tr("Mine supervision"), Qgis.Warning)
    return classes


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
