"""A supervision database with determined violations for the notice batches (unit and desktop tests).

``holders`` holders, each with one licence (a 300 × 200 m rectangle) and one patch pre-judged out of bounds
across its east side, determined illegal; plus a patch determined illegal but already noticed, one determined
legal and one still issued (neither gets a notice). Rows are written with OGR as the store's tables hold them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shapely
from osgeo import ogr

from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.patches import add_patches

X, Y = 38_500_000.0, 4_000_000.0


def holder_name(i: int) -> str:
    return f"第{i:02d}<堃&㙟>矿业有限公司"


def make_county(path: Path, holders: int = 3):
    """The database at ``path`` (created); returns the open store."""
    create_database(path, crs_epsg=4526)
    store = open_database(path)
    source = ogr.Open(str(path), update=1)
    rights = source.GetLayerByName("mining_rights")
    for i in range(holders):
        feature = ogr.Feature(rights.GetLayerDefn())
        feature.SetField("license_no", f"C{i:03d}")
        feature.SetField("holder", holder_name(i))
        feature.SetField("mine_name", f"第{i:02d}石灰岩矿")
        feature.SetField("valid_to", 2030, 1, 1, 0, 0, 0, 0)
        box = shapely.box(X + 1000 * i, Y, X + 1000 * i + 300, Y + 200)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(shapely.MultiPolygon([box]))))
        rights.CreateFeature(feature)
    source = rights = None
    patches = []
    for i in range(holders):
        patches.append({"patch_no": f"WP-{i:03d}", "license_no": f"C{i:03d}", "prejudgment": "out_of_bounds",
                        "inside_area_m2": 2000.0, "outside_area_m2": 1000.0 + i, "area_m2": 3000.0 + i,
                        "geometry": shapely.box(X + 1000 * i + 250, Y + 50, X + 1000 * i + 350, Y + 80)})
    for number, extra in (("WP-NOTICED", {}), ("WP-LEGAL", {}), ("WP-NEW", {})):
        patches.append({"patch_no": number, "license_no": "C000", "prejudgment": "out_of_bounds",
                        "inside_area_m2": 10.0, "outside_area_m2": 5.0, **extra,
                        "geometry": shapely.box(X + 280, Y + 150, X + 320, Y + 170)})
    add_patches(store, patches, source="satellite")
    source = ogr.Open(str(path), update=1)
    layer = source.GetLayerByName("patches")
    for feature in layer:
        number = feature.GetField("patch_no")
        state, determination = ("issued", None) if number == "WP-NEW" else ("determined", "illegal")
        if number == "WP-LEGAL":
            determination = "legal"
        feature.SetField("state", state)
        if determination:
            feature.SetField("determination", determination)
            feature.SetField("field_check_date", 2026, 4, 3, 0, 0, 0, 0)
        if number == "WP-NOTICED":
            feature.SetField("notice_no", "上党自然资整〔2025〕7号")
        layer.SetFeature(feature)
    notices = source.GetLayerByName("notices")
    feature = ogr.Feature(notices.GetLayerDefn())
    for name, value in (("notice_no", "上党自然资整〔2025〕7号"), ("holder", holder_name(0)), ("license_no", "C000"),
                        ("patch_no", "WP-NOTICED"), ("state", "issued")):
        feature.SetField(name, value)
    feature.SetField("deadline", 2026, 1, 10, 0, 0, 0, 0)  # long past: overdue
    feature.SetField("issued_at", 2025, 12, 11, 0, 0, 0, 0)
    notices.CreateFeature(feature)
    source = layer = notices = None
    return store


TODAY = dt.date(2026, 5, 8)
