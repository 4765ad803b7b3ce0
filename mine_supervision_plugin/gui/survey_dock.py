"""The special-survey dock: a recorded round compared with the licences and the previous round, mine by mine.

Thin: the comparison is one core call (:func:`..analysis.survey_findings.compare_stored_round`, run in a
:class:`QgsTask`), the findings go to the ledger with another
(:func:`..reports.survey_findings.send_findings`), the rounds due with a third
(:func:`..analysis.survey_findings.rounds_due`). The dock shows the mines in a
table (model + filter proxy), zooms to the one clicked and draws the overlay in a
layer group: the licence outline with its corner numbers, the surveyed extent,
the works out of bounds hatched red, the growth since the previous round orange,
the works approaching the boundary amber (colours of :data:`..palette.SURVEY`).
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsTask,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..palette import SURVEY, SURVEY_TINTS
from .context import PluginContext

#: (key of the comparison's summary, title)
COLUMNS = (
    ("license_no", "Licence"),
    ("surveyed_area_m2", "Surveyed m²"),
    ("outside_area_m2", "Outside m²"),
    ("max_distance_m", "Beyond (m)"),
    ("growth_area_m2", "Growth m²"),
    ("boundary_distance_m", "To boundary (m)"),
    ("depth_finding", "Depth"),
    ("finding", "Findings"),
)


#: The corner numbers are drawn from this scale (1:50,000) in.
CORNERS_FROM_SCALE = 50_000


def column_titles() -> list[str]:
    return [tr("Licence"), tr("Surveyed m²"), tr("Outside m²"), tr("Beyond (m)"), tr("Growth m²"),
            tr("To boundary (m)"), tr("Depth"), tr("Findings")]


def row_kind(row: dict) -> str | None:
    """The strongest finding of a mine's row: outside, depth, growth toward the boundary, approaching, or None."""
    if (row.get("outside_area_m2") or 0) > 0:
        return "outside"
    if row.get("depth_finding"):
        return "depth"
    if row.get("grew_toward_boundary"):
        return "growth"
    if row.get("approaching"):
        return "approaching"
    return None


class SurveyResultsModel(QAbstractTableModel):
    """One row per mine of a comparison (its summary rows as dicts)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.titles = column_titles()

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        value = row.get(key)
        if role == Qt.DisplayRole:
            if key == "license_no":
                return value or tr("(no licence)")
            if isinstance(value, float):
                return f"{value:,.1f}" if key.endswith("m2") else f"{value:.1f}"
            return "" if value is None else str(value)
        if role == Qt.UserRole:  # sorting: numbers as numbers, blanks first
            return value if value is not None else (-1.0 if key != "license_no" and key not in ("depth_finding", "finding") else "")
        if role == Qt.BackgroundRole:
            kind = row_kind(row)
            return QColor(SURVEY_TINTS[kind]) if kind else None
        if role == Qt.ToolTipRole and key == "finding":
            return value
        if role == Qt.TextAlignmentRole and key not in ("license_no", "depth_finding", "finding"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class SurveyFilterProxy(QSortFilterProxyModel):
    """Filters by licence number text and, optionally, to the mines with a finding."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.findings_only = False
        self.setSortRole(Qt.UserRole)

    def set_filter(self, text: str, findings_only: bool) -> None:
        self.text, self.findings_only = text.strip().lower(), findings_only
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802
        row = self.sourceModel().rows[source_row]
        if self.findings_only and row_kind(row) is None:
            return False
        return not self.text or self.text in str(row.get("license_no") or "").lower()


class CompareTask(QgsTask):
    """The comparison of a recorded round, in the background."""

    def __init__(self, store, round_id: str, previous: str | None):
        super().__init__(tr("Comparing survey round {round}").format(round=round_id), QgsTask.CanCancel)
        self.store, self.round_id, self.previous = store, round_id, previous
        self.comparison = None
        self.error: str | None = None
        self.done = None  # called with the task once finished (on the main thread)

    def run(self) -> bool:
        from ..analysis.survey_findings import compare_stored_round

        try:
            self.comparison = compare_stored_round(self.store, self.round_id, self.previous)
        except Exception as error:  # noqa: BLE001 - shown to the user in finished()
            self.error = str(error)
            return False
        return not self.isCanceled()

    def finished(self, result: bool) -> None:
        if self.done is not None:
            self.done(self, result)


def _memory_layer(kind: str, name: str, crs: QgsCoordinateReferenceSystem, items, fields: str = "") -> QgsVectorLayer:
    import shapely

    layer = QgsVectorLayer(f"{kind}?crs={crs.authid()}{fields}", name, "memory")
    features = []
    for geometry, attributes in items:
        if geometry is None or shapely.is_empty(geometry):
            continue
        feature = QgsFeature(layer.fields())
        qgs = QgsGeometry()
        qgs.fromWkb(shapely.to_wkb(geometry))
        feature.setGeometry(qgs)
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _fill(layer: QgsVectorLayer, properties: dict) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(properties)))


def _hatched(layer: QgsVectorLayer, colour: str) -> None:
    """A light fill, a bold outline and a diagonal hatch of ``colour``: the out-of-bounds works stand out over
    imagery and under the other layers' fills alike."""
    from qgis.core import QgsLinePatternFillSymbolLayer

    red = QColor(colour)
    symbol = QgsFillSymbol.createSimple({"color": f"{red.red()},{red.green()},{red.blue()},70",
                                         "outline_color": colour, "outline_width": "0.7"})
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(1.6)
    hatch.setColor(red)
    hatch.setLineWidth(0.35)
    if hatch.subSymbol() is not None:
        hatch.subSymbol().setColor(red)
        hatch.subSymbol().setWidth(0.35)
    symbol.appendSymbolLayer(hatch)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def corner_points(geometry) -> list[tuple[float, float, str]]:
    """Each corner of a licence with its number as on the licence (from 1 along each ring; parcels numbered)."""
    import shapely

    out = []
    parts = list(shapely.get_parts(geometry))
    for p, part in enumerate(parts, start=1):
        ring = list(part.exterior.coords)[:-1]
        for n, (x, y) in enumerate(ring, start=1):
            out.append((x, y, f"{p}-{n}" if len(parts) > 1 else str(n)))
    return out


class SurveyDock(QgsDockWidget):
    """The dock (see the module)."""

    GROUP = "MineSupervisionSurveyOverlay"

    @property
    def outside_layer_name(self) -> str:
        return tr("Out of bounds")

    def __init__(self, context: PluginContext, parent=None):
        super().__init__(tr("Special surveys"), parent)
        self.setObjectName("MineSupervisionSurveyDock")
        self.context = context
        self.comparison = None
        self.round_id: str | None = None
        self.task: CompareTask | None = None
        self.licence_geometries: dict[str, object] = {}
        body = QWidget(self)
        layout = QVBoxLayout(body)
        rounds = QHBoxLayout()
        rounds.addWidget(QLabel(tr("Round")))
        self.round_box = QComboBox(body)
        self.round_box.setObjectName("surveyRound")
        rounds.addWidget(self.round_box, 1)
        layout.addLayout(rounds)
        against = QHBoxLayout()  # a row of its own: the dock shares a laptop screen's width with the map
        against.addWidget(QLabel(tr("against")))
        self.previous_box = QComboBox(body)
        self.previous_box.setObjectName("surveyPrevious")
        against.addWidget(self.previous_box, 1)
        self.compare_button = QPushButton(tr("Compare"), body)
        self.compare_button.setObjectName("surveyCompare")
        self.compare_button.clicked.connect(self.compare)
        against.addWidget(self.compare_button)
        layout.addLayout(against)
        self.status = QLabel(tr("Open a supervision database to see its survey rounds."), body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText(tr("Filter by licence number"))
        self.findings_only = QCheckBox(tr("Findings only"), body)
        self.findings_only.setChecked(True)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.findings_only)
        layout.addLayout(filters)
        self.model = SurveyResultsModel(self)
        self.proxy = SurveyFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_filter("", True)
        self.filter_edit.textChanged.connect(self._refilter)
        self.findings_only.toggled.connect(self._refilter)
        self.table = QTableView(body)
        self.table.setObjectName("surveyResults")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.clicked.connect(self._clicked)
        self.table.setMinimumHeight(200)
        layout.addWidget(self.table, 1)
        self.ledger_button = QPushButton(tr("Send the selected findings to the ledger"), body)
        self.ledger_button.setObjectName("surveyToLedger")
        self.ledger_button.clicked.connect(self.send_selected)
        layout.addWidget(self.ledger_button)
        self.due = QLabel(body)
        self.due.setObjectName("surveyDue")
        self.due.setWordWrap(True)
        self.due.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.due)
        self.setWidget(body)
        context.storeChanged.connect(self.reload)
        context.dataChanged.connect(self._data_changed)
        self.reload()

    # ------------------------------------------------------------------ rounds

    def reload(self, *_args) -> None:
        """The rounds of the open database and the rounds due this year."""
        store = self.context.store
        self.round_box.clear()
        self.previous_box.clear()
        self.previous_box.addItem(tr("(no previous round)"), None)
        self.model.set_rows([])
        self.comparison = None
        enabled = store is not None
        for widget in (self.compare_button, self.ledger_button, self.round_box, self.previous_box):
            widget.setEnabled(enabled)
        if store is None:
            self.status.setText(tr("Open a supervision database to see its survey rounds."))
            self.due.setText("")
            return
        from ..store.surveys import survey_rounds

        try:
            rounds = survey_rounds(store)
        except Exception as error:  # noqa: BLE001 - said in the dock, not a traceback
            self.status.setText(str(error))
            return
        ordered = sorted((r for r in rounds if r), reverse=True)
        for round_id in ordered:
            label = tr("{round} ({count} extents)").format(round=round_id, count=rounds[round_id])
            self.round_box.addItem(label, round_id)
            self.previous_box.addItem(label, round_id)
        if len(ordered) > 1:
            self.previous_box.setCurrentIndex(2)  # the round before the latest
        self.status.setText(tr("{count} survey rounds recorded. Choose one and compare.").format(count=len(ordered))
                            if ordered else tr("No survey round recorded yet (Import a survey round…)."))
        self.show_due(dt.date.today().year)

    def show_due(self, year: int) -> None:
        from ..analysis.survey_findings import rounds_due

        try:
            due = rounds_due(self.context.store, year)
        except Exception as error:  # noqa: BLE001
            self.due.setText(str(error))
            return
        lines = [tr("Due in {year}: {count} producing mines of key monitoring zones, two rounds.").format(
            year=year, count=len(due.mines))]
        for round_id, missing in due.missing.items():
            if not due.recorded[round_id]:
                lines.append(tr("{round}: not recorded yet.").format(round=round_id))
            elif missing:
                lines.append(tr("{round}: {count} missing: {mines}").format(
                    round=round_id, count=len(missing), mines=", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")))
            else:
                lines.append(tr("{round}: complete.").format(round=round_id))
        self.due.setText("\n".join(lines))

    def _data_changed(self, table: str) -> None:
        if table in ("survey_extents", "mining_rights", "monitoring_zones"):
            self.reload()

    # ------------------------------------------------------------------ comparing

    def compare(self) -> None:
        store = self.context.store
        round_id = self.round_box.currentData()
        if store is None or not round_id:
            self.context.warning(tr("Choose a survey round of the open database first."))
            return
        previous = self.previous_box.currentData()
        if previous == round_id:
            previous = None
        self.compare_button.setEnabled(False)
        self.status.setText(tr("Comparing round {round}…").format(round=round_id))
        self.task = CompareTask(store, round_id, previous)
        self.task.done = self._compared
        QgsApplication.taskManager().addTask(self.task)

    def _compared(self, task: CompareTask, result: bool) -> None:
        if sip.isdeleted(self) or task is not self.task:
            return
        self.task = None
        self.compare_button.setEnabled(True)
        if task.store is not self.context.store:
            return
        if not result:
            message = tr("The comparison failed: {reason}").format(reason=task.error) if task.error \
                else tr("The comparison was cancelled.")
            self.status.setText(message)
            if task.error:
                self.context.error(message)
            return
        self.show_comparison(task.comparison, task.round_id, task.previous)

    def show_comparison(self, comparison, round_id: str, previous: str | None) -> None:
        self.comparison, self.round_id = comparison, round_id
        summary = comparison.summary
        rows = [{key: summary[key][i] for key in summary} for i in range(len(summary.get("license_no", [])))]
        self.model.set_rows(rows)
        self.table.sortByColumn(2, Qt.DescendingOrder)
        counts = {kind: sum(1 for r in rows if row_kind(r) == kind) for kind in SURVEY_TINTS}
        self.status.setText(tr(
            "Round {round}{against}: {mines} mines; {outside} out of bounds, {depth} beyond their depth, "
            "{growth} grew toward the boundary, {approaching} approaching it.").format(
            round=round_id, against=tr(" against {previous}").format(previous=previous) if previous else "",
            mines=len(rows), outside=counts["outside"], depth=counts["depth"], growth=counts["growth"],
            approaching=counts["approaching"]))
        for warning in comparison.warnings[:3]:
            self.context.warning(warning)
        self.draw_overlay()

    # ------------------------------------------------------------------ the overlay

    def _crs(self) -> QgsCoordinateReferenceSystem:
        return QgsCoordinateReferenceSystem(f"EPSG:{self.context.store.crs_epsg}")

    def draw_overlay(self) -> None:
        """The overlay layers of the comparison shown, in one group at the top of the layer tree."""
        from ..analysis.survey_findings import licence_boundaries

        project = QgsProject.instance()
        root = project.layerTreeRoot()
        self.remove_overlay()
        comparison, crs = self.comparison, self._crs()
        numbers = [n for n, m in zip(comparison.summary["license_no"], comparison.summary["matched"]) if n and m]
        self.licence_geometries = licence_boundaries(self.context.store, numbers)
        group = root.insertGroup(0, tr("Special survey {round}").format(round=self.round_id))
        group.setCustomProperty(self.GROUP, True)
        approaching = _memory_layer("MultiPolygon", tr("Works approaching the boundary"), crs,
                                    [(g, [n]) for g, n in zip(comparison.approaching["geometry"],
                                                              comparison.approaching["license_no"])],
                                    "&field=license_no:string")
        _fill(approaching, {"color": SURVEY["approaching"] + "99", "outline_color": SURVEY["approaching"],
                            "outline_width": "0.4"})
        growth = _memory_layer("MultiPolygon", tr("Growth since the previous round"), crs,
                               [(g, [n]) for g, n in zip(comparison.growth["geometry"], comparison.growth["license_no"])],
                               "&field=license_no:string")
        _fill(growth, {"color": SURVEY["growth"] + "80", "outline_color": SURVEY["growth"], "outline_width": "0.3"})
        outside = _memory_layer("MultiPolygon", self.outside_layer_name, crs,
                                [(g, [n]) for g, n in zip(comparison.outside["geometry"], comparison.outside["license_no"])],
                                "&field=license_no:string")
        _hatched(outside, SURVEY["outside"])
        extents = _memory_layer("MultiPolygon", tr("Surveyed extent"), crs,
                                [(g, [n]) for g, n in zip(comparison.summary["geometry"], comparison.summary["license_no"])],
                                "&field=license_no:string")
        _fill(extents, {"color": "0,0,0,0", "outline_color": SURVEY["extent"], "outline_width": "0.5",
                        "outline_style": "dash"})
        licences = _memory_layer("MultiPolygon", tr("Licensed boundary"), crs,
                                 [(g, [n]) for n, g in self.licence_geometries.items()], "&field=license_no:string")
        _fill(licences, {"color": "0,0,0,0", "outline_color": SURVEY["licence"], "outline_width": "0.8"})
        import shapely

        corners = _memory_layer("Point", tr("Licence corners"), crs,
                                [(shapely.Point(x, y), [label]) for g in self.licence_geometries.values()
                                 for x, y, label in corner_points(g)], "&field=n:string")
        corners.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": "white", "outline_color": SURVEY["licence"], "size": "1.6"})))
        labels = QgsPalLayerSettings()
        labels.fieldName = "n"
        labels.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
        text = QgsTextFormat()
        text.setColor(QColor(SURVEY["licence"]))
        text.setSize(9)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        text.setBuffer(buffer)
        labels.setFormat(text)
        corners.setLabeling(QgsVectorLayerSimpleLabeling(labels))
        corners.setLabelsEnabled(True)
        # corner numbers read at a mine's scale; over a county they would only clutter the map
        corners.setScaleBasedVisibility(True)
        corners.setMinimumScale(CORNERS_FROM_SCALE)
        self.overlay = [corners, licences, outside, approaching, growth, extents]
        for layer in self.overlay:
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        if root.hasCustomLayerOrder():  # the database's project orders its layers: the overlay goes on top
            order = [layer for layer in root.customLayerOrder() if layer not in self.overlay]
            root.setCustomLayerOrder(self.overlay + order)

    def remove_overlay(self) -> None:
        root = QgsProject.instance().layerTreeRoot()
        for group in list(root.findGroups()):
            if group.customProperty(self.GROUP):
                for layer in group.findLayers():
                    QgsProject.instance().removeMapLayer(layer.layerId())
                root.removeChildNode(group)
        self.overlay = []

    def _refilter(self, *_args) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.findings_only.isChecked())

    def _clicked(self, index) -> None:
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        self.zoom_to(row)

    def zoom_to(self, row: dict) -> None:
        """The map on the mine: its surveyed extent and its licence, with a margin."""
        import shapely

        geometries = [g for g in (row.get("geometry"), self.licence_geometries.get(row.get("license_no"))) if g is not None]
        if not geometries or self.context.store is None:
            return
        minx, miny, maxx, maxy = shapely.total_bounds(geometries)
        margin = max(maxx - minx, maxy - miny) * 0.15 + 10
        rectangle = QgsRectangle(minx - margin, miny - margin, maxx + margin, maxy + margin)
        canvas = self.context.iface.mapCanvas()
        transform = QgsCoordinateTransform(self._crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        canvas.setExtent(transform.transformBoundingBox(rectangle))
        canvas.refresh()

    # ------------------------------------------------------------------ to the ledger

    def selected_rows(self) -> list[dict]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r] for r in sorted(rows)]

    def send_selected(self) -> None:
        from ..analysis.survey_findings import findings_from
        from ..reports.survey_findings import send_findings

        if self.comparison is None or self.context.store is None:
            self.context.warning(tr("Compare a survey round first."))
            return
        chosen = {r.get("license_no") for r in self.selected_rows() if r.get("license_no")}
        findings = [f for f in findings_from(self.comparison, self.round_id)[0] if f.license_no in chosen]
        if not findings:
            self.context.warning(tr("None of the selected mines is out of bounds or beyond its depth."))
            return
        try:
            sent = send_findings(self.context.store, findings)
        except Exception as error:  # noqa: BLE001 - the store's words, not a traceback
            self.context.error(tr("The findings were not written: {reason}").format(reason=error))
            return
        self.context.success(tr("{added} findings written to the ledger; {already} were already there.").format(
            added=len(sent.ledger.added), already=len(sent.ledger.already)))
        self.context.dataChanged.emit("ledger_items")

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.done = None
        for signal, slot in ((self.context.storeChanged, self.reload), (self.context.dataChanged, self._data_changed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        try:
            self.remove_overlay()
        except RuntimeError:
            pass
