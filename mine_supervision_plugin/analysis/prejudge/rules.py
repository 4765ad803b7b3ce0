"""The pre-judgment's rules: the classification of a patch, its licences, zone, earlier years and penalties.

Each rule works on the overlay's pairs (patch index ``pi``, polygon index,
sorted by patch) and fills per-patch columns.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import shapely

from ...domain.licence import split_list
from ...i18n import tr
from .inputs import date_ordinals, short_list, to_year
from .model import PENALTIES_FOR_TRANSFER, PENALTY_WINDOW_YEARS, PenaltyCases, PreviousPatches, ZoneSet
from .overlay import group_starts, overlay_pairs


def valid_pairs(date_ord: np.ndarray, pi: np.ndarray, lj: np.ndarray, valid_from: np.ndarray, valid_to: np.ndarray):
    """For each (patch, licence) pair: is the licence valid on the patch's date? (NaN bounds are open.)

    Not valid: no date, not yet valid (valid_from after the date) or expired (valid_to before it).
    """
    d = date_ord[pi]
    return ~np.isnan(d) & ~(valid_from[lj] > d) & ~(valid_to[lj] < d)


def classify(
    usable: np.ndarray,
    has_date: np.ndarray,
    inside: np.ndarray,
    outside: np.ndarray,
    not_valid: np.ndarray,
    tolerance_m2: float,
) -> np.ndarray:
    """The pre-judgment code of each patch (None where it has no usable geometry).

    ``unlicensed`` when inside < tolerance; else ``out_of_bounds`` when
    outside >= tolerance; else ``expired_licence`` when the part not covered
    by licences valid on its date (``not_valid``; dated patches only) is >=
    tolerance; else ``within_licence``.
    """
    n = len(usable)
    prejudgment = np.full(n, None, dtype=object)
    prejudgment[usable] = "within_licence"
    exp = usable & has_date & (not_valid >= tolerance_m2)
    prejudgment[exp] = "expired_licence"
    oob = usable & (outside >= tolerance_m2)
    prejudgment[oob] = "out_of_bounds"
    unl = usable & (inside < tolerance_m2)
    prejudgment[unl] = "unlicensed"
    return prejudgment


def licences_touched(n: int, pi: np.ndarray, lj: np.ndarray, lic_no: np.ndarray, holder=None):
    """Per patch the licence numbers it overlaps (sorted, comma-separated; None for none), and their holders.

    Returns ``(license_text, holders_of)``: ``holders_of`` maps a patch index
    to the holders of its licences (filled only when ``holder`` is given).
    """
    license_text = np.full(n, None, dtype=object)
    holders_of: dict[int, set] = {}
    lic_holder = None
    if holder is not None:
        lic_holder = ["" if h is None else str(h).strip() for h in holder]
    starts = group_starts(pi)
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
    return license_text, holders_of


def zone_of_largest_share(geoms, zones: ZoneSet, runner, warnings, zone_name, zone_level) -> None:
    """Each patch's key monitoring zone: the one holding the largest share of it (zone order breaks ties)."""
    from ...domain.vocab import to_code

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
        warnings.append(tr("Unknown zone levels kept as written: {names}").format(names=short_list(sorted(unknown))))
    pi, zj, areas, _ = overlay_pairs(geoms, zgeoms, runner, others_status=zstatus)
    if (zstatus >= 2).any():
        warnings.append(
            tr("Monitoring zones without usable geometry, ignored: {names}").format(
                names=short_list([names[j] or str(j + 1) for j in np.flatnonzero(zstatus >= 2)])
            )
        )
    if len(pi) == 0:
        return
    order = np.lexsort((zj, -areas, pi))  # per patch: largest share first, then zone order
    pi, zj = pi[order], zj[order]
    first = group_starts(pi)
    for i, j in zip(pi[first], zj[first]):
        zone_name[i] = names[j] or None
        zone_level[i] = levels[j]


def repeat_years(geoms, year_of, previous: PreviousPatches, runner, warnings, repeat) -> None:
    """The years of the earlier patches each patch overlaps (多年连续变化); patches of its year or later are not earlier."""
    pgeoms = np.asarray(previous.geometries, dtype=object).copy()
    pyears = np.array([to_year(v) for v in previous.year], dtype=float)
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
    starts = group_starts(pi)
    stops = np.r_[starts[1:], len(pi)]
    for s, e in zip(starts, stops):
        repeat[pi[s]] = ",".join(str(y) for y in np.unique(yrs[s:e]))


def count_penalties(
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
) -> None:
    """Penalties of the patch's licences and holders in the two years before its date, and the transfer rule.

    Seed 003: 二年内曾因非法采矿受过两次以上行政处罚，又实施非法采矿行为 → 移送司法机关;
    以上 includes the number itself, and a patch within its licence is no violation.
    """
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
    starts = group_starts(pi)
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
