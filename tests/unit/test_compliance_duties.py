"""Issue 11 item 4 (remainder): patrols short of corners, key-zone producing mines lacking the year's two special
surveys, months without a full-coverage check of all mines, quarters without a recorded review."""

from __future__ import annotations

import datetime as dt

import shapely
from osgeo import ogr

from mine_supervision_plugin.analysis.compliance import compliance
from mine_supervision_plugin.analysis.duties import duties, quarterly_reviews, short_corner_patrols
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.ogr_util import set_field, to_ogr_geometry
from mine_supervision_plugin.store.reviews import record_review

D = dt.date


def test_a_month_is_fully_covered_only_when_every_mine_was_inspected_in_it():
    result = compliance(["A", "B", "C"], ["在产", "停产", "关闭"],
                        ["A", "B", "C", "A", "B", "A,C", "B"],
                        ["2026-01-05", "2026-01-20", "2026-01-31", "2026-02-02", "2026-02-03", "2026-03-01",
                         "2026-04-01"],  # the last is outside the period
                        D(2026, 1, 10), D(2026, 3, 31))
    coverage = result.coverage.set_index("period")
    # January: A's inspection of the 5th is before the period: A not covered inside it
    assert list(coverage["mines_inspected"]) == [2, 2, 2]
    assert result.months_without_full_coverage == ["2026-01", "2026-02", "2026-03"]
    assert coverage.loc["2026-01", "not_inspected"] == "A" and coverage.loc["2026-03", "not_inspected"] == "B"
    full = compliance(["A"], ["在产"], ["A", "A"], ["2026-01-10", "2026-02-01"], D(2026, 1, 1), D(2026, 2, 28))
    assert full.months_without_full_coverage == [] and bool(full.coverage["full_coverage"].all())


def test_routine_patrols_with_fewer_than_three_corner_checks_per_mine():
    patrols = [
        {"fid": 1, "kind": "patrol", "inspection_date": D(2026, 3, 1), "inspection_no": "XJ-1", "license_nos": "A,B"},
        {"fid": 2, "kind": "patrol", "inspection_date": D(2026, 3, 2), "inspection_no": "XJ-2", "license_no": "A"},
        {"fid": 3, "kind": "field_check", "inspection_date": D(2026, 3, 2), "license_no": "A"},  # not a patrol
        {"fid": 4, "kind": "patrol", "inspection_date": D(2026, 5, 2), "license_no": "A"},  # outside the period
    ]
    counts = {(1, "A"): 3, (1, "B"): 2, (2, "A"): 0}
    assert short_corner_patrols(patrols, counts, D(2026, 1, 1), D(2026, 3, 31)) == {"B": ["XJ-1"], "A": ["XJ-2"]}


def test_quarters_without_a_review():
    table = quarterly_reviews([{"quarter": "2026-Q1", "reviewed_on": D(2026, 4, 3)}], D(2026, 2, 1), D(2026, 7, 1))
    assert list(table["period"]) == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert list(table["reviewed"]) == [True, False, False] and table["reviewed_on"][0] == D(2026, 4, 3)


def _add(source, name, values, geometry=None):
    layer = source.GetLayerByName(name)
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        set_field(feature, key, value)
    if geometry is not None:
        feature.SetGeometry(to_ogr_geometry(geometry))
    layer.CreateFeature(feature)
    return feature.GetFID()


def test_duties_from_a_database(tmp_path):
    store = open_database(create_database(tmp_path / "c.gpkg", crs_epsg=4526))
    x0, y0 = 38_500_000, 4_000_000
    with store.transaction() as source:
        for i, status in enumerate(("producing", "producing", "suspended")):
            box = shapely.box(x0 + i * 1000, y0, x0 + i * 1000 + 100, y0 + 100)
            _add(source, "mining_rights", {"license_no": f"C{i}", "mine_name": "m", "holder": "h", "status": status},
                 shapely.MultiPolygon([box]))
        # zone of the 2026 list over C0 and C2; an old 2025 zone over C1 is no longer in force in 2026
        _add(source, "monitoring_zones", {"name": "北山矿区", "level": "county", "year": 2026},
             shapely.box(x0 - 10, y0 - 10, x0 + 2200, y0 + 200).difference(
                 shapely.box(x0 + 900, y0 - 20, x0 + 1200, y0 + 300)))
        _add(source, "monitoring_zones", {"name": "旧矿区", "level": "city", "year": 2025},
             shapely.MultiPolygon([shapely.box(x0 + 900, y0, x0 + 1200, y0 + 200)]))
        line = shapely.LineString([(x0, y0), (x0 + 50, y0 + 50)])
        p1 = _add(source, "inspections", {"inspection_date": D(2026, 3, 1), "kind": "patrol", "license_no": "C0",
                                          "license_nos": "C0,C1", "inspection_no": "XJ-1"}, line)
        for corner in (1, 2, 3):
            _add(source, "corner_checks", {"inspection_id": p1, "license_no": "C0", "corner_no": corner},
                 shapely.Point(x0, y0))
        _add(source, "corner_checks", {"inspection_id": p1, "license_no": "C1", "corner_no": 1}, shapely.Point(x0, y0))
        for round_id, day in (("2026-1", D(2026, 6, 1)), ("2026-2", None), ("2025-2", D(2025, 10, 1))):
            _add(source, "survey_extents", {"survey_round": round_id, "license_no": "C0", "surveyed_at": day},
                 shapely.MultiPolygon([shapely.box(x0, y0, x0 + 10, y0 + 10)]))
    record_review(store, D(2026, 4, 2), quarter="2026-Q1")
    answer = duties(store, ["C0", "C1", "C2"], ["在产", "producing", "停产"], D(2026, 1, 1), D(2026, 6, 30))
    mines = answer.mines.set_index("license_no")
    assert mines.loc["C0", "short_corner_patrols"] == 0 and mines.loc["C1", "short_corner_patrol_nos"] == "XJ-1"
    assert mines.loc["C0", "key_zones"] == "北山矿区" and mines.loc["C1", "key_zones"] == ""
    assert (mines.loc["C0", "surveys_required"], mines.loc["C0", "surveys_done"]) == (2, 2)
    assert mines.loc["C2", "surveys_required"] == 0  # in the zone but not producing
    assert answer.short_corner_patrols == 1 and answer.mines_missing_surveys == 0
    assert answer.quarters_without_review == ["2026-Q2"]
    # a survey dated after the period's end was not done yet (the undated round still counts)
    early = duties(store, ["C0"], ["在产"], D(2026, 1, 1), D(2026, 5, 31)).mines.iloc[0]
    assert (early["surveys_done"], early["surveys_missing"]) == (1, "2026: 1/2 (≤2026-11-30)")
    # a producing mine of the zone without surveys: named with the due date when the period ends before it
    with store.transaction() as source:
        _add(source, "mining_rights", {"license_no": "C9", "mine_name": "m", "holder": "h", "status": "producing"},
             shapely.MultiPolygon([shapely.box(x0 + 2000, y0, x0 + 2100, y0 + 100)]))
    late = duties(store, ["C9"], ["在产"], D(2026, 1, 1), D(2026, 6, 30)).mines.iloc[0]
    assert late["surveys_missing"] == "2026: 0/2 (≤2026-11-30)" and late["surveys_required"] == 2
