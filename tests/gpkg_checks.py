"""Checks of written GeoPackages shared by the tests of the fast writer and of the algorithms using it."""

from __future__ import annotations


def check_gpkg_output_index(path, text_field: str = "patch_no") -> None:
    """The fast path's output is a complete GeoPackage layer: its R-tree answers bounding-box queries, its
    triggers keep the index and the feature count up to date when QGIS adds a feature, the count is right."""
    import sqlite3

    from osgeo import ogr

    source = ogr.Open(str(path), 1)
    layer = source.GetLayer(0)
    table, column = layer.GetName(), layer.GetGeometryColumn()
    # (minx, maxx, miny, maxy) of each feature with a geometry (a patch without one has no index entry)
    boxes = {f.GetFID(): f.GetGeometryRef().GetEnvelope() for f in layer if f.GetGeometryRef() is not None}
    total = layer.GetFeatureCount()
    minx, maxx, miny, maxy = layer.GetExtent()
    query = (minx, minx + (maxx - minx) / 2, miny, miny + (maxy - miny) / 2)  # the lower left quarter
    expected = {fid for fid, b in boxes.items()
                if b[0] <= query[1] and b[1] >= query[0] and b[2] <= query[3] and b[3] >= query[2]}
    assert expected and expected != set(boxes)
    connection = sqlite3.connect(str(path))
    try:
        found = {row[0] for row in connection.execute(
            f'SELECT id FROM "rtree_{table}_{column}" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?',
            (query[1], query[0], query[3], query[2]))}
        assert found == expected
        count = connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                                   (table,)).fetchone()[0]
        assert count == total
    finally:
        connection.close()
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField(text_field, "TBNEW")
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({maxx + 10} {maxy + 10},{maxx + 20} {maxy + 10},"
                                                  f"{maxx + 20} {maxy + 20},{maxx + 10} {maxy + 10}))"))
    assert layer.CreateFeature(feature) == 0
    new_fid = feature.GetFID()
    layer = source = None
    connection = sqlite3.connect(str(path))
    try:
        assert connection.execute(f'SELECT id FROM "rtree_{table}_{column}" WHERE minx > ?', (maxx,)).fetchall() \
            == [(new_fid,)]
        assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?",
                                  (table,)).fetchone()[0] == total + 1
    finally:
        connection.close()
