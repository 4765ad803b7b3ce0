"""Write the layer styles (.qml: symbology and labels) in resources/styles.

Run by hand after changing a style: ``python tools/build_styles.py``. The
styles are committed; aliases, forms and value maps come from the schema at
load time, so the .qml files carry only what a cartographer would tune.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLabelObstacleSettings,
    QgsLabelThinningSettings,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from mine_supervision_plugin import palette  # noqa: E402
from mine_supervision_plugin.domain.vocab import VOCABULARIES  # noqa: E402
from mine_supervision_plugin.store.schema import TABLES  # noqa: E402

STYLES = ROOT / "resources" / "styles"


def outline_fill(color: str, fill_alpha: int = 40, width: float = 0.6, style: str = "solid") -> QgsFillSymbol:
    fill = QColor(color)
    fill.setAlpha(fill_alpha)
    return QgsFillSymbol.createSimple(
        {"color": fill.name(QColor.HexArgb), "outline_color": color, "outline_width": str(width), "outline_style": style}
    )


def outline_only(color: str, width: float, style: str) -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": color, "outline_width": str(width), "outline_style": style}
    )


def hatched(color: str, width: float = 0.8) -> QgsFillSymbol:
    """Diagonal hatching and a dashed line 1 mm off the outline: drawn over a licence's status symbol.

    The status outline stays visible beside the dashed line, so an expired
    producing mine reads as both: red outline (producing), purple hatching and
    dashes (expired).
    """
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.5)
    hatch.setLineWidth(0.25)
    hatch.setColor(QColor(color))
    hatch.subSymbol().setColor(QColor(color))
    hatch.subSymbol().setWidth(0.25)
    dashes = QgsSimpleLineSymbolLayer.create(
        {"line_color": color, "line_width": str(width), "line_style": "dash", "offset": "-1"}
    )
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_style": "no"})
    symbol.changeSymbolLayer(0, hatch)
    symbol.appendSymbolLayer(dashes)
    return symbol


#: Label scale ranges (the most zoomed-out scale denominator at which a layer's labels show) and priorities
#: (0-10, 10 placed first). Chosen for a county map at 1:50,000 (mine and zone names) and a mine at
#: 1:10,000 (patch numbers and survey rounds too); corner numbers only when a mine fills the screen.
LABELS = {
    "monitoring_zones": {"visible_to": 500_000, "priority": 7},
    "mining_rights": {"visible_to": 150_000, "priority": 9},
    "patches": {"visible_to": 25_000, "priority": 6},
    "survey_extents": {"visible_to": 15_000, "priority": 3},
    "mining_right_corners": {"visible_to": 5_000, "priority": 2},
}


#: Of a place's patches of several years, the latest year's number is placed first. No aggregate (maximum("year")):
#: aggregates read the project from the render thread and crash when the project is cleared meanwhile (QGIS 3.22).
PATCH_PRIORITY = 'max(0, {top} - (year(now()) - coalesce("year", year(now()))))'.format(
    top=LABELS["patches"]["priority"]
)


def labels(
    layer: str,
    expression: str,
    size: float = 8.0,
    color: str = palette.LABEL_TEXT,
    placement=QgsPalLayerSettings.Horizontal,
    min_feature_mm: float | None = None,
    priority_expression: str | None = None,
) -> QgsVectorLayerSimpleLabeling:
    """Labels of ``layer`` with its scale range and priority (:data:`LABELS`).

    Every label is an obstacle to the others and none is forced (``displayAll``
    off): where two would overlap, the one of lower priority is left out. The
    outlines of polygons are obstacles too, so that a label does not sit on a
    boundary line. ``min_feature_mm``: features smaller than this on the map are
    not labelled; ``priority_expression``: a priority per feature (the latest
    year's patch wins over the same place's older ones).
    """
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = not expression.isidentifier()
    text = QgsTextFormat()
    text.setFont(QFont("WenQuanYi Zen Hei"))
    text.setSize(size)
    text.setColor(QColor(color))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    settings.placement = placement
    settings.dist = 1.0
    settings.centroidInside = True
    settings.displayAll = False
    settings.labelPerPart = False
    range_ = LABELS[layer]
    settings.priority = range_["priority"]
    settings.scaleVisibility = True
    settings.minimumScale = range_["visible_to"]
    settings.maximumScale = 0
    obstacle = QgsLabelObstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setType(QgsLabelObstacleSettings.PolygonBoundary)
    settings.setObstacleSettings(obstacle)
    if min_feature_mm is not None:
        thinning = QgsLabelThinningSettings()
        thinning.setMinimumFeatureSize(min_feature_mm)
        settings.setThinningSettings(thinning)
    if priority_expression is not None:
        properties = settings.dataDefinedProperties()
        properties.setProperty(QgsPalLayerSettings.Priority, QgsProperty.fromExpression(priority_expression))
        settings.setDataDefinedProperties(properties)
    return QgsVectorLayerSimpleLabeling(settings)


def categorized(field: str, colors: dict[str, str], make) -> QgsCategorizedSymbolRenderer:
    vocabulary = next(spec.vocabulary for t in TABLES for spec in t.fields if spec.name == field and spec.vocabulary)
    categories = [
        QgsRendererCategory(code, make(colors[code]), VOCABULARIES[vocabulary][code]) for code in colors
    ]
    categories.append(QgsRendererCategory(None, make(palette.NO_VALUE), "—"))
    return QgsCategorizedSymbolRenderer(field, categories)


EXPIRED = '"valid_to" IS NOT NULL AND "valid_to" < now()'
EXPIRING = "\"valid_to\" IS NOT NULL AND \"valid_to\" >= now() AND \"valid_to\" <= now() + to_interval('90 days')"


def mining_rights_renderer() -> QgsRuleBasedRenderer:
    """Status by colour (outline and light fill); validity drawn over it: hatched and dashed when expired.

    Every matching rule draws, so an expired producing mine shows both: red for
    producing, purple hatching for expired.
    """
    status = palette.RIGHT_STATUS
    labels_of = VOCABULARIES["right_status"]
    rules = [
        (
            "coalesce(\"status\", 'producing') NOT IN ('suspended', 'construction', 'closed')",
            labels_of["producing"],
            outline_fill(status["producing"], 30, 0.7),
        ),
        ("\"status\" = 'suspended'", labels_of["suspended"], outline_fill(status["suspended"], 45, 0.7)),
        ("\"status\" = 'construction'", labels_of["construction"], outline_fill(status["construction"], 35, 0.7)),
        ("\"status\" = 'closed'", labels_of["closed"], outline_fill(status["closed"], 25, 0.6, "dot")),
        (EXPIRED, "有效期已过", hatched(palette.LICENCE_EXPIRED)),
        (EXPIRING, "90天内到期", outline_only(palette.LICENCE_EXPIRING, 1.2, "dot")),
    ]
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, symbol in rules:
        rule = QgsRuleBasedRenderer.Rule(symbol, label=label)
        rule.setFilterExpression(expression)
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def photos_renderer() -> QgsSingleSymbolRenderer:
    """A camera point, and an arrow turned to the photo's direction (azimuth, clockwise from north) when known."""
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": palette.PHOTO, "outline_color": "#ffffff", "size": "2.2"}
    )
    arrow = QgsSimpleMarkerSymbolLayer.create(
        {"name": "filled_arrowhead", "color": palette.PHOTO, "outline_color": "#ffffff", "size": "3.2",
         "offset": "0,-2.2", "outline_width": "0.2"}
    )
    arrow.setDataDefinedProperty(QgsSymbolLayer.PropertyAngle, QgsProperty.fromField("azimuth_deg"))
    arrow.setDataDefinedProperty(
        QgsSymbolLayer.PropertyLayerEnabled, QgsProperty.fromExpression('"azimuth_deg" IS NOT NULL')
    )
    symbol.appendSymbolLayer(arrow)
    return QgsSingleSymbolRenderer(symbol)


def build() -> None:
    STYLES.mkdir(parents=True, exist_ok=True)
    styles = {
        "mining_rights": (mining_rights_renderer(), labels("mining_rights", "mine_name", 9, palette.LABEL_MINE)),
        "mining_right_parcels": (QgsSingleSymbolRenderer(outline_fill("#8d6e63", 0, 0.3)), None),
        "mining_right_history": (QgsSingleSymbolRenderer(outline_fill("#616161", 0, 0.4, "dash")), None),
        "mining_right_corners": (
            QgsSingleSymbolRenderer(
                QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ffffff", "outline_color": "#b71c1c", "size": "1.6"})
            ),
            labels("mining_right_corners", "corner_no", 7.5, palette.LABEL_CORNER, QgsPalLayerSettings.AroundPoint),
        ),
        "monitoring_zones": (
            categorized(
                "level",
                palette.ZONE_LEVEL,
                lambda c: outline_fill(c, 18, 1.2, "dash"),
            ),
            labels("monitoring_zones", "name", 10, palette.LABEL_ZONE, QgsPalLayerSettings.PerimeterCurved),
        ),
        "patches": (
            categorized("prejudgment", palette.PREJUDGMENT, lambda c: outline_fill(c, 90, 0.6)),
            labels(
                "patches", "patch_no", 7.5, palette.LABEL_TEXT, QgsPalLayerSettings.AroundPoint,
                priority_expression=PATCH_PRIORITY,
            ),
        ),
        "inspections": (
            QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#1565c0", "width": "0.6", "line_style": "dash"})),
            None,
        ),
        "inspection_photos": (photos_renderer(), None),
        "corner_checks": (
            QgsCategorizedSymbolRenderer(
                "passed",
                [
                    QgsRendererCategory(1, QgsMarkerSymbol.createSimple({"name": "square", "color": palette.CHECK_PASSED, "size": "2.2"}), "合格"),
                    QgsRendererCategory(0, QgsMarkerSymbol.createSimple({"name": "cross2", "color": palette.CHECK_FAILED, "size": "3", "outline_width": "0.6"}), "不合格"),
                ],
            ),
            None,
        ),
        "survey_extents": (
            QgsSingleSymbolRenderer(outline_fill("#00838f", 0, 0.5, "dash")),
            labels("survey_extents", "survey_round", 7, palette.LABEL_SURVEY, QgsPalLayerSettings.PerimeterCurved, 4),
        ),
    }
    for spec in TABLES:
        if spec.geometry is None:
            continue
        geometry = {"MultiPolygon": "MultiPolygon", "Polygon": "Polygon", "Point": "Point", "LineString": "LineString"}[spec.geometry]
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4526", spec.name, "memory")
        renderer, labeling = styles[spec.name]
        layer.setRenderer(renderer)
        if labeling is not None:
            layer.setLabeling(labeling)
            layer.setLabelsEnabled(True)
        message, ok = layer.saveNamedStyle(
            str(STYLES / f"{spec.name}.qml"), categories=QgsMapLayer.Symbology | QgsMapLayer.Labeling
        )
        if not ok:
            raise SystemExit(f"{spec.name}: {message}")
        print("wrote", STYLES / f"{spec.name}.qml")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    build()
    sys.stdout.flush()
    # The styles are written; QGIS 3.22 may crash while tearing down after exitQgis(): leave without it.
    os._exit(0)
