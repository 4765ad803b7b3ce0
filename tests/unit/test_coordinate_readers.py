"""Reading licence corner-coordinate files: formats, CRS detection, checks, areas.

Fixtures are in tests/data/coordinates/ (one per format variant and per
refusal); the XLSX workbook is made here with openpyxl.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from pyproj import CRS, Geod, Transformer
from shapely.geometry import Polygon, box

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.domain.licence_geometry import (
    MU_PER_M2,
    area_summary,
    ellipsoidal_area_m2,
    licence_multipolygon,
    parcel_polygon,
    planar_area_m2,
)
from mine_supervision_plugin.formats.coordinates import (
    CoordinateFileError,
    Problem,
    detect_format,
    read_coordinate_file,
    read_coordinate_files,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "coordinates"


def refused(name: str, **kwargs) -> list[Problem]:
    with pytest.raises(CoordinateFileError) as info:
        read_coordinate_file(DATA / name, **kwargs)
    return info.value.problems


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


# --- format (a): land coordinate exchange txt -----------------------------------------------------


def test_land_exchange_utf8_bom_crlf_two_parcels_with_hole():
    path = DATA / "land_exchange_utf8_bom_crlf.txt"
    assert detect_format(path) == "land_exchange"
    result = read_coordinate_file(path)
    assert result.crs_epsg == 4526  # CGCS2000 3-degree zone 38 with prefix
    assert result.warnings == []
    (licence,) = result.licences
    assert licence.license_no == "C1301002010127120012345"
    assert licence.mine_name == "某某县石灰岩矿"
    assert licence.attributes["坐标系"] == "2000国家大地坐标系"
    assert licence.crs_epsg == 4526 and licence.source_file == str(path)
    first, second = licence.parcels
    # the repeated closing corner J1 is dropped; J-names give corner numbers
    assert [c.number for c in first.corners] == [1, 2, 3, 4]
    assert (first.corners[1].x, first.corners[1].y, first.corners[1].line) == (3853210.55, 38512800.25, 17)
    assert first.name == "一号地块" and first.declared_area == 19.933 and first.declared_area_unit == "ha"
    # the second parcel's ring is not closed explicitly, and has a hole (圈号 2)
    assert [c.ring for c in second.corners] == [1] * 4 + [2] * 4
    polygon = parcel_polygon(second)
    assert len(polygon.interiors) == 1
    assert planar_area_m2(polygon) == pytest.approx(280_000.0, abs=1e-6)


def test_land_exchange_gbk_xian80_without_prefix_fullwidth_commas_and_digits():
    result = read_coordinate_file(DATA / "land_exchange_gbk_xian80.txt")
    # Xi'an 1980, 3-degree, no prefix, zone 38 from 带号 -> EPSG:2383, never CGCS2000
    assert result.crs_epsg == 2383
    assert "Xian 1980" in CRS.from_epsg(2383).name
    assert any("must be transformed to CGCS2000" in p.message for p in result.warnings)
    parcel = result.licences[0].parcels[0]
    assert (parcel.corners[2].x, parcel.corners[2].y) == (3852805.30, 512790.10)  # full-width digits
    assert len(parcel.corners) == 4


def test_land_exchange_beijing54_six_degree_prefixed():
    result = read_coordinate_file(DATA / "land_exchange_beijing54_6deg.txt")
    assert result.crs_epsg == 21420
    assert CRS.from_epsg(21420).name == "Beijing 1954 / Gauss-Kruger zone 20"
    assert any("Beijing 1954" in p.message and "CGCS2000" in p.message for p in result.warnings)


def test_no_prefix_and_no_zone_is_refused_until_the_zone_is_given():
    (problem,) = errors(refused("land_exchange_no_zone.txt"))
    assert "zone" in problem.message and "带号" in problem.message
    assert read_coordinate_file(DATA / "land_exchange_no_zone.txt", zone=38).crs_epsg == 4547
    assert read_coordinate_file(DATA / "land_exchange_no_zone.txt", crs_epsg=4547).crs_epsg == 4547


def test_caller_crs_overrides_header_with_warning_but_must_fit_the_prefix():
    result = read_coordinate_file(DATA / "land_exchange_gbk_xian80.txt", crs_epsg=4547)
    assert result.crs_epsg == 4547
    assert any("Xi'an 1980" in p.message and "EPSG:4547" in p.message for p in result.warnings)
    # prefixed zone-38 eastings cannot be read in zone 39 or in a CRS without prefix
    for epsg in (4527, 4547):
        (problem,) = errors(refused("land_exchange_utf8_bom_crlf.txt", crs_epsg=epsg))
        assert f"EPSG:{epsg}" in problem.message


def test_area_unit_in_square_metres_is_recognised():
    result = read_coordinate_file(DATA / "land_exchange_area_m2.txt")
    assert [p.declared_area_unit for p in result.licences[0].parcels] == ["m2", "m2"]
    (warning,) = result.warnings
    assert "not in hectares" in warning.message


def test_declared_area_mismatch_is_a_warning_with_both_values():
    result = read_coordinate_file(DATA / "land_exchange_area_mismatch.txt")
    (warning,) = result.warnings
    assert (warning.line, warning.parcel, warning.severity) == (15, "1", "warning")
    assert "21.5 ha" in warning.message
    assert "planar 199329.62 m²" in warning.message and "ellipsoidal 199328.82 m²" in warning.message
    assert "+7.86" in warning.message  # relative difference


def test_swapped_columns_are_swapped_back_with_a_warning():
    result = read_coordinate_file(DATA / "land_exchange_swapped.txt")
    (warning,) = result.warnings
    assert "swapped" in warning.message and warning.line == 16
    corner = result.licences[0].parcels[0].corners[0]
    assert (corner.x, corner.y) == (3853200.00, 38512300.00)
    assert result.crs_epsg == 4526


# --- format (b): registration txt ---------------------------------------------------------------------


def test_registration_gbk_attributes_parcels_depths_and_excluded_parcel():
    path = DATA / "registration_gbk.txt"
    assert detect_format(path) == "registration"
    result = read_coordinate_file(path)
    assert result.warnings == []  # 矿区面积 0.4750 km² matches the ellipsoidal area
    (licence,) = result.licences
    assert licence.license_no == "C1301002010127120054321"
    assert (licence.holder, licence.mine_name, licence.mineral) == ("某某矿业有限公司", "某某县某某铁矿", "铁矿")
    assert licence.mining_method == "underground"
    assert licence.production_scale == "30万吨/年"
    assert (licence.valid_from, licence.valid_to) == (dt.date(2024, 1, 1), dt.date(2029, 12, 31))
    assert licence.licensed_area_km2 == pytest.approx(0.475)
    assert [(p.parcel_no, len(p.corners), p.excluded) for p in licence.parcels] == [
        ("1", 4, False),
        ("2", 3, False),  # closing corner XY009 repeats corner 1: dropped
        ("3", 4, True),
    ]
    assert all((p.depth_top_m, p.depth_bottom_m) == (1250.0, 800.0) for p in licence.parcels)
    extent = licence_multipolygon(licence)
    # 600 m × 600 m minus the excluded 100 m × 100 m, plus a 125,000 m² triangle
    assert planar_area_m2(extent) == pytest.approx(360_000 - 10_000 + 125_000, abs=1e-6)
    assert round(ellipsoidal_area_m2(extent, result.crs_epsg) / 1e6, 4) == 0.4750


@pytest.mark.parametrize(
    "validity",
    ["2024-01-01至2029-12-31", "2024年1月1日至2029年12月31日", "2024.01.01至2029.12.31", "2024/1/1到2029/12/31"],
)
def test_registration_validity_forms(tmp_path, validity):
    text = (DATA / "registration_gbk.txt").read_bytes().decode("gbk")
    text = text.replace("2024年1月1日至2029年12月31日", validity)
    path = tmp_path / "licence.txt"
    path.write_text(text, encoding="utf-8")
    licence = read_coordinate_file(path).licences[0]
    assert (licence.valid_from, licence.valid_to) == (dt.date(2024, 1, 1), dt.date(2029, 12, 31))


def test_registration_unknown_flag_is_a_warning_naming_file_and_line():
    path = DATA / "registration_unknown_flag.txt"
    result = read_coordinate_file(path)
    (warning,) = result.warnings
    assert (warning.file, warning.line, warning.parcel) == (str(path), 20, "2")
    assert "'2'" in warning.message
    assert not result.licences[0].parcels[1].excluded
    assert result.licences[0].parcels[2].excluded


def test_registration_row_count_counts_corner_and_closing_lines():
    (problem,) = refused("refuse_registration_rows.txt")
    assert problem.line == 10
    assert "14" in problem.message and "15" in problem.message


def test_registration_without_closing_line_is_refused(tmp_path):
    text = (DATA / "registration_unknown_flag.txt").read_text(encoding="utf-8")
    text = text.replace("XY015=*,1250,800,,-1\n", "").replace("总行数=１５", "总行数=14")
    path = tmp_path / "open.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CoordinateFileError) as info:
        read_coordinate_file(path)
    assert any("closing line" in p.message and p.parcel == "3" for p in info.value.problems)


# --- format (c): tables -----------------------------------------------------------------------------------


def test_csv_with_chinese_headers_several_licences():
    path = DATA / "table_chinese_headers.csv"
    assert detect_format(path) == "table"
    result = read_coordinate_file(path)
    assert result.crs_epsg == 4526
    assert [p.message for p in result.warnings] == [
        "the file does not state its coordinate system; CGCS2000 is assumed"
    ]
    first, second = result.licences
    assert (first.license_no, first.mine_name, first.holder) == ("C1301002010127120011111", "甲矿", "甲公司")
    assert [(p.parcel_no, p.depth_top_m, p.depth_bottom_m) for p in first.parcels] == [
        ("1", 1200.0, 900.0),
        ("2", 1100.0, 950.0),
    ]
    assert [c.number for c in second.parcels[0].corners] == [1, 2, 3, 4]  # repeated closing row dropped
    assert second.parcels[0].corners[0].line == 10


def test_csv_with_english_headers_gbk_and_crs_columns():
    result = read_coordinate_file(DATA / "table_english_headers_gbk.csv")
    assert result.crs_epsg == 2383
    (licence,) = result.licences
    assert (licence.mine_name, licence.holder) == ("丙矿", "丙公司")


def test_xlsx_with_title_row_and_numeric_cells(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某县采矿权拐点坐标表"])
    sheet.append(["许可证号", "矿山名称", "开采方式", "有效期起", "有效期止", "地块", "拐点号", "X坐标(m)", "Y坐标(m)"])
    corners = [(3853200.00, 38512300.00), (3853210.55, 38512800.25), (3852805.30, 38512790.10), (3852800.0, 38512300.0)]
    for number, (x, y) in enumerate(corners, 1):
        sheet.append(["C99", "丁矿", "露天", dt.datetime(2023, 5, 1), dt.datetime(2028, 4, 30), 1, number, x, y])
    path = tmp_path / "corners.xlsx"
    workbook.save(path)

    assert detect_format(path) == "table"
    result = read_coordinate_file(path)
    (licence,) = result.licences
    assert licence.license_no == "C99" and licence.mining_method == "open_pit"
    assert (licence.valid_from, licence.valid_to) == (dt.date(2023, 5, 1), dt.date(2028, 4, 30))
    parcel = licence.parcels[0]
    assert [(c.number, c.x, c.y, c.line) for c in parcel.corners][1] == (2, 3853210.55, 38512800.25, 4)
    assert planar_area_m2(parcel_polygon(parcel)) == pytest.approx(199329.615, abs=0.001)


def test_broken_xlsx_is_refused(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    (problem,) = errors(refused_path(path))
    assert "workbook" in problem.message


def refused_path(path: Path, **kwargs) -> list[Problem]:
    with pytest.raises(CoordinateFileError) as info:
        read_coordinate_file(path, **kwargs)
    return info.value.problems


# --- refusals: the ministry's checks ---------------------------------------------------------------------


def test_self_intersection_names_the_crossing_edges_and_place():
    (problem,) = refused("refuse_self_intersection.txt")
    assert (problem.line, problem.parcel, problem.corner) == (19, "1", 4)
    assert "edge 2–3 meets edge 4–1" in problem.message
    assert "X=3853000.00, Y=38512550.00" in problem.message


def test_unclosed_ring_when_the_first_number_repeats_elsewhere():
    (problem,) = refused("refuse_unclosed.txt")
    assert (problem.line, problem.corner) == (20, 1)
    assert "does not close" in problem.message and "X=3853190.00" in problem.message


def test_repeated_consecutive_corner():
    (problem,) = refused("refuse_repeated_corner.txt")
    assert (problem.line, problem.parcel, problem.corner) == (18, "1", 3)
    assert "repeats the coordinates" in problem.message


def test_ring_with_two_distinct_corners():
    (problem,) = refused("refuse_two_corners.txt")
    assert "2 distinct corners" in problem.message and "at least 3" in problem.message


def test_declared_corner_count():
    (problem,) = refused("refuse_corner_count.txt")
    assert (problem.line, problem.parcel) == (15, "1")
    assert "is 7" in problem.message and "4 corner lines" in problem.message


def test_overlapping_parcels_name_both_and_the_overlap_area():
    (problem,) = refused("refuse_overlap.txt")
    assert "parcels 1 and 2" in problem.message and "20000.00 m²" in problem.message


def test_hole_outside_its_outer_ring():
    (problem,) = refused("refuse_hole_outside.txt")
    assert (problem.parcel, problem.corner, problem.line) == ("1", 5, 20)
    assert "not inside the outer ring" in problem.message


def test_unsupported_datum_is_refused_not_taken_for_cgcs2000():
    (problem,) = refused("refuse_wgs84.txt")
    assert "WGS84" in problem.message
    assert read_coordinate_file(DATA / "refuse_wgs84.txt", crs_epsg=4526).crs_epsg == 4526


def test_mixed_zones_in_one_file():
    (problem,) = refused("refuse_mixed_zones.csv")
    assert (problem.line, problem.corner) == (4, 3)
    assert "38" in problem.message and "39" in problem.message


def test_every_problem_of_a_file_is_listed():
    path = DATA / "refuse_several_errors.txt"
    with pytest.raises(CoordinateFileError) as info:
        read_coordinate_file(path)
    problems = info.value.problems
    assert [(p.line, p.parcel, p.corner) for p in problems] == [
        (15, "1", None),
        (19, "1", 4),
        (20, "2", None),
        (23, "2", 2),
    ]
    lines = str(info.value).splitlines()
    assert len(lines) == 4
    assert lines[1].startswith(f"{path}:19: 地块 1: 拐点 4: ring 1 intersects itself")


def test_unknown_format_and_undecodable_bytes(tmp_path):
    with pytest.raises(CoordinateFileError, match="not a recognised coordinate file"):
        detect_format(DATA / "refuse_unknown_format.txt")
    path = tmp_path / "binary.txt"
    path.write_bytes(b"XY001=1,3853200.00,38512300.00\n\x81\x20\xff\xff")  # neither UTF-8 nor GB18030
    (problem,) = refused_path(path)
    assert "GBK" in problem.message


def test_problem_text_format():
    assert str(Problem("a.txt", 12, "bad", "2", 7)) == "a.txt:12: 地块 2: 拐点 7: bad"
    assert str(Problem("a.txt", None, "bad")) == "a.txt: bad"
    assert str(Problem("a.txt", 3, "odd", severity="warning")) == "a.txt:3: warning: odd"


# --- batches ------------------------------------------------------------------------------------------------------


def test_batch_of_a_folder_keeps_the_good_files(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(DATA, folder / "sub")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    batch = read_coordinate_files(folder)
    accepted = sorted(Path(r.path).name for r in batch.results)
    failed = sorted(Path(p).name for p in batch.failures)
    assert accepted == sorted(
        p.name for p in DATA.iterdir() if not p.name.startswith("refuse_") and p.name != "land_exchange_no_zone.txt"
    )
    assert failed == sorted(
        [p.name for p in DATA.iterdir() if p.name.startswith("refuse_")] + ["land_exchange_no_zone.txt"]
    )
    assert len(accepted) == 11 and len(failed) == 13
    no_zone = batch.failures[str(folder / "sub" / "land_exchange_no_zone.txt")]
    assert any("带号" in p.message for p in no_zone)


def test_batch_of_a_list_with_zone_argument():
    files = [DATA / "land_exchange_no_zone.txt", DATA / "refuse_overlap.txt"]
    batch = read_coordinate_files(files, zone=38)
    assert [r.crs_epsg for r in batch.results] == [4547]
    assert list(batch.failures) == [str(DATA / "refuse_overlap.txt")]


# --- geometry and areas ---------------------------------------------------------------------------------------------


def square_parcel(x0: float, y0: float, size: float, excluded=False, parcel_no="1") -> Parcel:
    corners = [(x0, y0), (x0, y0 + size), (x0 - size, y0 + size), (x0 - size, y0)]
    return Parcel(parcel_no, [Corner(i + 1, x, y) for i, (x, y) in enumerate(corners)], excluded=excluded)


def test_parcel_polygon_uses_easting_northing_order():
    polygon = parcel_polygon(square_parcel(3853200.0, 38512300.0, 100.0))
    assert polygon.bounds == (38512300.0, 3853100.0, 38512400.0, 3853200.0)


def test_licence_multipolygon_subtracts_excluded_parcels():
    licence = Licence(
        "L",
        parcels=[
            square_parcel(3853200.0, 38512300.0, 100.0),
            square_parcel(3853180.0, 38512320.0, 10.0, excluded=True, parcel_no="2"),
            square_parcel(3853200.0, 38513300.0, 50.0, parcel_no="3"),
        ],
    )
    extent = licence_multipolygon(licence)
    assert extent.geom_type == "MultiPolygon" and len(extent.geoms) == 2
    assert planar_area_m2(extent) == pytest.approx(10_000 - 100 + 2_500, abs=1e-6)


def test_planar_area_is_exact_with_zone_prefixed_eastings():
    prefixed = Polygon([(38512300.01, 3853200.03), (38512800.27, 3853210.59), (38512790.13, 3852805.31)])
    local = Polygon([(300.01, 200.03), (800.27, 210.59), (790.13, -194.69)])
    assert planar_area_m2(prefixed) == pytest.approx(local.area, abs=1e-4)


def test_ellipsoidal_area_of_a_lat_lon_quadrangle_is_exact():
    # with edges along meridians and parallels the appendix series is the exact zone area
    quadrangle = box(114.0, 34.0, 114.5, 34.5)
    a, f = 6378137.0, 1 / 298.257222101
    e2 = f * (2 - f)
    e = math.sqrt(e2)
    b = a * (1 - f)

    def q(lat):  # the authalic integral b² ∫ cos B / (1 − e² sin² B)² dB
        s = math.sin(math.radians(lat))
        return b * b * (s / (2 * (1 - e2 * s * s)) + math.log((1 + e * s) / (1 - e * s)) / (4 * e))

    exact = math.radians(0.5) * (q(34.5) - q(34.0))
    assert ellipsoidal_area_m2(quadrangle, 4490) == pytest.approx(exact, rel=1e-12)


def test_ellipsoidal_area_agrees_with_geodesic_area():
    polygon = Polygon(
        [(38512345.67, 3853210.12), (38514000.1, 3853300.5), (38513800.3, 3851000.2), (38512000.0, 3851500.0)]
    )
    lon, lat = Transformer.from_crs(4526, 4490, always_xy=True).transform(*np.asarray(polygon.exterior.coords).T)
    geodesic = abs(Geod(a=6378137.0, rf=298.257222101).polygon_area_perimeter(lon, lat)[0])
    # edges differ (straight in L/F(B) vs geodesic) by centimetres: ~1e-5 relative at most
    assert ellipsoidal_area_m2(polygon, 4526) == pytest.approx(geodesic, rel=2e-5)


def test_ellipsoidal_area_removes_the_gauss_kruger_scale_distortion():
    # 150 km east of the central meridian the plane enlarges areas by about m² = (1 + y²/2R²)²
    square = box(38650000.0, 3400000.0, 38651000.0, 3401000.0)
    ellipsoidal = ellipsoidal_area_m2(square, 4526)
    expected = 1e6 / (1 + 150_000.0**2 / (2 * 6_371_000.0**2)) ** 2
    assert ellipsoidal == pytest.approx(expected, rel=2e-5)
    assert ellipsoidal < planar_area_m2(square) - 500


def test_area_summary_units():
    parcel = square_parcel(3853200.0, 38512300.0, 1000.0)
    summary = area_summary(parcel_polygon(parcel), 4526)
    assert summary["planar_m2"] == 1_000_000.0
    assert summary["planar_mu"] == pytest.approx(1_000_000.0 * MU_PER_M2) == 1500.0
    assert summary["planar_km2"] == 1.0
    assert summary["ellipsoidal_km2"] == 1.0 and summary["ellipsoidal_m2"] < 1_000_000.0
    assert MU_PER_M2 == 3 / 2000


# --- more refusals and variants, built from the fixtures -----------------------------------------------------------


def land_variant(tmp_path: Path, old: str, new: str, name: str = "variant.txt") -> Path:
    text = (DATA / "land_exchange_utf8_bom_crlf.txt").read_text(encoding="utf-8-sig")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_one_swapped_line_among_normal_ones_is_an_error(tmp_path):
    path = land_variant(tmp_path, "J3,1,3852805.30,38512790.10", "J3,1,38512790.10,3852805.30")
    (problem,) = refused_path(path)
    assert (problem.line, problem.parcel, problem.corner) == (18, "1", 3)
    assert "swapped" in problem.message


def test_implausible_coordinate_is_an_error(tmp_path):
    path = land_variant(tmp_path, "J3,1,3852805.30,38512790.10", "J3,1,385280.53,38512790.10")
    (problem,) = refused_path(path)
    assert (problem.line, problem.corner) == (18, 3)
    assert "X=385280.53" in problem.message


def test_duplicate_parcel_numbers_are_refused(tmp_path):
    path = land_variant(tmp_path, "8,28.0000,2,二号地块", "8,28.0000,1,二号地块")
    (problem,) = refused_path(path)
    assert (problem.line, problem.parcel) == (21, "1") and "used twice" in problem.message


def test_table_without_x_column_is_refused(tmp_path):
    path = tmp_path / "no_x.csv"
    path.write_text("许可证号,点号,Y\nC1,1,38512300\n", encoding="utf-8")
    (problem,) = refused_path(path)
    assert "X and Y columns" in problem.message


def test_utf16_tab_separated_table(tmp_path):
    text = (DATA / "table_chinese_headers.csv").read_text(encoding="utf-8-sig").replace(",", "\t")
    path = tmp_path / "unicode.txt"  # Excel's 'Unicode text': UTF-16 with BOM, tabs
    path.write_text(text, encoding="utf-16")
    assert detect_format(path) == "table"
    result = read_coordinate_file(path)
    assert [lic.license_no for lic in result.licences] == ["C1301002010127120011111", "C1301002010127120022222"]


def test_excluded_parcel_outside_the_licence_is_a_warning(tmp_path):
    text = (DATA / "registration_gbk.txt").read_bytes().decode("gbk")
    for old, new in (
        ("3853900.00,38514100", "3853900.00,38517100"),
        ("3853900.00,38514200", "3853900.00,38517200"),
        ("3853800.00,38514200", "3853800.00,38517200"),
        ("3853800.00,38514100", "3853800.00,38517100"),
    ):
        text = text.replace(old, new)
    text = text.replace("矿区面积=0.4750", "矿区面积=0.4850")  # nothing is cut out any more
    path = tmp_path / "outside.txt"
    path.write_text(text, encoding="gbk")
    result = read_coordinate_file(path)
    (warning,) = result.warnings
    assert (warning.parcel, warning.line) == ("3", 21) and "not inside" in warning.message


def test_caller_xian80_crs_still_warns_about_transformation():
    result = read_coordinate_file(DATA / "land_exchange_gbk_xian80.txt", crs_epsg=2383)
    assert result.crs_epsg == 2383
    assert [p.message for p in result.warnings if "CGCS2000" in p.message] == [
        "coordinates are in Xi'an 1980 (EPSG:2383): they must be transformed to CGCS2000"
    ]


def test_geometry_errors_are_listed_even_when_the_crs_is_refused(tmp_path):
    text = (DATA / "refuse_self_intersection.txt").read_text(encoding="utf-8")
    path = tmp_path / "both.txt"
    path.write_text(text.replace("2000国家大地坐标系", "独立坐标系"), encoding="utf-8")
    messages = [p.message for p in refused_path(path)]
    assert any("独立坐标系" in m for m in messages) and any("intersects itself" in m for m in messages)


def test_ellipsoidal_area_refuses_coordinates_outside_the_crs():
    with pytest.raises(ValueError, match="inverse-projected"):
        ellipsoidal_area_m2(box(38512300.0, 3853100.0, 38512400.0, 3853200.0), 4547)  # prefixed eastings, CRS without


# --- areas with units, invalid areas, CRS that cannot fit, duplicates, encodings, decimal commas --------------


def test_parcel_areas_written_with_their_unit_are_read_and_checked():
    # six 180 m × 100 m parcels: 1.8000公顷, 18000平方米, 27亩, 0.0180 km², 18000m², 0.018平方公里
    result = read_coordinate_file(DATA / "land_exchange_area_units.txt")
    assert result.warnings == []
    parcels = result.licences[0].parcels
    assert [p.declared_area_unit for p in parcels] == ["ha", "m2", "mu", "km2", "m2", "km2"]
    assert [p.declared_area for p in parcels][:3] == [1.8, 18000.0, 27.0]


@pytest.mark.parametrize("written, unit", [("2.8000公顷", "ha (公顷)"), ("28亩", "mu (亩)"), ("18500平方米", "m²")])
def test_a_wrong_area_with_its_unit_is_checked_like_any_declared_area(tmp_path, written, unit):
    text = (DATA / "land_exchange_area_units.txt").read_text(encoding="utf-8")
    path = tmp_path / "wrong.txt"
    path.write_text(text.replace("4,1.8000公顷,1,", f"4,{written},1,"), encoding="utf-8")
    (warning,) = read_coordinate_file(path).warnings
    assert (warning.line, warning.parcel) == (15, "1")
    assert unit in warning.message and "differs" in warning.message


def test_unknown_area_unit_is_named_not_guessed(tmp_path):
    text = (DATA / "land_exchange_area_units.txt").read_text(encoding="utf-8")
    path = tmp_path / "unit.txt"
    path.write_text(text.replace("4,27亩,3,", "4,27平米,3,"), encoding="utf-8")
    result = read_coordinate_file(path)
    (warning,) = result.warnings
    assert (warning.line, warning.parcel) == (25, "3") and "unknown area unit '平米'" in warning.message
    assert result.licences[0].parcels[2].declared_area is None


@pytest.mark.parametrize("value", ["inf", "1e400", "nan", "-5", "1e308", "0", "-inf", "∞"])
def test_invalid_declared_parcel_area_is_named_and_left_empty(tmp_path, value):
    path = land_variant(tmp_path, "8,28.0000,2", f"8,{value},2")
    result = read_coordinate_file(path)
    (warning,) = result.warnings
    assert (warning.file, warning.line, warning.parcel) == (str(path), 21, "2")
    assert "parcel area (地块面积) is invalid" in warning.message and "left empty" in warning.message
    assert "differs" not in warning.message
    assert result.licences[0].parcels[1].declared_area is None
    assert len(str(warning)) < 300 and "0000000000" not in str(warning)


@pytest.mark.parametrize("value", ["inf", "1e400", "nan", "-5", "1e308", "1e308平方米", "-0.4750"])
def test_invalid_licensed_area_is_named_and_not_a_number_to_store(tmp_path, value):
    text = (DATA / "registration_gbk.txt").read_bytes().decode("gbk").replace("矿区面积=0.4750", f"矿区面积={value}")
    path = tmp_path / "licence.txt"
    path.write_text(text, encoding="gbk")
    result = read_coordinate_file(path)
    (warning,) = result.warnings
    assert (warning.file, warning.line) == (str(path), 7)
    assert "licensed area (矿区面积)" in warning.message and "C1301002010127120054321" in warning.message
    assert "invalid" in warning.message and value[:5] in warning.message
    assert result.licences[0].licensed_area_km2 is None
    assert len(str(warning)) < 300 and "0000000000" not in str(warning)


def test_licensed_area_with_a_unit_in_a_table_names_its_row(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "许可证号,矿区面积,点号,X,Y\n"
        "C1,1e400,1,3853200.00,38512300.00\nC1,,2,3853210.55,38512800.25\nC1,,3,3852805.30,38512790.10\n",
        encoding="utf-8",
    )
    result = read_coordinate_file(path)
    invalid = [w for w in result.warnings if "矿区面积" in w.message]
    assert [w.line for w in invalid] == [2] and result.licences[0].licensed_area_km2 is None


def test_huge_finite_area_is_not_printed_with_hundreds_of_digits(tmp_path):
    path = land_variant(tmp_path, "5,19.9330,1", "5,1e308平方米,1")
    (warning,) = read_coordinate_file(path).warnings
    assert "larger than all of China" in warning.message and len(warning.message) < 200


def test_geographic_crs_for_gauss_kruger_metres_is_refused_with_the_right_crs():
    (problem,) = errors(refused("land_exchange_utf8_bom_crlf.txt", crs_epsg=4490))
    assert "EPSG:4490" in problem.message and "geographic" in problem.message and "degrees" in problem.message
    assert "EPSG:4526" in problem.message  # the CRS the eastings' zone prefix points to


def test_a_projected_crs_elsewhere_on_earth_is_refused(tmp_path):
    path = land_variant(tmp_path, "带号=38", "带号=38")
    text = path.read_text(encoding="utf-8").replace(",38512", ",512").replace(",38513", ",513")
    path.write_text(text, encoding="utf-8")
    assert read_coordinate_file(path, crs_epsg=32650).crs_epsg == 32650  # UTM 50N: inside China, accepted
    (problem,) = errors(refused_path(path, crs_epsg=32638))  # UTM 38N: Iraq
    assert "EPSG:32638" in problem.message and "outside China" in problem.message and problem.line == 16
    assert "9.9e" not in problem.message


def lon_lat_file(tmp_path: Path, header: str = "EPSG:4526") -> Path:
    text = (DATA / "land_exchange_utf8_bom_crlf.txt").read_text(encoding="utf-8-sig").split("8,28.0000")[0]
    for old, new in (
        ("3853200.00,38512300.00", "34.800000,114.300000"),
        ("3853210.55,38512800.25", "34.800100,114.305500"),
        ("3852805.30,38512790.10", "34.796400,114.305400"),
        ("3852800.00,38512300.00", "34.796400,114.300000"),
    ):
        text = text.replace(old, new)
    path = tmp_path / "lonlat.txt"
    path.write_text(text.replace("2000国家大地坐标系", header), encoding="utf-8")
    return path


@pytest.mark.parametrize("header, crs", [("EPSG:4526", None), ("2000国家大地坐标系", 4526)])
def test_longitudes_and_latitudes_are_refused_in_the_users_words(tmp_path, header, crs):
    path = lon_lat_file(tmp_path, header)
    (problem,) = refused_path(path, crs_epsg=crs)
    assert (problem.line, problem.parcel) == (16, "1")
    assert "longitudes and latitudes in degrees" in problem.message and "EPSG:4526" in problem.message
    assert "inf" not in problem.message


def test_a_file_may_state_its_crs_as_an_epsg_code(tmp_path):
    path = land_variant(tmp_path, "2000国家大地坐标系", "EPSG:4526")
    assert read_coordinate_file(path).crs_epsg == 4526
    (problem,) = errors(refused_path(land_variant(tmp_path, "2000国家大地坐标系", "EPSG:4527", "z39.txt")))
    assert "EPSG:4527" in problem.message


def test_duplicate_licences_in_one_import():
    from mine_supervision_plugin.formats.coordinates import drop_duplicate_licences

    a = read_coordinate_file(DATA / "land_exchange_utf8_bom_crlf.txt")
    same = read_coordinate_file(DATA / "land_exchange_utf8_bom_crlf.txt")
    same.path = "copy.txt"
    errs, notes = drop_duplicate_licences([a, same])
    assert errs == [] and len(a.licences) == 1 and same.licences == []
    (note,) = notes
    assert note.file == "copy.txt" and "identical" in note.message and "imported once" in note.message

    a = read_coordinate_file(DATA / "land_exchange_utf8_bom_crlf.txt")
    moved = read_coordinate_file(DATA / "land_exchange_utf8_bom_crlf.txt")
    moved.path = "moved.txt"
    moved.licences[0].parcels[0].corners[1].x += 10
    other = read_coordinate_file(DATA / "registration_gbk.txt")
    errs, notes = drop_duplicate_licences([a, moved, other])
    assert notes == [] and a.licences == [] and moved.licences == [] and len(other.licences) == 1
    assert [p.file for p in errs] == [a.path, "moved.txt"]
    assert all("land_exchange_utf8_bom_crlf.txt" in p.message and "moved.txt" in p.message for p in errs)
    assert all("boundary" in p.message and "not imported" in p.message for p in errs)


def test_gbk_file_with_a_utf8_byte_order_mark_is_read_as_gbk_with_a_warning(tmp_path):
    path = tmp_path / "bom_gbk.txt"
    path.write_bytes(b"\xef\xbb\xbf" + (DATA / "registration_gbk.txt").read_bytes())
    result = read_coordinate_file(path)
    assert result.licences[0].mine_name == "某某县某某铁矿"
    (warning,) = result.warnings
    assert warning.line == 1 and "byte-order mark" in warning.message and "GBK" in warning.message


def test_utf8_bom_file_with_one_gbk_line_is_refused_naming_the_line(tmp_path):
    text = (DATA / "registration_gbk.txt").read_bytes().decode("gbk")
    lines = text.splitlines(keepends=True)
    data = b"\xef\xbb\xbf" + "".join(lines[:2]).encode("utf-8") + lines[2].encode("gbk").replace(b"C13", "某".encode("gbk"))
    path = tmp_path / "mixed.txt"
    path.write_bytes(data + "".join(lines[3:]).encode("utf-8"))
    (problem,) = refused_path(path)
    assert problem.line == 3 and "mixes encodings" in problem.message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(tmp_path, codec):
    path = tmp_path / "u16.txt"
    path.write_bytes((DATA / "registration_gbk.txt").read_bytes().decode("gbk").encode(codec))
    result = read_coordinate_file(path)
    assert result.licences[0].holder == "某某矿业有限公司" and result.warnings == []


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"XY001=1,3853200.00,38512300.00\n\x81\x20\xff\xff")
    (problem,) = refused_path(path)
    assert problem.line == 2 and "neither UTF-8 nor GBK" in problem.message


def test_decimal_comma_in_a_registration_file_is_named(tmp_path):
    text = (DATA / "registration_gbk.txt").read_bytes().decode("gbk")
    path = tmp_path / "comma.txt"
    # the first corner of parcel 1: once read as a closing line without corners
    path.write_text(text.replace("XY001=1,3854000.00,38514000.00", "XY001=1,3854000,00,38514000,00"), encoding="gbk")
    (problem,) = refused_path(path)
    assert (problem.line, problem.corner) == (11, 1)
    assert "decimal comma in '3854000,00'" in problem.message and "3854000.00" in problem.message
    assert "closing line" not in str(problem)


def test_decimal_comma_in_a_land_exchange_file_and_a_table(tmp_path):
    path = land_variant(tmp_path, "J2,1,3853210.55,38512800.25", "J2,1,3853210,55,38512800,25")
    (problem,) = refused_path(path)
    assert (problem.line, problem.parcel, problem.corner) == (17, "1", 2) and "decimal comma" in problem.message
    table = tmp_path / "t.csv"
    table.write_text(
        "许可证号;点号;X;Y\nC1;1;3853200.00;38512300.00\nC1;2;3853210,55;38512800.25\nC1;3;3852805.30;38512790.10\n",
        encoding="utf-8",
    )
    (problem,) = errors(refused_path(table))
    assert (problem.line, problem.corner) == (3, 2) and "decimal comma in '3853210,55'" in problem.message


def test_the_package_re_exports_every_public_name_and_its_checks_hold_no_io():
    import ast
    import importlib

    from mine_supervision_plugin.formats import coordinates

    for name in coordinates.__all__:
        assert getattr(coordinates, name) is not None
    assert coordinates.read_coordinate_file.__module__ == "mine_supervision_plugin.formats.coordinates.reader"
    checks = importlib.import_module("mine_supervision_plugin.domain.licence_checks")
    tree = ast.parse(Path(checks.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not any(m.startswith(("formats", "store", "gui", "processing", "qgis", "osgeo")) for m in imported), imported
    assert "open" not in {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
