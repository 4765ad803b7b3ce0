"""A stored survey round compared inside PostgreSQL gives the answers of the arrays path, row by row.

The same random county (licences of one parcel, of two parcels, with an excluded parcel; depth ranges) and two
rounds (extents inside, crossing, beyond, in an excluded parcel, near the boundary, several per mine, one carrying
a wrong number, some matching no licence, some too deep or too high; mines missing from the previous round) are
imported into a GeoPackage and into PostGIS through the store's own use cases; ``compare_stored_round`` runs on
both and every table is compared: summary, outside pieces with their corners, growth, approaching.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr, osr

from mine_supervision_plugin.analysis import survey_findings
from mine_supervision_plugin.analysis.survey_findings import compare_stored_round
from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import upsert_licences
from mine_supervision_plugin.store.surveys import import_survey

E0, N0 = 38_500_000.0, 4_000_000.0
SPACING = 1500.0
gdal.UseExceptions()


def _star(rng: np.random.Generator, cx: float, cy: float, radius: float, vertices: int) -> np.ndarray:
    angles = np.sort(rng.uniform(0, 2 * np.pi, vertices))
    wobble = 1 + 0.12 * np.sin(int(rng.integers(2, 6)) * angles + rng.uniform(0, 6.3)) + rng.uniform(-0.03, 0.03,
                                                                                                     vertices)
    return np.column_stack([cx + radius * wobble * np.cos(angles), cy + radius * wobble * np.sin(angles)])


def _corners(xy: np.ndarray, ring: int = 1) -> list[Corner]:
    # corners are northing (x) and easting (y)
    return [Corner(k + 1, float(n), float(e), ring) for k, (e, n) in enumerate(np.round(xy, 2))]


def _scaled(geometry, factor: float, dx: float = 0.0, dy: float = 0.0):
    centre = geometry.centroid
    return shapely.transform(geometry, lambda xy: (xy - [centre.x, centre.y]) * factor + [centre.x + dx, centre.y + dy])


def _county(rng: np.random.Generator, n: int = 36):
    """Licences and the two rounds' extents: (geometry, attributes) rows per round."""
    licences, shapes = [], {}
    side = int(math.ceil(math.sqrt(n)))
    for i in range(n):
        cx, cy = E0 + (i % side) * SPACING, N0 + (i // side) * SPACING
        number = f"C41000020260171{i:08d}"
        ring = _star(rng, cx, cy, 400.0, int(rng.integers(12, 60)))
        top, bottom = float(rng.choice([600.0, 550.0])), float(rng.choice([300.0, 250.0]))
        parcels = [Parcel("1", _corners(ring), depth_top_m=top, depth_bottom_m=bottom)]
        kind = i % 6
        if kind == 1:  # an excluded parcel in the middle (a hole)
            hole = _star(rng, cx + 60, cy - 40, 110.0, 9)
            parcels.append(Parcel("2", _corners(hole), excluded=True))
        elif kind == 2:  # a second parcel to the east
            parcels.append(Parcel("2", _corners(_star(rng, cx + 620, cy, 120.0, 10)), depth_top_m=top - 50,
                                  depth_bottom_m=bottom - 40))
        licence = Licence(license_no=number, mine_name=f"矿{i}", holder=f"公司{i % 5}", crs_epsg=4526,
                          parcels=parcels)
        licences.append(licence)
        shapes[number] = (cx, cy, kind)
    current, previous = [], []
    for number, (cx, cy, kind) in shapes.items():
        i = int(number[-8:])
        reach = [0.55, 0.8, 1.12, 0.9][i % 4]
        extent = shapely.make_valid(shapely.Polygon(_star(rng, cx + rng.uniform(-40, 40), cy + rng.uniform(-40, 40),
                                                          400.0 * reach, int(rng.integers(20, 120)))))
        attributes = {"license_no": number}
        if i % 7 == 3:
            attributes.update(elevation_top_m=640.5, elevation_bottom_m=320.0)  # above the licensed top
        elif i % 7 == 5:
            attributes.update(elevation_top_m=500.0, elevation_bottom_m=212.25)  # below the bottom
        elif i % 7 == 6:
            attributes.update(elevation_top_m=520.0)
        if i % 11 == 4:
            attributes["license_no"] = "BOGUS-" + str(i)  # a wrong number: matched by location
        if i % 9 == 8:
            attributes["license_no"] = None  # no number: matched by location
        current.append((extent, attributes))
        if kind == 1:  # works in the excluded parcel
            current.append((shapely.Point(cx + 60, cy - 40).buffer(70.0, quad_segs=5), {"license_no": number}))
        if kind == 2 and i % 4 == 2:  # a second extent, across the second parcel
            current.append((shapely.box(cx + 560, cy - 30, cx + 800, cy + 30), {"license_no": number}))
        if i % 5 != 4:  # a fifth of the mines were not surveyed in the previous round
            previous.append((_scaled(extent, 0.85, rng.uniform(-20, 20), rng.uniform(-20, 20)), {"license_no": number}))
        if i % 10 == 7:  # works beyond the boundary, apart from the main pit
            current.append((shapely.box(cx + 520, cy - 520, cx + 580, cy - 470), {"license_no": number}))
    # extents matching no licence, one grown since the previous round
    far = E0 + (side + 2) * SPACING
    current.append((shapely.box(far, N0, far + 80, N0 + 50), {"license_no": None}))
    current.append((shapely.box(far, N0 + 500, far + 40, N0 + 540), {"license_no": "X-UNKNOWN"}))
    previous.append((shapely.box(far, N0, far + 50, N0 + 50), {"license_no": None}))
    return licences, current, previous


def _write_round(path, rows) -> str:
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4526)
    layer = source.CreateLayer("extents", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("license_no", ogr.OFTString))
    for name in ("elevation_top_m", "elevation_bottom_m"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    for geometry, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            if value is not None:
                feature.SetField(key, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    source = layer = None
    return str(path)


@pytest.fixture(scope="module")
def county():
    return _county(np.random.default_rng(20261201))


def _fill(store, county, folder) -> None:
    licences, current, previous = county
    upsert_licences(store, licences)
    folder.mkdir(exist_ok=True)
    import_survey(store, _write_round(folder / "r1.gpkg", previous) if not (folder / "r1.gpkg").exists()
                  else folder / "r1.gpkg", round_id="2026-1", surveyed_at=dt.date(2026, 5, 20))
    import_survey(store, _write_round(folder / "r2.gpkg", current) if not (folder / "r2.gpkg").exists()
                  else folder / "r2.gpkg", round_id="2026-2", surveyed_at=dt.date(2026, 11, 20))


@pytest.fixture
def stores(tmp_path, pg_database, county):
    local = open_database(create_database(tmp_path / "county.gpkg", 4526))
    create_database(pg_database, 4526)
    server = open_database(pg_database)
    for store in (local, server):
        _fill(store, county, tmp_path / "rounds")
    return local, server


def _same(a, b, tolerance: float = 0.01) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(a - b) <= tolerance
    return a == b


def _same_geometry(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return shapely.area(shapely.symmetric_difference(a, b)) <= 0.01


def _rows(table: dict, order=None) -> list[dict]:
    rows = [{name: table[name][k] for name in table} for k in range(len(table["license_no"]))]
    return sorted(rows, key=order) if order else rows


def _differences(kind: str, expected: list[dict], got: list[dict]) -> list:
    found = []
    if len(expected) != len(got):
        return [(kind, "rows", len(expected), len(got))]
    for k, (row, other) in enumerate(zip(expected, got)):
        for name, value in row.items():
            same = _same_geometry(value, other[name]) if name == "geometry" else _same(value, other[name])
            if not same:
                found.append((kind, k, row["license_no"], name, value, other[name]))
    return found


def _by_mine_and_size(row: dict):
    return (row["license_no"] or "", round(row["area_m2"]))


def test_the_server_comparison_equals_the_arrays_path(stores):
    local, server = stores
    expected = compare_stored_round(local, "2026-2", "2026-1")
    got = compare_stored_round(server, "2026-2", "2026-1")

    differences = _differences("summary", _rows(expected.summary), _rows(got.summary))
    # pieces come out of the overlay in an order of GEOS's: compared by mine and size, numbered apart
    outside = [{k: v for k, v in row.items() if k != "piece_no"} for row in _rows(expected.outside, _by_mine_and_size)]
    outside_got = [{k: v for k, v in row.items() if k != "piece_no"} for row in _rows(got.outside, _by_mine_and_size)]
    differences += _differences("outside", outside, outside_got)
    differences += _differences("growth", _rows(expected.growth, _by_mine_and_size), _rows(got.growth, _by_mine_and_size))
    differences += _differences("approaching", _rows(expected.approaching), _rows(got.approaching))
    assert differences == []
    assert got.warnings == expected.warnings and got.unmatched == expected.unmatched
    assert sorted(got.outside["piece_no"]) == sorted(expected.outside["piece_no"])

    # the county exercises every rule
    summary = expected.summary
    assert sum(summary["outside_pieces"]) >= 10 and any(expected.outside["in_excluded"])
    assert any("parcel 2" in (c or "") for c in expected.outside["near_corners"])
    assert sum(summary["approaching"]) >= 2 and sum(summary["grew_toward_boundary"]) >= 5
    assert any(v is not None for v in summary["above_top_m"]) and any(v is not None for v in summary["below_bottom_m"])
    assert summary["matched"].count(False) == 2 and any(n > 1 for n in summary["extents"])
    assert any(g is None for g in summary["growth_area_m2"])  # not surveyed before
    assert any(w.startswith("Not surveyed in the previous round") for w in expected.warnings)


def test_the_server_comparison_without_a_previous_round_and_with_other_options(stores):
    local, server = stores
    for options in ({}, {"approach_m": 60.0, "min_area_m2": 200.0}, {"approach_m": 0.0}):
        expected = compare_stored_round(local, "2026-2", **options)
        got = compare_stored_round(server, "2026-2", **options)
        differences = _differences("summary", _rows(expected.summary), _rows(got.summary))
        differences += _differences("approaching", _rows(expected.approaching), _rows(got.approaching))
        assert differences == [], options
        assert got.growth["license_no"] == [] and all(v is None for v in got.summary["growth_area_m2"])
    # a round compared with a later one: extents shrank, growth of the unmatched and of every mine as measured
    expected, got = compare_stored_round(local, "2026-1", "2026-2"), compare_stored_round(server, "2026-1", "2026-2")
    assert _differences("summary", _rows(expected.summary), _rows(got.summary)) == []


def test_the_overlays_run_in_the_server(stores, monkeypatch):
    """On PostGIS the extents never travel: the arrays path is not called, and the statements sent overlay in SQL."""
    _, server = stores

    def refused(*args, **kwargs):
        raise AssertionError("the arrays path ran on a PostGIS store")

    monkeypatch.setattr(survey_findings, "compare_survey", refused)
    monkeypatch.setattr(survey_findings, "_stored_extents", refused)
    sent: list[str] = []
    execute = ogr.DataSource.ExecuteSQL

    def recording(self, statement, *args, **kwargs):
        sent.append(statement)
        return execute(self, statement, *args, **kwargs)

    monkeypatch.setattr(ogr.DataSource, "ExecuteSQL", recording)
    got = compare_stored_round(server, "2026-2", "2026-1")
    assert sum(got.summary["outside_pieces"]) >= 10
    overlays = [s for s in sent if "ST_Difference" in s]
    assert overlays and any("survey_extents" in s for s in sent)
    assert any("ST_DumpPoints" in s for s in sent)  # the farthest vertex is found by the server


def test_an_extent_touching_licences_it_does_not_match_is_held_against_them(tmp_path, pg_database):
    """An extent without number that only touches two licences matches neither (no shared area) and is held against
    both: outside every part of it, its distance and corners measured against their union, on both stores."""
    square = [(0, 0), (0, 100), (100, 100), (100, 0)]  # northing, easting: 100 m squares side by side
    licences = [Licence(license_no=number, mine_name=number, holder="公司", crs_epsg=4526, parcels=[Parcel("1", [
        Corner(k + 1, N0 + n, E0 + e + shift) for k, (n, e) in enumerate(square)])])
        for number, shift in (("C-WEST", 0.0), ("C-EAST", 100.0))]
    rows = [(shapely.box(E0 + 60, N0 + 100, E0 + 140, N0 + 130), {"license_no": None}),
            (shapely.box(E0 + 10, N0 + 10, E0 + 40, N0 + 40), {"license_no": "C-WEST"})]
    local = open_database(create_database(tmp_path / "county.gpkg", 4526))
    create_database(pg_database, 4526)
    server = open_database(pg_database)
    path = _write_round(tmp_path / "touching.gpkg", rows)
    for store in (local, server):
        upsert_licences(store, licences)
        import_survey(store, path, round_id="2026-2")
    expected, got = compare_stored_round(local, "2026-2"), compare_stored_round(server, "2026-2")
    assert _differences("summary", _rows(expected.summary), _rows(got.summary)) == []
    assert _differences("outside", _rows(expected.outside), _rows(got.outside)) == []
    assert got.unmatched == expected.unmatched and len(got.unmatched) == 1
    (k,) = [k for k, matched in enumerate(got.summary["matched"]) if not matched]
    assert got.summary["outside_area_m2"][k] == 2400.0 and got.summary["max_distance_m"][k] == 30.0


def test_a_province_login_that_may_write_nothing_compares_on_the_server(pg_server, stores):
    """The province reads every county and writes nothing (row-level security, grants): its work tables are
    temporary, so its comparison runs in the server all the same, with the answers of the administrator's."""
    import uuid

    from mine_supervision_plugin.store import postgres_server

    _, server = stores
    name = f"province_13_{uuid.uuid4().hex[:6]}"
    password = "secret-Pass-1"
    postgres_server.create_login(server.location, name, password, "province", "13")
    database = server.location.split("dbname=")[1].split()[0]
    province = open_database(pg_server.ogr_target(database, user=name, password=password))
    expected = compare_stored_round(server, "2026-2", "2026-1")
    got = compare_stored_round(province, "2026-2", "2026-1")
    assert _differences("summary", _rows(expected.summary), _rows(got.summary)) == []
    assert sum(got.summary["outside_pieces"]) >= 10
