"""State shared by the plugin's GUI pieces: the open database and user messages."""

from __future__ import annotations

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..deps import DependencyReport
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore, open_database
from ..store.project import database_of_project

MESSAGE_TITLE_CONTEXT = "Mine supervision"


class PluginContext(QObject):
    """The open supervision database and the message bar, shared by docks, tools and actions.

    ``storeChanged`` is emitted after a database was opened (or closed, with
    ``None``); ``dataChanged`` after the plugin wrote into it, with the table
    name, so docks can reload.
    """

    storeChanged = pyqtSignal(object)
    dataChanged = pyqtSignal(str)

    def __init__(self, iface, dependencies: DependencyReport, parent: QObject | None = None):
        super().__init__(parent)
        self.iface = iface
        self.dependencies = dependencies
        self.store: SupervisionStore | None = None

    def set_store(self, store: SupervisionStore | None) -> None:
        self.store = store
        self.storeChanged.emit(store)
        for note in getattr(store, "notes", None) or ():  # e.g. a crashed writer's change rolled back on opening
            self.warning(note)

    def restore_from_project(self, project: QgsProject | None = None) -> None:
        """When a saved supervision project is opened, reconnect to its database."""
        location = database_of_project(project)
        if not location:
            if self.store is not None:
                self.set_store(None)
            return
        if self.store is not None and self.store.location == location:
            return
        try:
            self.set_store(open_database(location))
        except StoreError as error:
            self.error(str(error))
            self.set_store(None)

    def _push(self, text: str, level, duration: int) -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(tr("Mine supervision"), text, level=level, duration=duration)

    def info(self, text: str) -> None:
        self._push(text, Qgis.Info, 5)

    def success(self, text: str) -> None:
        self._push(text, Qgis.Success, 5)

    def warning(self, text: str) -> None:
        self._push(text, Qgis.Warning, 10)

    def error(self, text: str) -> None:
        self._push(text, Qgis.Critical, 0)
