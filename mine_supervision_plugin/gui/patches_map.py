"""The map side of the patches dock: zooming to the current patch and showing its imagery.

A mixin of :class:`.patches_dock.PatchesDock`: the current patch's geometry
(from the project's layer, else from the store), a zoom with a margin, and
the before / after imagery viewer (:mod:`.imagery_compare`) when it is there.
It relies on the dock for ``context``, ``_layer``, ``_record``, ``_geometry``
and ``imagery_viewer``.
"""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QApplication

from ..i18n import tr


class PatchMapMixin:
    """Zoom and imagery of the current patch (see the module's docstring)."""

    #: Space added on every side of a patch when zooming to it, as a share of its larger side.
    ZOOM_MARGIN = 0.5
    #: Smallest extent (map units of a projected CRS) a zoom shows, so tiny patches keep context.
    MIN_EXTENT = 100.0

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


def _alive(obj) -> bool:
    """False for a Qt object whose C++ side was deleted; True for plain Python objects."""
    try:
        return not sip.isdeleted(obj)
    except TypeError:
        return True
