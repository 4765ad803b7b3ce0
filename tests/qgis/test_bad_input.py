"""Bad input through the real Processing algorithms and the store: every refusal names the file and the cause.

Each case is run through QGIS's Processing registry on real files (GeoPackages,
shapefiles, GeoJSON written here with QGIS's own GDAL). Failures of the
disk and of other programs are made for real where they can be:

* a lock: another sqlite3 connection holding ``BEGIN EXCLUSIVE`` on the file;
* a full disk: SQLite's page limit (``PRAGMA max_page_count``, set on GDAL's own
  connection through GDAL's ``OGR_SQLITE_PRAGMA`` option), which fails a write
  with SQLITE_FULL "database or disk is full" exactly as a full disk does;
* a damaged file: a real shapefile cut short (.dbf or .shp);
* a writer killed mid-transaction: a child process that writes with
  ``journal_mode=DELETE`` and is killed with SIGKILL, leaving a hot journal.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
import shapely.geometry
from osgeo import gdal, ogr, osr
from qgis.core import Qgis, QgsProject
from shapely.geometry import box

ogr.UseExceptions()

X0, Y0 = 38_500_000.0, 4_000_000.0  # EPSG:4526, near 114°E 36°N


# --------------------------------------------------------------------------- helpers


def feedback():
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings, self.infos, self.errors = [], [], []

        def pushWarning(self, text):  # noqa: N802 - Qt API
            self.warnings.append(text)

        def pushInfo(self, text):  # noqa: N802 - Qt API
            self.infos.append(text)

        def reportError(self, text, fatalError=False):  # noqa: N802 - Qt API
            self.errors.append(text)

    return Recording()


def run(registry, name: str, parameters: dict):
    """Run ``minesupervision:name``; (results, ok, feedback)."""
    from qgis.core import QgsProcessingContext

    algorithm = registry.createAlgorithmById(f"minesupervision:{name}")
    assert algorithm is not None
    record = feedback()
    context = QgsProcessingContext()
    results, ok = algorithm.run(parameters, context, record)
    return results, ok, record


def write_layer(path: Path, fields, rows, *, epsg: int | None = 4526, geometry_type=ogr.wkbPolygon, driver=None):
    """``rows``: (attribute dict, shapely geometry or None)."""
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        driver = driver or {".shp": "ESRI Shapefile", ".gpkg": "GPKG", ".geojson": "GeoJSON"}[path.suffix]
        source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
        srs = None
        if epsg is not None:
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(epsg)
        layer = source.CreateLayer(path.stem, srs, geometry_type)
        for name, kind in fields:
            layer.CreateField(ogr.FieldDefn(name, kind))
        for attributes, geometry in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for name, value in attributes.items():
                if isinstance(value, dt.date):
                    feature.SetField(name, value.year, value.month, value.day, 0, 0, 0, 0)
                elif value is not None:
                    feature.SetField(name, value)
            if geometry is not None:
                feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
            layer.CreateFeature(feature)
        layer = source = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    return path


def count(path: Path, layer_name: str | None = None) -> int:
    source = ogr.Open(str(path))
    layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
    number = layer.GetFeatureCount()
    layer = source = None
    return number


def patch_inputs(folder: Path):
    patches = write_layer(
        folder / "patches.gpkg",
        [("patch_no", ogr.OFTString), ("date_after", ogr.OFTDate)],
        [
            ({"patch_no": "TB1", "date_after": dt.date(2024, 6, 1)}, box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)),
            ({"patch_no": "TB2", "date_after": dt.date(2024, 6, 1)}, box(X0 + 500, Y0, X0 + 510, Y0 + 10)),
        ],
    )
    rights = write_layer(
        folder / "rights.gpkg",
        [("license_no", ogr.OFTString), ("valid_from", ogr.OFTDate), ("valid_to", ogr.OFTDate)],
        [({"license_no": "C1", "valid_from": dt.date(2020, 1, 1), "valid_to": dt.date(2030, 1, 1)},
          box(X0, Y0, X0 + 100, Y0 + 100))],
    )
    return patches, rights


# --------------------------------------------------------------------------- 1. a licence layer without CRS


def test_prejudge_refuses_a_licence_layer_without_crs_by_name(registry, tmp_path):
    patches, _ = patch_inputs(tmp_path)
    # The licence in longitude/latitude, in a shapefile without .prj (as often sent around).
    lonlat = write_layer(
        tmp_path / "licences_lonlat.shp",
        [("license_no", ogr.OFTString), ("valid_from", ogr.OFTString), ("valid_to", ogr.OFTString)],
        [({"license_no": "C1", "valid_from": "2020-01-01", "valid_to": "2030-01-01"}, box(114.0, 36.1, 114.01, 36.11))],
        epsg=None,
    )
    assert not lonlat.with_suffix(".prj").exists()
    out = tmp_path / "out.gpkg"
    _, ok, record = run(registry, "prejudgepatches", {"PATCHES": str(patches), "RIGHTS": str(lonlat), "OUTPUT": str(out)})
    assert not ok
    message = "\n".join(record.errors)
    assert "licences_lonlat" in message and "coordinate reference system" in message
    assert "longitude" in message  # what the coordinates look like
    assert not out.exists()


# --------------------------------------------------------------------------- 2. an output that is an input


@pytest.mark.parametrize("which", ["PATCHES", "RIGHTS", "ZONES", "PREVIOUS_PATCHES"])
def test_prejudge_refuses_to_write_over_an_input(registry, tmp_path, which):
    patches, rights = patch_inputs(tmp_path)
    parameters = {"PATCHES": str(patches), "RIGHTS": str(rights)}
    if which == "ZONES":
        parameters["ZONES"] = str(write_layer(
            tmp_path / "zones.gpkg", [("name", ogr.OFTString)], [({"name": "Z"}, box(X0, Y0, X0 + 900, Y0 + 900))]
        ))
    if which == "PREVIOUS_PATCHES":
        parameters["PREVIOUS_PATCHES"] = str(write_layer(
            tmp_path / "previous.gpkg", [("year", ogr.OFTInteger)], [({"year": 2023}, box(X0, Y0, X0 + 15, Y0 + 15))]
        ))
    victim = Path(parameters[which])
    before = count(victim)
    parameters["OUTPUT"] = str(victim)
    _, ok, record = run(registry, "prejudgepatches", parameters)
    assert not ok
    assert any(victim.name in error and "input" in error for error in record.errors), record.errors
    assert count(victim) == before


def test_prejudge_refuses_an_output_layer_inside_an_input_file(registry, tmp_path):
    patches, rights = patch_inputs(tmp_path)
    parameters = {"PATCHES": f"{patches}|layername=patches", "RIGHTS": str(rights),
                  "OUTPUT": f"ogr:dbname='{patches}' table=\"patches\" (geom)"}
    _, ok, record = run(registry, "prejudgepatches", parameters)
    assert not ok
    assert any("patches.gpkg" in error for error in record.errors), record.errors
    assert count(patches, "patches") == 2
    # Another table of the same GeoPackage leaves the patches as they are: allowed.
    parameters["OUTPUT"] = f"ogr:dbname='{patches}' table=\"judged\" (geom)"
    _, ok, record = run(registry, "prejudgepatches", parameters)
    assert ok, record.errors
    assert count(patches, "patches") == 2 and count(patches, "judged") == 2


# --------------------------------------------------------------------------- 3. patches without geometry in a store


def make_store(folder: Path, records=None):
    from mine_supervision_plugin.store.database import create_database, open_database
    from mine_supervision_plugin.store.patches import add_patches

    store = open_database(create_database(folder / "county.gpkg", 4526))
    if records is None:
        records = [
            {"patch_no": "P1", "date_after": dt.date(2024, 6, 1), "geometry": box(X0, Y0, X0 + 10, Y0 + 10)},
            {"patch_no": "P2", "date_after": dt.date(2024, 6, 1), "geometry": box(X0 + 50, Y0, X0 + 60, Y0 + 10)},
        ]
    add_patches(store, records, source="satellite", crs_epsg=4526)
    return store


def stored_patches(location) -> dict[str, dict]:
    connection = sqlite3.connect(str(location))
    try:
        return {row[0]: {"prejudgment": row[1], "prejudge_note": row[2]} for row in connection.execute(
            "SELECT patch_no, prejudgment, prejudge_note FROM patches"
        )}
    finally:
        connection.close()


def test_prejudge_database_names_the_patches_without_geometry(registry, tmp_path):
    store = make_store(tmp_path, [
        {"patch_no": "P1", "date_after": dt.date(2024, 6, 1), "geometry": box(X0, Y0, X0 + 10, Y0 + 10)},
        {"patch_no": "NOGEOM-1", "date_after": dt.date(2024, 6, 1), "geometry": None},
        {"patch_no": "NOGEOM-2", "geometry": None},
    ])
    results, ok, record = run(registry, "prejudgedatabase", {"DATABASE": store.location})
    assert ok, record.errors
    assert results["JUDGED"] == 1
    named = [w for w in record.warnings if "NOGEOM-1" in w and "NOGEOM-2" in w]
    assert len(named) == 1 and "geometry" in named[0]
    rows = stored_patches(store.location)
    assert rows["P1"]["prejudgment"] == "unlicensed"
    for number in ("NOGEOM-1", "NOGEOM-2"):
        assert rows[number]["prejudgment"] is None
        assert "geometry" in rows[number]["prejudge_note"]


def test_prejudge_database_with_only_patches_without_geometry(registry, tmp_path):
    store = make_store(tmp_path, [{"patch_no": "NOGEOM-1", "geometry": None}])
    results, ok, record = run(registry, "prejudgedatabase", {"DATABASE": store.location})
    assert ok, record.errors
    assert results["JUDGED"] == 0
    assert any("NOGEOM-1" in w for w in record.warnings)
    assert "geometry" in stored_patches(store.location)["NOGEOM-1"]["prejudge_note"]


# --------------------------------------------------------------------------- 6. patch import: weak messages


def import_batch(registry, path: Path, database: str, **extra):
    parameters = {"INPUT": str(path), "DATABASE": database, "SOURCE": 0, "OUTPUT": "TEMPORARY_OUTPUT", **extra}
    return run(registry, "importpatches", parameters)


def empty_store(folder: Path) -> str:
    from mine_supervision_plugin.store.database import create_database

    return create_database(folder / "county.gpkg", 4526)


def stored_numbers(location) -> list[str]:
    connection = sqlite3.connect(str(location))
    try:
        return [row[0] for row in connection.execute("SELECT patch_no FROM patches ORDER BY fid")]
    finally:
        connection.close()


def test_import_of_an_empty_geojson_says_it_has_no_features(registry, tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    _, ok, record = import_batch(registry, path, empty_store(tmp_path))
    assert not ok
    message = "\n".join(record.errors)
    assert "empty.geojson" in message and "no features" in message
    assert "patch-number field" not in message


def test_import_of_a_point_layer_is_refused(registry, tmp_path):
    path = write_layer(
        tmp_path / "points.gpkg",
        [("TBBH", ogr.OFTString)],
        [({"TBBH": "PT-1"}, shapely.Point(X0, Y0)), ({"TBBH": "PT-2"}, shapely.Point(X0 + 10, Y0))],
        geometry_type=ogr.wkbPoint,
    )
    database = empty_store(tmp_path)
    _, ok, record = import_batch(registry, path, database)
    assert not ok
    message = "\n".join(record.errors)
    assert "points.gpkg" in message and "polygon" in message
    assert stored_numbers(database) == []


def test_import_gives_each_warning_once(registry, tmp_path):
    def feature(number, geometry, after="2024-06-01"):
        return {"type": "Feature", "properties": {"TBBH": number, "HSX": after},
                "geometry": None if geometry is None else shapely.geometry.mapping(geometry)}

    bow_tie = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    flat = shapely.Polygon([(X0, Y0), (X0 + 100, Y0), (X0 + 50, Y0), (X0, Y0)])  # no area at all
    path = tmp_path / "batch.geojson"
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4526"}},
        "features": [
            feature("W-1", box(X0, Y0, X0 + 10, Y0 + 10)),
            feature("W-2", bow_tie, "not a date"),
            feature("W-3", None),
            feature("W-4", shapely.Point(X0, Y0)),
            feature("W-5", flat),
        ],
    }), encoding="utf-8")
    database = empty_store(tmp_path)
    _, ok, record = import_batch(registry, path, database)
    assert ok, record.errors
    assert stored_numbers(database) == ["W-1", "W-2", "W-3", "W-4", "W-5"]
    assert len(record.warnings) == len(set(record.warnings)), record.warnings
    for number in ("W-2", "W-3", "W-4", "W-5"):
        about = [w for w in record.warnings if number in w and "geometry" in w]
        assert len(about) == 1, (number, record.warnings)


# --------------------------------------------------------------------------- 4. damaged files, locks, full disk


def good_shapefile(folder: Path, rows: int = 40) -> Path:
    return write_layer(
        folder / "batch.shp",
        [("TBBH", ogr.OFTString), ("BZ", ogr.OFTString)],
        [({"TBBH": f"D-{k}", "BZ": "x" * 60}, box(X0 + 20 * k, Y0, X0 + 20 * k + 10, Y0 + 10)) for k in range(rows)],
    )


@pytest.mark.parametrize("part", [".dbf", ".shp"])
def test_import_of_a_truncated_shapefile_names_the_file_and_the_damage(registry, tmp_path, part):
    path = good_shapefile(tmp_path)
    damaged = path.with_suffix(part)
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) * 2 // 3])
    database = empty_store(tmp_path)
    _, ok, record = import_batch(registry, path, database)
    assert not ok
    message = "\n".join(record.errors)
    assert damaged.name in message and "damaged" in message, message
    assert stored_numbers(database) == []


def read_then(monkeypatch, action):
    """Make importpatches run ``action(store)`` right after it has read the batch (and checked the store)."""
    import mine_supervision_plugin.processing.import_patches as module

    real = module.read_patch_batch

    def reading(*args, **kwargs):
        batch = real(*args, **kwargs)
        action()
        return batch

    monkeypatch.setattr(module, "read_patch_batch", reading)


def test_a_store_locked_after_the_batch_was_read(registry, tmp_path, monkeypatch):
    database = empty_store(tmp_path)
    other = sqlite3.connect(database, isolation_level=None)
    read_then(monkeypatch, lambda: other.execute("BEGIN EXCLUSIVE"))
    try:
        _, ok, record = import_batch(registry, good_shapefile(tmp_path, 3), database)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not ok
    message = "\n".join(record.errors)
    assert "county.gpkg" in message and "locked by another program" in message, message
    assert "database is locked" not in message
    assert stored_numbers(database) == []


def test_a_full_disk_during_the_import(registry, tmp_path, monkeypatch):
    database = empty_store(tmp_path)
    connection = sqlite3.connect(database)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    # GDAL runs these pragmas on each connection it opens: no page may be added, as on a full disk.
    read_then(monkeypatch, lambda: gdal.SetConfigOption("OGR_SQLITE_PRAGMA", f"max_page_count={pages}"))
    try:
        _, ok, record = import_batch(registry, good_shapefile(tmp_path, 400), database)
    finally:
        gdal.SetConfigOption("OGR_SQLITE_PRAGMA", None)
    assert not ok
    message = "\n".join(record.errors)
    assert "county.gpkg" in message and "full" in message, message
    assert "ROLLBACK" not in message
    assert stored_numbers(database) == []


def test_a_store_whose_patches_table_was_dropped(registry, tmp_path):
    database = empty_store(tmp_path)
    connection = sqlite3.connect(database)
    connection.execute("DROP TABLE patches")
    connection.commit()
    connection.close()
    _, ok, record = import_batch(registry, good_shapefile(tmp_path, 3), database)
    assert not ok
    message = "\n".join(record.errors)
    assert "county.gpkg" in message and "patches" in message and "NoneType" not in message, message


def test_a_patches_table_dropped_after_the_store_was_opened(registry, tmp_path, monkeypatch):
    database = empty_store(tmp_path)

    def drop():
        connection = sqlite3.connect(database)
        connection.execute("DROP TABLE patches")
        connection.commit()
        connection.close()

    read_then(monkeypatch, drop)
    _, ok, record = import_batch(registry, good_shapefile(tmp_path, 3), database)
    assert not ok
    message = "\n".join(record.errors)
    assert "county.gpkg" in message and "patches" in message and "NoneType" not in message, message


# --------------------------------------------------------------------------- 5. a writer killed mid-transaction

KILLED_WRITER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA journal_mode=DELETE")
connection.execute("PRAGMA cache_size=10")  # small cache: changed pages spill into the file before commit
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM patches")
for k in range(3000):
    connection.execute("INSERT INTO audit_log (action, detail) VALUES ('half-written', ?)", ("x" * 2000,))
print("written", flush=True)
sys.stdin.read()  # killed here, the transaction open
"""


def kill_a_writer_mid_transaction(location: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, location], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "written"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdin.close()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    journal = Path(location + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # a hot journal


def test_a_store_left_with_a_hot_journal_is_recovered(registry, tmp_path):
    store = make_store(tmp_path)
    size = Path(store.location).stat().st_size
    kill_a_writer_mid_transaction(store.location)
    assert Path(store.location).stat().st_size > size  # the half-written pages reached the file

    results, ok, record = run(registry, "prejudgedatabase", {"DATABASE": store.location})
    assert ok, record.errors
    assert results["JUDGED"] == 2
    assert any("county.gpkg" in w and "rolled back" in w for w in record.warnings), record.warnings
    assert not Path(store.location + "-journal").exists()
    # The data are those from before the killed transaction.
    assert sorted(stored_patches(store.location)) == ["P1", "P2"]
    connection = sqlite3.connect(store.location)
    try:
        assert connection.execute("SELECT count(*) FROM audit_log WHERE action = 'half-written'").fetchone() == (0,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()


def test_open_database_says_it_recovered(tmp_path):
    from mine_supervision_plugin.store.database import open_database

    store = make_store(tmp_path)
    kill_a_writer_mid_transaction(store.location)
    reopened = open_database(store.location)
    assert len(reopened.notes) == 1 and "rolled back" in reopened.notes[0]
    assert open_database(store.location).notes == []


def test_a_store_locked_before_the_prejudgment_reads_it(registry, tmp_path, monkeypatch):
    from mine_supervision_plugin.processing.base import MineSupervisionAlgorithm

    store = make_store(tmp_path)
    other = sqlite3.connect(store.location, isolation_level=None)
    real = MineSupervisionAlgorithm.open_store

    def open_then_lock(self, parameters, context):
        opened = real(self, parameters, context)
        other.execute("BEGIN EXCLUSIVE")
        return opened

    monkeypatch.setattr(MineSupervisionAlgorithm, "open_store", open_then_lock)
    try:
        _, ok, record = run(registry, "prejudgedatabase", {"DATABASE": store.location})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not ok
    message = "\n".join(record.errors)
    assert "county.gpkg" in message and "locked by another program" in message, message
    assert stored_patches(store.location)["P1"]["prejudgment"] is None


def test_the_desktop_says_it_recovered_a_crashed_writers_database(qgis_iface, tmp_path):
    """Opening from the menu's code path: the roll-back is said in the message bar, the data are intact."""
    from mine_supervision_plugin.deps import check_dependencies
    from mine_supervision_plugin.gui.context import PluginContext
    from mine_supervision_plugin.gui.database_dialogs import open_and_load

    store = make_store(tmp_path)
    before = stored_numbers(store.location)
    kill_a_writer_mid_transaction(store.location)
    qgis_iface.messageBar().get_messages(Qgis.Warning).clear()
    context = PluginContext(qgis_iface, check_dependencies())
    try:
        assert open_and_load(context, store.location) is not None
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert any("rolled back" in w and Path(store.location).name in w for w in warnings)
        assert stored_numbers(store.location) == before
    finally:
        QgsProject.instance().clear()
