"""domain/crs.py: every entry of China's Gauss–Krüger zone tables checked once against PROJ and GDAL,
and the zone arithmetic (zone of a longitude, of a prefixed easting, analysis CRS)."""

from __future__ import annotations

import pytest
from osgeo import osr
from pyproj import CRS
from shapely.geometry import box

from mine_supervision_plugin.domain.crs import (
    CGCS2000_DATUM,
    DATUMS,
    EPSG_INFO,
    EPSG_OFFSETS,
    OSR_DATUM_NAMES,
    ZONES,
    CrsError,
    analysis_crs,
    candidate_epsgs,
    central_meridian,
    crs_datum,
    crs_info,
    easting_zone,
    epsg_for,
    gk_epsg,
    prefix_width,
    reproject_geometry,
    zone_of_longitude,
    zone_of_meridian,
)

PROJ_DATUM_NAMES = {"cgcs2000": "China 2000", "xian80": "Xian 1980", "beijing54": "Beijing 1954"}
PROJ_CRS_NAMES = {"cgcs2000": "CGCS2000", "xian80": "Xian 1980", "beijing54": "Beijing 1954"}


def test_the_table_has_twelve_families_of_zones():
    assert len(EPSG_OFFSETS) == 12
    assert {d for d, _, _ in EPSG_OFFSETS} == set(DATUMS)
    assert len(EPSG_INFO) == len(DATUMS) * 2 * (len(ZONES[3]) + len(ZONES[6]))


@pytest.mark.parametrize("epsg", sorted(EPSG_INFO))
def test_every_table_entry_matches_proj(epsg):
    datum, width, prefixed, zone = crs_info(epsg)
    assert epsg_for(datum, width, zone, prefixed) == epsg
    crs = CRS.from_epsg(epsg)
    assert crs.is_projected
    assert PROJ_CRS_NAMES[datum] in crs.name and "Gauss-Kruger" in crs.name
    assert ("3-degree" in crs.name) == (width == 3)
    assert crs.datum.name.startswith(PROJ_DATUM_NAMES[datum])
    assert crs.coordinate_operation.method_name == "Transverse Mercator"
    params = {p.name: p.value for p in crs.coordinate_operation.params}
    assert params["Longitude of natural origin"] == central_meridian(width, zone)
    assert params["Latitude of natural origin"] == 0
    assert params["Scale factor at natural origin"] == 1
    assert params["False easting"] == (zone * 1_000_000 + 500_000 if prefixed else 500_000)
    assert params["False northing"] == 0
    # GDAL agrees (its datum spelling is what the store compares).
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    assert srs.GetProjParm("central_meridian") == central_meridian(width, zone)
    assert srs.GetProjParm("false_easting") == (zone * 1_000_000 + 500_000 if prefixed else 500_000)
    assert crs_datum(epsg) == OSR_DATUM_NAMES[datum]


def test_epsg_ranges_of_the_design_notes():
    assert [epsg_for("cgcs2000", 3, z, True) for z in (25, 38, 45)] == [4513, 4526, 4533]
    assert [epsg_for("cgcs2000", 3, z, False) for z in (25, 38, 45)] == [4534, 4547, 4554]
    assert [epsg_for("cgcs2000", 6, z, True) for z in (13, 23)] == [4491, 4501]
    assert [epsg_for("cgcs2000", 6, z, False) for z in (13, 23)] == [4502, 4512]
    assert [epsg_for("xian80", 3, z, p) for z, p in ((25, True), (45, False))] == [2349, 2390]
    assert [epsg_for("beijing54", 6, z, p) for z, p in ((13, True), (23, False))] == [21413, 21463]
    assert epsg_for("cgcs2000", 3, 24, True) is None
    assert epsg_for("cgcs2000", 6, 38, True) is None
    assert epsg_for("wgs84", 3, 38, True) is None
    assert crs_info(4490) is None and crs_info(32650) is None


def test_zone_of_a_longitude_a_meridian_and_an_easting():
    assert zone_of_longitude(114.0) == 38 and zone_of_longitude(115.49) == 38 and zone_of_longitude(115.51) == 39
    assert zone_of_longitude(114.0, 6) == 20 and zone_of_longitude(119.99, 6) == 20 and zone_of_longitude(120.0, 6) == 21
    assert zone_of_meridian(114, 3) == 38 and zone_of_meridian(117, 6) == 20
    assert easting_zone(512_345.67) == 0
    assert easting_zone(38_512_345.67) == 38
    assert easting_zone(20_512_345.67) == 20
    assert easting_zone(50_512_345.67) is None and easting_zone(-5.0) is None
    assert prefix_width(38) == 3 and prefix_width(20) == 6 and prefix_width(24) is None


def test_gk_epsg_gives_the_unprefixed_cgcs2000_zone():
    for zone in ZONES[3]:
        epsg = gk_epsg(zone * 3.0 + 0.4)
        assert epsg == 4509 + zone
        crs = CRS.from_epsg(epsg)
        assert f"CM {zone * 3}E" in crs.name and "CGCS2000" in crs.name
    assert gk_epsg(115.49) == 4547 and gk_epsg(115.51) == 4548
    with pytest.raises(CrsError, match="zones 25-45"):
        gk_epsg(10.0)


def test_analysis_crs_keeps_projected_and_zones_geographic():
    assert analysis_crs(None) is None
    assert analysis_crs("EPSG:4526").to_epsg() == 4526
    assert analysis_crs(4490, (113.9, 30.0, 114.3, 30.2)).to_epsg() == 4547
    with pytest.raises(CrsError):
        analysis_crs(4490)
    with pytest.raises(CrsError):
        analysis_crs(4490, (10.0, 30.0, 10.2, 30.2))


def test_candidates_around_a_longitude_find_the_zone_of_prefixed_and_plain_eastings():
    candidates = candidate_epsgs("cgcs2000", 114.2)
    assert candidates[:6] == [4526, 4547, 4525, 4546, 4527, 4548]
    assert candidates[6:] == [4498, 4509, 4497, 4508, 4499, 4510]
    assert candidate_epsgs("cgcs2000", 74.0)[:2] == [4513, 4534]  # zone 25 only as a neighbour


def test_datum_and_reprojection():
    assert crs_datum(4490) == CGCS2000_DATUM
    with pytest.raises(RuntimeError):
        crs_datum(999999)
    square = box(38_500_000, 3_850_000, 38_500_100, 3_850_100)
    assert reproject_geometry(square, 4526, 4526) is square
    moved = reproject_geometry(square, 4526, 4547)
    assert moved.bounds == pytest.approx((500_000, 3_850_000, 500_100, 3_850_100), abs=1e-6)
