"""The pre-judgment on shapely arrays in one planar CRS: the steps in order.

:func:`prejudge_arrays` checks the inputs (:mod:`.inputs`), lays the patches
over the licences (:mod:`.overlay`), measures what is covered by licences and
by licences valid on each patch's date, and applies the rules (:mod:`.rules`):
the classification, the licences touched, the zone, the earlier years, the
penalties. It needs neither pandas nor geopandas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ...i18n import tr
from .inputs import (
    LicenceTable,
    check_dates,
    check_licence_geometries,
    check_licences,
    check_patches,
    clean_polygons,
    patch_years,
)
from .model import (
    DEFAULT_DATE_FIELD,
    DEFAULT_TOLERANCE_M2,
    LicenceSet,
    PenaltyCases,
    PrejudgeArrays,
    PrejudgeError,
    PreviousPatches,
    ZoneSet,
)
from .overlay import Runner, covered_area, overlay_pairs
from .rules import classify, count_penalties, licences_touched, repeat_years, valid_pairs, zone_of_largest_share


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
    :func:`.inputs.clean_polygons` (its status per patch), e.g. while they were read.
    """
    if tolerance_m2 < 0:
        raise PrejudgeError(tr("The tolerance must not be negative."))
    patches = np.asarray(patches, dtype=object)
    n = len(patches)
    ids = [str(i + 1) for i in range(n)] if patch_ids is None else [str(v) for v in patch_ids]
    runner = Runner(workers, progress, is_canceled)
    try:
        runner.report(0)
        if patch_status is None:
            geoms, status = clean_polygons(patches, runner)
        else:
            geoms, status = patches, np.asarray(patch_status, dtype=np.int8)
        return _Judgment(geoms, ids, runner, date_label).run(
            status, licences, dates, years, holders, zones, previous, cases, tolerance_m2
        )
    finally:
        runner.close()


@dataclass
class _Pairs:
    """The (patch, licence) pairs overlapping with positive area, sorted by patch then licence."""

    pi: np.ndarray
    lj: np.ndarray
    areas: np.ndarray
    whole: np.ndarray  # the patch lies wholly inside the licence
    pieces: np.ndarray  # the overlap (the patch itself where whole)
    polygons: np.ndarray  # the licence polygon of each pair


class _Judgment:
    """One run of the pre-judgment: the clean patches, their warnings and notes, and the steps."""

    def __init__(self, geoms: np.ndarray, ids: list[str], runner: Runner, date_label: str):
        self.geoms = geoms
        self.n = len(geoms)
        self.ids = ids
        self.runner = runner
        self.date_label = date_label
        self.warnings: list[str] = []
        self.notes: dict[int, list[str]] = defaultdict(list)  # patch index -> its notes (most patches have none)

    def run(self, status, licences, dates, years, holders, zones, previous, cases, tolerance_m2) -> PrejudgeArrays:
        n, runner = self.n, self.runner
        runner.report(8)
        check_patches(status, self.ids, self.warnings, self.notes)
        usable = ~shapely.is_missing(self.geoms)
        patch_area = np.full(n, np.nan)
        patch_area[usable] = shapely.area(self.geoms[usable])
        date_ord = check_dates(dates, usable, self.ids, self.date_label, self.warnings, self.notes)
        year_of = patch_years(years, date_ord)

        table = check_licences(licences, self.warnings)
        pairs = self.licence_pairs(licences, table)
        inside, covered_valid = self.licence_cover(pairs, patch_area, date_ord, table)
        runner.report(85)

        outside = np.where(usable, patch_area - inside, np.nan)
        outside = np.maximum(outside, 0.0, where=usable, out=outside)
        has_date = ~np.isnan(date_ord)
        expired_area = np.where(usable & has_date, inside - covered_valid, np.nan)
        not_valid = np.where(usable & has_date, patch_area - covered_valid, np.nan)
        prejudgment = classify(usable, has_date, inside, outside, not_valid, tolerance_m2)
        license_text, holders_of = licences_touched(n, pairs.pi, pairs.lj, table.number, licences.holder)
        runner.report(88)

        columns: dict = {
            "prejudgment": prejudgment,
            "inside_area_m2": np.where(usable, inside, np.nan),
            "outside_area_m2": outside,
            "expired_area_m2": expired_area,
            "license_no": license_text,
        }
        columns["zone_name"], columns["zone_level"] = self.zones(zones)
        runner.report(92)
        columns["repeat_years"] = self.repeat_years(year_of, previous)
        runner.report(96)
        columns["penalties_2y"], columns["transfer_to_judiciary"] = self.penalties(
            date_ord, usable, table, pairs, holders_of, holders, cases, prejudgment
        )
        columns["prejudge_note"] = self.note_column()
        runner.report(100)
        return PrejudgeArrays(columns=columns, warnings=self.warnings)

    # ---- the steps

    def licence_pairs(self, licences: LicenceSet, table: LicenceTable) -> _Pairs:
        """Overlay with the licences (only licences meeting a patch are checked and repaired, unless done already)."""
        lic_clean = np.asarray(licences.geometries, dtype=object).copy()
        cleaned = licences.status is not None
        lic_status = np.array(licences.status, dtype=np.int8) if cleaned else np.zeros(len(lic_clean), dtype=np.int8)
        pi, lj, areas, whole, pieces = overlay_pairs(
            self.geoms,
            lic_clean,
            self.runner,
            start=10,
            end=80,
            with_pieces=True,
            others_status=lic_status,
            others_clean=cleaned,
        )
        check_licence_geometries(lic_status, table.label, self.warnings)
        order = np.lexsort((lj, pi))
        pi, lj, areas, whole, pieces = pi[order], lj[order], areas[order], whole[order], pieces[order]
        pieces[whole] = self.geoms[pi[whole]]
        return _Pairs(pi, lj, areas, whole, pieces, lic_clean[lj])

    def licence_cover(self, pairs: _Pairs, patch_area, date_ord, table: LicenceTable):
        """Area of each patch covered by any licence, and by the licences valid on its date."""
        n, runner = self.n, self.runner
        pi, areas, whole, pieces = pairs.pi, pairs.areas, pairs.whole, pairs.pieces
        inside = covered_area(n, pi, areas, whole, pieces, patch_area, runner, polygons=pairs.polygons)
        inside = np.minimum(inside, np.nan_to_num(patch_area, nan=0.0))
        valid_pair = valid_pairs(date_ord, pi, pairs.lj, table.valid_from, table.valid_to)
        n_pairs = np.bincount(pi, minlength=n)
        n_valid = np.bincount(pi, weights=valid_pair, minlength=n).astype(np.int64)
        covered_valid = np.where(n_valid == n_pairs, inside, 0.0)
        mixed = (n_valid > 0) & (n_valid < n_pairs)
        if mixed.any():
            select = valid_pair & mixed[pi]
            cv = covered_area(n, pi, areas, whole, pieces, patch_area, runner, select=select, polygons=pairs.polygons)
            covered_valid[mixed] = cv[mixed]
        return inside, np.minimum(covered_valid, inside)

    def zones(self, zones: ZoneSet | None):
        zone_name = np.full(self.n, None, dtype=object)
        zone_level = np.full(self.n, None, dtype=object)
        if zones is not None:
            zone_of_largest_share(self.geoms, zones, self.runner, self.warnings, zone_name, zone_level)
        return zone_name, zone_level

    def repeat_years(self, year_of, previous: PreviousPatches | None):
        repeat = np.full(self.n, None, dtype=object)
        if previous is not None:
            repeat_years(self.geoms, year_of, previous, self.runner, self.warnings, repeat)
        return repeat

    def penalties(self, date_ord, usable, table: LicenceTable, pairs: _Pairs, holders_of, holders, cases, prejudgment):
        penalties = np.full(self.n, -1, dtype=np.int64)
        transfer = np.full(self.n, None, dtype=object)
        if cases is not None:
            count_penalties(
                self.n,
                date_ord,
                usable,
                table.number,
                pairs.pi,
                pairs.lj,
                holders_of,
                holders,
                cases,
                prejudgment,
                self.warnings,
                penalties,
                transfer,
            )
        return penalties, transfer

    def note_column(self) -> np.ndarray:
        prejudge_note = np.full(self.n, None, dtype=object)
        for i, texts in self.notes.items():
            if texts:
                prejudge_note[i] = "; ".join(texts)
        return prejudge_note
