"""A map tool to draw a suspect patch found on patrol, store it and pre-judge it at once.

Left click adds a vertex (snapped to the vertices and segments of the licence
boundaries, ``mining_rights`` and ``mining_right_parcels``, when within
:attr:`DrawPatchTool.snap_tolerance_px` pixels); right click, double click or
Enter finishes; Backspace / Delete removes the last vertex; Esc cancels.

Snapping uses the tool's own :class:`QgsMapCanvasSnappingUtils`, so the
project's snapping settings (what the user set for editing) are never touched.

Storing, numbering and the pre-judgment are in
:mod:`analysis.single_patch`, shared with Processing; this module only
collects the polygon, asks for the imagery dates and shows the answer.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSnappingConfig,
    QgsTolerance,
    QgsWkbTypes,
)
from qgis.gui import QgsMapCanvasSnappingUtils, QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from .. import palette
from ..i18n import tr
from ..store.database import StoreError
from ..store.project import find_layer
from .signals import disconnect_all

SNAP_TABLES = ("mining_rights", "mining_right_parcels")
MU_PER_M2 = 3 / 2000  # 1 亩 = 2000/3 m² (as formats.geometry; not imported: it needs shapely)
_PREJUDGMENT_COLOURS = palette.PREJUDGMENT_TEXT


class PatchDetailsDialog(QDialog):
    """Imagery dates and a remark for a drawn patch; the after date defaults to today."""

    def __init__(self, patch_no: str, area_m2: float | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New patrol patch"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Patch number"), QLabel(patch_no))
        if area_m2 is not None:
            form.addRow(
                tr("Area"),
                QLabel(_area_text(area_m2)),
            )
        self.date_after = QDateEdit(QDate.currentDate())
        self.date_after.setCalendarPopup(True)
        self.date_after.setDisplayFormat("yyyy-MM-dd")
        form.addRow(tr("After-imagery date (seen on)"), self.date_after)
        before_row = QHBoxLayout()
        self.has_before = QCheckBox()
        self.date_before = QDateEdit(QDate.currentDate().addYears(-1))
        self.date_before.setCalendarPopup(True)
        self.date_before.setDisplayFormat("yyyy-MM-dd")
        self.date_before.setEnabled(False)
        self.has_before.toggled.connect(self.date_before.setEnabled)
        before_row.addWidget(self.has_before)
        before_row.addWidget(self.date_before, 1)
        form.addRow(tr("Before-imagery date"), before_row)
        self.remarks = QLineEdit()
        form.addRow(tr("Remarks"), self.remarks)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        after = self.date_after.date()
        values = {
            "date_after": dt.date(after.year(), after.month(), after.day()),
            "date_before": None,
            "remarks": self.remarks.text().strip() or None,
        }
        if self.has_before.isChecked():
            before = self.date_before.date()
            values["date_before"] = dt.date(before.year(), before.month(), before.day())
        return values


class PatchResultDialog(QDialog):
    """The pre-judgment of a stored patch: label, areas in m² and 亩, licences, zone, repeats, repairs."""

    def __init__(self, result, licences: dict[str, dict] | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Pre-judgment of patch {patch_no}").format(patch_no=result.patch_no))
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.prejudgment_label = QLabel(result.prejudgment_label or tr("not pre-judged"))
        colour = _PREJUDGMENT_COLOURS.get(result.prejudgment or "", "#000000")
        self.prejudgment_label.setStyleSheet(f"font-weight: bold; font-size: 14pt; color: {colour};")
        form.addRow(tr("Patch number"), QLabel(result.patch_no))
        form.addRow(tr("Pre-judgment"), self.prejudgment_label)
        self.rows: dict[str, str] = {}

        def add(key: str, caption: str, text: str) -> None:
            self.rows[key] = text
            value = QLabel(text)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(caption, value)

        add("area", tr("Area"), _area_text(result.area_m2))
        add("inside", tr("Inside licences"), _area_text(result.inside_area_m2))
        add("outside", tr("Outside licences"), _area_text(result.outside_area_m2))
        names = []
        for number in result.licences:
            info = (licences or {}).get(number) or {}
            details = " ".join(str(info[k]) for k in ("mine_name", "holder") if info.get(k))
            validity = ""
            if info.get("valid_from") or info.get("valid_to"):
                validity = tr("valid {start} to {end}").format(
                    start=info.get("valid_from") or "?", end=info.get("valid_to") or "?"
                )
            names.append("  ".join(part for part in (number, details, f"({validity})" if validity else "") if part))
        add("licences", tr("Licences touched"), "\n".join(names) if names else tr("none"))
        zone = result.zone_name or ""
        if zone and result.zone_level:
            zone = f"{zone} ({result.zone_level_label})"
        add("zone", tr("Key monitoring zone"), zone or tr("none"))
        add("repeat", tr("Changed in earlier years"), result.repeat_years or tr("none"))
        add("dates", tr("Imagery dates"), f"{result.date_before or '—'} → {result.date_after or '—'}")
        layout.addLayout(form)
        if result.warnings:
            notes = QLabel("\n".join(result.warnings))
            notes.setWordWrap(True)
            notes.setStyleSheet("color: #ef6c00;")
            layout.addWidget(notes)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.adjustSize()


def _area_text(value: float | None) -> str:
    if value is None:
        return "—"
    return tr("{m2} m² ({mu} mu)").format(m2=f"{value:,.2f}", mu=f"{value * MU_PER_M2:,.2f}")


class DrawPatchTool(QgsMapTool):
    """Draw a suspect patch over imagery with snapping to licence boundaries; store and pre-judge it.

    ``ask_details`` (default True) asks the imagery dates in a dialog before
    storing; when False the after date is today (or :attr:`date_after`).
    ``show_result`` (default True) opens the non-modal result dialog.
    """

    patchStored = pyqtSignal(str)

    def __init__(self, canvas, context):
        super().__init__(canvas)
        self.context = context
        self.ask_details = True
        self.show_result = True
        self.date_after: dt.date | None = None
        self.date_before: dt.date | None = None
        self.snap_tolerance_px = 12.0
        self.last_result = None
        self.result_dialog: PatchResultDialog | None = None
        self._points: list[QgsPointXY] = []
        self._cursor: QgsPointXY | None = None
        self._ignore_release = False
        self._snap_layers: list = []
        self._connections: list = []
        self.setCursor(QgsApplication.getThemeCursor(QgsApplication.CapturePoint))
        self._rubber = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        self._rubber.setColor(QColor(220, 30, 30, 200))
        self._rubber.setFillColor(QColor(220, 30, 30, 50))
        self._rubber.setWidth(2)
        self._snapping = QgsMapCanvasSnappingUtils(canvas, self)
        self._indicator = QgsSnapIndicator(canvas)

    # -- state ----------------------------------------------------------------
    @property
    def points(self) -> list[QgsPointXY]:
        """The vertices placed so far, in map (canvas) coordinates."""
        return list(self._points)

    def snapping_utils(self) -> QgsMapCanvasSnappingUtils:
        return self._snapping

    def snapping_layers(self) -> list:
        return list(self._snap_layers)

    def configure_snapping(self, leaving: set[str] | frozenset[str] = frozenset()) -> None:
        """Snap to vertices and segments of the licence layers of the project (if loaded).

        ``leaving``: ids of layers about to be removed from the project, left
        out (the configuration holds plain layer pointers).
        """
        config = QgsSnappingConfig()
        config.setEnabled(True)
        config.setMode(QgsSnappingConfig.AdvancedConfiguration)
        config.setIntersectionSnapping(False)
        self._snap_layers = []
        for table_name in SNAP_TABLES:
            layer = find_layer(table_name, QgsProject.instance())
            if layer is None or not layer.isValid() or layer.id() in leaving:
                continue
            settings = QgsSnappingConfig.IndividualLayerSettings(
                True,
                QgsSnappingConfig.VertexFlag | QgsSnappingConfig.SegmentFlag,
                float(self.snap_tolerance_px),
                QgsTolerance.Pixels,
                0.0,
                0.0,
            )
            config.setIndividualLayerSettings(layer, settings)
            self._snap_layers.append(layer)
        self._snapping.setConfig(config)
        self._snapping.setEnableSnappingForInvisibleFeature(True)

    def _unconfigure_snapping(self) -> None:
        self._snap_layers = []
        self._snapping.setConfig(QgsSnappingConfig())

    def _layers_leaving(self, layer_ids) -> None:
        leaving = set(layer_ids)
        if any(layer.id() in leaving for layer in self._snap_layers):
            self._unconfigure_snapping()
            self.configure_snapping(leaving)

    def _layers_added(self, layers) -> None:
        self.configure_snapping()

    def snap(self, point: QgsPointXY, *, relaxed: bool = False) -> QgsPointXY:
        """``point`` moved onto a licence vertex or segment when one is within the tolerance.

        ``relaxed`` (mouse moves) does not wait for the snapping index to be built.
        """
        if not self._snap_layers:
            if self._indicator is not None:
                self._indicator.setMatch(_no_match())
            return QgsPointXY(point)
        match = self._snapping.snapToMap(QgsPointXY(point), None, relaxed)
        if self._indicator is not None:
            self._indicator.setMatch(match)
        if match.isValid():
            return QgsPointXY(match.point())
        return QgsPointXY(point)

    # -- QgsMapTool ---------------------------------------------------------------
    def activate(self) -> None:
        self._disconnect()
        self.configure_snapping()
        project = QgsProject.instance()
        for signal, slot in (
            (project.layersWillBeRemoved, self._layers_leaving),
            (project.layersAdded, self._layers_added),
            (self.context.storeChanged, self._store_changed),
        ):
            signal.connect(slot)
            self._connections.append((signal, slot))
        super().activate()
        if self.context.store is None:
            self.context.info(tr("Open a supervision database first: the drawn patch is stored in it."))

    def _disconnect(self) -> None:
        disconnect_all(self._connections)

    def deactivate(self) -> None:
        self.cancel()
        self._disconnect()
        self._unconfigure_snapping()
        if self._indicator is not None:
            self._indicator.setVisible(False)
        super().deactivate()

    def _store_changed(self, store) -> None:
        self.cancel()
        self.configure_snapping()

    def flags(self):
        return QgsMapTool.Flags()

    def canvasMoveEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._cursor = self.snap(event.mapPoint(), relaxed=True)
        self._update_rubber()

    def canvasPressEvent(self, event) -> None:  # noqa: N802
        self._ignore_release = False

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.RightButton:
            self.finish()
            return
        if event.button() != Qt.LeftButton:
            return
        if self._ignore_release:
            self._ignore_release = False  # the release that ends a double click
            return
        self.add_vertex(self.snap(event.mapPoint()))

    def canvasDoubleClickEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.LeftButton:
            return
        self._ignore_release = True
        self.finish()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if not self._points:
            event.ignore()  # not drawing: the keys are QGIS's
        elif key == Qt.Key_Escape:
            self.cancel()
            event.accept()
        elif key in (Qt.Key_Backspace, Qt.Key_Delete):
            self.remove_last_vertex()
            event.accept()
        elif key in (Qt.Key_Return, Qt.Key_Enter):
            self.finish()
            event.accept()
        else:
            event.ignore()

    # -- drawing ----------------------------------------------------------------
    def add_vertex(self, point: QgsPointXY) -> None:
        point = QgsPointXY(point)
        if self._points and _same(self._points[-1], point):
            return
        self._points.append(point)
        self._update_rubber()

    def remove_last_vertex(self) -> None:
        if self._points:
            self._points.pop()
        self._update_rubber()

    def cancel(self) -> None:
        """Forget the polygon being drawn; nothing is stored."""
        self._points.clear()
        self._cursor = None
        if self._rubber is not None:
            self._rubber.reset(QgsWkbTypes.PolygonGeometry)

    def _update_rubber(self) -> None:
        if self._rubber is None:
            return
        self._rubber.reset(QgsWkbTypes.PolygonGeometry)
        points = list(self._points)
        if points and self._cursor is not None and not _same(points[-1], self._cursor):
            points.append(self._cursor)
        for index, point in enumerate(points):
            self._rubber.addPoint(point, index == len(points) - 1)

    def rubber_band(self) -> QgsRubberBand:
        return self._rubber

    def finish(self) -> str | None:
        """Close the polygon, store and pre-judge it; return the new patch number (None if not stored)."""
        points = list(self._points)
        if len(points) > 1 and _same(points[0], points[-1]):
            points.pop()
        if len(points) < 3:
            if points:
                self.context.warning(tr("A patch needs at least three vertices; keep clicking, or press Esc to cancel."))
            return None
        polygon = QgsGeometry.fromPolygonXY([[*points, points[0]]])
        self.cancel()
        return self.store_geometry(polygon, self.canvas().mapSettings().destinationCrs())

    # -- storing ------------------------------------------------------------------
    def store_geometry(self, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem) -> str | None:
        """Store ``geometry`` (in ``crs``) as a patrol patch, pre-judge it and show the answer."""
        store = self.context.store
        if store is None:
            self.context.error(tr("No supervision database is open; open one before drawing patches."))
            return None
        if not self.context.dependencies.available("analysis"):
            self.context.error(self.context.dependencies.install_hint())
            return None
        import shapely

        from ..analysis.single_patch import (
            SinglePatchError,
            describe_licences,
            next_patrol_patch_no,
            store_drawn_patch,
        )

        store_crs = QgsCoordinateReferenceSystem(f"EPSG:{store.crs_epsg}")
        geometry = QgsGeometry(geometry)
        if crs.isValid() and crs != store_crs:
            geometry.transform(QgsCoordinateTransform(crs, store_crs, QgsProject.instance()))
        shape = shapely.from_wkb(bytes(geometry.asWkb()))
        details = {"date_after": self.date_after, "date_before": self.date_before, "remarks": None}
        if self.ask_details:
            year = dt.date.today().year
            try:
                preview = next_patrol_patch_no(store, year)
            except (StoreError, RuntimeError):
                preview = f"XC-{year}-…"
            area = shape.area if store_crs.isGeographic() is False else None
            dialog = PatchDetailsDialog(preview, area, self.canvas().window())
            if dialog.exec_() != QDialog.Accepted:
                self.context.info(tr("The drawn patch was not stored."))
                return None
            details = dialog.values()
        try:
            result = store_drawn_patch(
                store,
                shape,
                date_after=details.get("date_after") or dt.date.today(),
                date_before=details.get("date_before"),
                remarks=details.get("remarks"),
            )
        except (SinglePatchError, StoreError, ValueError, RuntimeError) as error:
            self.context.error(tr("The patch could not be stored: {reason}").format(reason=error))
            return None
        self.last_result = result
        self._refresh_layer()
        self.context.dataChanged.emit("patches")
        if result.repaired:
            self.context.warning(
                tr("The drawn outline crossed itself; it was repaired (make_valid) before storing. {notes}").format(
                    notes=" ".join(result.warnings)
                )
            )
        if result.prejudgment == "within_licence":
            self.context.success(result.summary())
        else:
            self.context.warning(result.summary())
        if self.show_result:
            try:
                licences = describe_licences(store, result.licences)
            except StoreError:
                licences = {}
            if self.result_dialog is not None:
                self.result_dialog.close()
                self.result_dialog.deleteLater()
            self.result_dialog = PatchResultDialog(result, licences, self.canvas().window())
            self.result_dialog.setModal(False)
            self.result_dialog.show()
        self.patchStored.emit(result.patch_no)
        return result.patch_no

    def _refresh_layer(self) -> None:
        layer = find_layer("patches", QgsProject.instance())
        if layer is None:
            return
        if not layer.isEditable():
            layer.reload()
        layer.triggerRepaint()

    def clean_up(self) -> None:
        """Remove the canvas items and connections; call before the tool is deleted (plugin unload)."""
        self.cancel()
        self._disconnect()
        if self.result_dialog is not None:
            self.result_dialog.close()
            self.result_dialog.deleteLater()
            self.result_dialog = None
        scene = self.canvas().scene() if self.canvas() is not None else None
        if scene is not None and self._rubber is not None:
            scene.removeItem(self._rubber)
            self._rubber = None
        self._indicator = None


def _same(a: QgsPointXY, b: QgsPointXY) -> bool:
    return a.compare(b, 1e-9)


def _no_match():
    from qgis.core import QgsPointLocator

    return QgsPointLocator.Match()
