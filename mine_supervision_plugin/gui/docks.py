"""The plugin's docked panels, built in one place so plugin.py stays small.

Every panel's contents scroll (a QScrollArea around them) and plugin.py tabifies the
panels in the right dock area, so that they fit a 1366 × 768 laptop screen.
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from .context import PluginContext


def create_docks(context: PluginContext, parent: QWidget) -> list[QDockWidget]:
    """Every dock of the plugin, in menu order."""
    from .imagery_compare import ImageryCompareDock
    from .rights_dock import RightsDock

    docks: list[QDockWidget] = [RightsDock(context, parent)]
    # The patch panel runs the workflow through the store, which needs shapely;
    # without it the panel is left out and the message bar says what to install.
    if context.dependencies.available("analysis"):
        from .patches_dock import PatchesDock

        patches = PatchesDock(context, parent)
        patches.setWindowIcon(QIcon(str(icon_path("patches.svg"))))
        docks.append(patches)
    imagery = ImageryCompareDock(context, parent)
    imagery.setWindowIcon(QIcon(str(icon_path("imagery_compare.svg"))))
    docks.append(imagery)
    if context.dependencies.available("analysis"):  # the zones' compliance needs pandas and shapely
        from .zones_dock import ZonesDock

        docks.append(ZonesDock(context, parent))
    if context.dependencies.available("analysis"):  # the survey comparison needs shapely as the patches do
        from .survey_dock import SurveyDock

        docks.append(SurveyDock(context, parent))
    for dock in docks:
        make_scrollable(dock)
    return docks


def make_scrollable(dock: QDockWidget) -> QScrollArea | None:
    """Put the dock's contents in a scroll area: a short screen scrolls them instead of growing the window."""
    body = dock.widget()
    if body is None or isinstance(body, QScrollArea):
        return None
    area = QScrollArea(dock)
    area.setObjectName(f"{dock.objectName()}Scroll")
    area.setFrameShape(QFrame.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(body)
    dock.setWidget(area)
    return area


def icon_path(name: str) -> Path:
    """An icon under resources/icons, in the installed plugin or the source tree."""
    package = Path(__file__).resolve().parent.parent
    for base in (package / "resources", package.parent / "resources"):
        if (base / "icons" / name).exists():
            return base / "icons" / name
    return package / "resources" / "icons" / name
