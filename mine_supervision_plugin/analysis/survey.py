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

The overlays fill a :class:`SurveyMeasures`; :func:`comparison_from` turns it into the tables and words the
findings. A stored round on a PostGIS store is measured in the server instead (:mod:`.survey_server`) and worded
by the same function: one place per rule.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..domain.survey_findings import corners_text
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
    array = np.array(list(geometries) + [None], dtype=object)[:-1]
    empty = shapely.is_missing(array) | shapely.is_empty(array)
    for i, number in enumerate(license_no):
        key = str(number).strip() if number not in (None, "") else ""
        if not key or empty[i]:
            continue
        order.setdefault(key, []).append(i)
    numbers, out, tops, bottoms = [], [], [], []
    for key, rows in order.items():
        if len(rows) == 1 and not flags[rows[0]]:  # the common licence: one row, no excluded parcel
            numbers.append(key)
            out.append(geometries[rows[0]])
            tops.append(top[rows[0]])
            bottoms.append(bottom[rows[0]])
            continue
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


#: The vertices of a piece measured in rounds, every so many of those still open (see :func:`_farthest`).
SAMPLE_STEPS = (16, 8, 4, 2, 1)
#: Vertices as far as the farthest to a micrometre are a tie, and the first in order is the farthest: GEOS and
#: PostGIS measure alike only to the last bits (a piece lying along the boundary has all its vertices ~1e-9 m away).
TIE_M = 1e-6
#: Pairs (piece, licence segment) per numpy batch when the segment nearest a point is looked for.
PAIRS_PER_BATCH = 1_000_000


def _farthest(coords: np.ndarray, vertex_piece: np.ndarray, boundary_of_piece: np.ndarray, runner=None):
    """Per piece: its greatest vertex distance to its boundary and the first vertex (in order) at that distance.

    Exact, without measuring every vertex: the distance to a fixed line is
    1-Lipschitz, so a vertex is no farther than a measured vertex plus the
    straight distance between them. Rounds measure every ``SAMPLE_STEPS[0]``-th
    vertex of a piece (and its first and last), then every so many of those
    that might still be the farthest, down to all that might still be; the
    others are never measured (about a third are). ``vertex_piece``: sorted
    piece index per vertex (0..n-1, each present).
    """
    n_vertices = len(coords)
    starts = np.flatnonzero(np.r_[True, vertex_piece[1:] != vertex_piece[:-1]])
    ends = np.r_[starts[1:], n_vertices] - 1
    local = np.arange(n_vertices) - np.repeat(starts, np.diff(np.r_[starts, n_vertices]))
    distance = np.full(n_vertices, -np.inf)
    measured = np.zeros(n_vertices, dtype=bool)
    open_ = np.ones(n_vertices, dtype=bool)
    for step in SAMPLE_STEPS:
        pick = open_ & ~measured & (local % step == 0)
        if step == SAMPLE_STEPS[0]:
            pick[ends] = True
        pick = np.flatnonzero(pick)
        if runner is None:
            distance[pick] = _measure(coords[pick], boundary_of_piece[vertex_piece[pick]])
        else:
            distance[pick] = runner.map(_measure, coords[pick], boundary_of_piece[vertex_piece[pick]], chunk=32768)
        measured[pick] = True
        rest = np.flatnonzero(open_ & ~measured)
        if not len(rest):
            break
        best = np.maximum.reduceat(distance, starts)
        done = np.flatnonzero(measured)
        position = np.searchsorted(done, rest)
        before, after = done[position - 1], done[position]  # same piece: its first and last are measured
        bound = np.minimum(distance[before] + np.hypot(*(coords[rest] - coords[before]).T),
                           distance[after] + np.hypot(*(coords[rest] - coords[after]).T))
        open_[:] = False
        # a vertex that may come within TIE_M of the farthest is a tie and must be measured (the first wins);
        # the margin also covers the rounding of GEOS's distances
        open_[rest[bound + TIE_M * (1.0 + bound) >= best[vertex_piece[rest]]]] = True
    return farthest_vertices(distance, vertex_piece)


def farthest_vertices(distance: np.ndarray, vertex_piece: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per piece: the greatest of its vertices' distances and the first vertex (in order) as far, to
    :data:`TIE_M`. ``vertex_piece``: sorted piece index per vertex (0..n-1, each present); a vertex not
    measured is at ``-inf``. Both comparison paths choose the farthest vertex with this."""
    starts = np.flatnonzero(np.r_[True, vertex_piece[1:] != vertex_piece[:-1]])
    greatest = np.maximum.reduceat(distance, starts)
    at_max = np.flatnonzero(distance >= greatest[vertex_piece] - TIE_M)
    first = at_max[np.searchsorted(at_max, starts)]
    return greatest, first


def _measure(xy: np.ndarray, lines: np.ndarray) -> np.ndarray:
    return shapely.distance(shapely.points(xy), lines)


def _nearest_segments(points_xy: np.ndarray, point_owner: np.ndarray, segments: dict, n_owners: int) -> np.ndarray:
    """Index of the segment of its owner's licence nearest each point (the first of equally near ones)."""
    seg_owner = segments["owner"]
    seg_first = np.searchsorted(seg_owner, np.arange(n_owners))
    seg_count = np.bincount(seg_owner, minlength=n_owners)
    nearest = np.zeros(len(points_xy), dtype=np.int64)
    counts_all = seg_count[point_owner]
    begin = 0
    while begin < len(points_xy):
        # batches of about PAIRS_PER_BATCH pairs: the pairs of 40,000 pieces would hold gigabytes at once
        cumulative = np.cumsum(counts_all[begin:])
        end = begin + max(1, int(np.searchsorted(cumulative, PAIRS_PER_BATCH, side="right")))
        counts = counts_all[begin:end]
        offsets = np.r_[0, np.cumsum(counts)[:-1]]
        pair_point = np.repeat(np.arange(end - begin), counts)
        pair_segment = (np.arange(counts.sum()) - np.repeat(offsets, counts)
                        + np.repeat(seg_first[point_owner[begin:end]], counts))
        start, delta = segments["start"][pair_segment], segments["delta"][pair_segment]
        px, py = points_xy[begin:end, 0][pair_point], points_xy[begin:end, 1][pair_point]
        ax, ay, dx, dy = start[:, 0], start[:, 1], delta[:, 0], delta[:, 1]
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / segments["length2"][pair_segment], 0.0, 1.0)
        gap = np.hypot(px - ax - t * dx, py - ay - t * dy)
        least = np.minimum.reduceat(gap, offsets)
        ties = np.flatnonzero(gap == np.repeat(least, counts))
        nearest[begin:end] = pair_segment[ties[np.searchsorted(ties, offsets)]]
        begin = end
    return nearest


def _pieces_beyond(pieces: np.ndarray, owners: np.ndarray, against: np.ndarray, runner=None):
    """For each piece: greatest distance of its vertices to its owner's licence and the corners nearest there.

    The vertices of a piece outside its licence are outside it (or on its boundary): their distance to the
    licence is their distance to its boundary. Vectorised: GEOS distances of the vertices that may be the
    farthest (:func:`_farthest`), then the farthest vertex of each piece against its owner's segments
    (:func:`nearest_corners`).
    """
    n = len(pieces)
    distances = np.full(n, np.nan)
    corners: list[str | None] = [None] * n
    holes = np.zeros(n, dtype=bool)
    chinese: list[str | None] = [None] * n
    held = np.flatnonzero(owners >= 0)
    if not len(held):
        return distances, corners, holes, chinese
    owner_ids, owner_of = np.unique(owners[held], return_inverse=True)
    boundaries = shapely.boundary(against[owner_ids])
    coords, vertex_piece = shapely.get_coordinates(pieces[held], return_index=True)
    greatest, first = _farthest(coords, vertex_piece, boundaries[owner_of], runner)
    distances[held] = greatest
    found, excluded, found_zh = nearest_corners(coords[first], owner_of, against[owner_ids])
    for j, k in enumerate(held):
        corners[k], holes[k], chinese[k] = found[j], excluded[j], found_zh[j]
    return distances, corners, holes, chinese


def nearest_corners(points_xy: np.ndarray, owner_of: np.ndarray,
                    licences: np.ndarray) -> tuple[list[str], np.ndarray, list[str]]:
    """The corners nearest each point: the ends of the segment of its licence (``licences[owner_of]``) nearest
    it, worded in the interface language and in Chinese; and whether that segment bounds an excluded parcel.

    Both comparison paths (arrays here, the server's in :mod:`.survey_server`) name corners with this.
    """
    segments = _segments(licences)
    segments["delta"] = segments["end"] - segments["start"]
    segments["length2"] = np.maximum((segments["delta"] ** 2).sum(axis=1), 1e-12)
    nearest = _nearest_segments(np.asarray(points_xy, dtype=float).reshape(-1, 2), np.asarray(owner_of),
                                segments, len(licences))
    corners, chinese = [], []
    holes = np.zeros(len(nearest), dtype=bool)
    for j, segment in enumerate(nearest):
        holes[j] = bool(segments["hole"][segment])
        where = (int(segments["part"][segment]), holes[j], int(segments["corner"][segment]),
                 int(segments["next"][segment]))
        corners.append(corner_text(*where))
        chinese.append(corners_text(*where))
    return corners, holes, chinese


def _shrunk(polygons: np.ndarray, distance: np.ndarray) -> np.ndarray:
    return shapely.buffer(polygons, -distance, quad_segs=4)


def _single_polygons(geometries: np.ndarray) -> np.ndarray:
    """Polygons and one-part MultiPolygons as Polygons; None for the others."""
    out = np.full(len(geometries), None, dtype=object)
    kinds = shapely.get_type_id(geometries)
    out[kinds == 3] = geometries[kinds == 3]
    multi = np.flatnonzero(kinds == 6)
    if len(multi):
        one = multi[shapely.get_num_geometries(geometries[multi]) == 1]
        out[one] = shapely.get_geometry(geometries[one], 0)
    return out


def _nests(outer: np.ndarray, inner: np.ndarray, runner) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where ``inner`` (one polygon without holes) lies in the interior of ``outer`` (one polygon): the mask and
    both as Polygons."""
    outer, inner = _single_polygons(outer), _single_polygons(inner)
    simple = np.array([a is not None and b is not None for a, b in zip(outer, inner)], dtype=bool)
    simple[simple] = shapely.get_num_interior_rings(inner[simple]) == 0
    result = np.zeros(len(outer), dtype=bool)
    if simple.any():
        shapely.prepare(outer[simple])
        result[simple] = runner.map(shapely.contains_properly, outer[simple], inner[simple], chunk=1024)
    return result, outer, inner


def _with_hole(outer: np.ndarray, inner: np.ndarray) -> np.ndarray:
    """Each polygon ``outer`` with the polygon ``inner`` (in its interior, without holes) cut out as a hole."""
    rings, owner = shapely.get_rings(outer, return_index=True)  # shell first, then its holes
    rings = np.concatenate([rings, shapely.get_exterior_ring(inner)])
    owner = np.concatenate([owner, np.arange(len(inner))])
    order = np.argsort(owner, kind="stable")
    return shapely.polygons(rings[order], indices=owner[order])


def compare_survey(extents: Extents, licences: Licences, previous: Extents | None = None, *,
                   approach_m: float = APPROACH_M, min_area_m2: float = MIN_AREA_M2,
                   workers: int | None = None) -> SurveyComparison:
    """Compare a round with the licences and with the previous round (see the module).

    The overlays run in ``workers`` threads (default: the CPUs, at most 4).
    """
    runner = Runner(workers, None, None)
    try:
        with ThreadPoolExecutor(1) as side:
            return comparison_from(_measured(extents, licences, previous, approach_m, min_area_m2, runner, side))
    finally:
        runner.close()


def _measured(extents, licences, previous, approach_m, min_area_m2, runner, side) -> SurveyMeasures:
    measures = SurveyMeasures()
    geometries = np.asarray(extents.geometries, dtype=object)
    n = len(geometries)
    top = extents.elevation_top_m if extents.elevation_top_m is not None else np.full(n, np.nan)
    bottom = extents.elevation_bottom_m if extents.elevation_bottom_m is not None else np.full(n, np.nan)
    top, bottom = _float_array(top, n), _float_array(bottom, n)
    keys, unknown = _mine_keys(extents, licences)
    if unknown:
        measures.warnings.append(unknown_numbers_warning(unknown))
    licence_index = {number: j for j, number in enumerate(licences.license_no)}
    # one mine per licence; an unmatched extent is a mine of its own
    groups = _group([(k[0], k[2]) if not k[0] else (k[0], None) for k in keys])
    mine_keys = list(groups)
    m = len(mine_keys)
    mine_geometry = np.array([_union(geometries, groups[key]) for key in mine_keys] + [None], dtype=object)[:-1]
    owner = np.array([licence_index.get(key[0], -1) for key in mine_keys], dtype=np.int64)
    matched = owner >= 0
    label = [key[0] if key[0] else keys[groups[key][0]][1] for key in mine_keys]
    for key in mine_keys:
        if not key[0]:
            measures.unmatched.append(key[1])
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
    held_inside = np.zeros(m, dtype=bool)
    if len(idx):
        shapely.prepare(licences.geometries)
        inside = runner.map(shapely.contains_properly, against[idx], mine_geometry[idx], chunk=1024)
        held_inside[idx[inside]] = True
        cross = idx[~inside]
        if len(cross):
            outside[cross] = runner.map(shapely.difference, mine_geometry[cross], against[cross], chunk=512)
    present = np.array([g is not None for g in outside], dtype=bool)
    # the pieces
    pieces, piece_mine = shapely.get_parts(outside[present], return_index=True)
    piece_mine = np.flatnonzero(present)[piece_mine]
    piece_area = shapely.area(pieces)
    keep = (piece_area >= min_area_m2) & ~shapely.is_empty(pieces)
    pieces, piece_mine, piece_area = pieces[keep], piece_mine[keep], piece_area[keep]
    # the distances and corners of the pieces (numpy half the time) in a thread of their own while the overlays
    # of the approaching works and the growth keep the workers busy; waited for at the end
    beyond_job = side.submit(_pieces_beyond, pieces, np.where(has_against[piece_mine], piece_mine, -1), against,
                             runner)
    outside_area = outside_per_mine(piece_mine, piece_area, m)
    measures.piece_mine, measures.piece_area, measures.piece_geometry = piece_mine, piece_area, pieces

    # approaching: wholly inside, within approach_m of the boundary
    approaching = np.zeros(m, dtype=bool)
    candidates = approach_candidates(matched, outside_area)
    if len(candidates) and approach_m > 0:
        boundaries = shapely.boundary(against[candidates])
        shapely.prepare(boundaries)
        near = runner.map(shapely.dwithin, boundaries, mine_geometry[candidates], np.full(len(candidates), approach_m),
                          chunk=1024)
        flagged = candidates[near]
        approaching[flagged] = True
        if len(flagged):
            distance = runner.map(shapely.distance, mine_geometry[flagged], boundaries[near], chunk=256)
            parts = np.full(len(flagged), None, dtype=object)
            # works the licence holds wholly: the licence shrunk by the distance cut from them (the band along
            # the inside of the boundary), a third of the work of a band on both sides; the others, the band
            wholly = held_inside[flagged]
            if wholly.any():
                cores = runner.map(_shrunk, against[flagged[wholly]], np.full(wholly.sum(), approach_m), chunk=256)
                parts[wholly] = runner.map(shapely.difference, mine_geometry[flagged[wholly]], cores, chunk=256)
            if (~wholly).any():
                bands = shapely.buffer(boundaries[near][~wholly], approach_m, quad_segs=4)
                parts[~wholly] = shapely.intersection(mine_geometry[flagged[~wholly]], bands)
            measures.approach_mine, measures.approach_distance = flagged, np.asarray(distance, dtype=float)
            measures.approach_area, measures.approach_geometry = shapely.area(parts), parts

    # depth: the highest top and lowest bottom of each mine's extents, its licence's
    lic_top = np.full(m, np.nan)
    lic_bottom = np.full(m, np.nan)
    lic_top[matched] = licences.depth_top_m[owner[matched]]
    lic_bottom[matched] = licences.depth_bottom_m[owner[matched]]
    measures.elevation_top_m = _per_mine(top, np.fmax, groups, mine_keys)
    measures.elevation_bottom_m = _per_mine(bottom, np.fmin, groups, mine_keys)
    measures.licensed_top_m, measures.licensed_bottom_m = lic_top, lic_bottom

    # growth since the previous round
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
        ring_growth = np.zeros(m, dtype=bool)
        with_before = compared & np.array([b is not None for b in before], dtype=bool)
        grown = np.flatnonzero(with_before)
        if len(grown):
            shapely.prepare(before[grown])
            same = shapely.contains(before[grown], mine_geometry[grown])
            new[grown[same]] = shapely.MultiPolygon()  # no growth: nothing to overlay
            grown = grown[~same]
            # the previous extent wholly inside the new one (a pit grown all round): the difference is the new
            # extent with the previous one as a hole, without an overlay
            nests, outer, inner = _nests(mine_geometry[grown], before[grown], runner)
            if nests.any():
                new[grown[nests]] = _with_hole(outer[nests], inner[nests])
                ring_growth[grown[nests]] = True
                grown = grown[~nests]
            new[grown] = runner.map(shapely.difference, mine_geometry[grown], before[grown], chunk=512)
        without = compared & ~with_before
        new[without] = mine_geometry[without]
        gp, gm = shapely.get_parts(new[compared], return_index=True)
        gm = np.flatnonzero(compared)[gm]
        ga = shapely.area(gp)
        keep = ga >= min_area_m2
        pieces_before_cut = np.bincount(gm, minlength=m)
        gp, gm, ga = gp[keep], gm[keep], ga[keep]
        g_out = np.zeros(len(gp))
        held = has_against[gm]
        g_out[~held] = ga[~held]
        # the growth beyond the boundary is the outside part that was not there before: (extent − licence) −
        # previous, far fewer vertices to overlay than each growth piece against its licence; each of its parts
        # lies in one growth piece, found by a point inside it
        beyond = np.flatnonzero(compared & has_against & present)
        if len(beyond):
            count = np.bincount(gm, minlength=m)
            single = (count[gm] == 1) & (pieces_before_cut[gm] == 1)
            only = np.full(m, -1, dtype=np.int64)  # a mine's one growth piece (none too small dropped)
            only[gm[single]] = np.flatnonzero(single)
            earlier = np.array([before[i] is not None for i in beyond], dtype=bool)
            # a previous extent the licence holds wholly cannot meet the outside part: all of it is new
            earlier[earlier] = ~runner.map(shapely.contains_properly, against[beyond[earlier]], before[beyond[earlier]],
                                           chunk=1024)
            # a ring round a previous extent (inside the new one) is one growth piece and only its area beyond is
            # wanted: (extent − licence) − previous = outside − (previous − licence), the previous round's own
            # outside part, an overlay of fewer vertices than the outside pieces against the previous extent
            by_area = earlier & ring_growth[beyond] & (only[beyond] >= 0)
            if by_area.any():
                mines = beyond[by_area]
                was_outside = runner.map(shapely.difference, before[mines], against[mines], chunk=512)
                now = shapely.area(outside[mines])
                extra = now - shapely.area(was_outside)
                # the subtraction's rounding: nothing new beyond is 0, not a few nano-m² either way
                extra[extra <= 1e-9 * (1.0 + now)] = 0.0
                np.add.at(g_out, only[mines], extra)
            new_outside = outside[beyond].copy()
            new_outside[by_area] = None
            overlay = earlier & ~by_area
            if overlay.any():
                new_outside[overlay] = runner.map(shapely.difference, outside[beyond[overlay]],
                                                  before[beyond[overlay]], chunk=512)
            parts, part_mine = shapely.get_parts(new_outside, return_index=True)
            part_mine = beyond[part_mine]
            part_area = shapely.area(parts)
            solid = part_area > 0
            parts, part_mine, part_area = parts[solid], part_mine[solid], part_area[solid]
            if len(parts) and len(gp):
                # a mine with one growth piece: its parts are in it; the others' found by a point inside each
                direct = only[part_mine] >= 0
                np.add.at(g_out, only[part_mine[direct]], part_area[direct])
                search = np.flatnonzero(~direct & (count[part_mine] > 0))
                if len(search):
                    left, right = shapely.STRtree(gp).query(shapely.point_on_surface(parts[search]),
                                                            predicate="intersects")
                    same = gm[right] == part_mine[search[left]]
                    left, right = left[same], right[same]
                    first = np.unique(left, return_index=True)[1]
                    np.add.at(g_out, right[first], part_area[search[left[first]]])
        # within the band of the boundary: measured only where the part beyond does not say it already
        near = np.zeros(len(gp), dtype=bool)
        rest = np.flatnonzero(held & (g_out <= 0))
        # a ring round the previous extent, in a licence holding the extent wholly, comes as near the boundary
        # as the extent does (its outer edge is the extent's): the approaching test said it already
        ringed = ring_growth[gm[rest]] & held_inside[gm[rest]] & matched[gm[rest]]
        near[rest[ringed]] = approaching[gm[rest[ringed]]]
        rest = rest[~ringed]
        if len(rest):
            mines_rest = np.unique(gm[rest])
            boundary_of = np.full(m, None, dtype=object)
            boundary_of[mines_rest] = shapely.boundary(against[mines_rest])
            near[rest] = runner.map(shapely.dwithin, boundary_of[gm[rest]], gp[rest],
                                    np.full(len(rest), max(approach_m, 0.0)), chunk=1024)
        measures.compared = compared
        measures.growth_mine, measures.growth_area, measures.growth_outside = gm, ga, g_out
        measures.growth_toward, measures.growth_geometry = grew_toward(g_out, near), gp

    distances, corners, holes, corners_zh = beyond_job.result()
    measures.piece_distance, measures.piece_excluded = distances, holes
    measures.piece_corners, measures.piece_corners_zh = corners, corners_zh

    rounds = extents.survey_round
    measures.label = label
    measures.matched = matched
    measures.survey_round = [rounds[groups[key][0]] for key in mine_keys] if rounds else []
    measures.extents = np.array([len(groups[key]) for key in mine_keys], dtype=np.int64)
    measures.geometry = mine_geometry
    measures.surveyed_m2 = np.asarray(surveyed, dtype=float)
    return measures


def _per_mine(values: np.ndarray, reduce, groups: dict, mine_keys: list) -> np.ndarray:
    """The highest (``np.fmax``) or lowest (``np.fmin``) value of each mine's extents, NaN where none has one."""
    out = np.full(len(mine_keys), np.nan)
    for i, key in enumerate(mine_keys):
        rows = groups[key]
        out[i] = values[rows[0]] if len(rows) == 1 else reduce.reduce(values[rows])
    return out


def _plain(value) -> float | None:
    return None if value is None or np.isnan(value) else round(float(value), 2)


# --- what the overlays measured, and the rules that word it (one place for both paths) --------------------


def _floats(n: int = 0) -> np.ndarray:
    return np.zeros(n, dtype=float)


def _ints(n: int = 0) -> np.ndarray:
    return np.zeros(n, dtype=np.int64)


def _objects(n: int = 0) -> np.ndarray:
    return np.full(n, None, dtype=object)


@dataclass
class SurveyMeasures:
    """What the overlays of a comparison measured; :func:`comparison_from` words it.

    The arrays path (:func:`compare_survey`) and the server's (:mod:`.survey_server`) both fill one of these, so
    that the rules and the wording exist once.
    """

    # per mine, in the order of each mine's first extent
    label: list = field(default_factory=list)  # licence number; for an unmatched mine its stated number or ""
    matched: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    survey_round: list = field(default_factory=list)
    extents: np.ndarray = field(default_factory=_ints)
    geometry: np.ndarray = field(default_factory=_objects)
    surveyed_m2: np.ndarray = field(default_factory=_floats)
    elevation_top_m: np.ndarray = field(default_factory=_floats)  # NaN where none of its extents has one
    elevation_bottom_m: np.ndarray = field(default_factory=_floats)
    licensed_top_m: np.ndarray = field(default_factory=_floats)
    licensed_bottom_m: np.ndarray = field(default_factory=_floats)
    #: per mine, whether the previous round was compared; None when there is no previous round
    compared: np.ndarray | None = None
    # per outside piece (each at least the smallest area): its mine, area, greatest distance beyond (NaN: held
    # against no licence), the corners nearest there, whether in an excluded parcel
    piece_mine: np.ndarray = field(default_factory=_ints)
    piece_area: np.ndarray = field(default_factory=_floats)
    piece_distance: np.ndarray = field(default_factory=_floats)
    piece_corners: list = field(default_factory=list)
    piece_corners_zh: list = field(default_factory=list)
    piece_excluded: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    piece_geometry: np.ndarray = field(default_factory=_objects)
    # per approaching mine: the part within the band, its area, the distance of the works to the boundary
    approach_mine: np.ndarray = field(default_factory=_ints)
    approach_area: np.ndarray = field(default_factory=_floats)
    approach_distance: np.ndarray = field(default_factory=_floats)
    approach_geometry: np.ndarray = field(default_factory=_objects)
    # per growth piece: its mine, area, area beyond the boundary, whether toward or across the boundary
    growth_mine: np.ndarray = field(default_factory=_ints)
    growth_area: np.ndarray = field(default_factory=_floats)
    growth_outside: np.ndarray = field(default_factory=_floats)
    growth_toward: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    growth_geometry: np.ndarray = field(default_factory=_objects)
    #: the extents matching no licence (their labels)
    unmatched: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def unknown_numbers_warning(unknown: Sequence[str]) -> str:
    """The warning naming stated licence numbers the licence layer does not have."""
    return tr("Licence numbers the licence layer does not have (matched by location): {numbers}").format(
        numbers=", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else ""))


def outside_per_mine(piece_mine: np.ndarray, piece_area: np.ndarray, m: int) -> np.ndarray:
    """Each mine's area outside its licence: the sum of its pieces (those kept, at least the smallest area)."""
    out = np.zeros(m)
    np.add.at(out, np.asarray(piece_mine, dtype=np.int64), np.asarray(piece_area, dtype=float))
    return out


def approach_candidates(matched: np.ndarray, outside_area: np.ndarray) -> np.ndarray:
    """The mines that may be approaching their boundary: matched to a licence, nothing outside it."""
    return np.flatnonzero(matched & (outside_area == 0))


def grew_toward(outside_m2: np.ndarray, near: np.ndarray) -> np.ndarray:
    """A growth piece grew toward or across the boundary: part of it is beyond, or it is within the band."""
    return (np.asarray(outside_m2, dtype=float) > 0) | np.asarray(near, dtype=bool)


def comparison_from(measures: SurveyMeasures) -> SurveyComparison:
    """The tables and findings of a comparison from its measures (the same words for both paths)."""
    mm = measures
    m = len(mm.label)
    label = mm.label
    result = SurveyComparison(warnings=list(mm.warnings), unmatched=list(mm.unmatched))
    piece_mine = np.asarray(mm.piece_mine, dtype=np.int64)
    outside_area = outside_per_mine(piece_mine, mm.piece_area, m)
    piece_count = np.bincount(piece_mine, minlength=m)
    max_distance = np.full(m, np.nan)
    if len(piece_mine):
        np.fmax.at(max_distance, piece_mine, np.asarray(mm.piece_distance, dtype=float))
    # near_corners_zh: where, in Chinese whatever the interface language (ledger items and notices)
    order = np.argsort(piece_mine, kind="stable")
    owners = piece_mine[order]
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if len(owners) else np.zeros(0, dtype=np.int64)
    numbers = np.arange(len(owners)) - np.repeat(starts, np.diff(np.r_[starts, len(owners)])) + 1
    rounded = [None if d != d else round(d, 2) for d in np.asarray(mm.piece_distance, dtype=float)[order].tolist()]
    corners = [mm.piece_corners[k] for k in order.tolist()]
    beyond_text, nowhere = tr("{distance} m beyond the boundary near corners {corners}"), tr("outside every licence")
    result.outside = {
        "license_no": [label[i] or None for i in owners.tolist()],
        "piece_no": numbers.tolist(),
        "area_m2": [round(a, 2) for a in np.asarray(mm.piece_area, dtype=float)[order].tolist()],
        "max_distance_m": rounded,
        "near_corners": corners,
        "in_excluded": [bool(x) for x in np.asarray(mm.piece_excluded, dtype=bool)[order].tolist()],
        "position": [nowhere if d is None else beyond_text.format(distance=f"{d:.1f}", corners=c)
                     for d, c in zip(rounded, corners)],
        "near_corners_zh": [mm.piece_corners_zh[k] for k in order.tolist()],
        "geometry": [mm.piece_geometry[k] for k in order.tolist()],
    }

    approaching = np.zeros(m, dtype=bool)
    boundary_distance = np.full(m, np.nan)
    result.approaching = {name: [] for name in (*APPROACH_FIELDS, "geometry")}
    for i, area, distance, part in zip(mm.approach_mine, mm.approach_area, mm.approach_distance,
                                       mm.approach_geometry):
        approaching[i] = True
        boundary_distance[i] = distance
        result.approaching["license_no"].append(label[i])
        result.approaching["area_m2"].append(round(float(area), 2))
        result.approaching["distance_m"].append(round(float(distance), 2))
        result.approaching["geometry"].append(part)

    # depth: workings above the licensed top, below the licensed bottom
    with np.errstate(invalid="ignore"):
        excess_top = mm.elevation_top_m - mm.licensed_top_m
        excess_bottom = mm.licensed_bottom_m - mm.elevation_bottom_m
        above = np.where(excess_top > 0, excess_top, np.nan)
        below = np.where(excess_bottom > 0, excess_bottom, np.nan)

    growth_area = np.full(m, np.nan)
    growth_outside = np.full(m, np.nan)
    toward = np.zeros(m, dtype=bool)
    result.growth = {name: [] for name in (*GROWTH_FIELDS, "geometry")}
    if mm.compared is not None:
        gm = np.asarray(mm.growth_mine, dtype=np.int64)
        growth_area[mm.compared] = 0.0
        growth_outside[mm.compared] = 0.0
        np.add.at(growth_area, gm, np.asarray(mm.growth_area, dtype=float))
        np.add.at(growth_outside, gm, np.asarray(mm.growth_outside, dtype=float))
        np.logical_or.at(toward, gm, np.asarray(mm.growth_toward, dtype=bool))
        order = np.argsort(gm, kind="stable").tolist()
        result.growth = {
            "license_no": [label[i] or None for i in gm[order].tolist()],
            "area_m2": [round(a, 2) for a in np.asarray(mm.growth_area, dtype=float)[order].tolist()],
            "outside_area_m2": [round(a, 2) for a in np.asarray(mm.growth_outside, dtype=float)[order].tolist()],
            "toward_boundary": [bool(x) for x in np.asarray(mm.growth_toward, dtype=bool)[order].tolist()],
            "geometry": [mm.growth_geometry[k] for k in order],
        }
        missing = [label[i] for i in np.flatnonzero(mm.matched & ~mm.compared)]
        if missing:
            result.warnings.append(tr("Not surveyed in the previous round, growth not computed: {mines}").format(
                mines=", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")))

    result.summary = {name: [] for name in (*SUMMARY_FIELDS, "geometry")}
    for i in range(m):
        depth = []
        if not np.isnan(above[i]):
            depth.append(tr("{m} m above the licensed top").format(m=f"{above[i]:.1f}"))
        if not np.isnan(below[i]):
            depth.append(tr("{m} m below the licensed bottom").format(m=f"{below[i]:.1f}"))
        findings = []
        if not mm.matched[i]:
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
        surveyed = float(mm.surveyed_m2[i])
        row = {
            "license_no": label[i] or None,
            "survey_round": mm.survey_round[i] if mm.survey_round else None,
            "matched": bool(mm.matched[i]),
            "extents": int(mm.extents[i]),
            "surveyed_area_m2": round(surveyed, 2),
            "inside_area_m2": round(float(surveyed - outside_area[i]), 2),
            "outside_area_m2": round(float(outside_area[i]), 2),
            "outside_pieces": int(piece_count[i]),
            "max_distance_m": None if np.isnan(max_distance[i]) else round(float(max_distance[i]), 2),
            "growth_area_m2": None if np.isnan(growth_area[i]) else round(float(growth_area[i]), 2),
            "growth_outside_area_m2": None if np.isnan(growth_outside[i]) else round(float(growth_outside[i]), 2),
            "grew_toward_boundary": bool(toward[i]),
            "approaching": bool(approaching[i]),
            "boundary_distance_m": None if np.isnan(boundary_distance[i]) else round(float(boundary_distance[i]), 2),
            "elevation_top_m": _plain(mm.elevation_top_m[i]),
            "elevation_bottom_m": _plain(mm.elevation_bottom_m[i]),
            "licensed_top_m": _plain(mm.licensed_top_m[i]),
            "licensed_bottom_m": _plain(mm.licensed_bottom_m[i]),
            "above_top_m": _plain(above[i]),
            "below_bottom_m": _plain(below[i]),
            "depth_finding": "; ".join(depth) or None,
            "finding": "; ".join(findings) or None,
            "geometry": mm.geometry[i],
        }
        for name, value in row.items():
            result.summary[name].append(value)
    if result.unmatched:
        result.warnings.append(tr("Extents matching no licence, held against every licence: {extents}").format(
            extents=", ".join(result.unmatched[:10]) + (" …" if len(result.unmatched) > 10 else "")))
    return result
