"""Special-survey comparison (专项勘测对比): measured extents against licences and against the previous round.

Per mine (the licence an extent is matched to, see :func:`..store.surveys.match_extents`):

* ``surveyed_area_m2``: the area of its extents (their union);
* out-of-bounds pieces (超层越界 in the plane): the extents minus the licensed
  extent; an excluded parcel (扣除地块, flag −1) is not licensed, so works in
  it are outside. Each piece has its area, its greatest distance beyond the
  boundary (the largest distance of any of its vertices to the licence: a
  one-sided Hausdorff distance) and the licence corners it lies nearest to
  (the ends of the boundary segment nearest its farthest vertex; corners
  numbered in the order of the licence's rings, as they are numbered on the
  licence);
* approaching: extents wholly inside that come within ``approach_m`` of the
  boundary (seed 000 §三(二)2: closer supervision), with their distance and
  the parts inside that band;
* depth (underground works): workings above the licensed top or below the
  licensed bottom (elevations, m), with the difference;
* growth since the previous round: the extent minus the previous round's
  extent of the same mine, its part beyond the boundary, and whether it grew
  toward (within ``approach_m`` of) or across the boundary.

An extent matching no licence is a mine of its own (its stated number, else
none) and is held against every licence: what lies outside all of them is
outside.

Arrays and shapely 2 throughout: vectorised overlays on the pairs, an STRtree
where pairs must be found, prepared licences for the common case (extent
wholly inside), numpy for the distances. Pure Python: no QGIS.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..i18n import tr
from ..store.surveys import MATCHED_BY_NONE, match_extents
from .prejudge.overlay import Runner

APPROACH_M = 20.0
MIN_AREA_M2 = 1.0


@dataclass
class Licences:
    """One row per licence: number, licensed extent (excluded parcels cut out), licensed elevations."""

    license_no: list[str]
    geometries: np.ndarray
    depth_top_m: np.ndarray
    depth_bottom_m: np.ndarray


def _float_array(values, n: int) -> np.ndarray:
    if values is None:
        return np.full(n, np.nan)
    out = np.full(n, np.nan)
    for i, value in enumerate(values):
        try:
            out[i] = float(value) if value is not None else np.nan
        except (TypeError, ValueError):
            out[i] = np.nan
    return out


def _excluded_flag(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("-1", "true", "yes", "t", "1", "excluded", "是", "扣除")
    try:
        return bool(value) and not (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


def licence_table(license_no: Sequence, geometries: Sequence, depth_top_m=None, depth_bottom_m=None,
                  excluded=None) -> Licences:
    """Licences from rows of a licence or parcel layer: rows of one number are merged, excluded parcels cut out.

    ``excluded`` (per row: True, -1, 'excluded'...) marks the excluded parcels of a parcel layer; a licence
    layer (``mining_rights``) already has them cut out.
    """
    n = len(geometries)
    top, bottom = _float_array(depth_top_m, n), _float_array(depth_bottom_m, n)
    flags = [False] * n if excluded is None else [_excluded_flag(v) for v in excluded]
    order: dict[str, list[int]] = {}
    for i, number in enumerate(license_no):
        key = str(number).strip() if number not in (None, "") else ""
        if not key or geometries[i] is None or shapely.is_empty(geometries[i]):
            continue
        order.setdefault(key, []).append(i)
    numbers, out, tops, bottoms = [], [], [], []
    for key, rows in order.items():
        included = [geometries[i] for i in rows if not flags[i]]
        cut = [geometries[i] for i in rows if flags[i]]
        if not included:
            continue
        geometry = included[0] if len(included) == 1 else shapely.union_all(included)
        if cut:
            geometry = shapely.difference(geometry, shapely.union_all(cut))
        if shapely.is_empty(geometry):
            continue
        numbers.append(key)
        out.append(geometry)
        tops.append(np.nanmax(top[rows]) if not np.isnan(top[rows]).all() else np.nan)
        bottoms.append(np.nanmin(bottom[rows]) if not np.isnan(bottom[rows]).all() else np.nan)
    return Licences(numbers, np.array(out, dtype=object), np.array(tops, dtype=float), np.array(bottoms, dtype=float))


@dataclass
class Extents:
    """Measured extents: geometry, the licence number each carries (None when none), elevations, a label each."""

    geometries: np.ndarray
    license_no: list
    elevation_top_m: np.ndarray | None = None
    elevation_bottom_m: np.ndarray | None = None
    labels: list[str] | None = None
    survey_round: list | None = None

    def __len__(self) -> int:
        return len(self.geometries)


@dataclass
class SurveyComparison:
    """Tables of columns (name -> list), each with ``geometry``."""

    summary: dict[str, list] = field(default_factory=dict)
    outside: dict[str, list] = field(default_factory=dict)
    growth: dict[str, list] = field(default_factory=dict)
    approaching: dict[str, list] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


SUMMARY_FIELDS = ("license_no", "survey_round", "matched", "extents", "surveyed_area_m2", "inside_area_m2",
                  "outside_area_m2", "outside_pieces", "max_distance_m", "growth_area_m2", "growth_outside_area_m2",
                  "grew_toward_boundary", "approaching", "boundary_distance_m", "elevation_top_m",
                  "elevation_bottom_m", "licensed_top_m", "licensed_bottom_m", "above_top_m", "below_bottom_m",
                  "depth_finding", "finding")
OUTSIDE_FIELDS = ("license_no", "piece_no", "area_m2", "max_distance_m", "near_corners", "in_excluded", "position")
GROWTH_FIELDS = ("license_no", "area_m2", "outside_area_m2", "toward_boundary")
APPROACH_FIELDS = ("license_no", "area_m2", "distance_m")


def _group(keys: list) -> dict:
    groups: dict = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    return groups


def _union(geometries: np.ndarray, rows: list[int]):
    if len(rows) == 1:
        return geometries[rows[0]]
    return shapely.union_all(geometries[rows])


def _mine_keys(extents: Extents, licences: Licences):
    numbers, how, unknown = match_extents(list(extents.geometries), list(extents.license_no), licences.license_no,
                                          list(licences.geometries))
    keys = []
    for i, (number, matched_by) in enumerate(zip(numbers, how)):
        if matched_by == MATCHED_BY_NONE:
            stated = extents.license_no[i]
            label = (extents.labels[i] if extents.labels else tr("extent {n}").format(n=i + 1))
            keys.append(("", str(stated).strip() if stated else "", label))
        else:
            keys.append((number, number, None))
    return keys, unknown


def _segments(geometries: np.ndarray):
    """Every ring segment of each (multi)polygon, vectorised: owner index, start, end and corner labels.

    Corners are numbered from 1 along each ring in its order (as on the licence); a licence of several
    polygons numbers its parcels from 1; a ring after the first of a polygon is an excluded parcel's.
    """
    parts, part_owner = shapely.get_parts(geometries, return_index=True)
    part_no = np.ones(len(parts), dtype=np.int64)
    several = np.zeros(len(parts), dtype=bool)
    if len(parts):
        starts_of = np.r_[0, np.flatnonzero(np.diff(part_owner)) + 1]
        counts = np.diff(np.r_[starts_of, len(parts)])
        part_no = np.arange(len(parts)) - np.repeat(starts_of, counts) + 1
        several = np.repeat(counts > 1, counts)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    ring_in_part = np.zeros(len(rings), dtype=np.int64)
    if len(rings):
        firsts = np.r_[0, np.flatnonzero(np.diff(ring_part)) + 1]
        ring_in_part = np.arange(len(rings)) - np.repeat(firsts, np.diff(np.r_[firsts, len(rings)]))
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    same = ring_of[:-1] == ring_of[1:]
    k = np.flatnonzero(same)
    ring_first = np.r_[0, np.flatnonzero(np.diff(ring_of)) + 1] if len(ring_of) else np.zeros(0, dtype=np.int64)
    ring_len = np.diff(np.r_[ring_first, len(ring_of)]) - 1  # corners (closing vertex not counted)
    ring = ring_of[k]
    corner = k - ring_first[ring] + 1
    following = np.where(corner == ring_len[ring], 1, corner + 1)
    part = ring_part[ring]
    return {
        "owner": part_owner[part], "start": coords[k], "end": coords[k + 1], "corner": corner, "next": following,
        "hole": ring_in_part[ring] > 0, "part": np.where(several[part], part_no[part], 0),
    }


def corner_text(part: int, hole: bool, a: int, b: int) -> str:
    corners = f"{a}-{b}"
    if hole:
        return tr("excluded parcel, corners {corners}").format(corners=corners)
    if part:
        return tr("parcel {part}, corners {corners}").format(part=part, corners=corners)
    return corners


def _pieces_beyond(pieces: np.ndarray, owners: np.ndarray, against: np.ndarray):
    """For each piece: greatest distance of its vertices to its owner's licence and the corners nearest there.

    The vertices of a piece outside its licence are outside it (or on its boundary): their distance to the
    licence is their distance to its boundary. All vectorised: GEOS distances of every vertex, then the
    farthest vertex of each piece against its owner's segments (numpy, ragged pairs).
    """
    n = len(pieces)
    distances = np.full(n, np.nan)
    corners: list[str | None] = [None] * n
    holes = np.zeros(n, dtype=bool)
    held = np.flatnonzero(owners >= 0)
    if not len(held):
        return distances, corners, holes
    owner_ids, owner_of = np.unique(owners[held], return_inverse=True)
    boundaries = shapely.boundary(against[owner_ids])
    coords, vertex_piece = shapely.get_coordinates(pieces[held], return_index=True)
    vertex_distance = shapely.distance(shapely.points(coords), boundaries[owner_of[vertex_piece]])
    order = np.lexsort((-vertex_distance, vertex_piece))
    first = order[np.r_[0, np.flatnonzero(np.diff(vertex_piece[order])) + 1]]
    distances[held] = vertex_distance[first]
    far = coords[first]
    segments = _segments(against[owner_ids])
    seg_owner = segments["owner"]
    seg_first = np.searchsorted(seg_owner, np.arange(len(owner_ids)))
    seg_count = np.bincount(seg_owner, minlength=len(owner_ids))
    counts = seg_count[owner_of]
    pair_piece = np.repeat(np.arange(len(held)), counts)
    offsets = np.r_[0, np.cumsum(counts)[:-1]]
    pair_segment = np.arange(counts.sum()) - np.repeat(offsets, counts) + np.repeat(seg_first[owner_of], counts)
    a, b, p = segments["start"][pair_segment], segments["end"][pair_segment], far[pair_piece]
    d = b - a
    length2 = np.maximum((d ** 2).sum(axis=1), 1e-12)
    t = np.clip(((p - a) * d).sum(axis=1) / length2, 0.0, 1.0)
    gap = np.hypot(p[:, 0] - a[:, 0] - t * d[:, 0], p[:, 1] - a[:, 1] - t * d[:, 1])
    best = np.lexsort((gap, pair_piece))
    nearest = pair_segment[best[np.r_[0, np.flatnonzero(np.diff(pair_piece[best])) + 1]]]
    for k, segment in zip(held, nearest):
        holes[k] = bool(segments["hole"][segment])
        corners[k] = corner_text(int(segments["part"][segment]), holes[k], int(segments["corner"][segment]),
                                 int(segments["next"][segment]))
    return distances, corners, holes


def compare_survey(extents: Extents, licences: Licences, previous: Extents | None = None, *,
                   approach_m: float = APPROACH_M, min_area_m2: float = MIN_AREA_M2,
                   workers: int | None = None) -> SurveyComparison:
    """Compare a round with the licences and with the previous round (see the module).

    The overlays run in ``workers`` threads (default: the CPUs, at most 4).
    """
    runner = Runner(workers, None, None)
    try:
        return _compare(extents, licences, previous, approach_m, min_area_m2, runner)
    finally:
        runner.close()


def _compare(extents, licences, previous, approach_m, min_area_m2, runner) -> SurveyComparison:
    result = SurveyComparison()
    geometries = np.asarray(extents.geometries, dtype=object)
    n = len(geometries)
    top = extents.elevation_top_m if extents.elevation_top_m is not None else np.full(n, np.nan)
    bottom = extents.elevation_bottom_m if extents.elevation_bottom_m is not None else np.full(n, np.nan)
    top, bottom = _float_array(top, n), _float_array(bottom, n)
    keys, unknown = _mine_keys(extents, licences)
    if unknown:
        result.warnings.append(tr("Licence numbers the licence layer does not have (matched by location): {numbers}")
                               .format(numbers=", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else "")))
    licence_index = {number: j for j, number in enumerate(licences.license_no)}
    # one mine per licence; an unmatched extent is a mine of its own
    groups = _group([(k[0], k[2]) if not k[0] else (k[0], None) for k in keys])
    mine_keys = list(groups)
    m = len(mine_keys)
    mine_geometry = np.array([_union(geometries, groups[key]) for key in mine_keys], dtype=object)
    owner = np.array([licence_index.get(key[0], -1) for key in mine_keys], dtype=np.int64)
    matched = owner >= 0
    label = [key[0] if key[0] else keys[groups[key][0]][1] for key in mine_keys]
    for key in mine_keys:
        if not key[0]:
            result.unmatched.append(key[1])
    # the licence each mine is held against: its own, or (unmatched) the union of all it meets
    against = np.full(m, None, dtype=object)
    against[matched] = licences.geometries[owner[matched]]
    tree = shapely.STRtree(licences.geometries) if len(licences.geometries) else None
    if (~matched).any() and tree is not None:
        for i in np.flatnonzero(~matched):
            hits = tree.query(mine_geometry[i], predicate="intersects")
            if len(hits):
                against[i] = _union(licences.geometries, list(hits))
    surveyed = shapely.area(mine_geometry)
    # outside: difference, except where the licence holds the extent wholly (prepared, the common case)
    outside = np.full(m, None, dtype=object)
    has_against = np.array([g is not None for g in against], dtype=bool)
    outside[~has_against] = mine_geometry[~has_against]
    idx = np.flatnonzero(has_against)
    if len(idx):
        shapely.prepare(licences.geometries)
        inside = shapely.contains_properly(against[idx], mine_geometry[idx])
        cross = idx[~inside]
        if len(cross):
            outside[cross] = runner.map(shapely.difference, mine_geometry[cross], against[cross], chunk=512)
    outside_area = np.zeros(m)
    present = np.array([g is not None for g in outside], dtype=bool)
    outside_area[present] = shapely.area(outside[present])
    # the pieces
    pieces, piece_mine = shapely.get_parts(outside[present], return_index=True)
    piece_mine = np.flatnonzero(present)[piece_mine]
    piece_area = shapely.area(pieces)
    keep = piece_area >= min_area_m2
    pieces, piece_mine, piece_area = pieces[keep], piece_mine[keep], piece_area[keep]
    distances, corners, holes = _pieces_beyond(pieces, np.where(has_against[piece_mine], piece_mine, -1), against)
    outside_area = np.zeros(m)
    np.add.at(outside_area, piece_mine, piece_area)
    piece_count = np.bincount(piece_mine, minlength=m)
    max_distance = np.full(m, np.nan)
    if len(piece_mine):
        np.fmax.at(max_distance, piece_mine, distances)
    numbering = {}
    result.outside = {name: [] for name in (*OUTSIDE_FIELDS, "geometry")}
    for k in np.argsort(piece_mine, kind="stable"):
        i = int(piece_mine[k])
        numbering[i] = numbering.get(i, 0) + 1
        distance = None if np.isnan(distances[k]) else round(float(distances[k]), 2)
        row = {
            "license_no": label[i] or None, "piece_no": numbering[i], "area_m2": round(float(piece_area[k]), 2),
            "max_distance_m": distance, "near_corners": corners[k], "in_excluded": bool(holes[k]),
            "position": (tr("{distance} m beyond the boundary near corners {corners}").format(
                distance=f"{distance:.1f}", corners=corners[k]) if distance is not None
                else tr("outside every licence")),
            "geometry": pieces[k],
        }
        for name, value in row.items():
            result.outside[name].append(value)

    # approaching: wholly inside, within approach_m of the boundary
    approaching = np.zeros(m, dtype=bool)
    boundary_distance = np.full(m, np.nan)
    candidates = np.flatnonzero(matched & (outside_area == 0))
    result.approaching = {name: [] for name in (*APPROACH_FIELDS, "geometry")}
    if len(candidates) and approach_m > 0:
        boundaries = shapely.boundary(against[candidates])
        shapely.prepare(boundaries)
        near = shapely.dwithin(boundaries, mine_geometry[candidates], approach_m)
        flagged = candidates[near]
        approaching[flagged] = True
        if len(flagged):
            boundary_distance[flagged] = shapely.distance(mine_geometry[flagged], boundaries[near])
            bands = shapely.buffer(boundaries[near], approach_m, quad_segs=4)
            parts = shapely.intersection(mine_geometry[flagged], bands)
            for i, part, distance in zip(flagged, parts, boundary_distance[flagged]):
                result.approaching["license_no"].append(label[i])
                result.approaching["area_m2"].append(round(float(part.area), 2))
                result.approaching["distance_m"].append(round(float(distance), 2))
                result.approaching["geometry"].append(part)

    # depth
    lic_top = np.full(m, np.nan)
    lic_bottom = np.full(m, np.nan)
    lic_top[matched] = licences.depth_top_m[owner[matched]]
    lic_bottom[matched] = licences.depth_bottom_m[owner[matched]]
    mine_top = np.array([np.nanmax(top[groups[key]]) if not np.isnan(top[groups[key]]).all() else np.nan
                         for key in mine_keys])
    mine_bottom = np.array([np.nanmin(bottom[groups[key]]) if not np.isnan(bottom[groups[key]]).all() else np.nan
                            for key in mine_keys])
    with np.errstate(invalid="ignore"):
        above = np.where(mine_top - lic_top > 0, mine_top - lic_top, np.nan)
        below = np.where(lic_bottom - mine_bottom > 0, lic_bottom - mine_bottom, np.nan)

    # growth since the previous round
    growth_area = np.full(m, np.nan)
    growth_outside = np.full(m, np.nan)
    toward = np.zeros(m, dtype=bool)
    result.growth = {name: [] for name in (*GROWTH_FIELDS, "geometry")}
    if previous is not None and len(previous):
        prev_geoms = np.asarray(previous.geometries, dtype=object)
        prev_keys, _ = _mine_keys(previous, licences)
        prev_rows: dict[str, list[int]] = {}
        for i, k in enumerate(prev_keys):
            if k[0]:
                prev_rows.setdefault(k[0], []).append(i)
        prev_tree = shapely.STRtree(prev_geoms)
        before = np.full(m, None, dtype=object)
        compared = np.zeros(m, dtype=bool)
        for i, key in enumerate(mine_keys):
            if key[0]:
                rows = prev_rows.get(key[0])
                if rows:
                    before[i] = _union(prev_geoms, rows)
                    compared[i] = True
            else:  # an extent without licence: the previous extents it meets, whatever their mine
                hits = prev_tree.query(mine_geometry[i], predicate="intersects")
                before[i] = _union(prev_geoms, list(hits)) if len(hits) else None
                compared[i] = True
        new = np.full(m, None, dtype=object)
        with_before = compared & np.array([b is not None for b in before], dtype=bool)
        grown = np.flatnonzero(with_before)
        if len(grown):
            shapely.prepare(before[grown])
            same = shapely.contains(before[grown], mine_geometry[grown])
            new[grown[same]] = shapely.MultiPolygon()  # no growth: nothing to overlay
            grown = grown[~same]
            new[grown] = runner.map(shapely.difference, mine_geometry[grown], before[grown], chunk=512)
        without = compared & ~with_before
        new[without] = mine_geometry[without]
        growth_area[compared] = 0.0
        gp, gm = shapely.get_parts(new[compared], return_index=True)
        gm = np.flatnonzero(compared)[gm]
        ga = shapely.area(gp)
        keep = ga >= min_area_m2
        gp, gm, ga = gp[keep], gm[keep], ga[keep]
        np.add.at(growth_area, gm, ga)
        g_out = np.zeros(len(gp))
        g_toward = np.zeros(len(gp), dtype=bool)
        held = np.array([against[i] is not None for i in gm], dtype=bool)
        g_out[~held] = ga[~held]
        if held.any():
            hold = against[gm[held]]
            # a growth piece the licence holds wholly has nothing outside: only the others are overlaid
            crossing = np.flatnonzero(held)[~shapely.contains_properly(hold, gp[held])]
            if len(crossing):
                g_out[crossing] = shapely.area(runner.map(shapely.difference, gp[crossing], against[gm[crossing]],
                                                          chunk=512))
            boundaries = shapely.boundary(against[np.unique(gm[held])])
            boundary_of = dict(zip(np.unique(gm[held]).tolist(), boundaries))
            g_toward[held] = shapely.dwithin(np.array([boundary_of[i] for i in gm[held]], dtype=object), gp[held],
                                             max(approach_m, 0.0))
        g_toward |= g_out > 0
        growth_outside[compared] = 0.0
        np.add.at(growth_outside, gm, g_out)
        np.logical_or.at(toward, gm, g_toward)
        for k in np.argsort(gm, kind="stable"):
            i = int(gm[k])
            result.growth["license_no"].append(label[i] or None)
            result.growth["area_m2"].append(round(float(ga[k]), 2))
            result.growth["outside_area_m2"].append(round(float(g_out[k]), 2))
            result.growth["toward_boundary"].append(bool(g_toward[k]))
            result.growth["geometry"].append(gp[k])
        missing = [label[i] for i in np.flatnonzero(matched & ~compared)]
        if missing:
            result.warnings.append(tr("Not surveyed in the previous round, growth not computed: {mines}").format(
                mines=", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")))

    rounds = extents.survey_round
    result.summary = {name: [] for name in (*SUMMARY_FIELDS, "geometry")}
    for i, key in enumerate(mine_keys):
        depth = []
        if not np.isnan(above[i]):
            depth.append(tr("{m} m above the licensed top").format(m=f"{above[i]:.1f}"))
        if not np.isnan(below[i]):
            depth.append(tr("{m} m below the licensed bottom").format(m=f"{below[i]:.1f}"))
        findings = []
        if not matched[i]:
            findings.append(tr("matches no licence"))
        if outside_area[i] > 0:
            findings.append(tr("{area} m² outside the licence, up to {distance} m beyond").format(
                area=f"{outside_area[i]:.0f}",
                distance=f"{max_distance[i]:.1f}" if not np.isnan(max_distance[i]) else "?"))
        findings += depth
        if approaching[i]:
            findings.append(tr("works {distance} m from the boundary").format(distance=f"{boundary_distance[i]:.1f}"))
        if toward[i]:
            findings.append(tr("grew toward or across the boundary"))
        row = {
            "license_no": label[i] or None,
            "survey_round": rounds[groups[key][0]] if rounds else None,
            "matched": bool(matched[i]),
            "extents": len(groups[key]),
            "surveyed_area_m2": round(float(surveyed[i]), 2),
            "inside_area_m2": round(float(surveyed[i] - outside_area[i]), 2),
            "outside_area_m2": round(float(outside_area[i]), 2),
            "outside_pieces": int(piece_count[i]),
            "max_distance_m": None if np.isnan(max_distance[i]) else round(float(max_distance[i]), 2),
            "growth_area_m2": None if np.isnan(growth_area[i]) else round(float(growth_area[i]), 2),
            "growth_outside_area_m2": None if np.isnan(growth_outside[i]) else round(float(growth_outside[i]), 2),
            "grew_toward_boundary": bool(toward[i]),
            "approaching": bool(approaching[i]),
            "boundary_distance_m": None if np.isnan(boundary_distance[i]) else round(float(boundary_distance[i]), 2),
            "elevation_top_m": _plain(mine_top[i]),
            "elevation_bottom_m": _plain(mine_bottom[i]),
            "licensed_top_m": _plain(lic_top[i]),
            "licensed_bottom_m": _plain(lic_bottom[i]),
            "above_top_m": _plain(above[i]),
            "below_bottom_m": _plain(below[i]),
            "depth_finding": "; ".join(depth) or None,
            "finding": "; ".join(findings) or None,
            "geometry": mine_geometry[i],
        }
        for name, value in row.items():
            result.summary[name].append(value)
    if result.unmatched:
        result.warnings.append(tr("Extents matching no licence, held against every licence: {extents}").format(
            extents=", ".join(result.unmatched[:10]) + (" …" if len(result.unmatched) > 10 else "")))
    return result


def _plain(value) -> float | None:
    return None if value is None or np.isnan(value) else round(float(value), 2)
