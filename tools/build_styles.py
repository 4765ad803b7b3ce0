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
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
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


def labels(
    expression: str, size: float = 8.0, color: str = palette.LABEL_TEXT, placement=None, max_scale: float | None = None
) -> QgsVectorLayerSimpleLabeling:
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
    if placement is not None:
        settings.placement = placement
        settings.dist = 1.0
    if max_scale is not None:
        # Only when zoomed in: at province scale tens of thousands of labels would be noise.
        settings.scaleVisibility = True
        settings.minimumScale = max_scale
        settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def categorized(field: str, colors: dict[str, str], make) -> QgsCategorizedSymbolRenderer:
    vocabulary = next(spec.vocabulary for t in TABLES for spec in t.fields if spec.name == field and spec.vocabulary)
    categories = [
        QgsRendererCategory(code, make(colors[code]), VOCABULARIES[vocabulary][code]) for code in colors
    ]
    categories.append(QgsRendererCategory(None, make(palette.NO_VALUE), "—"))
    return QgsCategorizedSymbolRenderer(field, categories)


def mining_rights_renderer() -> QgsRuleBasedRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    rules = [
        ('"valid_to" IS NOT NULL AND "valid_to" < now()', "有效期已过", outline_fill(palette.LICENCE_EXPIRED, 30, 0.9, "dash")),
        (
            '"valid_to" IS NOT NULL AND "valid_to" >= now() AND "valid_to" <= now() + to_interval(\'90 days\')',
            "90天内到期",
            outline_fill(palette.LICENCE_EXPIRING, 40, 0.9),
        ),
        ("\"status\" = 'closed'", "关闭", outline_fill(palette.RIGHT_STATUS["closed"], 20, 0.6, "dot")),
        ("\"status\" = 'suspended'", "停产", outline_fill(palette.RIGHT_STATUS["suspended"], 35, 0.7)),
        ("\"status\" = 'construction'", "基建", outline_fill(palette.RIGHT_STATUS["construction"], 35, 0.7)),
        ("ELSE", "在产", outline_fill(palette.RIGHT_STATUS["producing"], 25, 0.7)),
    ]
    for expression, label, symbol in rules:
        rule = QgsRuleBasedRenderer.Rule(symbol, label=label)
        if expression == "ELSE":
            rule.setIsElse(True)
        else:
            rule.setFilterExpression(expression)
        root.appendChild(rule)
    renderer = QgsRuleBasedRenderer(root)
    # First matching rule only, so an expired producing mine shows as expired.
    for child in root.children():
        child.setActive(True)
    root.setIsElse(False)
    return renderer


def build() -> None:
    STYLES.mkdir(parents=True, exist_ok=True)
    styles = {
        "mining_rights": (mining_rights_renderer(), labels('"mine_name"', 9, "#5d1a1a")),
        "mining_right_parcels": (QgsSingleSymbolRenderer(outline_fill("#8d6e63", 0, 0.3)), None),
        "mining_right_history": (QgsSingleSymbolRenderer(outline_fill("#616161", 0, 0.4, "dash")), None),
        "mining_right_corners": (
            QgsSingleSymbolRenderer(
                QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ffffff", "outline_color": "#b71c1c", "size": "1.6"})
            ),
            labels("corner_no", 7.5, "#b71c1c", QgsPalLayerSettings.AroundPoint, max_scale=25000),
        ),
        "monitoring_zones": (
            categorized(
                "level",
                palette.ZONE_LEVEL,
                lambda c: outline_fill(c, 18, 1.2, "dash"),
            ),
            labels('"name"', 10, "#0d47a1"),
        ),
        "patches": (
            categorized("prejudgment", palette.PREJUDGMENT, lambda c: outline_fill(c, 90, 0.6)),
            labels('"patch_no"', 7.5, palette.LABEL_TEXT),
        ),
        "inspections": (
            QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"color": "#1565c0", "width": "0.6", "line_style": "dash"})),
            None,
        ),
        "inspection_photos": (
            QgsSingleSymbolRenderer(
                QgsMarkerSymbol.createSimple({"name": "triangle", "color": "#1565c0", "outline_color": "#ffffff", "size": "2.6"})
            ),
            None,
        ),
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
            labels('"survey_round"', 7, "#006064"),
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
    app.exitQgis()
