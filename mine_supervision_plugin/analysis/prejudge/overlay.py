"""The overlay: which patches meet which polygons, by how much, and the area covered by several.

One bulk STRtree query per layer, prepared ``contains_properly`` for the
pairs whose bounding boxes nest (a patch wholly inside a polygon needs no
overlay), vectorised ``shapely.intersection`` on the other pairs, numpy
group-by on the pair indices, and a union only where a patch meets three
polygons or more. Shapely releases the GIL: :class:`Runner` runs the heavy
steps in a few threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from .inputs import clean_polygons
from .model import POSITIVE_AREA_M2, PrejudgeCanceled


def default_workers() -> int:
    """Threads for the shapely work: the CPUs, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


class Runner:
    """Runs vectorised shapely functions in chunks, in threads, reporting progress and cancellation."""

    def __init__(self, workers, progress, is_canceled):
        self.workers = workers or default_workers()
        self.progress = progress
        self.is_canceled = is_canceled
        self._pool = ThreadPoolExecutor(self.workers) if self.workers > 1 else None

    def close(self):
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def check(self):
        if self.is_canceled is not None and self.is_canceled():
            raise PrejudgeCanceled()

    def report(self, percent: float):
        if self.progress is not None:
            self.progress(min(100.0, max(0.0, percent)))

    def map(
        self, func: Callable, *arrays, start: float = 0, end: float = 0, chunk: int = 2048, align=None
    ) -> np.ndarray:
        """``func(*arrays)`` computed chunk by chunk; results concatenated.

        ``align`` (sorted keys, one per item) keeps equal keys in one chunk:
        GEOS prepared geometries build their index lazily and must not be
        used by two threads at once, so the items sharing a prepared geometry
        go to the same thread.
        """
        n = len(arrays[0])
        if n == 0:
            return func(*arrays)
        self.check()
        if n <= chunk:
            result = func(*arrays)
            self.report(end)
            return result
        bounds = list(range(0, n, chunk)) + [n]
        if align is not None:
            starts = np.append(group_starts(np.asarray(align)), n)
            moved = starts[np.searchsorted(starts, bounds[1:-1])]  # next group start at or after each bound
            bounds = sorted({0, n, *moved.tolist()})
        slices = [slice(a, b) for a, b in zip(bounds[:-1], bounds[1:])]
        results = [None] * len(slices)
        if self._pool is None:
            for k, s in enumerate(slices):
                self.check()
                results[k] = func(*(a[s] for a in arrays))
                self.report(start + (end - start) * (k + 1) / len(slices))
        else:
            futures = [self._pool.submit(func, *(a[s] for a in arrays)) for s in slices]
            try:
                for k, future in enumerate(futures):
                    results[k] = future.result()
                    self.report(start + (end - start) * (k + 1) / len(slices))
                    if self.is_canceled is not None and self.is_canceled():
                        raise PrejudgeCanceled()
            finally:
                for future in futures:
                    future.cancel()
        return np.concatenate(results)



def group_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Start offsets of the runs of equal values in ``sorted_keys``."""
    if len(sorted_keys) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _bbox_nested(inner_bounds: np.ndarray, outer_bounds: np.ndarray) -> np.ndarray:
    return (
        (outer_bounds[:, 0] <= inner_bounds[:, 0])
        & (outer_bounds[:, 1] <= inner_bounds[:, 1])
        & (outer_bounds[:, 2] >= inner_bounds[:, 2])
        & (outer_bounds[:, 3] >= inner_bounds[:, 3])
    )


def _area_of_intersection(a, b):
    return shapely.area(shapely.intersection(a, b))


def overlay_pairs(
    patches: np.ndarray,
    others: np.ndarray,
    runner: Runner,
    *,
    start: float = 0,
    end: float = 0,
    with_pieces: bool = False,
    others_status: np.ndarray | None = None,
    others_clean: bool = False,
):
    """Pairs (patch i, other j) overlapping with positive area, and the overlap area of each.

    ``patches`` holds clean shapely polygons (or None); ``others`` raw
    polygons: only those whose bounding box meets a patch are checked and
    repaired (in place, their status written to ``others_status``: see
    :func:`clean_polygons`), unless ``others_clean`` says they were cleaned
    already. For a patch wholly inside the other polygon (prepared ``contains_properly``, tried only where the bounding boxes nest)
    the overlap is the patch itself and no overlay is computed. With
    ``with_pieces`` the overlap geometries are returned too (None where the
    patch is wholly inside).
    """
    empty = np.zeros(0, dtype=np.int64)
    nothing = (empty, empty, np.zeros(0), np.zeros(0, dtype=bool))
    if with_pieces:
        nothing = (*nothing, np.empty(0, dtype=object))
    p_ok = np.flatnonzero(~shapely.is_missing(patches))
    absent = shapely.is_missing(others) | shapely.is_empty(others)
    if others_status is not None:
        others_status[absent & (others_status < 2)] = 2
    o_ok = np.flatnonzero(~absent)
    if len(p_ok) == 0 or len(o_ok) == 0:
        return nothing
    tree = shapely.STRtree(others[o_ok])
    qi, qj = tree.query(patches[p_ok])
    pi, oj = p_ok[qi], o_ok[qj]
    runner.check()
    if not others_clean:  # check and repair the polygons that meet a patch
        involved = np.unique(oj)
        cleaned, status = clean_polygons(others[involved], runner)
        others[involved] = cleaned
        if others_status is not None:
            others_status[involved] = status
        usable = ~shapely.is_missing(others[oj])
        pi, oj = pi[usable], oj[usable]
    nested = _bbox_nested(shapely.bounds(patches[pi]), shapely.bounds(others[oj]))
    inside = np.zeros(len(pi), dtype=bool)
    mid = start + (end - start) * 0.2
    if nested.any():
        candidates = np.flatnonzero(nested)
        candidates = candidates[np.argsort(oj[candidates], kind="stable")]
        to_prepare = np.unique(oj[candidates])
        to_prepare = to_prepare[~shapely.is_prepared(others[to_prepare])]
        shapely.prepare(others[to_prepare])
        try:
            inside[candidates] = runner.map(
                shapely.contains_properly,
                others[oj[candidates]],
                patches[pi[candidates]],
                start=start,
                end=mid,
                align=oj[candidates],
            )
        finally:
            shapely.destroy_prepared(others[to_prepare])
    cross = np.flatnonzero(~inside)
    areas = np.empty(len(pi))
    areas[inside] = shapely.area(patches[pi[inside]])
    pieces = None
    if with_pieces:
        pieces = np.empty(len(pi), dtype=object)
        pieces[cross] = runner.map(shapely.intersection, patches[pi[cross]], others[oj[cross]], start=mid, end=end)
        areas[cross] = shapely.area(pieces[cross])
    else:
        areas[cross] = runner.map(_area_of_intersection, patches[pi[cross]], others[oj[cross]], start=mid, end=end)
    keep = areas > POSITIVE_AREA_M2
    result = (pi[keep], oj[keep], areas[keep], inside[keep])
    if with_pieces:
        return (*result, pieces[keep])
    return result


def covered_area(n: int, pi, areas, inside, pieces, patch_area, runner, select=None, polygons=None) -> np.ndarray:
    """Area of each patch covered by the union of its overlapping polygons (pairs sorted by patch).

    ``select`` (bool per pair) restricts to some of the polygons. Overlaps are
    counted once: a patch wholly inside one polygon is covered by its whole
    area; one piece counts its area; two or more pieces are unioned.
    ``polygons`` (the whole polygon of each pair, optional): the overlap of two
    pieces P∩A and P∩B is then measured as (P∩A)∩B, the same area, cheaper
    than intersecting two pieces that share the patch's boundary.
    """
    covered = np.zeros(n)
    if select is not None:
        pi, areas, inside, pieces = pi[select], areas[select], inside[select], pieces[select]
        if polygons is not None:
            polygons = polygons[select]
    if len(pi) == 0:
        return covered
    whole = np.zeros(n, dtype=bool)
    whole[pi[inside]] = True
    counts = np.bincount(pi, minlength=n)
    single = (counts == 1) & ~whole
    mask = single[pi]
    covered[pi[mask]] = areas[mask]
    covered[whole] = patch_area[whole]
    multi = (counts >= 2) & ~whole
    if multi.any():
        sel = np.flatnonzero(multi[pi])
        keys = pi[sel]
        starts = group_starts(keys)
        stops = np.r_[starts[1:], len(sel)]
        two = (stops - starts) == 2
        # two pieces: inclusion-exclusion, vectorised; pieces whose boxes do not meet do not overlap
        if two.any():
            a = pieces[sel[starts[two]]]
            b = pieces[sel[starts[two] + 1]]
            total = shapely.area(a) + shapely.area(b)
            ba, bb = shapely.bounds(a), shapely.bounds(b)
            meet = (ba[:, 0] <= bb[:, 2]) & (bb[:, 0] <= ba[:, 2]) & (ba[:, 1] <= bb[:, 3]) & (bb[:, 1] <= ba[:, 3])
            overlap = np.zeros(len(a))
            if meet.any():
                if polygons is not None:
                    # (P∩A)∩B or (P∩B)∩A, whichever has fewer vertices
                    pa = polygons[sel[starts[two]]][meet]
                    pb = polygons[sel[starts[two] + 1]][meet]
                    a, b = a[meet], b[meet]
                    swap = shapely.get_num_coordinates(b) + shapely.get_num_coordinates(pa) < (
                        shapely.get_num_coordinates(a) + shapely.get_num_coordinates(pb)
                    )
                    overlap[meet] = runner.map(_area_of_intersection, np.where(swap, b, a), np.where(swap, pa, pb))
                else:
                    overlap[meet] = runner.map(_area_of_intersection, a[meet], b[meet])
            covered[keys[starts[two]]] = total - overlap
        for s, e in zip(starts[~two], stops[~two]):
            covered[keys[s]] = shapely.area(shapely.union_all(pieces[sel[s:e]]))
    return covered
