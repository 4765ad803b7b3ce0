"""The New… and Open… supervision database actions.

The database's layers are added to the current project in their own group (a previous
supervision database's group is replaced; the user's imagery and other layers stay). When
the project has unsaved changes the user is asked first: save, continue, or cancel.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
)

from .. import settings
from ..connections import create_store, open_store, postgres_connection_names
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore
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
        store = open_store(location, ask_password=True)  # the desktop may ask for a missing password
    except StoreError as error:
        context.error(str(error))
        return None
    try:
        load_into_project(store, project, clear=False)
    except RuntimeError as error:  # a layer QGIS could not load (its provider could not connect)
        context.error(str(error))
        return None
    context.clear_messages()  # the refusals before this success; the store's own notes (set_store) stay
    context.set_store(store)
    if store.migrated_from is not None:
        context.info(
            tr("{path} was upgraded from schema {old} to {new}.").format(
                path=store.shown, old=store.migrated_from, new=store.schema_version
            )
        )
    else:
        context.success(tr("Opened {path}.").format(path=store.shown), clear=False)
    return store


def create_and_load(context: PluginContext, location: str, crs_epsg: int = DEFAULT_CRS_EPSG) -> SupervisionStore | None:
    """Create a new database, then open it as the project."""
    try:
        created = create_store(location, crs_epsg, ask_password=True)
    except StoreError as error:
        context.error(str(error))
        return None
    return open_and_load(context, created.reference if created.is_postgres else created.location)


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


SHARED_DIALOG_NAME = "MineSupervisionSharedDatabaseDialog"


class SharedDatabaseDialog(QDialog):
    """Chooses one of QGIS's PostgreSQL connections (Data Source Manager), and whether to create the schema in it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(SHARED_DIALOG_NAME)
        self.setWindowTitle(tr("Connect to shared database"))
        layout = QFormLayout(self)
        self.connection_combo = QComboBox(self)
        self.connection_combo.setObjectName("connection")
        self.connection_combo.addItems(postgres_connection_names())
        layout.addRow(tr("PostgreSQL connection"), self.connection_combo)
        self.create_check = QCheckBox(tr("Create the supervision schema in this empty database"), self)
        self.create_check.setObjectName("create_schema")
        layout.addRow(self.create_check)
        self.crs_widget = QgsProjectionSelectionWidget(self)
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem(f"EPSG:{DEFAULT_CRS_EPSG}"))
        self.crs_widget.setEnabled(False)
        self.create_check.toggled.connect(self.crs_widget.setEnabled)
        layout.addRow(tr("Coordinate reference system"), self.crs_widget)
        hint = QLabel(
            tr("Connections are made in QGIS's Data Source Manager (PostgreSQL). Use an authentication "
               "configuration or a service there: the plugin never stores a password in the project.")
            if self.connection_combo.count()
            else tr("QGIS has no PostgreSQL connection yet: add one in the Data Source Manager (PostgreSQL), "
                    "with an authentication configuration or a service, then come back here.")
        )
        hint.setWordWrap(True)
        layout.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setEnabled(self.connection_combo.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


def connect_shared_database(
    context: PluginContext, name: str, *, create: bool = False, crs_epsg: int = DEFAULT_CRS_EPSG
) -> SupervisionStore | None:
    """Open (after creating its schema when ``create``) the database of QGIS's PostgreSQL connection ``name``."""
    if create:
        return create_and_load(context, name, crs_epsg)
    return open_and_load(context, name)


def connect_shared_database_interactive(context: PluginContext) -> SupervisionStore | None:
    if not ask_to_save_project(context):
        return None
    dialog = SharedDatabaseDialog(context.iface.mainWindow())
    if dialog.exec_() != QDialog.Accepted or not dialog.connection_combo.currentText():
        return None
    crs = dialog.crs_widget.crs()
    return connect_shared_database(
        context, dialog.connection_combo.currentText(), create=dialog.create_check.isChecked(),
        crs_epsg=crs.postgisSrid() if crs.isValid() else DEFAULT_CRS_EPSG,
    )
