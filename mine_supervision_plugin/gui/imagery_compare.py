"""Before / after imagery of a patch, side by side in two synchronised map views, or with a swipe.

The dock holds two map canvases. Each shows one of the project's raster
layers (chosen in two layer combo boxes, remembered per project, or picked
automatically from the dates in the layer names when a patch is shown) with
the ``patches`` and ``mining_rights`` layers on top. Panning or zooming one
view moves the other (and, when "Follow the main map" is on, the main map
canvas too, both ways); a guard stops the views from echoing each other.
Above each view is the imagery date: the patch's 前时相 / 后时相 and the
date found on the raster (GDAL acquisition metadata, the layer's temporal
properties, or a date in its name or file name).

Swipe mode shows the after image over the before one in the left view, cut
at the slider's position.

天地图 (Tianditu) imagery is added as an XYZ layer with the user's key, kept
in ``QgsSettings`` (``mine_supervision/tianditu_key``). The key is part of
the layer's source while the project is open; while this dock exists it is
replaced by a placeholder in the project file when the project is saved and
put back from the settings when it is opened again, so a project file handed
to someone else does not carry the key.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsGeometry,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsDockWidget,
    QgsMapCanvas,
    QgsMapCanvasItem,
    QgsMapLayerComboBox,
    QgsMapToolPan,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import QRectF, Qt, QTimer
from qgis.PyQt.QtGui import QColor, QImage
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import settings
from ..domain.imagery import (  # noqa: F401 (date_in_text, PICK_WINDOW_DAYS: re-exported)
    PICK_WINDOW_DAYS,
    as_imagery_date,
    choose_imagery,
    date_in_text,
    role_in_text,
)
from ..i18n import tr
from ..store.project import PROJECT_KEY, find_layer
from .context import see_through_selection
from .signals import disconnect_all

TIANDITU_KEY_SETTING = settings.TIANDITU_KEY.key
FOLLOW_MAIN_SETTING = settings.IMAGERY_FOLLOW_MAIN.key
TIANDITU_KEY_PLACEHOLDER = "TIANDITU_KEY_FROM_SETTINGS"
TIANDITU_PROPERTY = f"{PROJECT_KEY}/tianditu"
BEFORE_ENTRY, AFTER_ENTRY = "imagery/before", "imagery/after"
OVERLAY_TABLES = ("patches", "mining_rights")
# A margin of this share of the patch's size (at least MIN_MARGIN map units) around it when zooming.
MARGIN_RATIO = 0.5
MIN_MARGIN = 30.0

_TIANDITU_URL = (
    "http://t0.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}"
    "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}"
)
_KEY_PATTERN = re.compile(r"^[0-9a-fA-F]{32}$")


# --- Tianditu ---------------------------------------------------------------------


def tianditu_key_is_plausible(key: str) -> bool:
    """A 天地图 key is 32 hexadecimal characters (checked without network)."""
    return bool(_KEY_PATTERN.match((key or "").strip()))


def tianditu_url(key: str, layer: str = "img") -> str:
    """The tile URL template of a 天地图 WMTS layer in Web Mercator (``img`` imagery, ``cia`` labels)."""
    return _TIANDITU_URL.format(layer=layer, key=key.strip())


def tianditu_source(key: str, layer: str = "img") -> str:
    """The QGIS XYZ data source (URL-encoded by :class:`QgsDataSourceUri`) of a 天地图 layer."""
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", tianditu_url(key, layer))
    uri.setParam("zmin", "1")
    uri.setParam("zmax", "18")
    return bytes(uri.encodedUri()).decode()


def stored_tianditu_key() -> str:
    return str(settings.TIANDITU_KEY.value() or "").strip()


def store_tianditu_key(key: str) -> None:
    settings.TIANDITU_KEY.set_value(key.strip())


def tianditu_layer(key: str, layer: str = "img") -> QgsRasterLayer:
    """A 天地图 XYZ raster layer (not added to any project); marked so its key can be kept out of project files."""
    name = tr("Tianditu imagery") if layer == "img" else tr("Tianditu labels")
    raster = QgsRasterLayer(tianditu_source(key, layer), name, "wms")
    raster.setCustomProperty(TIANDITU_PROPERTY, layer)
    return raster


def _replace_in_dom(node, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in every text node and attribute under ``node``; return how many were changed."""
    changed = 0
    child = node.firstChild()
    while not child.isNull():
        if child.isText() or child.isCDATASection():
            data = child.toCharacterData()
            if old in data.data():
                data.setData(data.data().replace(old, new))
                changed += 1
        elif child.isElement():
            element = child.toElement()
            attributes = element.attributes()
            for index in range(attributes.count()):
                attribute = attributes.item(index).toAttr()
                if old in attribute.value():
                    attribute.setValue(attribute.value().replace(old, new))
                    changed += 1
            changed += _replace_in_dom(child, old, new)
        child = child.nextSibling()
    return changed


# --- imagery dates ----------------------------------------------------------------------


def _file_of(layer: QgsMapLayer) -> str:
    source = layer.source().split("|")[0]
    return source if os.path.exists(source) else ""


def imagery_date(layer: QgsMapLayer | None) -> tuple[dt.date | None, str]:
    """The acquisition date of a raster layer and where it was found ('' when unknown).

    Looked up in this order: GDAL's IMAGERY acquisition metadata, the layer's
    fixed temporal range, a date in the layer name or file name, and last the
    TIFF DateTime tag (often the processing date rather than the acquisition).
    """
    if layer is None:
        return None, ""
    path = _file_of(layer)
    tiff_date = None
    if path:
        try:
            from osgeo import gdal

            dataset = gdal.Open(path)
        except (ImportError, RuntimeError):
            dataset = None
        if dataset is not None:
            imagery = dataset.GetMetadata("IMAGERY") or {}
            general = dataset.GetMetadata() or {}
            for key in ("ACQUISITIONDATETIME", "ACQUISITION_DATE", "ACQUISITIONDATE"):
                found = date_in_text(imagery.get(key, "") or general.get(key, ""))
                if found:
                    return found, tr("metadata")
            tiff_date = date_in_text(general.get("TIFFTAG_DATETIME", ""))
            dataset = None
    properties = layer.temporalProperties() if hasattr(layer, "temporalProperties") else None
    if properties is not None and properties.isActive():
        try:
            begin = properties.fixedTemporalRange().begin()
        except AttributeError:
            begin = None
        if begin is not None and begin.isValid():
            return dt.date(begin.date().year(), begin.date().month(), begin.date().day()), tr("temporal properties")
    for text in (layer.name(), os.path.basename(path) if path else ""):
        found = date_in_text(text)
        if found:
            return found, tr("name")
    if tiff_date:
        return tiff_date, tr("TIFF tag")
    return None, ""


def _role_of(layer: QgsMapLayer) -> str | None:
    return role_in_text(f"{layer.name()} {os.path.basename(_file_of(layer))}")


def pick_imagery(
    layers: list[QgsMapLayer], date_before, date_after
) -> tuple[QgsMapLayer | None, QgsMapLayer | None]:
    """The raster layers to show as before and after imagery for a patch's dates.

    A layer whose date equals the patch's date wins; else the layer whose
    date is nearest (within half a year), preferring one marked before /
    after (前时相 / 后时相) in its name; else a layer marked before / after
    when only one is. Never the same layer for both (see :func:`..domain.imagery.choose_imagery`).
    """
    described = [(layer, imagery_date(layer)[0], _role_of(layer)) for layer in layers if layer is not None]
    return choose_imagery(described, date_before, date_after, name=lambda layer: layer.name())


# --- swipe ------------------------------------------------------------------------------


class SwipeItem(QgsMapCanvasItem):
    """Paints an image of other layers over the canvas, cut at a fraction of its width (left part shown)."""

    def __init__(self, canvas: QgsMapCanvas):
        super().__init__(canvas)
        self._canvas = canvas
        self.image: QImage | None = None
        self.fraction = 0.5
        self.setZValue(-10)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def set_fraction(self, fraction: float) -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        self.update()

    def paint(self, painter, option=None, widget=None) -> None:  # noqa: ARG002
        if self.image is None or self.image.isNull():
            return
        width = self.image.width() / max(self.image.devicePixelRatioF(), 1.0)
        height = self.image.height() / max(self.image.devicePixelRatioF(), 1.0)
        cut = width * self.fraction
        painter.drawImage(QRectF(0, 0, cut, height), self.image, QRectF(0, 0, cut * self.image.devicePixelRatioF(), self.image.height()))
        painter.setPen(QColor(255, 255, 0))
        painter.drawLine(int(cut), 0, int(cut), int(height))

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(0, 0, self._canvas.width(), self._canvas.height())

    def updatePosition(self) -> None:  # noqa: N802
        """Drawn in widget coordinates: stays at the canvas's top-left corner."""
        self.setPos(0, 0)


# --- the dock ------------------------------------------------------------------------------


class ImageryCompareDock(QgsDockWidget):
    """Before / after imagery of a patch in two synchronised views (or a swipe), with the dates shown."""

    def __init__(self, context, parent: QWidget | None = None, main_canvas: QgsMapCanvas | None = None):
        super().__init__(tr("Before / after imagery"), parent)
        self.setObjectName("MineSupervisionImageryDock")
        self.context = context
        iface = getattr(context, "iface", None)
        self.main_canvas = main_canvas or (iface.mapCanvas() if iface is not None else None)
        self._connections: list[tuple[object, object]] = []
        self._syncing = False
        self._setting_layers = False
        self._patch_dates: dict[str, dt.date | None] = {"before": None, "after": None}
        self._patch_geometry: QgsGeometry | None = None
        self._chosen: dict[str, str | None] = {"before": None, "after": None}  # layer ids shown
        self._swipe_job = None
        # a patch asked for while the dock was closed: shown when the user opens it (nothing rendered unseen)
        self._pending_patch: tuple | None = None
        self.visibilityChanged.connect(self._show_pending_patch)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)

        choices = QGridLayout()
        self.before_combo = QgsMapLayerComboBox(body)
        self.after_combo = QgsMapLayerComboBox(body)
        for combo in (self.before_combo, self.after_combo):
            combo.setFilters(QgsMapLayerProxyModel.RasterLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        choices.addWidget(QLabel(tr("Before")), 0, 0)
        choices.addWidget(self.before_combo, 0, 1)
        choices.addWidget(QLabel(tr("After")), 0, 2)
        choices.addWidget(self.after_combo, 0, 3)
        choices.setColumnStretch(1, 1)
        choices.setColumnStretch(3, 1)
        layout.addLayout(choices)

        options = QHBoxLayout()
        self.follow_main = QCheckBox(tr("Follow the main map"))
        self.follow_main.setChecked(settings.IMAGERY_FOLLOW_MAIN.value())
        self.swipe_check = QCheckBox(tr("Swipe"))
        self.tianditu_button = QPushButton(tr("Add Tianditu basemap"))
        self.tianditu_button.setToolTip(
            tr(
                "Adds Tianditu (天地图) imagery as an XYZ layer with your key. The key is kept in the QGIS settings "
                "and is part of the layer's source while the project is open; it is left out of saved project files."
            )
        )
        options.addWidget(self.follow_main)
        options.addWidget(self.swipe_check)
        options.addStretch(1)
        options.addWidget(self.tianditu_button)
        layout.addLayout(options)

        self.before_canvas = self._make_canvas(body)
        self.after_canvas = self._make_canvas(body)
        self.before_label = QLabel(body)
        self.after_label = QLabel(body)
        for label_widget in (self.before_label, self.after_label):
            label_widget.setWordWrap(True)
            label_widget.setStyleSheet("font-weight: bold;")
            # The two views share the width evenly whatever the length of their dates.
            label_widget.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
            label_widget.setMinimumHeight(label_widget.fontMetrics().lineSpacing() * 2 + 4)
        self.splitter = QSplitter(Qt.Horizontal, body)
        for label_widget, canvas in ((self.before_label, self.before_canvas), (self.after_label, self.after_canvas)):
            panel = QWidget(self.splitter)
            panel_layout = QVBoxLayout(panel)
            panel_layout.setContentsMargins(0, 0, 0, 0)
            panel_layout.addWidget(label_widget)
            panel_layout.addWidget(canvas, 1)
            self.splitter.addWidget(panel)
        layout.addWidget(self.splitter, 1)
        self.swipe_slider = QSlider(Qt.Horizontal, body)
        self.swipe_slider.setRange(0, 100)
        self.swipe_slider.setValue(50)
        self.swipe_slider.setVisible(False)
        layout.addWidget(self.swipe_slider)
        self.setWidget(body)

        self._pan_tools = [QgsMapToolPan(self.before_canvas), QgsMapToolPan(self.after_canvas)]
        self.before_canvas.setMapTool(self._pan_tools[0])
        self.after_canvas.setMapTool(self._pan_tools[1])
        self._highlights = [self._make_highlight(self.before_canvas), self._make_highlight(self.after_canvas)]
        self.swipe_item = SwipeItem(self.before_canvas)
        self.swipe_item.setVisible(False)

        # Signals of our own widgets die with them; those of outside objects are tracked for shutdown().
        self.before_canvas.extentsChanged.connect(self._before_moved)
        self.after_canvas.extentsChanged.connect(self._after_moved)
        self.before_canvas.mapCanvasRefreshed.connect(self._render_swipe)
        # layerChanged also fires when the project loses a layer or is cleared: only refresh then,
        # later (the project may be half-cleared); activated is the user's own choice: remember it.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.before_combo.layerChanged.connect(self._schedule_refresh)
        self.after_combo.layerChanged.connect(self._schedule_refresh)
        self.before_combo.activated.connect(lambda _index: self._user_chose("before"))
        self.after_combo.activated.connect(lambda _index: self._user_chose("after"))
        self.follow_main.toggled.connect(self._follow_main_toggled)
        self.swipe_check.toggled.connect(self.set_swipe)
        self.swipe_slider.valueChanged.connect(lambda value: self.swipe_item.set_fraction(value / 100.0))
        self.tianditu_button.clicked.connect(self.add_tianditu_basemap)

        project = QgsProject.instance()
        self._connect(project.layersAdded, self._schedule_refresh)
        self._connect(project.layersWillBeRemoved, self._layers_leaving)
        self._connect(project.layersRemoved, self._schedule_refresh)
        self._connect(project.readProject, self._project_read)
        self._connect(project.writeProject, self._project_writing)
        self._connect(project.writeMapLayer, self._layer_writing)
        self._connect(project.crsChanged, self._schedule_refresh)
        if self.main_canvas is not None:
            self._connect(self.main_canvas.extentsChanged, self._main_moved)
        if hasattr(context, "storeChanged"):
            self._connect(context.storeChanged, self._store_changed)
        self._restore_choices()
        self._update_layers()
        self._update_labels()

    # -- construction helpers -----------------------------------------------------------
    def _make_canvas(self, parent: QWidget) -> QgsMapCanvas:
        canvas = QgsMapCanvas(parent)
        canvas.setCanvasColor(QColor(255, 255, 255))
        canvas.setSelectionColor(see_through_selection())  # a selected patch must not hide the imagery
        canvas.enableAntiAliasing(True)
        canvas.setMinimumSize(150, 150)
        return canvas

    def _make_highlight(self, canvas: QgsMapCanvas) -> QgsRubberBand:
        band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        band.setColor(QColor(255, 230, 0, 230))
        band.setFillColor(QColor(0, 0, 0, 0))
        band.setWidth(3)
        return band

    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    # -- layers ---------------------------------------------------------------------------
    def canvases(self) -> tuple[QgsMapCanvas, QgsMapCanvas]:
        return self.before_canvas, self.after_canvas

    def before_layer(self) -> QgsMapLayer | None:
        return self.before_combo.currentLayer()

    def after_layer(self) -> QgsMapLayer | None:
        return self.after_combo.currentLayer()

    def set_imagery(self, before: QgsMapLayer | None, after: QgsMapLayer | None, *, remember: bool = False) -> None:
        """Show ``before`` and ``after`` (raster layers of the project) in the two views."""
        self._setting_layers = True
        try:
            self.before_combo.setLayer(before)
            self.after_combo.setLayer(after)
        finally:
            self._setting_layers = False
        self._note_chosen()
        if remember:
            self._remember("before", before)
            self._remember("after", after)
        self._update_layers()
        self._update_labels()

    def _note_chosen(self) -> None:
        for role, layer in (("before", self.before_layer()), ("after", self.after_layer())):
            self._chosen[role] = layer.id() if layer is not None else None

    def _user_chose(self, role: str) -> None:
        self._note_chosen()
        self._remember(role, self.before_layer() if role == "before" else self.after_layer())
        self.refresh()

    def _layers_leaving(self, layer_ids) -> None:
        """A chosen imagery layer leaving the project leaves its view empty (the combo would pick another)."""
        leaving = set(layer_ids)
        self._setting_layers = True
        try:
            for role, combo in (("before", self.before_combo), ("after", self.after_combo)):
                if self._chosen[role] in leaving:
                    self._chosen[role] = None
                    combo.setLayer(None)
        finally:
            self._setting_layers = False

    def _schedule_refresh(self, *args) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Put the chosen imagery and the supervision layers into the views and update the dates."""
        self._refresh_timer.stop()
        self._update_layers()
        self._update_labels()

    def _remember(self, role: str, layer) -> None:
        entry = BEFORE_ENTRY if role == "before" else AFTER_ENTRY
        project = QgsProject.instance()
        if layer is None:
            project.removeEntry(PROJECT_KEY, entry)
        else:
            project.writeEntry(PROJECT_KEY, entry, layer.id())

    def _restore_choices(self) -> None:
        project = QgsProject.instance()
        chosen = []
        for entry in (BEFORE_ENTRY, AFTER_ENTRY):
            layer_id, found = project.readEntry(PROJECT_KEY, entry, "")
            chosen.append(project.mapLayer(layer_id) if found and layer_id else None)
        self._setting_layers = True
        try:
            self.before_combo.setLayer(chosen[0])
            self.after_combo.setLayer(chosen[1])
        finally:
            self._setting_layers = False
        self._note_chosen()

    def overlay_layers(self) -> list[QgsMapLayer]:
        project = QgsProject.instance()
        return [layer for layer in (find_layer(name, project) for name in OVERLAY_TABLES) if layer is not None]

    def _view_crs(self) -> QgsCoordinateReferenceSystem:
        crs = QgsProject.instance().crs()
        if not crs.isValid() and self.main_canvas is not None:
            crs = self.main_canvas.mapSettings().destinationCrs()
        return crs

    def _update_layers(self, *args) -> None:
        overlays = self.overlay_layers()
        crs = self._view_crs()
        for canvas, raster in ((self.before_canvas, self.before_layer()), (self.after_canvas, self.after_layer())):
            if crs.isValid() and canvas.mapSettings().destinationCrs() != crs:
                canvas.setDestinationCrs(crs)
            canvas.setLayers([*overlays, *([raster] if raster is not None else [])])
            canvas.refresh()
        if self.swipe_check.isChecked():
            self._render_swipe()

    def _store_changed(self, *args) -> None:
        """Another database (or none): the previous patch's dates and outline go."""
        self.clear_patch()
        self._schedule_refresh()

    def clear_patch(self) -> None:
        """Forget the patch shown: no dates, no highlighted outline, nothing pending."""
        self._pending_patch = None
        self._patch_dates = {"before": None, "after": None}
        self._patch_geometry = None
        for band in self._highlights:
            band.reset(QgsWkbTypes.PolygonGeometry)
        self._update_labels()

    def _project_read(self, *args) -> None:
        self._restore_tianditu_keys()
        self._restore_choices()
        self.refresh()

    # -- dates ------------------------------------------------------------------------------
    def date_texts(self) -> tuple[str, str]:
        return self.before_label.text(), self.after_label.text()

    def _update_labels(self) -> None:
        for role, label_widget, layer in (
            ("before", self.before_label, self.before_layer()),
            ("after", self.after_label, self.after_layer()),
        ):
            caption = tr("Before") if role == "before" else tr("After")
            patch_date = self._patch_dates[role]
            parts = [caption]
            parts.append(tr("patch {date}").format(date=patch_date.isoformat()) if patch_date else tr("patch date unknown"))
            found, origin = imagery_date(layer)
            if layer is None:
                parts.append(tr("no imagery chosen"))
            elif found:
                parts.append(tr("imagery {date} ({origin})").format(date=found.isoformat(), origin=origin))
            else:
                parts.append(tr("imagery date unknown ({layer})").format(layer=layer.name()))
            text = " · ".join(parts)
            far = patch_date is not None and found is not None and abs((found - patch_date).days) > 31
            label_widget.setText(text)
            label_widget.setStyleSheet("font-weight: bold; color: #c62828;" if far else "font-weight: bold;")
            label_widget.setToolTip(
                tr("The imagery is more than a month away from the patch's date.") if far else (layer.source() if layer else "")
            )

    # -- showing a patch ------------------------------------------------------------------------
    def show_patch(self, geometry: QgsGeometry, date_before=None, date_after=None, crs: QgsCoordinateReferenceSystem | None = None) -> None:
        """Zoom both views to ``geometry`` with a margin, pick the imagery for its dates and show them.

        ``geometry`` is in ``crs`` (default: the project CRS, which is the
        supervision database's CRS once it is loaded). While the dock is
        closed nothing is drawn: the latest patch is shown when it opens.
        """
        if not self.isVisible():
            self._pending_patch = (geometry, date_before, date_after, crs)
            return
        self._pending_patch = None
        self._patch_dates = {"before": as_imagery_date(date_before), "after": as_imagery_date(date_after)}
        rasters = [layer for layer in QgsProject.instance().mapLayers().values() if layer.type() == QgsMapLayer.RasterLayer]
        rasters.sort(key=lambda layer: layer.name())
        before, after = pick_imagery(rasters, date_before, date_after)
        self.set_imagery(before or self.before_layer(), after or self.after_layer())
        geometry = QgsGeometry(geometry) if geometry is not None else None
        view_crs = self.before_canvas.mapSettings().destinationCrs()
        if geometry is not None and not geometry.isEmpty():
            if crs is not None and crs.isValid() and view_crs.isValid() and crs != view_crs:
                geometry.transform(QgsCoordinateTransform(crs, view_crs, QgsProject.instance()))
            self._patch_geometry = geometry
            for band in self._highlights:
                band.setToGeometry(geometry, None)
            box = QgsRectangle(geometry.boundingBox())
            margin = max(max(box.width(), box.height()) * MARGIN_RATIO, MIN_MARGIN)
            box.grow(margin)
            self.before_canvas.setExtent(box)
            self.before_canvas.refresh()
            self.after_canvas.refresh()
        self._update_labels()

    def _show_pending_patch(self, visible: bool) -> None:
        if visible and self._pending_patch is not None:
            # after Qt has shown the dock, so that the views have their size (a bound method: dropped with the dock)
            QTimer.singleShot(0, self._apply_pending_patch)

    def _apply_pending_patch(self) -> None:
        if self._pending_patch is not None and self.isVisible():
            self.show_patch(*self._pending_patch)

    # -- synchronisation ---------------------------------------------------------------------------
    @staticmethod
    def _extent_for(source: QgsMapCanvas, target: QgsMapCanvas, transform: QgsCoordinateTransform | None = None) -> QgsRectangle:
        """The extent that gives ``target`` the centre and scale of ``source``."""
        extent = source.extent()
        if transform is not None:
            extent = transform.transformBoundingBox(extent)
        size = target.mapSettings().outputSize()
        width, height = size.width(), size.height()
        if width <= 1 or height <= 1 or transform is not None:
            return extent
        per_pixel = source.mapUnitsPerPixel()
        centre = extent.center()
        half_w, half_h = width * per_pixel / 2.0, height * per_pixel / 2.0
        return QgsRectangle(centre.x() - half_w, centre.y() - half_h, centre.x() + half_w, centre.y() + half_h)

    def _follow(self, source: QgsMapCanvas, targets: list[QgsMapCanvas]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for target in targets:
                if target is None:
                    continue
                source_crs = source.mapSettings().destinationCrs()
                target_crs = target.mapSettings().destinationCrs()
                transform = None
                if source_crs.isValid() and target_crs.isValid() and source_crs != target_crs:
                    transform = QgsCoordinateTransform(source_crs, target_crs, QgsProject.instance())
                if target.rotation() != source.rotation():
                    target.setRotation(source.rotation())
                target.setExtent(self._extent_for(source, target, transform))
                target.refresh()
        finally:
            self._syncing = False

    def _before_moved(self) -> None:
        targets = [self.after_canvas]
        if self.follow_main.isChecked():
            targets.append(self.main_canvas)
        self._follow(self.before_canvas, targets)

    def _after_moved(self) -> None:
        targets = [self.before_canvas]
        if self.follow_main.isChecked():
            targets.append(self.main_canvas)
        self._follow(self.after_canvas, targets)

    def _main_moved(self) -> None:
        if self.follow_main.isChecked() and self.main_canvas is not None:
            self._follow(self.main_canvas, [self.before_canvas, self.after_canvas])

    def _follow_main_toggled(self, checked: bool) -> None:
        settings.IMAGERY_FOLLOW_MAIN.set_value(bool(checked))
        if checked:
            self._main_moved()

    # -- swipe -------------------------------------------------------------------------------------
    def set_swipe(self, enabled: bool) -> None:
        """Swipe mode: the after image over the before one in the left view, cut at the slider."""
        if self.swipe_check.isChecked() != bool(enabled):
            self.swipe_check.setChecked(bool(enabled))
            return
        self.swipe_slider.setVisible(bool(enabled))
        self.after_canvas.parentWidget().setVisible(not enabled)
        self.swipe_item.setVisible(bool(enabled))
        if enabled:
            self._render_swipe()
        else:
            self._cancel_swipe_job()
            self.swipe_item.set_image(None)

    def _cancel_swipe_job(self) -> None:
        if self._swipe_job is not None:
            try:
                self._swipe_job.finished.disconnect(self._swipe_rendered)
            except (TypeError, RuntimeError):
                pass
            self._swipe_job.cancelWithoutBlocking()
            self._swipe_job = None

    def _render_swipe(self, *args) -> None:
        if not self.swipe_check.isChecked():
            return
        after = self.after_layer()
        if after is None:
            self.swipe_item.set_image(None)
            return
        settings = QgsMapSettings(self.before_canvas.mapSettings())
        settings.setLayers([*self.overlay_layers(), after])
        self._cancel_swipe_job()
        self._swipe_job = QgsMapRendererParallelJob(settings)
        self._swipe_job.finished.connect(self._swipe_rendered)
        self._swipe_job.start()

    def _swipe_rendered(self) -> None:
        job, self._swipe_job = self._swipe_job, None
        if job is None:
            return
        self.swipe_item.set_image(job.renderedImage())
        self.swipe_item.setPos(0, 0)

    def wait_for_swipe(self) -> None:
        """Block until the swipe image is rendered (for scripts and tests)."""
        if self._swipe_job is not None:
            self._swipe_job.waitForFinished()
            self._swipe_rendered()

    # -- Tianditu -----------------------------------------------------------------------------------
    def add_tianditu_basemap(self, key: str | None = None) -> QgsRasterLayer | None:
        """Add 天地图 imagery with the key from the settings, asking for it once; return the layer."""
        key = (key if isinstance(key, str) else None) or stored_tianditu_key()
        if not key:
            key, accepted = QInputDialog.getText(
                self,
                tr("Tianditu key"),
                tr("Your Tianditu (天地图) key (apply for one at console.tianditu.gov.cn). It is kept in the QGIS settings:"),
                QLineEdit.Normal,
                "",
            )
            key = (key or "").strip()
            if not accepted or not key:
                return None
        if not tianditu_key_is_plausible(key):
            self.context.error(tr("A Tianditu key is 32 hexadecimal characters; {key} is not one.").format(key=key))
            return None
        store_tianditu_key(key)
        layer = tianditu_layer(key)
        if not layer.isValid():
            self.context.error(tr("The Tianditu layer could not be created."))
            return None
        project = QgsProject.instance()
        project.addMapLayer(layer, False)
        project.layerTreeRoot().addLayer(layer)  # at the bottom: a basemap
        self.context.info(
            tr(
                "Tianditu imagery added. Your key is in the layer's source while the project is open; "
                "it is replaced by a placeholder when the project is saved and restored from your settings when it is opened."
            )
        )
        return layer

    def _tianditu_keys(self) -> set[str]:
        key = stored_tianditu_key()
        keys = {key} if key else set()
        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty(TIANDITU_PROPERTY) or "tianditu.gov.cn" in layer.source():
                match = re.search(r"tk(?:=|%3D)([0-9a-fA-F]{32})", layer.source())
                if match:
                    keys.add(match.group(1))
        return keys

    def _project_writing(self, document) -> None:
        """Keep the 天地图 key out of the saved project: replace it by a placeholder in the XML.

        QGIS writes the layer tree before this signal and the layers after
        it; the layers are scrubbed one by one in :meth:`_layer_writing`.
        """
        for value in self._tianditu_keys():
            _replace_in_dom(document, value, TIANDITU_KEY_PLACEHOLDER)

    def _layer_writing(self, layer, element, document) -> None:  # noqa: ARG002
        if "tianditu.gov.cn" not in layer.source():
            return
        for value in self._tianditu_keys():
            _replace_in_dom(element, value, TIANDITU_KEY_PLACEHOLDER)

    def _restore_tianditu_keys(self) -> None:
        key = stored_tianditu_key()
        for layer in QgsProject.instance().mapLayers().values():
            if TIANDITU_KEY_PLACEHOLDER not in layer.source():
                continue
            if not key:
                self.context.warning(
                    tr("Layer {layer} needs your Tianditu key; add the basemap again to enter it.").format(layer=layer.name())
                )
                continue
            layer.setDataSource(layer.source().replace(TIANDITU_KEY_PLACEHOLDER, key), layer.name(), layer.providerType())
            layer.triggerRepaint()

    # -- teardown ---------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Disconnect from everything outside the dock (project, main canvas, context); stop rendering."""
        self._refresh_timer.stop()
        self._cancel_swipe_job()
        disconnect_all(self._connections)
        for canvas in (self.before_canvas, self.after_canvas):
            canvas.stopRendering()
            canvas.setLayers([])
