"""The patches dock: the list of violation patches, their verification and their workflow.

* A filtered, sortable list of every patch (state, pre-judgment, area in m²
  and 亩, licence, zone, source, year), read from the project's ``patches``
  layer in one request (:mod:`.patches_model`).
* Previous / next navigation selects each patch, zooms the map to it with a
  margin and, when the imagery viewer (:mod:`.imagery_compare`) is there,
  shows its before / after imagery.
* The verification form of the current patch (:mod:`.verification_dialog`).
* Buttons for the next workflow steps the current patch may take, and a batch
  step for the selected rows; every step goes through
  :func:`~..store.patches.transition_patches` with a reason asked from the
  user, and refusals are shown in the message bar with their reasons.
* The history (``patch_events``) of the current patch, with "Correct last
  step…" (:func:`~..store.patches.correct_event`).
* Selection is kept the same in the list and on the ``patches`` layer.

The dock reloads when a database is opened (``context.storeChanged``) and
when the plugin wrote patches (``context.dataChanged("patches")``); after
writing itself it emits ``dataChanged`` so other docks follow.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMessageLog,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import palette
from ..domain.vocab import VOCABULARIES, label
from ..domain.workflow import (
    STATES,
    TransitionError,
    allowed_targets,
    check_transition,
    check_updates,
    current_state,
    rectification_may_be_required,
    rectification_required,
)
from ..i18n import tr
from ..store.database import StoreError
from ..store.patches import (
    EVENTS,
    PATCHES,
    PHOTOS,
    correct_event,
    get_patch,
    patch_history,
    patch_photos,
    take_step,
    transition_patches,
)
from ..store.project import PROJECT_KEY, find_layer
from .patches_model import (
    COLUMNS,
    EMPTY_FILTER,
    PATCH_NO_ROLE,
    PatchFilterProxyModel,
    PatchTableModel,
    column_of,
    read_patch_rows,
)
from .signals import disconnect_all
from .verification_dialog import VerificationForm, ask_correction, ask_reason, save_form

LOG_TAG = "Mine supervision"
#: Refused patches listed in the message bar; the full list goes to the message log.
MAX_LISTED = 8

_COLUMN_WIDTHS = {
    "patch_no": 120,
    "state": 64,
    "prejudgment": 118,
    "area_m2": 90,
    "area_mu": 70,
    "license_no": 150,
    "zone": 130,
    "source": 56,
    "year": 48,
    "date_before": 84,
    "date_after": 84,
    "determination": 56,
}


class PatchesDock(QgsDockWidget):
    """The violation patches panel. ``shutdown()`` before deleting it."""

    #: The patch shown in the form and history changed ("" when none).
    currentPatchChanged = pyqtSignal(str)

    #: Space added on every side of a patch when zooming to it, as a share of its larger side.
    ZOOM_MARGIN = 0.5
    #: Smallest extent (map units of a projected CRS) a zoom shows, so tiny patches keep context.
    MIN_EXTENT = 100.0

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(tr("Violation patches"), parent)
        self.setObjectName("MineSupervisionPatchesDock")
        self.context = context
        # Replaceable (tests, other front ends): ask_reason(parent, title, prompt, *, ask_rectification, default)
        # -> ReasonAnswer | None; ask_correction(parent, event, patch) -> CorrectionAnswer | None.
        self.ask_reason = ask_reason
        self.ask_correction = ask_correction
        #: The before/after imagery viewer; found in the main window when not set.
        self.imagery_viewer = None
        self.last_load_seconds = 0.0
        self._connections: list[tuple[object, object]] = []
        self._layer: QgsVectorLayer | None = None
        self._layer_connections: list[tuple[object, object]] = []
        self._syncing = False
        self._record: dict | None = None  # the current patch as stored (without geometry)
        self._geometry = None  # its shapely geometry in the store's CRS
        self._history: list[dict] = []
        self.step_buttons: dict[str, QPushButton] = {}

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

        self._build()
        self._connect(context.storeChanged, self._store_changed)
        self._connect(context.dataChanged, self._data_changed)
        project = QgsProject.instance()
        self._connect(project.layersAdded, self._layers_added)
        self._connect(project.layersWillBeRemoved, self._layers_will_be_removed)
        self.reload()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        body = QWidget(self)
        self.model = PatchTableModel(self)
        self.proxy = PatchFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        # filters
        self.state_combo = QComboBox(body)
        self.prejudgment_combo = QComboBox(body)
        self.source_combo = QComboBox(body)
        self.year_combo = QComboBox(body)
        self.zone_combo = QComboBox(body)
        self.search_edit = QgsFilterLineEdit(body)
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Licence or patch number"))
        self._filter_combos = {
            "state": self.state_combo,
            "prejudgment": self.prejudgment_combo,
            "source": self.source_combo,
            "year": self.year_combo,
            "zone_name": self.zone_combo,
        }
        for combo in self._filter_combos.values():
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.clear_filters_button = QPushButton(tr("Clear filters"), body)
        self.count_label = QLabel(body)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        cells = (
            (tr("State"), self.state_combo),
            (tr("Pre-judgment"), self.prejudgment_combo),
            (tr("Source"), self.source_combo),
            (tr("Year"), self.year_combo),
            (tr("Zone"), self.zone_combo),
            (tr("Licence"), self.search_edit),
        )
        for i, (text, widget) in enumerate(cells):
            row, column = divmod(i, 3)
            filters.addWidget(QLabel(text, body), row, column * 2)
            filters.addWidget(widget, row, column * 2 + 1)
        for column in (1, 3, 5):
            filters.setColumnStretch(column, 1)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(self.clear_filters_button)

        # list
        self.view = QTableView(body)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(column_of("patch_no"), Qt.AscendingOrder)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for key, width in _COLUMN_WIDTHS.items():
            self.view.setColumnWidth(column_of(key), width)

        # navigation and workflow
        self.previous_button = QPushButton(tr("◀ Previous"), body)
        self.previous_button.setToolTip(tr("Select the previous patch of the list and zoom to it"))
        self.next_button = QPushButton(tr("Next ▶"), body)
        self.next_button.setToolTip(tr("Select the next patch of the list and zoom to it"))
        self.zoom_button = QPushButton(tr("Zoom"), body)
        self.zoom_button.setToolTip(tr("Zoom to the current patch and show its imagery"))
        self.position_label = QLabel(body)
        self.position_label.setAlignment(Qt.AlignCenter)
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.position_label, 1)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.zoom_button)

        self.current_label = QLabel(body)
        self.current_label.setWordWrap(True)
        self.steps_layout = QHBoxLayout()
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        steps = QHBoxLayout()
        steps.addWidget(QLabel(tr("Next step:"), body))
        steps.addLayout(self.steps_layout, 1)

        self.selection_label = QLabel(body)
        self.batch_combo = QComboBox(body)
        for state in STATES[1:]:
            self.batch_combo.addItem(label("patch_state", state), state)
        self.batch_button = QPushButton(tr("Apply to selected…"), body)
        self.batch_button.setToolTip(
            tr("Move every selected patch to this state; refused ones are listed with reasons")
        )
        batch = QHBoxLayout()
        batch.addWidget(self.selection_label, 1)
        batch.addWidget(self.batch_combo)
        batch.addWidget(self.batch_button)

        # form and history
        self.form = VerificationForm(body)
        self.history_table = QTableWidget(0, 4, body)
        self.history_table.setHorizontalHeaderLabels([tr("Time"), tr("User"), tr("Step"), tr("Reason")])
        self.history_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.setWordWrap(False)
        self.history_table.setColumnWidth(0, 130)
        self.history_table.setColumnWidth(1, 80)
        self.history_table.setColumnWidth(2, 150)
        self.correct_button = QPushButton(tr("Correct last step…"), body)
        self.correct_button.setToolTip(
            tr("Record a correction of the latest step as a new step; the history is never edited")
        )
        history = QWidget(body)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_table)
        correct_row = QHBoxLayout()
        correct_row.addStretch(1)
        correct_row.addWidget(self.correct_button)
        history_layout.addLayout(correct_row)
        self.tabs = QTabWidget(body)
        # The form scrolls, so the patch list keeps its rows on a laptop screen.
        form_scroll = QScrollArea(body)
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.NoFrame)
        self.tabs.addTab(form_scroll, tr("Verification"))
        self.tabs.addTab(history, tr("History"))

        lower = QWidget(body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(navigation)
        lower_layout.addWidget(self.current_label)
        lower_layout.addLayout(steps)
        lower_layout.addLayout(batch)
        lower_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Vertical, body)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 8)

        layout = QVBoxLayout(body)
        layout.addLayout(filters)
        layout.addLayout(counts)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        for combo in self._filter_combos.values():
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search_edit.textChanged.connect(self._apply_filters)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.doubleClicked.connect(lambda _index: self.zoom_to_current())
        self.previous_button.clicked.connect(self.previous_patch)
        self.next_button.clicked.connect(self.next_patch)
        self.zoom_button.clicked.connect(self.zoom_to_current)
        self.batch_button.clicked.connect(lambda: self.transition_selected(self.batch_combo.currentData()))
        self.correct_button.clicked.connect(self.correct_last_step)
        self.form.saveRequested.connect(self.save_verification)
        self._fill_filter_combos()

    # ------------------------------------------------------------------ connections
    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def shutdown(self) -> None:
        """Disconnect everything this dock connected outside itself (context, project, layer)."""
        self._reload_timer.stop()
        disconnect_all(self._connections)
        self._unbind_layer()
        self.imagery_viewer = None

    def _bind_layer(self) -> None:
        store = self.context.store
        layer = find_layer(PATCHES) if store is not None else None
        if layer is not None and store is not None and not layer.source().startswith(store.location):
            layer = None  # a patches layer of another database
        if layer is self._layer:
            return
        self._unbind_layer()
        if layer is None:
            return
        self._layer = layer
        for signal, slot in (
            (layer.selectionChanged, self._layer_selection_changed),
            (layer.willBeDeleted, self._layer_deleted),
        ):
            signal.connect(slot)
            self._layer_connections.append((signal, slot))

    def _unbind_layer(self) -> None:
        if self._layer is not None and not sip.isdeleted(self._layer):
            disconnect_all(self._layer_connections)
        self._layer_connections.clear()
        self._layer = None

    def _layer_deleted(self) -> None:
        self._layer_connections.clear()
        self._layer = None
        self.schedule_reload()

    def _layers_added(self, layers) -> None:
        if any(layer.customProperty(f"{PROJECT_KEY}/table") == PATCHES for layer in layers):
            self.schedule_reload()

    def _layers_will_be_removed(self, layer_ids) -> None:
        if self._layer is not None and not sip.isdeleted(self._layer) and self._layer.id() in layer_ids:
            self._unbind_layer()
            self.schedule_reload()

    def _store_changed(self, _store) -> None:
        self.reload()

    def _data_changed(self, table_name: str) -> None:
        if table_name in (PATCHES, EVENTS, PHOTOS):
            self._syncing = True
            try:
                refresh_layer(table_name)
            finally:
                self._syncing = False
        if table_name == PATCHES:
            self.reload()
        elif table_name in (EVENTS, PHOTOS):
            self._load_current(self.current_patch_no(), keep_edits=True)

    def schedule_reload(self) -> None:
        """Reload once control returns to the event loop (several triggers make one reload)."""
        self._reload_timer.start()

    # ------------------------------------------------------------------ loading
    @property
    def layer(self) -> QgsVectorLayer | None:
        """The project's ``patches`` layer the selection is synchronised with, if loaded."""
        return self._layer

    def _read_rows(self) -> list[dict]:
        store = self.context.store
        if store is None:
            return []
        if self._layer is not None:
            return read_patch_rows(self._layer)
        layer = QgsVectorLayer(store.layer_uri(PATCHES), PATCHES, "ogr")
        return read_patch_rows(layer) if layer.isValid() else []

    def reload(self) -> None:
        """Read every patch again, keeping filters, sort order, selection and the current patch."""
        self._reload_timer.stop()
        started = time.perf_counter()
        self._bind_layer()
        current = self.current_patch_no()
        if self._layer is not None:
            selected = set(self._layer.selectedFeatureIds())
        else:
            selected = set(self.selected_fids())
        rows = self._read_rows()
        self._syncing = True
        try:
            self.model.set_rows(rows)
            self._fill_filter_combos()
            self._select_fids(selected)
        finally:
            self._syncing = False
        if current and self.proxy.proxy_row_of_patch(current) >= 0:
            self._set_current_row(self.proxy.proxy_row_of_patch(current), select=False)
            self._load_current(current, keep_edits=True)
        else:
            self._load_current(None)
        self._update_counts()
        self.last_load_seconds = time.perf_counter() - started

    def _fill_filter_combos(self) -> None:
        entries = {
            "state": [(code, label("patch_state", code)) for code in STATES],
            "prejudgment": [(code, text) for code, text in VOCABULARIES["prejudgment"].items()]
            + [(EMPTY_FILTER, tr("(not pre-judged)"))],
            "source": [(code, text) for code, text in VOCABULARIES["patch_source"].items()],
            "year": [(year, str(year)) for year in self.model.distinct("year")],
            "zone_name": [(name, name) for name in self.model.distinct("zone_name")]
            + [(EMPTY_FILTER, tr("(outside every zone)"))],
        }
        for key, combo in self._filter_combos.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            try:
                combo.clear()
                combo.addItem(tr("All"), None)
                for value, text in entries[key]:
                    combo.addItem(text, value)
                index = combo.findData(chosen) if chosen is not None else 0
                if index < 0:  # keep a filter whose value disappeared, so the list does not change silently
                    combo.addItem(str(chosen), chosen)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            finally:
                combo.blockSignals(False)

    # ------------------------------------------------------------------ filters
    def set_filters(self, **filters) -> None:
        """Set filters by key (state, prejudgment, source, year, zone_name; text); None clears one."""
        for key, value in filters.items():
            if key == "text":
                self.search_edit.setText(value or "")
                continue
            combo = self._filter_combos[key]
            index = combo.findData(value) if value is not None else 0
            if index < 0:
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

    def clear_filters(self) -> None:
        for combo in self._filter_combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self, *args) -> None:
        self._syncing = True  # hiding rows must not change the layer's selection
        try:
            self.proxy.set_filters(
                {key: combo.currentData() for key, combo in self._filter_combos.items()}, self.search_edit.text()
            )
            if self._layer is not None:
                self._select_fids(self._layer.selectedFeatureIds())
        finally:
            self._syncing = False
        current = self.current_patch_no()
        row = self.proxy.proxy_row_of_patch(current) if current else -1
        if row >= 0:
            self._set_current_row(row, select=False)
        self._update_counts()

    def visible_patch_nos(self) -> list[str]:
        """Patch numbers of the rows the filters let through, in list order."""
        return [self.proxy.index(row, 0).data(PATCH_NO_ROLE) for row in range(self.proxy.rowCount())]

    def _update_counts(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(tr("{shown} of {total} patches").format(shown=shown, total=total))
        self._update_position()
        self._update_selection_label()

    def _update_position(self) -> None:
        current = self.view.currentIndex()
        shown = self.proxy.rowCount()
        if current.isValid():
            self.position_label.setText(tr("{position} / {count}").format(position=current.row() + 1, count=shown))
        else:
            self.position_label.setText(tr("– / {count}").format(count=shown))
        self.previous_button.setEnabled(shown > 0)
        self.next_button.setEnabled(shown > 0)
        self.zoom_button.setEnabled(self._record is not None)

    # ------------------------------------------------------------------ selection
    def _selected_proxy_rows(self) -> list[int]:
        rows = []
        for selection_range in self.view.selectionModel().selection():
            rows.extend(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(set(rows))

    def selected_fids(self) -> list[int]:
        """Feature ids of the selected rows, in list order."""
        return self.proxy.fids_of_proxy_rows(self._selected_proxy_rows())

    def selected_patch_nos(self) -> list[str]:
        """Patch numbers of the selected rows, in list order."""
        by_fid = {row["fid"]: row["patch_no"] for row in self.model.rows}
        return [by_fid[fid] for fid in self.selected_fids()]

    def select_patches(self, patch_nos: Iterable[str]) -> None:
        """Select these patches in the list (and so on the layer)."""
        fids = []
        for number in patch_nos:
            row = self.model.row_of_patch(number)
            if row >= 0:
                fids.append(self.model.record(row)["fid"])
        self._select_fids(fids)
        self._view_selection_changed()

    def _select_fids(self, fids: Iterable[int]) -> None:
        """Select the rows of ``fids`` in the view (contiguous ranges, fast for thousands)."""
        rows = self.proxy.proxy_rows_of_fids(fids)
        selection = QItemSelection()
        last_column = self.proxy.columnCount() - 1
        start = previous = None
        for row in rows + [None]:
            if start is not None and (row is None or row != previous + 1):
                selection.select(self.proxy.index(start, 0), self.proxy.index(previous, last_column))
                start = None
            if row is not None and start is None:
                start = row
            previous = row
        was_syncing = self._syncing
        self._syncing = True
        try:
            self.view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        finally:
            self._syncing = was_syncing
        self._update_selection_label()

    def _view_selection_changed(self, *args) -> None:
        self._update_selection_label()
        if self._syncing or self._layer is None:
            return
        self._syncing = True
        try:
            self._layer.selectByIds(self.selected_fids())
        finally:
            self._syncing = False

    def _layer_selection_changed(self, *args) -> None:
        if self._syncing or self._layer is None:
            return
        fids = self._layer.selectedFeatureIds()
        self._select_fids(fids)
        if len(fids) == 1:
            row = self.proxy.proxy_row_of_fid(fids[0])
            if row >= 0:
                self._set_current_row(row, select=False)
                self.view.scrollTo(self.proxy.index(row, 0))

    def _update_selection_label(self) -> None:
        count = len(self._selected_proxy_rows())
        self.selection_label.setText(tr("{count} selected").format(count=count))
        self.batch_button.setEnabled(count > 0 and self.context.store is not None)

    # ------------------------------------------------------------------ current patch and navigation
    def current_patch_no(self) -> str | None:
        return self._record.get("patch_no") if self._record else None

    def current_patch(self) -> dict | None:
        """The current patch's stored fields (without geometry)."""
        return dict(self._record) if self._record else None

    def set_current_patch(self, patch_no: str, *, zoom: bool = True) -> bool:
        """Make ``patch_no`` current and selected (and zoom to it); False when it is not in the list."""
        row = self.proxy.proxy_row_of_patch(patch_no)
        if row < 0:
            return False
        self._set_current_row(row, select=True)
        if zoom:
            self.zoom_to_current()
        return True

    def next_patch(self) -> str | None:
        """Select the next patch of the (filtered, sorted) list and zoom to it."""
        return self._step(1)

    def previous_patch(self) -> str | None:
        """Select the previous patch of the list and zoom to it."""
        return self._step(-1)

    def _step(self, delta: int) -> str | None:
        count = self.proxy.rowCount()
        if count == 0:
            self.context.info(tr("No patch in the list."))
            return None
        current = self.view.currentIndex()
        if not current.isValid():
            row = 0 if delta > 0 else count - 1
        else:
            row = current.row() + delta
            if row < 0 or row >= count:
                self.context.info(
                    tr("This is the last patch of the list.")
                    if delta > 0
                    else tr("This is the first patch of the list.")
                )
                return self.current_patch_no()
        self._set_current_row(row, select=True)
        self.view.scrollTo(self.proxy.index(row, 0))
        self.zoom_to_current()
        return self.current_patch_no()

    def _set_current_row(self, row: int, *, select: bool) -> None:
        index = self.proxy.index(row, 0)
        flags = (
            QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows if select else QItemSelectionModel.NoUpdate
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        if not select:
            self._current_row_changed(index, None)

    def _current_row_changed(self, current, _previous) -> None:
        patch_no = current.data(PATCH_NO_ROLE) if current is not None and current.isValid() else None
        if patch_no != self.current_patch_no():
            self._load_current(patch_no)
        self._update_position()

    def _load_current(self, patch_no: str | None, *, keep_edits: bool = False) -> None:
        """Read the current patch from the store and show it in the form, the history and the step buttons."""
        previous = self.current_patch_no()
        edits, pending = {}, []
        if previous and self.form.patch_no() == previous:
            edits, pending = self.form.changed_values(), self.form.pending_photos()
        if (edits or pending) and not (keep_edits and previous == patch_no):
            self.context.warning(
                tr("Unsaved changes of the verification form of patch {patch_no} were discarded.").format(
                    patch_no=previous
                )
            )
            edits, pending = {}, []
        store = self.context.store
        record = get_patch(store, patch_no) if store is not None and patch_no else None
        self._geometry = record.pop("geometry", None) if record else None
        self._record = record
        photos = patch_photos(store, patch_no) if record else []
        self.form.set_patch(record, photos)
        if record and patch_no == previous and (edits or pending):
            self.form.set_values(edits)
            self.form.add_photo_paths(pending)
        self._history = patch_history(store, patch_no) if record else []
        self._show_history()
        self._rebuild_step_buttons()
        self._show_current_label()
        self._update_position()
        if patch_no != previous:
            self.currentPatchChanged.emit(patch_no or "")

    def _show_current_label(self) -> None:
        record = self._record
        if record is None:
            self.current_label.setText(tr("No patch selected."))
            return
        self.current_label.setText(
            tr("Patch {patch_no}: {state}, {prejudgment}").format(
                patch_no=record.get("patch_no"),
                state=label("patch_state", current_state(record)),
                prejudgment=label("prejudgment", record.get("prejudgment")) or tr("not pre-judged"),
            )
        )

    # ------------------------------------------------------------------ map and imagery
    def _current_geometry(self) -> tuple[QgsGeometry | None, QgsCoordinateReferenceSystem | None]:
        """The current patch's geometry and its CRS: from the layer when loaded, else from the store."""
        record = self._record
        if record is None:
            return None, None
        if self._layer is not None and record.get("fid") is not None:
            request = QgsFeatureRequest(int(record["fid"]))
            request.setNoAttributes()
            for feature in self._layer.getFeatures(request):
                if feature.hasGeometry():
                    return QgsGeometry(feature.geometry()), self._layer.crs()
        if self._geometry is None or self._geometry.is_empty:
            return None, None
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(self._geometry))
        return geometry, QgsCoordinateReferenceSystem(f"EPSG:{self.context.store.crs_epsg}")

    def _canvas(self):
        iface = self.context.iface
        return iface.mapCanvas() if iface is not None else None

    def zoom_to_current(self) -> bool:
        """Zoom the map to the current patch with a margin and show its imagery; False when it has no geometry."""
        geometry, crs = self._current_geometry()
        if geometry is None or geometry.isEmpty():
            if self._record is not None:
                self.context.warning(
                    tr("Patch {patch_no} has no geometry to zoom to.").format(patch_no=self.current_patch_no())
                )
            return False
        canvas = self._canvas()
        if canvas is not None:
            destination = canvas.mapSettings().destinationCrs()
            rectangle = geometry.boundingBox()
            if destination.isValid() and crs is not None and crs.isValid() and destination != crs:
                try:
                    transform = QgsCoordinateTransform(crs, destination, QgsProject.instance())
                    rectangle = transform.transformBoundingBox(rectangle)
                except Exception as error:  # noqa: BLE001 (QgsCsException and friends)
                    self.context.warning(tr("The patch cannot be shown in the map's CRS: {error}").format(error=error))
                    return False
            canvas.setExtent(self.extent_with_margin(rectangle, geographic=destination.isGeographic()))
            canvas.refresh()
        self._show_imagery(geometry, crs)
        return True

    def extent_with_margin(self, rectangle: QgsRectangle, *, geographic: bool = False) -> QgsRectangle:
        """``rectangle`` grown by :attr:`ZOOM_MARGIN` on each side, and at least :attr:`MIN_EXTENT` wide."""
        minimum = self.MIN_EXTENT / 111_000.0 if geographic else self.MIN_EXTENT
        size = max(rectangle.width(), rectangle.height())
        half = max(size * (0.5 + self.ZOOM_MARGIN), minimum / 2.0)
        centre = rectangle.center()
        half_width = max(half, rectangle.width() / 2.0)
        half_height = max(half, rectangle.height() / 2.0)
        return QgsRectangle(
            centre.x() - half_width, centre.y() - half_height, centre.x() + half_width, centre.y() + half_height
        )

    def find_imagery_viewer(self):
        """The before/after imagery viewer (``imagery_compare.ImageryCompareDock``) if it exists."""
        viewer = self.imagery_viewer
        if viewer is not None and _alive(viewer):
            return viewer
        try:
            from .imagery_compare import ImageryCompareDock
        except ImportError:
            return None
        window = self.context.iface.mainWindow() if self.context.iface is not None else None
        candidates = list(window.findChildren(ImageryCompareDock)) if window is not None else []
        if not candidates:
            candidates = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImageryCompareDock)]
        return candidates[0] if candidates else None

    def _show_imagery(self, geometry: QgsGeometry, crs) -> bool:
        viewer = self.find_imagery_viewer()
        if viewer is None or self._record is None:
            return False
        try:
            viewer.show_patch(geometry, self._record.get("date_before"), self._record.get("date_after"), crs=crs)
        except Exception as error:  # noqa: BLE001 (another module: report, never break navigation)
            self.context.warning(
                tr("The imagery of patch {patch_no} could not be shown: {error}").format(
                    patch_no=self.current_patch_no(), error=error
                )
            )
            return False
        return True

    # ------------------------------------------------------------------ verification form
    def save_verification(self) -> bool:
        """Save the form of the current patch without a workflow step."""
        store = self.context.store
        if store is None or self._record is None:
            return False
        doubts: list[str] = []
        try:
            changed, photos = save_form(store, self.form, doubts)
        except TransitionError as error:
            self._refused(self.current_patch_no(), None, error.reasons)
            return False
        except (StoreError, RuntimeError) as error:
            self.context.error(
                tr("The verification of patch {patch_no} was not saved: {error}").format(
                    patch_no=self.current_patch_no(), error=error
                )
            )
            return False
        if not changed and not photos:
            return True
        self.form.set_patch(None)  # saved: nothing of it is carried over by the reload
        self.context.success(tr("Verification of patch {patch_no} saved.").format(patch_no=self.current_patch_no()))
        if doubts:
            self.context.warning(" ".join(doubts))
        self._written(photos=bool(photos))
        return True

    # ------------------------------------------------------------------ workflow
    def _rebuild_step_buttons(self) -> None:
        while self.steps_layout.count():
            item = self.steps_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                # Off screen at once: deleteLater alone leaves it drawn until the event loop comes back.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.step_buttons = {}
        record = self._record
        if record is None:
            return
        for target in allowed_targets(current_state(record)):
            button = QPushButton(tr("→ {state}").format(state=label("patch_state", target)), self.widget())
            button.setToolTip(
                tr("Move patch {patch_no} to {state}; the form's changes are saved with the step").format(
                    patch_no=record.get("patch_no"), state=label("patch_state", target)
                )
            )
            button.clicked.connect(lambda _checked=False, state=target: self.transition_current(state))
            self.steps_layout.addWidget(button)
            self.step_buttons[target] = button
        if not self.step_buttons:
            self.steps_layout.addWidget(QLabel(tr("none (closed)"), self.widget()))
        self.steps_layout.addStretch(1)

    def transition_current(self, to_state: str):
        """Move the current patch to ``to_state`` with the form's changes; returns the TransitionReport or None."""
        store, record = self.context.store, self._record
        if store is None or record is None:
            return None
        patch_no = record["patch_no"]
        updates = self.form.changed_values()
        ask_rectification = rectification_required(current_state(record), to_state)
        # Checked before asking for a reason; the store checks again when writing.
        reasons = check_updates(record, updates) + check_transition(
            {**record, **updates}, to_state, rectification_completed=ask_rectification
        )
        if reasons:
            self._refused(patch_no, to_state, reasons)
            return None
        answer = self.ask_reason(
            self,
            tr("Workflow step"),
            tr("Move patch {patch_no} from {from_state} to {to_state}.").format(
                patch_no=patch_no,
                from_state=label("patch_state", current_state(record)),
                to_state=label("patch_state", to_state),
            ),
            ask_rectification=ask_rectification,
            require_rectification=ask_rectification,
        )
        if answer is None:
            return None
        try:
            report = take_step(
                store,
                [patch_no],
                to_state,
                reason=answer.reason,
                updates=updates,
                photos=self.form.pending_photos(),
                rectification_completed=answer.rectification_completed,
            )
        except TransitionError as error:
            self._refused(patch_no, to_state, error.reasons)
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("Patch {patch_no} was not moved: {error}").format(patch_no=patch_no, error=error))
            return None
        if report.done:
            self.form.set_patch(None)  # saved with the step: nothing of it is carried over by the reload
            self.context.success(
                tr("Patch {patch_no} moved to {state}.").format(patch_no=patch_no, state=label("patch_state", to_state))
            )
            if report.warnings:
                self.context.warning(" ".join(report.warnings))
            self._written(photos=bool(report.photos.get(patch_no)))
        else:
            self._refused(patch_no, to_state, report.refused.get(patch_no, []))
        return report

    def transition_selected(self, to_state: str | None = None):
        """Move every selected patch to ``to_state``; report moved and refused ones. Returns the TransitionReport."""
        store = self.context.store
        to_state = to_state or self.batch_combo.currentData()
        numbers = self.selected_patch_nos()
        if store is None or not numbers or not to_state:
            self.context.info(tr("Select the patches to move first."))
            return None
        answer = self.ask_reason(
            self,
            tr("Workflow step for {count} patches").format(count=len(numbers)),
            tr(
                "Move the {count} selected patches to {state}. Patches that may not take this step are left as they are and listed."
            ).format(count=len(numbers), state=label("patch_state", to_state)),
            ask_rectification=rectification_may_be_required(to_state),
        )
        if answer is None:
            return None
        try:
            report = transition_patches(
                store, numbers, to_state, reason=answer.reason, rectification_completed=answer.rectification_completed
            )
        except TransitionError as error:
            self.context.warning(" ".join(error.reasons))
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("No patch was moved: {error}").format(error=error))
            return None
        self._report_batch(report, to_state)
        if report.done:
            self._written()
        return report

    def _report_batch(self, report, to_state: str) -> None:
        state = label("patch_state", to_state)
        if not report.refused:
            self.context.success(tr("{count} patches moved to {state}.").format(count=len(report.done), state=state))
            return
        lines = [f"{number}: {' '.join(reasons)}" for number, reasons in report.refused.items()]
        shown = "; ".join(lines[:MAX_LISTED])
        if len(lines) > MAX_LISTED:
            shown += " " + tr("… and {count} more (see the message log).").format(count=len(lines) - MAX_LISTED)
        text = tr("{done} patches moved to {state}, {refused} refused: {details}").format(
            done=len(report.done), state=state, refused=len(report.refused), details=shown
        )
        QgsMessageLog.logMessage(
            tr("Refused moves to {state}:").format(state=state) + "\n" + "\n".join(lines), LOG_TAG, Qgis.Warning
        )
        self.context.warning(text)

    def _refused(self, patch_no: str | None, to_state: str | None, reasons: list[str]) -> None:
        if to_state is None:
            text = tr("Patch {patch_no} was not saved: {reasons}").format(patch_no=patch_no, reasons=" ".join(reasons))
        else:
            text = tr("Patch {patch_no} cannot move to {state}: {reasons}").format(
                patch_no=patch_no, state=label("patch_state", to_state), reasons=" ".join(reasons)
            )
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.Warning)
        self.context.warning(text)

    def _written(self, *, photos: bool = False) -> None:
        """Tell everyone (this dock included) that patches and their events changed."""
        self.context.dataChanged.emit(PATCHES)
        self.context.dataChanged.emit(EVENTS)
        if photos:
            self.context.dataChanged.emit(PHOTOS)

    # ------------------------------------------------------------------ history
    def history(self) -> list[dict]:
        """The events of the current patch, as shown in the history pane."""
        return list(self._history)

    def _show_history(self) -> None:
        table = self.history_table
        table.setRowCount(0)
        table.setRowCount(len(self._history))
        grey = QBrush(QColor(palette.CORRECTED_EVENT))
        for row, event in enumerate(self._history):
            when = event.get("event_time")
            when_text = when.strftime("%Y-%m-%d %H:%M:%S") if hasattr(when, "strftime") else str(when or "")
            from_state, to_state = event.get("from_state"), event.get("to_state")
            step = f"{label('patch_state', from_state) if from_state else '—'} → {label('patch_state', to_state)}"
            reason = event.get("reason") or ""
            if event.get("corrects_event") is not None:
                step = tr("correction of #{fid}: {step}").format(fid=event["corrects_event"], step=step)
            items = [
                QTableWidgetItem(when_text),
                QTableWidgetItem(event.get("user_name") or ""),
                QTableWidgetItem(step),
                QTableWidgetItem(reason),
            ]
            tooltip = tr("Step #{fid}").format(fid=event.get("fid"))
            if event.get("corrected_by") is not None:
                tooltip += " — " + tr("corrected by #{fid}").format(fid=event["corrected_by"])
            for column, item in enumerate(items):
                item.setToolTip(tooltip if column != 3 else (reason or tooltip))
                item.setData(Qt.UserRole, event.get("fid"))
                if event.get("corrected_by") is not None:
                    item.setForeground(grey)
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                table.setItem(row, column, item)
        if self._history:
            table.scrollToBottom()
        last = self._history[-1] if self._history else None
        self.correct_button.setEnabled(last is not None and last.get("from_state") is not None)

    def history_rows(self) -> list[tuple[str, str, str, str]]:
        """The texts of the history pane, row by row (time, user, step, reason)."""
        table = self.history_table
        return [
            tuple(table.item(row, column).text() for column in range(table.columnCount()))
            for row in range(table.rowCount())
        ]

    def correct_last_step(self) -> int | None:
        """Correct the current patch's latest step by a new event; returns the new event's fid."""
        store, record = self.context.store, self._record
        if store is None or record is None or not self._history:
            return None
        event = self._history[-1]
        if event.get("from_state") is None:
            self.context.info(tr("The issue record of a patch cannot be corrected."))
            return None
        answer = self.ask_correction(self, event, record)
        if answer is None:
            return None
        try:
            fid = correct_event(
                store,
                event["fid"],
                to_state=answer.to_state,
                reason=answer.reason,
                rectification_completed=answer.rectification_completed,
            )
        except TransitionError as error:
            self._refused(record["patch_no"], answer.to_state, error.reasons)
            return None
        except (StoreError, RuntimeError) as error:
            self.context.error(tr("The step was not corrected: {error}").format(error=error))
            return None
        self.context.success(
            tr("Step #{fid} of patch {patch_no} corrected: now {state}.").format(
                fid=event["fid"], patch_no=record["patch_no"], state=label("patch_state", answer.to_state)
            )
        )
        self._written()
        return fid


def _alive(obj) -> bool:
    """False for a Qt object whose C++ side was deleted; True for plain Python objects."""
    try:
        return not sip.isdeleted(obj)
    except TypeError:
        return True


def refresh_layer(table_name: str) -> None:
    """Make the project's layer of a supervision table read the database again and repaint."""
    layer = find_layer(table_name)
    if layer is None or sip.isdeleted(layer):
        return
    selected = layer.selectedFeatureIds()
    layer.reload()  # new feature count and extent; it also clears the selection, which is put back
    if selected:
        layer.selectByIds(selected)
    layer.triggerRepaint()


__all__ = ["PatchesDock", "COLUMNS", "refresh_layer"]
