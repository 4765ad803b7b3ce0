"""The one geometry-repair rule for patch and licence polygons.

A polygon that is not valid (a ring crossing itself, a bow-tie...) is
repaired with GEOS ``make_valid``, which keeps every piece of area (a bow-tie
becomes two triangles); of what it gives back only the polygonal part is
kept: the lines and points it may leave where a ring touched itself carry no
area. The polygonal part of a collection is its polygons (at any depth); its
other parts are left out. A geometry with no polygon, or no area once
repaired, is unusable. Z is dropped.

Used by the patch import (:func:`..formats.patch_batches.repair_geometry`,
which words each outcome for the user row by row) and by the pre-judgment
(:func:`..analysis.prejudge.clean_polygons`, which checks validity in bulk and
repairs the invalid ones with this rule). :func:`repair_geometry` words each
outcome for the patch import and the draw tool; the pre-judgment says it in its own words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import shapely

from ..i18n import tr


class Outcome(enum.IntEnum):
    """What :func:`repair_polygon` found."""

    VALID = 0  #: usable as it is (perhaps with non-polygon parts left out: see ``dropped_parts``)
    REPAIRED = 1  #: invalid, repaired with make_valid
    EMPTY = 2  #: no geometry, or an empty one
    NOT_POLYGONAL = 3  #: no polygon in it (a point, a line...)
    NO_AREA = 4  #: invalid, and no area once repaired


@dataclass(frozen=True)
class PolygonRepair:
    """The answer of :func:`repair_polygon`."""

    #: a valid 2-D MultiPolygon, or None when the geometry is unusable
    geometry: shapely.MultiPolygon | None
    outcome: Outcome
    #: parts of a collection that are not polygons were left out
    dropped_parts: bool = False
    #: why GEOS found the geometry invalid (``is_valid_reason``) when it was
    reason: str | None = None
    #: the geometry type given (``Polygon``, ``GeometryCollection``...), None without a geometry
    kind: str | None = None


def polygonal_part(geometry) -> shapely.MultiPolygon | None:
    """The polygons of a geometry (at any depth of collections) as one MultiPolygon; None when it has none."""
    polygons = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == "Polygon":
            polygons.append(part)
        elif part.geom_type == "MultiPolygon":
            polygons.extend(part.geoms)
        elif part.geom_type == "GeometryCollection":
            inner = polygonal_part(part)
            if inner is not None:
                polygons.extend(inner.geoms)
    polygons = [p for p in polygons if not p.is_empty]
    return shapely.MultiPolygon(polygons) if polygons else None


def repair_polygon(geometry) -> PolygonRepair:
    """A valid 2-D MultiPolygon for ``geometry`` (a shapely geometry or None), and what was done to it."""
    if geometry is None or geometry.is_empty:
        return PolygonRepair(None, Outcome.EMPTY)
    kind = geometry.geom_type
    geometry = shapely.force_2d(geometry)
    polygonal = polygonal_part(geometry)
    if polygonal is None:
        return PolygonRepair(None, Outcome.NOT_POLYGONAL, kind=kind)
    dropped = kind == "GeometryCollection" and any(
        part.geom_type not in ("Polygon", "MultiPolygon") for part in shapely.get_parts(geometry)
    )
    if polygonal.is_valid:
        return PolygonRepair(polygonal, Outcome.VALID, dropped, kind=kind)
    reason = shapely.is_valid_reason(polygonal)
    repaired = polygonal_part(shapely.make_valid(polygonal))
    if repaired is None or repaired.area <= 0:
        return PolygonRepair(None, Outcome.NO_AREA, dropped, reason, kind)
    return PolygonRepair(repaired, Outcome.REPAIRED, dropped, reason, kind)


def repair_geometry(geometry, where: str) -> tuple[shapely.Geometry | None, list[str]]:
    """A valid 2-D MultiPolygon for ``geometry`` and what was done to it, worded with ``where``.

    The repair is the one rule of :func:`repair_polygon`; the words are the patch import's and the
    draw tool's (row by row, ``where`` naming the row or patch).
    """
    result = repair_polygon(geometry)
    warnings: list[str] = []
    if result.outcome == Outcome.EMPTY:
        return None, [tr("{where}: the geometry is empty; the patch is kept without one.").format(where=where)]
    if result.outcome == Outcome.NOT_POLYGONAL:
        return None, [
            tr("{where}: the geometry is a {kind}, not a polygon; the patch is kept without geometry.").format(
                where=where, kind=result.kind
            )
        ]
    if result.dropped_parts:
        warnings.append(tr("{where}: parts that are not polygons were left out.").format(where=where))
    if result.outcome == Outcome.NO_AREA:
        return None, [
            *warnings,
            tr(
                "{where}: the geometry is invalid ({reason}) and has no area once repaired; kept without geometry."
            ).format(where=where, reason=result.reason),
        ]
    if result.outcome == Outcome.REPAIRED:
        warnings.append(
            tr("{where}: self-intersecting or otherwise invalid geometry ({reason}) repaired.").format(
                where=where, reason=result.reason
            )
        )
    return result.geometry, warnings
