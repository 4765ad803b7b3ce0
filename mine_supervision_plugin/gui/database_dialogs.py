"""The New… and Open… supervision database actions.

The database's layers are added to the current project in their own group (a previous
supervision database's group is replaced; the user's imagery and other layers stay). When
the project has unsaved changes the user is asked first: save, continue, or cancel.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMessageBox

from .. import settings
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore, create_database, open_database
from ..store.project import load_into_project
from ..store.schema import DEFAULT_CRS_EPSG
from .context import PluginContext

LAST_FOLDER_KEY = settings.LAST_FOLDER.key
SAVE_PROMPT_NAME = "MineSupervisionSaveProjectPrompt"


def ask_to_save_project(context: PluginContext, project: QgsProject | None = None) -> bool:
    """When the project has unsaved changes: Save (QGIS's own save), Continue without saving, or Cancel.

    Returns False when the user cancelled (here or in QGIS's save dialog): then nothing may change.
    """
    project = project or QgsProject.instance()
    if not project.isDirty():
        return True
    box = QMessageBox(
        QMessageBox.Question,
        tr("Unsaved changes"),
        tr("The current project has unsaved changes. Save them first?\n\n"
           "The supervision database's layers are added to this project in their own group; "
           "your other layers stay."),
        QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
        context.iface.mainWindow(),
    )
    box.setObjectName(SAVE_PROMPT_NAME)
    box.button(QMessageBox.Discard).setText(tr("Continue without saving"))
    box.setDefaultButton(QMessageBox.Save)
    answer = box.exec_()
    if answer == QMessageBox.Save:
        context.iface.actionSaveProject().trigger()  # asks for a file name when the project has none
        return not project.isDirty()  # the user cancelled QGIS's save dialog
    return answer == QMessageBox.Discard


def open_and_load(context: PluginContext, location: str, project: QgsProject | None = None) -> SupervisionStore | None:
    """Open (and migrate) a database, add its layers to the project; messages go to the message bar."""
    try:
        store = open_database(location)
    except StoreError as error:
        context.error(str(error))
        return None
    load_into_project(store, project, clear=False)
    context.clear_messages()  # the refusals before this success; the store's own notes (set_store) stay
    context.set_store(store)
    if store.migrated_from is not None:
        context.info(
            tr("{path} was upgraded from schema {old} to {new}.").format(
                path=location, old=store.migrated_from, new=store.schema_version
            )
        )
    else:
        context.success(tr("Opened {path}.").format(path=location), clear=False)
    return store


def create_and_load(context: PluginContext, location: str, crs_epsg: int = DEFAULT_CRS_EPSG) -> SupervisionStore | None:
    """Create a new database, then open it as the project."""
    try:
        created = create_database(location, crs_epsg)
    except StoreError as error:
        context.error(str(error))
        return None
    return open_and_load(context, created)


class NewDatabaseDialog(QDialog):
    """Asks for the file and the coordinate reference system of a new database."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New supervision database"))
        layout = QFormLayout(self)
        self.file_widget = QgsFileWidget(self)
        self.file_widget.setStorageMode(QgsFileWidget.SaveFile)
        self.file_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.file_widget.setDefaultRoot(settings.LAST_FOLDER.value(str(Path.home())))
        layout.addRow(tr("File"), self.file_widget)
        self.crs_widget = QgsProjectionSelectionWidget(self)
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{DEFAULT_CRS_EPSG}"))
        layout.addRow(tr("Coordinate reference system"), self.crs_widget)
        hint = QLabel(
            tr("Use the CGCS2000 Gauss–Krüger zone of your county, e.g. EPSG:4526 for zone 38 with the zone prefix.")
        )
        hint.setWordWrap(True)
        layout.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


def new_database_interactive(context: PluginContext) -> SupervisionStore | None:
    if not ask_to_save_project(context):
        return None
    dialog = NewDatabaseDialog(context.iface.mainWindow())
    if dialog.exec_() != QDialog.Accepted or not dialog.file_widget.filePath():
        return None
    location = dialog.file_widget.filePath()
    settings.LAST_FOLDER.set_value(str(Path(location).parent))
    crs = dialog.crs_widget.crs()
    return create_and_load(context, location, crs.postgisSrid() if crs.isValid() else DEFAULT_CRS_EPSG)


def open_database_interactive(context: PluginContext) -> SupervisionStore | None:
    if not ask_to_save_project(context):
        return None
    folder = settings.LAST_FOLDER.value(str(Path.home()))
    location, _ = QFileDialog.getOpenFileName(
        context.iface.mainWindow(), tr("Open supervision database"), folder, tr("GeoPackage (*.gpkg)")
    )
    if not location:
        return None
    settings.LAST_FOLDER.set_value(str(Path(location).parent))
    return open_and_load(context, location)
