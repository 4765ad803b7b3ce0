"""Parcels as shapely geometries, and their planar and ellipsoidal areas.

Map axis order is used throughout: shapely coordinates are
``(easting, northing)`` = ``(corner.y, corner.x)``, with the easting exactly as
in the file (zone prefix kept), so a geometry matches the CRS the reader
detected (EPSG:4513–4533 for prefixed eastings, 4534–4554 without).

Ellipsoidal area follows TD/T 1055-2019 appendix D (the formula the ministry
uses for licence and parcel areas): the corners are inverse-projected to
geodetic latitude B and longitude L, and the area is the signed sum, over the
ring edges, of the ellipsoidal trapezoids between each edge and a reference
meridian::

    S = 2 b² ΔL [A sin(ΔB/2) cos Bm − B' sin(3ΔB/2) cos 3Bm + C sin(5ΔB/2) cos 5Bm
                 − D sin(7ΔB/2) cos 7Bm + E sin(9ΔB/2) cos 9Bm]

with ΔL the edge's mean longitude minus the reference meridian, ΔB its
latitude difference, Bm its mean latitude and A…E the e²…e⁸ series
constants of the appendix. Only the corners enter (no densification), as in
the appendix. The inverse projection is PROJ's (cached per EPSG); the area is
computed on the ellipsoid of the CRS's own datum (CGCS2000 for the CGCS2000
zones; IAG-75 or Krassowsky for Xi'an 1980 / Beijing 1954 data, which should
be transformed to CGCS2000 before their area is quoted).

The tests check the series against the exact area of a latitude/longitude
quadrangle (agreement to 1e-12) and against pyproj's geodesic polygon area
(within 2e-5 relative for km-sized parcels: the appendix's edges are straight
in longitude against the authalic integral, not geodesics, which moves a km
edge by centimetres — that is why the appendix formula itself is used rather
than ``pyproj.Geod``).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from .units import M2_PER_KM2, MU_PER_M2

if TYPE_CHECKING:
    from .licence import Corner, Licence, Parcel

_SAME_POINT_M = 0.0005  # files carry 2 decimals: closer than this is the same point


def same_point(a: Corner, b: Corner) -> bool:
    """Whether two corners are at the same place (to the files' 0.01 m precision)."""
    return abs(a.x - b.x) <= _SAME_POINT_M and abs(a.y - b.y) <= _SAME_POINT_M


def ring_coordinates(corners: list[Corner]) -> list[tuple[float, float]]:
    """(easting, northing) pairs of a ring, without a repeated closing corner."""
    coords = [(c.y, c.x) for c in corners]
    if len(corners) > 1 and same_point(corners[0], corners[-1]):
        coords.pop()
    return coords


def parcel_polygon(parcel: Parcel) -> Polygon:
    """The parcel as a polygon: ring 1 is the shell, rings 2.. are holes.

    No validity check here (the reader does that); raises ``ValueError`` when
    there is no ring 1 or a ring has fewer than 3 corners.
    """
    rings = parcel.rings()
    if 1 not in rings:
        raise ValueError(f"parcel {parcel.parcel_no} has no outer ring (ring 1)")
    shell = ring_coordinates(rings[1])
    holes = [ring_coordinates(rings[n]) for n in sorted(rings) if n != 1]
    for ring in [shell, *holes]:
        if len(ring) < 3:
            raise ValueError(f"parcel {parcel.parcel_no} has a ring with fewer than 3 corners")
    return Polygon(shell, holes)


def _as_multipolygon(geometry: BaseGeometry) -> MultiPolygon:
    if isinstance(geometry, MultiPolygon):
        return geometry
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry]) if not geometry.is_empty else MultiPolygon()
    polygons = [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]
    for g in getattr(geometry, "geoms", []):
        if isinstance(g, MultiPolygon):
            polygons.extend(g.geoms)
    return MultiPolygon(polygons)


def licence_multipolygon(licence: Licence) -> MultiPolygon:
    """The licensed extent: union of the normal parcels minus the excluded ones.

    Excluded parcels (flag -1 in registration files) are areas cut out of the
    licence (扣除), so they are subtracted, not skipped: a parcel excluded from
    the middle of another leaves a hole.
    """
    included = [parcel_polygon(p) for p in licence.parcels if not p.excluded]
    excluded = [parcel_polygon(p) for p in licence.parcels if p.excluded]
    if not included:
        return MultiPolygon()
    extent = included[0] if len(included) == 1 else shapely.union_all(included)
    if excluded:
        extent = extent.difference(shapely.union_all(excluded))
    return _as_multipolygon(extent)


def planar_area_m2(geometry: BaseGeometry) -> float:
    """Gauss–Krüger plane area in m².

    Coordinates are shifted to a local origin first: with zone-prefixed
    eastings (~3.8e7) the shoelace products lose centimetre-level precision.
    """
    if geometry.is_empty:
        return 0.0
    minx, miny, _, _ = geometry.bounds
    origin = np.array([minx, miny])
    return float(shapely.transform(geometry, lambda c: c - origin).area)


# --- ellipsoidal area (TD/T 1055-2019 appendix D) -----------------------------

_local = threading.local()  # pyproj Transformers are not thread-safe: one cache per thread


class _Ellipsoidal:
    """Inverse projection and series constants for one projected CRS."""

    def __init__(self, crs_epsg: int):
        from pyproj import CRS, Transformer

        crs = CRS.from_epsg(crs_epsg)
        self.geographic = crs.is_geographic
        self.transformer = None
        if not self.geographic:
            self.transformer = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        ellipsoid = crs.ellipsoid
        a = ellipsoid.semi_major_metre
        inv_f = ellipsoid.inverse_flattening
        b = a * (1 - 1 / inv_f) if inv_f else a
        e2 = (a * a - b * b) / (a * a)
        e4, e6, e8 = e2 * e2, e2 * e2 * e2, e2 * e2 * e2 * e2
        self.b2 = b * b
        self.k = (
            1 + 3 / 6 * e2 + 30 / 80 * e4 + 35 / 112 * e6 + 630 / 2304 * e8,
            1 / 6 * e2 + 15 / 80 * e4 + 21 / 112 * e6 + 420 / 2304 * e8,
            3 / 80 * e4 + 7 / 112 * e6 + 180 / 2304 * e8,
            1 / 112 * e6 + 45 / 2304 * e8,
            5 / 2304 * e8,
        )

    def ring_area(self, coords: np.ndarray) -> float:
        """Unsigned ellipsoidal area of one ring given as (x, y) rows in the CRS."""
        if coords.shape[0] > 1 and np.array_equal(coords[0], coords[-1]):
            coords = coords[:-1]
        if coords.shape[0] < 3:
            return 0.0
        if self.transformer is not None:
            lon, lat = self.transformer.transform(coords[:, 0], coords[:, 1])
        else:
            lon, lat = coords[:, 0], coords[:, 1]
        L = np.radians(np.asarray(lon, dtype=float))
        B = np.radians(np.asarray(lat, dtype=float))
        if not (np.all(np.isfinite(L)) and np.all(np.isfinite(B))):
            raise ValueError("coordinates cannot be inverse-projected in this CRS (wrong zone or prefix?)")
        L2, B2 = np.roll(L, -1), np.roll(B, -1)
        dL = (L + L2) / 2 - L.mean()  # reference meridian: the ring's mean longitude (less cancellation)
        dB = B2 - B
        Bm = (B + B2) / 2
        ka, kb, kc, kd, ke = self.k
        series = (
            ka * np.sin(dB / 2) * np.cos(Bm)
            - kb * np.sin(3 * dB / 2) * np.cos(3 * Bm)
            + kc * np.sin(5 * dB / 2) * np.cos(5 * Bm)
            - kd * np.sin(7 * dB / 2) * np.cos(7 * Bm)
            + ke * np.sin(9 * dB / 2) * np.cos(9 * Bm)
        )
        return abs(float(2 * self.b2 * np.sum(dL * series)))


def _ellipsoidal(crs_epsg: int) -> _Ellipsoidal:
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    helper = cache.get(crs_epsg)
    if helper is None:
        helper = cache[crs_epsg] = _Ellipsoidal(crs_epsg)
    return helper


def _polygons(geometry: BaseGeometry) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    return [p for g in getattr(geometry, "geoms", []) for p in _polygons(g)]


def ellipsoidal_area_m2(geometry: BaseGeometry, crs_epsg: int) -> float:
    """Area in m² on the ellipsoid of ``crs_epsg`` (TD/T 1055-2019 appendix D series)."""
    helper = _ellipsoidal(int(crs_epsg))
    total = 0.0
    for polygon in _polygons(geometry):
        total += helper.ring_area(np.asarray(polygon.exterior.coords))
        for hole in polygon.interiors:
            total -= helper.ring_area(np.asarray(hole.coords))
    return total


def area_summary(geometry: BaseGeometry, crs_epsg: int) -> dict[str, float]:
    """Planar and ellipsoidal areas in m² (2 decimals), 亩 and km² (4 decimals)."""
    planar = planar_area_m2(geometry)
    ellipsoidal = ellipsoidal_area_m2(geometry, crs_epsg)
    return {
        "planar_m2": round(planar, 2),
        "planar_mu": round(planar * MU_PER_M2, 4),
        "planar_km2": round(planar / M2_PER_KM2, 4),
        "ellipsoidal_m2": round(ellipsoidal, 2),
        "ellipsoidal_mu": round(ellipsoidal * MU_PER_M2, 4),
        "ellipsoidal_km2": round(ellipsoidal / M2_PER_KM2, 4),
    }
