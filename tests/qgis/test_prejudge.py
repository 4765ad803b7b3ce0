"""Pre-judgment of suspect patches (issue 4): the core on known squares, and the Processing
algorithm end to end in real QGIS on memory layers and GeoPackages."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from gpkg_checks import check_gpkg_output_index
from shapely.geometry import box

from mine_supervision_plugin.analysis.prejudge import (
    OUTPUT_FIELDS,
    LicenceSet,
    PrejudgeError,
    parse_date,
    prejudge,
    prejudge_arrays,
)

CRS = "EPSG:4526"  # CGCS2000 GK zone 38 with prefix
X0, Y0 = 38_500_000.0, 3_850_000.0  # easting, northing of the test area
DAY = dt.date(2024, 6, 1)


def sq(x0, y0, x1, y1):
    """A rectangle in local metres, placed in the test area."""
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def licences(*rows):
    """rows: (license_no, geometry, valid_from, valid_to[, holder])."""
    data = {
        "license_no": [r[0] for r in rows],
        "valid_from": [r[2] for r in rows],
        "valid_to": [r[3] for r in rows],
        "holder": [r[4] if len(r) > 4 else f"holder of {r[0]}" for r in rows],
    }
    return gpd.GeoDataFrame(data, geometry=[r[1] for r in rows], crs=CRS)


def patches(*rows, date=DAY):
    """rows: (patch_no, geometry[, date_after])."""
    return gpd.GeoDataFrame(
        {
            "patch_no": [r[0] for r in rows],
            "date_after": [r[2] if len(r) > 2 else date for r in rows],
            "remark": [f"note {r[0]}" for r in rows],
        },
        geometry=[r[1] for r in rows],
        crs=CRS,
    )


def by_no(result):
    return {row.patch_no: row for row in result.frame.itertuples()}


VALID = (dt.date(2020, 1, 1), dt.date(2030, 12, 31))
EXPIRED = (dt.date(2015, 1, 1), dt.date(2020, 12, 31))


# --------------------------------------------------------------------------- the four classes


def test_each_prejudgment_class_on_squares():
    rights = licences(
        ("C001", sq(0, 0, 100, 100), *VALID),
        ("C002", sq(300, 0, 400, 100), *EXPIRED),
    )
    result = prejudge(
        patches(
            ("inside", sq(10, 10, 20, 20)),
            ("straddle", sq(90, 40, 110, 60)),
            ("outside", sq(200, 0, 210, 10)),
            ("expired", sq(310, 10, 330, 20)),
        ),
        rights,
    )
    rows = by_no(result)
    assert rows["inside"].prejudgment == "within_licence"
    assert (rows["inside"].inside_area_m2, rows["inside"].outside_area_m2) == pytest.approx((100, 0))
    assert rows["inside"].license_no == "C001"
    assert rows["straddle"].prejudgment == "out_of_bounds"
    assert (rows["straddle"].inside_area_m2, rows["straddle"].outside_area_m2) == pytest.approx((200, 200))
    assert rows["outside"].prejudgment == "unlicensed"
    assert (rows["outside"].inside_area_m2, rows["outside"].outside_area_m2) == pytest.approx((0, 100))
    assert rows["outside"].license_no is None
    assert rows["expired"].prejudgment == "expired_licence"
    assert rows["expired"].expired_area_m2 == pytest.approx(200)
    assert rows["expired"].license_no == "C002"
    # the patch's own fields and geometry are kept, every output field is there
    assert list(result.frame["remark"]) == ["note inside", "note straddle", "note outside", "note expired"]
    assert result.frame.geometry.iloc[0].equals(sq(10, 10, 20, 20))
    for name, _ in OUTPUT_FIELDS:
        assert name in result.frame.columns
    assert result.warnings == []


def test_overlapping_licences_are_not_counted_twice():
    rights = licences(
        ("C-B", sq(50, 0, 150, 100), *VALID),
        ("C-A", sq(0, 0, 100, 100), *VALID),
        ("C-C", sq(0, 0, 100, 100), *VALID),  # a duplicate drawn over C-A
    )
    result = prejudge(
        patches(
            ("two", sq(40, 0, 110, 10)),  # 40..100 in A (and C), 50..150 in B: covered 40..110
            ("three", sq(60, 20, 160, 30)),  # A, B, C; 150..160 outside
            ("whole", sq(60, 50, 70, 60)),  # wholly inside all three
        ),
        rights,
    )
    rows = by_no(result)
    assert rows["two"].inside_area_m2 == pytest.approx(700)
    assert rows["two"].outside_area_m2 == pytest.approx(0)
    assert rows["two"].prejudgment == "within_licence"
    assert rows["two"].license_no == "C-A,C-B,C-C"
    assert rows["three"].inside_area_m2 == pytest.approx(900)
    assert rows["three"].outside_area_m2 == pytest.approx(100)
    assert rows["three"].prejudgment == "out_of_bounds"
    assert rows["whole"].inside_area_m2 == pytest.approx(100)
    assert rows["whole"].license_no == "C-A,C-B,C-C"


def test_a_licence_in_several_parcels_is_listed_once():
    rights = licences(("C009", sq(0, 0, 50, 100), *VALID), ("C009", sq(50, 0, 100, 100), *VALID))
    rows = by_no(prejudge(patches(("p", sq(40, 0, 60, 10))), rights))
    assert rows["p"].license_no == "C009"
    assert rows["p"].inside_area_m2 == pytest.approx(200)
    assert rows["p"].prejudgment == "within_licence"


def test_touching_a_licence_along_an_edge_is_not_touching_it():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID), ("C002", sq(100, 0, 200, 100), *VALID))
    rows = by_no(prejudge(patches(("edge", sq(80, 0, 100, 10))), rights))
    assert rows["edge"].license_no == "C001"


# --------------------------------------------------------------------------- validity on the date


def test_validity_is_taken_on_the_after_imagery_date():
    rights = licences(
        ("VALID", sq(0, 0, 100, 100), dt.date(2020, 1, 1), dt.date(2024, 6, 1)),  # last day = the date
        ("OLD", sq(50, 0, 150, 100), dt.date(2010, 1, 1), dt.date(2024, 5, 31)),  # expired the day before
        ("FUTURE", sq(200, 0, 300, 100), "2024-06-02", "2034-06-01"),  # not yet valid; ISO strings
        ("VALID2", sq(0, 0, 40, 100), dt.date(2020, 1, 1), None),  # open-ended, overlaps VALID
    )
    result = prejudge(
        patches(
            ("both", sq(60, 0, 90, 10)),  # in VALID and OLD
            ("old-only", sq(110, 0, 140, 10)),
            ("mixed", sq(80, 20, 120, 30)),  # 80..100 VALID, 100..120 only OLD
            ("future", sq(210, 0, 220, 10)),
            ("later", sq(60, 40, 70, 50), dt.date(2024, 6, 2)),  # the day after VALID ends
            ("three", sq(30, 60, 120, 70)),  # VALID2 30..40, VALID 30..100 (overlapping), OLD 50..120
        ),
        rights,
    )
    rows = by_no(result)
    assert rows["three"].license_no == "OLD,VALID,VALID2"
    assert rows["three"].inside_area_m2 == pytest.approx(900)
    assert rows["three"].expired_area_m2 == pytest.approx(200)
    assert rows["three"].prejudgment == "expired_licence"
    assert rows["both"].prejudgment == "within_licence"
    assert rows["both"].expired_area_m2 == pytest.approx(0)
    assert rows["old-only"].prejudgment == "expired_licence"
    assert rows["mixed"].prejudgment == "expired_licence"
    assert rows["mixed"].inside_area_m2 == pytest.approx(400)
    assert rows["mixed"].expired_area_m2 == pytest.approx(200)
    assert rows["future"].prejudgment == "expired_licence"
    assert rows["later"].prejudgment == "expired_licence"


def test_dates_as_iso_strings_and_a_custom_date_field():
    rights = licences(("C001", sq(0, 0, 100, 100), "2015-01-01", "2020-12-31"))
    frame = patches(("p", sq(10, 10, 20, 20))).rename(columns={"date_after": "HSX"})
    frame["HSX"] = ["2019/05/04"]
    rows = by_no(prejudge(frame, rights, date_field="HSX"))
    assert rows["p"].prejudgment == "within_licence"
    frame["HSX"] = ["20210504"]
    rows = by_no(prejudge(frame, rights, date_field="hsx"))  # field names match without case
    assert rows["p"].prejudgment == "expired_licence"


def test_a_patch_without_date_cannot_be_expired_and_says_so():
    rights = licences(("C002", sq(0, 0, 100, 100), *EXPIRED))
    result = prejudge(patches(("nodate", sq(10, 10, 20, 20), None), ("dated", sq(30, 30, 40, 40))), rights)
    rows = by_no(result)
    assert rows["nodate"].prejudgment == "within_licence"
    assert "validity not checked" in rows["nodate"].prejudge_note
    assert np.isnan(rows["nodate"].expired_area_m2)
    assert rows["dated"].prejudgment == "expired_licence"
    assert any("nodate" in w and "validity" in w for w in result.warnings)


def test_missing_date_field_is_named_and_validity_not_checked():
    rights = licences(("C002", sq(0, 0, 100, 100), *EXPIRED))
    result = prejudge(patches(("p", sq(10, 10, 20, 20))), rights, date_field="HSX")
    assert by_no(result)["p"].prejudgment == "within_licence"
    assert any("HSX" in w for w in result.warnings)


def test_open_validity_is_named():
    rights = licences(("C003", sq(0, 0, 100, 100), None, None), ("C004", sq(200, 0, 300, 100), "someday", None))
    result = prejudge(patches(("p", sq(10, 10, 20, 20)), ("q", sq(210, 10, 220, 20))), rights)
    rows = by_no(result)
    assert rows["p"].prejudgment == "within_licence"
    assert rows["q"].prejudgment == "within_licence"
    assert any("C003" in w and "open" in w for w in result.warnings)
    assert any("C004" in w and "Unreadable" in w for w in result.warnings)


# --------------------------------------------------------------------------- tolerance


def test_tolerance_edges():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID), ("C002", sq(0, 200, 100, 300), *EXPIRED))
    result = prejudge(
        patches(
            ("out-1.0", sq(50, 0, 100.125, 8)),  # outside exactly 1.0 m²: out of bounds (>=)
            ("out-0.94", sq(50, 10, 100.125, 17.5)),  # outside 0.9375 m²: within
            ("in-0.94", sq(99.875, 20, 120, 27.5)),  # inside 0.9375 m²: unlicensed
            ("in-1.0", sq(99.875, 30, 120, 38)),  # inside exactly 1.0: not unlicensed, out of bounds
            ("exp-1.0", sq(-0.125, 200, 50, 208)),  # 1 m² outside -> out of bounds wins over expired
        ),
        rights,
        tolerance_m2=1.0,
    )
    rows = by_no(result)
    assert rows["out-1.0"].outside_area_m2 == 1.0
    assert rows["out-1.0"].prejudgment == "out_of_bounds"
    assert rows["out-0.94"].prejudgment == "within_licence"
    assert rows["in-0.94"].prejudgment == "unlicensed"
    assert rows["in-1.0"].prejudgment == "out_of_bounds"
    assert rows["exp-1.0"].prejudgment == "out_of_bounds"
    loose = by_no(prejudge(patches(("out-1.0", sq(50, 0, 100.125, 8))), rights, tolerance_m2=1.5))
    assert loose["out-1.0"].prejudgment == "within_licence"
    with pytest.raises(PrejudgeError):
        prejudge(patches(("p", sq(0, 0, 1, 1))), rights, tolerance_m2=-1)


# --------------------------------------------------------------------------- zones, earlier years, penalties


def test_zone_holding_the_largest_share():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID))
    zones = gpd.GeoDataFrame(
        {"name": ["西山重点矿区", "东沟重点矿区"], "level": ["省", "county"]},
        geometry=[sq(-100, -100, 50, 200), sq(50, -100, 300, 200)],
        crs=CRS,
    )
    result = prejudge(
        patches(("p", sq(30, 10, 80, 20)), ("west", sq(0, 0, 10, 10)), ("none", sq(500, 0, 510, 10))),
        rights,
        zones=zones,
    )
    rows = by_no(result)
    assert (rows["p"].zone_name, rows["p"].zone_level) == ("东沟重点矿区", "county")
    assert (rows["west"].zone_name, rows["west"].zone_level) == ("西山重点矿区", "province")
    assert rows["none"].zone_name is None


def test_repeat_years_of_earlier_patches():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID))
    previous = gpd.GeoDataFrame(
        {"year": [2021, 2022, 2023, 2021, 2024, None]},
        geometry=[
            sq(5, 5, 15, 15),  # overlaps
            sq(20, 0, 30, 10),  # shares an edge only
            sq(15, 15, 25, 25),  # overlaps
            sq(0, 0, 11, 11),  # overlaps, same year as the first
            sq(10, 10, 20, 20),  # the patch's own year: not previous
            sq(10, 10, 20, 20),  # no year
        ],
        crs=CRS,
    )
    result = prejudge(patches(("p", sq(10, 10, 20, 20)), ("q", sq(60, 60, 70, 70))), rights, previous=previous)
    rows = by_no(result)
    assert rows["p"].repeat_years == "2021,2023"
    assert rows["q"].repeat_years is None
    assert any("no year" in w for w in result.warnings)
    # a date field gives the year when there is no year field
    by_date = previous.assign(date_after=[dt.date(int(y), 3, 1) if y == y else None for y in previous["year"]])
    rows = by_no(prejudge(patches(("p", sq(10, 10, 20, 20))), rights, previous=by_date.drop(columns="year")))
    assert rows["p"].repeat_years == "2021,2023"


def test_penalties_in_the_two_years_before_and_transfer_to_judiciary():
    rights = licences(
        ("C001", sq(0, 0, 100, 100), *VALID, "青山矿业"),
        ("C002", sq(200, 0, 300, 100), *VALID, "青山矿业"),
        ("C003", sq(400, 0, 500, 100), *VALID, "白水公司"),
    )
    cases = pd.DataFrame(
        {
            "license_no": ["C001", None, "C001", "C003", "C003"],
            "holder": [None, "青山矿业", "青山矿业", None, None],
            "penalty_date": ["2023-01-10", "2022-06-01", "2022-05-31", "2024-01-01", "2024-06-02"],
        }
    )
    result = prejudge(
        patches(
            ("oob", sq(90, 40, 110, 60)),  # C001: cases 0 (licence), 1 (holder, 2022-06-01 = 2 years before)
            ("in", sq(210, 10, 220, 20)),  # C002, same holder: case 1 only -> 1... and case 0? no (other licence)
            ("c3", sq(490, 40, 510, 60)),  # C003: case 3; case 4 is after the date
            ("none", sq(700, 0, 710, 10)),
        ),
        rights,
        cases=cases,
    )
    rows = by_no(result)
    assert rows["oob"].penalties_2y == 2  # case 2 (2022-05-31) is more than two years before
    assert rows["oob"].transfer_to_judiciary
    assert rows["in"].penalties_2y == 1
    assert not rows["in"].transfer_to_judiciary
    assert rows["c3"].penalties_2y == 1
    assert rows["none"].penalties_2y == 0
    # two penalties but mining within the licence: no transfer
    many = pd.DataFrame({"license_no": ["C002", "C002"], "penalty_date": ["2024-01-01", "2023-01-01"]})
    rows = by_no(prejudge(patches(("in", sq(210, 10, 220, 20))), rights, cases=many))
    assert rows["in"].penalties_2y == 2
    assert not rows["in"].transfer_to_judiciary


# --------------------------------------------------------------------------- bad input


def test_invalid_geometry_is_repaired_and_named():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID))
    bow_tie = shapely.Polygon(
        [(X0 + 10, Y0 + 10), (X0 + 30, Y0 + 30), (X0 + 30, Y0 + 10), (X0 + 10, Y0 + 30), (X0 + 10, Y0 + 10)]
    )
    assert not bow_tie.is_valid
    result = prejudge(patches(("TB-BAD", bow_tie), ("TB-OK", sq(40, 40, 50, 50))), rights)
    rows = by_no(result)
    assert rows["TB-BAD"].inside_area_m2 == pytest.approx(200)  # two triangles of 100 m², not 0
    assert rows["TB-BAD"].prejudgment == "within_licence"
    assert "repaired" in rows["TB-BAD"].prejudge_note
    assert any("TB-BAD" in w and "repaired" in w for w in result.warnings)
    assert not any("TB-OK" in w for w in result.warnings)


def test_invalid_licence_is_repaired_and_named():
    bow_tie = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100), (X0, Y0)])
    rights = licences(("C-BOW", bow_tie, *VALID), ("C-EMPTY", shapely.Polygon(), *VALID))
    result = prejudge(patches(("p", sq(90, 40, 100, 60))), rights)
    assert by_no(result)["p"].inside_area_m2 == pytest.approx(200)  # in the right-hand triangle
    assert any("C-BOW" in w for w in result.warnings)
    assert any("C-EMPTY" in w for w in result.warnings)


def test_empty_geometries_are_kept_and_named():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID))
    line = shapely.LineString([(X0, Y0), (X0 + 10, Y0 + 10)])
    frame = patches(("TB-NONE", None), ("TB-EMPTY", shapely.Polygon()), ("TB-LINE", line), ("TB-OK", sq(1, 1, 2, 2)))
    result = prejudge(frame, rights)
    assert len(result.frame) == 4
    rows = by_no(result)
    for name in ("TB-NONE", "TB-EMPTY", "TB-LINE"):
        assert rows[name].prejudgment is None
        assert np.isnan(rows[name].inside_area_m2)
        assert rows[name].prejudge_note
    assert rows["TB-OK"].prejudgment == "within_licence"
    assert any("TB-NONE" in w and "TB-EMPTY" in w for w in result.warnings)
    assert any("TB-LINE" in w for w in result.warnings)


def test_missing_required_licence_fields_are_named():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID)).drop(columns=["valid_to", "valid_from"])
    with pytest.raises(PrejudgeError, match="valid_from, valid_to"):
        prejudge(patches(("p", sq(1, 1, 2, 2))), rights)


# --------------------------------------------------------------------------- CRS


def test_geographic_input_is_projected_to_the_zone_of_its_centre():
    rights_gk = licences(("C001", sq(0, 0, 1000, 1000), *VALID)).to_crs(4547)  # zone 38, no prefix
    patch_gk = patches(("p", sq(900, 400, 1100, 600)), ("q", sq(100, 100, 300, 300))).to_crs(4547)
    expected = by_no(prejudge(patch_gk, rights_gk))
    result = prejudge(patch_gk.to_crs(4490), rights_gk.to_crs(4490))
    assert result.analysis_crs.to_epsg() == 4547
    assert any("EPSG:4547" in w for w in result.warnings)
    rows = by_no(result)
    for name in ("p", "q"):
        assert rows[name].inside_area_m2 == pytest.approx(expected[name].inside_area_m2, abs=0.01)
        assert rows[name].outside_area_m2 == pytest.approx(expected[name].outside_area_m2, abs=0.01)
    assert rows["p"].prejudgment == "out_of_bounds"
    assert result.frame.crs.to_epsg() == 4490  # the patches come back in their own CRS


def test_licences_in_another_crs_are_reprojected_to_the_patches_crs():
    rights = licences(("C001", sq(0, 0, 100, 100), *VALID))
    frame = patches(("p", sq(90, 40, 110, 60)))
    rows = by_no(prejudge(frame, rights.to_crs(4490)))
    assert rows["p"].inside_area_m2 == pytest.approx(200, abs=0.01)


# --------------------------------------------------------------------------- array level


def test_array_level_function_without_geopandas():
    geoms = np.array([sq(10, 10, 20, 20), sq(90, 40, 110, 60), None], dtype=object)
    licence_set = LicenceSet(np.array([sq(0, 0, 100, 100)], dtype=object), ["C001"], ["2020-01-01"], ["2030-01-01"])
    progress = []
    result = prejudge_arrays(geoms, licence_set, dates=["2024-01-01"] * 3, progress=progress.append, workers=2)
    assert list(result.columns["prejudgment"]) == ["within_licence", "out_of_bounds", None]
    assert result.row(1)["inside_area_m2"] == pytest.approx(200)
    assert result.row(2)["inside_area_m2"] is None
    assert progress[-1] == 100


def test_many_patches_in_threads_give_the_same_answer_as_one_thread():
    rng = np.random.default_rng(7)
    centres = rng.uniform(0, 2000, (3000, 2))
    sizes = rng.uniform(5, 60, 3000)
    geoms = shapely.buffer(shapely.points(X0 + centres[:, 0], Y0 + centres[:, 1]), sizes, quad_segs=6)
    lic_c = rng.uniform(0, 2000, (400, 2))
    lic = shapely.buffer(shapely.points(X0 + lic_c[:, 0], Y0 + lic_c[:, 1]), rng.uniform(40, 150, 400), quad_segs=8)
    licence_set = LicenceSet(lic, [f"C{i:03d}" for i in range(400)], ["2020-01-01"] * 400, ["2030-01-01"] * 400)
    one = prejudge_arrays(geoms, licence_set, workers=1)
    two = prejudge_arrays(geoms, licence_set, workers=3)
    np.testing.assert_allclose(one.columns["inside_area_m2"], two.columns["inside_area_m2"])
    # and the areas agree with a plain union per patch
    union = shapely.union_all(lic)
    expected = shapely.area(shapely.intersection(geoms, union))
    np.testing.assert_allclose(one.columns["inside_area_m2"], expected, atol=1e-6)


def test_cancel_stops_the_work():
    from mine_supervision_plugin.analysis.prejudge import PrejudgeCanceled

    geoms = np.array([sq(i, 0, i + 1, 1) for i in range(5000)], dtype=object)
    licence_set = LicenceSet(np.array([sq(0, 0, 6000, 10)], dtype=object), ["C"], [None], [None])
    with pytest.raises(PrejudgeCanceled):
        prejudge_arrays(geoms, licence_set, is_canceled=lambda: True)


def test_parse_date_forms():
    assert parse_date("2024-05-06") == dt.date(2024, 5, 6)
    assert parse_date("2024/5/6") == dt.date(2024, 5, 6)
    assert parse_date("2024年5月6日") == dt.date(2024, 5, 6)
    assert parse_date("20240506") == dt.date(2024, 5, 6)
    assert parse_date("2024-05-06T10:00:00") == dt.date(2024, 5, 6)
    assert parse_date(dt.datetime(2024, 5, 6, 10)) == dt.date(2024, 5, 6)
    assert parse_date(np.datetime64("2024-05-06")) == dt.date(2024, 5, 6)
    assert parse_date(pd.Timestamp("2024-05-06")) == dt.date(2024, 5, 6)
    assert parse_date("") is None and parse_date(None) is None and parse_date(pd.NaT) is None
    with pytest.raises(ValueError):
        parse_date("not a date")


# =========================================================================== Processing, in QGIS




class Feedback:
    """A QgsProcessingFeedback that keeps the messages (built lazily: needs QGIS)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Recording(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings, self.infos = [], []

            def pushWarning(self, warning):  # noqa: N802 - Qt API
                self.warnings.append(warning)

            def pushInfo(self, info):  # noqa: N802 - Qt API
                self.infos.append(info)

        return _Recording()


def run_algorithm(registry, parameters, feedback=None):
    from qgis.core import QgsProcessingContext

    algorithm = registry.createAlgorithmById("minesupervision:prejudgepatches")
    assert algorithm is not None
    context = QgsProcessingContext()
    feedback = feedback or Feedback()
    ok, message = algorithm.checkParameterValues(parameters, context)
    assert ok, message
    results, ok = algorithm.run(parameters, context, feedback, {}, False)
    assert ok
    output = results["OUTPUT"]
    layer = context.takeResultLayer(output) if isinstance(output, str) and not output.endswith(".gpkg") else None
    if layer is None:
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(output, "out", "ogr")
    assert layer.isValid()
    return layer, feedback


PATCH_ROWS = [
    # patch_no, geometry (local metres), date_after, batch (an extra field of the patch's own)
    ("TB001", sq(10, 10, 20, 20), "2024-06-01", "2024-Q2"),
    ("TB002", sq(90, 40, 110, 60), "2024-06-01", "2024-Q2"),
    ("TB003", sq(200, 0, 210, 10), "2024-06-01", "2024-Q2"),
    ("TB004", sq(310, 10, 330, 20), "2024-06-01", "2024-Q2"),
    (
        "TB005",
        shapely.Polygon([(X0 + 10, Y0 + 30), (X0 + 30, Y0 + 50), (X0 + 30, Y0 + 30), (X0 + 10, Y0 + 50)]),
        "2024-06-01",
        "2024-Q2",
    ),
    ("TB006", None, "2024-06-01", "2024-Q2"),
    ("TB007", sq(40, 40, 50, 50), None, "2024-Q3"),
]
RIGHT_ROWS = [
    ("C001", sq(0, 0, 100, 100), "2020-01-01", "2030-12-31"),
    ("C002", sq(300, 0, 400, 100), "2015-01-01", "2020-12-31"),
]
EXPECTED = {
    "TB001": ("within_licence", 100.0, 0.0, "C001"),
    "TB002": ("out_of_bounds", 200.0, 200.0, "C001"),
    "TB003": ("unlicensed", 0.0, 100.0, None),
    "TB004": ("expired_licence", 200.0, 0.0, "C002"),
    "TB005": ("within_licence", 200.0, 0.0, "C001"),
    "TB006": (None, None, None, None),
    "TB007": ("within_licence", 100.0, 0.0, "C001"),
}


def memory_layers():
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QDate, QVariant

    patches_layer = QgsVectorLayer("Polygon?crs=EPSG:4526", "patches", "memory")
    provider = patches_layer.dataProvider()
    provider.addAttributes(
        [
            QgsField("patch_no", QVariant.String),
            QgsField("date_after", QVariant.Date),
            QgsField("batch", QVariant.String),
        ]
    )
    patches_layer.updateFields()
    features = []
    for number, geometry, day, batch in PATCH_ROWS:
        feature = QgsFeature(patches_layer.fields())
        feature.setAttributes([number, QDate.fromString(day, "yyyy-MM-dd") if day else None, batch])
        if geometry is not None:
            feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    provider.addFeatures(features)
    rights_layer = QgsVectorLayer("Polygon?crs=EPSG:4526", "rights", "memory")
    provider = rights_layer.dataProvider()
    provider.addAttributes(
        [
            QgsField("license_no", QVariant.String),
            QgsField("valid_from", QVariant.String),
            QgsField("valid_to", QVariant.String),
        ]
    )
    rights_layer.updateFields()
    features = []
    for number, geometry, start, end in RIGHT_ROWS:
        feature = QgsFeature(rights_layer.fields())
        feature.setAttributes([number, start, end])
        feature.setGeometry(QgsGeometry.fromWkt(geometry.wkt))
        features.append(feature)
    provider.addFeatures(features)
    return patches_layer, rights_layer


def write_gpkg(path, layer_name, fields, rows, epsg=4526):
    """A GeoPackage written with QGIS's own GDAL; dates as Date fields, geometry as given (may be invalid)."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = dataset.CreateLayer(layer_name, srs, ogr.wkbPolygon)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        *values, geometry = row
        for i, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, dt.date):
                feature.SetField(i, value.year, value.month, value.day, 0, 0, 0, 0)
            else:
                feature.SetField(i, value)
        if geometry is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    dataset = None
    return path


def gpkg_inputs(folder):
    from osgeo import ogr

    patches_path = write_gpkg(
        folder / "patches.gpkg",
        "patches",
        [("patch_no", ogr.OFTString), ("date_after", ogr.OFTDate), ("batch", ogr.OFTString)],
        [(n, dt.date.fromisoformat(d) if d else None, b, g) for n, g, d, b in PATCH_ROWS],
    )
    rights_path = write_gpkg(
        folder / "rights.gpkg",
        "rights",
        [("license_no", ogr.OFTString), ("valid_from", ogr.OFTDate), ("valid_to", ogr.OFTDate)],
        [(n, dt.date.fromisoformat(a), dt.date.fromisoformat(b), g) for n, g, a, b in RIGHT_ROWS],
    )
    return patches_path, rights_path


def check_output(layer, feedback):
    names = layer.fields().names()
    for field in ("patch_no", "date_after", "batch"):
        assert field in names, field
    for field, _ in OUTPUT_FIELDS:
        assert field in names, field
    rows = {f["patch_no"]: f for f in layer.getFeatures()}
    assert sorted(rows) == sorted(EXPECTED)
    for number, (code, inside, outside, licence) in EXPECTED.items():
        feature = rows[number]
        value = feature["prejudgment"]
        assert (None if value in (None, "") or str(value) == "NULL" else value) == code, number
        if inside is None:
            assert feature["inside_area_m2"] in (None,) or str(feature["inside_area_m2"]) == "NULL"
        else:
            assert feature["inside_area_m2"] == pytest.approx(inside, abs=1e-6), number
            assert feature["outside_area_m2"] == pytest.approx(outside, abs=1e-6), number
        got = feature["license_no"]
        assert (None if got in (None, "") or str(got) == "NULL" else got) == licence, number
    assert rows["TB001"]["batch"] == "2024-Q2" and rows["TB007"]["batch"] == "2024-Q3"
    assert rows["TB006"].geometry().isEmpty()  # NULL (an empty polygon when QGIS's GeoPackage writer wrote it)
    assert "repaired" in rows["TB005"]["prejudge_note"]
    assert "validity" in rows["TB007"]["prejudge_note"]
    assert any("TB005" in w for w in feedback.warnings)
    assert any("TB006" in w for w in feedback.warnings)
    assert any("TB007" in w for w in feedback.warnings)
    return rows


def test_algorithm_is_in_the_provider(registry):
    algorithm = registry.algorithmById("minesupervision:prejudgepatches")
    assert algorithm is not None
    names = [p.name() for p in algorithm.parameterDefinitions()]
    for name in ("PATCHES", "RIGHTS", "ZONES", "PREVIOUS_PATCHES", "DATE_FIELD", "TOLERANCE_M2", "OUTPUT"):
        assert name in names
    assert algorithm.parameterDefinition("DATE_FIELD").defaultValue() == "date_after"
    assert algorithm.parameterDefinition("TOLERANCE_M2").defaultValue() == 1.0


def test_algorithm_on_memory_layers_keeps_every_patch_and_field(registry):
    patches_layer, rights_layer = memory_layers()
    layer, feedback = run_algorithm(
        registry, {"PATCHES": patches_layer, "RIGHTS": rights_layer, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert layer.featureCount() == len(PATCH_ROWS)
    check_output(layer, feedback)


def test_algorithm_on_geopackages_fast_path(registry, tmp_path, monkeypatch):
    from mine_supervision_plugin.processing.prejudge_patches import PrejudgePatchesAlgorithm

    patches_path, rights_path = gpkg_inputs(tmp_path)
    out = tmp_path / "out" / "prejudged.gpkg"
    out.parent.mkdir()
    with monkeypatch.context() as patch:  # GeoPackage to GeoPackage: GDAL writes, not the sink
        patch.setattr(PrejudgePatchesAlgorithm, "_write_sink", None)
        layer, feedback = run_algorithm(
            registry, {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": str(out)}
        )
    assert [f.id() for f in layer.getFeatures()] == list(range(1, len(PATCH_ROWS) + 1))  # fids kept
    assert layer.featureCount() == len(PATCH_ROWS)
    rows = check_output(layer, feedback)
    assert layer.fields().field("date_after").type() in (14,)  # QVariant.Date kept
    assert rows["TB001"]["date_after"].toPyDate() == dt.date(2024, 6, 1)
    assert layer.crs().authid() == "EPSG:4526"
    # the patch geometries are copied untouched (the invalid one too)
    assert rows["TB005"].geometry().isGeosValid() is False
    check_gpkg_output_index(out)
    # writing through the sink instead (a shapefile) gives the same values
    shp = tmp_path / "out" / "prejudged.shp"
    with monkeypatch.context() as patch:
        patch.setattr(PrejudgePatchesAlgorithm, "_write_gpkg", None)
        other, _ = run_algorithm(
            registry, {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": str(shp)}
        )
    assert other.featureCount() == len(PATCH_ROWS)
    assert "prejudgmen" in other.fields().names()  # shapefile field names are cut to 10 characters
    by_number = {f["patch_no"]: f for f in other.getFeatures()}
    for number in EXPECTED:
        assert str(by_number[number]["prejudgmen"]) == str(rows[number]["prejudgment"])
        assert str(by_number[number]["license_no"]) == str(rows[number]["license_no"])


def test_algorithm_checks_geometries_batch_by_batch_while_reading(registry, tmp_path, monkeypatch):
    """Geometries are checked and repaired per Arrow batch as they are read: every batch boundary keeps
    each patch's status (repaired, empty, dated or not) with its own patch, and a bad licence far from
    any patch is named too (the licences are all checked while read)."""
    from osgeo import ogr

    from mine_supervision_plugin.processing import prejudge_patches
    from mine_supervision_plugin.store import fast_io

    patches_path, _ = gpkg_inputs(tmp_path)
    far_bow_tie = shapely.Polygon([(X0 + 5000, Y0), (X0 + 5100, Y0 + 100), (X0 + 5100, Y0), (X0 + 5000, Y0 + 100)])
    rights_path = write_gpkg(
        tmp_path / "rights_bad.gpkg",
        "rights",
        [("license_no", ogr.OFTString), ("valid_from", ogr.OFTDate), ("valid_to", ogr.OFTDate)],
        [(n, dt.date.fromisoformat(a), dt.date.fromisoformat(b), g) for n, g, a, b in RIGHT_ROWS]
        + [("C009", dt.date(2020, 1, 1), dt.date(2030, 1, 1), far_bow_tie)],
    )
    checked = []
    original = fast_io.ThreadPoolExecutor

    class CountingPool(original):
        def submit(self, function, *args, **kwargs):
            if getattr(function, "__name__", "") == "clean_polygons":
                checked.append(len(args[0]))
            return super().submit(function, *args, **kwargs)

    for batch in (1, 2, 3):
        checked.clear()
        with monkeypatch.context() as patch:
            patch.setattr(fast_io, "BATCH_SIZE", batch)
            patch.setattr(fast_io, "ThreadPoolExecutor", CountingPool)
            patch.setattr(prejudge_patches.PrejudgePatchesAlgorithm, "_write_sink", None)  # the GDAL writer
            layer, feedback = run_algorithm(
                registry,
                {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": str(tmp_path / f"b{batch}.gpkg")},
            )
        check_output(layer, feedback)
        # patches and licences were checked in batches of the asked size
        assert sum(checked) == len(PATCH_ROWS) + len(RIGHT_ROWS) + 1, batch
        assert max(checked) == batch
        assert any("C009" in w and "repaired" in w for w in feedback.warnings), feedback.warnings

def test_algorithm_on_a_gpkg_overwrites_existing_result_fields(registry, tmp_path):
    from osgeo import ogr

    patches_path = write_gpkg(
        tmp_path / "db.gpkg",
        "patches",
        [
            ("patch_no", ogr.OFTString),
            ("date_after", ogr.OFTDate),
            ("prejudgment", ogr.OFTString),
            ("license_no", ogr.OFTString),
        ],
        [("TB001", DAY, "stale", "stale", sq(10, 10, 20, 20)), ("TB003", DAY, "stale", "stale", sq(200, 0, 210, 10))],
    )
    _, rights_path = gpkg_inputs(tmp_path)
    out = tmp_path / "again.gpkg"
    layer, _ = run_algorithm(registry, {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": str(out)})
    names = layer.fields().names()
    assert names.count("prejudgment") == 1 and names.count("license_no") == 1
    rows = {f["patch_no"]: f for f in layer.getFeatures()}
    assert rows["TB001"]["prejudgment"] == "within_licence"
    assert rows["TB001"]["license_no"] == "C001"
    assert rows["TB003"]["prejudgment"] == "unlicensed"
    assert str(rows["TB003"]["license_no"]) in ("NULL", "None", "")
    # the same through the sink (memory output)
    layer, _ = run_algorithm(
        registry, {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    names = layer.fields().names()
    assert names.count("prejudgment") == 1
    rows = {f["patch_no"]: f for f in layer.getFeatures()}
    assert rows["TB001"]["prejudgment"] == "within_licence"


def test_algorithm_with_zones_previous_cases_and_other_crs(registry, tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    patches_path, rights_path = gpkg_inputs(tmp_path)
    # licences given in geographic CGCS2000: reprojected by QGIS to the patches' CRS
    rights_geo = QgsVectorLayer(str(rights_path), "rights", "ogr")
    from qgis import processing as qgis_processing  # noqa: F401 (the in-QGIS module)

    geo_path = tmp_path / "rights_geo.gpkg"
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer_crs = QgsCoordinateReferenceSystem("EPSG:4490")
    from qgis.core import QgsCoordinateTransform

    options.ct = QgsCoordinateTransform(rights_geo.crs(), writer_crs, QgsCoordinateTransformContext())
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        rights_geo, str(geo_path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    zones = QgsVectorLayer("Polygon?crs=EPSG:4526", "zones", "memory")
    zones.dataProvider().addAttributes(
        [QgsField("zone_name", QVariant.String), QgsField("zone_level", QVariant.String)]
    )
    zones.updateFields()
    zone = QgsFeature(zones.fields())
    zone.setAttributes(["青山重点矿区", "市"])
    zone.setGeometry(QgsGeometry.fromWkt(sq(-50, -50, 150, 150).wkt))
    zones.dataProvider().addFeatures([zone])
    previous = QgsVectorLayer("Polygon?crs=EPSG:4526", "previous", "memory")
    previous.dataProvider().addAttributes([QgsField("year", QVariant.Int)])
    previous.updateFields()
    earlier = QgsFeature(previous.fields())
    earlier.setAttributes([2022])
    earlier.setGeometry(QgsGeometry.fromWkt(sq(95, 45, 120, 55).wkt))
    previous.dataProvider().addFeatures([earlier])
    cases = QgsVectorLayer("None", "cases", "memory")
    cases.dataProvider().addAttributes(
        [QgsField("license_no", QVariant.String), QgsField("penalty_date", QVariant.String)]
    )
    cases.updateFields()
    case_rows = []
    for day in ("2023-03-01", "2024-01-15"):
        case = QgsFeature(cases.fields())
        case.setAttributes(["C001", day])
        case_rows.append(case)
    cases.dataProvider().addFeatures(case_rows)
    layer, feedback = run_algorithm(
        registry,
        {
            "PATCHES": str(patches_path),
            "RIGHTS": str(geo_path),
            "ZONES": zones,
            "PREVIOUS_PATCHES": previous,
            "CASES": cases,
            "TOLERANCE_M2": 1.0,
            "OUTPUT": str(tmp_path / "full.gpkg"),
        },
    )
    rows = check_output(layer, feedback)
    assert rows["TB002"]["zone_name"] == "青山重点矿区"
    assert rows["TB002"]["zone_level"] == "city"
    assert rows["TB002"]["repeat_years"] == "2022"
    assert rows["TB002"]["penalties_2y"] == 2
    assert bool(rows["TB002"]["transfer_to_judiciary"]) is True
    assert bool(rows["TB001"]["transfer_to_judiciary"]) is False
    assert rows["TB003"]["penalties_2y"] == 0


def test_algorithm_on_geographic_patches(registry, tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    frame = patches(("p", sq(900, 400, 1100, 600))).to_crs(4490)
    rights = licences(("C001", sq(0, 0, 1000, 1000), *VALID)).to_crs(4490)
    layers = []
    for data, fields in ((frame, ("patch_no", "date_after")), (rights, ("license_no", "valid_from", "valid_to"))):
        layer = QgsVectorLayer("Polygon?crs=EPSG:4490", "l", "memory")
        layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in fields])
        layer.updateFields()
        feats = []
        for row in data.itertuples():
            feature = QgsFeature(layer.fields())
            feature.setAttributes([str(getattr(row, f)) for f in fields])
            feature.setGeometry(QgsGeometry.fromWkt(row.geometry.wkt))
            feats.append(feature)
        layer.dataProvider().addFeatures(feats)
        layers.append(layer)
    feedback = Feedback()
    layer, _ = run_algorithm(
        registry, {"PATCHES": layers[0], "RIGHTS": layers[1], "OUTPUT": "TEMPORARY_OUTPUT"}, feedback
    )
    (feature,) = list(layer.getFeatures())
    assert feature["prejudgment"] == "out_of_bounds"
    assert feature["inside_area_m2"] == pytest.approx(20000, abs=0.5)
    assert feature["outside_area_m2"] == pytest.approx(20000, abs=0.5)
    assert layer.crs().authid() == "EPSG:4490"
    assert any("EPSG:4547" in m for m in feedback.infos)


def test_algorithm_refuses_licences_without_required_fields(registry):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsVectorLayer

    patches_layer, _ = memory_layers()
    rights = QgsVectorLayer("Polygon?crs=EPSG:4526&field=license_no:string", "rights", "memory")
    algorithm = registry.createAlgorithmById("minesupervision:prejudgepatches")
    with pytest.raises(QgsProcessingException, match="valid_from, valid_to"):
        algorithm.run(
            {"PATCHES": patches_layer, "RIGHTS": rights, "OUTPUT": "TEMPORARY_OUTPUT"},
            QgsProcessingContext(),
            Feedback(),
            {},
            False,
        )


def test_algorithm_falls_back_to_the_sink_when_gdal_cannot_write(registry, tmp_path, monkeypatch):
    from osgeo import gdal

    def refuse(*args, **kwargs):
        raise RuntimeError("not with this GDAL")

    patches_path, rights_path = gpkg_inputs(tmp_path)
    monkeypatch.setattr(gdal, "VectorTranslate", refuse)
    feedback = Feedback()
    layer, _ = run_algorithm(
        registry,
        {"PATCHES": str(patches_path), "RIGHTS": str(rights_path), "OUTPUT": str(tmp_path / "o.gpkg")},
        feedback,
    )
    check_output(layer, feedback)
    assert any("not with this GDAL" in m for m in feedback.infos)


# --------------------------------------------------------------------------- one repair rule


def test_patch_import_and_prejudgment_repair_polygons_with_one_rule():
    """formats.patch_batches.repair_geometry (import, worded per row) and analysis clean_polygons (bulk, with a
    status) both use domain.polygon_repair: the same geometries are kept, repaired or refused, with the same area."""
    from mine_supervision_plugin.analysis.prejudge import clean_polygons
    from mine_supervision_plugin.domain.polygon_repair import Outcome, repair_polygon
    from mine_supervision_plugin.formats.patch_batches import repair_geometry

    bow_tie = shapely.Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)])
    cases = {
        "valid": (sq(0, 0, 10, 10), 0, Outcome.VALID, 100.0),
        "bow tie": (bow_tie, 1, Outcome.REPAIRED, 50.0),
        "collection": (shapely.GeometryCollection([sq(0, 0, 10, 10), shapely.Point(X0, Y0)]), 1, Outcome.VALID, 100.0),
        "line": (shapely.LineString([(X0, Y0), (X0 + 1, Y0)]), 3, Outcome.NOT_POLYGONAL, None),
        "flat": (shapely.Polygon([(X0, Y0), (X0 + 5, Y0), (X0 + 10, Y0)]), 3, Outcome.NO_AREA, None),
        "empty": (shapely.Polygon(), 2, Outcome.EMPTY, None),
        "z": (shapely.Polygon([(X0, Y0, 1), (X0 + 2, Y0, 1), (X0 + 2, Y0 + 2, 1)]), 0, Outcome.VALID, 2.0),
    }
    cleaned, status = clean_polygons(np.array([c[0] for c in cases.values()], dtype=object))
    for k, (name, (geometry, code, outcome, area)) in enumerate(cases.items()):
        rule = repair_polygon(geometry)
        imported, notes = repair_geometry(geometry, "row 1")
        assert status[k] == code, name
        assert rule.outcome == outcome, name
        if area is None:
            assert cleaned[k] is None and rule.geometry is None and imported is None and notes, name
        else:
            for result in (cleaned[k], rule.geometry, imported):
                assert result.area == pytest.approx(area) and result.is_valid and not result.has_z, name
            assert imported.geom_type == "MultiPolygon"
    assert any("repaired" in n for n in repair_geometry(bow_tie, "row 2")[1])
    assert repair_geometry(cases["collection"][0], "row 3")[1] == [
        "row 3: parts that are not polygons were left out."
    ]
