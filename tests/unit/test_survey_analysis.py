"""The special-survey comparison on hand-made geometries (analysis.survey): every figure known in advance."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely import box

from mine_supervision_plugin.analysis.survey import Extents, compare_survey, licence_table

SQUARE = shapely.Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])  # corners 1 (0,0), 2 (100,0), 3, 4


def licences(*rows, excluded=None):
    """rows: (number, geometry, top, bottom)."""
    return licence_table([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                         excluded)


def extents(*rows, top=None, bottom=None):
    """rows: (stated number or None, geometry)."""
    n = len(rows)
    return Extents(np.array([g for _, g in rows], dtype=object), [s for s, _ in rows],
                   np.array(top if top is not None else [np.nan] * n, dtype=float),
                   np.array(bottom if bottom is not None else [np.nan] * n, dtype=float),
                   [f"extent {i + 1}" for i in range(n)], ["2026-2"] * n)


def summary_of(result, number):
    i = result.summary["license_no"].index(number)
    return {name: values[i] for name, values in result.summary.items()}


def test_a_piece_outside_has_its_area_greatest_distance_and_nearest_corners():
    result = compare_survey(extents(("A", box(50, 20, 130, 60))), licences(("A", SQUARE, None, None)))
    row = summary_of(result, "A")
    assert row["surveyed_area_m2"] == 3200 and row["outside_area_m2"] == 1200 and row["inside_area_m2"] == 2000
    assert row["outside_pieces"] == 1 and row["max_distance_m"] == 30.0 and row["matched"]
    (piece,) = result.outside["geometry"]
    assert piece.equals(box(100, 20, 130, 60))
    assert result.outside["area_m2"] == [1200.0] and result.outside["max_distance_m"] == [30.0]
    assert result.outside["near_corners"] == ["2-3"] and result.outside["in_excluded"] == [False]
    assert "30.0 m beyond the boundary near corners 2-3" in result.outside["position"][0]
    assert not row["approaching"]  # already across: it is an outside finding


def test_the_distance_is_the_farthest_vertex_not_the_nearest():
    # a sliver leaving the boundary at a slant: its far tip is 40 m out, the piece touches the boundary
    tip = shapely.Polygon([(90, 40), (140, 50), (90, 60)])
    result = compare_survey(extents(("A", tip)), licences(("A", SQUARE, None, None)))
    assert result.outside["max_distance_m"] == [40.0]


def test_an_excluded_parcel_counts_as_outside():
    hole = box(40, 40, 60, 60)
    table = licences(("A", SQUARE, None, None), ("A", hole, None, None), excluded=[False, -1])
    assert table.geometries[0].area == 10000 - 400
    result = compare_survey(extents((None, box(30, 30, 50, 50))), table)  # matched by location
    row = summary_of(result, "A")
    assert row["outside_area_m2"] == 100 and row["max_distance_m"] == 10.0
    assert result.outside["in_excluded"] == [True]
    assert result.outside["near_corners"][0].startswith("excluded parcel, corners")


def test_works_approaching_the_boundary_are_flagged_with_their_distance():
    table = licences(("A", SQUARE, None, None), ("B", box(200, 0, 300, 100), None, None))
    result = compare_survey(extents(("A", box(10, 10, 90, 95)), ("B", box(230, 30, 270, 70))), table,
                            approach_m=20)
    near, far = summary_of(result, "A"), summary_of(result, "B")
    assert near["approaching"] and near["boundary_distance_m"] == 5.0 and near["outside_area_m2"] == 0
    assert not far["approaching"] and far["boundary_distance_m"] is None
    assert result.approaching["license_no"] == ["A"] and result.approaching["distance_m"] == [5.0]
    # the part of the works within 20 m of the boundary: the band along every side
    assert result.approaching["area_m2"][0] == pytest.approx(80 * 85 - 60 * 60, rel=1e-3)


def test_workings_above_the_licensed_top_and_below_the_licensed_bottom():
    table = licences(("A", SQUARE, 500.0, 300.0), ("B", box(200, 0, 300, 100), 500.0, 300.0))
    result = compare_survey(extents(("A", box(20, 20, 60, 60)), ("B", box(220, 20, 260, 60)),
                                    top=[510.0, 480.0], bottom=[280.0, 320.0]), table)
    deep, fine = summary_of(result, "A"), summary_of(result, "B")
    assert (deep["above_top_m"], deep["below_bottom_m"]) == (10.0, 20.0)
    assert deep["depth_finding"] == "10.0 m above the licensed top; 20.0 m below the licensed bottom"
    assert (fine["above_top_m"], fine["below_bottom_m"], fine["depth_finding"]) == (None, None, None)
    assert (deep["licensed_top_m"], deep["licensed_bottom_m"]) == (500.0, 300.0)


def test_growth_since_the_previous_round_toward_and_across_the_boundary():
    table = licences(("A", SQUARE, None, None), ("B", box(200, 0, 300, 100), None, None),
                     ("C", box(400, 0, 500, 100), None, None))
    current = extents(("A", box(10, 10, 80, 50)), ("B", box(210, 10, 320, 50)), ("C", box(440, 40, 460, 60)))
    previous = extents(("A", box(10, 10, 50, 50)), ("B", box(210, 10, 250, 50)), ("C", box(440, 40, 460, 60)))
    result = compare_survey(current, table, previous, approach_m=20)
    toward, across, still = summary_of(result, "A"), summary_of(result, "B"), summary_of(result, "C")
    assert toward["growth_area_m2"] == 1200 and toward["growth_outside_area_m2"] == 0 and toward["grew_toward_boundary"]
    assert across["growth_area_m2"] == 2800 and across["growth_outside_area_m2"] == 800
    assert across["grew_toward_boundary"]
    assert still["growth_area_m2"] == 0 and not still["grew_toward_boundary"]
    assert sorted(result.growth["license_no"]) == ["A", "B"]
    assert result.growth["geometry"][result.growth["license_no"].index("A")].equals(box(50, 10, 80, 50))


def test_a_pit_grown_all_round_counts_only_its_new_part_beyond_the_boundary():
    """The previous extent inside the new one: the growth is a ring; beyond the boundary only what the previous
    round did not already have there counts, and none at all is exactly 0."""
    table = licences(("A", SQUARE, None, None), ("B", box(200, 0, 300, 100), None, None),
                     ("B", box(240, 40, 260, 60), None, None), excluded=[False, False, True])
    current = extents(("A", box(50, 20, 130, 80)), ("B", box(220, 20, 280, 80)))
    previous = extents(("A", box(60, 30, 110, 70)), ("B", box(230, 30, 270, 70)))
    result = compare_survey(current, table, previous, approach_m=20)
    crossing, over_hole = summary_of(result, "A"), summary_of(result, "B")
    assert crossing["outside_area_m2"] == 1800  # 30 × 60 beyond x = 100
    assert crossing["growth_area_m2"] == 4800 - 2000
    assert crossing["growth_outside_area_m2"] == 1800 - 400  # the previous round had 10 × 40 beyond already
    assert crossing["grew_toward_boundary"]
    assert over_hole["outside_area_m2"] == 400  # the excluded parcel
    assert over_hole["growth_outside_area_m2"] == 0  # the previous extent covered it already
    assert over_hole["growth_area_m2"] == 3600 - 1600


def test_no_previous_round_leaves_growth_unknown_and_says_so():
    table = licences(("A", SQUARE, None, None), ("B", box(200, 0, 300, 100), None, None))
    result = compare_survey(extents(("A", box(10, 10, 50, 50)), ("B", box(210, 10, 250, 50))), table,
                            extents(("A", box(10, 10, 50, 50))))
    assert summary_of(result, "B")["growth_area_m2"] is None
    assert any("Not surveyed in the previous round" in w and "B" in w for w in result.warnings)


def test_an_extent_matching_no_licence_is_listed_and_held_against_every_licence():
    table = licences(("A", SQUARE, None, None), ("B", box(200, 0, 300, 100), None, None))
    # astride both licences, carrying a number neither has
    result = compare_survey(extents(("X9", box(80, 40, 210, 60)), (None, box(500, 500, 600, 600))), table)
    assert result.unmatched == ["extent 2"]  # X9 lies on licences: matched by location to the one it overlaps most
    x9 = summary_of(result, "A")
    assert x9["outside_area_m2"] == 2200  # outside A, though 200 m² of it lie in B: beyond its own licence
    lone = summary_of(result, None)
    assert not lone["matched"] and lone["outside_area_m2"] == 10000 and lone["max_distance_m"] is None
    assert "matches no licence" in lone["finding"]
    assert any("X9" in w for w in result.warnings)


def test_an_extent_without_number_goes_to_the_licence_it_overlaps_most():
    table = licences(("A", box(0, 0, 100, 100), None, None), ("B", box(100, 0, 200, 100), None, None))
    gap = box(94, 90, 105, 130)  # mostly beyond both licences: location matching finds the largest overlap
    result = compare_survey(extents((None, box(300, 0, 320, 20)), (None, gap)), table)
    assert summary_of(result, None)["outside_area_m2"] == 400  # the one far away
    assert summary_of(result, "A")["outside_area_m2"] == 11 * 40 - 60  # gap minus its 6x10 in A
