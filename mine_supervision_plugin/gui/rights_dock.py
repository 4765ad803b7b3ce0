"""The mining-rights dock: every licence in a table, filters, map selection sync and a detail pane.

The dock reads the project's layers of the supervision tables (found with
:func:`find_layer`), so what it shows is what the map shows, edit buffers
included. It reloads when a database is opened (``storeChanged``), when the
plugin wrote rights or zones (``dataChanged``), when the layers are added
to or removed from the project, and after edits to them are committed.
Everything it connects outside itself is recorded and released by
:meth:`RightsDock.shutdown`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsPalLayerSettings,
    QgsProject,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QIcon, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.units import format_coordinate
from ..domain.vocab import display_labels
from ..i18n import tr
from ..store.project import PROJECT_KEY, find_layer
from .context import PluginContext
from .lazy_reload import LazyReloadMixin
from .rights_model import (
    COLUMN,
    EXPIRED,
    EXPIRED_COLOURS,
    EXPIRING_COLOURS,
    EXPIRING_SOON_DAYS,
    EXPIRY_ANY,
    EXPIRY_EXPIRED,
    EXPIRY_EXPIRED_OR_WITHIN,
    EXPIRY_WITHIN,
    OVERDUE_COLOURS,
    RightRecord,
    RightsFilterProxyModel,
    RightsTableModel,
    load_rights,
    plain,
)
from .signals import disconnect_all
from .tasks import CallTask

OBJECT_NAME = "MineSupervisionRightsDock"
SEARCH_DELAY_MS = 250

RIGHTS, ZONES, PARCELS, CORNERS = "mining_rights", "monitoring_zones", "mining_right_parcels", "mining_right_corners"
# Records linked to a licence by license_no, shown as counts in the detail pane.
LINKED_TABLES = ("inspections", "patches", "notices")
# Tables whose change means a full reload, and those only the detail pane shows.
RELOAD_TABLES = (RIGHTS, ZONES, "inspections")  # a patrol changes the patrols column
DETAIL_TABLES = (PARCELS, CORNERS, *LINKED_TABLES)

# The corners layer's labels when no style labels it (see ensure_corner_labels).
CORNER_LABEL_MAX_SCALE = 25000  # labels drawn at 1:25,000 and closer
DOCK_LABELS_PROPERTY = f"{PROJECT_KEY}/corner_labels_by_dock"


def _like_escaped(text: str) -> str:
    """``text`` with the LIKE wildcards of QGIS expressions (% and _) escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def licence_list_expression(license_no: str) -> str:
    """A QGIS expression true where license_no is ``license_no`` or a list holding it ("C1,C2").

    The LIKE part is run by the data source (SQL) and narrows the rows down;
    the list membership is then checked exactly on those.
    """
    field = QgsExpression.quotedColumnRef("license_no")
    narrowed = f"{field} LIKE {QgsExpression.quotedString('%' + _like_escaped(license_no) + '%')}"
    items = f"string_to_array(regexp_replace({field}, '[，、;；\\\\s]+', ','), ',')"
    return f"{narrowed} AND array_contains({items}, {QgsExpression.quotedString(license_no)})"


def dock_icon() -> QIcon:
    """The plugin's mine icon from resources/, else a QGIS theme icon."""
    package = Path(__file__).resolve().parent.parent
    for base in (package / "resources", package.parent / "resources"):
        candidate = base / "icons" / "mine.svg"
        if candidate.exists():
            return QIcon(str(candidate))
    return QgsApplication.getThemeIcon("/mActionOpenTable.svg")


def ensure_corner_labels(layer: QgsVectorLayer) -> bool:
    """Label the corners with their number when no style did; True when labels were set here.

    The dock does this only when the layer has no labels at all, so a .qml
    from resources/styles (or the user's own labels) always wins.
    """
    if layer is None or not layer.isValid():
        return False
    if layer.labelsEnabled() and layer.labeling() is not None:
        return False
    settings = QgsPalLayerSettings()
    settings.fieldName = "corner_no"
    settings.isExpression = False
    settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 1.0
    text_format = QgsTextFormat()
    font = QFont()
    font.setBold(True)
    text_format.setFont(font)
    text_format.setSize(8)
    text_format.setColor(QColor("#7a1f1f"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    settings.scaleVisibility = True
    settings.minimumScale = CORNER_LABEL_MAX_SCALE  # most zoomed-out scale showing labels
    settings.maximumScale = 0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.setCustomProperty(DOCK_LABELS_PROPERTY, True)
    layer.triggerRepaint()
    return True


def _natural(text: str):
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def format_depth(value) -> str:
    """An elevation with its unit, or "not recorded"."""
    if value is None:
        return tr("not recorded")
    return tr("{value} m").format(value=f"{float(value):g}")


def depth_range_text(top, bottom) -> str:
    """"{top} to {bottom}" of a depth range; one phrase when neither end is recorded."""
    if top is None and bottom is None:
        return tr("not recorded")
    return tr("{top} to {bottom}").format(top=format_depth(top), bottom=format_depth(bottom))


class RightsDock(LazyReloadMixin, QgsDockWidget):
    """Every mining right in a table with search, filters, map sync and a detail pane."""

    # table name, feature ids: emitted after linked records were selected/opened.
    linkedRecordsOpened = pyqtSignal(str, list)
    # emitted after each (re)load with the number of licences and the seconds it took.
    loaded = pyqtSignal(int, float)

    def __init__(self, context: PluginContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(tr("Mining rights"))
        self.setWindowIcon(dock_icon())
        self.context = context
        self.today: dt.date | None = None  # fixed "today" for tests; None: the real date
        self.last_load_seconds = 0.0
        self.last_filter_seconds = 0.0
        self._connections: list[tuple[object, object]] = []  # (signal, slot) outside the dock
        self._layer_connections: list[tuple[object, object, object]] = []  # (layer, signal, slot)
        self._layers: dict[str, QgsVectorLayer | None] = {}
        self._syncing = 0
        self._detail_fid: int | None = None
        self._linked_ids: dict[str, list[int]] = {}
        self._shut_down = False
        self._overdue_task = None
        #: True while the patrols column is computed (tests wait on it)
        self.overdue_loading = False

        self.model = RightsTableModel(self)
        self.proxy = RightsFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self._build_ui()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._init_lazy_reload()

        self._connect(context.storeChanged, self._on_store_changed)
        self._connect(context.dataChanged, self._on_data_changed)
        project = QgsProject.instance()
        self._connect(project.layersAdded, self._on_layers_added)
        self._connect(project.layersWillBeRemoved, self._on_layers_will_be_removed)
        self.schedule_reload()

    # ------------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        search_row = QHBoxLayout()
        self.search_edit = QLineEdit(body)
        self.search_edit.setObjectName("rightsSearch")
        self.search_edit.setPlaceholderText(tr("Search licence no, mine or holder…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        search_row.addWidget(self.search_edit, 1)
        self.zoom_button = QToolButton(body)
        self.zoom_button.setIcon(QgsApplication.getThemeIcon("/mActionZoomToSelected.svg"))
        self.zoom_button.setToolTip(tr("Zoom to the selected licences"))
        self.zoom_button.clicked.connect(self.zoom_to_selection)
        search_row.addWidget(self.zoom_button)
        layout.addLayout(search_row)

        filters = QGridLayout()
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(2)
        self.status_combo = QComboBox(body)
        self.status_combo.addItem(tr("All statuses"), None)
        for code, label in display_labels("right_status").items():
            self.status_combo.addItem(label, code)
        self.method_combo = QComboBox(body)
        self.method_combo.addItem(tr("All methods"), None)
        for code, label in display_labels("mining_method").items():
            self.method_combo.addItem(label, code)
        self.mineral_combo = QComboBox(body)
        self.mineral_combo.addItem(tr("All minerals"), None)
        self.mineral_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.mineral_combo.setMinimumContentsLength(6)
        self.expiry_combo = QComboBox(body)
        self.expiry_combo.addItem(tr("Any validity"), EXPIRY_ANY)
        self.expiry_combo.addItem(tr("Expired"), EXPIRY_EXPIRED)
        self.expiry_combo.addItem(tr("Expiring within"), EXPIRY_WITHIN)
        self.expiry_combo.addItem(tr("Expired or expiring within"), EXPIRY_EXPIRED_OR_WITHIN)
        self.expiry_days = QSpinBox(body)
        self.expiry_days.setRange(1, 3650)
        self.expiry_days.setValue(EXPIRING_SOON_DAYS)
        self.expiry_days.setSuffix(tr(" days"))
        self.expiry_days.setEnabled(False)
        self.zone_check = QCheckBox(tr("In a monitoring zone"), body)
        self.abnormal_check = QCheckBox(tr("On the abnormal list"), body)
        self.abnormal_check.setToolTip(tr("Credit status: abnormal list or serious dishonesty list"))
        for combo in (self.status_combo, self.method_combo, self.mineral_combo, self.expiry_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.expiry_days.valueChanged.connect(self.apply_filters)
        self.zone_check.toggled.connect(self.apply_filters)
        self.abnormal_check.toggled.connect(self.apply_filters)
        filters.addWidget(self.status_combo, 0, 0)
        filters.addWidget(self.method_combo, 0, 1)
        filters.addWidget(self.mineral_combo, 0, 2, 1, 2)
        filters.addWidget(self.expiry_combo, 1, 0)
        filters.addWidget(self.expiry_days, 1, 1)
        filters.addWidget(self.zone_check, 1, 2)
        filters.addWidget(self.abnormal_check, 1, 3)
        self.overdue_check = QCheckBox(tr("Patrols overdue this year"), body)
        self.overdue_check.setObjectName("rightsOverdue")
        self.overdue_check.setToolTip(tr("Mines with a required month (producing) or quarter (others) without a patrol"))
        self.overdue_check.toggled.connect(self.apply_filters)
        filters.addWidget(self.overdue_check, 2, 0, 1, 2)
        layout.addLayout(filters)

        legend_row = QHBoxLayout()
        self.legend_label = QLabel(body)
        self.legend_label.setObjectName("rightsLegend")
        self.legend_label.setTextFormat(Qt.RichText)
        self.legend_label.setText(self._legend_html())
        legend_row.addWidget(self.legend_label, 1)
        self.count_label = QLabel(body)
        self.count_label.setObjectName("rightsCount")
        self.count_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        legend_row.addWidget(self.count_label)
        layout.addLayout(legend_row)

        splitter = QSplitter(Qt.Vertical, body)
        self.table_view = QTableView(splitter)
        self.table_view.setObjectName("rightsTable")
        self.table_view.setModel(self.proxy)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table_view.setWordWrap(False)
        self.table_view.setAlternatingRowColors(False)
        self.table_view.verticalHeader().setVisible(False)
        # Fixed row heights and interactive column widths: nothing is measured per row.
        self.table_view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(110)
        header.resizeSection(COLUMN["license_no"], self.fontMetrics().horizontalAdvance("C" + "0" * 22) + 24)
        header.resizeSection(COLUMN["mine_name"], 170)
        header.resizeSection(COLUMN["holder"], 170)
        header.resizeSection(COLUMN["validity"], 170)
        self.table_view.setSortingEnabled(True)
        self.table_view.sortByColumn(COLUMN["license_no"], Qt.AscendingOrder)
        self.table_view.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table_view.doubleClicked.connect(self._on_double_clicked)

        self.detail = QWidget(splitter)
        self.detail.setObjectName("rightsDetail")
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 2, 0, 0)
        detail_layout.setSpacing(2)
        self.detail_title = QLabel(self.detail)
        self.detail_title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        title_font = self.detail_title.font()
        title_font.setBold(True)
        self.detail_title.setFont(title_font)
        self.detail_info = QLabel(self.detail)
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.depth_label = QLabel(self.detail)
        self.depth_label.setWordWrap(True)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(self.depth_label)
        links = QHBoxLayout()
        self.link_buttons: dict[str, QPushButton] = {}
        for table_name in LINKED_TABLES:
            button = QPushButton(self.detail)
            button.setObjectName(f"rightsLink_{table_name}")
            button.setFlat(True)
            button.setCursor(Qt.PointingHandCursor)
            button.setStyleSheet("QPushButton:enabled { color: palette(link); text-decoration: underline; }")
            button.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
            button.clicked.connect(lambda _checked=False, name=table_name: self.open_linked(name))
            self.link_buttons[table_name] = button
            links.addWidget(button)
        links.addStretch(1)
        detail_layout.addLayout(links)
        self.corners_model = QStandardItemModel(0, 4, self.detail)
        self.corners_model.setHorizontalHeaderLabels([tr("Parcel"), tr("Corner no"), tr("X (northing)"), tr("Y (easting)")])
        self.corners_view = QTableView(self.detail)
        self.corners_view.setObjectName("rightsCorners")
        self.corners_view.setModel(self.corners_model)
        self.corners_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.corners_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.corners_view.verticalHeader().setVisible(False)
        self.corners_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        self.corners_view.horizontalHeader().setStretchLastSection(True)
        self.corners_view.setToolTip(tr("Double-click a corner to centre the map on it"))
        self.corners_view.doubleClicked.connect(self._on_corner_double_clicked)
        detail_layout.addWidget(self.corners_view, 1)
        splitter.addWidget(self.table_view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self._show_detail(None)

    def sizeHint(self):  # noqa: N802
        return QSize(520, 640)

    @staticmethod
    def _legend_html() -> str:
        swatch = '<span style="background-color:{bg}; color:{fg};">&nbsp;{text}&nbsp;</span>'
        expired = swatch.format(bg=EXPIRED_COLOURS[0], fg=EXPIRED_COLOURS[1], text=tr("Expired"))
        soon = swatch.format(
            bg=EXPIRING_COLOURS[0],
            fg=EXPIRING_COLOURS[1],
            text=tr("Expires within {days} days").format(days=EXPIRING_SOON_DAYS),
        )
        overdue = swatch.format(bg=OVERDUE_COLOURS[0], fg=OVERDUE_COLOURS[1], text=tr("Patrol overdue"))
        return f"{expired}&nbsp;{soon}&nbsp;{overdue}"

    # ------------------------------------------------------------------ connections
    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _connect_layer(self, layer: QgsVectorLayer, signal, slot) -> None:
        signal.connect(slot)
        self._layer_connections.append((layer, signal, slot))

    def _disconnect_layers(self) -> None:
        disconnect_all([(signal, slot) for layer, signal, slot in self._layer_connections if not sip.isdeleted(layer)])
        self._layer_connections = []

    def shutdown(self) -> None:
        """Release every connection to the context, the project, the layers and the canvas."""
        self._shut_down = True
        if self._overdue_task is not None:
            self._overdue_task.done = None
            self._overdue_task = None
        self._search_timer.stop()
        self._reload_timer.stop()
        self._disconnect_layers()
        disconnect_all(self._connections)
        self._layers = {}

    # ------------------------------------------------------------------ layers
    def layer(self, table_name: str = RIGHTS) -> QgsVectorLayer | None:
        layer = self._layers.get(table_name)
        if layer is None or sip.isdeleted(layer) or not layer.isValid():
            return None
        return layer

    def _bind_layers(self) -> None:
        """Find the project's supervision layers; reconnect when they changed."""
        found = {name: find_layer(name) for name in (RIGHTS, ZONES, *DETAIL_TABLES)}
        current = {name: self.layer(name) for name in found}
        if found == current and self._layer_connections:
            return
        self._disconnect_layers()
        self._layers = found
        rights = found[RIGHTS]
        if rights is not None:
            self._connect_layer(rights, rights.selectionChanged, self._on_layer_selection_changed)
            self._connect_layer(rights, rights.afterCommitChanges, self.schedule_reload)
        zones = found[ZONES]
        if zones is not None:
            self._connect_layer(zones, zones.afterCommitChanges, self.schedule_reload)
        for name in DETAIL_TABLES:
            layer = found[name]
            if layer is not None:
                self._connect_layer(layer, layer.afterCommitChanges, self.refresh_detail)
        corners = found[CORNERS]
        if corners is not None:
            ensure_corner_labels(corners)

    def _on_layers_added(self, layers) -> None:
        if any(layer.customProperty(f"{PROJECT_KEY}/table") in (RIGHTS, ZONES, *DETAIL_TABLES) for layer in layers):
            self.schedule_reload()

    def _on_layers_will_be_removed(self, layer_ids) -> None:
        ours = {layer.id() for layer in (self.layer(name) for name in self._layers) if layer is not None}
        if ours.intersection(layer_ids):
            # Let go of the layers now, before they are deleted; reload finds what remains.
            self._disconnect_layers()
            self._layers = {}
            self.model.set_records([])
            self._show_detail(None)
            self._update_count()
            self.schedule_reload()

    def _on_store_changed(self, _store) -> None:
        self.schedule_reload()

    def _on_data_changed(self, table_name: str) -> None:
        if table_name in RELOAD_TABLES:
            self.schedule_reload()
        elif table_name in DETAIL_TABLES:
            self.refresh_detail()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Read every licence again (one pass) and recompute zone membership."""
        if self._shut_down:
            return
        self._reload_timer.stop()
        self._dirty = False
        self._bind_layers()
        rights = self.layer(RIGHTS)
        started = time.perf_counter()
        records: list[RightRecord] = []
        if rights is not None:
            records = load_rights(rights, self.layer(ZONES), self.today)
        with self._sync_guard():
            self.model.set_records(records)
            self._refresh_minerals()
        self.last_load_seconds = time.perf_counter() - started
        self._select_rows_from_layer()
        self._update_count()
        self.refresh_detail()
        self._start_overdue()
        self.loaded.emit(len(records), self.last_load_seconds)

    def _start_overdue(self) -> None:
        """Compute every mine's patrol compliance this year so far in a QgsTask; the patrols column fills in after."""
        if self._overdue_task is not None:
            self._overdue_task.done = None  # a newer question replaces it
            self._overdue_task = None
        store = self.context.store
        if store is None or not self.context.dependencies.available("analysis") or self.layer(RIGHTS) is None:
            return
        today = self.today or dt.date.today()

        def compute():
            from ..analysis.zones_report import overdue_mines  # pandas: loaded on first use

            return overdue_mines(store, dt.date(today.year, 1, 1), today)

        self.overdue_loading = True
        self._overdue_task = CallTask(tr("Mining rights: patrol compliance"), compute,
                                      lambda result, error, s=store: self._overdue_done(s, result, error))
        QgsApplication.taskManager().addTask(self._overdue_task)

    def _overdue_done(self, store, result, error: str | None) -> None:
        self._overdue_task = None
        self.overdue_loading = False
        if self._shut_down or store is not self.context.store:
            return
        if error:
            self.context.warning(tr("Patrol compliance could not be computed: {reason}").format(reason=error))
        self.model.set_overdue(result, self.today)
        if self.proxy.overdue_only:
            self.apply_filters()

    def _refresh_minerals(self) -> None:
        current = self.mineral_combo.currentData()
        self.mineral_combo.blockSignals(True)
        try:
            self.mineral_combo.clear()
            self.mineral_combo.addItem(tr("All minerals"), None)
            for mineral in self.model.minerals():
                self.mineral_combo.addItem(mineral, mineral)
            index = self.mineral_combo.findData(current) if current else 0
            self.mineral_combo.setCurrentIndex(max(index, 0))
        finally:
            self.mineral_combo.blockSignals(False)
        if current and self.mineral_combo.currentData() != current:
            self.proxy.set_filters(mineral=None)

    # ------------------------------------------------------------------ filters
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def apply_filters(self, *_args) -> None:
        """Apply the search text and every filter now (one re-filter), keeping the map selection."""
        self._search_timer.stop()
        mode = self.expiry_combo.currentData() or EXPIRY_ANY
        self.expiry_days.setEnabled(mode in (EXPIRY_WITHIN, EXPIRY_EXPIRED_OR_WITHIN))
        started = time.perf_counter()
        with self._sync_guard():
            self.proxy.set_filters(
                search=self.search_edit.text(),
                status=self.status_combo.currentData(),
                method=self.method_combo.currentData(),
                mineral=self.mineral_combo.currentData(),
                expiry_mode=mode,
                expiry_days=self.expiry_days.value(),
                in_zone_only=self.zone_check.isChecked(),
                abnormal_only=self.abnormal_check.isChecked(),
                overdue_only=self.overdue_check.isChecked(),
            )
        self.last_filter_seconds = time.perf_counter() - started
        self._select_rows_from_layer()
        self._update_count()

    def _update_count(self) -> None:
        if self.layer(RIGHTS) is None:
            self.count_label.setText(tr("No supervision database is open."))
            return
        self.count_label.setText(
            tr("{shown} of {total} licences").format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )

    def visible_license_nos(self) -> list[str]:
        """Licence numbers of the rows shown, in table order."""
        return [self.proxy.record(row).license_no for row in range(self.proxy.rowCount())]

    # ------------------------------------------------------------------ selection
    @contextlib.contextmanager
    def _sync_guard(self):
        self._syncing += 1
        try:
            yield
        finally:
            self._syncing -= 1

    def selected_rows(self) -> list[int]:
        """Proxy rows selected, in order; read from the selection ranges (selectedRows() is slow at 10,000)."""
        rows: set[int] = set()
        for selection_range in self.table_view.selectionModel().selection():
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(rows)

    def selected_records(self) -> list[RightRecord]:
        return [self.proxy.record(row) for row in self.selected_rows()]

    def _on_table_selection_changed(self, _selected, _deselected) -> None:
        self.refresh_detail()
        if self._syncing:
            return
        rights = self.layer(RIGHTS)
        if rights is None:
            return
        fids = [record.fid for record in self.selected_records()]
        with self._sync_guard():
            rights.selectByIds(fids)

    def _on_layer_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        self._select_rows_from_layer(scroll=True)

    def _select_rows_from_layer(self, scroll: bool = False) -> None:
        """Select the rows of the layer's selected features (no signal goes back to the layer)."""
        rights = self.layer(RIGHTS)
        selection_model = self.table_view.selectionModel()
        rows: list[int] = []
        if rights is not None:
            for fid in rights.selectedFeatureIds():
                source_row = self.model.row_of_fid(fid)
                if source_row < 0:
                    continue
                proxy_row = self.proxy.mapFromSource(self.model.index(source_row, 0)).row()
                if proxy_row >= 0:
                    rows.append(proxy_row)
        rows.sort()
        selection = QItemSelection()
        last_column = self.proxy.columnCount() - 1
        start = previous = None
        for row in rows:
            if start is None:
                start = previous = row
            elif row == previous + 1:
                previous = row
            else:
                selection.select(self.proxy.index(start, 0), self.proxy.index(previous, last_column))
                start = previous = row
        if start is not None:
            selection.select(self.proxy.index(start, 0), self.proxy.index(previous, last_column))
        with self._sync_guard():
            selection_model.select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            if rows:
                selection_model.setCurrentIndex(self.proxy.index(rows[0], 0), QItemSelectionModel.NoUpdate)
        if scroll and rows:
            self.table_view.scrollTo(self.proxy.index(rows[0], 0), QAbstractItemView.EnsureVisible)

    # ------------------------------------------------------------------ map
    def _canvas(self):
        iface = self.context.iface
        return iface.mapCanvas() if iface is not None else None

    def _on_double_clicked(self, index) -> None:
        if index.isValid():
            self.zoom_to_licence(self.proxy.record(index.row()).fid)

    def zoom_to_licence(self, fid: int) -> bool:
        """Zoom the canvas to one licence's boundary and flash it; False when it has no geometry."""
        rights = self.layer(RIGHTS)
        canvas = self._canvas()
        if rights is None or canvas is None:
            return False
        feature = rights.getFeature(fid)
        geometry = feature.geometry() if feature.isValid() else None
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            self.context.warning(tr("This licence has no boundary to zoom to."))
            return False
        return self._zoom_to_rect(rights, geometry.boundingBox(), flash=(rights, [fid]))

    def zoom_to_selection(self) -> None:
        rights = self.layer(RIGHTS)
        canvas = self._canvas()
        if rights is None or canvas is None or not rights.selectedFeatureCount():
            return
        self._zoom_to_rect(rights, rights.boundingBoxOfSelected(), flash=None)

    def _zoom_to_rect(self, layer: QgsVectorLayer, rect, flash) -> bool:
        canvas = self._canvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and layer.crs().isValid() and destination != layer.crs():
            transform = QgsCoordinateTransform(layer.crs(), destination, QgsProject.instance())
            rect = transform.transformBoundingBox(rect)
        if rect.isEmpty():
            # A point or a line along an axis: give it some room.
            margin = max(rect.width(), rect.height(), 50.0 if not destination.isGeographic() else 0.0005)
            rect.grow(margin)
        else:
            rect.scale(1.2)
        canvas.setExtent(rect)
        canvas.refresh()
        if flash is not None:
            canvas.flashFeatureIds(*flash)
        return True

    # ------------------------------------------------------------------ detail pane
    def current_record(self) -> RightRecord | None:
        """The licence the detail pane shows: the current row if selected, else the first selected."""
        selection_model = self.table_view.selectionModel()
        current = selection_model.currentIndex()
        if current.isValid() and selection_model.isRowSelected(current.row(), current.parent()):
            return self.proxy.record(current.row())
        rows = self.selected_rows()
        return self.proxy.record(rows[0]) if rows else None

    def refresh_detail(self, *_args) -> None:
        if self._shut_down:
            return
        self._show_detail(self.current_record())

    def _show_detail(self, record: RightRecord | None) -> None:
        self.corners_model.removeRows(0, self.corners_model.rowCount())
        self._linked_ids = {}
        if record is None:
            self._detail_fid = None
            self.detail_title.setText(tr("Select a licence to see its corners and linked records."))
            self.detail_info.clear()
            self.depth_label.clear()
            for table_name, button in self.link_buttons.items():
                button.setText(self._link_text(table_name, None))
                button.setEnabled(False)
            return
        self._detail_fid = record.fid
        selected = len(self.selected_rows())
        title = f"{record.license_no}  {record.mine_name}"
        if selected > 1:
            title += "  " + tr("({count} selected)").format(count=selected)
        self.detail_title.setText(title)
        info = [tr("Holder: {holder}").format(holder=record.holder or "—")]
        validity = record.display[COLUMN["validity"]]
        if validity:
            info.append(tr("Validity: {validity}").format(validity=validity))
        if record.expiry == EXPIRED:
            info.append(tr("Expired {days} days ago").format(days=-record.days_left))
        elif record.days_left is not None:
            info.append(tr("Expires in {days} days").format(days=record.days_left))
        if record.zones:
            info.append(tr("Monitoring zone: {zones}").format(zones="; ".join(record.zones)))
        self.detail_info.setText("    ".join(info))
        self._fill_depths(record)
        self._fill_corners(record)
        for table_name, button in self.link_buttons.items():
            layer = self.layer(table_name)
            ids = self._linked_feature_ids(layer, record.license_no) if layer is not None else None
            if ids is not None:
                self._linked_ids[table_name] = ids
            button.setText(self._link_text(table_name, None if ids is None else len(ids)))
            button.setEnabled(bool(ids))

    @staticmethod
    def _link_text(table_name: str, count: int | None) -> str:
        shown = "–" if count is None else str(count)
        if table_name == "inspections":
            return tr("Inspections: {count}").format(count=shown)
        if table_name == "patches":
            return tr("Patches: {count}").format(count=shown)
        return tr("Notices: {count}").format(count=shown)

    @staticmethod
    def _by_licence(license_no: str) -> QgsFeatureRequest:
        request = QgsFeatureRequest()
        request.setFilterExpression(QgsExpression.createFieldEqualityExpression("license_no", license_no))
        request.setFlags(QgsFeatureRequest.NoGeometry)
        return request

    def _linked_feature_ids(self, layer: QgsVectorLayer, license_no: str) -> list[int]:
        """Features whose license_no is this licence or lists it ("C1,C2": a patch on two licences)."""
        index = layer.fields().indexFromName("license_no")
        if index < 0 or not license_no:
            return []
        request = QgsFeatureRequest().setFilterExpression(licence_list_expression(license_no))
        request.setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([index])
        return [feature.id() for feature in layer.getFeatures(request)]

    def _fill_depths(self, record: RightRecord) -> None:
        parts = []
        if record.depth_top_m is not None or record.depth_bottom_m is not None:
            parts.append(
                tr("Depth range: {range}").format(range=depth_range_text(record.depth_top_m, record.depth_bottom_m))
            )
        parcels = self.layer(PARCELS)
        if parcels is not None:
            names = ("parcel_no", "depth_top_m", "depth_bottom_m", "excluded")
            fields = parcels.fields()
            request = self._by_licence(record.license_no)
            request.setSubsetOfAttributes([n for n in names if fields.indexFromName(n) >= 0], fields)
            rows = []
            for feature in parcels.getFeatures(request):
                values = {n: plain(feature[n]) if fields.indexFromName(n) >= 0 else None for n in names}
                rows.append(values)
            rows.sort(key=lambda values: _natural(str(values["parcel_no"] or "")))
            distinct = {(r["depth_top_m"], r["depth_bottom_m"]) for r in rows}
            differs = len(rows) > 1 and (len(distinct) > 1 or any(r["excluded"] for r in rows))
            if differs or (rows and not parts):
                for values in rows:
                    text = tr("Parcel {parcel}: {range}").format(
                        parcel=values["parcel_no"] or "?",
                        range=depth_range_text(values["depth_top_m"], values["depth_bottom_m"]),
                    )
                    if values["excluded"]:
                        text += " " + tr("(excluded)")
                    parts.append(text)
        self.depth_label.setText("; ".join(parts) if parts else tr("Depth range: not recorded"))

    def _fill_corners(self, record: RightRecord) -> None:
        corners = self.layer(CORNERS)
        if corners is None:
            return
        fields = corners.fields()
        names = ("parcel_no", "ring_no", "corner_no", "x", "y")
        request = self._by_licence(record.license_no)
        request.setSubsetOfAttributes([n for n in names if fields.indexFromName(n) >= 0], fields)
        rows = []
        for feature in corners.getFeatures(request):
            values = {n: plain(feature[n]) if fields.indexFromName(n) >= 0 else None for n in names}
            values["fid"] = feature.id()
            rows.append(values)
        rows.sort(
            key=lambda v: (_natural(str(v["parcel_no"] or "")), v["ring_no"] or 1, v["corner_no"] or 0)
        )
        for values in rows:
            parcel = str(values["parcel_no"] or "")
            if (values["ring_no"] or 1) > 1:
                parcel = tr("{parcel} (ring {ring})").format(parcel=parcel, ring=values["ring_no"])
            items = [
                QStandardItem(parcel),
                QStandardItem("" if values["corner_no"] is None else str(values["corner_no"])),
                QStandardItem(format_coordinate(values["x"])),
                QStandardItem(format_coordinate(values["y"])),
            ]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            items[0].setData(values["fid"], Qt.UserRole)
            self.corners_model.appendRow(items)
        self.corners_view.resizeColumnsToContents()

    def _on_corner_double_clicked(self, index) -> None:
        corners = self.layer(CORNERS)
        canvas = self._canvas()
        if corners is None or canvas is None or not index.isValid():
            return
        fid = self.corners_model.item(index.row(), 0).data(Qt.UserRole)
        feature = corners.getFeature(fid)
        if not feature.isValid() or feature.geometry().isNull():
            return
        point = feature.geometry().asPoint()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != corners.crs():
            point = QgsCoordinateTransform(corners.crs(), destination, QgsProject.instance()).transform(point)
        canvas.setCenter(point)
        canvas.refresh()
        canvas.flashFeatureIds(corners, [fid])

    def _patches_dock(self):
        """The plugin's patches dock in the main window, if there is one."""
        from .patches_dock import PatchesDock

        window = self.context.iface.mainWindow() if self.context.iface is not None else None
        docks = window.findChildren(PatchesDock) if window is not None else []
        return docks[0] if docks else None

    @staticmethod
    def _make_visible(layer) -> None:
        node = QgsProject.instance().layerTreeRoot().findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityCheckedParentRecursive(True)

    def open_linked(self, table_name: str) -> list[int]:
        """Select the current licence's records of ``table_name`` in their layer and show them.

        Patches open in the plugin's patches dock filtered to the licence; inspections
        and notices in QGIS's attribute table filtered to it (the inspections layer is
        switched on); records with geometries are zoomed to.
        """
        layer = self.layer(table_name)
        ids = self._linked_ids.get(table_name, [])
        record = self.current_record()
        if layer is None or record is None or not ids:
            return []
        layer.selectByIds(ids)
        iface = self.context.iface
        patches_dock = self._patches_dock() if table_name == "patches" else None
        if patches_dock is not None:
            # our own panel, filtered to the licence, rather than a generic attribute table
            patches_dock.show_licence(record.license_no)
            patches_dock.show()
            patches_dock.raise_()
        else:
            if table_name == "inspections":
                self._make_visible(layer)  # the routes are drawn when the list is zoomed to
            show_table = getattr(iface, "showAttributeTable", None) if iface is not None else None
            if show_table is not None:
                show_table(layer, licence_list_expression(record.license_no))
        canvas = self._canvas()
        if canvas is not None and layer.isSpatial():
            rect = layer.boundingBoxOfSelected()
            if not rect.isNull():
                self._zoom_to_rect(layer, rect, flash=(layer, ids))
        self.linkedRecordsOpened.emit(table_name, ids)
        return ids
