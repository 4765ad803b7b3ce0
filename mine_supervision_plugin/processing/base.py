"""Shared base of the plugin's Processing algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm

from ..i18n import tr


class MineSupervisionAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, and implement displayName/shortHelpString."""

    NAME = ""

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return tr("Mine supervision")

    def groupId(self) -> str:
        return "minesupervision"

    def createInstance(self):
        return type(self)()
