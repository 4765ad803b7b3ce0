"""The pre-judgment's inputs: dates and years read, geometries checked and repaired, what is unusable named.

Each ``check_*`` step reads one input, adds its warnings (worded for the
user) to ``warnings`` and its per-patch notes to ``notes`` (patch index ->
texts), and returns what the next steps need.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from ...domain.dates import to_date
from ...domain.polygon_repair import repair_polygon
from ...i18n import tr
from .model import MAX_NAMED, LicenceSet

if TYPE_CHECKING:
    from .overlay import Runner

_POLYGONAL = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)


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


def short_list(items: Sequence) -> str:
    """Items for a warning: all of them, or the first :data:`MAX_NAMED` \"and N more\"."""
    items = [str(i) for i in items]
    if len(items) <= MAX_NAMED:
        return ", ".join(items)
    return tr("{names} and {more} more").format(names=", ".join(items[:MAX_NAMED]), more=len(items) - MAX_NAMED)


def to_year(value) -> float:
    """A year (1900-2200) from a number, a date or date text; NaN when there is none."""
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


# --------------------------------------------------------------------------- geometries


def clean_polygons(geometries: np.ndarray, runner: Runner | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Polygons checked for analysis, the invalid ones repaired (:func:`..domain.polygon_repair.repair_polygon`).

    Validity is checked in bulk (in ``runner``'s threads when given); only
    the invalid or non-polygonal geometries go through the repair rule.
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
        repaired = repair_polygon(geoms[i]).geometry
        geoms[i] = repaired
        status[i] = 3 if repaired is None else 1
    if shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    return geoms, status


# --------------------------------------------------------------------------- the steps


def check_patches(status: np.ndarray, ids: Sequence[str], warnings: list, notes: dict) -> None:
    """Name the repaired patches and those that cannot be pre-judged (status of :func:`clean_polygons`)."""
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
            warnings.append(warning.format(names=short_list([ids[i] for i in named])))
            for i in named:
                notes[i].append(note)


def check_dates(
    dates: Sequence | None, usable: np.ndarray, ids: Sequence[str], date_label: str, warnings: list, notes: dict
) -> np.ndarray:
    """The patches' after-imagery dates as ordinals (NaN where none); the unreadable and missing ones named."""
    n = len(usable)
    date_ord, bad_dates = date_ordinals(dates, n)
    if bad_dates:
        warnings.append(
            tr("Unreadable {field} for patches: {names}").format(
                field=date_label, names=short_list([ids[i] for i in bad_dates])
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
            ).format(field=date_label, names=short_list([ids[i] for i in undated]))
        )
    for i in undated:
        notes[i].append(tr("no imagery date: licence validity not checked"))
    return date_ord


def patch_years(years: Sequence | None, date_ord: np.ndarray) -> np.ndarray:
    """Each patch's year (NaN where unknown): as given, else the year of its date."""
    n = len(date_ord)
    if years is None:
        year_of = np.full(n, np.nan)
        dated = ~np.isnan(date_ord)
        year_of[dated] = [dt.date.fromordinal(int(o)).year for o in date_ord[dated]]
    else:
        year_of = np.array([to_year(v) for v in years], dtype=float)
        missing_year = np.isnan(year_of) & ~np.isnan(date_ord)
        year_of[missing_year] = [dt.date.fromordinal(int(o)).year for o in date_ord[missing_year]]
    return year_of


@dataclass
class LicenceTable:
    """The licences' numbers, names for warnings and validity as ordinals (NaN: open on that side)."""

    number: np.ndarray  # object array of str ("" where none)
    label: list[str]
    valid_from: np.ndarray
    valid_to: np.ndarray


def check_licences(licences: LicenceSet, warnings: list) -> LicenceTable:
    """The licences' numbers and validity read; those without a number or with an open validity named."""
    m = len(licences.geometries)
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
                names=short_list([lic_label[j] for j in bad_validity])
            )
        )
    open_validity = np.flatnonzero(np.isnan(vfrom) | np.isnan(vto))
    open_validity = np.setdiff1d(open_validity, bad_validity)
    if len(open_validity):
        warnings.append(
            tr("Licences with an empty valid_from or valid_to, taken as open on that side: {names}").format(
                names=short_list(sorted({lic_label[j] for j in open_validity}))
            )
        )
    return LicenceTable(lic_no, lic_label, vfrom, vto)


def check_licence_geometries(status: np.ndarray, labels: Sequence[str], warnings: list) -> None:
    """Name the licences repaired and those ignored (status of :func:`clean_polygons`)."""
    if (status == 1).any():
        warnings.append(
            tr("Invalid licence geometry repaired (make_valid): {names}").format(
                names=short_list([labels[j] for j in np.flatnonzero(status == 1)])
            )
        )
    if (status >= 2).any():
        warnings.append(
            tr("Licences without usable geometry, ignored: {names}").format(
                names=short_list([labels[j] for j in np.flatnonzero(status >= 2)])
            )
        )
