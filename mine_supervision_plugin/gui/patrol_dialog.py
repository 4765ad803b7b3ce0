"""The "Record patrol…" dialog (巡查/核查记录): one patrol as the field staff report it.

Date, inspectors, kind (日常巡查 / 实地核查 / 专项勘测 / 联合抽查), the mines
covered (the licences selected on the map are ticked), the patches looked at
(the selected patches filled in), the seed-002 checklist, findings, result,
the route from a GPX file or flight log and photos. OK records it through
:func:`..store.inspections.record_patrol` (one transaction); a refusal is
shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ..domain.patrol_checklist import ITEMS, OK, PROBLEM, item_label
from ..domain.vocab import display_labels
from ..i18n import tr
from ..store.database import StoreError
from ..store.project import find_layer
from .context import PluginContext
from .dialog_parts import add_error_and_buttons

REFRESHED_TABLES = ("inspections", "inspection_photos")


def _selected(table: str, field: str) -> list[str]:
    layer = find_layer(table)
    if layer is None:
        return []
    return [str(f[field]) for f in layer.selectedFeatures() if f[field]]


class RecordPatrolDialog(QDialog):
    """One patrol; :attr:`record` holds what was written once OK succeeded."""

    def __init__(self, context: PluginContext, parent=None):
        from ..store.corner_checks import licence_choices

        super().__init__(parent)
        self.setObjectName("MineSupervisionRecordPatrol")
        self.setWindowTitle(tr("Record patrol"))
        self.context = context
        self.record = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        top = QHBoxLayout()
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("patrolDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        top.addWidget(self.date_edit)
        self.kind_buttons = QButtonGroup(self)
        for number, (code, label) in enumerate(display_labels("inspection_kind").items()):
            button = QRadioButton(label, self)
            button.setObjectName(f"kind_{code}")
            button.setProperty("code", code)
            button.setChecked(number == 0)
            self.kind_buttons.addButton(button)
            top.addWidget(button)
        top.addStretch(1)
        form.addRow(tr("Date"), top)
        self.inspectors_edit = QLineEdit(self)
        self.inspectors_edit.setObjectName("patrolInspectors")
        form.addRow(tr("Inspectors"), self.inspectors_edit)
        self.mines_list = QListWidget(self)
        self.mines_list.setObjectName("patrolMines")
        selected = set(_selected("mining_rights", "license_no"))
        for number, name in licence_choices(context.store):
            item = QListWidgetItem(f"{number}  {name}", self.mines_list)
            item.setData(Qt.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if number in selected else Qt.Unchecked)
        self.mines_list.setMaximumHeight(self.fontMetrics().height() * 6)
        form.addRow(tr("Mines"), self.mines_list)
        self.patches_edit = QLineEdit(", ".join(_selected("patches", "patch_no")), self)
        self.patches_edit.setObjectName("patrolPatches")
        self.patches_edit.setPlaceholderText(tr("Patch numbers, separated by commas"))
        form.addRow(tr("Patches"), self.patches_edit)
        layout.addLayout(form)

        group = QGroupBox(tr("Checklist (seed 002)"), self)
        grid = QGridLayout(group)
        grid.setVerticalSpacing(2)
        self.checklist: dict[str, QButtonGroup] = {}
        for row, item in enumerate(ITEMS):
            grid.addWidget(QLabel(item_label(item), group), row, 0)
            answers = QButtonGroup(group)
            answers.setExclusive(False)  # no answer is an answer too: not looked at
            for column, (answer, text) in enumerate(((OK, tr("OK")), (PROBLEM, tr("Problem")))):
                button = QRadioButton(text, group)
                button.setObjectName(f"check_{item}_{answer}")
                button.setProperty("answer", answer)
                button.toggled.connect(lambda on, b=button, g=answers: self._one_answer(g, b, on))
                answers.addButton(button)
                grid.addWidget(button, row, 1 + column)
            self.checklist[item] = answers
        layout.addWidget(group)

        form = QFormLayout()
        self.finding_edit = QPlainTextEdit(self)
        self.finding_edit.setObjectName("patrolFinding")
        self.finding_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        form.addRow(tr("Findings"), self.finding_edit)
        self.result_edit = QLineEdit(self)
        self.result_edit.setObjectName("patrolResult")
        form.addRow(tr("Result"), self.result_edit)
        self.route_widget = QgsFileWidget(self)
        self.route_widget.setObjectName("patrolRoute")
        self.route_widget.setFilter(tr("GPS routes (*.gpx *.GPX *.csv *.CSV)"))
        form.addRow(tr("Route (GPX or flight log)"), self.route_widget)
        # or drawn: the user digitizes the route as a line in any line layer (QGIS's own tools) and selects it
        self.drawn_route = None
        drawn_row = QHBoxLayout()
        self.drawn_button = QPushButton(tr("Use the selected line on the map"), self)
        self.drawn_button.setObjectName("patrolDrawnRoute")
        self.drawn_button.clicked.connect(lambda: self.use_selected_line())
        self.drawn_label = QLabel(self)
        self.drawn_label.setObjectName("patrolDrawnRouteLabel")
        drawn_row.addWidget(self.drawn_button)
        drawn_row.addWidget(self.drawn_label, 1)
        form.addRow(tr("Or a route drawn"), drawn_row)
        self.photos_widget = QgsFileWidget(self)
        self.photos_widget.setObjectName("patrolPhotos")
        self.photos_widget.setStorageMode(QgsFileWidget.GetMultipleFiles)
        self.photos_widget.setFilter(tr("Photos (*.jpg *.jpeg *.png *.heic *.tif);;All files (*)"))
        form.addRow(tr("Photos"), self.photos_widget)
        layout.addLayout(form)
        self.error_label, self.buttons = add_error_and_buttons(self, layout)

    @staticmethod
    def _one_answer(group: QButtonGroup, button, on: bool) -> None:
        # at most one answer per item, and a second click takes it back (non-exclusive group)
        if on:
            for other in group.buttons():
                if other is not button and other.isChecked():
                    other.setChecked(False)

    def mines(self) -> list[str]:
        return [self.mines_list.item(i).data(Qt.UserRole) for i in range(self.mines_list.count())
                if self.mines_list.item(i).checkState() == Qt.Checked]

    def use_selected_line(self, layer=None) -> bool:
        """Take the route from the one selected line of ``layer`` (default: the active layer), in the database's CRS."""
        import shapely
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsWkbTypes

        layer = layer if layer is not None else self.context.iface.activeLayer()
        features = list(layer.selectedFeatures()) if layer is not None and hasattr(layer, "selectedFeatures") else []
        if (layer is None or getattr(layer, "geometryType", lambda: None)() != QgsWkbTypes.LineGeometry
                or len(features) != 1):
            self.drawn_route = None
            self.drawn_label.setText(tr("Select one line (draw it in any line layer) and try again."))
            return False
        geometry = features[0].geometry()
        target = QgsCoordinateReferenceSystem(f"EPSG:{self.context.store.crs_epsg}")
        geometry.transform(QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()))
        line = shapely.from_wkb(bytes(geometry.asWkb()))
        if line.geom_type == "MultiLineString":
            line = shapely.line_merge(line)
        self.drawn_route = shapely.force_2d(line)
        self.drawn_label.setText(tr("drawn route, {length} m").format(length=f"{self.drawn_route.length:,.0f}"))
        return True

    def answers(self) -> dict:
        answers = {}
        for item, group in self.checklist.items():
            chosen = [b.property("answer") for b in group.buttons() if b.isChecked()]
            answers[item] = chosen[0] if chosen else None
        return answers

    def photo_paths(self) -> list[str]:
        return QgsFileWidget.splitFilePaths(self.photos_widget.filePath()) if self.photos_widget.filePath() else []

    def values(self) -> dict:
        """The keyword arguments of :func:`..store.inspections.record_patrol` (photos as paths)."""
        day = self.date_edit.date()
        kind = next(b.property("code") for b in self.kind_buttons.buttons() if b.isChecked())
        patches = [p.strip() for p in self.patches_edit.text().replace("，", ",").split(",") if p.strip()]
        return {
            "inspection_date": dt.date(day.year(), day.month(), day.day()),
            "kind": kind,
            "inspectors": self.inspectors_edit.text(),
            "license_nos": self.mines(),
            "patch_nos": patches,
            "checklist": self.answers(),
            "finding": self.finding_edit.toPlainText(),
            "result": self.result_edit.text(),
            "route_file": self.route_widget.filePath().strip() or None,
            "route_line": self.drawn_route,
            "photos": self.photo_paths(),
        }

    def accept(self) -> None:
        from ..formats.photos import PhotoInfo, read_photo_info
        from ..store.inspections import record_patrol

        values = self.values()
        photos = []
        for path in values.pop("photos"):
            try:
                photos.append(read_photo_info(path))
            except Exception:  # noqa: BLE001 - a photo whose EXIF cannot be read is kept, unplaced
                photos.append(PhotoInfo(path))
        try:
            self.record = record_patrol(self.context.store, photos=photos, **values)
        except StoreError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()


def record_patrol_interactive(context: PluginContext, parent=None) -> dict | None:
    """The menu's "Record patrol…": the dialog, then the layers and docks refreshed; the written row or None."""
    if context.store is None:
        context.warning(tr("Open a supervision database first."))
        return None
    dialog = RecordPatrolDialog(context, parent)
    if dialog.exec_() != QDialog.Accepted or dialog.record is None:
        return None
    record = dialog.record
    for table in REFRESHED_TABLES:
        layer = find_layer(table)
        if layer is not None:
            layer.reload()
            layer.triggerRepaint()
        context.dataChanged.emit(table)
    context.success(tr("Patrol of {date} recorded: {mines} mine(s), {photos} photo(s).").format(
        date=record["inspection_date"].isoformat(), mines=len(record["license_nos"]), photos=record["photos"]))
    for warning in record["warnings"][:5]:
        context.warning(warning)
    return record
