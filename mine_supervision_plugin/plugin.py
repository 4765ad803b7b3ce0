"""Builds and tears down the plugin's GUI: translator, menu, toolbar, docks, provider.

Everything ``initGui`` creates is recorded and ``unload`` removes exactly that,
so the plugin can be loaded and unloaded any number of times in one session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar

from . import settings
from .deps import check_dependencies
from .gui.signals import disconnect_all
from .i18n import normalized_locale, tr, translation_candidates

PLUGIN_DIR = Path(__file__).resolve().parent
MENU_OBJECT_NAME = "mMineSupervisionMenu"
TOOLBAR_OBJECT_NAME = "mMineSupervisionToolBar"


def resource_path(*parts: str) -> Path:
    """A file under resources/, in the installed plugin or the source tree."""
    for base in (PLUGIN_DIR / "resources", PLUGIN_DIR.parent / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return PLUGIN_DIR.joinpath("resources", *parts)


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", name)))


def qgis_locale() -> str:
    """QGIS's UI locale as QGIS names it (zh-Hans for Debian's Chinese, en_US, …)."""
    if settings.QGIS_LOCALE_OVERRIDE.value():
        name = settings.QGIS_USER_LOCALE.value()
    else:
        name = QLocale.system().name()
    return name or QLocale.system().name()


def user_locale() -> str:
    """QGIS's UI locale as a Qt locale name such as zh_CN (zh-Hans, zh_CN and zh all give zh_CN)."""
    return normalized_locale(qgis_locale())


def translation_file(locale: str) -> Path | None:
    """The compiled .qm for ``locale`` (zh-Hans / zh_CN / zh → zh_CN; else full name, then language only)."""
    for candidate in translation_candidates(locale):
        for folder in (PLUGIN_DIR / "i18n", PLUGIN_DIR.parent / "i18n"):
            path = folder / f"mine_supervision_{candidate}.qm"
            if path.exists():
                return path
    return None


def qt_translation_missing(locale: str) -> bool:
    """True when QGIS will not have found Qt's own translation (OK / Cancel …) for its locale.

    QGIS loads ``qt_<its locale>.qm``; Debian names its Chinese zh-Hans, for which Qt
    (qttranslations5-l10n) has no file, so Qt's buttons stay English unless we load qt_zh_CN.
    """
    folder = Path(QLibraryInfo.location(QLibraryInfo.TranslationsPath))
    name = qgis_locale()
    if not name or name.startswith(("en", "C")):
        return False
    own = [folder / f"qt_{name}.qm", folder / f"qt_{name.split('_')[0]}.qm"]
    return not any(path.exists() for path in own) and (folder / f"qt_{locale}.qm").exists()


class MineSupervisionPlugin:
    """The plugin object QGIS holds between initGui and unload."""

    def __init__(self, iface):
        self.iface = iface
        self.translator: QTranslator | None = None
        self.qt_translator: QTranslator | None = None
        self.provider = None
        self.context = None
        self.menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.actions: list[QAction] = []
        self.docks: list[QDockWidget] = []
        self._untabified: list[QDockWidget] = []
        self.map_tools: list = []
        self.draw_action: QAction | None = None
        self.corner_action: QAction | None = None
        self.corner_tool = None
        self._task = None
        self._connections: list[tuple[object, Callable]] = []
        self._install_translator()

    # -- translator -------------------------------------------------------
    def _install_translator(self) -> None:
        locale = user_locale()
        path = translation_file(locale)
        if path is not None:
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                self.translator = translator
        if qt_translation_missing(locale):
            qt = QTranslator()
            if qt.load(f"qt_{locale}", QLibraryInfo.location(QLibraryInfo.TranslationsPath)):
                QCoreApplication.installTranslator(qt)
                self.qt_translator = qt

    def _remove_translator(self) -> None:
        for name in ("translator", "qt_translator"):
            translator = getattr(self, name)
            if translator is not None:
                QCoreApplication.removeTranslator(translator)
                setattr(self, name, None)

    # -- Processing ---------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS's name)
        """Register the provider; QGIS also calls this without a GUI (qgis_process)."""
        if self.provider is not None:
            return
        from .processing.provider import MineSupervisionProvider

        self.provider = MineSupervisionProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    @staticmethod
    def _set_dialog_widgets(on: bool) -> None:
        """Our widgets in QGIS's Processing dialogs (the patch field-mapping table); imported by the dialog
        itself when it opens, so qgis_process and a desktop without QGIS's Processing plugin never load them."""
        from .processing import import_patches

        import_patches.MAPPING_WIDGET_WRAPPER = (
            f"{__package__}.gui.field_mapping_widget.FieldMappingWidgetWrapper" if on else None
        )

    # -- GUI ---------------------------------------------------------------
    def _connect(self, signal, slot: Callable) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def add_action(
        self,
        icon_name: str,
        text: str,
        callback: Callable,
        *,
        feature: str | None = None,
        checkable: bool = False,
        toolbar: bool = True,
    ) -> QAction:
        """Create an action in the plugin's menu (and toolbar); disabled when its feature lacks a package."""
        action = QAction(icon(icon_name), text, self.iface.mainWindow())
        action.setCheckable(checkable)
        action.setObjectName("mMineSupervision_" + callback.__name__)
        action.setProperty("ms_feature", feature)
        self._connect(action.triggered, callback)
        if not self.context.dependencies.available(feature):
            action.setEnabled(False)
            action.setToolTip(self.context.dependencies.install_hint())
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def initGui(self) -> None:  # noqa: N802 (QGIS's name)
        from .gui.context import PluginContext

        dependencies = check_dependencies()
        self.context = PluginContext(self.iface, dependencies)
        self.initProcessing()
        self._set_dialog_widgets(True)

        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("&Mine supervision"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        menu_bar = main_window.menuBar()
        before = None
        if hasattr(self.iface, "firstRightStandardMenu") and self.iface.firstRightStandardMenu() is not None:
            before = self.iface.firstRightStandardMenu().menuAction()
        if before is not None:
            menu_bar.insertMenu(before, self.menu)
        else:
            menu_bar.addMenu(self.menu)
        self.toolbar = self.iface.addToolBar(tr("Mine supervision"))
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)

        self.add_action("new_db.svg", tr("New supervision database…"), self.new_database)
        self.add_action("open_db.svg", tr("Open supervision database…"), self.open_database)
        self.add_action("open_db.svg", tr("Connect to shared database…"), self.connect_shared_database, toolbar=False)
        self.add_action("open_db.svg", tr("Resolve check-in conflicts…"), self.resolve_checkin, toolbar=False)
        self.add_action(
            "mine.svg", tr("Import licence coordinates…"), self.import_coordinates, feature="analysis", toolbar=False
        )
        self.add_action("patches.svg", tr("Import patch batch…"), self.import_patches, feature="analysis", toolbar=False)
        self.menu.addSeparator()
        self._create_docks()
        self.menu.addSeparator()
        self.draw_action = self.add_action(
            "draw_patch.svg", tr("Draw patrol patch"), self.draw_patch, feature="analysis", checkable=True
        )
        self.add_action("patches.svg", tr("Record patrol…"), self.record_patrol, feature="analysis", toolbar=False)
        self.corner_action = self.add_action(
            "corner_check.svg", tr("Check boundary corners"), self.check_corners, feature="analysis", checkable=True
        )
        self.add_action(
            "patches.svg", tr("Pre-judge all patches of the database"), self.prejudge_all, feature="analysis",
            toolbar=False,
        )
        self.add_action("open_db.svg", tr("Document settings…"), self.document_settings, toolbar=False)

        self._connect(QgsProject.instance().readProject, self._project_read)
        self._connect(QgsProject.instance().cleared, self._project_cleared)
        self.context.restore_from_project()
        if dependencies.missing:
            self.context.warning(dependencies.install_hint())

    def _create_docks(self) -> None:
        """Docks are built by the gui modules; each registers a toggle action.

        They go into the right dock area tabified (stacked, the three would need a window 1,386 px
        high). QGIS restores its saved window layout after the plugins are loaded, which forgets a
        tabification made here, so each dock joins the tab group of a shown one when it is first shown;
        after that the user's own arrangement is left alone.
        """
        from .gui import docks

        for dock in docks.create_docks(self.context, self.iface.mainWindow()):
            self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
            dock.hide()
            toggle = dock.toggleViewAction()
            toggle.setIcon(dock.windowIcon())
            self._connect(toggle.toggled, lambda checked, shown=dock: self._dock_shown(shown) if checked else None)
            self.menu.addAction(toggle)
            self.toolbar.addAction(toggle)
            self.docks.append(dock)
        self._untabified = list(self.docks)

    def _dock_shown(self, dock: QDockWidget) -> None:
        """Shown (menu, toolbar or code): tabified with our other shown docks the first time, and brought to the front."""
        main_window = self.iface.mainWindow()
        if dock in self._untabified:
            self._untabified.remove(dock)
            area = main_window.dockWidgetArea(dock)
            for other in self.docks:
                if other is not dock and other.isVisible() and not other.isFloating() \
                        and main_window.dockWidgetArea(other) == area:
                    main_window.tabifyDockWidget(other, dock)
                    break
        dock.raise_()
        QTimer.singleShot(0, dock.raise_)  # once Qt has put it back into its tab group

    def unload(self) -> None:
        if self._task is not None:
            try:
                self._task.context = None  # its answer has nowhere to go once the plugin is gone
                self._task.cancel()
            except RuntimeError:
                pass  # already finished and deleted by the task manager
            self._task = None
        disconnect_all(self._connections)
        canvas = self.iface.mapCanvas()
        for tool in self.map_tools:
            if canvas is not None and canvas.mapTool() is tool:
                canvas.unsetMapTool(tool)
            tool.clean_up()
            tool.deleteLater()
        self.map_tools.clear()
        if self.corner_tool is not None:
            if canvas is not None and canvas.mapTool() is self.corner_tool:
                canvas.unsetMapTool(self.corner_tool)
            self.corner_tool.clean_up()
            self.corner_tool.deleteLater()
            self.corner_tool = None
        for dock in self.docks:
            if hasattr(dock, "shutdown"):
                dock.shutdown()
            if hasattr(self.iface, "removeDockWidget"):  # QGIS has it; test stand-ins may not
                self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks.clear()
        self._untabified.clear()
        for action in self.actions:
            action.deleteLater()
        self.actions.clear()
        self.draw_action = None
        self.corner_action = None
        if self.toolbar is not None:
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        self._set_dialog_widgets(False)
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.context is not None:
            self.context.shutdown()
            self.context.deleteLater()
            self.context = None
        self._remove_translator()

    # -- slots ---------------------------------------------------------------
    def _project_read(self, *args) -> None:
        self.context.restore_from_project()

    def _project_cleared(self) -> None:
        if self.context.store is not None:
            self.context.set_store(None)

    def draw_patch(self, checked: bool = True) -> None:
        """Activate the map tool that draws a suspect patch and pre-judges it at once."""
        canvas = self.iface.mapCanvas()
        if not checked:
            if self.map_tools and canvas.mapTool() is self.map_tools[0]:
                canvas.unsetMapTool(self.map_tools[0])
            return
        if self.context.store is None:
            self.draw_action.setChecked(False)
            self.context.warning(tr("Open a supervision database first: the drawn patch is stored in it."))
            return
        if not self.map_tools:
            from .gui.draw_patch_tool import DrawPatchTool

            tool = DrawPatchTool(canvas, self.context)
            tool.setAction(self.draw_action)
            self.map_tools.append(tool)
        canvas.setMapTool(self.map_tools[0])

    def check_corners(self, checked: bool = True) -> None:
        """Activate the boundary-corner check map tool (拐点核查) on a chosen mine."""
        from .gui.corner_check_tool import toggle_corner_tool

        self.corner_tool = toggle_corner_tool(
            self.iface.mapCanvas(), self.context, self.corner_action, self.corner_tool, checked
        )

    def record_patrol(self) -> None:
        from .gui.patrol_dialog import record_patrol_interactive

        record_patrol_interactive(self.context, self.iface.mainWindow())

    def _run_dialog(self, algorithm: str, tables: tuple[str, ...]) -> None:
        """Open a Processing algorithm's dialog on the open database; refresh the layers and docks when it ran."""
        if self.context.store is None:
            self.context.warning(tr("Open a supervision database first."))
            return
        try:
            import processing
        except ImportError:  # the user has switched QGIS's Processing plugin off
            self.context.error(
                tr("This needs QGIS's Processing plugin: enable it in Plugins › Manage and Install Plugins.")
            )
            return

        results = processing.execAlgorithmDialog(f"minesupervision:{algorithm}", {"DATABASE": self.context.store.kept_reference})
        if results:
            from .store.project import find_layer

            for table in tables:
                layer = find_layer(table)
                if layer is not None:
                    layer.reload()  # the provider re-reads what was written outside QGIS
                    layer.triggerRepaint()
                self.context.dataChanged.emit(table)

    def import_coordinates(self) -> None:
        self._run_dialog(
            "importcoordinates", ("mining_rights", "mining_right_parcels", "mining_right_corners", "mining_right_history")
        )

    def import_patches(self) -> None:
        self._run_dialog("importpatches", ("patches", "patch_events"))

    def prejudge_all(self) -> None:
        from .gui.tasks import start_prejudge_database

        self._task = start_prejudge_database(self.context)

    def new_database(self) -> None:
        from .gui.database_dialogs import new_database_interactive

        new_database_interactive(self.context)

    def open_database(self) -> None:
        from .gui.database_dialogs import open_database_interactive

        open_database_interactive(self.context)

    def document_settings(self) -> None:
        from .gui.document_settings import edit_document_settings

        edit_document_settings(self.context)

    def connect_shared_database(self) -> None:
        from .gui.database_dialogs import connect_shared_database_interactive

        connect_shared_database_interactive(self.context)

    def resolve_checkin(self) -> None:
        """The conflicts a field copy's check-in left on the open database, resolved per row."""
        from .gui.checkin_dialog import resolve_checkin_interactive

        resolve_checkin_interactive(self.context)
