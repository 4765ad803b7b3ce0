"""State shared by the plugin's GUI pieces: the open database, user messages, the selection colour."""

from __future__ import annotations

from qgis.core import Qgis, QgsProject
from qgis.gui import QgsMessageBar, QgsMessageBarItem
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..connections import open_store
from ..deps import DependencyReport
from ..i18n import tr
from ..store.database import StoreError, SupervisionStore
from ..store.project import database_of_project

MESSAGE_TITLE_CONTEXT = "Mine supervision"
# QGIS 3.22 has no per-layer selection symbol: the canvas fills a selected polygon with its selection
# colour (the outline keeps the layer's own colour). A faint, see-through yellow keeps the imagery under a
# selected patch or licence readable, in the main map while a database is open and in the imagery views.
SEE_THROUGH_SELECTION = QColor(255, 230, 0, 45)


def see_through_selection() -> QColor:
    return QColor(SEE_THROUGH_SELECTION)


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
        self._pushed: list = []  # our message bar items still shown, to clear when a later action succeeds
        self._user_selection_colour: QColor | None = None
        project = QgsProject.instance()
        if hasattr(project, "selectionColorChanged"):
            project.selectionColorChanged.connect(self._project_selection_colour_changed)

    def set_store(self, store: SupervisionStore | None) -> None:
        self.store = store
        self.apply_selection_colour(store is not None)
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
        if self.store is not None and self.store.kept_reference == location:
            return
        try:
            self.set_store(open_store(location, ask_password=True))
        except StoreError as error:
            self.error(str(error))
            self.set_store(None)

    # -- selection colour ------------------------------------------------------------------
    def _main_canvas(self):
        canvas = self.iface.mapCanvas() if self.iface is not None and hasattr(self.iface, "mapCanvas") else None
        # a context can outlive the canvas it was made for (QGIS shutting down, a test's window gone)
        return None if canvas is None or sip.isdeleted(canvas) else canvas

    def apply_selection_colour(self, see_through: bool) -> None:
        """See-through selection on the main map while a database is open; the user's colour back otherwise."""
        canvas = self._main_canvas()
        if canvas is None or not hasattr(canvas, "setSelectionColor"):
            return
        if see_through:
            if self._user_selection_colour is None:
                self._user_selection_colour = QColor(canvas.selectionColor())
            canvas.setSelectionColor(see_through_selection())
        elif self._user_selection_colour is not None:
            canvas.setSelectionColor(self._user_selection_colour)
            self._user_selection_colour = None
        canvas.refresh()

    def _project_selection_colour_changed(self) -> None:
        """QGIS puts the project's selection colour on its canvases: remember it as the user's, keep ours on top."""
        if self._user_selection_colour is None or sip.isdeleted(self):
            return
        self._user_selection_colour = QColor(QgsProject.instance().selectionColor())
        canvas = self._main_canvas()
        if canvas is not None:
            canvas.setSelectionColor(see_through_selection())

    def shutdown(self) -> None:
        """On unload: the user's selection colour back, our messages taken off the bar, signals disconnected."""
        project = QgsProject.instance()
        if hasattr(project, "selectionColorChanged"):
            try:
                project.selectionColorChanged.disconnect(self._project_selection_colour_changed)
            except (TypeError, RuntimeError):
                pass
        self.apply_selection_colour(False)
        self.clear_messages()

    # -- messages ----------------------------------------------------------------------------
    def _push(self, text: str, level, duration: int) -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is None:
            return
        if not isinstance(bar, QgsMessageBar):  # a stand-in (tests) with pushMessage only
            bar.pushMessage(tr("Mine supervision"), text, level=level, duration=duration)
            return
        item = QgsMessageBarItem(tr("Mine supervision"), text, level, duration)
        bar.pushItem(item)
        self._pushed = [i for i in self._pushed if not sip.isdeleted(i)]
        self._pushed.append(item)

    def clear_messages(self, levels: tuple = (Qgis.Info, Qgis.Warning, Qgis.Critical, Qgis.Success)) -> None:
        """Take the plugin's own earlier messages of ``levels`` off the message bar (others' stay)."""
        bar = self.iface.messageBar() if self.iface is not None else None
        kept = []
        for item in self._pushed:
            if sip.isdeleted(item):
                continue
            if item.level() in levels and isinstance(bar, QgsMessageBar):
                bar.popWidget(item)
            else:
                kept.append(item)
        self._pushed = kept

    def info(self, text: str) -> None:
        self._push(text, Qgis.Info, 5)

    def success(self, text: str, *, clear: bool = True) -> None:
        """A success: the plugin's earlier refusals and warnings go from the bar (``clear=False``: they stay)."""
        if clear:
            self.clear_messages()
        self._push(text, Qgis.Success, 5)

    def warning(self, text: str) -> None:
        self._push(text, Qgis.Warning, 10)

    def error(self, text: str) -> None:
        self._push(text, Qgis.Critical, 0)
