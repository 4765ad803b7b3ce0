"""The plugin's docked panels, built in one place so plugin.py stays small."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDockWidget, QWidget

from .context import PluginContext


def create_docks(context: PluginContext, parent: QWidget) -> list[QDockWidget]:
    """Every dock of the plugin, in menu order."""
    from .patches_dock import PatchesDock
    from .rights_dock import RightsDock

    return [RightsDock(context, parent), PatchesDock(context, parent)]
