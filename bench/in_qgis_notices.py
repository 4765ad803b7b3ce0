"""Run inside the real QGIS desktop (qgis --code): the two timed phases of bench_notices.py.

``notices``: minesupervision:rectificationnotices (PDFs with QGIS's map figure, numbers from the database).
``atlas``: QGIS's own Atlas export of an equivalent one-page layout (map with the licence and the finding, grid,
north arrow, scale bar, legend, title and text) over the same findings, one PDF per page at 300 dpi.
Writes JSON to $BENCH_RESULT.
"""

import json
import os
import time
import traceback
from pathlib import Path

import processing
from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QFont
from qgis.utils import iface


def notices(folder: Path) -> dict:
    out = folder / "notices"
    start = time.perf_counter()
    result = processing.run("minesupervision:rectificationnotices", {
        "PATCHES": str(folder / "patches.gpkg"), "RIGHTS": str(folder / "rights.gpkg"), "OUTPUT_FOLDER": str(out),
        "DATABASE": str(folder / "bench.gpkg"), "ISSUE_DATE": "2026-11-02"},
        context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    return {"time_s": time.perf_counter() - start, "notices": result["NOTICES"]}


def atlas(folder: Path, limit: int) -> dict:
    project = QgsProject.instance()
    rights = QgsVectorLayer(str(folder / "rights.gpkg"), "采矿许可范围", "ogr")
    patches = QgsVectorLayer(str(folder / "patches.gpkg"), "图斑", "ogr")
    if limit:
        patches.setSubsetString(f"fid <= {limit}")
    project.addMapLayers([rights, patches])
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", 0)  # portrait
    title = QgsLayoutItemLabel(layout)
    title.setText("责令限期整改通知书 [% \"patch_no\" %] [% \"license_no\" %]")
    title.setFont(QFont("WenQuanYi Zen Hei", 22))
    layout.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(28, 37, QgsUnitTypes.LayoutMillimeters))
    title.attemptResize(QgsLayoutSize(156, 20, QgsUnitTypes.LayoutMillimeters))
    body = QgsLayoutItemLabel(layout)
    body.setText("越界面积 [% round(\"outside_area_m2\", 2) %] 平方米 " + "我局通过卫片执法监测发现，你单位存在涉嫌越界开采的问题。" * 6)
    body.setFont(QFont("WenQuanYi Zen Hei", 16))
    layout.addLayoutItem(body)
    body.attemptMove(QgsLayoutPoint(28, 60, QgsUnitTypes.LayoutMillimeters))
    body.attemptResize(QgsLayoutSize(156, 60, QgsUnitTypes.LayoutMillimeters))
    map_item = QgsLayoutItemMap(layout)
    map_item.setLayers([patches, rights])
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(31, 125, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(150, 100, QgsUnitTypes.LayoutMillimeters))
    map_item.setFrameEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.6)
    grid = map_item.grids()
    from qgis.core import QgsLayoutItemMapGrid

    g = QgsLayoutItemMapGrid("网格", map_item)
    g.setIntervalX(100)
    g.setIntervalY(100)
    g.setAnnotationEnabled(True)
    grid.addGrid(g)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(140, 190, QgsUnitTypes.LayoutMillimeters))
    scale = QgsLayoutItemScaleBar(layout)
    scale.setLinkedMap(map_item)
    scale.applyDefaultSize()
    layout.addLayoutItem(scale)
    scale.attemptMove(QgsLayoutPoint(35, 215, QgsUnitTypes.LayoutMillimeters))
    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    layout.addLayoutItem(north)
    north.attemptMove(QgsLayoutPoint(170, 128, QgsUnitTypes.LayoutMillimeters))
    north.attemptResize(QgsLayoutSize(8, 12, QgsUnitTypes.LayoutMillimeters))
    layout_atlas = layout.atlas()
    layout_atlas.setCoverageLayer(patches)
    layout_atlas.setEnabled(True)
    layout_atlas.setFilenameExpression("'atlas_' || \"patch_no\"")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 300
    settings.rasterizeWholeImage = False
    out = folder / "atlas"
    out.mkdir(exist_ok=True)
    start = time.perf_counter()
    result, error = QgsLayoutExporter.exportToPdfs(layout_atlas, str(out / "atlas.pdf"), settings)
    elapsed = time.perf_counter() - start
    return {"time_s": elapsed, "pages": len(list(out.glob("*.pdf"))), "result": int(result), "export_error": error}


def main() -> None:
    folder = Path(os.environ["BENCH_FOLDER"])
    report: dict = {}
    try:
        if os.environ["BENCH_PHASE"] == "notices":
            report = notices(folder)
        else:
            report = atlas(folder, int(os.environ.get("BENCH_ATLAS_LIMIT", "0")))
    except Exception:  # noqa: BLE001 - reported to the bench
        report["error"] = traceback.format_exc()
    Path(os.environ["BENCH_RESULT"]).write_text(json.dumps(report), encoding="utf-8")
    QTimer.singleShot(0, leave)


def leave() -> None:
    # the layers the Atlas added make the project dirty again after any setDirty(False) here: without them,
    # no "save the project?" question holds QGIS open on the way out
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


QTimer.singleShot(200, main)
