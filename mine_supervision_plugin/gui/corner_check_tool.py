"""The boundary-corner check map tool (拐点核查).

Choose a mine (the licence selected in the rights layer, else a chooser; a
right click chooses another): its numbered corners are drawn. A left click
near a corner opens its check: the measured coordinate typed, pasted from an
RTK receiver (``N,E``) or picked on the map, the stake state, a photo, a note
and the patrol it belongs to (an existing patrol of the mine, or a new one).
The check is recorded by :func:`..store.corner_checks.record_corner_check`
(one transaction) and drawn: the licensed corner, the measured point and the
deviation line labelled with its length (green passed, red failed, orange
not judged). A patrol with fewer than three corner checks of the mine is
flagged in the dialog's patrol list and in the message after saving.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsFileWidget, QgsMapCanvasItem, QgsMapTool
from qgis.PyQt.QtCore import QDate, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QDoubleValidator, QFont, QFontMetricsF, QPen
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from .. import palette, settings
from ..domain import corner_checks as rule
from ..domain.units import format_coordinate
from ..domain.vocab import display_label, display_labels
from ..i18n import tr
from ..store.database import StoreError
from ..store.project import find_layer
from .dialog_parts import add_error_and_buttons
from .signals import disconnect_all

#: a click within this many pixels of a corner opens its check
SEARCH_PX = 14
#: the dialog's answer when the user wants to pick the measured point on the map
PICK = 2
NEW_PATROL = -1
UNJUDGED = "#ef6c00"
REFRESHED_TABLES = ("corner_checks", "inspections")


def _outcome_colour(outcome: str) -> str:
    return {rule.PASSED: palette.CHECK_PASSED, rule.EXCEEDED: palette.CHECK_FAILED}.get(outcome, UNJUDGED)


class CornerCheckCanvasItem(QgsMapCanvasItem):
    """The chosen mine's numbered corners and its checks, drawn over the map (points in the database CRS)."""

    def __init__(self, canvas):
        super().__init__(canvas)
        self._canvas = canvas
        self.corners: list[dict] = []
        self.checks: list[dict] = []
        self.transform: QgsCoordinateTransform | None = None
        self.setZValue(1000)
        self.updatePosition()

    def set_content(self, corners: list[dict], checks: list[dict], transform: QgsCoordinateTransform | None) -> None:
        self.corners, self.checks, self.transform = corners, checks, transform
        self.updatePosition()
        self.update()

    def updatePosition(self) -> None:  # noqa: N802 (QGIS's name)
        # the item covers the visible map: QGIS calls this after every pan and zoom
        self.setRect(self._canvas.extent())

    def _to_item(self, north: float, east: float) -> QPointF:
        point = QgsPointXY(east, north)
        if self.transform is not None:
            point = self.transform.transform(point)
        return self.toCanvasCoordinates(point) - self.pos()

    def paint(self, painter, option=None, widget=None) -> None:  # QGraphicsItem calls it with all three
        if not self.corners and not self.checks:
            return
        painter.setRenderHint(painter.Antialiasing, True)
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for check in self.checks:
            licensed = self._to_item(check["licensed_x"], check["licensed_y"])
            if check.get("measured_x") is None:
                continue
            measured = self._to_item(check["measured_x"], check["measured_y"])
            colour = QColor(check["colour"])
            painter.setPen(QPen(colour, 2, Qt.DashLine))
            painter.drawLine(licensed, measured)
            painter.setPen(QPen(colour, 2.4))
            painter.drawLine(measured + QPointF(-6, 0), measured + QPointF(6, 0))
            painter.drawLine(measured + QPointF(0, -6), measured + QPointF(0, 6))
            text = check["label"]
            # below right of the line's middle: the corner's number sits above right of the corner
            middle = (licensed + measured) / 2 + QPointF(8, metrics.ascent() + 6)
            box = metrics.boundingRect(text).translated(middle).adjusted(-2, -1, 2, 1)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(255, 255, 255, 220))
            painter.drawRect(box)
            painter.setPen(colour)
            painter.drawText(middle, text)
        for corner in self.corners:
            centre = self._to_item(corner["north"], corner["east"])
            checked = corner.get("checked")
            painter.setPen(QPen(QColor(palette.LABEL_CORNER), 2))
            painter.setBrush(QColor(checked) if checked else QColor("#ffffff"))
            painter.drawEllipse(centre, 5, 5)
            text = str(corner["label"])
            where = centre + QPointF(7, -7)
            box = metrics.boundingRect(text).translated(where).adjusted(-2, -1, 2, 1)
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(255, 255, 255, 200))
            painter.drawRect(box)
            painter.setPen(QColor(palette.LABEL_CORNER))
            painter.drawText(where, text)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        size = self._canvas.size()
        return QRectF(0, 0, size.width(), size.height())


class MineChooserDialog(QDialog):
    """Choose the mine whose corners are checked: a searchable list of licence number and mine name."""

    def __init__(self, choices: list[tuple[str, str]], current: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("MineSupervisionMineChooser")
        self.setWindowTitle(tr("Check boundary corners: choose a mine"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Mine (type part of the licence number or the name):")))
        self.combo = QComboBox(self)
        self.combo.setObjectName("mineCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.NoInsert)
        for number, name in choices:
            self.combo.addItem(f"{number}  {name}", number)
        completer = self.combo.completer()
        completer.setFilterMode(Qt.MatchContains)
        completer.setCompletionMode(QCompleter.PopupCompletion)
        if current:
            index = self.combo.findData(current)
            if index >= 0:
                self.combo.setCurrentIndex(index)
        self.combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("C" + "0" * 22) + 160)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def license_no(self) -> str | None:
        index = self.combo.findText(self.combo.currentText())
        return self.combo.itemData(index) if index >= 0 else self.combo.currentData()


def patrol_text(patrol: dict) -> str:
    """One patrol in the dialog's list: date, kind, number, corner checks (flagged when short)."""
    parts = [str(patrol.get("inspection_date") or "?"), display_label("inspection_kind", patrol.get("kind"))]
    if patrol.get("inspection_no"):
        parts.append(str(patrol["inspection_no"]))
    if patrol.get("inspectors"):
        parts.append(str(patrol["inspectors"]))
    text = "  ".join(parts) + "  · " + tr("{count} corner(s) checked").format(count=patrol["corner_checks"])
    if rule.short_of_corners(patrol["corner_checks"]):
        text = "⚠ " + text
    return text


class CornerCheckDialog(QDialog):
    """One corner's check; :meth:`accept` records it through ``save`` and stays open with the reason on refusal."""

    def __init__(self, license_no: str, mine_name: str, corner: dict, patrols: list[dict], tolerance_m: float,
                 crs_name: str, save, parent=None):
        super().__init__(parent)
        self.setObjectName("MineSupervisionCornerCheckDialog")
        self.corner = corner
        self.patrols = patrols
        self.tolerance_m = tolerance_m
        self.save = save
        self.result_record = None
        self.verdict: rule.Verdict | None = None
        self.setWindowTitle(tr("Corner check: {licence} corner {corner}").format(
            licence=license_no, corner=corner["label"]))
        layout = QVBoxLayout(self)
        head = QLabel(self)
        head.setObjectName("cornerHead")
        head.setWordWrap(True)
        head.setText(tr("{mine} ({licence}), parcel {parcel}, corner {corner}.\nLicensed: N {north}  E {east}  ({crs})")
                     .format(mine=mine_name or "—", licence=license_no, parcel=corner.get("parcel_no") or "—",
                             corner=corner.get("corner_no"), north=format_coordinate(round(corner["north"], 3)),
                             east=format_coordinate(round(corner["east"], 3)), crs=crs_name))
        layout.addWidget(head)

        form = QFormLayout()
        self.paste_edit = QLineEdit(self)
        self.paste_edit.setObjectName("pasteEdit")
        self.paste_edit.setPlaceholderText(tr("Paste the receiver's text, e.g. J3,3851234.56,38512345.67,1203.4"))
        self.paste_edit.textChanged.connect(self._pasted)
        form.addRow(tr("From the receiver"), self.paste_edit)
        measured_row = QHBoxLayout()
        validator = QDoubleValidator(self)
        validator.setNotation(QDoubleValidator.StandardNotation)
        self.north_edit = QLineEdit(self)
        self.north_edit.setObjectName("northEdit")
        self.north_edit.setPlaceholderText(tr("N (northing)"))
        self.east_edit = QLineEdit(self)
        self.east_edit.setObjectName("eastEdit")
        self.east_edit.setPlaceholderText(tr("E (easting)"))
        for edit in (self.north_edit, self.east_edit):
            edit.setValidator(validator)
            edit.textChanged.connect(self._update_verdict)
            measured_row.addWidget(edit, 1)
        self.pick_button = QPushButton(tr("Pick on map"), self)
        self.pick_button.setObjectName("pickButton")
        self.pick_button.setToolTip(tr("Close this form, click the measured position on the map, and come back"))
        self.pick_button.clicked.connect(lambda: self.done(PICK))
        measured_row.addWidget(self.pick_button)
        form.addRow(tr("Measured N, E"), measured_row)
        self.paste_note = QLabel(self)
        self.paste_note.setObjectName("pasteNote")
        self.paste_note.setWordWrap(True)
        self.paste_note.hide()
        form.addRow("", self.paste_note)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)  # a wrapped label is not cut
        form.addRow(tr("Deviation"), self.verdict_label)
        self.accept_far = QCheckBox(tr("The point is right: record it without judging it"), self)
        self.accept_far.setObjectName("acceptFar")
        self.accept_far.hide()
        self.accept_far.toggled.connect(self._update_ok)
        form.addRow("", self.accept_far)
        self.stake_combo = QComboBox(self)
        self.stake_combo.setObjectName("stakeCombo")
        self.stake_combo.addItem(tr("(not recorded)"), None)
        for code, label in display_labels("stake_state").items():
            self.stake_combo.addItem(label, code)
        form.addRow(tr("Boundary stake"), self.stake_combo)
        self.photo_widget = QgsFileWidget(self)
        self.photo_widget.setObjectName("photoWidget")
        self.photo_widget.setFilter(tr("Photos (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)"))
        form.addRow(tr("Photo"), self.photo_widget)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("noteEdit")
        form.addRow(tr("Note"), self.note_edit)
        layout.addLayout(form)

        group = QGroupBox(tr("Patrol"), self)
        group_layout = QFormLayout(group)
        self.patrol_combo = QComboBox(group)
        self.patrol_combo.setObjectName("patrolCombo")
        for patrol in patrols:
            self.patrol_combo.addItem(patrol_text(patrol), patrol["fid"])
        self.patrol_combo.addItem(tr("New patrol…"), NEW_PATROL)
        self.patrol_combo.currentIndexChanged.connect(self._patrol_changed)
        group_layout.addRow(tr("Attach to"), self.patrol_combo)
        self.patrol_flag = QLabel(group)
        self.patrol_flag.setObjectName("patrolFlag")
        self.patrol_flag.setWordWrap(True)
        self.patrol_flag.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        group_layout.addRow("", self.patrol_flag)
        self.date_edit = QDateEdit(QDate.currentDate(), group)
        self.date_edit.setObjectName("patrolDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        group_layout.addRow(tr("Date"), self.date_edit)
        self.kind_combo = QComboBox(group)
        self.kind_combo.setObjectName("patrolKind")
        for code, label in display_labels("inspection_kind").items():
            self.kind_combo.addItem(label, code)
        group_layout.addRow(tr("Kind"), self.kind_combo)
        self.inspectors_edit = QLineEdit(group)
        self.inspectors_edit.setObjectName("patrolInspectors")
        group_layout.addRow(tr("Inspectors"), self.inspectors_edit)
        layout.addWidget(group)

        self.error_label, self.buttons = add_error_and_buttons(self, layout)
        self._patrol_changed()
        self._update_verdict()

    # -- measured point --------------------------------------------------------------------------
    def set_measured(self, north: float, east: float) -> None:
        self.north_edit.setText(f"{north:.3f}")
        self.east_edit.setText(f"{east:.3f}")

    def measured(self) -> tuple[float, float] | None:
        north, east = self.north_edit.text().strip(), self.east_edit.text().strip()
        if not north and not east:
            return None
        try:
            east_value, _ = rule.with_zone_prefix(float(east), self.corner["east"])
            return float(north), east_value
        except ValueError:
            return None

    def _pasted(self, text: str) -> None:
        if not text.strip():
            self.paste_note.hide()
            return
        try:
            measured = rule.parse_measured(text)
        except rule.CoordinateTextError as error:
            self.paste_note.setText(str(error))
            self.paste_note.setStyleSheet(f"color: {palette.CHECK_FAILED};")
            self.paste_note.show()
            return
        self.paste_note.setVisible(bool(measured.note))
        self.paste_note.setText(measured.note)
        self.paste_note.setStyleSheet(f"color: {UNJUDGED};")
        self.north_edit.setText(format_coordinate(measured.north))
        self.east_edit.setText(format_coordinate(measured.east))

    def _update_verdict(self, *_args) -> None:
        north, east = self.north_edit.text().strip(), self.east_edit.text().strip()
        if bool(north) != bool(east) or (north and self.measured() is None):
            self.verdict = None
            self.verdict_label.setText(tr("Give both N and E as numbers."))
            self.verdict_label.setStyleSheet(f"color: {palette.CHECK_FAILED};")
        else:
            measured = self.measured()
            self.verdict = rule.judge((self.corner["north"], self.corner["east"]), measured, self.tolerance_m)
            text = self.verdict.text()
            if measured is not None and float(east) != measured[1]:
                text += " " + tr("(zone prefix added to E)")
            self.verdict_label.setText(text)
            self.verdict_label.setStyleSheet(f"color: {_outcome_colour(self.verdict.outcome)}; font-weight: bold;")
        implausible = self.verdict is not None and self.verdict.outcome == rule.IMPLAUSIBLE
        self.accept_far.setVisible(implausible)
        if not implausible:
            self.accept_far.setChecked(False)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        ok = self.verdict is not None and (self.verdict.outcome != rule.IMPLAUSIBLE or self.accept_far.isChecked())
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)

    # -- patrol ---------------------------------------------------------------------------------
    def _patrol_changed(self, *_args) -> None:
        new = self.patrol_combo.currentData() == NEW_PATROL
        for widget in (self.date_edit, self.kind_combo, self.inspectors_edit):
            widget.setEnabled(new)
        count = 0 if new else next(p["corner_checks"] for p in self.patrols if p["fid"] == self.patrol_combo.currentData())
        after = count + 1
        if rule.short_of_corners(after):
            self.patrol_flag.setText("⚠ " + tr("With this check the patrol has {count} corner check(s) of this mine; "
                                               "at least {minimum} are required.").format(
                count=after, minimum=rule.MIN_CORNERS_PER_PATROL))
            self.patrol_flag.setStyleSheet(f"color: {UNJUDGED};")
        else:
            self.patrol_flag.setText(tr("With this check the patrol has {count} corner checks of this mine.").format(
                count=after))
            self.patrol_flag.setStyleSheet(f"color: {palette.CHECK_PASSED};")

    def values(self) -> dict:
        """The keyword arguments of :func:`..store.corner_checks.record_corner_check` for this form."""
        values = {
            "measured": self.measured(),
            "stake_state": self.stake_combo.currentData(),
            "note": self.note_edit.text().strip() or None,
            "photo": self.photo_widget.filePath().strip() or None,
            "accept_implausible": self.accept_far.isChecked(),
            "inspection_id": None,
            "new_patrol": None,
        }
        if self.patrol_combo.currentData() == NEW_PATROL:
            day = self.date_edit.date()
            values["new_patrol"] = {
                "inspection_date": dt.date(day.year(), day.month(), day.day()),
                "kind": self.kind_combo.currentData(),
                "inspectors": self.inspectors_edit.text().strip() or None,
            }
        else:
            values["inspection_id"] = int(self.patrol_combo.currentData())
        return values

    def accept(self) -> None:
        try:
            self.result_record = self.save(self.values())
        except StoreError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()


class CornerCheckTool(QgsMapTool):
    """Left click near a corner of the chosen mine: its check; right click: choose another mine."""

    def __init__(self, canvas, context):
        super().__init__(canvas)
        self.context = context
        self.license_no: str | None = None
        self.mine_name = ""
        self.corners: list[dict] = []
        self.checks: list[dict] = []
        self.item: CornerCheckCanvasItem | None = None
        self.dialog: CornerCheckDialog | None = None
        self.picking: CornerCheckDialog | None = None
        self.store_seen = None
        self._connections: list = []
        self.setCursor(Qt.CrossCursor)

    # -- the mine ---------------------------------------------------------------------------------
    def begin(self) -> bool:
        """Before the tool is set: a database open and a mine chosen (asked when none); False otherwise."""
        if self.context.store is None:
            self.context.warning(tr("Open a supervision database first: the corner checks are stored in it."))
            return False
        if self.store_seen is not self.context.store:  # another database since: its mines, not the old ones
            self.license_no, self.corners, self.checks = None, [], []
            self.store_seen = self.context.store
        return self.license_no is not None or self.choose_mine()

    def activate(self) -> None:
        super().activate()
        self._connections.append((self.context.storeChanged, self._store_changed))
        self.context.storeChanged.connect(self._store_changed)
        if self.license_no is not None:
            self.reload_checks()

    def deactivate(self) -> None:
        disconnect_all(self._connections)
        if self.item is not None:
            self.item.set_content([], [], None)
        self.picking = None
        super().deactivate()

    def _store_changed(self, _store) -> None:
        self.license_no = None
        self.corners, self.checks = [], []
        if self.item is not None:
            self.item.set_content([], [], None)
        if self.canvas().mapTool() is self:
            self.canvas().unsetMapTool(self)

    def _selected_licence(self) -> str | None:
        layer = find_layer("mining_rights")
        if layer is None or layer.selectedFeatureCount() != 1:
            return None
        value = layer.selectedFeatures()[0]["license_no"]
        return str(value) if value else None

    def choose_mine(self) -> bool:
        """The mine of the rights layer's one selected licence, else the user's choice; False when cancelled."""
        from ..store.corner_checks import licence_choices

        choices = licence_choices(self.context.store)
        if not choices:
            self.context.warning(tr("The database has no licences: import licence coordinates first."))
            return False
        selected = self._selected_licence() if self.license_no is None else None
        if selected and any(number == selected for number, _ in choices):
            return self.set_mine(selected)
        dialog = MineChooserDialog(choices, self.license_no or selected, self.canvas().window())
        if dialog.exec_() != QDialog.Accepted or not dialog.license_no():
            return False
        return self.set_mine(dialog.license_no())

    def set_mine(self, license_no: str) -> bool:
        """Show ``license_no``'s corners and checks and zoom to them; False when it has no corners."""
        from ..store.corner_checks import licence_choices, licence_corners

        corners = licence_corners(self.context.store, license_no)
        if not corners:
            self.context.warning(tr("Licence {licence} has no corners in the database.").format(licence=license_no))
            return False
        self.license_no = license_no
        self.mine_name = dict(licence_choices(self.context.store)).get(license_no, "")
        self.corners = corners
        self.reload_checks()
        self._zoom_to_corners()
        self.context.info(tr("{mine} ({licence}): click near a corner to check it; right-click to choose another mine.")
                          .format(mine=self.mine_name, licence=license_no))
        return True

    def store_crs(self) -> QgsCoordinateReferenceSystem:
        return QgsCoordinateReferenceSystem(f"EPSG:{self.context.store.crs_epsg}")

    def _to_canvas(self) -> QgsCoordinateTransform:
        return QgsCoordinateTransform(self.store_crs(), self.canvas().mapSettings().destinationCrs(),
                                      QgsProject.instance())

    def _zoom_to_corners(self) -> None:
        transform = self._to_canvas()
        rect = QgsRectangle()
        rect.setMinimal()
        for corner in self.corners:
            rect.combineExtentWith(transform.transform(QgsPointXY(corner["east"], corner["north"])))
        rect.grow(max(rect.width(), rect.height(), 50.0) * 0.15)
        self.canvas().setExtent(rect)
        self.canvas().refresh()

    def reload_checks(self) -> None:
        """Read the mine's checks again and redraw; each corner coloured by its latest check."""
        from ..store.corner_checks import corner_checks_of

        self.checks = corner_checks_of(self.context.store, self.license_no) if self.license_no else []
        latest: dict[tuple, str] = {}
        for check in self.checks:
            # passed is NULL when nothing was measured or the point was implausibly far: not judged
            outcome = {True: rule.PASSED, False: rule.EXCEEDED}.get(check.get("passed"), rule.IMPLAUSIBLE)
            check["colour"] = _outcome_colour(outcome)
            check["label"] = tr("{deviation} m").format(deviation=f"{check['deviation_m']:,.2f}") \
                if check.get("deviation_m") is not None else ""
            latest[(check.get("parcel_no"), check.get("corner_no"))] = check["colour"]
        for corner in self.corners:
            corner["label"] = corner["corner_no"] if len({c.get("parcel_no") for c in self.corners}) == 1 \
                else f"{corner.get('parcel_no')}-{corner['corner_no']}"
            corner["checked"] = latest.get((corner.get("parcel_no"), corner.get("corner_no")))
        self._draw()

    def _draw(self) -> None:
        if self.item is None:
            self.item = CornerCheckCanvasItem(self.canvas())
        self.item.set_content(self.corners, self.checks, self._to_canvas() if self.context.store else None)

    # -- clicks -----------------------------------------------------------------------------------
    def nearest_corner(self, map_point: QgsPointXY) -> dict | None:
        """The corner within :data:`SEARCH_PX` pixels of a map point (canvas CRS), the nearest one."""
        transform = self._to_canvas()
        units = self.canvas().mapUnitsPerPixel()
        best, best_distance = None, SEARCH_PX * units
        for corner in self.corners:
            where = transform.transform(QgsPointXY(corner["east"], corner["north"]))
            distance = where.distance(map_point)
            if distance <= best_distance:
                best, best_distance = corner, distance
        return best

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.context.store is None:
            return
        if event.button() == Qt.RightButton:
            self.picking = None
            if self.choose_mine():
                self._draw()
            return
        if event.button() != Qt.LeftButton:
            return
        point = self.toMapCoordinates(event.pos())
        if self.picking is not None:
            dialog, self.picking = self.picking, None
            stored = self._to_canvas().transform(point, QgsCoordinateTransform.ReverseTransform)
            dialog.set_measured(stored.y(), stored.x())
            self._run(dialog)
            return
        corner = self.nearest_corner(point)
        if corner is None:
            self.context.info(tr("No corner of {licence} within {pixels} pixels; click closer to a numbered corner.")
                              .format(licence=self.license_no, pixels=SEARCH_PX))
            return
        self.open_check(corner)

    def open_check(self, corner: dict) -> None:
        """Open the check dialog of one corner (modal); recorded when the user presses OK."""
        from ..store.corner_checks import patrols_of

        store = self.context.store
        tolerance = float(settings.CORNER_TOLERANCE_M.value())
        crs = self.store_crs()
        dialog = CornerCheckDialog(
            self.license_no, self.mine_name, corner, patrols_of(store, self.license_no), tolerance,
            f"{crs.authid()} {crs.description()}", lambda values: self._save(corner, values, tolerance),
            self.canvas().window(),
        )
        self._run(dialog)

    def _run(self, dialog: CornerCheckDialog) -> None:
        self.dialog = dialog
        answer = dialog.exec_()
        if answer == PICK:
            self.picking = dialog
            self.context.info(tr("Click the measured position of corner {corner} on the map.").format(
                corner=dialog.corner["label"]))
            return
        self.dialog = None
        if answer == QDialog.Accepted and dialog.result_record is not None:
            self._saved(dialog.result_record, dialog.corner)

    def _save(self, corner: dict, values: dict, tolerance: float):
        from ..store.corner_checks import record_corner_check

        return record_corner_check(self.context.store, self.license_no, int(corner["corner_no"]),
                                   parcel_no=corner.get("parcel_no"), tolerance_m=tolerance, **values)

    def _saved(self, record, corner: dict) -> None:
        for table in REFRESHED_TABLES:
            layer = find_layer(table)
            if layer is not None:
                layer.reload()
                layer.triggerRepaint()
            self.context.dataChanged.emit(table)
        self.reload_checks()
        text = tr("Corner {corner} of {licence} checked: {verdict}").format(
            corner=corner["label"], licence=self.license_no, verdict=record.verdict.text())
        if record.short_of_corners:
            self.context.success(text, clear=True)
            self.context.warning(rule.short_text(record.checks_in_patrol))
        else:
            self.context.success(text)

    def clean_up(self) -> None:
        """Remove the canvas item and connections; call before the tool is deleted (plugin unload)."""
        disconnect_all(self._connections)
        if self.item is not None:
            scene = self.canvas().scene() if self.canvas() is not None else None
            if scene is not None:
                scene.removeItem(self.item)
            self.item = None


def toggle_corner_tool(canvas, context, action, tool: CornerCheckTool | None, checked: bool) -> CornerCheckTool | None:
    """The plugin action's slot: set the tool (made on first use) when checked, unset it otherwise; the tool."""
    if not checked:
        if tool is not None and canvas.mapTool() is tool:
            canvas.unsetMapTool(tool)
        return tool
    if tool is None:
        tool = CornerCheckTool(canvas, context)
        tool.setAction(action)
    if not tool.begin():
        action.setChecked(False)
        return tool
    canvas.setMapTool(tool)
    return tool
