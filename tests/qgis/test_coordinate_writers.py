"""Coordinate writers: the formats as written, and import → export → import giving identical coordinates."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely

from mine_supervision_plugin.domain.licence import Corner, Licence, Parcel
from mine_supervision_plugin.domain.licence_geometry import licence_multipolygon
from mine_supervision_plugin.formats.coordinate_writers import (
    CoordinateWriteError,
    format_coordinate,
    write_corner_table_csv,
    write_land_exchange_txt,
    write_registration_txt,
)
from mine_supervision_plugin.formats.coordinates import read_coordinate_file
from mine_supervision_plugin.store.database import create_database, open_database
from mine_supervision_plugin.store.rights import read_licence, upsert_licences

# --- source files as counties receive them --------------------------------------------------

# Registration txt, GBK, CRLF: two parcels, the second cut out of the first
# (flag -1), 3-decimal coordinates on some corners, an irregular 7-corner parcel.
REGISTRATION = """采矿权人=示范县青山矿业有限公司
矿山名称=示范县青山建筑石料用灰岩矿
许可证号=C4107002020127130150001
开采矿种=建筑石料用灰岩
开采方式=露天开采
生产规模=30.00万吨/年
矿区面积=0.1523
有效期限=2021-03-15至2031-03-15
坐标系统=CGCS2000
矿区范围拐点坐标总数应小于1000个
矿区范围拐点坐标与标高的总行数=  12
XY001=1,3851234.56,38512345.67
XY002=2,3851301.125,38512688.20
XY003=3,3851102.90,38512901.44
XY004=4,3850820.07,38512850.31
XY005=5,3850755.55,38512521.78
XY006=6,3850900.00,38512400.00
XY007=7,3851050.33,38512299.981
XY008=标高,+350,+120,,1
XY009=1,3851050.00,38512600.00
XY010=2,3851050.00,38512700.00
XY011=3,3850950.00,38512650.00
XY012=标高,+350,+120,,-1
"""

# Land exchange txt, UTF-8 with BOM, LF, closing corner repeated, 带号 header
# with unprefixed eastings (EPSG:4547), a parcel with a hole.
LAND_EXCHANGE = """[属性描述]
格式版本号=1.01版本
数据产生单位=示范县自然资源局
数据产生日期=2024-05-06
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.001
转换参数=,,,,,,
许可证号=C4107002020127130150002
矿山名称=示范县西岭砂石矿
[地块坐标]
9,5.8775,1,西岭一区,面,,采矿用地,,@
J1,1,3849000.000,512000.000
J2,1,3849000.000,512300.500
J3,1,3848800.250,512300.500
J4,1,3848800.250,512000.000
J1,1,3849000.000,512000.000
J5,2,3848950.000,512100.000
J6,2,3848950.000,512150.000
J7,2,3848900.000,512125.000
J5,2,3848950.000,512100.000
5,1.4,2,西岭二区,面,,采矿用地,,@
J1,1,3848700.00,512400.00
J2,1,3848700.00,512540.00
J3,1,3848600.00,512540.00
J4,1,3848600.00,512400.00
J1,1,3848700.00,512400.00
"""

# CSV corner table with Chinese headers: two licences, elevations, an excluded parcel.
TABLE = """许可证号,地块编号,点号,X坐标,Y坐标,标高上限,标高下限,扣除,矿山名称,采矿权人,开采方式,有效期限
C4107002020127130150003,1,1,3846000.12,38515000.34,200,-150,,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,1,2,3846000.12,38515800.34,200,-150,,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,1,3,3845400.56,38515800.34,200,-150,,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,1,4,3845400.56,38515000.34,200,-150,,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,2,1,3845800.00,38515200.00,200,-150,是,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,2,2,3845800.00,38515300.00,200,-150,是,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150003,2,3,3845700.00,38515250.00,200,-150,是,示范县东沟煤矿,示范县东沟煤业有限公司,地下开采,2022-01-01至2027-01-01
C4107002020127130150004,1,1,3844000.00,38516000.00,,,,示范县南山铁矿,示范县南山矿业有限公司,露天,2023-06-01至2026-05-31
C4107002020127130150004,1,2,3844000.00,38516250.55,,,,示范县南山铁矿,示范县南山矿业有限公司,露天,2023-06-01至2026-05-31
C4107002020127130150004,1,3,3843750.45,38516250.55,,,,示范县南山铁矿,示范县南山矿业有限公司,露天,2023-06-01至2026-05-31
"""


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "registration.txt").write_bytes(REGISTRATION.replace("\n", "\r\n").encode("gbk"))
    (folder / "land.txt").write_bytes(LAND_EXCHANGE.encode("utf-8-sig"))
    (folder / "table.csv").write_bytes(TABLE.encode("gbk"))
    return folder


WRITERS = {
    "registration": lambda licences, path: write_registration_txt(licences[0], path),
    "land_exchange": lambda licences, path: write_land_exchange_txt(licences[0], path),
    "csv": lambda licences, path: write_corner_table_csv(licences, path),
}
SUFFIX = {"registration": ".txt", "land_exchange": ".txt", "csv": ".csv"}


def structure(licence: Licence) -> list[tuple]:
    """Everything a same-format round trip must keep: parcels, flags, depths, rings, numbered corners."""
    return [
        (p.parcel_no, p.excluded, p.depth_top_m, p.depth_bottom_m, [(c.ring, c.number, c.x, c.y) for c in p.corners])
        for p in licence.parcels
    ]


def corner_set(licence: Licence) -> list[tuple]:
    """Numbered corners regardless of how a format groups them (holes vs excluded parcels)."""
    return sorted((c.number, c.x, c.y) for p in licence.parcels for c in p.corners)


def same_extent(a: Licence, b: Licence) -> bool:
    return shapely.symmetric_difference(licence_multipolygon(a), licence_multipolygon(b)).area < 1e-6


def read(path) -> list[Licence]:
    result = read_coordinate_file(path)
    return result.licences


# --- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["registration.txt", "land.txt", "table.csv"])
@pytest.mark.parametrize("target", ["registration", "land_exchange", "csv"])
def test_import_export_import_gives_identical_coordinates(sources, tmp_path, source, target):
    first = read(sources / source)
    second = []
    for licence in first:
        out = tmp_path / f"{licence.license_no}-{target}{SUFFIX[target]}"
        WRITERS[target]([licence], out)
        (back,) = read(out)
        second.append(back)
    for a, b in zip(first, second):
        assert b.license_no == a.license_no
        assert b.crs_epsg == a.crs_epsg
        assert corner_set(b) == corner_set(a)  # exact float equality: no rounding on the way
        assert same_extent(a, b)
        same_format = {"registration.txt": "registration", "land.txt": "land_exchange", "table.csv": "csv"}[source]
        if target == same_format:
            assert structure(b) == structure(a)


@pytest.mark.parametrize("source", ["registration.txt", "land.txt", "table.csv"])
@pytest.mark.parametrize("target", ["registration", "land_exchange", "csv"])
def test_round_trip_through_the_store(sources, tmp_path, source, target, store_location):
    """What the plugin does: import into the database (GeoPackage or PostGIS), export from it, import the export."""
    store = open_database(create_database(store_location, 4526))
    first = read(sources / source)
    upsert_licences(store, first)
    for licence in first:
        stored = read_licence(store, licence.license_no)
        assert structure(stored) == structure(licence)
        out = tmp_path / f"export{SUFFIX[target]}"
        WRITERS[target]([stored], out)
        (back,) = read(out)
        assert back.crs_epsg == licence.crs_epsg
        assert corner_set(back) == corner_set(licence)
        assert same_extent(back, licence)
    # Re-importing the export changes nothing in the store.
    if target == {"registration.txt": "registration", "land.txt": "land_exchange", "table.csv": "csv"}[source]:
        again = []
        for licence in first:
            out = tmp_path / f"again-{licence.license_no}{SUFFIX[target]}"
            WRITERS[target]([read_licence(store, licence.license_no)], out)
            again.extend(read(out))
        report = upsert_licences(store, again)
        assert sorted(report.unchanged) == sorted(lic.license_no for lic in first)


def test_registration_keeps_attributes(sources, tmp_path):
    (licence,) = read(sources / "registration.txt")
    write_registration_txt(licence, tmp_path / "out.txt")
    (back,) = read(tmp_path / "out.txt")
    for name in ("mine_name", "holder", "mineral", "mining_method", "production_scale", "licensed_area_km2",
                 "valid_from", "valid_to"):
        assert getattr(back, name) == getattr(licence, name), name
    assert back.mining_method == "open_pit"
    assert (back.valid_from, back.valid_to) == (dt.date(2021, 3, 15), dt.date(2031, 3, 15))


def test_csv_keeps_attributes_of_every_licence(sources, tmp_path):
    licences = read(sources / "table.csv")
    write_corner_table_csv(licences, tmp_path / "out.csv")
    back = read(tmp_path / "out.csv")
    assert [(b.license_no, b.mine_name, b.holder, b.mining_method, b.valid_to) for b in back] == [
        (a.license_no, a.mine_name, a.holder, a.mining_method, a.valid_to) for a in licences
    ]
    assert [structure(b) for b in back] == [structure(a) for a in licences]


# --- the formats as written -----------------------------------------------------------------------


def simple_licence(**changes) -> Licence:
    corners = [Corner(1, 3851234.56, 38512345.67), Corner(2, 3851234.56, 38512545.67),
               Corner(3, 3851034.56, 38512545.67), Corner(4, 3851034.56, 38512345.67)]
    cut = [Corner(1, 3851200.0, 38512400.0), Corner(2, 3851200.0, 38512450.0), Corner(3, 3851150.0, 38512425.0)]
    values = dict(
        license_no="C4107002020127130150009",
        mine_name="示范县北坡石英砂矿",
        holder="示范县北坡矿业有限公司",
        mineral="玻璃用石英砂",
        mining_method="combined",
        licensed_area_km2=0.0388,
        valid_from=dt.date(2020, 1, 1),
        valid_to=dt.date(2025, 1, 1),
        crs_epsg=4526,
        parcels=[Parcel("1", corners, 420.0, 300.5), Parcel("2", cut, 420.0, 300.5, excluded=True)],
    )
    values.update(changes)
    return Licence(**values)


def test_format_coordinate_keeps_what_the_value_carries():
    assert format_coordinate(3851234.5) == "3851234.50"
    assert format_coordinate(38512345.678) == "38512345.678"
    assert format_coordinate(512000.0) == "512000.00"
    assert float(format_coordinate(0.1 + 0.2)) == 0.1 + 0.2
    assert format_coordinate(3849900.125) == "3849900.125" and format_coordinate(None) == ""


def test_one_format_coordinate_for_files_and_docks():
    from mine_supervision_plugin.domain.units import format_coordinate as core
    from mine_supervision_plugin.gui.rights_dock import format_coordinate as dock

    assert format_coordinate is core is dock


def test_registration_txt_as_written(tmp_path):
    path = tmp_path / "r.txt"
    write_registration_txt(simple_licence(), path)
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.decode("gbk").splitlines()
    assert "开采方式=露天+地下" in lines
    assert "有效期限=2020-01-01至2025-01-01" in lines
    assert "坐标系统=CGCS2000" in lines
    assert "矿区面积=0.0388" in lines
    start = lines.index("矿区范围拐点坐标与标高的总行数=9")
    assert lines[start + 1 :] == [
        "XY001=1,3851234.56,38512345.67",
        "XY002=2,3851234.56,38512545.67",
        "XY003=3,3851034.56,38512545.67",
        "XY004=4,3851034.56,38512345.67",
        "XY005=标高,420,300.50,,1",
        "XY006=1,3851200.00,38512400.00",
        "XY007=2,3851200.00,38512450.00",
        "XY008=3,3851150.00,38512425.00",
        "XY009=标高,420,300.50,,-1",
    ]


def test_land_exchange_txt_as_written(tmp_path):
    path = tmp_path / "l.txt"
    write_land_exchange_txt(simple_licence(), path)
    lines = path.read_bytes().decode("gbk").splitlines()
    assert lines[:12] == [
        "[属性描述]", "格式版本号=1.0", "数据产生单位=", "数据产生日期=", "坐标系=2000国家大地坐标系", "几度分带=3",
        "投影类型=高斯克吕格", "计量单位=米", "带号=38", "精度=0.01", "转换参数=,,,,,,",
        "许可证号=C4107002020127130150009",
    ]
    start = lines.index("[地块坐标]")
    # One parcel; the excluded one is its hole (圈号 2); every ring closed by its first corner.
    area_ha = (200 * 200 - 50 * 50 / 2) / 10_000
    assert lines[start + 1 :] == [
        f"9,{area_ha:.4f},1,示范县北坡石英砂矿,面,,采矿用地,,@",
        "J1,1,3851234.56,38512345.67",
        "J2,1,3851234.56,38512545.67",
        "J3,1,3851034.56,38512545.67",
        "J4,1,3851034.56,38512345.67",
        "J1,1,3851234.56,38512345.67",
        "J1,2,3851200.00,38512400.00",
        "J2,2,3851200.00,38512450.00",
        "J3,2,3851150.00,38512425.00",
        "J1,2,3851200.00,38512400.00",
    ]
    (back,) = read(path)
    assert back.parcels[0].declared_area_unit == "ha"
    assert same_extent(back, simple_licence())


def test_unprefixed_eastings_carry_their_zone_in_the_header(tmp_path):
    licence = simple_licence()
    for parcel in licence.parcels:
        for corner in parcel.corners:
            corner.y -= 38_000_000
    licence.crs_epsg = 4547
    write_registration_txt(licence, tmp_path / "r.txt")
    assert "带号=38" in (tmp_path / "r.txt").read_text(encoding="gbk").splitlines()
    for writer, name in ((write_registration_txt, "r.txt"), (write_land_exchange_txt, "l.txt")):
        writer(licence, tmp_path / name)
        (back,) = read(tmp_path / name)
        assert back.crs_epsg == 4547
        assert corner_set(back) == corner_set(licence)


def test_xian_1980_is_written_as_xian_1980(tmp_path):
    licence = simple_licence(crs_epsg=2362)  # Xi'an 1980 3-degree zone 38, prefixed
    write_land_exchange_txt(licence, tmp_path / "l.txt")
    assert "坐标系=80西安坐标系" in (tmp_path / "l.txt").read_text(encoding="gbk")
    write_registration_txt(licence, tmp_path / "r.txt")
    result = read_coordinate_file(tmp_path / "r.txt")
    assert result.crs_epsg == 2362
    assert any("CGCS2000" in str(w) for w in result.warnings)


def test_utf8_on_request_and_gbk_refusal_worded(tmp_path):
    licence = simple_licence(holder="示范县𬌗矿业有限公司")  # a character outside GBK
    with pytest.raises(CoordinateWriteError, match="𬌗"):
        write_registration_txt(licence, tmp_path / "r.txt")
    assert not (tmp_path / "r.txt").exists()
    write_registration_txt(licence, tmp_path / "r.txt", encoding="utf-8")
    assert read(tmp_path / "r.txt")[0].holder == "示范县𬌗矿业有限公司"


def test_commas_in_names_do_not_break_the_parcel_line(tmp_path):
    licence = simple_licence(mine_name="示范县北坡,石英砂矿")
    write_land_exchange_txt(licence, tmp_path / "l.txt")
    (back,) = read(tmp_path / "l.txt")
    assert corner_set(back) == corner_set(licence)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"crs_epsg": None}, "no coordinate reference system"),
        ({"crs_epsg": 4490}, "not a Gauss"),
        ({"parcels": []}, "no parcels"),
        ({"parcels": [Parcel("1", [Corner(1, 3851234.56, 38512345.67), Corner(2, 3851234.56, 38512545.67)])]}, "fewer than 3"),
    ],
)
def test_unwritable_licences_are_refused(tmp_path, changes, message):
    licence = simple_licence(**changes)
    for writer in (write_registration_txt, write_land_exchange_txt):
        with pytest.raises(CoordinateWriteError, match=message):
            writer(licence, tmp_path / "out.txt")
    with pytest.raises(CoordinateWriteError, match=message):
        write_corner_table_csv([licence], tmp_path / "out.csv")


def test_land_exchange_refuses_an_excluded_parcel_outside_every_parcel(tmp_path):
    licence = simple_licence()
    for corner in licence.parcels[1].corners:
        corner.y += 1000.0
    with pytest.raises(CoordinateWriteError, match="registration format"):
        write_land_exchange_txt(licence, tmp_path / "l.txt")
    write_registration_txt(licence, tmp_path / "r.txt")  # which can express it


def test_one_csv_table_holds_one_crs(tmp_path):
    other = simple_licence(license_no="C2", crs_epsg=4527)
    with pytest.raises(CoordinateWriteError, match="EPSG:4526, EPSG:4527"):
        write_corner_table_csv([simple_licence(), other], tmp_path / "t.csv")


def test_registration_refuses_an_excluded_parcel_with_holes(tmp_path):
    licence = simple_licence()
    cut = licence.parcels[1]
    cut.corners = [Corner(1, 3851220.0, 38512360.0), Corner(2, 3851220.0, 38512500.0), Corner(3, 3851100.0, 38512430.0),
                   Corner(4, 3851200.0, 38512420.0, ring=2), Corner(5, 3851200.0, 38512440.0, ring=2),
                   Corner(6, 3851180.0, 38512430.0, ring=2)]
    with pytest.raises(CoordinateWriteError, match="has holes"):
        write_registration_txt(licence, tmp_path / "r.txt")
