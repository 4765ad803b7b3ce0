"""The geopandas face of the pre-judgment: GeoDataFrames in, a GeoDataFrame out.

:func:`prejudge` finds the fields (without case), chooses the planar CRS to
measure areas in (:func:`..domain.crs.analysis_crs`: projected data stay in
their CRS, geographic data go to the CGCS2000 3-degree Gauss–Krüger zone of
their centre), reprojects the other layers to it and runs
:func:`.core.prejudge_arrays`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...domain.crs import CrsError, analysis_crs
from ...i18n import tr
from .core import prejudge_arrays
from .model import (
    DEFAULT_DATE_FIELD,
    DEFAULT_TOLERANCE_M2,
    OUTPUT_FIELDS,
    LicenceSet,
    PenaltyCases,
    PrejudgeError,
    PreviousPatches,
    ZoneSet,
)


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
