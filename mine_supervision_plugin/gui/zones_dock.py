"""The key monitoring zones dock (重点监测矿区): zones by year and level, their mines, field-check list, compliance.

The year's list in force (:mod:`..domain.zones`) is shown as a table (a Qt
model and a proxy filtering by level); selecting a zone zooms the map to it
and lists its mines: producing and others, which are on the year's
field-check list, and each mine's patrol compliance for the chosen period
(:func:`..analysis.zones_report.zones_report`, which calls
:mod:`..analysis.compliance`). Overdue mines and zones with overdue mines
stand out. Zones are imported from any polygon layer with a field mapping
(:class:`ZoneImportDialog`, the patch import's mapping table) or drawn with
QGIS's own digitizing on the zones layer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QAbstractTableModel, QDate, QModelIndex, QSize, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import palette
from ..domain.vocab import display_label, display_labels
from ..i18n import tr
from ..store.database import StoreError
from ..store.project import PROJECT_KEY, find_layer
from .context import PluginContext
from .dialog_parts import add_error_and_buttons
from .lazy_reload import LazyReloadMixin
from .signals import disconnect_all
from .tasks import CallTask

OBJECT_NAME = "MineSupervisionZonesDock"
RELOAD_TABLES = ("monitoring_zones", "mining_rights", "inspections", "corner_checks")
OVERDUE = palette.OVERDUE_ROW
ZoneRole = Qt.UserRole + 1
SortRole = Qt.UserRole + 2


def dock_icon() -> QIcon:
    package = Path(__file__).resolve().parent.parent
    for base in (package / "resources", package.parent / "resources"):
        if (base / "icons" / "zones.svg").exists():
            return QIcon(str(base / "icons" / "zones.svg"))
    return QIcon()


def default_period(year: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The year so far (1 January to today) for the current year, else the whole year."""
    today = today or dt.date.today()
    end = dt.date(year, 12, 31)
    return dt.date(year, 1, 1), min(end, today) if today.year == year else end


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class ZonesTableModel(QAbstractTableModel):
    """The zones in force, one row each; texts prepared at load."""

    COLUMNS = ("name", "level", "year", "mines", "field_check", "overdue")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report = None
        self.rows: list = []
        self._texts: list[tuple] = []
        self._overdue: list[int] = []
        self._brushes = (QBrush(QColor(OVERDUE[0])), QBrush(QColor(OVERDUE[1])))

    def titles(self) -> list[str]:
        return [tr("Zone"), tr("Level"), tr("List year"), tr("Mines"), tr("Field-check list"), tr("Overdue")]

    def set_report(self, report) -> None:
        self.beginResetModel()
        self.report = report
        self.rows = list(report.zones) if report is not None else []
        self._texts, self._overdue = [], []
        for zone in self.rows:
            overdue = len(zone.overdue(report.mines))
            self._overdue.append(overdue)
            self._texts.append((
                zone.name,
                display_label("zone_level", zone.level),
                "" if zone.year is None else str(zone.year),
                str(len(zone.mines)),
                str(len(zone.field_check_list(report.mines))),
                str(overdue) if overdue else "",
            ))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.titles()[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        zone = self.rows[row]
        if role == Qt.DisplayRole:
            return self._texts[row][column]
        if role == ZoneRole:
            return zone
        if role == SortRole:
            if self.COLUMNS[column] in ("mines", "field_check", "overdue"):
                return int(self._texts[row][column] or 0)
            if self.COLUMNS[column] == "year":
                return zone.year or 0
            return self._texts[row][column]
        if role in (Qt.BackgroundRole, Qt.ForegroundRole) and self._overdue[row]:
            return self._brushes[0 if role == Qt.BackgroundRole else 1]
        if role == Qt.ToolTipRole:
            if self._overdue[row]:
                return tr("{count} mine(s) of this zone are overdue for a patrol in the period.").format(
                    count=self._overdue[row])
            return zone.note or None
        if role == Qt.TextAlignmentRole and self.COLUMNS[column] in ("year", "mines", "field_check", "overdue"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class ZonesFilterProxyModel(QSortFilterProxyModel):
    """Zones of one level (None: every level), sorted on the model's sort values."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.level: str | None = None
        self.setSortRole(SortRole)

    def set_level(self, level: str | None) -> None:
        if level != self.level:
            self.level = level
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        if self.level is None:
            return True
        return self.sourceModel().rows[source_row].level == self.level


class ZoneMinesModel(QAbstractTableModel):
    """The mines of one zone: status, field-check list, compliance for the period; overdue rows stand out."""

    COLUMNS = ("license_no", "mine_name", "status", "field_check", "done", "missing", "last", "short")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mines: list = []
        self._brushes = (QBrush(QColor(OVERDUE[0])), QBrush(QColor(OVERDUE[1])))

    def titles(self) -> list[str]:
        return [tr("Licence no"), tr("Mine"), tr("Status"), tr("Field-check list"), tr("Patrolled"),
                tr("Missing periods"), tr("Last patrol"), tr("Patrols short of corners")]

    def set_mines(self, mines: list) -> None:
        self.beginResetModel()
        self.mines = list(mines)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.mines)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.titles()[section]
        return None

    def text(self, mine, column: str) -> str:
        if column == "license_no":
            return mine.license_no
        if column == "mine_name":
            return mine.mine_name
        if column == "status":
            return display_label("right_status", mine.status) if mine.status else tr("unknown")
        if column == "field_check":
            return "✓" if mine.on_field_check_list else ""
        if column == "done":
            return f"{mine.satisfied}/{mine.required}" if mine.required else ""
        if column == "missing":
            return mine.missing_periods
        if column == "short":
            return f"⚠ {mine.short_patrols}" if mine.short_patrols else ""
        return mine.last_inspected_on.isoformat() if mine.last_inspected_on else ""

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        mine = self.mines[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ToolTipRole and column == "short" and mine.short_patrols:
            return tr("{count} routine patrol(s) in the period checked fewer than 3 boundary corners of this mine.").format(
                count=mine.short_patrols)
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(mine, column)
        if role in (Qt.BackgroundRole, Qt.ForegroundRole) and mine.overdue:
            return self._brushes[0 if role == Qt.BackgroundRole else 1]
        if role == Qt.UserRole:
            return mine.license_no
        if role == Qt.TextAlignmentRole and column in ("field_check", "done"):
            return int(Qt.AlignCenter)
        return None


class ZonesDock(LazyReloadMixin, QgsDockWidget):
    """Key monitoring zones of a year: level filter, period, import and draw; a zone's mines below."""

    def __init__(self, context: PluginContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(tr("Key monitoring zones"))
        self.setWindowIcon(dock_icon())
        self.context = context
        self.report = None
        self._connections: list = []
        self._layer_connections: list = []
        self._shut_down = False
        self._task: CallTask | None = None
        #: True while the report is computed (tests wait on it)
        self.loading = False
        self.model = ZonesTableModel(self)
        self.proxy = ZonesFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.mines_model = ZoneMinesModel(self)
        self._build_ui()
        self._init_lazy_reload()
        for signal, slot in ((context.storeChanged, self.schedule_reload), (context.dataChanged, self._data_changed),
                             (QgsProject.instance().layersAdded, self._layers_added)):
            signal.connect(slot)
            self._connections.append((signal, slot))

    # -- UI -----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        row = QHBoxLayout()
        year = dt.date.today().year
        self.year_spin = QSpinBox(body)
        self.year_spin.setObjectName("zonesYear")
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setPrefix(tr("List of "))
        self.level_combo = QComboBox(body)
        self.level_combo.setObjectName("zonesLevel")
        self.level_combo.addItem(tr("All levels"), None)
        for code, label in display_labels("zone_level").items():
            self.level_combo.addItem(label, code)
        self.import_button = QPushButton(tr("Import…"), body)
        self.import_button.setObjectName("zonesImport")
        self.import_button.setToolTip(tr("Import zones from a polygon layer of the project, mapping its fields"))
        self.draw_button = QPushButton(tr("Draw"), body)
        self.draw_button.setObjectName("zonesDraw")
        self.draw_button.setToolTip(tr("Draw a zone on the map with QGIS's digitizing; its form asks name, level and year"))
        # rows short enough for a dock 290 px wide (the right dock area of a 1366 x 768 screen)
        row.addWidget(self.year_spin)
        row.addWidget(self.level_combo, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.draw_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        period = QHBoxLayout()
        period.addWidget(QLabel(tr("Patrols"), body))
        start, end = default_period(year)
        self.start_edit = QDateEdit(QDate(start.year, start.month, start.day), body)
        self.end_edit = QDateEdit(QDate(end.year, end.month, end.day), body)
        for edit, name in ((self.start_edit, "zonesStart"), (self.end_edit, "zonesEnd")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        period.addWidget(self.start_edit)
        period.addWidget(QLabel("–", body))
        period.addWidget(self.end_edit)
        period.addStretch(1)
        layout.addLayout(period)
        self.summary = QLabel(body)
        self.summary.setObjectName("zonesSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Vertical, body)
        self.zones_view = QTableView(splitter)
        self.zones_view.setObjectName("zonesTable")
        self.zones_view.setModel(self.proxy)
        self._table_defaults(self.zones_view)
        self.zones_view.setSortingEnabled(True)
        self.zones_view.sortByColumn(2, Qt.DescendingOrder)
        self.zones_view.horizontalHeader().setStretchLastSection(False)
        self.zones_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.zones_view.selectionModel().currentRowChanged.connect(self._zone_chosen)
        self.zones_view.clicked.connect(lambda index: self.zoom_to_zone(index.data(ZoneRole)))
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.zone_title = QLabel(lower)
        self.zone_title.setObjectName("zoneTitle")
        self.zone_title.setWordWrap(True)
        lower_layout.addWidget(self.zone_title)
        self.mines_view = QTableView(lower)
        self.mines_view.setObjectName("zoneMines")
        self.mines_view.setModel(self.mines_model)
        self._table_defaults(self.mines_view)
        self.mines_view.setToolTip(tr("Double-click a mine to zoom to its licence"))
        self.mines_view.doubleClicked.connect(self._mine_double_clicked)
        lower_layout.addWidget(self.mines_view, 1)
        legend = QLabel(lower)
        legend.setTextFormat(Qt.RichText)
        legend.setText('<span style="background-color:{bg}; color:{fg};">&nbsp;{text}&nbsp;</span>'.format(
            bg=OVERDUE[0], fg=OVERDUE[1], text=tr("Patrol overdue in the period")))
        lower_layout.addWidget(legend)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.year_spin.valueChanged.connect(self._year_changed)
        self.level_combo.currentIndexChanged.connect(lambda _i: self._level_changed())
        self.start_edit.dateChanged.connect(self.schedule_reload)
        self.end_edit.dateChanged.connect(self.schedule_reload)
        self.import_button.clicked.connect(self.import_zones)
        self.draw_button.clicked.connect(self.draw_zone)

    def _table_defaults(self, view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultSectionSize(80)
        view.setWordWrap(False)

    def sizeHint(self):  # noqa: N802
        return QSize(520, 640)

    # -- loading ----------------------------------------------------------------------------------
    def shutdown(self) -> None:
        self._shut_down = True
        self._reload_timer.stop()
        if self._task is not None:
            self._task.done = None
            self._task = None
        disconnect_all(self._connections)
        disconnect_all([(s, f) for layer, s, f in self._layer_connections if not sip.isdeleted(layer)])
        self._layer_connections = []

    def _data_changed(self, table: str) -> None:
        if table in RELOAD_TABLES:
            self.schedule_reload()

    def _layers_added(self, layers) -> None:
        if any(layer.customProperty(f"{PROJECT_KEY}/table") == "monitoring_zones" for layer in layers):
            self.schedule_reload()

    def _year_changed(self, year: int) -> None:
        start, end = default_period(year)
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.schedule_reload()

    def _level_changed(self) -> None:
        self.proxy.set_level(self.level_combo.currentData())
        self._update_summary()

    def _bind_zones_layer(self) -> None:
        layer = find_layer("monitoring_zones")
        if any(bound is layer for bound, _s, _f in self._layer_connections):
            return
        disconnect_all([(s, f) for bound, s, f in self._layer_connections if not sip.isdeleted(bound)])
        self._layer_connections = []
        if layer is not None:
            layer.afterCommitChanges.connect(self.schedule_reload)
            self._layer_connections.append((layer, layer.afterCommitChanges, self.schedule_reload))

    def reload(self) -> None:
        """Read the zones in force, their mines and compliance again, in a QgsTask (a province takes seconds)."""
        if self._shut_down:
            return
        self._dirty = False
        self._bind_zones_layer()
        store = self.context.store
        if self._task is not None:
            self._task.done = None  # a newer question replaces it; its answer is dropped
            self._task = None
        if store is None:
            self._show_report(None)
            return
        start, end = _date(self.start_edit), _date(self.end_edit)
        if end < start:
            self.summary.setText(tr("The period ends before it starts."))
            return
        year = self.year_spin.value()

        def compute():
            from ..analysis.zones_report import zones_report  # pandas: loaded on first use

            return zones_report(store, year, start, end)

        self.loading = True
        self.summary.setText(tr("Computing the zones' patrol compliance…"))
        self._task = CallTask(tr("Key monitoring zones: patrol compliance"), compute,
                              lambda report, error, s=store: self._report_done(s, report, error))
        QgsApplication.taskManager().addTask(self._task)

    def _report_done(self, store, report, error: str | None) -> None:
        self._task = None
        if self._shut_down or store is not self.context.store:
            return
        if error:
            self.context.error(tr("The zones could not be read: {reason}").format(reason=error))
        self._show_report(report)

    def _show_report(self, report) -> None:
        current = self.current_zone()
        self.report = report
        self.model.set_report(report)
        for column in range(1, self.model.columnCount()):
            self.zones_view.resizeColumnToContents(column)
        self.proxy.sort(self.zones_view.horizontalHeader().sortIndicatorSection(),
                        self.zones_view.horizontalHeader().sortIndicatorOrder())
        self.loading = False
        self._update_summary()
        if current is not None and self.select_zone(current.fid, zoom=False):
            return
        if self.proxy.rowCount():
            self.select_zone(self.proxy.index(0, 0).data(ZoneRole).fid, zoom=False)
        else:
            self._show_zone(None)

    def _update_summary(self) -> None:
        if self.context.store is None:
            self.summary.setText(tr("Open a supervision database to see its key monitoring zones."))
            return
        report = self.report
        if report is None:
            self.summary.setText("")
            return
        zones = [self.proxy.index(r, 0).data(ZoneRole) for r in range(self.proxy.rowCount())]
        mines = {n for z in zones for n in z.mines}
        overdue = [n for n in mines if report.mines[n].overdue]
        listed = {n for z in zones for n in z.field_check_list(report.mines)}
        if not report.zones:
            self.summary.setText(tr("No key monitoring zone is in force in {year}: import or draw the year's list.")
                                 .format(year=report.year))
            return
        self.summary.setText(tr("{zones} zone(s) in force in {year}: {mines} mine(s), {listed} on the field-check "
                                "list, {overdue} overdue for a patrol ({start} to {end}).").format(
            zones=len(zones), year=report.year, mines=len(mines), listed=len(listed), overdue=len(overdue),
            start=report.start.isoformat(), end=report.end.isoformat()))

    # -- a zone and its mines -----------------------------------------------------------------------
    def current_zone(self):
        index = self.zones_view.selectionModel().currentIndex()
        return index.data(ZoneRole) if index.isValid() else None

    def select_zone(self, fid: int, *, zoom: bool = True) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ZoneRole).fid == fid:
                self.zones_view.selectRow(row)
                self.zones_view.setCurrentIndex(index)
                self._show_zone(index.data(ZoneRole))
                if zoom:
                    self.zoom_to_zone(index.data(ZoneRole))
                return True
        return False

    def _zone_chosen(self, current, _previous) -> None:
        self._show_zone(current.data(ZoneRole) if current.isValid() else None)

    def _show_zone(self, zone) -> None:
        if zone is None or self.report is None:
            self.zone_title.setText(tr("Select a zone to see its mines."))
            self.mines_model.set_mines([])
            return
        mines = [self.report.mines[n] for n in zone.mines]
        producing = len(zone.field_check_list(self.report.mines))
        text = tr("{zone} ({level}): {count} mine(s), {producing} producing on the {year} field-check list, "
                  "{others} other(s).").format(zone=zone.name, level=display_label("zone_level", zone.level),
                                               count=len(mines), producing=producing, year=self.report.year,
                                               others=len(mines) - producing)
        overdue = [m for m in mines if m.overdue]
        if overdue:
            text += " " + tr("{count} overdue for a patrol.").format(count=len(overdue))
        self.zone_title.setText(text)
        self.mines_model.set_mines(mines)
        for column in range(self.mines_model.columnCount() - 1):
            self.mines_view.resizeColumnToContents(column)

    # -- map ----------------------------------------------------------------------------------------
    def _canvas(self):
        return self.context.iface.mapCanvas() if self.context.iface is not None else None

    def _zoom(self, rect: QgsRectangle, layer) -> None:
        """Zoom to ``rect``, in ``layer``'s CRS (None: the database's)."""
        canvas = self._canvas()
        if canvas is None or rect is None or rect.isNull():
            return
        source = layer.crs() if layer is not None else QgsCoordinateReferenceSystem(
            f"EPSG:{self.context.store.crs_epsg}")
        destination = canvas.mapSettings().destinationCrs()
        if source.isValid() and destination.isValid() and source != destination:
            rect = QgsCoordinateTransform(source, destination, QgsProject.instance()).transformBoundingBox(rect)
        rect.scale(1.15)
        canvas.setExtent(rect)
        canvas.refresh()

    def zoom_to_zone(self, zone) -> None:
        """Zoom the map to a zone (its extent in the database CRS) and flash it."""
        if zone is None or zone.bounds is None or self.context.store is None:
            return
        self._zoom(QgsRectangle(*zone.bounds), None)
        layer = find_layer("monitoring_zones")
        canvas = self._canvas()
        if layer is not None and canvas is not None:
            canvas.flashFeatureIds(layer, [zone.fid])

    def _mine_double_clicked(self, index) -> None:
        number = index.data(Qt.UserRole)
        layer = find_layer("mining_rights")
        if layer is None or not number:
            return
        request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression("license_no", number))
        features = list(layer.getFeatures(request))
        if features and not features[0].geometry().isNull():
            self._zoom(features[0].geometry().boundingBox(), layer)
            self._canvas().flashFeatureIds(layer, [features[0].id()])

    # -- import and draw ------------------------------------------------------------------------------
    def import_zones(self) -> None:
        if self.context.store is None:
            self.context.warning(tr("Open a supervision database first."))
            return
        try:
            dialog = ZoneImportDialog(self.context, self.year_spin.value(), self)
        except ImportError:
            self.context.error(tr("This needs QGIS's Processing plugin: enable it in Plugins › Manage and Install Plugins."))
            return
        self.import_dialog = dialog
        if dialog.exec_() == QDialog.Accepted and dialog.result_report is not None:
            layer = find_layer("monitoring_zones")
            if layer is not None:
                layer.reload()
                layer.triggerRepaint()
            self.context.success(tr("{count} zone(s) imported.").format(count=len(dialog.result_report.fids)))
            for warning in dialog.result_report.warnings[:5]:
                self.context.warning(warning)
            self.context.dataChanged.emit("monitoring_zones")
        self.import_dialog = None

    def draw_zone(self) -> None:
        """Start QGIS's add-feature tool on the zones layer; its form (value maps from the schema) asks the rest."""
        layer = find_layer("monitoring_zones")
        iface = self.context.iface
        if layer is None or iface is None:
            self.context.warning(tr("Open a supervision database first."))
            return
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(True)
        iface.setActiveLayer(layer)
        if not layer.isEditable():
            layer.startEditing()
        iface.actionAddFeature().trigger()
        self.context.info(tr("Draw the zone on the map (right-click finishes); its form asks the name, level and year. "
                             "Save the layer's edits to keep it."))


class ZoneImportDialog(QDialog):
    """Import zones from a polygon layer of the project: the layer, its field mapping, default level and year."""

    def __init__(self, context: PluginContext, year: int, parent=None):
        from ..store.zones import CANDIDATES
        from .field_mapping_widget import FieldMappingTable  # needs QGIS's Processing plugin

        super().__init__(parent)
        self.setObjectName("MineSupervisionZoneImport")
        self.setWindowTitle(tr("Import key monitoring zones"))
        self.context = context
        self.result_report = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setObjectName("zoneLayer")
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        own = [layer for layer in QgsProject.instance().mapLayers().values()
               if layer.customProperty(f"{PROJECT_KEY}/table")]
        self.layer_combo.setExceptedLayerList(own)  # the database's own layers are not a source of zones
        form.addRow(tr("Polygon layer"), self.layer_combo)
        layout.addLayout(form)
        labels = {"name": tr("Zone name"), "level": tr("Level"), "year": tr("List year"), "note": tr("Note")}
        self.mapping = FieldMappingTable(self, targets=labels, candidates=CANDIDATES,
                                         headers=(tr("Zone field"), tr("Field in the layer")))
        layout.addWidget(self.mapping)
        defaults = QFormLayout()
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("defaultLevel")
        self.level_combo.addItem(tr("(from the layer)"), None)
        for code, label in display_labels("zone_level").items():
            self.level_combo.addItem(label, code)
        defaults.addRow(tr("Level where the layer has none"), self.level_combo)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("defaultYear")
        self.year_spin.setRange(1989, 2100)
        self.year_spin.setSpecialValueText(tr("(every year)"))
        self.year_spin.setValue(year)
        defaults.addRow(tr("List year where the layer has none"), self.year_spin)
        layout.addLayout(defaults)
        self.error_label, self.buttons = add_error_and_buttons(self, layout)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self._layer_changed(self.layer_combo.currentLayer())

    def _layer_changed(self, layer) -> None:
        names = [f.name() for f in layer.fields()] if layer is not None else None
        self.mapping.set_file_fields(names)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(layer is not None)

    def accept(self) -> None:
        import shapely

        from ..qgis_values import python_value
        from ..store.zones import ZoneImportError, ZoneInput, import_zones, resolve_fields

        layer = self.layer_combo.currentLayer()
        if layer is None:
            return
        fields = resolve_fields([f.name() for f in layer.fields()], self.mapping.chosen_fields())
        store = self.context.store
        transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}"),
                                           QgsProject.instance())
        zones = []
        for feature in layer.getFeatures():
            geometry = feature.geometry()
            shape = None
            if not geometry.isNull():
                geometry.transform(transform)
                shape = shapely.from_wkb(bytes(geometry.asWkb()))
            values = {target: python_value(feature[name]) if name else None for target, name in fields.items()}
            zones.append(ZoneInput(tr("{layer}, feature {fid}").format(layer=layer.name(), fid=feature.id()), shape,
                                   **values))
        year = self.year_spin.value()
        try:
            self.result_report = import_zones(store, zones, default_level=self.level_combo.currentData(),
                                              default_year=None if year == self.year_spin.minimum() else year,
                                              source=layer.source())
        except (ZoneImportError, StoreError) as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()
