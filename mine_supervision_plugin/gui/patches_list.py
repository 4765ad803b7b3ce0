"""The list half of the patches dock: filters, the sortable table, selection and navigation.

A mixin of :class:`.patches_dock.PatchesDock`; it builds and drives
``model``/``proxy`` (:mod:`.patches_model`), the filter combos, ``view``, the
count, position and selection labels and the previous / next / zoom buttons.
It keeps the list's selection and the ``patches`` layer's the same
(``_syncing`` guards the echo). It relies on the dock for ``context``,
``_layer``, ``_record``, ``_load_current`` and ``zoom_to_current``.
"""

from __future__ import annotations

from collections.abc import Iterable

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from ..domain.vocab import display_label as label
from ..domain.vocab import display_labels
from ..domain.workflow import STATES
from ..i18n import tr
from .patches_model import (
    EMPTY_FILTER,
    PATCH_NO_ROLE,
    PatchFilterProxyModel,
    PatchTableModel,
    column_of,
)

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


class PatchListMixin:
    """Filters, list, selection and navigation of the patches dock (see the module's docstring)."""

    # ------------------------------------------------------------------ building
    def _build_list(self, body) -> tuple[QGridLayout, QHBoxLayout]:
        """The models, the filter widgets and the table; returns the filter grid and the count row."""
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
        # the licence chosen in the rights dock ("Patches: 3"): exact, shown until the filters are cleared
        self._licence_filter: str | None = None
        self.licence_filter_label = QLabel(body)
        self.licence_filter_label.hide()
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
        counts.addWidget(self.licence_filter_label)
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
        # "140404-2026-0021": the part that differs (the year and the counter) stays visible.
        self.view.setTextElideMode(Qt.ElideMiddle)
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
        return filters, counts

    def _build_navigation(self, body) -> QHBoxLayout:
        """The previous / position / next / zoom row."""
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
        return navigation

    def _fill_filter_combos(self) -> None:
        entries = {
            "state": [(code, label("patch_state", code)) for code in STATES],
            "prejudgment": [(code, text) for code, text in display_labels("prejudgment").items()]
            + [(EMPTY_FILTER, tr("(not pre-judged)"))],
            "source": [(code, text) for code, text in display_labels("patch_source").items()],
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

    def show_licence(self, license_no: str | None) -> None:
        """Show only the patches of ``license_no`` (also those listed under several licences); None: all."""
        self._licence_filter = license_no or None
        self.licence_filter_label.setText(tr("Licence {license_no}").format(license_no=license_no or ""))
        self.licence_filter_label.setVisible(self._licence_filter is not None)
        self._apply_filters()

    def clear_filters(self) -> None:
        self._licence_filter = None
        self.licence_filter_label.hide()
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
            chosen = {key: combo.currentData() for key, combo in self._filter_combos.items()}
            self.proxy.set_filters({**chosen, "license_no": self._licence_filter}, self.search_edit.text())
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
