"""Pre-judgment of suspect patches (图斑预判) against mining licences.

For every patch, against the licences and their validity on the patch's
after-imagery date:

* ``inside_area_m2``: the patch area covered by the union of all licence
  polygons, whatever their validity; ``outside_area_m2`` = area - inside;
* ``prejudgment``: ``unlicensed`` when inside < tolerance; else
  ``out_of_bounds`` when outside >= tolerance; else ``expired_licence`` when
  the part not covered by licences valid on that date (valid_from <= date <=
  valid_to) is >= tolerance; else ``within_licence``;
* ``license_no``: every licence the patch overlaps with positive area, sorted,
  comma-separated; ``expired_area_m2``: the part inside licences but outside
  every licence valid on the date;
* ``zone_name``/``zone_level``: the key monitoring zone holding the largest
  share of the patch;
* ``repeat_years``: years of earlier patches it overlaps (多年连续变化);
* ``penalties_2y``/``transfer_to_judiciary``: the holder's administrative
  penalties for illegal mining in the two years before the date, and the
  ≥ 2 penalties rule of seed 003 (二年内曾因非法采矿受过两次以上行政处罚，又实施
  非法采矿行为 → 移送司法机关);
* ``prejudge_note``: why a value could not be computed or should be read with
  care (repaired geometry, no date, ...).

Decisions (see also the module's tests):

* A patch without a usable date keeps its areas and can be ``unlicensed``,
  ``out_of_bounds`` or ``within_licence``, but never ``expired_licence``: the
  validity of its licences is unknown. Its note says so, ``expired_area_m2``
  and ``penalties_2y`` stay empty, and a warning names it.
* A licence with an empty valid_from or valid_to is taken as unbounded on that
  side (it cannot make a patch "expired"), and a warning names it. A licence
  not yet valid on the date (valid_from after it) counts as not valid, like an
  expired one: the code is still ``expired_licence``.
* Only the licences, zones and earlier patches whose bounding box meets a
  patch are checked for validity (and repaired): the others cannot change a
  result. A caller may clean patches and licences itself (``patch_status``,
  ``LicenceSet.status``): the Processing algorithm checks them batch by batch
  while it reads them from a file, so every licence read is checked.
* "Positive area" (licences touched, earlier patches, zones) means an overlap
  larger than :data:`POSITIVE_AREA_M2` (1 mm²), so that shared edges and
  floating-point slivers do not count.
* Invalid geometries are repaired with ``make_valid`` (their polygonal part
  kept) and named; empty or non-polygonal patches stay in the result with an
  empty prejudgment and a note; empty licences are ignored and named.
* Earlier patches of the patch's own year or later are not "previous"
  (so the current batch can be passed as PREVIOUS_PATCHES without matching
  itself) when the patch's year is known.
* Penalty cases match a patch through the licences it touches (their
  license_no, and their holder when the licences carry one) and through the
  patch's own holder field when it has one; a case counts when its penalty
  date lies in [date - 2 years, date]. ``transfer_to_judiciary`` is set when
  that count is ≥ 2 and the patch is a suspected violation (not
  ``within_licence``): 以上 includes the number itself.

Areas are planar: :func:`prejudge` projects geographic data to the CGCS2000
3-degree Gauss–Krüger zone of its centre (EPSG 4534–4554, no zone prefix) and
reprojects the other layers to the patches' CRS. :func:`prejudge_arrays` works
on shapely arrays already in one planar CRS and needs neither pandas nor
geopandas.

The work is vectorised: one bulk STRtree query per layer, prepared
``contains_properly`` for the pairs whose bounding boxes nest (a patch wholly
inside a licence needs no overlay), vectorised ``shapely.intersection`` on the
other pairs, numpy group-by on the pair indices, and a union only where a patch
touches two or more licences. Shapely releases the GIL, so the heavy steps run
in a few threads.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import shapely

from ..domain.crs import CrsError, analysis_crs
from ..domain.dates import to_date
from ..domain.licence import split_list
from ..i18n import tr

DEFAULT_DATE_FIELD = "date_after"
DEFAULT_TOLERANCE_M2 = 1.0
POSITIVE_AREA_M2 = 1e-6
PENALTY_WINDOW_YEARS = 2
PENALTIES_FOR_TRANSFER = 2
MAX_NAMED = 20  # items named in one warning before "and N more"

PREJUDGMENTS = ("within_licence", "out_of_bounds", "expired_licence", "unlicensed")

#: Output columns added to every patch, in order, with their kinds.
OUTPUT_FIELDS: tuple[tuple[str, str], ...] = (
    ("prejudgment", "text"),
    ("inside_area_m2", "real"),
    ("outside_area_m2", "real"),
    ("expired_area_m2", "real"),
    ("license_no", "text"),
    ("zone_name", "text"),
    ("zone_level", "text"),
    ("repeat_years", "text"),
    ("penalties_2y", "integer"),
    ("transfer_to_judiciary", "boolean"),
    ("prejudge_note", "text"),
)

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


class PrejudgeError(Exception):
    """Input the pre-judgment cannot work with, worded for the user."""


class PrejudgeCanceled(Exception):
    """Raised when the caller's ``is_canceled`` returns True."""


# --------------------------------------------------------------------------- inputs


@dataclass
class LicenceSet:
    """Licence polygons (one row per polygon; a licence may have several) and their validity."""

    geometries: np.ndarray
    license_no: Sequence
    valid_from: Sequence  # dates, datetimes, ISO strings or None
    valid_to: Sequence
    holder: Sequence | None = None
    #: Set when ``geometries`` were already cleaned by :func:`clean_polygons` (its status per polygon):
    #: they are then used as they are. A caller reading the licences can check them while it reads.
    status: np.ndarray | None = None


@dataclass
class ZoneSet:
    """Key monitoring zones (重点监测矿区)."""

    geometries: np.ndarray
    name: Sequence
    level: Sequence | None = None


@dataclass
class PreviousPatches:
    """Patches of earlier years (or batches) with their year."""

    geometries: np.ndarray
    year: Sequence  # int years (or None)


@dataclass
class PenaltyCases:
    """Administrative penalties for illegal mining: who (licence and/or holder) and when."""

    penalty_date: Sequence
    license_no: Sequence | None = None
    holder: Sequence | None = None


@dataclass
class PrejudgeArrays:
    """Per-patch results aligned with the input patches (``None``/NaN where not computed)."""

    columns: dict[str, list | np.ndarray]
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.columns["prejudgment"])

    def row(self, index: int) -> dict:
        """The output values of one patch, as plain Python values (None for missing)."""
        values = {}
        for name, kind in OUTPUT_FIELDS:
            value = self.columns[name][index]
            if kind == "real":
                value = None if value is None or not math.isfinite(value) else float(value)
            elif kind == "integer":
                value = None if value is None or value < 0 else int(value)
            elif kind == "boolean":
                value = None if value is None else bool(value)
            values[name] = value
        return values


# --------------------------------------------------------------------------- dates and CRS


def parse_date(value) -> dt.date | None:
    """A date from a date, datetime, numpy/pandas timestamp, QDate or date text; None if empty.

    Raises ValueError for text that is not a date (see :func:`..domain.dates.to_date`).
    """
    return to_date(value, strict=True)


def date_ordinals(values: Sequence | None, n: int) -> tuple[np.ndarray, list[int]]:
    """Dates as float ordinals (NaN where empty) and the indices of unreadable values."""
    out = np.full(n, np.nan)
    bad: list[int] = []
    if values is None:
        return out, bad
    try:  # the usual case: date objects (or None) only
        return np.array([np.nan if v is None else v.toordinal() for v in values], dtype=float), bad
    except (AttributeError, TypeError, ValueError):
        pass
    cache: dict = {}
    for i, value in enumerate(values):
        try:
            key = value if isinstance(value, (str, bytes, dt.date)) else None
            if key is not None and key in cache:
                ordinal = cache[key]
            else:
                parsed = parse_date(value)
                ordinal = float(parsed.toordinal()) if parsed else np.nan
                if key is not None:
                    cache[key] = ordinal
        except (ValueError, TypeError, OverflowError):
            bad.append(i)
            continue
        out[i] = ordinal
    return out, bad


def _short_list(items: Sequence) -> str:
    items = [str(i) for i in items]
    if len(items) <= MAX_NAMED:
        return ", ".join(items)
    return tr("{names} and {more} more").format(names=", ".join(items[:MAX_NAMED]), more=len(items) - MAX_NAMED)


# --------------------------------------------------------------------------- geometry helpers


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class _Runner:
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
            starts = np.append(_group_starts(np.asarray(align)), n)
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


def _polygonal_part(geometry):
    """The polygonal part of a (repaired) geometry, or None when it has none."""
    if geometry is None or shapely.is_empty(geometry):
        return None
    kind = shapely.get_type_id(geometry)
    if kind in _POLYGONAL:
        return geometry
    parts = shapely.get_parts(geometry)
    parts = parts[np.isin(shapely.get_type_id(parts), _POLYGONAL)]
    if len(parts) == 0:
        return None
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def clean_polygons(geometries: np.ndarray, runner: _Runner | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Repair polygons for analysis.

    Returns the cleaned array (None where unusable) and a status per item:
    0 ok, 1 repaired (make_valid), 2 empty/missing, 3 not polygonal (even after repair).
    """
    geoms = np.asarray(geometries, dtype=object).copy()
    n = len(geoms)
    status = np.zeros(n, dtype=np.int8)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    status[missing] = 2
    geoms[missing] = None
    types = shapely.get_type_id(geoms)
    other = ~missing & ~np.isin(types, _POLYGONAL)
    present = np.flatnonzero(~missing & ~other)
    if runner is not None:
        valid = runner.map(shapely.is_valid, geoms[present])
    else:
        valid = shapely.is_valid(geoms[present])
    to_fix = np.concatenate([present[~valid], np.flatnonzero(other)])
    for i in to_fix:
        repaired = _polygonal_part(shapely.make_valid(geoms[i]))
        if repaired is None or shapely.area(repaired) <= 0:
            geoms[i] = None
            status[i] = 3
        else:
            geoms[i] = repaired
            status[i] = 1
    if shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    return geoms, status


def _group_starts(sorted_keys: np.ndarray) -> np.ndarray:
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
    runner: _Runner,
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


def _covered_area(n: int, pi, areas, inside, pieces, patch_area, runner, select=None, polygons=None) -> np.ndarray:
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
        starts = _group_starts(keys)
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


# --------------------------------------------------------------------------- the computation


def prejudge_arrays(
    patches: np.ndarray,
    licences: LicenceSet,
    *,
    dates: Sequence | None = None,
    patch_ids: Sequence | None = None,
    years: Sequence | None = None,
    holders: Sequence | None = None,
    zones: ZoneSet | None = None,
    previous: PreviousPatches | None = None,
    cases: PenaltyCases | None = None,
    tolerance_m2: float = DEFAULT_TOLERANCE_M2,
    date_label: str = DEFAULT_DATE_FIELD,
    workers: int | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
    patch_status: np.ndarray | None = None,
) -> PrejudgeArrays:
    """Pre-judge ``patches`` (shapely polygons, one planar CRS shared with every other input).

    ``dates`` are the after-imagery dates (date objects, ISO strings or None),
    ``patch_ids`` name patches in warnings (default: their position, from 1),
    ``years`` the patches' years (default: the year of their date),
    ``holders`` an optional holder per patch for matching penalty cases.
    ``patch_status``: set when ``patches`` were already cleaned by
    :func:`clean_polygons` (its status per patch), e.g. while they were read.
    """
    if tolerance_m2 < 0:
        raise PrejudgeError(tr("The tolerance must not be negative."))
    patches = np.asarray(patches, dtype=object)
    n = len(patches)
    ids = [str(i + 1) for i in range(n)] if patch_ids is None else [str(v) for v in patch_ids]
    warnings: list[str] = []
    notes: dict[int, list[str]] = defaultdict(list)  # patch index -> its notes (most patches have none)
    runner = _Runner(workers, progress, is_canceled)
    try:
        runner.report(0)
        if patch_status is None:
            geoms, status = clean_polygons(patches, runner)
        else:
            geoms, status = patches, np.asarray(patch_status, dtype=np.int8)
        return _prejudge(
            geoms,
            status,
            licences,
            dates,
            ids,
            years,
            holders,
            zones,
            previous,
            cases,
            tolerance_m2,
            date_label,
            runner,
            warnings,
            notes,
        )
    finally:
        runner.close()


def _prejudge(
    geoms, status, licences, dates, ids, years, holders, zones, previous, cases, tol, date_label, runner, warnings, notes
):
    n = len(geoms)
    runner.report(8)

    # ---- patches: name the repaired and unusable ones
    for code, warning, note in (
        (1, tr("Invalid geometry repaired (make_valid) for patches: {names}"), tr("geometry repaired")),
        (2, tr("Empty geometry, not pre-judged, for patches: {names}"), tr("empty geometry: not pre-judged")),
        (
            3,
            tr("Geometry without any area, not pre-judged, for patches: {names}"),
            tr("geometry has no area: not pre-judged"),
        ),
    ):
        named = np.flatnonzero(status == code)
        if len(named):
            warnings.append(warning.format(names=_short_list([ids[i] for i in named])))
            for i in named:
                notes[i].append(note)
    usable = ~shapely.is_missing(geoms)
    patch_area = np.full(n, np.nan)
    patch_area[usable] = shapely.area(geoms[usable])

    # ---- dates
    date_ord, bad_dates = date_ordinals(dates, n)
    if bad_dates:
        warnings.append(
            tr("Unreadable {field} for patches: {names}").format(
                field=date_label, names=_short_list([ids[i] for i in bad_dates])
            )
        )
    undated = np.flatnonzero(usable & np.isnan(date_ord))
    if dates is None:
        warnings.append(
            tr("The patches have no {field} field: licence validity was not checked.").format(field=date_label)
        )
    elif len(undated):
        warnings.append(
            tr(
                "No {field} for patches {names}: licence validity not checked (they cannot be 'expired_licence')."
            ).format(field=date_label, names=_short_list([ids[i] for i in undated]))
        )
    for i in undated:
        notes[i].append(tr("no imagery date: licence validity not checked"))
    if years is None:
        year_of = np.full(n, np.nan)
        dated = ~np.isnan(date_ord)
        year_of[dated] = [dt.date.fromordinal(int(o)).year for o in date_ord[dated]]
    else:
        year_of = np.array([_to_year(v) for v in years], dtype=float)
        missing_year = np.isnan(year_of) & ~np.isnan(date_ord)
        year_of[missing_year] = [dt.date.fromordinal(int(o)).year for o in date_ord[missing_year]]

    # ---- licences
    lic_geoms = np.asarray(licences.geometries, dtype=object)
    m = len(lic_geoms)
    lic_no = np.array(["" if v is None else str(v).strip() for v in licences.license_no], dtype=object)
    lic_label = [lic_no[j] or tr("(row {row})").format(row=j + 1) for j in range(m)]
    if (lic_no == "").any():
        warnings.append(tr("{count} licence polygons have no license_no.").format(count=int((lic_no == "").sum())))
    vfrom, bad_from = date_ordinals(licences.valid_from, m)
    vto, bad_to = date_ordinals(licences.valid_to, m)
    bad_validity = sorted(set(bad_from) | set(bad_to))
    if bad_validity:
        warnings.append(
            tr("Unreadable validity dates, taken as open, for licences: {names}").format(
                names=_short_list([lic_label[j] for j in bad_validity])
            )
        )
    open_validity = np.flatnonzero(np.isnan(vfrom) | np.isnan(vto))
    open_validity = np.setdiff1d(open_validity, bad_validity)
    if len(open_validity):
        warnings.append(
            tr("Licences with an empty valid_from or valid_to, taken as open on that side: {names}").format(
                names=_short_list(sorted({lic_label[j] for j in open_validity}))
            )
        )

    # ---- overlay with the licences (only licences meeting a patch are checked and repaired)
    lic_clean = lic_geoms.copy()
    cleaned = licences.status is not None
    lic_status = np.array(licences.status, dtype=np.int8) if cleaned else np.zeros(m, dtype=np.int8)
    pi, lj, areas, whole, pieces = overlay_pairs(
        geoms,
        lic_clean,
        runner,
        start=10,
        end=80,
        with_pieces=True,
        others_status=lic_status,
        others_clean=cleaned,
    )
    if (lic_status == 1).any():
        warnings.append(
            tr("Invalid licence geometry repaired (make_valid): {names}").format(
                names=_short_list([lic_label[j] for j in np.flatnonzero(lic_status == 1)])
            )
        )
    if (lic_status >= 2).any():
        warnings.append(
            tr("Licences without usable geometry, ignored: {names}").format(
                names=_short_list([lic_label[j] for j in np.flatnonzero(lic_status >= 2)])
            )
        )
    order = np.lexsort((lj, pi))
    pi, lj, areas, whole, pieces = pi[order], lj[order], areas[order], whole[order], pieces[order]
    pieces[whole] = geoms[pi[whole]]
    pair_polygons = lic_clean[lj]
    inside = _covered_area(n, pi, areas, whole, pieces, patch_area, runner, polygons=pair_polygons)
    inside = np.minimum(inside, np.nan_to_num(patch_area, nan=0.0))
    runner.report(85)

    # validity of each pair on the patch's date (NaN bounds are open)
    d = date_ord[pi]
    valid_pair = ~np.isnan(d) & ~(vfrom[lj] > d) & ~(vto[lj] < d)
    n_pairs = np.bincount(pi, minlength=n)
    n_valid = np.bincount(pi, weights=valid_pair, minlength=n).astype(np.int64)
    covered_valid = np.where(n_valid == n_pairs, inside, 0.0)
    mixed = (n_valid > 0) & (n_valid < n_pairs)
    if mixed.any():
        select = valid_pair & mixed[pi]
        cv = _covered_area(n, pi, areas, whole, pieces, patch_area, runner, select=select, polygons=pair_polygons)
        covered_valid[mixed] = cv[mixed]
    covered_valid = np.minimum(covered_valid, inside)

    outside = np.where(usable, patch_area - inside, np.nan)
    outside = np.maximum(outside, 0.0, where=usable, out=outside)
    has_date = ~np.isnan(date_ord)
    expired_area = np.where(usable & has_date, inside - covered_valid, np.nan)
    not_valid = np.where(usable & has_date, patch_area - covered_valid, np.nan)

    prejudgment = np.full(n, None, dtype=object)
    prejudgment[usable] = "within_licence"
    exp = usable & has_date & (not_valid >= tol)
    prejudgment[exp] = "expired_licence"
    oob = usable & (outside >= tol)
    prejudgment[oob] = "out_of_bounds"
    unl = usable & (inside < tol)
    prejudgment[unl] = "unlicensed"

    license_text = np.full(n, None, dtype=object)
    holders_of: dict[int, set] = {}
    lic_holder = None
    if licences.holder is not None:
        lic_holder = ["" if h is None else str(h).strip() for h in licences.holder]
    starts = _group_starts(pi)
    stops = np.r_[starts[1:], len(pi)]
    single = (stops - starts) == 1
    if lic_holder is None and single.any():  # one licence touched: its number, vectorised
        text = lic_no[lj[starts[single]]]
        license_text[pi[starts[single]]] = np.where(text == "", None, text)
        starts, stops = starts[~single], stops[~single]
    for s, e in zip(starts, stops):
        names = sorted({lic_no[j] for j in lj[s:e] if lic_no[j]})
        license_text[pi[s]] = ",".join(names) if names else None
        if lic_holder is not None:
            holders_of[int(pi[s])] = {lic_holder[j] for j in lj[s:e] if lic_holder[j]}
    runner.report(88)

    columns: dict = {
        "prejudgment": prejudgment,
        "inside_area_m2": np.where(usable, inside, np.nan),
        "outside_area_m2": outside,
        "expired_area_m2": expired_area,
        "license_no": license_text,
    }

    # ---- zones
    zone_name = np.full(n, None, dtype=object)
    zone_level = np.full(n, None, dtype=object)
    if zones is not None:
        _zones(geoms, zones, runner, warnings, zone_name, zone_level)
    columns["zone_name"] = zone_name
    columns["zone_level"] = zone_level
    runner.report(92)

    # ---- earlier patches
    repeat = np.full(n, None, dtype=object)
    if previous is not None:
        _repeat_years(geoms, year_of, previous, runner, warnings, repeat)
    columns["repeat_years"] = repeat
    runner.report(96)

    # ---- penalties
    penalties = np.full(n, -1, dtype=np.int64)
    transfer = np.full(n, None, dtype=object)
    if cases is not None:
        _penalties(
            n, date_ord, usable, lic_no, pi, lj, holders_of, holders, cases, prejudgment, warnings, penalties, transfer
        )
    columns["penalties_2y"] = penalties
    columns["transfer_to_judiciary"] = transfer
    prejudge_note = np.full(n, None, dtype=object)
    for i, texts in notes.items():
        if texts:
            prejudge_note[i] = "; ".join(texts)
    columns["prejudge_note"] = prejudge_note
    runner.report(100)
    return PrejudgeArrays(columns=columns, warnings=warnings)


def _to_year(value) -> float:
    if value is None:
        return np.nan
    try:
        year = float(value)
    except (TypeError, ValueError):
        try:
            parsed = parse_date(value)
        except (TypeError, ValueError):
            return np.nan
        return float(parsed.year) if parsed else np.nan
    if math.isnan(year) or not 1900 <= year <= 2200:
        return np.nan
    return year


def _zones(geoms, zones: ZoneSet, runner, warnings, zone_name, zone_level):
    from ..domain.vocab import to_code

    zgeoms = np.asarray(zones.geometries, dtype=object).copy()
    zstatus = np.zeros(len(zgeoms), dtype=np.int8)
    names = ["" if v is None else str(v).strip() for v in zones.name]
    levels_in = [None] * len(names) if zones.level is None else list(zones.level)
    levels = []
    unknown = set()
    for value in levels_in:
        if value is None or str(value).strip() == "":
            levels.append(None)
            continue
        code = to_code("zone_level", value)
        if code is None:
            unknown.add(str(value))
            code = str(value).strip()
        levels.append(code)
    if unknown:
        warnings.append(tr("Unknown zone levels kept as written: {names}").format(names=_short_list(sorted(unknown))))
    pi, zj, areas, _ = overlay_pairs(geoms, zgeoms, runner, others_status=zstatus)
    if (zstatus >= 2).any():
        warnings.append(
            tr("Monitoring zones without usable geometry, ignored: {names}").format(
                names=_short_list([names[j] or str(j + 1) for j in np.flatnonzero(zstatus >= 2)])
            )
        )
    if len(pi) == 0:
        return
    order = np.lexsort((zj, -areas, pi))  # per patch: largest share first, then zone order
    pi, zj = pi[order], zj[order]
    first = _group_starts(pi)
    for i, j in zip(pi[first], zj[first]):
        zone_name[i] = names[j] or None
        zone_level[i] = levels[j]


def _repeat_years(geoms, year_of, previous: PreviousPatches, runner, warnings, repeat):
    pgeoms = np.asarray(previous.geometries, dtype=object).copy()
    pyears = np.array([_to_year(v) for v in previous.year], dtype=float)
    no_year = np.flatnonzero(np.isnan(pyears) & ~shapely.is_missing(pgeoms))
    if len(no_year):
        warnings.append(tr("{count} earlier patches have no year and were not used.").format(count=len(no_year)))
    pgeoms[np.isnan(pyears)] = None
    pi, qj, _, _ = overlay_pairs(geoms, pgeoms, runner)
    if len(pi) == 0:
        return
    yrs = pyears[qj]
    own = year_of[pi]
    keep = np.isnan(own) | (yrs < own)
    pi, yrs = pi[keep], yrs[keep].astype(np.int64)
    order = np.lexsort((yrs, pi))
    pi, yrs = pi[order], yrs[order]
    starts = _group_starts(pi)
    stops = np.r_[starts[1:], len(pi)]
    for s, e in zip(starts, stops):
        repeat[pi[s]] = ",".join(str(y) for y in np.unique(yrs[s:e]))


def _penalties(
    n,
    date_ord,
    usable,
    lic_no,
    pi,
    lj,
    holders_of,
    patch_holders,
    cases: PenaltyCases,
    prejudgment,
    warnings,
    penalties,
    transfer,
):
    k = len(cases.penalty_date)
    cdate, bad = date_ordinals(cases.penalty_date, k)
    if bad or np.isnan(cdate).any():
        warnings.append(
            tr("{count} penalty cases have no readable penalty date and were not counted.").format(
                count=int(np.isnan(cdate).sum())
            )
        )
    by_licence: dict[str, list[int]] = {}
    by_holder: dict[str, list[int]] = {}
    for c in range(k):
        if np.isnan(cdate[c]):
            continue
        if cases.license_no is not None and cases.license_no[c] not in (None, ""):
            for number in split_list(cases.license_no[c]):
                by_licence.setdefault(number, []).append(c)
        if cases.holder is not None and cases.holder[c] not in (None, ""):
            by_holder.setdefault(str(cases.holder[c]).strip(), []).append(c)
    licences_of: dict[int, set] = {}
    starts = _group_starts(pi)
    stops = np.r_[starts[1:], len(pi)]
    for s, e in zip(starts, stops):
        licences_of[int(pi[s])] = {lic_no[j] for j in lj[s:e] if lic_no[j]}
    for i in range(n):
        if not usable[i] or np.isnan(date_ord[i]):
            continue
        day = dt.date.fromordinal(int(date_ord[i]))
        try:
            lower = day.replace(year=day.year - PENALTY_WINDOW_YEARS)
        except ValueError:  # 29 February
            lower = day.replace(year=day.year - PENALTY_WINDOW_YEARS, day=28)
        lo, hi = lower.toordinal(), date_ord[i]
        matched: set[int] = set()
        for number in licences_of.get(i, ()):
            matched.update(by_licence.get(number, ()))
        party = set(holders_of.get(i, ()))
        if patch_holders is not None and patch_holders[i] not in (None, ""):
            party.add(str(patch_holders[i]).strip())
        for name in party:
            matched.update(by_holder.get(name, ()))
        count = sum(1 for c in matched if lo <= cdate[c] <= hi)
        penalties[i] = count
        transfer[i] = bool(count >= PENALTIES_FOR_TRANSFER and prejudgment[i] not in (None, "within_licence"))


# --------------------------------------------------------------------------- geopandas face


@dataclass
class PrejudgeResult:
    """The patches with the output columns added, the warnings, and the CRS the areas were measured in."""

    frame: object  # geopandas.GeoDataFrame
    warnings: list[str]
    analysis_crs: object = None  # pyproj.CRS


def find_column(columns: Sequence[str], *candidates: str) -> str | None:
    """The first of ``candidates`` present in ``columns``, compared without case."""
    lower = {str(c).lower(): c for c in columns}
    for candidate in candidates:
        if candidate.lower() in lower:
            return lower[candidate.lower()]
    return None


PATCH_ID_FIELDS = ("patch_no", "tbbh", "jcbh", "bh")


def prejudge(
    patches,
    rights,
    *,
    zones=None,
    previous=None,
    cases=None,
    date_field: str = DEFAULT_DATE_FIELD,
    tolerance_m2: float = DEFAULT_TOLERANCE_M2,
    id_field: str | None = None,
    workers: int | None = None,
    progress=None,
    is_canceled=None,
) -> PrejudgeResult:
    """Pre-judge a GeoDataFrame of patches against a GeoDataFrame of licences.

    ``rights`` needs license_no, valid_from, valid_to (and may have holder);
    ``zones`` name/zone_name and level/zone_level; ``previous`` year (or a date
    field: ``date_field``, date_after, date); ``cases`` is a DataFrame of
    administrative penalties with penalty_date (or date) and license_no and/or
    holder. Field names are matched without case. The returned frame is a copy
    of ``patches`` (same rows, same geometry and CRS) with :data:`OUTPUT_FIELDS`
    added or overwritten.
    """
    import geopandas as gpd

    warnings: list[str] = []
    missing = [name for name in ("license_no", "valid_from", "valid_to") if find_column(rights.columns, name) is None]
    if missing:
        raise PrejudgeError(tr("The licence layer lacks required fields: {fields}").format(fields=", ".join(missing)))
    base = patches if patches.crs is not None else rights
    if patches.crs is None and rights.crs is not None:
        warnings.append(tr("The patches have no CRS: taken to be that of the licences."))
    geographic = base.crs is not None and base.crs.is_geographic
    try:
        target = analysis_crs(base.crs, _lonlat_bounds(base) if geographic else None)
    except CrsError as error:
        raise PrejudgeError(str(error)) from error
    if geographic:
        if base.crs.to_epsg() != 4490:
            warnings.append(
                tr("The patches are in {crs}, not CGCS2000: check the datum of the data.").format(crs=base.crs.name)
            )
        warnings.append(
            tr("Geographic coordinates projected to {crs} to measure areas.").format(crs=f"EPSG:{target.to_epsg()}")
        )

    def to_target(frame: gpd.GeoDataFrame, label: str) -> np.ndarray:
        if frame.crs is None or target is None:
            if frame.crs is None and target is not None and frame is not patches:
                warnings.append(tr("{layer} has no CRS: taken to be that of the patches.").format(layer=label))
            return np.asarray(frame.geometry.values, dtype=object)
        if _same_crs(frame.crs, target):
            return np.asarray(frame.geometry.values, dtype=object)
        return np.asarray(frame.geometry.to_crs(target).values, dtype=object)

    date_col = find_column(patches.columns, date_field) if date_field else None
    id_col = find_column(patches.columns, id_field) if id_field else find_column(patches.columns, *PATCH_ID_FIELDS)
    ids = (
        None
        if id_col is None
        else [str(v) if v is not None else f"#{k + 1}" for k, v in enumerate(patches[id_col].tolist())]
    )
    year_col = find_column(patches.columns, "year")
    holder_col = find_column(patches.columns, "holder")
    licence_set = LicenceSet(
        geometries=to_target(rights, "RIGHTS"),
        license_no=rights[find_column(rights.columns, "license_no")].tolist(),
        valid_from=rights[find_column(rights.columns, "valid_from")].tolist(),
        valid_to=rights[find_column(rights.columns, "valid_to")].tolist(),
        holder=rights[find_column(rights.columns, "holder")].tolist()
        if find_column(rights.columns, "holder")
        else None,
    )
    zone_set = None
    if zones is not None:
        name_col = find_column(zones.columns, "zone_name", "name")
        if name_col is None:
            raise PrejudgeError(tr("The monitoring zone layer lacks the field name (or zone_name)."))
        level_col = find_column(zones.columns, "zone_level", "level")
        zone_set = ZoneSet(
            to_target(zones, "ZONES"),
            zones[name_col].tolist(),
            zones[level_col].tolist() if level_col else None,
        )
    previous_set = None
    if previous is not None:
        year_prev = find_column(previous.columns, "year")
        source = year_prev or find_column(previous.columns, date_field or DEFAULT_DATE_FIELD, "date_after", "date")
        if source is None:
            raise PrejudgeError(tr("The earlier patches lack a year field (or a date field to take it from)."))
        previous_set = PreviousPatches(to_target(previous, "PREVIOUS_PATCHES"), previous[source].tolist())
    case_set = None
    if cases is not None:
        date_col_cases = find_column(cases.columns, "penalty_date", "date")
        lic_col = find_column(cases.columns, "license_no")
        holder_col_cases = find_column(cases.columns, "holder")
        if date_col_cases is None or (lic_col is None and holder_col_cases is None):
            raise PrejudgeError(tr("The penalty cases need a penalty_date field and a license_no or holder field."))
        case_set = PenaltyCases(
            cases[date_col_cases].tolist(),
            cases[lic_col].tolist() if lic_col else None,
            cases[holder_col_cases].tolist() if holder_col_cases else None,
        )
    if date_field and date_col is None:
        dates = None
    else:
        dates = patches[date_col].tolist() if date_col else None
    result = prejudge_arrays(
        to_target(patches, "PATCHES"),
        licence_set,
        dates=dates,
        patch_ids=ids,
        years=patches[year_col].tolist() if year_col else None,
        holders=patches[holder_col].tolist() if holder_col else None,
        zones=zone_set,
        previous=previous_set,
        cases=case_set,
        tolerance_m2=tolerance_m2,
        date_label=date_field or DEFAULT_DATE_FIELD,
        workers=workers,
        progress=progress,
        is_canceled=is_canceled,
    )
    frame = patches.copy()
    for name, kind in OUTPUT_FIELDS:
        values = result.columns[name]
        if kind == "integer":
            values = [None if v < 0 else int(v) for v in values]
            frame[name] = np.array(values, dtype=object)
            frame[name] = frame[name].astype("Int64")
        elif kind == "real":
            frame[name] = np.asarray(values, dtype=float)
        elif kind == "boolean":
            frame[name] = np.array(values, dtype=object)
            frame[name] = frame[name].astype("boolean")
        else:
            frame[name] = np.array(values, dtype=object)
    return PrejudgeResult(frame=frame, warnings=warnings + result.warnings, analysis_crs=target)


def _lonlat_bounds(frame):
    from pyproj import CRS

    if frame.crs is None or len(frame) == 0:
        raise PrejudgeError(tr("Geographic data need their extent to choose a Gauss-Kruger zone."))
    geoms = frame.geometry
    if not CRS.from_user_input(frame.crs).is_geographic:
        geoms = geoms.to_crs(4490)
    bounds = geoms.total_bounds
    if not np.all(np.isfinite(bounds)):
        raise PrejudgeError(tr("Geographic data need their extent to choose a Gauss-Kruger zone."))
    return bounds


def _same_crs(a, b) -> bool:
    from pyproj import CRS

    if a is None or b is None:
        return True
    return CRS.from_user_input(a) == CRS.from_user_input(b)
