"""China's coordinate reference systems in one place: the Gauss–Krüger zone tables and their arithmetic.

Three datums circulate in county data: CGCS2000 (the legal one since 2008,
geographic EPSG:4490), Xi'an 1980 and Beijing 1954. Each has 3-degree and
6-degree Gauss–Krüger zones, with the zone number written in front of the
easting ("prefixed": 38 512345.67 is zone 38) or not. An EPSG code of that
family is a fixed offset plus the zone number (see :data:`EPSG_OFFSETS`):

=========  =====  ========  =============  ============
datum      width  prefixed  EPSG           zones
=========  =====  ========  =============  ============
CGCS2000   3°     yes       4513–4533      25–45
CGCS2000   3°     no        4534–4554      25–45
CGCS2000   6°     yes       4491–4501      13–23
CGCS2000   6°     no        4502–4512      13–23
Xi'an 80   3°     yes       2349–2369      25–45
Xi'an 80   3°     no        2370–2390      25–45
Xi'an 80   6°     yes       2327–2337      13–23
Xi'an 80   6°     no        2338–2348      13–23
Beijing 54 3°     yes       2401–2421      25–45
Beijing 54 3°     no        2422–2442      25–45
Beijing 54 6°     yes       21413–21423    13–23
Beijing 54 6°     no        21453–21463    13–23
=========  =====  ========  =============  ============

A 3-degree zone n has its central meridian at 3n°E, a 6-degree zone n at
(6n − 3)°E; the false easting is 500 km, plus n × 1000 km when prefixed.
``tests/test_crs.py`` checks every entry against PROJ.

Xi'an 1980 and Beijing 1954 data must never be taken for CGCS2000 silently:
a plain reprojection between them has no datum shift and lands tens of
metres off.

Pure Python; :func:`analysis_crs` imports pyproj and :func:`crs_datum` osgeo
when called.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..i18n import tr

__all__ = [
    "CGCS2000",
    "CGCS2000_DATUM",
    "CGCS2000_GEOGRAPHIC",
    "DATUMS",
    "DATUM_NAMES",
    "EPSG_OFFSETS",
    "OSR_DATUM_NAMES",
    "ZONES",
    "CrsError",
    "analysis_crs",
    "candidate_epsgs",
    "central_meridian",
    "crs_datum",
    "crs_info",
    "easting_zone",
    "epsg_for",
    "gk_epsg",
    "gk_zone",
    "prefix_width",
    "reproject_geometry",
    "transformer",
    "zone_of_longitude",
    "zone_of_meridian",
]

CGCS2000, XIAN80, BEIJING54 = "cgcs2000", "xian80", "beijing54"
DATUMS = (CGCS2000, XIAN80, BEIJING54)
DATUM_NAMES = {CGCS2000: "CGCS2000", XIAN80: "Xi'an 1980", BEIJING54: "Beijing 1954"}
# The datums as GDAL/osr spells them (``DATUM`` of the WKT).
OSR_DATUM_NAMES = {CGCS2000: "China_2000", XIAN80: "Xian_1980", BEIJING54: "Beijing_1954"}
CGCS2000_DATUM = OSR_DATUM_NAMES[CGCS2000]
CGCS2000_GEOGRAPHIC = 4490

# The zones covering China, by zone width (degrees).
ZONES = {3: range(25, 46), 6: range(13, 24)}

# (datum, zone width, prefixed easting) -> EPSG offset added to the zone number.
EPSG_OFFSETS: dict[tuple[str, int, bool], int] = {
    (CGCS2000, 3, True): 4488,  # 4513–4533, zones 25–45
    (CGCS2000, 3, False): 4509,  # 4534–4554, CM 75°E–135°E
    (CGCS2000, 6, True): 4478,  # 4491–4501, zones 13–23
    (CGCS2000, 6, False): 4489,  # 4502–4512
    (XIAN80, 3, True): 2324,  # 2349–2369
    (XIAN80, 3, False): 2345,  # 2370–2390
    (XIAN80, 6, True): 2314,  # 2327–2337
    (XIAN80, 6, False): 2325,  # 2338–2348
    (BEIJING54, 3, True): 2376,  # 2401–2421
    (BEIJING54, 3, False): 2397,  # 2422–2442
    (BEIJING54, 6, True): 21400,  # 21413–21423
    (BEIJING54, 6, False): 21440,  # 21453–21463
}

# EPSG code -> (datum, zone width, prefixed, zone): the reverse of the table.
EPSG_INFO: dict[int, tuple[str, int, bool, int]] = {
    offset + zone: (datum, width, prefixed, zone)
    for (datum, width, prefixed), offset in EPSG_OFFSETS.items()
    for zone in ZONES[width]
}


class CrsError(ValueError):
    """A position or CRS outside what the Chinese zone tables cover, worded for the user."""


# --------------------------------------------------------------------------- the table


def epsg_for(datum: str, width: int, zone: int, prefixed: bool) -> int | None:
    """EPSG code of a Chinese Gauss–Krüger CRS, ``None`` if there is none."""
    offset = EPSG_OFFSETS.get((datum, width, prefixed))
    if offset is None or zone not in ZONES.get(width, ()):
        return None
    return offset + zone


def crs_info(epsg: int) -> tuple[str, int, bool, int] | None:
    """(datum, zone width, prefixed, zone) of one of the EPSG codes of the table, else ``None``."""
    return EPSG_INFO.get(int(epsg))


def central_meridian(width: int, zone: int) -> int:
    """Central meridian (degrees east) of a 3- or 6-degree zone."""
    return zone * 3 if width == 3 else zone * 6 - 3


# --------------------------------------------------------------------------- zones


def gk_zone(longitude: float) -> int:
    """Number of the 3-degree Gauss–Krüger zone holding ``longitude`` (zone n: central meridian 3n°E)."""
    return int(math.floor(longitude / 3.0 + 0.5))


def zone_of_longitude(longitude: float, width: int = 3) -> int:
    """Number of the ``width``-degree zone holding ``longitude`` (6-degree zone n spans 6(n−1)°–6n°E)."""
    if width == 6:
        return int(longitude // 6) + 1
    return gk_zone(longitude)


def zone_of_meridian(meridian: float, width: int) -> int:
    """The zone whose central meridian is ``meridian`` (as a file's 中央子午线 states it)."""
    if width == 6:
        return int(round((meridian + 3) / 6))
    return int(round(meridian / 3))


def prefix_width(zone: int) -> int | None:
    """Width (3 or 6) of the zones a zone prefix of this number belongs to, ``None`` if neither.

    The ranges do not overlap in China (3-degree 25–45, 6-degree 13–23).
    """
    if zone in ZONES[3]:
        return 3
    if zone in ZONES[6]:
        return 6
    return None


def easting_zone(easting: float) -> int | None:
    """0 for an unprefixed easting, the zone for a prefixed one, ``None`` if neither."""
    if 0 < easting < 1_000_000:
        return 0
    zone = int(easting // 1_000_000)
    if prefix_width(zone) is not None:
        return zone
    return None


def gk_epsg(longitude: float) -> int:
    """EPSG code of the CGCS2000 3-degree GK zone of ``longitude``, easting without zone prefix.

    Zones 25-45 (75°E-135°E) are EPSG:4534-4554 (4509 + zone).
    """
    zone = gk_zone(longitude)
    if zone not in ZONES[3]:
        raise CrsError(
            tr("Longitude {lon} lies outside the CGCS2000 Gauss-Kruger zones 25-45 of China.").format(
                lon=round(longitude, 4)
            )
        )
    return EPSG_OFFSETS[(CGCS2000, 3, False)] + zone


def candidate_epsgs(datum: str, longitude: float) -> list[int]:
    """The Gauss–Krüger CRSs of ``datum`` around ``longitude``: 3- then 6-degree, prefixed then not.

    The zone of the longitude comes first, then its western and eastern
    neighbours (data may reach past its zone's edge).
    """
    candidates: list[int] = []
    for zone3 in (round(longitude / 3) + d for d in (0, -1, 1)):
        if zone3 in ZONES[3]:
            candidates += [epsg_for(datum, 3, zone3, True), epsg_for(datum, 3, zone3, False)]
    for zone6 in (zone_of_longitude(longitude, 6) + d for d in (0, -1, 1)):
        if zone6 in ZONES[6]:
            candidates += [epsg_for(datum, 6, zone6, True), epsg_for(datum, 6, zone6, False)]
    return [epsg for epsg in candidates if epsg is not None]


# --------------------------------------------------------------------------- choices needing PROJ


def analysis_crs(crs, lonlat_bounds=None):
    """The planar CRS to measure areas in for data in ``crs`` (a pyproj CRS or anything it accepts).

    Projected CRSs are kept; geographic ones give the CGCS2000 3-degree GK zone
    (no prefix) of the centre of ``lonlat_bounds`` (minx, miny, maxx, maxy).
    Raises :class:`CrsError` for geographic data without bounds or outside
    China's zones.
    """
    from pyproj import CRS

    if crs is None:
        return None
    crs = CRS.from_user_input(crs)
    if crs.is_projected:
        return crs
    if lonlat_bounds is None:
        raise CrsError(tr("Geographic data need their extent to choose a Gauss-Kruger zone."))
    centre = (lonlat_bounds[0] + lonlat_bounds[2]) / 2.0
    return CRS.from_epsg(gk_epsg(centre))


def crs_datum(epsg: int) -> str:
    """The datum name of an EPSG CRS as osr spells it (China_2000, Xian_1980, Beijing_1954, …).

    Raises ``RuntimeError`` for an EPSG code GDAL does not know.
    """
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromEPSG(int(epsg)) != 0:  # without osr.UseExceptions() (with it, it raises)
        raise RuntimeError(f"EPSG:{epsg} is not a known coordinate reference system")
    return srs.GetAttrValue("GEOGCS|DATUM") or srs.GetAttrValue("DATUM") or ""


@lru_cache(maxsize=64)
def transformer(source_epsg: int, target_epsg: int):
    """A cached pyproj Transformer between two EPSG codes, (easting, northing) / (lon, lat) order."""
    from pyproj import Transformer  # imported on first use: QGIS's start-up loads modules importing this one

    return Transformer.from_crs(source_epsg, target_epsg, always_xy=True)


def reproject_geometry(geometry, source_epsg: int, target_epsg: int):
    """A shapely geometry (easting, northing) from one EPSG CRS to another."""
    if source_epsg == target_epsg:
        return geometry
    import numpy as np
    import shapely

    to_target = transformer(source_epsg, target_epsg)

    def apply(coordinates):
        x, y = to_target.transform(coordinates[:, 0], coordinates[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)
