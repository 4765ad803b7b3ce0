"""The patches dock: the list of violation patches, their verification and their workflow.

* A filtered, sortable list of every patch (state, pre-judgment, area in m²
  and 亩, licence, zone, source, year), read from the project's ``patches``
  layer in one request (:mod:`.patches_model`).
* Previous / next navigation selects each patch, zooms the map to it with a
  margin and, when the imagery viewer (:mod:`.imagery_compare`) is there,
  shows its before / after imagery.
* The verification form of the current patch (:mod:`.verification_dialog`).
* Buttons for the next workflow steps the current patch may take, and a batch
  step for the selected rows; a step goes through one use case of the store,
  :func:`~..store.patches.take_step` (form fields, move and photos in one
  transaction), with a reason asked from the user, and refusals are shown in
  the message bar with their reasons.
* The history (``patch_events``) of the current patch, with "Correct last
  step…" (:func:`~..store.patches.correct_event`).
* Selection is kept the same in the list and on the ``patches`` layer.

The dock reloads when a database is opened (``context.storeChanged``) and
when the plugin wrote patches (``context.dataChanged("patches")``); after
writing itself it emits ``dataChanged`` so other docks follow.

The dock is assembled here from its parts, one module each: the list,
filters, selection and navigation (:mod:`.patches_list`), zoom and imagery
(:mod:`.patches_map`), saving the form and the workflow steps
(:mod:`.patches_steps`), the history and corrections (:mod:`.patches_history`).
This module keeps what ties them: building the layout, the connections to the
context, the project and the ``patches`` layer, (re)loading, and the current
patch.
"""

from __future__ import annotations

import time

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import palette
from ..domain.vocab import display_label as label
from ..domain.workflow import current_state
from ..i18n import tr
from ..store.corner_checks import patrols_of_patch
from ..store.notices import notice_deadlines
from ..store.patches import (
    EVENTS,
    PATCHES,
    PHOTOS,
    get_patch,
    patch_history,
    patch_photos,
)
from ..store.project import PROJECT_KEY, find_layer
from .notice_actions import PatchNoticesMixin
from .patches_history import PatchHistoryMixin
from .patches_list import PatchListMixin
from .patches_map import PatchMapMixin
from .patches_model import COLUMNS, read_patch_rows
from .patches_steps import LOG_TAG, MAX_LISTED, PatchStepsMixin  # noqa: F401 (LOG_TAG, MAX_LISTED: kept here too)
from .signals import disconnect_all
from .verification_dialog import VerificationForm, ask_correction, ask_reason


class PatchesDock(PatchListMixin, PatchMapMixin, PatchStepsMixin, PatchHistoryMixin, PatchNoticesMixin, QgsDockWidget):
    """The violation patches panel. ``shutdown()`` before deleting it."""

    #: The patch shown in the form and history changed ("" when none).
    currentPatchChanged = pyqtSignal(str)

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
        filters, counts = self._build_list(body)
        navigation = self._build_navigation(body)
        steps, batch = self._build_steps(body)

        # form and history
        self.form = VerificationForm(body)
        history = self._build_history(body)
        self.tabs = QTabWidget(body)
        # The form scrolls, so the patch list keeps its rows on a laptop screen.
        form_scroll = QScrollArea(body)
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.NoFrame)
        self.tabs.addTab(form_scroll, tr("Verification"))
        self.tabs.addTab(history, tr("History"))
        self.tabs.addTab(self._build_patrols(body), tr("Patrols"))

        lower = QWidget(body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(navigation)
        lower_layout.addWidget(self.current_label)
        lower_layout.addLayout(steps)
        lower_layout.addLayout(batch)
        lower_layout.addLayout(self._build_notices(body))  # Issue notices…, Void notice… (notice_actions)
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
        if layer is not None and store is not None and not _layer_of(layer, store):
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
        self.model.set_notices(notice_deadlines(self.context.store) if self.context.store is not None else {})
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
        self._show_patrols(patrols_of_patch(store, patch_no) if record else [])
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
        text = tr("Patch {patch_no}: {state}, {prejudgment}").format(
            patch_no=record.get("patch_no"),
            state=label("patch_state", current_state(record)),
            prejudgment=label("prejudgment", record.get("prejudgment")) or tr("not pre-judged"),
        )
        if record.get("transfer_required"):  # seed 003, computed by the store when the violation was determined
            text += "\n" + tr("To be transferred to the judiciary (seed 003): {basis}").format(
                basis=record.get("transfer_basis") or "")
        self.current_label.setText(text)
        self.current_label.setStyleSheet(f"color: {palette.CHECK_FAILED};" if record.get("transfer_required") else "")


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


def _layer_of(layer, store) -> bool:
    """True when ``layer`` was loaded from ``store`` (a GeoPackage's file, or the PostGIS database it names)."""
    kept = layer.customProperty("mine_supervision/database", "")
    return kept == store.kept_reference if kept else layer.source().startswith(store.location)
