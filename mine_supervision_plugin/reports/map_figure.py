"""The notice's map figure, rendered by QGIS: the holder's licence boundaries with numbered corners, the findings,
imagery when given, a CGCS2000 coordinate grid, north arrow, scale bar and legend; JPEG at 300 dpi or more.

The one module of :mod:`..reports` that needs ``qgis.core``. The map is drawn
by a :class:`QgsMapRendererParallelJob` (on QGIS's threads, while the caller writes
the previous PDF) over memory layers made from shapely geometries; the map goes
into the inner frame of the figure; grid, labels, north
arrow, scale bar and legend are painted over it with QPainter, as QGIS 3.22's
layout would, at a fraction of a layout's cost. Geometries are in the
projected CGCS2000 CRS given (Gauss–Krüger metres: X northing, Y easting).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFillSymbol,
    QgsGeometry,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRasterLayer,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QPen, QPolygonF

from ..domain.notices import HolderCase, prejudgment_code
from ..palette import PREJUDGMENT

DPI = 300
SIZE_MM = (150.0, 100.0)
MARGIN_MM = 7.0  # room for the grid's coordinates around the map frame
LICENCE_COLOUR = "#c62828"
ZONE_COLOUR = "#1565c0"
_FAMILY: dict[str, str] = {}
PREJUDGMENT_LABELS = {"out_of_bounds": "疑似越界开采", "expired_licence": "疑似证照过期开采", "unlicensed": "疑似无证开采"}


def font_family(path: str | None) -> str:
    """The Qt family of the font file ``path`` (added to Qt once), or a CJK family fontconfig knows."""
    if path and path not in _FAMILY:
        ident = QFontDatabase.addApplicationFont(path)
        families = QFontDatabase.applicationFontFamilies(ident) if ident >= 0 else []
        _FAMILY[path] = families[0] if families else ""
    return (_FAMILY.get(path) if path else "") or "WenQuanYi Zen Hei"


def _layer(kind: str, name: str, crs: QgsCoordinateReferenceSystem, geometries, fields: str = "") -> QgsVectorLayer:
    import shapely

    layer = QgsVectorLayer(f"{kind}?crs={crs.authid()}{fields}", name, "memory")
    features = []
    for item in geometries:
        geometry, attributes = item if isinstance(item, tuple) else (item, [])
        if geometry is None:
            continue
        feature = QgsFeature(layer.fields())
        qgs = QgsGeometry()
        qgs.fromWkb(shapely.to_wkb(geometry))
        feature.setGeometry(qgs)
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _label(layer: QgsVectorLayer, field: str, family: str, size_mm: float, colour: str, placement) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.placement = placement
    text = QgsTextFormat()
    text.setFont(QFont(family))
    text.setSize(size_mm)
    text.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    text.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _nice_step(span: float, target: int = 4) -> float:
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    return min((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw), default=10 * power)


def _corners(geometry) -> list[tuple[float, float, int]]:
    """The corners of each ring of a licence boundary, numbered 1… along the ring (the closing point once)."""
    import shapely

    found = []
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = list(ring.coords)[:-1]
            found += [(x, y, n) for n, (x, y) in enumerate(coords, start=1)]
    return found if not shapely.is_empty(geometry) else []


def render_figure(case: HolderCase, crs: QgsCoordinateReferenceSystem, **options) -> tuple[bytes, tuple[float, float]]:
    """The figure of ``case`` as JPEG bytes and its printed size in mm (see :func:`start_figure` for ``options``)."""
    return start_figure(case, crs, **options).result()


class PendingFigure:
    """A figure whose map QGIS is rendering on its own threads; :meth:`result` waits, draws the rest, encodes."""

    def __init__(self, job, keep, finish):
        self._job, self._keep, self._finish = job, keep, finish

    def result(self) -> tuple[bytes, tuple[float, float]]:
        self._job.waitForFinished()
        return self._finish(self._job.renderedImage())


def start_figure(
    case: HolderCase,
    crs: QgsCoordinateReferenceSystem,
    *,
    imagery: Sequence[str] = (),
    font_path: str | None = None,
    size_mm: tuple[float, float] = SIZE_MM,
    dpi: int = DPI,
    quality: int = 88,
    labels: dict[str, str] | None = None,
    outlines: Sequence = (),
    corners: bool = True,
) -> PendingFigure:
    """Start rendering the figure of ``case`` (``dpi`` dots per inch at ``size_mm``) with a
    :class:`QgsMapRendererParallelJob`; the caller does other work (the previous PDF) meanwhile.

    ``labels``: the legend's words for each finding code (default :data:`PREJUDGMENT_LABELS`), in the
    legend's order; the survey report names its extents, growth and out-of-bounds pieces so. ``outlines``:
    (geometry, name) of areas drawn as dashed blue outlines with their names (a monitoring zone); ``corners``:
    number the licences' corners (a zone's map of many licences leaves them out)."""
    labels = dict(labels or PREJUDGMENT_LABELS)
    import shapely

    family = font_family(font_path)
    px = dpi / 25.4
    width, height = (math.ceil(size_mm[0] * px), math.ceil(size_mm[1] * px))
    margin = round(MARGIN_MM * px)
    frame = QRectF(margin, margin * 0.6, width - 2 * margin, height - margin * 1.6)

    licences = [(lic.geometry, [lic.license_no]) for lic in case.licences if lic.geometry is not None]
    findings = [(f.geometry, [f.patch_no, prejudgment_code(f.prejudgment)]) for f in case.findings
                if f.geometry is not None]
    zone_items = [(geometry, [str(name)]) for geometry, name in outlines if geometry is not None]
    everything = [g for g, _ in licences + findings + zone_items]
    bounds = shapely.bounds(shapely.union_all(everything)) if everything else (0, 0, 1, 1)
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    span_x, span_y = max(maxx - minx, 1.0), max(maxy - miny, 1.0)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    aspect = frame.width() / frame.height()
    span_x, span_y = max(span_x, span_y * aspect) * 1.25, max(span_y, span_x / aspect) * 1.25
    extent = QgsRectangle(cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2)

    licence_layer = _layer("MultiPolygon", "采矿许可范围", crs, licences, "&field=license_no:string")
    licence_layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": LICENCE_COLOUR, "outline_width": "0.6", "outline_width_unit": "MM"})))
    corner_layer = _layer("Point", "拐点", crs, [(shapely.Point(x, y), [str(n)]) for lic, _ in licences
                                               for x, y, n in _corners(lic)] if corners else [], "&field=n:string")
    corner_layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "white", "outline_color": LICENCE_COLOUR, "size": "1.4", "size_unit": "MM"})))
    _label(corner_layer, "n", family, 2.6, LICENCE_COLOUR, QgsPalLayerSettings.OrderedPositionsAroundPoint)
    finding_layer = _layer("MultiPolygon", "图斑", crs, findings, "&field=patch_no:string&field=code:string")
    categories = []
    for code, colour in PREJUDGMENT.items():
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": colour,
                                             "outline_width": "0.4", "outline_width_unit": "MM"})
        symbol.setOpacity(0.55)
        categories.append(QgsRendererCategory(code, symbol, labels.get(code, code)))
    finding_layer.setRenderer(QgsCategorizedSymbolRenderer("code", categories))
    _label(finding_layer, "patch_no", family, 2.8, "#202020", QgsPalLayerSettings.OverPoint)
    layers = [corner_layer, finding_layer, licence_layer]
    if zone_items:
        zone_layer = _layer("MultiPolygon", "重点监测矿区", crs, zone_items, "&field=name:string")
        zone_layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": ZONE_COLOUR, "outline_width": "0.7", "outline_width_unit": "MM",
             "outline_style": "dash"})))
        _label(zone_layer, "name", family, 3.2, ZONE_COLOUR, QgsPalLayerSettings.Horizontal)
        layers.insert(0, zone_layer)
    for path in imagery:
        raster = QgsRasterLayer(str(path), "影像")
        if raster.isValid():
            layers.append(raster)

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(frame.size().toSize())
    settings.setOutputDpi(dpi)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    settings.setFlag(QgsMapSettings.Antialiasing, True)
    visible = settings.visibleExtent()
    codes = {code for _, (_, code) in findings}

    def finish(rendered: QImage) -> tuple[bytes, tuple[float, float]]:
        image = QImage(width, height, QImage.Format_RGB32)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.drawImage(frame.topLeft(), rendered)
        _grid(painter, frame, visible, family, px, crs)
        _north_arrow(painter, frame, family, px)
        _scale_bar(painter, frame, visible, family, px)
        _legend(painter, frame, family, px, codes, bool(imagery), labels, bool(zone_items), corners)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "JPG", quality)
        buffer.close()
        return bytes(data), size_mm

    job = QgsMapRendererParallelJob(settings)
    job.start()
    return PendingFigure(job, layers, finish)


def _font(family: str, px: float, size_mm: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(size_mm * px)))
    font.setBold(bold)
    return font


def _grid(painter, frame: QRectF, extent: QgsRectangle, family: str, px: float, crs) -> None:
    """Grid lines every round number of metres, labelled X (northing) on the sides and Y (easting) at top and foot."""
    painter.setPen(QPen(QColor(0, 0, 0), max(1, 0.15 * px)))
    painter.setBrush(Qt.NoBrush)
    painter.drawRect(frame)
    step = _nice_step(min(extent.width(), extent.height()))
    painter.setFont(_font(family, px, 2.3))
    grid_pen = QPen(QColor(60, 60, 60, 150), max(1, 0.1 * px), Qt.DashLine)

    def to_px_x(x):
        return frame.left() + (x - extent.xMinimum()) / extent.width() * frame.width()

    def to_px_y(y):
        return frame.bottom() - (y - extent.yMinimum()) / extent.height() * frame.height()

    x = math.ceil(extent.xMinimum() / step) * step
    while x < extent.xMaximum():
        sx = to_px_x(x)
        painter.setPen(grid_pen)
        painter.drawLine(QPointF(sx, frame.top()), QPointF(sx, frame.bottom()))
        painter.setPen(QColor("black"))
        text = f"Y={x:.0f}"
        painter.drawText(QRectF(sx - 30 * px, frame.bottom() + 0.5 * px, 60 * px, 3 * px), Qt.AlignHCenter, text)
        painter.drawText(QRectF(sx - 30 * px, frame.top() - 3.2 * px, 60 * px, 3 * px), Qt.AlignHCenter, text)
        x += step
    y = math.ceil(extent.yMinimum() / step) * step
    while y < extent.yMaximum():
        sy = to_px_y(y)
        painter.setPen(grid_pen)
        painter.drawLine(QPointF(frame.left(), sy), QPointF(frame.right(), sy))
        painter.setPen(QColor("black"))
        text = f"X={y:.0f}"
        for side, angle in ((frame.left() - 1.0 * px, -90), (frame.right() + 1.0 * px, 90)):
            painter.save()
            painter.translate(side, sy)
            painter.rotate(angle)
            painter.drawText(QRectF(-30 * px, -3 * px, 60 * px, 3 * px), Qt.AlignHCenter | Qt.AlignBottom, text)
            painter.restore()
        y += step
    painter.setFont(_font(family, px, 2.0))
    painter.drawText(QRectF(frame.left(), frame.bottom() + 3.2 * px, frame.width(), 3 * px), Qt.AlignRight,
                     f"坐标系：{crs.description()}（{crs.authid()}），单位：米；网格间距 {step:g} 米")


def _north_arrow(painter, frame: QRectF, family: str, px: float) -> None:
    x, y = frame.right() - 8 * px, frame.top() + 4 * px
    painter.setPen(QPen(QColor("black"), max(1, 0.2 * px)))
    painter.setBrush(QColor("black"))
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x - 2.2 * px, y + 8 * px), QPointF(x, y + 6 * px)]))
    painter.setBrush(QColor("white"))
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + 2.2 * px, y + 8 * px), QPointF(x, y + 6 * px)]))
    painter.setFont(_font(family, px, 3.0, bold=True))
    painter.drawText(QRectF(x - 4 * px, y - 4.2 * px, 8 * px, 4 * px), Qt.AlignCenter, "北")


def _scale_bar(painter, frame: QRectF, extent: QgsRectangle, family: str, px: float) -> None:
    metres_per_px = extent.width() / frame.width()
    length = _nice_step(extent.width() / 4, 1)
    bar = length / metres_per_px
    x, y = frame.left() + 5 * px, frame.bottom() - 6 * px
    painter.setPen(QPen(QColor("black"), max(1, 0.2 * px)))
    for i in range(4):
        painter.setBrush(QColor("black") if i % 2 == 0 else QColor("white"))
        painter.drawRect(QRectF(x + i * bar / 4, y, bar / 4, 1.2 * px))
    painter.setFont(_font(family, px, 2.2))
    painter.drawText(QRectF(x - 5 * px, y - 3.4 * px, 10 * px, 3 * px), Qt.AlignCenter, "0")
    painter.drawText(QRectF(x + bar - 10 * px, y - 3.4 * px, 20 * px, 3 * px), Qt.AlignCenter, f"{length:g} 米")


def _legend(painter, frame: QRectF, family: str, px: float, codes: set, imagery: bool,
            labels: dict[str, str] = PREJUDGMENT_LABELS, zones: bool = False, corners: bool = True) -> None:
    entries = [("licence", "采矿许可范围（红框，数字为拐点号）" if corners else "采矿许可范围（红框）")]
    if zones:
        entries.append(("zone", "重点监测矿区（蓝色虚线）"))
    entries += [(code, labels[code]) for code in labels if code in codes]
    if imagery:
        entries.append(("imagery", "底图：遥感影像"))
    font = _font(family, px, 2.4)
    painter.setFont(font)
    row = 4.0 * px
    box = QRectF(frame.right() - 58 * px, frame.bottom() - (len(entries) * row + 6 * px) - 1.5 * px, 56 * px,
                 len(entries) * row + 6 * px)
    painter.setPen(QPen(QColor("black"), max(1, 0.15 * px)))
    painter.setBrush(QColor(255, 255, 255, 230))
    painter.drawRect(box)
    painter.drawText(QRectF(box.left(), box.top() + 0.6 * px, box.width(), 3 * px), Qt.AlignCenter, "图　例")
    for i, (code, text) in enumerate(entries):
        top = box.top() + 4.5 * px + i * row
        swatch = QRectF(box.left() + 2 * px, top + 0.5 * px, 6 * px, 2.6 * px)
        if code == "licence":
            painter.setPen(QPen(QColor(LICENCE_COLOUR), 0.6 * px))
            painter.setBrush(Qt.NoBrush)
        elif code == "zone":
            pen = QPen(QColor(ZONE_COLOUR), 0.7 * px, Qt.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
        elif code == "imagery":
            painter.setPen(QPen(QColor("black"), 0.15 * px))
            painter.setBrush(QColor("#8d9a7a"))
        else:
            colour = QColor(PREJUDGMENT[code])
            painter.setPen(QPen(colour, 0.4 * px))
            colour.setAlpha(140)
            painter.setBrush(colour)
        painter.drawRect(swatch)
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(swatch.right() + 1.5 * px, top, box.width() - 10 * px, 3.6 * px),
                         Qt.AlignLeft | Qt.AlignVCenter, text)
